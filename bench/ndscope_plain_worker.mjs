#!/usr/bin/env node
/**
 * ndscope without relaxed SIMD, for bench/run.mjs's `(plain SIMD128 build)` rows: a child process
 * started with `--no-experimental-wasm-relaxed-simd`, so the runtime's probe loads the plain
 * SIMD128 module (no fused multiply-add) — what a browser without relaxed SIMD, or the library
 * imported by plain Node 20 (no flag), runs. run.mjs itself switches relaxed SIMD on, as ndscope's
 * runner does, so its other rows use the FMA build.
 *
 * Protocol (as bench/numpy_worker.py): one JSON request per stdin line {"w": id, "budget": s},
 * one answer per line {"w": id, "s": median seconds per call, "build": 'simd128' | 'relaxed-simd'}.
 * Workloads: `matmul:<n>,<dtype>`, `exp`, `log` (1e6 float64, the data of run.mjs's rows). The
 * first line written is {"ready": true, "build": …}.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist', 'runtime', 'index.mjs');
if (!existsSync(dist)) throw new Error('dist/runtime/index.mjs missing: run `npm run build`');
const np = await import(pathToFileURL(dist).href);
// the build the runtime loaded (its probe also checks that relaxed_madd fuses; null: TS kernels)
const build = np.backendStatus().module ?? 'none';

const now = () => performance.now() / 1000;
/** bench/run.mjs's measure(): warm-up, then samples until the budget; the median per call. */
function measure(fn, budget) {
  let t = now();
  fn();
  if (now() - t < 0.1) for (let i = 0; i < 20 && now() - t < 0.25; i++) fn();
  const samples = [];
  const start = now();
  while (samples.length < 3 || (now() - start < budget && samples.length < 200)) {
    t = now();
    fn();
    samples.push(now() - t);
  }
  samples.sort((a, b) => a - b);
  return samples[samples.length >> 1];
}

const dispose = (r) => {
  if (r && typeof r === 'object' && typeof r[Symbol.dispose] === 'function') r[Symbol.dispose]();
};
const cases = new Map();
function workload(id) {
  if (cases.has(id)) return cases.get(id);
  if (id === 'exp' || id === 'log') {
    const a = np.random.default_rng(0).random([1e6]);
    const fn = () => dispose(np[id](a));
    cases.set(id, fn);
    return fn;
  }
  const m = /^matmul:(\d+),(float64|float32)$/.exec(id);
  if (m === null) throw new Error(`ndscope_plain_worker: unknown workload ${id}`);
  const n = Number(m[1]);
  const rng = np.random.default_rng(0);
  const rnd = () => (m[2] === 'float64' ? rng.random([n, n]) : rng.random([n, n]).astype(m[2]));
  const a = rnd(),
    b = rnd();
  const fn = () => dispose(np.matmul(a, b));
  cases.set(id, fn);
  return fn;
}

process.stdout.write(JSON.stringify({ ready: true, build }) + '\n');
for await (const line of createInterface({ input: process.stdin })) {
  if (line.trim() === '') continue;
  const { w, budget } = JSON.parse(line);
  process.stdout.write(JSON.stringify({ w, s: measure(workload(w), budget), build }) + '\n');
}
