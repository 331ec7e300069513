import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { instrumentSites, unshiftColumn, SITE_CELL } from '../../src/runner/sites';

/**
 * Each `probe(…)`/`o.T` below reports the site id the instrumented code set and the position V8
 * reports for its caller: both must name the same place.
 */
const SOURCE = `
const cell = globalThis[Symbol.for('${SITE_CELL}')];
const seen = [];
function probe(...args) {
  const id = cell[0];
  cell[0] = 0;
  const e = {};
  Error.captureStackTrace(e, probe);
  seen.push([id, e.stack.split('\\n')[1]]);
  return args.length;
}
const o = { probe, g: { probe }, get T() { const id = cell[0]; cell[0] = 0; const e = {}; Error.captureStackTrace(e); seen.push([id, e.stack.split('\\n')[2]]); return 5; } };
const n0 = probe();
const n2 = o.probe(1, probe(2));
const n1 = o.g.probe(...[probe()]);
const t = o.T + (o?.T ?? 0);
const chained = (0, o.probe)(o
  .probe(), 3);
const opt = o?.probe?.(1, 2, 3);
const none = null;
const skipped = none?.g.T;
const arrow = [1, 2].map((x) => probe(x, x));
const last = o["probe"](\`x\`, { a: probe() },);
export const result = { n0, n2, n1, t, chained, opt, skipped, arrow, last, seen };
`;

describe('runner/sites: call-site ids', () => {
  it('each call sets its site right before the call, where V8 reports the uninstrumented call', async () => {
    const inst = instrumentSites(SOURCE);
    assert.equal(inst.code.split('\n').length, SOURCE.split('\n').length);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ndscope-sites-'));
    type Result = Record<string, unknown> & { seen: [number, string][] };
    const run = async (name: string, code: string): Promise<Result> => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, code);
      const m = (await import(pathToFileURL(file).href)) as { result: Result };
      return m.result;
    };
    (globalThis as Record<symbol, unknown>)[Symbol.for(SITE_CELL)] = new Int32Array(1);
    try {
      const plain = await run('plain.mjs', SOURCE);
      const r = await run('inst.mjs', inst.code);
      // semantics unchanged
      for (const k of ['n0', 'n2', 'n1', 't', 'chained', 'opt', 'skipped', 'arrow', 'last'])
        assert.deepEqual(r[k], plain[k], k);
      assert.equal(r['n2'], 2);
      assert.equal(r['t'], 10);
      assert.equal(r['skipped'], undefined);
      assert.equal(r.seen.length, plain.seen.length);
      assert.ok(r.seen.length >= 10);
      r.seen.forEach(([id], i) => {
        const frame = (plain.seen[i] as [number, string])[1];
        assert.ok(id > 0, `no site id for ${frame}`);
        const mm = /:(\d+):(\d+)\)?$/.exec(frame);
        assert.ok(mm, frame);
        // the site, taken back to uninstrumented columns as the runner does, is V8's position
        const [line, col] = inst.sites[id] as [number, number];
        assert.equal(line, Number(mm[1]), frame);
        assert.equal(unshiftColumn(inst.shifts, line, col), Number(mm[2]), frame);
      });
    } finally {
      delete (globalThis as Record<symbol, unknown>)[Symbol.for(SITE_CELL)];
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('unshiftColumn takes instrumented columns back to the original ones', () => {
    const src = 'const a = f(g(x), h());\nlet b = y.T;\n';
    const inst = instrumentSites(src);
    const lines = inst.code.split('\n');
    for (let li = 0; li < 2; li++) {
      const orig = src.split('\n')[li] as string;
      const gen = lines[li] as string;
      for (const tok of ['f', 'g', 'x', 'h', 'y', 'T', 'a', 'b']) {
        const o = orig.indexOf(tok === 'a' || tok === 'b' ? ` ${tok} ` : tok);
        if (o < 0) continue;
        const at = tok === 'a' || tok === 'b' ? o + 1 : o;
        // the same token in the generated line: the n-th identifier occurrence
        const re = new RegExp(`\\b${tok}\\b`, 'g');
        const want = (orig.slice(0, at + 1).match(re) ?? []).length;
        let k = 0;
        let g = -1;
        for (const mm of gen.matchAll(re)) {
          if (++k === want) {
            g = mm.index;
            break;
          }
        }
        assert.ok(g >= 0, `${tok} in ${gen}`);
        assert.equal(unshiftColumn(inst.shifts, li + 1, g + 1), at + 1, `${tok} on line ${li + 1}`);
      }
    }
  });
});
