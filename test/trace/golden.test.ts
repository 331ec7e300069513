/**
 * Golden traces: every `examples/*.ts` and every `test/trace/programs/*.ts` is run through the
 * runner and its normalized trace compared with test/trace/golden/<group>/<name>.json.
 * `UPDATE_GOLDEN=1` rewrites them; a missing golden is written (and reported) on first run.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runFile } from '../../src/runner/run';
import { normalizeTrace } from './normalize';

const root = path.resolve(__dirname, '..', '..');
const update = process.env['UPDATE_GOLDEN'] === '1';

const groups: [string, string][] = [
  ['programs', path.join(root, 'test', 'trace', 'programs')],
  ['examples', path.join(root, 'examples')],
];

for (const [group, dir] of groups) {
  const files = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
        .sort()
    : [];
  describe(`trace/golden: ${group}`, () => {
    for (const f of files) {
      it(f, async () => {
        const r = await runFile(path.join(dir, f), { timeoutMs: 120_000 });
        const actual = `${JSON.stringify(normalizeTrace(r.trace, root), null, 1)}\n`;
        const goldenPath = path.join(
          root,
          'test',
          'trace',
          'golden',
          group,
          f.replace(/\.ts$/, '.json'),
        );
        if (update || !fs.existsSync(goldenPath)) {
          fs.mkdirSync(path.dirname(goldenPath), { recursive: true });
          fs.writeFileSync(goldenPath, actual);
          if (!update) console.log(`wrote missing golden ${path.relative(root, goldenPath)}`);
          return;
        }
        const expected = fs.readFileSync(goldenPath, 'utf8');
        assert.equal(
          actual,
          expected,
          `trace of ${group}/${f} differs from ${path.relative(root, goldenPath)} (UPDATE_GOLDEN=1 regenerates)`,
        );
      });
    }
  });
}
