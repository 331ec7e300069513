/**
 * Shape and memory layout: reshape (NumPy's exact no-copy rule), ravel/flatten, transpose and
 * axis moves, broadcasting views, joining, splitting, tiling and flipping.
 *
 * Every function here returns a view when NumPy does (same strides, same base rules) and a fresh
 * array when NumPy copies; the fixtures compare byte strides and memory sharing with NumPy's.
 *
 * Where new arrays get their layout (each rule is NumPy's, ported from its C source):
 * - reshape results: `_attempt_nocopy_reshape` strides for views, else `_array_fill_strides`
 *   (zero-length dims skipped) over a C/F copy;
 * - `order='K'` copies and `*_like`: C if C-contiguous, F if Fortran, else the axes sorted by
 *   |stride| (`PyArray_CreateSortedStridePerm`);
 * - concatenate/stack: `PyArray_CreateMultiSortedStridePerm` over the inputs;
 * - tril/triu (NumPy's `where`): the iterator's `npyiter_find_best_axis_ordering` (stride-0
 *   and length-1 axes are ambiguous); linspace/logspace (ufuncs): the trivial-loop C/F rule when
 *   all inputs share the output's shape and are contiguous, else the same iterator order;
 * - every fresh allocation of size 0 gets all-zero strides (NumPy 2).
 */
import { splitOpts } from './args';
import { bestAxisOrder } from './iter';
import { IndexError, NumPyError, TypeError_, ValueError, normalizeAxis } from './errors';
import {
  NDArray,
  isCContiguous,
  isFContiguous,
  iota,
  isNDArray,
  markSoleView,
  shapeSize,
  type ArrayLike,
} from './ndarray';
import { asarray, copyArray, copyInto } from './convert';
import {
  canCast,
  normalizeDtype,
  promoteSequence,
  promoteTypes,
  type Casting,
  type DType,
} from './dtype';

export type LayoutOrder = 'C' | 'F' | 'A' | 'K';

// ---------------------------------------------------------------------------------------------
// Argument helpers
// ---------------------------------------------------------------------------------------------

/** Python's repr of a bad shape item, for NumPy's messages. */
function pyTypeName(x: unknown): string {
  if (x === null || x === undefined) return 'NoneType';
  if (typeof x === 'number') return Number.isInteger(x) ? 'int' : 'float';
  if (typeof x === 'string') return 'str';
  if (typeof x === 'boolean') return 'bool';
  if (isNDArray(x)) return 'numpy.ndarray';
  if (Array.isArray(x)) return 'list';
  return typeof x;
}

/** One shape item as an integer (NumPy's TypeError otherwise). */
function shapeItem(d: unknown): number {
  if (typeof d === 'bigint') return Number(d);
  if (typeof d === 'number' && Number.isInteger(d)) return d;
  if (isNDArray(d) && d.ndim === 0 && d.dtype !== 'bool' && !d.dtype.startsWith('float')) {
    return Number(d._data()[d._start]);
  }
  throw TypeError_(`'${pyTypeName(d)}' object cannot be interpreted as an integer`);
}

/** Python's `int(x)` of a number (truncation; NaN/inf raise as Python does). */
function pyInt(x: unknown): number {
  if (typeof x === 'number' && !Number.isInteger(x)) {
    if (Number.isNaN(x)) throw ValueError('cannot convert float NaN to integer');
    if (!Number.isFinite(x))
      throw new NumPyError('OverflowError', 'cannot convert float infinity to integer');
    return Math.trunc(x);
  }
  return shapeItem(x);
}

/**
 * A shape given as an int, a list, or spread positional ints, as NumPy's `PyArray_IntpConverter`
 * (`expected a sequence of integers or a single integer, got '2.5'` for a lone non-integer).
 */
function parseShape(x: unknown, rest: readonly unknown[] = []): number[] {
  if (rest.length > 0) return [x, ...rest].map(shapeItem);
  if (Array.isArray(x)) return x.map(shapeItem);
  if (isNDArray(x)) {
    if (x.ndim === 0) return [shapeItem(x)];
    return x._values().map((v) => shapeItem(v));
  }
  if (typeof x === 'number' && !Number.isInteger(x)) {
    throw TypeError_(`expected a sequence of integers or a single integer, got '${String(x)}'`);
  }
  if (typeof x === 'string' || typeof x === 'boolean') {
    throw TypeError_(
      `expected a sequence of integers or a single integer, got '${typeof x === 'boolean' ? (x ? 'True' : 'False') : String(x)}'`,
    );
  }
  return [shapeItem(x)];
}

/** Validates an `order` argument; `allowed` lists the orders the caller accepts. */
function checkOrder(order: unknown, dflt: LayoutOrder = 'C'): LayoutOrder {
  if (order === undefined || order === null) return dflt;
  if (typeof order === 'string') {
    const o = order.toUpperCase();
    if (o === 'C' || o === 'F' || o === 'A' || o === 'K') return o;
    throw ValueError(`order must be one of 'C', 'F', 'A', or 'K' (got '${order}')`);
  }
  throw TypeError_(`order must be str, not ${pyTypeName(order)}`);
}

/** `PyArray_ISFORTRAN`: F-contiguous and not C-contiguous. */
const isFortran = (a: NDArray): boolean => a.flags.f_contiguous && !a.flags.c_contiguous;

/**
 * Strides NumPy's `_array_fill_strides` gives a new array when none are passed (reshape results):
 * zero-length dims are skipped when accumulating (unlike `np.empty`, which gives all zeros).
 */
function fillStrides(shape: readonly number[], fortran: boolean): number[] {
  const n = shape.length;
  const s = new Array<number>(n);
  let acc = 1;
  if (fortran) {
    for (let i = 0; i < n; i++) {
      s[i] = acc;
      if (shape[i] !== 0) acc *= shape[i] as number;
    }
  } else {
    for (let i = n - 1; i >= 0; i--) {
      s[i] = acc;
      if (shape[i] !== 0) acc *= shape[i] as number;
    }
  }
  return s;
}

/** A fresh copy of `a` in order C or F (A: F if `a` is Fortran, K: keep `a`'s memory order). */
function copyOrder(a: NDArray, order: LayoutOrder, dtype: DType = a.dtype): NDArray {
  if (order === 'K') return copyKeep(a, dtype);
  const f = order === 'F' || (order === 'A' && isFortran(a));
  return copyArray(a, dtype, f ? 'F' : 'C');
}

/**
 * The axis permutation NumPy's `PyArray_CreateSortedStridePerm` gives: axes by |stride|
 * descending, ties in axis order.
 */
function sortedStridePerm(strides: readonly number[]): number[] {
  const perm = strides.map((_, i) => i);
  perm.sort((x, y) => {
    const a = Math.abs(strides[x] as number);
    const b = Math.abs(strides[y] as number);
    if (a === b) return x - y;
    return b - a;
  });
  return perm;
}

/** A copy laid out like `a` in memory (NumPy's `order='K'` copies, `empty_like`). */
function copyKeep(a: NDArray, dtype: DType = a.dtype): NDArray {
  const out = emptyLikeKeep(a, dtype);
  copyInto(out, a);
  return out;
}

/**
 * A new array of `a`'s shape whose memory order follows `a`'s strides (NumPy's
 * `PyArray_NewLikeArray` with NPY_KEEPORDER): C if `a` is C-contiguous, F if Fortran, else the
 * sorted stride permutation.
 */
function emptyLikeKeep(
  a: NDArray,
  dtype: DType = a.dtype,
  shape: readonly number[] = a._shape,
  zero = false,
): NDArray {
  const nd = shape.length;
  if (nd !== a.ndim || a.flags.c_contiguous || nd <= 1) return NDArray.empty(shape, dtype, zero);
  if (isFortran(a)) return emptyOrder(shape, dtype, 'F', zero);
  const perm = sortedStridePerm(a._strides);
  const permShape = perm.map((p) => shape[p] as number);
  const base = NDArray.empty(permShape, dtype, zero);
  const strides = new Array<number>(nd);
  perm.forEach((p, i) => {
    strides[p] = base._strides[i] as number;
  });
  return new NDArray({
    buffer: base.buffer,
    dtype,
    shape,
    strides,
    offset: 0,
    base: null,
    writeable: true,
  });
}

/** A fresh (owning) array of `shape` in C or F order. */
function emptyOrder(
  shape: readonly number[],
  dtype: DType,
  order: 'C' | 'F',
  zero = true,
): NDArray {
  if (order === 'C' || shape.length <= 1) return NDArray.empty(shape, dtype, zero);
  const rev = NDArray.empty([...shape].reverse(), dtype, zero);
  return new NDArray({
    buffer: rev.buffer,
    dtype,
    shape,
    strides: [...rev._strides].reverse(),
    offset: 0,
    base: null,
    writeable: true,
  });
}

// ---------------------------------------------------------------------------------------------
// reshape
// ---------------------------------------------------------------------------------------------

/**
 * NumPy's `_attempt_nocopy_reshape` (shape.c), in element strides: the strides that view `a`'s
 * memory with `newShape` in the given index order, or null when a copy is needed.
 */
function attemptNocopyReshape(
  shape: readonly number[],
  strides: readonly number[],
  newShape: readonly number[],
  fOrder: boolean,
): number[] | null {
  const olddims: number[] = [];
  const oldstrides: number[] = [];
  for (let i = 0; i < shape.length; i++) {
    if (shape[i] !== 1) {
      olddims.push(shape[i] as number);
      oldstrides.push(strides[i] as number);
    }
  }
  const oldnd = olddims.length;
  const newnd = newShape.length;
  const newstrides = new Array<number>(newnd).fill(0);
  let oi = 0;
  let oj = 1;
  let ni = 0;
  let nj = 1;
  while (ni < newnd && oi < oldnd) {
    let np_ = newShape[ni] as number;
    let op = olddims[oi] as number;
    while (np_ !== op) {
      if (np_ < op) np_ *= newShape[nj++] as number;
      else op *= olddims[oj++] as number;
    }
    for (let ok = oi; ok < oj - 1; ok++) {
      if (fOrder) {
        if (oldstrides[ok + 1] !== (olddims[ok] as number) * (oldstrides[ok] as number))
          return null;
      } else if (oldstrides[ok] !== (olddims[ok + 1] as number) * (oldstrides[ok + 1] as number))
        return null;
    }
    if (fOrder) {
      newstrides[ni] = oldstrides[oi] as number;
      for (let nk = ni + 1; nk < nj; nk++)
        newstrides[nk] = (newstrides[nk - 1] as number) * (newShape[nk - 1] as number);
    } else {
      newstrides[nj - 1] = oldstrides[oj - 1] as number;
      for (let nk = nj - 1; nk > ni; nk--)
        newstrides[nk - 1] = (newstrides[nk] as number) * (newShape[nk] as number);
    }
    ni = nj++;
    oi = oj++;
  }
  let last = ni >= 1 ? (newstrides[ni - 1] as number) : 1;
  if (fOrder && ni >= 1) last *= newShape[ni - 1] as number;
  for (let nk = ni; nk < newnd; nk++) newstrides[nk] = last;
  return newstrides;
}

/** NumPy's `convert_shape_to_string` (leading unknown dims dropped, later ones `newaxis`). */
function reshapeShapeStr(dims: readonly number[]): string {
  let i = 0;
  while (i < dims.length && (dims[i] as number) < 0) i++;
  if (i === dims.length) return '()';
  const parts = [String(dims[i++])];
  for (; i < dims.length; i++) parts.push((dims[i] as number) < 0 ? 'newaxis' : String(dims[i]));
  return dims.length === 1 ? `(${parts[0]},)` : `(${parts.join(',')})`;
}

/** NumPy's `_fix_unknown_dimension`: resolves one negative dim, checks the size. */
function fixUnknownDimension(dims: readonly number[], size: number): number[] {
  const out = [...dims];
  let unknown = -1;
  let known = 1;
  const mismatch = (): Error =>
    ValueError(`cannot reshape array of size ${size} into shape ${reshapeShapeStr(dims)}`);
  for (let i = 0; i < out.length; i++) {
    const d = out[i] as number;
    if (d < 0) {
      if (unknown === -1) unknown = i;
      else throw ValueError('can only specify one unknown dimension');
    } else known *= d;
  }
  if (unknown >= 0) {
    if (known === 0 || size % known !== 0) throw mismatch();
    out[unknown] = size / known;
  } else if (size !== known) throw mismatch();
  return out;
}

export interface ReshapeOptions {
  order?: LayoutOrder;
  /** true: always copy; false: never (NumPy's ValueError when a copy is needed); null: if needed. */
  copy?: boolean | null;
}

/** NumPy's `_reshape_with_copy_arg`. */
function reshapeImpl(
  a: NDArray,
  dims: readonly number[],
  orderIn: LayoutOrder,
  copy: boolean | null,
): NDArray {
  let order = orderIn;
  if (order === 'A') order = isFortran(a) ? 'F' : 'C';
  else if (order === 'K') throw ValueError("order 'K' is not permitted for reshaping");
  const ndim = dims.length;
  if (ndim === a.ndim && copy !== true && dims.every((d, i) => d === a._shape[i])) {
    return a._view(a._shape, a._strides, a._offset);
  }
  const shape = fixUnknownDimension(dims, a.size);
  const f = order === 'F';
  let src = a;
  let strides: number[] | null = null;
  if (copy === true) src = copyArray(a, a.dtype, f ? 'F' : 'C');
  else if ((!f && !a.flags.c_contiguous) || (f && !a.flags.f_contiguous)) {
    strides = attemptNocopyReshape(a._shape, a._strides, shape, f);
    if (strides === null) {
      if (copy === false) throw ValueError('Unable to avoid creating a copy while reshaping.');
      src = copyArray(a, a.dtype, f ? 'F' : 'C');
    }
  }
  const r = src._view(shape, strides ?? fillStrides(shape, f), src._offset);
  // a view of a copy made only for it: disposing it frees the copy (NumPy's base stays the copy)
  return src === a ? r : markSoleView(r);
}

/**
 * `np.reshape(a, shape, {order, copy})`; also `np.reshape(a, shape, 'F')`.
 */
export function reshape(
  a: ArrayLike,
  shape: number | readonly number[],
  ...rest: (LayoutOrder | ReshapeOptions)[]
): NDArray {
  const [pos, opts] = splitOpts<ReshapeOptions>(rest);
  const order = checkOrder(opts.order ?? pos[0], 'C');
  return reshapeImpl(asarray(a), parseShape(shape), order, opts.copy ?? null);
}

// ---------------------------------------------------------------------------------------------
// ravel / flatten
// ---------------------------------------------------------------------------------------------

/** `np.ravel(a, order)`: a 1-D view when NumPy gives one, else a copy. */
export function ravel(a: ArrayLike, ...rest: (LayoutOrder | { order?: LayoutOrder })[]): NDArray {
  const [pos, opts] = splitOpts<{ order?: LayoutOrder }>(rest);
  const arr = asarray(a);
  let order = checkOrder(opts.order ?? pos[0], 'C');
  const c = arr.flags.c_contiguous;
  const f = arr.flags.f_contiguous;
  if (order === 'K') {
    if (c) order = 'C';
    else if (f) order = 'F';
  } else if (order === 'A') order = isFortran(arr) ? 'F' : 'C';
  if (order === 'C' && c) return reshapeImpl(arr, [-1], 'C', null);
  if (order === 'F' && f) return reshapeImpl(arr, [-1], 'F', null);
  if (order === 'K') {
    const perm = sortedStridePerm(arr._strides);
    let stride = 1;
    let i = arr.ndim - 1;
    for (; i >= 0; i--) {
      const p = perm[i] as number;
      if (arr._shape[p] === 1) continue;
      if (arr._strides[p] !== stride) break;
      stride *= arr._shape[p] as number;
    }
    if (i < 0) return arr._view([arr.size], [1], arr._offset);
  }
  return flattenImpl(arr, order);
}

/** NumPy's `PyArray_Flatten`: a fresh 1-D copy in the given order. */
function flattenImpl(a: NDArray, order: LayoutOrder): NDArray {
  let o = order;
  if (o === 'A') o = isFortran(a) ? 'F' : 'C';
  let src = a;
  if (o === 'F') src = transposeImpl(a, null);
  else if (o === 'K') {
    if (a.flags.c_contiguous) src = a;
    else if (isFortran(a)) src = transposeImpl(a, null);
    else src = transposeImpl(a, iterPerm(a._shape, [a]));
  }
  const out = NDArray.empty([a.size], a.dtype, false);
  copyInto(
    out._view(
      src._shape,
      fillStrides(src._shape, false).map((s) => (src.size === 0 ? 0 : s)),
      0,
    ),
    src,
  );
  return out;
}

/** `a.flatten(order)`: always a copy. */
export function flatten(a: ArrayLike, ...rest: (LayoutOrder | { order?: LayoutOrder })[]): NDArray {
  const [pos, opts] = splitOpts<{ order?: LayoutOrder }>(rest);
  return flattenImpl(asarray(a), checkOrder(opts.order ?? pos[0], 'C'));
}

// ---------------------------------------------------------------------------------------------
// transpose and axis moves
// ---------------------------------------------------------------------------------------------

/** The transposed view with axes permuted by `axes` (null: reversed). */
function transposeImpl(a: NDArray, axes: readonly number[] | null): NDArray {
  const nd = a.ndim;
  if (axes === null) return a._view([...a._shape].reverse(), [...a._strides].reverse(), a._offset);
  if (axes.length !== nd) throw ValueError("axes don't match array");
  const perm = axes.map((ax) => normalizeAxis(ax, nd));
  const seen = new Array<boolean>(nd).fill(false);
  for (const p of perm) {
    if (seen[p]) throw ValueError('repeated axis in transpose');
    seen[p] = true;
  }
  return a._view(
    perm.map((p) => a._shape[p] as number),
    perm.map((p) => a._strides[p] as number),
    a._offset,
  );
}

function axesArg(pos: readonly unknown[]): number[] | null {
  if (pos.length === 0 || (pos.length === 1 && (pos[0] === null || pos[0] === undefined)))
    return null;
  if (pos.length === 1 && Array.isArray(pos[0])) return (pos[0] as unknown[]).map(shapeItem);
  if (pos.length === 1 && isNDArray(pos[0])) return parseShape(pos[0]);
  return pos.map(shapeItem);
}

/** `np.transpose(a, axes)` / `np.transpose(a, {axes})`. */
export function transpose(
  a: ArrayLike,
  ...rest: (number | readonly number[] | null | { axes?: readonly number[] | null })[]
): NDArray {
  const [pos, opts] = splitOpts<{ axes?: readonly number[] | null }>(rest);
  const axes = opts.axes !== undefined ? opts.axes : axesArg(pos);
  return transposeImpl(asarray(a), axes === null ? null : [...axes]);
}

/** `np.permute_dims` (the array-API name of transpose). */
export const permute_dims = transpose;

/** `np.swapaxes(a, axis1, axis2)`: a view. */
export function swapaxes(a: ArrayLike, axis1: number, axis2: number): NDArray {
  const arr = asarray(a);
  const i = axisMsg(shapeItem(axis1), arr.ndim, 'axis1');
  const j = axisMsg(shapeItem(axis2), arr.ndim, 'axis2');
  const perm = arr._shape.map((_, k) => k);
  perm[i] = j;
  perm[j] = i;
  return transposeImpl(arr, perm);
}

/** NumPy's `normalize_axis_tuple` with its `repeated axis in `…` argument` text. */
function axisTuple(
  axis: number | readonly number[],
  ndim: number,
  argname: string | null,
  floatMsg = "'float' object is not iterable",
): number[] {
  if (typeof axis === 'number' && !Number.isInteger(axis)) throw TypeError_(floatMsg);
  const list = typeof axis === 'number' ? [axis] : [...axis];
  const out = list.map((x) =>
    argname === null ? normalizeAxis(shapeItem(x), ndim) : axisMsg(shapeItem(x), ndim, argname),
  );
  if (new Set(out).size !== out.length)
    throw ValueError(
      argname === null ? 'repeated axis' : `repeated axis in \`${argname}\` argument`,
    );
  return out;
}

/** `np.moveaxis(a, source, destination)`: a view. */
export function moveaxis(
  a: ArrayLike,
  source: number | readonly number[],
  destination: number | readonly number[],
): NDArray {
  const arr = asarray(a);
  const nd = arr.ndim;
  const src = axisTuple(source, nd, 'source');
  const dst = axisTuple(destination, nd, 'destination');
  if (src.length !== dst.length) {
    throw ValueError('`source` and `destination` arguments must have the same number of elements');
  }
  const order: number[] = [];
  for (let k = 0; k < nd; k++) if (!src.includes(k)) order.push(k);
  const pairs = dst.map((d, i) => [d, src[i] as number] as const).sort((x, y) => x[0] - y[0]);
  for (const [d, s] of pairs) order.splice(d, 0, s);
  return transposeImpl(arr, order);
}

/** `np.rollaxis(a, axis, start=0)` (kept for old code). */
export function rollaxis(a: ArrayLike, axis: number, start = 0): NDArray {
  const arr = asarray(a);
  const n = arr.ndim;
  const ax = normalizeAxis(axis, n);
  let st = start;
  if (st < 0) st += n;
  if (!(st >= 0 && st < n + 1)) {
    throw new NumPyError(
      'AxisError',
      `'start' arg requires ${-n} <= start < ${n + 1}, but ${start} was passed in`,
    );
  }
  if (ax < st) st -= 1;
  if (ax === st) return arr._view(arr._shape, arr._strides, arr._offset);
  const axes = arr._shape.map((_, i) => i);
  axes.splice(ax, 1);
  axes.splice(st, 0, ax);
  return transposeImpl(arr, axes);
}

// ---------------------------------------------------------------------------------------------
// Methods
// ---------------------------------------------------------------------------------------------

declare module './ndarray' {
  interface NDArray {
    /** `a.reshape(3, 4)`, `a.reshape([3, 4])`, `a.reshape([2, 3], {order: 'F', copy: false})`. */
    reshape(...args: (number | readonly number[] | ReshapeOptions)[]): NDArray;
    /** `a.ravel(order)`: a view when possible. */
    ravel(order?: LayoutOrder | { order?: LayoutOrder }): NDArray;
    /** `a.flatten(order)`: always a copy. */
    flatten(order?: LayoutOrder | { order?: LayoutOrder }): NDArray;
    /** `a.transpose()`, `a.transpose(1, 0, 2)`, `a.transpose([1, 0, 2])`. */
    transpose(...axes: (number | readonly number[] | null)[]): NDArray;
    /** `a.swapaxes(axis1, axis2)`. */
    swapaxes(axis1: number, axis2: number): NDArray;
  }
}

NDArray.prototype.reshape = function (this: NDArray, ...args: unknown[]): NDArray {
  const [pos, opts] = splitOpts<ReshapeOptions>(args);
  if (pos.length === 0) throw TypeError_('reshape() takes exactly 1 argument (0 given)');
  const shape = pos.length === 1 ? parseShape(pos[0]) : parseShape(pos[0], pos.slice(1));
  return reshapeImpl(this, shape, checkOrder(opts.order, 'C'), opts.copy ?? null);
};

NDArray.prototype.ravel = function (
  this: NDArray,
  ...args: (LayoutOrder | { order?: LayoutOrder })[]
): NDArray {
  return ravel(this, ...args);
};

NDArray.prototype.flatten = function (
  this: NDArray,
  ...args: (LayoutOrder | { order?: LayoutOrder })[]
): NDArray {
  return flatten(this, ...args);
};

NDArray.prototype.transpose = function (this: NDArray, ...args: unknown[]): NDArray {
  return transposeImpl(this, axesArg(args));
};

NDArray.prototype.swapaxes = function (this: NDArray, axis1: number, axis2: number): NDArray {
  return swapaxes(this, axis1, axis2);
};

// Internal helpers for other runtime modules (underscored: `export *` puts them on `np`).
export {
  parseShape as _parseShape,
  checkOrder as _checkOrder,
  isFortran as _isFortran,
  fillStrides as _fillStrides,
  copyOrder as _copyOrder,
  copyKeep as _copyKeep,
  emptyLikeKeep as _emptyLikeKeep,
  emptyOrder as _emptyOrder,
  sortedStridePerm as _sortedStridePerm,
  attemptNocopyReshape as _attemptNocopyReshape,
  ufuncOutStrides as _ufuncOutStrides,
  allocStrided as _allocStrided,
  allocLikeOperands as _allocLikeOperands,
  reshapeImpl as _reshape,
  transposeImpl as _transpose,
};

// ---------------------------------------------------------------------------------------------
// Broadcasting views
// ---------------------------------------------------------------------------------------------

/** NumPy's `_broadcast_to` check (`broadcast_to` / `broadcast_arrays`). */
function broadcastView(a: NDArray, shape: readonly number[], writeable: boolean): NDArray {
  for (const d of shape)
    if (d < 0) throw ValueError('all elements of broadcast shape must be non-negative');
  const nd = shape.length;
  const pad = nd - a.ndim;
  const fail = (): Error =>
    ValueError(
      `operands could not be broadcast together with remapped shapes [original->remapped]: ${shapeTight(a._shape)}  and requested shape ${shapeTight(shape)}`,
    );
  if (pad < 0) {
    throw ValueError(`input operand has more dimensions than allowed by the axis remapping`);
  }
  const strides = new Array<number>(nd).fill(0);
  for (let i = 0; i < a.ndim; i++) {
    const d = a._shape[i] as number;
    const t = shape[pad + i] as number;
    if (d === t) strides[pad + i] = t === 1 ? 0 : (a._strides[i] as number);
    else if (d === 1) strides[pad + i] = 0;
    else throw fail();
  }
  return a._view(shape, strides, a._offset, writeable && a._writeable);
}

/** `(3,4)` / `(3,)` without spaces, as in NumPy's nditer messages. */
function shapeTight(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(',')})`;
}

/** `np.broadcast_to(a, shape)`: a read-only view with zero strides on stretched dims. */
export function broadcast_to(
  a: ArrayLike,
  shape: number | readonly number[],
  _opts: { subok?: boolean } = {},
): NDArray {
  const arr = asarray(a);
  const sh = parseShape(shape);
  return broadcastView(arr, sh, false);
}

// ---------------------------------------------------------------------------------------------
// Layout conversions
// ---------------------------------------------------------------------------------------------

/** `np.ascontiguousarray(a, {dtype})`: `a` itself when already C-contiguous (ndim >= 1). */
export function ascontiguousarray(
  a: ArrayLike,
  opts: { dtype?: DType | string | null } = {},
): NDArray {
  const arr = asarray(a, { dtype: opts.dtype ?? null, order: 'C' });
  if (arr.ndim === 0) return arr._view([1], [1], arr._offset);
  return arr;
}

/** `np.asfortranarray(a, {dtype})`: `a` itself when already F-contiguous (ndim >= 1). */
export function asfortranarray(
  a: ArrayLike,
  opts: { dtype?: DType | string | null } = {},
): NDArray {
  const arr = asarray(a, { dtype: opts.dtype ?? null, order: 'F' });
  if (arr.ndim === 0) return arr._view([1], [1], arr._offset);
  return arr;
}

// ---------------------------------------------------------------------------------------------
// Layout of new arrays, as NumPy's iterator allocates them
// ---------------------------------------------------------------------------------------------

/** Just the layout of an operand (an NDArray, or the layout of an intermediate NumPy would make). */
export interface StridedLike {
  readonly _shape: readonly number[];
  readonly _strides: readonly number[];
}

/**
 * Element strides NumPy's ufunc machinery gives a new output over these inputs (order 'K'): the
 * trivial-loop path when every non-0-d input has the output's shape and is contiguous (F when
 * an input is F-only, else C), otherwise the iterator's axis order.
 */
function ufuncOutStrides(shape: readonly number[], ops: readonly StridedLike[]): number[] {
  const nd = shape.length;
  const identity = shape.map((_, i) => i);
  if (nd <= 1) return stridesFromPerm(shape, identity);
  let trivial = true;
  let order: 'C' | 'F' | null = null;
  for (const op of ops) {
    const ond = op._shape.length;
    if (ond === 0) continue;
    if (ond !== nd || op._shape.some((d, i) => d !== shape[i])) {
      trivial = false;
      break;
    }
    if (ond === 1) continue;
    const c = isCContiguous(op._shape, op._strides);
    const f = isFContiguous(op._shape, op._strides);
    if (!c && !f) {
      trivial = false;
      break;
    }
    if (c && f) continue;
    const o = c ? 'C' : 'F';
    if (order === null) order = o;
    else if (order !== o) {
      trivial = false;
      break;
    }
  }
  if (trivial) return stridesFromPerm(shape, order === 'F' ? [...identity].reverse() : identity);
  return stridesFromPerm(shape, iterPerm(shape, ops));
}

/** Element strides of a fresh array of `shape` laid out along `perm` (outermost first). */
function stridesFromPerm(shape: readonly number[], perm: readonly number[]): number[] {
  const strides = new Array<number>(shape.length).fill(0);
  if (shape.some((d) => d === 0)) return strides; // NumPy 2: fresh empty arrays get zero strides
  let s = 1;
  for (let i = perm.length - 1; i >= 0; i--) {
    const p = perm[i] as number;
    strides[p] = s;
    s *= shape[p] as number;
  }
  return strides;
}

/** A fresh owning array with the given element strides (from `stridesFromPerm`). */
function allocStrided(
  shape: readonly number[],
  strides: readonly number[],
  dtype: DType,
  zero = false,
): NDArray {
  const base = NDArray.empty([shapeSize(shape)], dtype, zero);
  return new NDArray({
    buffer: base.buffer,
    dtype,
    shape,
    strides,
    offset: 0,
    base: null,
    writeable: true,
  });
}

/** NumPy's `PyArray_CreateMultiSortedStridePerm` (concatenate's output layout). */
function multiSortedStridePerm(arrays: readonly NDArray[], ndim: number): number[] {
  const perm = iota(ndim);
  for (let i0 = 1; i0 < ndim; i0++) {
    let ipos = i0;
    const j0 = perm[i0] as number;
    for (let i1 = i0 - 1; i1 >= 0; i1--) {
      let ambig = true;
      let shouldswap = false;
      const j1 = perm[i1] as number;
      for (const a of arrays) {
        if (a._shape[j0] !== 1 && a._shape[j1] !== 1) {
          if (Math.abs(a._strides[j0] as number) <= Math.abs(a._strides[j1] as number))
            shouldswap = false;
          else if (ambig) shouldswap = true;
          ambig = false;
        }
      }
      if (!ambig) {
        if (shouldswap) ipos = i1;
        else break;
      }
    }
    if (ipos !== i0) {
      for (let i1 = i0; i1 > ipos; i1--) perm[i1] = perm[i1 - 1] as number;
      perm[ipos] = j0;
    }
  }
  return perm;
}

/**
 * The outermost-first axis order NumPy's iterator (`npyiter_find_best_axis_ordering`, order 'K')
 * picks for operands broadcast to `shape`; used to lay out outputs the way ufuncs allocate them.
 */
function iterPerm(shape: readonly number[], ops: readonly StridedLike[]): number[] {
  const nd = shape.length;
  // strides of size-1 and broadcast dims are 0 (no say in the order)
  const st = ops.map((a) => {
    const pad = nd - a._shape.length;
    const r: number[] = [];
    for (let ax = 0; ax < nd; ax++) {
      const ia = ax - pad;
      r.push(ia < 0 || shape[ax] === 1 || a._shape[ia] === 1 ? 0 : (a._strides[ia] as number));
    }
    return r;
  });
  return bestAxisOrder(nd, st).reverse();
}

/** A new array shaped `shape`, laid out as a ufunc output over `ops` (order 'K'). */
function allocLikeOperands(
  shape: readonly number[],
  ops: readonly StridedLike[],
  dtype: DType,
): NDArray {
  if (shape.length <= 1) return NDArray.empty(shape, dtype, false);
  return allocStrided(shape, stridesFromPerm(shape, iterPerm(shape, ops)), dtype);
}

// ---------------------------------------------------------------------------------------------
// squeeze / expand_dims / atleast_nd
// ---------------------------------------------------------------------------------------------

/** `np.squeeze(a, axis)`: a view without the selected (or all) length-1 axes. */
export function squeeze(
  a: ArrayLike,
  ...rest: (number | readonly number[] | null | { axis?: number | readonly number[] | null })[]
): NDArray {
  const [pos, opts] = splitOpts<{ axis?: number | readonly number[] | null }>(rest);
  const arr = asarray(a);
  const axis =
    opts.axis !== undefined ? opts.axis : (pos[0] as number | number[] | null | undefined);
  let drop: boolean[];
  if (axis === null || axis === undefined) drop = arr._shape.map((d) => d === 1);
  else {
    const axes = axisTuple(
      axis,
      arr.ndim,
      null,
      "'float' object cannot be interpreted as an integer",
    );
    drop = new Array<boolean>(arr.ndim).fill(false);
    for (const ax of axes) {
      if (arr._shape[ax] !== 1)
        throw ValueError('cannot select an axis to squeeze out which has size not equal to one');
      drop[ax] = true;
    }
  }
  const shape: number[] = [];
  const strides: number[] = [];
  arr._shape.forEach((d, i) => {
    if (!drop[i]) {
      shape.push(d);
      strides.push(arr._strides[i] as number);
    }
  });
  return arr._view(shape, strides, arr._offset);
}

/** `np.expand_dims(a, axis)` (axis an int or a list): a reshape view. */
export function expand_dims(a: ArrayLike, axis: number | readonly number[]): NDArray {
  const arr = asarray(a);
  const list = typeof axis === 'number' ? [axis] : [...axis];
  const outNd = list.length + arr.ndim;
  if (list.some((x) => typeof x === 'number' && !Number.isInteger(x))) {
    throw TypeError_('integer argument expected, got float');
  }
  const axes = axisTuple(list, outNd, null);
  let k = 0;
  const shape = Array.from({ length: outNd }, (_, i) =>
    axes.includes(i) ? 1 : (arr._shape[k++] as number),
  );
  return reshapeImpl(arr, shape, 'C', null);
}

/** `a[None, ...]`-style view inserting length-1 axes (stride 0) at `positions` of the result. */
function insertAxes(a: NDArray, positions: readonly number[]): NDArray {
  const outNd = a.ndim + positions.length;
  const shape: number[] = [];
  const strides: number[] = [];
  let k = 0;
  for (let i = 0; i < outNd; i++) {
    if (positions.includes(i)) {
      shape.push(1);
      strides.push(0);
    } else {
      shape.push(a._shape[k] as number);
      strides.push(a._strides[k] as number);
      k++;
    }
  }
  return a._view(shape, strides, a._offset);
}

function atleast1(x: ArrayLike): NDArray {
  const a = asarray(x);
  return a.ndim === 0 ? reshapeImpl(a, [1], 'C', null) : a;
}
function atleast2(x: ArrayLike): NDArray {
  const a = asarray(x);
  if (a.ndim === 0) return reshapeImpl(a, [1, 1], 'C', null);
  if (a.ndim === 1) return insertAxes(a, [0]);
  return a;
}
function atleast3(x: ArrayLike): NDArray {
  const a = asarray(x);
  if (a.ndim === 0) return reshapeImpl(a, [1, 1, 1], 'C', null);
  if (a.ndim === 1) return insertAxes(a, [0, 2]);
  if (a.ndim === 2) return insertAxes(a, [2]);
  return a;
}

/** `np.atleast_1d(a)`; with several arguments, an array of results. */
export function atleast_1d(ary: ArrayLike): NDArray;
export function atleast_1d(...arys: ArrayLike[]): NDArray | NDArray[];
export function atleast_1d(...arys: ArrayLike[]): NDArray | NDArray[] {
  const r = arys.map(atleast1);
  return r.length === 1 ? (r[0] as NDArray) : r;
}
/** `np.atleast_2d(a)` (1-D `a` becomes `a[None, :]`, a view). */
export function atleast_2d(ary: ArrayLike): NDArray;
export function atleast_2d(...arys: ArrayLike[]): NDArray | NDArray[];
export function atleast_2d(...arys: ArrayLike[]): NDArray | NDArray[] {
  const r = arys.map(atleast2);
  return r.length === 1 ? (r[0] as NDArray) : r;
}
/** `np.atleast_3d(a)` (1-D → `a[None, :, None]`, 2-D → `a[:, :, None]`). */
export function atleast_3d(ary: ArrayLike): NDArray;
export function atleast_3d(...arys: ArrayLike[]): NDArray | NDArray[];
export function atleast_3d(...arys: ArrayLike[]): NDArray | NDArray[] {
  const r = arys.map(atleast3);
  return r.length === 1 ? (r[0] as NDArray) : r;
}

// ---------------------------------------------------------------------------------------------
// broadcast_arrays / broadcast_shapes
// ---------------------------------------------------------------------------------------------

/** np.broadcast's shape with its `shape mismatch` text. */
function broadcastShapeOf(shapes: readonly (readonly number[])[]): number[] {
  let nd = 0;
  for (const s of shapes) nd = Math.max(nd, s.length);
  const out = new Array<number>(nd).fill(1);
  for (let i = 0; i < nd; i++) {
    let src = 0;
    for (let j = 0; j < shapes.length; j++) {
      const s = shapes[j] as readonly number[];
      const k = i + s.length - nd;
      if (k < 0) continue;
      const d = s[k] as number;
      if (d === 1) continue;
      if (out[i] === 1) {
        out[i] = d;
        src = j;
      } else if (out[i] !== d) {
        throw ValueError(
          `shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg ${src} with shape ${shapeRepr(shapes[src] as number[])} and arg ${j} with shape ${shapeRepr(s)}.`,
        );
      }
    }
  }
  return out;
}

/** Python's tuple repr: `(3, 4)`, `(3,)`, `()`. */
function shapeRepr(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

/** `np.broadcast_shapes(*shapes)`: the broadcast shape as a number array. */
export function broadcast_shapes(...shapes: (number | readonly number[])[]): number[] {
  const list = shapes.map((s) => {
    const sh = parseShape(s);
    for (const d of sh) if (d < 0) throw ValueError('negative dimensions are not allowed');
    return sh;
  });
  return broadcastShapeOf(list);
}

/**
 * `np.broadcast_arrays(...arrays)`: views broadcast to one shape. As NumPy 2, arrays already of
 * that shape come back as they are, and the views are writeable when their source is (NumPy
 * marks them warn-on-write).
 */
export function broadcast_arrays(...args: (ArrayLike | { subok?: boolean })[]): NDArray[] {
  const [pos] = splitOpts<{ subok?: boolean }>(args);
  const arrs = pos.map((x) => asarray(x as ArrayLike));
  const shape = broadcastShapeOf(arrs.map((a) => a._shape));
  return arrs.map((a) =>
    a._shape.length === shape.length && a._shape.every((d, i) => d === shape[i])
      ? a
      : broadcastView(a, shape, true),
  );
}

// ---------------------------------------------------------------------------------------------
// concatenate and stacking
// ---------------------------------------------------------------------------------------------

export interface ConcatOptions {
  axis?: number | null;
  out?: NDArray | null;
  dtype?: DType | string | null;
  casting?: Casting;
}

/** The sequence argument of concatenate/stack: a list of array-likes, or an ndarray's rows. */
function toArrays(arrays: unknown): NDArray[] {
  if (isNDArray(arrays)) {
    if (arrays.ndim === 0) throw TypeError_('iteration over a 0-d array');
    const out: NDArray[] = [];
    for (let i = 0; i < (arrays._shape[0] ?? 0); i++)
      out.push(
        arrays._view(
          arrays._shape.slice(1),
          arrays._strides.slice(1),
          arrays._offset + i * (arrays._strides[0] as number),
        ),
      );
    return out;
  }
  if (!Array.isArray(arrays)) throw TypeError_('The first input argument needs to be a sequence');
  return arrays.map((x) => asarray(x as ArrayLike));
}

function resultDtype(arrs: readonly NDArray[]): DType {
  return promoteSequence(arrs.map((a) => a.dtype));
}

function castCheck(arrs: readonly NDArray[], dt: DType, casting: Casting): void {
  for (const a of arrs) {
    if (!canCast(a.dtype, dt, casting)) {
      throw TypeError_(
        `Cannot cast array data from dtype('${a.dtype}') to dtype('${dt}') according to the rule '${casting}'`,
      );
    }
  }
}

/** `np.concatenate(arrays, axis=0, {out, dtype, casting})`; axis null flattens first. */
export function concatenate(
  arrays: readonly ArrayLike[] | NDArray,
  ...rest: (number | null | ConcatOptions)[]
): NDArray {
  const [pos, opts] = splitOpts<ConcatOptions>(rest);
  const axisArg =
    opts.axis !== undefined ? opts.axis : pos.length > 0 ? (pos[0] as number | null) : 0;
  const out = opts.out ?? (pos[1] as NDArray | null | undefined) ?? null;
  const arrs = toArrays(arrays);
  if (opts.dtype !== undefined && opts.dtype !== null && out !== null) {
    throw TypeError_(
      'concatenate() only takes `out` or `dtype` as an argument, but both were provided.',
    );
  }
  if (arrs.length === 0) throw ValueError('need at least one array to concatenate');
  const casting = opts.casting ?? 'same_kind';
  const dt =
    opts.dtype !== undefined && opts.dtype !== null
      ? normalizeDtype(opts.dtype)
      : out !== null
        ? out.dtype
        : resultDtype(arrs);
  if (axisArg === null) {
    const flat = arrs.map((a) =>
      a.flags.c_contiguous ? reshapeImpl(a, [-1], 'C', null) : flattenImpl(a, 'C'),
    );
    const total = flat.reduce((s, a) => s + a.size, 0);
    castCheck(flat, dt, casting);
    let res: NDArray;
    if (out !== null) {
      if (out.ndim !== 1) throw ValueError('Output array has wrong dimensionality');
      if (out._shape[0] !== total) throw ValueError('Output array is the wrong shape');
      res = out;
    } else res = NDArray.empty([total], dt, false);
    let off = 0;
    for (const a of flat) {
      copyInto(
        res._view(
          [a.size],
          [res._strides[0] as number],
          res._offset + off * (res._strides[0] as number),
        ),
        a,
      );
      off += a.size;
    }
    return res;
  }
  const first = arrs[0] as NDArray;
  const nd = first.ndim;
  if (nd === 0) throw ValueError('zero-dimensional arrays cannot be concatenated');
  const axis = normalizeAxis(shapeItem(axisArg), nd);
  const shape = [...first._shape];
  for (let i = 1; i < arrs.length; i++) {
    const a = arrs[i] as NDArray;
    if (a.ndim !== nd) {
      throw ValueError(
        `all the input arrays must have same number of dimensions, but the array at index 0 has ${nd} dimension(s) and the array at index ${i} has ${a.ndim} dimension(s)`,
      );
    }
    for (let d = 0; d < nd; d++) {
      if (d === axis) shape[d] = (shape[d] as number) + (a._shape[d] as number);
      else if (a._shape[d] !== first._shape[d]) {
        throw ValueError(
          `all the input array dimensions except for the concatenation axis must match exactly, but along dimension ${d}, the array at index 0 has size ${first._shape[d]} and the array at index ${i} has size ${a._shape[d]}`,
        );
      }
    }
  }
  castCheck(arrs, dt, casting);
  let res: NDArray;
  if (out !== null) {
    if (out.ndim !== nd) throw ValueError('Output array has wrong dimensionality');
    if (!out._shape.every((d, i) => d === shape[i]))
      throw ValueError('Output array is the wrong shape');
    res = out;
  } else res = allocStrided(shape, stridesFromPerm(shape, multiSortedStridePerm(arrs, nd)), dt);
  let off = 0;
  for (const a of arrs) {
    const n = a._shape[axis] as number;
    const sh = [...res._shape];
    sh[axis] = n;
    copyInto(res._view(sh, res._strides, res._offset + off * (res._strides[axis] as number)), a);
    off += n;
  }
  return res;
}

/** `np.stack(arrays, axis=0, {out, dtype, casting})`. */
export function stack(
  arrays: readonly ArrayLike[] | NDArray,
  ...rest: (number | ConcatOptions)[]
): NDArray {
  const [pos, opts] = splitOpts<ConcatOptions>(rest);
  const arrs = toArrays(arrays);
  if (arrs.length === 0) throw ValueError('need at least one array to stack');
  const s0 = (arrs[0] as NDArray)._shape;
  for (const a of arrs) {
    if (a.ndim !== s0.length || !a._shape.every((d, i) => d === s0[i]))
      throw ValueError('all input arrays must have the same shape');
  }
  const axisArg = opts.axis !== undefined ? opts.axis : pos.length > 0 ? (pos[0] as number) : 0;
  const resNd = s0.length + 1;
  if (typeof axisArg === 'number' && !Number.isInteger(axisArg)) {
    throw TypeError_('integer argument expected, got float');
  }
  const axis = normalizeAxis(shapeItem(axisArg), resNd);
  const expanded = arrs.map((a) => insertAxes(a, [axis]));
  return concatenate(expanded, {
    axis,
    out: opts.out ?? null,
    dtype: opts.dtype ?? null,
    casting: opts.casting ?? 'same_kind',
  });
}

function seqArg(tup: unknown): ArrayLike[] {
  if (isNDArray(tup)) return toArrays(tup);
  if (!Array.isArray(tup))
    throw TypeError_('arrays to stack must be passed as a "sequence" type such as list or tuple.');
  return tup as ArrayLike[];
}

/** `np.vstack(tup, {dtype, casting})`. */
export function vstack(
  tup: readonly ArrayLike[],
  opts: { dtype?: DType | string | null; casting?: Casting } = {},
): NDArray {
  return concatenate(seqArg(tup).map(atleast2), {
    axis: 0,
    dtype: opts.dtype ?? null,
    casting: opts.casting ?? 'same_kind',
  });
}

/** `np.row_stack` (NumPy's deprecated alias of vstack). */
export const row_stack = vstack;

/** `np.hstack(tup, {dtype, casting})`: axis 0 for 1-D inputs, else axis 1. */
export function hstack(
  tup: readonly ArrayLike[],
  opts: { dtype?: DType | string | null; casting?: Casting } = {},
): NDArray {
  const arrs = seqArg(tup).map(atleast1);
  const axis = arrs.length > 0 && (arrs[0] as NDArray).ndim === 1 ? 0 : 1;
  return concatenate(arrs, {
    axis,
    dtype: opts.dtype ?? null,
    casting: opts.casting ?? 'same_kind',
  });
}

/** `np.dstack(tup)`: along the third axis. */
export function dstack(tup: readonly ArrayLike[]): NDArray {
  return concatenate(seqArg(tup).map(atleast3), { axis: 2 });
}

/** `np.column_stack(tup)`: 1-D inputs become columns. */
export function column_stack(tup: readonly ArrayLike[]): NDArray {
  const arrs = seqArg(tup).map((v) => {
    const a = asarray(v);
    if (a.ndim < 2) {
      const b =
        a.ndim === 0
          ? reshapeImpl(a, [1, 1], 'C', null)
          : a._view(
              [1, ...a._shape],
              [(a._shape[0] as number) * (a._strides[0] as number), ...a._strides],
              a._offset,
            );
      return transposeImpl(b, null);
    }
    return a;
  });
  return concatenate(arrs, { axis: 1 });
}

// ---------------------------------------------------------------------------------------------
// split
// ---------------------------------------------------------------------------------------------

/** An `axis` given positionally or as `{axis}`. */
function axisOpt(rest: readonly unknown[], dflt: number): number {
  const [pos, opts] = splitOpts<{ axis?: number }>(rest);
  const ax = opts.axis ?? pos[0] ?? dflt;
  return shapeItem(ax);
}

/** Python's slice `[st:end]` of axis 0 as a view. */
function sliceAxis0(a: NDArray, st: number, end: number): NDArray {
  const n = a._shape[0] as number;
  const norm = (x: number): number => (x < 0 ? Math.max(0, x + n) : Math.min(x, n));
  const s = norm(st);
  const e = norm(end);
  const len = Math.max(0, e - s);
  return a._view(
    [len, ...a._shape.slice(1)],
    a._strides,
    a._offset + s * (a._strides[0] as number),
  );
}

/** `np.array_split(ary, indices_or_sections, axis=0)`: views; sections need not divide evenly. */
export function array_split(
  ary: ArrayLike,
  indices_or_sections: number | readonly number[] | NDArray,
  ...rest: (number | { axis?: number })[]
): NDArray[] {
  const axis = axisOpt(rest, 0);
  const a = asarray(ary);
  if (a.ndim === 0 || axis >= a.ndim || axis < -a.ndim)
    throw IndexError('tuple index out of range');
  const ax = axis < 0 ? axis + a.ndim : axis;
  const total = a._shape[ax] as number;
  let div: number[];
  let nsec: number;
  if (typeof indices_or_sections === 'number' || typeof indices_or_sections === 'bigint') {
    nsec = Math.trunc(Number(indices_or_sections));
    if (nsec <= 0) throw ValueError('number sections must be larger than 0.');
    const each = Math.floor(total / nsec);
    const extras = total % nsec;
    div = [0];
    for (let i = 0; i < nsec; i++) div.push((div[i] as number) + (i < extras ? each + 1 : each));
  } else {
    const idx = isNDArray(indices_or_sections)
      ? indices_or_sections._values().map(Number)
      : indices_or_sections.map((x) => shapeItem(x));
    nsec = idx.length + 1;
    div = [0, ...idx, total];
  }
  const sary = swapaxes(a, ax, 0);
  const out: NDArray[] = [];
  for (let i = 0; i < nsec; i++)
    out.push(swapaxes(sliceAxis0(sary, div[i] as number, div[i + 1] as number), ax, 0));
  return out;
}

/** `np.split(ary, indices_or_sections, axis=0)`: NumPy's error when sections do not divide. */
export function split(
  ary: ArrayLike,
  indices_or_sections: number | readonly number[] | NDArray,
  ...rest: (number | { axis?: number })[]
): NDArray[] {
  const axis = axisOpt(rest, 0);
  if (typeof indices_or_sections === 'number') {
    const a = asarray(ary);
    if (a.ndim === 0 || axis >= a.ndim || axis < -a.ndim)
      throw IndexError('tuple index out of range');
    const n = a._shape[axis < 0 ? axis + a.ndim : axis] as number;
    if (indices_or_sections === 0)
      throw new NumPyError('ZeroDivisionError', 'integer modulo by zero');
    if (n % indices_or_sections !== 0)
      throw ValueError('array split does not result in an equal division');
  }
  return array_split(ary, indices_or_sections, axis);
}

/** `np.hsplit`: along axis 1 (axis 0 for 1-D). */
export function hsplit(
  ary: ArrayLike,
  indices_or_sections: number | readonly number[] | NDArray,
): NDArray[] {
  const a = asarray(ary);
  if (a.ndim === 0) throw ValueError('hsplit only works on arrays of 1 or more dimensions');
  return split(a, indices_or_sections, a.ndim > 1 ? 1 : 0);
}
/** `np.vsplit`: along axis 0 (needs ≥ 2-D). */
export function vsplit(
  ary: ArrayLike,
  indices_or_sections: number | readonly number[] | NDArray,
): NDArray[] {
  const a = asarray(ary);
  if (a.ndim < 2) throw ValueError('vsplit only works on arrays of 2 or more dimensions');
  return split(a, indices_or_sections, 0);
}
/** `np.dsplit`: along axis 2 (needs ≥ 3-D). */
export function dsplit(
  ary: ArrayLike,
  indices_or_sections: number | readonly number[] | NDArray,
): NDArray[] {
  const a = asarray(ary);
  if (a.ndim < 3) throw ValueError('dsplit only works on arrays of 3 or more dimensions');
  return split(a, indices_or_sections, 2);
}

// ---------------------------------------------------------------------------------------------
// repeat / tile / resize
// ---------------------------------------------------------------------------------------------

/** `np.repeat(a, repeats, axis=None)`: a new C-ordered array. */
export function repeat(
  a: ArrayLike,
  repeats: number | readonly number[] | NDArray,
  ...rest: (number | null | { axis?: number | null })[]
): NDArray {
  const [pos, opts] = splitOpts<{ axis?: number | null }>(rest);
  let arr = asarray(a);
  const axisArg =
    opts.axis !== undefined ? opts.axis : ((pos[0] as number | null | undefined) ?? null);
  let axis: number;
  if (axisArg === null) {
    arr = ravel(arr);
    axis = 0;
  } else axis = normalizeAxis(shapeItem(axisArg), arr.ndim);
  const reps = asarray(repeats);
  const rv = reps._values().map((x) => Math.trunc(Number(x)));
  if (reps.ndim > 1) throw ValueError('object too deep for desired array');
  const n = arr.ndim === 0 ? 1 : (arr._shape[axis] as number);
  let counts: number[];
  if (rv.length === 1) counts = new Array<number>(n).fill(rv[0] as number);
  else if (rv.length === n) counts = rv;
  else
    throw ValueError(`operands could not be broadcast together with shape (${n},) (${rv.length},)`);
  for (const c of counts) if (c < 0) throw ValueError('negative dimensions are not allowed');
  if (arr.ndim === 0) arr = reshapeImpl(arr, [1], 'C', null);
  const total = counts.reduce((s, c) => s + c, 0);
  const shape = [...arr._shape];
  shape[axis] = total;
  const out = NDArray.empty(shape, arr.dtype, false);
  if (out.size === 0) return out;
  const src = arr.flags.c_contiguous ? arr : copyArray(arr, arr.dtype, 'C');
  const outer = shapeSize(arr._shape.slice(0, axis));
  const inner = shapeSize(arr._shape.slice(axis + 1));
  // Both arrays are C-contiguous: copy blocks of `inner` elements within linear memory.
  const d = out._data() as Float64Array;
  const s0 = src._start;
  let q = out._start;
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < n; i++) {
      const c = counts[i] as number;
      const from = s0 + (o * n + i) * inner;
      for (let r = 0; r < c; r++, q += inner) {
        if (inner === 1) d[q] = d[from] as number;
        else d.copyWithin(q, from, from + inner);
      }
    }
  }
  return out;
}

/** NumPy's `_prepend_ones` (the `ndmin` of `np.array`): a view with leading length-1 axes. */
function prependOnes(a: NDArray, ndmin: number): NDArray {
  if (a.ndim >= ndmin) return a;
  const stride =
    isFortran(a) || a.ndim === 0 ? 1 : (a._strides[0] as number) * (a._shape[0] as number);
  const num = ndmin - a.ndim;
  return a._view(
    [...new Array<number>(num).fill(1), ...a._shape],
    [...new Array<number>(num).fill(stride), ...a._strides],
    a._offset,
  );
}

/** `np.tile(A, reps)`. */
export function tile(A: ArrayLike, reps: number | readonly number[]): NDArray {
  const tup = typeof reps === 'number' ? [shapeItem(reps)] : reps.map(shapeItem);
  const d = tup.length;
  let c: NDArray;
  if (tup.every((x) => x === 1) && isNDArray(A)) c = prependOnes(copyKeep(A), d);
  else c = prependOnes(isNDArray(A) ? A : asarray(A), d);
  const t = d < c.ndim ? [...new Array<number>(c.ndim - d).fill(1), ...tup] : tup;
  const shapeOut = c._shape.map((s, i) => s * (t[i] as number));
  for (const x of shapeOut) if (x < 0) throw ValueError('negative dimensions are not allowed');
  let n = c.size;
  if (n > 0) {
    c._shape.forEach((dimIn, i) => {
      const nrep = t[i] as number;
      if (nrep !== 1) c = repeat(reshapeImpl(c, [-1, n], 'C', null), nrep, 0);
      n = Math.floor(n / dimIn);
    });
  }
  return reshapeImpl(c, shapeOut, 'C', null);
}

/** `np.resize(a, new_shape)`: repeats the data to fill the new shape. */
export function resize(a: ArrayLike, new_shape: number | readonly number[]): NDArray {
  const shape = parseShape(new_shape);
  const flat = ravel(asarray(a));
  let size = 1;
  for (const d of shape) {
    size *= d;
    if (d < 0) throw ValueError('all elements of `new_shape` must be non-negative');
  }
  if (flat.size === 0 || size === 0) return NDArray.empty(shape, flat.dtype, true);
  const reps = Math.ceil(size / flat.size);
  const cat = concatenate(new Array<NDArray>(reps).fill(flat), 0);
  return reshapeImpl(sliceAxis0(cat, 0, size), shape, 'C', null);
}

// ---------------------------------------------------------------------------------------------
// flip / roll / rot90
// ---------------------------------------------------------------------------------------------

function flipAxes(a: NDArray, axes: readonly number[]): NDArray {
  const strides = [...a._strides];
  let off = a._offset;
  for (const ax of axes) {
    const n = a._shape[ax] as number;
    // NumPy's slicing: an empty result keeps its stride (step 1 from the start)
    if (n === 0) continue;
    off += (n - 1) * (strides[ax] as number);
    strides[ax] = -(strides[ax] as number);
  }
  return a._view(a._shape, strides, off);
}

/** `np.flip(m, axis=None)`: a view with negated strides. */
export function flip(
  m: ArrayLike,
  ...rest: (number | readonly number[] | null | { axis?: number | readonly number[] | null })[]
): NDArray {
  const [pos, opts] = splitOpts<{ axis?: number | readonly number[] | null }>(rest);
  const a = asarray(m);
  const axis =
    opts.axis !== undefined
      ? opts.axis
      : ((pos[0] as number | number[] | null | undefined) ?? null);
  const axes = axis === null ? a._shape.map((_, i) => i) : axisTuple(axis, a.ndim, null);
  return flipAxes(a, axes);
}

/** `np.fliplr(m)`: reverses axis 1. */
export function fliplr(m: ArrayLike): NDArray {
  const a = asarray(m);
  if (a.ndim < 2) throw ValueError('Input must be >= 2-d.');
  return flipAxes(a, [1]);
}

/** `np.flipud(m)`: reverses axis 0. */
export function flipud(m: ArrayLike): NDArray {
  const a = asarray(m);
  if (a.ndim < 1) throw ValueError('Input must be >= 1-d.');
  return flipAxes(a, [0]);
}

/** `np.roll(a, shift, axis=None)`: a new array laid out like `a`. */
export function roll(
  a: ArrayLike,
  shift: number | readonly number[],
  ...rest: (number | readonly number[] | null | { axis?: number | readonly number[] | null })[]
): NDArray {
  const [pos, opts] = splitOpts<{ axis?: number | readonly number[] | null }>(rest);
  const arr = asarray(a);
  const axis =
    opts.axis !== undefined
      ? opts.axis
      : ((pos[0] as number | number[] | null | undefined) ?? null);
  if (axis === null) return reshapeImpl(roll(ravel(arr), shift, 0), arr._shape, 'C', null);
  const axes = (typeof axis === 'number' ? [axis] : [...axis]).map((x) =>
    normalizeAxis(shapeItem(x), arr.ndim),
  );
  const shifts = (typeof shift === 'number' ? [shift] : [...shift]).map(pyInt);
  const bshape = broadcastShapeOf([
    typeof shift === 'number' ? [] : [shifts.length],
    typeof axis === 'number' ? [] : [axes.length],
  ]);
  if (bshape.length > 1) throw ValueError("'shift' and 'axis' should be scalars or 1D sequences");
  const nb = bshape.length === 0 ? 1 : (bshape[0] as number);
  const total = new Array<number>(arr.ndim).fill(0);
  for (let i = 0; i < nb; i++) {
    const sh = shifts.length === 1 ? (shifts[0] as number) : (shifts[i] as number);
    const ax = axes.length === 1 ? (axes[0] as number) : (axes[i] as number);
    total[ax] = (total[ax] as number) + sh;
  }
  const result = emptyLikeKeep(arr);
  if (arr.size === 0) return result;
  // copy block by block: for each axis, the rolled pieces
  const pieces: [number, number, number][][] = arr._shape.map((n, ax) => {
    const off = (((total[ax] as number) % (n || 1)) + (n || 1)) % (n || 1);
    if (off === 0) return [[0, 0, n]];
    return [
      [0, off, n - off],
      [n - off, 0, off],
    ];
  });
  const rec = (ax: number, srcOff: number, dstOff: number, shape: number[]): void => {
    if (ax === arr.ndim) {
      copyInto(
        result._view(shape, result._strides, dstOff),
        arr._view(shape, arr._strides, srcOff),
      );
      return;
    }
    for (const [s, d, len] of pieces[ax] as [number, number, number][]) {
      rec(
        ax + 1,
        srcOff + s * (arr._strides[ax] as number),
        dstOff + d * (result._strides[ax] as number),
        [...shape, len],
      );
    }
  };
  rec(0, arr._offset, result._offset, []);
  return result;
}

/** `np.rot90(m, k=1, axes=[0, 1])`: a view. */
export function rot90(
  m: ArrayLike,
  ...rest: (number | readonly number[] | { k?: number; axes?: readonly number[] })[]
): NDArray {
  const [pos, opts] = splitOpts<{ k?: number; axes?: readonly number[] }>(rest);
  const a = asarray(m);
  let k = opts.k ?? (pos[0] as number | undefined) ?? 1;
  const axes = [...(opts.axes ?? (pos[1] as number[] | undefined) ?? [0, 1])];
  if (axes.length !== 2) throw ValueError('len(axes) must be 2.');
  const [a0, a1] = axes as [number, number];
  if (a0 === a1 || Math.abs(a0 - a1) === a.ndim) throw ValueError('Axes must be different.');
  if (a0 >= a.ndim || a0 < -a.ndim || a1 >= a.ndim || a1 < -a.ndim) {
    throw ValueError(`Axes=(${a0}, ${a1}) out of range for array of ndim=${a.ndim}.`);
  }
  k = ((k % 4) + 4) % 4;
  const n0 = a0 < 0 ? a0 + a.ndim : a0;
  const n1 = a1 < 0 ? a1 + a.ndim : a1;
  if (k === 0) return a._view(a._shape, a._strides, a._offset);
  if (k === 2) return flipAxes(flipAxes(a, [n0]), [n1]);
  const list = a._shape.map((_, i) => i);
  list[n0] = n1;
  list[n1] = n0;
  if (k === 1) return transposeImpl(flipAxes(a, [n1]), list);
  return flipAxes(transposeImpl(a, list), [n1]);
}

// ---------------------------------------------------------------------------------------------
// append / insert / delete
// ---------------------------------------------------------------------------------------------

/** The view `a[..., start:start+len, ...]` along axis `ax`. */
function slab(a: NDArray, ax: number, start: number, len: number): NDArray {
  const sh = [...a._shape];
  sh[ax] = len;
  return a._view(sh, a._strides, a._offset + start * (a._strides[ax] as number));
}

/** `np.append(arr, values, axis=None)`. */
export function append(
  arr: ArrayLike,
  values: ArrayLike,
  ...rest: (number | null | { axis?: number | null })[]
): NDArray {
  const [pos, opts] = splitOpts<{ axis?: number | null }>(rest);
  let a = asarray(arr);
  const axis =
    opts.axis !== undefined ? opts.axis : ((pos[0] as number | null | undefined) ?? null);
  if (axis === null) {
    if (a.ndim !== 1) a = ravel(a);
    return concatenate([a, ravel(asarray(values))], a.ndim - 1);
  }
  return concatenate([a, asarray(values)], axis);
}

/** Integer indices of `obj` (int, list, array, or slice string 'start:stop:step') along a length-n axis. */
function deleteIndices(obj: unknown, n: number, axis: number): { idx: number[]; scalar: boolean } {
  if (typeof obj === 'string') {
    const parts = obj.split(':').map((s) => (s.trim() === '' ? null : Number(s)));
    const step = parts[2] ?? 1;
    if (step === 0) throw ValueError('slice step cannot be zero');
    let start = parts[0] ?? (step > 0 ? 0 : n - 1);
    let stop = parts[1] ?? (step > 0 ? n : -n - 1);
    if (start < 0) start = Math.max(start + n, step > 0 ? 0 : -1);
    else start = Math.min(start, step > 0 ? n : n - 1);
    if (stop < 0) stop = Math.max(stop + n, step > 0 ? 0 : -1);
    else stop = Math.min(stop, step > 0 ? n : n - 1);
    const idx: number[] = [];
    for (let i = start; step > 0 ? i < stop : i > stop; i += step) idx.push(i);
    return { idx, scalar: false };
  }
  const o = asarray(obj as ArrayLike);
  if (o.dtype === 'bool') {
    if (o.ndim !== 1 || o.size !== n)
      throw ValueError(
        `boolean array argument obj to delete must be one dimensional and match the axis length of ${n}`,
      );
    const idx: number[] = [];
    o._values().forEach((v, i) => {
      if (Number(v) !== 0) idx.push(i);
    });
    return { idx, scalar: false };
  }
  if (o.dtype.startsWith('float'))
    throw IndexError('arrays used as indices must be of integer (or boolean) type');
  const vals = o._values().map(Number);
  for (const v of vals)
    if (v < -n || v >= n)
      throw IndexError(`index ${v} is out of bounds for axis ${axis} with size ${n}`);
  return { idx: vals.map((v) => (v < 0 ? v + n : v)), scalar: o.ndim === 0 };
}

/** `np.delete(arr, obj, axis=None)`: obj an int, int list/array, bool mask, or slice string. */
export function delete_(
  arr: ArrayLike,
  obj: number | bigint | readonly number[] | NDArray | string,
  ...rest: (number | null | { axis?: number | null })[]
): NDArray {
  const [pos, opts] = splitOpts<{ axis?: number | null }>(rest);
  let a = asarray(arr);
  let axis = opts.axis !== undefined ? opts.axis : ((pos[0] as number | null | undefined) ?? null);
  if (axis === null) {
    if (a.ndim !== 1) a = ravel(a);
    axis = 0;
  }
  if (a.ndim === 0)
    throw new NumPyError('AxisError', `axis ${axis} is out of bounds for array of dimension 0`);
  const ax = normalizeAxis(axis, a.ndim);
  const n = a._shape[ax] as number;
  const arrorder: 'C' | 'F' = isFortran(a) ? 'F' : 'C';
  const single =
    typeof obj === 'number' ||
    typeof obj === 'bigint' ||
    (isNDArray(obj) && obj.size === 1 && obj.dtype !== 'bool' && !obj.dtype.startsWith('float')) ||
    (Array.isArray(obj) && obj.length === 1 && typeof obj[0] === 'number');
  if (single || typeof obj === 'string') {
    const { idx } = deleteIndices(
      Array.isArray(obj) ? obj[0] : isNDArray(obj) ? Number(obj._values()[0]) : obj,
      n,
      ax,
    );
    const gone = [...new Set(idx)].sort((x, y) => x - y);
    const shape = [...a._shape];
    shape[ax] = n - gone.length;
    const out = emptyOrder(shape, a.dtype, arrorder, false);
    // copy the kept runs between deleted indices
    let j = 0;
    let from = 0;
    for (const g of [...gone, n]) {
      if (g > from) {
        copyInto(slab(out, ax, j, g - from), slab(a, ax, from, g - from));
        j += g - from;
      }
      from = g + 1;
    }
    return out;
  }
  // NumPy: keep = ones(N, bool); keep[obj,] = False; arr[(:,)*axis + (keep,)] (advanced indexing)
  const { idx } = deleteIndices(obj, n, ax);
  const keep = NDArray.empty([n], 'bool', false);
  const kd = keep._data();
  for (let i = 0; i < n; i++) kd[keep._start + i] = 1;
  for (const i of idx) kd[keep._start + i] = 0;
  const index: unknown[] = new Array<unknown>(ax).fill(':');
  index.push(keep);
  return (a as unknown as { get(...i: unknown[]): NDArray }).get(...index);
}
export { delete_ as delete };

/** `np.insert(arr, obj, values, axis=None)` for an integer index or a list of integer indices. */
export function insert(
  arr: ArrayLike,
  obj: number | readonly number[] | NDArray,
  values: ArrayLike,
  ...rest: (number | null | { axis?: number | null })[]
): NDArray {
  const [pos, opts] = splitOpts<{ axis?: number | null }>(rest);
  let a = asarray(arr);
  let axis = opts.axis !== undefined ? opts.axis : ((pos[0] as number | null | undefined) ?? null);
  if (axis === null) {
    if (a.ndim !== 1) a = ravel(a);
    axis = a.ndim - 1;
  }
  const ax = normalizeAxis(axis, a.ndim);
  const n = a._shape[ax] as number;
  const o = asarray(obj);
  if (o.dtype.startsWith('float'))
    throw IndexError('index arrays used as indices must be of integer (or boolean) type');
  const order: 'C' | 'F' = isFortran(a) ? 'F' : 'C';
  if (o.size === 1 && o.dtype !== 'bool') {
    let index = Number(o._values()[0]);
    if (index < -n || index > n)
      throw IndexError(`index ${index} is out of bounds for axis ${ax} with size ${n}`);
    if (index < 0) index += n;
    let v = asarray(values, { dtype: a.dtype });
    // NumPy: values = array(values, ndmin=arr.ndim, dtype=arr.dtype); moveaxis(values, 0, axis)
    v = prependOnes(v, a.ndim);
    if (o.ndim === 0) v = moveaxis(v, 0, ax);
    const numnew = v._shape[ax] as number;
    const shape = [...a._shape];
    shape[ax] = n + numnew;
    const out = emptyOrder(shape, a.dtype, order, false);
    const part = (start: number, len: number): NDArray => {
      const sh = [...shape];
      sh[ax] = len;
      return out._view(sh, out._strides, out._offset + start * (out._strides[ax] as number));
    };
    const srcPart = (start: number, len: number): NDArray => {
      const sh = [...a._shape];
      sh[ax] = len;
      return a._view(sh, a._strides, a._offset + start * (a._strides[ax] as number));
    };
    copyInto(part(0, index), srcPart(0, index));
    copyInto(part(index, numnew), v);
    copyInto(part(index + numnew, n - index), srcPart(index, n - index));
    return out;
  }
  const idx = o._values().map(Number);
  const norm = idx.map((v) => (v < 0 ? v + n : v));
  const numnew = norm.length;
  // stable order of the new positions (NumPy: indices[argsort(indices)] += arange(numnew))
  const orderIdx = norm.map((v, i) => [v, i] as const).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const newPos = new Array<number>(numnew);
  orderIdx.forEach(([v, i], k) => {
    newPos[i] = v + k;
  });
  const total = n + numnew;
  for (let i = 0; i < numnew; i++) {
    const p = newPos[i] as number;
    if (p >= total || p < -total)
      throw IndexError(`index ${p} is out of bounds for axis ${ax} with size ${total}`);
    if (p < 0) newPos[i] = p + total;
  }
  const shape = [...a._shape];
  shape[ax] = n + numnew;
  const out = emptyOrder(shape, a.dtype, order, false);
  const isNew = new Array<boolean>(n + numnew).fill(false);
  for (const p of newPos) isNew[p] = true;
  const sub = [...shape];
  sub[ax] = numnew;
  // values broadcast to the slots of the new positions, in the order given
  const slots = NDArray.empty(sub, a.dtype, false);
  copyInto(slots, asarray(values, { dtype: a.dtype }));
  const one = [...shape];
  one[ax] = 1;
  newPos.forEach((p, i) => {
    copyInto(
      out._view(one, out._strides, out._offset + p * (out._strides[ax] as number)),
      slots._view(one, slots._strides, slots._offset + i * (slots._strides[ax] as number)),
    );
  });
  let k = 0;
  for (let p = 0; p < total;) {
    if (isNew[p]) {
      p++;
      continue;
    }
    let e = p + 1;
    while (e < total && !isNew[e]) e++;
    copyInto(slab(out, ax, p, e - p), slab(a, ax, k, e - p));
    k += e - p;
    p = e;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// tril / triu (output laid out as NumPy's `where`)
// ---------------------------------------------------------------------------------------------

function triangle(m: ArrayLike, k: number, lower: boolean): NDArray {
  const a = asarray(m);
  const sh = a.ndim >= 2 ? a._shape.slice(-2) : [a._shape[0] ?? 1, a._shape[0] ?? 1];
  if (a.ndim === 0) throw ValueError('Input must be >= 1-d.');
  const [N, M] = sh as [number, number];
  const mask = NDArray.empty([N, M], 'bool', false);
  const shape = a.ndim >= 2 ? [...a._shape] : [N, M];
  const zeros1 = NDArray.empty([1], a.dtype, true);
  const out = allocLikeOperands(shape, [mask, a, zeros1], a.dtype);
  copyInto(out, a);
  const d = out._data();
  const zero = out.dtype === 'int64' || out.dtype === 'uint64' ? 0n : 0;
  const rows = shape[shape.length - 2] as number;
  const cols = shape[shape.length - 1] as number;
  const outer = shape.slice(0, -2);
  const nOuter = shapeSize(outer);
  const rs = out._strides[shape.length - 2] as number;
  const cs = out._strides[shape.length - 1] as number;
  for (let o = 0; o < nOuter; o++) {
    let base = out._start;
    let rem = o;
    for (let ax = outer.length - 1; ax >= 0; ax--) {
      const n = outer[ax] as number;
      base += (rem % n) * (out._strides[ax] as number);
      rem = Math.floor(rem / n);
    }
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        const keep = lower ? j - i <= k : j - i >= k;
        if (!keep) (d as Float64Array)[base + i * rs + j * cs] = zero as number;
      }
    }
  }
  return out;
}

/** `np.tril(m, k=0)`: zero above the k-th diagonal (1-D input is broadcast to 2-D). */
export function tril(m: ArrayLike, ...rest: (number | { k?: number })[]): NDArray {
  const [pos, opts] = splitOpts<{ k?: number }>(rest);
  return triangle(m, opts.k ?? (pos[0] as number | undefined) ?? 0, true);
}

/** `np.triu(m, k=0)`: zero below the k-th diagonal. */
export function triu(m: ArrayLike, ...rest: (number | { k?: number })[]): NDArray {
  const [pos, opts] = splitOpts<{ k?: number }>(rest);
  return triangle(m, opts.k ?? (pos[0] as number | undefined) ?? 0, false);
}

// ---------------------------------------------------------------------------------------------
// diagonal
// ---------------------------------------------------------------------------------------------

function axisMsg(axis: number, ndim: number, prefix: string): number {
  if (axis < -ndim || axis >= ndim)
    throw new NumPyError(
      'AxisError',
      `${prefix}: axis ${axis} is out of bounds for array of dimension ${ndim}`,
    );
  return axis < 0 ? axis + ndim : axis;
}

/** `np.diagonal(a, offset=0, axis1=0, axis2=1)`: a read-only view, as NumPy. */
export function diagonal(
  a: ArrayLike,
  ...rest: (number | { offset?: number; axis1?: number; axis2?: number })[]
): NDArray {
  const [pos, opts] = splitOpts<{ offset?: number; axis1?: number; axis2?: number }>(rest);
  const arr = asarray(a);
  let offset = shapeItem(opts.offset ?? pos[0] ?? 0);
  const nd = arr.ndim;
  if (nd < 2) throw ValueError('diag requires an array of at least two dimensions');
  const ax1 = axisMsg(shapeItem(opts.axis1 ?? pos[1] ?? 0), nd, 'axis1');
  const ax2 = axisMsg(shapeItem(opts.axis2 ?? pos[2] ?? 1), nd, 'axis2');
  if (ax1 === ax2) throw ValueError('axis1 and axis2 cannot be the same');
  let dim1 = arr._shape[ax1] as number;
  let dim2 = arr._shape[ax2] as number;
  const s1 = arr._strides[ax1] as number;
  const s2 = arr._strides[ax2] as number;
  let offStride: number;
  if (offset >= 0) {
    offStride = s2;
    dim2 -= offset;
  } else {
    offset = -offset;
    offStride = s1;
    dim1 -= offset;
  }
  let size = Math.min(dim1, dim2);
  let start = arr._offset;
  if (size < 0) size = 0;
  else start += offset * offStride;
  const shape: number[] = [];
  const strides: number[] = [];
  for (let i = 0; i < nd; i++) {
    if (i !== ax1 && i !== ax2) {
      shape.push(arr._shape[i] as number);
      strides.push(arr._strides[i] as number);
    }
  }
  shape.push(size);
  strides.push(s1 + s2);
  return arr._view(shape, strides, start, false);
}

// ---------------------------------------------------------------------------------------------
// More methods
// ---------------------------------------------------------------------------------------------

declare module './ndarray' {
  interface NDArray {
    /** `a.squeeze(axis)`. */
    squeeze(
      axis?: number | readonly number[] | null | { axis?: number | readonly number[] | null },
    ): NDArray;
    /** `a.repeat(repeats, axis)`. */
    repeat(
      repeats: number | readonly number[] | NDArray,
      axis?: number | null | { axis?: number | null },
    ): NDArray;
    /** `a.diagonal(offset, axis1, axis2)`: a read-only view. */
    diagonal(...args: (number | { offset?: number; axis1?: number; axis2?: number })[]): NDArray;
  }
}

NDArray.prototype.squeeze = function (
  this: NDArray,
  ...args: (number | readonly number[] | null | { axis?: number | readonly number[] | null })[]
): NDArray {
  return squeeze(this, ...args);
};
NDArray.prototype.repeat = function (
  this: NDArray,
  repeats: number | readonly number[] | NDArray,
  ...args: (number | null | { axis?: number | null })[]
): NDArray {
  return repeat(this, repeats, ...args);
};
NDArray.prototype.diagonal = function (
  this: NDArray,
  ...args: (number | { offset?: number; axis1?: number; axis2?: number })[]
): NDArray {
  return diagonal(this, ...args);
};

// ---------------------------------------------------------------------------------------------
// Array-API names and small queries
// ---------------------------------------------------------------------------------------------

/** `np.concat` (NumPy 2's array-API name of concatenate). */
export const concat = concatenate;

/** `np.unstack(x, {axis})`: views of `x` along `axis`. */
export function unstack(x: ArrayLike, opts: { axis?: number } = {}): NDArray[] {
  const a = asarray(x);
  if (a.ndim === 0) throw ValueError('Input array must be at least 1-d.');
  return toArrays(moveaxis(a, opts.axis ?? 0, 0));
}

/** `np.matrix_transpose(x)`: a view with the last two axes swapped. */
export function matrix_transpose(x: ArrayLike): NDArray {
  const a = asarray(x);
  if (a.ndim < 2) {
    throw ValueError(`Input array must be at least 2-dimensional, but it is ${a.ndim}`);
  }
  return swapaxes(a, -1, -2);
}

/** `np.shape(a)` as a number array. */
export function shape(a: ArrayLike): number[] {
  return [...asarray(a)._shape];
}

/** `np.ndim(a)`. */
export function ndim(a: ArrayLike): number {
  return asarray(a).ndim;
}

/** `np.size(a, axis=None)`. */
export function size(a: ArrayLike, axis: number | null = null): number {
  const arr = asarray(a);
  if (axis === null) return arr.size;
  return arr._shape[normalizeAxis(shapeItem(axis), arr.ndim)] as number;
}

// ---------------------------------------------------------------------------------------------
// block
// ---------------------------------------------------------------------------------------------

type BlockArg = ArrayLike | readonly BlockArg[];

const blockIndex = (index: readonly (number | null)[]): string =>
  'arrays' + index.map((i) => (i === null ? '' : `[${i}]`)).join('');

/** NumPy's `_block_check_depths_match`: [bottom index, max array ndim, total size]. */
function blockDepths(
  arrays: unknown,
  parent: (number | null)[],
): [(number | null)[], number, number] {
  if (Array.isArray(arrays) && arrays.length > 0) {
    let first: (number | null)[] | null = null;
    let maxNd = 0;
    let total = 0;
    arrays.forEach((arr, i) => {
      const [index, nd, sz] = blockDepths(arr, [...parent, i]);
      total += sz;
      if (first === null) {
        first = index;
        maxNd = nd;
        return;
      }
      if (nd > maxNd) maxNd = nd;
      if (index.length !== first.length) {
        throw ValueError(
          `List depths are mismatched. First element was at depth ${first.length}, but there is an element at depth ${index.length} (${blockIndex(index)})`,
        );
      }
      if (index[index.length - 1] === null) first = index;
    });
    return [first ?? parent, maxNd, total];
  }
  if (Array.isArray(arrays)) return [[...parent, null], 0, 0];
  const a = asarray(arrays as ArrayLike);
  return [parent, a.ndim, a.size];
}

/**
 * `np.block(arrays)`: assembles nested lists of arrays (innermost lists join along the last
 * axis). Small results are built with concatenate, large ones (list depth × size > 2·512²) by
 * slicing into a C- or F-ordered result, as NumPy does.
 */
export function block(arrays: BlockArg): NDArray {
  const [bottom, arrNd, finalSize] = blockDepths(arrays, []);
  const listNd = bottom.length;
  if (listNd > 0 && bottom[listNd - 1] === null) {
    throw ValueError(`List at ${blockIndex(bottom)} cannot be empty`);
  }
  const resultNd = Math.max(arrNd, listNd);
  const leaf = (x: unknown): NDArray => prependOnes(asarray(x as ArrayLike), resultNd);
  if (listNd * finalSize > 2 * 512 * 512) {
    // _block_slicing: shapes first, then one allocation and slice assignments
    const leaves: NDArray[] = [];
    const info = (
      arr: unknown,
      depth: number,
    ): { shape: number[]; parts: { off: number[]; a: NDArray }[] } => {
      if (depth === listNd) {
        const a = leaf(arr);
        leaves.push(a);
        return { shape: [...a._shape], parts: [{ off: new Array<number>(resultNd).fill(0), a }] };
      }
      const axis = resultNd - (listNd - depth);
      const subs = (arr as unknown[]).map((x) => info(x, depth + 1));
      const first = subs[0] as { shape: number[] };
      const shp = [...first.shape];
      let acc = 0;
      const parts: { off: number[]; a: NDArray }[] = [];
      for (const sub of subs) {
        if (
          sub.shape.length !== shp.length ||
          sub.shape.some((d, i) => i !== axis && d !== shp[i])
        ) {
          throw ValueError(`Mismatched array shapes in block along axis ${axis - resultNd}.`);
        }
        for (const p of sub.parts) {
          const off = [...p.off];
          off[axis] = (off[axis] as number) + acc;
          parts.push({ off, a: p.a });
        }
        acc += sub.shape[axis] as number;
      }
      shp[axis] = acc;
      return { shape: shp, parts };
    };
    const { shape: outShape, parts } = info(arrays, 0);
    const dt = resultDtype(leaves);
    const F = leaves.every((a) => a.flags.f_contiguous);
    const C = leaves.every((a) => a.flags.c_contiguous);
    const res = emptyOrder(outShape, dt, F && !C ? 'F' : 'C', false);
    for (const { off, a } of parts) {
      const start = off.reduce((s, o, i) => s + o * (res._strides[i] as number), res._offset);
      copyInto(res._view(a._shape, res._strides, start), a);
    }
    return res;
  }
  const rec = (arr: unknown, depth: number): NDArray => {
    if (depth < listNd) {
      const parts = (arr as unknown[]).map((x) => rec(x, depth + 1));
      return concatenate(parts, { axis: -(listNd - depth) });
    }
    return leaf(arr);
  };
  const res = rec(arrays, 0);
  return listNd === 0 ? copyArray(res, res.dtype, 'C') : res;
}

// ---------------------------------------------------------------------------------------------
// pad
// ---------------------------------------------------------------------------------------------

export type PadMode = 'constant' | 'edge' | 'reflect' | 'symmetric' | 'wrap' | 'empty';
export interface PadOptions {
  mode?: PadMode | string;
  constant_values?: ArrayLike;
}

/** NumPy's `_as_pairs(x, ndim)`: (before, after) per axis. */
function asPairs(x: ArrayLike, ndim: number, asIndex: boolean): [number, number][] {
  const a = asarray(x);
  const vals = a._values().map(Number);
  const neg = (): Error => ValueError("index can't contain negative values");
  if (a.ndim < 3) {
    if (a.size === 1) {
      const v = vals[0] as number;
      if (asIndex && v < 0) throw neg();
      return Array.from({ length: ndim }, () => [v, v] as [number, number]);
    }
    if (a.size === 2 && !(a.ndim === 2 && a._shape[0] === 2 && a._shape[1] === 1)) {
      const [b, c] = vals as [number, number];
      if (asIndex && (b < 0 || c < 0)) throw neg();
      return Array.from({ length: ndim }, () => [b, c] as [number, number]);
    }
  }
  if (asIndex && vals.some((v) => v < 0)) throw neg();
  const b = broadcastView(a, [ndim, 2], false)._values().map(Number);
  return Array.from({ length: ndim }, (_, i) => [b[2 * i] as number, b[2 * i + 1] as number]);
}

/**
 * `np.pad(array, pad_width, mode='constant', {constant_values})` for the modes constant, edge,
 * reflect (even), symmetric, wrap and empty (zeros in ndscope). The result is F-ordered for
 * Fortran inputs, as NumPy.
 */
export function pad(
  array: ArrayLike,
  pad_width: ArrayLike,
  ...rest: (string | PadOptions)[]
): NDArray {
  const [pos, opts] = splitOpts<PadOptions>(rest);
  const a = asarray(array);
  const mode = opts.mode ?? (pos[0] as string | undefined) ?? 'constant';
  const pw = asarray(pad_width);
  if (pw.dtype !== 'int8' && pw.dtype !== 'int16' && pw.dtype !== 'int32' && pw.dtype !== 'int64') {
    throw TypeError_('`pad_width` must be of integral type.');
  }
  const pads = asPairs(pw, a.ndim, true);
  const supported = ['constant', 'edge', 'reflect', 'symmetric', 'wrap', 'empty'];
  const numpyModes = [...supported, 'linear_ramp', 'maximum', 'mean', 'median', 'minimum'];
  if (!numpyModes.includes(mode)) throw ValueError(`mode '${mode}' is not supported`);
  if (!supported.includes(mode)) {
    throw new NumPyError(
      'NotImplementedError',
      `ndscope's np.pad does not implement mode '${mode}'`,
    );
  }
  const shape = a._shape.map(
    (d, i) => d + (pads[i] as [number, number])[0] + (pads[i] as [number, number])[1],
  );
  const out = emptyOrder(shape, a.dtype, isFortran(a) ? 'F' : 'C', true);
  if (out.size === 0) return out;
  if (mode !== 'constant' && mode !== 'empty') {
    a._shape.forEach((d, ax) => {
      const [l, r] = pads[ax] as [number, number];
      if (d === 0 && (l > 0 || r > 0)) {
        throw ValueError(
          `can't extend empty axis ${ax} using modes other than 'constant' or 'empty'`,
        );
      }
    });
  }
  // per axis: the source index of each output position (-1: outside, for constant mode)
  const maps = shape.map((len, ax) => {
    const n = a._shape[ax] as number;
    const left = (pads[ax] as [number, number])[0];
    const m = new Int32Array(len);
    for (let i = 0; i < len; i++) {
      const p = i - left;
      let k: number;
      if (p >= 0 && p < n) k = p;
      else if (mode === 'constant' || mode === 'empty') k = -1;
      else if (mode === 'edge' || ((mode === 'reflect' || mode === 'symmetric') && n === 1))
        k = p < 0 ? 0 : n - 1;
      else if (mode === 'wrap') k = ((p % n) + n) % n;
      else if (mode === 'reflect') {
        const per = 2 * (n - 1);
        k = ((p % per) + per) % per;
        if (k >= n) k = per - k;
      } else {
        const per = 2 * n;
        k = ((p % per) + per) % per;
        if (k >= n) k = per - 1 - k;
      }
      m[i] = k;
    }
    return m;
  });
  let cvals: [number | bigint, number | bigint][] = [];
  if (mode === 'constant') {
    const cv = asPairsValues(opts.constant_values ?? 0, a.ndim);
    cvals = cv.map(([b, c]) => [scalarStore(b, a.dtype), scalarStore(c, a.dtype)]);
  }
  const src = a._data();
  const dst = out._data();
  const nd = shape.length;
  const idx = new Array<number>(nd).fill(0);
  const total = out.size;
  for (let flat = 0; flat < total; flat++) {
    let q = out._start;
    let p = a._start;
    let outside = -1;
    for (let ax = 0; ax < nd; ax++) {
      const i = idx[ax] as number;
      q += i * (out._strides[ax] as number);
      const k = (maps[ax] as Int32Array)[i] as number;
      if (k < 0) outside = ax;
      else p += k * (a._strides[ax] as number);
    }
    if (outside < 0) (dst as Float64Array)[q] = (src as Float64Array)[p] as number;
    else if (mode === 'constant') {
      const before = (idx[outside] as number) < (pads[outside] as [number, number])[0];
      (dst as Float64Array)[q] = (cvals[outside] as [number, number])[before ? 0 : 1];
    }
    for (let ax = nd - 1; ax >= 0; ax--) {
      idx[ax] = (idx[ax] as number) + 1;
      if ((idx[ax] as number) < (shape[ax] as number)) break;
      idx[ax] = 0;
    }
  }
  return out;
}

/** `_as_pairs` for constant values (any numbers, no index checks). */
function asPairsValues(
  x: ArrayLike,
  ndim: number,
): [number | bigint | boolean, number | bigint | boolean][] {
  const a = asarray(x);
  const vals = a._values().map((v) => (a.dtype === 'bool' ? v !== 0 : v));
  if (a.ndim < 3) {
    if (a.size === 1)
      return Array.from({ length: ndim }, () => [vals[0], vals[0]] as [number, number]);
    if (a.size === 2 && !(a.ndim === 2 && a._shape[0] === 2 && a._shape[1] === 1)) {
      return Array.from({ length: ndim }, () => [vals[0], vals[1]] as [number, number]);
    }
  }
  const b = broadcastView(a, [ndim, 2], false)._values();
  return Array.from({ length: ndim }, (_, i) => [b[2 * i], b[2 * i + 1]] as [number, number]);
}

/** A padding value as stored in `dtype` (NumPy's assignment cast: floats truncate into ints). */
function scalarStore(v: number | bigint | boolean, dtype: DType): number | bigint {
  const t = NDArray.empty([1], dtype, false);
  copyInto(t, asarray(typeof v === 'boolean' ? v : v));
  return t._data()[t._start] as number | bigint;
}

// ---------------------------------------------------------------------------------------------
// trim_zeros
// ---------------------------------------------------------------------------------------------

/** `np.trim_zeros(filt, trim='fb', {axis})`: a view without the leading/trailing zero hyperplanes. */
export function trim_zeros(
  filt: ArrayLike,
  ...rest: (string | { trim?: string; axis?: number | readonly number[] | null })[]
): NDArray {
  const [pos, opts] = splitOpts<{ trim?: string; axis?: number | readonly number[] | null }>(rest);
  const a = asarray(filt);
  const trimArg = opts.trim ?? (pos[0] as string | undefined) ?? 'fb';
  const trim = trimArg.toLowerCase();
  if (!['fb', 'bf', 'f', 'b'].includes(trim)) {
    throw ValueError(`unexpected character(s) in \`trim\`: '${trimArg}'`);
  }
  const nd = a.ndim;
  const axisArg = opts.axis === undefined ? null : opts.axis;
  const axes = axisArg === null ? a._shape.map((_, i) => i) : axisTuple(axisArg, nd, 'axis');
  if (axes.length === 0) return a;
  // bounding box of the nonzero elements
  const lo = new Array<number>(nd).fill(Infinity);
  const hi = new Array<number>(nd).fill(-Infinity);
  const vals = a._values();
  let any = false;
  vals.forEach((v, flat) => {
    if (v === 0 || v === 0n) return; // NaN counts as nonzero, as in NumPy
    any = true;
    let rem = flat;
    for (let ax = nd - 1; ax >= 0; ax--) {
      const n = a._shape[ax] as number;
      const i = rem % n;
      rem = Math.floor(rem / n);
      if (i < (lo[ax] as number)) lo[ax] = i;
      if (i > (hi[ax] as number)) hi[ax] = i;
    }
  });
  const shape = [...a._shape];
  let off = a._offset;
  for (let ax = 0; ax < nd; ax++) {
    if (!axes.includes(ax)) continue;
    const n = a._shape[ax] as number;
    let s = 0;
    let e = n;
    if (!any) {
      s = 0;
      e = 0;
    } else {
      if (trim.includes('f')) s = lo[ax] as number;
      if (trim.includes('b')) e = (hi[ax] as number) + 1;
    }
    const len = Math.max(0, e - s);
    shape[ax] = len;
    if (len > 0) off += s * (a._strides[ax] as number);
  }
  return a._view(shape, a._strides, off);
}
