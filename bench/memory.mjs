#!/usr/bin/env node
/**
 * Memory checks for bench/RESULTS.md (run by bench/run.mjs in a fresh process; prints one JSON
 * line). Uses the built bundle (dist/runtime/index.mjs), as users do, in a plain Node process
 * started with no flags.
 *   1. np.add of two 1e7 float64 arrays: allocator bytes and linear-memory growth vs 80 MB, with
 *      the inputs (3 × 80 MB) and the op's own allocation (the result only: 1.0 × 80 MB); then
 *      20 adds whose results are dropped, and 20 whose results are kept (reclaims: GCs the
 *      allocator asked for; a growing live set must not get one per allocation).
 *   2. 10,000 iterations allocating and dropping arrays: with dispose (`using`); dropped in a
 *      synchronous loop and dropped while yielding to the event loop every 100 iterations (this
 *      process: the runtime finds a `gc` by itself before the memory grows); the same two with
 *      `np.configureMemory({reclaim: false})` (what a plain Node process did before); and the
 *      synchronous loop inside a worker started after the V8 flags
 *      `--expose-gc --harmony-weak-refs-with-cleanup-some` (as the runner's worker).
 */
import { spawnSync } from 'node:child_process';
import * as v8 from 'node:v8';
import { Worker } from 'node:worker_threads';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundleUrl = pathToFileURL(join(root, 'dist', 'runtime', 'index.mjs')).href;
const np = await import(bundleUrl);
const MB80 = 8e7;

// `node bench/memory.mjs --loop <disposed|dropped|yielding> [off]`: one loop in this fresh process
if (process.argv[2] === '--loop') {
  if (process.argv[4] === 'off') np.configureMemory({ reclaim: false });
  const r = await loop(process.argv[3]);
  r.gcLeft = typeof globalThis.gc !== 'undefined';
  console.log(JSON.stringify(r));
  process.exit(0);
}

const s0 = np.memoryStats();
const a = np.ones([1e7]);
const b = np.ones([1e7]);
const s1 = np.memoryStats();
const c = np.add(a, b);
const s2 = np.memoryStats();
if (c.size !== 1e7) throw new Error('add failed');
const add = {
  allocated: s2.highWater - s0.highWater,
  grown: s2.memoryBytes - s0.memoryBytes,
  duringAdd: s2.highWater - s1.highWater,
  peakRatio: (s2.highWater - s0.highWater) / MB80,
  // the op's own allocation: high-water and live bytes it added (the result's block, no temporaries)
  opRatio: (s2.highWater - s1.highWater) / MB80,
  opLive: s2.liveBytes - s1.liveBytes,
};
// 20 adds dropped (a GC per growth keeps the memory at inputs + one result), 20 kept (O(log) GCs)
{
  const r0 = np.memoryStats().reclaims;
  let t0 = performance.now();
  for (let i = 0; i < 20; i++) np.add(a, b);
  const dropped = np.memoryStats();
  add.dropped20 = {
    reclaims: dropped.reclaims - r0,
    memory: dropped.memoryBytes,
    ms: (performance.now() - t0) / 20,
  };
  const kept = [];
  t0 = performance.now();
  for (let i = 0; i < 20; i++) kept.push(np.add(a, b));
  const k = np.memoryStats();
  add.kept20 = {
    reclaims: k.reclaims - dropped.reclaims,
    memory: k.memoryBytes,
    ms: (performance.now() - t0) / 20,
  };
  for (const x of kept) x[Symbol.dispose]();
}
for (const x of [a, b, c]) x[Symbol.dispose]();

async function loop(mode) {
  const step = () => {
    const x = np.ones([1e4]);
    const t = np.multiply(x, 2); // a temporary
    const y = np.add(t, 1);
    if (mode === 'disposed') {
      // what `using x = …, t = …, y = …;` does at the end of the block
      x[Symbol.dispose]();
      t[Symbol.dispose]();
      y[Symbol.dispose]();
    }
  };
  step();
  const r0 = np.memoryStats().reclaims;
  const first = np.memoryStats().memoryBytes;
  const t0 = performance.now();
  let at1000 = 0;
  let i = 1;
  try {
    for (; i < 10_000; i++) {
      step();
      if (i === 999) at1000 = np.memoryStats().memoryBytes;
      if (mode === 'yielding' && i % 100 === 0) await new Promise((r) => setTimeout(r, 0));
    }
  } catch (e) {
    return {
      first,
      at1000,
      after: np.memoryStats().memoryBytes,
      failedAt: i,
      error: String(e.message),
    };
  }
  const s = np.memoryStats();
  return {
    first,
    at1000,
    after: s.memoryBytes,
    iterations: i,
    reclaims: s.reclaims - r0,
    ms: performance.now() - t0,
  };
}
/** One loop in a fresh `node` with no flags (each starts from an empty memory). */
function loopProcess(mode, off = false) {
  const r = spawnSync(
    process.execPath,
    [fileURLToPath(import.meta.url), '--loop', mode, ...(off ? ['off'] : [])],
    { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } },
  );
  try {
    return JSON.parse(r.stdout.trim().split('\n').pop());
  } catch {
    return { error: `${r.stdout}\n${r.stderr}`.trim() };
  }
}
const disposed = loopProcess('disposed');
// plain Node, default: the runtime finds a gc by itself before the memory grows
const droppedAuto = loopProcess('dropped');
const yieldingAuto = loopProcess('yielding');
// what a plain Node process did before: np.configureMemory({reclaim: false})
const yielding = loopProcess('yielding', true);
const dropped = loopProcess('dropped', true);

// the runner's setting: a worker started after the flags, the same synchronous dropping loop
// (V8 11 has cleanupSome; later V8s dropped the flag and the runtime uses WeakRefs there)
v8.setFlagsFromString('--expose-gc');
if (Number(process.versions.v8.split('.')[0]) <= 11)
  v8.setFlagsFromString('--harmony-weak-refs-with-cleanup-some');
const workerCode = `
const { parentPort } = require('node:worker_threads');
import(${JSON.stringify(bundleUrl)}).then((np) => {
  const step = () => {
    const x = np.ones([1e4]);
    const t = np.multiply(x, 2);
    np.add(t, 1);
  };
  step();
  const first = np.memoryStats().memoryBytes;
  const t0 = performance.now();
  let i = 1;
  for (; i < 10_000; i++) {
    step();
    if (i === 999) var at1000 = np.memoryStats().memoryBytes;
  }
  const s = np.memoryStats();
  parentPort.postMessage({ first, at1000, after: s.memoryBytes, reclaims: s.reclaims, iterations: i, ms: performance.now() - t0, cleanupSome: typeof FinalizationRegistry.prototype.cleanupSome === 'function' });
});`;
const reclaimed = await new Promise((resolve, reject) => {
  const w = new Worker(workerCode, { eval: true, execArgv: [] });
  w.once('message', (m) => {
    resolve(m);
    void w.terminate();
  });
  w.once('error', reject);
});
console.log(
  JSON.stringify({
    add,
    loop: { disposed, droppedAuto, yieldingAuto, dropped, yielding, reclaimed },
  }),
);
