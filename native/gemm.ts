// GEMM C = A·B for float64 and float32 storage (strided operands, byte strides): packed panels,
// register tiles (float64: 4×4, 8 f64x2 accumulators; float32: 4×8, 8 f32x4 accumulators) and
// cache blocking (MC 64 rows of A × KC 512 × NC 512 columns of B; the KC×NC panel of B is packed
// once per (jc, pc) and reused by every MC block, the 4×KC micro-panel of B stays in L1). Before
// each MC×NC block of C is updated its cache lines are swept once (touchC), so the tile updates
// hit L2 instead of stalling on memory; a row-major B (or transposed A) is packed 16 p at a time
// across all panels with 16-byte copies.
//
// Why 4×4 (float64) and not a 12-accumulator tile: V8 (x64) hoists a loop body's loads to its top,
// so accumulators + B vectors + A splats must fit the 15 allocatable xmm registers (xmm15 is its
// scratch) — 8 + 2 + 4 = 14; 6×4 tiles (12 + 2 + 6) spill in every unrolled copy holding the loop's
// stack check and ran 10–20% slower (measured; 3×6 tiles, 9 accumulators, fit but were no faster).
// The micro-kernel alone runs at ~90% of the 2-port f64x2 FMA peak (see bench/RESULTS.md).
//
// The summation order is the TS reference's (src/runtime/gemm.ts gemmFloatTS / gemmFloat32TS):
// for each C[i,j], the products of one KC=512 block of p are summed in p order in a register
// (multiply, then add: no FMA), and the block sums are added in order onto C, which starts as
// 0 + the first block's sum. float32 computes every product and sum in float32 (as NumPy's sgemm),
// float64 in float64. So the plain-SIMD build is bit-identical to the TS kernels. The relaxed-SIMD
// build (ASC_FEATURE_RELAXED_SIMD) fuses multiply-add: faster, differs in the last bits.
//
// Scratch (packed A block, packed B panel, a spill tile for edge tiles) is one region per thread
// the runtime allocates once and passes in: the kernel never allocates. Calls on disjoint row
// ranges of C (each with its own scratch) may run concurrently on a shared memory.

const MC = 64;
const KC = 512; // must equal the TS kernels' KC (summation order)
const NC = 512;

/** Bytes of scratch gemm_f64 / gemm_f32 need. */
export function gemm_scratch_bytes(): i32 {
  return (MC * KC + KC * NC) * 8 + 256;
}

// @ts-ignore: decorator
@inline function madd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f64x2.relaxed_madd(a, b, c);
  return f64x2.add(c, f64x2.mul(a, b));
}

// @ts-ignore: decorator
@inline function madd32(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, c);
  return f32x4.add(c, f32x4.mul(a, b));
}

/**
 * Packs rows r0..r0+nr of X (row stride rs, p stride cs; rows ≥ `rows` are zero) for p in
 * p0..p0+kc into panels of R rows: panel b holds, for each p, its R values contiguously.
 */
// @ts-ignore: decorator
@inline function pack<T>(dst0: usize, X: usize, rs: isize, cs: isize, r0: i32, rows: i32, nr: i32, p0: i32, kc: i32, R: i32): void {
  const nb = (nr + R - 1) / R;
  const z = <usize>sizeof<T>();
  const step = <usize>R * z;
  const pstride = <usize>(kc * R) * z; // bytes between panels
  let ib = 0;
  if (rs == <isize>z && (step & 15) == 0) {
    // the R values of a panel at one p are contiguous in X (B row-major, A transposed): copy them
    // 16 bytes at a time, 16 p at once across all whole panels (each line of X read once, runs of
    // 16·R values written)
    const full = min(nb, (rows - r0) / R);
    for (let pb = 0; pb < kc; pb += 16) {
      const pe = min(16, kc - pb);
      let src = X + <isize>r0 * rs + <isize>(p0 + pb) * cs;
      let dst = dst0 + <usize>pb * step;
      for (let b = 0; b < full; b++) {
        let q = src;
        let d = dst;
        for (let p = 0; p < pe; p++) {
          for (let o: usize = 0; o < step; o += 16) v128.store(d + o, v128.load(q + o));
          q += cs;
          d += step;
        }
        src += <isize>step;
        dst += pstride;
      }
    }
    ib = full;
  }
  for (; ib < nb; ib++) {
    const base = dst0 + <usize>ib * pstride;
    for (let r = 0; r < R; r++) {
      const i = r0 + ib * R + r;
      let dst = base + <usize>r * z;
      if (i < rows) {
        let q = X + <isize>i * rs + <isize>p0 * cs;
        for (let p = 0; p < kc; p++) {
          store<T>(dst, load<T>(q));
          q += cs;
          dst += step;
        }
      } else {
        for (let p = 0; p < kc; p++) {
          store<T>(dst, <T>0);
          dst += step;
        }
      }
    }
  }
}

/** C[0:mc, 0:nc] (+)= packed A block × packed B panel (`first`: C = 0 + product). */
function macro64(C: usize, crs: isize, ccs: isize, first: bool, ap: usize, bp: usize, mc: i32, nc: i32, kc: i32, tile: usize): void {
  const mb = (mc + 3) >> 2;
  const nb = (nc + 3) >> 2;
  const zero = f64x2.splat(0);
  for (let jb = 0; jb < nb; jb++) {
    const bbase = bp + <usize>(jb * kc * 4) * 8;
    const rj = min(4, nc - jb * 4);
    for (let ib = 0; ib < mb; ib++) {
      let pa = ap + <usize>(ib * kc * 4) * 8;
      let pb = bbase;
      let c00 = zero, c01 = zero, c10 = zero, c11 = zero;
      let c20 = zero, c21 = zero, c30 = zero, c31 = zero;
      let p = kc;
      do {
        const b0 = v128.load(pb);
        const b1 = v128.load(pb, 16);
        let a = v128.load64_splat(pa);
        c00 = madd(a, b0, c00);
        c01 = madd(a, b1, c01);
        a = v128.load64_splat(pa, 8);
        c10 = madd(a, b0, c10);
        c11 = madd(a, b1, c11);
        a = v128.load64_splat(pa, 16);
        c20 = madd(a, b0, c20);
        c21 = madd(a, b1, c21);
        a = v128.load64_splat(pa, 24);
        c30 = madd(a, b0, c30);
        c31 = madd(a, b1, c31);
        pa += 32;
        pb += 32;
      } while (--p);
      const ri = min(4, mc - ib * 4);
      let q = C + <isize>(ib * 4) * crs + <isize>(jb * 4) * ccs;
      if (ri == 4 && rj == 4 && ccs == 8) {
        v128.store(q, f64x2.add(first ? zero : v128.load(q), c00));
        v128.store(q, f64x2.add(first ? zero : v128.load(q, 16), c01), 16);
        q += crs;
        v128.store(q, f64x2.add(first ? zero : v128.load(q), c10));
        v128.store(q, f64x2.add(first ? zero : v128.load(q, 16), c11), 16);
        q += crs;
        v128.store(q, f64x2.add(first ? zero : v128.load(q), c20));
        v128.store(q, f64x2.add(first ? zero : v128.load(q, 16), c21), 16);
        q += crs;
        v128.store(q, f64x2.add(first ? zero : v128.load(q), c30));
        v128.store(q, f64x2.add(first ? zero : v128.load(q, 16), c31), 16);
      } else {
        v128.store(tile, c00);
        v128.store(tile, c01, 16);
        v128.store(tile, c10, 32);
        v128.store(tile, c11, 48);
        v128.store(tile, c20, 64);
        v128.store(tile, c21, 80);
        v128.store(tile, c30, 96);
        v128.store(tile, c31, 112);
        for (let r = 0; r < ri; r++) {
          for (let s = 0; s < rj; s++) {
            const d = q + <isize>r * crs + <isize>s * ccs;
            store<f64>(d, (first ? 0 : load<f64>(d)) + load<f64>(tile + <usize>(r * 4 + s) * 8));
          }
        }
      }
    }
  }
}

/** float32: 4×8 tiles (two f32x4 per row), everything in float32. */
function macro32(C: usize, crs: isize, ccs: isize, first: bool, ap: usize, bp: usize, mc: i32, nc: i32, kc: i32, tile: usize): void {
  const mb = (mc + 3) >> 2;
  const nb = (nc + 7) >> 3;
  const zero = f32x4.splat(0);
  for (let jb = 0; jb < nb; jb++) {
    const bbase = bp + <usize>(jb * kc * 8) * 4;
    const rj = min(8, nc - jb * 8);
    for (let ib = 0; ib < mb; ib++) {
      let pa = ap + <usize>(ib * kc * 4) * 4;
      let pb = bbase;
      let c00 = zero, c01 = zero, c10 = zero, c11 = zero;
      let c20 = zero, c21 = zero, c30 = zero, c31 = zero;
      let p = kc;
      do {
        const b0 = v128.load(pb);
        const b1 = v128.load(pb, 16);
        let a = v128.load32_splat(pa);
        c00 = madd32(a, b0, c00);
        c01 = madd32(a, b1, c01);
        a = v128.load32_splat(pa, 4);
        c10 = madd32(a, b0, c10);
        c11 = madd32(a, b1, c11);
        a = v128.load32_splat(pa, 8);
        c20 = madd32(a, b0, c20);
        c21 = madd32(a, b1, c21);
        a = v128.load32_splat(pa, 12);
        c30 = madd32(a, b0, c30);
        c31 = madd32(a, b1, c31);
        pa += 16;
        pb += 32;
      } while (--p);
      const ri = min(4, mc - ib * 4);
      let q = C + <isize>(ib * 4) * crs + <isize>(jb * 8) * ccs;
      if (ri == 4 && rj == 8 && ccs == 4) {
        v128.store(q, f32x4.add(first ? zero : v128.load(q), c00));
        v128.store(q, f32x4.add(first ? zero : v128.load(q, 16), c01), 16);
        q += crs;
        v128.store(q, f32x4.add(first ? zero : v128.load(q), c10));
        v128.store(q, f32x4.add(first ? zero : v128.load(q, 16), c11), 16);
        q += crs;
        v128.store(q, f32x4.add(first ? zero : v128.load(q), c20));
        v128.store(q, f32x4.add(first ? zero : v128.load(q, 16), c21), 16);
        q += crs;
        v128.store(q, f32x4.add(first ? zero : v128.load(q), c30));
        v128.store(q, f32x4.add(first ? zero : v128.load(q, 16), c31), 16);
      } else {
        v128.store(tile, c00);
        v128.store(tile, c01, 16);
        v128.store(tile, c10, 32);
        v128.store(tile, c11, 48);
        v128.store(tile, c20, 64);
        v128.store(tile, c21, 80);
        v128.store(tile, c30, 96);
        v128.store(tile, c31, 112);
        for (let r = 0; r < ri; r++) {
          for (let s = 0; s < rj; s++) {
            const d = q + <isize>r * crs + <isize>s * ccs;
            store<f32>(d, (first ? <f32>0 : load<f32>(d)) + load<f32>(tile + <usize>(r * 8 + s) * 4));
          }
        }
      }
    }
  }
}


/**
 * Reads one word of every cache line of C's mc×nc block (C row-major: `ccs` = itemsize `z`) so
 * that the block's tile updates hit L2: a tile's loads of C that miss to memory stall retirement
 * for hundreds of cycles each, while this sequential sweep overlaps its misses (a few µs per
 * block of ~1 ms of arithmetic). The xor of the words is returned so the loads are kept.
 */
function touchC(C: usize, crs: isize, ccs: isize, mc: i32, nc: i32, z: i32): i64 {
  let x: i64 = 0;
  if (ccs != <isize>z || nc * z < 8) return x;
  const last = <usize>(nc * z - 8); // the row's last 8 bytes
  for (let r = 0; r < mc; r++) {
    const row = C + <isize>r * crs;
    for (let o: usize = 0; o < last; o += 64) x ^= load<i64>(row + o);
    x ^= load<i64>(row + last);
  }
  return x;
}

export function gemm_f64(
  m: i32, n: i32, k: i32,
  A: usize, ars: isize, acs: isize,
  B: usize, brs: isize, bcs: isize,
  C: usize, crs: isize, ccs: isize,
  scratch: usize,
): void {
  const ap = scratch;
  const bp = ap + <usize>(MC * KC) * 8;
  const tile = bp + <usize>(KC * NC) * 8;
  for (let jc = 0; jc < n; jc += NC) {
    const nc = min(NC, n - jc);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = min(KC, k - pc);
      pack<f64>(bp, B, bcs, brs, jc, n, nc, pc, kc, 4);
      for (let ic = 0; ic < m; ic += MC) {
        const mc = min(MC, m - ic);
        pack<f64>(ap, A, ars, acs, ic, m, mc, pc, kc, 4);
        const c = C + <isize>ic * crs + <isize>jc * ccs;
        store<i64>(tile, touchC(c, crs, ccs, mc, nc, 8));
        macro64(c, crs, ccs, pc == 0, ap, bp, mc, nc, kc, tile);
      }
    }
  }
}

export function gemm_f32(
  m: i32, n: i32, k: i32,
  A: usize, ars: isize, acs: isize,
  B: usize, brs: isize, bcs: isize,
  C: usize, crs: isize, ccs: isize,
  scratch: usize,
): void {
  const ap = scratch;
  const bp = ap + <usize>(MC * KC) * 8;
  const tile = bp + <usize>(KC * NC) * 8;
  for (let jc = 0; jc < n; jc += NC) {
    const nc = min(NC, n - jc);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = min(KC, k - pc);
      pack<f32>(bp, B, bcs, brs, jc, n, nc, pc, kc, 8);
      for (let ic = 0; ic < m; ic += MC) {
        const mc = min(MC, m - ic);
        pack<f32>(ap, A, ars, acs, ic, m, mc, pc, kc, 4);
        const c = C + <isize>ic * crs + <isize>jc * ccs;
        store<i64>(tile, touchC(c, crs, ccs, mc, nc, 4));
        macro32(c, crs, ccs, pc == 0, ap, bp, mc, nc, kc, tile);
      }
    }
  }
}
