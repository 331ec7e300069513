// Copies and casts (astype, ascontiguousarray, transposed copies, broadcast fills) as strided
// loops over byte pointers/strides, and a cache-blocked 2-D copy for transposes. Casts here are
// the ones whose TS twin is a plain typed-array store (exact, or IEEE round-to-nearest):
// float32↔float64 and small integers/bool → float32/float64.

// @ts-ignore: decorator
@inline function copy1<T>(n: i32, src: usize, ss: isize, dst: usize, ds: isize): void {
  const z = <isize>sizeof<T>();
  let i = 0;
  if (ss == z && ds == z) {
    memory.copy(dst, src, <usize>n * <usize>z);
    return;
  }
  if (ss == 0) {
    const v = load<T>(src);
    for (; i < n; i++) {
      store<T>(dst, v);
      dst += ds;
    }
    return;
  }
  for (; i + 4 <= n; i += 4) {
    const a = load<T>(src);
    const b = load<T>(src + ss);
    const c = load<T>(src + 2 * ss);
    const d = load<T>(src + 3 * ss);
    store<T>(dst, a);
    store<T>(dst + ds, b);
    store<T>(dst + 2 * ds, c);
    store<T>(dst + 3 * ds, d);
    src += 4 * ss;
    dst += 4 * ds;
  }
  for (; i < n; i++) {
    store<T>(dst, load<T>(src));
    src += ss;
    dst += ds;
  }
}

export function copy_1(n: i32, src: usize, ss: isize, dst: usize, ds: isize): void { copy1<u8>(n, src, ss, dst, ds); }
export function copy_2(n: i32, src: usize, ss: isize, dst: usize, ds: isize): void { copy1<u16>(n, src, ss, dst, ds); }
export function copy_4(n: i32, src: usize, ss: isize, dst: usize, ds: isize): void { copy1<u32>(n, src, ss, dst, ds); }
export function copy_8(n: i32, src: usize, ss: isize, dst: usize, ds: isize): void { copy1<u64>(n, src, ss, dst, ds); }

const B: i32 = 32;

// @ts-ignore: decorator
@inline function copy2<T>(rows: i32, cols: i32, src: usize, srs: isize, scs: isize, dst: usize, drs: isize, dcs: isize): void {
  for (let r0 = 0; r0 < rows; r0 += B) {
    const r1 = min(rows, r0 + B);
    for (let c0 = 0; c0 < cols; c0 += B) {
      const c1 = min(cols, c0 + B);
      for (let r = r0; r < r1; r++) {
        let s = src + <isize>r * srs + <isize>c0 * scs;
        let d = dst + <isize>r * drs + <isize>c0 * dcs;
        for (let c = c0; c < c1; c++) {
          store<T>(d, load<T>(s));
          s += scs;
          d += dcs;
        }
      }
    }
  }
}

// A transpose proper: src runs down rows (srs == 8), dst along columns (dcs == 8). 16×16 tiles
// (measured best for 1000×1000 float64), 4 rows × 2 columns per step through i64x2 shuffles.
function transpose8(rows: i32, cols: i32, src: usize, scs: isize, dst: usize, drs: isize): void {
  const T = 16;
  for (let r0 = 0; r0 < rows; r0 += T) {
    const r1 = min(rows, r0 + T);
    for (let c0 = 0; c0 < cols; c0 += T) {
      const c1 = min(cols, c0 + T);
      let r = r0;
      for (; r + 4 <= r1; r += 4) {
        let s = src + <isize>r * 8 + <isize>c0 * scs;
        let d = dst + <isize>r * drs + <isize>c0 * 8;
        let c = c0;
        for (; c + 2 <= c1; c += 2) {
          const a = v128.load(s); // x[r, c], x[r+1, c]
          const a2 = v128.load(s, 16); // x[r+2, c], x[r+3, c]
          const b = v128.load(s + scs); // x[r, c+1], x[r+1, c+1]
          const b2 = v128.load(s + scs, 16);
          v128.store(d, i64x2.shuffle(a, b, 0, 2));
          v128.store(d + drs, i64x2.shuffle(a, b, 1, 3));
          v128.store(d + 2 * drs, i64x2.shuffle(a2, b2, 0, 2));
          v128.store(d + 3 * drs, i64x2.shuffle(a2, b2, 1, 3));
          s += 2 * scs;
          d += 16;
        }
        for (; c < c1; c++) {
          store<u64>(d, load<u64>(s));
          store<u64>(d + drs, load<u64>(s, 8));
          store<u64>(d + 2 * drs, load<u64>(s, 16));
          store<u64>(d + 3 * drs, load<u64>(s, 24));
          s += scs;
          d += 8;
        }
      }
      for (; r < r1; r++) {
        let s = src + <isize>r * 8 + <isize>c0 * scs;
        let d = dst + <isize>r * drs + <isize>c0 * 8;
        for (let c = c0; c < c1; c++) {
          store<u64>(d, load<u64>(s));
          s += scs;
          d += 8;
        }
      }
    }
  }
}

// The same for 4-byte elements: 4×4 blocks through i32x4 shuffles, 16×16 tiles.
function transpose4(rows: i32, cols: i32, src: usize, scs: isize, dst: usize, drs: isize): void {
  const T = 16;
  for (let r0 = 0; r0 < rows; r0 += T) {
    const r1 = min(rows, r0 + T);
    for (let c0 = 0; c0 < cols; c0 += T) {
      const c1 = min(cols, c0 + T);
      let r = r0;
      for (; r + 4 <= r1; r += 4) {
        let s = src + <isize>r * 4 + <isize>c0 * scs;
        let d = dst + <isize>r * drs + <isize>c0 * 4;
        let c = c0;
        for (; c + 4 <= c1; c += 4) {
          const a = v128.load(s); // x[r..r+3, c]
          const b = v128.load(s + scs);
          const e = v128.load(s + 2 * scs);
          const f = v128.load(s + 3 * scs);
          const t0 = i32x4.shuffle(a, b, 0, 4, 1, 5); // a0 b0 a1 b1
          const t1 = i32x4.shuffle(a, b, 2, 6, 3, 7); // a2 b2 a3 b3
          const t2 = i32x4.shuffle(e, f, 0, 4, 1, 5);
          const t3 = i32x4.shuffle(e, f, 2, 6, 3, 7);
          v128.store(d, i64x2.shuffle(t0, t2, 0, 2));
          v128.store(d + drs, i64x2.shuffle(t0, t2, 1, 3));
          v128.store(d + 2 * drs, i64x2.shuffle(t1, t3, 0, 2));
          v128.store(d + 3 * drs, i64x2.shuffle(t1, t3, 1, 3));
          s += 4 * scs;
          d += 16;
        }
        for (; c < c1; c++) {
          store<u32>(d, load<u32>(s));
          store<u32>(d + drs, load<u32>(s, 4));
          store<u32>(d + 2 * drs, load<u32>(s, 8));
          store<u32>(d + 3 * drs, load<u32>(s, 12));
          s += scs;
          d += 4;
        }
      }
      for (; r < r1; r++) {
        let s = src + <isize>r * 4 + <isize>c0 * scs;
        let d = dst + <isize>r * drs + <isize>c0 * 4;
        for (let c = c0; c < c1; c++) {
          store<u32>(d, load<u32>(s));
          s += scs;
          d += 4;
        }
      }
    }
  }
}

/**
 * dst[r, c] = src[r, c] for a 2-D copy in 32×32 tiles (transposes stay in cache); 4- and 8-byte
 * transposes proper (one operand contiguous down rows, the other along columns) go through SIMD
 * shuffles in 16×16 tiles.
 */
export function copy2d_1(rows: i32, cols: i32, src: usize, srs: isize, scs: isize, dst: usize, drs: isize, dcs: isize): void { copy2<u8>(rows, cols, src, srs, scs, dst, drs, dcs); }
export function copy2d_2(rows: i32, cols: i32, src: usize, srs: isize, scs: isize, dst: usize, drs: isize, dcs: isize): void { copy2<u16>(rows, cols, src, srs, scs, dst, drs, dcs); }
export function copy2d_4(rows: i32, cols: i32, src: usize, srs: isize, scs: isize, dst: usize, drs: isize, dcs: isize): void {
  if (srs == 4 && dcs == 4) transpose4(rows, cols, src, scs, dst, drs);
  else if (scs == 4 && drs == 4) transpose4(cols, rows, src, srs, dst, dcs);
  else copy2<u32>(rows, cols, src, srs, scs, dst, drs, dcs);
}
export function copy2d_8(rows: i32, cols: i32, src: usize, srs: isize, scs: isize, dst: usize, drs: isize, dcs: isize): void {
  if (srs == 8 && dcs == 8) transpose8(rows, cols, src, scs, dst, drs);
  else if (scs == 8 && drs == 8) transpose8(cols, rows, src, srs, dst, dcs);
  else copy2<u64>(rows, cols, src, srs, scs, dst, drs, dcs);
}

// @ts-ignore: decorator
@inline function cast1<F, T>(n: i32, src: usize, ss: isize, dst: usize, ds: isize): void {
  for (let i = 0; i < n; i++) {
    store<T>(dst, <T>load<F>(src));
    src += ss;
    dst += ds;
  }
}

export function cast_float32_float64(n: i32, s: usize, ss: isize, d: usize, ds: isize): void { cast1<f32, f64>(n, s, ss, d, ds); }
export function cast_float64_float32(n: i32, s: usize, ss: isize, d: usize, ds: isize): void { cast1<f64, f32>(n, s, ss, d, ds); }
export function cast_bool_float64(n: i32, s: usize, ss: isize, d: usize, ds: isize): void { cast1<u8, f64>(n, s, ss, d, ds); }
export function cast_int8_float64(n: i32, s: usize, ss: isize, d: usize, ds: isize): void { cast1<i8, f64>(n, s, ss, d, ds); }
export function cast_uint8_float64(n: i32, s: usize, ss: isize, d: usize, ds: isize): void { cast1<u8, f64>(n, s, ss, d, ds); }
export function cast_int16_float64(n: i32, s: usize, ss: isize, d: usize, ds: isize): void { cast1<i16, f64>(n, s, ss, d, ds); }
export function cast_uint16_float64(n: i32, s: usize, ss: isize, d: usize, ds: isize): void { cast1<u16, f64>(n, s, ss, d, ds); }
export function cast_int32_float64(n: i32, s: usize, ss: isize, d: usize, ds: isize): void { cast1<i32, f64>(n, s, ss, d, ds); }
export function cast_uint32_float64(n: i32, s: usize, ss: isize, d: usize, ds: isize): void { cast1<u32, f64>(n, s, ss, d, ds); }
export function cast_bool_float32(n: i32, s: usize, ss: isize, d: usize, ds: isize): void { cast1<u8, f32>(n, s, ss, d, ds); }
export function cast_int8_float32(n: i32, s: usize, ss: isize, d: usize, ds: isize): void { cast1<i8, f32>(n, s, ss, d, ds); }
export function cast_uint8_float32(n: i32, s: usize, ss: isize, d: usize, ds: isize): void { cast1<u8, f32>(n, s, ss, d, ds); }
export function cast_int16_float32(n: i32, s: usize, ss: isize, d: usize, ds: isize): void { cast1<i16, f32>(n, s, ss, d, ds); }
export function cast_uint16_float32(n: i32, s: usize, ss: isize, d: usize, ds: isize): void { cast1<u16, f32>(n, s, ss, d, ds); }
export function cast_int32_float32(n: i32, s: usize, ss: isize, d: usize, ds: isize): void { cast1<i32, f32>(n, s, ss, d, ds); }
export function cast_uint32_float32(n: i32, s: usize, ss: isize, d: usize, ds: isize): void { cast1<u32, f32>(n, s, ss, d, ds); }
