/**
 * `np.linalg`: solve inv det slogdet norm eigh eigvalsh eig eigvals svd qr cholesky lstsq pinv
 * matrix_rank matrix_power (plus matmul/multi_dot/outer/trace aliases as NumPy 2's linalg has).
 *
 * Every routine works on stacks of matrices (`(..., M, N)`), reads each matrix into a
 * row-major Float64Array, runs a TS reference algorithm (LU with partial pivoting as LAPACK's
 * getrf, Householder QR as geqrf/orgqr, Householder tridiagonalization + implicit QL for
 * symmetric eigenproblems, one-sided Jacobi SVD, Hessenberg + Francis QR for general eigen),
 * and writes results in NumPy's dtype: float32 when every input is float32, float64 otherwise.
 */
import { splitOpts } from './args';
import { DTYPE_INFO, type DType } from './dtype';
import {
  LinAlgError as linAlgError,
  NumPyError,
  normalizeAxis,
  TypeError_,
  ValueError,
} from './errors';
import { shapeStrTight, tryBroadcastShapes } from './iter';
import { NDArray, shapeSize, type ArrayLike, type Scalar } from './ndarray';
import {
  _arr,
  _permute,
  cross as crossProduct,
  dot as dotProduct,
  matmul as matmulProduct,
  tensordot as tensordotProduct,
  trace as traceProduct,
  vecdot as vecdotProduct,
  outer as outerProduct,
  _scalarOf,
  _reshapeOwned,
} from './products';
import { copyArray } from './convert';
import { luKernel } from './gemm';
import { crExp, crLog } from './crmath';
import { syevd } from './lapack-syev';
import { geev } from './lapack-geev';
import { gesdd } from './lapack-gesdd';

const EPS = 2.220446049250313e-16;
const EPS32 = 1.1920928955078125e-7;

// ---------------------------------------------------------------------------------------------
// named results (NumPy 2's named tuples): fields by name that also destructure as an array

/** Builds an array `[v0, v1, …]` that also carries the values under NumPy's field names. */
function namedResult<T extends readonly unknown[], F extends Record<string, unknown>>(
  values: T,
  names: readonly (keyof F)[],
): T & Readonly<F> {
  const r = [...values] as unknown as T & F;
  names.forEach((nm, i) => {
    Object.defineProperty(r, nm, { value: values[i], enumerable: false });
  });
  return Object.freeze(r);
}

export type EighResult = readonly [NDArray, NDArray] & {
  readonly eigenvalues: NDArray;
  readonly eigenvectors: NDArray;
};
export type EigResult = EighResult;
export type SVDResult = readonly [NDArray, NDArray, NDArray] & {
  readonly U: NDArray;
  readonly S: NDArray;
  readonly Vh: NDArray;
};
export type QRResult = readonly [NDArray, NDArray] & { readonly Q: NDArray; readonly R: NDArray };
export type SlogdetResult<T> = readonly [T, T] & { readonly sign: T; readonly logabsdet: T };
export type LstsqResult = readonly [NDArray, NDArray, number, NDArray];

// ---------------------------------------------------------------------------------------------
// stacks of matrices

interface Stack {
  batch: number[];
  rows: number;
  cols: number;
  mats: Float64Array[];
  /** float32 when the input is float32, else float64 (NumPy's linalg result type). */
  rt: DType;
}

function checkType(a: NDArray): void {
  if (!(a.dtype in DTYPE_INFO)) throw TypeError_(`array type ${a.dtype} is unsupported in linalg`);
}

const resultType = (...arrays: NDArray[]): DType =>
  arrays.every((x) => x.dtype === 'float32') ? 'float32' : 'float64';

function assertStacked2d(a: NDArray): void {
  if (a.ndim < 2)
    throw linAlgError(`${a.ndim}-dimensional array given. Array must be at least two-dimensional`);
}
function assertSquare(a: NDArray): void {
  if (a._shape[a.ndim - 1] !== a._shape[a.ndim - 2])
    throw linAlgError('Last 2 dimensions of the array must be square');
}

/** Reads every (rows × cols) matrix of a stack into row-major Float64Arrays. */
function readStack(a: NDArray, rt: DType = resultType(a)): Stack {
  checkType(a);
  const nd = a.ndim;
  const rows = a._shape[nd - 2] as number;
  const cols = a._shape[nd - 1] as number;
  const batch = a._shape.slice(0, nd - 2);
  const count = shapeSize(batch);
  const mats: Float64Array[] = [];
  const D = a._data();
  const rs = a._strides[nd - 2] as number;
  const cs = a._strides[nd - 1] as number;
  const bs = a._strides.slice(0, nd - 2);
  const idx = new Array<number>(batch.length).fill(0);
  const big = DTYPE_INFO[a.dtype].big;
  for (let t = 0; t < count; t++) {
    let p = a._start;
    for (let d = 0; d < batch.length; d++) p += (idx[d] as number) * (bs[d] as number);
    const m = new Float64Array(rows * cols);
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        const v = D[p + i * rs + j * cs] as number | bigint;
        m[i * cols + j] = big ? Number(v) : (v as number);
      }
    }
    mats.push(m);
    for (let d = batch.length - 1; d >= 0; d--) {
      idx[d] = (idx[d] as number) + 1;
      if ((idx[d] as number) < (batch[d] as number)) break;
      idx[d] = 0;
    }
  }
  return { batch, rows, cols, mats, rt };
}

/** A fresh C-contiguous array of `shape` filled from consecutive blocks. */
function writeStack(shape: readonly number[], dtype: DType, blocks: readonly NumList[]): NDArray {
  const out = NDArray.empty(shape, dtype, false);
  const D = out._data() as Float64Array | Float32Array;
  let p = out._start;
  for (const b of blocks) {
    for (let i = 0; i < b.length; i++) D[p + i] = b[i] as number;
    p += b.length;
  }
  return out;
}
type NumList = { readonly length: number; readonly [i: number]: number };

/** A JS number for a 0-d result, as NumPy returns numpy scalars there. */
const scalarOr = (a: NDArray): NDArray | number => (a.ndim === 0 ? (_scalarOf(a) as number) : a);

// ---------------------------------------------------------------------------------------------
// LU with partial pivoting (LAPACK getrf: first maximal |pivot|, multipliers scaled by 1/pivot)

interface LU {
  lu: Float64Array;
  piv: Int32Array;
  /** +1/-1 from the row swaps. */
  sign: number;
  /** an exactly zero pivot was met (LAPACK info > 0) */
  singular: boolean;
}

function luFactor(a: Float64Array, n: number): LU {
  const lu = Float64Array.from(a);
  const piv = new Int32Array(n);
  const fast = luKernel()?.(lu, n, piv); // the WASM backend: same operations, bit-identical
  if (fast) return { lu, piv, ...fast };
  let sign = 1;
  let singular = false;
  for (let k = 0; k < n; k++) {
    let p = k;
    let mx = Math.abs(lu[k * n + k] as number);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(lu[i * n + k] as number);
      if (v > mx) {
        mx = v;
        p = i;
      }
    }
    piv[k] = p;
    if (p !== k) {
      sign = -sign;
      for (let j = 0; j < n; j++) {
        const t = lu[k * n + j] as number;
        lu[k * n + j] = lu[p * n + j] as number;
        lu[p * n + j] = t;
      }
    }
    const pivot = lu[k * n + k] as number;
    if (pivot === 0) {
      singular = true;
      continue;
    }
    const r = 1 / pivot;
    for (let i = k + 1; i < n; i++) lu[i * n + k] = (lu[i * n + k] as number) * r;
    // rank-1 update as BLAS dger: columns whose pivot-row entry is zero are skipped
    for (let j = k + 1; j < n; j++) {
      const ukj = lu[k * n + j] as number;
      if (ukj === 0) continue;
      for (let i = k + 1; i < n; i++)
        lu[i * n + j] = (lu[i * n + j] as number) - (lu[i * n + k] as number) * ukj;
    }
  }
  return { lu, piv, sign, singular };
}

/** Solves LU·X = P·B in place for B (n × nrhs, row-major). */
function luSolve(f: LU, n: number, b: Float64Array, nrhs: number): void {
  const { lu, piv } = f;
  for (let k = 0; k < n; k++) {
    const p = piv[k] as number;
    if (p !== k) {
      for (let j = 0; j < nrhs; j++) {
        const t = b[k * nrhs + j] as number;
        b[k * nrhs + j] = b[p * nrhs + j] as number;
        b[p * nrhs + j] = t;
      }
    }
  }
  // column by column as BLAS dtrsm: skip zero right-hand-side entries (NaN/inf propagate as LAPACK)
  for (let j = 0; j < nrhs; j++) {
    for (let k = 0; k < n; k++) {
      const bk = b[k * nrhs + j] as number;
      if (bk !== 0) {
        for (let i = k + 1; i < n; i++)
          b[i * nrhs + j] = (b[i * nrhs + j] as number) - bk * (lu[i * n + k] as number);
      }
    }
    for (let k = n - 1; k >= 0; k--) {
      if ((b[k * nrhs + j] as number) !== 0) {
        // OpenBLAS: one right-hand side goes through trsv (division), several through trsm
        // (multiplication by the inverted diagonal); the last digits of NumPy's results follow.
        const ukk = lu[k * n + k] as number;
        const bk =
          nrhs === 1 ? (b[k * nrhs + j] as number) / ukk : (b[k * nrhs + j] as number) * (1 / ukk);
        b[k * nrhs + j] = bk;
        for (let i = 0; i < k; i++)
          b[i * nrhs + j] = (b[i * nrhs + j] as number) - bk * (lu[i * n + k] as number);
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// solve, inv, det, slogdet

/** `np.linalg.solve(a, b)`: NumPy 2's rule — b is a vector only when b.ndim == 1. */
export function solve(a_: ArrayLike, b_: ArrayLike): NDArray {
  const a = _arr(a_);
  const b = _arr(b_);
  assertStacked2d(a);
  assertSquare(a);
  const rt = resultType(a, b);
  const n = a._shape[a.ndim - 1] as number;
  const aBatch = a._shape.slice(0, -2);
  let batch: number[];
  let nrhs: number;
  let bm: NDArray;
  if (b.ndim === 1) {
    if (b._shape[0] !== n) {
      throw ValueError(
        `solve1: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (m,m),(m)->(m) (size ${b._shape[0]} is different from ${n})`,
      );
    }
    batch = aBatch;
    nrhs = 1;
    bm = b._view([n, 1], [b._strides[0] as number, 0], b._offset);
  } else {
    if (b.ndim === 0)
      throw ValueError(
        `solve: Input operand 1 does not have enough dimensions (has 0, gufunc core with signature (m,m),(m,n)->(m,n) requires 2)`,
      );
    if (b._shape[b.ndim - 2] !== n) {
      throw ValueError(
        `solve: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (m,m),(m,n)->(m,n) (size ${b._shape[b.ndim - 2]} is different from ${n})`,
      );
    }
    nrhs = b._shape[b.ndim - 1] as number;
    const bBatch = b._shape.slice(0, -2);
    const bc = tryBroadcastShapes([aBatch, bBatch]);
    if (bc === null) {
      const remap = (x: NDArray, bt: readonly number[]): string =>
        `${shapeStrTight(x._shape)}->(${[...bt, 'newaxis', 'newaxis'].join(',')})`;
      throw ValueError(
        `operands could not be broadcast together with remapped shapes [original->remapped]: ${remap(a, aBatch)} ${remap(b, bBatch)}  and requested shape (${n},${nrhs})`,
      );
    }
    batch = bc;
    bm = b;
  }
  const A = readStack(broadcastBatch(a, batch), rt);
  const B = readStack(broadcastBatch(bm, batch), rt);
  const outs: Float64Array[] = [];
  for (let t = 0; t < A.mats.length; t++) {
    const f = luFactor(A.mats[t] as Float64Array, n);
    if (f.singular) throw linAlgError('Singular matrix');
    const x = Float64Array.from(B.mats[t] as Float64Array);
    luSolve(f, n, x, nrhs);
    outs.push(x);
  }
  const shape = b.ndim === 1 ? [...batch, n] : [...batch, n, nrhs];
  return writeStack(shape, rt, outs);
}

/** A view of a stack broadcast to batch dims `batch` (its last two dims kept). */
function broadcastBatch(x: NDArray, batch: readonly number[]): NDArray {
  const core = x._shape.slice(-2);
  const coreS = x._strides.slice(-2);
  const xb = x._shape.slice(0, -2);
  const pad = batch.length - xb.length;
  const strides = batch.map((d, i) => {
    const ax = i - pad;
    return ax < 0 || x._shape[ax] === 1 ? 0 : (x._strides[ax] as number);
  });
  return x._view([...batch, ...core], [...strides, ...coreS], x._offset);
}

/** `np.linalg.inv(a)`. */
export function inv(a_: ArrayLike): NDArray {
  const a = _arr(a_);
  assertStacked2d(a);
  assertSquare(a);
  const S = readStack(a);
  const n = S.rows;
  const outs = S.mats.map((m) => {
    const f = luFactor(m, n);
    if (f.singular) throw linAlgError('Singular matrix');
    const x = new Float64Array(n * n);
    for (let i = 0; i < n; i++) x[i * n + i] = 1;
    luSolve(f, n, x, n);
    return x;
  });
  return writeStack(a._shape, S.rt, outs);
}

function detParts(m: Float64Array, n: number): { sign: number; logabs: number; det: number } {
  const f = luFactor(m, n);
  let sign = f.sign;
  let logabs = 0;
  let det: number;
  for (let i = 0; i < n; i++) {
    const d = f.lu[i * n + i] as number;
    if (d === 0) {
      sign = 0;
      logabs = -Infinity;
    } else if (sign !== 0) {
      if (d < 0) sign = -sign;
      logabs += crLog(Math.abs(d));
    }
  }
  if (sign === 0) logabs = -Infinity;
  // NumPy's det is sign·exp(Σ log|u_ii|) (umath_linalg), not the plain product: same rounding
  det = sign === 0 ? 0 : sign * crExp(logabs);
  return { sign, logabs, det };
}

/** `np.linalg.det(a)`: a JS number for one matrix, an ndarray for a stack (typed as number). */
export function det(a_: ArrayLike): number {
  const a = _arr(a_);
  assertStacked2d(a);
  assertSquare(a);
  const S = readStack(a);
  const vals = S.mats.map((m) => detParts(m, S.rows).det);
  return scalarOr(writeStack(S.batch, S.rt, [vals])) as number;
}

/** `np.linalg.slogdet(a)` → `{sign, logabsdet}` (also `[sign, logabsdet]`). */
export function slogdet(a_: ArrayLike): SlogdetResult<number> {
  const a = _arr(a_);
  assertStacked2d(a);
  assertSquare(a);
  const S = readStack(a);
  const parts = S.mats.map((m) => detParts(m, S.rows));
  const sign = scalarOr(writeStack(S.batch, S.rt, [parts.map((p) => p.sign)]));
  const logabs = scalarOr(writeStack(S.batch, S.rt, [parts.map((p) => p.logabs)]));
  return namedResult([sign, logabs] as const, [
    'sign',
    'logabsdet',
  ]) as unknown as SlogdetResult<number>;
}

// ---------------------------------------------------------------------------------------------
// symmetric eigenproblem: LAPACK's dsyevd path (lapack-syev.ts), so eigenvector signs match NumPy

function symEig(
  m: Float64Array,
  n: number,
  uplo: 'L' | 'U',
  wantVectors: boolean,
): { w: Float64Array; v: Float64Array } {
  const r = syevd(m, n, uplo, wantVectors);
  if (r === null) throw linAlgError('Eigenvalues did not converge');
  return r;
}

function uploArg(rest: unknown[]): 'L' | 'U' {
  const [pos, opts] = splitOpts<{ UPLO?: string }>(rest);
  const u = String((pos[0] as string | undefined) ?? opts.UPLO ?? 'L').toUpperCase();
  if (u !== 'L' && u !== 'U') throw ValueError("UPLO argument must be 'L' or 'U'");
  return u;
}

/** `np.linalg.eigh(a, UPLO='L')` → `{eigenvalues, eigenvectors}` (ascending; also destructures). */
export function eigh(a_: ArrayLike, ...rest: unknown[]): EighResult {
  const uplo = uploArg(rest);
  const a = _arr(a_);
  assertStacked2d(a);
  assertSquare(a);
  const S = readStack(a);
  const n = S.rows;
  const res = S.mats.map((m) => symEig(m, n, uplo, true));
  const w = writeStack(
    [...S.batch, n],
    S.rt,
    res.map((r) => r.w),
  );
  const v = writeStack(
    a._shape,
    S.rt,
    res.map((r) => r.v),
  );
  return namedResult([w, v] as const, ['eigenvalues', 'eigenvectors']) as unknown as EighResult;
}

/** `np.linalg.eigvalsh(a, UPLO='L')`: ascending eigenvalues of symmetric matrices. */
export function eigvalsh(a_: ArrayLike, ...rest: unknown[]): NDArray {
  const uplo = uploArg(rest);
  const a = _arr(a_);
  assertStacked2d(a);
  assertSquare(a);
  const S = readStack(a);
  const n = S.rows;
  return writeStack(
    [...S.batch, n],
    S.rt,
    S.mats.map((m) => symEig(m, n, uplo, false).w),
  );
}

// ---------------------------------------------------------------------------------------------
// SVD: one-sided Jacobi (Hestenes)

const svdNoConvergence = 'SVD did not converge';

/** Orthonormal columns completing `cols` (each of length m) to `want` columns. */
function completeBasis(cols: Float64Array[], m: number, want: number): Float64Array[] {
  const basis = cols.slice();
  for (let e = 0; basis.length < want && e < m; e++) {
    const v = new Float64Array(m);
    v[e] = 1;
    for (let pass = 0; pass < 2; pass++) {
      for (const u of basis) {
        let dp = 0;
        for (let i = 0; i < m; i++) dp += u[i]! * v[i]!;
        for (let i = 0; i < m; i++) v[i] = v[i]! - dp * u[i]!;
      }
    }
    let nv = 0;
    for (let i = 0; i < m; i++) nv += v[i]! * v[i]!;
    nv = Math.sqrt(nv);
    if (nv > 1e-8) {
      for (let i = 0; i < m; i++) v[i] = v[i]! / nv;
      basis.push(v);
    }
  }
  return basis;
}

/**
 * SVD of an m×n row-major matrix: `U` columns (length m), `s` descending, `V` columns (length n),
 * k = min(m, n) of each (plus completions to m / n columns when `full`).
 */
function svdCore(
  a: Float64Array,
  m: number,
  n: number,
  full: boolean,
  wantUV: boolean,
): { u: Float64Array[]; s: Float64Array; v: Float64Array[] } {
  if (a.some(Number.isNaN)) throw linAlgError(svdNoConvergence);
  if (m < n) {
    // A = (Aᵀ)ᵀ: the SVD of the transpose with the roles of U and V swapped
    const t = new Float64Array(m * n);
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) t[j * m + i] = a[i * n + j]!;
    const r = svdCore(t, n, m, full, wantUV);
    return { u: r.v, s: r.s, v: r.u };
  }
  // m >= n; columns of A as contiguous rows W[j] (length m)
  const W: Float64Array[] = [];
  for (let j = 0; j < n; j++) {
    const c = new Float64Array(m);
    for (let i = 0; i < m; i++) c[i] = a[i * n + j]!;
    W.push(c);
  }
  const V: Float64Array[] = [];
  for (let j = 0; j < n; j++) {
    const c = new Float64Array(n);
    c[j] = 1;
    V.push(c);
  }
  for (let sweep = 0; sweep < 80; sweep++) {
    let rotated = false;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const wp = W[p]!;
        const wq = W[q]!;
        let alpha = 0;
        let beta = 0;
        let gamma = 0;
        for (let i = 0; i < m; i++) {
          const x = wp[i]!;
          const y = wq[i]!;
          alpha += x * x;
          beta += y * y;
          gamma += x * y;
        }
        if (gamma === 0 || Math.abs(gamma) <= EPS * Math.sqrt(alpha * beta)) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const t = (zeta >= 0 ? 1 : -1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = c * t;
        for (let i = 0; i < m; i++) {
          const x = wp[i]!;
          const y = wq[i]!;
          wp[i] = c * x - s * y;
          wq[i] = s * x + c * y;
        }
        const vp = V[p]!;
        const vq = V[q]!;
        for (let i = 0; i < n; i++) {
          const x = vp[i]!;
          const y = vq[i]!;
          vp[i] = c * x - s * y;
          vq[i] = s * x + c * y;
        }
      }
    }
    if (!rotated) break;
  }
  const sv = W.map((w) => {
    let s = 0;
    for (let i = 0; i < m; i++) s += w[i]! * w[i]!;
    return Math.sqrt(s);
  });
  const order = sv.map((_, i) => i).sort((x, y) => sv[y]! - sv[x]! || x - y);
  const s = Float64Array.from(order.map((i) => sv[i]!));
  if (!wantUV) return { u: [], s, v: [] };
  const smax = s[0] ?? 0;
  const good: Float64Array[] = [];
  const uCols: (Float64Array | null)[] = order.map((i) => {
    const si = sv[i]!;
    if (si === 0 || si <= smax * EPS * m * 1e-3) return null;
    const w = W[i]!;
    const u = new Float64Array(m);
    for (let r = 0; r < m; r++) u[r] = w[r]! / si;
    good.push(u);
    return u;
  });
  const want = full ? m : n;
  const extra = completeBasis(good, m, want).slice(good.length);
  let x = 0;
  const u = uCols.map((c) => c ?? extra[x++]!);
  while (u.length < want) u.push(extra[x++]!);
  const v = order.map((i) => V[i]!);
  return { u, s, v };
}

export interface SvdOptions {
  full_matrices?: boolean;
  compute_uv?: boolean;
  hermitian?: boolean;
}

/** `np.linalg.svd(a, {full_matrices, compute_uv})` → `{U, S, Vh}` or S alone. */
export function svd(a: ArrayLike, opts: SvdOptions & { compute_uv: false }): NDArray;
export function svd(a: ArrayLike, opts?: SvdOptions & { compute_uv?: true }): SVDResult;
export function svd(a: ArrayLike, full_matrices: boolean, compute_uv?: true): SVDResult;
export function svd(a: ArrayLike, ...rest: unknown[]): SVDResult | NDArray;
export function svd(a_: ArrayLike, ...rest: unknown[]): SVDResult | NDArray {
  const [pos, opts] = splitOpts<SvdOptions>(rest);
  const full = (pos[0] as boolean | undefined) ?? opts.full_matrices ?? true;
  const uv = (pos[1] as boolean | undefined) ?? opts.compute_uv ?? true;
  const a = _arr(a_);
  assertStacked2d(a);
  const S = readStack(a);
  const { rows: m, cols: n } = S;
  const k = Math.min(m, n);
  if (!uv) {
    const res = S.mats.map((mat) => svdCore(mat, m, n, full, false));
    return writeStack(
      [...S.batch, k],
      S.rt,
      res.map((r) => r.s),
    );
  }
  const ucols = full ? m : k;
  const vrows = full ? n : k;
  const res = S.mats.map((mat) => svdFactors(mat, m, n, full));
  const s = writeStack(
    [...S.batch, k],
    S.rt,
    res.map((r) => r.s),
  );
  const U = writeStack(
    [...S.batch, m, ucols],
    S.rt,
    res.map((r) => r.u),
  );
  const Vh = writeStack(
    [...S.batch, vrows, n],
    S.rt,
    res.map((r) => r.vt),
  );
  return namedResult([U, s, Vh] as const, ['U', 'S', 'Vh']) as unknown as SVDResult;
}

/**
 * U, S, Vᵀ (row-major) of one matrix: LAPACK's dgesdd path (lapack-gesdd.ts) so that the vector
 * signs match NumPy; the Jacobi SVD when that iteration does not converge or a dim is 0.
 */
function svdFactors(
  a: Float64Array,
  m: number,
  n: number,
  full: boolean,
): { u: Float64Array; s: Float64Array; vt: Float64Array } {
  if (a.some(Number.isNaN)) throw linAlgError(svdNoConvergence);
  const k = Math.min(m, n);
  if (k > 0) {
    const r = gesdd(a, m, n, full);
    if (r !== null) return r;
  }
  const ucols = full ? m : k;
  const vrows = full ? n : k;
  const j = svdCore(a, m, n, full, true);
  const u = new Float64Array(m * ucols);
  j.u.forEach((col, c) => {
    for (let i = 0; i < m; i++) u[i * ucols + c] = col[i]!;
  });
  const vt = new Float64Array(vrows * n);
  j.v.forEach((col, r) => vt.set(col, r * n));
  return { u, s: j.s, vt };
}

/** Singular values of every matrix of a stack (descending). */
function singularValues(a: NDArray): { S: Stack; s: Float64Array[] } {
  const S = readStack(a);
  return { S, s: S.mats.map((m) => svdCore(m, S.rows, S.cols, false, false).s) };
}

// ---------------------------------------------------------------------------------------------
// QR: Householder as LAPACK geqrf/orgqr (R's diagonal is -sign(a_kk)·‖x‖)

function qrCore(
  a: Float64Array,
  m: number,
  n: number,
  qcols: number,
  wantQ: boolean,
): { q: Float64Array; r: Float64Array } {
  const A = Float64Array.from(a);
  const k = Math.min(m, n);
  const taus = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    const alpha = A[j * n + j]!;
    let xn = 0;
    for (let i = j + 1; i < m; i++) xn = Math.hypot(xn, A[i * n + j]!);
    if (xn === 0) {
      taus[j] = 0;
      continue;
    }
    const beta = -(alpha >= 0 ? 1 : -1) * Math.hypot(alpha, xn);
    const tau = (beta - alpha) / beta;
    const scal = 1 / (alpha - beta);
    for (let i = j + 1; i < m; i++) A[i * n + j] = A[i * n + j]! * scal;
    A[j * n + j] = beta;
    taus[j] = tau;
    // apply H = I - tau v vᵀ (v = [1, A[j+1:, j]]) to A[j:, j+1:]
    for (let c = j + 1; c < n; c++) {
      let w = A[j * n + c]!;
      for (let i = j + 1; i < m; i++) w += A[i * n + j]! * A[i * n + c]!;
      w *= tau;
      A[j * n + c] = A[j * n + c]! - w;
      for (let i = j + 1; i < m; i++) A[i * n + c] = A[i * n + c]! - w * A[i * n + j]!;
    }
  }
  const rrows = Math.min(qcols, m);
  const r = new Float64Array(rrows * n);
  for (let i = 0; i < rrows; i++) for (let j = i; j < n; j++) r[i * n + j] = A[i * n + j]!;
  const q = new Float64Array(wantQ ? m * qcols : 0);
  if (wantQ) {
    for (let i = 0; i < Math.min(m, qcols); i++) q[i * qcols + i] = 1;
    for (let j = k - 1; j >= 0; j--) {
      const tau = taus[j]!;
      if (tau === 0) continue;
      for (let c = 0; c < qcols; c++) {
        let w = q[j * qcols + c]!;
        for (let i = j + 1; i < m; i++) w += A[i * n + j]! * q[i * qcols + c]!;
        w *= tau;
        q[j * qcols + c] = q[j * qcols + c]! - w;
        for (let i = j + 1; i < m; i++) q[i * qcols + c] = q[i * qcols + c]! - w * A[i * n + j]!;
      }
    }
  }
  return { q, r };
}

/** `np.linalg.qr(a, mode='reduced'|'complete'|'r')` → `{Q, R}` (or R alone for mode 'r'). */
export function qr(a: ArrayLike, opts: { mode: 'r' }): NDArray;
export function qr(a: ArrayLike, mode: 'r'): NDArray;
export function qr(a: ArrayLike, opts?: { mode?: 'reduced' | 'complete' }): QRResult;
export function qr(a: ArrayLike, mode: 'reduced' | 'complete'): QRResult;
export function qr(a: ArrayLike, ...rest: unknown[]): QRResult | NDArray;
export function qr(a_: ArrayLike, ...rest: unknown[]): QRResult | NDArray {
  const [pos, opts] = splitOpts<{ mode?: string }>(rest);
  const mode = (pos[0] as string | undefined) ?? opts.mode ?? 'reduced';
  if (!['reduced', 'complete', 'r', 'raw'].includes(mode))
    throw ValueError(`Unrecognized mode '${mode}'`);
  if (mode === 'raw') throw ValueError("ndscope does not support qr mode 'raw'");
  const a = _arr(a_);
  assertStacked2d(a);
  const S = readStack(a);
  const { rows: m, cols: n } = S;
  const k = Math.min(m, n);
  const qcols = mode === 'complete' ? m : k;
  const res = S.mats.map((mat) => qrCore(mat, m, n, qcols, mode !== 'r'));
  const R = writeStack(
    [...S.batch, Math.min(qcols, m), n],
    S.rt,
    res.map((x) => x.r),
  );
  if (mode === 'r') return R;
  const Q = writeStack(
    [...S.batch, m, qcols],
    S.rt,
    res.map((x) => x.q),
  );
  return namedResult([Q, R] as const, ['Q', 'R']) as unknown as QRResult;
}

// ---------------------------------------------------------------------------------------------
// cholesky

/** `np.linalg.cholesky(a, {upper})`: L with A = L·Lᵀ (from the lower triangle), or U = Lᵀ. */
export function cholesky(a_: ArrayLike, opts: { upper?: boolean } = {}): NDArray {
  const upper = opts.upper ?? false;
  const a = _arr(a_);
  assertStacked2d(a);
  assertSquare(a);
  const S = readStack(a);
  const n = S.rows;
  const outs = S.mats.map((m0) => {
    const m = upper ? transposeSq(m0, n) : m0;
    const L = new Float64Array(n * n);
    for (let j = 0; j < n; j++) {
      let d = m[j * n + j]!;
      for (let k = 0; k < j; k++) d -= L[j * n + k]! * L[j * n + k]!;
      if (d <= 0) throw linAlgError('Matrix is not positive definite'); // NaN propagates, as LAPACK
      const ljj = Math.sqrt(d);
      L[j * n + j] = ljj;
      for (let i = j + 1; i < n; i++) {
        let s = m[i * n + j]!;
        for (let k = 0; k < j; k++) s -= L[i * n + k]! * L[j * n + k]!;
        L[i * n + j] = s / ljj;
      }
    }
    return upper ? transposeSq(L, n) : L;
  });
  return writeStack(a._shape, S.rt, outs);
}

function transposeSq(m: Float64Array, n: number): Float64Array {
  const t = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) t[j * n + i] = m[i * n + j]!;
  return t;
}

// ---------------------------------------------------------------------------------------------
// lstsq, pinv, matrix_rank

/** `np.linalg.lstsq(a, b, {rcond})` → `[x, residuals, rank, s]`. */
export function lstsq(a_: ArrayLike, b_: ArrayLike, ...rest: unknown[]): LstsqResult {
  const [pos, opts] = splitOpts<{ rcond?: number | null }>(rest);
  const a = _arr(a_);
  const b = _arr(b_);
  if (a.ndim !== 2)
    throw linAlgError(`${a.ndim}-dimensional array given. Array must be two-dimensional`);
  const b2 =
    b.ndim === 1 ? b._view([b._shape[0] as number, 1], [b._strides[0] as number, 0], b._offset) : b;
  if (b2.ndim !== 2)
    throw linAlgError(`${b.ndim}-dimensional array given. Array must be two-dimensional`);
  const m = a._shape[0] as number;
  const n = a._shape[1] as number;
  const nrhs = b2._shape[1] as number;
  if (b2._shape[0] !== m) throw linAlgError('Incompatible dimensions');
  const rt = resultType(a, b);
  const A = readStack(a, rt).mats[0] as Float64Array;
  const B = readStack(b2, rt).mats[0] as Float64Array;
  const rcondArg = (pos[0] as number | null | undefined) ?? opts.rcond ?? null;
  const rcond =
    rcondArg === null || rcondArg === undefined
      ? (rt === 'float32' ? EPS32 : EPS) * Math.max(m, n)
      : rcondArg;
  const k = Math.min(m, n);
  if (A.some(Number.isNaN) || B.some(Number.isNaN))
    throw linAlgError('SVD did not converge in Linear Least Squares');
  const { u, s, v } = svdCore(A, m, n, false, true);
  const cut = rcond * (s[0] ?? 0);
  let rank = 0;
  for (let i = 0; i < k; i++) if (s[i]! > cut) rank++;
  const x = new Float64Array(n * nrhs);
  for (let i = 0; i < k; i++) {
    if (!(s[i]! > cut)) continue;
    const ui = u[i]!;
    const vi = v[i]!;
    for (let c = 0; c < nrhs; c++) {
      let dp = 0;
      for (let r = 0; r < m; r++) dp += ui[r]! * B[r * nrhs + c]!;
      const coef = dp / s[i]!;
      for (let r = 0; r < n; r++) x[r * nrhs + c] = x[r * nrhs + c]! + coef * vi[r]!;
    }
  }
  let resid: Float64Array = new Float64Array(0);
  if (rank === n && m > n) {
    resid = new Float64Array(nrhs);
    for (let c = 0; c < nrhs; c++) {
      let ss = 0;
      for (let r = 0; r < m; r++) {
        let ax = 0;
        for (let j = 0; j < n; j++) ax += A[r * n + j]! * x[j * nrhs + c]!;
        const d = B[r * nrhs + c]! - ax;
        ss += d * d;
      }
      resid[c] = ss;
    }
  }
  const X = writeStack(b.ndim === 1 ? [n] : [n, nrhs], rt, [x]);
  const R = writeStack([resid.length], rt, [resid]);
  const Sv = writeStack([k], rt, [s]);
  return [X, R, rank, Sv] as const;
}

/** `np.linalg.pinv(a, {rcond, hermitian, rtol})`: Moore–Penrose pseudo-inverse via SVD. */
export function pinv(a_: ArrayLike, ...rest: unknown[]): NDArray {
  const [pos, opts] = splitOpts<{
    rcond?: number | null;
    rtol?: number | null;
    hermitian?: boolean;
  }>(rest);
  const a = _arr(a_);
  assertStacked2d(a);
  const S = readStack(a);
  const { rows: m, cols: n } = S;
  const rcondArg = (pos[0] as number | null | undefined) ?? opts.rcond;
  let rcond: number;
  if (rcondArg === undefined || rcondArg === null) {
    if (!('rtol' in opts)) rcond = 1e-15;
    else if (opts.rtol === null || opts.rtol === undefined)
      rcond = Math.max(m, n) * (S.rt === 'float32' ? EPS32 : EPS);
    else rcond = opts.rtol;
  } else {
    if ('rtol' in opts) throw ValueError("`rtol` and `rcond` can't be both set.");
    rcond = rcondArg;
  }
  const outs = S.mats.map((mat) => {
    const out = new Float64Array(n * m);
    if (m === 0 || n === 0) return out;
    const { u, s, v } = svdCore(mat, m, n, false, true);
    const cut = rcond * (s[0] ?? 0);
    for (let i = 0; i < s.length; i++) {
      if (!(s[i]! > cut)) continue;
      const ui = u[i]!;
      const vi = v[i]!;
      const inv = 1 / s[i]!;
      for (let r = 0; r < n; r++) {
        const vr = vi[r]! * inv;
        if (vr === 0) continue;
        for (let c = 0; c < m; c++) out[r * m + c] = out[r * m + c]! + vr * ui[c]!;
      }
    }
    return out;
  });
  return writeStack([...S.batch, n, m], S.rt, outs);
}

/** `np.linalg.matrix_rank(A, {tol, hermitian, rtol})`. */
export function matrix_rank(a_: ArrayLike, ...rest: unknown[]): NDArray | number {
  const [pos, opts] = splitOpts<{ tol?: number | null; rtol?: number | null; hermitian?: boolean }>(
    rest,
  );
  const a = _arr(a_);
  if (a.ndim < 2) {
    const vals = a._values();
    return vals.some((x) => x !== 0 && x !== 0n) ? 1 : 0;
  }
  const { S, s } = singularValues(a);
  const tol = (pos[0] as number | null | undefined) ?? opts.tol ?? null;
  const eps = S.rt === 'float32' ? EPS32 : EPS;
  const ranks = s.map((sv) => {
    const smax = sv.length > 0 ? Math.max(...sv) : 0;
    let t: number;
    if (tol !== null) t = tol;
    else if (opts.rtol !== undefined && opts.rtol !== null) t = smax * opts.rtol;
    else t = smax * Math.max(S.rows, S.cols) * eps;
    let r = 0;
    for (const x of sv) if (x > t) r++;
    return r;
  });
  if (S.batch.length === 0) return ranks[0] as number;
  const out = NDArray.empty(S.batch, 'int64', false);
  const D = out._data() as BigInt64Array;
  ranks.forEach((r, i) => {
    D[out._start + i] = BigInt(r);
  });
  return out;
}

/** `np.linalg.matrix_power(a, n)`: repeated squaring; negative powers through `inv`. */
export function matrix_power(a_: ArrayLike, n: number): NDArray {
  if (typeof n !== 'number' || !Number.isInteger(n))
    throw TypeError_('exponent must be an integer');
  let a = _arr(a_);
  assertStacked2d(a);
  assertSquare(a);
  if (n === 0) {
    const out = NDArray.empty(a._shape, a.dtype, true);
    const D = out._data();
    const k = a._shape[a.ndim - 1] as number;
    const cnt = shapeSize(a._shape.slice(0, -2));
    const one = DTYPE_INFO[a.dtype].big ? 1n : 1;
    for (let t = 0; t < cnt; t++)
      for (let i = 0; i < k; i++)
        (D as Float64Array)[out._start + t * k * k + i * k + i] = one as number;
    return out;
  }
  if (n < 0) {
    a = inv(a);
    n = -n;
  }
  const mm = (x: NDArray, y: NDArray): NDArray => matmulProduct(x, y) as NDArray;
  if (n === 1) return a;
  if (n === 2) return mm(a, a);
  if (n === 3) return mm(mm(a, a), a);
  let z: NDArray | null = null;
  let result: NDArray | null = null;
  while (n > 0) {
    z = z === null ? a : mm(z, z);
    const bit = n % 2;
    n = Math.floor(n / 2);
    if (bit) result = result === null ? z : mm(result, z);
  }
  return result as NDArray;
}

// ---------------------------------------------------------------------------------------------
// norm

type Ord = number | 'fro' | 'f' | 'nuc' | null;

export interface NormOptions {
  ord?: Ord;
  axis?: number | number[] | null;
  keepdims?: boolean;
}

/** Reduces groups of `a` (axes `axes` moved last) with `fn` over each contiguous group. */
function reduceGroups(
  a: NDArray,
  axes: number[],
  fn: (g: Float64Array) => number,
  keepdims: boolean,
  rt: DType,
): NDArray {
  const keep = a._shape.map((_, i) => i).filter((i) => !axes.includes(i));
  const perm = [...keep, ...axes];
  const v = a._view(
    perm.map((i) => a._shape[i] as number),
    perm.map((i) => a._strides[i] as number),
    a._offset,
  );
  const c = copyArray(v, 'float64');
  const gsize = axes.reduce((p, i) => p * (a._shape[i] as number), 1);
  const count = keep.reduce((p, i) => p * (a._shape[i] as number), 1);
  const D = c._data() as Float64Array;
  const vals = new Float64Array(count);
  for (let t = 0; t < count; t++)
    vals[t] = fn(D.subarray(c._start + t * gsize, c._start + (t + 1) * gsize));
  const shape = keepdims
    ? a._shape.map((d, i) => (axes.includes(i) ? 1 : d))
    : keep.map((i) => a._shape[i] as number);
  return writeStack(shape, rt, [vals]);
}

function vecNorm(ord: Ord): (g: Float64Array) => number {
  if (ord === Infinity)
    return (g) => g.reduce((m, x) => Math.max(m, Math.abs(x)), g.length ? -Infinity : NaN);
  if (ord === -Infinity)
    return (g) => g.reduce((m, x) => Math.min(m, Math.abs(x)), g.length ? Infinity : NaN);
  if (ord === 0) return (g) => g.reduce((s, x) => s + (x !== 0 ? 1 : 0), 0);
  if (ord === 1) return (g) => g.reduce((s, x) => s + Math.abs(x), 0);
  if (ord === null || ord === 2) return (g) => Math.sqrt(g.reduce((s, x) => s + x * x, 0));
  if (typeof ord === 'string') throw ValueError(`Invalid norm order '${ord}' for vectors`);
  const p = ord;
  return (g) =>
    Math.pow(
      g.reduce((s, x) => s + Math.pow(Math.abs(x), p), 0),
      1 / p,
    );
}

function matNorm(ord: Ord, r: number, c: number): (g: Float64Array) => number {
  const colSums = (g: Float64Array): number[] => {
    const s = new Array<number>(c).fill(0);
    for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) s[j] = s[j]! + Math.abs(g[i * c + j]!);
    return s;
  };
  const rowSums = (g: Float64Array): number[] => {
    const s = new Array<number>(r).fill(0);
    for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) s[i] = s[i]! + Math.abs(g[i * c + j]!);
    return s;
  };
  const sv = (g: Float64Array): Float64Array => svdCore(Float64Array.from(g), r, c, false, false).s;
  const maxOf = (x: NumList): number => {
    if (x.length === 0)
      throw ValueError('zero-size array to reduction operation maximum which has no identity');
    let m = -Infinity;
    for (let i = 0; i < x.length; i++) m = Math.max(m, x[i]!);
    return m;
  };
  const minOf = (x: NumList): number => {
    if (x.length === 0)
      throw ValueError('zero-size array to reduction operation minimum which has no identity');
    let m = Infinity;
    for (let i = 0; i < x.length; i++) m = Math.min(m, x[i]!);
    return m;
  };
  switch (ord) {
    case 2:
      return (g) => maxOf(sv(g));
    case -2:
      return (g) => minOf(sv(g));
    case 1:
      return (g) => maxOf(colSums(g));
    case -1:
      return (g) => minOf(colSums(g));
    case Infinity:
      return (g) => maxOf(rowSums(g));
    case -Infinity:
      return (g) => minOf(rowSums(g));
    case null:
    case 'fro':
    case 'f':
      return (g) => Math.sqrt(g.reduce((s, x) => s + x * x, 0));
    case 'nuc':
      return (g) => sv(g).reduce((s, x) => s + x, 0);
    default:
      throw ValueError('Invalid norm order for matrices.');
  }
}

/** `np.linalg.norm(x, {ord, axis, keepdims})` (positional `norm(x, ord, axis, keepdims)` too). */
export function norm(x_: ArrayLike, ...rest: unknown[]): NDArray | number {
  const [pos, opts] = splitOpts<NormOptions>(rest);
  const ord = (pos[0] as Ord | undefined) ?? opts.ord ?? null;
  const axisArg = (pos[1] as number | number[] | null | undefined) ?? opts.axis ?? null;
  const keepdims = (pos[2] as boolean | undefined) ?? opts.keepdims ?? false;
  const x = _arr(x_);
  checkType(x);
  const rt: DType = x.dtype === 'float32' ? 'float32' : 'float64';
  const nd = x.ndim;
  if (axisArg === null) {
    if (ord === null || ((ord === 'fro' || ord === 'f') && nd === 2) || (ord === 2 && nd === 1)) {
      const all = x._shape.map((_, i) => i);
      const r = reduceGroups(x, all, vecNorm(null), keepdims, rt);
      return scalarOr(r);
    }
  }
  const axes =
    axisArg === null
      ? x._shape.map((_, i) => i)
      : typeof axisArg === 'number'
        ? [axisArg]
        : [...axisArg];
  for (const ax of axes) {
    if (!Number.isInteger(ax))
      throw TypeError_("'axis' must be None, an integer or a tuple of integers");
  }
  if (axes.length === 1) {
    const ax = normalizeAxis(axes[0] as number, nd);
    return scalarOr(reduceGroups(x, [ax], vecNorm(ord), keepdims, rt));
  }
  if (axes.length === 2) {
    const ra = normalizeAxis(axes[0] as number, nd);
    const ca = normalizeAxis(axes[1] as number, nd);
    if (ra === ca) throw ValueError('Duplicate axes given.');
    const fn = matNorm(ord, x._shape[ra] as number, x._shape[ca] as number);
    return scalarOr(reduceGroups(x, [ra, ca], fn, keepdims, rt));
  }
  throw ValueError('Improper number of dimensions to norm.');
}

// ---------------------------------------------------------------------------------------------
// general (nonsymmetric) eigenproblem, real spectra only: LAPACK's dgeev path (lapack-geev.ts)

function eigStack(
  a_: ArrayLike,
  wantVectors: boolean,
): { S: Stack; res: { w: Float64Array; v: Float64Array }[]; a: NDArray } {
  const a = _arr(a_);
  assertStacked2d(a);
  assertSquare(a);
  const S = readStack(a);
  const n = S.rows;
  const res = S.mats.map((m) => {
    for (const x of m)
      if (!Number.isFinite(x)) throw linAlgError('Array must not contain infs or NaNs');
    const r = geev(m, n, wantVectors);
    if (!r.converged) throw linAlgError('Eigenvalues did not converge');
    if (r.complex) {
      throw TypeError_(
        'ndscope does not support complex results: this matrix has complex eigenvalues (np.linalg.eig would return a complex128 array)',
      );
    }
    return r;
  });
  return { S, res, a };
}

/**
 * NumPy computes eig in complex and returns `w.real` when every imaginary part is zero: a view
 * with doubled strides over a complex buffer. The same layout here, so strides and flags match.
 */
function realPartView(shape: readonly number[], dtype: DType, blocks: readonly NumList[]): NDArray {
  // float32 inputs are computed in double and cast: NumPy's astype copy is contiguous
  if (dtype !== 'float64') return writeStack(shape, dtype, blocks);
  const owner = NDArray.empty([...shape, 2], dtype, true);
  const D = owner._data() as Float64Array | Float32Array;
  let p = owner._start;
  for (const b of blocks) {
    for (let i = 0; i < b.length; i++) D[p + 2 * i] = b[i] as number;
    p += 2 * b.length;
  }
  return owner._view(shape, owner._strides.slice(0, -1), 0);
}

/** `np.linalg.eig(a)` for matrices with real eigenvalues → `{eigenvalues, eigenvectors}`. */
export function eig(a_: ArrayLike): EigResult {
  const { S, res, a } = eigStack(a_, true);
  const w = realPartView(
    [...S.batch, S.rows],
    S.rt,
    res.map((r) => r.w),
  );
  const v = realPartView(
    a._shape,
    S.rt,
    res.map((r) => r.v),
  );
  return namedResult([w, v] as const, ['eigenvalues', 'eigenvectors']) as unknown as EigResult;
}

/** `np.linalg.eigvals(a)` for matrices with real eigenvalues. */
export function eigvals(a_: ArrayLike): NDArray {
  const { S, res } = eigStack(a_, false);
  return realPartView(
    [...S.batch, S.rows],
    S.rt,
    res.map((r) => r.w),
  );
}

// ---------------------------------------------------------------------------------------------
// NumPy 2's linalg aliases of array-API functions

/** `np.linalg.matmul(x1, x2)`. */
export const matmul = (x1: ArrayLike, x2: ArrayLike): NDArray | Scalar => matmulProduct(x1, x2);
/** `np.linalg.outer(x1, x2)` (1-D inputs only, as NumPy 2). */
export function outer(x1: ArrayLike, x2: ArrayLike): NDArray {
  const a = _arr(x1);
  const b = _arr(x2);
  if (a.ndim !== 1 || b.ndim !== 1) {
    throw ValueError(
      `Input arrays must be one-dimensional, but they are x1.ndim=${a.ndim} and x2.ndim=${b.ndim}.`,
    );
  }
  return outerProduct(a, b);
}

/** `np.linalg.multi_dot(arrays)`: left-to-right chained products (no order optimization). */
export function multi_dot(arrays: readonly ArrayLike[]): NDArray | Scalar {
  if (arrays.length < 2) throw ValueError('Expecting at least two arrays.');
  let acc: NDArray | Scalar = arrays[0] as ArrayLike as NDArray;
  for (let i = 1; i < arrays.length; i++) {
    acc = dotProduct(acc, arrays[i] as ArrayLike);
  }
  return acc;
}

/**
 * `np.linalg.LinAlgError`: `e instanceof np.linalg.LinAlgError` holds for every LinAlgError the
 * runtime throws (they are NumPyErrors named 'LinAlgError'); `new np.linalg.LinAlgError(msg)` works.
 */
export class LinAlgError extends NumPyError {
  constructor(message: string) {
    super('LinAlgError', message);
  }
  static override [Symbol.hasInstance](x: unknown): boolean {
    return x instanceof Error && x.name === 'LinAlgError';
  }
}

/** `np.linalg.tensordot` (same as `np.tensordot`). */
export const tensordot = (x1: ArrayLike, x2: ArrayLike, ...rest: unknown[]): NDArray | Scalar =>
  tensordotProduct(x1, x2, ...rest);

/** `np.linalg.vecdot(x1, x2, {axis})`. */
export const vecdot = (
  x1: ArrayLike,
  x2: ArrayLike,
  opts: { axis?: number } = {},
): NDArray | Scalar => vecdotProduct(x1, x2, opts);

/** `np.linalg.matrix_transpose(x)`: swaps the last two axes (a view). */
export function matrix_transpose(x_: ArrayLike): NDArray {
  const x = _arr(x_);
  if (x.ndim < 2)
    throw ValueError(`Input array must be at least 2-dimensional, but it is ${x.ndim}`);
  const perm = x._shape.map((_, i) => i);
  perm[x.ndim - 2] = x.ndim - 1;
  perm[x.ndim - 1] = x.ndim - 2;
  return _permute(x, perm);
}

/** `np.linalg.diagonal(x, {offset})`: diagonals of the last two axes (a read-only view, as NumPy). */
export function diagonal(x_: ArrayLike, opts: { offset?: number } = {}): NDArray {
  const x = _arr(x_);
  if (x.ndim < 2) throw ValueError('diag requires an array of at least two dimensions');
  const k = opts.offset ?? 0;
  const nd = x.ndim;
  const r = x._shape[nd - 2] as number;
  const c = x._shape[nd - 1] as number;
  const rs = x._strides[nd - 2] as number;
  const cs = x._strides[nd - 1] as number;
  const len = Math.max(0, k >= 0 ? Math.min(r, c - k) : Math.min(r + k, c));
  const off = len === 0 ? x._offset : x._offset + (k >= 0 ? k * cs : -k * rs);
  return x._view(
    [...x._shape.slice(0, -2), len],
    [...x._strides.slice(0, -2), rs + cs],
    off,
    false,
  );
}

/** `np.linalg.trace(x, {offset, dtype})`: traces over the last two axes. */
export function trace(
  x_: ArrayLike,
  opts: { offset?: number; dtype?: string | null } = {},
): NDArray | Scalar {
  const x = _arr(x_);
  if (x.ndim < 2) throw ValueError('diag requires an array of at least two dimensions');
  return traceProduct(x, {
    offset: opts.offset ?? 0,
    axis1: -2,
    axis2: -1,
    dtype: opts.dtype ?? null,
  });
}

/** `np.linalg.cross(x1, x2, {axis})`: 3-vectors only, as NumPy 2's linalg.cross. */
export function cross(
  x1: ArrayLike,
  x2: ArrayLike,
  opts: { axis?: number } = {},
): NDArray | Scalar {
  let a = _arr(x1);
  let b = _arr(x2);
  if (opts.axis !== undefined && opts.axis !== -1) {
    const mv = (x: NDArray): NDArray => {
      const ax = normalizeAxis(opts.axis as number, x.ndim);
      const perm = x._shape.map((_, i) => i).filter((i) => i !== ax);
      return _permute(x, [...perm, ax]);
    };
    a = mv(a);
    b = mv(b);
  }
  const na = a._shape[a.ndim - 1];
  const nb = b._shape[b.ndim - 1];
  if (na !== 3 || nb !== 3) {
    throw ValueError(
      `Both input arrays must be (arrays of) 3-dimensional vectors, but they are ${na ?? 0} and ${nb ?? 0} dimensional instead.`,
    );
  }
  return crossProduct(a, b);
}

/** `np.linalg.svdvals(x)`: singular values, descending. */
export function svdvals(x: ArrayLike): NDArray {
  return svd(x, { compute_uv: false }) as NDArray;
}

/** `np.linalg.matrix_norm(x, {ord='fro', keepdims})`: norms over the last two axes. */
export function matrix_norm(
  x_: ArrayLike,
  opts: { ord?: Ord; keepdims?: boolean } = {},
): NDArray | number {
  const x = _arr(x_);
  return norm(x, { ord: opts.ord ?? 'fro', axis: [-2, -1], keepdims: opts.keepdims ?? false });
}

/** `np.linalg.vector_norm(x, {axis, keepdims, ord=2})`: vector norms over one or several axes. */
export function vector_norm(
  x_: ArrayLike,
  opts: { axis?: number | number[] | null; keepdims?: boolean; ord?: number } = {},
): NDArray | number {
  const x = _arr(x_);
  checkType(x);
  const ord = (opts.ord ?? 2) as Ord;
  if (typeof ord === 'string') throw ValueError(`Invalid norm order '${String(ord)}' for vectors`);
  const rt: DType = x.dtype === 'float32' ? 'float32' : 'float64';
  const axis = opts.axis ?? null;
  const axes =
    axis === null
      ? x._shape.map((_, i) => i)
      : typeof axis === 'number'
        ? [normalizeAxis(axis, x.ndim)]
        : axis.map((a) => normalizeAxis(a, x.ndim));
  return scalarOr(reduceGroups(x, axes, vecNorm(ord), opts.keepdims ?? false, rt));
}

/** `np.linalg.cond(x, p)`: condition number (via singular values for p = None/2/-2). */
export function cond(x_: ArrayLike, p: Ord = null): NDArray | number {
  const x = _arr(x_);
  assertStacked2d(x);
  if (p === null || p === 2 || p === -2) {
    const { S, s } = singularValues(x);
    const vals = s.map((sv) =>
      p === -2 ? sv[sv.length - 1]! / sv[0]! : sv[0]! / sv[sv.length - 1]!,
    );
    return scalarOr(writeStack(S.batch, S.rt, [vals]));
  }
  assertSquare(x);
  const nx = norm(x, { ord: p, axis: [-2, -1] });
  let ni: NDArray | number;
  try {
    ni = norm(inv(x), { ord: p, axis: [-2, -1] });
  } catch (e) {
    if ((e as Error).name !== 'LinAlgError') throw e;
    return x.ndim === 2
      ? Infinity
      : writeStack(x._shape.slice(0, -2), resultType(x), [
          new Float64Array(shapeSize(x._shape.slice(0, -2))).fill(Infinity),
        ]);
  }
  if (typeof nx === 'number') return nx * (ni as number);
  const a = nx._values() as number[];
  const b = (ni as NDArray)._values() as number[];
  return writeStack(nx._shape, nx.dtype, [a.map((v, i) => v * b[i]!)]);
}

// ---------------------------------------------------------------------------------------------
// tensorsolve, tensorinv

/** A C-ordered copy of `x` reshaped to `shape` (sizes must agree). */
function reshapedCopy(x: NDArray, shape: readonly number[]): NDArray {
  return _reshapeOwned(copyArray(x), shape);
}

/** `np.linalg.tensorsolve(a, b, {axes})`: solves tensordot(a, x, b.ndim) = b for x. */
export function tensorsolve(
  a_: ArrayLike,
  b_: ArrayLike,
  opts: { axes?: number[] | null } = {},
): NDArray {
  let a = _arr(a_);
  const b = _arr(b_);
  const an = a.ndim;
  if (opts.axes !== undefined && opts.axes !== null) {
    const all = a._shape.map((_, i) => i);
    for (const k of opts.axes) {
      const kk = normalizeAxis(k, an);
      all.splice(all.indexOf(kk), 1);
      all.push(kk);
    }
    a = _permute(a, all);
  }
  const oldshape = a._shape.slice(an - (an - b.ndim));
  const prod = oldshape.reduce((p, d) => p * d, 1);
  if (a.size !== prod * prod) {
    throw linAlgError(
      'Input arrays must satisfy the requirement             prod(a.shape[b.ndim:]) == prod(a.shape[:b.ndim])',
    );
  }
  const x = solve(reshapedCopy(a, [prod, prod]), reshapedCopy(b, [b.size]));
  return _reshapeOwned(x, oldshape);
}

/** `np.linalg.tensorinv(a, {ind})`: the inverse with respect to tensordot(·, ·, ind). */
export function tensorinv(a_: ArrayLike, opts: { ind?: number } | number = {}): NDArray {
  const ind = typeof opts === 'number' ? opts : (opts.ind ?? 2);
  const a = _arr(a_);
  if (!(ind > 0)) throw ValueError('Invalid ind argument.');
  const old = a._shape;
  const invshape = [...old.slice(ind), ...old.slice(0, ind)];
  const prod = old.slice(ind).reduce((p, d) => p * d, 1);
  const rows = prod === 0 ? 0 : a.size / prod;
  if (!Number.isInteger(rows))
    throw ValueError(`cannot reshape array of size ${a.size} into shape (${prod},newaxis)`);
  const ia = inv(reshapedCopy(a, [prod, rows]));
  return _reshapeOwned(ia, invshape);
}
