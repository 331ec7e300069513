/**
 * Array creation beyond `np.array`: filled arrays, `*_like`, ranges, identity/diagonal/triangle
 * matrices, grids, `fromfunction`. Layouts, dtypes and error texts follow NumPy 2.
 */
import { splitOpts } from './args';
import { checkIntFits, copyInto, fillScalar, scalarToStorage, asarray } from './convert';
import { DTYPE_INFO, normalizeDtype, scalarDtype, type DType } from './dtype';
import { NumPyError, TypeError_, ValueError } from './errors';
import { NDArray, type ArrayLike } from './ndarray';
import { _checkOrder, _emptyLikeKeep, _emptyOrder, _isFortran, _parseShape, type LayoutOrder } from './shape';

export interface FillOptions {
  dtype?: DType | string | null;
  order?: LayoutOrder;
}

/** `order` for a new array: 'C' or 'F' only (NumPy's text for 'A'/'K'). */
function cfOrder(order: unknown): 'C' | 'F' {
  const o = _checkOrder(order, 'C');
  if (o !== 'C' && o !== 'F') throw ValueError("only 'C' or 'F' order is permitted");
  return o;
}

/** Parses NumPy's `(shape, dtype=None, order='C')` positional/keyword forms. */
function shapeDtypeOrder(shape: unknown, rest: readonly unknown[], dflt: DType = 'float64'): { shape: number[]; dtype: DType; order: 'C' | 'F' } {
  const [pos, opts] = splitOpts<FillOptions>(rest);
  const sh = _parseShape(shape);
  for (const d of sh) if (d < 0) throw ValueError('negative dimensions are not allowed');
  const dt = opts.dtype ?? (pos[0] as string | null | undefined);
  const dtype = dt === undefined || dt === null ? dflt : normalizeDtype(dt);
  return { shape: sh, dtype, order: cfOrder(opts.order ?? pos[1]) };
}

/** `np.zeros(shape, {dtype, order})` (also `np.zeros(shape, dtype, order)`). */
export function zeros(shape: number | readonly number[], ...rest: unknown[]): NDArray {
  const p = shapeDtypeOrder(shape, rest);
  return _emptyOrder(p.shape, p.dtype, p.order, true);
}

/** `np.empty(shape, {dtype, order})`: the values are zeros in ndscope (NumPy: arbitrary). */
export function empty(shape: number | readonly number[], ...rest: unknown[]): NDArray {
  const p = shapeDtypeOrder(shape, rest);
  return _emptyOrder(p.shape, p.dtype, p.order, true);
}

/** `np.ones(shape, {dtype, order})`. */
export function ones(shape: number | readonly number[], ...rest: unknown[]): NDArray {
  const p = shapeDtypeOrder(shape, rest);
  const out = _emptyOrder(p.shape, p.dtype, p.order, false);
  fillScalar(out, 1);
  return out;
}

/** The dtype NumPy infers for `np.array(value)`. */
function valueDtype(v: ArrayLike): DType {
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return scalarDtype(v);
  return asarray(v).dtype;
}

/** Fills `out` with `value` as `np.copyto(out, value, casting='unsafe')` (Python ints checked). */
function fillWith(out: NDArray, value: ArrayLike): void {
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    if (typeof value !== 'boolean') checkIntFits(value, out.dtype);
    fillScalar(out, value);
    return;
  }
  copyInto(out, asarray(value));
}

/** `np.full(shape, fill_value, {dtype, order})`; `fill_value` may be an array (broadcast). */
export function full(shape: number | readonly number[], fill_value: ArrayLike, ...rest: unknown[]): NDArray {
  const [pos, opts] = splitOpts<FillOptions>(rest);
  const dt = opts.dtype ?? (pos[0] as string | null | undefined);
  const dtype = dt === undefined || dt === null ? valueDtype(fill_value) : normalizeDtype(dt);
  const p = shapeDtypeOrder(shape, [{ dtype, order: opts.order ?? pos[1] }]);
  const out = _emptyOrder(p.shape, p.dtype, p.order, false);
  fillWith(out, fill_value);
  return out;
}

// ---------------------------------------------------------------------------------------------
// *_like
// ---------------------------------------------------------------------------------------------

export interface LikeOptions {
  dtype?: DType | string | null;
  order?: LayoutOrder;
  subok?: boolean;
  shape?: number | readonly number[] | null;
}

/** NumPy's `PyArray_NewLikeArray`: order K keeps the prototype's memory layout. */
function newLike(proto: ArrayLike, rest: readonly unknown[], zero: boolean): NDArray {
  const [pos, opts] = splitOpts<LikeOptions>(rest);
  const a = asarray(proto);
  const dt = opts.dtype ?? (pos[0] as string | null | undefined);
  const dtype = dt === undefined || dt === null ? a.dtype : normalizeDtype(dt);
  const order = _checkOrder(opts.order ?? pos[1], 'K');
  const shp = opts.shape ?? (pos[3] as number | number[] | null | undefined);
  const shape = shp === undefined || shp === null ? a._shape : _parseShape(shp);
  for (const d of shape) if (d < 0) throw ValueError('negative dimensions are not allowed');
  if (order === 'C') return _emptyOrder(shape, dtype, 'C', zero);
  if (order === 'F') return _emptyOrder(shape, dtype, 'F', zero);
  if (order === 'A') return _emptyOrder(shape, dtype, _isFortran(a) ? 'F' : 'C', zero);
  if (shape.length !== a.ndim) return _emptyOrder(shape, dtype, 'C', zero);
  return _emptyLikeKeep(a, dtype, shape, zero);
}

/** `np.empty_like(a, {dtype, order, shape})` (zero-filled in ndscope). */
export function empty_like(prototype: ArrayLike, ...rest: unknown[]): NDArray {
  return newLike(prototype, rest, true);
}

/** `np.zeros_like(a, {dtype, order, shape})`. */
export function zeros_like(a: ArrayLike, ...rest: unknown[]): NDArray {
  return newLike(a, rest, true);
}

/** `np.ones_like(a, {dtype, order, shape})`. */
export function ones_like(a: ArrayLike, ...rest: unknown[]): NDArray {
  const out = newLike(a, rest, false);
  fillScalar(out, 1);
  return out;
}

/** `np.full_like(a, fill_value, {dtype, order, shape})`. */
export function full_like(a: ArrayLike, fill_value: ArrayLike, ...rest: unknown[]): NDArray {
  const out = newLike(a, rest, false);
  fillWith(out, fill_value);
  return out;
}

// ---------------------------------------------------------------------------------------------
// arange
// ---------------------------------------------------------------------------------------------

type Num = number | bigint | boolean;
const num = (x: Num): number => (typeof x === 'boolean' ? Number(x) : Number(x));
const isIntLike = (x: Num): boolean => typeof x !== 'number' || Number.isInteger(x);

/** Python's `math.ceil` to a length with NumPy's `_arange_safe_ceil_to_intp` checks. */
function safeCeil(v: number): number {
  const c = Math.ceil(v);
  if (!Number.isFinite(c) || c > Number.MAX_SAFE_INTEGER || c < -Number.MAX_SAFE_INTEGER) {
    throw ValueError('Maximum allowed size exceeded');
  }
  return c;
}

/**
 * `np.arange([start,] stop[, step], {dtype})`. Length `ceil((stop - start) / step)`; values as
 * NumPy's fill functions: `start + i * delta` with `delta = (start + step) - start` in the dtype.
 */
export function arange(...args: unknown[]): NDArray {
  const [pos, opts] = splitOpts<{ start?: Num; stop?: Num | null; step?: Num; dtype?: DType | string | null }>(args);
  let start: Num = 0;
  let stop: Num | null | undefined;
  let step: Num = 1;
  if (pos.length === 0) {
    if (opts.stop !== undefined && opts.stop !== null) {
      start = opts.start ?? 0;
      stop = opts.stop;
    } else if (opts.start !== undefined) stop = opts.start;
    else throw TypeError_("arange() requires stop to be specified.");
  } else if (pos.length === 1) {
    if (opts.stop !== undefined && opts.stop !== null) {
      start = pos[0] as Num;
      stop = opts.stop;
    } else stop = pos[0] as Num;
  } else {
    start = pos[0] as Num;
    stop = pos[1] as Num | null;
    if (pos.length > 2) step = pos[2] as Num;
    if (stop === null) {
      stop = start;
      start = 0;
    }
  }
  if (opts.step !== undefined) step = opts.step;
  if (pos.length > 3 && opts.dtype === undefined) opts.dtype = pos[3] as string;
  for (const v of [start, stop, step]) {
    if (typeof v !== 'number' && typeof v !== 'bigint' && typeof v !== 'boolean') {
      throw TypeError_(`unsupported operand type(s) for -: '${v === null || v === undefined ? 'NoneType' : typeof v}' and 'int'`);
    }
  }
  const s0 = start;
  const s1 = stop as Num;
  const st = step;
  const allInt = isIntLike(s0) && isIntLike(s1) && isIntLike(st);
  const dtype: DType = opts.dtype === undefined || opts.dtype === null ? (allInt ? 'int64' : 'float64') : normalizeDtype(opts.dtype);
  // length
  let len: number;
  if (num(st) === 0) throw new NumPyError('ZeroDivisionError', 'division by zero');
  if (allInt && (typeof s0 === 'bigint' || typeof s1 === 'bigint' || typeof st === 'bigint')) {
    const a = BigInt(s0);
    const b = BigInt(s1);
    const c = BigInt(st);
    len = Number((b - a) / c);
    if ((b - a) % c !== 0n && (b - a > 0n) === (c > 0n)) len += 1;
  } else {
    const v = (num(s1) - num(s0)) / num(st);
    if (Number.isNaN(v)) throw ValueError('arange: cannot compute length');
    len = safeCeil(v);
  }
  if (len <= 0) len = 0;
  if (dtype === 'bool' && len > 2) {
    throw TypeError_('arange() is only supported for booleans when the result has at most length 2.');
  }
  const out = NDArray.empty([len], dtype, false);
  if (len === 0) return out;
  const info = DTYPE_INFO[dtype];
  const next: Num = allInt && (typeof s0 === 'bigint' || typeof st === 'bigint') ? BigInt(s0) + BigInt(st) : num(s0) + num(st);
  const setitem = (v: Num): number | bigint => {
    if (info.kind === 'i' || info.kind === 'u') {
      if (isIntLike(v) && typeof v !== 'boolean') checkIntFits(v, dtype);
      const t = typeof v === 'number' ? Math.trunc(v) : v;
      return scalarToStorage(t, dtype);
    }
    return scalarToStorage(v, dtype);
  };
  const b0 = setitem(s0);
  const b1 = len > 1 ? setitem(next) : b0;
  const d = out._data();
  const p = out._start;
  if (info.big) {
    const bits = info.bits;
    const wrap = info.kind === 'u' ? (x: bigint): bigint => BigInt.asUintN(bits, x) : (x: bigint): bigint => BigInt.asIntN(bits, x);
    const A = BigInt(b0);
    const D = BigInt(b1) - A;
    const bd = d as BigInt64Array;
    for (let i = 0; i < len; i++) bd[p + i] = wrap(A + BigInt(i) * D);
    return out;
  }
  const nd = d as Float64Array;
  nd[p] = b0 as number;
  if (len > 1) nd[p + 1] = b1 as number;
  const A = nd[p] as number;
  if (dtype === 'float32') {
    const D = Math.fround((nd[p + 1] as number) - A);
    for (let i = 2; i < len; i++) nd[p + i] = Math.fround(A + Math.fround(Math.fround(i) * D));
  } else if (info.kind === 'f') {
    const D = (nd[p + 1] as number) - A;
    for (let i = 2; i < len; i++) nd[p + i] = A + i * D;
  } else {
    const D = (nd[p + 1] as number) - A;
    for (let i = 2; i < len; i++) nd[p + i] = A + i * D;
  }
  return out;
}
