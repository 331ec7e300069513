/**
 * GEMM kernels behind a registry: `C = A · B` on strided operands that live in typed arrays
 * (normally the runtime's views over WebAssembly linear memory, so a WASM backend can take
 * `index · itemsize + view.byteOffset` as a pointer).
 *
 * The TS reference kernels:
 * - float64/float32: cache-blocked (KC×NC panels of B, MC×KC blocks of A packed into contiguous
 *   scratch) with a 4×4 register tile. Each C[i,j] is the in-order sum of its KC-block sums (0 +
 *   block 0 + block 1 + …), each block summed in p order with a separate multiply and add (no
 *   FMA). float64 computes in float64; float32 rounds every product and sum to float32 (as
 *   NumPy's sgemm accumulates in float32). native/gemm.ts follows this order exactly.
 * - 8/16/32-bit integers: exact modular arithmetic (Math.imul), wrapped on store as NumPy's loops.
 * - int64/uint64: doubles when every partial sum is provably exact (< 2^53), BigInt otherwise,
 *   wrapped modulo 2^64 as NumPy.
 * - bool: OR of ANDs, as NumPy's boolean matmul.
 *
 * Kernels must not allocate in linear memory (that would detach the views they were given).
 */
import type { DType, TypedArray } from './dtype';
import { fma, fmaF32 } from './crmath';

/** `C[i,j] = Σ_p A[i,p]·B[p,j]` for i<m, j<n, p<k; indices are `offset + i·rowStride + j·colStride`. */
export type GemmKernel = (
  m: number,
  n: number,
  k: number,
  a: TypedArray,
  ao: number,
  ars: number,
  acs: number,
  b: TypedArray,
  bo: number,
  brs: number,
  bcs: number,
  c: TypedArray,
  co: number,
  crs: number,
  ccs: number,
) => void;

type NumArr = { [i: number]: number; length: number };
type BigArr = { [i: number]: bigint; length: number };

const MC = 64;
const KC = 512; // native/gemm.ts's KC: the summation order
const NC = 1024;

/** Plain loop for small problems (no packing overhead). */
function gemmFloatSmall(
  m: number,
  n: number,
  k: number,
  A: NumArr,
  ao: number,
  ars: number,
  acs: number,
  B: NumArr,
  bo: number,
  brs: number,
  bcs: number,
  C: NumArr,
  co: number,
  crs: number,
  ccs: number,
): void {
  // BLAS kernels accumulate each C[i,j] as a chain of fused multiply-adds over p: emulated
  // exactly here, so small products match NumPy (OpenBLAS) to the last bit
  const f32 = C instanceof Float32Array;
  for (let i = 0; i < m; i++) {
    const ai = ao + i * ars;
    for (let j = 0; j < n; j++) {
      let s = 0;
      let pa = ai;
      let pb = bo + j * bcs;
      if (f32) {
        for (let p = 0; p < k; p++) {
          s = fmaF32(A[pa]!, B[pb]!, s);
          pa += acs;
          pb += brs;
        }
      } else {
        for (let p = 0; p < k; p++) {
          s = fma(A[pa]!, B[pb]!, s);
          pa += acs;
          pb += brs;
        }
      }
      C[co + i * crs + j * ccs] = s;
    }
  }
}

/** The blocked, register-tiled float kernel (float64 and float32 storage). */
export function gemmFloatTS(
  m: number,
  n: number,
  k: number,
  A: NumArr,
  ao: number,
  ars: number,
  acs: number,
  B: NumArr,
  bo: number,
  brs: number,
  bcs: number,
  C: NumArr,
  co: number,
  crs: number,
  ccs: number,
): void {
  if (m === 0 || n === 0) return;
  if (k === 0) {
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) C[co + i * crs + j * ccs] = 0;
    return;
  }
  if (m * n * k <= 8192) {
    gemmFloatSmall(m, n, k, A, ao, ars, acs, B, bo, brs, bcs, C, co, crs, ccs);
    return;
  }
  if (C instanceof Float32Array) {
    gemmFloat32Blocked(m, n, k, A, ao, ars, acs, B, bo, brs, bcs, C, co, crs, ccs);
    return;
  }
  const acc = new Float64Array(m * n);
  const tile = new Float64Array(16);
  const ncMax = Math.min(n, NC);
  const bp = new Float64Array(KC * (Math.ceil(ncMax / 4) * 4));
  const ap = new Float64Array(Math.ceil(Math.min(m, MC) / 4) * 4 * KC);
  for (let jc = 0; jc < n; jc += NC) {
    const nc = Math.min(NC, n - jc);
    const nb = Math.ceil(nc / 4);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = Math.min(KC, k - pc);
      // pack B[pc:pc+kc, jc:jc+nc] as nb panels of kc×4
      for (let jb = 0; jb < nb; jb++) {
        const base = jb * kc * 4;
        for (let r = 0; r < 4; r++) {
          const j = jc + jb * 4 + r;
          if (j < n) {
            let q = bo + pc * brs + j * bcs;
            for (let p = 0; p < kc; p++) {
              bp[base + p * 4 + r] = B[q]!;
              q += brs;
            }
          } else for (let p = 0; p < kc; p++) bp[base + p * 4 + r] = 0;
        }
      }
      for (let ic = 0; ic < m; ic += MC) {
        const mc = Math.min(MC, m - ic);
        const mb = Math.ceil(mc / 4);
        for (let ib = 0; ib < mb; ib++) {
          const base = ib * kc * 4;
          for (let r = 0; r < 4; r++) {
            const i = ic + ib * 4 + r;
            if (i < m) {
              let q = ao + i * ars + pc * acs;
              for (let p = 0; p < kc; p++) {
                ap[base + p * 4 + r] = A[q]!;
                q += acs;
              }
            } else for (let p = 0; p < kc; p++) ap[base + p * 4 + r] = 0;
          }
        }
        for (let ib = 0; ib < mb; ib++) {
          const abase = ib * kc * 4;
          const i0 = ic + ib * 4;
          for (let jb = 0; jb < nb; jb++) {
            const bbase = jb * kc * 4;
            // prettier-ignore
            let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
            // prettier-ignore
            let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
            // prettier-ignore
            let c20 = 0, c21 = 0, c22 = 0, c23 = 0;
            // prettier-ignore
            let c30 = 0, c31 = 0, c32 = 0, c33 = 0;
            let pa = abase;
            let pb = bbase;
            // prettier-ignore
            for (let p = 0; p < kc; p++) {
              const a0 = ap[pa]!, a1 = ap[pa + 1]!, a2 = ap[pa + 2]!, a3 = ap[pa + 3]!;
              const b0 = bp[pb]!, b1 = bp[pb + 1]!, b2 = bp[pb + 2]!, b3 = bp[pb + 3]!;
              c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
              c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
              c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
              c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
              pa += 4;
              pb += 4;
            }
            const j0 = jc + jb * 4;
            const ri = Math.min(4, m - i0);
            const rj = Math.min(4, n - j0);
            if (ri === 4 && rj === 4) {
              let q = i0 * n + j0;
              // prettier-ignore
              { acc[q] = acc[q]! + c00; acc[q + 1] = acc[q + 1]! + c01; acc[q + 2] = acc[q + 2]! + c02; acc[q + 3] = acc[q + 3]! + c03; }
              q += n;
              // prettier-ignore
              { acc[q] = acc[q]! + c10; acc[q + 1] = acc[q + 1]! + c11; acc[q + 2] = acc[q + 2]! + c12; acc[q + 3] = acc[q + 3]! + c13; }
              q += n;
              // prettier-ignore
              { acc[q] = acc[q]! + c20; acc[q + 1] = acc[q + 1]! + c21; acc[q + 2] = acc[q + 2]! + c22; acc[q + 3] = acc[q + 3]! + c23; }
              q += n;
              // prettier-ignore
              { acc[q] = acc[q]! + c30; acc[q + 1] = acc[q + 1]! + c31; acc[q + 2] = acc[q + 2]! + c32; acc[q + 3] = acc[q + 3]! + c33; }
              continue;
            }
            // prettier-ignore
            { tile[0] = c00; tile[1] = c01; tile[2] = c02; tile[3] = c03; tile[4] = c10; tile[5] = c11; tile[6] = c12; tile[7] = c13; }
            // prettier-ignore
            { tile[8] = c20; tile[9] = c21; tile[10] = c22; tile[11] = c23; tile[12] = c30; tile[13] = c31; tile[14] = c32; tile[15] = c33; }
            for (let r = 0; r < ri; r++) {
              const row = (i0 + r) * n + j0;
              for (let s = 0; s < rj; s++) acc[row + s] = acc[row + s]! + tile[r * 4 + s]!;
            }
          }
        }
      }
    }
  }
  for (let i = 0; i < m; i++) {
    const ci = co + i * crs;
    for (let j = 0; j < n; j++) C[ci + j * ccs] = acc[i * n + j]!;
  }
}

/**
 * The blocked kernel for float32: gemmFloatTS's loops and order with every product and partial
 * sum rounded to float32 (exactly what f32x4 mul/add compute: a double result rounded once to
 * float32 is the correctly rounded float32 result for one + or ×).
 */
function gemmFloat32Blocked(
  m: number,
  n: number,
  k: number,
  A: NumArr,
  ao: number,
  ars: number,
  acs: number,
  B: NumArr,
  bo: number,
  brs: number,
  bcs: number,
  C: NumArr,
  co: number,
  crs: number,
  ccs: number,
): void {
  const fr = Math.fround;
  const acc = new Float32Array(m * n); // float32 stores round each block sum
  const tile = new Float64Array(16);
  const ncMax = Math.min(n, NC);
  const bp = new Float64Array(KC * (Math.ceil(ncMax / 4) * 4));
  const ap = new Float64Array(Math.ceil(Math.min(m, MC) / 4) * 4 * KC);
  for (let jc = 0; jc < n; jc += NC) {
    const nc = Math.min(NC, n - jc);
    const nb = Math.ceil(nc / 4);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = Math.min(KC, k - pc);
      // pack B[pc:pc+kc, jc:jc+nc] as nb panels of kc×4
      for (let jb = 0; jb < nb; jb++) {
        const base = jb * kc * 4;
        for (let r = 0; r < 4; r++) {
          const j = jc + jb * 4 + r;
          if (j < n) {
            let q = bo + pc * brs + j * bcs;
            for (let p = 0; p < kc; p++) {
              bp[base + p * 4 + r] = B[q]!;
              q += brs;
            }
          } else for (let p = 0; p < kc; p++) bp[base + p * 4 + r] = 0;
        }
      }
      for (let ic = 0; ic < m; ic += MC) {
        const mc = Math.min(MC, m - ic);
        const mb = Math.ceil(mc / 4);
        for (let ib = 0; ib < mb; ib++) {
          const base = ib * kc * 4;
          for (let r = 0; r < 4; r++) {
            const i = ic + ib * 4 + r;
            if (i < m) {
              let q = ao + i * ars + pc * acs;
              for (let p = 0; p < kc; p++) {
                ap[base + p * 4 + r] = A[q]!;
                q += acs;
              }
            } else for (let p = 0; p < kc; p++) ap[base + p * 4 + r] = 0;
          }
        }
        for (let ib = 0; ib < mb; ib++) {
          const abase = ib * kc * 4;
          const i0 = ic + ib * 4;
          for (let jb = 0; jb < nb; jb++) {
            const bbase = jb * kc * 4;
            // prettier-ignore
            let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
            // prettier-ignore
            let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
            // prettier-ignore
            let c20 = 0, c21 = 0, c22 = 0, c23 = 0;
            // prettier-ignore
            let c30 = 0, c31 = 0, c32 = 0, c33 = 0;
            let pa = abase;
            let pb = bbase;
            // prettier-ignore
            for (let p = 0; p < kc; p++) {
              const a0 = ap[pa]!, a1 = ap[pa + 1]!, a2 = ap[pa + 2]!, a3 = ap[pa + 3]!;
              const b0 = bp[pb]!, b1 = bp[pb + 1]!, b2 = bp[pb + 2]!, b3 = bp[pb + 3]!;
              c00 = fr(c00 + fr(a0 * b0)); c01 = fr(c01 + fr(a0 * b1)); c02 = fr(c02 + fr(a0 * b2)); c03 = fr(c03 + fr(a0 * b3));
              c10 = fr(c10 + fr(a1 * b0)); c11 = fr(c11 + fr(a1 * b1)); c12 = fr(c12 + fr(a1 * b2)); c13 = fr(c13 + fr(a1 * b3));
              c20 = fr(c20 + fr(a2 * b0)); c21 = fr(c21 + fr(a2 * b1)); c22 = fr(c22 + fr(a2 * b2)); c23 = fr(c23 + fr(a2 * b3));
              c30 = fr(c30 + fr(a3 * b0)); c31 = fr(c31 + fr(a3 * b1)); c32 = fr(c32 + fr(a3 * b2)); c33 = fr(c33 + fr(a3 * b3));
              pa += 4;
              pb += 4;
            }
            const j0 = jc + jb * 4;
            const ri = Math.min(4, m - i0);
            const rj = Math.min(4, n - j0);
            if (ri === 4 && rj === 4) {
              let q = i0 * n + j0;
              // prettier-ignore
              { acc[q] = acc[q]! + c00; acc[q + 1] = acc[q + 1]! + c01; acc[q + 2] = acc[q + 2]! + c02; acc[q + 3] = acc[q + 3]! + c03; }
              q += n;
              // prettier-ignore
              { acc[q] = acc[q]! + c10; acc[q + 1] = acc[q + 1]! + c11; acc[q + 2] = acc[q + 2]! + c12; acc[q + 3] = acc[q + 3]! + c13; }
              q += n;
              // prettier-ignore
              { acc[q] = acc[q]! + c20; acc[q + 1] = acc[q + 1]! + c21; acc[q + 2] = acc[q + 2]! + c22; acc[q + 3] = acc[q + 3]! + c23; }
              q += n;
              // prettier-ignore
              { acc[q] = acc[q]! + c30; acc[q + 1] = acc[q + 1]! + c31; acc[q + 2] = acc[q + 2]! + c32; acc[q + 3] = acc[q + 3]! + c33; }
              continue;
            }
            // prettier-ignore
            { tile[0] = c00; tile[1] = c01; tile[2] = c02; tile[3] = c03; tile[4] = c10; tile[5] = c11; tile[6] = c12; tile[7] = c13; }
            // prettier-ignore
            { tile[8] = c20; tile[9] = c21; tile[10] = c22; tile[11] = c23; tile[12] = c30; tile[13] = c31; tile[14] = c32; tile[15] = c33; }
            for (let r = 0; r < ri; r++) {
              const row = (i0 + r) * n + j0;
              for (let s = 0; s < rj; s++) acc[row + s] = acc[row + s]! + tile[r * 4 + s]!;
            }
          }
        }
      }
    }
  }
  for (let i = 0; i < m; i++) {
    const ci = co + i * crs;
    for (let j = 0; j < n; j++) C[ci + j * ccs] = acc[i * n + j]!;
  }
}

/** Integers of at most 32 bits: exact modulo 2^32 (then the typed-array store wraps to the dtype). */
export function gemmInt32TS(
  m: number,
  n: number,
  k: number,
  A: NumArr,
  ao: number,
  ars: number,
  acs: number,
  B: NumArr,
  bo: number,
  brs: number,
  bcs: number,
  C: NumArr,
  co: number,
  crs: number,
  ccs: number,
): void {
  const row = new Int32Array(n);
  for (let i = 0; i < m; i++) {
    row.fill(0);
    for (let p = 0; p < k; p++) {
      const a = A[ao + i * ars + p * acs]! | 0;
      if (a === 0) continue;
      let q = bo + p * brs;
      for (let j = 0; j < n; j++) {
        row[j] = (row[j]! + Math.imul(a, B[q]! | 0)) | 0;
        q += bcs;
      }
    }
    const ci = co + i * crs;
    for (let j = 0; j < n; j++) C[ci + j * ccs] = row[j]!;
  }
}

function maxAbsBig(X: BigArr, o: number, rs: number, cs: number, r: number, c: number): bigint {
  let mx = 0n;
  for (let i = 0; i < r; i++) {
    for (let j = 0; j < c; j++) {
      let v = X[o + i * rs + j * cs]!;
      if (v < 0n) v = -v;
      if (v > mx) mx = v;
    }
  }
  return mx;
}

/** int64/uint64 storage (bigint values): exact, wrapped modulo 2^64. */
export function gemmBigTS(
  m: number,
  n: number,
  k: number,
  A: BigArr,
  ao: number,
  ars: number,
  acs: number,
  B: BigArr,
  bo: number,
  brs: number,
  bcs: number,
  C: BigArr,
  co: number,
  crs: number,
  ccs: number,
): void {
  if (m === 0 || n === 0) return;
  const ma = maxAbsBig(A, ao, ars, acs, m, k);
  const mb = maxAbsBig(B, bo, brs, bcs, k, n);
  if (ma * mb * BigInt(Math.max(k, 1)) <= 1n << 53n) {
    // every product and partial sum is an integer below 2^53: doubles are exact
    const af = new Float64Array(m * k);
    const bf = new Float64Array(k * n);
    const cf = new Float64Array(m * n);
    for (let i = 0; i < m; i++)
      for (let p = 0; p < k; p++) af[i * k + p] = Number(A[ao + i * ars + p * acs]!);
    for (let p = 0; p < k; p++)
      for (let j = 0; j < n; j++) bf[p * n + j] = Number(B[bo + p * brs + j * bcs]!);
    gemmFloatTS(m, n, k, af, 0, k, 1, bf, 0, n, 1, cf, 0, n, 1);
    for (let i = 0; i < m; i++)
      for (let j = 0; j < n; j++) C[co + i * crs + j * ccs] = BigInt(cf[i * n + j]!);
    return;
  }
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0n;
      for (let p = 0; p < k; p++) s += A[ao + i * ars + p * acs]! * B[bo + p * brs + j * bcs]!;
      // BigInt64Array/BigUint64Array stores wrap modulo 2^64
      C[co + i * crs + j * ccs] = BigInt.asIntN(64, s);
    }
  }
}

/** bool: C[i,j] = OR_p (A[i,p] AND B[p,j]). */
export function gemmBoolTS(
  m: number,
  n: number,
  k: number,
  A: NumArr,
  ao: number,
  ars: number,
  acs: number,
  B: NumArr,
  bo: number,
  brs: number,
  bcs: number,
  C: NumArr,
  co: number,
  crs: number,
  ccs: number,
): void {
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) {
        if (A[ao + i * ars + p * acs] && B[bo + p * brs + j * bcs]) {
          s = 1;
          break;
        }
      }
      C[co + i * crs + j * ccs] = s;
    }
  }
}

const asKernel = (f: unknown): GemmKernel => f as GemmKernel;

const registry = new Map<string, GemmKernel>();
const TS_KERNELS: Record<DType, GemmKernel> = {
  bool: asKernel(gemmBoolTS),
  int8: asKernel(gemmInt32TS),
  int16: asKernel(gemmInt32TS),
  int32: asKernel(gemmInt32TS),
  uint8: asKernel(gemmInt32TS),
  uint16: asKernel(gemmInt32TS),
  uint32: asKernel(gemmInt32TS),
  int64: asKernel(gemmBigTS),
  uint64: asKernel(gemmBigTS),
  float32: asKernel(gemmFloatTS),
  float64: asKernel(gemmFloatTS),
};

/** Installs a GEMM kernel for a dtype (e.g. a WASM SIMD backend); `null` restores the TS one. */
export function registerGemm(dtype: DType, kernel: GemmKernel | null): void {
  if (kernel === null) registry.delete(dtype);
  else registry.set(dtype, kernel);
}

/** The kernel in use for a dtype. */
export function gemmKernel(dtype: DType): GemmKernel {
  return registry.get(dtype) ?? TS_KERNELS[dtype];
}

/** The TS reference kernel for a dtype (what every other backend is tested against). */
export function gemmReference(dtype: DType): GemmKernel {
  return TS_KERNELS[dtype];
}

/** `C = A · B` for operands stored in dtype `dtype` (all three share it). */
export function gemm(
  dtype: DType,
  m: number,
  n: number,
  k: number,
  a: TypedArray,
  ao: number,
  ars: number,
  acs: number,
  b: TypedArray,
  bo: number,
  brs: number,
  bcs: number,
  c: TypedArray,
  co: number,
  crs: number,
  ccs: number,
): void {
  gemmKernel(dtype)(m, n, k, a, ao, ars, acs, b, bo, brs, bcs, c, co, crs, ccs);
}

/**
 * An LU backend (the WASM one): factors the row-major n×n `lu` in place with the exact operations
 * of linalg.ts's luFactor, writing pivot rows to `piv`; null when it does not take this call.
 */
export type LuKernel = (
  lu: Float64Array,
  n: number,
  piv: Int32Array,
) => { sign: number; singular: boolean } | null;
let luBackend: LuKernel | null = null;
/** Installs (or with null removes) the LU backend linalg.ts tries first. */
export function registerLu(k: LuKernel | null): void {
  luBackend = k;
}
export function luKernel(): LuKernel | null {
  return luBackend;
}

/**
 * A multi-threaded driver for the native GEMM (src/runtime/parallel.ts installs one): gets the
 * export's name and byte arguments `[m, n, k, A, ars, acs, B, brs, bcs, C, crs, ccs]` (pointers
 * into linear memory) and `local(args)`, which runs the export on this thread with its own
 * scratch. It either computes all of C (returns true) or declines (false: the caller runs it).
 */
export type ParallelGemm = (
  fn: 'gemm_f64' | 'gemm_f32',
  args: number[],
  local: (args: number[]) => void,
) => boolean;
let parallelDriver: ParallelGemm | null = null;
/** Installs (or with null removes) the parallel GEMM driver the WASM backend tries first. */
export function setParallelGemm(f: ParallelGemm | null): void {
  parallelDriver = f;
}
export function parallelGemm(): ParallelGemm | null {
  return parallelDriver;
}
