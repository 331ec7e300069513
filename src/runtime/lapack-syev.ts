/**
 * The symmetric eigensolver NumPy's `eigh` runs (LAPACK dsyevd → dsytrd + dstedc), ported so that
 * eigenvector SIGNS match NumPy, not only the values: Householder tridiagonalization as dsytd2
 * (UPLO='L'; UPLO='U' through the index reversal that maps one variant onto the other), Q as
 * dorgtr/dorg2r, and the implicit QL/QR iteration of dsteqr with dlaev2 for 2×2 blocks, new-style
 * dlartg rotations and dsteqr's selection sort. dstedc calls dsteqr for n ≤ 25 (SMLSIZ); above that
 * LAPACK uses divide and conquer, whose eigenvector signs this port does not reproduce.
 *
 * Indices inside the ports are 1-based, as in the Fortran, to keep them checkable line by line.
 */
import { dlartg, sign } from './lapack-util';

const EPS = 1.1102230246251565e-16; // dlamch('E'): 2^-53
const EPS2 = EPS * EPS;
const SAFMIN = 2.2250738585072014e-308;
const MAXIT = 30;

/** dlaev2: eigensystem of [[a, b], [b, c]] → rt1 (larger |·|), rt2, (cs1, sn1) the rt1 eigenvector. */
function dlaev2(a: number, b: number, c: number): [number, number, number, number] {
  const sm = a + c;
  const df = a - c;
  const adf = Math.abs(df);
  const tb = b + b;
  const ab = Math.abs(tb);
  let acmx: number;
  let acmn: number;
  if (Math.abs(a) > Math.abs(c)) {
    acmx = a;
    acmn = c;
  } else {
    acmx = c;
    acmn = a;
  }
  let rt: number;
  if (adf > ab) rt = adf * Math.sqrt(1 + (ab / adf) ** 2);
  else if (adf < ab) rt = ab * Math.sqrt(1 + (adf / ab) ** 2);
  else rt = ab * Math.SQRT2;
  let rt1: number;
  let rt2: number;
  let sgn1: number;
  if (sm < 0) {
    rt1 = 0.5 * (sm - rt);
    sgn1 = -1;
    rt2 = (acmx / rt1) * acmn - (b / rt1) * b;
  } else if (sm > 0) {
    rt1 = 0.5 * (sm + rt);
    sgn1 = 1;
    rt2 = (acmx / rt1) * acmn - (b / rt1) * b;
  } else {
    rt1 = 0.5 * rt;
    rt2 = -0.5 * rt;
    sgn1 = 1;
  }
  let cs: number;
  let sgn2: number;
  if (df >= 0) {
    cs = df + rt;
    sgn2 = 1;
  } else {
    cs = df - rt;
    sgn2 = -1;
  }
  let cs1: number;
  let sn1: number;
  if (Math.abs(cs) > ab) {
    const ct = -tb / cs;
    sn1 = 1 / Math.sqrt(1 + ct * ct);
    cs1 = ct * sn1;
  } else if (ab === 0) {
    cs1 = 1;
    sn1 = 0;
  } else {
    const tn = -cs / tb;
    cs1 = 1 / Math.sqrt(1 + tn * tn);
    sn1 = tn * cs1;
  }
  if (sgn1 === sgn2) {
    const tn = cs1;
    cs1 = -sn1;
    sn1 = tn;
  }
  return [rt1, rt2, cs1, sn1];
}

/**
 * dlasr('R', 'V', direct, n, mm, c, s, Z(:, col0)): applies plane rotations to columns
 * col0 … col0+mm-1 of the n×n row-major Z (1-based `col0`; c, s read from `cs[off + j]`).
 */
function dlasrRV(
  forward: boolean,
  n: number,
  mm: number,
  c: Float64Array,
  s: Float64Array,
  off: number,
  z: Float64Array,
  col0: number,
): void {
  const rot = (j: number): void => {
    const ct = c[off + j]!;
    const st = s[off + j]!;
    if (ct === 1 && st === 0) return;
    const cj = col0 - 1 + j - 1; // 0-based column of A(:, j)
    for (let i = 0; i < n; i++) {
      const temp = z[i * n + cj + 1]!;
      z[i * n + cj + 1] = ct * temp - st * z[i * n + cj]!;
      z[i * n + cj] = st * temp + ct * z[i * n + cj]!;
    }
  };
  if (forward) for (let j = 1; j <= mm - 1; j++) rot(j);
  else for (let j = mm - 1; j >= 1; j--) rot(j);
}

/**
 * dsteqr with COMPZ='I' (z = identity on entry, n×n row-major) or without vectors (z null).
 * d[1..n], e[1..n-1] (1-based; index 0 unused). Returns false when it did not converge.
 */
function dsteqr(n: number, d: Float64Array, e: Float64Array, z: Float64Array | null): boolean {
  const icompz = z === null ? 0 : 1;
  if (n <= 1) return true;
  const workC = new Float64Array(n + 1);
  const workS = new Float64Array(n + 1);
  const nmaxit = n * MAXIT;
  let jtot = 0;
  let l1 = 1;
  const nm1 = n - 1;
  for (;;) {
    // label 10
    if (l1 > n) break;
    if (l1 > 1) e[l1 - 1] = 0;
    let m = n;
    if (l1 <= nm1) {
      let found = false;
      for (m = l1; m <= nm1; m++) {
        const tst = Math.abs(e[m]!);
        if (tst === 0) {
          found = true;
          break;
        }
        if (tst <= Math.sqrt(Math.abs(d[m]!)) * Math.sqrt(Math.abs(d[m + 1]!)) * EPS) {
          e[m] = 0;
          found = true;
          break;
        }
      }
      if (!found) m = n;
    }
    let l = l1;
    const lsv = l;
    let lend = m;
    const lendsv = lend;
    l1 = m + 1;
    if (lend === l) continue;
    // (scaling of tiny/huge blocks omitted: only matters near under/overflow)
    let anorm = 0;
    for (let i = l; i <= lend; i++) anorm = Math.max(anorm, Math.abs(d[i]!));
    for (let i = l; i < lend; i++) anorm = Math.max(anorm, Math.abs(e[i]!));
    if (anorm === 0) continue;
    if (Math.abs(d[lend]!) < Math.abs(d[l]!)) {
      lend = lsv;
      l = lendsv;
    }
    if (lend > l) {
      // QL iteration
      for (;;) {
        // label 40
        let mm: number;
        if (l !== lend) {
          for (mm = l; mm <= lend - 1; mm++) {
            const tst = Math.abs(e[mm]!) ** 2;
            if (tst <= EPS2 * Math.abs(d[mm]!) * Math.abs(d[mm + 1]!) + SAFMIN) break;
          }
          if (mm > lend - 1) mm = lend;
        } else mm = lend;
        m = mm;
        if (m < lend) e[m] = 0;
        let p = d[l]!;
        if (m === l) {
          // eigenvalue found (label 80)
          d[l] = p;
          l = l + 1;
          if (l <= lend) continue;
          break;
        }
        if (m === l + 1) {
          const [rt1, rt2, c, s] = dlaev2(d[l]!, e[l]!, d[l + 1]!);
          if (icompz > 0) {
            workC[l] = c;
            workS[l] = s;
            dlasrRV(false, n, 2, workC, workS, l - 1, z as Float64Array, l);
          }
          d[l] = rt1;
          d[l + 1] = rt2;
          e[l] = 0;
          l = l + 2;
          if (l <= lend) continue;
          break;
        }
        if (jtot === nmaxit) break;
        jtot++;
        // form shift
        let g = (d[l + 1]! - p) / (2 * e[l]!);
        let r = Math.hypot(g, 1);
        g = d[m]! - p + e[l]! / (g + sign(r, g));
        let s = 1;
        let c = 1;
        p = 0;
        for (let i = m - 1; i >= l; i--) {
          const f = s * e[i]!;
          const b = c * e[i]!;
          [c, s, r] = dlartg(g, f);
          if (i !== m - 1) e[i + 1] = r;
          g = d[i + 1]! - p;
          r = (d[i]! - g) * s + 2 * c * b;
          p = s * r;
          d[i + 1] = g + p;
          g = c * r - b;
          if (icompz > 0) {
            workC[i] = c;
            workS[i] = -s;
          }
        }
        if (icompz > 0) dlasrRV(false, n, m - l + 1, workC, workS, l - 1, z as Float64Array, l);
        d[l] = d[l]! - p;
        e[l] = g;
      }
    } else {
      // QR iteration
      for (;;) {
        // label 90
        let mm: number;
        if (l !== lend) {
          for (mm = l; mm >= lend + 1; mm--) {
            const tst = Math.abs(e[mm - 1]!) ** 2;
            if (tst <= EPS2 * Math.abs(d[mm]!) * Math.abs(d[mm - 1]!) + SAFMIN) break;
          }
          if (mm < lend + 1) mm = lend;
        } else mm = lend;
        m = mm;
        if (m > lend) e[m - 1] = 0;
        let p = d[l]!;
        if (m === l) {
          // label 130
          d[l] = p;
          l = l - 1;
          if (l >= lend) continue;
          break;
        }
        if (m === l - 1) {
          const [rt1, rt2, c, s] = dlaev2(d[l - 1]!, e[l - 1]!, d[l]!);
          if (icompz > 0) {
            workC[m] = c;
            workS[m] = s;
            dlasrRV(true, n, 2, workC, workS, m - 1, z as Float64Array, l - 1);
          }
          d[l - 1] = rt1;
          d[l] = rt2;
          e[l - 1] = 0;
          l = l - 2;
          if (l >= lend) continue;
          break;
        }
        if (jtot === nmaxit) break;
        jtot++;
        let g = (d[l - 1]! - p) / (2 * e[l - 1]!);
        let r = Math.hypot(g, 1);
        g = d[m]! - p + e[l - 1]! / (g + sign(r, g));
        let s = 1;
        let c = 1;
        p = 0;
        for (let i = m; i <= l - 1; i++) {
          const f = s * e[i]!;
          const b = c * e[i]!;
          [c, s, r] = dlartg(g, f);
          if (i !== m) e[i - 1] = r;
          g = d[i]! - p;
          r = (d[i + 1]! - g) * s + 2 * c * b;
          p = s * r;
          d[i] = g + p;
          g = c * r - b;
          if (icompz > 0) {
            workC[i] = c;
            workS[i] = s;
          }
        }
        if (icompz > 0) dlasrRV(true, n, l - m + 1, workC, workS, m - 1, z as Float64Array, m);
        d[l] = d[l]! - p;
        e[l - 1] = g;
      }
    }
    // label 140
    if (jtot >= nmaxit) {
      for (let i = 1; i <= n - 1; i++) if (e[i] !== 0) return false;
      break;
    }
  }
  // selection sort (vectors) / ascending order
  for (let ii = 2; ii <= n; ii++) {
    const i = ii - 1;
    let k = i;
    let p = d[i]!;
    for (let j = ii; j <= n; j++) {
      if (d[j]! < p) {
        k = j;
        p = d[j]!;
      }
    }
    if (k !== i) {
      d[k] = d[i]!;
      d[i] = p;
      if (z !== null) {
        for (let r = 0; r < n; r++) {
          const t = z[r * n + i - 1]!;
          z[r * n + i - 1] = z[r * n + k - 1]!;
          z[r * n + k - 1] = t;
        }
      }
    }
  }
  return true;
}

/**
 * dsytd2 (UPLO='L') on the lower triangle of B (n×n row-major, overwritten): returns the
 * tridiagonal (d, e; 1-based) and Q (n×n row-major) with B = Q·T·Qᵀ (Q from dorgtr).
 */
function tridiagLower(
  B: Float64Array,
  n: number,
  wantQ: boolean,
): { d: Float64Array; e: Float64Array; q: Float64Array | null } {
  const A = (i: number, j: number): number => B[(i - 1) * n + (j - 1)]!;
  const set = (i: number, j: number, v: number): void => {
    B[(i - 1) * n + (j - 1)] = v;
  };
  const d = new Float64Array(n + 1);
  const e = new Float64Array(n + 1);
  const taus = new Float64Array(n + 1);
  const y = new Float64Array(n + 1);
  for (let i = 1; i <= n - 1; i++) {
    // dlarfg(n-i, A(i+1,i), A(i+2:n, i))
    const alpha = A(i + 1, i);
    let xnorm = 0;
    for (let k = i + 2; k <= n; k++) xnorm = Math.hypot(xnorm, A(k, i));
    let taui = 0;
    if (xnorm !== 0) {
      const beta = -sign(Math.hypot(alpha, xnorm), alpha);
      taui = (beta - alpha) / beta;
      const scal = 1 / (alpha - beta);
      for (let k = i + 2; k <= n; k++) set(k, i, A(k, i) * scal);
      set(i + 1, i, beta);
    }
    e[i] = A(i + 1, i);
    if (taui !== 0) {
      set(i + 1, i, 1);
      const m = n - i; // size of the trailing block, rows/cols i+1..n
      // dsymv lower: y := taui · A22 · v
      for (let k = 1; k <= m; k++) y[k] = 0;
      for (let j = 1; j <= m; j++) {
        const temp1 = taui * A(i + j, i);
        let temp2 = 0;
        y[j] = y[j]! + temp1 * A(i + j, i + j);
        for (let k = j + 1; k <= m; k++) {
          y[k] = y[k]! + temp1 * A(i + k, i + j);
          temp2 += A(i + k, i + j) * A(i + k, i);
        }
        y[j] = y[j]! + taui * temp2;
      }
      let dot = 0;
      for (let k = 1; k <= m; k++) dot += y[k]! * A(i + k, i);
      const alpha2 = -0.5 * taui * dot;
      for (let k = 1; k <= m; k++) y[k] = y[k]! + alpha2 * A(i + k, i);
      // dsyr2 lower: A22 := A22 - v·yᵀ - y·vᵀ
      for (let j = 1; j <= m; j++) {
        const xj = A(i + j, i);
        const yj = y[j]!;
        if (xj !== 0 || yj !== 0) {
          const temp1 = -yj;
          const temp2 = -xj;
          for (let k = j; k <= m; k++)
            set(i + k, i + j, A(i + k, i + j) + A(i + k, i) * temp1 + y[k]! * temp2);
        }
      }
      set(i + 1, i, e[i]!);
    }
    d[i] = A(i, i);
    taus[i] = taui;
  }
  d[n] = A(n, n);
  if (!wantQ) return { d, e, q: null };
  // dorgtr (lower): Q = diag(1, H(1)·…·H(n-1)), reflector i has v = [1, A(i+2:n, i)] on rows i+1..n
  const q = new Float64Array(n * n);
  for (let i = 0; i < n; i++) q[i * n + i] = 1;
  for (let i = n - 1; i >= 1; i--) {
    const tau = taus[i]!;
    if (tau === 0) continue;
    const v = (r: number): number => (r === i + 1 ? 1 : A(r, i)); // r in i+1..n
    for (let c = i + 1; c <= n; c++) {
      let w = 0;
      for (let r = i + 1; r <= n; r++) w += v(r) * q[(r - 1) * n + (c - 1)]!;
      w *= tau;
      if (w === 0) continue;
      for (let r = i + 1; r <= n; r++)
        q[(r - 1) * n + (c - 1)] = q[(r - 1) * n + (c - 1)]! - w * v(r);
    }
  }
  return { d, e, q };
}

/**
 * Eigen-decomposition of the symmetric matrix whose `uplo` triangle is in `a` (n×n row-major), as
 * LAPACK's dsyevd: ascending eigenvalues `w`, eigenvectors as the columns of `v` (row-major).
 * Returns null when the QL/QR iteration does not converge.
 */
export function syevd(
  a: Float64Array,
  n: number,
  uplo: 'L' | 'U',
  wantVectors: boolean,
): { w: Float64Array; v: Float64Array } | null {
  if (n === 0) return { w: new Float64Array(0), v: new Float64Array(0) };
  if (n === 1) return { w: Float64Array.of(a[0]!), v: Float64Array.of(1) };
  // UPLO='U' is UPLO='L' on the index-reversed matrix (P·A·P, P the reversal permutation)
  const B = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      B[i * n + j] = uplo === 'L' ? a[i * n + j]! : a[(n - 1 - i) * n + (n - 1 - j)]!;
    }
  }
  const t = tridiagLower(B, n, wantVectors);
  let d = t.d;
  let e = t.e;
  let q = t.q;
  if (uplo === 'U') {
    const d2 = new Float64Array(n + 1);
    const e2 = new Float64Array(n + 1);
    for (let k = 1; k <= n; k++) d2[k] = d[n + 1 - k]!;
    for (let k = 1; k <= n - 1; k++) e2[k] = e[n - k]!;
    d = d2;
    e = e2;
    if (q !== null) {
      const q2 = new Float64Array(n * n);
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) q2[i * n + j] = q[(n - 1 - i) * n + (n - 1 - j)]!;
      q = q2;
    }
  }
  let z: Float64Array | null = null;
  if (wantVectors) {
    z = new Float64Array(n * n);
    for (let i = 0; i < n; i++) z[i * n + i] = 1;
  }
  if (!dsteqr(n, d, e, z)) return null;
  const w = d.slice(1);
  if (!wantVectors) return { w, v: new Float64Array(0) };
  // V = Q·Z
  const v = new Float64Array(n * n);
  const Q = q as Float64Array;
  const Z = z as Float64Array;
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++) {
      const qik = Q[i * n + k]!;
      if (qik === 0) continue;
      for (let j = 0; j < n; j++) v[i * n + j] = v[i * n + j]! + qik * Z[k * n + j]!;
    }
  }
  return { w, v };
}
