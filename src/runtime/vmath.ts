/**
 * Table-driven exp and log (float64), the TS twins of native/math.ts's vectorized kernels: the
 * same operations in the same order, so the TS and WASM backends give bit-identical results
 * (test/native/vmath.test.ts). Both are division-free and accurate to < 0.51 ulp (measured
 * against a 300-bit reference: test/unit/vmath_ulp.test.ts, native/README.md "Error bound").
 *
 * exp (Tang's method, N = 128): k = round(x·128/ln2), r = x − k·ln2/128 (Cody–Waite, the high
 * part of ln2/128 has 35 bits so k·hi is exact), 2^(j/128) = T[j]·(1 + tail[j]) from a table,
 * exp(r) − 1 by its degree-5 Taylor polynomial (|r| ≤ ln2/256: truncation 2^-60), result
 * s + s·tmp with s = T[j]·2^(k>>7). Results that overflow or are subnormal take a rescaled
 * path; subnormal results are rounded once (no double rounding).
 *
 * log: x = 2^k·z with z in [0.834, 1.668) (bit offset LOG_OFF), 128 buckets of z with
 * c = 1/invc (invc has 26 significant bits, 1.0 for the bucket around 1). z is split into
 * zh (27 bits) + zl, so r = z·invc − 1 = (zh·invc − 1) + zl·invc is exact as rhi + rlo;
 * r = rhi + rlo is rounded and its error kept (Fast2Sum);
 * log x = k·ln2 + log c + log1p(r), with k·ln2hi + (log c)hi exact (both multiples of 2^-42),
 * a Fast2Sum for the big part and log1p(r) − r by a degree-7 polynomial (|r| ≤ 2^-8).
 *
 * float32 is computed in float64 and rounded once (Math.fround).
 */
import {
  EXP_TABLE,
  INVLN2N,
  LN2HI,
  LN2LO,
  LN2N_HI,
  LN2N_LO,
  LOG_OFF_HI,
  LOG_TABLE,
} from './vmath_tables';
import type { UnaryKernel } from './ufunc_kernels';

const SHIFT = 6755399441055744; // 1.5·2^52: adding it rounds to an integer
const C2 = 0.5;
const C3 = 1 / 6;
const C4 = 1 / 24;
const C5 = 1 / 120;
// (log1p(r) − r)/r² on |r| ≤ 1.02·2^-8: Chebyshev fit (scratch fit with mpmath), error 2^-71
const B2 = -0.5;
const B3 = 0.33333333333333337;
const B4 = -0.2499999999822793;
const B5 = 0.19999999998424825;
const B6 = -0.16666964331747255;
const B7 = 0.1428597887698295;
/** The log polynomial's coefficients (the WASM glue writes them as vector constants). */
export const LOG_POLY = [B2, B3, B4, B5, B6, B7];
const TWO52 = 4503599627370496;
const MIN_NORMAL = 2.2250738585072014e-308;
const TWOP1009 = 2 ** 1009;
const TWOM1022 = 2 ** -1022;

const ET = new Float64Array(EXP_TABLE);
const LT = new Float64Array(LOG_TABLE);
/** 2^e for e in [-1022, 1023] at index e + 1022. */
const POW2 = new Float64Array(2046);
{
  const b = new Float64Array(1);
  const w = new Uint32Array(b.buffer);
  for (let e = -1022; e <= 1023; e++) {
    w[0] = 0;
    w[1] = (e + 1023) << 20;
    POW2[e + 1022] = b[0]!;
  }
}
const F = new Float64Array(1);
const W = new Int32Array(F.buffer); // little-endian: W[0] low word, W[1] high word

/** The rescaled exp for |x| > 700 and NaN (the WASM kernel's scalar lanes do the same). */
function expSpecial(x: number): number {
  if (x !== x) return x + 1;
  if (x > 709.8) return Infinity;
  if (x < -745.2) return 0;
  const z = INVLN2N * x;
  const kd = z + SHIFT - SHIFT;
  const ki = kd | 0;
  const r = x - kd * LN2N_HI - kd * LN2N_LO;
  const j = ki & 127;
  const k = ki >> 7;
  const tail = ET[2 * j]!;
  const r2 = r * r;
  const tmp = tail + r + r2 * (C2 + r * C3 + r2 * (C4 + r * C5));
  if (ki > 0) {
    const s = ET[2 * j + 1]! * POW2[k - 1009 + 1022]!;
    return (s + s * tmp) * TWOP1009;
  }
  const s = ET[2 * j + 1]! * POW2[k + 1022 + 1022]!;
  let y = s + s * tmp;
  if (y < 1) {
    // round once at the subnormal boundary: hi + lo = y exactly, then 1 + y rounds like 2^-1022·y
    let lo = s - y + s * tmp;
    const hi = 1 + y;
    lo = 1 - hi + y + lo;
    y = hi + lo - 1;
  }
  return y * TWOM1022;
}

/** exp(x), float64. */
export function vexp(x: number): number {
  if (!(Math.abs(x) <= 700)) return expSpecial(x);
  const z = INVLN2N * x;
  const kd = z + SHIFT - SHIFT;
  const ki = kd | 0;
  const r = x - kd * LN2N_HI - kd * LN2N_LO;
  const j = ki & 127;
  const tail = ET[2 * j]!;
  const s = ET[2 * j + 1]! * POW2[(ki >> 7) + 1022]!;
  const r2 = r * r;
  const tmp = tail + r + r2 * (C2 + r * C3 + r2 * (C4 + r * C5));
  return s + s * tmp;
}

/** log of a positive normal finite x scaled by 2^kAdj (kAdj = -52 for subnormal inputs). */
function logCore(x: number, kAdj: number): number {
  F[0] = x;
  const hx = W[1]!;
  const tmp = hx - LOG_OFF_HI;
  const i = (tmp >> 13) & 127;
  const k = tmp >> 20;
  W[1] = hx - (k << 20);
  const z = F[0];
  W[0] = W[0]! & 0xfc000000;
  const zh = F[0];
  const zl = z - zh;
  const invc = LT[4 * i]!;
  const rhi = zh * invc - 1;
  const rlo = zl * invc;
  const r = rhi + rlo;
  const re = rlo - (r - rhi); // Fast2Sum (when |rlo| > |rhi| the error is below 2^-78)
  const kd = k + kAdj;
  const w = kd * LN2HI + LT[4 * i + 1]!; // exact
  const hi = w + r; // Fast2Sum (|w| >= |r| or w = 0)
  let lo = w - hi + r;
  const r2 = r * r;
  const p = r2 * (B2 + r * (B3 + r * (B4 + r * (B5 + r * (B6 + r * B7)))));
  lo = lo + re + (kd * LN2LO + LT[4 * i + 2]!) + p;
  return hi + lo;
}

/** log(x), float64. */
export function vlog(x: number): number {
  if (x >= MIN_NORMAL && x <= Number.MAX_VALUE) return logCore(x, 0);
  if (x !== x) return x;
  if (x < 0) return NaN;
  if (x === 0) return -Infinity;
  if (x === Infinity) return x;
  return logCore(x * TWO52, -52); // subnormal
}

type NumStore = { [i: number]: number };
const k64 =
  (f: (x: number) => number): UnaryKernel =>
  (n, x, ix, sx, o, io, so) => {
    const a = x as NumStore,
      c = o as NumStore;
    for (let j = 0; j < n; j++) c[io + j * so] = f(a[ix + j * sx]!);
  };
const k32 =
  (f: (x: number) => number): UnaryKernel =>
  (n, x, ix, sx, o, io, so) => {
    const a = x as NumStore,
      c = o as NumStore;
    for (let j = 0; j < n; j++) c[io + j * so] = Math.fround(f(a[ix + j * sx]!));
  };

/** The TS kernels (registry 'ts' backend) of the vectorized functions: [op, dtype, kernel]. */
export const VMATH_TS_KERNELS: [string, 'float64' | 'float32', UnaryKernel][] = [
  ['exp', 'float64', k64(vexp)],
  ['exp', 'float32', k32(vexp)],
  ['log', 'float64', k64(vlog)],
  ['log', 'float32', k32(vlog)],
];
