/**
 * Opt-in two-thread GEMM (`np.enableParallelGemm()`): where SharedArrayBuffer and Node's
 * worker_threads exist (Node, the VS Code extension host, ndscope's runner worker), large float
 * products (m·n·k ≥ 2^24 by default) are split in two along the longer of m and n: one half runs
 * on the calling thread, the other on one helper worker running the same native module over the
 * same (then shared) WebAssembly.Memory, and the caller blocks on `Atomics.wait` until the helper
 * is done (matmul stays synchronous). Each C element is computed by one thread in the
 * single-thread kernel's summation order, so results are bit-identical to the one-thread kernel.
 *
 * Enabling moves linear memory to a shared WebAssembly.Memory (memory.ts `shareMemory`: same
 * pointers, contents copied; typed arrays obtained before go stale, as after growth) and
 * re-instantiates the native module over it. Call it once at startup. The helper is unref'd: it
 * never keeps a process alive. Without SharedArrayBuffer, Worker or the WASM backend it returns
 * false and changes nothing. The runtime imports no Node module: the Worker class comes from
 * `process.getBuiltinModule('worker_threads')` (Node ≥ 20.16) or the `Worker` option.
 */
import { alloc, shareMemory } from './memory';
import { setParallelGemm, type ParallelGemm } from './gemm';
import { attachSharedMemory, nativeExports } from './wasm/index';
import { nodeProcess } from './wasm/bytes';

/** The part of worker_threads' Worker the pool uses. */
export interface PoolWorker {
  postMessage(message: unknown): void;
  unref(): void;
  terminate(): unknown;
}
export type PoolWorkerCtor = new (
  code: string,
  options: { eval: true; workerData: unknown },
) => PoolWorker;

export interface ParallelGemmOptions {
  /** `Worker` from `node:worker_threads` (default: Node's `process.getBuiltinModule`). */
  Worker?: PoolWorkerCtor;
  /** Smallest product m·n·k that is split (default 2^24: about 256×256×256). */
  minWork?: number;
}

// The helper: instantiates the shared module over the shared memory, then runs each job with its
// own scratch and signals completion (1 done, 2 failed) on the control word; 3 = ready.
const HELPER = `
const { parentPort, workerData } = require('node:worker_threads');
const { module, memory, ctl, scratch } = workerData;
const flag = new Int32Array(ctl);
let ex;
try {
  ex = new WebAssembly.Instance(module, { env: { memory } }).exports;
  Atomics.store(flag, 0, 3);
} catch (e) {
  Atomics.store(flag, 0, 2);
}
Atomics.notify(flag, 0);
parentPort.on('message', (job) => {
  let r = 1;
  try { ex[job.fn](...job.args, scratch); } catch (e) { r = 2; }
  Atomics.store(flag, 0, r);
  Atomics.notify(flag, 0);
});
`;

interface Pool {
  worker: PoolWorker;
  flag: Int32Array;
}
let pool: Pool | null = null;
let lastReason = 'not enabled';

function workerCtor(opt?: PoolWorkerCtor): PoolWorkerCtor | null {
  if (opt !== undefined) return opt;
  const wt = nodeProcess()?.getBuiltinModule?.('worker_threads') as
    { Worker?: PoolWorkerCtor } | undefined;
  return wt?.Worker ?? null;
}

/**
 * Splits GEMM calls ≥ `minWork` between this thread and one helper worker sharing the memory.
 * Returns whether the pool is on (false, with nothing changed, where it cannot run).
 */
export function enableParallelGemm(options: ParallelGemmOptions = {}): boolean {
  if (pool !== null) return true;
  const Worker = workerCtor(options.Worker);
  const fail = (why: string): boolean => {
    lastReason = why;
    return false;
  };
  if (typeof SharedArrayBuffer === 'undefined' || typeof Atomics === 'undefined')
    return fail('no SharedArrayBuffer');
  if (Worker === null) return fail('no worker_threads');
  if (nativeExports() === null) return fail('the WASM backend is not loaded');
  const memory = shareMemory();
  const module = attachSharedMemory();
  const ex = nativeExports();
  if (module === null || ex === null)
    return fail('the native module cannot import a shared memory');
  const scratch = alloc(ex.gemm_scratch_bytes(), false).ptr;
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(HELPER, {
    eval: true,
    workerData: { module, memory, ctl: flag.buffer, scratch },
  });
  worker.unref();
  // wait (bounded) for the helper to instantiate: a helper that cannot would deadlock a job
  for (let t = 0; t < 100 && Atomics.load(flag, 0) === 0; t++) Atomics.wait(flag, 0, 0, 100);
  if (Atomics.load(flag, 0) !== 3) {
    void worker.terminate();
    return fail('the helper worker did not start');
  }
  const minWork = options.minWork ?? 2 ** 24;
  let busy = false;
  const driver: ParallelGemm = (fn, args, local) => {
    const [m, n, k] = args as [number, number, number];
    if (busy || m * n * k < minWork) return false;
    // cut the longer dimension at a multiple of 8 (both kernels' tile widths)
    const alongM = m >= n;
    const len = alongM ? m : n;
    const cut = Math.ceil(len / 16) * 8;
    if (cut <= 0 || cut >= len) return false;
    const mine = args.slice();
    const theirs = args.slice();
    if (alongM) {
      mine[0] = cut;
      theirs[0] = m - cut;
      theirs[3] = (args[3] as number) + cut * (args[4] as number); // A rows
      theirs[9] = (args[9] as number) + cut * (args[10] as number); // C rows
    } else {
      mine[1] = cut;
      theirs[1] = n - cut;
      theirs[6] = (args[6] as number) + cut * (args[8] as number); // B columns
      theirs[9] = (args[9] as number) + cut * (args[11] as number); // C columns
    }
    busy = true;
    Atomics.store(flag, 0, 0);
    worker.postMessage({ fn, args: theirs });
    let error: unknown = null;
    try {
      local(mine);
    } catch (e) {
      error = e;
    }
    // the helper's half is always waited for: its bytes must not be written after we return
    while (Atomics.load(flag, 0) === 0) Atomics.wait(flag, 0, 0);
    busy = false;
    if (error !== null) throw error;
    if (Atomics.load(flag, 0) !== 1) throw new Error('ndscope: the parallel GEMM helper failed');
    return true;
  };
  pool = { worker, flag };
  setParallelGemm(driver);
  lastReason = '';
  return true;
}

/** Stops the helper; GEMM runs on the calling thread again (the memory stays shared). */
export function disableParallelGemm(): void {
  setParallelGemm(null);
  if (pool !== null) void pool.worker.terminate();
  pool = null;
  lastReason = 'disabled';
}

/** Whether the pool is on, with how many threads, and why not. */
export function parallelGemmStatus(): { enabled: boolean; threads: number; reason: string } {
  return { enabled: pool !== null, threads: pool === null ? 1 : 2, reason: lastReason };
}
