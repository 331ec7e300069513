/**
 * Indexing: `a.get(...index)` and `a.set(...index, value)` with NumPy's full index grammar
 * (integers, slices, `...`, `null` as np.newaxis, integer and boolean arrays, and one string for a
 * whole index such as `'1:, ::2, None, ...'`), plus `take`, `ix_`, `compress`, `put`.
 *
 * As NumPy (mapping.c): an index is first parsed into items left to right; then the dims it uses
 * are counted ("too many indices"), boolean arrays are checked against the shape, and the ellipsis
 * is expanded. With no array items the result is a view (basic indexing). Otherwise integers
 * become 0-d index arrays, boolean arrays become their `nonzero()` arrays, all index arrays are
 * broadcast together, and the result is a fresh array laid out as [broadcast dims, remaining
 * dims]; when the array items are adjacent and not first, it is returned as a transposed view
 * that puts the broadcast dims in their place (NumPy's layout, so strides match NumPy's).
 */
import { DTYPE_INFO, promoteTypes, type DType, type TypedArray } from './dtype';
import { AxisError, IndexError, OverflowError, TypeError_, ValueError } from './errors';
import { view } from './memory';
import {
  bestAxisOrder,
  collapse,
  loop1,
  loop2,
  loop3,
  shapeStr,
  shapeStrTight,
  tryBroadcastShapes,
  walkRuns,
  type Collapsed,
  type Operand,
} from './iter';
import { allocPerm } from './reduce';
import {
  NDArray,
  isNDArray,
  markSoleView,
  shapeSize,
  cStrides,
  type ArrayLike,
  type NestedArray,
  type Scalar,
} from './ndarray';
import {
  asarray,
  checkIntFits,
  converter,
  copyArray,
  copyInto,
  scalarToStorage,
  toJS,
  typedArrayDtype,
} from './convert';
import { isPlainObject } from './args';
import { gatherKernels, type IndexType, type ItemSize } from './gather_kernels';

// ---------------------------------------------------------------------------------------------
// Index items

/** A Python slice: `slice(start, stop, step)`; null parts take NumPy's defaults. */
export class Slice {
  constructor(
    readonly start: number | null = null,
    readonly stop: number | null = null,
    readonly step: number | null = null,
  ) {}
  toString(): string {
    const f = (x: number | null): string => (x === null ? '' : String(x));
    return `${f(this.start)}:${f(this.stop)}${this.step === null ? '' : `:${this.step}`}`;
  }
}

/** `slice(stop)` or `slice(start, stop, step?)`, as Python's builtin. */
export function slice(a: number | null = null, b?: number | null, c?: number | null): Slice {
  if (b === undefined) return new Slice(null, a, null);
  return new Slice(a, b, c ?? null);
}

/** One item of an index (or a string holding several, comma-separated). */
export type IndexItem =
  | number
  | bigint
  | boolean
  | string
  | null
  | Slice
  | NDArray
  | TypedArray
  | NestedArray<number | boolean | bigint>;

const INVALID =
  'only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices';
const invalid = (): Error => IndexError(INVALID);

type Item =
  | { k: 'int'; v: number; txt?: string }
  | { k: 'slice'; s: Slice }
  | { k: 'ellipsis' }
  | { k: 'newaxis' }
  | { k: 'bool0'; v: boolean }
  | { k: 'arr'; a: NDArray }
  | { k: 'mask'; a: NDArray };

/** Splits at top-level commas (outside brackets). */
function splitTop(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '[' || ch === '(') depth++;
    else if (ch === ']' || ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

const INT_RE = /^[+-]?\d+$/;

/** An integer literal: a number, or a bigint beyond the safe range (kept exact for messages). */
function parseInt_(t: string): number | bigint {
  const b = BigInt(t);
  if (b > BigInt(Number.MAX_SAFE_INTEGER) || b < BigInt(Number.MIN_SAFE_INTEGER)) return b;
  return Number(b);
}

/** A Python int used as an index, with NumPy's errors for ones that do not fit intp. */
function intItem(x: bigint): Item {
  if (x >= -(1n << 63n) && x < 1n << 63n) return { k: 'int', v: Number(x), txt: String(x) };
  if (x >= 0n && x < 1n << 64n) throw OverflowError('Python int too large to convert to C long');
  throw invalid();
}

/** A Python-like list literal of ints/bools: `[0, 2]`, `[[True, False]]`. */
function parseList(t: string): NestedArray<number | boolean | bigint> {
  let i = 0;
  const ws = (): void => {
    while (i < t.length && /\s/.test(t[i] as string)) i++;
  };
  const value = (): number | boolean | bigint | NestedArray<number | boolean | bigint> => {
    ws();
    if (t[i] === '[') {
      i++;
      const items: (number | boolean | bigint | NestedArray<number | boolean | bigint>)[] = [];
      ws();
      if (t[i] === ']') {
        i++;
        return items;
      }
      for (;;) {
        items.push(value());
        ws();
        if (t[i] === ',') {
          i++;
          ws();
          if (t[i] === ']') {
            i++;
            return items;
          }
          continue;
        }
        if (t[i] === ']') {
          i++;
          return items;
        }
        throw invalid();
      }
    }
    const m = /^(True|False|[+-]?\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|[+-]?\.\d+)/.exec(t.slice(i));
    if (!m) throw invalid();
    i += m[0].length;
    if (m[0] === 'True') return true;
    if (m[0] === 'False') return false;
    if (INT_RE.test(m[0])) return parseInt_(m[0]);
    return Number(m[0]);
  };
  const v = value();
  ws();
  if (i !== t.length || !Array.isArray(v)) throw invalid();
  return v as NestedArray<number | boolean | bigint>;
}

/** Parses one comma-free piece of an index string. */
function parsePiece(raw: string): IndexItem | Slice | typeof ELLIPSIS {
  const t = raw.trim();
  if (t === '...' || t === 'Ellipsis') return ELLIPSIS;
  if (t === 'None' || t === 'np.newaxis' || t === 'newaxis') return null;
  if (t === 'True') return true;
  if (t === 'False') return false;
  if (INT_RE.test(t)) return parseInt_(t);
  if (t.startsWith('[')) return parseList(t);
  if (t.includes(':')) {
    const parts = t.split(':');
    if (parts.length > 3) throw invalid();
    const nums = parts.map((p) => {
      const q = p.trim();
      if (q === '' || q === 'None') return null;
      if (!INT_RE.test(q)) throw invalid();
      return Number(parseInt_(q));
    });
    return new Slice(
      nums[0] ?? null,
      nums[1] ?? null,
      parts.length === 3 ? (nums[2] ?? null) : null,
    );
  }
  throw invalid();
}

const ELLIPSIS = Symbol('ellipsis');

const BAD = Symbol('invalid index');
/** Parsed index strings without list literals (their items are immutable). */
const parseCache = new Map<string, unknown[]>();

function parseString(x: string): unknown[] {
  const hit = parseCache.get(x);
  if (hit !== undefined) return hit;
  let s = x.trim();
  if (s.startsWith('(') && s.endsWith(')') && splitTop(s).length === 1) s = s.slice(1, -1).trim();
  const out: unknown[] = [];
  if (s !== '') {
    let pieces = splitTop(s);
    // A trailing comma makes a 1-tuple in Python: '1,' is (1,).
    if (pieces.length > 1 && (pieces[pieces.length - 1] as string).trim() === '')
      pieces = pieces.slice(0, -1);
    for (const p of pieces) {
      // Invalid pieces raise when reached, so earlier items' errors come first (as NumPy).
      try {
        out.push(parsePiece(p));
      } catch {
        out.push(BAD);
      }
    }
  }
  if (!x.includes('[')) {
    if (parseCache.size >= 512) parseCache.clear();
    parseCache.set(x, out);
  }
  return out;
}

/** Expands string arguments (each may hold a comma-separated index) into single items. */
function expandStrings(args: readonly unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const x of args) {
    if (typeof x !== 'string') out.push(x);
    else for (const it of parseString(x)) out.push(it);
  }
  return out;
}

function isIntDtype(d: DType): boolean {
  const k = DTYPE_INFO[d].kind;
  return k === 'i' || k === 'u';
}

/** Converts raw index arguments into items; raises NumPy's errors for invalid ones. */
function toItems(args: readonly unknown[]): Item[] {
  const items: Item[] = [];
  let ellipses = 0;
  for (const x of expandStrings(args)) {
    if (x === BAD) throw invalid();
    if (x === ELLIPSIS) {
      if (++ellipses > 1) throw IndexError("an index can only have a single ellipsis ('...')");
      items.push({ k: 'ellipsis' });
    } else if (x === null) items.push({ k: 'newaxis' });
    else if (typeof x === 'number') {
      if (!Number.isInteger(x)) throw invalid();
      items.push(Number.isSafeInteger(x) ? { k: 'int', v: x } : intItem(BigInt(x)));
    } else if (typeof x === 'bigint') items.push(intItem(x));
    else if (typeof x === 'boolean') items.push({ k: 'bool0', v: x });
    else if (x instanceof Slice) items.push({ k: 'slice', s: x });
    else if (isNDArray(x)) {
      if (x.dtype === 'bool') {
        if (x.ndim === 0)
          items.push({ k: 'bool0', v: toJS(x._data()[x._start] as number, 'bool') as boolean });
        else items.push({ k: 'mask', a: x });
      } else if (isIntDtype(x.dtype)) {
        if (x.ndim === 0) items.push({ k: 'int', v: Number(x._data()[x._start]) });
        else items.push({ k: 'arr', a: x });
      } else throw IndexError('arrays used as indices must be of integer (or boolean) type');
    } else if (Array.isArray(x) || typedArrayDtype(x) !== null) {
      let a: NDArray;
      try {
        a = asarray(x as ArrayLike);
      } catch {
        throw invalid();
      }
      if (a.size === 0 && a.dtype === 'float64') a = asarray(x as ArrayLike, { dtype: 'int64' });
      if (a.dtype === 'bool')
        items.push(
          a.ndim === 0 ? { k: 'bool0', v: Boolean(a._data()[a._start]) } : { k: 'mask', a },
        );
      else if (isIntDtype(a.dtype)) items.push({ k: 'arr', a });
      else throw invalid();
    } else throw invalid();
  }
  return items;
}

// ---------------------------------------------------------------------------------------------
// Planning

/** Python's `slice.indices(n)` followed by the length of the range. */
function sliceIndices(s: Slice, n: number): [start: number, step: number, len: number] {
  const step = s.step ?? 1;
  if (step === 0) throw ValueError('slice step cannot be zero');
  let start: number;
  let stop: number;
  if (step > 0) {
    start = s.start === null ? 0 : s.start < 0 ? Math.max(s.start + n, 0) : Math.min(s.start, n);
    stop = s.stop === null ? n : s.stop < 0 ? Math.max(s.stop + n, 0) : Math.min(s.stop, n);
  } else {
    start =
      s.start === null ? n - 1 : s.start < 0 ? Math.max(s.start + n, -1) : Math.min(s.start, n - 1);
    stop = s.stop === null ? -1 : s.stop < 0 ? Math.max(s.stop + n, -1) : Math.min(s.stop, n - 1);
  }
  const len =
    step > 0
      ? Math.max(0, Math.ceil((stop - start) / step))
      : Math.max(0, Math.ceil((start - stop) / -step));
  return [start, step, len];
}

function outOfBounds(i: number | string, axis: number, n: number): Error {
  return IndexError(`index ${i} is out of bounds for axis ${axis} with size ${n}`);
}

interface Fancy {
  /** Dim of the intermediate view this index array selects along. */
  dim: number;
  /** Axis of the indexed array (for error messages). */
  axis: number;
  /** Index values (int array, any int dtype), or a 0-d int. */
  arr: NDArray | null;
  int: number;
  /** Whether it appears in broadcast error messages (0-d ints do not). */
  listed: boolean;
  /** Position of its item in the index (an ellipsis between two array items separates them). */
  item: number;
}

interface Plan {
  /** The basic view (advanced dims kept whole). */
  view: NDArray;
  /** True when every item is an integer and the index is complete: the result is a scalar. */
  scalar: boolean;
  fancy: Fancy[];
  /** The single boolean-array index with ndim == a.ndim (NumPy's boolean assignment path). */
  fullMask: NDArray | null;
}

function plan(a: NDArray, args: readonly unknown[]): Plan {
  const items = toItems(args);
  const nd = a.ndim;
  let used = 0;
  let hasEllipsis = false;
  let advanced = false;
  for (const it of items) {
    if (it.k === 'int' || it.k === 'slice' || it.k === 'arr') used++;
    else if (it.k === 'mask') used += it.a.ndim;
    else if (it.k === 'ellipsis') hasEllipsis = true;
    if (it.k === 'arr' || it.k === 'mask' || it.k === 'bool0') advanced = true;
  }
  if (used > nd)
    throw IndexError(
      `too many indices for array: array is ${nd}-dimensional, but ${used} were indexed`,
    );
  // Boolean arrays must match the dims they cover.
  {
    let axis = 0;
    for (const it of items) {
      if (it.k === 'ellipsis') axis += nd - used;
      else if (it.k === 'int' || it.k === 'slice' || it.k === 'arr') axis++;
      else if (it.k === 'mask') {
        for (let j = 0; j < it.a.ndim; j++) {
          const want = a._shape[axis + j] as number;
          const got = it.a._shape[j] as number;
          if (want !== got) {
            throw IndexError(
              `boolean index did not match indexed array along axis ${axis + j}; size of axis is ${want} but size of corresponding boolean axis is ${got}`,
            );
          }
        }
        axis += it.a.ndim;
      }
    }
  }
  const fullMask =
    items.length === 1 && items[0]?.k === 'mask' && items[0].a.ndim === nd ? items[0].a : null;
  const scalar =
    !advanced && !hasEllipsis && items.length === nd && items.every((it) => it.k === 'int');
  if (!hasEllipsis) items.push({ k: 'ellipsis' });

  const shape: number[] = [];
  const strides: number[] = [];
  let offset = a._offset;
  const fancy: Fancy[] = [];
  let axis = 0;
  for (let item = 0; item < items.length; item++) {
    const it = items[item] as Item;
    switch (it.k) {
      case 'ellipsis':
        for (let j = 0; j < nd - used; j++, axis++) {
          shape.push(a._shape[axis] as number);
          strides.push(a._strides[axis] as number);
        }
        break;
      case 'newaxis':
        shape.push(1);
        strides.push(0);
        break;
      case 'bool0':
        fancy.push({ dim: shape.length, axis, arr: null, int: it.v ? -1 : -2, listed: true, item });
        shape.push(1);
        strides.push(0);
        break;
      case 'int': {
        const n = a._shape[axis] as number;
        if (it.v < -n || it.v >= n) throw outOfBounds(it.txt ?? it.v, axis, n);
        const i = it.v < 0 ? it.v + n : it.v;
        if (advanced) {
          fancy.push({ dim: shape.length, axis, arr: null, int: i, listed: false, item });
          shape.push(n);
          strides.push(a._strides[axis] as number);
        } else offset += i * (a._strides[axis] as number);
        axis++;
        break;
      }
      case 'slice': {
        const n = a._shape[axis] as number;
        const st = a._strides[axis] as number;
        const [start, step, len] = sliceIndices(it.s, n);
        // NumPy: an empty slice keeps the dim's stride (step 1, start 0).
        if (len > 0) offset += start * st;
        shape.push(len);
        strides.push(len > 0 ? st * step : st);
        axis++;
        break;
      }
      case 'arr':
        fancy.push({ dim: shape.length, axis, arr: it.a, int: 0, listed: true, item });
        shape.push(a._shape[axis] as number);
        strides.push(a._strides[axis] as number);
        axis++;
        break;
      case 'mask': {
        const nz = nonzeroArrays(it.a, 'float64'); // internal: integral float64 indices are fast
        for (let j = 0; j < it.a.ndim; j++, axis++) {
          fancy.push({
            dim: shape.length,
            axis,
            arr: nz[j] as NDArray,
            int: 0,
            listed: true,
            item,
          });
          shape.push(a._shape[axis] as number);
          strides.push(a._strides[axis] as number);
        }
        break;
      }
    }
  }
  return { view: a._view(shape, strides, offset), scalar, fancy, fullMask };
}

/** The int64 index arrays of `m.nonzero()` (C order; float64 for internal fast indices). */
function nonzeroArrays(m: NDArray, dtype: 'int64' | 'float64' = 'int64'): NDArray[] {
  const nd = m.ndim;
  const mc = m.flags.c_contiguous ? m : copyArray(m);
  try {
    return nonzeroOf(mc, m._shape, nd, dtype);
  } finally {
    if (mc !== m) mc[Symbol.dispose]();
  }
}

/** nonzeroArrays on a C-contiguous mask `mc` of `shape`. */
function nonzeroOf(
  mc: NDArray,
  shape: readonly number[],
  nd: number,
  dtype: 'int64' | 'float64',
): NDArray[] {
  const K = gatherKernels();
  const n = mc.size;
  const mp = mc.buffer.ptr + mc._offset;
  const count = n === 0 ? 0 : K.maskCount(n, mp, 1);
  const out: NDArray[] = [];
  for (let d = 0; d < nd; d++) out.push(NDArray.empty([count], dtype, false));
  if (count === 0) return out;
  const big = dtype === 'int64';
  if (nd === 1) {
    K.maskIndices(n, mp, 1, 0, (out[0] as NDArray).buffer.ptr, big);
    return out;
  }
  const flat = NDArray.empty([count], 'float64', false);
  K.maskIndices(n, mp, 1, 0, flat.buffer.ptr, false);
  const hits = flat._data() as Float64Array;
  const h0 = flat._start;
  const cols = out.map((o) => ({ data: o._data(), start: o._start }));
  for (let h = 0; h < count; h++) {
    let k = hits[h0 + h] as number;
    for (let j = nd - 1; j >= 0; j--) {
      const s = shape[j] as number;
      const c = cols[j] as { data: TypedArray; start: number };
      if (big) (c.data as BigInt64Array)[c.start + h] = BigInt(k % s);
      else (c.data as Float64Array)[c.start + h] = k % s;
      k = Math.floor(k / s);
    }
  }
  flat[Symbol.dispose]();
  return out;
}

/** `a` as a C-contiguous bool mask (itself, or a cast copy: NaN is truthy, -0.0 is not). */
function truthyMask(a: NDArray): NDArray {
  return a.dtype === 'bool' && a.flags.c_contiguous ? a : copyArray(a, 'bool');
}

/** `np.flatnonzero(a)`: int64 C-order flat positions of the truthy elements (mask kernels). */
export function flatNonzeroIndices(a: NDArray): NDArray {
  const m = truthyMask(a);
  const K = gatherKernels();
  const n = m.size;
  const mp = m.buffer.ptr + m._offset;
  const count = n === 0 ? 0 : K.maskCount(n, mp, 1);
  const owner = NDArray.empty([count], 'int64', false);
  if (count > 0) K.maskIndices(n, mp, 1, 0, owner.buffer.ptr, true);
  if (m !== a) m[Symbol.dispose]();
  if (count > 0) return owner;
  // NumPy's empty result keeps the itemsize stride (NDArray.empty gives 0)
  return new NDArray({
    buffer: owner.buffer,
    dtype: 'int64',
    shape: [0],
    strides: [1],
    offset: 0,
    base: null,
    writeable: true,
  });
}

/** The (N, ndim) C-ordered int64 coordinates of the truthy elements of `a` (ndim ≥ 1). */
export function nonzeroCoords(a: NDArray): NDArray {
  const nd = a.ndim;
  const m = truthyMask(a);
  const K = gatherKernels();
  const n = m.size;
  const mp = m.buffer.ptr + m._offset;
  const count = n === 0 ? 0 : K.maskCount(n, mp, 1);
  const r = NDArray.empty([count, nd], 'int64', false);
  if (count > 0 && nd === 1) K.maskIndices(n, mp, 1, 0, r.buffer.ptr, true);
  else if (count > 0) {
    const flat = NDArray.empty([count], 'float64', false);
    K.maskIndices(n, mp, 1, 0, flat.buffer.ptr, false);
    const F = view('float64') as Float64Array;
    const U = view('uint32') as Uint32Array;
    const f0 = flat.buffer.ptr / 8;
    let q = r.buffer.ptr / 4;
    const shape = a._shape;
    const idx = new Array<number>(nd);
    for (let h = 0; h < count; h++) {
      let k = F[f0 + h] as number;
      for (let j = nd - 1; j >= 0; j--) {
        const s = shape[j] as number;
        idx[j] = k % s;
        k = (k - (idx[j] as number)) / s;
      }
      // non-negative coordinates below 2^32: low word, zero high word (little-endian int64)
      for (let j = 0; j < nd; j++, q += 2) {
        U[q] = idx[j] as number;
        U[q + 1] = 0;
      }
    }
    flat[Symbol.dispose]();
  }
  if (m !== a) m[Symbol.dispose]();
  return r;
}

interface Advanced {
  /** Broadcast shape of the index arrays. */
  B: number[];
  /**
   * Per broadcast position (C order), the element offset into the source buffer: a float64
   * scratch array in linear memory (kernels read it by pointer; `offsetsOf` re-derives a view
   * after allocations). Disposed by the caller (`releaseAdvanced`).
   */
  offs: NDArray;
  /** The non-fancy dims of the view. */
  subShape: number[];
  subStrides: number[];
  /** Where the broadcast dims go in the result. */
  pos: number;
}

/** Broadcasts the index arrays, bounds-checks them and resolves every position to an offset. */
function resolveAdvanced(p: Plan, beforeBounds?: (adv: Advanced) => void): Advanced {
  const v = p.view;
  const shapes = p.fancy.map((f) =>
    f.arr === null ? (f.int === -1 ? [1] : f.int === -2 ? [0] : []) : f.arr._shape,
  );
  const B = tryBroadcastShapes(shapes);
  if (B === null) {
    const listed = p.fancy
      .filter((f) => f.listed)
      .map((f) =>
        shapeStrTight(f.arr === null ? (shapes[p.fancy.indexOf(f)] as number[]) : f.arr._shape),
      );
    throw IndexError(
      `shape mismatch: indexing arrays could not be broadcast together with shapes ${listed.join(' ')} `,
    );
  }
  const fdims = new Set(p.fancy.map((f) => f.dim));
  const subShape: number[] = [];
  const subStrides: number[] = [];
  for (let d = 0; d < v.ndim; d++) {
    if (!fdims.has(d)) {
      subShape.push(v._shape[d] as number);
      subStrides.push(v._strides[d] as number);
    }
  }
  const dims = p.fancy.map((f) => f.dim).sort((x, y) => x - y);
  // Array items are "consecutive" when no slice, newaxis or ellipsis (even an empty one) sits
  // between them in the index.
  const itemIds = [...new Set(p.fancy.map((f) => f.item))].sort((x, y) => x - y);
  let consecutive = true;
  for (let j = 1; j < itemIds.length; j++)
    if ((itemIds[j] as number) !== (itemIds[j - 1] as number) + 1) consecutive = false;
  const n = shapeSize(B);
  const offs = NDArray.empty([n], 'float64', false);
  const adv = { B, offs, subShape, subStrides, pos: consecutive ? (dims[0] as number) : 0 };
  try {
    offsetsOf(adv).fill(v._offset);
    // NumPy checks an assignment's value shape before the index arrays' bounds.
    beforeBounds?.(adv);
    const K = gatherKernels();
    const oStr = cStrides(B);
    for (const f of p.fancy) {
      const st = v._strides[f.dim] as number;
      const size = v._shape[f.dim] as number;
      if (f.arr === null) {
        if (f.int > 0) {
          const O = offsetsOf(adv);
          for (let k = 0; k < n; k++) O[k] = (O[k] as number) + f.int * st;
        }
        continue;
      }
      if (n === 0) continue;
      const arr = f.arr;
      const it = arr.dtype === 'float64' ? 'f64' : (INDEX_TYPE[arr.dtype] as IndexType);
      const zi = DTYPE_INFO[arr.dtype].itemsize;
      // the index array broadcast to B, walked in C order with the offsets (contiguous); its own
      // odometer, not iter.ts's walkRuns: the callback layer costs ~5% on a small fancy index
      const c = collapse(B, [broadcastTo(arr, B)._strides, oStr]);
      const sh = c.shape;
      const xs = c.strides[0] as number[];
      const os = c.strides[1] as number[];
      const nd = sh.length;
      const inner = nd === 0 ? 1 : (sh[nd - 1] as number);
      const xsi = nd === 0 ? 0 : (xs[nd - 1] as number) * zi;
      const osi = nd === 0 ? 1 : (os[nd - 1] as number);
      if (osi !== 1) throw new Error('internal: offsets not contiguous');
      let outer = 1;
      for (let d = 0; d < nd - 1; d++) outer *= sh[d] as number;
      const ctr = new Array<number>(Math.max(nd, 1)).fill(0);
      let xp = bytePtr(arr);
      let op = offs.buffer.ptr;
      for (let o = 0; o < outer; o++) {
        const bad = K.offsets(it, inner, xp, xsi, size, st, op);
        if (bad >= 0) throw outOfBounds(indexAt(arr, xp + bad * xsi), f.axis, size);
        for (let d = nd - 2; d >= 0; d--) {
          ctr[d] = (ctr[d] as number) + 1;
          xp += (xs[d] as number) * zi;
          op += (os[d] as number) * 8;
          if ((ctr[d] as number) < (sh[d] as number)) break;
          xp -= (sh[d] as number) * (xs[d] as number) * zi;
          op -= (sh[d] as number) * (os[d] as number) * 8;
          ctr[d] = 0;
        }
      }
    }
  } catch (e) {
    offs[Symbol.dispose]();
    throw e;
  }
  return adv;
}

/** The offsets of `adv` as a float64 view (valid until the next allocation). */
function offsetsOf(adv: Advanced): Float64Array {
  const o = adv.offs;
  return (o._data() as Float64Array).subarray(o._start, o._start + o.size);
}

/** Frees the offsets scratch. */
function releaseAdvanced(adv: Advanced): void {
  adv.offs[Symbol.dispose]();
}

/** The integer index at byte address p of `arr`'s buffer, as NumPy prints it (uint64 as intp). */
function indexAt(arr: NDArray, p: number): string {
  const z = DTYPE_INFO[arr.dtype].itemsize;
  const v = arr._data()[p / z] as number | bigint;
  return typeof v === 'bigint' ? String(BigInt.asIntN(64, v)) : String(v);
}

/** A read-only broadcast view (zero strides), no checks (callers know it broadcasts). */
function broadcastTo(a: NDArray, shape: readonly number[]): NDArray {
  const nd = shape.length;
  const pad = nd - a.ndim;
  const st = new Array<number>(nd).fill(0);
  for (let i = 0; i < a.ndim; i++)
    st[pad + i] = a._shape[i] === 1 && shape[pad + i] !== 1 ? 0 : (a._strides[i] as number);
  return a._view(shape, st, a._offset, false);
}

/** The permutation taking [B dims, sub dims] to the result's dim order. */
function placement(adv: Advanced): { shape: number[]; perm: number[] } {
  const nb = adv.B.length;
  const ns = adv.subShape.length;
  const perm: number[] = [];
  for (let j = 0; j < adv.pos; j++) perm.push(nb + j);
  for (let j = 0; j < nb; j++) perm.push(j);
  for (let j = adv.pos; j < ns; j++) perm.push(nb + j);
  const full = [...adv.B, ...adv.subShape];
  return { shape: perm.map((j) => full[j] as number), perm };
}

// ---------------------------------------------------------------------------------------------
// get

// ---------------------------------------------------------------------------------------------
// Fast paths: one boolean mask or one integer index array (gather_kernels.ts / native/gather.ts)

const INDEX_TYPE: Partial<Record<DType, IndexType>> = {
  int8: 'i8',
  uint8: 'u8',
  int16: 'i16',
  uint16: 'u16',
  int32: 'i32',
  uint32: 'u32',
  int64: 'i64',
  uint64: 'u64',
};

/** Byte address of element [0, …, 0]. */
function bytePtr(a: NDArray): number {
  return a.buffer.ptr + a._offset * DTYPE_INFO[a.dtype].itemsize;
}

/**
 * Whether dims `from..` of `a` are C-contiguous. Size-1 dims are ignored unless `strict`: an
 * advanced index's result orders its subspace by the source strides (NumPy), so a size-1 dim
 * with another stride (a broadcast 0) changes the result's strides.
 */
function cContiguousFrom(a: NDArray, from: number, strict = true): boolean {
  let want = 1;
  for (let d = a.ndim - 1; d >= from; d--) {
    const n = a._shape[d] as number;
    if ((strict || n !== 1) && a._strides[d] !== want) return false;
    want *= n;
  }
  return true;
}

/** A single index item that is an array (a JS list is converted as toItems would). */
function singleArray(args: readonly unknown[]): NDArray | null {
  if (args.length !== 1) return null;
  let x = args[0];
  if (typeof x === 'string') {
    // one list literal ('[0, 2]', '[True, False]') is the same index as the list
    const items = parseString(x);
    if (items.length !== 1 || !Array.isArray(items[0])) return null;
    x = items[0];
  }
  if (isNDArray(x)) return x.ndim >= 1 ? x : null;
  if (!Array.isArray(x) && typedArrayDtype(x) === null) return null;
  if (Array.isArray(x) && x.length === 0) return null;
  try {
    const a = asarray(x as ArrayLike);
    return a.ndim >= 1 && (a.dtype === 'bool' || isIntDtype(a.dtype)) ? a : null;
  } catch {
    return null;
  }
}

/** The index value at C-order position k of a C-contiguous integer array, for messages. */
function indexText(x: NDArray, k: number): string {
  const v = x._data()[x._start + k] as number | bigint;
  return typeof v === 'bigint' ? String(BigInt.asIntN(64, v)) : String(v);
}

/**
 * The loop over the leading `mask.ndim` dims of `mask` and `a` (equal shapes), collapsed, in
 * bytes (operand 0 the mask, 1 `a`): walk it with `walkRuns(c, maskStarts(a, mask), …)`.
 */
function maskLoop(a: NDArray, mask: NDArray): Collapsed {
  const k = mask.ndim;
  const z = DTYPE_INFO[a.dtype].itemsize;
  const as = new Array<number>(k);
  for (let d = 0; d < k; d++) as[d] = (a._strides[d] as number) * z;
  return collapse(mask._shape, [mask._strides, as]); // (a bool mask: its elements are bytes)
}

/** The byte pointers where `maskLoop(a, mask)` starts (a fresh array, as walkRuns wants). */
function maskStarts(a: NDArray, mask: NDArray): number[] {
  return [mask.buffer.ptr + mask._offset, bytePtr(a)];
}

/** The mask shape matches `a`'s leading dims (else the general path raises NumPy's error). */
function maskFits(a: NDArray, mask: NDArray): boolean {
  if (mask.ndim > a.ndim) return false;
  for (let j = 0; j < mask.ndim; j++) if (mask._shape[j] !== a._shape[j]) return false;
  return true;
}

/** `a[mask]`: packs the selected elements (or rows of a C-contiguous subspace) into a new array. */
function maskGet(a: NDArray, mask: NDArray): NDArray | null {
  const k = mask.ndim;
  if (!maskFits(a, mask) || !cContiguousFrom(a, k) || mask.size === 0) return null;
  const sub = a._shape.slice(k);
  const subN = shapeSize(sub);
  if (subN === 0) return null;
  const K = gatherKernels();
  const c = maskLoop(a, mask);
  let count = 0;
  walkRuns(
    c,
    maskStarts(a, mask),
    (n, p, s) => (count += K.maskCount(n, p[0] as number, s[0] as number)),
  );
  // (empty: NDArray.empty gives NumPy's all-zero strides)
  const out = NDArray.empty([count, ...sub], a.dtype, false);
  if (count === 0) return out;
  const z = DTYPE_INFO[a.dtype].itemsize;
  let dst = out.buffer.ptr;
  if (subN === 1) {
    walkRuns(c, maskStarts(a, mask), (n, p, s) => {
      dst +=
        K.compress(
          z as ItemSize,
          n,
          p[1] as number,
          s[1] as number,
          p[0] as number,
          s[0] as number,
          dst,
        ) * z;
    });
  } else {
    const rb = subN * z;
    walkRuns(c, maskStarts(a, mask), (n, p, s) => {
      dst +=
        K.compressRows(n, p[1] as number, s[1] as number, p[0] as number, s[0] as number, dst, rb) *
        rb;
    });
  }
  return out;
}

/** `a[idx]` for one integer array: gathers elements (or rows of a C-contiguous subspace). */
function indexGet(a: NDArray, idx: NDArray): NDArray | null {
  const it0 = INDEX_TYPE[idx.dtype];
  if (it0 === undefined || a.ndim === 0 || idx.size === 0 || !cContiguousFrom(a, 1)) return null;
  const sub = a._shape.slice(1);
  const subN = shapeSize(sub);
  if (subN === 0) return null;
  let x = idx.flags.c_contiguous ? idx : copyArray(idx);
  let it: IndexType = it0;
  if (subN > 1 && it !== 'i32' && it !== 'i64') {
    x = copyArray(x, 'int64');
    it = 'i64';
  }
  const out = NDArray.empty([...x._shape, ...sub], a.dtype, false);
  const z = DTYPE_INFO[a.dtype].itemsize;
  const zi = DTYPE_INFO[x.dtype].itemsize;
  const size = a._shape[0] as number;
  const ss = (a._strides[0] as number) * z;
  const K = gatherKernels();
  const bad =
    subN === 1
      ? K.gather(z as ItemSize, it, x.size, bytePtr(a), ss, size, bytePtr(x), zi, out.buffer.ptr, z)
      : K.gatherRows(
          it as 'i32' | 'i64',
          x.size,
          bytePtr(a),
          ss,
          size,
          bytePtr(x),
          zi,
          out.buffer.ptr,
          subN * z,
        );
  if (bad >= 0) {
    out[Symbol.dispose]();
    throw outOfBounds(indexText(x, bad), 0, size);
  }
  if (x !== idx) x[Symbol.dispose]();
  return subN === 1 && idx !== x ? kOrdered(out, [idx._strides]) : out;
}

/** The value as a C-contiguous array of `dtype` not sharing `a`'s memory (cast as setitem does). */
function valueFor(a: NDArray, v: NDArray): NDArray {
  return v.dtype === a.dtype && v.buffer !== a.buffer && v.flags.c_contiguous
    ? v
    : copyArray(v, a.dtype);
}

/** `a[mask] = value` for a mask covering every dim (NumPy's boolean assignment path). */
function maskSet(a: NDArray, mask: NDArray, value: unknown): boolean {
  if (mask.ndim !== a.ndim || !maskFits(a, mask) || mask.size === 0) return false;
  let src = valueArray(value, a.dtype);
  if (src.ndim > 1) {
    throw TypeError_(
      `NumPy boolean array indexing assignment requires a 0 or 1-dimensional input, input has ${src.ndim} dimensions`,
    );
  }
  const K = gatherKernels();
  const c = maskLoop(a, mask);
  let count = 0;
  walkRuns(
    c,
    maskStarts(a, mask),
    (n, p, s) => (count += K.maskCount(n, p[0] as number, s[0] as number)),
  );
  if (src.ndim === 1 && src._shape[0] !== 1 && src._shape[0] !== count) {
    throw ValueError(
      `NumPy boolean array indexing assignment cannot assign ${src._shape[0]} input values to the ${count} output values where the mask is true`,
    );
  }
  if (count === 0) return true;
  src = valueFor(a, src);
  const z = DTYPE_INFO[a.dtype].itemsize;
  let sp = bytePtr(src);
  const sst = src.size === 1 ? 0 : z;
  walkRuns(c, maskStarts(a, mask), (n, p, s) => {
    sp +=
      K.maskScatter(
        z as ItemSize,
        n,
        p[1] as number,
        s[1] as number,
        p[0] as number,
        s[0] as number,
        sp,
        sst,
      ) * sst;
  });
  return true;
}

/** `a[idx] = value` for a 1-d `a`, one integer array and a value of size 1 or idx's shape. */
function indexSet(a: NDArray, idx: NDArray, value: unknown): boolean {
  const it0 = INDEX_TYPE[idx.dtype];
  if (it0 === undefined || a.ndim !== 1 || idx.size === 0) return false;
  let src = stripLeading(valueArray(value, a.dtype), idx.ndim);
  if (src.size !== 1 && src._shape.join(',') !== idx._shape.join(',')) return false;
  let x = idx.flags.c_contiguous ? idx : copyArray(idx);
  const it: 'i32' | 'i64' = it0 === 'i32' ? 'i32' : 'i64';
  if (it0 !== 'i32' && it0 !== 'i64' && it0 !== 'u64') x = copyArray(x, 'int64');
  src = valueFor(a, src);
  const z = DTYPE_INFO[a.dtype].itemsize;
  const size = a._shape[0] as number;
  const bad = gatherKernels().scatter(
    z as ItemSize,
    it,
    x.size,
    bytePtr(a),
    (a._strides[0] as number) * z,
    size,
    bytePtr(x),
    DTYPE_INFO[x.dtype].itemsize,
    bytePtr(src),
    src.size === 1 ? 0 : z,
  );
  if (bad >= 0) throw outOfBounds(indexText(x, bad), 0, size);
  return true;
}

/**
 * NumPy lays out a result indexed by arrays only (no subspace) in nditer's K order of the index
 * arrays (a transposed index array gives a transposed result). `res` is C-ordered over `shape`;
 * returns it, or a copy in that order when it is not C (`strideSets`: each index array's element
 * strides broadcast to `shape`, 0 where broadcast).
 */
function kOrdered(res: NDArray, strideSets: readonly (readonly number[])[]): NDArray {
  const nd = res.ndim;
  if (nd < 2 || res.size <= 1) return res;
  const sets = strideSets.map((st) => st.map((x, d) => (res._shape[d] === 1 ? 0 : x)));
  const perm = bestAxisOrder(nd, sets); // inner → outer
  if (perm.every((p, i) => p === nd - 1 - i)) return res;
  const out = allocPerm(res._shape, perm, res.dtype, false);
  copyInto(out, res);
  res[Symbol.dispose]();
  return out;
}

/** Element strides of `x` broadcast to `shape` (0 on broadcast dims). */
function stridesIn(x: NDArray, shape: readonly number[]): number[] {
  return broadcastTo(x, shape)._strides.slice();
}

/** `a[index]`: a view for basic indices, a copy for advanced ones, a JS scalar for a full integer index. */
export function getitem(a: NDArray, args: readonly unknown[]): NDArray | Scalar {
  const one = singleArray(args);
  if (one !== null) {
    const r = one.dtype === 'bool' ? maskGet(a, one) : indexGet(a, one);
    if (r !== null) return r;
    args = [one];
  }
  const p = plan(a, args);
  if (p.fancy.length === 0) {
    if (p.scalar) return toJS(a._data()[p.view._start] as number, a.dtype);
    return p.view;
  }
  const adv = resolveAdvanced(p);
  const full = [...adv.B, ...adv.subShape];
  const nb = shapeSize(adv.B);
  const subN = shapeSize(adv.subShape);
  // NumPy lays the result out as [B dims (C order), subspace dims in the source's memory order]:
  // subspace dims sorted by decreasing |stride| (stable), the innermost getting the itemsize.
  const ns = adv.subShape.length;
  const order = Array.from({ length: ns }, (_, i) => i).sort(
    (x, y) =>
      Math.abs(adv.subStrides[y] as number) - Math.abs(adv.subStrides[x] as number) || x - y,
  );
  const subOut = new Array<number>(ns).fill(0);
  let acc = 1;
  for (let j = ns - 1; j >= 0; j--) {
    const d = order[j] as number;
    subOut[d] = acc;
    acc *= adv.subShape[d] as number;
  }
  const bStr = cStrides(adv.B).map((x) => x * subN);
  const empty = nb * subN === 0;
  const owner = NDArray.empty([nb * subN], a.dtype, false);
  const fullStrides = empty ? new Array<number>(full.length).fill(0) : [...bStr, ...subOut];
  const res = new NDArray({
    buffer: owner.buffer,
    dtype: a.dtype,
    shape: full,
    strides: fullStrides,
    offset: 0,
    base: null,
    writeable: true,
  });
  if (!empty) {
    const z = DTYPE_INFO[a.dtype].itemsize as ItemSize;
    const K = gatherKernels();
    const sub = collapse(adv.subShape, [subOut, adv.subStrides]);
    if (ns === 0) K.gatherOffs(z, nb, a.buffer.ptr, adv.offs.buffer.ptr, res.buffer.ptr, z);
    else if (sub.shape.length <= 1) {
      const m = sub.shape.length === 0 ? 1 : (sub.shape[0] as number);
      const ds = sub.shape.length === 0 ? 0 : ((sub.strides[0] as number[])[0] as number) * z;
      const ss = sub.shape.length === 0 ? 0 : ((sub.strides[1] as number[])[0] as number) * z;
      K.gatherSub(z, nb, a.buffer.ptr, adv.offs.buffer.ptr, res.buffer.ptr, subN * z, m, ss, ds);
    } else {
      const d = res._data();
      const s = a._data();
      const O = offsetsOf(adv);
      const base = a.buffer.ptr / z;
      const resStart = res._start;
      for (let k = 0; k < nb; k++) {
        loop2(
          adv.subShape,
          { start: resStart + k * subN, strides: subOut },
          { start: base + (O[k] as number), strides: adv.subStrides },
          (n, i0, s0, i1, s1) => {
            for (let j = 0; j < n; j++)
              (d as Float64Array)[i0 + j * s0] = (s as Float64Array)[i1 + j * s1] as number;
          },
        );
      }
    }
  }
  releaseAdvanced(adv);
  if (ns === 0 && !empty) {
    const sets: number[][] = [];
    for (const f of p.fancy) if (f.arr !== null) sets.push(stridesIn(f.arr, adv.B));
    return kOrdered(res, sets);
  }
  if (adv.pos === 0) return res;
  const { shape, perm } = placement(adv);
  // NumPy returns a transposed view of the fresh result: disposing it frees the result
  return markSoleView(
    res._view(
      shape,
      perm.map((j) => res._strides[j] as number),
      0,
      true,
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// set

function isScalar(x: unknown): x is Scalar {
  return typeof x === 'number' || typeof x === 'boolean' || typeof x === 'bigint';
}

/** Raises NumPy's errors for NaN/inf or out-of-range Python ints assigned into integer dtypes. */
function checkValues(x: unknown, dtype: DType): void {
  const k = DTYPE_INFO[dtype].kind;
  if (k !== 'i' && k !== 'u') return;
  const fits = (v: number | bigint): void => {
    const b = BigInt(v);
    if (b < -(1n << 63n) || b >= 1n << 64n || (dtype === 'int64' && b >= 1n << 63n)) {
      throw OverflowError('Python int too large to convert to C long');
    }
    checkIntFits(b, dtype);
  };
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) {
      for (const e of v) visit(e);
      return;
    }
    if (typeof v === 'number') {
      if (Number.isNaN(v)) throw ValueError('cannot convert float NaN to integer');
      if (!Number.isFinite(v)) throw OverflowError('cannot convert float infinity to integer');
      fits(Math.trunc(v));
    } else if (typeof v === 'bigint') fits(v);
  };
  visit(x);
}

/** The value to assign as an array of the destination's dtype (JS values) or as given (ndarrays). */
function valueArray(value: unknown, dtype: DType): NDArray {
  if (isNDArray(value)) return value;
  checkValues(value, dtype);
  return asarray(value as ArrayLike, { dtype });
}

/** Strips leading size-1 dims while the value has more dims than the target. */
function stripLeading(v: NDArray, nd: number): NDArray {
  let k = 0;
  while (v.ndim - k > nd && v._shape[k] === 1) k++;
  return k === 0 ? v : v._view(v._shape.slice(k), v._strides.slice(k), v._offset, false);
}

/** Copies `src` (already broadcast to `shape` by the caller's strides) into `dst` positions, casting. */
function copyStrided(
  dst: DType,
  dOp: Operand,
  src: NDArray,
  sOp: Operand,
  shape: readonly number[],
): void {
  const conv = converter(src.dtype, dst) as ((x: number | bigint) => number) | null;
  const d = view(dst);
  const s = src._data();
  if (conv === null) {
    loop2(shape, dOp, sOp, (n, i0, s0, i1, s1) => {
      for (let j = 0; j < n; j++)
        (d as Float64Array)[i0 + j * s0] = (s as Float64Array)[i1 + j * s1] as number;
    });
  } else {
    loop2(shape, dOp, sOp, (n, i0, s0, i1, s1) => {
      for (let j = 0; j < n; j++)
        (d as Float64Array)[i0 + j * s0] = conv((s as Float64Array)[i1 + j * s1] as number);
    });
  }
}

/** `a[index] = value`: broadcasts and casts `value`, writing through views. */
export function setitem(a: NDArray, args: readonly unknown[], value: unknown): void {
  a._assertWriteable();
  const one = singleArray(args);
  if (one !== null) {
    if (one.dtype === 'bool' ? maskSet(a, one, value) : indexSet(a, one, value)) return;
    args = [one];
  }
  const p = plan(a, args);
  if (p.fancy.length === 0) {
    const dst = p.view;
    if (p.scalar && !isScalar(value)) {
      if (isNDArray(value)) {
        if (value.ndim > 0) throw ValueError('setting an array element with a sequence.');
      } else if (Array.isArray(value)) {
        const k = DTYPE_INFO[a.dtype].kind;
        if (k === 'b') value = value.length > 0;
        else if (k === 'f') throw ValueError('setting an array element with a sequence.');
        else
          throw TypeError_(
            "int() argument must be a string, a bytes-like object or a real number, not 'list'",
          );
      }
    }
    if (isScalar(value)) {
      checkValues(value, a.dtype);
      const v = scalarToStorage(value, a.dtype);
      const d = a._data() as Float64Array;
      const x = v as number;
      loop1(dst._shape, { start: dst._start, strides: dst._strides }, (n, i0, s0) => {
        for (let j = 0; j < n; j++) d[i0 + j * s0] = x;
      });
      return;
    }
    if (Array.isArray(value)) {
      let depth = 0;
      for (let x: unknown = value; Array.isArray(x); x = x[0]) depth++;
      if (depth > dst.ndim) {
        throw ValueError(
          `setting an array element with a sequence. The requested array would exceed the maximum number of dimension of ${dst.ndim}.`,
        );
      }
    }
    let src = stripLeading(valueArray(value, a.dtype), dst.ndim);
    const bs = tryBroadcastShapes([src._shape, dst._shape]);
    if (bs === null || bs.join(',') !== dst._shape.join(',')) {
      throw ValueError(
        `could not broadcast input array from shape ${shapeStrTight(src._shape)} into shape ${shapeStrTight(dst._shape)}`,
      );
    }
    if (dst.size === 0) return;
    if (src.buffer === dst.buffer) src = copyArray(src);
    const sb = broadcastTo(src, dst._shape);
    copyStrided(
      a.dtype,
      { start: dst._start, strides: dst._strides },
      src,
      { start: sb._start, strides: sb._strides },
      dst._shape,
    );
    return;
  }
  let src = valueArray(value, a.dtype);
  if (p.fullMask !== null) {
    if (src.ndim > 1) {
      throw TypeError_(
        `NumPy boolean array indexing assignment requires a 0 or 1-dimensional input, input has ${src.ndim} dimensions`,
      );
    }
  }
  let placedShape: number[] = [];
  let permOrder: number[] = [];
  let stripped = src;
  const adv = resolveAdvanced(p, (ad) => {
    const nbx = shapeSize(ad.B);
    if (p.fullMask !== null && src.ndim === 1 && src._shape[0] !== 1 && src._shape[0] !== nbx) {
      throw ValueError(
        `NumPy boolean array indexing assignment cannot assign ${src._shape[0]} input values to the ${nbx} output values where the mask is true`,
      );
    }
    const pl = placement(ad);
    placedShape = pl.shape;
    permOrder = pl.perm;
    stripped = stripLeading(src, placedShape.length);
    const bs = tryBroadcastShapes([stripped._shape, placedShape]);
    if (bs === null || bs.join(',') !== placedShape.join(',')) {
      throw ValueError(
        `shape mismatch: value array of shape ${shapeStrTight(src._shape)} could not be broadcast to indexing result of shape ${shapeStrTight(placedShape)}`,
      );
    }
  });
  try {
    const nb = shapeSize(adv.B);
    const placed = placedShape;
    const perm = permOrder;
    if (nb === 0 || shapeSize(adv.subShape) === 0) return;
    if (stripped.buffer === a.buffer) src = copyArray(stripped);
    else src = stripped;
    // Value broadcast to the placed shape, then permuted to [B dims, sub dims].
    const vb = broadcastTo(src, placed);
    const inv = new Array<number>(perm.length);
    perm.forEach((j, i) => (inv[j] = i));
    const vStr = inv.map((i) => vb._strides[i] as number);
    const nB = adv.B.length;
    const vBStr = vStr.slice(0, nB);
    const vSubStr = vStr.slice(nB);
    const base = a.buffer.ptr / DTYPE_INFO[a.dtype].itemsize;
    const bIdx = new Array<number>(nB).fill(0);
    let vOff = vb._start;
    if (adv.subShape.length === 0) {
      // No subspace (e.g. a full boolean mask): one element per broadcast position.
      const conv = converter(src.dtype, a.dtype) as ((x: number | bigint) => number) | null;
      const d = view(a.dtype) as Float64Array;
      const sd = src._data() as Float64Array;
      const offs = offsetsOf(adv);
      if (nB === 1) {
        const st = vBStr[0] as number;
        for (let k = 0; k < nb; k++, vOff += st) {
          const x = sd[vOff] as number;
          d[base + (offs[k] as number)] = conv === null ? x : conv(x);
        }
        return;
      }
      for (let k = 0; k < nb; k++) {
        const x = sd[vOff] as number;
        d[base + (offs[k] as number)] = conv === null ? x : conv(x);
        for (let q = nB - 1; q >= 0; q--) {
          bIdx[q] = (bIdx[q] as number) + 1;
          vOff += vBStr[q] as number;
          if ((bIdx[q] as number) < (adv.B[q] as number)) break;
          vOff -= (adv.B[q] as number) * (vBStr[q] as number);
          bIdx[q] = 0;
        }
      }
      return;
    }
    const O = offsetsOf(adv);
    for (let k = 0; k < nb; k++) {
      copyStrided(
        a.dtype,
        { start: base + (O[k] as number), strides: adv.subStrides },
        src,
        { start: vOff, strides: vSubStr },
        adv.subShape,
      );
      // advance the multi-index over B (C order)
      for (let d = nB - 1; d >= 0; d--) {
        bIdx[d] = (bIdx[d] as number) + 1;
        vOff += vBStr[d] as number;
        if ((bIdx[d] as number) < (adv.B[d] as number)) break;
        vOff -= (adv.B[d] as number) * (vBStr[d] as number);
        bIdx[d] = 0;
      }
    }
  } finally {
    releaseAdvanced(adv);
  }
}

// ---------------------------------------------------------------------------------------------
// Functions

/** `np.take(a, indices, {axis, mode})`: mode 'raise' (default), 'wrap' or 'clip'. */
export function take(a: ArrayLike, indices: ArrayLike, ...rest: unknown[]): NDArray | Scalar {
  const arr = asarray(a);
  const last = rest[rest.length - 1];
  const opts = (isPlainObject(last) ? last : {}) as {
    axis?: number | null;
    mode?: 'raise' | 'wrap' | 'clip';
  };
  const pos = isPlainObject(last) ? rest.slice(0, -1) : rest;
  const axisArg = (pos[0] as number | null | undefined) ?? opts.axis ?? null;
  const mode = (pos[2] as 'raise' | 'wrap' | 'clip' | undefined) ?? opts.mode ?? 'raise';
  let src = arr;
  let axis: number;
  if (axisArg === null) {
    src = arr.flags.c_contiguous
      ? arr._view([arr.size], [1], arr._offset)
      : copyArray(arr)._view([arr.size], [1], 0);
    axis = 0;
  } else {
    if (arr.ndim === 0 && (axisArg === 0 || axisArg === -1)) throw AxisError(axisArg, 0);
    if (axisArg < -arr.ndim || axisArg >= arr.ndim) throw AxisError(axisArg, arr.ndim);
    axis = axisArg < 0 ? axisArg + arr.ndim : axisArg;
  }
  let idx = isNDArray(indices) ? indices : asarray(indices);
  if (idx.size === 0 && idx.dtype === 'float64') idx = asarray(indices, { dtype: 'int64' });
  if (!isIntDtype(idx.dtype)) idx = idx.astype('int64');
  const n = src._shape[axis] as number;
  // As NumPy's PyArray_TakeFrom: an empty axis only errors when the result is non-empty, and the
  // indices are only checked when there is an outer block to take from.
  const outShape = [...src._shape.slice(0, axis), ...idx._shape, ...src._shape.slice(axis + 1)];
  if (n === 0 && shapeSize(outShape) !== 0)
    throw IndexError('cannot do a non-empty take from an empty axes.');
  if (mode === 'raise' ? shapeSize(src._shape.slice(0, axis)) === 0 : n === 0)
    return NDArray.empty(outShape, src.dtype);
  if (mode !== 'raise') {
    const vals = idx._values().map((v) => Number(v));
    const fixed = vals.map((i) =>
      mode === 'wrap' ? ((i % n) + n) % n : Math.min(Math.max(i, 0), n - 1),
    );
    const f = NDArray.empty(idx._shape, 'int64', false);
    const fd = f._data() as BigInt64Array;
    fixed.forEach((v, k) => (fd[f._start + k] = BigInt(v)));
    idx = f;
  }
  if (axis > 0 && idx.ndim > 0) {
    const r = takeBlocks(src, idx, axis);
    if (r !== null) return r;
  }
  const index: unknown[] = new Array<unknown>(axis).fill(new Slice());
  index.push(idx.ndim === 0 ? Number(idx._data()[idx._start]) : idx);
  const r = getitem(src, index);
  if (!isNDArray(r)) return r;
  return r._strides.join(',') === cStrides(r._shape).join(',') && r._base === null
    ? r
    : copyArray(r);
}

/**
 * `np.take` along an inner axis of an array C-contiguous from that axis on: per outer block,
 * gathers rows of the inner dims (NumPy's PyArray_TakeFrom loop), straight into a C result.
 */
function takeBlocks(src: NDArray, idx: NDArray, axis: number): NDArray | null {
  const it0 = INDEX_TYPE[idx.dtype];
  if (it0 === undefined || idx.size === 0 || !cContiguousFrom(src, axis + 1, false)) return null;
  const inner = shapeSize(src._shape.slice(axis + 1));
  if (inner === 0) return null;
  let x = idx.flags.c_contiguous ? idx : copyArray(idx);
  let it: IndexType = it0;
  if (inner > 1 && it !== 'i32' && it !== 'i64') {
    x = copyArray(x, 'int64');
    it = 'i64';
  }
  const outerShape = src._shape.slice(0, axis);
  const out = NDArray.empty(
    [...outerShape, ...x._shape, ...src._shape.slice(axis + 1)],
    src.dtype,
    false,
  );
  const z = DTYPE_INFO[src.dtype].itemsize;
  const zi = DTYPE_INFO[x.dtype].itemsize;
  const size = src._shape[axis] as number;
  const rs = (src._strides[axis] as number) * z;
  const K = gatherKernels();
  const nx = x.size;
  const blockBytes = nx * inner * z;
  // the outer dims, in C order, with an odometer over src's (any) strides
  const ctr = new Array<number>(axis).fill(0);
  let sp = bytePtr(src);
  let dp = out.buffer.ptr;
  const outer = shapeSize(outerShape);
  const xp = bytePtr(x);
  for (let o = 0; o < outer; o++) {
    const bad =
      inner === 1
        ? K.gather(z as ItemSize, it, nx, sp, rs, size, xp, zi, dp, z)
        : K.gatherRows(it as 'i32' | 'i64', nx, sp, rs, size, xp, zi, dp, inner * z);
    if (bad >= 0) {
      out[Symbol.dispose]();
      throw outOfBounds(indexText(x, bad), axis, size);
    }
    dp += blockBytes;
    for (let d = axis - 1; d >= 0; d--) {
      ctr[d] = (ctr[d] as number) + 1;
      sp += (src._strides[d] as number) * z;
      if ((ctr[d] as number) < (src._shape[d] as number)) break;
      sp -= (src._shape[d] as number) * (src._strides[d] as number) * z;
      ctr[d] = 0;
    }
  }
  if (x !== idx) x[Symbol.dispose]();
  return out;
}

/** `np.ix_(*args)`: open-mesh index arrays (boolean arguments become their nonzero indices). */
export function ix_(...seqs: ArrayLike[]): NDArray[] {
  const nd = seqs.length;
  return seqs.map((s, k) => {
    let a = isNDArray(s) ? s : asarray(s);
    if (a.size === 0 && a.dtype === 'float64' && !isNDArray(s)) a = asarray(s, { dtype: 'int64' });
    if (a.ndim !== 1) throw ValueError('Cross index must be 1 dimensional');
    if (a.dtype === 'bool') a = nonzeroArrays(a)[0] as NDArray;
    else if (!isIntDtype(a.dtype)) throw ValueError('Cross index must be 1 dimensional');
    const shape = new Array<number>(nd).fill(1);
    shape[k] = a._shape[0] as number;
    const c = copyArray(a);
    return c._view(shape, cStrides(shape), 0, true).copy();
  });
}

/** `np.compress(condition, a, {axis})`. */
export function compress(condition: ArrayLike, a: ArrayLike, ...rest: unknown[]): NDArray {
  const arr = asarray(a);
  const last = rest[rest.length - 1];
  const opts = (isPlainObject(last) ? last : {}) as { axis?: number | null };
  const pos = isPlainObject(last) ? rest.slice(0, -1) : rest;
  const axisArg = (pos[0] as number | null | undefined) ?? opts.axis ?? null;
  const cond = asarray(condition);
  if (cond.ndim !== 1) throw ValueError('condition must be a 1-d array');
  const src = axisArg === null ? copyArray(arr)._view([arr.size], [1], 0) : arr;
  let axis = 0;
  if (axisArg !== null) {
    if (axisArg < -arr.ndim || axisArg >= arr.ndim) throw AxisError(axisArg, arr.ndim);
    axis = axisArg < 0 ? axisArg + arr.ndim : axisArg;
  }
  const n = src._shape[axis] as number;
  const hits = flatNonzeroIndices(cond);
  const k = hits.size;
  if (k > 0 && cond.size > n) {
    // the first truthy position past the axis (hits ascend)
    const H = hits._data() as BigInt64Array;
    for (let j = 0; j < k; j++) {
      const i = Number(H[hits._start + j]);
      if (i >= n) throw IndexError(`index ${i} is out of bounds for axis ${axis} with size ${n}`);
    }
  }
  return take(src, hits, { axis }) as NDArray;
}

/** `np.put(a, ind, v, {mode})`: writes `v` (repeated as needed) at flat indices of `a`. */
export function put(a: NDArray, ind: ArrayLike, v: ArrayLike, ...rest: unknown[]): void {
  a._assertWriteable();
  const last = rest[rest.length - 1];
  const mode =
    ((isPlainObject(last) ? last.mode : rest[0]) as 'raise' | 'wrap' | 'clip' | undefined) ??
    'raise';
  const idx = asarray(ind)
    ._values()
    .map((x) => Number(x));
  const vals = asarray(v, { dtype: a.dtype })._values();
  const n = a.size;
  if (idx.length === 0 || vals.length === 0) return;
  const d = a._data();
  for (let k = 0; k < idx.length; k++) {
    let i = idx[k] as number;
    if (mode === 'wrap') i = ((i % n) + n) % n;
    else if (mode === 'clip') i = Math.min(Math.max(i, 0), n - 1);
    else {
      if (i < -n || i >= n)
        throw IndexError(`index ${i} is out of bounds for axis 0 with size ${n}`);
      if (i < 0) i += n;
    }
    const mi: number[] = [];
    for (let j = a.ndim - 1; j >= 0; j--) {
      const s = a._shape[j] as number;
      mi[j] = i % s;
      i = Math.floor(i / s);
    }
    (d as Float64Array)[a._at(mi)] = vals[k % vals.length] as number;
  }
}

// ---------------------------------------------------------------------------------------------
// More indexing routines (numpy's "Indexing routines" page)

function optsOf<T extends object>(rest: readonly unknown[]): [unknown[], T] {
  const last = rest[rest.length - 1];
  if (isPlainObject(last)) return [rest.slice(0, -1), last as T];
  return [[...rest], {} as T];
}

/** An int64 array 0..n-1 shaped to broadcast along dim `d` of `nd` dims. */
function aranged(n: number, d: number, nd: number): NDArray {
  const r = NDArray.empty([n], 'int64', false);
  const data = r._data() as BigInt64Array;
  for (let i = 0; i < n; i++) data[r._start + i] = BigInt(i);
  const shape = new Array<number>(nd).fill(1);
  shape[d] = n;
  const st = new Array<number>(nd).fill(0);
  st[d] = 1;
  return r._view(shape, st, 0, true);
}

function alongAxisIndex(arr: NDArray, indices: NDArray, axis: number): unknown[] {
  const nd = arr.ndim;
  return Array.from({ length: nd }, (_, d) =>
    d === axis ? indices : aranged(arr._shape[d] as number, d, nd),
  );
}

function prepAlongAxis(
  arr: NDArray,
  indices: ArrayLike,
  axisArg: number | null,
): { a: NDArray; idx: NDArray; axis: number } {
  const idx = isNDArray(indices) ? indices : asarray(indices);
  if (!isIntDtype(idx.dtype)) throw IndexError('`indices` must be an integer array');
  if (axisArg === null) {
    if (idx.ndim !== 1) throw ValueError('when axis=None, `indices` must have a single dimension.');
    const flat = arr.flags.c_contiguous
      ? arr._view([arr.size], [1], arr._offset)
      : copyArray(arr)._view([arr.size], [1], 0);
    return { a: flat, idx, axis: 0 };
  }
  if (axisArg < -arr.ndim || axisArg >= arr.ndim) throw AxisError(axisArg, arr.ndim);
  if (arr.ndim !== idx.ndim)
    throw ValueError('`indices` and `arr` must have the same number of dimensions');
  return { a: arr, idx, axis: axisArg < 0 ? axisArg + arr.ndim : axisArg };
}

/** `np.take_along_axis(arr, indices, {axis})` (axis -1 by default; null flattens). */
export function take_along_axis(arr: ArrayLike, indices: ArrayLike, ...rest: unknown[]): NDArray {
  const [pos, opts] = optsOf<{ axis?: number | null }>(rest);
  const axisArg =
    pos.length > 0 ? (pos[0] as number | null) : opts.axis === undefined ? -1 : opts.axis;
  const p = prepAlongAxis(asarray(arr), indices, axisArg);
  if (axisArg === null) return getitem(p.a, [p.idx]) as NDArray;
  if (p.axis === p.a.ndim - 1) {
    const r = alongLastAxis(p.a, p.idx);
    if (r !== null) return r;
  }
  return getitem(p.a, alongAxisIndex(p.a, p.idx, p.axis)) as NDArray;
}

/**
 * `take_along_axis` along the last axis with indices shaped as `a` but for that axis: one gather
 * per row (in C order, so the first out-of-bounds index is NumPy's), into a C-ordered result.
 */
function alongLastAxis(a: NDArray, idx: NDArray): NDArray | null {
  const nd = a.ndim;
  const it = INDEX_TYPE[idx.dtype];
  if (it === undefined || idx.size === 0) return null;
  for (let d = 0; d < nd - 1; d++) if (idx._shape[d] !== a._shape[d]) return null;
  const x = idx.flags.c_contiguous ? idx : copyArray(idx);
  const out = NDArray.empty(x._shape, a.dtype, false);
  const z = DTYPE_INFO[a.dtype].itemsize;
  const zi = DTYPE_INFO[x.dtype].itemsize;
  const size = a._shape[nd - 1] as number;
  const ss = (a._strides[nd - 1] as number) * z;
  const ni = x._shape[nd - 1] as number;
  const rows = x.size / ni;
  const K = gatherKernels();
  const ctr = new Array<number>(nd).fill(0);
  let sp = bytePtr(a);
  let xp = bytePtr(x);
  let dp = out.buffer.ptr;
  for (let r = 0; r < rows; r++) {
    const bad = K.gather(z as ItemSize, it, ni, sp, ss, size, xp, zi, dp, z);
    if (bad >= 0) {
      out[Symbol.dispose]();
      throw outOfBounds(indexText(x, r * ni + bad), nd - 1, size);
    }
    xp += ni * zi;
    dp += ni * z;
    for (let d = nd - 2; d >= 0; d--) {
      ctr[d] = (ctr[d] as number) + 1;
      sp += (a._strides[d] as number) * z;
      if ((ctr[d] as number) < (a._shape[d] as number)) break;
      sp -= (a._shape[d] as number) * (a._strides[d] as number) * z;
      ctr[d] = 0;
    }
  }
  if (x !== idx) x[Symbol.dispose]();
  return idx !== x ? kOrdered(out, [idx._strides]) : out;
}

/** `np.put_along_axis(arr, indices, values, axis)`: writes in place. */
export function put_along_axis(
  arr: NDArray,
  indices: ArrayLike,
  values: ArrayLike,
  ...rest: unknown[]
): void {
  const [pos, opts] = optsOf<{ axis?: number | null }>(rest);
  const axisArg = pos.length > 0 ? (pos[0] as number | null) : (opts.axis ?? null);
  arr._assertWriteable();
  if (axisArg === null) {
    const idx = isNDArray(indices) ? indices : asarray(indices);
    if (!isIntDtype(idx.dtype)) throw IndexError('`indices` must be an integer array');
    if (idx.ndim !== 1) throw ValueError('when axis=None, `indices` must have a single dimension.');
    put(arr, idx, values);
    return;
  }
  const p = prepAlongAxis(arr, indices, axisArg);
  setitem(p.a, alongAxisIndex(p.a, p.idx, p.axis), values);
}

/** Flat element data indices of `a` in C order. */
function flatPositions(a: NDArray): number[] {
  const out: number[] = [];
  a._forEach((p) => out.push(p));
  return out;
}

/** `np.putmask(a, mask, values)`: a.flat[i] = values.flat[i % values.size] where mask.flat[i]. */
export function putmask(a: NDArray, mask: ArrayLike, values: ArrayLike): void {
  a._assertWriteable();
  const m = asarray(mask, { dtype: 'bool' });
  if (m.size !== a.size) throw ValueError('putmask: mask and data must be the same size');
  const v = isNDArray(values) ? values : valueArray(values, a.dtype);
  if (v.size === 0) return;
  const src = v.buffer === a.buffer ? copyArray(v) : v;
  const conv = converter(src.dtype, a.dtype) as ((x: number | bigint) => number) | null;
  const vals = src._values();
  const mv = m._values();
  const pos = flatPositions(a);
  const d = a._data() as Float64Array;
  for (let i = 0; i < pos.length; i++) {
    if (!mv[i]) continue;
    const x = vals[i % vals.length] as number;
    d[pos[i] as number] = conv === null ? x : conv(x);
  }
}

/** `np.place(arr, mask, vals)`: the True positions take vals in order (cycled). */
export function place(arr: NDArray, mask: ArrayLike, vals: ArrayLike): void {
  arr._assertWriteable();
  const m = asarray(mask, { dtype: 'bool' });
  if (m.size !== arr.size) throw ValueError('place: mask and data must be the same size');
  const v = isNDArray(vals) ? vals : valueArray(vals, arr.dtype);
  const mv = m._values();
  const any = mv.some((x) => x);
  if (v.size === 0) {
    if (any) throw ValueError('Cannot insert from an empty array!');
    return;
  }
  const src = v.buffer === arr.buffer ? copyArray(v) : v;
  const conv = converter(src.dtype, arr.dtype) as ((x: number | bigint) => number) | null;
  const values = src._values();
  const pos = flatPositions(arr);
  const d = arr._data() as Float64Array;
  let k = 0;
  for (let i = 0; i < pos.length; i++) {
    if (!mv[i]) continue;
    const x = values[k++ % values.length] as number;
    d[pos[i] as number] = conv === null ? x : conv(x);
  }
}

/** `np.extract(condition, arr)`: the elements of ravel(arr) where ravel(condition) is true. */
export function extract(condition: ArrayLike, arr: ArrayLike): NDArray {
  const a = asarray(arr);
  const hits = flatNonzeroIndices(asarray(condition));
  const flat = a.flags.c_contiguous
    ? a._view([a.size], [1], a._offset)
    : copyArray(a)._view([a.size], [1], 0);
  return take(flat, hits) as NDArray;
}

/** The result dtype of `dtypes` with a JS scalar as a weak (NEP 50) operand. */
function weakPromote(dt: DType, v: Scalar): DType {
  const k = DTYPE_INFO[dt].kind;
  if (typeof v === 'boolean') return dt;
  if (typeof v === 'number' && !Number.isInteger(v)) return k === 'f' ? dt : 'float64';
  return k === 'b' ? 'int64' : dt;
}

/** `np.select(condlist, choicelist, {default})`. */
export function select(
  condlist: readonly ArrayLike[],
  choicelist: readonly ArrayLike[],
  ...rest: unknown[]
): NDArray {
  const [pos, opts] = optsOf<{ default?: ArrayLike }>(rest);
  const dflt = (pos[0] as ArrayLike | undefined) ?? opts.default ?? 0;
  if (condlist.length !== choicelist.length) {
    throw ValueError('list of cases must be same length as list of conditions');
  }
  if (condlist.length === 0)
    throw ValueError('select with an empty condition list is not possible');
  const choices = choicelist.map((c) => asarray(c));
  const conds = condlist.map((c, i) => {
    const a = asarray(c);
    if (a.dtype !== 'bool')
      throw TypeError_(`invalid entry ${i} in condlist: should be boolean ndarray`);
    return a;
  });
  let dt = choices.map((c) => c.dtype).reduce((x, y) => promoteTypes(x, y));
  const dArr = isNDArray(dflt) || Array.isArray(dflt) ? asarray(dflt) : null;
  dt = dArr !== null ? promoteTypes(dt, dArr.dtype) : weakPromote(dt, dflt as Scalar);
  const shape = broadcastShapesIdx(
    [...choices, ...conds, ...(dArr ? [dArr] : [])].map((x) => x._shape),
  );
  const out = NDArray.empty(shape, dt, false);
  if (dArr !== null) setitem(out, [], dArr);
  else setitem(out, [], dflt);
  for (let i = conds.length - 1; i >= 0; i--) {
    const c = broadcastTo(conds[i] as NDArray, shape);
    const ch = broadcastTo(choices[i] as NDArray, shape);
    const conv = converter(ch.dtype, dt) as ((x: number | bigint) => number) | null;
    const cd = c._data();
    const chd = ch._data() as Float64Array;
    const od = out._data() as Float64Array;
    loop3(shape, operand0(out), operand0(c), operand0(ch), (n, i0, s0, i1, s1, i2, s2) => {
      for (let j = 0; j < n; j++) {
        if (cd[i1 + j * s1]) {
          const x = chd[i2 + j * s2] as number;
          od[i0 + j * s0] = conv === null ? x : conv(x);
        }
      }
    });
  }
  return out;
}

function operand0(a: NDArray): Operand {
  return { start: a._start, strides: a._strides };
}

function broadcastShapesIdx(shapes: readonly (readonly number[])[]): number[] {
  const r = tryBroadcastShapes(shapes);
  if (r === null) {
    throw ValueError(
      `shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg 0 with shape ${shapeStr(shapes[0] ?? [])} and arg 1 with shape ${shapeStr(shapes[1] ?? [])}.`,
    );
  }
  return r;
}

/** `np.choose(a, choices, {mode})`: mode 'raise' (default), 'wrap' or 'clip'. */
export function choose(a: ArrayLike, choices: readonly ArrayLike[], ...rest: unknown[]): NDArray {
  const [pos, opts] = optsOf<{ mode?: 'raise' | 'wrap' | 'clip' }>(rest);
  const mode = (pos[1] as 'raise' | 'wrap' | 'clip' | undefined) ?? opts.mode ?? 'raise';
  const idx = asarray(a);
  if (!isIntDtype(idx.dtype) && idx.dtype !== 'bool') {
    throw TypeError_(
      `Cannot cast array data from dtype('${idx.dtype}') to dtype('int64') according to the rule 'safe'`,
    );
  }
  const ch = choices.map((c) => asarray(c));
  if (ch.length === 0) throw ValueError('0-length sequence.');
  const dt = ch.map((c) => c.dtype).reduce((x, y) => promoteTypes(x, y));
  const shape = broadcastShapesIdx([idx._shape, ...ch.map((c) => c._shape)]);
  const n = ch.length;
  const ib = broadcastTo(idx, shape);
  const iv = ib._values().map((x) => Number(x));
  const sel = iv.map((i) => {
    if (mode === 'wrap') return ((i % n) + n) % n;
    if (mode === 'clip') return Math.min(Math.max(i, 0), n - 1);
    if (i < 0 || i >= n) throw ValueError('invalid entry in choice array');
    return i;
  });
  const out = NDArray.empty(shape, dt, false);
  const vals = ch.map((c) => broadcastTo(c, shape)._values());
  const convs = ch.map((c) => converter(c.dtype, dt) as ((x: number | bigint) => number) | null);
  const od = out._data() as Float64Array;
  const s0 = out._start;
  for (let k = 0; k < sel.length; k++) {
    const j = sel[k] as number;
    const x = (vals[j] as (number | bigint)[])[k] as number;
    const cv = convs[j];
    od[s0 + k] = cv ? cv(x) : x;
  }
  return out;
}

function int64Of(vals: readonly number[], shape: readonly number[]): NDArray {
  const r = NDArray.empty(shape, 'int64', false);
  const d = r._data() as BigInt64Array;
  for (let i = 0; i < vals.length; i++) d[r._start + i] = BigInt(vals[i] as number);
  return r;
}

function toShapeArg(x: unknown): number[] {
  return typeof x === 'number' ? [x] : [...(x as readonly number[])];
}

/** `np.unravel_index(indices, shape, {order})`: a list of int64 arrays (JS numbers for a scalar). */
export function unravel_index(
  indices: ArrayLike,
  shape: number | readonly number[],
  ...rest: unknown[]
): (NDArray | number)[] {
  const [pos, opts] = optsOf<{ order?: 'C' | 'F' }>(rest);
  const order = (pos[0] as 'C' | 'F' | undefined) ?? opts.order ?? 'C';
  const dims = toShapeArg(shape);
  const idx = asarray(indices);
  if (!isIntDtype(idx.dtype)) {
    throw TypeError_(`only int indices permitted`);
  }
  const size = shapeSize(dims);
  const vals = idx._values().map((x) => Number(x));
  const outs = dims.map(() => new Array<number>(vals.length));
  for (let k = 0; k < vals.length; k++) {
    let v = vals[k] as number;
    if (v < 0 || v >= size)
      throw ValueError(`index ${v} is out of bounds for array with size ${size}`);
    const ds = order === 'F' ? dims.map((_, i) => i) : dims.map((_, i) => dims.length - 1 - i);
    for (const d of ds) {
      const n = dims[d] as number;
      (outs[d] as number[])[k] = v % n;
      v = Math.floor(v / n);
    }
  }
  if (idx.ndim === 0) return outs.map((o) => o[0] as number);
  // NumPy returns views of one (…, ndim) array, so the strides interleave.
  const nd = dims.length;
  const all = NDArray.empty([...idx._shape, nd], 'int64', false);
  const data = all._data() as BigInt64Array;
  for (let d = 0; d < nd; d++) {
    const o = outs[d] as number[];
    for (let k = 0; k < o.length; k++) data[all._start + k * nd + d] = BigInt(o[k] as number);
  }
  return dims.map((_, d) => all._view(idx._shape, all._strides.slice(0, -1), d, true));
}

/** `np.ravel_multi_index(multi_index, dims, {mode, order})`. */
export function ravel_multi_index(
  multiIndex: readonly ArrayLike[],
  dims: number | readonly number[],
  ...rest: unknown[]
): NDArray | number {
  const [, opts] = optsOf<{ mode?: string | readonly string[]; order?: 'C' | 'F' }>(rest);
  const shape = toShapeArg(dims);
  if (multiIndex.length !== shape.length) {
    throw ValueError(`parameter multi_index must be a sequence of length ${shape.length}`);
  }
  const modes =
    typeof opts.mode === 'string' || opts.mode === undefined
      ? shape.map(() => (opts.mode as string | undefined) ?? 'raise')
      : [...opts.mode];
  const arrs = multiIndex.map((m) => asarray(m));
  const bshape = broadcastShapesIdx(arrs.map((a) => a._shape));
  const cols = arrs.map((a) =>
    broadcastTo(a, bshape)
      ._values()
      .map((x) => Number(x)),
  );
  const n = shapeSize(bshape);
  const order = opts.order ?? 'C';
  const strides =
    order === 'F'
      ? (() => {
          const s: number[] = [];
          let acc = 1;
          for (const d of shape) {
            s.push(acc);
            acc *= d;
          }
          return s;
        })()
      : (() => {
          const s = new Array<number>(shape.length);
          let acc = 1;
          for (let i = shape.length - 1; i >= 0; i--) {
            s[i] = acc;
            acc *= shape[i] as number;
          }
          return s;
        })();
  const out: number[] = new Array<number>(n).fill(0);
  for (let k = 0; k < n; k++) {
    for (let d = 0; d < shape.length; d++) {
      const m = shape[d] as number;
      let v = (cols[d] as number[])[k] as number;
      const mode = modes[d];
      if (mode === 'wrap') v = ((v % m) + m) % m;
      else if (mode === 'clip') v = Math.min(Math.max(v, 0), m - 1);
      else if (v < 0 || v >= m) throw ValueError('invalid entry in coordinates array');
      out[k] = (out[k] as number) + v * (strides[d] as number);
    }
  }
  if (bshape.length === 0) return out[0] as number;
  return int64Of(out, bshape);
}

/** `np.fill_diagonal(a, val, {wrap})`: in place. */
export function fill_diagonal(a: NDArray, val: ArrayLike, ...rest: unknown[]): void {
  const [pos, opts] = optsOf<{ wrap?: boolean }>(rest);
  const wrap = (pos[0] as boolean | undefined) ?? opts.wrap ?? false;
  if (a.ndim < 2) throw ValueError('array must be at least 2-d');
  a._assertWriteable();
  let step: number;
  let end: number;
  if (a.ndim === 2) {
    const cols = a._shape[1] as number;
    step = cols + 1;
    end = wrap ? a.size : Math.min(a.size, cols * cols);
  } else {
    const n0 = a._shape[0] as number;
    if (a._shape.some((d) => d !== n0))
      throw ValueError('All dimensions of input must be of equal length');
    let acc = 0;
    let p = 1;
    for (let i = a.ndim - 1; i >= 0; i--) {
      acc += p;
      p *= a._shape[i] as number;
    }
    step = acc;
    end = a.size;
  }
  const flat: number[] = [];
  for (let i = 0; i < end; i += step) flat.push(i);
  put(a, flat.length > 0 ? flat : asarray([], { dtype: 'int64' }), val);
}

/** `np.diag_indices(n, ndim=2)`. */
export function diag_indices(n: number, ndim = 2): NDArray[] {
  const r = Array.from({ length: n }, (_, i) => i);
  return Array.from({ length: ndim }, () => int64Of(r, [n]));
}

/** `np.diag_indices_from(arr)`. */
export function diag_indices_from(arr: ArrayLike): NDArray[] {
  const a = asarray(arr);
  if (a.ndim < 2) throw ValueError('input array must be at least 2-d');
  const n0 = a._shape[0] as number;
  if (a._shape.some((d) => d !== n0))
    throw ValueError('All dimensions of input must be of equal length');
  return diag_indices(n0, a.ndim);
}

function triIndices(n: number, k: number, m: number, lower: boolean): NDArray[] {
  const rows: number[] = [];
  const cols: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      if (lower ? j - i <= k : j - i >= k) {
        rows.push(i);
        cols.push(j);
      }
    }
  }
  return [int64Of(rows, [rows.length]), int64Of(cols, [cols.length])];
}

/** `np.tril_indices(n, {k, m})`. */
export function tril_indices(n: number, ...rest: unknown[]): NDArray[] {
  const [pos, opts] = optsOf<{ k?: number; m?: number | null }>(rest);
  const k = (pos[0] as number | undefined) ?? opts.k ?? 0;
  const m = (pos[1] as number | null | undefined) ?? opts.m ?? n;
  return triIndices(n, k, m, true);
}

/** `np.triu_indices(n, {k, m})`. */
export function triu_indices(n: number, ...rest: unknown[]): NDArray[] {
  const [pos, opts] = optsOf<{ k?: number; m?: number | null }>(rest);
  const k = (pos[0] as number | undefined) ?? opts.k ?? 0;
  const m = (pos[1] as number | null | undefined) ?? opts.m ?? n;
  return triIndices(n, k, m, false);
}

function fromArr(arr: ArrayLike): NDArray {
  const a = asarray(arr);
  if (a.ndim !== 2) throw ValueError('input array must be 2-d');
  return a;
}

/** `np.tril_indices_from(arr, {k})`. */
export function tril_indices_from(arr: ArrayLike, ...rest: unknown[]): NDArray[] {
  const [pos, opts] = optsOf<{ k?: number }>(rest);
  const a = fromArr(arr);
  return triIndices(
    a._shape[0] as number,
    (pos[0] as number | undefined) ?? opts.k ?? 0,
    a._shape[1] as number,
    true,
  );
}

/** `np.triu_indices_from(arr, {k})`. */
export function triu_indices_from(arr: ArrayLike, ...rest: unknown[]): NDArray[] {
  const [pos, opts] = optsOf<{ k?: number }>(rest);
  const a = fromArr(arr);
  return triIndices(
    a._shape[0] as number,
    (pos[0] as number | undefined) ?? opts.k ?? 0,
    a._shape[1] as number,
    false,
  );
}

// ---------------------------------------------------------------------------------------------
// Methods

declare module './ndarray' {
  interface NDArray {
    /**
     * `a[index]`. All-integer full indices give a JS scalar; basic indices a view; integer or
     * boolean arrays a copy. One string may hold the whole index: `a.get('1:, ::2, None, ...')`
     * (its type is NDArray; a string of integers only, like `'0, 1'`, gives a scalar at run time).
     */
    get(...index: number[]): NDArray | Scalar;
    get(...index: IndexItem[]): NDArray;
    /** `a[index] = value`: the last argument is the value (scalar, nested list or ndarray). */
    set(...args: [...IndexItem[], ArrayLike]): void;
    /** `a.take(indices, {axis, mode})`. */
    take(indices: ArrayLike, ...rest: unknown[]): NDArray | Scalar;
    /** `a.compress(condition, {axis})`. */
    compress(condition: ArrayLike, ...rest: unknown[]): NDArray;
    /** `a.put(ind, v, {mode})`. */
    put(ind: ArrayLike, v: ArrayLike, ...rest: unknown[]): void;
  }
}

NDArray.prototype.get = function (this: NDArray, ...index: unknown[]): NDArray {
  return getitem(this, index) as NDArray;
};
NDArray.prototype.set = function (this: NDArray, ...args: unknown[]): void {
  if (args.length === 0) throw TypeError_('set() needs a value to assign');
  setitem(this, args.slice(0, -1), args[args.length - 1]);
};
NDArray.prototype.take = function (this: NDArray, indices: ArrayLike, ...rest: unknown[]) {
  return take(this, indices, ...rest);
};
NDArray.prototype.compress = function (this: NDArray, condition: ArrayLike, ...rest: unknown[]) {
  return compress(condition, this, ...rest);
};
NDArray.prototype.put = function (this: NDArray, ind: ArrayLike, v: ArrayLike, ...rest: unknown[]) {
  put(this, ind, v, ...rest);
};
