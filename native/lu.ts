// LU with partial pivoting in place on a row-major n×n float64 matrix, the exact operations of
// the TS reference (src/runtime/linalg.ts luFactor, LAPACK getrf's unblocked order): first
// maximal |pivot|, whole-row swaps, multipliers scaled by 1/pivot, and the rank-1 update
// lu[i,j] -= lu[i,k]·lu[k,j] skipped where lu[k,j] == 0 (as BLAS dger). Every element sees the
// same operations in the same k order, so the result is bit-identical; the update runs row-wise
// (i outer, j inner, f64x2) instead of column-wise. Returns bit 0: a zero pivot was met,
// bit 1: odd number of swaps. piv (i32 × n) receives the pivot rows.
//
// From n ≥ 64 the same operations run blocked (right-looking, panels of NB columns): the panel's
// steps update only the panel's columns; then the panel rows' trailing part (U12) gets its
// updates row by row, and the trailing matrix (A22) gets the panel's NB updates with each 4×4
// tile held in registers — every element still sees lu[i,j] -= lu[i,k]·lu[k,j] for the same k in
// the same order (row swaps only permute rows, which are at the same stage), so the result stays
// bit-identical to the unblocked TS reference while the trailing matrix is read once per panel
// instead of once per k. Zero entries of U12 (and zero pivots, whose steps are skipped) take a
// path that checks every step, as above.

function lu_unblocked(a: usize, n: i32, piv: usize): i32 {
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

const NB = 24;

/**
 * lu[i,j] -= lu[i,k]·lu[k,j] for rows [r0, r1), columns [c0, c1), k in [k0, k1) in order; skipped
 * where lu[k,j] == 0 (as dger) or the pivot lu[k,k] == 0 (a skipped step).
 */
function updateChecked(a: usize, n: i32, r0: i32, r1: i32, c0: i32, c1: i32, k0: i32, k1: i32): void {
  const rs = <usize>n * 8;
  const zero = f64x2.splat(0);
  for (let k = k0; k < k1; k++) {
    const rowk = a + <usize>k * rs;
    if (load<f64>(rowk + <usize>k * 8) == 0) continue; // a zero pivot: step k was skipped
    for (let i = r0; i < r1; i++) {
      const rowi = a + <usize>i * rs;
      const l = load<f64>(rowi + <usize>k * 8);
      const lv = f64x2.splat(l);
      let j = c0;
      for (; j + 2 <= c1; j += 2) {
        const u = v128.load(rowk + <usize>j * 8);
        const x = v128.load(rowi + <usize>j * 8);
        v128.store(rowi + <usize>j * 8, v128.bitselect(x, f64x2.sub(x, f64x2.mul(lv, u)), f64x2.eq(u, zero)));
      }
      for (; j < c1; j++) {
        const u = load<f64>(rowk + <usize>j * 8);
        if (u != 0) store<f64>(rowi + <usize>j * 8, load<f64>(rowi + <usize>j * 8) - l * u);
      }
    }
  }
}

/** As updateChecked where no lu[k,j] (j ≥ c0) and no pivot lu[k,k] is zero: 4×4 register tiles. */
function updateTiled(a: usize, n: i32, r0: i32, r1: i32, c0: i32, k0: i32, k1: i32): void {
  const rs = <usize>n * 8;
  let i = r0;
  for (; i + 4 <= r1; i += 4) {
    const row0 = a + <usize>i * rs;
    let j = c0;
    for (; j + 4 <= n; j += 4) {
      let q = row0 + <usize>j * 8;
      let c00 = v128.load(q), c01 = v128.load(q, 16);
      q += rs;
      let c10 = v128.load(q), c11 = v128.load(q, 16);
      q += rs;
      let c20 = v128.load(q), c21 = v128.load(q, 16);
      q += rs;
      let c30 = v128.load(q), c31 = v128.load(q, 16);
      let pu = a + <usize>k0 * rs + <usize>j * 8;
      let pl = row0 + <usize>k0 * 8;
      for (let k = k0; k < k1; k++) {
        const u0 = v128.load(pu);
        const u1 = v128.load(pu, 16);
        let l = v128.load64_splat(pl);
        c00 = f64x2.sub(c00, f64x2.mul(l, u0));
        c01 = f64x2.sub(c01, f64x2.mul(l, u1));
        l = v128.load64_splat(pl + rs);
        c10 = f64x2.sub(c10, f64x2.mul(l, u0));
        c11 = f64x2.sub(c11, f64x2.mul(l, u1));
        l = v128.load64_splat(pl + 2 * rs);
        c20 = f64x2.sub(c20, f64x2.mul(l, u0));
        c21 = f64x2.sub(c21, f64x2.mul(l, u1));
        l = v128.load64_splat(pl + 3 * rs);
        c30 = f64x2.sub(c30, f64x2.mul(l, u0));
        c31 = f64x2.sub(c31, f64x2.mul(l, u1));
        pu += rs;
        pl += 8;
      }
      q = row0 + <usize>j * 8;
      v128.store(q, c00);
      v128.store(q, c01, 16);
      q += rs;
      v128.store(q, c10);
      v128.store(q, c11, 16);
      q += rs;
      v128.store(q, c20);
      v128.store(q, c21, 16);
      q += rs;
      v128.store(q, c30);
      v128.store(q, c31, 16);
    }
    for (; j < n; j++) {
      for (let r = 0; r < 4; r++) {
        const rowi = row0 + <usize>r * rs;
        let c = load<f64>(rowi + <usize>j * 8);
        for (let k = k0; k < k1; k++) c = c - load<f64>(rowi + <usize>k * 8) * load<f64>(a + <usize>k * rs + <usize>j * 8);
        store<f64>(rowi + <usize>j * 8, c);
      }
    }
  }
  for (; i < r1; i++) {
    const rowi = a + <usize>i * rs;
    for (let j = c0; j < n; j++) {
      let c = load<f64>(rowi + <usize>j * 8);
      for (let k = k0; k < k1; k++) c = c - load<f64>(rowi + <usize>k * 8) * load<f64>(a + <usize>k * rs + <usize>j * 8);
      store<f64>(rowi + <usize>j * 8, c);
    }
  }
}

export function lu_factor(a: usize, n: i32, piv: usize): i32 {
  if (n < 64) return lu_unblocked(a, n, piv);
  const rs = <usize>n * 8;
  let flags = 0;
  for (let k0 = 0; k0 < n; k0 += NB) {
    const k1 = min(n, k0 + NB);
    // the panel: steps k0..k1-1 on columns [k0, k1) (whole-row swaps)
    for (let k = k0; k < k1; k++) {
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
      updateChecked(a, n, k + 1, n, k + 1, k1, k, k + 1);
    }
    if (k1 >= n) break;
    // U12: each panel row gets the earlier panel rows' updates, in k order
    for (let r = k0 + 1; r < k1; r++) updateChecked(a, n, r, r + 1, k1, n, k0, r);
    // A22: the panel's k1-k0 updates at once
    let exact = true;
    for (let k = k0; k < k1 && exact; k++) {
      const rowk = a + <usize>k * rs;
      if (load<f64>(rowk + <usize>k * 8) == 0) exact = false;
      for (let j = k1; j < n && exact; j++) if (load<f64>(rowk + <usize>j * 8) == 0) exact = false;
    }
    if (exact) updateTiled(a, n, k1, n, k1, k0, k1);
    else updateChecked(a, n, k1, n, k1, n, k0, k1);
  }
  return flags;
}
