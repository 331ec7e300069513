/**
 * tan, tanh and power (float64), the TS twins of native/mathx.ts's kernels: the same operations
 * in the same order (no fused multiply-add anywhere), so the TS and WASM backends give
 * bit-identical results (test/native/mathx.test.ts). Accuracy against a 200-bit reference:
 * test/unit/vmathx_ulp.test.ts, native/README.md "Error bound". Tables and coefficients:
 * vmathx_tables.ts (scripts/gen_vmathx_tables.py).
 *
 * tan: |x| ≤ 1e5: n = round(x·4/π), r = x − n·π/4 as rhi + rlo (π/4 in four parts, the sin/cos
 * reduction of vmath.ts halved, two TwoSums), |r| ≤ π/8; t = tan r = rhi + tl with
 * tl = z·(rhi·P(z) + rlo) + rlo (z = rhi², P an 11-term Chebyshev fit); then by octant n mod 4
 * tan x = t, (1 + t)/(1 − t), −1/t, (t − 1)/(1 + t), each one double-double division (Dekker
 * products) rounded once. Beyond 1e5, ±inf and NaN: Math.sin(x)/Math.cos(x) (the WASM kernels
 * import the same host functions), |x| < 2^-27: x.
 *
 * tanh: |x| < 2^-27: x (±0, NaN); |x| > 22: ±1; |x| < 2^-4: x + x·z·P(z) (7-term fit);
 * otherwise t = expm1(2|x|) as a double-double (a 256-entry exp table, s − 1 by TwoSum) and
 * tanh = t/(t + 2) by one double-double division, sign copied.
 *
 * power: C99/NumPy special cases first (table in pow()), then log x as a double-double
 * H + L (128 buckets with 21-bit reciprocals so z·invc − 1 is exact, Taylor log1p to r^10;
 * relative error ~2^-70), y·(H + L) as a double-double (Dekker product), and exp of it with the
 * low part folded into the reduced argument (256-entry table, degree-5 Taylor), scaled without
 * double rounding for overflowing and subnormal results. This is exp2(y·log2 x) in natural base.
 *
 * float32 is computed in float64 and rounded once (Math.fround).
 */
import {
  FOUR_OVER_PI,
  PEXP_INVLN2N,
  PEXP_LN2N_HI,
  PEXP_LN2N_LO,
  PEXP_TABLE,
  PLN2HI,
  PLN2LO,
  PLOG_OFF_HI,
  PLOG_POLY,
  PLOG_TABLE,
  TANH_POLY,
  TAN_POLY,
  TAN_T0,
} from './vmathx_tables';
import type { BinaryKernel, UnaryKernel } from './ufunc_kernels';

const SHIFT = 6755399441055744; // 1.5·2^52: adding it rounds to an integer
const SPLIT = 134217729; // 2^27 + 1 (Dekker)
const F = new Float64Array(1);
const W = new Int32Array(F.buffer); // little-endian: W[0] low word, W[1] high word

/** 2^e for e in [-1022, 1023]. */
function pow2(e: number): number {
  W[0] = 0;
  W[1] = (e + 1023) << 20;
  return F[0]!;
}

// ---- double-double division -------------------------------------------------------------------
// (nh + nl)/(dh + dl) rounded once: q = nh/dh, the remainder nh − q·dh exactly (Dekker's product,
// nh − p is exact by Sterbenz), corrected by q·dl and nl.
function ddDiv(nh: number, nl: number, dh: number, dl: number): number {
  const q = nh / dh;
  const p = q * dh;
  let c = SPLIT * q;
  const qh = c - (c - q);
  const ql = q - qh;
  c = SPLIT * dh;
  const dhh = c - (c - dh);
  const dhl = dh - dhh;
  const e = qh * dhh - p + qh * dhl + ql * dhh + ql * dhl;
  const rem = nh - p - e + nl - q * dl;
  return q + rem / dh;
}

// ---- tan ---------------------------------------------------------------------------------------
// π/4 in four parts (the sin/cos reduction's π/2 parts halved, so n·Q1..Q3 stay exact for
// |n| < 2^20)
const Q1 = 1.5707963267341256 / 2;
const Q2 = 6.077100506303966e-11 / 2;
const Q3 = 2.0222662487111665e-21 / 2;
const Q4 = 8.4784276603689e-32 / 2;
// prettier-ignore
const [T0, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10] = TAN_POLY as [
  number, number, number, number, number, number, number, number, number, number, number,
];
const [T0H, T0L, T0LO] = TAN_T0 as [number, number, number];
const TINY = 2 ** -27;

/** tan(x), float64. */
export function vtan(x: number): number {
  const ax = Math.abs(x);
  if (!(ax <= 1e5)) return Math.sin(x) / Math.cos(x);
  if (ax < TINY) return x;
  const nd = x * FOUR_OVER_PI + SHIFT - SHIFT;
  const a = x - nd * Q1;
  const b = nd * Q2;
  const s1 = a - b;
  const t1 = s1 - a;
  const e1 = a - (s1 - t1) + (-b - t1);
  const c = nd * Q3;
  const s2 = s1 - c;
  const t2 = s2 - s1;
  const e2 = s1 - (s2 - t2) + (-c - t2);
  const tail = e1 + e2 - nd * Q4;
  const rh = s2 + tail;
  const rl = s2 - rh + tail;
  // t = tan r = r + r³/3 + r⁵·P'(r²) with r³/3 formed exactly (Dekker products: z = r², r³,
  // r³·T0, plus r³·(1/3 − T0)), so only the small r⁵ term and rl carry roundings
  const z = rh * rh;
  let sp = SPLIT * rh;
  const rhh = sp - (sp - rh);
  const rhl = rh - rhh;
  const zl = rhh * rhh - z + 2 * rhh * rhl + rhl * rhl;
  const ch = z * rh;
  sp = SPLIT * z;
  const zhh = sp - (sp - z);
  const zhl = z - zhh;
  const cl = zhh * rhh - ch + zhh * rhl + zhl * rhh + zhl * rhl + zl * rh;
  const uh = ch * T0;
  sp = SPLIT * ch;
  const chh = sp - (sp - ch);
  const chl = ch - chh;
  const ul = chh * T0H - uh + chh * T0L + chl * T0H + chl * T0L;
  const p =
    T1 +
    z * (T2 + z * (T3 + z * (T4 + z * (T5 + z * (T6 + z * (T7 + z * (T8 + z * (T9 + z * T10))))))));
  const low = ul + ch * T0LO + cl * T0 + ch * (z * p) + rl * z + rl;
  const t0 = rh + uh; // Fast2Sum: |uh| < 0.06·|rh|
  const t1l = rh - t0 + uh + low;
  const th = t0 + t1l; // renormalized (|low| < 0.004·|rh|)
  const tl = t0 - th + t1l;
  const m = (nd | 0) & 3;
  if (m === 0) return ddDiv(th, tl, 1, 0);
  if (m === 2) return ddDiv(-1, 0, th, tl);
  // 1 + t and 1 − t as double-doubles (TwoSum)
  const ah = 1 + th;
  const av = ah - 1;
  const al = 1 - (ah - av) + (th - av) + tl;
  const bh = 1 - th;
  const bv = bh - 1;
  const bl = 1 - (bh - bv) + (-th - bv) - tl;
  return m === 1 ? ddDiv(ah, al, bh, bl) : ddDiv(-bh, -bl, ah, al);
}

// ---- exp core (shared by tanh and power) --------------------------------------------------------
const ET = new Float64Array(PEXP_TABLE);

// ---- tanh --------------------------------------------------------------------------------------
// prettier-ignore
const [H0, H1, H2, H3, H4, H5, H6] = TANH_POLY as [
  number, number, number, number, number, number, number,
];
const SMALL4 = 2 ** -4;

/** tanh(x), float64. */
export function vtanh(x: number): number {
  const ax = Math.abs(x);
  if (!(ax >= TINY)) return x; // ±0, subnormals, tiny, NaN
  if (ax > 22) return x > 0 ? 1 : -1;
  if (ax < SMALL4) {
    const z = x * x;
    return x + x * z * (H0 + z * (H1 + z * (H2 + z * (H3 + z * (H4 + z * (H5 + z * H6))))));
  }
  // t = expm1(2|x|) = (s − 1) + s·tmp, s = 2^(k/256)·T_j
  const v = ax + ax;
  const kd = v * PEXP_INVLN2N + SHIFT - SHIFT;
  const ki = kd | 0;
  const r = v - kd * PEXP_LN2N_HI - kd * PEXP_LN2N_LO;
  const j = ki & 255;
  const s = ET[2 * j + 1]! * pow2(ki >> 8);
  const r2 = r * r;
  const tmp = ET[2 * j]! + r + r2 * (0.5 + r * (1 / 6) + r2 * (1 / 24 + r * (1 / 120)));
  const h1 = s - 1;
  const u = h1 - s;
  const l1 = s - (h1 - u) + (-1 - u);
  const lo = l1 + s * tmp;
  const th = h1 + lo;
  const tl = h1 - th + lo;
  // t + 2
  const dh = th + 2;
  const dv = dh - th;
  const dl = th - (dh - dv) + (2 - dv) + tl;
  const y = ddDiv(th, tl, dh, dl);
  return x > 0 ? y : -y;
}

// ---- power -------------------------------------------------------------------------------------
const LT = new Float64Array(PLOG_TABLE);
// prettier-ignore
const [G3, G4, G5, G6, G7, G8, G9, G10] = PLOG_POLY as [
  number, number, number, number, number, number, number, number,
];
const TWO52 = 4503599627370496;

let logLo = 0;
/** log(x) of a positive finite x as H + L (returned H, L in logLo); relative error ~2^-70. */
function logDD(x: number): number {
  let kAdj = 0;
  if (x < 2.2250738585072014e-308) {
    x *= TWO52; // subnormal
    kAdj = -52;
  }
  F[0] = x;
  const hx = W[1]!;
  const tmp = hx - PLOG_OFF_HI;
  const i = 3 * ((tmp >> 13) & 127);
  const k = tmp >> 20;
  W[1] = hx - (k << 20);
  const z = F[0];
  W[0] = 0;
  const zh = F[0];
  const zl = z - zh;
  const invc = LT[i]!;
  const rhi = zh * invc - 1; // exact (21 + 21 bits, Sterbenz)
  const rlo = zl * invc; // exact (32 + 21 bits)
  const rh = rhi + rlo;
  const rv = rh - rhi;
  const rl = rhi - (rh - rv) + (rlo - rv);
  // r² = p2 + e2 (Dekker), −r²/2 = hp + hl
  const p2 = rh * rh;
  const cr = SPLIT * rh;
  const rhh = cr - (cr - rh);
  const rhl = rh - rhh;
  const e2 = rhh * rhh - p2 + 2 * rhh * rhl + rhl * rhl;
  const hp = -0.5 * p2;
  const hl = -0.5 * (e2 + 2 * rh * rl);
  const q =
    p2 *
    rh *
    (G3 + rh * (G4 + rh * (G5 + rh * (G6 + rh * (G7 + rh * (G8 + rh * (G9 + rh * G10)))))));
  const kd = k + kAdj;
  const w = kd * PLN2HI; // exact
  const lh = LT[i + 1]!;
  const s1 = w + lh;
  const v1 = s1 - w;
  const f1 = w - (s1 - v1) + (lh - v1);
  const s2 = s1 + rh;
  const v2 = s2 - s1;
  const f2 = s1 - (s2 - v2) + (rh - v2);
  const s3 = s2 + hp;
  const v3 = s3 - s2;
  const f3 = s2 - (s3 - v3) + (hp - v3);
  const lo = f1 + f2 + f3 + (rl + hl + q) + (kd * PLN2LO + LT[i + 2]!);
  const hi = s3 + lo;
  logLo = s3 - hi + lo;
  return hi;
}

/** exp(eh + el) for eh in [-746, 710], times sign (±1). */
function expDD(eh: number, el: number, sign: number): number {
  const kd = eh * PEXP_INVLN2N + SHIFT - SHIFT;
  const ki = kd | 0;
  const r = eh - kd * PEXP_LN2N_HI - kd * PEXP_LN2N_LO + el;
  const j = ki & 255;
  const k = ki >> 8;
  const r2 = r * r;
  const tmp = ET[2 * j]! + r + r2 * (0.5 + r * (1 / 6) + r2 * (1 / 24 + r * (1 / 120)));
  const T = ET[2 * j + 1]!;
  if (k > -1022 && k < 1000) {
    const s = T * pow2(k);
    return sign * (s + s * tmp);
  }
  if (k > 0) {
    const s = T * pow2(k - 1009);
    return sign * ((s + s * tmp) * 2 ** 1009);
  }
  const s = T * pow2(k + 1022);
  let y = s + s * tmp;
  if (y < 1) {
    // round once at the subnormal boundary (as vmath.ts's expSpecial)
    let lo = s - y + s * tmp;
    const h = 1 + y;
    lo = 1 - h + y + lo;
    y = h + lo - 1;
  }
  return sign * (y * 2.2250738585072014e-308);
}

/**
 * x^y (C99 Annex F / NumPy): y = ±0 → 1 and x = 1 → 1 (even for NaN); NaN otherwise propagates;
 * y = ±inf: 1 for |x| = 1, else 0 or inf by (|x| < 1) vs the sign of y; x = ±0: y < 0 → inf
 * (−inf for −0 and odd integer y), y > 0 → 0 (−0 for −0 and odd integer y); x = ±inf likewise
 * mirrored; x < 0 finite: NaN for non-integer y, else ±|x|^y with − for odd y; overflow → inf,
 * underflow → 0 or a subnormal rounded once.
 */
export function vpow(x: number, y: number): number {
  if (y === 0 || x === 1) return 1;
  if (x !== x || y !== y) return x + y;
  const ax = Math.abs(x);
  if (y === Infinity || y === -Infinity) {
    if (ax === 1) return 1;
    return ax < 1 === y > 0 ? 0 : Infinity;
  }
  // 0: not an integer, 1: odd integer, 2: even integer
  const yh = y * 0.5;
  const yint = Math.floor(y) !== y ? 0 : Math.floor(yh) !== yh ? 1 : 2;
  if (x === 0 || ax === Infinity) {
    const neg = yint === 1 && (x < 0 || Object.is(x, -0));
    const big = x === 0 ? y < 0 : y > 0;
    const v = big ? Infinity : 0;
    return neg ? -v : v;
  }
  let sign = 1;
  if (x < 0) {
    if (yint === 0) return NaN;
    if (yint === 1) sign = -1;
  }
  if (ax === 1) return sign; // x = -1, integer y (y·log|x| = 0: no split of a huge y)
  const H = logDD(ax);
  const L = logLo;
  const eh = y * H;
  if (eh > 710) return sign * Infinity;
  if (eh < -746) return sign * 0;
  // y·(H + L) = eh + el (Dekker)
  let c = SPLIT * y;
  const yhi = c - (c - y);
  const ylo = y - yhi;
  c = SPLIT * H;
  const Hh = c - (c - H);
  const Hl = H - Hh;
  const el = yhi * Hh - eh + yhi * Hl + ylo * Hh + ylo * Hl + y * L;
  return expDD(eh, el, sign);
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
/**
 * NumPy's power loop with a scalar exponent (stride 0) of 2, 0.5, -1 or 1: x·x, sqrt(x), 1/x, x
 * (sqrt makes (−0)^0.5 = −0 and (−inf)^0.5 = NaN as NumPy's loop does; the others equal a
 * correctly rounded pow). 0 otherwise.
 */
export function powFastPath(y: number): number {
  return y === 2 ? 1 : y === 0.5 ? 2 : y === -1 ? 3 : y === 1 ? 4 : 0;
}
const powFast = (c: number, x: number): number =>
  c === 1 ? x * x : c === 2 ? Math.sqrt(x) : c === 3 ? 1 / x : x;
const powK =
  (round: (v: number) => number): BinaryKernel =>
  (n, x, ix, sx, y, iy, sy, o, io, so) => {
    const a = x as NumStore,
      b = y as NumStore,
      c = o as NumStore;
    const fast = sy === 0 && n > 0 ? powFastPath(b[iy]!) : 0;
    if (fast !== 0) {
      for (let j = 0; j < n; j++) c[io + j * so] = round(powFast(fast, a[ix + j * sx]!));
      return;
    }
    for (let j = 0; j < n; j++) c[io + j * so] = round(vpow(a[ix + j * sx]!, b[iy + j * sy]!));
  };
const pow64 = powK((v) => v);
const pow32 = powK(Math.fround);

/** The TS kernels (registry 'ts' backend) of tan and tanh: [op, dtype, kernel]. */
export const VMATHX_TS_UNARY: [string, 'float64' | 'float32', UnaryKernel][] = [
  ['tan', 'float64', k64(vtan)],
  ['tan', 'float32', k32(vtan)],
  ['tanh', 'float64', k64(vtanh)],
  ['tanh', 'float32', k32(vtanh)],
];
/** The TS kernels of power (float64, float32). */
export const VMATHX_TS_BINARY: [string, 'float64' | 'float32', BinaryKernel][] = [
  ['power', 'float64', pow64],
  ['power', 'float32', pow32],
];
