// NumPy's pairwise_sum (numpy/_core/src/umath/loops_utils.h.src), replicated operation for
// operation: 8 accumulators over blocks of at most 128 elements, recursive halving at multiples
// of 8 above. The 8 accumulators live in SIMD lanes ((r0,r1),(r2,r3),… for f64), which performs
// exactly the same additions, so results are bit-identical to NumPy and to the TS twin
// (src/runtime/reduce.ts pairwiseSum / pairwiseSum32). Pointers and strides are in bytes.

export function pairwise_sum_f64(p: usize, n: i32, s: isize): f64 {
  if (n < 8) {
    let res: f64 = -0.0;
    for (let i = 0; i < n; i++) {
      res += load<f64>(p);
      p += s;
    }
    return res;
  }
  if (n <= 128) {
    const m = n - (n % 8);
    let res: f64;
    let i = 8;
    if (s == 8) {
      let r01 = v128.load(p);
      let r23 = v128.load(p, 16);
      let r45 = v128.load(p, 32);
      let r67 = v128.load(p, 48);
      let q = p + 64;
      for (; i < m; i += 8) {
        r01 = f64x2.add(r01, v128.load(q));
        r23 = f64x2.add(r23, v128.load(q, 16));
        r45 = f64x2.add(r45, v128.load(q, 32));
        r67 = f64x2.add(r67, v128.load(q, 48));
        q += 64;
      }
      res =
        f64x2.extract_lane(r01, 0) + f64x2.extract_lane(r01, 1) +
        (f64x2.extract_lane(r23, 0) + f64x2.extract_lane(r23, 1)) +
        (f64x2.extract_lane(r45, 0) + f64x2.extract_lane(r45, 1) +
          (f64x2.extract_lane(r67, 0) + f64x2.extract_lane(r67, 1)));
    } else {
      let r0 = load<f64>(p);
      let r1 = load<f64>(p + s);
      let r2 = load<f64>(p + 2 * s);
      let r3 = load<f64>(p + 3 * s);
      let r4 = load<f64>(p + 4 * s);
      let r5 = load<f64>(p + 5 * s);
      let r6 = load<f64>(p + 6 * s);
      let r7 = load<f64>(p + 7 * s);
      let q = p + 8 * s;
      for (; i < m; i += 8) {
        r0 += load<f64>(q);
        r1 += load<f64>(q + s);
        r2 += load<f64>(q + 2 * s);
        r3 += load<f64>(q + 3 * s);
        r4 += load<f64>(q + 4 * s);
        r5 += load<f64>(q + 5 * s);
        r6 += load<f64>(q + 6 * s);
        r7 += load<f64>(q + 7 * s);
        q += 8 * s;
      }
      res = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    }
    let q = p + <isize>i * s;
    for (; i < n; i++) {
      res += load<f64>(q);
      q += s;
    }
    return res;
  }
  let n2 = n / 2;
  n2 -= n2 % 8;
  return pairwise_sum_f64(p, n2, s) + pairwise_sum_f64(p + <isize>n2 * s, n - n2, s);
}

export function pairwise_sum_f32(p: usize, n: i32, s: isize): f32 {
  if (n < 8) {
    let res: f32 = -0.0;
    for (let i = 0; i < n; i++) {
      res += load<f32>(p);
      p += s;
    }
    return res;
  }
  if (n <= 128) {
    const m = n - (n % 8);
    let res: f32;
    let i = 8;
    if (s == 4) {
      let r0123 = v128.load(p);
      let r4567 = v128.load(p, 16);
      let q = p + 32;
      for (; i < m; i += 8) {
        r0123 = f32x4.add(r0123, v128.load(q));
        r4567 = f32x4.add(r4567, v128.load(q, 16));
        q += 32;
      }
      res =
        f32x4.extract_lane(r0123, 0) + f32x4.extract_lane(r0123, 1) +
        (f32x4.extract_lane(r0123, 2) + f32x4.extract_lane(r0123, 3)) +
        (f32x4.extract_lane(r4567, 0) + f32x4.extract_lane(r4567, 1) +
          (f32x4.extract_lane(r4567, 2) + f32x4.extract_lane(r4567, 3)));
    } else {
      let r0 = load<f32>(p);
      let r1 = load<f32>(p + s);
      let r2 = load<f32>(p + 2 * s);
      let r3 = load<f32>(p + 3 * s);
      let r4 = load<f32>(p + 4 * s);
      let r5 = load<f32>(p + 5 * s);
      let r6 = load<f32>(p + 6 * s);
      let r7 = load<f32>(p + 7 * s);
      let q = p + 8 * s;
      for (; i < m; i += 8) {
        r0 += load<f32>(q);
        r1 += load<f32>(q + s);
        r2 += load<f32>(q + 2 * s);
        r3 += load<f32>(q + 3 * s);
        r4 += load<f32>(q + 4 * s);
        r5 += load<f32>(q + 5 * s);
        r6 += load<f32>(q + 6 * s);
        r7 += load<f32>(q + 7 * s);
        q += 8 * s;
      }
      res = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    }
    let q = p + <isize>i * s;
    for (; i < n; i++) {
      res += load<f32>(q);
      q += s;
    }
    return res;
  }
  let n2 = n / 2;
  n2 -= n2 % 8;
  return pairwise_sum_f32(p, n2, s) + pairwise_sum_f32(p + <isize>n2 * s, n - n2, s);
}
