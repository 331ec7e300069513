/**
 * Reclaiming dropped arrays in a plain Node process (no V8 flags on the command line), as a
 * TypeScript developer using ndscope as a library gets it: the built package (dist/, ESM and CJS)
 * and the sources through tsx. Each case runs in a fresh child `node`: 10,000 iterations that
 * allocate three 1e4-element float64 arrays and drop them, synchronously or yielding to the event
 * loop every 100 iterations. The runtime finds a `gc` by itself before the memory would grow (past
 * its 32 MiB floor), so the memory stays at its first reclaimed high-water mark; with
 * `np.configureMemory({reclaim: false})` the same loop grows (so these tests can fail). Builds
 * nothing: the dist cases need `npm run build` first (`npm test` does).
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(__dirname, '..', '..');
const MiB = 1 << 20;
const dir = mkdtempSync(join(tmpdir(), 'ndscope-reclaim-'));
after(() => rmSync(dir, { recursive: true, force: true }));

interface Report {
  first: number;
  at1000: number;
  end: number;
  reclaims: number;
  iterations: number;
  /** `typeof gc` in this realm and in a vm context made after the loop (flags put back?). */
  gcHere: string;
  gcNewContext: string;
  /** `typeof gc` in a worker started after the loop. */
  gcWorker: string;
}

type Source = 'esm' | 'cjs' | 'tsx';

/** The loop program: `np` from `source`, `n` iterations, yielding every 100 when `yielding`. */
function program(source: Source, n: number, yielding: boolean, reclaim: boolean): string {
  const load =
    source === 'esm'
      ? `const np = await import(${JSON.stringify(pathToFileURL(join(root, 'dist', 'runtime', 'index.mjs')).href)});`
      : source === 'cjs'
        ? `const np = (await import('node:module')).createRequire(import.meta.url)(${JSON.stringify(join(root, 'dist', 'runtime', 'index.cjs'))});`
        : `const np = await import(${JSON.stringify(pathToFileURL(join(root, 'src', 'runtime', 'index.ts')).href)});`;
  return `
import * as vm from 'node:vm';
import { Worker } from 'node:worker_threads';
${load}
${reclaim ? '' : 'np.configureMemory({ reclaim: false });'}
const step = () => {
  const x = np.ones([10_000]);
  const t = np.multiply(x, 2);
  np.add(t, 1);
};
step();
const first = np.memoryStats().memoryBytes;
let at1000 = 0;
let i = 1;
for (; i < ${n}; i++) {
  step();
  if (i === 999) at1000 = np.memoryStats().memoryBytes;
  ${yielding ? 'if (i % 100 === 0) await new Promise((r) => setTimeout(r, 0));' : ''}
}
const s = np.memoryStats();
const gcWorker = await new Promise((resolve, reject) => {
  const w = new Worker('require("node:worker_threads").parentPort.postMessage(typeof gc)', { eval: true });
  w.once('message', (m) => { resolve(m); void w.terminate(); });
  w.once('error', reject);
});
console.log(JSON.stringify({
  first, at1000, end: s.memoryBytes, reclaims: s.reclaims, iterations: i,
  gcHere: typeof globalThis.gc, gcNewContext: vm.runInNewContext('typeof gc'), gcWorker,
}));
`;
}

let files = 0;
/** Runs the program in a fresh `node` (tsx sources: `--import tsx`, a loader, no V8 flag). */
function run(
  source: Source,
  n: number,
  opts: { yielding?: boolean; reclaim?: boolean; execArgv?: string[] } = {},
): Promise<Report> {
  if (source !== 'tsx') {
    const f = join(root, 'dist', 'runtime', source === 'esm' ? 'index.mjs' : 'index.cjs');
    assert.ok(existsSync(f), `${f} is missing: run \`npm run build\` first`);
  }
  const file = join(dir, `loop${files++}.mjs`);
  writeFileSync(file, program(source, n, opts.yielding ?? false, opts.reclaim ?? true));
  const args = [...(opts.execArgv ?? []), ...(source === 'tsx' ? ['--import', 'tsx'] : []), file];
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      args,
      { cwd: root, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } },
      (err, stdout, stderr) => {
        if (err) return reject(new Error(`${err.message}\n${stderr}`));
        try {
          resolve(JSON.parse(stdout.trim().split('\n').pop() ?? '') as Report);
        } catch {
          reject(new Error(`no report: ${stdout}\n${stderr}`));
        }
      },
    );
  });
}

const mib = (b: number): string => `${(b / MiB).toFixed(1)} MiB`;

/** Flat: no growth after the first 1,000 iterations, within 2× the 32 MiB reclaim floor. */
function assertFlat(r: Report): void {
  const marks = `first ${mib(r.first)}, after 1,000 ${mib(r.at1000)}, after ${r.iterations} ${mib(r.end)}`;
  assert.equal(r.iterations, 10_000);
  assert.ok(r.reclaims > 0, `no reclaim (${marks})`);
  assert.ok(r.end <= r.at1000, `grew after the first 1,000 iterations: ${marks}`);
  assert.ok(r.end <= 64 * MiB, `past 2× the 32 MiB floor: ${marks}`);
}

/** The process is left as it was: no `gc` anywhere (the flag was only on for a moment). */
function assertNoGcLeft(r: Report): void {
  assert.equal(r.gcHere, 'undefined');
  assert.equal(r.gcNewContext, 'undefined');
  assert.equal(r.gcWorker, 'undefined');
}

describe('reclaim in a plain Node process (no flags)', () => {
  it('built package (ESM): a synchronous 10,000-iteration drop loop stays flat', async () => {
    const r = await run('esm', 10_000);
    assertFlat(r);
    assertNoGcLeft(r);
  });

  it('built package (ESM): a loop yielding every 100 iterations stays flat', async () => {
    const r = await run('esm', 10_000, { yielding: true });
    assertFlat(r);
    assertNoGcLeft(r);
  });

  it('sources through tsx: synchronous and yielding loops stay flat', async () => {
    const [sync, yielding] = await Promise.all([
      run('tsx', 10_000),
      run('tsx', 10_000, { yielding: true }),
    ]);
    assertFlat(sync);
    assertFlat(yielding);
    assertNoGcLeft(sync);
  });

  it('built package (CJS, require): a synchronous loop stays flat', async () => {
    assertFlat(await run('cjs', 10_000));
  });

  it('opt-out: configureMemory({reclaim: false}) leaves the same loops growing', async () => {
    const [sync, yielding] = await Promise.all([
      run('esm', 1_000, { reclaim: false }),
      run('esm', 2_000, { reclaim: false, yielding: true }),
    ]);
    // 1,000 × 3 dropped 80 KB arrays = 240 MB: nothing reclaimed within the synchronous loop
    assert.equal(sync.reclaims, 0);
    assert.ok(sync.end > 128 * MiB, `sync: ${mib(sync.end)}`);
    // yielding lets V8 collect when its own heap asks for it, which the small arrays do not
    assert.equal(yielding.reclaims, 0);
    assert.ok(yielding.end > 128 * MiB, `yielding: ${mib(yielding.end)}`);
  });

  it('a process started with --expose-gc keeps its flag and its gc (nothing switched off)', async () => {
    const r = await run('esm', 10_000, { execArgv: ['--expose-gc'] });
    assertFlat(r);
    assert.equal(r.gcHere, 'function');
    assert.equal(r.gcNewContext, 'function');
  });
});
