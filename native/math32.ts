// float32 exp, log, sin, cos on f32x4 lanes in float32 arithmetic (no FMA). The TS twins are
// src/runtime/vmath32.ts — the same operations in the same order, so both backends agree bit for
// bit (test/native/math32.test.ts); the algorithms and their error bounds are described there and
// in native/README.md ("Error bound"; < 1 ulp, measured over all 2^32 inputs).
//
// Table and constants at `tab` (written once by src/runtime/wasm/math32.ts):
//   tab + 0:   log, 64 rows × [invc, lchi, lclo, 0] (f32)
//   tab + 1024: vector constants, 16 bytes each (kv below), loaded into locals once per call
// Vectors with a lane outside the vector range (exp: |x| > 87 or NaN; log: not a positive normal
// finite; sin/cos: |x| > 4096 or NaN) run the scalar functions on all four lanes; the scalar
// functions are the whole algorithm (same operations as a vector lane), special cases included.
// A partially overlapping input and output (not in place) take the scalar loop, in order, as the
// TS twin does.

// @ts-ignore: decorator
@external("env", "sin") declare function m32_host_sin(x: f64): f64;
// @ts-ignore: decorator
@external("env", "cos") declare function m32_host_cos(x: f64): f64;

const KOFF: usize = 1024;

// ---- scalar functions (= one vector lane; = vmath32.ts) -------------------------------------
const LOG2E: f32 = 1.4426950216293335;
const SHIFT: f32 = 12582912.0;
const L2U: f32 = 0.693145751953125;
const L2L: f32 = 1.428606765330187e-6;
const U0: f32 = 0.000198527617612853646278381;
const U1: f32 = 0.00139304355252534151077271;
const U2: f32 = 0.00833336077630519866943359;
const U3: f32 = 0.0416664853692054748535156;
const U4: f32 = 0.166666671633720397949219;
const U5: f32 = 0.5;
const SHIFT64: f64 = 6755399441055744.0;
const INVLN2_64: f64 = 1.4426950408889634;
const LN2HI_64: f64 = 6.9314718036912381649e-1;
const LN2LO_64: f64 = 1.90821492927058770002e-10;

function expBig(x: f32): f32 {
  if (x != x) return x;
  if (x > 89) return <f32>Infinity;
  if (x < -104) return 0;
  const xd = <f64>x;
  const k = xd * INVLN2_64 + SHIFT64 - SHIFT64;
  const r = xd - k * LN2HI_64 - k * LN2LO_64;
  const p =
    r *
    (1.0 +
      r *
        (1.0 / 2.0 +
          r *
            (1.0 / 6.0 +
              r *
                (1.0 / 24.0 +
                  r *
                    (1.0 / 120.0 +
                      r * (1.0 / 720.0 + r * (1.0 / 5040.0 + r * (1.0 / 40320.0 + r / 362880.0))))))));
  const scale = reinterpret<f64>(<i64>(<i32>k + 1023) << 52);
  return <f32>((1.0 + p) * scale);
}

/** exp(x), float32 (vmath32.ts exp32). */
export function m32_exp_scalar(x: f32): f32 {
  if (!(Mathf.abs(x) <= 87)) return expBig(x);
  const q = x * LOG2E + SHIFT - SHIFT;
  const s = x - q * L2U - q * L2L;
  let u = U0 * s + U1;
  u = u * s + U2;
  u = u * s + U3;
  u = u * s + U4;
  u = u * s + U5;
  const t: f32 = 1 + s;
  const e1 = <f32>1 - t + s;
  const tail = s * s * u + e1;
  return (t + tail) * reinterpret<f32>((<i32>q + 127) << 23);
}

const OFF: i32 = 0x3f340000;
const LN2HI: f32 = 0.693145751953125;
const LN2LO: f32 = 1.428606765330187e-6;
const P1: f32 = 0.3333333432674408; // fround(1/3)
const P2: f32 = -0.25;
const P3: f32 = 0.20000000298023224; // fround(0.2)

/** log(x), float32 (vmath32.ts log32). */
export function m32_log_scalar(x: f32, tab: usize): f32 {
  let ix = reinterpret<i32>(x);
  let k0 = 0;
  if (!(ix >= 0x00800000 && ix < 0x7f800000)) {
    if (x != x) return x;
    if (x == 0) return <f32>-Infinity;
    if (x < 0) return <f32>NaN;
    if (x == Infinity) return x;
    ix = reinterpret<i32>(x * 8388608.0);
    k0 = -23;
  }
  const tmp = ix - OFF;
  const j = <usize>((tmp >> 17) & 63);
  const k = (tmp >> 23) + k0;
  const z = reinterpret<f32>(ix - (tmp & 0xff800000));
  const row = tab + (j << 4);
  const invc = load<f32>(row);
  const zh = reinterpret<f32>(reinterpret<i32>(z) & 0xfffff000);
  const zl = z - zh;
  const rhi = zh * invc - 1 + zl * invc;
  const kf = <f32>k;
  const hi = kf * LN2HI + load<f32>(row, 4);
  const lo = kf * LN2LO + load<f32>(row, 8);
  const s = hi + rhi;
  const e = hi - s + rhi;
  const p = (P3 * rhi + P2) * rhi + P1;
  const pr = (p * rhi - 0.5) * (rhi * rhi);
  const tail = e + lo + pr;
  return s + tail;
}

const TWO_OVER_PI: f32 = 0.6366197466850281;
const PA: f32 = 1.57080078125;
const PB: f32 = -4.453584551811218e-6;
const PC: f32 = -8.706138032721356e-10;
const PD: f32 = 6.223371969669989e-14;
const S1: f32 = -0.1666666716337204;
const S2: f32 = 0.008333333767950535;
const S3: f32 = -0.00019841270113829523;
const S4: f32 = 2.7557318844628753e-6;
const S5: f32 = -2.5052107943679403e-8;
const C1: f32 = 0.0416666679084301;
const C2: f32 = -0.0013888889225199819;
const C3: f32 = 2.4801587642286904e-5;
const C4: f32 = -2.755731998149713e-7;

function sincos32(x: f32, q0: i32): f32 {
  const q = x * TWO_OVER_PI + SHIFT - SHIFT;
  const a1 = x - q * PA;
  const p2 = q * PB;
  const a2 = a1 - p2;
  const t2 = a2 - a1;
  const e2 = a1 - (a2 - t2) - (p2 + t2);
  const p3 = q * PC;
  const a3 = a2 - p3;
  const t3 = a3 - a2;
  const e3 = a2 - (a3 - t3) - (p3 + t3);
  const tail = e2 + e3 - q * PD;
  const rh = a3 + tail;
  const rl = a3 - rh + tail;
  const z = rh * rh;
  const hz = <f32>0.5 * z;
  let sp = S5 * z + S4;
  sp = sp * z + S3;
  sp = sp * z + S2;
  sp = sp * z + S1;
  const sv = rh + (rh * z * sp + (rl - hz * rl));
  let cp = C4 * z + C3;
  cp = cp * z + C2;
  cp = cp * z + C1;
  const w = <f32>1 - hz;
  const cv = w + (<f32>1 - w - hz + (z * z * cp - rh * rl));
  const qq = (<i32>q + q0) & 3;
  const v = qq & 1 ? cv : sv;
  return qq & 2 ? -v : v;
}

/** sin(x), float32 (vmath32.ts sin32). */
export function m32_sin_scalar(x: f32): f32 {
  const ax = Mathf.abs(x);
  if (!(ax <= 4096)) return <f32>m32_host_sin(<f64>x);
  if (ax < <f32>0.000244140625) return x;
  return sincos32(x, 0);
}

/** cos(x), float32 (vmath32.ts cos32). */
export function m32_cos_scalar(x: f32): f32 {
  if (!(Mathf.abs(x) <= 4096)) return <f32>m32_host_cos(<f64>x);
  return sincos32(x, 1);
}

// ---- strided lanes ----------------------------------------------------------------------------
// @ts-ignore: decorator
@inline function ld4(x: usize, sx: isize): v128 {
  if (sx == 4) return v128.load(x);
  let v = v128.load32_zero(x);
  v = v128.load32_lane(x + sx, v, 1);
  v = v128.load32_lane(x + (sx << 1), v, 2);
  return v128.load32_lane(x + sx * 3, v, 3);
}
// @ts-ignore: decorator
@inline function st4(o: usize, so: isize, v: v128): void {
  if (so == 4) v128.store(o, v);
  else {
    v128.store32_lane(o, v, 0);
    v128.store32_lane(o + so, v, 1);
    v128.store32_lane(o + (so << 1), v, 2);
    v128.store32_lane(o + so * 3, v, 3);
  }
}

/** True when the n-element input and output byte ranges do not overlap, or are the same. */
// @ts-ignore: decorator
@inline function vectorSafe(n: i32, x: usize, sx: isize, o: usize, so: isize): bool {
  if (x == o && sx == so) return true;
  const ex = <isize>(n - 1) * sx;
  const eo = <isize>(n - 1) * so;
  const xlo = sx >= 0 ? x : <usize>(<isize>x + ex);
  const xhi = (sx >= 0 ? <usize>(<isize>x + ex) : x) + 4;
  const olo = so >= 0 ? o : <usize>(<isize>o + eo);
  const ohi = (so >= 0 ? <usize>(<isize>o + eo) : o) + 4;
  return ohi <= xlo || xhi <= olo;
}

// @ts-ignore: decorator
@inline function kv(tab: usize, i: usize): v128 {
  return v128.load(tab + KOFF + (i << 4));
}

// ---- exp -------------------------------------------------------------------------------------
export function m32_exp(n: i32, x: usize, sx: isize, o: usize, so: isize, tab: usize): void {
  let i = 0;
  if (n >= 4 && vectorSafe(n, x, sx, o, so)) {
    const kLog2e = kv(tab, 0), kShift = kv(tab, 1), kL2u = kv(tab, 2), kL2l = kv(tab, 3);
    const u0 = kv(tab, 4), u1 = kv(tab, 5), u2 = kv(tab, 6), u3 = kv(tab, 7), u4 = kv(tab, 8);
    const u5 = kv(tab, 9), one = kv(tab, 10), lim = kv(tab, 11), kBias = kv(tab, 12);
    for (; i + 4 <= n; i += 4) {
      const v = ld4(x, sx);
      let r: v128;
      if (i8x16.all_true(f32x4.le(f32x4.abs(v), lim))) {
        const qS = f32x4.add(f32x4.mul(v, kLog2e), kShift);
        const q = f32x4.sub(qS, kShift);
        const s = f32x4.sub(f32x4.sub(v, f32x4.mul(q, kL2u)), f32x4.mul(q, kL2l));
        let u = f32x4.add(f32x4.mul(u0, s), u1);
        u = f32x4.add(f32x4.mul(u, s), u2);
        u = f32x4.add(f32x4.mul(u, s), u3);
        u = f32x4.add(f32x4.mul(u, s), u4);
        u = f32x4.add(f32x4.mul(u, s), u5);
        const t = f32x4.add(one, s);
        const e1 = f32x4.add(f32x4.sub(one, t), s);
        const tail = f32x4.add(f32x4.mul(f32x4.mul(s, s), u), e1);
        r = f32x4.mul(f32x4.add(t, tail), i32x4.shl(i32x4.sub(qS, kBias), 23));
      } else {
        r = f32x4.splat(m32_exp_scalar(f32x4.extract_lane(v, 0)));
        r = f32x4.replace_lane(r, 1, m32_exp_scalar(f32x4.extract_lane(v, 1)));
        r = f32x4.replace_lane(r, 2, m32_exp_scalar(f32x4.extract_lane(v, 2)));
        r = f32x4.replace_lane(r, 3, m32_exp_scalar(f32x4.extract_lane(v, 3)));
      }
      st4(o, so, r);
      x += sx << 2;
      o += so << 2;
    }
  }
  for (; i < n; i++) {
    store<f32>(o, m32_exp_scalar(load<f32>(x)));
    x += sx;
    o += so;
  }
}

// ---- log -------------------------------------------------------------------------------------
export function m32_log(n: i32, x: usize, sx: isize, o: usize, so: isize, tab: usize): void {
  let i = 0;
  if (n >= 4 && vectorSafe(n, x, sx, o, so)) {
    const kOff = kv(tab, 13), kIdx = kv(tab, 14), kExpMask = kv(tab, 15), kHalfMask = kv(tab, 16);
    const kLn2hi = kv(tab, 17), kLn2lo = kv(tab, 18), p1 = kv(tab, 19), p2 = kv(tab, 20);
    const p3 = kv(tab, 21), kMin = kv(tab, 22), kSpan = kv(tab, 23), one = kv(tab, 10);
    const half = kv(tab, 9);
    for (; i + 4 <= n; i += 4) {
      const v = ld4(x, sx);
      let r: v128;
      if (i8x16.all_true(i32x4.lt_u(i32x4.sub(v, kMin), kSpan))) {
        const tmp = i32x4.sub(v, kOff);
        const jb = v128.and(i32x4.shr_s(tmp, 13), kIdx); // byte offset j·16
        const k = i32x4.shr_s(tmp, 23);
        const z = i32x4.sub(v, v128.and(tmp, kExpMask));
        const j0 = tab + <usize>i32x4.extract_lane(jb, 0);
        const j1 = tab + <usize>i32x4.extract_lane(jb, 1);
        const j2 = tab + <usize>i32x4.extract_lane(jb, 2);
        const j3 = tab + <usize>i32x4.extract_lane(jb, 3);
        // rows [invc, lchi, lclo, 0]: four loads and a 4×4 transpose
        const e0 = v128.load(j0), e1 = v128.load(j1), e2 = v128.load(j2), e3 = v128.load(j3);
        const t0 = i32x4.shuffle(e0, e1, 0, 4, 1, 5);
        const t1 = i32x4.shuffle(e2, e3, 0, 4, 1, 5);
        const invc = i32x4.shuffle(t0, t1, 0, 1, 4, 5);
        const lchi = i32x4.shuffle(t0, t1, 2, 3, 6, 7);
        const lclo = i32x4.shuffle(i32x4.shuffle(e0, e1, 2, 6, 2, 6), i32x4.shuffle(e2, e3, 2, 6, 2, 6), 0, 1, 4, 5);
        const zh = v128.and(z, kHalfMask);
        const zl = f32x4.sub(z, zh);
        const rhi = f32x4.add(f32x4.sub(f32x4.mul(zh, invc), one), f32x4.mul(zl, invc));
        const kf = f32x4.convert_i32x4_s(k);
        const hi = f32x4.add(f32x4.mul(kf, kLn2hi), lchi);
        const lo = f32x4.add(f32x4.mul(kf, kLn2lo), lclo);
        const s = f32x4.add(hi, rhi);
        const e = f32x4.add(f32x4.sub(hi, s), rhi);
        const p = f32x4.add(f32x4.mul(f32x4.add(f32x4.mul(p3, rhi), p2), rhi), p1);
        const pr = f32x4.mul(f32x4.sub(f32x4.mul(p, rhi), half), f32x4.mul(rhi, rhi));
        const tail = f32x4.add(f32x4.add(e, lo), pr);
        r = f32x4.add(s, tail);
      } else {
        r = f32x4.splat(m32_log_scalar(f32x4.extract_lane(v, 0), tab));
        r = f32x4.replace_lane(r, 1, m32_log_scalar(f32x4.extract_lane(v, 1), tab));
        r = f32x4.replace_lane(r, 2, m32_log_scalar(f32x4.extract_lane(v, 2), tab));
        r = f32x4.replace_lane(r, 3, m32_log_scalar(f32x4.extract_lane(v, 3), tab));
      }
      st4(o, so, r);
      x += sx << 2;
      o += so << 2;
    }
  }
  for (; i < n; i++) {
    store<f32>(o, m32_log_scalar(load<f32>(x), tab));
    x += sx;
    o += so;
  }
}

// ---- sin, cos --------------------------------------------------------------------------------
// @ts-ignore: decorator
@inline function sincosLoop(
  n: i32, x: usize, sx: isize, o: usize, so: isize, tab: usize, q0: i32,
): void {
  let i = 0;
  if (n >= 4 && vectorSafe(n, x, sx, o, so)) {
    const k2pi = kv(tab, 24), kShift = kv(tab, 1), pa = kv(tab, 25), pb = kv(tab, 26);
    const pc = kv(tab, 27), pd = kv(tab, 28), s1 = kv(tab, 29), s2 = kv(tab, 30);
    const s3 = kv(tab, 31), s4 = kv(tab, 32), s5 = kv(tab, 33), c1 = kv(tab, 34);
    const c2 = kv(tab, 35), c3 = kv(tab, 36), c4 = kv(tab, 37), lim = kv(tab, 38);
    const tiny = kv(tab, 39), i1 = kv(tab, 40), i2 = kv(tab, 41), one = kv(tab, 10);
    const half = kv(tab, 9);
    const kq0 = i32x4.splat(q0);
    for (; i + 4 <= n; i += 4) {
      const v = ld4(x, sx);
      let r: v128;
      const ax = f32x4.abs(v);
      if (i8x16.all_true(f32x4.le(ax, lim))) {
        const qS = f32x4.add(f32x4.mul(v, k2pi), kShift);
        const q = f32x4.sub(qS, kShift);
        const a1 = f32x4.sub(v, f32x4.mul(q, pa));
        const p2_ = f32x4.mul(q, pb);
        const a2 = f32x4.sub(a1, p2_);
        const t2 = f32x4.sub(a2, a1);
        const e2 = f32x4.sub(f32x4.sub(a1, f32x4.sub(a2, t2)), f32x4.add(p2_, t2));
        const p3_ = f32x4.mul(q, pc);
        const a3 = f32x4.sub(a2, p3_);
        const t3 = f32x4.sub(a3, a2);
        const e3 = f32x4.sub(f32x4.sub(a2, f32x4.sub(a3, t3)), f32x4.add(p3_, t3));
        const tail = f32x4.sub(f32x4.add(e2, e3), f32x4.mul(q, pd));
        const rh = f32x4.add(a3, tail);
        const rl = f32x4.add(f32x4.sub(a3, rh), tail);
        const z = f32x4.mul(rh, rh);
        const hz = f32x4.mul(half, z);
        let sp = f32x4.add(f32x4.mul(s5, z), s4);
        sp = f32x4.add(f32x4.mul(sp, z), s3);
        sp = f32x4.add(f32x4.mul(sp, z), s2);
        sp = f32x4.add(f32x4.mul(sp, z), s1);
        const sv = f32x4.add(
          rh,
          f32x4.add(f32x4.mul(f32x4.mul(rh, z), sp), f32x4.sub(rl, f32x4.mul(hz, rl))),
        );
        let cp = f32x4.add(f32x4.mul(c4, z), c3);
        cp = f32x4.add(f32x4.mul(cp, z), c2);
        cp = f32x4.add(f32x4.mul(cp, z), c1);
        const w = f32x4.sub(one, hz);
        const cv = f32x4.add(
          w,
          f32x4.add(
            f32x4.sub(f32x4.sub(one, w), hz),
            f32x4.sub(f32x4.mul(f32x4.mul(z, z), cp), f32x4.mul(rh, rl)),
          ),
        );
        // quadrant: the low bits of qS's bits are q's (SHIFT = 1.5·2^23)
        const qq = i32x4.add(qS, kq0);
        const odd = i32x4.eq(v128.and(qq, i1), i1);
        const sign = i32x4.shl(v128.and(qq, i2), 30);
        r = v128.xor(v128.bitselect(cv, sv, odd), sign);
        if (q0 == 0) r = v128.bitselect(v, r, f32x4.lt(ax, tiny));
      } else if (q0 == 0) {
        r = f32x4.splat(m32_sin_scalar(f32x4.extract_lane(v, 0)));
        r = f32x4.replace_lane(r, 1, m32_sin_scalar(f32x4.extract_lane(v, 1)));
        r = f32x4.replace_lane(r, 2, m32_sin_scalar(f32x4.extract_lane(v, 2)));
        r = f32x4.replace_lane(r, 3, m32_sin_scalar(f32x4.extract_lane(v, 3)));
      } else {
        r = f32x4.splat(m32_cos_scalar(f32x4.extract_lane(v, 0)));
        r = f32x4.replace_lane(r, 1, m32_cos_scalar(f32x4.extract_lane(v, 1)));
        r = f32x4.replace_lane(r, 2, m32_cos_scalar(f32x4.extract_lane(v, 2)));
        r = f32x4.replace_lane(r, 3, m32_cos_scalar(f32x4.extract_lane(v, 3)));
      }
      st4(o, so, r);
      x += sx << 2;
      o += so << 2;
    }
  }
  for (; i < n; i++) {
    const v = load<f32>(x);
    store<f32>(o, q0 == 0 ? m32_sin_scalar(v) : m32_cos_scalar(v));
    x += sx;
    o += so;
  }
}

export function m32_sin(n: i32, x: usize, sx: isize, o: usize, so: isize, tab: usize): void {
  sincosLoop(n, x, sx, o, so, tab, 0);
}
export function m32_cos(n: i32, x: usize, sx: isize, o: usize, so: isize, tab: usize): void {
  sincosLoop(n, x, sx, o, so, tab, 1);
}
