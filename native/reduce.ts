// Reductions over byte pointers/strides, each bit-identical to its TS twin in
// src/runtime/reduce.ts (tested in test/native/reduce.test.ts):
//
// - NumPy's pairwise_sum (numpy/_core/src/umath/loops_utils.h.src), replicated operation for
//   operation: 8 accumulators over blocks of at most 128 elements, recursive halving at multiples
//   of 8 above. The 8 accumulators live in SIMD lanes ((r0,r1),(r2,r3),… for f64), which performs
//   exactly the same additions. Contiguous runs process two sibling leaves interleaved (twice the
//   independent add chains) and four leaves per call where all four grandchildren are leaves;
//   the tree, and so every addition, is NumPy's.
// - `red_<op>_<dtype>(n0, n1, ip, is0, is1, op, os0, os1)`: the reduction iterator's 2-D loop
//   in one call: for each of n0 outer steps, the inner run of n1 input elements (stride is1)
//   against the result at op (stride os1): os1 == 0 folds the run into one result element
//   (`out = out + pairwise(run)` for float add, a left fold otherwise), os1 != 0 combines
//   elementwise (`out[j] = out[j] op in[j]`, one row of an axis-0 reduction).
//   maximum/minimum keep NumPy's NaN propagation and the fold's tie rule (the first of ±0).
// - `arg_<max|min>_<dtype>(n0, n1, ip, is0, is1, op, os0)`: argmax/argmin of n0 lanes of n1
//   elements (first occurrence; the first NaN wins), int64 results.
// - `cum_<add|mul>_<dtype>(n0, n1, p, s0, s1)`: in-place running sum/product along n1 (stride
//   s1) for each of n0 lanes (stride s0); rows at a time when the lanes are contiguous.
// Pointers and strides are in bytes.

// ---------------------------------------------------------------------------------------------
// pairwise sum, float64

// @ts-ignore: decorator
@inline function split(n: i32): i32 {
  const n2 = n >> 1;
  return n2 - (n2 & 7);
}

// @ts-ignore: decorator
@inline function pairs64(x: v128, y: v128): v128 {
  // [x0 + x1, y0 + y1]
  return f64x2.add(v128.shuffle<f64>(x, y, 0, 2), v128.shuffle<f64>(x, y, 1, 3));
}

// the summed value of a loaded vector/element: itself, or (x - m)² for the sums of squares
// (`sq` is a constant at every call site: the other branch folds away)
// @ts-ignore: decorator
@inline function vx64(sq: bool, x: v128, mv: v128): v128 {
  if (!sq) return x;
  const d = f64x2.sub(x, mv);
  return f64x2.mul(d, d);
}
// @ts-ignore: decorator
@inline function sx64(sq: bool, x: f64, m: f64): f64 {
  if (!sq) return x;
  const d = x - m;
  return d * d;
}

// one contiguous leaf, 8 <= n <= 128
// @ts-ignore: decorator
@inline function leaf64(sq: bool, mv: v128, p: usize, n: i32): f64 {
  let r01 = vx64(sq, v128.load(p), mv);
  let r23 = vx64(sq, v128.load(p, 16), mv);
  let r45 = vx64(sq, v128.load(p, 32), mv);
  let r67 = vx64(sq, v128.load(p, 48), mv);
  let q = p + 64;
  const e = p + (<usize>(n & ~7) << 3);
  while (q < e) {
    r01 = f64x2.add(r01, vx64(sq, v128.load(q), mv));
    r23 = f64x2.add(r23, vx64(sq, v128.load(q, 16), mv));
    r45 = f64x2.add(r45, vx64(sq, v128.load(q, 32), mv));
    r67 = f64x2.add(r67, vx64(sq, v128.load(q, 48), mv));
    q += 64;
  }
  let res =
    f64x2.extract_lane(r01, 0) + f64x2.extract_lane(r01, 1) +
    (f64x2.extract_lane(r23, 0) + f64x2.extract_lane(r23, 1)) +
    (f64x2.extract_lane(r45, 0) + f64x2.extract_lane(r45, 1) +
      (f64x2.extract_lane(r67, 0) + f64x2.extract_lane(r67, 1)));
  const e2 = p + (<usize>n << 3);
  const m = f64x2.extract_lane(mv, 0);
  while (q < e2) {
    res += sx64(sq, load<f64>(q), m);
    q += 8;
  }
  return res;
}

// two sibling leaves, interleaved: [p, p+nl) (nl % 8 == 0, nl >= 8) and [p+nl, p+n) (n-nl <= 128)
// @ts-ignore: decorator
@inline function dual64(sq: bool, mv: v128, p: usize, nl: i32, n: i32): f64 {
  const pr = p + (<usize>nl << 3);
  const nr = n - nl;
  let a01 = vx64(sq, v128.load(p), mv);
  let a23 = vx64(sq, v128.load(p, 16), mv);
  let a45 = vx64(sq, v128.load(p, 32), mv);
  let a67 = vx64(sq, v128.load(p, 48), mv);
  let b01 = vx64(sq, v128.load(pr), mv);
  let b23 = vx64(sq, v128.load(pr, 16), mv);
  let b45 = vx64(sq, v128.load(pr, 32), mv);
  let b67 = vx64(sq, v128.load(pr, 48), mv);
  let q = p + 64;
  let qr = pr + 64;
  while (q < pr) {
    a01 = f64x2.add(a01, vx64(sq, v128.load(q), mv));
    b01 = f64x2.add(b01, vx64(sq, v128.load(qr), mv));
    a23 = f64x2.add(a23, vx64(sq, v128.load(q, 16), mv));
    b23 = f64x2.add(b23, vx64(sq, v128.load(qr, 16), mv));
    a45 = f64x2.add(a45, vx64(sq, v128.load(q, 32), mv));
    b45 = f64x2.add(b45, vx64(sq, v128.load(qr, 32), mv));
    a67 = f64x2.add(a67, vx64(sq, v128.load(q, 48), mv));
    b67 = f64x2.add(b67, vx64(sq, v128.load(qr, 48), mv));
    q += 64;
    qr += 64;
  }
  const er = pr + (<usize>(nr & ~7) << 3);
  while (qr < er) {
    b01 = f64x2.add(b01, vx64(sq, v128.load(qr), mv));
    b23 = f64x2.add(b23, vx64(sq, v128.load(qr, 16), mv));
    b45 = f64x2.add(b45, vx64(sq, v128.load(qr, 32), mv));
    b67 = f64x2.add(b67, vx64(sq, v128.load(qr, 48), mv));
    qr += 64;
  }
  // [(a0+a1)+(a2+a3), (b0+b1)+(b2+b3)] + [(a4+a5)+(a6+a7), …]: NumPy's combination of r0..r7
  const w = f64x2.add(pairs64(pairs64(a01, a23), pairs64(b01, b23)), pairs64(pairs64(a45, a67), pairs64(b45, b67)));
  let rb = f64x2.extract_lane(w, 1);
  const e2 = pr + (<usize>nr << 3);
  const m = f64x2.extract_lane(mv, 0);
  while (qr < e2) {
    rb += sx64(sq, load<f64>(qr), m);
    qr += 8;
  }
  return f64x2.extract_lane(w, 0) + rb;
}

// both children of a size-n node split (n2 > 128) into leaves
// @ts-ignore: decorator
@inline function quadOk(n: i32, n2: i32): bool {
  return n2 > 128 && n2 - split(n2) <= 128 && n - n2 - split(n - n2) <= 128;
}

// a node that is a leaf, or whose children are leaves (or grandchildren, see quadOk)
// @ts-ignore: decorator
@inline function shallow(n: i32): bool {
  const n2 = split(n);
  return n <= 128 || n - n2 <= 128 || quadOk(n, n2);
}

// such a node (sq: summing (x - m)², a constant at each call site)
// @ts-ignore: decorator
@inline function pw64shallow(sq: bool, mv: v128, p: usize, n: i32): f64 {
  if (n <= 128) {
    if (n < 8) {
      let res: f64 = -0.0;
      for (let i = 0; i < n; i++) {
        res += sx64(sq, load<f64>(p), f64x2.extract_lane(mv, 0));
        p += 8;
      }
      return res;
    }
    return leaf64(sq, mv, p, n);
  }
  const n2 = split(n);
  const nr = n - n2;
  if (nr <= 128) return dual64(sq, mv, p, n2, n);
  const pr = p + (<usize>n2 << 3);
  return dual64(sq, mv, p, split(n2), n2) + dual64(sq, mv, pr, split(nr), nr);
}

function pw64c(p: usize, n: i32): f64 {
  if (shallow(n)) return pw64shallow(false, f64x2.splat(0), p, n);
  const n2 = split(n);
  return pw64c(p, n2) + pw64c(p + (<usize>n2 << 3), n - n2);
}

// pairwise sum of (x - m)² over a contiguous run: pw64c's tree and additions
function pw64sq(mv: v128, p: usize, n: i32): f64 {
  if (shallow(n)) return pw64shallow(true, mv, p, n);
  const n2 = split(n);
  return pw64sq(mv, p, n2) + pw64sq(mv, p + (<usize>n2 << 3), n - n2);
}

function pw64s(p: usize, n: i32, s: isize): f64 {
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
    let r0 = load<f64>(p);
    let r1 = load<f64>(p + s);
    let r2 = load<f64>(p + 2 * s);
    let r3 = load<f64>(p + 3 * s);
    let r4 = load<f64>(p + 4 * s);
    let r5 = load<f64>(p + 5 * s);
    let r6 = load<f64>(p + 6 * s);
    let r7 = load<f64>(p + 7 * s);
    let q = p + 8 * s;
    let i = 8;
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
    let res = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < n; i++) {
      res += load<f64>(q);
      q += s;
    }
    return res;
  }
  const n2 = split(n);
  return pw64s(p, n2, s) + pw64s(p + <isize>n2 * s, n - n2, s);
}

export function pairwise_sum_f64(p: usize, n: i32, s: isize): f64 {
  return s == 8 ? pw64c(p, n) : pw64s(p, n, s);
}

// ---------------------------------------------------------------------------------------------
// pairwise sum, float32 (every operation in float32)

// @ts-ignore: decorator
@inline function quads32(x: v128, y: v128): v128 {
  // [x0+x1, x2+x3, y0+y1, y2+y3]
  return f32x4.add(v128.shuffle<f32>(x, y, 0, 2, 4, 6), v128.shuffle<f32>(x, y, 1, 3, 5, 7));
}

// @ts-ignore: decorator
@inline function vx32(sq: bool, x: v128, mv: v128): v128 {
  if (!sq) return x;
  const d = f32x4.sub(x, mv);
  return f32x4.mul(d, d);
}
// @ts-ignore: decorator
@inline function sx32(sq: bool, x: f32, m: f32): f32 {
  if (!sq) return x;
  const d = x - m;
  return d * d;
}

// @ts-ignore: decorator
@inline function leaf32(sq: bool, mv: v128, p: usize, n: i32): f32 {
  let r0123 = vx32(sq, v128.load(p), mv);
  let r4567 = vx32(sq, v128.load(p, 16), mv);
  let q = p + 32;
  const e = p + (<usize>(n & ~7) << 2);
  while (q < e) {
    r0123 = f32x4.add(r0123, vx32(sq, v128.load(q), mv));
    r4567 = f32x4.add(r4567, vx32(sq, v128.load(q, 16), mv));
    q += 32;
  }
  let res =
    f32x4.extract_lane(r0123, 0) + f32x4.extract_lane(r0123, 1) +
    (f32x4.extract_lane(r0123, 2) + f32x4.extract_lane(r0123, 3)) +
    (f32x4.extract_lane(r4567, 0) + f32x4.extract_lane(r4567, 1) +
      (f32x4.extract_lane(r4567, 2) + f32x4.extract_lane(r4567, 3)));
  const e2 = p + (<usize>n << 2);
  const m = f32x4.extract_lane(mv, 0);
  while (q < e2) {
    res += sx32(sq, load<f32>(q), m);
    q += 4;
  }
  return res;
}

// @ts-ignore: decorator
@inline function dual32(sq: bool, mv: v128, p: usize, nl: i32, n: i32): f32 {
  const pr = p + (<usize>nl << 2);
  const nr = n - nl;
  let a0 = vx32(sq, v128.load(p), mv);
  let a1 = vx32(sq, v128.load(p, 16), mv);
  let b0 = vx32(sq, v128.load(pr), mv);
  let b1 = vx32(sq, v128.load(pr, 16), mv);
  let q = p + 32;
  let qr = pr + 32;
  while (q < pr) {
    a0 = f32x4.add(a0, vx32(sq, v128.load(q), mv));
    b0 = f32x4.add(b0, vx32(sq, v128.load(qr), mv));
    a1 = f32x4.add(a1, vx32(sq, v128.load(q, 16), mv));
    b1 = f32x4.add(b1, vx32(sq, v128.load(qr, 16), mv));
    q += 32;
    qr += 32;
  }
  const er = pr + (<usize>(nr & ~7) << 2);
  while (qr < er) {
    b0 = f32x4.add(b0, vx32(sq, v128.load(qr), mv));
    b1 = f32x4.add(b1, vx32(sq, v128.load(qr, 16), mv));
    qr += 32;
  }
  // [a0+a1, a2+a3, a4+a5, a6+a7] and b's → [(a0+a1)+(a2+a3), (a4+a5)+(a6+a7), (b…), (b…)]
  const u = quads32(quads32(a0, a1), quads32(b0, b1));
  const w = f32x4.add(v128.shuffle<f32>(u, u, 0, 2, 0, 2), v128.shuffle<f32>(u, u, 1, 3, 1, 3));
  let rb = f32x4.extract_lane(w, 1);
  const e2 = pr + (<usize>nr << 2);
  const m = f32x4.extract_lane(mv, 0);
  while (qr < e2) {
    rb += sx32(sq, load<f32>(qr), m);
    qr += 4;
  }
  return f32x4.extract_lane(w, 0) + rb;
}

// such a node (sq: summing (x - m)², a constant at each call site)
// @ts-ignore: decorator
@inline function pw32shallow(sq: bool, mv: v128, p: usize, n: i32): f32 {
  if (n <= 128) {
    if (n < 8) {
      let res: f32 = -0.0;
      for (let i = 0; i < n; i++) {
        res += sx32(sq, load<f32>(p), f32x4.extract_lane(mv, 0));
        p += 4;
      }
      return res;
    }
    return leaf32(sq, mv, p, n);
  }
  const n2 = split(n);
  const nr = n - n2;
  if (nr <= 128) return dual32(sq, mv, p, n2, n);
  const pr = p + (<usize>n2 << 2);
  return dual32(sq, mv, p, split(n2), n2) + dual32(sq, mv, pr, split(nr), nr);
}

function pw32c(p: usize, n: i32): f32 {
  if (shallow(n)) return pw32shallow(false, f32x4.splat(0), p, n);
  const n2 = split(n);
  return pw32c(p, n2) + pw32c(p + (<usize>n2 << 2), n - n2);
}

// pairwise sum of (x - m)² over a contiguous run: pw32c's tree and additions
function pw32sq(mv: v128, p: usize, n: i32): f32 {
  if (shallow(n)) return pw32shallow(true, mv, p, n);
  const n2 = split(n);
  return pw32sq(mv, p, n2) + pw32sq(mv, p + (<usize>n2 << 2), n - n2);
}

function pw32s(p: usize, n: i32, s: isize): f32 {
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
    let r0 = load<f32>(p);
    let r1 = load<f32>(p + s);
    let r2 = load<f32>(p + 2 * s);
    let r3 = load<f32>(p + 3 * s);
    let r4 = load<f32>(p + 4 * s);
    let r5 = load<f32>(p + 5 * s);
    let r6 = load<f32>(p + 6 * s);
    let r7 = load<f32>(p + 7 * s);
    let q = p + 8 * s;
    let i = 8;
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
    let res = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < n; i++) {
      res += load<f32>(q);
      q += s;
    }
    return res;
  }
  const n2 = split(n);
  return pw32s(p, n2, s) + pw32s(p + <isize>n2 * s, n - n2, s);
}

export function pairwise_sum_f32(p: usize, n: i32, s: isize): f32 {
  return s == 4 ? pw32c(p, n) : pw32s(p, n, s);
}

// ---------------------------------------------------------------------------------------------
// 2-D reduction loops

const ADD = 0;
const MUL = 1;
const MAX = 2;
const MIN = 3;
const FMAX = 4;
const FMIN = 5;

// NumPy's maximum/minimum/fmax/fmin pick (the TS twin's `pick`): a is the running value
// @ts-ignore: decorator
@inline function pick<T>(op: i32, a: T, b: T): T {
  if (isFloat<T>()) {
    if (op == MAX) return a >= b || a != a ? a : b;
    if (op == MIN) return a <= b || a != a ? a : b;
    if (op == FMAX) return a >= b || b != b ? a : b;
    return a <= b || b != b ? a : b;
  }
  if (op == MAX || op == FMAX) return a >= b ? a : b;
  return a <= b ? a : b;
}

// @ts-ignore: decorator
@inline function comb<T>(op: i32, a: T, b: T): T {
  if (op == ADD) return a + b;
  if (op == MUL) return a * b;
  return pick<T>(op, a, b);
}

// exact left fold of n elements into acc
// @ts-ignore: decorator
@inline function foldScalar<T>(op: i32, acc: T, p: usize, n: i32, s: isize): T {
  for (let i = 0; i < n; i++) {
    acc = comb<T>(op, acc, load<T>(p));
    p += s;
  }
  return acc;
}

// pmax/pmin (NaN-ignoring: a NaN operand x leaves m) and the NaN flags of four vectors
// @ts-ignore: decorator
@inline function ext64(isMax: bool, m: v128, x: v128): v128 {
  return isMax ? f64x2.pmax(m, x) : f64x2.pmin(m, x);
}
// @ts-ignore: decorator
@inline function nan4_64(bad: v128, x0: v128, x1: v128, x2: v128, x3: v128): v128 {
  return v128.or(bad, v128.or(v128.or(f64x2.ne(x0, x0), f64x2.ne(x1, x1)), v128.or(f64x2.ne(x2, x2), f64x2.ne(x3, x3))));
}

// max/min of a contiguous float run: returns the fold's result; SIMD finds the extreme value
// (pmax/pmin ignore NaN), then the fold's rules decide: a NaN (maximum/minimum), a zero extreme
// (±0 order) or an infinite one (fmax/fmin: all-NaN runs) fall back to the exact scalar fold.
// @ts-ignore: decorator
@inline function foldExtreme64(op: i32, acc: f64, p: usize, n: i32): f64 {
  const isMax = op == MAX || op == FMAX;
  if ((op == MAX || op == MIN) && acc != acc) return acc;
  const init = isMax ? -Infinity : Infinity;
  let m0 = f64x2.splat(init);
  let m1 = m0;
  let m2 = m0;
  let m3 = m0;
  let bad = f64x2.splat(0);
  let q = p;
  // long runs: four quarters read side by side (four streams keep more cache misses in flight
  // when the data comes from L3/DRAM); the order of the max/min search does not matter here
  const h = <usize>((n >> 2) & ~1) * 8; // bytes per quarter, a whole number of vectors
  if (n >= 256) {
    const e4 = p + h;
    while (q < e4) {
      const x0 = v128.load(q);
      const x1 = v128.load(q + h);
      const x2 = v128.load(q + 2 * h);
      const x3 = v128.load(q + 3 * h);
      m0 = ext64(isMax, m0, x0);
      m1 = ext64(isMax, m1, x1);
      m2 = ext64(isMax, m2, x2);
      m3 = ext64(isMax, m3, x3);
      if (op == MAX || op == MIN) bad = nan4_64(bad, x0, x1, x2, x3);
      q += 16;
    }
    q = p + 4 * h;
  }
  const e = q + (((p + (<usize>n * 8) - q) / 64) * 64);
  while (q < e) {
    const x0 = v128.load(q);
    const x1 = v128.load(q, 16);
    const x2 = v128.load(q, 32);
    const x3 = v128.load(q, 48);
    m0 = ext64(isMax, m0, x0);
    m1 = ext64(isMax, m1, x1);
    m2 = ext64(isMax, m2, x2);
    m3 = ext64(isMax, m3, x3);
    if (op == MAX || op == MIN) bad = nan4_64(bad, x0, x1, x2, x3);
    q += 64;
  }
  if (isMax) {
    m0 = f64x2.pmax(f64x2.pmax(m0, m1), f64x2.pmax(m2, m3));
  } else {
    m0 = f64x2.pmin(f64x2.pmin(m0, m1), f64x2.pmin(m2, m3));
  }
  let m = f64x2.extract_lane(m0, 0);
  const m1s = f64x2.extract_lane(m0, 1);
  let nan = v128.any_true(bad);
  if (isMax) m = m1s > m ? m1s : m;
  else m = m1s < m ? m1s : m;
  const e2 = p + (<usize>n << 3);
  while (q < e2) {
    const x = load<f64>(q);
    if (x != x) nan = true;
    else if (isMax ? x > m : x < m) m = x;
    q += 8;
  }
  if ((op == MAX || op == MIN) && nan) return foldScalar<f64>(op, acc, p, n, 8);
  if (m == 0 || m == init) return foldScalar<f64>(op, acc, p, n, 8);
  return pick<f64>(op, acc, m);
}

// pmax/pmin (NaN-ignoring: a NaN operand x leaves m) and the NaN flags of four vectors
// @ts-ignore: decorator
@inline function ext32(isMax: bool, m: v128, x: v128): v128 {
  return isMax ? f32x4.pmax(m, x) : f32x4.pmin(m, x);
}
// @ts-ignore: decorator
@inline function nan4_32(bad: v128, x0: v128, x1: v128, x2: v128, x3: v128): v128 {
  return v128.or(bad, v128.or(v128.or(f32x4.ne(x0, x0), f32x4.ne(x1, x1)), v128.or(f32x4.ne(x2, x2), f32x4.ne(x3, x3))));
}

// @ts-ignore: decorator
@inline function foldExtreme32(op: i32, acc: f32, p: usize, n: i32): f32 {
  const isMax = op == MAX || op == FMAX;
  if ((op == MAX || op == MIN) && acc != acc) return acc;
  const init: f32 = isMax ? -Infinity : Infinity;
  let m0 = f32x4.splat(init);
  let m1 = m0;
  let m2 = m0;
  let m3 = m0;
  let bad = f32x4.splat(0);
  let q = p;
  // long runs: four quarters read side by side (four streams keep more cache misses in flight
  // when the data comes from L3/DRAM); the order of the max/min search does not matter here
  const h = <usize>((n >> 2) & ~3) * 4; // bytes per quarter, a whole number of vectors
  if (n >= 256) {
    const e4 = p + h;
    while (q < e4) {
      const x0 = v128.load(q);
      const x1 = v128.load(q + h);
      const x2 = v128.load(q + 2 * h);
      const x3 = v128.load(q + 3 * h);
      m0 = ext32(isMax, m0, x0);
      m1 = ext32(isMax, m1, x1);
      m2 = ext32(isMax, m2, x2);
      m3 = ext32(isMax, m3, x3);
      if (op == MAX || op == MIN) bad = nan4_32(bad, x0, x1, x2, x3);
      q += 16;
    }
    q = p + 4 * h;
  }
  const e = q + (((p + (<usize>n * 4) - q) / 64) * 64);
  while (q < e) {
    const x0 = v128.load(q);
    const x1 = v128.load(q, 16);
    const x2 = v128.load(q, 32);
    const x3 = v128.load(q, 48);
    m0 = ext32(isMax, m0, x0);
    m1 = ext32(isMax, m1, x1);
    m2 = ext32(isMax, m2, x2);
    m3 = ext32(isMax, m3, x3);
    if (op == MAX || op == MIN) bad = nan4_32(bad, x0, x1, x2, x3);
    q += 64;
  }
  if (isMax) m0 = f32x4.pmax(f32x4.pmax(m0, m1), f32x4.pmax(m2, m3));
  else m0 = f32x4.pmin(f32x4.pmin(m0, m1), f32x4.pmin(m2, m3));
  let m = f32x4.extract_lane(m0, 0);
  {
    const v1 = f32x4.extract_lane(m0, 1);
    const v2 = f32x4.extract_lane(m0, 2);
    const v3 = f32x4.extract_lane(m0, 3);
    if (isMax) {
      if (v1 > m) m = v1;
      if (v2 > m) m = v2;
      if (v3 > m) m = v3;
    } else {
      if (v1 < m) m = v1;
      if (v2 < m) m = v2;
      if (v3 < m) m = v3;
    }
  }
  let nan = v128.any_true(bad);
  const e2 = p + (<usize>n << 2);
  while (q < e2) {
    const x = load<f32>(q);
    if (x != x) nan = true;
    else if (isMax ? x > m : x < m) m = x;
    q += 4;
  }
  if ((op == MAX || op == MIN) && nan) return foldScalar<f32>(op, acc, p, n, 4);
  if (m == 0 || m == init) return foldScalar<f32>(op, acc, p, n, 4);
  return pick<f32>(op, acc, m);
}

// the fold of one run (os1 == 0)
// @ts-ignore: decorator
@inline function fold<T>(op: i32, acc: T, p: usize, n: i32, s: isize): T {
  if (op == ADD && isFloat<T>()) {
    if (sizeof<T>() == 8) return <T>(<f64>acc + pairwise_sum_f64(p, n, s));
    return <T>(<f32>acc + pairwise_sum_f32(p, n, s));
  }
  if (op != ADD && op != MUL && isFloat<T>() && s == sizeof<T>() && n >= 16) {
    if (sizeof<T>() == 8) return <T>foldExtreme64(op, <f64>acc, p, n);
    return <T>foldExtreme32(op, <f32>acc, p, n);
  }
  return foldScalar<T>(op, acc, p, n, s);
}

// one elementwise row (os1 != 0): o[j] = o[j] op x[j]
// @ts-ignore: decorator
@inline function rowOp<T>(op: i32, n: i32, x: usize, sx: isize, o: usize, so: isize): void {
  const z = <isize>sizeof<T>();
  let j = 0;
  if (isFloat<T>() && sx == z && so == z) {
    const L = 16 / sizeof<T>(); // lanes
    for (; j + 2 * <i32>L <= n; j += 2 * <i32>L) {
      const a0 = v128.load(o);
      const a1 = v128.load(o, 16);
      const b0 = v128.load(x);
      const b1 = v128.load(x, 16);
      let r0: v128;
      let r1: v128;
      if (sizeof<T>() == 8) {
        if (op == ADD) {
          r0 = f64x2.add(a0, b0);
          r1 = f64x2.add(a1, b1);
        } else if (op == MUL) {
          r0 = f64x2.mul(a0, b0);
          r1 = f64x2.mul(a1, b1);
        } else if (op == MAX) {
          r0 = v128.bitselect(a0, b0, v128.or(f64x2.ge(a0, b0), f64x2.ne(a0, a0)));
          r1 = v128.bitselect(a1, b1, v128.or(f64x2.ge(a1, b1), f64x2.ne(a1, a1)));
        } else if (op == MIN) {
          r0 = v128.bitselect(a0, b0, v128.or(f64x2.le(a0, b0), f64x2.ne(a0, a0)));
          r1 = v128.bitselect(a1, b1, v128.or(f64x2.le(a1, b1), f64x2.ne(a1, a1)));
        } else if (op == FMAX) {
          r0 = v128.bitselect(a0, b0, v128.or(f64x2.ge(a0, b0), f64x2.ne(b0, b0)));
          r1 = v128.bitselect(a1, b1, v128.or(f64x2.ge(a1, b1), f64x2.ne(b1, b1)));
        } else {
          r0 = v128.bitselect(a0, b0, v128.or(f64x2.le(a0, b0), f64x2.ne(b0, b0)));
          r1 = v128.bitselect(a1, b1, v128.or(f64x2.le(a1, b1), f64x2.ne(b1, b1)));
        }
      } else {
        if (op == ADD) {
          r0 = f32x4.add(a0, b0);
          r1 = f32x4.add(a1, b1);
        } else if (op == MUL) {
          r0 = f32x4.mul(a0, b0);
          r1 = f32x4.mul(a1, b1);
        } else if (op == MAX) {
          r0 = v128.bitselect(a0, b0, v128.or(f32x4.ge(a0, b0), f32x4.ne(a0, a0)));
          r1 = v128.bitselect(a1, b1, v128.or(f32x4.ge(a1, b1), f32x4.ne(a1, a1)));
        } else if (op == MIN) {
          r0 = v128.bitselect(a0, b0, v128.or(f32x4.le(a0, b0), f32x4.ne(a0, a0)));
          r1 = v128.bitselect(a1, b1, v128.or(f32x4.le(a1, b1), f32x4.ne(a1, a1)));
        } else if (op == FMAX) {
          r0 = v128.bitselect(a0, b0, v128.or(f32x4.ge(a0, b0), f32x4.ne(b0, b0)));
          r1 = v128.bitselect(a1, b1, v128.or(f32x4.ge(a1, b1), f32x4.ne(b1, b1)));
        } else {
          r0 = v128.bitselect(a0, b0, v128.or(f32x4.le(a0, b0), f32x4.ne(b0, b0)));
          r1 = v128.bitselect(a1, b1, v128.or(f32x4.le(a1, b1), f32x4.ne(b1, b1)));
        }
      }
      v128.store(o, r0);
      v128.store(o, r1, 16);
      o += 32;
      x += 32;
    }
  }
  for (; j < n; j++) {
    store<T>(o, comb<T>(op, load<T>(o), load<T>(x)));
    o += so;
    x += sx;
  }
}

// four rows added into one contiguous result row: o[j] = (((o[j] + x0[j]) + x1[j]) + x2[j]) + x3[j],
// the additions of four rowOp calls in their order, with one load/store of o per four rows
// @ts-ignore: decorator
@inline function rowAdd4<T>(n: i32, x: usize, rs: isize, o: usize): void {
  const z = <usize>sizeof<T>();
  let j = 0;
  for (; j + 32 / <i32>z <= n; j += 32 / <i32>z) {
    let a0 = v128.load(o);
    let a1 = v128.load(o, 16);
    for (let k = 0; k < 4; k++) {
      const q = x + <isize>k * rs;
      if (sizeof<T>() == 8) {
        a0 = f64x2.add(a0, v128.load(q));
        a1 = f64x2.add(a1, v128.load(q, 16));
      } else {
        a0 = f32x4.add(a0, v128.load(q));
        a1 = f32x4.add(a1, v128.load(q, 16));
      }
    }
    v128.store(o, a0);
    v128.store(o, a1, 16);
    o += 32;
    x += 32;
  }
  for (; j < n; j++) {
    let a = load<T>(o);
    for (let k = 0; k < 4; k++) a += load<T>(x + <isize>k * rs);
    store<T>(o, a);
    o += z;
    x += z;
  }
}

// @ts-ignore: decorator
@inline function red2<T>(op: i32, n0: i32, n1: i32, ip: usize, is0: isize, is1: isize, o: usize, os0: isize, os1: isize): void {
  let i = 0;
  if (op == ADD && isFloat<T>() && os0 == 0 && os1 == sizeof<T>() && is1 == sizeof<T>()) {
    // an axis-0 sum of a contiguous block: four rows per pass over the result row
    for (; i + 4 <= n0; i += 4) {
      rowAdd4<T>(n1, ip, is0, o);
      ip += is0 * 4;
    }
  }
  for (; i < n0; i++) {
    if (os1 == 0) store<T>(o, fold<T>(op, load<T>(o), ip, n1, is1));
    else rowOp<T>(op, n1, ip, is1, o, os1);
    ip += is0;
    o += os0;
  }
}

type R = void;
export function red_add_float64(n0: i32, n1: i32, ip: usize, is0: isize, is1: isize, o: usize, os0: isize, os1: isize): R { red2<f64>(ADD, n0, n1, ip, is0, is1, o, os0, os1); }
export function red_add_float32(n0: i32, n1: i32, ip: usize, is0: isize, is1: isize, o: usize, os0: isize, os1: isize): R { red2<f32>(ADD, n0, n1, ip, is0, is1, o, os0, os1); }
export function red_add_int64(n0: i32, n1: i32, ip: usize, is0: isize, is1: isize, o: usize, os0: isize, os1: isize): R { red2<i64>(ADD, n0, n1, ip, is0, is1, o, os0, os1); }
export function red_add_int32(n0: i32, n1: i32, ip: usize, is0: isize, is1: isize, o: usize, os0: isize, os1: isize): R { red2<i32>(ADD, n0, n1, ip, is0, is1, o, os0, os1); }
export function red_add_int16(n0: i32, n1: i32, ip: usize, is0: isize, is1: isize, o: usize, os0: isize, os1: isize): R { red2<i16>(ADD, n0, n1, ip, is0, is1, o, os0, os1); }
export function red_add_int8(n0: i32, n1: i32, ip: usize, is0: isize, is1: isize, o: usize, os0: isize, os1: isize): R { red2<i8>(ADD, n0, n1, ip, is0, is1, o, os0, os1); }
export function red_multiply_float64(n0: i32, n1: i32, ip: usize, is0: isize, is1: isize, o: usize, os0: isize, os1: isize): R { red2<f64>(MUL, n0, n1, ip, is0, is1, o, os0, os1); }
export function red_multiply_float32(n0: i32, n1: i32, ip: usize, is0: isize, is1: isize, o: usize, os0: isize, os1: isize): R { red2<f32>(MUL, n0, n1, ip, is0, is1, o, os0, os1); }
export function red_multiply_int64(n0: i32, n1: i32, ip: usize, is0: isize, is1: isize, o: usize, os0: isize, os1: isize): R { red2<i64>(MUL, n0, n1, ip, is0, is1, o, os0, os1); }
export function red_multiply_int32(n0: i32, n1: i32, ip: usize, is0: isize, is1: isize, o: usize, os0: isize, os1: isize): R { red2<i32>(MUL, n0, n1, ip, is0, is1, o, os0, os1); }
export function red_multiply_int16(n0: i32, n1: i32, ip: usize, is0: isize, is1: isize, o: usize, os0: isize, os1: isize): R { red2<i16>(MUL, n0, n1, ip, is0, is1, o, os0, os1); }
export function red_multiply_int8(n0: i32, n1: i32, ip: usize, is0: isize, is1: isize, o: usize, os0: isize, os1: isize): R { red2<i8>(MUL, n0, n1, ip, is0, is1, o, os0, os1); }
export function red_maximum_float64(n0: i32, n1: i32, ip: usize, is0: isize, is1: isize, o: usize, os0: isize, os1: isize): R { red2<f64>(MAX, n0, n1, ip, is0, is1, o, os0, os1); }
export function red_maximum_float32(n0: i32, n1: i32, ip: usize, is0: isize, is1: isize, o: usize, os0: isize, os1: isize): R { red2<f32>(MAX, n0, n1, ip, is0, is1, o, os0, os1); }
export function red_minimum_float64(n0: i32, n1: i32, ip: usize, is0: isize, is1: isize, o: usize, os0: isize, os1: isize): R { red2<f64>(MIN, n0, n1, ip, is0, is1, o, os0, os1); }
export function red_minimum_float32(n0: i32, n1: i32, ip: usize, is0: isize, is1: isize, o: usize, os0: isize, os1: isize): R { red2<f32>(MIN, n0, n1, ip, is0, is1, o, os0, os1); }
export function red_fmax_float64(n0: i32, n1: i32, ip: usize, is0: isize, is1: isize, o: usize, os0: isize, os1: isize): R { red2<f64>(FMAX, n0, n1, ip, is0, is1, o, os0, os1); }
export function red_fmax_float32(n0: i32, n1: i32, ip: usize, is0: isize, is1: isize, o: usize, os0: isize, os1: isize): R { red2<f32>(FMAX, n0, n1, ip, is0, is1, o, os0, os1); }
export function red_fmin_float64(n0: i32, n1: i32, ip: usize, is0: isize, is1: isize, o: usize, os0: isize, os1: isize): R { red2<f64>(FMIN, n0, n1, ip, is0, is1, o, os0, os1); }
export function red_fmin_float32(n0: i32, n1: i32, ip: usize, is0: isize, is1: isize, o: usize, os0: isize, os1: isize): R { red2<f32>(FMIN, n0, n1, ip, is0, is1, o, os0, os1); }
export function red_maximum_int64(n0: i32, n1: i32, ip: usize, is0: isize, is1: isize, o: usize, os0: isize, os1: isize): R { red2<i64>(MAX, n0, n1, ip, is0, is1, o, os0, os1); }
export function red_maximum_uint64(n0: i32, n1: i32, ip: usize, is0: isize, is1: isize, o: usize, os0: isize, os1: isize): R { red2<u64>(MAX, n0, n1, ip, is0, is1, o, os0, os1); }
export function red_maximum_int32(n0: i32, n1: i32, ip: usize, is0: isize, is1: isize, o: usize, os0: isize, os1: isize): R { red2<i32>(MAX, n0, n1, ip, is0, is1, o, os0, os1); }
export function red_maximum_uint32(n0: i32, n1: i32, ip: usize, is0: isize, is1: isize, o: usize, os0: isize, os1: isize): R { red2<u32>(MAX, n0, n1, ip, is0, is1, o, os0, os1); }
export function red_maximum_int16(n0: i32, n1: i32, ip: usize, is0: isize, is1: isize, o: usize, os0: isize, os1: isize): R { red2<i16>(MAX, n0, n1, ip, is0, is1, o, os0, os1); }
export function red_maximum_uint16(n0: i32, n1: i32, ip: usize, is0: isize, is1: isize, o: usize, os0: isize, os1: isize): R { red2<u16>(MAX, n0, n1, ip, is0, is1, o, os0, os1); }
export function red_maximum_int8(n0: i32, n1: i32, ip: usize, is0: isize, is1: isize, o: usize, os0: isize, os1: isize): R { red2<i8>(MAX, n0, n1, ip, is0, is1, o, os0, os1); }
export function red_maximum_uint8(n0: i32, n1: i32, ip: usize, is0: isize, is1: isize, o: usize, os0: isize, os1: isize): R { red2<u8>(MAX, n0, n1, ip, is0, is1, o, os0, os1); }
export function red_minimum_int64(n0: i32, n1: i32, ip: usize, is0: isize, is1: isize, o: usize, os0: isize, os1: isize): R { red2<i64>(MIN, n0, n1, ip, is0, is1, o, os0, os1); }
export function red_minimum_uint64(n0: i32, n1: i32, ip: usize, is0: isize, is1: isize, o: usize, os0: isize, os1: isize): R { red2<u64>(MIN, n0, n1, ip, is0, is1, o, os0, os1); }
export function red_minimum_int32(n0: i32, n1: i32, ip: usize, is0: isize, is1: isize, o: usize, os0: isize, os1: isize): R { red2<i32>(MIN, n0, n1, ip, is0, is1, o, os0, os1); }
export function red_minimum_uint32(n0: i32, n1: i32, ip: usize, is0: isize, is1: isize, o: usize, os0: isize, os1: isize): R { red2<u32>(MIN, n0, n1, ip, is0, is1, o, os0, os1); }
export function red_minimum_int16(n0: i32, n1: i32, ip: usize, is0: isize, is1: isize, o: usize, os0: isize, os1: isize): R { red2<i16>(MIN, n0, n1, ip, is0, is1, o, os0, os1); }
export function red_minimum_uint16(n0: i32, n1: i32, ip: usize, is0: isize, is1: isize, o: usize, os0: isize, os1: isize): R { red2<u16>(MIN, n0, n1, ip, is0, is1, o, os0, os1); }
export function red_minimum_int8(n0: i32, n1: i32, ip: usize, is0: isize, is1: isize, o: usize, os0: isize, os1: isize): R { red2<i8>(MIN, n0, n1, ip, is0, is1, o, os0, os1); }
export function red_minimum_uint8(n0: i32, n1: i32, ip: usize, is0: isize, is1: isize, o: usize, os0: isize, os1: isize): R { red2<u8>(MIN, n0, n1, ip, is0, is1, o, os0, os1); }

// logical_and / logical_or of any input dtype into bool results: x != 0 (NaN is true, -0 false)
// @ts-ignore: decorator
@inline function logical2<T>(isAnd: bool, n0: i32, n1: i32, ip: usize, is0: isize, is1: isize, o: usize, os0: isize, os1: isize): void {
  for (let i = 0; i < n0; i++) {
    if (os1 == 0) {
      let acc = load<u8>(o);
      let p = ip;
      if (is1 == sizeof<T>() && n1 >= 64 && (isAnd ? acc != 0 : acc == 0)) {
        // contiguous: 64 bytes per step, stop at the first deciding block (the answer is the
        // same as the element loop's: it only asks whether some element is (non)zero)
        const e = ip + (<usize>(n1 & ~63)) * sizeof<T>();
        let hit = false;
        while (p < e && !hit) {
          for (let k: usize = 0; k < sizeof<T>() * 64; k += 64) {
            const a = v128.load(p + k);
            const b = v128.load(p + k, 16);
            const c = v128.load(p + k, 32);
            const d = v128.load(p + k, 48);
            let nz0: v128, nz1: v128, nz2: v128, nz3: v128;
            if (isFloat<T>() && sizeof<T>() == 8) {
              const z = f64x2.splat(0);
              nz0 = f64x2.ne(a, z); nz1 = f64x2.ne(b, z); nz2 = f64x2.ne(c, z); nz3 = f64x2.ne(d, z);
            } else if (isFloat<T>()) {
              const z = f32x4.splat(0);
              nz0 = f32x4.ne(a, z); nz1 = f32x4.ne(b, z); nz2 = f32x4.ne(c, z); nz3 = f32x4.ne(d, z);
            } else if (sizeof<T>() == 8) {
              const z = i64x2.splat(0);
              nz0 = i64x2.ne(a, z); nz1 = i64x2.ne(b, z); nz2 = i64x2.ne(c, z); nz3 = i64x2.ne(d, z);
            } else if (sizeof<T>() == 4) {
              const z = i32x4.splat(0);
              nz0 = i32x4.ne(a, z); nz1 = i32x4.ne(b, z); nz2 = i32x4.ne(c, z); nz3 = i32x4.ne(d, z);
            } else if (sizeof<T>() == 2) {
              const z = i16x8.splat(0);
              nz0 = i16x8.ne(a, z); nz1 = i16x8.ne(b, z); nz2 = i16x8.ne(c, z); nz3 = i16x8.ne(d, z);
            } else {
              const z = i8x16.splat(0);
              nz0 = i8x16.ne(a, z); nz1 = i8x16.ne(b, z); nz2 = i8x16.ne(c, z); nz3 = i8x16.ne(d, z);
            }
            if (isAnd) {
              // a zero element decides all()
              if (!i8x16.all_true(v128.and(v128.and(nz0, nz1), v128.and(nz2, nz3)))) hit = true;
            } else if (v128.any_true(v128.or(v128.or(nz0, nz1), v128.or(nz2, nz3)))) hit = true;
          }
          p += sizeof<T>() * 64;
        }
        if (hit) acc = isAnd ? 0 : 1;
        else {
          // the tail
          const e2 = ip + <usize>n1 * sizeof<T>();
          while (p < e2) {
            const nz = load<T>(p) != 0;
            if (isAnd ? !nz : nz) {
              acc = isAnd ? 0 : 1;
              break;
            }
            p += sizeof<T>();
          }
        }
        store<u8>(o, acc);
        ip += is0;
        o += os0;
        continue;
      }
      if (isAnd) {
        if (acc) {
          for (let j = 0; j < n1; j++) {
            if (load<T>(p) == 0) {
              acc = 0;
              break;
            }
            p += is1;
          }
        }
      } else if (!acc) {
        for (let j = 0; j < n1; j++) {
          if (load<T>(p) != 0) {
            acc = 1;
            break;
          }
          p += is1;
        }
      }
      store<u8>(o, acc);
    } else {
      let p = ip;
      let q = o;
      for (let j = 0; j < n1; j++) {
        const t: u8 = load<T>(p) != 0 ? 1 : 0;
        const a = load<u8>(q);
        store<u8>(q, isAnd ? (a != 0 && t != 0 ? 1 : 0) : a != 0 || t != 0 ? 1 : 0);
        p += is1;
        q += os1;
      }
    }
    ip += is0;
    o += os0;
  }
}
export function red_logical_and_float64(n0: i32, n1: i32, ip: usize, is0: isize, is1: isize, o: usize, os0: isize, os1: isize): R { logical2<f64>(true, n0, n1, ip, is0, is1, o, os0, os1); }
export function red_logical_and_float32(n0: i32, n1: i32, ip: usize, is0: isize, is1: isize, o: usize, os0: isize, os1: isize): R { logical2<f32>(true, n0, n1, ip, is0, is1, o, os0, os1); }
export function red_logical_and_8(n0: i32, n1: i32, ip: usize, is0: isize, is1: isize, o: usize, os0: isize, os1: isize): R { logical2<u64>(true, n0, n1, ip, is0, is1, o, os0, os1); }
export function red_logical_and_4(n0: i32, n1: i32, ip: usize, is0: isize, is1: isize, o: usize, os0: isize, os1: isize): R { logical2<u32>(true, n0, n1, ip, is0, is1, o, os0, os1); }
export function red_logical_and_2(n0: i32, n1: i32, ip: usize, is0: isize, is1: isize, o: usize, os0: isize, os1: isize): R { logical2<u16>(true, n0, n1, ip, is0, is1, o, os0, os1); }
export function red_logical_and_1(n0: i32, n1: i32, ip: usize, is0: isize, is1: isize, o: usize, os0: isize, os1: isize): R { logical2<u8>(true, n0, n1, ip, is0, is1, o, os0, os1); }
export function red_logical_or_float64(n0: i32, n1: i32, ip: usize, is0: isize, is1: isize, o: usize, os0: isize, os1: isize): R { logical2<f64>(false, n0, n1, ip, is0, is1, o, os0, os1); }
export function red_logical_or_float32(n0: i32, n1: i32, ip: usize, is0: isize, is1: isize, o: usize, os0: isize, os1: isize): R { logical2<f32>(false, n0, n1, ip, is0, is1, o, os0, os1); }
export function red_logical_or_8(n0: i32, n1: i32, ip: usize, is0: isize, is1: isize, o: usize, os0: isize, os1: isize): R { logical2<u64>(false, n0, n1, ip, is0, is1, o, os0, os1); }
export function red_logical_or_4(n0: i32, n1: i32, ip: usize, is0: isize, is1: isize, o: usize, os0: isize, os1: isize): R { logical2<u32>(false, n0, n1, ip, is0, is1, o, os0, os1); }
export function red_logical_or_2(n0: i32, n1: i32, ip: usize, is0: isize, is1: isize, o: usize, os0: isize, os1: isize): R { logical2<u16>(false, n0, n1, ip, is0, is1, o, os0, os1); }
export function red_logical_or_1(n0: i32, n1: i32, ip: usize, is0: isize, is1: isize, o: usize, os0: isize, os1: isize): R { logical2<u8>(false, n0, n1, ip, is0, is1, o, os0, os1); }

// ---------------------------------------------------------------------------------------------
// argmax / argmin (first occurrence; the first NaN wins)

// the TS twin's scan of one lane
// @ts-ignore: decorator
@inline function argScalar<T>(isMax: bool, p: usize, n: i32, s: isize): i64 {
  let best = 0;
  let bv = load<T>(p);
  if (isFloat<T>() && bv != bv) return 0;
  let q = p + s;
  for (let j = 1; j < n; j++) {
    const v = load<T>(q);
    if (isFloat<T>() && v != v) return j;
    if (isMax ? v > bv : v < bv) {
      bv = v;
      best = j;
    }
    q += s;
  }
  return best;
}

// the max/min of a vector's lanes (no NaN among them)
// @ts-ignore: decorator
@inline function laneExtreme<T>(isMax: bool, v: v128): T {
  if (sizeof<T>() == 8) {
    const x = f64x2.extract_lane(v, 0);
    const y = f64x2.extract_lane(v, 1);
    return <T>(isMax ? (y > x ? y : x) : y < x ? y : x);
  }
  let r = f32x4.extract_lane(v, 0);
  for (let k = 1; k < 4; k++) {
    const y = k == 1 ? f32x4.extract_lane(v, 1) : k == 2 ? f32x4.extract_lane(v, 2) : f32x4.extract_lane(v, 3);
    if (isMax ? y > r : y < r) r = y;
  }
  return <T>r;
}

// contiguous float lane: blocks of 32768 elements, each reduced with SIMD to the extremes of its
// four quarters (pmax/pmin skip NaN; a NaN block answers NaN); the first quarter holding the
// overall extreme (strictly better than all before it) or the block with the first NaN is then
// scanned again for its first index. The scan's answer (strict comparisons keep the first of equal values, ±0
// included; the first NaN wins) in one pass over memory plus one block.
// @ts-ignore: decorator
@inline function argC<T>(isMax: bool, p: usize, n: i32): i64 {
  if (n < 32) return argScalar<T>(isMax, p, n, sizeof<T>());
  const BLK = 32768;
  const op = isMax ? MAX : MIN;
  const init: T = <T>(isMax ? -Infinity : Infinity);
  let m: T = init;
  let bp = p;
  let left = n;
  let q0 = p;
  while (left > 0) {
    const len = left < BLK ? left : BLK;
    if (len == BLK) {
      // a whole block: its four quarters read side by side, the extreme of each kept apart, so
      // only the winning quarter (BLK / 4 elements) is scanned again
      const qb = <usize>(BLK / 4) * sizeof<T>();
      const iv: v128 = sizeof<T>() == 8 ? f64x2.splat(<f64>init) : f32x4.splat(<f32>init);
      let a0 = iv;
      let a1 = iv;
      let a2 = iv;
      let a3 = iv;
      let bad = i64x2.splat(0);
      const qe = q0 + qb;
      for (let q = q0; q < qe; q += 16) {
        const x0 = v128.load(q);
        const x1 = v128.load(q + qb);
        const x2 = v128.load(q + 2 * qb);
        const x3 = v128.load(q + 3 * qb);
        if (sizeof<T>() == 8) {
          a0 = ext64(isMax, a0, x0);
          a1 = ext64(isMax, a1, x1);
          a2 = ext64(isMax, a2, x2);
          a3 = ext64(isMax, a3, x3);
          bad = nan4_64(bad, x0, x1, x2, x3);
        } else {
          a0 = ext32(isMax, a0, x0);
          a1 = ext32(isMax, a1, x1);
          a2 = ext32(isMax, a2, x2);
          a3 = ext32(isMax, a3, x3);
          bad = nan4_32(bad, x0, x1, x2, x3);
        }
      }
      if (v128.any_true(bad)) {
        // the first NaN is in this block (none before it)
        m = <T>NaN;
        bp = q0;
        break;
      }
      for (let k = 0; k < 4; k++) {
        const av = k == 0 ? a0 : k == 1 ? a1 : k == 2 ? a2 : a3;
        const qm = laneExtreme<T>(isMax, av);
        if ((q0 == p && k == 0) || (isMax ? qm > m : qm < m)) {
          m = qm;
          bp = q0 + <usize>k * qb;
        }
      }
    } else {
      const bm = sizeof<T>() == 8 ? <T>foldExtreme64(op, <f64>init, q0, len) : <T>foldExtreme32(op, <f32>init, q0, len);
      if (bm != bm) {
        m = bm;
        bp = q0;
        break;
      }
      if (q0 == p || (isMax ? bm > m : bm < m)) {
        m = bm;
        bp = q0;
      }
    }
    q0 += <usize>len * sizeof<T>();
    left -= len;
  }
  // scan the chosen block (to the lane's end at most) for m's first index (or the first NaN)
  const z = <usize>sizeof<T>();
  const e = p + <usize>n * z;
  const e8 = bp + (((e - bp) / z) & ~7) * z;
  let q = bp;
  if (m != m) {
    while (q < e8) {
      let hit: v128;
      if (sizeof<T>() == 8) {
        const x0 = v128.load(q);
        const x1 = v128.load(q, 16);
        const x2 = v128.load(q, 32);
        const x3 = v128.load(q, 48);
        hit = v128.or(v128.or(f64x2.ne(x0, x0), f64x2.ne(x1, x1)), v128.or(f64x2.ne(x2, x2), f64x2.ne(x3, x3)));
      } else {
        const x0 = v128.load(q);
        const x1 = v128.load(q, 16);
        hit = v128.or(f32x4.ne(x0, x0), f32x4.ne(x1, x1));
      }
      if (v128.any_true(hit)) break;
      q += 8 * z;
    }
    while (q < e) {
      const x = load<T>(q);
      if (x != x) break;
      q += z;
    }
    return <i64>((q - p) / z);
  }
  if (sizeof<T>() == 8) {
    const mv = f64x2.splat(<f64>m);
    while (q < e8) {
      const hit = v128.or(
        v128.or(f64x2.eq(v128.load(q), mv), f64x2.eq(v128.load(q, 16), mv)),
        v128.or(f64x2.eq(v128.load(q, 32), mv), f64x2.eq(v128.load(q, 48), mv)),
      );
      if (v128.any_true(hit)) break;
      q += 64;
    }
  } else {
    const mv = f32x4.splat(<f32>m);
    while (q < e8) {
      const hit = v128.or(f32x4.eq(v128.load(q), mv), f32x4.eq(v128.load(q, 16), mv));
      if (v128.any_true(hit)) break;
      q += 32;
    }
  }
  while (q < e) {
    if (load<T>(q) == m) break;
    q += z;
  }
  return <i64>((q - p) / z);
}

// lanes contiguous (is0 == itemsize), the reduced axis strided: rows at a time, the running
// best value of each lane in `scratch` (n0 values)
// @ts-ignore: decorator
@inline function argRows<T>(isMax: bool, n0: i32, n1: i32, ip: usize, is1: isize, o: usize, os0: isize, scratch: usize): void {
  const z = <usize>sizeof<T>();
  // row 0
  let oq = o;
  for (let i = 0; i < n0; i++) {
    const v = load<T>(ip + <usize>i * z);
    store<T>(scratch + <usize>i * z, v);
    // a NaN start is final: mark with index 0 (and keep NaN as the best; comparisons with NaN fail)
    store<i64>(oq, 0);
    oq += os0;
  }
  for (let j = 1; j < n1; j++) {
    const row = ip + <isize>j * is1;
    let i = 0;
    if (sizeof<T>() == 8 && isFloat<T>() && os0 == 8) {
      // two lanes per vector, four vectors per step; stores only where a lane improves
      const jv = i64x2.splat(j);
      for (; i + 8 <= n0; i += 8) {
        const sp = scratch + <usize>i * 8;
        const rp = row + <usize>i * 8;
        const b0 = v128.load(sp);
        const b1 = v128.load(sp, 16);
        const b2 = v128.load(sp, 32);
        const b3 = v128.load(sp, 48);
        const v0 = v128.load(rp);
        const v1 = v128.load(rp, 16);
        const v2 = v128.load(rp, 32);
        const v3 = v128.load(rp, 48);
        // (v beats b or v is NaN) and b is not NaN
        const u0 = v128.and(f64x2.eq(b0, b0), v128.or(isMax ? f64x2.gt(v0, b0) : f64x2.lt(v0, b0), f64x2.ne(v0, v0)));
        const u1 = v128.and(f64x2.eq(b1, b1), v128.or(isMax ? f64x2.gt(v1, b1) : f64x2.lt(v1, b1), f64x2.ne(v1, v1)));
        const u2 = v128.and(f64x2.eq(b2, b2), v128.or(isMax ? f64x2.gt(v2, b2) : f64x2.lt(v2, b2), f64x2.ne(v2, v2)));
        const u3 = v128.and(f64x2.eq(b3, b3), v128.or(isMax ? f64x2.gt(v3, b3) : f64x2.lt(v3, b3), f64x2.ne(v3, v3)));
        if (v128.any_true(v128.or(v128.or(u0, u1), v128.or(u2, u3)))) {
          const op = o + <usize>i * 8;
          v128.store(sp, v128.bitselect(v0, b0, u0));
          v128.store(sp, v128.bitselect(v1, b1, u1), 16);
          v128.store(sp, v128.bitselect(v2, b2, u2), 32);
          v128.store(sp, v128.bitselect(v3, b3, u3), 48);
          v128.store(op, v128.bitselect(jv, v128.load(op), u0));
          v128.store(op, v128.bitselect(jv, v128.load(op, 16), u1), 16);
          v128.store(op, v128.bitselect(jv, v128.load(op, 32), u2), 32);
          v128.store(op, v128.bitselect(jv, v128.load(op, 48), u3), 48);
        }
      }
    }
    oq = o + <isize>i * os0;
    for (; i < n0; i++) {
      const b = load<T>(scratch + <usize>i * z);
      const v = load<T>(row + <usize>i * z);
      if (isFloat<T>()) {
        // NaN best: final. NaN v: new best (final). Else strict comparison.
        if (b == b && (v != v || (isMax ? v > b : v < b))) {
          store<T>(scratch + <usize>i * z, v);
          store<i64>(oq, j);
        }
      } else if (isMax ? v > b : v < b) {
        store<T>(scratch + <usize>i * z, v);
        store<i64>(oq, j);
      }
      oq += os0;
    }
  }
}

// @ts-ignore: decorator
@inline function arg2<T>(isMax: bool, n0: i32, n1: i32, ip: usize, is0: isize, is1: isize, o: usize, os0: isize, scratch: usize): void {
  const z = <isize>sizeof<T>();
  if (scratch != 0 && n0 > 1 && is0 == z && (is1 > z * 4 || is1 < -z * 4)) {
    argRows<T>(isMax, n0, n1, ip, is1, o, os0, scratch);
    return;
  }
  for (let i = 0; i < n0; i++) {
    let r: i64;
    if (isFloat<T>() && is1 == sizeof<T>()) r = argC<T>(isMax, ip, n1);
    else r = argScalar<T>(isMax, ip, n1, is1);
    store<i64>(o, r);
    ip += is0;
    o += os0;
  }
}

export function arg_max_float64(n0: i32, n1: i32, ip: usize, is0: isize, is1: isize, o: usize, os0: isize, scratch: usize): void { arg2<f64>(true, n0, n1, ip, is0, is1, o, os0, scratch); }
export function arg_min_float64(n0: i32, n1: i32, ip: usize, is0: isize, is1: isize, o: usize, os0: isize, scratch: usize): void { arg2<f64>(false, n0, n1, ip, is0, is1, o, os0, scratch); }
export function arg_max_float32(n0: i32, n1: i32, ip: usize, is0: isize, is1: isize, o: usize, os0: isize, scratch: usize): void { arg2<f32>(true, n0, n1, ip, is0, is1, o, os0, scratch); }
export function arg_min_float32(n0: i32, n1: i32, ip: usize, is0: isize, is1: isize, o: usize, os0: isize, scratch: usize): void { arg2<f32>(false, n0, n1, ip, is0, is1, o, os0, scratch); }
export function arg_max_int64(n0: i32, n1: i32, ip: usize, is0: isize, is1: isize, o: usize, os0: isize, scratch: usize): void { arg2<i64>(true, n0, n1, ip, is0, is1, o, os0, scratch); }
export function arg_min_int64(n0: i32, n1: i32, ip: usize, is0: isize, is1: isize, o: usize, os0: isize, scratch: usize): void { arg2<i64>(false, n0, n1, ip, is0, is1, o, os0, scratch); }
export function arg_max_uint64(n0: i32, n1: i32, ip: usize, is0: isize, is1: isize, o: usize, os0: isize, scratch: usize): void { arg2<u64>(true, n0, n1, ip, is0, is1, o, os0, scratch); }
export function arg_min_uint64(n0: i32, n1: i32, ip: usize, is0: isize, is1: isize, o: usize, os0: isize, scratch: usize): void { arg2<u64>(false, n0, n1, ip, is0, is1, o, os0, scratch); }
export function arg_max_int32(n0: i32, n1: i32, ip: usize, is0: isize, is1: isize, o: usize, os0: isize, scratch: usize): void { arg2<i32>(true, n0, n1, ip, is0, is1, o, os0, scratch); }
export function arg_min_int32(n0: i32, n1: i32, ip: usize, is0: isize, is1: isize, o: usize, os0: isize, scratch: usize): void { arg2<i32>(false, n0, n1, ip, is0, is1, o, os0, scratch); }
export function arg_max_uint32(n0: i32, n1: i32, ip: usize, is0: isize, is1: isize, o: usize, os0: isize, scratch: usize): void { arg2<u32>(true, n0, n1, ip, is0, is1, o, os0, scratch); }
export function arg_min_uint32(n0: i32, n1: i32, ip: usize, is0: isize, is1: isize, o: usize, os0: isize, scratch: usize): void { arg2<u32>(false, n0, n1, ip, is0, is1, o, os0, scratch); }
export function arg_max_int16(n0: i32, n1: i32, ip: usize, is0: isize, is1: isize, o: usize, os0: isize, scratch: usize): void { arg2<i16>(true, n0, n1, ip, is0, is1, o, os0, scratch); }
export function arg_min_int16(n0: i32, n1: i32, ip: usize, is0: isize, is1: isize, o: usize, os0: isize, scratch: usize): void { arg2<i16>(false, n0, n1, ip, is0, is1, o, os0, scratch); }
export function arg_max_uint16(n0: i32, n1: i32, ip: usize, is0: isize, is1: isize, o: usize, os0: isize, scratch: usize): void { arg2<u16>(true, n0, n1, ip, is0, is1, o, os0, scratch); }
export function arg_min_uint16(n0: i32, n1: i32, ip: usize, is0: isize, is1: isize, o: usize, os0: isize, scratch: usize): void { arg2<u16>(false, n0, n1, ip, is0, is1, o, os0, scratch); }
export function arg_max_int8(n0: i32, n1: i32, ip: usize, is0: isize, is1: isize, o: usize, os0: isize, scratch: usize): void { arg2<i8>(true, n0, n1, ip, is0, is1, o, os0, scratch); }
export function arg_min_int8(n0: i32, n1: i32, ip: usize, is0: isize, is1: isize, o: usize, os0: isize, scratch: usize): void { arg2<i8>(false, n0, n1, ip, is0, is1, o, os0, scratch); }
export function arg_max_uint8(n0: i32, n1: i32, ip: usize, is0: isize, is1: isize, o: usize, os0: isize, scratch: usize): void { arg2<u8>(true, n0, n1, ip, is0, is1, o, os0, scratch); }
export function arg_min_uint8(n0: i32, n1: i32, ip: usize, is0: isize, is1: isize, o: usize, os0: isize, scratch: usize): void { arg2<u8>(false, n0, n1, ip, is0, is1, o, os0, scratch); }

// ---------------------------------------------------------------------------------------------
// cumsum / cumprod, in place: x[j] = x[j-1] op x[j] along n1 for each of n0 lanes

// @ts-ignore: decorator
@inline function cum2<T>(op: i32, n0: i32, n1: i32, p: usize, s0: isize, s1: isize): void {
  const z = <isize>sizeof<T>();
  if (n0 > 1 && s0 == z) {
    // rows at a time: row j = row j-1 op row j (contiguous, vectorizable)
    for (let j = 1; j < n1; j++) {
      const cur = p + <isize>j * s1;
      rowCum<T>(op, n0, cur - s1, cur);
    }
    return;
  }
  for (let i = 0; i < n0; i++) {
    let q = p + <isize>i * s0;
    let acc = load<T>(q);
    for (let j = 1; j < n1; j++) {
      q += s1;
      acc = op == ADD ? acc + load<T>(q) : acc * load<T>(q);
      store<T>(q, acc);
    }
  }
}

// cur[k] = prev[k] op cur[k], contiguous
// @ts-ignore: decorator
@inline function rowCum<T>(op: i32, n: i32, prev: usize, cur: usize): void {
  let k = 0;
  if (isFloat<T>()) {
    for (; k + 32 / sizeof<T>() <= n; k += 32 / sizeof<T>()) {
      const a0 = v128.load(prev);
      const a1 = v128.load(prev, 16);
      const b0 = v128.load(cur);
      const b1 = v128.load(cur, 16);
      if (sizeof<T>() == 8) {
        v128.store(cur, op == ADD ? f64x2.add(a0, b0) : f64x2.mul(a0, b0));
        v128.store(cur, op == ADD ? f64x2.add(a1, b1) : f64x2.mul(a1, b1), 16);
      } else {
        v128.store(cur, op == ADD ? f32x4.add(a0, b0) : f32x4.mul(a0, b0));
        v128.store(cur, op == ADD ? f32x4.add(a1, b1) : f32x4.mul(a1, b1), 16);
      }
      prev += 32;
      cur += 32;
    }
  }
  for (; k < n; k++) {
    const a = load<T>(prev);
    store<T>(cur, op == ADD ? a + load<T>(cur) : a * load<T>(cur));
    prev += sizeof<T>();
    cur += sizeof<T>();
  }
}

export function cum_add_float64(n0: i32, n1: i32, p: usize, s0: isize, s1: isize): void { cum2<f64>(ADD, n0, n1, p, s0, s1); }
export function cum_add_float32(n0: i32, n1: i32, p: usize, s0: isize, s1: isize): void { cum2<f32>(ADD, n0, n1, p, s0, s1); }
export function cum_add_int64(n0: i32, n1: i32, p: usize, s0: isize, s1: isize): void { cum2<i64>(ADD, n0, n1, p, s0, s1); }
export function cum_add_int32(n0: i32, n1: i32, p: usize, s0: isize, s1: isize): void { cum2<i32>(ADD, n0, n1, p, s0, s1); }
export function cum_add_int16(n0: i32, n1: i32, p: usize, s0: isize, s1: isize): void { cum2<i16>(ADD, n0, n1, p, s0, s1); }
export function cum_add_int8(n0: i32, n1: i32, p: usize, s0: isize, s1: isize): void { cum2<i8>(ADD, n0, n1, p, s0, s1); }
export function cum_multiply_float64(n0: i32, n1: i32, p: usize, s0: isize, s1: isize): void { cum2<f64>(MUL, n0, n1, p, s0, s1); }
export function cum_multiply_float32(n0: i32, n1: i32, p: usize, s0: isize, s1: isize): void { cum2<f32>(MUL, n0, n1, p, s0, s1); }
export function cum_multiply_int64(n0: i32, n1: i32, p: usize, s0: isize, s1: isize): void { cum2<i64>(MUL, n0, n1, p, s0, s1); }
export function cum_multiply_int32(n0: i32, n1: i32, p: usize, s0: isize, s1: isize): void { cum2<i32>(MUL, n0, n1, p, s0, s1); }
export function cum_multiply_int16(n0: i32, n1: i32, p: usize, s0: isize, s1: isize): void { cum2<i16>(MUL, n0, n1, p, s0, s1); }
export function cum_multiply_int8(n0: i32, n1: i32, p: usize, s0: isize, s1: isize): void { cum2<i8>(MUL, n0, n1, p, s0, s1); }

// ---------------------------------------------------------------------------------------------
// whole contiguous float runs: the fast paths of np.max/min/argmax/argmin/var/std (reduce.ts)
// call these once per array and get the scalar back (no output array, no iterator walk).

// maximum/minimum.reduce of a run of n >= 1 elements: red_<op>'s fold started from the first
// element (the reduction copies it into the result before folding the whole run)
export function flat_maximum_float64(p: usize, n: i32): f64 { return fold<f64>(MAX, load<f64>(p), p, n, 8); }
export function flat_minimum_float64(p: usize, n: i32): f64 { return fold<f64>(MIN, load<f64>(p), p, n, 8); }
export function flat_maximum_float32(p: usize, n: i32): f32 { return fold<f32>(MAX, load<f32>(p), p, n, 4); }
export function flat_minimum_float32(p: usize, n: i32): f32 { return fold<f32>(MIN, load<f32>(p), p, n, 4); }

// argmax/argmin of a run of n >= 1 elements (arg_<op>'s lane), as f64 (exact below 2^53)
export function flat_argmax_float64(p: usize, n: i32): f64 { return <f64>argC<f64>(true, p, n); }
export function flat_argmin_float64(p: usize, n: i32): f64 { return <f64>argC<f64>(false, p, n); }
export function flat_argmax_float32(p: usize, n: i32): f64 { return <f64>argC<f32>(true, p, n); }
export function flat_argmin_float32(p: usize, n: i32): f64 { return <f64>argC<f32>(false, p, n); }

// Σ (x - m)² over a run in NumPy's pairwise order: what _var's temporary `x = arr - arrmean;
// x *= x` sums (same subtraction and product per element, same tree), never materialized
export function sumsq_float64(p: usize, n: i32, m: f64): f64 { return pw64sq(f64x2.splat(m), p, n); }
export function sumsq_float32(p: usize, n: i32, m: f32): f32 { return pw32sq(f32x4.splat(m), p, n); }
