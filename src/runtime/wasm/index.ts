/**
 * The native (WASM SIMD) backend: loads native/ (one module, importing the runtime's
 * WebAssembly.Memory so array pointers are shared), and installs its kernels into the runtime's
 * registries: ufunc loops (ufunc_kernels.ts `registerKernel(op, dtype, 'wasm', …)`), GEMM
 * (gemm.ts `registerGemm`) and NumPy's pairwise float sum (reduce.ts `setPairwiseSum`).
 *
 * Backend choice: env `NDSCOPE_BACKEND=ts|wasm` (default: wasm when the engine has SIMD128 and
 * the module is available, else ts; `wasm` makes a load failure an error), or `useBackend()`.
 * The TS kernels stay registered: they are the reference every WASM kernel is tested against,
 * and the fallback for operands that are not views of linear memory.
 */
import { ITEMSIZE, type DType, type TypedArray } from '../dtype';
import { alloc, free, wasmMemory } from '../memory';
import { registerGemm, gemmReference, registerLu, parallelGemm, type GemmKernel } from '../gemm';
import {
  getKernel,
  registerKernel,
  setKernelBackends,
  type BinaryKernel,
  type NativeLoop,
  type UnaryKernel,
} from '../ufunc_kernels';
import { kernelBytes, nodeProcess } from './bytes';
import { sharedMemoryVariant } from './shared';
import { simdLevel, type SimdLevel } from './probe';
import { ELEMENTWISE } from './manifest';
import { HOST_IMPORTS, installMath } from './math';
import { installMathx } from './mathx';
import { installMath32 } from './math32';
import * as reduceModule from '../reduce';
import { setReduceBackend } from '../reduce';
import { reduceBackend } from './reduce';
import { setCopyBackend } from '../convert';
import { collapse, operand, walkRuns } from '../iter';
import type { NDArray } from '../ndarray';
import { setGatherKernels } from '../gather_kernels';
import { isMem } from './inmem';
import { wasmGatherKernels } from './gather';
import { setPcg64Raw } from '../random/pcg64';

/** The module's exports (byte pointers, byte strides). */
export interface NativeExports {
  [name: string]: unknown;
  pairwise_sum_f64(p: number, n: number, s: number): number;
  pairwise_sum_f32(p: number, n: number, s: number): number;
  gemm_scratch_bytes(): number;
  pcg64_raw: (st: number, out: number, n: number) => void;
}
type Fn = (...args: number[]) => number | void;

export type BackendName = 'ts' | 'wasm';

export interface BackendStatus {
  /** The backend in use. */
  backend: BackendName;
  /** What the engine accepts. */
  simd: SimdLevel;
  /**
   * Which build was loaded, if any: 'relaxed-simd' (fused multiply-adds in GEMM and float64
   * exp/log; loaded only where the engine's relaxed_madd fuses) or 'simd128'.
   */
  module: 'relaxed-simd' | 'simd128' | null;
  /** Where the bytes came from ('embedded' in bundles, a path in source runs). */
  source: string | null;
  /** Why the WASM backend is not in use, when it is not. */
  reason: string | null;
}

let native: NativeExports | null = null;
const status: BackendStatus = {
  backend: 'ts',
  simd: 'none',
  module: null,
  source: null,
  reason: null,
};

function load(): NativeExports {
  const level = simdLevel();
  status.simd = level;
  if (level === 'none') throw new Error('this engine has no WebAssembly SIMD128');
  const bytes = kernelBytes();
  if (bytes === null) throw new Error('native kernels not built (run `npm run build`)');
  const useRelaxed = level === 'relaxed-simd' && bytes.relaxed !== null;
  const mod = new WebAssembly.Module((useRelaxed ? bytes.relaxed : bytes.simd) as Uint8Array);
  const inst = new WebAssembly.Instance(mod, { env: { memory: wasmMemory(), ...HOST_IMPORTS } });
  loadedBytes = useRelaxed ? bytes.relaxed : bytes.simd;
  status.module = useRelaxed ? 'relaxed-simd' : 'simd128';
  status.source = bytes.source;
  return inst.exports as NativeExports;
}

let loadedBytes: Uint8Array | null = null;
let sharedModule: WebAssembly.Module | null = null;

/**
 * After memory.ts's shareMemory() (the opt-in parallel GEMM, ../parallel.ts): re-instantiates
 * the loaded build, with its memory import declared shared, over the runtime's memory and
 * re-installs every kernel. Returns the compiled module for helper workers to instantiate over
 * the same memory; null without the WASM backend.
 */
export function attachSharedMemory(): WebAssembly.Module | null {
  if (native === null || loadedBytes === null) return null;
  if (sharedModule === null) {
    const v = sharedMemoryVariant(loadedBytes);
    if (v === null) return null;
    sharedModule = new WebAssembly.Module(v);
    const inst = new WebAssembly.Instance(sharedModule, {
      env: { memory: wasmMemory(), ...HOST_IMPORTS },
    });
    native = inst.exports as NativeExports;
    if (status.backend === 'wasm') install();
  }
  return sharedModule;
}

/** The loaded module's exports (null when the WASM backend is unavailable). */
export function nativeExports(): NativeExports | null {
  return native;
}

/**
 * Which kernels run: `backend` ('wasm' or 'ts'), the engine's `simd` level, the WASM `module`
 * build loaded ('relaxed-simd', 'simd128' or null), where its bytes came from, and why the WASM
 * backend is off when it is (`np.backendStatus()`; a copy).
 */
export function backendStatus(): Readonly<BackendStatus> {
  return { ...status };
}

function wrapUnary(f: Fn, ts: UnaryKernel, zx: number, zo: number): UnaryKernel {
  const k: UnaryKernel = (n, x, ix, sx, o, io, so) => {
    const buf = wasmMemory().buffer;
    if (!isMem(x, buf) || (o !== x && !isMem(o, buf))) return ts(n, x, ix, sx, o, io, so);
    f(n, ix * zx, sx * zx, io * zo, so * zo);
  };
  return Object.assign(k, { native: f, zx, zo } satisfies NativeLoop);
}

function wrapBinary(
  f: Fn,
  ts: BinaryKernel,
  zx: number,
  zo: number,
  f2d: Fn | undefined,
): BinaryKernel {
  const k: BinaryKernel = (n, x, ix, sx, y, iy, sy, o, io, so) => {
    const buf = wasmMemory().buffer;
    // the views of one dtype are one object: one check when operands share it
    if (!isMem(x, buf) || (y !== x && !isMem(y, buf)) || (o !== x && !isMem(o, buf)))
      return ts(n, x, ix, sx, y, iy, sy, o, io, so);
    f(n, ix * zx, sx * zx, iy * zx, sy * zx, io * zo, so * zo);
  };
  const tag: NativeLoop = { native: f, zx, zo };
  if (f2d !== undefined) tag.native2d = f2d;
  return Object.assign(k, tag);
}

/** The ufunc loops this module provides: [op, loop dtype, export name, in size, out size, arity]. */
export function elementwiseTable(): [string, DType, string, number, number, 1 | 2][] {
  const rows: [string, DType, string, number, number, 1 | 2][] = [];
  for (const [op, dts] of Object.entries(ELEMENTWISE.binary))
    for (const d of dts as readonly DType[])
      rows.push([op, d, `${op}_${d}`, ITEMSIZE[d], ITEMSIZE[d], 2]);
  for (const [op, dts] of Object.entries(ELEMENTWISE.compare))
    for (const d of dts as readonly DType[]) rows.push([op, d, `${op}_${d}`, ITEMSIZE[d], 1, 2]);
  for (const [op, dts] of Object.entries(ELEMENTWISE.unary))
    for (const d of dts as readonly DType[])
      rows.push([op, d, `${op}_${d}`, ITEMSIZE[d], ITEMSIZE[d], 1]);
  return rows;
}

/** Wraps the ufunc loop `name` of the module as a registry kernel (TS twin as fallback). */
export function wasmUfuncKernel(op: string, dtype: DType): UnaryKernel | BinaryKernel | null {
  if (native === null) return null;
  const row = elementwiseTable().find((r) => r[0] === op && r[1] === dtype);
  if (row === undefined) return null;
  const ts = getKernel(op, dtype, 'ts');
  const f = native[row[2]] as Fn | undefined;
  if (ts === undefined || f === undefined) return null;
  return row[5] === 1
    ? wrapUnary(f, ts as UnaryKernel, row[3], row[4])
    : wrapBinary(f, ts as BinaryKernel, row[3], row[4], native[`${row[2]}_2d`] as Fn | undefined);
}

// --- GEMM ---------------------------------------------------------------------------------------

let gemmScratch = 0;

function wasmGemm(dtype: 'float32' | 'float64'): GemmKernel {
  const ref = gemmReference(dtype);
  const z = ITEMSIZE[dtype];
  return (m, n, k, a, ao, ars, acs, b, bo, brs, bcs, c, co, crs, ccs) => {
    const buf = wasmMemory().buffer;
    // small products keep the reference's exactly-FMA'd plain loop; empty ones too
    if (
      native === null ||
      m * n * k <= 8192 ||
      k === 0 ||
      a.buffer !== buf ||
      b.buffer !== buf ||
      c.buffer !== buf
    )
      return ref(m, n, k, a, ao, ars, acs, b, bo, brs, bcs, c, co, crs, ccs);
    const off = (t: TypedArray, i: number): number => t.byteOffset + i * z;
    const name = dtype === 'float64' ? 'gemm_f64' : 'gemm_f32';
    const args = [m, n, k, off(a, ao), ars * z, acs * z, off(b, bo), brs * z, bcs * z];
    args.push(off(c, co), crs * z, ccs * z);
    // the 2-worker pool (src/runtime/parallel.ts), when enabled, takes the large products
    const f = native[name] as Fn;
    const local = (x: number[]): void => void f(...x, gemmScratch);
    const par = parallelGemm();
    if (par === null || !par(name, args, local)) local(args);
  };
}

// --- pairwise sums --------------------------------------------------------------------------------

type PairwiseFn = (d: { [i: number]: number }, p: number, n: number, s: number) => number;
interface PairwiseHook {
  setPairwiseSum?: (f64: PairwiseFn | null, f32: PairwiseFn | null) => void;
}

function pairwise(
  f: (p: number, n: number, s: number) => number,
  z: number,
  ref: PairwiseFn | null,
): PairwiseFn {
  return (d, p, n, s) => {
    const t = d as unknown as TypedArray;
    if (t.buffer !== wasmMemory().buffer || n >= 2 ** 31) {
      if (ref === null) throw new Error('pairwise sum outside linear memory without a reference');
      return ref(d, p, n, s);
    }
    return f(t.byteOffset + p * z, n, s * z);
  };
}

// --- copies and casts --------------------------------------------------------------------------

/** The module's copy/cast loop for src → dst dtype, if any (same itemsize copies are bitwise). */
export function copyKernelName(from: DType, to: DType): string | null {
  if (from === to) return `copy_${ITEMSIZE[from]}`;
  const name = `cast_${from}_${to}`;
  return native !== null && typeof native[name] === 'function' ? name : null;
}

/** copyInto's fast path: every layout, broadcast sources; different buffers only (no overlap). */
export function wasmCopy(dst: NDArray, src: NDArray): boolean {
  if (native === null || dst.buffer === src.buffer) return false;
  const name = copyKernelName(src.dtype, dst.dtype);
  if (name === null) return false;
  const zd = ITEMSIZE[dst.dtype];
  const zs = ITEMSIZE[src.dtype];
  const shape = dst._shape;
  const od = operand(dst);
  const os = operand(src, shape);
  const c = collapse(shape, [od.strides, os.strides]);
  if (src.dtype === dst.dtype && c.shape.length === 2) {
    const [rows, cols] = c.shape as [number, number];
    const [dr, dc] = c.strides[0] as [number, number];
    const [sr, sc] = c.strides[1] as [number, number];
    // a transposing copy: tile it (otherwise the row loop below is already sequential)
    if (Math.abs(sc) !== 1 || Math.abs(dc) !== 1) {
      (native[`copy2d_${zd}`] as Fn)(
        rows,
        cols,
        os.start * zs,
        sr * zs,
        sc * zs,
        od.start * zd,
        dr * zd,
        dc * zd,
      );
      return true;
    }
  }
  const f = native[name] as Fn;
  walkRuns(c, [od.start, os.start], (n, p, st) =>
    f(
      n,
      (p[1] as number) * zs,
      (st[1] as number) * zs,
      (p[0] as number) * zd,
      (st[0] as number) * zd,
    ),
  );
  return true;
}

// --- LU ------------------------------------------------------------------------------------------

/** linalg's LU through native lu_factor (bit-identical; the matrix is copied in and out). */
function wasmLu(
  lu: Float64Array,
  n: number,
  piv: Int32Array,
): { sign: number; singular: boolean } | null {
  if (native === null || n < 8) return null;
  const { ptr, size } = alloc(n * n * 8 + n * 4, false);
  try {
    new Float64Array(wasmMemory().buffer, ptr, n * n).set(lu);
    const flags = (native.lu_factor as Fn)(ptr, n, ptr + n * n * 8) as number;
    const buf = wasmMemory().buffer;
    lu.set(new Float64Array(buf, ptr, n * n));
    piv.set(new Int32Array(buf, ptr + n * n * 8, n));
    return { sign: flags & 2 ? -1 : 1, singular: (flags & 1) !== 0 };
  } finally {
    free(ptr, size);
  }
}

// --- PCG64 draws --------------------------------------------------------------------------------

/** Draws per kernel call; the scratch holds the generator's 8 words and that many u64 draws. */
const PCG_CHUNK = 256;
let pcgScratch = 0;

/** src/runtime/random/pcg64.ts's draw kernel on native/random.ts (u64 arithmetic). */
function wasmPcg64Raw(st: Uint32Array, out: Uint32Array, n: number): void {
  if (pcgScratch === 0) pcgScratch = alloc(32 + 8 * PCG_CHUNK, false).ptr;
  const k = (native as NativeExports).pcg64_raw;
  for (let done = 0; done < n;) {
    const m = Math.min(PCG_CHUNK, n - done);
    // the kernel allocates nothing, so the memory cannot grow under this view
    const w = new Uint32Array(wasmMemory().buffer, pcgScratch, 8 + 2 * m);
    w.set(st);
    k(pcgScratch, pcgScratch + 32, m);
    st.set(w.subarray(0, 4));
    out.set(w.subarray(8), 2 * done);
    done += m;
  }
}

// --- installation ------------------------------------------------------------------------------

let reduceHook: PairwiseHook | null = null;
let refPairwise: [PairwiseFn, PairwiseFn] | null = null;

/** Registers every WASM kernel (idempotent); the registries then prefer them. */
function install(): void {
  if (native === null) return;
  for (const [op, d] of elementwiseTable()) {
    const k = wasmUfuncKernel(op, d);
    if (k !== null) registerKernel(op, d, 'wasm', k);
  }
  if (gemmScratch === 0) gemmScratch = alloc(native.gemm_scratch_bytes(), false).ptr;
  registerGemm('float64', wasmGemm('float64'));
  registerGemm('float32', wasmGemm('float32'));
  setCopyBackend(wasmCopy);
  setGatherKernels(wasmGatherKernels(native));
  registerLu(wasmLu);
  installMath(native);
  installMathx(native);
  installMath32(native);
  setPcg64Raw(wasmPcg64Raw);
  setReduceBackend(reduceBackend(native));
  if (reduceHook?.setPairwiseSum && refPairwise !== null) {
    reduceHook.setPairwiseSum(
      pairwise(native.pairwise_sum_f64, 8, refPairwise[0]),
      pairwise(native.pairwise_sum_f32, 4, refPairwise[1]),
    );
  }
}

/**
 * Switches the backend for every registry: 'ts' (the reference kernels) or 'wasm' (throws when
 * the module could not be loaded). Returns the previous one.
 */
export function useBackend(b: BackendName): BackendName {
  const prev = status.backend;
  if (b === 'wasm') {
    if (native === null)
      throw new Error(`WASM backend unavailable: ${status.reason ?? 'not loaded'}`);
    setKernelBackends(['wasm', 'ts']);
    registerGemm('float64', wasmGemm('float64'));
    registerGemm('float32', wasmGemm('float32'));
    install();
  } else {
    setKernelBackends(['ts']);
    registerGemm('float64', null);
    registerGemm('float32', null);
    reduceHook?.setPairwiseSum?.(null, null);
    setReduceBackend(null);
    setCopyBackend(null);
    setGatherKernels(null);
    setPcg64Raw(null);
    registerLu(null);
  }
  status.backend = b;
  return prev;
}

/** Connects the reduce module's pairwise-sum hook (called once by the installer below). */
export function connectReduce(
  hook: PairwiseHook,
  refs: { pairwiseSum: PairwiseFn; pairwiseSum32: PairwiseFn },
): void {
  reduceHook = hook;
  refPairwise = [refs.pairwiseSum, refs.pairwiseSum32];
  if (status.backend === 'wasm') install();
}

function init(): void {
  const r = reduceModule as unknown as PairwiseHook & {
    pairwiseSum: PairwiseFn;
    pairwiseSum32: PairwiseFn;
  };
  reduceHook = r;
  refPairwise = [r.pairwiseSum, r.pairwiseSum32];
  const want = nodeProcess()?.env.NDSCOPE_BACKEND;
  if (want === 'ts') {
    status.reason = 'NDSCOPE_BACKEND=ts';
    setKernelBackends(['ts']);
    return;
  }
  try {
    native = load();
  } catch (e) {
    status.reason = e instanceof Error ? e.message : String(e);
    if (want === 'wasm') throw new Error(`NDSCOPE_BACKEND=wasm: ${status.reason}`);
    setKernelBackends(['ts']);
    return;
  }
  useBackend('wasm');
}

init();
