// float32 exp, log, sin, cos on f32x4 lanes in float32 arithmetic (no FMA). The TS twins are
// src/runtime/vmath32.ts — the same operations in the same order, so both backends agree bit for
// bit (test/native/math32.test.ts); the algorithms and their error bounds are described there and
// in native/README.md ("Error bound"; < 1 ulp, measured over all 2^32 inputs).
//
// Constants at `tab` (written once by src/runtime/wasm/math32.ts; this module has no data segment):
//   tab + 0: vector constants, 16 bytes each (kv below)
// Vectors with a lane outside the vector range (exp: |x| > 87 or NaN; log: not a positive normal
// finite; sin/cos: |x| > 4096 or NaN) run the scalar functions on all four lanes; the scalar
// functions are the whole algorithm (same operations as a vector lane), special cases included.
// A partially overlapping input and output (not in place) take the scalar loop, in order, as the
// TS twin does.

// @ts-ignore: decorator
@external("env", "sin") declare function m32_host_sin(x: f64): f64;
// @ts-ignore: decorator
@external("env", "cos") declare function m32_host_cos(x: f64): f64;

const KOFF: usize = 0;

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

const OFF: i32 = 0x3f3504f3;
const LN2_HI: f32 = 0.6931381225585938; // bits 0x3f317180
const LN2_LO: f32 = 9.05800061445916e-6; // bits 0x3717f7d1
const LG1: f32 = 0.6666666269302368;
const LG2: f32 = 0.40000972151756287;
const LG3: f32 = 0.2849878668785095;
const LG4: f32 = 0.24279078841209412;

/** log(x), float32 (vmath32.ts log32). */
export function m32_log_scalar(x: f32): f32 {
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
  const k = <f32>((tmp >> 23) + k0);
  const f = reinterpret<f32>(ix - (tmp & 0xff800000)) - 1;
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const R = z * (LG1 + w * LG3) + w * (LG2 + w * LG4);
  const hfsq = <f32>0.5 * f * f;
  return k * LN2_HI - (hfsq - (s * (hfsq + R) + k * LN2_LO) - f);
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

// ---- vector bodies (one f32x4 of lanes inside the vector range; = the scalar functions) -----
// Constants are loaded from `tab` where used (a load is cheaper than a spilled local).

// @ts-ignore: decorator
@inline function exp4(v: v128, tab: usize): v128 {
  const kShift = kv(tab, 1), one = kv(tab, 10);
  const qS = f32x4.add(f32x4.mul(v, kv(tab, 0)), kShift);
  const q = f32x4.sub(qS, kShift);
  const s = f32x4.sub(f32x4.sub(v, f32x4.mul(q, kv(tab, 2))), f32x4.mul(q, kv(tab, 3)));
  let u = f32x4.add(f32x4.mul(kv(tab, 4), s), kv(tab, 5));
  u = f32x4.add(f32x4.mul(u, s), kv(tab, 6));
  u = f32x4.add(f32x4.mul(u, s), kv(tab, 7));
  u = f32x4.add(f32x4.mul(u, s), kv(tab, 8));
  u = f32x4.add(f32x4.mul(u, s), kv(tab, 9));
  const t = f32x4.add(one, s);
  const e1 = f32x4.add(f32x4.sub(one, t), s);
  const tail = f32x4.add(f32x4.mul(f32x4.mul(s, s), u), e1);
  return f32x4.mul(f32x4.add(t, tail), i32x4.shl(i32x4.sub(qS, kv(tab, 12)), 23));
}

// @ts-ignore: decorator
@inline function log4(v: v128, tab: usize): v128 {
  const tmp = i32x4.sub(v, kv(tab, 13));
  const k = f32x4.convert_i32x4_s(i32x4.shr_s(tmp, 23));
  const f = f32x4.sub(i32x4.sub(v, v128.and(tmp, kv(tab, 15))), kv(tab, 10));
  const s = f32x4.div(f, f32x4.add(kv(tab, 16), f));
  const z = f32x4.mul(s, s);
  const w = f32x4.mul(z, z);
  const R = f32x4.add(
    f32x4.mul(z, f32x4.add(kv(tab, 19), f32x4.mul(w, kv(tab, 21)))),
    f32x4.mul(w, f32x4.add(kv(tab, 20), f32x4.mul(w, kv(tab, 14)))),
  );
  const hfsq = f32x4.mul(f32x4.mul(kv(tab, 9), f), f);
  const t = f32x4.add(f32x4.mul(s, f32x4.add(hfsq, R)), f32x4.mul(k, kv(tab, 18)));
  return f32x4.sub(f32x4.mul(k, kv(tab, 17)), f32x4.sub(f32x4.sub(hfsq, t), f));
}

// @ts-ignore: decorator
@inline function sincos4(v: v128, tab: usize, q0: i32): v128 {
  const kShift = kv(tab, 1), one = kv(tab, 10);
  const qS = f32x4.add(f32x4.mul(v, kv(tab, 24)), kShift);
  const q = f32x4.sub(qS, kShift);
  const a1 = f32x4.sub(v, f32x4.mul(q, kv(tab, 25)));
  const p2 = f32x4.mul(q, kv(tab, 26));
  const a2 = f32x4.sub(a1, p2);
  const t2 = f32x4.sub(a2, a1);
  const e2 = f32x4.sub(f32x4.sub(a1, f32x4.sub(a2, t2)), f32x4.add(p2, t2));
  const p3 = f32x4.mul(q, kv(tab, 27));
  const a3 = f32x4.sub(a2, p3);
  const t3 = f32x4.sub(a3, a2);
  const e3 = f32x4.sub(f32x4.sub(a2, f32x4.sub(a3, t3)), f32x4.add(p3, t3));
  const tail = f32x4.sub(f32x4.add(e2, e3), f32x4.mul(q, kv(tab, 28)));
  const rh = f32x4.add(a3, tail);
  const rl = f32x4.add(f32x4.sub(a3, rh), tail);
  const z = f32x4.mul(rh, rh);
  const hz = f32x4.mul(kv(tab, 9), z);
  let sp = f32x4.add(f32x4.mul(kv(tab, 33), z), kv(tab, 32));
  sp = f32x4.add(f32x4.mul(sp, z), kv(tab, 31));
  sp = f32x4.add(f32x4.mul(sp, z), kv(tab, 30));
  sp = f32x4.add(f32x4.mul(sp, z), kv(tab, 29));
  const sv = f32x4.add(
    rh,
    f32x4.add(f32x4.mul(f32x4.mul(rh, z), sp), f32x4.sub(rl, f32x4.mul(hz, rl))),
  );
  let cp = f32x4.add(f32x4.mul(kv(tab, 37), z), kv(tab, 36));
  cp = f32x4.add(f32x4.mul(cp, z), kv(tab, 35));
  cp = f32x4.add(f32x4.mul(cp, z), kv(tab, 34));
  const w = f32x4.sub(one, hz);
  const cv = f32x4.add(
    w,
    f32x4.add(
      f32x4.sub(f32x4.sub(one, w), hz),
      f32x4.sub(f32x4.mul(f32x4.mul(z, z), cp), f32x4.mul(rh, rl)),
    ),
  );
  // quadrant: the low bits of qS's bits are q's (SHIFT = 1.5·2^23)
  const i1 = kv(tab, 40);
  const qq = q0 == 0 ? qS : i32x4.add(qS, i1);
  const odd = i32x4.eq(v128.and(qq, i1), i1);
  const sign = i32x4.shl(v128.and(qq, kv(tab, 41)), 30);
  const r = v128.xor(v128.bitselect(cv, sv, odd), sign);
  // sin: |x| < 2^-12 gives x (also keeps −0)
  return q0 == 0 ? v128.bitselect(v, r, f32x4.lt(f32x4.abs(v), kv(tab, 39))) : r;
}

// @ts-ignore: decorator
@inline function body(op: i32, v: v128, tab: usize): v128 {
  if (op == 0) return exp4(v, tab);
  if (op == 1) return log4(v, tab);
  return sincos4(v, tab, op - 2);
}

/** All lanes in the vector range? (op: 0 exp, 1 log, 2 sin, 3 cos) */
// @ts-ignore: decorator
@inline function inRange(op: i32, v: v128, tab: usize): bool {
  if (op == 1) return i8x16.all_true(i32x4.lt_u(i32x4.sub(v, kv(tab, 22)), kv(tab, 23)));
  return i8x16.all_true(f32x4.le(f32x4.abs(v), kv(tab, op == 0 ? 11 : 38)));
}

// @ts-ignore: decorator
@inline function scalar(op: i32, x: f32): f32 {
  if (op == 0) return m32_exp_scalar(x);
  if (op == 1) return m32_log_scalar(x);
  if (op == 2) return m32_sin_scalar(x);
  return m32_cos_scalar(x);
}

// @ts-ignore: decorator
@inline function lanes(op: i32, v: v128): v128 {
  let r = f32x4.splat(scalar(op, f32x4.extract_lane(v, 0)));
  r = f32x4.replace_lane(r, 1, scalar(op, f32x4.extract_lane(v, 1)));
  r = f32x4.replace_lane(r, 2, scalar(op, f32x4.extract_lane(v, 2)));
  return f32x4.replace_lane(r, 3, scalar(op, f32x4.extract_lane(v, 3)));
}

/** The checked loop: any strides, in place; partial overlap runs the scalar functions in order. */
// @ts-ignore: decorator
@inline function checkedLoop(
  op: i32, n: i32, x: usize, sx: isize, o: usize, so: isize, tab: usize,
): void {
  let i = 0;
  if (n >= 4 && vectorSafe(n, x, sx, o, so)) {
    for (; i + 4 <= n; i += 4) {
      const v = ld4(x, sx);
      st4(o, so, inRange(op, v, tab) ? body(op, v, tab) : lanes(op, v));
      x += sx << 2;
      o += so << 2;
    }
  }
  for (; i < n; i++) {
    store<f32>(o, scalar(op, load<f32>(x)));
    x += sx;
    o += so;
  }
}

const BLOCK = 256;

/**
 * Contiguous input and output, disjoint: blocks of up to 256 elements (8 per iteration) with no
 * range check per vector; the block's lanes are checked once (an unsigned max of their bits),
 * and a block with any lane outside the vector range is redone by the checked loop.
 */
// @ts-ignore: decorator
@inline function kernel(op: i32, n: i32, x: usize, sx: isize, o: usize, so: isize, tab: usize): void {
  if (sx != 4 || so != 4 || x == o || !vectorSafe(n, x, sx, o, so)) {
    checkedLoop(op, n, x, sx, o, so, tab);
    return;
  }
  // exp, sin, cos: |x|'s bits ≤ the limit's; log: bits − 0x00800000 < 0x7f000000 (unsigned)
  const kAbs = i32x4.splat(0x7fffffff);
  const kMin = kv(tab, 22);
  const lim: u32 = op == 1 ? 0x7effffff : op == 0 ? 0x42ae0000 : 0x45800000; // 87, 4096
  let i = 0;
  while (i + 8 <= n) {
    const m = min(BLOCK, (n - i) & ~7);
    const x0 = x, o0 = o;
    const oe = o + (<usize>m << 2);
    let acc = i32x4.splat(0);
    do {
      const a = v128.load(x);
      const b = v128.load(x, 16);
      if (op == 1) acc = i32x4.max_u(acc, i32x4.max_u(i32x4.sub(a, kMin), i32x4.sub(b, kMin)));
      else acc = i32x4.max_u(acc, i32x4.max_u(v128.and(a, kAbs), v128.and(b, kAbs)));
      v128.store(o, body(op, a, tab));
      v128.store(o, body(op, b, tab), 16);
      x += 32;
      o += 32;
    } while (o < oe);
    const m2 = i32x4.max_u(acc, i32x4.shuffle(acc, acc, 2, 3, 0, 1));
    const hm = <u32>i32x4.extract_lane(i32x4.max_u(m2, i32x4.shuffle(m2, m2, 1, 0, 3, 2)), 0);
    if (hm > lim) checkedLoop(op, m, x0, 4, o0, 4, tab);
    i += m;
  }
  if (i < n) checkedLoop(op, n - i, x, 4, o, 4, tab);
}

export function m32_exp(n: i32, x: usize, sx: isize, o: usize, so: isize, tab: usize): void {
  kernel(0, n, x, sx, o, so, tab);
}
export function m32_log(n: i32, x: usize, sx: isize, o: usize, so: isize, tab: usize): void {
  kernel(1, n, x, sx, o, so, tab);
}
export function m32_sin(n: i32, x: usize, sx: isize, o: usize, so: isize, tab: usize): void {
  kernel(2, n, x, sx, o, so, tab);
}
export function m32_cos(n: i32, x: usize, sx: isize, o: usize, so: isize, tab: usize): void {
  kernel(3, n, x, sx, o, so, tab);
}
