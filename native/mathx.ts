// tan, tanh and power (float64; float32 computed in float64 and rounded once). The TS twins are
// src/runtime/vmathx.ts: the same operations in the same order, no fused multiply-add, so both
// backends agree bit for bit (test/native/mathx.test.ts). Accuracy: native/README.md "Error
// bound" (test/unit/vmathx_ulp.test.ts). Algorithms are described in vmathx.ts.
//
// Tables live in linear memory at `tab` (written once by src/runtime/wasm/mathx.ts from
// src/runtime/vmathx_tables.ts; this module has no data segment):
//   tab + 0:    exp, 256 × [tail_j, 2^(j/256) hi] (f64)
//   tab + 4096: log, 128 × [invc, −log(invc) hi, lo, 0] (f64)
// Huge tan arguments (|x| > 1e5, ±inf, NaN) call the host's Math.sin / Math.cos (the imports
// native/math.ts declares too).

// @ts-ignore: decorator
@external("env", "sin") declare function hsin(x: f64): f64;
// @ts-ignore: decorator
@external("env", "cos") declare function hcos(x: f64): f64;

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

/** tan(x), float64 (the TS twin's vtan). */
export function vtan_scalar(x: f64): f64 {
  const ax = Math.abs(x);
  if (!(ax <= 1e5)) return hsin(x) / hcos(x);
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
  const z = rh * rh;
  const p = T0 + z * (T1 + z * (T2 + z * (T3 + z * (T4 + z * (T5 + z * (T6 + z * (T7 + z * (T8 + z * (T9 + z * T10)))))))));
  const u = z * (rh * p + rl) + rl;
  const th = rh + u; // t = th + tl (Fast2Sum: |u| < 0.07·|rh|)
  const tl = rh - th + u;
  const m = (<i32>nd) & 3;
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
  const q = p2 * rh * (G3 + rh * (G4 + rh * (G5 + rh * (G6 + rh * (G7 + rh * (G8 + rh * (G9 + rh * G10)))))));
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

// ---- strided loops (byte pointers and strides) -------------------------------------------------

export function vtan_f64(n: i32, x: usize, sx: isize, o: usize, so: isize, tab: usize): void {
  for (let i = 0; i < n; i++) {
    store<f64>(o, vtan_scalar(load<f64>(x)));
    x += sx;
    o += so;
  }
}
export function vtan_f32(n: i32, x: usize, sx: isize, o: usize, so: isize, tab: usize): void {
  for (let i = 0; i < n; i++) {
    store<f32>(o, <f32>vtan_scalar(<f64>load<f32>(x)));
    x += sx;
    o += so;
  }
}
export function vtanh_f64(n: i32, x: usize, sx: isize, o: usize, so: isize, tab: usize): void {
  for (let i = 0; i < n; i++) {
    store<f64>(o, vtanh_scalar(load<f64>(x), tab));
    x += sx;
    o += so;
  }
}
export function vtanh_f32(n: i32, x: usize, sx: isize, o: usize, so: isize, tab: usize): void {
  for (let i = 0; i < n; i++) {
    store<f32>(o, <f32>vtanh_scalar(<f64>load<f32>(x), tab));
    x += sx;
    o += so;
  }
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
  for (let i = 0; i < n; i++) {
    store<f64>(o, vpow_scalar(load<f64>(x), load<f64>(y), tab));
    x += sx;
    y += sy;
    o += so;
  }
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
  for (let i = 0; i < n; i++) {
    store<f32>(o, <f32>vpow_scalar(<f64>load<f32>(x), <f64>load<f32>(y), tab));
    x += sx;
    y += sy;
    o += so;
  }
}
