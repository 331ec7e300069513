// GEMM C = A·B for float64 and float32 storage (strided operands, byte strides), packed panels,
// a 4×4 register tile (8 f64x2 accumulators) and cache blocking.
//
// The summation order is the TS reference's (src/runtime/gemm.ts gemmFloatTS): for each C[i,j],
// the products of one KC=256 block of p are summed in p order in a register (multiply, then add:
// no FMA), and the block sums are added in order onto an accumulator that starts at 0. So the
// plain-SIMD build is bit-identical to the TS kernel. Float32 inputs are widened to float64 in the
// packed panels and the result is rounded once on store, as the TS kernel does. The relaxed-SIMD
// build (ASC_FEATURE_RELAXED_SIMD) fuses multiply-add: faster, differs in the last bits.
//
// Scratch (packed A, packed B, the MC×NC accumulator) is one region the runtime allocates once at
// load time and passes in: the kernel never allocates.

const MC = 128;
const KC = 256; // must equal the TS kernel's KC (summation order)
const NC = 512;

/** Bytes of scratch gemm_f64 / gemm_f32 need. */
export function gemm_scratch_bytes(): i32 {
  return (MC * KC + KC * NC + MC * NC) * 8;
}

// @ts-ignore: decorator
@inline function madd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f64x2.relaxed_madd(a, b, c);
  return f64x2.add(c, f64x2.mul(a, b));
}

// @ts-ignore: decorator
@inline function ld<T>(p: usize): f64 {
  return <f64>load<T>(p);
}

function packA<T>(ap: usize, A: usize, ars: isize, acs: isize, i0: i32, m: i32, mc: i32, p0: i32, kc: i32): void {
  const mb = (mc + 3) >> 2;
  for (let ib = 0; ib < mb; ib++) {
    const base = ap + <usize>(ib * kc * 4) * 8;
    for (let r = 0; r < 4; r++) {
      const i = i0 + ib * 4 + r;
      let dst = base + <usize>r * 8;
      if (i < m) {
        let q = A + <isize>i * ars + <isize>p0 * acs;
        for (let p = 0; p < kc; p++) {
          store<f64>(dst, ld<T>(q));
          q += acs;
          dst += 32;
        }
      } else {
        for (let p = 0; p < kc; p++) {
          store<f64>(dst, 0);
          dst += 32;
        }
      }
    }
  }
}

function packB<T>(bp: usize, B: usize, brs: isize, bcs: isize, j0: i32, n: i32, nc: i32, p0: i32, kc: i32): void {
  const nb = (nc + 3) >> 2;
  for (let jb = 0; jb < nb; jb++) {
    const base = bp + <usize>(jb * kc * 4) * 8;
    for (let r = 0; r < 4; r++) {
      const j = j0 + jb * 4 + r;
      let dst = base + <usize>r * 8;
      if (j < n) {
        let q = B + <isize>p0 * brs + <isize>j * bcs;
        for (let p = 0; p < kc; p++) {
          store<f64>(dst, ld<T>(q));
          q += brs;
          dst += 32;
        }
      } else {
        for (let p = 0; p < kc; p++) {
          store<f64>(dst, 0);
          dst += 32;
        }
      }
    }
  }
}

/** acc[mc×nc] (row stride nc) += packed A panel × packed B panel. */
function macro(acc: usize, ap: usize, bp: usize, mc: i32, nc: i32, kc: i32): void {
  const mb = (mc + 3) >> 2;
  const nb = (nc + 3) >> 2;
  for (let ib = 0; ib < mb; ib++) {
    const abase = ap + <usize>(ib * kc * 4) * 8;
    const ri = min(4, mc - ib * 4);
    for (let jb = 0; jb < nb; jb++) {
      let pa = abase;
      let pb = bp + <usize>(jb * kc * 4) * 8;
      let c00 = f64x2.splat(0), c02 = f64x2.splat(0);
      let c10 = f64x2.splat(0), c12 = f64x2.splat(0);
      let c20 = f64x2.splat(0), c22 = f64x2.splat(0);
      let c30 = f64x2.splat(0), c32 = f64x2.splat(0);
      let p = 0;
      do {
        const b01 = v128.load(pb);
        const b23 = v128.load(pb, 16);
        let a = v128.load64_splat(pa);
        c00 = madd(a, b01, c00);
        c02 = madd(a, b23, c02);
        a = v128.load64_splat(pa, 8);
        c10 = madd(a, b01, c10);
        c12 = madd(a, b23, c12);
        a = v128.load64_splat(pa, 16);
        c20 = madd(a, b01, c20);
        c22 = madd(a, b23, c22);
        a = v128.load64_splat(pa, 24);
        c30 = madd(a, b01, c30);
        c32 = madd(a, b23, c32);
        pa += 32;
        pb += 32;
      } while (++p < kc);
      const rj = min(4, nc - jb * 4);
      let q = acc + <usize>(ib * 4 * nc + jb * 4) * 8;
      const rs = <usize>nc * 8;
      if (rj == 4) {
        v128.store(q, f64x2.add(v128.load(q), c00));
        v128.store(q, f64x2.add(v128.load(q, 16), c02), 16);
        if (ri > 1) {
          q += rs;
          v128.store(q, f64x2.add(v128.load(q), c10));
          v128.store(q, f64x2.add(v128.load(q, 16), c12), 16);
        }
        if (ri > 2) {
          q += rs;
          v128.store(q, f64x2.add(v128.load(q), c20));
          v128.store(q, f64x2.add(v128.load(q, 16), c22), 16);
        }
        if (ri > 3) {
          q += rs;
          v128.store(q, f64x2.add(v128.load(q), c30));
          v128.store(q, f64x2.add(v128.load(q, 16), c32), 16);
        }
      } else {
        addPartial(q, c00, c02, rj);
        if (ri > 1) addPartial(q + rs, c10, c12, rj);
        if (ri > 2) addPartial(q + 2 * rs, c20, c22, rj);
        if (ri > 3) addPartial(q + 3 * rs, c30, c32, rj);
      }
    }
  }
}

function addPartial(q: usize, lo: v128, hi: v128, rj: i32): void {
  store<f64>(q, load<f64>(q) + f64x2.extract_lane(lo, 0));
  if (rj > 1) store<f64>(q, load<f64>(q, 8) + f64x2.extract_lane(lo, 1), 8);
  if (rj > 2) store<f64>(q, load<f64>(q, 16) + f64x2.extract_lane(hi, 0), 16);
}

function gemm<T>(
  m: i32, n: i32, k: i32,
  A: usize, ars: isize, acs: isize,
  B: usize, brs: isize, bcs: isize,
  C: usize, crs: isize, ccs: isize,
  scratch: usize,
): void {
  const ap = scratch;
  const bp = ap + <usize>(MC * KC) * 8;
  const acc = bp + <usize>(KC * NC) * 8;
  for (let jc = 0; jc < n; jc += NC) {
    const nc = min(NC, n - jc);
    for (let ic = 0; ic < m; ic += MC) {
      const mc = min(MC, m - ic);
      memory.fill(acc, 0, <usize>(mc * nc) * 8);
      for (let pc = 0; pc < k; pc += KC) {
        const kc = min(KC, k - pc);
        packB<T>(bp, B, brs, bcs, jc, n, nc, pc, kc);
        packA<T>(ap, A, ars, acs, ic, m, mc, pc, kc);
        macro(acc, ap, bp, mc, nc, kc);
      }
      for (let i = 0; i < mc; i++) {
        let src = acc + <usize>(i * nc) * 8;
        let dst = C + <isize>(ic + i) * crs + <isize>jc * ccs;
        for (let j = 0; j < nc; j++) {
          store<T>(dst, <T>load<f64>(src));
          src += 8;
          dst += ccs;
        }
      }
    }
  }
}

export function gemm_f64(
  m: i32, n: i32, k: i32,
  A: usize, ars: isize, acs: isize,
  B: usize, brs: isize, bcs: isize,
  C: usize, crs: isize, ccs: isize,
  scratch: usize,
): void {
  gemm<f64>(m, n, k, A, ars, acs, B, brs, bcs, C, crs, ccs, scratch);
}

export function gemm_f32(
  m: i32, n: i32, k: i32,
  A: usize, ars: isize, acs: isize,
  B: usize, brs: isize, bcs: isize,
  C: usize, crs: isize, ccs: isize,
  scratch: usize,
): void {
  gemm<f32>(m, n, k, A, ars, acs, B, brs, bcs, C, crs, ccs, scratch);
}
