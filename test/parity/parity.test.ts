/**
 * Replays every committed numpy fixture (test/parity/fixtures/*.json, made by `npm run fixtures`)
 * in ndscope: values, dtype, shape, byte strides, flags, memory sharing, or error class and text.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compare, runCase, type Case } from '../helpers/spec';

const dir = join(__dirname, 'fixtures');
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

for (const file of files) {
  const fx = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { area: string; cases: Case[] };
  describe(`parity: ${fx.area}`, () => {
    for (const c of fx.cases) {
      it(c.id, () => {
        if ('error' in c.expect) {
          const want = c.expect.error;
          let threw: unknown = undefined;
          try {
            runCase(c);
          } catch (e) {
            threw = e;
          }
          assert.ok(threw instanceof Error, `numpy raised ${want.cls}: ${want.msg}; ndscope did not throw`);
          const cls = want.cls === 'AxisError' ? ['AxisError'] : [want.cls];
          assert.ok(cls.includes(threw.name), `error class ${threw.name} (${threw.message}) != numpy ${want.cls}`);
          assert.equal(threw.message, want.msg);
          return;
        }
        const { result, built } = runCase(c);
        const m = compare(result, c.expect, c, built);
        assert.equal(m, null, m ?? '');
      });
    }
  });
}
