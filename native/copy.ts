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

/** dst[r, c] = src[r, c] for a 2-D copy in 32×32 tiles (transposes stay in cache). */
export function copy2d_1(rows: i32, cols: i32, src: usize, srs: isize, scs: isize, dst: usize, drs: isize, dcs: isize): void { copy2<u8>(rows, cols, src, srs, scs, dst, drs, dcs); }
export function copy2d_2(rows: i32, cols: i32, src: usize, srs: isize, scs: isize, dst: usize, drs: isize, dcs: isize): void { copy2<u16>(rows, cols, src, srs, scs, dst, drs, dcs); }
export function copy2d_4(rows: i32, cols: i32, src: usize, srs: isize, scs: isize, dst: usize, drs: isize, dcs: isize): void { copy2<u32>(rows, cols, src, srs, scs, dst, drs, dcs); }
export function copy2d_8(rows: i32, cols: i32, src: usize, srs: isize, scs: isize, dst: usize, drs: isize, dcs: isize): void { copy2<u64>(rows, cols, src, srs, scs, dst, drs, dcs); }

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
