/**
 * The SVD NumPy's `svd` runs (LAPACK dgesdd), ported so that singular-vector SIGNS match NumPy:
 * Householder bidiagonalization (dgebd2), a QR (or LQ) first when the matrix is much taller (wider)
 * than wide (mnthr = ⌊11·min/6⌋, as dgesdd's paths), and the bidiagonal SVD of dbdsdc for
 * n ≤ 25 (SMLSIZ): lower-to-upper rotation, then dbdsqr's implicit zero-shift/shifted QR with
 * dlasv2/dlas2 and its sign fix-up and selection sort. Above 25, LAPACK switches to divide and
 * conquer, whose vector signs this port does not reproduce (values and reconstructions still hold).
 *
 * Matrices are row-major Float64Arrays; indices inside the ports are 1-based, as in the Fortran.
 */
import { dlartg, sign } from './lapack-util';

const EPS = 1.1102230246251565e-16; // dlamch('E')
const UNFL = 2.2250738585072014e-308;
const MAXITR = 6;

/** dlas2: singular values of [[f, g], [0, h]] → [ssmin, ssmax]. */
function dlas2(f: number, g: number, h: number): [number, number] {
  const fa = Math.abs(f);
  const ga = Math.abs(g);
  const ha = Math.abs(h);
  const fhmn = Math.min(fa, ha);
  const fhmx = Math.max(fa, ha);
  if (fhmn === 0) {
    if (fhmx === 0) return [0, ga];
    return [0, Math.max(fhmx, ga) * Math.sqrt(1 + (Math.min(fhmx, ga) / Math.max(fhmx, ga)) ** 2)];
  }
  if (ga < fhmx) {
    const as = 1 + fhmn / fhmx;
    const at = (fhmx - fhmn) / fhmx;
    const au = (ga / fhmx) ** 2;
    const c = 2 / (Math.sqrt(as * as + au) + Math.sqrt(at * at + au));
    return [fhmn * c, fhmx / c];
  }
  const au = fhmx / ga;
  if (au === 0) return [(fhmn * fhmx) / ga, ga];
  const as = 1 + fhmn / fhmx;
  const at = (fhmx - fhmn) / fhmx;
  const c = 1 / (Math.sqrt(1 + (as * au) ** 2) + Math.sqrt(1 + (at * au) ** 2));
  const ssmin = fhmn * c * au;
  return [ssmin + ssmin, ga / (c + c)];
}

/** dlasv2: SVD of [[f, g], [0, h]] → [ssmin, ssmax, snr, csr, snl, csl]. */
function dlasv2(f: number, g: number, h: number): [number, number, number, number, number, number] {
  let ft = f;
  let fa = Math.abs(ft);
  let ht = h;
  let ha = Math.abs(h);
  let pmax = 1;
  const swap = ha > fa;
  if (swap) {
    pmax = 3;
    let t = ft;
    ft = ht;
    ht = t;
    t = fa;
    fa = ha;
    ha = t;
  }
  const gt = g;
  const ga = Math.abs(gt);
  let ssmin: number, ssmax: number, clt: number, crt: number, slt: number, srt: number;
  if (ga === 0) {
    ssmin = ha;
    ssmax = fa;
    clt = 1;
    crt = 1;
    slt = 0;
    srt = 0;
  } else {
    let gasmal = true;
    ssmin = ssmax = clt = crt = slt = srt = 0;
    if (ga > fa) {
      pmax = 2;
      if (fa / ga < EPS) {
        gasmal = false;
        ssmax = ga;
        ssmin = ha > 1 ? fa / (ga / ha) : (fa / ga) * ha;
        clt = 1;
        slt = ht / gt;
        srt = 1;
        crt = ft / gt;
      }
    }
    if (gasmal) {
      const d = fa - ha;
      let l = d === fa ? 1 : d / fa;
      const m = gt / ft;
      let t = 2 - l;
      const mm = m * m;
      const tt = t * t;
      const s = Math.sqrt(tt + mm);
      const r = l === 0 ? Math.abs(m) : Math.sqrt(l * l + mm);
      const a = 0.5 * (s + r);
      ssmin = ha / a;
      ssmax = fa * a;
      if (mm === 0) {
        if (l === 0) t = sign(2, ft) * sign(1, gt);
        else t = gt / sign(d, ft) + m / t;
      } else {
        t = (m / (s + t) + m / (r + l)) * (1 + a);
      }
      l = Math.sqrt(t * t + 4);
      crt = 2 / l;
      srt = t / l;
      clt = (crt + srt * m) / a;
      slt = ((ht / ft) * srt) / a;
    }
  }
  let csl: number, snl: number, csr: number, snr: number;
  if (swap) {
    csl = srt;
    snl = crt;
    csr = slt;
    snr = clt;
  } else {
    csl = clt;
    snl = slt;
    csr = crt;
    snr = srt;
  }
  let tsign = 1;
  if (pmax === 1) tsign = sign(1, csr) * sign(1, csl) * sign(1, f);
  if (pmax === 2) tsign = sign(1, snr) * sign(1, csl) * sign(1, g);
  if (pmax === 3) tsign = sign(1, snr) * sign(1, snl) * sign(1, h);
  ssmax = sign(ssmax, tsign);
  ssmin = sign(ssmin, tsign * sign(1, f) * sign(1, h));
  return [ssmin, ssmax, snr, csr, snl, csl];
}

/** n×n row-major matrix with 1-based accessors. */
class Sq {
  readonly a: Float64Array;
  constructor(readonly n: number) {
    this.a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) this.a[i * n + i] = 1;
  }
  g(i: number, j: number): number {
    return this.a[(i - 1) * this.n + (j - 1)]!;
  }
  s(i: number, j: number, v: number): void {
    this.a[(i - 1) * this.n + (j - 1)] = v;
  }
}

/** dlasr('L', 'V', dir): rotates rows r0 … r0+cnt-1 of X (all columns). */
function rotRows(
  X: Sq,
  forward: boolean,
  cnt: number,
  c: Float64Array,
  s: Float64Array,
  r0: number,
): void {
  const body = (j: number): void => {
    const ct = c[j]!;
    const st = s[j]!;
    if (ct === 1 && st === 0) return;
    const r1 = r0 + j - 1;
    for (let i = 1; i <= X.n; i++) {
      const temp = X.g(r1 + 1, i);
      X.s(r1 + 1, i, ct * temp - st * X.g(r1, i));
      X.s(r1, i, st * temp + ct * X.g(r1, i));
    }
  };
  if (forward) for (let j = 1; j <= cnt - 1; j++) body(j);
  else for (let j = cnt - 1; j >= 1; j--) body(j);
}

/** dlasr('R', 'V', dir): rotates columns c0 … c0+cnt-1 of X (all rows). */
function rotCols(
  X: Sq,
  forward: boolean,
  cnt: number,
  c: Float64Array,
  s: Float64Array,
  c0: number,
): void {
  const body = (j: number): void => {
    const ct = c[j]!;
    const st = s[j]!;
    if (ct === 1 && st === 0) return;
    const c1 = c0 + j - 1;
    for (let i = 1; i <= X.n; i++) {
      const temp = X.g(i, c1 + 1);
      X.s(i, c1 + 1, ct * temp - st * X.g(i, c1));
      X.s(i, c1, st * temp + ct * X.g(i, c1));
    }
  };
  if (forward) for (let j = 1; j <= cnt - 1; j++) body(j);
  else for (let j = cnt - 1; j >= 1; j--) body(j);
}

/** dbdsqr('U', n, n, n, 0): SVD of the upper bidiagonal (d, e) accumulating into VT and U. */
function dbdsqr(n: number, d: Float64Array, e: Float64Array, VT: Sq, U: Sq): boolean {
  const w1 = new Float64Array(n + 1);
  const w2 = new Float64Array(n + 1);
  const w3 = new Float64Array(n + 1);
  const w4 = new Float64Array(n + 1);
  if (n > 1) {
    const tolmul = Math.max(10, Math.min(100, EPS ** -0.125));
    const tol = tolmul * EPS;
    let smax = 0;
    for (let i = 1; i <= n; i++) smax = Math.max(smax, Math.abs(d[i]!));
    for (let i = 1; i <= n - 1; i++) smax = Math.max(smax, Math.abs(e[i]!));
    let sminoa = Math.abs(d[1]!);
    if (sminoa !== 0) {
      let mu = sminoa;
      for (let i = 2; i <= n; i++) {
        mu = Math.abs(d[i]!) * (mu / (mu + Math.abs(e[i - 1]!)));
        sminoa = Math.min(sminoa, mu);
        if (sminoa === 0) break;
      }
    }
    sminoa = sminoa / Math.sqrt(n);
    const thresh = Math.max(tol * sminoa, MAXITR * (n * (n * UNFL)));
    const maxitdivn = MAXITR * n;
    let iterdivn = 0;
    let iter = -1;
    let oldll = -1;
    let oldm = -1;
    let idir = 0;
    let m = n;
    let sminl = 0;
    for (;;) {
      // label 60
      if (m <= 1) break;
      if (iter >= n) {
        iter -= n;
        iterdivn++;
        if (iterdivn >= maxitdivn) return false;
      }
      smax = Math.abs(d[m]!);
      let ll = 0;
      let split = false;
      for (let lll = 1; lll <= m - 1; lll++) {
        ll = m - lll;
        const abss = Math.abs(d[ll]!);
        const abse = Math.abs(e[ll]!);
        if (abse <= thresh) {
          split = true;
          break;
        }
        smax = Math.max(smax, abss, abse);
      }
      if (split) {
        e[ll] = 0;
        if (ll === m - 1) {
          m = m - 1;
          continue;
        }
      } else ll = 0;
      ll = ll + 1;
      if (ll === m - 1) {
        const [sigmn, sigmx, sinr, cosr, sinl, cosl] = dlasv2(d[m - 1]!, e[m - 1]!, d[m]!);
        d[m - 1] = sigmx;
        e[m - 1] = 0;
        d[m] = sigmn;
        for (let i = 1; i <= n; i++) {
          const x = VT.g(m - 1, i);
          const y = VT.g(m, i);
          VT.s(m - 1, i, cosr * x + sinr * y);
          VT.s(m, i, cosr * y - sinr * x);
        }
        for (let i = 1; i <= n; i++) {
          const x = U.g(i, m - 1);
          const y = U.g(i, m);
          U.s(i, m - 1, cosl * x + sinl * y);
          U.s(i, m, cosl * y - sinl * x);
        }
        m = m - 2;
        continue;
      }
      if (ll > oldm || m < oldll) {
        idir = Math.abs(d[ll]!) >= Math.abs(d[m]!) ? 1 : 2;
      }
      let restart = false;
      if (idir === 1) {
        if (Math.abs(e[m - 1]!) <= Math.abs(tol) * Math.abs(d[m]!)) {
          e[m - 1] = 0;
          continue;
        }
        let mu = Math.abs(d[ll]!);
        sminl = mu;
        for (let lll = ll; lll <= m - 1; lll++) {
          if (Math.abs(e[lll]!) <= tol * mu) {
            e[lll] = 0;
            restart = true;
            break;
          }
          mu = Math.abs(d[lll + 1]!) * (mu / (mu + Math.abs(e[lll]!)));
          sminl = Math.min(sminl, mu);
        }
      } else {
        if (Math.abs(e[ll]!) <= Math.abs(tol) * Math.abs(d[ll]!)) {
          e[ll] = 0;
          continue;
        }
        let mu = Math.abs(d[m]!);
        sminl = mu;
        for (let lll = m - 1; lll >= ll; lll--) {
          if (Math.abs(e[lll]!) <= tol * mu) {
            e[lll] = 0;
            restart = true;
            break;
          }
          mu = Math.abs(d[lll]!) * (mu / (mu + Math.abs(e[lll]!)));
          sminl = Math.min(sminl, mu);
        }
      }
      if (restart) continue;
      oldll = ll;
      oldm = m;
      let shift: number;
      if (n * tol * (sminl / smax) <= Math.max(EPS, 0.01 * tol)) {
        shift = 0;
      } else {
        let sll: number;
        if (idir === 1) {
          sll = Math.abs(d[ll]!);
          shift = dlas2(d[m - 1]!, e[m - 1]!, d[m]!)[0];
        } else {
          sll = Math.abs(d[m]!);
          shift = dlas2(d[ll]!, e[ll]!, d[ll + 1]!)[0];
        }
        if (sll > 0 && (shift / sll) ** 2 < EPS) shift = 0;
      }
      iter = iter + m - ll;
      if (shift === 0) {
        if (idir === 1) {
          let cs = 1;
          let oldcs = 1;
          let sn = 0;
          let oldsn = 0;
          let r = 0;
          for (let i = ll; i <= m - 1; i++) {
            [cs, sn, r] = dlartg(d[i]! * cs, e[i]!);
            if (i > ll) e[i - 1] = oldsn * r;
            let di: number;
            [oldcs, oldsn, di] = dlartg(oldcs * r, d[i + 1]! * sn);
            d[i] = di;
            w1[i - ll + 1] = cs;
            w2[i - ll + 1] = sn;
            w3[i - ll + 1] = oldcs;
            w4[i - ll + 1] = oldsn;
          }
          const h = d[m]! * cs;
          d[m] = h * oldcs;
          e[m - 1] = h * oldsn;
          rotRows(VT, true, m - ll + 1, w1, w2, ll);
          rotCols(U, true, m - ll + 1, w3, w4, ll);
          if (Math.abs(e[m - 1]!) <= thresh) e[m - 1] = 0;
        } else {
          let cs = 1;
          let oldcs = 1;
          let sn = 0;
          let oldsn = 0;
          let r = 0;
          for (let i = m; i >= ll + 1; i--) {
            [cs, sn, r] = dlartg(d[i]! * cs, e[i - 1]!);
            if (i < m) e[i] = oldsn * r;
            let di: number;
            [oldcs, oldsn, di] = dlartg(oldcs * r, d[i - 1]! * sn);
            d[i] = di;
            w1[i - ll] = cs;
            w2[i - ll] = -sn;
            w3[i - ll] = oldcs;
            w4[i - ll] = -oldsn;
          }
          const h = d[ll]! * cs;
          d[ll] = h * oldcs;
          e[ll] = h * oldsn;
          rotRows(VT, false, m - ll + 1, w3, w4, ll);
          rotCols(U, false, m - ll + 1, w1, w2, ll);
          if (Math.abs(e[ll]!) <= thresh) e[ll] = 0;
        }
      } else if (idir === 1) {
        let f = (Math.abs(d[ll]!) - shift) * (sign(1, d[ll]!) + shift / d[ll]!);
        let g = e[ll]!;
        for (let i = ll; i <= m - 1; i++) {
          const [cosr, sinr, r0] = dlartg(f, g);
          let r = r0;
          if (i > ll) e[i - 1] = r;
          f = cosr * d[i]! + sinr * e[i]!;
          e[i] = cosr * e[i]! - sinr * d[i]!;
          g = sinr * d[i + 1]!;
          d[i + 1] = cosr * d[i + 1]!;
          let cosl: number, sinl: number;
          [cosl, sinl, r] = dlartg(f, g);
          d[i] = r;
          f = cosl * e[i]! + sinl * d[i + 1]!;
          d[i + 1] = cosl * d[i + 1]! - sinl * e[i]!;
          if (i < m - 1) {
            g = sinl * e[i + 1]!;
            e[i + 1] = cosl * e[i + 1]!;
          }
          w1[i - ll + 1] = cosr;
          w2[i - ll + 1] = sinr;
          w3[i - ll + 1] = cosl;
          w4[i - ll + 1] = sinl;
        }
        e[m - 1] = f;
        rotRows(VT, true, m - ll + 1, w1, w2, ll);
        rotCols(U, true, m - ll + 1, w3, w4, ll);
        if (Math.abs(e[m - 1]!) <= thresh) e[m - 1] = 0;
      } else {
        let f = (Math.abs(d[m]!) - shift) * (sign(1, d[m]!) + shift / d[m]!);
        let g = e[m - 1]!;
        for (let i = m; i >= ll + 1; i--) {
          const [cosr, sinr, r0] = dlartg(f, g);
          let r = r0;
          if (i < m) e[i] = r;
          f = cosr * d[i]! + sinr * e[i - 1]!;
          e[i - 1] = cosr * e[i - 1]! - sinr * d[i]!;
          g = sinr * d[i - 1]!;
          d[i - 1] = cosr * d[i - 1]!;
          let cosl: number, sinl: number;
          [cosl, sinl, r] = dlartg(f, g);
          d[i] = r;
          f = cosl * e[i - 1]! + sinl * d[i - 1]!;
          d[i - 1] = cosl * d[i - 1]! - sinl * e[i - 1]!;
          if (i > ll + 1) {
            g = sinl * e[i - 2]!;
            e[i - 2] = cosl * e[i - 2]!;
          }
          w1[i - ll] = cosr;
          w2[i - ll] = -sinr;
          w3[i - ll] = cosl;
          w4[i - ll] = -sinl;
        }
        e[ll] = f;
        if (Math.abs(e[ll]!) <= thresh) e[ll] = 0;
        rotRows(VT, false, m - ll + 1, w3, w4, ll);
        rotCols(U, false, m - ll + 1, w1, w2, ll);
      }
    }
  }
  // label 160: make singular values positive, then sort decreasing
  for (let i = 1; i <= n; i++) {
    if (d[i]! < 0) {
      d[i] = -d[i]!;
      for (let j = 1; j <= n; j++) VT.s(i, j, -VT.g(i, j));
    }
  }
  for (let i = 1; i <= n - 1; i++) {
    let isub = 1;
    let smin = d[1]!;
    for (let j = 2; j <= n + 1 - i; j++) {
      if (d[j]! <= smin) {
        isub = j;
        smin = d[j]!;
      }
    }
    const last = n + 1 - i;
    if (isub !== last) {
      d[isub] = d[last]!;
      d[last] = smin;
      for (let j = 1; j <= n; j++) {
        const t = VT.g(isub, j);
        VT.s(isub, j, VT.g(last, j));
        VT.s(last, j, t);
      }
      for (let j = 1; j <= n; j++) {
        const t = U.g(j, isub);
        U.s(j, isub, U.g(j, last));
        U.s(j, last, t);
      }
    }
  }
  return true;
}

/** dbdsdc('U'|'L', 'I') for n ≤ 25: returns U_B, VT_B (n×n) with B = U_B·diag(d)·VT_B. */
function dbdsdc(
  lower: boolean,
  n: number,
  d: Float64Array,
  e: Float64Array,
): { U: Sq; VT: Sq } | null {
  const U = new Sq(n);
  const VT = new Sq(n);
  if (n === 1) {
    U.s(1, 1, sign(1, d[1]!));
    d[1] = Math.abs(d[1]!);
    return { U, VT };
  }
  const rc = new Float64Array(n + 1);
  const rs = new Float64Array(n + 1);
  if (lower) {
    for (let i = 1; i <= n - 1; i++) {
      const [cs, sn, r] = dlartg(d[i]!, e[i]!);
      d[i] = r;
      e[i] = sn * d[i + 1]!;
      d[i + 1] = cs * d[i + 1]!;
      rc[i] = cs;
      rs[i] = -sn;
    }
  }
  if (!dbdsqr(n, d, e, VT, U)) return null;
  if (lower) rotRows(U, false, n, rc, rs, 1);
  return { U, VT };
}

/** dlarfg on (alpha, x) in place → [beta, tau]. */
function dlarfg(alpha: number, x: Float64Array | number[]): [number, number] {
  let xnorm = 0;
  for (let i = 0; i < x.length; i++) xnorm = Math.hypot(xnorm, x[i]!);
  if (xnorm === 0) return [alpha, 0];
  const beta = -sign(Math.hypot(alpha, xnorm), alpha);
  const tau = (beta - alpha) / beta;
  const scal = 1 / (alpha - beta);
  for (let i = 0; i < x.length; i++) x[i] = x[i]! * scal;
  return [beta, tau];
}

interface Reflector {
  /** 0-based indices the reflector acts on, and its vector there (first entry 1). */
  idx: number[];
  v: number[];
  tau: number;
}

/**
 * dgebd2 on an m×n row-major matrix: B = Qᵀ·A·P (upper bidiagonal if m ≥ n, else lower).
 * Returns d, e (1-based), and the H (left) and G (right) reflectors in application order.
 */
function dgebd2(
  A0: Float64Array,
  m: number,
  n: number,
): { d: Float64Array; e: Float64Array; H: Reflector[]; G: Reflector[] } {
  const A = Float64Array.from(A0);
  const at = (i: number, j: number): number => A[i * n + j]!;
  const set = (i: number, j: number, v: number): void => {
    A[i * n + j] = v;
  };
  const k = Math.min(m, n);
  const d = new Float64Array(k + 1);
  const e = new Float64Array(k + 1);
  const H: Reflector[] = [];
  const G: Reflector[] = [];
  const applyLeft = (r: Reflector, c0: number): void => {
    if (r.tau === 0) return;
    for (let c = c0; c < n; c++) {
      let w = 0;
      for (let t = 0; t < r.idx.length; t++) w += r.v[t]! * at(r.idx[t]!, c);
      if (w === 0) continue;
      w *= r.tau;
      for (let t = 0; t < r.idx.length; t++) set(r.idx[t]!, c, at(r.idx[t]!, c) - w * r.v[t]!);
    }
  };
  const applyRight = (r: Reflector, r0: number): void => {
    if (r.tau === 0) return;
    for (let row = r0; row < m; row++) {
      let w = 0;
      for (let t = 0; t < r.idx.length; t++) w += at(row, r.idx[t]!) * r.v[t]!;
      if (w === 0) continue;
      w *= r.tau;
      for (let t = 0; t < r.idx.length; t++) set(row, r.idx[t]!, at(row, r.idx[t]!) - w * r.v[t]!);
    }
  };
  const colRef = (i: number, r0: number): Reflector => {
    // annihilate A(r0+1:m, i) with alpha = A(r0, i)
    const x: number[] = [];
    for (let r = r0 + 1; r < m; r++) x.push(at(r, i));
    const [beta, tau] = dlarfg(at(r0, i), x);
    set(r0, i, beta);
    for (let r = r0 + 1; r < m; r++) set(r, i, 0);
    const idx = [r0];
    for (let r = r0 + 1; r < m; r++) idx.push(r);
    return { idx, v: [1, ...x], tau };
  };
  const rowRef = (i: number, c0: number): Reflector => {
    const x: number[] = [];
    for (let c = c0 + 1; c < n; c++) x.push(at(i, c));
    const [beta, tau] = dlarfg(at(i, c0), x);
    set(i, c0, beta);
    for (let c = c0 + 1; c < n; c++) set(i, c, 0);
    const idx = [c0];
    for (let c = c0 + 1; c < n; c++) idx.push(c);
    return { idx, v: [1, ...x], tau };
  };
  if (m >= n) {
    for (let i = 0; i < n; i++) {
      const h = colRef(i, i);
      d[i + 1] = at(i, i);
      if (i < n - 1) applyLeft(h, i + 1);
      H.push(h);
      if (i < n - 1) {
        const g = rowRef(i, i + 1);
        e[i + 1] = at(i, i + 1);
        applyRight(g, i + 1);
        G.push(g);
      }
    }
  } else {
    for (let i = 0; i < m; i++) {
      const g = rowRef(i, i);
      d[i + 1] = at(i, i);
      if (i < m - 1) applyRight(g, i + 1);
      G.push(g);
      if (i < m - 1) {
        const h = colRef(i, i + 1);
        e[i + 1] = at(i + 1, i);
        applyLeft(h, i + 1);
        H.push(h);
      }
    }
  }
  return { d, e, H, G };
}

/** The first `cols` columns of H(1)·…·H(k) (size×size), row-major size×cols. */
function formQ(refs: Reflector[], size: number, cols: number): Float64Array {
  const Q = new Float64Array(size * cols);
  for (let i = 0; i < Math.min(size, cols); i++) Q[i * cols + i] = 1;
  for (let t = refs.length - 1; t >= 0; t--) {
    const r = refs[t]!;
    if (r.tau === 0) continue;
    for (let c = 0; c < cols; c++) {
      let w = 0;
      for (let q = 0; q < r.idx.length; q++) w += r.v[q]! * Q[r.idx[q]! * cols + c]!;
      if (w === 0) continue;
      w *= r.tau;
      for (let q = 0; q < r.idx.length; q++)
        Q[r.idx[q]! * cols + c] = Q[r.idx[q]! * cols + c]! - w * r.v[q]!;
    }
  }
  return Q;
}

/** C (r×k) = A (r×p) · B (p×k), row-major. */
function mm(A: Float64Array, B: Float64Array, r: number, p: number, k: number): Float64Array {
  const C = new Float64Array(r * k);
  for (let i = 0; i < r; i++) {
    for (let t = 0; t < p; t++) {
      const a = A[i * p + t]!;
      if (a === 0) continue;
      for (let j = 0; j < k; j++) C[i * k + j] = C[i * k + j]! + a * B[t * k + j]!;
    }
  }
  return C;
}

function transpose(A: Float64Array, r: number, c: number): Float64Array {
  const T = new Float64Array(r * c);
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) T[j * r + i] = A[i * c + j]!;
  return T;
}

/** Householder QR as dgeqr2: R (n×n upper, for m ≥ n) and the reflectors. */
function dgeqr2(A0: Float64Array, m: number, n: number): { R: Float64Array; refs: Reflector[] } {
  const A = Float64Array.from(A0);
  const refs: Reflector[] = [];
  for (let i = 0; i < Math.min(m, n); i++) {
    const x: number[] = [];
    for (let r = i + 1; r < m; r++) x.push(A[r * n + i]!);
    const [beta, tau] = dlarfg(A[i * n + i]!, x);
    A[i * n + i] = beta;
    for (let r = i + 1; r < m; r++) A[r * n + i] = 0;
    const idx = [i];
    for (let r = i + 1; r < m; r++) idx.push(r);
    const ref = { idx, v: [1, ...x], tau };
    if (tau !== 0) {
      for (let c = i + 1; c < n; c++) {
        let w = 0;
        for (let q = 0; q < idx.length; q++) w += ref.v[q]! * A[idx[q]! * n + c]!;
        w *= tau;
        for (let q = 0; q < idx.length; q++)
          A[idx[q]! * n + c] = A[idx[q]! * n + c]! - w * ref.v[q]!;
      }
    }
    refs.push(ref);
  }
  const k = Math.min(m, n);
  const R = new Float64Array(k * n);
  for (let i = 0; i < k; i++) for (let j = i; j < n; j++) R[i * n + j] = A[i * n + j]!;
  return { R, refs };
}

export interface SvdResult {
  /** m×ucols row-major (ucols = m when full, else min(m, n)). */
  u: Float64Array;
  s: Float64Array;
  /** vrows×n row-major (vrows = n when full, else min(m, n)). */
  vt: Float64Array;
}

/** SVD of a square-or-tall (m ≥ n) matrix as dgesdd's paths for m ≥ n. */
function gesddTall(a: Float64Array, m: number, n: number, full: boolean): SvdResult | null {
  const ucols = full ? m : n;
  const mnthr = Math.floor((n * 11) / 6);
  if (m >= mnthr) {
    // QR first, then the SVD of R
    const { R, refs } = dgeqr2(a, m, n);
    const Q = formQ(refs, m, ucols);
    const b = dgebd2(R, n, n);
    const bd = dbdsdc(false, n, b.d, b.e);
    if (bd === null) return null;
    const Qb = formQ(b.H, n, n);
    const P = formQ(
      b.G.map((g) => g),
      n,
      n,
    );
    const UR = mm(Qb, bd.U.a, n, n, n);
    const vt = mm(bd.VT.a, transpose(P, n, n), n, n, n);
    // U = [Q(:, 1:n)·UR, Q(:, n+1:ucols)]
    const u = new Float64Array(m * ucols);
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let t = 0; t < n; t++) s += Q[i * ucols + t]! * UR[t * n + j]!;
        u[i * ucols + j] = s;
      }
      for (let j = n; j < ucols; j++) u[i * ucols + j] = Q[i * ucols + j]!;
    }
    return { u, s: b.d.slice(1), vt };
  }
  const b = dgebd2(a, m, n);
  const bd = dbdsdc(false, n, b.d, b.e);
  if (bd === null) return null;
  const Q = formQ(b.H, m, ucols);
  const P = formQ(b.G, n, n);
  const u = new Float64Array(m * ucols);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let t = 0; t < n; t++) s += Q[i * ucols + t]! * bd.U.a[t * n + j]!;
      u[i * ucols + j] = s;
    }
    for (let j = n; j < ucols; j++) u[i * ucols + j] = Q[i * ucols + j]!;
  }
  const vt = mm(bd.VT.a, transpose(P, n, n), n, n, n);
  return { u, s: b.d.slice(1), vt };
}

/** SVD of a wide (m < n) matrix as dgesdd's paths for n > m. */
function gesddWide(a: Float64Array, m: number, n: number, full: boolean): SvdResult | null {
  const vrows = full ? n : m;
  const mnthr = Math.floor((m * 11) / 6);
  if (n >= mnthr) {
    // LQ first (the QR of Aᵀ), then the SVD of L
    const { R, refs } = dgeqr2(transpose(a, m, n), n, m);
    const L = transpose(R, m, m);
    const Qlq = transpose(formQ(refs, n, vrows), n, vrows); // vrows×n
    const b = dgebd2(L, m, m);
    const bd = dbdsdc(false, m, b.d, b.e);
    if (bd === null) return null;
    const Qb = formQ(b.H, m, m);
    const P = formQ(b.G, m, m);
    const u = mm(Qb, bd.U.a, m, m, m);
    const VL = mm(bd.VT.a, transpose(P, m, m), m, m, m);
    const vt = new Float64Array(vrows * n);
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let t = 0; t < m; t++) s += VL[i * m + t]! * Qlq[t * n + j]!;
        vt[i * n + j] = s;
      }
    }
    for (let i = m; i < vrows; i++) for (let j = 0; j < n; j++) vt[i * n + j] = Qlq[i * n + j]!;
    return { u, s: b.d.slice(1), vt };
  }
  const b = dgebd2(a, m, n);
  const bd = dbdsdc(true, m, b.d, b.e);
  if (bd === null) return null;
  const Q = formQ(b.H.length > 0 ? b.H : [], m, m);
  const P = formQ(b.G, n, vrows); // n×vrows: first vrows columns of P
  const u = mm(Q, bd.U.a, m, m, m);
  // VT = [VT_B, 0; 0, I] · Pᵀ → rows 1..m: VT_B·P(:, 1:m)ᵀ; rows m+1..vrows: P(:, m+1..)ᵀ
  const vt = new Float64Array(vrows * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let t = 0; t < m; t++) s += bd.VT.a[i * m + t]! * P[j * vrows + t]!;
      vt[i * n + j] = s;
    }
  }
  for (let i = m; i < vrows; i++) for (let j = 0; j < n; j++) vt[i * n + j] = P[j * vrows + i]!;
  return { u, s: b.d.slice(1), vt };
}

/**
 * dgesdd('A' | 'S') on an m×n row-major matrix (both dims ≥ 1, min(m, n) ≤ 25 for LAPACK's
 * signs). Returns null when the bidiagonal QR iteration does not converge.
 */
export function gesdd(a: Float64Array, m: number, n: number, full: boolean): SvdResult | null {
  return m >= n ? gesddTall(a, m, n, full) : gesddWide(a, m, n, full);
}
