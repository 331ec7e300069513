/**
 * Shape and memory layout: reshape (NumPy's exact no-copy rule), ravel/flatten, transpose and
 * axis moves, broadcasting views, joining, splitting, tiling and flipping.
 *
 * Every function here returns a view when NumPy does (same strides, same base rules) and a fresh
 * array when NumPy copies; the fixtures compare byte strides and memory sharing with NumPy's.
 */
import { splitOpts } from './args';
import { NumPyError, TypeError_, ValueError, normalizeAxis } from './errors';
import { NDArray, isNDArray, type ArrayLike } from './ndarray';
import { asarray, copyArray, copyInto } from './convert';
import type { DType } from './dtype';

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

function pyRepr(x: unknown): string {
  if (typeof x === 'string') return `'${x}'`;
  if (x === null || x === undefined) return 'None';
  if (typeof x === 'boolean') return x ? 'True' : 'False';
  if (typeof x === 'number' && Number.isInteger(x)) return `${x}.0`;
  return String(x);
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
    throw TypeError_(`expected a sequence of integers or a single integer, got ${pyRepr(x)}`);
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
function emptyLikeKeep(a: NDArray, dtype: DType = a.dtype, shape: readonly number[] = a._shape, zero = false): NDArray {
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
  return new NDArray({ buffer: base.buffer, dtype, shape, strides, offset: 0, base: null, writeable: true });
}

/** A fresh (owning) array of `shape` in C or F order. */
function emptyOrder(shape: readonly number[], dtype: DType, order: 'C' | 'F', zero = true): NDArray {
  if (order === 'C' || shape.length <= 1) return NDArray.empty(shape, dtype, zero);
  const rev = NDArray.empty([...shape].reverse(), dtype, zero);
  return new NDArray({ buffer: rev.buffer, dtype, shape, strides: [...rev._strides].reverse(), offset: 0, base: null, writeable: true });
}

// ---------------------------------------------------------------------------------------------
// reshape
// ---------------------------------------------------------------------------------------------

/**
 * NumPy's `_attempt_nocopy_reshape` (shape.c), in element strides: the strides that view `a`'s
 * memory with `newShape` in the given index order, or null when a copy is needed.
 */
function attemptNocopyReshape(shape: readonly number[], strides: readonly number[], newShape: readonly number[], fOrder: boolean): number[] | null {
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
        if (oldstrides[ok + 1] !== (olddims[ok] as number) * (oldstrides[ok] as number)) return null;
      } else if (oldstrides[ok] !== (olddims[ok + 1] as number) * (oldstrides[ok + 1] as number)) return null;
    }
    if (fOrder) {
      newstrides[ni] = oldstrides[oi] as number;
      for (let nk = ni + 1; nk < nj; nk++) newstrides[nk] = (newstrides[nk - 1] as number) * (newShape[nk - 1] as number);
    } else {
      newstrides[nj - 1] = oldstrides[oj - 1] as number;
      for (let nk = nj - 1; nk > ni; nk--) newstrides[nk - 1] = (newstrides[nk] as number) * (newShape[nk] as number);
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
  const mismatch = (): Error => ValueError(`cannot reshape array of size ${size} into shape ${reshapeShapeStr(dims)}`);
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
function reshapeImpl(a: NDArray, dims: readonly number[], orderIn: LayoutOrder, copy: boolean | null): NDArray {
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
  return src._view(shape, strides ?? fillStrides(shape, f), src._offset);
}

/**
 * `np.reshape(a, shape, {order, copy})`; also `np.reshape(a, shape, 'F')`.
 */
export function reshape(a: ArrayLike, shape: number | readonly number[], ...rest: unknown[]): NDArray {
  const [pos, opts] = splitOpts<ReshapeOptions>(rest);
  const order = checkOrder(opts.order ?? pos[0], 'C');
  return reshapeImpl(asarray(a), parseShape(shape), order, opts.copy ?? null);
}

// ---------------------------------------------------------------------------------------------
// ravel / flatten
// ---------------------------------------------------------------------------------------------

/** `np.ravel(a, order)`: a 1-D view when NumPy gives one, else a copy. */
export function ravel(a: ArrayLike, ...rest: unknown[]): NDArray {
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
    else {
      const perm = sortedStridePerm(a._strides);
      src = transposeImpl(a, perm);
    }
  }
  const out = NDArray.empty([a.size], a.dtype, false);
  copyInto(out._view(src._shape, fillStrides(src._shape, false).map((s) => (src.size === 0 ? 0 : s)), 0), src);
  return out;
}

/** `a.flatten(order)`: always a copy. */
export function flatten(a: ArrayLike, ...rest: unknown[]): NDArray {
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
  if (pos.length === 0 || (pos.length === 1 && (pos[0] === null || pos[0] === undefined))) return null;
  if (pos.length === 1 && Array.isArray(pos[0])) return (pos[0] as unknown[]).map(shapeItem);
  if (pos.length === 1 && isNDArray(pos[0])) return parseShape(pos[0]);
  return pos.map(shapeItem);
}

/** `np.transpose(a, axes)` / `np.transpose(a, {axes})`. */
export function transpose(a: ArrayLike, ...rest: unknown[]): NDArray {
  const [pos, opts] = splitOpts<{ axes?: readonly number[] | null }>(rest);
  const axes = opts.axes !== undefined ? opts.axes : axesArg(pos);
  return transposeImpl(asarray(a), axes === null ? null : [...axes]);
}

/** `np.permute_dims` (the array-API name of transpose). */
export const permute_dims = transpose;

/** `np.swapaxes(a, axis1, axis2)`: a view. */
export function swapaxes(a: ArrayLike, axis1: number, axis2: number): NDArray {
  const arr = asarray(a);
  const i = normalizeAxis(axis1, arr.ndim);
  const j = normalizeAxis(axis2, arr.ndim);
  const perm = arr._shape.map((_, k) => k);
  perm[i] = j;
  perm[j] = i;
  return transposeImpl(arr, perm);
}

/** NumPy's `normalize_axis_tuple` with its `repeated axis in `…` argument` text. */
function axisTuple(axis: number | readonly number[], ndim: number, argname: string): number[] {
  const list = typeof axis === 'number' ? [axis] : [...axis];
  const out = list.map((x) => normalizeAxis(shapeItem(x), ndim));
  if (new Set(out).size !== out.length) throw ValueError(`repeated axis in \`${argname}\` argument`);
  return out;
}

/** `np.moveaxis(a, source, destination)`: a view. */
export function moveaxis(a: ArrayLike, source: number | readonly number[], destination: number | readonly number[]): NDArray {
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
    throw new NumPyError('AxisError', `'start' arg requires ${-n} <= start < ${n + 1}, but ${start} was passed in`);
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
} as NDArray['reshape'];

NDArray.prototype.ravel = function (this: NDArray, ...args: unknown[]): NDArray {
  return ravel(this, ...args);
} as NDArray['ravel'];

NDArray.prototype.flatten = function (this: NDArray, ...args: unknown[]): NDArray {
  return flatten(this, ...args);
} as NDArray['flatten'];

NDArray.prototype.transpose = function (this: NDArray, ...args: unknown[]): NDArray {
  return transposeImpl(this, axesArg(args));
} as NDArray['transpose'];

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
  reshapeImpl as _reshape,
  transposeImpl as _transpose,
};

// ---------------------------------------------------------------------------------------------
// Broadcasting views
// ---------------------------------------------------------------------------------------------

/** NumPy's `_broadcast_to` check (`broadcast_to` / `broadcast_arrays`). */
function broadcastView(a: NDArray, shape: readonly number[], writeable: boolean): NDArray {
  for (const d of shape) if (d < 0) throw ValueError('all elements of broadcast shape must be non-negative');
  const nd = shape.length;
  const pad = nd - a.ndim;
  const fail = (): Error =>
    ValueError(`operands could not be broadcast together with remapped shapes [original->remapped]: ${shapeTight(a._shape)}  and requested shape ${shapeTight(shape)}`);
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
export function broadcast_to(a: ArrayLike, shape: number | readonly number[], opts: { subok?: boolean } = {}): NDArray {
  void opts;
  const arr = asarray(a);
  const sh = parseShape(shape);
  return broadcastView(arr, sh, false);
}

// ---------------------------------------------------------------------------------------------
// Layout conversions
// ---------------------------------------------------------------------------------------------

/** `np.ascontiguousarray(a, {dtype})`: `a` itself when already C-contiguous (ndim >= 1). */
export function ascontiguousarray(a: ArrayLike, opts: { dtype?: DType | string | null } = {}): NDArray {
  const arr = asarray(a, { dtype: opts.dtype ?? null, order: 'C' });
  if (arr.ndim === 0) return arr._view([1], [1], arr._offset);
  return arr;
}

/** `np.asfortranarray(a, {dtype})`: `a` itself when already F-contiguous (ndim >= 1). */
export function asfortranarray(a: ArrayLike, opts: { dtype?: DType | string | null } = {}): NDArray {
  const arr = asarray(a, { dtype: opts.dtype ?? null, order: 'F' });
  if (arr.ndim === 0) return arr._view([1], [1], arr._offset);
  return arr;
}
