#!/usr/bin/env node
/**
 * Memory checks for bench/RESULTS.md (run by bench/run.mjs in a fresh process; prints one JSON
 * line). Uses the built bundle (dist/runtime/index.mjs), as users do.
 *   1. np.add of two 1e7 float64 arrays: allocator bytes and linear-memory growth vs 80 MB, with
 *      the inputs (3 × 80 MB) and the op's own allocation (the result only: 1.0 × 80 MB).
 *   2. 10,000 iterations allocating and dropping arrays: with dispose (`using`), dropped in a
 *      synchronous loop, and dropped while yielding to the event loop (this process: no reclaim
 *      hook), and dropped in a synchronous loop inside a worker started after the V8 flags
 *      `--expose-gc --harmony-weak-refs-with-cleanup-some` (as the runner's worker: the reclaim
 *      hook collects before the memory grows).
 */
import * as v8 from 'node:v8';
import { Worker } from 'node:worker_threads';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundleUrl = pathToFileURL(join(root, 'dist', 'runtime', 'index.mjs')).href;
const np = await import(bundleUrl);
const MB80 = 8e7;

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
  const first = np.memoryStats().memoryBytes;
  let i = 1;
  try {
    for (; i < 10_000; i++) {
      step();
      if (mode === 'yielding' && i % 100 === 0) await new Promise((r) => setTimeout(r, 0));
    }
  } catch (e) {
    return { first, after: np.memoryStats().memoryBytes, failedAt: i, error: String(e.message) };
  }
  return { first, after: np.memoryStats().memoryBytes, iterations: i };
}
const disposed = await loop('disposed');
const yielding = await loop('yielding');
const dropped = await loop('dropped');

// the runner's setting: a worker started after the flags, the same synchronous dropping loop
v8.setFlagsFromString('--expose-gc');
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
  parentPort.postMessage({ first, at1000, after: s.memoryBytes, reclaims: s.reclaims, iterations: i, ms: performance.now() - t0 });
});`;
const reclaimed = await new Promise((resolve, reject) => {
  const w = new Worker(workerCode, { eval: true, execArgv: [] });
  w.once('message', (m) => {
    resolve(m);
    void w.terminate();
  });
  w.once('error', reject);
});
console.log(JSON.stringify({ add, loop: { disposed, dropped, yielding, reclaimed } }));
