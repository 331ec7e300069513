/**
 * Opt-in two-thread GEMM (`np.enableParallelGemm()`): where SharedArrayBuffer and Node's
 * worker_threads exist (Node, the VS Code extension host, ndscope's runner worker), large float
 * products (m·n·k ≥ 2^24 by default) are split into chunks of C's columns (of its rows when C is
 * narrow or much taller than wide), claimed by the calling thread and one helper worker running
 * the same native module over the same (then shared) WebAssembly.Memory; the caller blocks on
 * `Atomics.wait` until the helper is done (matmul stays synchronous). Each C element is computed by one thread in the
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
import { parallelGemm, setParallelGemm, type ParallelGemm } from './gemm';
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

// Control words (Int32Array over a SharedArrayBuffer): [0] helper state (3 ready, 2 failed to
// start); [1] the claim word, job generation << 8 | next chunk; [2] chunks completed; [3] a chunk
// failed. A job is split into chunks both threads claim by compare-and-swap, so a helper that the
// OS has not scheduled yet costs nothing: the caller claims and runs its chunks too. A chunk is
// claimed only under its job's generation, so a late helper never touches a finished job.
const HELPER = `
const { parentPort, workerData } = require('node:worker_threads');
const { module, memory, ctl, scratch } = workerData;
const flag = new Int32Array(ctl);
let ex;
try {
  // function imports (wasm/math.ts HOST_IMPORTS: Math.sin, Math.cos, …) are Math's functions
  const env = { memory };
  for (const imp of WebAssembly.Module.imports(module))
    if (imp.kind === 'function')
      env[imp.name] = typeof Math[imp.name] === 'function' ? Math[imp.name] : () => {
        throw new Error('ndscope GEMM helper: no host import ' + imp.name);
      };
  ex = new WebAssembly.Instance(module, { env }).exports;
  Atomics.store(flag, 0, 3);
} catch (e) {
  Atomics.store(flag, 0, 2);
}
Atomics.notify(flag, 0);
parentPort.on('message', (job) => {
  for (;;) {
    const cur = Atomics.load(flag, 1);
    const i = cur & 255;
    if (cur >>> 8 !== job.gen || i >= job.chunks.length) break;
    if (Atomics.compareExchange(flag, 1, cur, cur + 1) !== cur) continue;
    try { ex[job.fn](...job.chunks[i], scratch); } catch (e) { Atomics.store(flag, 3, 1); }
    Atomics.add(flag, 2, 1);
    Atomics.notify(flag, 2);
  }
});
`;

interface Pool {
  worker: PoolWorker;
  driver: ParallelGemm;
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
  if (pool !== null) {
    setParallelGemm(pool.driver);
    lastReason = '';
    return true;
  }
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
  const flag = new Int32Array(new SharedArrayBuffer(16));
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
  let gen = 0;
  const driver: ParallelGemm = (fn, args, local) => {
    const [m, n, k] = args as [number, number, number];
    if (busy || m * n * k < minWork) return false;
    // cut C into 2 (4 for big products) chunks of columns, multiples of 8 (both kernels' tile
    // widths), or of rows when C is narrow or much taller than wide; each chunk is computed whole
    // by one thread in the one-thread order. Columns first: a chunk of rows packs all of B again
    // (+13% total CPU at 1024³), a chunk of columns only A's panels (+3.5%; measured interleaved)
    const parts = m * n * k >= 2 ** 28 ? 4 : 2;
    const alongM = n < 128 * parts || m >= 4 * n;
    const len = alongM ? m : n;
    const step = Math.ceil(len / parts / 8) * 8;
    if (step >= len) return false;
    const chunks: number[][] = [];
    for (let at = 0; at < len; at += step) {
      const c = args.slice();
      const size = Math.min(step, len - at);
      if (alongM) {
        c[0] = size;
        c[3] = (args[3] as number) + at * (args[4] as number); // A rows
        c[9] = (args[9] as number) + at * (args[10] as number); // C rows
      } else {
        c[1] = size;
        c[6] = (args[6] as number) + at * (args[8] as number); // B columns
        c[9] = (args[9] as number) + at * (args[11] as number); // C columns
      }
      chunks.push(c);
    }
    busy = true;
    gen = (gen + 1) & 0x7fffff;
    Atomics.store(flag, 2, 0);
    Atomics.store(flag, 3, 0);
    Atomics.store(flag, 1, gen << 8);
    worker.postMessage({ fn, gen, chunks });
    let error: unknown = null;
    for (;;) {
      const cur = Atomics.load(flag, 1);
      const i = cur & 255;
      if (i >= chunks.length) break;
      if (Atomics.compareExchange(flag, 1, cur, cur + 1) !== cur) continue;
      if (error === null) {
        try {
          local(chunks[i] as number[]);
        } catch (e) {
          error = e;
        }
      }
      Atomics.add(flag, 2, 1);
    }
    // the helper's chunks are always waited for: their bytes must not be written after we return
    for (let done = Atomics.load(flag, 2); done < chunks.length; done = Atomics.load(flag, 2))
      Atomics.wait(flag, 2, done);
    busy = false;
    if (error !== null) throw error instanceof Error ? error : new Error('ndscope: GEMM failed');
    if (Atomics.load(flag, 3) !== 0) throw new Error('ndscope: the parallel GEMM helper failed');
    return true;
  };
  pool = { worker, driver };
  setParallelGemm(driver);
  lastReason = '';
  return true;
}

/**
 * GEMM runs on the calling thread again (the memory stays shared). The idle helper is kept
 * (unref'd, blocked on nothing) so enabling again is cheap; `{ terminate: true }` ends it.
 */
export function disableParallelGemm(options: { terminate?: boolean } = {}): void {
  setParallelGemm(null);
  lastReason = 'disabled';
  if (options.terminate === true && pool !== null) {
    void pool.worker.terminate();
    pool = null;
  }
}

/**
 * Whether the pool is on, with how many threads, and why not. "On" is read from gemm.ts's driver
 * slot (the one state): the pool's driver is installed there.
 */
export function parallelGemmStatus(): { enabled: boolean; threads: number; reason: string } {
  const enabled = pool !== null && parallelGemm() === pool.driver;
  return { enabled, threads: enabled ? 2 : 1, reason: lastReason };
}
