/**
 * Array creation beyond `np.array`: filled arrays, `*_like`, ranges, identity/diagonal/triangle
 * matrices, grids, `fromfunction`. Layouts, dtypes and error texts follow NumPy 2.
 */
import { splitOpts } from './args';
import { checkIntFits, converter, copyInto, fillScalar, scalarToStorage, asarray } from './convert';
import { DTYPE_INFO, normalizeDtype, promoteTypes, scalarDtype, type DType } from './dtype';
import { NumPyError, TypeError_, ValueError } from './errors';
import { view } from './memory';
import { NDArray, isNDArray, shapeSize, type ArrayLike } from './ndarray';
import {
  _checkOrder,
  _copyOrder,
  _emptyLikeKeep,
  _emptyOrder,
  _isFortran,
  _parseShape,
  _reshape,
  _copyKeep,
  _allocStrided,
  _ufuncOutStrides,
  broadcast_arrays,
  broadcast_shapes,
  broadcast_to,
  diagonal,
  moveaxis,
  ravel,
  type LayoutOrder,
} from './shape';

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

/** An integer argument (`operator.index`): NumPy's TypeError for floats. */
function intArg(x: unknown): number {
  if (typeof x === 'bigint') return Number(x);
  if (typeof x === 'number' && Number.isInteger(x)) return x;
  const t =
    typeof x === 'number'
      ? 'float'
      : typeof x === 'string'
        ? 'str'
        : x === null
          ? 'NoneType'
          : typeof x;
  throw TypeError_(`'${t}' object cannot be interpreted as an integer`);
}

/** Parses NumPy's `(shape, dtype=None, order='C')` positional/keyword forms. */
function shapeDtypeOrder(
  shape: unknown,
  rest: readonly unknown[],
  dflt: DType = 'float64',
): { shape: number[]; dtype: DType; order: 'C' | 'F' } {
  const [pos, opts] = splitOpts<FillOptions>(rest);
  if (shape === null) throw TypeError_('Use () not None as shape arguments');
  const sh = _parseShape(shape);
  for (const d of sh) if (d < 0) throw ValueError('negative dimensions are not allowed');
  const dt = opts.dtype ?? (pos[0] as string | null | undefined);
  const dtype = dt === undefined || dt === null ? dflt : normalizeDtype(dt);
  return { shape: sh, dtype, order: cfOrder(opts.order ?? pos[1]) };
}

/** `np.zeros(shape, {dtype, order})` (also `np.zeros(shape, dtype, order)`). */
export function zeros(
  shape: number | readonly number[],
  ...rest: (string | null | FillOptions)[]
): NDArray {
  const p = shapeDtypeOrder(shape, rest);
  return _emptyOrder(p.shape, p.dtype, p.order, true);
}

/** `np.empty(shape, {dtype, order})`: the values are zeros in ndscope (NumPy: arbitrary). */
export function empty(
  shape: number | readonly number[],
  ...rest: (string | null | FillOptions)[]
): NDArray {
  const p = shapeDtypeOrder(shape, rest);
  return _emptyOrder(p.shape, p.dtype, p.order, true);
}

/** `np.ones(shape, {dtype, order})`. */
export function ones(
  shape: number | readonly number[],
  ...rest: (string | null | FillOptions)[]
): NDArray {
  const p = shapeDtypeOrder(shape, rest);
  const out = _emptyOrder(p.shape, p.dtype, p.order, false);
  fillScalar(out, 1);
  return out;
}

/** The dtype NumPy infers for `np.array(value)`. */
function valueDtype(v: ArrayLike): DType {
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint')
    return scalarDtype(v);
  return asarray(v).dtype;
}

/** Fills `out` with `value` as `np.copyto(out, value, casting='unsafe')` (Python ints checked). */
function fillWith(out: NDArray, value: ArrayLike): void {
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    if (typeof value !== 'boolean') checkIntFits(value, out.dtype);
    if (typeof value === 'number' && !Number.isInteger(value)) {
      // a float cast to an integer dtype as NumPy's array cast does (NaN/inf → INT_MIN for int32)
      const conv = converter('float64', out.dtype) as ((x: number) => number | bigint) | null;
      if (conv !== null && out.dtype !== 'bool') {
        const v = conv(value);
        fillScalar(out, typeof v === 'bigint' ? v : Number.isFinite(v) ? Math.trunc(v) : v);
        return;
      }
    }
    fillScalar(out, value);
    return;
  }
  copyInto(out, asarray(value));
}

/** `np.full(shape, fill_value, {dtype, order})`; `fill_value` may be an array (broadcast). */
export function full(
  shape: number | readonly number[],
  fill_value: ArrayLike,
  ...rest: (string | null | FillOptions)[]
): NDArray {
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
export function empty_like(
  prototype: ArrayLike,
  ...rest: (string | null | number | readonly number[] | LikeOptions)[]
): NDArray {
  return newLike(prototype, rest, true);
}

/** `np.zeros_like(a, {dtype, order, shape})`. */
export function zeros_like(
  a: ArrayLike,
  ...rest: (string | null | number | readonly number[] | LikeOptions)[]
): NDArray {
  return newLike(a, rest, true);
}

/** `np.ones_like(a, {dtype, order, shape})`. */
export function ones_like(
  a: ArrayLike,
  ...rest: (string | null | number | readonly number[] | LikeOptions)[]
): NDArray {
  const out = newLike(a, rest, false);
  fillScalar(out, 1);
  return out;
}

/** `np.full_like(a, fill_value, {dtype, order, shape})`. */
export function full_like(
  a: ArrayLike,
  fill_value: ArrayLike,
  ...rest: (string | null | number | readonly number[] | LikeOptions)[]
): NDArray {
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

export interface ArangeOptions {
  start?: number | bigint | boolean;
  stop?: number | bigint | boolean | null;
  step?: number | bigint | boolean;
  dtype?: DType | string | null;
}
export interface LogspaceOptions {
  num?: number;
  endpoint?: boolean;
  base?: number;
  dtype?: DType | string | null;
  axis?: number;
}
export interface GeomspaceOptions {
  num?: number;
  endpoint?: boolean;
  dtype?: DType | string | null;
  axis?: number;
}
export interface EyeOptions {
  M?: number | null;
  k?: number;
  dtype?: DType | string | null;
  order?: LayoutOrder;
}
export interface TriOptions {
  M?: number | null;
  k?: number;
  dtype?: DType | string | null;
}
export interface MeshgridOptions {
  indexing?: string;
  sparse?: boolean;
  copy?: boolean;
}

/**
 * `np.arange([start,] stop[, step], {dtype})`. Length `ceil((stop - start) / step)`; values as
 * NumPy's fill functions: `start + i * delta` with `delta = (start + step) - start` in the dtype.
 */
export function arange(...args: (number | bigint | boolean | null | ArangeOptions)[]): NDArray {
  const [pos, opts] = splitOpts<{
    start?: Num;
    stop?: Num | null;
    step?: Num;
    dtype?: DType | string | null;
  }>(args);
  let start: Num = 0;
  let stop: Num | null | undefined;
  let step: Num = 1;
  if (pos.length === 0) {
    if (opts.stop !== undefined && opts.stop !== null) {
      start = opts.start ?? 0;
      stop = opts.stop;
    } else if (opts.start !== undefined) stop = opts.start;
    else throw TypeError_('arange() requires stop to be specified.');
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
      throw TypeError_(
        `unsupported operand type(s) for -: '${v === null || v === undefined ? 'NoneType' : typeof v}' and 'int'`,
      );
    }
  }
  const s0 = start;
  const s1 = stop;
  const st = step;
  const allInt = isIntLike(s0) && isIntLike(s1) && isIntLike(st);
  const dtype: DType =
    opts.dtype === undefined || opts.dtype === null
      ? allInt
        ? 'int64'
        : 'float64'
      : normalizeDtype(opts.dtype);
  // length
  let len: number;
  if (num(st) === 0) throw new NumPyError('ZeroDivisionError', 'division by zero');
  if (allInt && (typeof s0 === 'bigint' || typeof s1 === 'bigint' || typeof st === 'bigint')) {
    const a = BigInt(s0);
    const b = BigInt(s1);
    const c = BigInt(st);
    len = Number((b - a) / c);
    if ((b - a) % c !== 0n && b - a > 0n === c > 0n) len += 1;
  } else {
    const delta = num(s1) - num(s0);
    const v = delta / num(st);
    if (Number.isNaN(v)) throw ValueError('arange: cannot compute length');
    // NumPy's underflow / divide-by-inf rule: one element unless the quotient is -0
    if (v === 0 && delta !== 0) len = Object.is(v, -0) ? 0 : 1;
    else len = safeCeil(v);
  }
  if (len <= 0) len = 0;
  if (dtype === 'bool' && len > 2) {
    throw TypeError_(
      'arange() is only supported for booleans when the result has at most length 2.',
    );
  }
  const out = NDArray.empty([len], dtype, false);
  if (len === 0) return out;
  const info = DTYPE_INFO[dtype];
  const next: Num =
    allInt && (typeof s0 === 'bigint' || typeof st === 'bigint')
      ? BigInt(s0) + BigInt(st)
      : num(s0) + num(st);
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
    const wrap =
      info.kind === 'u'
        ? (x: bigint): bigint => BigInt.asUintN(bits, x)
        : (x: bigint): bigint => BigInt.asIntN(bits, x);
    const A = BigInt(b0);
    const D = BigInt(b1) - A;
    const lim = BigInt(Number.MAX_SAFE_INTEGER);
    const absD = D < 0n ? -D : D;
    const absA = A < 0n ? -A : A;
    if (absA + BigInt(len) * absD <= lim && (info.kind === 'i' || A + BigInt(len - 1) * D >= 0n)) {
      // Every value is a safe integer: write both 32-bit halves (little-endian) without BigInts.
      const u32 = view('uint32') as Uint32Array;
      const a0 = Number(A);
      const d0 = Number(D);
      let q = 2 * p;
      for (let i = 0; i < len; i++, q += 2) {
        const v = a0 + i * d0;
        const hi = Math.floor(v / 4294967296);
        u32[q] = v - hi * 4294967296;
        u32[q + 1] = hi;
      }
      return out;
    }
    const bd = d as BigInt64Array;
    for (let i = 0; i < len; i++) bd[p + i] = wrap(A + BigInt(i) * D);
    return out;
  }
  const nd = d as Float64Array;
  nd[p] = b0 as number;
  if (len > 1) nd[p + 1] = b1 as number;
  const A = nd[p];
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

// ---------------------------------------------------------------------------------------------
// linspace / logspace / geomspace
// ---------------------------------------------------------------------------------------------

export interface LinspaceOptions {
  endpoint?: boolean;
  retstep?: boolean;
  dtype?: DType | string | null;
  axis?: number;
}

function sampleCount(num: unknown): number {
  const n = intArg(num);
  if (n < 0) throw ValueError(`Number of samples, ${n}, must be non-negative.`);
  return n;
}

/** The float dtype linspace computes in (`result_type(start, stop)`, at least float64 unless float32). */
function inexactOf(...xs: ArrayLike[]): DType {
  let dt: DType | null = null;
  for (const x of xs) if (isNDArray(x)) dt = dt === null ? x.dtype : promoteTypes(dt, x.dtype);
  // JS numbers are weak scalars: they do not raise float32 to float64
  return dt === 'float32' ? 'float32' : 'float64';
}

/** `np.linspace(start, stop, num=50, {endpoint, retstep, dtype, axis})`. */
export function linspace(
  start: ArrayLike,
  stop: ArrayLike,
  opts: LinspaceOptions & { num?: number; retstep: true },
): [NDArray, number | NDArray];
export function linspace(
  start: ArrayLike,
  stop: ArrayLike,
  num: number,
  opts: LinspaceOptions & { retstep: true },
): [NDArray, number | NDArray];
export function linspace(
  start: ArrayLike,
  stop: ArrayLike,
  ...rest: (number | boolean | string | null | (LinspaceOptions & { num?: number }))[]
): NDArray;
export function linspace(
  start: ArrayLike,
  stop: ArrayLike,
  ...rest: unknown[]
): NDArray | [NDArray, number | NDArray] {
  const [pos, opts] = splitOpts<LinspaceOptions & { num?: number }>(rest);
  const num = sampleCount(opts.num ?? pos[0] ?? 50);
  const endpoint = opts.endpoint ?? (pos[1] as boolean | undefined) ?? true;
  const retstep = opts.retstep ?? (pos[2] as boolean | undefined) ?? false;
  const dtArg = opts.dtype ?? (pos[3] as string | null | undefined) ?? null;
  const axis = opts.axis ?? (pos[4] as number | undefined) ?? 0;
  const div = endpoint ? num - 1 : num;
  const dt = inexactOf(start, stop);
  const A = asarray(start);
  const B = asarray(stop);
  const bshape = broadcastShapesOf([A._shape, B._shape]);
  const nb = shapeSize(bshape);
  const a64 = broadcastValues(A, bshape);
  const b64 = broadcastValues(B, bshape);
  const f32 = dt === 'float32';
  const r = (x: number): number => (f32 ? Math.fround(x) : x);
  const delta = a64.map((a, i) => r((b64[i] as number) - a));
  const y = NDArray.empty([num, ...bshape], dt, false);
  const d = y._data() as Float64Array;
  const p0 = y._start;
  let step: number[];
  if (div > 0) {
    step = delta.map((x) => r(x / div));
    const anyZero = step.some((s) => s === 0);
    for (let i = 0; i < num; i++) {
      for (let j = 0; j < nb; j++) {
        const s = step[j] as number;
        const v = anyZero ? r(r(r(i) / div) * (delta[j] as number)) : r(r(i) * s);
        d[p0 + i * nb + j] = r(v + (a64[j] as number));
      }
    }
  } else {
    step = delta.map(() => NaN);
    for (let i = 0; i < num; i++)
      for (let j = 0; j < nb; j++)
        d[p0 + i * nb + j] = r(r(i * (delta[j] as number)) + (a64[j] as number));
  }
  if (endpoint && num > 1)
    for (let j = 0; j < nb; j++) d[p0 + (num - 1) * nb + j] = b64[j] as number;
  const want = dtArg === null ? null : normalizeDtype(dtArg);
  if (want !== null && (DTYPE_INFO[want].kind === 'i' || DTYPE_INFO[want].kind === 'u')) {
    for (let i = 0; i < y.size; i++) d[p0 + i] = Math.floor(d[p0 + i] as number);
  }
  // NumPy computes `arange(num).reshape(-1, 1, …) * step + start` with ufuncs: the result (and
  // `step = (stop - start) / div`) take the memory order of the array endpoints.
  let out = y;
  let deltaStrides: number[] | null = null;
  if (bshape.length > 0 && nb > 0) {
    deltaStrides = _ufuncOutStrides(bshape, [B, A]);
    const full = [num, ...bshape];
    const yLayout = {
      _shape: [num, ...bshape.map(() => 1)],
      _strides: [1, ...bshape.map(() => 0)],
    };
    const strides = _ufuncOutStrides(full, [yLayout, { _shape: bshape, _strides: deltaStrides }]);
    if (num > 0 && !strides.every((x, i) => x === y._strides[i])) {
      out = _allocStrided(full, strides, dt);
      copyInto(out, y);
    }
  }
  if (axis !== 0) out = moveaxis(out, 0, axis);
  if (want !== null && want !== out.dtype) out = _copyKeep(out, want);
  if (retstep) {
    // NumPy: `step = nan` (a Python float) when div <= 0, whatever the endpoints
    if (bshape.length === 0 || div <= 0) return [out, div > 0 ? (step[0] as number) : NaN];
    const st = fromValues(step, bshape, dt);
    if (deltaStrides === null) return [out, st];
    const lay = _allocStrided(bshape, deltaStrides, dt);
    copyInto(lay, st);
    return [out, lay];
  }
  return out;
}

function broadcastShapesOf(shapes: readonly (readonly number[])[]): number[] {
  return broadcast_shapes(...shapes);
}

/** The float64 values of `a` broadcast to `shape`, C order. */
function broadcastValues(a: NDArray, shape: readonly number[]): number[] {
  const b = broadcast_to(a, shape);
  return b._values().map((v) => Number(v));
}

function fromValues(vals: readonly number[], shape: readonly number[], dtype: DType): NDArray {
  const out = NDArray.empty(shape, dtype, false);
  const d = out._data() as Float64Array;
  vals.forEach((v, i) => {
    d[out._start + i] = v;
  });
  return out;
}

/** `np.logspace(start, stop, num=50, {endpoint, base, dtype, axis})`: `base ** linspace(...)`. */
export function logspace(
  start: ArrayLike,
  stop: ArrayLike,
  ...rest: (number | boolean | string | null | LogspaceOptions)[]
): NDArray {
  const [pos, opts] = splitOpts<{
    num?: number;
    endpoint?: boolean;
    base?: number;
    dtype?: DType | string | null;
    axis?: number;
  }>(rest);
  const num = opts.num ?? (pos[0] as number | undefined) ?? 50;
  const endpoint = opts.endpoint ?? (pos[1] as boolean | undefined) ?? true;
  const base = opts.base ?? (pos[2] as number | undefined) ?? 10;
  const dtype = opts.dtype ?? (pos[3] as string | null | undefined) ?? null;
  const axis = opts.axis ?? (pos[4] as number | undefined) ?? 0;
  const y = linspace(start, stop, num, { endpoint, axis });
  const out = NDArray.empty(y._shape, y.dtype, false);
  const src = y._values();
  const d = out._data() as Float64Array;
  const f32 = y.dtype === 'float32';
  src.forEach((v, i) => {
    const r = Math.pow(base, Number(v));
    d[out._start + i] = f32 ? Math.fround(r) : r;
  });
  // np.power(base, y) lays its output out as a ufunc does; astype(copy=False) keeps that layout
  const strides = _ufuncOutStrides(y._shape, [y]);
  let res = out;
  if (y.size > 0 && !strides.every((x, i) => x === out._strides[i])) {
    res = _allocStrided(y._shape, strides, y.dtype);
    copyInto(res, out);
  }
  if (dtype === null) return res;
  const want = normalizeDtype(dtype);
  return want === res.dtype ? res : _copyKeep(res, want);
}

/**
 * `np.geomspace(start, stop, num=50, {endpoint, dtype, axis})`: `logspace` of the logs, with
 * exact endpoints and NumPy's sign handling; array endpoints broadcast as NumPy's ufuncs do.
 */
export function geomspace(
  start: ArrayLike,
  stop: ArrayLike,
  ...rest: (number | boolean | string | null | GeomspaceOptions)[]
): NDArray {
  const [pos, opts] = splitOpts<GeomspaceOptions>(rest);
  const num = sampleCount(opts.num ?? pos[0] ?? 50);
  const endpoint = opts.endpoint ?? (pos[1] as boolean | undefined) ?? true;
  const dtArg = opts.dtype ?? (pos[2] as string | null | undefined) ?? null;
  const axis = opts.axis ?? (pos[3] as number | undefined) ?? 0;
  const want = dtArg === null ? null : normalizeDtype(dtArg);
  const A0 = asarray(start);
  const B0 = asarray(stop);
  // start * 1.0, stop * 1.0, then result_type(start, stop, float(num), zeros((), dtype))
  const flt = (d: DType): DType => (d === 'float32' ? 'float32' : 'float64');
  let dt = promoteTypes(promoteTypes(flt(A0.dtype), flt(B0.dtype)), want ?? 'float64');
  if (dt !== 'float32' && dt !== 'float64') dt = 'float64';
  const f32 = dt === 'float32';
  const r = (x: number): number => (f32 ? Math.fround(x) : x);
  const av = A0._values().map(Number);
  const bv = B0._values().map(Number);
  if (av.some((x) => x === 0) || bv.some((x) => x === 0)) {
    throw ValueError('Geometric sequence cannot include zero');
  }
  // out_sign = sign(start); start /= out_sign; stop = stop / out_sign (ufunc layouts)
  const bshape = broadcast_shapes(A0._shape, B0._shape);
  const sLay = _ufuncOutStrides(A0._shape, [A0]);
  const signLay = { _shape: A0._shape, _strides: sLay };
  const eShape = bshape;
  const eLay = _ufuncOutStrides(eShape, [B0, signLay]);
  const sgn = av.map((x) => Math.sign(x));
  const absStart = av.map((x, i) => r(x / (sgn[i] as number)));
  const signB = broadcastValues(fromValues(sgn, A0._shape, dt), eShape);
  const bB = broadcastValues(B0, eShape);
  const stopDiv = bB.map((x, i) => r(x / (signB[i] as number)));
  const logOf = (vals: number[], shape: readonly number[], strides: number[]): NDArray => {
    const c = fromValues(
      vals.map((x) => r(Math.log10(x))),
      shape,
      dt,
    );
    if (c.size === 0) return c;
    const outArr = _allocStrided(shape, strides, dt);
    copyInto(outArr, c);
    return outArr;
  };
  const ls = logOf(absStart, A0._shape, sLay);
  const le = logOf(stopDiv, eShape, eLay);
  const result = logspace(ls, le, num, { endpoint, base: 10, dtype: dt });
  if (num > 0) {
    const first = result._view(result._shape.slice(1), result._strides.slice(1), result._offset);
    copyInto(first, fromValues(absStart, A0._shape, dt));
    if (num > 1 && endpoint) {
      const last = result._view(
        result._shape.slice(1),
        result._strides.slice(1),
        result._offset + (num - 1) * (result._strides[0] as number),
      );
      copyInto(last, fromValues(stopDiv, eShape, dt));
    }
    // result *= out_sign
    const signFull = broadcastValues(fromValues(sgn, A0._shape, dt), result._shape.slice(1));
    const d = result._data() as Float64Array;
    const inner = signFull.length;
    let k = 0;
    result._forEach((p) => {
      d[p] = r((d[p] as number) * (signFull[k % inner] as number));
      k++;
    });
  }
  let res = result;
  if (axis !== 0) res = moveaxis(res, 0, axis);
  return want === null || want === res.dtype ? res : _copyKeep(res, want);
}

// ---------------------------------------------------------------------------------------------
// eye / identity / diag / tri
// ---------------------------------------------------------------------------------------------

/** `np.eye(N, M=null, {k, dtype, order})` (also positional `np.eye(N, M, k, dtype)`). */
export function eye(N: number, ...rest: (number | string | null | EyeOptions)[]): NDArray {
  const [pos, opts] = splitOpts<{
    M?: number | null;
    k?: number;
    dtype?: DType | string | null;
    order?: LayoutOrder;
  }>(rest);
  const Mv = opts.M !== undefined ? opts.M : (pos[0] as number | null | undefined);
  const M = Mv === undefined || Mv === null ? N : Mv;
  const k = intArg(opts.k ?? pos[1] ?? 0);
  const dt = opts.dtype ?? (pos[2] as string | null | undefined) ?? null;
  const m = zeros([N, M], {
    dtype: dt ?? 'float64',
    order: opts.order ?? (pos[3] as LayoutOrder | undefined) ?? 'C',
  });
  if (k >= M) return m;
  const one = scalarToStorage(1, m.dtype);
  const d = m._data() as Float64Array;
  for (let i = Math.max(0, -k); i < N && i + k < M; i++) d[m._at([i, i + k])] = one as number;
  return m;
}

/** `np.identity(n, {dtype})`. */
export function identity(
  n: number,
  ...rest: (string | null | { dtype?: DType | string | null })[]
): NDArray {
  const [pos, opts] = splitOpts<{ dtype?: DType | string | null }>(rest);
  return eye(n, { dtype: opts.dtype ?? (pos[0] as string | null | undefined) ?? null });
}

/** `np.diag(v, k=0)`: 1-D → a new 2-D array; 2-D → the diagonal (a read-only view). */
export function diag(v: ArrayLike, ...rest: (number | { k?: number })[]): NDArray {
  const [pos, opts] = splitOpts<{ k?: number }>(rest);
  const k = intArg(opts.k ?? pos[0] ?? 0);
  const a = asarray(v);
  if (a.ndim === 1) {
    const n = (a._shape[0] as number) + Math.abs(k);
    const res = NDArray.empty([n, n], a.dtype, true);
    const len = a._shape[0] as number;
    const dst = res._view([len], [n + 1], k >= 0 ? k : -k * n);
    copyInto(dst, a);
    return res;
  }
  if (a.ndim === 2) return diagonal(a, k);
  throw ValueError('Input must be 1- or 2-d.');
}

/** `np.diagflat(v, k=0)`: the flattened input on the k-th diagonal. */
export function diagflat(v: ArrayLike, ...rest: (number | { k?: number })[]): NDArray {
  const [pos, opts] = splitOpts<{ k?: number }>(rest);
  const k = opts.k ?? (pos[0] as number | undefined) ?? 0;
  return diag(ravel(asarray(v)), k);
}

/** `np.tri(N, M=null, {k, dtype})`: ones at and below the k-th diagonal. */
export function tri(N: number, ...rest: (number | string | null | TriOptions)[]): NDArray {
  const [pos, opts] = splitOpts<{ M?: number | null; k?: number; dtype?: DType | string | null }>(
    rest,
  );
  const Mv = opts.M !== undefined ? opts.M : (pos[0] as number | null | undefined);
  const M = Mv === undefined || Mv === null ? N : Mv;
  const k = opts.k ?? (pos[1] as number | undefined) ?? 0;
  const dt = opts.dtype ?? (pos[2] as string | null | undefined) ?? null;
  const m = zeros([N, M], { dtype: dt ?? 'float64' });
  const one = scalarToStorage(1, m.dtype);
  const d = m._data() as Float64Array;
  for (let i = 0; i < N; i++)
    for (let j = 0; j < M && j <= i + k; j++) d[m._at([i, j])] = one as number;
  return m;
}

// ---------------------------------------------------------------------------------------------
// meshgrid / indices / fromfunction / copy
// ---------------------------------------------------------------------------------------------

/** `np.meshgrid(...xi, {indexing: 'xy' | 'ij', sparse, copy})`: an array of arrays. */
export function meshgrid(...args: (ArrayLike | MeshgridOptions)[]): NDArray[] {
  const [xi, opts] = splitOpts<{ indexing?: string; sparse?: boolean; copy?: boolean }>(args);
  const indexing = opts.indexing ?? 'xy';
  const sparse = opts.sparse ?? false;
  const copy = opts.copy ?? true;
  if (indexing !== 'xy' && indexing !== 'ij')
    throw ValueError("Valid values for `indexing` are 'xy' and 'ij'.");
  const nd = xi.length;
  let output = xi.map((x, i) => {
    const shape = new Array<number>(nd).fill(1);
    shape[i] = -1;
    return _reshape(asarray(x as ArrayLike), shape, 'C', null);
  });
  if (indexing === 'xy' && nd > 1) {
    const s0 = (output[0] as NDArray)._shape;
    const s1 = (output[1] as NDArray)._shape;
    const sh0 = [1, s0[0] as number, ...new Array<number>(nd - 2).fill(1)];
    const sh1 = [s1[1] as number, 1, ...new Array<number>(nd - 2).fill(1)];
    output[0] = _reshape(output[0] as NDArray, sh0, 'C', false);
    output[1] = _reshape(output[1] as NDArray, sh1, 'C', false);
  }
  if (!sparse) output = broadcast_arrays(...output);
  if (copy) output = output.map((x) => copyArrayC(x));
  return output;
}

const copyArrayC = (a: NDArray): NDArray => {
  const out = NDArray.empty(a._shape, a.dtype, false);
  copyInto(out, a);
  return out;
};

/** `np.indices(dimensions, {dtype, sparse})`. */
export function indices(
  dimensions: readonly number[],
  opts: { dtype?: DType | string; sparse?: boolean } = {},
): NDArray | NDArray[] {
  const dims = _parseShape(dimensions);
  for (const d of dims) if (d < 0) throw ValueError('negative dimensions are not allowed');
  const dtype = normalizeDtype(opts.dtype ?? 'int64');
  const N = dims.length;
  const parts = dims.map((dim, i) => {
    const shape = new Array<number>(N).fill(1);
    shape[i] = dim;
    return _reshape(arange(dim, { dtype }), shape, 'C', null);
  });
  if (opts.sparse) return parts;
  const res = NDArray.empty([N, ...dims], dtype, false);
  parts.forEach((p, i) =>
    copyInto(res._view(dims, res._strides.slice(1), i * (res._strides[0] as number)), p),
  );
  return res;
}

/**
 * `np.fromfunction(fn, shape, {dtype})`: calls `fn` once with one index array per axis
 * (float64 by default), as NumPy does, and returns what `fn` returns.
 */
export function fromfunction<R>(
  fn: (...idx: NDArray[]) => R,
  shape: readonly number[],
  opts: { dtype?: DType | string } = {},
): R {
  const dims = _parseShape(shape);
  const dtype = normalizeDtype(opts.dtype ?? 'float64');
  const res = indices(dims, { dtype }) as NDArray;
  const args = dims.map((_, i) =>
    res._view(dims, res._strides.slice(1), res._offset + i * (res._strides[0] as number)),
  );
  return fn(...args);
}

/** `np.copy(a, {order})`: order 'K' by default (keeps the memory layout, unlike `a.copy()`). */
export function copy(
  a: ArrayLike,
  ...rest: (LayoutOrder | { order?: LayoutOrder; subok?: boolean })[]
): NDArray {
  const [pos, opts] = splitOpts<{ order?: LayoutOrder; subok?: boolean }>(rest);
  const arr = asarray(a);
  const order = _checkOrder(opts.order ?? pos[0], 'K');
  return _copyOrder(arr, order);
}

// ---------------------------------------------------------------------------------------------
// vander / asanyarray / asarray_chkfinite
// ---------------------------------------------------------------------------------------------

/** `np.vander(x, N=null, {increasing})`: columns are powers of `x` (decreasing by default). */
export function vander(
  x: ArrayLike,
  ...rest: (number | null | boolean | { N?: number | null; increasing?: boolean })[]
): NDArray {
  const [pos, opts] = splitOpts<{ N?: number | null; increasing?: boolean }>(rest);
  const a = asarray(x);
  if (a.ndim !== 1) throw ValueError('x must be a one-dimensional array or sequence.');
  const n = a._shape[0] as number;
  const Nv = opts.N !== undefined ? opts.N : (pos[0] as number | null | undefined);
  const N = Nv === undefined || Nv === null ? n : intArg(Nv);
  const increasing = opts.increasing ?? (pos[1] as boolean | undefined) ?? false;
  const dt = promoteTypes(a.dtype, 'int64');
  if (N < 0) throw ValueError('negative dimensions are not allowed');
  const v = NDArray.empty([n, N], dt, false);
  const xs = a._values();
  const d = v._data();
  const big = DTYPE_INFO[dt].big;
  for (let i = 0; i < n; i++) {
    // multiply.accumulate over [1, x, x, …]: column j holds x**j computed left to right
    let acc: number | bigint = big ? 1n : 1;
    for (let j = 0; j < N; j++) {
      if (j > 0) {
        const xi = xs[i] as number | bigint;
        acc = big ? BigInt.asIntN(64, (acc as bigint) * BigInt(xi)) : (acc as number) * Number(xi);
      }
      const col = increasing ? j : N - 1 - j;
      (d as Float64Array)[v._start + i * N + col] = acc as number;
    }
  }
  return v;
}

/** `np.asanyarray` (ndscope has no subclasses: the same as `np.asarray`). */
export function asanyarray(
  a: ArrayLike,
  opts: { dtype?: DType | string | null; order?: LayoutOrder } = {},
): NDArray {
  return asarray(a, opts);
}

/** `np.asarray_chkfinite(a, {dtype, order})`: NumPy's ValueError for NaN or infinity. */
export function asarray_chkfinite(
  a: ArrayLike,
  opts: { dtype?: DType | string | null; order?: LayoutOrder } = {},
): NDArray {
  const arr = asarray(a, opts);
  if (arr.dtype === 'float32' || arr.dtype === 'float64') {
    for (const v of arr._values()) {
      if (!Number.isFinite(v as number)) throw ValueError('array must not contain infs or NaNs');
    }
  }
  return arr;
}
