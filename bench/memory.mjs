#!/usr/bin/env node
/**
 * Memory checks for bench/RESULTS.md (run by bench/run.mjs in a fresh process; prints one JSON
 * line). Uses the built bundle (dist/runtime/index.mjs), as users do.
 *   1. np.add of two 1e7 float64 arrays: allocator bytes and linear-memory growth vs 80 MB.
 *   2. 10,000 iterations allocating and dropping arrays: with dispose (`using`), dropped in a
 *      synchronous loop, and dropped while yielding to the event loop.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const np = await import(pathToFileURL(join(root, 'dist', 'runtime', 'index.mjs')).href);
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
console.log(JSON.stringify({ add, loop: { disposed, dropped, yielding } }));
