// Vectorized exp and log (float64 lanes of f64x2; float32 computed in float64 and rounded once).
// Table-driven and division-free; the TS twins are src/runtime/vmath.ts — the same operations
// in the same order, so both backends agree bit for bit (test/native/vmath.test.ts). Accuracy:
// exp 0.503 ulp, log 0.501 ulp (1.0075 next to 1) (native/README.md, "Error bound").
// The relaxed-SIMD build (ASC_FEATURE_RELAXED_SIMD) fuses exp's and log's multiply-adds
// (f64x2.relaxed_madd) and log takes r = fma(z, invc, −1) with a [invc, logc] table: ~20 % / ~29 %
// faster. src/runtime/wasm/probe.ts loads that build only where relaxed_madd fuses (log relies on
// it); its exp/log equal test/native/vmath_fma_twin.ts (exact fma) bit for bit, 0.50x ulp
// (test/native/vmath_fma.test.ts). Its scalar lanes run the vector code on one lane, so a
// value's result does not depend on its position.
//
// The tables live in linear memory at `tab` (written once by src/runtime/wasm/math.ts from
// src/runtime/vmath_tables.ts; this module has no data segment):
//   tab + 0:    expm1 / exp beyond ±700, 128 × [tail_j (f64), bits(2^(j/128)) − (j << 45)]
//   tab + 2048: log1p, 128 × [1/c, −log(1/c) hi, lo, 0] (f64)
//   tab + 6144: vector constants (KOFF below)
//   tab + 8192: log, 1024 × [1/c, c, log(c) hi, lo] (f64)
//   tab + 40960: exp, 4096 × [tail_j (f64), bits(2^(j/4096)) − (j << 40) (u64)]
//   tab + 106496: log (relaxed-SIMD build), 1024 × [invc, logc ≈ −log(invc), a multiple of 2^-42]
// (the 128-entry exp table and the 128-bucket log table serve expm1, log1p and exp's |x| > 700)
// Lanes outside the vector range (exp: |x| > 700 or NaN; log: not a positive normal finite)
// take the scalar functions, which are the whole algorithm, special cases included.
// Contiguous outputs not overlapping the input run the block loops (expBlocks/logBlocks): the
// vector path over 128 elements, the range checked once per block (a block with any lane
// outside redone by the per-pair checked loop), table offsets passed through the output slot.
import { ld, st } from './strided';

const SHIFT: f64 = 6755399441055744.0; // 1.5·2^52
const INVLN2N: f64 = 184.6649652337873;
const LN2N_HI: f64 = 0.0054152123482253955;
const LN2N_LO: f64 = -1.0082281460997769e-13;
const LN2HI: f64 = 0.6931471805598903;
const LN2LO: f64 = 5.497923018708371e-14;
const LOG_OFF: u64 = 0x3feab00000000000;
const C2: f64 = 0.5;
const C3: f64 = 1.0 / 6.0;
const C4: f64 = 1.0 / 24.0;
const C5: f64 = 1.0 / 120.0;
const B2: f64 = -0.5;
const B3: f64 = 0.33333333333333337;
const B4: f64 = -0.2499999999822793;
const B5: f64 = 0.19999999998424825;
const B6: f64 = -0.16666964331747255;
const B7: f64 = 0.1428597887698295;
const MIN_NORMAL: f64 = 2.2250738585072014e-308;
const TWO52: f64 = 4503599627370496.0;
const LOGTAB: usize = 2048;
// log (vlog): 1024 buckets [1/c, c, log c hi, lo] at tab + LOG4TAB; offset, polynomial
const LOG4TAB: usize = 8192;
const LOG4_OFF: u64 = 0x3feaaa0000000000;
const L2: f64 = -0.5;
const L3: f64 = 0.3333333333333333;
const L4: f64 = -0.2500000298023264;
const L5: f64 = 0.2000000255448513;
// exp (vexp): 4096 × [tail_j, bits(2^(j/4096)) − (j << 40)] at tab + EXP5TAB; reduction, polynomial
const EXP5TAB: usize = 40960;
// log, relaxed-SIMD build (fused multiply-add): 1024 × [invc, logc] at tab + LOGFMATAB
const LOGFMATAB: usize = 106496;
// the vector log's table and row size: [invc, logc] (16 B) where madd fuses, [1/c, c, hi, lo] else
const LOGV_TAB: usize = ASC_FEATURE_RELAXED_SIMD ? LOGFMATAB : LOG4TAB;
const X_INVLN2N: f64 = 5909.278887481194;
const X_LN2N_HI: f64 = 0.00016922538588914904;
const X_LN2N_LO: f64 = -1.0256140314162804e-14;
const X2: f64 = 0.5000000001491526;
const X3: f64 = 0.16666666669649718;

// a·b + c: fused in the relaxed-SIMD build where the engine fuses (f64x2.relaxed_madd), else
// multiply then add — exactly the TS twins' operations (the plain build stays bit-identical)
// @ts-ignore: decorator
@inline function madd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f64x2.relaxed_madd(a, b, c);
  return f64x2.add(c, f64x2.mul(a, b));
}

// @ts-ignore: decorator
@inline function pow2(e: i32): f64 {
  return reinterpret<f64>(<u64>(e + 1023) << 52);
}

function expSpecial(x: f64, tab: usize): f64 {
  if (x != x) return x + 1.0;
  if (x > 709.8) return Infinity;
  if (x < -745.2) return 0.0;
  const z = INVLN2N * x;
  const kd = z + SHIFT - SHIFT;
  const ki = <i32>kd;
  const r = x - kd * LN2N_HI - kd * LN2N_LO;
  const j = ki & 127;
  const k = ki >> 7;
  const tail = load<f64>(tab + (<usize>j << 4));
  const hi = reinterpret<f64>(load<u64>(tab + (<usize>j << 4), 8) + (<u64>j << 45));
  const r2 = r * r;
  const tmp = tail + r + r2 * (C2 + r * C3 + r2 * (C4 + r * C5));
  if (ki > 0) {
    const s = hi * pow2(k - 1009);
    return (s + s * tmp) * pow2(1009);
  }
  const s = hi * pow2(k + 1022);
  let y = s + s * tmp;
  if (y < 1.0) {
    let lo = s - y + s * tmp;
    const h = 1.0 + y;
    lo = 1.0 - h + y + lo;
    y = h + lo - 1.0;
  }
  return y * 2.2250738585072014e-308;
}

/** exp(x), float64 (the TS twin's vexp). */
export function vexp_scalar(x: f64, tab: usize): f64 {
  // |x| <= 700 (NaN fails) on the high word, as the vector range check
  if (((<u32>(reinterpret<u64>(x) >> 32)) & 0x7fffffff) > 0x4085e000) return expSpecial(x, tab);
  if (ASC_FEATURE_RELAXED_SIMD) {
    // the vector kernel on one lane (so a value's result does not depend on its position)
    const r = expv(
      f64x2.splat(x), tab, kc(tab, 71), kc(tab, 1), kc(tab, 72), kc(tab, 73), kc(tab, 83),
      kc(tab, 84), kc(tab, 76), kc(tab, 85), kc(tab, 13),
    );
    return f64x2.extract_lane(r, 0);
  }
  const z = X_INVLN2N * x;
  const kd = z + SHIFT - SHIFT;
  const ki = <i32>kd;
  const r = x - kd * X_LN2N_HI - kd * X_LN2N_LO;
  const j = ki & 4095;
  const e = tab + EXP5TAB + (<usize>j << 4);
  const tail = load<f64>(e);
  const s = reinterpret<f64>(load<u64>(e, 8) + (<u64>(<i64>ki) << 40));
  const r2 = r * r;
  const tmp = tail + r + r2 * (X2 + r * X3);
  return s + s * tmp;
}

// Vector constants live after the tables (tab + KOFF, 16 bytes each, written by the glue):
// loaded once per call into locals, because V8 rebuilds every v128.const inside a loop with
// several instructions (binaryen would fold a splat of a literal back into a v128.const).
const KOFF: usize = 6144;
// exp: 0 INVLN2N, 1 SHIFT, 2 LN2N_HI, 3 LN2N_LO, 4 C2, 5 C3, 6 C4, 7 C5, 8 700
// log: 9 MIN_NORMAL, 10 MAX, 11 LOG_OFF (i64), 12 zh mask (i64), 13 1.0, 14 LN2HI, 15 LN2LO,
//      16..21 B2..B7; 22 exp index mask 127 << 4, 23 log exponent mask, 24 log index mask 127 << 5,
//      25 high-word abs mask [0, 0x7fffffff]×2, 26 high word of 700 [0, 0x4085e000]×2,
//      (log range, i32 lanes) 9 [_, 0x000fffff]×2, 10 [_, 0x7ff00000]×2
// sin/cos: 27 2/π, 28..31 P1..P4, 32..38 S1..S7, 39..44 Q1..Q6, 45 0.5, 46 1e5, 47 2^-27,
//      48 i64 1, 49 i64 2 (and 1 SHIFT, 13 1.0)
// log1p: 50 2^-9, 51 2^-54, 52 -1.0, 53 2^1000 (and the log constants)
// expm1: 54..63 1/2!..1/11!, 64 2^-4 (and the exp constants)
// log (1024 buckets, vlog): 65 LOG4_OFF (i64), 66 index mask 1023 << 5, 67..70 L2..L5
// exp (4096 entries, vexp): 71 4096/ln2, 72 LN2N_HI, 73 LN2N_LO, 74 X2, 75 X3, 76 index mask 4095 << 4
// block loops (i32 lanes): 77 4095 << 4, 78 0x7fffffff, 79 0x4085e000, 80 1023 << 5,
//      81 high word of LOG4_OFF − 0x00100000, 82 1023 << 4 (relaxed build's 16-byte log rows)
// exp (relaxed-SIMD build): 83..85 c2..c4 (EXPFMA_POLY)

// @ts-ignore: decorator
@inline function kc(tab: usize, i: usize): v128 {
  return v128.load(tab + KOFF + (i << 4));
}

// exp of x given kS = x·4096/ln2 + SHIFT and the table rows e0, e1 of its two lanes
// (relaxed-SIMD build: tmp = tail + r·(1 + r·(c2 + r·(c3 + r·c4))), 2^-76 relative, and
// s + s·tmp by fused multiply-adds; slots 83..85 — with degree 3 the fused last step met the
// polynomial's 2^-60 error near halfway cases: 0.509 ulp)
// @ts-ignore: decorator
@inline function expTail(
  x: v128, kS: v128, e0: v128, e1: v128, kShift: v128, kHi: v128, kLo: v128, c2: v128, c3: v128,
  c4: v128, one: v128,
): v128 {
  // −k (exact: kS − SHIFT is), so x − k·hi − k·lo is two multiply-adds
  const nkd = f64x2.sub(kShift, kS);
  const r = madd(nkd, kLo, madd(nkd, kHi, x));
  const tail = i64x2.shuffle(e0, e1, 0, 2);
  const sb = i64x2.shuffle(e0, e1, 1, 3);
  const s = i64x2.add(sb, i64x2.shl(kS, 40));
  if (ASC_FEATURE_RELAXED_SIMD) {
    let p = f64x2.relaxed_madd(r, c4, c3);
    p = f64x2.relaxed_madd(r, p, c2);
    p = f64x2.relaxed_madd(r, p, one);
    return f64x2.relaxed_madd(s, f64x2.relaxed_madd(r, p, tail), s);
  }
  const r2 = f64x2.mul(r, r);
  const q = madd(r, c3, c2);
  const tmp = madd(r2, q, f64x2.add(tail, r));
  return madd(s, tmp, s);
}

// @ts-ignore: decorator
@inline function expv(
  x: v128, tab: usize, kInv: v128, kShift: v128, kHi: v128, kLo: v128, c2: v128, c3: v128,
  kJmask: v128, c4: v128, one: v128,
): v128 {
  const kS = madd(kInv, x, kShift);
  // table offsets j·16 of both lanes, then one v128 [tail, sbits] per lane
  const jo = v128.and(i64x2.shl(kS, 4), kJmask);
  const e0 = v128.load(tab + EXP5TAB + <usize>i32x4.extract_lane(jo, 0));
  const e1 = v128.load(tab + EXP5TAB + <usize>i32x4.extract_lane(jo, 2));
  return expTail(x, kS, e0, e1, kShift, kHi, kLo, c2, c3, c4, one);
}

function logCore(x: f64, kAdj: i32, tab: usize): f64 {
  if (ASC_FEATURE_RELAXED_SIMD) {
    // the vector kernel on one lane (so a value's result does not depend on its position)
    const v = f64x2.splat(x);
    const t = reinterpret<u64>(x) - LOG4_OFF;
    const p = tab + LOGFMATAB + (<usize>((t >> 42) & 1023) << 4);
    const kd = f64x2.splat(<f64>(<i32>(<i64>t >> 52) + kAdj));
    const r = logTail(
      v, i64x2.sub(v, kc(tab, 65)), kd, p, p, kc(tab, 14), kc(tab, 15), kc(tab, 23), kc(tab, 52),
      kc(tab, 67), kc(tab, 68), kc(tab, 69), kc(tab, 70),
    );
    return f64x2.extract_lane(r, 0);
  }
  const ix = reinterpret<u64>(x);
  const tmp = ix - LOG4_OFF;
  const i = <usize>((tmp >> 42) & 1023);
  const k = <i32>(<i64>tmp >> 52);
  const z = reinterpret<f64>(ix - (<u64>(<i64>k) << 52));
  const e = tab + LOG4TAB + (i << 5);
  const r = (z - load<f64>(e, 8)) * load<f64>(e);
  const kd = <f64>(k + kAdj);
  const w = kd * LN2HI + load<f64>(e, 16);
  const hi = w + r;
  let lo = w - hi + r;
  const r2 = r * r;
  const p = r2 * (L2 + r * (L3 + r * (L4 + r * L5)));
  lo = lo + (kd * LN2LO + load<f64>(e, 24)) + p;
  return hi + lo;
}

/** log(x), float64 (the TS twin's vlog). */
export function vlog_scalar(x: f64, tab: usize): f64 {
  if (x >= MIN_NORMAL && x <= 1.7976931348623157e308) return logCore(x, 0, tab);
  if (x != x) return x;
  if (x < 0) return NaN;
  if (x == 0) return -Infinity;
  if (x == Infinity) return x;
  return logCore(x * TWO52, -52, tab);
}

// log of x given tmp = x − LOG4_OFF, kd = f64(tmp >> 52) and the table rows at p0, p1.
// Plain build: r = (z − c)·(1/c) (z − c exact), log c = hi + lo. Relaxed-SIMD build (loaded only
// where relaxed_madd fuses, src/runtime/wasm/probe.ts): r = fma(z, invc, −1), one rounding, and
// logc = −log(invc) as one double (within min(2^-66, |logc|·2^-63), a multiple of 2^-42).
// @ts-ignore: decorator
@inline function logTail(
  x: v128, tmp: v128, kd: v128, p0: usize, p1: usize, kL2h: v128, kL2l: v128, kHimask: v128,
  kM1: v128, b2: v128, b3: v128, b4: v128, b5: v128,
): v128 {
  const z = i64x2.sub(x, v128.and(tmp, kHimask)); // x − (k << 52)
  if (ASC_FEATURE_RELAXED_SIMD) {
    const a0 = v128.load(p0);
    const a1 = v128.load(p1);
    const invc = i64x2.shuffle(a0, a1, 0, 2);
    const lc = i64x2.shuffle(a0, a1, 1, 3);
    const r = f64x2.relaxed_madd(z, invc, kM1);
    const w = f64x2.relaxed_madd(kd, kL2h, lc); // exact
    const hi = f64x2.add(w, r);
    const lo = f64x2.relaxed_madd(kd, kL2l, f64x2.add(f64x2.sub(w, hi), r));
    const r2 = f64x2.mul(r, r);
    let p = f64x2.relaxed_madd(r, b5, b4);
    p = f64x2.relaxed_madd(r, p, b3);
    p = f64x2.relaxed_madd(r, p, b2);
    return f64x2.add(hi, f64x2.relaxed_madd(r2, p, lo));
  }
  const a0 = v128.load(p0);
  const a1 = v128.load(p1);
  const e0 = v128.load(p0, 16);
  const e1 = v128.load(p1, 16);
  const invc = i64x2.shuffle(a0, a1, 0, 2);
  const c = i64x2.shuffle(a0, a1, 1, 3);
  const lhi = i64x2.shuffle(e0, e1, 0, 2);
  const llo = i64x2.shuffle(e0, e1, 1, 3);
  const r = f64x2.mul(f64x2.sub(z, c), invc);
  const w = f64x2.add(f64x2.mul(kd, kL2h), lhi);
  const hi = f64x2.add(w, r);
  let lo = f64x2.add(f64x2.sub(w, hi), r);
  const r2 = f64x2.mul(r, r);
  let p = f64x2.add(b4, f64x2.mul(r, b5));
  p = f64x2.add(b3, f64x2.mul(r, p));
  p = f64x2.add(b2, f64x2.mul(r, p));
  p = f64x2.mul(r2, p);
  lo = f64x2.add(f64x2.add(lo, f64x2.add(f64x2.mul(kd, kL2l), llo)), p);
  return f64x2.add(hi, lo);
}

// @ts-ignore: decorator
@inline function logv(
  x: v128, tab: usize, kOff: v128, kL2h: v128, kL2l: v128, kHimask: v128, kImask: v128,
  kM1: v128, b2: v128, b3: v128, b4: v128, b5: v128,
): v128 {
  const tmp = i64x2.sub(x, kOff);
  // k = tmp >> 52: the high words shifted (i32 lanes 1, 3), moved to lanes 0, 1, converted
  const kd = f64x2.convert_low_i32x4_s(
    i32x4.shuffle(i32x4.shr_s(tmp, 20), i32x4.splat(0), 1, 3, 1, 3),
  );
  // bucket · row bytes (kImask: 1023 << 5, or 1023 << 4 in i32 lanes for 16-byte rows)
  const io = v128.and(i64x2.shr_u(tmp, ASC_FEATURE_RELAXED_SIMD ? 38 : 37), kImask);
  const p0 = tab + LOGV_TAB + <usize>i32x4.extract_lane(io, 0);
  const p1 = tab + LOGV_TAB + <usize>i32x4.extract_lane(io, 2);
  return logTail(x, tmp, kd, p0, p1, kL2h, kL2l, kHimask, kM1, b2, b3, b4, b5);
}

// ---- expm1 (the TS twin's vexpm1) -------------------------------------------------------------

const SMALL4: f64 = 0.0625; // 2^-4
const E2: f64 = 0.5;
const E3: f64 = 0.16666666666666666;
const E4: f64 = 0.041666666666666664;
const E5: f64 = 0.008333333333333333;
const E6: f64 = 0.001388888888888889;
const E7: f64 = 0.0001984126984126984;
const E8: f64 = 2.48015873015873e-5;
const E9: f64 = 2.7557319223985893e-6;
const E10: f64 = 2.755731922398589e-7;
const E11: f64 = 2.505210838544172e-8;

/** expm1(x), float64 (the TS twin's vexpm1). */
export function vexpm1_scalar(x: f64, tab: usize): f64 {
  const ax = Math.abs(x);
  if (!(ax >= TINY54)) return x;
  if (ax < SMALL4) {
    const x2 = x * x;
    const q = E2 + x * (E3 + x * (E4 + x * (E5 + x * (E6 + x * (E7 + x * (E8 + x * (E9 + x * (E10 + x * E11))))))));
    return x + x2 * q;
  }
  if (!(ax <= 700.0)) return x > 0 ? expSpecial(x, tab) : -1.0;
  const z = INVLN2N * x;
  const kd = z + SHIFT - SHIFT;
  const ki = <i32>kd;
  const r = x - kd * LN2N_HI - kd * LN2N_LO;
  const j = ki & 127;
  const tail = load<f64>(tab + (<usize>j << 4));
  const sc = reinterpret<f64>(load<u64>(tab + (<usize>j << 4), 8) + (<u64>(<i64>ki) << 45));
  const r2 = r * r;
  const tmp = tail + r + r2 * (C2 + r * C3 + r2 * (C4 + r * C5));
  const hi = sc - 1.0;
  const t = hi - sc;
  const lo = sc - (hi - t) + (-1.0 - t);
  return hi + (lo + sc * tmp);
}

// @ts-ignore: decorator
@inline function expm1v(x: v128, tab: usize): v128 {
  const kShift = kc(tab, 1);
  const z = f64x2.mul(kc(tab, 0), x);
  const kS = f64x2.add(z, kShift);
  const kd = f64x2.sub(kS, kShift);
  const r = f64x2.sub(f64x2.sub(x, f64x2.mul(kd, kc(tab, 2))), f64x2.mul(kd, kc(tab, 3)));
  const jo = v128.and(i64x2.shl(kS, 4), kc(tab, 22));
  const e0 = v128.load(tab + <usize>i32x4.extract_lane(jo, 0));
  const e1 = v128.load(tab + <usize>i32x4.extract_lane(jo, 2));
  const tail = i64x2.shuffle(e0, e1, 0, 2);
  const sb = i64x2.shuffle(e0, e1, 1, 3);
  const sc = i64x2.add(sb, i64x2.shl(kS, 45));
  const r2 = f64x2.mul(r, r);
  const q = f64x2.add(
    f64x2.add(kc(tab, 4), f64x2.mul(r, kc(tab, 5))),
    f64x2.mul(r2, f64x2.add(kc(tab, 6), f64x2.mul(r, kc(tab, 7)))),
  );
  const tmp = f64x2.add(f64x2.add(tail, r), f64x2.mul(r2, q));
  const one = kc(tab, 13);
  const hi = f64x2.sub(sc, one);
  const t = f64x2.sub(hi, sc);
  const lo = f64x2.add(f64x2.sub(sc, f64x2.sub(hi, t)), f64x2.sub(kc(tab, 52), t));
  return f64x2.add(hi, f64x2.add(lo, f64x2.mul(sc, tmp)));
}

// @ts-ignore: decorator
@inline function expm1Smallv(x: v128, tab: usize): v128 {
  const x2 = f64x2.mul(x, x);
  let q = f64x2.add(kc(tab, 62), f64x2.mul(x, kc(tab, 63)));
  q = f64x2.add(kc(tab, 61), f64x2.mul(x, q));
  q = f64x2.add(kc(tab, 60), f64x2.mul(x, q));
  q = f64x2.add(kc(tab, 59), f64x2.mul(x, q));
  q = f64x2.add(kc(tab, 58), f64x2.mul(x, q));
  q = f64x2.add(kc(tab, 57), f64x2.mul(x, q));
  q = f64x2.add(kc(tab, 56), f64x2.mul(x, q));
  q = f64x2.add(kc(tab, 55), f64x2.mul(x, q));
  q = f64x2.add(kc(tab, 54), f64x2.mul(x, q));
  return f64x2.add(x, f64x2.mul(x2, q));
}

// @ts-ignore: decorator
@inline function expm1Loop<T>(n: i32, x: usize, sx: isize, o: usize, so: isize, tab: usize): void {
  let i = 0;
  for (; i + 2 <= n; i += 2) {
    const v = ld<T>(x, sx);
    const ax = f64x2.abs(v);
    const small = f64x2.lt(ax, kc(tab, 64));
    let r: v128;
    // 2^-4 <= |x| <= 700 (NaN fails)
    if (i8x16.all_true(v128.and(v128.not(small), f64x2.le(ax, kc(tab, 8))))) r = expm1v(v, tab);
    else if (i8x16.all_true(v128.and(small, f64x2.ge(ax, kc(tab, 51))))) r = expm1Smallv(v, tab);
    else {
      const a = vexpm1_scalar(f64x2.extract_lane(v, 0), tab);
      r = f64x2.replace_lane(f64x2.splat(a), 1, vexpm1_scalar(f64x2.extract_lane(v, 1), tab));
    }
    st<T>(o, so, r);
    x += sx << 1;
    o += so << 1;
  }
  if (i < n) {
    if (sizeof<T>() == 8) store<f64>(o, vexpm1_scalar(load<f64>(x), tab));
    else store<f32>(o, <f32>vexpm1_scalar(<f64>load<f32>(x), tab));
  }
}

export function vexpm1_f64(n: i32, x: usize, sx: isize, o: usize, so: isize, tab: usize): void {
  expm1Loop<f64>(n, x, sx, o, so, tab);
}
export function vexpm1_f32(n: i32, x: usize, sx: isize, o: usize, so: isize, tab: usize): void {
  expm1Loop<f32>(n, x, sx, o, so, tab);
}

// ---- log1p (the TS twin's vlog1p) -------------------------------------------------------------

const SMALL9: f64 = 0.001953125; // 2^-9
const TINY54: f64 = 5.551115123125783e-17; // 2^-54

function log1pCore(u: f64, c: f64, tab: usize): f64 {
  const ix = reinterpret<u64>(u);
  const tmp = ix - LOG_OFF;
  const i = <usize>((tmp >> 45) & 127);
  const k = <i32>(<i64>tmp >> 52);
  const z = reinterpret<f64>(ix - (<u64>(<i64>k) << 52));
  const zh = reinterpret<f64>(reinterpret<u64>(z) & 0xfffffffffc000000);
  const zl = z - zh;
  const e = tab + LOGTAB + (i << 5);
  const invc = load<f64>(e);
  const rhi = zh * invc - 1.0;
  const rlo = zl * invc;
  const r = rhi + rlo;
  const re = rlo - (r - rhi);
  const kd = <f64>k;
  const w = kd * LN2HI + load<f64>(e, 8);
  const hi = w + r;
  let lo = w - hi + r;
  const r2 = r * r;
  const p = r2 * (B2 + r * (B3 + r * (B4 + r * (B5 + r * (B6 + r * B7)))));
  const corr = c * pow2(-(k > 1000 ? 1000 : k)) * invc * (1.0 - r);
  lo = lo + re + (kd * LN2LO + load<f64>(e, 16)) + (p + corr);
  return hi + lo;
}

function log1pSmall(x: f64): f64 {
  const x2 = x * x;
  return x + x2 * (B2 + x * (B3 + x * (B4 + x * (B5 + x * (B6 + x * B7)))));
}

/** log1p(x), float64 (the TS twin's vlog1p). */
export function vlog1p_scalar(x: f64, tab: usize): f64 {
  const ax = Math.abs(x);
  if (!(ax >= TINY54)) return x;
  if (ax < SMALL9) return log1pSmall(x);
  const u = 1.0 + x;
  const t = u - 1.0;
  const c = 1.0 - (u - t) + (x - t);
  if (u >= MIN_NORMAL && u <= 1.7976931348623157e308) return log1pCore(u, c, tab);
  if (u == 0) return -Infinity;
  if (u == Infinity) return u;
  return NaN;
}

// @ts-ignore: decorator
@inline function log1pv(x: v128, tab: usize): v128 {
  const one = kc(tab, 13);
  const u = f64x2.add(x, one);
  const t = f64x2.sub(u, one);
  const c = f64x2.add(f64x2.sub(one, f64x2.sub(u, t)), f64x2.sub(x, t));
  const tmp = i64x2.sub(u, kc(tab, 11));
  const kd = f64x2.convert_low_i32x4_s(
    i32x4.shuffle(i32x4.shr_s(tmp, 20), i32x4.splat(0), 1, 3, 1, 3),
  );
  const kbits = v128.and(tmp, kc(tab, 23)); // k << 52
  const z = i64x2.sub(u, kbits);
  const io = v128.and(i64x2.shr_u(tmp, 40), kc(tab, 24));
  const zh = v128.and(z, kc(tab, 12));
  const zl = f64x2.sub(z, zh);
  const p0 = tab + LOGTAB + <usize>i32x4.extract_lane(io, 0);
  const p1 = tab + LOGTAB + <usize>i32x4.extract_lane(io, 2);
  const a0 = v128.load(p0);
  const a1 = v128.load(p1);
  const invc = i64x2.shuffle(a0, a1, 0, 2);
  const lhi = i64x2.shuffle(a0, a1, 1, 3);
  const llo = v128.load64_lane(p1 + 16, v128.load64_zero(p0 + 16), 1);
  const rhi = f64x2.sub(f64x2.mul(zh, invc), one);
  const rlo = f64x2.mul(zl, invc);
  const r = f64x2.add(rhi, rlo);
  const re = f64x2.sub(rlo, f64x2.sub(r, rhi));
  const w = f64x2.add(f64x2.mul(kd, kc(tab, 14)), lhi);
  const hi = f64x2.add(w, r);
  let lo = f64x2.add(f64x2.sub(w, hi), r);
  const r2 = f64x2.mul(r, r);
  let p = f64x2.add(kc(tab, 20), f64x2.mul(r, kc(tab, 21)));
  p = f64x2.add(kc(tab, 19), f64x2.mul(r, p));
  p = f64x2.add(kc(tab, 18), f64x2.mul(r, p));
  p = f64x2.add(kc(tab, 17), f64x2.mul(r, p));
  p = f64x2.add(kc(tab, 16), f64x2.mul(r, p));
  p = f64x2.mul(r2, p);
  // c·2^-k·invc·(1 − r); 2^-k = bits(1.0) − (k << 52)
  const s = i64x2.sub(one, kbits);
  const corr = f64x2.mul(f64x2.mul(f64x2.mul(c, s), invc), f64x2.sub(one, r));
  lo = f64x2.add(
    f64x2.add(f64x2.add(lo, re), f64x2.add(f64x2.mul(kd, kc(tab, 15)), llo)),
    f64x2.add(p, corr),
  );
  return f64x2.add(hi, lo);
}

// @ts-ignore: decorator
@inline function log1pSmallv(x: v128, tab: usize): v128 {
  const x2 = f64x2.mul(x, x);
  let p = f64x2.add(kc(tab, 20), f64x2.mul(x, kc(tab, 21)));
  p = f64x2.add(kc(tab, 19), f64x2.mul(x, p));
  p = f64x2.add(kc(tab, 18), f64x2.mul(x, p));
  p = f64x2.add(kc(tab, 17), f64x2.mul(x, p));
  p = f64x2.add(kc(tab, 16), f64x2.mul(x, p));
  return f64x2.add(x, f64x2.mul(x2, p));
}

// @ts-ignore: decorator
@inline function log1pLoop<T>(n: i32, x: usize, sx: isize, o: usize, so: isize, tab: usize): void {
  let i = 0;
  for (; i + 2 <= n; i += 2) {
    const v = ld<T>(x, sx);
    const ax = f64x2.abs(v);
    const small = f64x2.lt(ax, kc(tab, 50));
    let r: v128;
    // 2^-9 <= |x|, -1 < x <= 2^1000 (NaN fails; the scalar clamps 2^-k beyond)
    const big = v128.and(
      v128.not(small),
      v128.and(f64x2.gt(v, kc(tab, 52)), f64x2.le(v, kc(tab, 53))),
    );
    if (i8x16.all_true(big)) r = log1pv(v, tab);
    else if (i8x16.all_true(v128.and(small, f64x2.ge(ax, kc(tab, 51))))) r = log1pSmallv(v, tab);
    else {
      const a = vlog1p_scalar(f64x2.extract_lane(v, 0), tab);
      r = f64x2.replace_lane(f64x2.splat(a), 1, vlog1p_scalar(f64x2.extract_lane(v, 1), tab));
    }
    st<T>(o, so, r);
    x += sx << 1;
    o += so << 1;
  }
  if (i < n) {
    if (sizeof<T>() == 8) store<f64>(o, vlog1p_scalar(load<f64>(x), tab));
    else store<f32>(o, <f32>vlog1p_scalar(<f64>load<f32>(x), tab));
  }
}

export function vlog1p_f64(n: i32, x: usize, sx: isize, o: usize, so: isize, tab: usize): void {
  log1pLoop<f64>(n, x, sx, o, so, tab);
}
export function vlog1p_f32(n: i32, x: usize, sx: isize, o: usize, so: isize, tab: usize): void {
  log1pLoop<f32>(n, x, sx, o, so, tab);
}

// ---- sin, cos (the TS twin's sincos; see src/runtime/vmath.ts) ------------------------------
// Lanes with |x| > 1e5, ±inf or NaN call the host's Math.sin / Math.cos (imported: what the TS
// twin calls there), tiny lanes return x / 1.

// @ts-ignore: decorator
@external("env", "sin") declare function host_sin(x: f64): f64;
// @ts-ignore: decorator
@external("env", "cos") declare function host_cos(x: f64): f64;

const TWO_OVER_PI: f64 = 0.6366197723675814;
const P1: f64 = 1.5707963267341256;
const P2: f64 = 6.077100506303966e-11;
const P3: f64 = 2.0222662487111665e-21;
const P4: f64 = 8.4784276603689e-32;
const S1: f64 = -0.16666666666666666;
const S2: f64 = 0.008333333333333331;
const S3: f64 = -0.0001984126984126506;
const S4: f64 = 2.7557319219335453e-6;
const S5: f64 = -2.5052106231157904e-8;
const S6: f64 = 1.605853141458901e-10;
const S7: f64 = -7.586685070091267e-13;
const Q1: f64 = 0.041666666666666664;
const Q2: f64 = -0.0013888888888887395;
const Q3: f64 = 2.4801587298763433e-5;
const Q4: f64 = -2.7557317270560326e-7;
const Q5: f64 = 2.0876146024689747e-9;
const Q6: f64 = -1.1382614868556325e-11;
const TINY: f64 = 7.450580596923828e-9; // 2^-27

function sincos(x: f64, q0: i32): f64 {
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
  const sp = S1 + z * (S2 + z * (S3 + z * (S4 + z * (S5 + z * (S6 + z * S7)))));
  const sv = rhi + (rhi * z * sp - hz * rlo + rlo);
  const cp = Q1 + z * (Q2 + z * (Q3 + z * (Q4 + z * (Q5 + z * Q6))));
  const w = 1.0 - hz;
  const cv = w + (1.0 - w - hz + (z * z * cp - rhi * rlo));
  const q = (<i32>nd + q0) & 3;
  const v = q & 1 ? cv : sv;
  return q & 2 ? -v : v;
}

/** sin(x), float64 (the TS twin's vsin). */
export function vsin_scalar(x: f64): f64 {
  const ax = Math.abs(x);
  if (!(ax <= 1e5)) return host_sin(x);
  if (ax < TINY) return x;
  return sincos(x, 0);
}

/** cos(x), float64 (the TS twin's vcos). */
export function vcos_scalar(x: f64): f64 {
  const ax = Math.abs(x);
  if (!(ax <= 1e5)) return host_cos(x);
  if (ax < TINY) return 1.0;
  return sincos(x, 1);
}

// @ts-ignore: decorator
@inline function sincosv(x: v128, q0: i64, tab: usize): v128 {
  const shift = kc(tab, 1);
  const nS = f64x2.add(f64x2.mul(x, kc(tab, 27)), shift);
  const nd = f64x2.sub(nS, shift);
  const a = f64x2.sub(x, f64x2.mul(nd, kc(tab, 28)));
  const b = f64x2.mul(nd, kc(tab, 29));
  const s1 = f64x2.sub(a, b);
  const t1 = f64x2.sub(s1, a);
  const e1 = f64x2.add(f64x2.sub(a, f64x2.sub(s1, t1)), f64x2.sub(f64x2.neg(b), t1));
  const c = f64x2.mul(nd, kc(tab, 30));
  const s2 = f64x2.sub(s1, c);
  const t2 = f64x2.sub(s2, s1);
  const e2 = f64x2.add(f64x2.sub(s1, f64x2.sub(s2, t2)), f64x2.sub(f64x2.neg(c), t2));
  const tail = f64x2.sub(f64x2.add(e1, e2), f64x2.mul(nd, kc(tab, 31)));
  const rhi = f64x2.add(s2, tail);
  const rlo = f64x2.add(f64x2.sub(s2, rhi), tail);
  const z = f64x2.mul(rhi, rhi);
  const hz = f64x2.mul(kc(tab, 45), z);
  let sp = f64x2.add(kc(tab, 37), f64x2.mul(z, kc(tab, 38)));
  sp = f64x2.add(kc(tab, 36), f64x2.mul(z, sp));
  sp = f64x2.add(kc(tab, 35), f64x2.mul(z, sp));
  sp = f64x2.add(kc(tab, 34), f64x2.mul(z, sp));
  sp = f64x2.add(kc(tab, 33), f64x2.mul(z, sp));
  sp = f64x2.add(kc(tab, 32), f64x2.mul(z, sp));
  const sv = f64x2.add(
    rhi,
    f64x2.add(f64x2.sub(f64x2.mul(f64x2.mul(rhi, z), sp), f64x2.mul(hz, rlo)), rlo),
  );
  let cp = f64x2.add(kc(tab, 43), f64x2.mul(z, kc(tab, 44)));
  cp = f64x2.add(kc(tab, 42), f64x2.mul(z, cp));
  cp = f64x2.add(kc(tab, 41), f64x2.mul(z, cp));
  cp = f64x2.add(kc(tab, 40), f64x2.mul(z, cp));
  cp = f64x2.add(kc(tab, 39), f64x2.mul(z, cp));
  const one = kc(tab, 13);
  const w = f64x2.sub(one, hz);
  const cv = f64x2.add(
    w,
    f64x2.add(
      f64x2.sub(f64x2.sub(one, w), hz),
      f64x2.sub(f64x2.mul(f64x2.mul(z, z), cp), f64x2.mul(rhi, rlo)),
    ),
  );
  // quadrant (n + q0) & 3 from the low bits of nS: bit 0 picks cos, bit 1 flips the sign
  const q = i64x2.add(nS, i64x2.splat(q0));
  const odd = i64x2.eq(v128.and(q, kc(tab, 48)), kc(tab, 48));
  const sign = i64x2.shl(v128.and(q, kc(tab, 49)), 62);
  return v128.xor(v128.bitselect(cv, sv, odd), sign);
}

// @ts-ignore: decorator
@inline function sincosLanes(x: v128, q0: i64): v128 {
  const f0 = f64x2.extract_lane(x, 0);
  const f1 = f64x2.extract_lane(x, 1);
  const a = q0 == 0 ? vsin_scalar(f0) : vcos_scalar(f0);
  const b = q0 == 0 ? vsin_scalar(f1) : vcos_scalar(f1);
  return f64x2.replace_lane(f64x2.splat(a), 1, b);
}

// @ts-ignore: decorator
@inline function sincosLoop<T>(
  n: i32, x: usize, sx: isize, o: usize, so: isize, q0: i64, tab: usize,
): void {
  let i = 0;
  for (; i + 2 <= n; i += 2) {
    const v = ld<T>(x, sx);
    const ax = f64x2.abs(v);
    let r: v128;
    // all lanes in [2^-27, 1e5]; NaN fails
    if (i8x16.all_true(v128.and(f64x2.le(ax, kc(tab, 46)), f64x2.ge(ax, kc(tab, 47))))) {
      r = sincosv(v, q0, tab);
    } else r = sincosLanes(v, q0);
    st<T>(o, so, r);
    x += sx << 1;
    o += so << 1;
  }
  if (i < n) {
    if (sizeof<T>() == 8) {
      const v = load<f64>(x);
      store<f64>(o, q0 == 0 ? vsin_scalar(v) : vcos_scalar(v));
    } else {
      const v = <f64>load<f32>(x);
      store<f32>(o, <f32>(q0 == 0 ? vsin_scalar(v) : vcos_scalar(v)));
    }
  }
}

export function vsin_f64(n: i32, x: usize, sx: isize, o: usize, so: isize, tab: usize): void {
  sincosLoop<f64>(n, x, sx, o, so, 0, tab);
}
export function vsin_f32(n: i32, x: usize, sx: isize, o: usize, so: isize, tab: usize): void {
  sincosLoop<f32>(n, x, sx, o, so, 0, tab);
}
export function vcos_f64(n: i32, x: usize, sx: isize, o: usize, so: isize, tab: usize): void {
  sincosLoop<f64>(n, x, sx, o, so, 1, tab);
}
export function vcos_f32(n: i32, x: usize, sx: isize, o: usize, so: isize, tab: usize): void {
  sincosLoop<f32>(n, x, sx, o, so, 1, tab);
}

// ---- strided loops (byte pointers and strides; contiguous pairs as one v128) -----------------

// @ts-ignore: decorator
@inline function expScalarLanes(x: v128, tab: usize): v128 {
  const a = vexp_scalar(f64x2.extract_lane(x, 0), tab);
  return f64x2.replace_lane(f64x2.splat(a), 1, vexp_scalar(f64x2.extract_lane(x, 1), tab));
}
// @ts-ignore: decorator
@inline function logScalarLanes(x: v128, tab: usize): v128 {
  const a = vlog_scalar(f64x2.extract_lane(x, 0), tab);
  return f64x2.replace_lane(f64x2.splat(a), 1, vlog_scalar(f64x2.extract_lane(x, 1), tab));
}

// Four elements per iteration (two independent vectors); a pair with a lane outside the vector
// range takes the scalar function for both lanes. Any strides (the block loops' fallback).
// @ts-ignore: decorator
@inline function expLoop<T>(n: i32, x: usize, sx: isize, o: usize, so: isize, tab: usize): void {
  const kInv = kc(tab, 71), kShift = kc(tab, 1), kHi = kc(tab, 72), kLo = kc(tab, 73);
  const R = ASC_FEATURE_RELAXED_SIMD;
  const c2 = kc(tab, R ? 83 : 74), c3 = kc(tab, R ? 84 : 75);
  const c4 = R ? kc(tab, 85) : i64x2.splat(0), one = R ? kc(tab, 13) : i64x2.splat(0);
  const kJmask = kc(tab, 76), kAbsHi = kc(tab, 25), kMax = kc(tab, 26);
  const s2 = sx << 1, o2 = so << 1;
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const a = ld<T>(x, sx);
    const b = ld<T>(x + s2, sx);
    // |x| <= 700 from the high words (integer ops: they leave the FP ports to the math);
    // |x| in (700, 700 + 2^-32·...] gives the same value on either path
    const ba = i32x4.gt_s(v128.and(a, kAbsHi), kMax);
    const bb = i32x4.gt_s(v128.and(b, kAbsHi), kMax);
    if (!v128.any_true(v128.or(ba, bb))) {
      st<T>(o, so, expv(a, tab, kInv, kShift, kHi, kLo, c2, c3, kJmask, c4, one));
      st<T>(o + o2, so, expv(b, tab, kInv, kShift, kHi, kLo, c2, c3, kJmask, c4, one));
    } else {
      const ra = !v128.any_true(ba)
        ? expv(a, tab, kInv, kShift, kHi, kLo, c2, c3, kJmask, c4, one)
        : expScalarLanes(a, tab);
      const rb = !v128.any_true(bb)
        ? expv(b, tab, kInv, kShift, kHi, kLo, c2, c3, kJmask, c4, one)
        : expScalarLanes(b, tab);
      st<T>(o, so, ra);
      st<T>(o + o2, so, rb);
    }
    x += s2 << 1;
    o += o2 << 1;
  }
  for (; i < n; i++) {
    if (sizeof<T>() == 8) store<f64>(o, vexp_scalar(load<f64>(x), tab));
    else store<f32>(o, <f32>vexp_scalar(<f64>load<f32>(x), tab));
    x += sx;
    o += so;
  }
}

// @ts-ignore: decorator
@inline function logLoop<T>(n: i32, x: usize, sx: isize, o: usize, so: isize, tab: usize): void {
  const kMin = kc(tab, 9), kMaxv = kc(tab, 10), kOff = kc(tab, 65);
  const kL2h = kc(tab, 14), kL2l = kc(tab, 15);
  const b2 = kc(tab, 67), b3 = kc(tab, 68), b4 = kc(tab, 69), b5 = kc(tab, 70);
  const kHimask = kc(tab, 23), kImask = kc(tab, ASC_FEATURE_RELAXED_SIMD ? 82 : 66);
  const kM1 = kc(tab, 52);
  const s2 = sx << 1, o2 = so << 1;
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const a = ld<T>(x, sx);
    const b = ld<T>(x + s2, sx);
    // positive normal finite: high word in [0x00100000, 0x7fefffff] (i32 lanes 1 and 3)
    const oka = i32x4.bitmask(v128.and(i32x4.gt_s(a, kMin), i32x4.lt_s(a, kMaxv))) & 10;
    const okb = i32x4.bitmask(v128.and(i32x4.gt_s(b, kMin), i32x4.lt_s(b, kMaxv))) & 10;
    if ((oka & okb) == 10) {
      st<T>(o, so, logv(a, tab, kOff, kL2h, kL2l, kHimask, kImask, kM1, b2, b3, b4, b5));
      st<T>(o + o2, so, logv(b, tab, kOff, kL2h, kL2l, kHimask, kImask, kM1, b2, b3, b4, b5));
    } else {
      const ra = oka == 10
        ? logv(a, tab, kOff, kL2h, kL2l, kHimask, kImask, kM1, b2, b3, b4, b5)
        : logScalarLanes(a, tab);
      const rb = okb == 10
        ? logv(b, tab, kOff, kL2h, kL2l, kHimask, kImask, kM1, b2, b3, b4, b5)
        : logScalarLanes(b, tab);
      st<T>(o, so, ra);
      st<T>(o + o2, so, rb);
    }
    x += s2 << 1;
    o += o2 << 1;
  }
  for (; i < n; i++) {
    if (sizeof<T>() == 8) store<f64>(o, vlog_scalar(load<f64>(x), tab));
    else store<f32>(o, <f32>vlog_scalar(<f64>load<f32>(x), tab));
    x += sx;
    o += so;
  }
}

// ---- block loops: contiguous output (so = itemsize) that does not overlap the input ----------
// 128 elements per block, 4 per iteration with no range check in the loop: the four table offsets
// pass through the iteration's own output bytes (stored as vectors, read back as scalars: no lane
// extracts), and the lanes' high words are folded into a running maximum.
// After the block, a lane outside the vector range (exp: |x| > 700 or NaN; log: not a positive
// normal finite) sends the whole block through the per-pair checked loop, which overwrites it
// (the input is still intact: no overlap). Results are those of the checked loops, bit for bit.
const BLOCK = 128;

// @ts-ignore: decorator
@inline function hmaxU(acc: v128): u32 {
  const m2 = i32x4.max_u(acc, i32x4.shuffle(acc, acc, 2, 3, 0, 1));
  return <u32>i32x4.extract_lane(i32x4.max_u(m2, i32x4.shuffle(m2, m2, 1, 0, 3, 2)), 0);
}

// @ts-ignore: decorator
@inline function disjoint(n: i32, x: usize, sx: isize, o: usize, z: isize): bool {
  const span = <isize>(n - 1) * sx;
  const xlo = sx >= 0 ? x : <usize>(<isize>x + span);
  const xhi = (sx >= 0 ? <usize>(<isize>x + span) : x) + <usize>z;
  return o + <usize>(<isize>n * z) <= xlo || xhi <= o;
}

// @ts-ignore: decorator
@inline function expBlocks<T>(n: i32, x: usize, sx: isize, o: usize, tab: usize): void {
  const kInv = kc(tab, 71), kShift = kc(tab, 1), kHi = kc(tab, 72), kLo = kc(tab, 73);
  const R = ASC_FEATURE_RELAXED_SIMD;
  const c2 = kc(tab, R ? 83 : 74), c3 = kc(tab, R ? 84 : 75);
  const c4 = R ? kc(tab, 85) : i64x2.splat(0), one = R ? kc(tab, 13) : i64x2.splat(0);
  const kJ = kc(tab, 77), kAbs = kc(tab, 78);
  const so: isize = sizeof<T>();
  const s2 = sx << 1, o2 = so << 1;
  const base = tab + EXP5TAB;
  let i = 0;
  while (i + 4 <= n) {
    const m = min(BLOCK, (n - i) & ~3);
    const x0 = x, o0 = o;
    const oe = o + <usize>(<isize>m * so);
    let acc = i32x4.splat(0);
    do {
      const a = ld<T>(x, sx);
      const b = ld<T>(x + s2, sx);
      acc = i32x4.max_u(acc, v128.and(i32x4.shuffle(a, b, 1, 3, 5, 7), kAbs));
      const kSa = madd(kInv, a, kShift);
      const kSb = madd(kInv, b, kShift);
      let a0: v128, a1: v128, b0: v128, b1: v128;
      if (sizeof<T>() == 8) {
        // the low 16 bits of k << 4 are (k & 4095)·16: i16 shifts, 16-bit loads, no mask
        v128.store(o, i16x8.shl(kSa, 4));
        v128.store(o, i16x8.shl(kSb, 4), 16);
        a0 = v128.load(base + <usize>load<u16>(o));
        a1 = v128.load(base + <usize>load<u16>(o, 8));
        b0 = v128.load(base + <usize>load<u16>(o, 16));
        b1 = v128.load(base + <usize>load<u16>(o, 24));
      } else {
        // float32: 16 output bytes per iteration, the four offsets packed into one v128
        v128.store(o, v128.and(i32x4.shl(i32x4.shuffle(kSa, kSb, 0, 2, 4, 6), 4), kJ));
        a0 = v128.load(base + <usize>load<u32>(o));
        a1 = v128.load(base + <usize>load<u32>(o, 4));
        b0 = v128.load(base + <usize>load<u32>(o, 8));
        b1 = v128.load(base + <usize>load<u32>(o, 12));
      }
      st<T>(o, so, expTail(a, kSa, a0, a1, kShift, kHi, kLo, c2, c3, c4, one));
      st<T>(o + o2, so, expTail(b, kSb, b0, b1, kShift, kHi, kLo, c2, c3, c4, one));
      x += s2 << 1;
      o += o2 << 1;
    } while (o < oe);
    if (hmaxU(acc) > 0x4085e000) expLoop<T>(m, x0, sx, o0, so, tab);
    i += m;
  }
  if (i < n) expLoop<T>(n - i, x, sx, o, so, tab);
}

// @ts-ignore: decorator
@inline function logBlocks<T>(n: i32, x: usize, sx: isize, o: usize, tab: usize): void {
  const kOff = kc(tab, 65);
  const kL2h = kc(tab, 14), kL2l = kc(tab, 15);
  const b2 = kc(tab, 67), b3 = kc(tab, 68), b4 = kc(tab, 69), b5 = kc(tab, 70);
  const kHimask = kc(tab, 23), kI = kc(tab, ASC_FEATURE_RELAXED_SIMD ? 82 : 80), kC = kc(tab, 81);
  const kM1 = kc(tab, 52);
  const so: isize = sizeof<T>();
  const s2 = sx << 1, o2 = so << 1;
  const base = tab + LOGV_TAB;
  let i = 0;
  while (i + 4 <= n) {
    const m = min(BLOCK, (n - i) & ~3);
    const x0 = x, o0 = o;
    const oe = o + <usize>(<isize>m * so);
    let acc = i32x4.splat(0);
    do {
      const a = ld<T>(x, sx);
      const b = ld<T>(x + s2, sx);
      const ta = i64x2.sub(a, kOff);
      const tb = i64x2.sub(b, kOff);
      // high words of tmp = x − LOG4_OFF (the offset's low word is 0: hw(tmp) = hw(x) − OFF_HI);
      // positive normal finite x <=> hw(x) − 0x00100000 <u 0x7fe00000
      const hw = i32x4.shuffle(ta, tb, 1, 3, 5, 7);
      acc = i32x4.max_u(acc, i32x4.add(hw, kC));
      const kk = i32x4.shr_s(hw, 20);
      const kda = f64x2.convert_low_i32x4_s(kk);
      const kdb = f64x2.convert_low_i32x4_s(i32x4.shuffle(kk, kk, 2, 3, 2, 3));
      v128.store(o, v128.and(i32x4.shr_u(hw, ASC_FEATURE_RELAXED_SIMD ? 6 : 5), kI));
      const pa0 = base + <usize>load<u32>(o);
      const pa1 = base + <usize>load<u32>(o, 4);
      const pb0 = base + <usize>load<u32>(o, 8);
      const pb1 = base + <usize>load<u32>(o, 12);
      st<T>(o, so, logTail(a, ta, kda, pa0, pa1, kL2h, kL2l, kHimask, kM1, b2, b3, b4, b5));
      st<T>(o + o2, so, logTail(b, tb, kdb, pb0, pb1, kL2h, kL2l, kHimask, kM1, b2, b3, b4, b5));
      x += s2 << 1;
      o += o2 << 1;
    } while (o < oe);
    if (hmaxU(acc) >= 0x7fe00000) logLoop<T>(m, x0, sx, o0, so, tab);
    i += m;
  }
  if (i < n) logLoop<T>(n - i, x, sx, o, so, tab);
}

export function vexp_f64(n: i32, x: usize, sx: isize, o: usize, so: isize, tab: usize): void {
  if (so == 8 && disjoint(n, x, sx, o, 8)) expBlocks<f64>(n, x, sx, o, tab);
  else expLoop<f64>(n, x, sx, o, so, tab);
}

export function vexp_f32(n: i32, x: usize, sx: isize, o: usize, so: isize, tab: usize): void {
  if (so == 4 && disjoint(n, x, sx, o, 4)) expBlocks<f32>(n, x, sx, o, tab);
  else expLoop<f32>(n, x, sx, o, so, tab);
}

export function vlog_f64(n: i32, x: usize, sx: isize, o: usize, so: isize, tab: usize): void {
  if (so == 8 && disjoint(n, x, sx, o, 8)) logBlocks<f64>(n, x, sx, o, tab);
  else logLoop<f64>(n, x, sx, o, so, tab);
}

export function vlog_f32(n: i32, x: usize, sx: isize, o: usize, so: isize, tab: usize): void {
  if (so == 4 && disjoint(n, x, sx, o, 4)) logBlocks<f32>(n, x, sx, o, tab);
  else logLoop<f32>(n, x, sx, o, so, tab);
}
