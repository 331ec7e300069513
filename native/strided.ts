// Two f64 lanes from strided memory and back (byte pointers and strides; a contiguous pair is one
// v128; float32 lanes are widened on load and rounded once on store). Shared by math.ts and
// mathx.ts; not re-exported by index.ts (inlined at every use).

// @ts-ignore: decorator
@inline export function load2(x: usize, sx: isize): v128 {
  return sx == 8 ? v128.load(x) : v128.load64_lane(x + sx, v128.load64_zero(x), 1);
}
// @ts-ignore: decorator
@inline export function store2(o: usize, so: isize, v: v128): void {
  if (so == 8) v128.store(o, v);
  else {
    v128.store64_lane(o, v, 0);
    v128.store64_lane(o + so, v, 1);
  }
}
// @ts-ignore: decorator
@inline export function load2f(x: usize, sx: isize): v128 {
  const v = sx == 4 ? v128.load64_zero(x) : v128.load32_lane(x + sx, v128.load32_zero(x), 1);
  return f64x2.promote_low_f32x4(v);
}
// @ts-ignore: decorator
@inline export function store2f(o: usize, so: isize, v: v128): void {
  const f = f32x4.demote_f64x2_zero(v);
  if (so == 4) v128.store64_lane(o, f, 0);
  else {
    v128.store32_lane(o, f, 0);
    v128.store32_lane(o + so, f, 1);
  }
}

// @ts-ignore: decorator
@inline export function ld<T>(x: usize, sx: isize): v128 {
  return sizeof<T>() == 8 ? load2(x, sx) : load2f(x, sx);
}
// @ts-ignore: decorator
@inline export function st<T>(o: usize, so: isize, v: v128): void {
  if (sizeof<T>() == 8) store2(o, so, v);
  else store2f(o, so, v);
}
