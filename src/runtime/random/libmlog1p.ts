/**
 * NumPy's `log1p` and `log1pf`, bit for bit: ports of glibc 2.36's fdlibm-derived log1p
 * (`sysdeps/ieee754/dbl-64/s_log1p.c`) and log1pf (`sysdeps/ieee754/flt-32/s_log1pf.c`) as
 * Debian's x86-64 libm.so.6 runs them.
 *
 * NumPy's Generator calls the C library's log1p / log1pf in its ziggurat tail draws. Neither is
 * correctly rounded, and V8's Math.log1p is not this code as compiled here: it disagrees with
 * glibc's log1p on ~5e-4 of doubles in (-1, 1), and Math.fround(Math.log1p(x)) with log1pf on ~5%
 * of floats there.
 *
 * log1p: the ifunc picks `__log1p_fma` (the same C compiled with -mfma -mavx2), where GCC contracted
 * some `a * b + c` into fused multiply-adds. Each `fma` below stands for one vfmadd/vfnmadd in its
 * disassembly, each plain operator for one vaddsd/vsubsd/vmulsd/vdivsd; where the asm has an fma
 * whose product is exact (`k * LN2_HI`, `x * x * 0.5`) a plain operator gives the same double.
 *
 * log1pf: `__log1pf`, plain SSE single-precision arithmetic (no FMA, no double steps): each
 * `fr(a op b)` is one addss/subss/mulss/divss (a double result rounded to float is the float op).
 *
 * Constants were read out of libm.so.6 at the addresses its code references.
 */

import { fma } from './libmlog';

// s_log1p.c constants (double)
const LN2_HI = 0.6931471803691238; // 0x3fe62e42fee00000
const LN2_LO = 1.9082149292705877e-10; // 0x3dea39ef35793c76
const TWO_THIRDS = 0.6666666666666666; // 0x3fe5555555555555
const LP1 = 0.6666666666666735;
const LP2 = 0.3999999999940942;
const LP3 = 0.2857142874366239;
const LP4 = 0.22222198432149784;
const LP5 = 0.1818357216161805;
const LP6 = 0.15313837699209373;
const LP7 = 0.14798198605116586;

// s_log1pf.c constants (float values, exact as doubles)
const F_LN2_HI = 0.6931381225585938; // 0x3f317180
const F_LN2_LO = 9.05800061445916e-6; // 0x3717f7d1
const F_LP1 = 0.6666666865348816; // 0x3f2aaaab (also the float 2/3 of the |f| < 2**-20 branch)
const F_LP2 = 0.4000000059604645;
const F_LP3 = 0.2857142984867096;
const F_LP4 = 0.2222219854593277;
const F_LP5 = 0.18183572590351105;
const F_LP6 = 0.15313838422298431;
const F_LP7 = 0.14798198640346527;

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer); // little-endian: [low word, high word]
const f32 = new Float32Array(1);
const i32 = new Int32Array(f32.buffer);
const fr = Math.fround;

/** glibc's log1p(x) for any double x (-Infinity at -1, NaN below), bit for bit. */
export function log1pLibm(x: number): number {
  f64[0] = x;
  const hx = u32[1]! | 0;
  if (hx < 0x3fda827a) {
    // x < 0.41422
    const ax = hx & 0x7fffffff;
    if (ax >= 0x3ff00000) return x === -1 ? -Infinity : NaN; // x <= -1 or NaN
    if (ax < 0x3e200000) {
      // |x| < 2**-29 (±0 and subnormals included)
      if (ax < 0x3c900000) return x;
      return x - x * x * 0.5; // a vfnmadd, but (x * x) * 0.5 is exact
    }
    // -0.2929 < x < 0.41422: k = 0, f = x (asm: unsigned hx + 0x402d413c > 0x402d413c)
    if ((hx + 0x402d413c) >>> 0 > 0x402d413c) return log1pPoly(x, x * 0.5 * x, 0, 0);
  } else {
    if (hx > 0x7fefffff) return x + x; // +Infinity, NaN
    // x >= 2**53: u = x, c = 0
    if (hx > 0x433fffff) return log1pNorm(x, hx, (hx >> 20) - 1023, 0);
  }
  const u = 1 + x;
  f64[0] = u;
  const hu = u32[1]!;
  const k = (hu >> 20) - 1023;
  // c: the rounding error of 1 + x, relative to u
  const c = (k > 0 ? 1 - (u - x) : x - (u - 1)) / u;
  return log1pNorm(u, hu, k, c);
}

/** k + log(u) + c for u = 2**k * m (high word hu): m taken to [sqrt(2)/2, sqrt(2)), f = m - 1. */
function log1pNorm(u: number, hu: number, k: number, c: number): number {
  hu &= 0xfffff;
  f64[0] = u;
  if (hu < 0x6a09e) {
    u32[1] = hu | 0x3ff00000;
  } else {
    k += 1;
    u32[1] = hu | 0x3fe00000;
    hu = (0x100000 - hu) >> 2;
  }
  const f = f64[0] - 1;
  const hfsq = f * 0.5 * f;
  if (hu === 0) {
    // |f| < 2**-20 (k * LN2_HI is exact: the asm's fma there rounds once, as the operator does)
    if (f === 0) return k === 0 ? 0 : k * LN2_HI + fma(k, LN2_LO, c);
    const r = fma(-f, TWO_THIRDS, 1) * hfsq;
    if (k === 0) return f - r;
    return k * LN2_HI - (r - fma(k, LN2_LO, c) - f);
  }
  return log1pPoly(f, hfsq, k, c);
}

function log1pPoly(f: number, hfsq: number, k: number, c: number): number {
  const s = f / (2 + f);
  const z = s * s;
  const r2 = fma(z, LP3, LP2);
  const r3 = fma(z, LP5, LP4);
  const r4 = fma(z, LP7, LP6);
  const z2 = z * z;
  const z4 = z2 * z2;
  const z6 = z2 * z4;
  let r = fma(z, LP1, z2 * r2);
  r = fma(z4, r3, r);
  r = fma(z6, r4, r);
  const v = (r + hfsq) * s;
  if (k === 0) return f - (hfsq - v);
  return k * LN2_HI - (hfsq - (fma(k, LN2_LO, c) + v) - f);
}

/** glibc's log1pf(x) for any float x (given as a number), as a float value, bit for bit. */
export function log1pfLibm(x: number): number {
  f32[0] = x;
  const hx = i32[0]!;
  if (hx < 0x3ed413d7) {
    // x < 0.41422
    const ax = hx & 0x7fffffff;
    if (ax >= 0x3f800000) return x === -1 ? -Infinity : NaN; // x <= -1 or NaN
    if (ax < 0x31000000) {
      // |x| < 2**-29 (±0 and subnormals included)
      if (ax < 0x24800000) return x;
      return fr(x - fr(fr(x * x) * 0.5));
    }
    // -0.2929 < x < 0.41422: k = 0, f = x (asm: unsigned hx + 0x416a09e0 > 0x416a09e0)
    if ((hx + 0x416a09e0) >>> 0 > 0x416a09e0) return log1pfPoly(x, fr(fr(0.5 * x) * x), 0, 0);
  } else {
    if (hx > 0x7f7fffff) return x + x; // +Infinity, NaN
    // x >= 2**53: u = x, c = 0
    if (hx > 0x59ffffff) return log1pfNorm(hx, (hx >> 23) - 127, 0);
  }
  const u = fr(1 + x);
  f32[0] = u;
  const hu = i32[0]!;
  const k = (hu >> 23) - 127;
  const c = fr((k > 0 ? fr(1 - fr(u - x)) : fr(x - fr(u - 1))) / u);
  return log1pfNorm(hu, k, c);
}

function log1pfNorm(hu: number, k: number, c: number): number {
  hu &= 0x7fffff;
  if (hu < 0x3504f7) {
    i32[0] = hu | 0x3f800000;
  } else {
    k += 1;
    i32[0] = hu | 0x3f000000;
    hu = (0x800000 - hu) >> 2;
  }
  const f = fr(f32[0]! - 1);
  const hfsq = fr(fr(0.5 * f) * f);
  if (hu === 0) {
    // |f| < 2**-20
    if (f === 0) return k === 0 ? 0 : fr(fr(fr(k * F_LN2_LO) + c) + fr(k * F_LN2_HI));
    const r = fr(fr(1 - fr(F_LP1 * f)) * hfsq);
    if (k === 0) return fr(f - r);
    return fr(fr(k * F_LN2_HI) - fr(fr(r - fr(fr(k * F_LN2_LO) + c)) - f));
  }
  return log1pfPoly(f, hfsq, k, c);
}

function log1pfPoly(f: number, hfsq: number, k: number, c: number): number {
  const s = fr(f / fr(2 + f));
  const z = fr(s * s);
  let p = fr(F_LP7 * z);
  p = fr(fr(p + F_LP6) * z);
  p = fr(fr(p + F_LP5) * z);
  p = fr(fr(p + F_LP4) * z);
  p = fr(fr(p + F_LP3) * z);
  p = fr(fr(p + F_LP2) * z);
  p = fr(fr(p + F_LP1) * z);
  p = fr(fr(p + hfsq) * s);
  if (k === 0) return fr(f - fr(hfsq - p));
  const w = fr(fr(fr(k * F_LN2_LO) + c) + p);
  return fr(fr(k * F_LN2_HI) - fr(fr(hfsq - w) - f));
}
