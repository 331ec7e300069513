/**
 * Products: matmul (and `a.matmul(b)`), dot, vdot, inner, outer, tensordot, einsum, kron, trace,
 * cross. Every matrix product runs through the GEMM registry (`gemm.ts`), so a WASM backend can
 * replace the TS kernels without touching this file.
 */
import { splitOpts } from './args';
import { copyArray, copyInto, toJS } from './convert';
import {
  canCast,
  DTYPE_INFO,
  normalizeDtype,
  promoteTypes,
  type DType,
  type TypedArray,
} from './dtype';
import { normalizeAxis, TypeError_, ValueError } from './errors';
import { gemm } from './gemm';
import { shapeStrTight, tryBroadcastShapes } from './iter';
import { keepOrderPerm } from './ufunc_core';
import {
  NDArray,
  cStrides,
  isCContiguous,
  shapeSize,
  type ArrayLike,
  type Scalar,
} from './ndarray';
import { asarray } from './convert';

// ---------------------------------------------------------------------------------------------
// internal helpers (also used by linalg.ts)

/** `np.asarray` for any ArrayLike. */
export const _arr = (x: ArrayLike): NDArray => (x instanceof NDArray ? x : asarray(x));

/** `a` in dtype `dt` (no copy when it already is). */
export const _cast = (a: NDArray, dt: DType): NDArray => (a.dtype === dt ? a : copyArray(a, dt));

/** A C-contiguous version of `a` (no copy when it already is). */
export const _contig = (a: NDArray): NDArray =>
  isCContiguous(a._shape, a._strides) &&
  a._strides.every((s, i) => s !== 0 || (a._shape[i] as number) <= 1)
    ? a
    : copyArray(a);

/** A fresh owner array over the same buffer as C-contiguous `a`, with another shape. */
export function _reshapeOwned(a: NDArray, shape: readonly number[]): NDArray {
  return new NDArray({
    buffer: a.buffer,
    dtype: a.dtype,
    shape,
    strides: cStrides(shape),
    offset: a._offset,
    base: null,
    writeable: true,
  });
}

/** A fresh owner array over `a`'s buffer with explicit element strides (for permuted results). */
function ownedWithStrides(
  a: NDArray,
  shape: readonly number[],
  strides: readonly number[],
): NDArray {
  return new NDArray({
    buffer: a.buffer,
    dtype: a.dtype,
    shape,
    strides,
    offset: a._offset,
    base: null,
    writeable: true,
  });
}

/** A view of `a` with its axes permuted. */
export const _permute = (a: NDArray, axes: readonly number[]): NDArray =>
  a._view(
    axes.map((i) => a._shape[i] as number),
    axes.map((i) => a._strides[i] as number),
    a._offset,
  );

/** Result of a full reduction or 0-d product: the JS scalar NumPy users see. */
export function _scalarOf(a: NDArray): Scalar {
  const d = a._data();
  return toJS(d[a._start] as number | bigint, a.dtype);
}

/** Writes `res` into `out` (checking shape), returning `out`. */
function intoOut(res: NDArray, out: NDArray | undefined | null): NDArray {
  if (out === undefined || out === null) return res;
  if (!(out instanceof NDArray)) throw TypeError_('return arrays must be of ArrayType');
  out._assertWriteable();
  copyInto(out, res);
  return out;
}

/**
 * Batched `C[b] = A[b] · B[b]` over broadcast batch shape, all operands already in `dt`.
 * `a` is (..., n, k), `b` (..., k, m), `c` a fresh C-contiguous (batch..., n, m).
 */
function batchedGemm(
  a: NDArray,
  b: NDArray,
  c: NDArray,
  batch: readonly number[],
  n: number,
  k: number,
  m: number,
): void {
  const nb = batch.length;
  const aB = a._shape.length - 2;
  const bB = b._shape.length - 2;
  const aStr = (i: number): number => {
    const ax = i - (nb - aB);
    return ax < 0 || a._shape[ax] === 1 ? 0 : (a._strides[ax] as number);
  };
  const bStr = (i: number): number => {
    const ax = i - (nb - bB);
    return ax < 0 || b._shape[ax] === 1 ? 0 : (b._strides[ax] as number);
  };
  const as = batch.map((_, i) => aStr(i));
  const bs = batch.map((_, i) => bStr(i));
  const cs = c._strides.slice(0, nb);
  const total = shapeSize(batch);
  if (total === 0 || n === 0 || m === 0) return;
  const ars = a._strides[aB] as number;
  const acs = a._strides[aB + 1] as number;
  const brs = b._strides[bB] as number;
  const bcs = b._strides[bB + 1] as number;
  const crs = c._strides[nb] as number;
  const ccs = c._strides[nb + 1] as number;
  const A = a._data();
  const B = b._data();
  const C = c._data();
  const idx = new Array<number>(nb).fill(0);
  let pa = a._start;
  let pb = b._start;
  let pc = c._start;
  for (let t = 0; t < total; t++) {
    gemm(c.dtype, n, m, k, A, pa, ars, acs, B, pb, brs, bcs, C, pc, crs, ccs);
    for (let d = nb - 1; d >= 0; d--) {
      idx[d] = (idx[d] as number) + 1;
      pa += as[d] as number;
      pb += bs[d] as number;
      pc += cs[d] as number;
      if ((idx[d] as number) < (batch[d] as number)) break;
      pa -= (as[d] as number) * (batch[d] as number);
      pb -= (bs[d] as number) * (batch[d] as number);
      pc -= (cs[d] as number) * (batch[d] as number);
      idx[d] = 0;
    }
  }
}

/** 2-D `a (n,k) · b (k,m)` → fresh C-contiguous (n, m), inputs in dtype `dt`. */
export function _mm2(a: NDArray, b: NDArray): NDArray {
  const n = a._shape[0] as number;
  const k = a._shape[1] as number;
  const m = b._shape[1] as number;
  const c = NDArray.empty([n, m], a.dtype, false);
  if (n > 0 && m > 0) {
    gemm(
      a.dtype,
      n,
      m,
      k,
      a._data(),
      a._start,
      a._strides[0] as number,
      a._strides[1] as number,
      b._data(),
      b._start,
      b._strides[0] as number,
      b._strides[1] as number,
      c._data(),
      c._start,
      m,
      1,
    );
  }
  return c;
}

// ---------------------------------------------------------------------------------------------
// matmul

const MATMUL_SIG = '(n?,k),(k,m?)->(n?,m?)';

export interface MatmulOptions {
  out?: NDArray | null;
  dtype?: string | null;
}

/** The dtype NumPy computes a product in (`dtype` option, or promotion of the inputs). */
function productDtype(a: NDArray, b: NDArray, dtype?: string | null): DType {
  return dtype === undefined || dtype === null
    ? promoteTypes(a.dtype, b.dtype)
    : normalizeDtype(dtype);
}

/** `np.matmul(x1, x2, {out, dtype})` (`x1 @ x2`): 1-D promotion, batched broadcasting. */
export function matmul(x1: ArrayLike, x2: ArrayLike, opts: MatmulOptions = {}): NDArray | Scalar {
  let a = _arr(x1);
  let b = _arr(x2);
  for (const [i, x] of [a, b].entries()) {
    if (x.ndim === 0) {
      throw ValueError(
        `matmul: Input operand ${i} does not have enough dimensions (has 0, gufunc core with signature ${MATMUL_SIG} requires 1)`,
      );
    }
  }
  const aVec = a.ndim === 1;
  const bVec = b.ndim === 1;
  const ka = a._shape[a.ndim - 1] as number;
  const kb = (bVec ? b._shape[0] : b._shape[b.ndim - 2]) as number;
  if (ka !== kb) {
    throw ValueError(
      `matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature ${MATMUL_SIG} (size ${kb} is different from ${ka})`,
    );
  }
  const n = aVec ? 1 : (a._shape[a.ndim - 2] as number);
  const m = bVec ? 1 : (b._shape[b.ndim - 1] as number);
  const aBatch = aVec ? [] : a._shape.slice(0, -2);
  const bBatch = bVec ? [] : b._shape.slice(0, -2);
  const batch = tryBroadcastShapes([aBatch, bBatch]);
  if (batch === null) {
    const remap = (x: NDArray, bt: readonly number[]): string =>
      `${shapeStrTight(x._shape)}->(${[...bt, 'newaxis', 'newaxis'].join(',')})`;
    throw ValueError(
      `operands could not be broadcast together with remapped shapes [original->remapped]: ${remap(a, aBatch)} ${remap(b, bBatch)}  and requested shape (${n},${m})`,
    );
  }
  const outShape = [...batch, ...(aVec ? [] : [n]), ...(bVec ? [] : [m])];
  const out = opts.out ?? null;
  if (out !== null && out._shape.join(',') !== outShape.join(',')) {
    const oc = out._shape[out.ndim - 1];
    throw ValueError(
      `matmul: Output operand 0 has a mismatch in its core dimension 0, with gufunc signature ${MATMUL_SIG} (size ${oc ?? 0} is different from ${outShape[outShape.length - 1] ?? 0})`,
    );
  }
  const dt = productDtype(a, b, opts.dtype);
  for (const [i, x] of [a, b].entries()) {
    if (!canCast(x.dtype, dt, 'same_kind')) {
      throw TypeError_(
        `Cannot cast ufunc 'matmul' input ${i} from dtype('${x.dtype}') to dtype('${dt}') with casting rule 'same_kind'`,
      );
    }
  }
  if (out !== null && !canCast(dt, out.dtype, 'same_kind')) {
    throw TypeError_(
      `Cannot cast ufunc 'matmul' output from dtype('${dt}') to dtype('${out.dtype}') with casting rule 'same_kind'`,
    );
  }
  // As NumPy's gufunc iterator: the batch axes of a fresh output follow the inputs' batch strides
  // (order K), the core axes C-contiguous innermost.
  const batchViews: NDArray[] = [];
  for (const x of [a, b])
    if (x.ndim > 2) batchViews.push(x._view(x._shape.slice(0, -2), x._strides.slice(0, -2), x._offset));
  const batchPerm = keepOrderPerm(batch.length, batchViews);
  a = _cast(a, dt);
  b = _cast(b, dt);
  // 1-D operands as (1, k) and (k, 1) views
  if (aVec) a = a._view([1, ka], [0, a._strides[0] as number], a._offset);
  if (bVec) b = b._view([kb, 1], [b._strides[0] as number, 0], b._offset);
  let c = NDArray.empty([...batch, n, m], dt, ka === 0);
  if (c.size > 0 && batch.length > 1) {
    const strides = [...c._strides];
    let acc = n * m;
    for (const ax of batchPerm) {
      strides[ax] = acc;
      acc *= batch[ax] as number;
    }
    c = new NDArray({
      buffer: c.buffer,
      dtype: dt,
      shape: c._shape,
      strides,
      offset: 0,
      base: null,
      writeable: true,
    });
  }
  if (ka > 0) batchedGemm(a, b, c, batch, n, ka, m);
  const res =
    c.size > 0 && batch.length > 1
      ? new NDArray({
          buffer: c.buffer,
          dtype: dt,
          shape: outShape,
          strides: [
            ...c._strides.slice(0, batch.length),
            ...(aVec ? [] : [c._strides[batch.length] as number]),
            ...(bVec ? [] : [1]),
          ],
          offset: 0,
          base: null,
          writeable: true,
        })
      : _reshapeOwned(c, outShape);
  if (out !== null) return intoOut(res, out);
  return outShape.length === 0 ? _scalarOf(res) : res;
}

// ---------------------------------------------------------------------------------------------
// vecdot, matvec, vecmat (NumPy 2 gufuncs), computed through matmul on (…, 1, n)/(…, n, 1) views

function gufuncCoreCheck(name: string, sig: string, ops: NDArray[], need: number[]): void {
  ops.forEach((x, i) => {
    if (x.ndim < (need[i] as number)) {
      throw ValueError(
        `${name}: Input operand ${i} does not have enough dimensions (has ${x.ndim}, gufunc core with signature ${sig} requires ${need[i]})`,
      );
    }
  });
}

const rowView = (x: NDArray): NDArray =>
  x._view(
    [...x._shape.slice(0, -1), 1, x._shape[x.ndim - 1] as number],
    [...x._strides.slice(0, -1), 0, x._strides[x.ndim - 1] as number],
    x._offset,
  );
const colView = (x: NDArray): NDArray => x._view([...x._shape, 1], [...x._strides, 0], x._offset);

function moveAxisLast(x: NDArray, axis: number): NDArray {
  const ax = normalizeAxis(axis, x.ndim);
  const perm = x._shape.map((_, i) => i).filter((i) => i !== ax);
  return _permute(x, [...perm, ax]);
}

/** `np.vecdot(x1, x2, {axis})`: dot products of vectors along `axis` (default -1), broadcasting. */
export function vecdot(
  x1: ArrayLike,
  x2: ArrayLike,
  opts: { axis?: number } = {},
): NDArray | Scalar {
  const sig = '(n),(n)->()';
  let a = _arr(x1);
  let b = _arr(x2);
  gufuncCoreCheck('vecdot', sig, [a, b], [1, 1]);
  if (opts.axis !== undefined && opts.axis !== -1) {
    a = moveAxisLast(a, opts.axis);
    b = moveAxisLast(b, opts.axis);
  }
  const n = a._shape[a.ndim - 1] as number;
  const nb = b._shape[b.ndim - 1] as number;
  if (n !== nb)
    throw ValueError(
      `vecdot: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature ${sig} (size ${nb} is different from ${n})`,
    );
  const batch = tryBroadcastShapes([a._shape.slice(0, -1), b._shape.slice(0, -1)]);
  if (batch === null) {
    const remap = (x: NDArray): string =>
      `${shapeStrTight(x._shape)}->(${[...x._shape.slice(0, -1), 'newaxis'].join(',')})`;
    throw ValueError(
      `operands could not be broadcast together with remapped shapes [original->remapped]: ${remap(a)} ${remap(b)}  and requested shape ()`,
    );
  }
  const r = matmul(rowView(a), colView(b)) as NDArray;
  const res = _reshapeOwned(r, batch);
  return batch.length === 0 ? _scalarOf(res) : res;
}

/** `np.matvec(x1, x2)`: matrix-vector products, (…, m, n)·(…, n) → (…, m). */
export function matvec(x1: ArrayLike, x2: ArrayLike): NDArray {
  const sig = '(m,n),(n)->(m)';
  const a = _arr(x1);
  const b = _arr(x2);
  gufuncCoreCheck('matvec', sig, [a, b], [2, 1]);
  const n = a._shape[a.ndim - 1] as number;
  const nb = b._shape[b.ndim - 1] as number;
  if (n !== nb)
    throw ValueError(
      `matvec: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature ${sig} (size ${nb} is different from ${n})`,
    );
  const r = matmul(a, colView(b)) as NDArray;
  return _reshapeOwned(r, r._shape.slice(0, -1));
}

/** `np.vecmat(x1, x2)`: vector-matrix products, (…, n)·(…, n, m) → (…, m). */
export function vecmat(x1: ArrayLike, x2: ArrayLike): NDArray {
  const sig = '(n),(n,m)->(m)';
  const a = _arr(x1);
  const b = _arr(x2);
  gufuncCoreCheck('vecmat', sig, [a, b], [1, 2]);
  const n = a._shape[a.ndim - 1] as number;
  const nb = b._shape[b.ndim - 2] as number;
  if (n !== nb)
    throw ValueError(
      `vecmat: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature ${sig} (size ${nb} is different from ${n})`,
    );
  const r = matmul(rowView(a), b) as NDArray;
  return _reshapeOwned(r, [...r._shape.slice(0, -2), r._shape[r.ndim - 1] as number]);
}

// ---------------------------------------------------------------------------------------------
// dot, vdot, inner, outer, tensordot

/** Elementwise product of a 0-d operand with an array (dot/inner with a scalar). */
function scalarTimes(s: NDArray, x: NDArray, dt: DType): NDArray {
  const sx = _cast(s, dt);
  const xx = _contig(_cast(x, dt));
  const flat = xx._view([1, xx.size], [0, 1], xx._offset);
  const one = sx._view([1, 1], [0, 0], sx._offset);
  const c = _mm2(one, flat);
  return _reshapeOwned(c, x._shape);
}

function tensorCore(a: NDArray, b: NDArray, axesA: number[], axesB: number[], dt: DType): NDArray {
  const freeA = a._shape.map((_, i) => i).filter((i) => !axesA.includes(i));
  const freeB = b._shape.map((_, i) => i).filter((i) => !axesB.includes(i));
  const ac = _contig(_permute(_cast(a, dt), [...freeA, ...axesA]));
  const bc = _contig(_permute(_cast(b, dt), [...axesB, ...freeB]));
  const M = freeA.reduce((p, i) => p * (a._shape[i] as number), 1);
  const N = freeB.reduce((p, i) => p * (b._shape[i] as number), 1);
  const K = axesA.reduce((p, i) => p * (a._shape[i] as number), 1);
  const a2 = ac._view([M, K], [K, 1], ac._offset);
  const b2 = bc._view([K, N], [N, 1], bc._offset);
  const c = _mm2(a2, b2);
  if (K === 0) c._data().fill((DTYPE_INFO[dt].big ? 0n : 0) as never, c._start, c._start + M * N);
  return _reshapeOwned(c, [
    ...freeA.map((i) => a._shape[i] as number),
    ...freeB.map((i) => b._shape[i] as number),
  ]);
}

/** `np.dot(a, b, {out})` with NumPy's N-D rule (last axis of a with second-to-last of b). */
export function dot(
  x1: ArrayLike,
  x2: ArrayLike,
  opts: { out?: NDArray | null } | NDArray = {},
): NDArray | Scalar {
  const out = opts instanceof NDArray ? opts : (opts.out ?? null);
  const a = _arr(x1);
  const b = _arr(x2);
  const dt = promoteTypes(a.dtype, b.dtype);
  let res: NDArray;
  if (a.ndim === 0 || b.ndim === 0) {
    res = a.ndim === 0 ? scalarTimes(a, b, dt) : scalarTimes(b, a, dt);
  } else {
    const ax = a.ndim - 1;
    const bx = Math.max(b.ndim - 2, 0);
    if (a._shape[ax] !== b._shape[bx]) {
      throw ValueError(
        `shapes ${shapeStrTight(a._shape)} and ${shapeStrTight(b._shape)} not aligned: ${a._shape[ax]} (dim ${ax}) != ${b._shape[bx]} (dim ${bx})`,
      );
    }
    res = tensorCore(a, b, [ax], [bx], dt);
  }
  if (out !== null) {
    if (
      !(out instanceof NDArray) ||
      out.dtype !== res.dtype ||
      out.ndim !== res.ndim ||
      !out.flags.c_contiguous
    ) {
      throw ValueError(
        'output array is not acceptable (must have the right datatype, number of dimensions, and be a C-Array)',
      );
    }
    if (out._shape.join(',') !== res._shape.join(','))
      throw ValueError('output array has wrong dimensions');
    intoOut(res, out);
    return out.ndim === 0 ? _scalarOf(out) : out;
  }
  return res.ndim === 0 ? _scalarOf(res) : res;
}

/** `np.vdot(a, b)`: dot of the flattened arrays (real dtypes: no conjugation). */
export function vdot(x1: ArrayLike, x2: ArrayLike): Scalar {
  const a = _arr(x1);
  const b = _arr(x2);
  if (a.size !== b.size)
    throw ValueError(`cannot reshape array of size ${b.size} into shape (${a.size},)`);
  const dt = promoteTypes(a.dtype, b.dtype);
  const ac = _contig(_cast(a, dt));
  const bc = _contig(_cast(b, dt));
  const n = a.size;
  const c = _mm2(ac._view([1, n], [0, 1], ac._offset), bc._view([n, 1], [1, 0], bc._offset));
  if (n === 0) c._data().fill((DTYPE_INFO[dt].big ? 0n : 0) as never, c._start, c._start + 1);
  return _scalarOf(c);
}

/** `np.inner(a, b)`: sum over the last axes. */
export function inner(x1: ArrayLike, x2: ArrayLike): NDArray | Scalar {
  const a = _arr(x1);
  const b = _arr(x2);
  const dt = promoteTypes(a.dtype, b.dtype);
  let res: NDArray;
  if (a.ndim === 0 || b.ndim === 0)
    res = a.ndim === 0 ? scalarTimes(a, b, dt) : scalarTimes(b, a, dt);
  else {
    const ax = a.ndim - 1;
    const bx = b.ndim - 1;
    if (a._shape[ax] !== b._shape[bx]) {
      throw ValueError(
        `shapes ${shapeStrTight(a._shape)} and ${shapeStrTight(b._shape)} not aligned: ${a._shape[ax]} (dim ${ax}) != ${b._shape[bx]} (dim ${bx})`,
      );
    }
    res = tensorCore(a, b, [ax], [bx], dt);
  }
  return res.ndim === 0 ? _scalarOf(res) : res;
}

/** `np.outer(a, b, {out})`: a.ravel()[:, None] * b.ravel()[None, :]. */
export function outer(x1: ArrayLike, x2: ArrayLike, opts: { out?: NDArray | null } = {}): NDArray {
  const a = _arr(x1);
  const b = _arr(x2);
  const dt = promoteTypes(a.dtype, b.dtype);
  const ac = _contig(_cast(a, dt));
  const bc = _contig(_cast(b, dt));
  const res = _mm2(
    ac._view([a.size, 1], [1, 0], ac._offset),
    bc._view([1, b.size], [0, 1], bc._offset),
  );
  return intoOut(res, opts.out);
}

/** `np.tensordot(a, b, {axes})`: axes an int N (last N of a with first N of b) or a pair of lists. */
export function tensordot(x1: ArrayLike, x2: ArrayLike, ...rest: unknown[]): NDArray | Scalar {
  const [pos, opts] = splitOpts<{ axes?: number | [number | number[], number | number[]] }>(rest);
  const axes = (pos.length > 0 ? pos[0] : (opts.axes ?? 2)) as
    number | [number | number[], number | number[]];
  const a = _arr(x1);
  const b = _arr(x2);
  let axA: number[];
  let axB: number[];
  if (typeof axes === 'number') {
    if (!Number.isInteger(axes))
      throw TypeError_("'float' object cannot be interpreted as an integer");
    axA = axes <= 0 ? [] : Array.from({ length: axes }, (_, i) => a.ndim - axes + i);
    axB = axes <= 0 ? [] : Array.from({ length: axes }, (_, i) => i);
  } else {
    const [p, q] = axes;
    axA = typeof p === 'number' ? [p] : [...p];
    axB = typeof q === 'number' ? [q] : [...q];
  }
  if (axA.length !== axB.length) throw ValueError('shape-mismatch for sum');
  axA = axA.map((x) => (x < 0 ? x + a.ndim : x));
  axB = axB.map((x) => (x < 0 ? x + b.ndim : x));
  for (let i = 0; i < axA.length; i++) {
    const x = axA[i] as number;
    const y = axB[i] as number;
    if (x < 0 || x >= a.ndim || y < 0 || y >= b.ndim) throw ValueError('shape-mismatch for sum');
    if (a._shape[x] !== b._shape[y]) throw ValueError('shape-mismatch for sum');
  }
  const res = tensorCore(a, b, axA, axB, promoteTypes(a.dtype, b.dtype));
  return res;
}

/** `np.kron(a, b)`: the Kronecker product. */
export function kron(x1: ArrayLike, x2: ArrayLike): NDArray {
  let a = _arr(x1);
  let b = _arr(x2);
  const nd = Math.max(a.ndim, b.ndim);
  const pad = (x: NDArray): NDArray => {
    const k = nd - x.ndim;
    return x._view(
      [...new Array<number>(k).fill(1), ...x._shape],
      [...new Array<number>(k).fill(0), ...x._strides],
      x._offset,
    );
  };
  a = pad(a);
  b = pad(b);
  const o = outer(a, b); // (a.size, b.size) in C order of a's and b's indices
  const full = _reshapeOwned(o, [...a._shape, ...b._shape]);
  const perm: number[] = [];
  for (let i = 0; i < nd; i++) perm.push(i, nd + i);
  const c = copyArray(_permute(full, perm));
  return _reshapeOwned(
    c,
    a._shape.map((d, i) => d * (b._shape[i] as number)),
  );
}

// ---------------------------------------------------------------------------------------------
// trace, cross

/** NumPy's `sum` dtype for integer/bool inputs (platform int widening). */
function sumDtype(d: DType): DType {
  const k = DTYPE_INFO[d].kind;
  if (k === 'b' || (k === 'i' && d !== 'int64')) return 'int64';
  if (k === 'u' && d !== 'uint64') return 'uint64';
  return d;
}

export interface TraceOptions {
  offset?: number;
  axis1?: number;
  axis2?: number;
  dtype?: string | null;
  out?: NDArray | null;
}

/** `np.trace(a, {offset, axis1, axis2, dtype, out})`: sum along a diagonal. */
export function trace(x: ArrayLike, ...rest: unknown[]): NDArray | Scalar {
  const [pos, opts] = splitOpts<TraceOptions>(rest);
  const a = _arr(x);
  const offset = (pos[0] as number | undefined) ?? opts.offset ?? 0;
  if (a.ndim < 2) throw ValueError('diag requires an array of at least two dimensions');
  const ax1 = normalizeAxis((pos[1] as number | undefined) ?? opts.axis1 ?? 0, a.ndim);
  const ax2 = normalizeAxis((pos[2] as number | undefined) ?? opts.axis2 ?? 1, a.ndim);
  if (ax1 === ax2) throw ValueError('axis1 and axis2 cannot be the same');
  const dtArg = (pos[3] as DType | undefined) ?? opts.dtype;
  const dt = dtArg === undefined || dtArg === null ? sumDtype(a.dtype) : normalizeDtype(dtArg);
  const n1 = a._shape[ax1] as number;
  const n2 = a._shape[ax2] as number;
  const len = Math.max(0, offset >= 0 ? Math.min(n1, n2 - offset) : Math.min(n1 + offset, n2));
  const start =
    offset >= 0 ? offset * (a._strides[ax2] as number) : -offset * (a._strides[ax1] as number);
  const rem = a._shape.map((_, i) => i).filter((i) => i !== ax1 && i !== ax2);
  const diag = a._view(
    [...rem.map((i) => a._shape[i] as number), len],
    [
      ...rem.map((i) => a._strides[i] as number),
      (a._strides[ax1] as number) + (a._strides[ax2] as number),
    ],
    a._offset + (len > 0 ? start : 0),
  );
  const dc = copyArray(diag, dt);
  const outShape = rem.map((i) => a._shape[i] as number);
  const res = NDArray.empty(outShape, dt, true);
  const D = dc._data();
  const R = res._data();
  const cnt = shapeSize(outShape);
  const big = DTYPE_INFO[dt].big;
  for (let t = 0; t < cnt; t++) {
    if (big) {
      let s = 0n;
      for (let j = 0; j < len; j++) s += D[dc._start + t * len + j] as bigint;
      (R as BigInt64Array)[res._start + t] = BigInt.asIntN(64, s);
    } else if (dt === 'bool') {
      let s = 0;
      for (let j = 0; j < len; j++) if (D[dc._start + t * len + j]) s = 1;
      R[res._start + t] = s;
    } else {
      let s = 0;
      for (let j = 0; j < len; j++) s += D[dc._start + t * len + j] as number;
      R[res._start + t] = s;
    }
  }
  const out = (pos[4] as NDArray | undefined) ?? opts.out ?? null;
  if (out !== null) return intoOut(res, out);
  return res.ndim === 0 ? _scalarOf(res) : res;
}

/** `np.cross(a, b)` for vectors of length 3 (or 2, giving the z component) along the last axis. */
export function cross(x1: ArrayLike, x2: ArrayLike): NDArray | Scalar {
  const a = _arr(x1);
  const b = _arr(x2);
  const na = a._shape[a.ndim - 1];
  const nb = b._shape[b.ndim - 1];
  if (a.ndim === 0 || b.ndim === 0 || (na !== 2 && na !== 3) || (nb !== 2 && nb !== 3)) {
    throw ValueError('incompatible dimensions for cross product\n(dimension must be 2 or 3)');
  }
  const bshape = tryBroadcastShapes([a._shape.slice(0, -1), b._shape.slice(0, -1)]);
  if (bshape === null) {
    throw ValueError(
      `operands could not be broadcast together with shapes ${shapeStrTight(a._shape.slice(0, -1))} ${shapeStrTight(b._shape.slice(0, -1))} `,
    );
  }
  const dt = promoteTypes(a.dtype, b.dtype);
  const ac = _cast(a, dt);
  const bc = _cast(b, dt);
  const three = na === 3 || nb === 3;
  const outShape = three ? [...bshape, 3] : bshape;
  const res = NDArray.empty(outShape, dt, true);
  const A = ac._data();
  const B = bc._data();
  const R = res._data();
  const big = DTYPE_INFO[dt].big;
  const cnt = shapeSize(bshape);
  const nbd = bshape.length;
  const strideFor = (x: NDArray, i: number): number => {
    const ax = i - (nbd - (x.ndim - 1));
    return ax < 0 || x._shape[ax] === 1 ? 0 : (x._strides[ax] as number);
  };
  const idx = new Array<number>(nbd).fill(0);
  const la = ac._strides[ac.ndim - 1] as number;
  const lb = bc._strides[bc.ndim - 1] as number;
  const wrap = (v: number): number => v;
  for (let t = 0; t < cnt; t++) {
    let pa = ac._start;
    let pb = bc._start;
    for (let d = 0; d < nbd; d++) {
      pa += (idx[d] as number) * strideFor(ac, d);
      pb += (idx[d] as number) * strideFor(bc, d);
    }
    const get = (X: TypedArray, p: number, s: number, n: number, i: number): number | bigint =>
      i < n ? (X[p + i * s] as number | bigint) : big ? 0n : 0;
    const a0 = get(A, pa, la, na, 0),
      a1 = get(A, pa, la, na, 1),
      a2 = get(A, pa, la, na, 2);
    const b0 = get(B, pb, lb, nb, 0),
      b1 = get(B, pb, lb, nb, 1),
      b2 = get(B, pb, lb, nb, 2);
    const o = res._start + t * (three ? 3 : 1);
    if (big) {
      const [x0, x1, x2, y0, y1, y2] = [a0, a1, a2, b0, b1, b2] as bigint[];
      const z = (x0 as bigint) * (y1 as bigint) - (x1 as bigint) * (y0 as bigint);
      if (three) {
        (R as BigInt64Array)[o] = BigInt.asIntN(
          64,
          (x1 as bigint) * (y2 as bigint) - (x2 as bigint) * (y1 as bigint),
        );
        (R as BigInt64Array)[o + 1] = BigInt.asIntN(
          64,
          (x2 as bigint) * (y0 as bigint) - (x0 as bigint) * (y2 as bigint),
        );
        (R as BigInt64Array)[o + 2] = BigInt.asIntN(64, z);
      } else (R as BigInt64Array)[o] = BigInt.asIntN(64, z);
    } else {
      const [x0, x1, x2, y0, y1, y2] = [a0, a1, a2, b0, b1, b2] as number[];
      const z = wrap((x0 as number) * (y1 as number) - (x1 as number) * (y0 as number));
      if (three) {
        R[o] = (x1 as number) * (y2 as number) - (x2 as number) * (y1 as number);
        R[o + 1] = (x2 as number) * (y0 as number) - (x0 as number) * (y2 as number);
        R[o + 2] = z;
      } else R[o] = z;
    }
    for (let d = nbd - 1; d >= 0; d--) {
      idx[d] = (idx[d] as number) + 1;
      if ((idx[d] as number) < (bshape[d] as number)) break;
      idx[d] = 0;
    }
  }
  return res.ndim === 0 ? res : res;
}

// ---------------------------------------------------------------------------------------------
// einsum

const isLetter = (ch: string): boolean => /^[A-Za-z]$/.test(ch);

interface ParsedEinsum {
  inputs: string[][];
  output: string[];
}

function parseEinsum(subscripts: string, ops: NDArray[]): ParsedEinsum {
  const s = subscripts.replace(/\s+/g, '');
  const arrow = s.indexOf('->');
  const lhs = arrow >= 0 ? s.slice(0, arrow) : s;
  const rhs = arrow >= 0 ? s.slice(arrow + 2) : null;
  const terms = lhs.split(',');
  // NumPy's texts: too few operands for the subscripts reads 'more operands … than specified'
  if (terms.length > ops.length)
    throw ValueError(
      'more operands provided to einstein sum function than specified in the subscripts string',
    );
  if (terms.length < ops.length)
    throw ValueError(
      'fewer operands provided to einstein sum function than specified in the subscripts string',
    );
  const inputs: string[][] = [];
  for (let t = 0; t < terms.length; t++) {
    const term = terms[t] as string;
    const op = ops[t] as NDArray;
    const labels: string[] = [];
    let ell = -1;
    for (let i = 0; i < term.length; i++) {
      const ch = term[i] as string;
      if (ch === '.') {
        if (term.slice(i, i + 3) !== '...' || ell >= 0) {
          throw ValueError(
            "einstein sum subscripts string contains a '.' that is not part of an ellipsis ('...')",
          );
        }
        ell = labels.length;
        i += 2;
        continue;
      }
      if (!isLetter(ch))
        throw ValueError(
          `invalid subscript '${ch}' in einstein sum subscripts string, subscripts must be letters`,
        );
      labels.push(ch);
    }
    if (ell < 0) {
      if (labels.length > op.ndim)
        throw ValueError(
          `einstein sum subscripts string contains too many subscripts for operand ${t}`,
        );
      if (labels.length < op.ndim) {
        throw ValueError(
          "operand has more dimensions than subscripts given in einstein sum, but no '...' ellipsis provided to broadcast the extra dimensions.",
        );
      }
    } else {
      const extra = op.ndim - labels.length;
      if (extra < 0)
        throw ValueError(
          `einstein sum subscripts string contains too many subscripts for operand ${t}`,
        );
      // ellipsis dims get private labels '0', '1', … counted from the right (broadcast alignment)
      const ellLabels: string[] = [];
      for (let j = 0; j < extra; j++) ellLabels.push(String.fromCharCode(0x2460 + (extra - 1 - j)));
      labels.splice(ell, 0, ...ellLabels);
    }
    inputs.push(labels);
  }
  const maxEll = Math.max(0, ...inputs.map((l) => l.filter((c) => !isLetter(c)).length));
  const ellAll: string[] = [];
  for (let j = maxEll - 1; j >= 0; j--) ellAll.push(String.fromCharCode(0x2460 + j));
  let output: string[];
  if (rhs === null) {
    const counts = new Map<string, number>();
    for (const l of inputs)
      for (const c of l) if (isLetter(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
    output = [
      ...ellAll,
      ...[...counts.entries()]
        .filter(([, n]) => n === 1)
        .map(([c]) => c)
        .sort(),
    ];
  } else {
    output = [];
    for (let i = 0; i < rhs.length; i++) {
      const ch = rhs[i] as string;
      if (ch === '.') {
        if (rhs.slice(i, i + 3) !== '...')
          throw ValueError(
            "einstein sum subscripts string contains a '.' that is not part of an ellipsis ('...') in the output",
          );
        output.push(...ellAll);
        i += 2;
        continue;
      }
      if (!isLetter(ch))
        throw ValueError(
          `invalid subscript '${ch}' in einstein sum subscripts string, subscripts must be letters`,
        );
      if (output.includes(ch))
        throw ValueError(
          `einstein sum subscripts string includes output subscript '${ch}' multiple times`,
        );
      if (!inputs.some((l) => l.includes(ch)))
        throw ValueError(
          `einstein sum subscripts string included output subscript '${ch}' which never appeared in an input`,
        );
      output.push(ch);
    }
  }
  return { inputs, output };
}

/** Per operand: label → summed element stride (repeated labels take diagonals). */
function labelStrides(
  op: NDArray,
  labels: string[],
  t: number,
  single: boolean,
): Map<string, number> {
  const m = new Map<string, number>();
  const size = new Map<string, number>();
  labels.forEach((c, i) => {
    const d = op._shape[i] as number;
    const prev = size.get(c);
    if (prev !== undefined && prev !== d) {
      const who = single ? 'single operand' : `operand ${t}`;
      throw ValueError(
        `dimensions in ${who} for collapsing index '${c}' don't match (${prev} != ${d})`,
      );
    }
    size.set(c, d);
    m.set(c, (m.get(c) ?? 0) + (d === 1 ? 0 : (op._strides[i] as number)));
  });
  return m;
}

/** `np.einsum(subscripts, ...operands, {out, dtype})`. */
export function einsum(subscripts: string, ...rest: unknown[]): NDArray | Scalar {
  const [pos, opts] = splitOpts<{ out?: NDArray | null; dtype?: string | null }>(rest);
  if (typeof subscripts !== 'string')
    throw TypeError_('einsum: subscripts must be a string (the sublist form is not supported)');
  const ops = pos.map((x) => _arr(x as ArrayLike));
  const { inputs, output } = parseEinsum(subscripts, ops);
  const dt =
    opts.dtype !== undefined && opts.dtype !== null
      ? normalizeDtype(opts.dtype)
      : ops.map((o) => o.dtype).reduce((x, y) => promoteTypes(x, y));
  const out = opts.out ?? null;

  // single operand, no summation: a view (transpose / diagonal), as NumPy
  if (ops.length === 1 && out === null && (opts.dtype === undefined || opts.dtype === null)) {
    const labels = inputs[0] as string[];
    if (labels.every((c) => output.includes(c))) {
      const op = ops[0] as NDArray;
      const st = labelStrides(op, labels, 0, true);
      const shape = output.map((c) => op._shape[labels.indexOf(c)] as number);
      return op._view(
        shape,
        output.map((c) => st.get(c) as number),
        op._offset,
      );
    }
  }

  // label sizes, with broadcasting of size-1 dims across operands
  const size = new Map<string, number>();
  const strides = ops.map((op, t) => labelStrides(op, inputs[t] as string[], t, false));
  let bad = false;
  ops.forEach((op, t) => {
    (inputs[t] as string[]).forEach((c, i) => {
      const d = op._shape[i] as number;
      const prev = size.get(c);
      if (prev === undefined || prev === 1) size.set(c, d);
      else if (d !== 1 && d !== prev) bad = true;
    });
  });
  const all = [...output];
  for (const l of inputs) for (const c of l) if (!all.includes(c)) all.push(c);
  if (bad) {
    const shapes = ops.map((op, t) => {
      const labs = inputs[t] as string[];
      const parts = all.map((c) =>
        labs.includes(c) ? String(op._shape[labs.indexOf(c)]) : 'newaxis',
      );
      while (parts.length > 0 && parts[0] === 'newaxis') parts.shift();
      return `${shapeStrTight(op._shape)}->(${parts.join(',')})`;
    });
    throw ValueError(
      `operands could not be broadcast together with remapped shapes [original->remapped]: ${shapes.join(' ')} `,
    );
  }
  const outShape = output.map((c) => size.get(c) as number);
  const cast = ops.map((o) => _cast(o, dt));
  // broadcast (size-1) dims step with stride 0
  const opStr = cast.map((op, t) => {
    const labs = inputs[t] as string[];
    return all.map((c) => {
      const i = labs.indexOf(c);
      if (i < 0 || op._shape[i] === 1) return 0;
      return (strides[t] as Map<string, number>).get(c) as number;
    });
  });

  // two operands, no diagonals and no one-sided summed labels: GEMM per batch
  if (cast.length === 2 && inputs.every((l) => new Set(l).size === l.length)) {
    const [la, lb] = inputs as [string[], string[]];
    const [A, B] = cast as [NDArray, NDArray];
    const batchL = output.filter((c) => la.includes(c) && lb.includes(c));
    const leftL = output.filter((c) => la.includes(c) && !lb.includes(c));
    const rightL = output.filter((c) => lb.includes(c) && !la.includes(c));
    const sumL = la.filter((c) => lb.includes(c) && !output.includes(c));
    const oneSided = [...la, ...lb].some(
      (c) => !output.includes(c) && !(la.includes(c) && lb.includes(c)),
    );
    const noBroadcast = [
      ...la.map((c, i) => [c, A._shape[i]] as const),
      ...lb.map((c, i) => [c, B._shape[i]] as const),
    ].every(([c, d]) => d === size.get(c));
    if (!oneSided && noBroadcast) {
      const ap = copyArray(
        _permute(
          A,
          [...batchL, ...leftL, ...sumL].map((c) => la.indexOf(c)),
        ),
      );
      const bp = copyArray(
        _permute(
          B,
          [...batchL, ...sumL, ...rightL].map((c) => lb.indexOf(c)),
        ),
      );
      const sz = (ls: string[]): number => ls.reduce((p, c) => p * (size.get(c) as number), 1);
      const nb = sz(batchL);
      const M = sz(leftL);
      const K = sz(sumL);
      const N = sz(rightL);
      const a3 = ap._view([nb, M, K], [M * K, K, 1], ap._offset);
      const b3 = bp._view([nb, K, N], [K * N, N, 1], bp._offset);
      const c = NDArray.empty([nb, M, N], dt, true);
      if (K > 0) batchedGemm(a3, b3, c, [nb], M, K, N);
      const natural = [...batchL, ...leftL, ...rightL];
      const natShape = natural.map((c2) => size.get(c2) as number);
      const natStrides = cStrides(natShape);
      const res = ownedWithStrides(
        c,
        outShape,
        output.map((c2) => natStrides[natural.indexOf(c2)] as number),
      );
      if (out !== null) return intoOut(res, out);
      return res.ndim === 0 ? _scalarOf(res) : res;
    }
  }

  // general: explicit loop over every label combination
  const res = NDArray.empty(outShape, dt, true);
  const allSizes = all.map((c) => size.get(c) as number);
  const nOut = output.length;
  const total = shapeSize(allSizes);
  const R = res._data();
  const Ds = cast.map((o) => o._data());
  const big = DTYPE_INFO[dt].big;
  const isBool = dt === 'bool';
  const small32 = !big && DTYPE_INFO[dt].kind !== 'f' && !isBool;
  const resStr = cStrides(outShape);
  if (total > 0) {
    const idx = new Array<number>(all.length).fill(0);
    const ptr = cast.map((o) => o._start);
    const nOps = cast.length;
    for (let t = 0; t < total; t++) {
      let ro = res._start;
      for (let d = 0; d < nOut; d++) ro += (idx[d] as number) * (resStr[d] as number);
      if (big) {
        let p = 1n;
        for (let o = 0; o < nOps; o++) p *= (Ds[o] as BigInt64Array)[ptr[o] as number] as bigint;
        (R as BigInt64Array)[ro] = BigInt.asIntN(64, ((R as BigInt64Array)[ro] as bigint) + p);
      } else if (isBool) {
        let p = 1;
        for (let o = 0; o < nOps; o++) if (!(Ds[o] as Uint8Array)[ptr[o] as number]) p = 0;
        if (p) R[ro] = 1;
      } else if (small32) {
        let p = 1;
        for (let o = 0; o < nOps; o++)
          p = Math.imul(p, ((Ds[o] as Int32Array)[ptr[o] as number] as number) | 0);
        R[ro] = (((R[ro] as number) | 0) + p) | 0;
      } else {
        let p = 1;
        for (let o = 0; o < nOps; o++) p *= (Ds[o] as Float64Array)[ptr[o] as number] as number;
        R[ro] = (R[ro] as number) + p;
      }
      for (let d = all.length - 1; d >= 0; d--) {
        idx[d] = (idx[d] as number) + 1;
        for (let o = 0; o < nOps; o++)
          ptr[o] = (ptr[o] as number) + ((opStr[o] as number[])[d] as number);
        if ((idx[d] as number) < (allSizes[d] as number)) break;
        for (let o = 0; o < nOps; o++)
          ptr[o] =
            (ptr[o] as number) - ((opStr[o] as number[])[d] as number) * (allSizes[d] as number);
        idx[d] = 0;
      }
    }
  }
  if (out !== null) return intoOut(res, out);
  return res.ndim === 0 ? _scalarOf(res) : res;
}

// ---------------------------------------------------------------------------------------------
// methods

declare module './ndarray' {
  interface NDArray {
    /**
     * `a @ b`. Typed as an ndarray so products chain (`X.matmul(W).add(b)`); like NumPy, a 1-D @
     * 1-D product is a scalar at run time (a JS number) — `np.matmul` has the exact union type.
     */
    matmul(other: ArrayLike, opts?: MatmulOptions): NDArray;
    /** `a.dot(b)`; as `matmul`, 1-D · 1-D gives a JS number at run time. */
    dot(other: ArrayLike, out?: NDArray | { out?: NDArray | null }): NDArray;
    /** `a.trace(offset, axis1, axis2, dtype, out)`. */
    trace(...args: unknown[]): NDArray | Scalar;
  }
}

NDArray.prototype.matmul = function (this: NDArray, other: ArrayLike, opts?: MatmulOptions) {
  return matmul(this, other, opts) as NDArray;
};
NDArray.prototype.dot = function (
  this: NDArray,
  other: ArrayLike,
  out?: NDArray | { out?: NDArray | null },
) {
  return dot(this, other, out ?? {}) as NDArray;
};
NDArray.prototype.trace = function (this: NDArray, ...args: unknown[]) {
  return trace(this, ...args);
};
