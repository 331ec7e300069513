// tan, tanh and power (float64; float32 computed in float64 and rounded once). The TS twins are
// src/runtime/vmathx.ts: the same operations in the same order, no fused multiply-add, so both
// backends agree bit for bit (test/native/mathx.test.ts). Accuracy: native/README.md "Error
// bound" (test/unit/vmathx_ulp.test.ts). Algorithms are described in vmathx.ts.
//
// Tables live in linear memory at `tab` (written once by src/runtime/wasm/mathx.ts from
// src/runtime/vmathx_tables.ts; this module has no data segment):
//   tab + 0:    exp, 256 × [tail_j, 2^(j/256) hi] (f64)
//   tab + 4096: log, 128 × [invc, −log(invc) hi, lo, 0] (f64)
//   tab + 8192: vector constants (KOFF below)
//   tab + 9216: tan's Payne–Hanek table, 1008 × [K0, K1, K2, K3] for exponents 16..1023
// (tan of |x| > 1e5; see vmathx.ts). No imports.
import { ld, st } from './strided';


const SHIFT: f64 = 6755399441055744.0;
const SPLIT: f64 = 134217729.0;
const PLOG: usize = 4096;

const T0: f64 = 0.3333333333333333;
const T1: f64 = 0.1333333333333333;
const T2: f64 = 0.05396825396825911;
const T3: f64 = 0.0218694885356359;
const T4: f64 = 0.00886323555673954;
const T5: f64 = 0.0035921272289499745;
const T6: f64 = 0.001455849500007822;
const T7: f64 = 0.00058984652279769;
const T8: f64 = 0.00024051125856231137;
const T9: f64 = 9.044327398260459e-05;
const T10: f64 = 5.5855717958623894e-05;
const H0: f64 = -0.3333333333333333;
const H1: f64 = 0.13333333333333333;
const H2: f64 = -0.05396825396825387;
const H3: f64 = 0.021869488535998266;
const H4: f64 = -0.008863235415079624;
const H5: f64 = 0.003592084901869294;
const H6: f64 = -0.0014477946718750698;
const G3: f64 = 0.3333333333333333;
const G4: f64 = -0.25;
const G5: f64 = 0.2;
const G6: f64 = -0.16666666666666666;
const G7: f64 = 0.14285714285714285;
const G8: f64 = -0.125;
const G9: f64 = 0.1111111111111111;
const G10: f64 = -0.1;
const FOUR_OVER_PI: f64 = 1.2732395447351628;
const PEXP_INVLN2N: f64 = 369.3299304675746;
const PEXP_LN2N_HI: f64 = 0.002707606173999011;
const PEXP_LN2N_LO: f64 = 6.327543041662719e-14;
const PLN2HI: f64 = 0.6931471805598903;
const PLN2LO: f64 = 5.497923018708371e-14;
const PLOG_OFF: u64 = 0x3fe6a00000000000;
const Q1: f64 = 1.5707963267341256 / 2.0;
const Q2: f64 = 6.077100506303966e-11 / 2.0;
const Q3: f64 = 2.0222662487111665e-21 / 2.0;
const Q4: f64 = 8.4784276603689e-32 / 2.0;
const TINY: f64 = 7.450580596923828e-9; // 2^-27
const SMALL4: f64 = 0.0625;

// @ts-ignore: decorator
@inline function pow2x(e: i32): f64 {
  return reinterpret<f64>(<u64>(e + 1023) << 52);
}

function ddDiv(nh: f64, nl: f64, dh: f64, dl: f64): f64 {
  const y = 1.0 / dh;
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

/** tan(x), float64 (the TS twin's vtan). */
export function vtan_scalar(x: f64, tab: usize): f64 {
  const ax = Math.abs(x);
  if (!(ax <= 1e5)) return ax == Infinity || x != x ? NaN : tanHuge(x, tab);
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
  return tanCore(rh, rl, (<i32>nd) & 3);
}

function tanCore(rh: f64, rl: f64, m: i32): f64 {
  // tan r = r + r³·P(r²), P by Estrin's scheme (as in vmathx.ts)
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
  if (m == 0) return ddDiv(th, tl, 1.0, 0.0);
  if (m == 2) return ddDiv(-1.0, 0.0, th, tl);
  const ah = 1.0 + th;
  const av = ah - 1.0;
  const al = 1.0 - (ah - av) + (th - av) + tl;
  const bh = 1.0 - th;
  const bv = bh - 1.0;
  const bl = 1.0 - (bh - bv) + (-th - bv) - tl;
  return m == 1 ? ddDiv(ah, al, bh, bl) : ddDiv(-bh, -bl, ah, al);
}

// Payne–Hanek for |x| > 1e5 (the TS twin's tanHuge; table at tab + PHTAB)
const PHTAB: usize = 9216;
const PI4H: f64 = 0.7853981633974483;
const PI4L: f64 = 3.061616997868383e-17;
let prodLo: f64 = 0;

function mul2(a: f64, b: f64): f64 {
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

// @ts-ignore: decorator
@inline function rint(v: f64): f64 {
  return v + SHIFT - SHIFT;
}

// @ts-ignore: decorator
@inline function addTo(fh: f64, w: f64): f64 {
  const s = fh + w;
  const sv = s - fh;
  fl += fh - (s - sv) + (w - sv);
  return s;
}
let fl: f64 = 0;

function tanHuge(x: f64, tab: usize): f64 {
  const e = <i32>((reinterpret<u64>(x) >> 52) & 0x7ff) - 1023;
  const t = tab + PHTAB + (<usize>(e - 16) << 5);
  const xs = e > 600 ? Math.abs(x) * 2.409919865102884e-181 : Math.abs(x);
  const h0 = mul2(xs, load<f64>(t));
  const l0 = prodLo;
  const h1 = mul2(xs, load<f64>(t, 8));
  const l1 = prodLo;
  const h2 = mul2(xs, load<f64>(t, 16));
  const l2 = prodLo;
  const h3 = xs * load<f64>(t, 24);
  const a0 = h0 - 8.0 * Math.floor(h0 * 0.125);
  const n0 = rint(a0);
  const n1 = rint(l0);
  const n2 = rint(h1);
  const u = a0 - n0 + (l0 - n1);
  const v = h1 - n2;
  const tt = u + v;
  const tv = tt - u;
  const te = u - (tt - tv) + (v - tv);
  const n3 = rint(tt);
  let fh = tt - n3;
  fl = 0;
  fh = addTo(fh, te);
  fh = addTo(fh, l1);
  fh = addTo(fh, h2);
  fh = addTo(fh, l2);
  fh = addTo(fh, h3);
  const f = fh + fl;
  const fe = fh - f + fl;
  const rh0 = mul2(f, PI4H);
  const rl0 = prodLo + f * PI4L + fe * PI4H;
  const rh = rh0 + rl0;
  const rl = rh0 - rh + rl0;
  const y = tanCore(rh, rl, (<i32>(n0 + n1 + n2 + n3)) & 3);
  return x < 0 ? -y : y;
}

/** tanh(x), float64 (the TS twin's vtanh). */
export function vtanh_scalar(x: f64, tab: usize): f64 {
  const ax = Math.abs(x);
  if (!(ax >= TINY)) return x;
  if (ax > 22.0) return x > 0 ? 1.0 : -1.0;
  if (ax < SMALL4) {
    const z = x * x;
    return x + x * z * (H0 + z * (H1 + z * (H2 + z * (H3 + z * (H4 + z * (H5 + z * H6))))));
  }
  const v = ax + ax;
  const kd = v * PEXP_INVLN2N + SHIFT - SHIFT;
  const ki = <i32>kd;
  const r = v - kd * PEXP_LN2N_HI - kd * PEXP_LN2N_LO;
  const e = tab + (<usize>(ki & 255) << 4);
  const s = load<f64>(e, 8) * pow2x(ki >> 8);
  const r2 = r * r;
  const tmp = load<f64>(e) + r + r2 * (0.5 + r * (1.0 / 6.0) + r2 * (1.0 / 24.0 + r * (1.0 / 120.0)));
  const h1 = s - 1.0;
  const u = h1 - s;
  const l1 = s - (h1 - u) + (-1.0 - u);
  const lo = l1 + s * tmp;
  const th = h1 + lo;
  const tl = h1 - th + lo;
  const dh = th + 2.0;
  const dv = dh - th;
  const dl = th - (dh - dv) + (2.0 - dv) + tl;
  const y = ddDiv(th, tl, dh, dl);
  return x > 0 ? y : -y;
}

let logLo: f64 = 0;

function logDD(x: f64, tab: usize): f64 {
  let kAdj: i32 = 0;
  if (x < 2.2250738585072014e-308) {
    x *= 4503599627370496.0;
    kAdj = -52;
  }
  const ix = reinterpret<u64>(x);
  const tmp = ix - PLOG_OFF;
  const i = <usize>((tmp >> 45) & 127);
  const k = <i32>(<i64>tmp >> 52);
  const zb = ix - (<u64>(<i64>k) << 52);
  const z = reinterpret<f64>(zb);
  const zh = reinterpret<f64>(zb & 0xffffffff00000000);
  const zl = z - zh;
  const e = tab + PLOG + (i << 5);
  const invc = load<f64>(e);
  const rhi = zh * invc - 1.0;
  const rlo = zl * invc;
  const rh = rhi + rlo;
  const rv = rh - rhi;
  const rl = rhi - (rh - rv) + (rlo - rv);
  const p2 = rh * rh;
  const cr = SPLIT * rh;
  const rhh = cr - (cr - rh);
  const rhl = rh - rhh;
  const e2 = rhh * rhh - p2 + 2.0 * rhh * rhl + rhl * rhl;
  const hp = -0.5 * p2;
  const hl = -0.5 * (e2 + 2.0 * rh * rl);
  const q = p2 * rh * (G3 + rh * G4 + p2 * (G5 + rh * G6) + p2 * p2 * (G7 + rh * G8 + p2 * (G9 + rh * G10)));
  const kd = <f64>(k + kAdj);
  const w = kd * PLN2HI;
  const lh = load<f64>(e, 8);
  const s1 = w + lh;
  const v1 = s1 - w;
  const f1 = w - (s1 - v1) + (lh - v1);
  const s2 = s1 + rh;
  const v2 = s2 - s1;
  const f2 = s1 - (s2 - v2) + (rh - v2);
  const s3 = s2 + hp;
  const v3 = s3 - s2;
  const f3 = s2 - (s3 - v3) + (hp - v3);
  const lo = f1 + f2 + f3 + (rl + hl + q) + (kd * PLN2LO + load<f64>(e, 16));
  const hi = s3 + lo;
  logLo = s3 - hi + lo;
  return hi;
}

function expDD(eh: f64, el: f64, sign: f64, tab: usize): f64 {
  const kd = eh * PEXP_INVLN2N + SHIFT - SHIFT;
  const ki = <i32>kd;
  const r = eh - kd * PEXP_LN2N_HI - kd * PEXP_LN2N_LO + el;
  const en = tab + (<usize>(ki & 255) << 4);
  const k = ki >> 8;
  const r2 = r * r;
  const tmp = load<f64>(en) + r + r2 * (0.5 + r * (1.0 / 6.0) + r2 * (1.0 / 24.0 + r * (1.0 / 120.0)));
  const T = load<f64>(en, 8);
  if (k > -1022 && k < 1000) {
    const s = T * pow2x(k);
    return sign * (s + s * tmp);
  }
  if (k > 0) {
    const s = T * pow2x(k - 1009);
    return sign * ((s + s * tmp) * 5.486124068793689e303);
  }
  const s = T * pow2x(k + 1022);
  let y = s + s * tmp;
  if (y < 1.0) {
    let lo = s - y + s * tmp;
    const h = 1.0 + y;
    lo = 1.0 - h + y + lo;
    y = h + lo - 1.0;
  }
  return sign * (y * 2.2250738585072014e-308);
}

/** x^y, float64 (the TS twin's vpow; special cases documented there). */
export function vpow_scalar(x: f64, y: f64, tab: usize): f64 {
  if (y == 0 || x == 1.0) return 1.0;
  if (x != x || y != y) return x + y;
  const ax = Math.abs(x);
  if (y == Infinity || y == -Infinity) {
    if (ax == 1.0) return 1.0;
    return (ax < 1.0) == (y > 0) ? 0.0 : Infinity;
  }
  const yh = y * 0.5;
  const yint: i32 = Math.floor(y) != y ? 0 : Math.floor(yh) != yh ? 1 : 2;
  if (x == 0 || ax == Infinity) {
    const neg = yint == 1 && (reinterpret<i64>(x) < 0);
    const big = x == 0 ? y < 0 : y > 0;
    const v = big ? Infinity : 0.0;
    return neg ? -v : v;
  }
  let sign: f64 = 1.0;
  if (x < 0) {
    if (yint == 0) return NaN;
    if (yint == 1) sign = -1.0;
  }
  if (ax == 1.0) return sign;
  const H = logDD(ax, tab);
  const L = logLo;
  const eh = y * H;
  if (eh > 710.0) return sign * Infinity;
  if (eh < -746.0) return sign * 0.0;
  let c = SPLIT * y;
  const yhi = c - (c - y);
  const ylo = y - yhi;
  c = SPLIT * H;
  const Hh = c - (c - H);
  const Hl = H - Hh;
  const el = yhi * Hh - eh + yhi * Hl + ylo * Hh + ylo * Hl + y * L;
  return expDD(eh, el, sign, tab);
}

// ---- vector paths (f64x2; the same operations in the same order as the scalar functions) ------

// Vector constants at tab + KOFF, 16 bytes each (written by the glue, in this order): loaded
// from memory in the loops (V8 rebuilds a v128.const with several instructions each time).
//   0 SHIFT, 1 4/π, 2..5 Q1..Q4, 6..16 T0..T10, 17 1, 18 −1, 19 0, 20 SPLIT, 21 i64 1, 22 i64 2,
//   23 1e5, 24 2^-27, 25 22, 26 2^-4, 27 256/ln2, 28 ln2/256 hi, 29 lo, 30 i64 255 << 4,
//   31 i64 1023, 32 1/2, 33 1/6, 34 1/24, 35 1/120, 36 2, 37 i64 sign bit; power: 38 i64 log
//   offset, 39 i64 exponent mask, 40 i64 high-word mask, 41 i64 127 << 5, 42 −1/2, 43..50 G3..G10,
//   51 ln2 hi, 52 ln2 lo, 53 [_, 0x000fffff]×2, 54 [_, 0x7ff00000]×2, 55 2^900, 56 700;
//   57..59 the Dekker split of T0 and 1/3 − T0 (written by the glue, no longer read)
const KOFF: usize = 8192;
// @ts-ignore: decorator
@inline function kc(tab: usize, i: usize): v128 {
  return v128.load(tab + KOFF + (i << 4));
}

// @ts-ignore: decorator
@inline function ddDivv(nh: v128, nl: v128, dh: v128, dl: v128, tab: usize): v128 {
  const split = kc(tab, 20);
  const y = f64x2.div(kc(tab, 17), dh);
  const q = f64x2.mul(nh, y);
  const p = f64x2.mul(q, dh);
  let c = f64x2.mul(split, q);
  const qh = f64x2.sub(c, f64x2.sub(c, q));
  const ql = f64x2.sub(q, qh);
  c = f64x2.mul(split, dh);
  const dhh = f64x2.sub(c, f64x2.sub(c, dh));
  const dhl = f64x2.sub(dh, dhh);
  let e = f64x2.sub(f64x2.mul(qh, dhh), p);
  e = f64x2.add(f64x2.add(f64x2.add(e, f64x2.mul(qh, dhl)), f64x2.mul(ql, dhh)), f64x2.mul(ql, dhl));
  const rem = f64x2.sub(f64x2.add(f64x2.sub(f64x2.sub(nh, p), e), nl), f64x2.mul(q, dl));
  return f64x2.add(q, f64x2.mul(rem, y));
}

/** tan of two lanes with 2^-27 <= |x| <= 1e5 (vtan_scalar's main path). */
// @ts-ignore: decorator
@inline function tanv(x: v128, tab: usize): v128 {
  const shift = kc(tab, 0);
  const nS = f64x2.add(f64x2.mul(x, kc(tab, 1)), shift);
  const nd = f64x2.sub(nS, shift);
  const a = f64x2.sub(x, f64x2.mul(nd, kc(tab, 2)));
  const b = f64x2.mul(nd, kc(tab, 3));
  const s1 = f64x2.sub(a, b);
  const t1 = f64x2.sub(s1, a);
  const e1 = f64x2.add(f64x2.sub(a, f64x2.sub(s1, t1)), f64x2.sub(f64x2.neg(b), t1));
  const c = f64x2.mul(nd, kc(tab, 4));
  const s2 = f64x2.sub(s1, c);
  const t2 = f64x2.sub(s2, s1);
  const e2 = f64x2.add(f64x2.sub(s1, f64x2.sub(s2, t2)), f64x2.sub(f64x2.neg(c), t2));
  const tail = f64x2.sub(f64x2.add(e1, e2), f64x2.mul(nd, kc(tab, 5)));
  const rh = f64x2.add(s2, tail);
  const rl = f64x2.add(f64x2.sub(s2, rh), tail);
  const z = f64x2.mul(rh, rh);
  const z2 = f64x2.mul(z, z);
  const z4 = f64x2.mul(z2, z2);
  const a0 = f64x2.add(kc(tab, 6), f64x2.mul(z, kc(tab, 7)));
  const a1 = f64x2.add(kc(tab, 8), f64x2.mul(z, kc(tab, 9)));
  const a2 = f64x2.add(kc(tab, 10), f64x2.mul(z, kc(tab, 11)));
  const a3 = f64x2.add(kc(tab, 12), f64x2.mul(z, kc(tab, 13)));
  const a4 = f64x2.add(kc(tab, 14), f64x2.mul(z, kc(tab, 15)));
  const b0 = f64x2.add(a0, f64x2.mul(z2, a1));
  const b1 = f64x2.add(a2, f64x2.mul(z2, a3));
  const b2 = f64x2.add(a4, f64x2.mul(z2, kc(tab, 16)));
  const p = f64x2.add(f64x2.add(b0, f64x2.mul(z4, b1)), f64x2.mul(f64x2.mul(z4, z4), b2));
  const u = f64x2.add(f64x2.mul(z, f64x2.add(f64x2.mul(rh, p), rl)), rl);
  const th = f64x2.add(rh, u);
  const tl = f64x2.add(f64x2.sub(rh, th), u);
  const one = kc(tab, 17);
  const ah = f64x2.add(one, th);
  const av = f64x2.sub(ah, one);
  const al = f64x2.add(f64x2.add(f64x2.sub(one, f64x2.sub(ah, av)), f64x2.sub(th, av)), tl);
  const bh = f64x2.sub(one, th);
  const bv = f64x2.sub(bh, one);
  const bl = f64x2.sub(
    f64x2.add(f64x2.sub(one, f64x2.sub(bh, bv)), f64x2.sub(f64x2.neg(th), bv)),
    tl,
  );
  // octant n mod 4 from the low bits of nS: bit 0 → (1 ± t) forms, bit 1 → the other pair
  const odd = i64x2.eq(v128.and(nS, kc(tab, 21)), kc(tab, 21));
  const hi = i64x2.eq(v128.and(nS, kc(tab, 22)), kc(tab, 22));
  const zero = kc(tab, 19);
  const nh = v128.bitselect(
    v128.bitselect(f64x2.neg(bh), ah, hi),
    v128.bitselect(kc(tab, 18), th, hi),
    odd,
  );
  const nl = v128.bitselect(
    v128.bitselect(f64x2.neg(bl), al, hi),
    v128.bitselect(zero, tl, hi),
    odd,
  );
  const dh = v128.bitselect(v128.bitselect(ah, bh, hi), v128.bitselect(th, one, hi), odd);
  const dl = v128.bitselect(v128.bitselect(al, bl, hi), v128.bitselect(tl, zero, hi), odd);
  return ddDivv(nh, nl, dh, dl, tab);
}

/** tanh of two lanes with 2^-4 <= |x| <= 22 (vtanh_scalar's expm1 path). */
// @ts-ignore: decorator
@inline function tanhv(x: v128, tab: usize): v128 {
  const shift = kc(tab, 0);
  const ax = f64x2.abs(x);
  const v = f64x2.add(ax, ax);
  const kS = f64x2.add(f64x2.mul(v, kc(tab, 27)), shift);
  const kd = f64x2.sub(kS, shift);
  const r = f64x2.sub(f64x2.sub(v, f64x2.mul(kd, kc(tab, 28))), f64x2.mul(kd, kc(tab, 29)));
  const jo = v128.and(i64x2.shl(kS, 4), kc(tab, 30));
  const e0 = v128.load(tab + <usize>i32x4.extract_lane(jo, 0));
  const e1 = v128.load(tab + <usize>i32x4.extract_lane(jo, 2));
  const tl0 = i64x2.shuffle(e0, e1, 0, 2);
  const T = i64x2.shuffle(e0, e1, 1, 3);
  // 2^(ki >> 8): ki = bits(kS) − bits(SHIFT)
  const ki = i64x2.sub(kS, shift);
  const s = f64x2.mul(T, i64x2.shl(i64x2.add(i64x2.shr_s(ki, 8), kc(tab, 31)), 52));
  const r2 = f64x2.mul(r, r);
  const q = f64x2.add(
    f64x2.add(kc(tab, 32), f64x2.mul(r, kc(tab, 33))),
    f64x2.mul(r2, f64x2.add(kc(tab, 34), f64x2.mul(r, kc(tab, 35)))),
  );
  const tmp = f64x2.add(f64x2.add(tl0, r), f64x2.mul(r2, q));
  const one = kc(tab, 17);
  const h1 = f64x2.sub(s, one);
  const u = f64x2.sub(h1, s);
  const l1 = f64x2.add(f64x2.sub(s, f64x2.sub(h1, u)), f64x2.sub(kc(tab, 18), u));
  const lo = f64x2.add(l1, f64x2.mul(s, tmp));
  const th = f64x2.add(h1, lo);
  const tl = f64x2.add(f64x2.sub(h1, th), lo);
  const two = kc(tab, 36);
  const dh = f64x2.add(th, two);
  const dv = f64x2.sub(dh, th);
  const dl = f64x2.add(f64x2.add(f64x2.sub(th, f64x2.sub(dh, dv)), f64x2.sub(two, dv)), tl);
  const y = ddDivv(th, tl, dh, dl, tab);
  return v128.xor(y, v128.and(x, kc(tab, 37)));
}

/** log of two positive normal lanes as H + L (logDD's operations); L written to *lo. */
// @ts-ignore: decorator
@inline function logDDv(x: v128, tab: usize): v128 {
  const tmp = i64x2.sub(x, kc(tab, 38));
  // k = tmp >> 52: the high words shifted (i32 lanes 1, 3), moved to lanes 0, 1, converted
  const kd = f64x2.convert_low_i32x4_s(
    i32x4.shuffle(i32x4.shr_s(tmp, 20), i32x4.splat(0), 1, 3, 1, 3),
  );
  const zb = i64x2.sub(x, v128.and(tmp, kc(tab, 39)));
  const zh = v128.and(zb, kc(tab, 40));
  const zl = f64x2.sub(zb, zh);
  const io = v128.and(i64x2.shr_u(tmp, 40), kc(tab, 41));
  const p0 = tab + PLOG + <usize>i32x4.extract_lane(io, 0);
  const p1 = tab + PLOG + <usize>i32x4.extract_lane(io, 2);
  const a0 = v128.load(p0);
  const a1 = v128.load(p1);
  const invc = i64x2.shuffle(a0, a1, 0, 2);
  const lh = i64x2.shuffle(a0, a1, 1, 3);
  const ll = v128.load64_lane(p1 + 16, v128.load64_zero(p0 + 16), 1);
  const one = kc(tab, 17);
  const rhi = f64x2.sub(f64x2.mul(zh, invc), one);
  const rlo = f64x2.mul(zl, invc);
  const rh = f64x2.add(rhi, rlo);
  const rv = f64x2.sub(rh, rhi);
  const rl = f64x2.add(f64x2.sub(rhi, f64x2.sub(rh, rv)), f64x2.sub(rlo, rv));
  const p2 = f64x2.mul(rh, rh);
  const cr = f64x2.mul(kc(tab, 20), rh);
  const rhh = f64x2.sub(cr, f64x2.sub(cr, rh));
  const rhl = f64x2.sub(rh, rhh);
  const two = kc(tab, 36);
  const e2 = f64x2.add(
    f64x2.add(f64x2.sub(f64x2.mul(rhh, rhh), p2), f64x2.mul(f64x2.mul(two, rhh), rhl)),
    f64x2.mul(rhl, rhl),
  );
  const mhalf = kc(tab, 42);
  const hp = f64x2.mul(mhalf, p2);
  const hl = f64x2.mul(mhalf, f64x2.add(e2, f64x2.mul(f64x2.mul(two, rh), rl)));
  // Estrin's scheme (vmathx.ts's order): G3..G10 at 43..50
  const q0 = f64x2.add(
    f64x2.add(kc(tab, 43), f64x2.mul(rh, kc(tab, 44))),
    f64x2.mul(p2, f64x2.add(kc(tab, 45), f64x2.mul(rh, kc(tab, 46)))),
  );
  const q1 = f64x2.add(
    f64x2.add(kc(tab, 47), f64x2.mul(rh, kc(tab, 48))),
    f64x2.mul(p2, f64x2.add(kc(tab, 49), f64x2.mul(rh, kc(tab, 50)))),
  );
  const q = f64x2.mul(f64x2.mul(p2, rh), f64x2.add(q0, f64x2.mul(f64x2.mul(p2, p2), q1)));
  const w = f64x2.mul(kd, kc(tab, 51));
  const s1 = f64x2.add(w, lh);
  const v1 = f64x2.sub(s1, w);
  const f1 = f64x2.add(f64x2.sub(w, f64x2.sub(s1, v1)), f64x2.sub(lh, v1));
  const s2 = f64x2.add(s1, rh);
  const v2 = f64x2.sub(s2, s1);
  const f2 = f64x2.add(f64x2.sub(s1, f64x2.sub(s2, v2)), f64x2.sub(rh, v2));
  const s3 = f64x2.add(s2, hp);
  const v3 = f64x2.sub(s3, s2);
  const f3 = f64x2.add(f64x2.sub(s2, f64x2.sub(s3, v3)), f64x2.sub(hp, v3));
  const lo = f64x2.add(
    f64x2.add(f64x2.add(f64x2.add(f1, f2), f3), f64x2.add(f64x2.add(rl, hl), q)),
    f64x2.add(f64x2.mul(kd, kc(tab, 52)), ll),
  );
  const hi = f64x2.add(s3, lo);
  logLov = f64x2.add(f64x2.sub(s3, hi), lo);
  return hi;
}

let logLov: v128 = v128.splat<i64>(0);

/** exp(eh + el) for |eh| <= 700 (expDD's normal-range path). */
// @ts-ignore: decorator
@inline function expDDv(eh: v128, el: v128, tab: usize): v128 {
  const shift = kc(tab, 0);
  const kS = f64x2.add(f64x2.mul(eh, kc(tab, 27)), shift);
  const kd = f64x2.sub(kS, shift);
  const r = f64x2.add(
    f64x2.sub(f64x2.sub(eh, f64x2.mul(kd, kc(tab, 28))), f64x2.mul(kd, kc(tab, 29))),
    el,
  );
  const jo = v128.and(i64x2.shl(kS, 4), kc(tab, 30));
  const e0 = v128.load(tab + <usize>i32x4.extract_lane(jo, 0));
  const e1 = v128.load(tab + <usize>i32x4.extract_lane(jo, 2));
  const tl0 = i64x2.shuffle(e0, e1, 0, 2);
  const T = i64x2.shuffle(e0, e1, 1, 3);
  const ki = i64x2.sub(kS, shift);
  const s = f64x2.mul(T, i64x2.shl(i64x2.add(i64x2.shr_s(ki, 8), kc(tab, 31)), 52));
  const r2 = f64x2.mul(r, r);
  const q = f64x2.add(
    f64x2.add(kc(tab, 32), f64x2.mul(r, kc(tab, 33))),
    f64x2.mul(r2, f64x2.add(kc(tab, 34), f64x2.mul(r, kc(tab, 35)))),
  );
  const tmp = f64x2.add(f64x2.add(tl0, r), f64x2.mul(r2, q));
  return f64x2.add(s, f64x2.mul(s, tmp));
}

/** x^y of two lanes (vpow_scalar's operations); lanes outside the vector range take it. */
// @ts-ignore: decorator
@inline function powPair(x: v128, y: v128, tab: usize): v128 {
  // x positive normal finite (high word in [0x00100000, 0x7fefffff]), |y| <= 2^900 (NaN fails)
  const okx = i32x4.bitmask(v128.and(i32x4.gt_s(x, kc(tab, 53)), i32x4.lt_s(x, kc(tab, 54)))) & 10;
  const oky = i8x16.all_true(f64x2.le(f64x2.abs(y), kc(tab, 55)));
  if (okx == 10 && oky) {
    const H = logDDv(x, tab);
    const L = logLov;
    const eh = f64x2.mul(y, H);
    if (i8x16.all_true(f64x2.le(f64x2.abs(eh), kc(tab, 56)))) {
      const split = kc(tab, 20);
      let c = f64x2.mul(split, y);
      const yhi = f64x2.sub(c, f64x2.sub(c, y));
      const ylo = f64x2.sub(y, yhi);
      c = f64x2.mul(split, H);
      const Hh = f64x2.sub(c, f64x2.sub(c, H));
      const Hl = f64x2.sub(H, Hh);
      let el = f64x2.sub(f64x2.mul(yhi, Hh), eh);
      el = f64x2.add(f64x2.add(f64x2.add(el, f64x2.mul(yhi, Hl)), f64x2.mul(ylo, Hh)), f64x2.mul(ylo, Hl));
      el = f64x2.add(el, f64x2.mul(y, L));
      return expDDv(eh, el, tab);
    }
  }
  const a = vpow_scalar(f64x2.extract_lane(x, 0), f64x2.extract_lane(y, 0), tab);
  return f64x2.replace_lane(
    f64x2.splat(a), 1, vpow_scalar(f64x2.extract_lane(x, 1), f64x2.extract_lane(y, 1), tab),
  );
}

/** powPair's vector path for two pairs at once (independent chains overlap); false: take powPair. */
// @ts-ignore: decorator
@inline function powQuad(x0: v128, y0: v128, x1: v128, y1: v128, tab: usize): bool {
  const lo = kc(tab, 53);
  const hi = kc(tab, 54);
  const okx =
    i32x4.bitmask(
      v128.and(
        v128.and(i32x4.gt_s(x0, lo), i32x4.lt_s(x0, hi)),
        v128.and(i32x4.gt_s(x1, lo), i32x4.lt_s(x1, hi)),
      ),
    ) & 10;
  const ylim = kc(tab, 55);
  const oky = i8x16.all_true(
    v128.and(f64x2.le(f64x2.abs(y0), ylim), f64x2.le(f64x2.abs(y1), ylim)),
  );
  if (okx != 10 || !oky) return false;
  const H0 = logDDv(x0, tab);
  const L0 = logLov;
  const H1 = logDDv(x1, tab);
  const L1 = logLov;
  const eh0 = f64x2.mul(y0, H0);
  const eh1 = f64x2.mul(y1, H1);
  const elim = kc(tab, 56);
  if (!i8x16.all_true(v128.and(f64x2.le(f64x2.abs(eh0), elim), f64x2.le(f64x2.abs(eh1), elim))))
    return false;
  quad0 = expDDv(eh0, powLow(y0, H0, L0, eh0, tab), tab);
  quad1 = expDDv(eh1, powLow(y1, H1, L1, eh1, tab), tab);
  return true;
}
let quad0: v128 = v128.splat<i64>(0);
let quad1: v128 = v128.splat<i64>(0);

/** The low part of y·(H + L) − eh (powPair's Dekker product). */
// @ts-ignore: decorator
@inline function powLow(y: v128, H: v128, L: v128, eh: v128, tab: usize): v128 {
  const split = kc(tab, 20);
  let c = f64x2.mul(split, y);
  const yhi = f64x2.sub(c, f64x2.sub(c, y));
  const ylo = f64x2.sub(y, yhi);
  c = f64x2.mul(split, H);
  const Hh = f64x2.sub(c, f64x2.sub(c, H));
  const Hl = f64x2.sub(H, Hh);
  let el = f64x2.sub(f64x2.mul(yhi, Hh), eh);
  el = f64x2.add(f64x2.add(f64x2.add(el, f64x2.mul(yhi, Hl)), f64x2.mul(ylo, Hh)), f64x2.mul(ylo, Hl));
  return f64x2.add(el, f64x2.mul(y, L));
}

// @ts-ignore: decorator
@inline function powLoop<T>(
  n: i32, x: usize, sx: isize, y: usize, sy: isize, o: usize, so: isize, tab: usize,
): void {
  let i = 0;
  // two pairs per iteration: independent chains overlap each other's latency
  for (; i + 4 <= n; i += 4) {
    const x0 = ld<T>(x, sx);
    const y0 = ld<T>(y, sy);
    const x1 = ld<T>(x + (sx << 1), sx);
    const y1 = ld<T>(y + (sy << 1), sy);
    if (powQuad(x0, y0, x1, y1, tab)) {
      st<T>(o, so, quad0);
      st<T>(o + (so << 1), so, quad1);
    } else {
      st<T>(o, so, powPair(x0, y0, tab));
      st<T>(o + (so << 1), so, powPair(x1, y1, tab));
    }
    x += sx << 2;
    y += sy << 2;
    o += so << 2;
  }
  for (; i + 2 <= n; i += 2) {
    st<T>(o, so, powPair(ld<T>(x, sx), ld<T>(y, sy), tab));
    x += sx << 1;
    y += sy << 1;
    o += so << 1;
  }
  if (i < n) {
    if (sizeof<T>() == 8) store<f64>(o, vpow_scalar(load<f64>(x), load<f64>(y), tab));
    else store<f32>(o, <f32>vpow_scalar(<f64>load<f32>(x), <f64>load<f32>(y), tab));
  }
}

// ---- strided loops (byte pointers and strides; contiguous pairs as one v128) -------------------


// @ts-ignore: decorator
@inline function tanLoop<T>(n: i32, x: usize, sx: isize, o: usize, so: isize, tab: usize): void {
  let i = 0;
  // two pairs per iteration: independent chains overlap the divisions' latency
  for (; i + 4 <= n; i += 4) {
    const v = ld<T>(x, sx);
    const w = ld<T>(x + (sx << 1), sx);
    const lo = kc(tab, 24);
    const hi = kc(tab, 23);
    const av = f64x2.abs(v);
    const aw = f64x2.abs(w);
    // all lanes in [2^-27, 1e5] (NaN fails)
    if (i8x16.all_true(v128.and(v128.and(f64x2.le(av, hi), f64x2.ge(av, lo)), v128.and(f64x2.le(aw, hi), f64x2.ge(aw, lo))))) {
      st<T>(o, so, tanv(v, tab));
      st<T>(o + (so << 1), so, tanv(w, tab));
    } else {
      st<T>(o, so, tanPair(v, tab));
      st<T>(o + (so << 1), so, tanPair(w, tab));
    }
    x += sx << 2;
    o += so << 2;
  }
  for (; i + 2 <= n; i += 2) {
    st<T>(o, so, tanPair(ld<T>(x, sx), tab));
    x += sx << 1;
    o += so << 1;
  }
  if (i < n) {
    if (sizeof<T>() == 8) store<f64>(o, vtan_scalar(load<f64>(x), tab));
    else store<f32>(o, <f32>vtan_scalar(<f64>load<f32>(x), tab));
  }
}

function tanPair(v: v128, tab: usize): v128 {
  const ax = f64x2.abs(v);
  if (i8x16.all_true(v128.and(f64x2.le(ax, kc(tab, 23)), f64x2.ge(ax, kc(tab, 24))))) return tanv(v, tab);
  const a = vtan_scalar(f64x2.extract_lane(v, 0), tab);
  return f64x2.replace_lane(f64x2.splat(a), 1, vtan_scalar(f64x2.extract_lane(v, 1), tab));
}

// @ts-ignore: decorator
@inline function tanhLoop<T>(n: i32, x: usize, sx: isize, o: usize, so: isize, tab: usize): void {
  let i = 0;
  // two pairs per iteration: independent chains overlap the divisions' latency
  for (; i + 4 <= n; i += 4) {
    const v = ld<T>(x, sx);
    const w = ld<T>(x + (sx << 1), sx);
    const lo = kc(tab, 26);
    const hi = kc(tab, 25);
    const av = f64x2.abs(v);
    const aw = f64x2.abs(w);
    // all lanes in [2^-4, 22] (NaN fails)
    if (i8x16.all_true(v128.and(v128.and(f64x2.le(av, hi), f64x2.ge(av, lo)), v128.and(f64x2.le(aw, hi), f64x2.ge(aw, lo))))) {
      st<T>(o, so, tanhv(v, tab));
      st<T>(o + (so << 1), so, tanhv(w, tab));
    } else {
      st<T>(o, so, tanhPair(v, tab));
      st<T>(o + (so << 1), so, tanhPair(w, tab));
    }
    x += sx << 2;
    o += so << 2;
  }
  for (; i + 2 <= n; i += 2) {
    st<T>(o, so, tanhPair(ld<T>(x, sx), tab));
    x += sx << 1;
    o += so << 1;
  }
  if (i < n) {
    if (sizeof<T>() == 8) store<f64>(o, vtanh_scalar(load<f64>(x), tab));
    else store<f32>(o, <f32>vtanh_scalar(<f64>load<f32>(x), tab));
  }
}

function tanhPair(v: v128, tab: usize): v128 {
  const ax = f64x2.abs(v);
  if (i8x16.all_true(v128.and(f64x2.le(ax, kc(tab, 25)), f64x2.ge(ax, kc(tab, 26))))) return tanhv(v, tab);
  const a = vtanh_scalar(f64x2.extract_lane(v, 0), tab);
  return f64x2.replace_lane(f64x2.splat(a), 1, vtanh_scalar(f64x2.extract_lane(v, 1), tab));
}

export function vtan_f64(n: i32, x: usize, sx: isize, o: usize, so: isize, tab: usize): void {
  tanLoop<f64>(n, x, sx, o, so, tab);
}
export function vtan_f32(n: i32, x: usize, sx: isize, o: usize, so: isize, tab: usize): void {
  tanLoop<f32>(n, x, sx, o, so, tab);
}
export function vtanh_f64(n: i32, x: usize, sx: isize, o: usize, so: isize, tab: usize): void {
  tanhLoop<f64>(n, x, sx, o, so, tab);
}
export function vtanh_f32(n: i32, x: usize, sx: isize, o: usize, so: isize, tab: usize): void {
  tanhLoop<f32>(n, x, sx, o, so, tab);
}

// NumPy's loop with a scalar exponent (stride 0) of 2, 0.5, -1, 1: x·x, sqrt, 1/x, x (vmathx.ts)
// @ts-ignore: decorator
@inline function fastCode(y: f64): i32 {
  return y == 2.0 ? 1 : y == 0.5 ? 2 : y == -1.0 ? 3 : y == 1.0 ? 4 : 0;
}
// @ts-ignore: decorator
@inline function powFast(c: i32, x: f64): f64 {
  return c == 1 ? x * x : c == 2 ? Math.sqrt(x) : c == 3 ? 1.0 / x : x;
}

export function vpower_f64(
  n: i32, x: usize, sx: isize, y: usize, sy: isize, o: usize, so: isize, tab: usize,
): void {
  const fast = sy == 0 && n > 0 ? fastCode(load<f64>(y)) : 0;
  if (fast != 0) {
    for (let i = 0; i < n; i++) {
      store<f64>(o, powFast(fast, load<f64>(x)));
      x += sx;
      o += so;
    }
    return;
  }
  powLoop<f64>(n, x, sx, y, sy, o, so, tab);
}
export function vpower_f32(
  n: i32, x: usize, sx: isize, y: usize, sy: isize, o: usize, so: isize, tab: usize,
): void {
  const fast = sy == 0 && n > 0 ? fastCode(<f64>load<f32>(y)) : 0;
  if (fast != 0) {
    for (let i = 0; i < n; i++) {
      store<f32>(o, <f32>powFast(fast, <f64>load<f32>(x)));
      x += sx;
      o += so;
    }
    return;
  }
  powLoop<f32>(n, x, sx, y, sy, o, so, tab);
}
