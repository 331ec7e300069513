/**
 * tan, tanh and power (float64), the TS twins of native/mathx.ts's kernels: the same operations
 * in the same order (no fused multiply-add anywhere), so the TS and WASM backends give
 * bit-identical results (test/native/mathx.test.ts). Accuracy against a 200-bit reference:
 * test/unit/vmathx_ulp.test.ts, native/README.md "Error bound". Tables and coefficients:
 * vmathx_tables.ts (scripts/gen_vmathx_tables.py).
 *
 * tan: |x| ≤ 1e5: n = round(x·4/π), r = x − n·π/4 as rhi + rlo (π/4 in four parts, the sin/cos
 * reduction of vmath.ts halved, two TwoSums), |r| ≤ π/8; beyond 1e5 a Payne–Hanek reduction
 * (tanHuge below); t = tan r = r + r³/3 + r⁵·P'(r²) as a double-double with r³/3 formed
 * exactly (Dekker products); then by octant n mod 4 tan x = t, (1 + t)/(1 − t), −1/t,
 * (t − 1)/(1 + t), each one double-double division (Dekker products) rounded once. ±inf, NaN:
 * NaN; |x| < 2^-27: x.
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
  PI4_DD,
} from './vmathx_tables';
import type { BinaryKernel, UnaryKernel } from './ufunc_kernels';
import { k32, k64, type NumStore } from './vmath';

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
// (nh + nl)/(dh + dl): one division, y = 1/dh, q = nh·y, the remainder nh − q·dh exactly (Dekker's
// product, nh − p is exact by Sterbenz), corrected by q·dl and nl and scaled by y.
function ddDiv(nh: number, nl: number, dh: number, dl: number): number {
  const y = 1 / dh;
  const q = nh * y;
  const p = q * dh;
  let c = SPLIT * q;
  const qh = c - (c - q);
  const ql = q - qh;
  c = SPLIT * dh;
  const dhh = c - (c - dh);
  const dhl = dh - dhh;
  const e = qh * dhh - p + qh * dhl + ql * dhh + ql * dhl;
  const rem = nh - p - e + nl - q * dl;
  return q + rem * y;
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
const TINY = 2 ** -27;

/** tan(x), float64. */
export function vtan(x: number): number {
  const ax = Math.abs(x);
  if (!(ax <= 1e5)) return ax === Infinity || x !== x ? NaN : tanHuge(x);
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
  return tanCore(rh, rl, (nd | 0) & 3);
}

/** tan(r + m·π/4) for r = rh + rl, |r| ≤ π/8 (about). */
function tanCore(rh: number, rl: number, m: number): number {
  // t = tan r = r + r³·P(r²), P by Estrin's scheme (short dependency chains), rl carried into the
  // r³ term; t = th + tl (Fast2Sum: |u| < 0.07·|rh|)
  const z = rh * rh;
  const z2 = z * z;
  const z4 = z2 * z2;
  const b0 = T0 + z * T1 + z2 * (T2 + z * T3);
  const b1 = T4 + z * T5 + z2 * (T6 + z * T7);
  const b2 = T8 + z * T9 + z2 * T10;
  const p = b0 + z4 * b1 + z4 * z4 * b2;
  const u = z * (rh * p + rl) + rl;
  const th = rh + u;
  const tl = rh - th + u;
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

// ---- Payne–Hanek for |x| > 1e5: x·(4/π) mod 8 from an exponent-indexed table ------------------
// For x = M·2^(e−52) the bits of 4/π of weight ≥ 2^(55−e) only add multiples of 8 (one period
// of tan is 4 octants: 8 keeps the table's meaning simple); the next 212 bits are four doubles
// K0..K3 (53-bit chunks; scaled by 2^600 with x by 2^-600 for e > 600 to stay normal). x·K0 and
// x·K1, x·K2 are exact Dekker products; integer parts are dropped as they appear, the fraction f
// is summed exactly (TwoSums) and r = f·π/4 as a double-double: 2^-94 relative even at the
// closest approach of a double to a multiple of π/4.

/** floor(4/π · 2^1200). */
const FOUR_OVER_PI_BITS =
  0x145f306dc9c882a53f84eafa3ea69bb81b6c52b3278872083fca2c757bd778ac36e48dc74849ba5c00c925dd413a32439fc3bd63962534e7dd1046bea5d768909d338e04d68befc827323ac7306a673e93908bf177bf250763ff12fffbc0b301fde5e2316b414da3eda6cfd9e4f96136e9e8c7ecd3cbfd45aea4f758fd7cbe2f67a0e73ef14a525d4d7f6bf623f1aba10ac06608df8f6n;
let PH: Float64Array | null = null;

/** K0..K3 per exponent e in [16, 1023] at (e − 16)·4 (the WASM glue writes the same table). */
export function payneHanekTable(): Float64Array {
  if (PH !== null) return PH;
  const t = new Float64Array(1008 * 4);
  for (let e = 16; e <= 1023; e++) {
    const s = e > 600 ? 600 : 0;
    let K = FOUR_OVER_PI_BITS & ((1n << BigInt(55 - e + 1200)) - 1n);
    for (let c = 0; c < 4; c++) {
      const low = 55 - e - 53 * (c + 1); // weight of the chunk's lowest bit
      const sh = BigInt(low + 1200);
      const chunk = K >> sh;
      K -= chunk << sh;
      t[(e - 16) * 4 + c] = Number(chunk) * 2 ** (low + s);
    }
  }
  PH = t;
  return t;
}

let prodLo = 0;
/** a·b = hi + prodLo exactly (Dekker; |a|, |b| < 2^996). */
function mul2(a: number, b: number): number {
  const p = a * b;
  let c = SPLIT * a;
  const ah = c - (c - a);
  const al = a - ah;
  c = SPLIT * b;
  const bh = c - (c - b);
  const bl = b - bh;
  prodLo = ah * bh - p + ah * bl + al * bh + al * bl;
  return p;
}
const rint = (v: number): number => v + SHIFT - SHIFT;
const PI4H = PI4_DD[0]!;
const PI4L = PI4_DD[1]!;

function tanHuge(x: number): number {
  const T = payneHanekTable();
  F[0] = x;
  const e = ((W[1]! >> 20) & 0x7ff) - 1023;
  const i = (e - 16) * 4;
  const xs = e > 600 ? Math.abs(x) * 2 ** -600 : Math.abs(x);
  const h0 = mul2(xs, T[i]!);
  const l0 = prodLo;
  const h1 = mul2(xs, T[i + 1]!);
  const l1 = prodLo;
  const h2 = mul2(xs, T[i + 2]!);
  const l2 = prodLo;
  const h3 = xs * T[i + 3]!;
  // integer parts out, exactly: each remainder in [-0.5, 0.5]
  const a0 = h0 - 8 * Math.floor(h0 * 0.125);
  const n0 = rint(a0);
  const n1 = rint(l0);
  const n2 = rint(h1);
  const u = a0 - n0 + (l0 - n1); // exact: multiples of 2^-50 below 1 in magnitude
  const v = h1 - n2;
  const t = u + v; // TwoSum
  const tv = t - u;
  const te = u - (t - tv) + (v - tv);
  const n3 = rint(t);
  let fh = t - n3;
  let fl = 0;
  for (const w of [te, l1, h2, l2, h3]) {
    const s = fh + w;
    const sv = s - fh;
    fl += fh - (s - sv) + (w - sv);
    fh = s;
  }
  const f = fh + fl;
  const fe = fh - f + fl;
  // r = f·π/4
  const rh0 = mul2(f, PI4H);
  const rl0 = prodLo + f * PI4L + fe * PI4H;
  const rh = rh0 + rl0;
  const rl = rh0 - rh + rl0;
  const y = tanCore(rh, rl, (n0 + n1 + n2 + n3) & 3);
  return x < 0 ? -y : y;
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
  // Estrin's scheme in rh and p2 = rh² (short dependency chains for the vector kernel)
  const q =
    p2 *
    rh *
    (G3 + rh * G4 + p2 * (G5 + rh * G6) + p2 * p2 * (G7 + rh * G8 + p2 * (G9 + rh * G10)));
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
