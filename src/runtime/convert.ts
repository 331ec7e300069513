/**
 * Conversions between JS values and array storage: building arrays from nested lists and typed
 * arrays, casting copies between dtypes (the core of `astype`, assignment and `out=`), `tolist`.
 */
import { DTYPE_INFO, intRange, normalizeDtype, promoteTypes, scalarDtype, type DType, type TypedArray, canCast, type Casting } from './dtype';
import { IndexError, OverflowError, TypeError_, ValueError } from './errors';
import { broadcastShapes, loop2, operand, shapeStr, shapeStrTight, tryBroadcastShapes } from './iter';
import { NDArray, type ArrayLike, type Scalar, shapeSize, cStrides, isNDArray } from './ndarray';

const I64_MIN = -(1n << 63n);

/**
 * A function converting one stored value of `from` into the value to store for `to`, or null when
 * the typed-array store already does it (number → number of any kind but bool).
 */
export function converter(from: DType, to: DType): ((x: never) => number | bigint) | null {
  const F = DTYPE_INFO[from];
  const T = DTYPE_INFO[to];
  if (from === to) return null;
  if (to === 'bool') {
    return F.big ? ((x: bigint) => (x !== 0n ? 1 : 0)) as (x: never) => number : ((x: number) => (x !== 0 ? 1 : 0)) as (x: never) => number;
  }
  if (T.big) {
    if (F.big) return null; // BigInt64Array/BigUint64Array stores wrap modulo 2^64
    if (F.kind === 'f') {
      // x86 (cvttsd2si): any float outside [-2^63, 2^63) (NaN too) becomes INT64_MIN, as NumPy shows
      const cvt64 = (x: number): bigint => (x >= -9223372036854775808 && x < 9223372036854775808 ? BigInt(Math.trunc(x)) : I64_MIN);
      if (to === 'int64') return cvt64 as (x: never) => bigint;
      // uint64 as NumPy's loop: x >= 2^63 converts x - 2^63 and sets the top bit back
      return ((x: number) =>
        BigInt.asUintN(64, x >= 9223372036854775808 ? cvt64(x - 9223372036854775808) ^ I64_MIN : cvt64(x))) as (x: never) => bigint;
    }
    return ((x: number) => BigInt(x)) as (x: never) => bigint;
  }
  if (F.big) {
    if (T.kind === 'f') return ((x: bigint) => Number(x)) as (x: never) => number;
    if (T.kind === 'u') {
      const bits = T.bits;
      return ((x: bigint) => Number(BigInt.asUintN(bits, x))) as (x: never) => number;
    }
    const bits = T.bits;
    return ((x: bigint) => Number(BigInt.asIntN(bits, x))) as (x: never) => number;
  }
  if (F.kind === 'f' && T.kind !== 'f') {
    // NumPy (x86) converts through a 32-bit cvttsd2si: NaN and values outside [-2^31, 2^31)
    // become INT32_MIN (whose low 8/16 bits are 0); uint32 converts x - 2^31 when x >= 2^31 and
    // sets the top bit back (NumPy's contiguous loop; its strided loop differs past the range).
    const cvt32 = (x: number): number => (x > -2147483649 && x < 2147483648 ? Math.trunc(x) : -2147483648);
    if (to === 'uint32') {
      return ((x: number) => (x >= 2147483648 ? cvt32(x - 2147483648) ^ -2147483648 : cvt32(x)) >>> 0) as (x: never) => number;
    }
    return cvt32 as (x: never) => number;
  }
  return null;
}

/** A faster copy (the WASM backend): returns false when it does not handle this pair/layout. */
export type CopyBackend = (dst: NDArray, src: NDArray) => boolean;
let copyBackend: CopyBackend | null = null;
/** Installs (or with null removes) the copy backend copyInto tries first. */
export function setCopyBackend(b: CopyBackend | null): void {
  copyBackend = b;
}

/** Copies `src` (broadcast to dst's shape) into `dst`, casting. No writeable check. */
export function copyInto(dst: NDArray, src: NDArray): void {
  if (tryBroadcastShapes([src._shape, dst._shape])?.join(',') !== dst._shape.join(',')) {
    throw ValueError(`could not broadcast input array from shape ${shapeStrTight(src._shape)} into shape ${shapeStrTight(dst._shape)}`);
  }
  if (dst.size === 0) return;
  if (copyBackend !== null && copyBackend(dst, src)) return;
  const conv = converter(src.dtype, dst.dtype);
  const d = dst._data();
  const s = src._data();
  if (conv === null) {
    loop2(dst._shape, operand(dst), operand(src, dst._shape), (n, i0, s0, i1, s1) => {
      for (let j = 0; j < n; j++) (d as Float64Array)[i0 + j * s0] = (s as Float64Array)[i1 + j * s1] as number;
    });
  } else {
    const c = conv as (x: number | bigint) => number;
    loop2(dst._shape, operand(dst), operand(src, dst._shape), (n, i0, s0, i1, s1) => {
      for (let j = 0; j < n; j++) (d as Float64Array)[i0 + j * s0] = c((s as Float64Array)[i1 + j * s1] as number);
    });
  }
}

/** Fills every element of `dst` with one JS scalar (cast to dst's dtype). */
export function fillScalar(dst: NDArray, value: Scalar): void {
  const v = scalarToStorage(value, dst.dtype);
  const d = dst._data();
  dst._forEach((p) => {
    (d as Float64Array)[p] = v as number;
  });
}

/** A JS scalar as a value to store in `dtype` (C-style cast, like NumPy's `np.array(v).astype`). */
export function scalarToStorage(value: Scalar, dtype: DType): number | bigint {
  const info = DTYPE_INFO[dtype];
  if (typeof value === 'boolean') return info.big ? BigInt(value ? 1 : 0) : value ? 1 : 0;
  if (typeof value === 'bigint') {
    if (info.big) return value;
    if (dtype === 'bool') return value !== 0n ? 1 : 0;
    if (info.kind === 'f') return Number(value);
    return Number(info.kind === 'u' ? BigInt.asUintN(info.bits, value) : BigInt.asIntN(info.bits, value));
  }
  if (typeof value !== 'number') throw TypeError_(`expected a number, got ${typeof value}`);
  if (dtype === 'bool') return value !== 0 ? 1 : 0;
  if (info.big) {
    if (!Number.isFinite(value)) return dtype === 'int64' ? I64_MIN : 1n << 63n;
    return BigInt(Math.trunc(value));
  }
  return value;
}

/** Throws NumPy's OverflowError when an integer JS value does not fit an integer dtype. */
export function checkIntFits(value: number | bigint, dtype: DType): void {
  const info = DTYPE_INFO[dtype];
  if (info.kind !== 'i' && info.kind !== 'u') return;
  if (typeof value === 'number' && !Number.isInteger(value)) return;
  const [lo, hi] = intRange(dtype);
  const b = typeof value === 'bigint' ? value : BigInt(value);
  if (b < lo || b > hi) throw OverflowError(`Python integer ${b} out of bounds for ${dtype}`);
}

/** A stored value as the JS value users see: bool → boolean, int64 → number when safe. */
export function toJS(v: number | bigint, dtype: DType): Scalar {
  if (dtype === 'bool') return v !== 0;
  if (typeof v === 'bigint') {
    return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
  }
  return v;
}

const TYPED_DTYPES: [new (...a: never[]) => TypedArray, DType][] = [
  [Float64Array, 'float64'],
  [Float32Array, 'float32'],
  [Int8Array, 'int8'],
  [Int16Array, 'int16'],
  [Int32Array, 'int32'],
  [BigInt64Array, 'int64'],
  [Uint8Array, 'uint8'],
  [Uint8ClampedArray as unknown as new (...a: never[]) => TypedArray, 'uint8'],
  [Uint16Array, 'uint16'],
  [Uint32Array, 'uint32'],
  [BigUint64Array, 'uint64'],
];

/**
 * The dtype of a typed array, or null for anything else. Scalars and lists (every leaf of
 * `np.array([1, 2, 3])`) leave at the first test: eleven `instanceof` checks through an array
 * iterator took 63 % of that call.
 */
export function typedArrayDtype(x: unknown): DType | null {
  if (typeof x !== 'object' || x === null || !ArrayBuffer.isView(x)) return null;
  for (let i = 0; i < TYPED_DTYPES.length; i++) {
    const e = TYPED_DTYPES[i] as (typeof TYPED_DTYPES)[number];
    if (x instanceof e[0]) return e[1];
  }
  return null;
}

interface Discovered {
  shape: number[];
  dtype: DType | null;
  leaves: (Scalar | NDArray | TypedArray)[];
}

function inhomogeneous(depth: number, shape: number[]): Error {
  return ValueError(
    `setting an array element with a sequence. The requested array has an inhomogeneous shape after ${depth} dimensions. The detected shape was ${shapeStr(shape.slice(0, depth))} + inhomogeneous part.`,
  );
}

function discover(x: unknown): Discovered {
  const leaves: (Scalar | NDArray | TypedArray)[] = [];
  let dtype: DType | null = null;
  const shape: number[] = [];
  let shapeKnownDepth = -1; // depth at which leaves sit
  const visit = (v: unknown, depth: number): void => {
    if (Array.isArray(v)) {
      if (shapeKnownDepth >= 0 && depth >= shapeKnownDepth) throw inhomogeneous(shapeKnownDepth, shape);
      if (shape.length <= depth) shape.push(v.length);
      else if (shape[depth] !== v.length) throw inhomogeneous(depth, shape);
      if (v.length === 0) {
        if (shapeKnownDepth >= 0 && shapeKnownDepth !== depth + 1) throw inhomogeneous(Math.min(shapeKnownDepth, depth + 1), shape);
        shapeKnownDepth = depth + 1;
        return;
      }
      for (const e of v) visit(e, depth + 1);
      return;
    }
    let sub: readonly number[] = [];
    let d: DType;
    if (isNDArray(v)) {
      sub = v._shape;
      d = v.dtype;
    } else {
      const td = typedArrayDtype(v);
      if (td !== null) {
        sub = [(v as TypedArray).length];
        d = td;
      } else if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') {
        d = scalarDtype(v);
      } else if (typeof v === 'string') {
        throw TypeError_(`ndscope arrays hold numbers and booleans, not strings (got '${v}')`);
      } else {
        throw TypeError_(`cannot make an array element from ${v === null ? 'null' : typeof v}`);
      }
    }
    const leafDepth = depth + sub.length;
    if (shapeKnownDepth >= 0 && shapeKnownDepth !== depth) throw inhomogeneous(Math.min(shapeKnownDepth, depth), shape);
    shapeKnownDepth = depth;
    for (let i = 0; i < sub.length; i++) {
      if (shape.length <= depth + i) shape.push(sub[i] as number);
      else if (shape[depth + i] !== sub[i]) throw inhomogeneous(depth + i, shape);
    }
    if (shape.length > leafDepth) throw inhomogeneous(leafDepth, shape);
    dtype = dtype === null ? d : promoteTypes(dtype, d);
    leaves.push(v as Scalar | NDArray | TypedArray);
  };
  visit(x, 0);
  return { shape, dtype, leaves };
}

export interface ArrayOptions {
  dtype?: DType | string | null;
  /** true (default for np.array): always copy; false: never (error if needed); null: if needed. */
  copy?: boolean | null;
  ndmin?: number;
  order?: 'C' | 'F' | 'A' | 'K';
}

/** `np.array(object, {dtype, copy, ndmin, order})`. */
export function array(obj: ArrayLike, opts: ArrayOptions = {}): NDArray {
  const want = opts.dtype === undefined || opts.dtype === null ? null : normalizeDtype(opts.dtype);
  const copy = opts.copy === undefined ? true : opts.copy;
  let out: NDArray;
  if (isNDArray(obj)) {
    const dt = want ?? obj.dtype;
    const order = opts.order ?? 'K';
    const layoutOk = order === 'C' ? obj.flags.c_contiguous : order === 'F' ? obj.flags.f_contiguous : true;
    if (copy !== true && dt === obj.dtype && layoutOk) out = obj;
    else {
      if (copy === false) throw ValueError('Unable to avoid copy while creating an array as requested.\nIf using `np.array(obj, copy=False)` replace it with `np.asarray(obj)` to allow a copy when needed (no behavior change in NumPy 1.x).\nFor more details, see https://numpy.org/devdocs/numpy_2_0_migration_guide.html#adapt-to-changes-in-the-copy-keyword.');
      out = copyArray(obj, dt, order === 'F' || (order !== 'C' && obj.flags.f_contiguous && !obj.flags.c_contiguous) ? 'F' : 'C');
    }
  } else {
    const td = typedArrayDtype(obj);
    if (td !== null) {
      const t = obj as TypedArray;
      const dt = want ?? td;
      const res = NDArray.empty([t.length], dt, false);
      const conv = converter(td, dt);
      const d = res._data();
      const s0 = res._start;
      for (let i = 0; i < t.length; i++) (d as Float64Array)[s0 + i] = conv ? (conv as (x: unknown) => number)(t[i]) : (t[i] as number);
      out = res;
    } else {
      const disc = discover(obj);
      const dt = want ?? disc.dtype ?? 'float64';
      out = NDArray.empty(disc.shape, dt, false);
      const d = out._data();
      let p = out._start;
      const checkInts = want !== null && DTYPE_INFO[dt].kind !== 'f' && DTYPE_INFO[dt].kind !== 'b';
      for (const leaf of disc.leaves) {
        if (isNDArray(leaf)) {
          const conv = converter(leaf.dtype, dt) as ((x: unknown) => number) | null;
          const sd = leaf._data();
          const dd = out._data();
          leaf._forEach((q) => {
            (dd as Float64Array)[p++] = conv ? conv(sd[q]) : (sd[q] as number);
          });
        } else if (typedArrayDtype(leaf) !== null) {
          const t = leaf as TypedArray;
          const conv = converter(typedArrayDtype(t) as DType, dt) as ((x: unknown) => number) | null;
          for (let i = 0; i < t.length; i++) (d as Float64Array)[p++] = conv ? conv(t[i]) : (t[i] as number);
        } else {
          const v = leaf as Scalar;
          if (checkInts && typeof v !== 'boolean') checkIntFits(v, dt);
          (d as Float64Array)[p++] = scalarToStorage(v, dt) as number;
        }
      }
    }
    if (opts.order === 'F' && out.ndim > 1) out = copyArray(out, out.dtype, 'F');
  }
  const ndmin = opts.ndmin ?? 0;
  if (out.ndim < ndmin) {
    const pad = ndmin - out.ndim;
    const outer = out.ndim === 0 ? 1 : (out._shape[0] as number) * (out._strides[0] as number);
    out = out._view([...new Array<number>(pad).fill(1), ...out._shape], [...new Array<number>(pad).fill(outer), ...out._strides], out._offset);
  }
  return out;
}

/** `np.asarray(a, {dtype})`: no copy when `a` is already an array of that dtype. */
export function asarray(obj: ArrayLike, opts: { dtype?: DType | string | null; order?: 'C' | 'F' | 'A' | 'K' } = {}): NDArray {
  return array(obj, { ...opts, copy: null });
}

/** A fresh C- (or F-) ordered copy of `a` in dtype `dtype`. */
export function copyArray(a: NDArray, dtype: DType = a.dtype, order: 'C' | 'F' = 'C'): NDArray {
  let out: NDArray;
  if (order === 'F' && a.ndim > 1) {
    const rev = NDArray.empty([...a._shape].reverse(), dtype, false);
    out = rev.T;
    out = new NDArray({ buffer: rev.buffer, dtype, shape: a._shape, strides: [...rev._strides].reverse(), offset: 0, base: null, writeable: true });
  } else out = NDArray.empty(a._shape, dtype, false);
  copyInto(out, a);
  return out;
}

export interface AstypeOptions {
  order?: 'C' | 'F' | 'A' | 'K';
  casting?: Casting;
  copy?: boolean;
}

/** `a.astype(dtype, {order, casting, copy})`. */
export function astype(a: NDArray, dtype: DType | string, opts: AstypeOptions = {}): NDArray {
  const dt = normalizeDtype(dtype);
  const casting = opts.casting ?? 'unsafe';
  if (!canCast(a.dtype, dt, casting)) {
    throw TypeError_(`Cannot cast array data from dtype('${a.dtype}') to dtype('${dt}') according to the rule '${casting}'`);
  }
  if (opts.copy === false && dt === a.dtype) return a;
  const order = opts.order ?? 'K';
  if (order === 'K' && a.ndim > 1 && !a.flags.c_contiguous && !a.flags.f_contiguous) return copyKeepOrder(a, dt);
  const f = order === 'F' || ((order === 'K' || order === 'A') && a.flags.f_contiguous && !a.flags.c_contiguous);
  return copyArray(a, dt, f ? 'F' : 'C');
}

/** NumPy's NPY_KEEPORDER copy of a non-contiguous array: axes by |stride| descending (ties in axis order). */
function copyKeepOrder(a: NDArray, dtype: DType): NDArray {
  const perm = a._shape.map((_, i) => i);
  perm.sort((x, y) => Math.abs(a._strides[y] as number) - Math.abs(a._strides[x] as number) || x - y);
  const base = NDArray.empty(perm.map((p) => a._shape[p] as number), dtype, false);
  const strides = new Array<number>(a.ndim);
  perm.forEach((p, i) => (strides[p] = base._strides[i] as number));
  const out = new NDArray({ buffer: base.buffer, dtype, shape: a._shape, strides, offset: 0, base: null, writeable: true });
  copyInto(out, a);
  return out;
}

/** `np.asarray` for scalars and lists, passing arrays through. */
export const toArray = (x: ArrayLike, dtype?: DType): NDArray => (isNDArray(x) && (dtype === undefined || x.dtype === dtype) ? x : asarray(x, { dtype: dtype ?? null }));

/** `a.tolist()`: nested JS arrays; 0-d gives a scalar. */
export function tolist(a: NDArray): Scalar | NestedList {
  const vals = a._values();
  const dt = a.dtype;
  if (a.ndim === 0) return toJS(vals[0] as number, dt);
  let k = 0;
  const build = (d: number): NestedList => {
    const n = a._shape[d] as number;
    const out: (Scalar | NestedList)[] = new Array(n);
    for (let i = 0; i < n; i++) out[i] = d === a.ndim - 1 ? toJS(vals[k++] as number, dt) : build(d + 1);
    return out;
  };
  return build(0);
}
export type NestedList = (Scalar | NestedList)[];

/** `a.item(...)`: one element as a JS scalar. */
export function item(a: NDArray, ...args: number[]): Scalar {
  if (args.length === 0) {
    if (a.size !== 1) throw ValueError('can only convert an array of size 1 to a Python scalar');
    let v: number | bigint = 0;
    a._forEach((p) => {
      v = a._data()[p] as number;
    });
    return toJS(v, a.dtype);
  }
  if (args.length === 1) {
    const n = a.size;
    let i = args[0] as number;
    if (i < -n || i >= n) throw IndexError(`index ${i} is out of bounds for size ${n}`);
    if (i < 0) i += n;
    const idx: number[] = [];
    for (let d = a.ndim - 1; d >= 0; d--) {
      const s = a._shape[d] as number;
      idx[d] = i % s;
      i = Math.floor(i / s);
    }
    return toJS(a._data()[a._at(idx)] as number, a.dtype);
  }
  return toJS(a._data()[a._at(args)] as number, a.dtype);
}

export { broadcastShapes, shapeSize, cStrides };

/**
 * `np.frombuffer(bytes, {dtype, count, offset})`: a 1-D array from little-endian bytes.
 * Divergence: the bytes are copied into linear memory (NumPy returns a view of the buffer).
 */
export function frombuffer(buf: ArrayBuffer | ArrayBufferView, opts: { dtype?: DType | string; count?: number; offset?: number } = {}): NDArray {
  const dt = normalizeDtype(opts.dtype ?? 'float64');
  const isz = DTYPE_INFO[dt].itemsize;
  const bytes = buf instanceof ArrayBuffer ? new Uint8Array(buf) : new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  const offset = opts.offset ?? 0;
  if (offset < 0 || offset > bytes.length) throw ValueError('offset must be non-negative and no greater than buffer length (' + bytes.length + ')');
  const avail = bytes.length - offset;
  let count = opts.count ?? -1;
  if (count < 0) {
    if (avail % isz !== 0) throw ValueError('buffer size must be a multiple of element size');
    count = avail / isz;
  } else if (count * isz > avail) throw ValueError('buffer is smaller than requested size');
  const out = NDArray.empty([count], dt, false);
  out.buffer.bytes().set(bytes.subarray(offset, offset + count * isz));
  return out;
}

/** The bytes of `a` in C order (a copy), as `a.tobytes()`. */
export function tobytes(a: NDArray): Uint8Array {
  const c = a.flags.c_contiguous ? a : copyArray(a);
  const start = c.buffer.ptr + c._offset * c.itemsize;
  return new Uint8Array(c.buffer.bytes().buffer, start, c.nbytes).slice();
}

declare module './ndarray' {
  interface NDArray {
    /** `a.astype(dtype, {order, casting, copy})`. */
    astype(dtype: DType | string, opts?: AstypeOptions): NDArray;
    /** Nested JS arrays (numbers, booleans; bigint only for int64 values outside the safe range). */
    tolist(): Scalar | NestedList;
    /** One element as a JS scalar. */
    item(...args: number[]): Scalar;
    /** A copy (`order` 'C' by default, as NumPy's method). */
    copy(order?: 'C' | 'F' | 'A' | 'K' | { order?: 'C' | 'F' | 'A' | 'K' }): NDArray;
    /** The bytes in C order. */
    tobytes(): Uint8Array;
    /** Fills in place with a scalar. */
    fill(value: Scalar): void;
  }
}

NDArray.prototype.astype = function (this: NDArray, dtype: DType | string, opts?: AstypeOptions): NDArray {
  return astype(this, dtype, opts);
};
NDArray.prototype.tolist = function (this: NDArray) {
  return tolist(this);
};
NDArray.prototype.item = function (this: NDArray, ...args: number[]) {
  return item(this, ...args);
};
NDArray.prototype.copy = function (this: NDArray, order?: 'C' | 'F' | 'A' | 'K' | { order?: 'C' | 'F' | 'A' | 'K' }) {
  const o = typeof order === 'object' ? order.order : order;
  const f = o === 'F' || ((o === 'A' || o === 'K') && this.flags.f_contiguous && !this.flags.c_contiguous);
  return copyArray(this, this.dtype, f ? 'F' : 'C');
};
NDArray.prototype.tobytes = function (this: NDArray) {
  return tobytes(this);
};
NDArray.prototype.fill = function (this: NDArray, value: Scalar) {
  this._assertWriteable();
  fillScalar(this, value);
};
