// LU with partial pivoting in place on a row-major n×n float64 matrix, the exact operations of
// the TS reference (src/runtime/linalg.ts luFactor, LAPACK getrf's unblocked order): first
// maximal |pivot|, whole-row swaps, multipliers scaled by 1/pivot, and the rank-1 update
// lu[i,j] -= lu[i,k]·lu[k,j] skipped where lu[k,j] == 0 (as BLAS dger). Every element sees the
// same operations in the same k order, so the result is bit-identical; the update runs row-wise
// (i outer, j inner, f64x2) instead of column-wise. Returns bit 0: a zero pivot was met,
// bit 1: odd number of swaps. piv (i32 × n) receives the pivot rows.

export function lu_factor(a: usize, n: i32, piv: usize): i32 {
  const rs = <usize>n * 8;
  let flags = 0;
  for (let k = 0; k < n; k++) {
    const colk = a + <usize>k * 8;
    let p = k;
    let mx = abs<f64>(load<f64>(colk + <usize>k * rs));
    for (let i = k + 1; i < n; i++) {
      const v = abs<f64>(load<f64>(colk + <usize>i * rs));
      if (v > mx) {
        mx = v;
        p = i;
      }
    }
    store<i32>(piv + <usize>k * 4, p);
    const rowk = a + <usize>k * rs;
    if (p != k) {
      flags ^= 2;
      const rowp = a + <usize>p * rs;
      for (let j = 0; j < n; j++) {
        const t = load<f64>(rowk + <usize>j * 8);
        store<f64>(rowk + <usize>j * 8, load<f64>(rowp + <usize>j * 8));
        store<f64>(rowp + <usize>j * 8, t);
      }
    }
    const pivot = load<f64>(rowk + <usize>k * 8);
    if (pivot == 0) {
      flags |= 1;
      continue;
    }
    const r = 1 / pivot;
    for (let i = k + 1; i < n; i++) {
      const q = colk + <usize>i * rs;
      store<f64>(q, load<f64>(q) * r);
    }
    const zero = f64x2.splat(0);
    for (let i = k + 1; i < n; i++) {
      const rowi = a + <usize>i * rs;
      const l = load<f64>(rowi + <usize>k * 8);
      const lv = f64x2.splat(l);
      let j = k + 1;
      for (; j + 2 <= n; j += 2) {
        const u = v128.load(rowk + <usize>j * 8);
        const x = v128.load(rowi + <usize>j * 8);
        const y = f64x2.sub(x, f64x2.mul(lv, u));
        v128.store(rowi + <usize>j * 8, v128.bitselect(x, y, f64x2.eq(u, zero)));
      }
      for (; j < n; j++) {
        const u = load<f64>(rowk + <usize>j * 8);
        if (u != 0) store<f64>(rowi + <usize>j * 8, load<f64>(rowi + <usize>j * 8) - l * u);
      }
    }
  }
  return flags;
}
