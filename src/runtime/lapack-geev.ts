/**
 * The real nonsymmetric eigensolver NumPy's `eig`/`eigvals` run (LAPACK dgeev), ported so that the
 * ORDER of the eigenvalues and the SIGNS of the eigenvectors match NumPy: balancing (dgebal 'B',
 * LAPACK 3.12 form), Householder Hessenberg reduction (dgehd2) and its Q (dorghr), the double-shift
 * QR iteration dlahqr (what dhseqr uses below n = 75) with dlanv2 standardization of 2×2 blocks,
 * right eigenvectors of the Schur form by back substitution (dtrevc3, 1×1 blocks), back-transform,
 * dgebak and dgeev's unit-norm scaling.
 *
 * Only real spectra are supported (ndscope has no complex dtype): a complex pair is reported with
 * `complex: true` and the caller raises. Indices are 1-based, as in the Fortran.
 */
import { sign } from './lapack-util';

const SAFMIN = 2.2250738585072014e-308;
const ULP = 2.220446049250313e-16; // dlamch('P')
const SCLFAC = 2;
const FACTOR = 0.95;

class Mat {
  constructor(
    readonly n: number,
    readonly a: Float64Array,
  ) {}
  g(i: number, j: number): number {
    return this.a[(i - 1) * this.n + (j - 1)]!;
  }
  s(i: number, j: number, v: number): void {
    this.a[(i - 1) * this.n + (j - 1)] = v;
  }
}

/** dgebal('B'): permutations isolating eigenvalues, then power-of-2 scaling. */
function dgebal(A: Mat): { ilo: number; ihi: number; scale: Float64Array } {
  const n = A.n;
  const scale = new Float64Array(n + 1);
  const swapCols = (c1: number, c2: number, rows: number): void => {
    for (let r = 1; r <= rows; r++) {
      const t = A.g(r, c1);
      A.s(r, c1, A.g(r, c2));
      A.s(r, c2, t);
    }
  };
  const swapRows = (r1: number, r2: number, from: number): void => {
    for (let c = from; c <= n; c++) {
      const t = A.g(r1, c);
      A.s(r1, c, A.g(r2, c));
      A.s(r2, c, t);
    }
  };
  let k = 1;
  let l = n;
  let noconv = true;
  while (noconv) {
    noconv = false;
    for (let i = l; i >= 1; i--) {
      let canswap = true;
      for (let j = 1; j <= l; j++) {
        if (i !== j && A.g(i, j) !== 0) {
          canswap = false;
          break;
        }
      }
      if (canswap) {
        scale[l] = i;
        if (i !== l) {
          swapCols(i, l, l);
          swapRows(i, l, k);
        }
        noconv = true;
        if (l === 1) return { ilo: 1, ihi: 1, scale };
        l--;
      }
    }
  }
  noconv = true;
  while (noconv) {
    noconv = false;
    for (let j = k; j <= l; j++) {
      let canswap = true;
      for (let i = k; i <= l; i++) {
        if (i !== j && A.g(i, j) !== 0) {
          canswap = false;
          break;
        }
      }
      if (canswap) {
        scale[k] = j;
        if (j !== k) {
          swapCols(j, k, l);
          swapRows(j, k, k);
        }
        noconv = true;
        k++;
      }
    }
  }
  for (let i = k; i <= l; i++) scale[i] = 1;
  const sfmin1 = SAFMIN / ULP;
  const sfmax1 = 1 / sfmin1;
  const sfmin2 = sfmin1 * SCLFAC;
  const sfmax2 = 1 / sfmin2;
  noconv = true;
  while (noconv) {
    noconv = false;
    for (let i = k; i <= l; i++) {
      let c = 0;
      let r = 0;
      for (let t = k; t <= l; t++) {
        c = Math.hypot(c, A.g(t, i));
        r = Math.hypot(r, A.g(i, t));
      }
      let ca = 0;
      for (let t = 1; t <= l; t++) ca = Math.max(ca, Math.abs(A.g(t, i)));
      let ra = 0;
      for (let t = k; t <= n; t++) ra = Math.max(ra, Math.abs(A.g(i, t)));
      if (c === 0 || r === 0) continue;
      if (Number.isNaN(c + ca + r + ra)) return { ilo: k, ihi: l, scale };
      let g = r / SCLFAC;
      let f = 1;
      const s = c + r;
      while (c < g && Math.max(f, c, ca) < sfmax2 && Math.min(r, g, ra) > sfmin2) {
        f *= SCLFAC;
        c *= SCLFAC;
        ca *= SCLFAC;
        r /= SCLFAC;
        g /= SCLFAC;
        ra /= SCLFAC;
      }
      g = c / SCLFAC;
      while (g >= r && Math.max(r, ra) < sfmax2 && Math.min(f, c, g, ca) > sfmin2) {
        f /= SCLFAC;
        c /= SCLFAC;
        g /= SCLFAC;
        ca /= SCLFAC;
        r *= SCLFAC;
        ra *= SCLFAC;
      }
      if (c + r >= FACTOR * s) continue;
      if (f < 1 && scale[i]! < 1 && f * scale[i]! <= sfmin1) continue;
      if (f > 1 && scale[i]! > 1 && scale[i]! >= sfmax1 / f) continue;
      g = 1 / f;
      scale[i] = scale[i]! * f;
      noconv = true;
      for (let t = k; t <= n; t++) A.s(i, t, A.g(i, t) * g);
      for (let t = 1; t <= l; t++) A.s(t, i, A.g(t, i) * f);
    }
  }
  return { ilo: k, ihi: l, scale };
}

/** dlarfg on (alpha, x[]) → [beta, tau, scaled x]; x is modified in place. */
function dlarfg(alpha: number, x: number[]): [number, number] {
  let xnorm = 0;
  for (const v of x) xnorm = Math.hypot(xnorm, v);
  if (xnorm === 0) return [alpha, 0];
  const beta = -sign(Math.hypot(alpha, xnorm), alpha);
  const tau = (beta - alpha) / beta;
  const scal = 1 / (alpha - beta);
  for (let i = 0; i < x.length; i++) x[i] = x[i]! * scal;
  return [beta, tau];
}

/** dgehd2 + dorghr: H = Qᵀ·A·Q upper Hessenberg (in place in A), returns Q. */
function hessenberg(A: Mat, ilo: number, ihi: number): Mat {
  const n = A.n;
  const taus = new Float64Array(n + 1);
  for (let i = ilo; i <= ihi - 1; i++) {
    const x: number[] = [];
    for (let r = i + 2; r <= ihi; r++) x.push(A.g(r, i));
    const [beta, tau] = dlarfg(A.g(i + 1, i), x);
    for (let r = i + 2; r <= ihi; r++) A.s(r, i, x[r - i - 2]!);
    taus[i] = tau;
    const v = (r: number): number => (r === i + 1 ? 1 : A.g(r, i)); // r in i+1..ihi
    if (tau !== 0) {
      // from the right: A(1:ihi, i+1:ihi) -= tau · (A·v) · vᵀ
      for (let r = 1; r <= ihi; r++) {
        let w = 0;
        for (let c = i + 1; c <= ihi; c++) w += A.g(r, c) * v(c);
        if (w === 0) continue;
        w *= tau;
        for (let c = i + 1; c <= ihi; c++) A.s(r, c, A.g(r, c) - w * v(c));
      }
      // from the left: A(i+1:ihi, i+1:n) -= tau · v · (vᵀ·A)
      for (let c = i + 1; c <= n; c++) {
        let w = 0;
        for (let r = i + 1; r <= ihi; r++) w += v(r) * A.g(r, c);
        if (w === 0) continue;
        w *= tau;
        for (let r = i + 1; r <= ihi; r++) A.s(r, c, A.g(r, c) - w * v(r));
      }
    }
    A.s(i + 1, i, beta);
  }
  // dorghr: Q = H(ilo)·…·H(ihi-1), accumulated backwards on the identity
  const Q = new Mat(n, new Float64Array(n * n));
  for (let i = 1; i <= n; i++) Q.s(i, i, 1);
  for (let i = ihi - 1; i >= ilo; i--) {
    const tau = taus[i]!;
    if (tau === 0) continue;
    const v = (r: number): number => (r === i + 1 ? 1 : A.g(r, i));
    for (let c = i + 1; c <= ihi; c++) {
      let w = 0;
      for (let r = i + 1; r <= ihi; r++) w += v(r) * Q.g(r, c);
      if (w === 0) continue;
      w *= tau;
      for (let r = i + 1; r <= ihi; r++) Q.s(r, c, Q.g(r, c) - w * v(r));
    }
  }
  // the reflectors are no longer needed: clear below the subdiagonal
  for (let j = 1; j <= n; j++) for (let i = j + 2; i <= n; i++) A.s(i, j, 0);
  return Q;
}

/** dlanv2: Schur factorization of a real 2×2 block. Returns [a, b, c, d, rt1r, rt1i, rt2r, rt2i, cs, sn]. */
function dlanv2(a: number, b: number, c: number, d: number): number[] {
  const MULTPL = 4;
  const eps = ULP;
  let cs: number;
  let sn: number;
  if (c === 0) {
    cs = 1;
    sn = 0;
  } else if (b === 0) {
    cs = 0;
    sn = 1;
    const temp = d;
    d = a;
    a = temp;
    b = -c;
    c = 0;
  } else if (a - d === 0 && sign(1, b) !== sign(1, c)) {
    cs = 1;
    sn = 0;
  } else {
    const temp = a - d;
    let p = 0.5 * temp;
    const bcmax = Math.max(Math.abs(b), Math.abs(c));
    const bcmis = Math.min(Math.abs(b), Math.abs(c)) * sign(1, b) * sign(1, c);
    let scale = Math.max(Math.abs(p), bcmax);
    let z = (p / scale) * p + (bcmax / scale) * bcmis;
    if (z >= MULTPL * eps) {
      z = p + sign(Math.sqrt(scale) * Math.sqrt(z), p);
      a = d + z;
      d = d - (bcmax / z) * bcmis;
      const tau = Math.hypot(c, z);
      cs = z / tau;
      sn = c / tau;
      b = b - c;
      c = 0;
    } else {
      const sigma = b + c;
      scale = Math.max(Math.abs(temp), Math.abs(sigma));
      p = 0.5 * temp;
      let tau = Math.hypot(sigma, temp);
      cs = Math.sqrt(0.5 * (1 + Math.abs(sigma) / tau));
      sn = -(p / (tau * cs)) * sign(1, sigma);
      const aa = a * cs + b * sn;
      const bb = -a * sn + b * cs;
      const cc = c * cs + d * sn;
      const dd = -c * sn + d * cs;
      a = aa * cs + cc * sn;
      b = bb * cs + dd * sn;
      c = -aa * sn + cc * cs;
      d = -bb * sn + dd * cs;
      const temp2 = 0.5 * (a + d);
      a = temp2;
      d = temp2;
      if (c !== 0) {
        if (b !== 0) {
          if (sign(1, b) === sign(1, c)) {
            const sab = Math.sqrt(Math.abs(b));
            const sac = Math.sqrt(Math.abs(c));
            p = sign(sab * sac, c);
            tau = 1 / Math.sqrt(Math.abs(b + c));
            a = temp2 + p;
            d = temp2 - p;
            b = b - c;
            c = 0;
            const cs1 = sab * tau;
            const sn1 = sac * tau;
            const t3 = cs * cs1 - sn * sn1;
            sn = cs * sn1 + sn * cs1;
            cs = t3;
          }
        } else {
          b = -c;
          c = 0;
          const t3 = cs;
          cs = -sn;
          sn = t3;
        }
      }
    }
  }
  const rt1r = a;
  const rt2r = d;
  let rt1i = 0;
  let rt2i = 0;
  if (c !== 0) {
    rt1i = Math.sqrt(Math.abs(b)) * Math.sqrt(Math.abs(c));
    rt2i = -rt1i;
  }
  return [a, b, c, d, rt1r, rt1i, rt2r, rt2i, cs, sn];
}

/** dlahqr with WANTT = WANTZ = true. Returns false when it does not converge. */
function dlahqr(
  H: Mat,
  ilo: number,
  ihi: number,
  wr: Float64Array,
  wi: Float64Array,
  Z: Mat,
): boolean {
  const n = H.n;
  if (ilo === ihi) {
    wr[ilo] = H.g(ilo, ilo);
    wi[ilo] = 0;
    return true;
  }
  for (let j = ilo; j <= ihi - 3; j++) {
    H.s(j + 2, j, 0);
    H.s(j + 3, j, 0);
  }
  if (ilo <= ihi - 2) H.s(ihi, ihi - 2, 0);
  const nh = ihi - ilo + 1;
  const smlnum = SAFMIN * (nh / ULP);
  const i1 = 1;
  const i2 = n;
  const itmax = 30 * Math.max(10, nh);
  let kdefl = 0;
  const DAT1 = 0.75;
  const DAT2 = -0.4375;
  const KEXSH = 10;
  const v = [0, 0, 0, 0];
  let i = ihi;
  for (;;) {
    // label 20
    let l = ilo;
    if (i < ilo) return true;
    let converged = false;
    for (let its = 0; its <= itmax; its++) {
      let k: number;
      for (k = i; k >= l + 1; k--) {
        if (Math.abs(H.g(k, k - 1)) <= smlnum) break;
        let tst = Math.abs(H.g(k - 1, k - 1)) + Math.abs(H.g(k, k));
        if (tst === 0) {
          if (k - 2 >= ilo) tst += Math.abs(H.g(k - 1, k - 2));
          if (k + 1 <= ihi) tst += Math.abs(H.g(k + 1, k));
        }
        if (Math.abs(H.g(k, k - 1)) <= ULP * tst) {
          const ab = Math.max(Math.abs(H.g(k, k - 1)), Math.abs(H.g(k - 1, k)));
          const ba = Math.min(Math.abs(H.g(k, k - 1)), Math.abs(H.g(k - 1, k)));
          const aa = Math.max(Math.abs(H.g(k, k)), Math.abs(H.g(k - 1, k - 1) - H.g(k, k)));
          const bb = Math.min(Math.abs(H.g(k, k)), Math.abs(H.g(k - 1, k - 1) - H.g(k, k)));
          const s = aa + ab;
          if (ba * (ab / s) <= Math.max(smlnum, ULP * (bb * (aa / s)))) break;
        }
      }
      l = k;
      if (l > ilo) H.s(l, l - 1, 0);
      if (l >= i - 1) {
        converged = true;
        break;
      }
      kdefl++;
      let h11: number, h12: number, h21: number, h22: number;
      if (kdefl % (2 * KEXSH) === 0) {
        const s = Math.abs(H.g(i, i - 1)) + Math.abs(H.g(i - 1, i - 2));
        h11 = DAT1 * s + H.g(i, i);
        h12 = DAT2 * s;
        h21 = s;
        h22 = h11;
      } else if (kdefl % KEXSH === 0) {
        const s = Math.abs(H.g(l + 1, l)) + Math.abs(H.g(l + 2, l + 1));
        h11 = DAT1 * s + H.g(l, l);
        h12 = DAT2 * s;
        h21 = s;
        h22 = h11;
      } else {
        h11 = H.g(i - 1, i - 1);
        h21 = H.g(i, i - 1);
        h12 = H.g(i - 1, i);
        h22 = H.g(i, i);
      }
      let s = Math.abs(h11) + Math.abs(h12) + Math.abs(h21) + Math.abs(h22);
      let rt1r: number, rt1i: number, rt2r: number, rt2i: number;
      if (s === 0) {
        rt1r = rt1i = rt2r = rt2i = 0;
      } else {
        h11 /= s;
        h21 /= s;
        h12 /= s;
        h22 /= s;
        const tr = (h11 + h22) / 2;
        const det = (h11 - tr) * (h22 - tr) - h12 * h21;
        const rtdisc = Math.sqrt(Math.abs(det));
        if (det >= 0) {
          rt1r = tr * s;
          rt2r = rt1r;
          rt1i = rtdisc * s;
          rt2i = -rt1i;
        } else {
          rt1r = tr + rtdisc;
          rt2r = tr - rtdisc;
          if (Math.abs(rt1r - h22) <= Math.abs(rt2r - h22)) {
            rt1r = rt1r * s;
            rt2r = rt1r;
          } else {
            rt2r = rt2r * s;
            rt1r = rt2r;
          }
          rt1i = rt2i = 0;
        }
      }
      let m: number;
      for (m = i - 2; m >= l; m--) {
        let h21s = H.g(m + 1, m);
        s = Math.abs(H.g(m, m) - rt2r) + Math.abs(rt2i) + Math.abs(h21s);
        h21s = H.g(m + 1, m) / s;
        v[1] =
          h21s * H.g(m, m + 1) + (H.g(m, m) - rt1r) * ((H.g(m, m) - rt2r) / s) - rt1i * (rt2i / s);
        v[2] = h21s * (H.g(m, m) + H.g(m + 1, m + 1) - rt1r - rt2r);
        v[3] = h21s * H.g(m + 2, m + 1);
        s = Math.abs(v[1]) + Math.abs(v[2]) + Math.abs(v[3]);
        v[1] /= s;
        v[2] /= s;
        v[3] /= s;
        if (m === l) break;
        const h00 = Math.abs(H.g(m, m - 1)) * (Math.abs(v[2]) + Math.abs(v[3]));
        const h01 =
          ULP *
          Math.abs(v[1]) *
          (Math.abs(H.g(m - 1, m - 1)) + Math.abs(H.g(m, m)) + Math.abs(H.g(m + 1, m + 1)));
        if (h00 <= h01) break;
      }
      if (m < l) m = l;
      for (let kk = m; kk <= i - 1; kk++) {
        const nr = Math.min(3, i - kk + 1);
        if (kk > m) for (let t = 1; t <= nr; t++) v[t] = H.g(kk + t - 1, kk - 1);
        const x = nr === 3 ? [v[2]!, v[3]!] : [v[2]!];
        const [beta, t1] = dlarfg(v[1]!, x);
        v[1] = beta;
        v[2] = x[0]!;
        if (nr === 3) v[3] = x[1]!;
        if (kk > m) {
          H.s(kk, kk - 1, v[1]);
          H.s(kk + 1, kk - 1, 0);
          if (kk < i - 1) H.s(kk + 2, kk - 1, 0);
        } else if (m > l) {
          H.s(kk, kk - 1, H.g(kk, kk - 1) * (1 - t1));
        }
        const v2 = v[2];
        const t2 = t1 * v2;
        if (nr === 3) {
          const v3 = v[3]!;
          const t3 = t1 * v3;
          for (let j = kk; j <= i2; j++) {
            const sum = H.g(kk, j) + v2 * H.g(kk + 1, j) + v3 * H.g(kk + 2, j);
            H.s(kk, j, H.g(kk, j) - sum * t1);
            H.s(kk + 1, j, H.g(kk + 1, j) - sum * t2);
            H.s(kk + 2, j, H.g(kk + 2, j) - sum * t3);
          }
          for (let j = i1; j <= Math.min(kk + 3, i); j++) {
            const sum = H.g(j, kk) + v2 * H.g(j, kk + 1) + v3 * H.g(j, kk + 2);
            H.s(j, kk, H.g(j, kk) - sum * t1);
            H.s(j, kk + 1, H.g(j, kk + 1) - sum * t2);
            H.s(j, kk + 2, H.g(j, kk + 2) - sum * t3);
          }
          for (let j = 1; j <= n; j++) {
            const sum = Z.g(j, kk) + v2 * Z.g(j, kk + 1) + v3 * Z.g(j, kk + 2);
            Z.s(j, kk, Z.g(j, kk) - sum * t1);
            Z.s(j, kk + 1, Z.g(j, kk + 1) - sum * t2);
            Z.s(j, kk + 2, Z.g(j, kk + 2) - sum * t3);
          }
        } else if (nr === 2) {
          for (let j = kk; j <= i2; j++) {
            const sum = H.g(kk, j) + v2 * H.g(kk + 1, j);
            H.s(kk, j, H.g(kk, j) - sum * t1);
            H.s(kk + 1, j, H.g(kk + 1, j) - sum * t2);
          }
          for (let j = i1; j <= i; j++) {
            const sum = H.g(j, kk) + v2 * H.g(j, kk + 1);
            H.s(j, kk, H.g(j, kk) - sum * t1);
            H.s(j, kk + 1, H.g(j, kk + 1) - sum * t2);
          }
          for (let j = 1; j <= n; j++) {
            const sum = Z.g(j, kk) + v2 * Z.g(j, kk + 1);
            Z.s(j, kk, Z.g(j, kk) - sum * t1);
            Z.s(j, kk + 1, Z.g(j, kk + 1) - sum * t2);
          }
        }
      }
    }
    if (!converged) return false;
    // label 150
    if (l === i) {
      wr[i] = H.g(i, i);
      wi[i] = 0;
    } else if (l === i - 1) {
      const r = dlanv2(H.g(i - 1, i - 1), H.g(i - 1, i), H.g(i, i - 1), H.g(i, i));
      H.s(i - 1, i - 1, r[0]!);
      H.s(i - 1, i, r[1]!);
      H.s(i, i - 1, r[2]!);
      H.s(i, i, r[3]!);
      wr[i - 1] = r[4]!;
      wi[i - 1] = r[5]!;
      wr[i] = r[6]!;
      wi[i] = r[7]!;
      const cs = r[8]!;
      const sn = r[9]!;
      // drot on rows i-1, i (columns i+1..i2), columns i-1, i (rows i1..i-2), and Z's columns
      for (let j = i + 1; j <= i2; j++) {
        const x = H.g(i - 1, j);
        const y = H.g(i, j);
        H.s(i - 1, j, cs * x + sn * y);
        H.s(i, j, cs * y - sn * x);
      }
      for (let j = i1; j <= i - 2; j++) {
        const x = H.g(j, i - 1);
        const y = H.g(j, i);
        H.s(j, i - 1, cs * x + sn * y);
        H.s(j, i, cs * y - sn * x);
      }
      for (let j = 1; j <= n; j++) {
        const x = Z.g(j, i - 1);
        const y = Z.g(j, i);
        Z.s(j, i - 1, cs * x + sn * y);
        Z.s(j, i, cs * y - sn * x);
      }
    }
    kdefl = 0;
    i = l - 1;
  }
}

export interface GeevResult {
  /** Eigenvalues (real parts), in LAPACK's order. */
  w: Float64Array;
  /** Unit-norm right eigenvectors as columns (row-major n×n), when asked for. */
  v: Float64Array;
  /** A complex-conjugate pair was found (not representable without a complex dtype). */
  complex: boolean;
  converged: boolean;
}

/** dgeev('N', jobvr) for a real n×n row-major matrix with a real spectrum. */
export function geev(a: Float64Array, n: number, wantVectors: boolean): GeevResult {
  const A = new Mat(n, Float64Array.from(a));
  const wr = new Float64Array(n + 1);
  const wi = new Float64Array(n + 1);
  if (n === 0)
    return { w: new Float64Array(0), v: new Float64Array(0), complex: false, converged: true };
  const { ilo, ihi, scale } = dgebal(A);
  const Z = hessenberg(A, ilo, ihi);
  // dhseqr: eigenvalues isolated by dgebal
  for (let i = 1; i <= ilo - 1; i++) {
    wr[i] = A.g(i, i);
    wi[i] = 0;
  }
  for (let i = ihi + 1; i <= n; i++) {
    wr[i] = A.g(i, i);
    wi[i] = 0;
  }
  const ok = dlahqr(A, ilo, ihi, wr, wi, Z);
  const w = wr.slice(1);
  if (!ok) return { w, v: new Float64Array(0), complex: false, converged: false };
  for (let i = 1; i <= n; i++)
    if (wi[i] !== 0) return { w, v: new Float64Array(0), complex: true, converged: true };
  if (!wantVectors) return { w, v: new Float64Array(0), complex: false, converged: true };
  // dtrevc3 (right eigenvectors, back-transformed): T is upper triangular here
  const T = A;
  let tnorm = 0;
  for (let j = 1; j <= n; j++)
    for (let i = 1; i <= j; i++) tnorm = Math.max(tnorm, Math.abs(T.g(i, j)));
  const smlnum = SAFMIN * (n / ULP);
  const bignum = (1 - ULP) / smlnum;
  const VR = new Mat(n, new Float64Array(n * n));
  const work = new Float64Array(n + 1);
  for (let ki = n; ki >= 1; ki--) {
    const wrk = T.g(ki, ki);
    const smin = Math.max(ULP * Math.abs(wrk), smlnum);
    work.fill(0);
    work[ki] = 1;
    for (let k = 1; k <= ki - 1; k++) work[k] = -T.g(k, ki);
    for (let j = ki - 1; j >= 1; j--) {
      // dlaln2 for a 1×1 block: x = (scale·b) / (T(j,j) - wr), perturbed away from 0
      let csr = T.g(j, j) - wrk;
      if (Math.abs(csr) < smin) csr = smin;
      let scl = 1;
      const bnorm = Math.abs(work[j]!);
      if (Math.abs(csr) < 1 && bnorm > 1 && bnorm > bignum * Math.abs(csr)) scl = 1 / bnorm;
      let x = (work[j]! * scl) / csr;
      const xnorm = Math.abs(x);
      if (xnorm > 1) {
        let colMax = 0;
        for (let r = 1; r <= j - 1; r++) colMax += Math.abs(T.g(r, j));
        if (colMax > bignum / xnorm) {
          x /= xnorm;
          scl /= xnorm;
        }
      }
      if (scl !== 1) for (let r = 1; r <= ki; r++) work[r] = work[r]! * scl;
      work[j] = x;
      for (let r = 1; r <= j - 1; r++) work[r] = work[r]! - x * T.g(r, j);
    }
    // back-transform: VR(:, ki) = Z(:, 1:ki) · work(1:ki), then scale by 1/max|·|
    let emax = 0;
    for (let r = 1; r <= n; r++) {
      let sum = 0;
      for (let c = 1; c <= ki - 1; c++) sum += Z.g(r, c) * work[c]!;
      sum += work[ki]! * Z.g(r, ki);
      VR.s(r, ki, sum);
      emax = Math.max(emax, Math.abs(sum));
    }
    const remax = 1 / emax;
    for (let r = 1; r <= n; r++) VR.s(r, ki, VR.g(r, ki) * remax);
  }
  // dgebak('B', 'R'): undo scaling, then the permutations
  for (let i = ilo; i <= ihi; i++) {
    const s = scale[i]!;
    for (let c = 1; c <= n; c++) VR.s(i, c, VR.g(i, c) * s);
  }
  for (let ii = 1; ii <= n; ii++) {
    let i = ii;
    if (i >= ilo && i <= ihi) continue;
    if (i < ilo) i = ilo - ii;
    const k = scale[i]!;
    if (k === i) continue;
    for (let c = 1; c <= n; c++) {
      const t = VR.g(i, c);
      VR.s(i, c, VR.g(k, c));
      VR.s(k, c, t);
    }
  }
  // dgeev: unit 2-norm
  for (let c = 1; c <= n; c++) {
    let nrm = 0;
    for (let r = 1; r <= n; r++) nrm = Math.hypot(nrm, VR.g(r, c));
    const scl = 1 / nrm;
    for (let r = 1; r <= n; r++) VR.s(r, c, VR.g(r, c) * scl);
  }
  return { w, v: VR.a, complex: false, converged: true };
}
