/**
 * Table-driven exp and log (float64), the TS twins of native/math.ts's vectorized kernels: the
 * same operations in the same order, so the TS and WASM backends give bit-identical results
 * (test/native/vmath.test.ts). Both are division-free; exp is accurate to < 0.51 ulp, log to
 * < 0.51 ulp except next to 1 (< 0.75 ulp, see below) (measured against mpmath:
 * test/unit/vmath_ulp.test.ts, native/README.md "Error bound").
 *
 * exp (Tang's method, N = 4096): k = round(x·4096/ln2), r = x − k·ln2/4096 (Cody–Waite, the
 * high part of ln2/4096 has 31 bits so k·hi is exact for |k| < 2^22), 2^(j/4096) = T[j]·(1 +
 * tail[j]) from a 64 KiB table (built at load time from two 64-entry tables, EXP_TABLE_4096),
 * exp(r) − 1 − r = r²·(c2 + c3·r) (Chebyshev fit on |r| ≤ ln2/8192: 2^-59.7 relative), result
 * s + s·tmp with s = T[j]·2^(k>>12). |x| > 700 and NaN (decided on the high word, as the WASM
 * range check) take expSpecial: the 128-entry table, degree-5 Taylor, and rescaled paths for
 * results that overflow or are subnormal (rounded once, no double rounding); expm1 shares it.
 *
 * log: x = 2^k·z with z in [0.833, 1.666) (bit offset LOG4_OFF_HI), 1024 buckets of z, each
 * with a double c near its centre whose reciprocal invc rounds to within 2^-63.7 (1.0 for the
 * bucket around 1): r = (z − c)·invc, z − c exact (Sterbenz), one rounding; log x = k·ln2 +
 * log c + log1p(r), with k·ln2hi + (log c)hi exact (both multiples of 2^-42), a Fast2Sum for
 * the big part and log1p(r) − r = r²·(−1/2 + r·(L3 + r·(L4 + r·L5))) (|r| ≤ 2^-11, 2^-59.6
 * relative to r). Next to 1 (the buckets beside the one around 1, |log x| < ~2^-8) |r| is
 * comparable with log x, so r's one rounding adds up to ~0.24 ulp there (as with 256 buckets).
 * log1p keeps the 128-bucket method (26-bit invc, r exact as rhi + rlo, degree 7).
 *
 * float32 is computed in float64 and rounded once (Math.fround).
 */
import {
  EXP5_INVLN2N,
  EXP5_LN2N_HI,
  EXP5_LN2N_LO,
  EXP5_POLY,
  EXP5_T4096,
  EXP5_T64,
  EXP_TABLE,
  INVLN2N,
  LN2HI,
  LN2LO,
  LN2N_HI,
  LN2N_LO,
  LOG4_OFF_HI,
  LOG4_POLY,
  LOG4_TABLE,
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

/**
 * 2^(j/4096) = hi·(1 + tail) for j = 0..4095 as [tail, hi] pairs (the exp kernels' table, also
 * written into linear memory by the WASM glue): 2^(j1/64)·2^(j2/4096) for j = 64·j1 + j2 from
 * the two 64-entry tables, multiplied in double-double arithmetic (Dekker's product, error below
 * 2^-100), rounded once to hi with the rest in tail.
 */
export const EXP_TABLE_4096: Float64Array = (() => {
  const t = new Float64Array(8192);
  const split = (a: number): [number, number] => {
    const c = 134217729 * a; // 2^27 + 1 (Veltkamp)
    const h = c - (c - a);
    return [h, a - h];
  };
  for (let j1 = 0; j1 < 64; j1++) {
    for (let j2 = 0; j2 < 64; j2++) {
      const t1 = EXP5_T64[2 * j1]!,
        h1 = EXP5_T64[2 * j1 + 1]!;
      const t2 = EXP5_T4096[2 * j2]!,
        h2 = EXP5_T4096[2 * j2 + 1]!;
      const ph = h1 * h2;
      const [ah, al] = split(h1);
      const [bh, bl] = split(h2);
      const pl = ah * bh - ph + ah * bl + al * bh + al * bl; // h1·h2 = ph + pl exactly
      const corr = pl + ph * (t1 + t2);
      const hi = ph + corr;
      const j = 64 * j1 + j2;
      t[2 * j] = (ph - hi + corr) / hi;
      t[2 * j + 1] = hi;
    }
  }
  return t;
})();
const ET5 = EXP_TABLE_4096;
const [X2, X3] = EXP5_POLY as [number, number];

/** exp(x), float64. */
export function vexp(x: number): number {
  // |x| <= 700 (NaN fails) decided on the high word, as the WASM kernel's vector range check
  F[0] = x;
  if ((W[1]! & 0x7fffffff) > 0x4085e000) return expSpecial(x);
  const z = EXP5_INVLN2N * x;
  const kd = z + SHIFT - SHIFT;
  const ki = kd | 0;
  const r = x - kd * EXP5_LN2N_HI - kd * EXP5_LN2N_LO;
  const j = ki & 4095;
  const tail = ET5[2 * j]!;
  const s = ET5[2 * j + 1]! * POW2[(ki >> 12) + 1022]!;
  const r2 = r * r;
  const tmp = tail + r + r2 * (X2 + r * X3);
  return s + s * tmp;
}

const LT4 = new Float64Array(LOG4_TABLE);
const [L2, L3, L4, L5] = LOG4_POLY as [number, number, number, number];

/** log of a positive normal finite x scaled by 2^kAdj (kAdj = -52 for subnormal inputs). */
function logCore(x: number, kAdj: number): number {
  F[0] = x;
  const hx = W[1]!;
  const tmp = hx - LOG4_OFF_HI;
  const i = 4 * ((tmp >> 10) & 1023);
  const k = tmp >> 20;
  W[1] = hx - (k << 20);
  const z = F[0];
  const r = (z - LT4[i + 1]!) * LT4[i]!; // z − c exact (Sterbenz), one rounding
  const kd = k + kAdj;
  const w = kd * LN2HI + LT4[i + 2]!; // exact
  const hi = w + r; // Fast2Sum (|w| >= |r| or w = 0)
  let lo = w - hi + r;
  const r2 = r * r;
  const p = r2 * (L2 + r * (L3 + r * (L4 + r * L5)));
  lo = lo + (kd * LN2LO + LT4[i + 3]!) + p;
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

// --- expm1 ----------------------------------------------------------------------------------
// 2^-4 ≤ |x| ≤ 700: exp's reduction, s = 2^(k/128)·T[j]; expm1 = (s − 1) + s·tmp with s − 1
// split exactly (TwoSum) so there is one final rounding. |x| < 2^-4: x + x²·(Taylor to x^11).
// |x| < 2^-54: x. x > 700: exp(x). x < -700: -1.
const SMALL4 = 2 ** -4;
const TINY54 = 2 ** -54;
/** (expm1(x) − x)/x² Taylor coefficients 1/2!, …, 1/11!. */
export const EXPM1_POLY = [
  0.5, 0.16666666666666666, 0.041666666666666664, 0.008333333333333333, 0.001388888888888889,
  0.0001984126984126984, 2.48015873015873e-5, 2.7557319223985893e-6, 2.755731922398589e-7,
  2.505210838544172e-8,
];
const [E2, E3, E4, E5, E6, E7, E8, E9, E10, E11] = EXPM1_POLY as [
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
];

/** expm1(x), float64. */
export function vexpm1(x: number): number {
  const ax = Math.abs(x);
  if (!(ax >= TINY54)) return x; // ±0, subnormals, tiny, NaN
  if (ax < SMALL4) {
    const x2 = x * x;
    const q =
      E2 +
      x *
        (E3 +
          x * (E4 + x * (E5 + x * (E6 + x * (E7 + x * (E8 + x * (E9 + x * (E10 + x * E11))))))));
    return x + x2 * q;
  }
  if (!(ax <= 700)) return x > 0 ? expSpecial(x) : -1;
  const z = INVLN2N * x;
  const kd = z + SHIFT - SHIFT;
  const ki = kd | 0;
  const r = x - kd * LN2N_HI - kd * LN2N_LO;
  const j = ki & 127;
  const tail = ET[2 * j]!;
  const sc = ET[2 * j + 1]! * POW2[(ki >> 7) + 1022]!;
  const r2 = r * r;
  const tmp = tail + r + r2 * (C2 + r * C3 + r2 * (C4 + r * C5));
  const hi = sc - 1;
  const t = hi - sc;
  const lo = sc - (hi - t) + (-1 - t);
  return hi + (lo + sc * tmp);
}

// --- log1p ----------------------------------------------------------------------------------
// |x| ≥ 2^-9: u = 1 + x rounded, c its exact error (TwoSum): log1p(x) = log(u) + c/u, with c/u
// taken as c·2^-k·invc·(1 − r) (error r² relative, on a term below 2^-44 of the result) added
// into the low part of log(u) before its one final rounding. |x| < 2^-9: x + x²·q(x) with log's
// polynomial q. |x| < 2^-54 (±0, subnormals): x.

/** log(u) + c/u for u a positive normal finite double (log1pCore's corr = c). */
function log1pCore(u: number, c: number): number {
  F[0] = u;
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
  const re = rlo - (r - rhi);
  const kd = k;
  const w = kd * LN2HI + LT[4 * i + 1]!;
  const hi = w + r;
  let lo = w - hi + r;
  const r2 = r * r;
  const p = r2 * (B2 + r * (B3 + r * (B4 + r * (B5 + r * (B6 + r * B7)))));
  const corr = c * POW2[1022 - (k > 1000 ? 1000 : k)]! * invc * (1 - r); // negligible beyond
  lo = lo + re + (kd * LN2LO + LT[4 * i + 2]!) + (p + corr);
  return hi + lo;
}

const SMALL9 = 2 ** -9;

/** log1p(x) = x + x²·q(x) for |x| < 2^-9 (log's polynomial; x exact, no rounded 1 + x). */
function log1pSmall(x: number): number {
  const x2 = x * x;
  return x + x2 * (B2 + x * (B3 + x * (B4 + x * (B5 + x * (B6 + x * B7)))));
}

/** log1p(x), float64. */
export function vlog1p(x: number): number {
  const ax = Math.abs(x);
  if (!(ax >= TINY54)) return x; // ±0, subnormals, tiny, NaN
  if (ax < SMALL9) return log1pSmall(x);
  const u = 1 + x;
  const t = u - 1;
  const c = 1 - (u - t) + (x - t);
  if (u >= MIN_NORMAL && u <= Number.MAX_VALUE) return log1pCore(u, c);
  if (u === 0) return -Infinity;
  if (u === Infinity) return u;
  return NaN; // x < -1, -inf
}

// --- sin, cos --------------------------------------------------------------------------------
// |x| ≤ 1e5: n = round(x·2/π), r = x − n·π/2 with π/2 in four parts (33, 33, 33, 53 bits: the
// first three products are exact, two TwoSums keep the errors; 152 bits of π/2 cover the worst
// cancellation), r = rhi + rlo; then FreeBSD-style kernels: sin r = rhi + ((rhi·z·S(z) −
// z/2·rlo) + rlo), cos r = w + (((1 − w) − z/2) + (z²·C(z) − rhi·rlo)) with w = 1 − z/2
// (S, C Chebyshev fits on |r| ≤ π/4, 2^-66 and 2^-59 relative); quadrant n mod 4.
// Beyond 1e5, ±inf and NaN: Math.sin / Math.cos (fdlibm's Payne–Hanek reduction; the WASM
// kernels import the same functions), so the huge-argument results are V8's.
const TWO_OVER_PI = 0.6366197723675814;
const P1 = 1.5707963267341256;
const P2 = 6.077100506303966e-11;
const P3 = 2.0222662487111665e-21;
const P4 = 8.4784276603689e-32;
/** (sin r − r)/r³ and (cos r − 1 + r²/2)/r⁴ as polynomials in z = r² (Chebyshev fits). */
export const SIN_POLY = [
  -0.16666666666666666, 0.008333333333333331, -0.0001984126984126506, 2.7557319219335453e-6,
  -2.5052106231157904e-8, 1.605853141458901e-10, -7.586685070091267e-13,
];
export const COS_POLY = [
  0.041666666666666664, -0.0013888888888887395, 2.4801587298763433e-5, -2.7557317270560326e-7,
  2.0876146024689747e-9, -1.1382614868556325e-11,
];
const [S1, S2, S3, S4, S5, S6, S7] = SIN_POLY as [
  number,
  number,
  number,
  number,
  number,
  number,
  number,
];
const [Q1, Q2, Q3, Q4, Q5, Q6] = COS_POLY as [number, number, number, number, number, number];
const TINY = 2 ** -27;

/** sin (q even) or cos (q odd) of x, with q the quadrant offset (0 for sin, 1 for cos). */
function sincos(x: number, q0: number): number {
  const nd = x * TWO_OVER_PI + SHIFT - SHIFT;
  const a = x - nd * P1;
  const b = nd * P2;
  const s1 = a - b;
  const t1 = s1 - a;
  const e1 = a - (s1 - t1) + (-b - t1);
  const c = nd * P3;
  const s2 = s1 - c;
  const t2 = s2 - s1;
  const e2 = s1 - (s2 - t2) + (-c - t2);
  const tail = e1 + e2 - nd * P4;
  const rhi = s2 + tail;
  const rlo = s2 - rhi + tail;
  const z = rhi * rhi;
  const hz = 0.5 * z;
  // sin
  const sp = S1 + z * (S2 + z * (S3 + z * (S4 + z * (S5 + z * (S6 + z * S7)))));
  const sv = rhi + (rhi * z * sp - hz * rlo + rlo);
  // cos
  const cp = Q1 + z * (Q2 + z * (Q3 + z * (Q4 + z * (Q5 + z * Q6))));
  const w = 1 - hz;
  const cv = w + (1 - w - hz + (z * z * cp - rhi * rlo));
  const q = ((nd | 0) + q0) & 3;
  const v = q & 1 ? cv : sv;
  return q & 2 ? -v : v;
}

/** sin(x), float64. */
export function vsin(x: number): number {
  const ax = Math.abs(x);
  if (!(ax <= 1e5)) return Math.sin(x);
  if (ax < TINY) return x;
  return sincos(x, 0);
}

/** cos(x), float64. */
export function vcos(x: number): number {
  const ax = Math.abs(x);
  if (!(ax <= 1e5)) return Math.cos(x);
  if (ax < TINY) return 1;
  return sincos(x, 1);
}

export type NumStore = { [i: number]: number };
/** A strided float64 ufunc kernel of the scalar function `f`. */
export const k64 =
  (f: (x: number) => number): UnaryKernel =>
  (n, x, ix, sx, o, io, so) => {
    const a = x as NumStore,
      c = o as NumStore;
    for (let j = 0; j < n; j++) c[io + j * so] = f(a[ix + j * sx]!);
  };
/** The same for float32: `f` in float64, rounded once. */
export const k32 =
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
  ['expm1', 'float64', k64(vexpm1)],
  ['expm1', 'float32', k32(vexpm1)],
  ['log1p', 'float64', k64(vlog1p)],
  ['log1p', 'float32', k32(vlog1p)],
  ['sin', 'float64', k64(vsin)],
  ['sin', 'float32', k32(vsin)],
  ['cos', 'float64', k64(vcos)],
  ['cos', 'float32', k32(vcos)],
];
