/**
 * The ndarray: a buffer in linear memory plus immutable (shape, strides, offset) metadata, as in
 * NumPy. Inside the runtime `_strides` and `_offset` are in ELEMENTS; the public `strides` are in
 * BYTES, as NumPy shows them.
 *
 * Methods live next to the functions they call: each area module (ufunc.ts, reduce.ts, …) adds
 * its methods to `NDArray.prototype` and declares them through module augmentation. This file
 * imports no area module, so it is always fully evaluated before any of them.
 */
import { DTYPE_INFO, type DType } from './dtype';
import { ValueError } from './errors';
import { view, WasmBuffer, typedArrayCtor } from './memory';
import type { TypedArray } from './dtype';

export type Scalar = number | boolean | bigint;
export interface NestedArray<T> extends ReadonlyArray<T | NestedArray<T>> {}
/** Anything `np.asarray` accepts. */
export type ArrayLike = NDArray | Scalar | NestedArray<Scalar | NDArray> | TypedArray;

export interface Flags {
  readonly c_contiguous: boolean;
  readonly f_contiguous: boolean;
  readonly owndata: boolean;
  readonly writeable: boolean;
  readonly aligned: boolean;
  /** NumPy's `C_CONTIGUOUS`-style keys, so `a.flags['C_CONTIGUOUS']` works too. */
  readonly C_CONTIGUOUS: boolean;
  readonly F_CONTIGUOUS: boolean;
  readonly OWNDATA: boolean;
  readonly WRITEABLE: boolean;
  readonly ALIGNED: boolean;
}

export interface ArrayInit {
  buffer: WasmBuffer;
  dtype: DType;
  shape: readonly number[];
  /** Element strides. */
  strides: readonly number[];
  /** Element offset into the buffer. */
  offset: number;
  /** The array that owns the memory (null for an owner). */
  base: NDArray | null;
  writeable: boolean;
  /**
   * The caller hands over `shape` and `strides` as arrays nobody mutates (they are used as they
   * are, not copied): results sharing an input's `_shape`, cached stride arrays.
   */
  shared?: boolean;
}

let nextArrayId = 1;

/** Views that are the only handle to a fresh copy made for them (see `markSoleView`). */
const soleViews = new WeakSet<object>();

/**
 * Marks `v`, a view of a fresh copy that a function made only to return this view (NumPy's
 * reshape of a non-contiguous array returns such a view: its `base` is the copy), so that
 * disposing `v` frees the copy as disposing an owner would. Returns `v`.
 */
export function markSoleView<T extends object>(v: T): T {
  soleViews.add(v);
  return v;
}

export class NDArray {
  /** A process-unique id (the trace refers to arrays by it). */
  readonly id: number;
  readonly buffer: WasmBuffer;
  readonly dtype: DType;
  /**
   * Shape. Never mutated, but not frozen: V8 (Node 20) reads the elements of a frozen array
   * through its generic `KeyedLoadIC` builtin instead of inline loads, and every op reads these
   * (tiny ops took up to twice as long). Users see a frozen copy (`shape`).
   */
  readonly _shape: readonly number[];
  /** Strides in elements (never mutated; not frozen, as `_shape`). */
  readonly _strides: readonly number[];
  /** Offset of element [0,…,0] from the buffer start, in elements. */
  readonly _offset: number;
  readonly _base: NDArray | null;
  _writeable: boolean;
  private _flagsCache: Flags | null = null;
  /**
   * Contiguity memo, read through `_contig()` (shape and strides never change after creation):
   * 0 unknown, else 1 | C·2 | F·4. The one source of `flags`' C/F bits and the ufunc fast path's.
   */
  _layout = 0;
  /** The trace recorder's per-array state (declared here so recording adds no property). */
  _trace: unknown = undefined;
  /** `shape` as handed to users: a frozen copy of `_shape`, made on first read. */
  private _shapeOut: readonly number[] | null = null;

  /** Internal: use the creation functions (`np.array`, `np.zeros`, …). */
  constructor(init: ArrayInit) {
    this.id = nextArrayId++;
    this.buffer = init.buffer;
    this.dtype = init.dtype;
    if (init.shared === true) {
      this._shape = init.shape;
      this._strides = init.strides;
    } else {
      this._shape = init.shape.slice();
      this._strides = init.strides.slice();
    }
    this._offset = init.offset;
    // NumPy collapses base chains to the array that owns the memory.
    this._base = init.base === null ? null : (init.base._base ?? init.base);
    this._writeable = init.writeable;
  }

  /** A new C-contiguous array of `shape` (zeroed unless `zero` is false). */
  static empty(shape: readonly number[], dtype: DType, zero = true): NDArray {
    const size = shapeSize(shape);
    const itemsize = DTYPE_INFO[dtype].itemsize;
    const buffer = new WasmBuffer(size * itemsize, zero);
    return new NDArray({ buffer, dtype, shape, strides: cStrides(shape), offset: 0, base: null, writeable: true });
  }

  /** A view of this array's memory with new metadata (`base` becomes this array's owner). */
  _view(shape: readonly number[], strides: readonly number[], offset: number, writeable = this._writeable, dtype: DType = this.dtype): NDArray {
    return new NDArray({ buffer: this.buffer, dtype, shape, strides, offset, base: this, writeable });
  }

  /** The shape, frozen (the same array on every read; the array's own `_shape` stays private). */
  get shape(): number[] {
    return (this._shapeOut ??= Object.freeze(this._shape.slice())) as number[];
  }
  /** Byte strides, as NumPy. */
  get strides(): number[] {
    const s = DTYPE_INFO[this.dtype].itemsize;
    return this._strides.map((x) => x * s);
  }
  get ndim(): number {
    return this._shape.length;
  }
  get size(): number {
    return shapeSize(this._shape);
  }
  get itemsize(): number {
    return DTYPE_INFO[this.dtype].itemsize;
  }
  get nbytes(): number {
    return this.size * this.itemsize;
  }
  /** The array that owns the memory this array views, or null when it owns its data. */
  get base(): NDArray | null {
    return this._base;
  }
  /** Byte offset of element [0,…,0] inside its buffer (NumPy has no public name for it). */
  get byteOffset(): number {
    return this._offset * this.itemsize;
  }
  get flags(): Flags {
    if (this._flagsCache === null || this._flagsCache.writeable !== this._writeable) {
      const l = this._contig();
      const c = (l & 2) !== 0;
      const f = (l & 4) !== 0;
      const o = this._base === null;
      const w = this._writeable;
      this._flagsCache = Object.freeze({
        c_contiguous: c,
        f_contiguous: f,
        owndata: o,
        writeable: w,
        aligned: true,
        C_CONTIGUOUS: c,
        F_CONTIGUOUS: f,
        OWNDATA: o,
        WRITEABLE: w,
        ALIGNED: true,
      });
    }
    return this._flagsCache;
  }

  /**
   * The contiguity bits 1 | C·2 | F·4 (NumPy's C/F flags), computed once per array into
   * `_layout` (shape and strides never change after creation).
   */
  _contig(): number {
    let l = this._layout;
    if (l === 0) {
      l =
        1 |
        (isCContiguous(this._shape, this._strides) ? 2 : 0) |
        (isFContiguous(this._shape, this._strides) ? 4 : 0);
      this._layout = l;
    }
    return l;
  }

  /** `a.T`: the transposed view. */
  get T(): NDArray {
    return this._view([...this._shape].reverse(), [...this._strides].reverse(), this._offset);
  }

  /** The typed array over all linear memory for this dtype (re-derive after any allocation). */
  _data(): TypedArray {
    return view(this.dtype);
  }
  /** Index into `_data()` of element [0,…,0]. */
  get _start(): number {
    return this.buffer.ptr / DTYPE_INFO[this.dtype].itemsize + this._offset;
  }

  /** Index into `_data()` of the element at a multi-index (no bounds checks). */
  _at(idx: readonly number[]): number {
    let p = this._start;
    for (let i = 0; i < idx.length; i++) p += (idx[i] as number) * (this._strides[i] as number);
    return p;
  }

  /** Visits every element in C order: `fn(dataIndex, flatIndex)`. */
  _forEach(fn: (p: number, k: number) => void): void {
    const n = this.size;
    if (n === 0) return;
    const nd = this._shape.length;
    const shape = this._shape;
    const strides = this._strides;
    let p = this._start;
    if (nd === 0) {
      fn(p, 0);
      return;
    }
    const idx = new Array<number>(nd).fill(0);
    const last = nd - 1;
    const ls = strides[last] as number;
    const ln = shape[last] as number;
    let k = 0;
    for (;;) {
      for (let j = 0; j < ln; j++) fn(p + j * ls, k++);
      // carry
      let d = last - 1;
      for (; d >= 0; d--) {
        idx[d] = (idx[d] as number) + 1;
        p += strides[d] as number;
        if ((idx[d] as number) < (shape[d] as number)) break;
        p -= (shape[d] as number) * (strides[d] as number);
        idx[d] = 0;
      }
      if (d < 0) return;
    }
  }

  /** The elements in C order as JS values (number; bigint for int64/uint64 storage; 0/1 for bool). */
  _values(): (number | bigint)[] {
    const out = new Array<number | bigint>(this.size);
    const data = this._data();
    this._forEach((p, k) => {
      out[k] = data[p] as number | bigint;
    });
    return out;
  }

  /**
   * Frees the memory now if this array owns it (`using a = np.zeros(…)` calls this), or if it is
   * the view handed out for a copy made only for it (`markSoleView`).
   */
  [Symbol.dispose](): void {
    if (this._base === null || soleViews.has(this)) this.buffer.dispose();
  }

  /** Throws NumPy's read-only error unless writeable. */
  _assertWriteable(): void {
    if (!this._writeable) throw ValueError('assignment destination is read-only');
  }

  get [Symbol.toStringTag](): string {
    return 'ndarray';
  }
}

/** [0, 1, …, n − 1] (a loop: `Array.from({ length: n }, …)` costs ~10× as much in V8). */
export function iota(n: number): number[] {
  const r: number[] = [];
  for (let i = 0; i < n; i++) r.push(i);
  return r;
}

export function shapeSize(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** C-order element strides of a fresh array (NumPy 2 gives all-zero strides when empty). */
export function cStrides(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length);
  if (shape.some((d) => d === 0)) return s.fill(0);
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    s[i] = acc;
    acc *= Math.max(shape[i] as number, 1);
  }
  return s;
}

export function fStrides(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length);
  if (shape.some((d) => d === 0)) return s.fill(0);
  let acc = 1;
  for (let i = 0; i < shape.length; i++) {
    s[i] = acc;
    acc *= Math.max(shape[i] as number, 1);
  }
  return s;
}

function hasZero(shape: readonly number[]): boolean {
  for (let i = 0; i < shape.length; i++) if (shape[i] === 0) return true;
  return false;
}

/** NumPy's C-contiguity test: size-1 dims are ignored, empty arrays are contiguous. */
export function isCContiguous(shape: readonly number[], strides: readonly number[]): boolean {
  if (hasZero(shape)) return true;
  let expected = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    const d = shape[i] as number;
    if (d !== 1) {
      if (strides[i] !== expected) return false;
      expected *= d;
    }
  }
  return true;
}

export function isFContiguous(shape: readonly number[], strides: readonly number[]): boolean {
  if (hasZero(shape)) return true;
  let expected = 1;
  for (let i = 0; i < shape.length; i++) {
    const d = shape[i] as number;
    if (d !== 1) {
      if (strides[i] !== expected) return false;
      expected *= d;
    }
  }
  return true;
}

export const isNDArray = (x: unknown): x is NDArray => x instanceof NDArray;

export { typedArrayCtor };
