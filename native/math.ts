// Vectorized exp (float64, float32) as a port of fdlibm's e_exp.c — the algorithm V8's Math.exp
// uses (src/base/ieee754.cc) — step for step: same argument reduction (k chosen as fdlibm
// does, hi/lo split of ln2), same rational approximation, scaling by an exact power of two.
// Lanes outside |x| ≤ 708 (overflow, subnormal results, inf, NaN) take the scalar port.
// V8 special-cases exp(1) = e correctly rounded; so do we.
// Result: bit-identical to the TS twin (Math.exp) — test/native checks 0 ulp over a large sample.
// float32 is computed in float64 and rounded once, as the TS twin (Math.fround(Math.exp(x))).

const LN2HI: f64 = 6.93147180369123816490e-01;
const LN2LO: f64 = 1.90821492927058770002e-10;
const INVLN2: f64 = 1.44269504088896338700e+00;
const P1: f64 = 1.66666666666666019037e-01;
const P2: f64 = -2.77777777770155933842e-03;
const P3: f64 = 6.61375632143793436117e-05;
const P4: f64 = -1.65339022054652515390e-06;
const P5: f64 = 4.13813679705723846039e-08;
const O_THRESHOLD: f64 = 7.09782712893383973096e+02;
const U_THRESHOLD: f64 = -7.45133219101941108420e+02;
const TWOM1000: f64 = 9.33263618503218878990e-302;
const E_CORRECT: f64 = 2.718281828459045;

/** fdlibm __ieee754_exp. */
export function exp_scalar(x: f64): f64 {
  if (x == 1.0) return E_CORRECT; // as V8 (fdlibm alone gives 2.7182818284590455)
  const bits = reinterpret<u64>(x);
  const hx = <u32>(bits >> 32) & 0x7fffffff;
  const xsb = <i32>(bits >> 63);
  if (hx >= 0x40862e42) {
    if (hx >= 0x7ff00000) {
      if (((hx & 0xfffff) | <u32>bits) != 0) return x + x; // NaN
      return xsb == 0 ? x : 0.0; // exp(+-inf) = {inf, 0}
    }
    if (x > O_THRESHOLD) return Infinity;
    if (x < U_THRESHOLD) return 0.0;
  }
  let hi: f64 = 0;
  let lo: f64 = 0;
  let k: i32 = 0;
  if (hx > 0x3fd62e42) {
    if (hx < 0x3ff0a2b2) {
      hi = xsb == 0 ? x - LN2HI : x + LN2HI;
      lo = xsb == 0 ? LN2LO : -LN2LO;
      k = 1 - xsb - xsb;
    } else {
      k = <i32>(INVLN2 * x + (xsb == 0 ? 0.5 : -0.5));
      const t = <f64>k;
      hi = x - t * LN2HI;
      lo = t * LN2LO;
    }
    x = hi - lo;
  } else if (hx < 0x3e300000) {
    return 1.0 + x;
  } else k = 0;
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k == 0) return 1.0 - ((x * c) / (c - 2.0) - x);
  const y = 1.0 - ((lo - (x * c) / (2.0 - c)) - hi);
  const hy = reinterpret<u64>(y);
  if (k >= -1021) {
    if (k == 1024) return y * 2.0 * 8.98846567431157953865e+307;
    return reinterpret<f64>(hy + (<u64>(<i64>k) << 52));
  }
  return reinterpret<f64>(hy + (<u64>(<i64>(k + 1000)) << 52)) * TWOM1000;
}

// @ts-ignore: decorator
@inline function exp2v(x: v128): v128 {
  // Only SSE2-class operations (f64 compares, magic-number rounding): V8 lowers f64x2.trunc
  // and the i64x2 compares to slow sequences on CPUs it does not know to have SSE4.1/4.2.
  const ax = f64x2.abs(x);
  const neg = f64x2.lt(x, f64x2.splat(0)); // -0 lanes take the |x| < 2^-28 path below
  // fdlibm's high-word thresholds as doubles: hx > 0x3fd62e42, hx < 0x3ff0a2b2, hx < 0x3e300000
  const gtHalf = f64x2.ge(ax, f64x2.splat(reinterpret<f64>(0x3fd62e4300000000)));
  const ltOneHalf = f64x2.lt(ax, f64x2.splat(reinterpret<f64>(0x3ff0a2b200000000)));
  const tiny = f64x2.lt(ax, f64x2.splat(reinterpret<f64>(0x3e30000000000000)));
  // k as fdlibm: ±1 in (0.5 ln2, 1.5 ln2), trunc(x/ln2 ± 0.5) beyond, 0 below
  const half = v128.bitselect(f64x2.splat(-0.5), f64x2.splat(0.5), neg);
  const v = f64x2.add(f64x2.mul(f64x2.splat(INVLN2), x), half);
  // trunc(v) for |v| < 2^51: round to nearest with the 1.5·2^52 trick, then step toward zero
  const magic = f64x2.splat(6755399441055744.0);
  const rn = f64x2.sub(f64x2.add(v, magic), magic);
  const up = v128.and(f64x2.gt(rn, v), v128.not(neg)); // rounded up a positive: -1
  const dn = v128.and(f64x2.lt(rn, v), neg); // rounded down a negative: +1
  const kBig = f64x2.add(
    f64x2.sub(rn, v128.and(up, f64x2.splat(1.0))),
    v128.and(dn, f64x2.splat(1.0)),
  );
  const kOne = v128.bitselect(f64x2.splat(-1.0), f64x2.splat(1.0), neg);
  let kf = v128.bitselect(kOne, kBig, ltOneHalf);
  kf = v128.and(kf, gtHalf); // 0 where |x| <= 0.5 ln2
  const hi = f64x2.sub(x, f64x2.mul(kf, f64x2.splat(LN2HI)));
  const lo = f64x2.mul(kf, f64x2.splat(LN2LO));
  const r = f64x2.sub(hi, lo);
  const t = f64x2.mul(r, r);
  let p = f64x2.add(f64x2.splat(P4), f64x2.mul(t, f64x2.splat(P5)));
  p = f64x2.add(f64x2.splat(P3), f64x2.mul(t, p));
  p = f64x2.add(f64x2.splat(P2), f64x2.mul(t, p));
  p = f64x2.add(f64x2.splat(P1), f64x2.mul(t, p));
  const c = f64x2.sub(r, f64x2.mul(t, p));
  const q = f64x2.div(f64x2.mul(r, c), f64x2.sub(f64x2.splat(2.0), c));
  const y = f64x2.sub(f64x2.splat(1.0), f64x2.sub(f64x2.sub(lo, q), hi));
  // 2^k by exponent bits: k lands in the low mantissa bits of k + 1.5·2^52
  const ki = i64x2.sub(f64x2.add(kf, magic), magic);
  const scale = i64x2.shl(i64x2.add(ki, i64x2.splat(1023)), 52);
  const res = f64x2.mul(y, scale);
  const r1 = v128.bitselect(f64x2.add(f64x2.splat(1.0), x), res, tiny);
  return v128.bitselect(f64x2.splat(E_CORRECT), r1, f64x2.eq(x, f64x2.splat(1.0)));
}

// @ts-ignore: decorator
@inline function inRange(x: v128): bool {
  // every lane |x| <= 708 (NaN fails the compare)
  return i8x16.all_true(f64x2.le(f64x2.abs(x), f64x2.splat(708.0)));
}

export function exp_f64(n: i32, x: usize, sx: isize, o: usize, so: isize): void {
  let i = 0;
  if (sx == 8 && so == 8) {
    for (; i + 2 <= n; i += 2) {
      const v = v128.load(x);
      if (inRange(v)) v128.store(o, exp2v(v));
      else {
        const a = exp_scalar(f64x2.extract_lane(v, 0));
        const b = exp_scalar(f64x2.extract_lane(v, 1));
        store<f64>(o, a);
        store<f64>(o, b, 8);
      }
      x += 16;
      o += 16;
    }
  }
  for (; i < n; i++) {
    store<f64>(o, exp_scalar(load<f64>(x)));
    x += sx;
    o += so;
  }
}

export function exp_f32(n: i32, x: usize, sx: isize, o: usize, so: isize): void {
  let i = 0;
  if (sx == 4 && so == 4) {
    for (; i + 2 <= n; i += 2) {
      const v = f64x2.promote_low_f32x4(v128.load64_zero(x));
      let r: v128;
      if (inRange(v)) r = exp2v(v);
      else r = f64x2.replace_lane(f64x2.splat(exp_scalar(f64x2.extract_lane(v, 0))), 1, exp_scalar(f64x2.extract_lane(v, 1)));
      v128.store64_lane(o, f32x4.demote_f64x2_zero(r), 0);
      x += 8;
      o += 8;
    }
  }
  for (; i < n; i++) {
    store<f32>(o, <f32>exp_scalar(<f64>load<f32>(x)));
    x += sx;
    o += so;
  }
}
