/**
 * Each lesson example (examples/*.ts) prints exactly what its NumPy twin (examples/numpy/*.py)
 * prints, except lines starting with `timing:`. Needs `npm run build` (the examples import
 * 'ndscope', which resolves to dist/ through package.json `exports`) and python3 with numpy.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const dir = join(root, 'examples');
const examples = readdirSync(dir).filter((f) => /^\d\d-.*\.ts$/.test(f)).sort();

const strip = (out: string): string[] =>
  out
    .split('\n')
    .filter((l) => !l.startsWith('timing:'))
    .map((l) => l.trimEnd());

describe('lesson examples print what their NumPy twins print', () => {
  it('there is an example for each of the nine lesson sections', () => {
    assert.equal(examples.length, 9);
  });
  for (const ex of examples) {
    it(ex, () => {
      const twin = join(dir, 'numpy', ex.replace(/\.ts$/, '.py'));
      assert.ok(existsSync(twin), `missing NumPy twin ${twin}`);
      const py = execFileSync('python3', [twin], { encoding: 'utf8', cwd: root });
      const ts = execFileSync(process.execPath, ['--import', 'tsx', join(dir, ex)], { encoding: 'utf8', cwd: root });
      const timing = ts.split('\n').filter((l) => l.startsWith('timing:'));
      assert.equal(timing.length, py.split('\n').filter((l) => l.startsWith('timing:')).length, 'timing lines');
      assert.deepEqual(strip(ts), strip(py));
    });
  }
});
