/**
 * Sorting and searching: sort (function: a copy laid out as NumPy's `copy(order='K')`; method: in
 * place, returns undefined), argsort, lexsort, unique (tuple results are arrays with NumPy 2's
 * field names `values indices inverse_indices counts`) and NumPy 2's unique_all/unique_counts/
 * unique_inverse/unique_values, nonzero, flatnonzero, argwhere, searchsorted, partition,
 * argpartition.
 *
 * Order: ascending, NaN last, -0 == 0, as NumPy. Every sort here is stable (merge sort; LSD radix
 * on order-preserving 64-bit keys for lanes of 2048+), so results equal NumPy's `kind='stable'`.
 * Divergences: for NumPy's default introsort (`kind='quicksort'`) the order of equal keys in
 * `argsort` (and the sign of zeros in `sort`) may differ; `partition`/`argpartition` return a
 * full sort (a valid partition, but NumPy's introselect leaves a different arrangement);
 * `unique_values` is sorted (NumPy >= 2.3 returns it in hash order).
 */
import { asarray, copyInto } from './convert';
import { DTYPE_INFO, promoteTypes, type DType } from './dtype';
import { AxisError, TypeError_, ValueError } from './errors';
import { view } from './memory';
import { flatNonzeroIndices, nonzeroCoords } from './indexing';
import {
  NDArray,
  isNDArray,
  markSoleView,
  shapeSize,
  cStrides,
  type ArrayLike,
  type Scalar,
} from './ndarray';
import { newLikeK, parseArgs, pyTypeName, singleAxis, toIndexInt } from './reduce';

type Num = number | bigint;
type Store = { [i: number]: Num };

/** NumPy's ordering: `a < b`, NaN greater than everything. */
export const lessNaN = (x: Num, y: Num): boolean => x < y || (y !== y && x === x);
/** A comparator with NaN last. */
export const cmpNaN = (x: Num, y: Num): number => (lessNaN(x, y) ? -1 : lessNaN(y, x) ? 1 : 0);

function checkKind(kind: unknown, stable: unknown = undefined): void {
  if (kind === undefined || kind === null) return;
  if (stable !== undefined && stable !== null) {
    throw ValueError(
      "`kind` and keyword parameters can't be provided at the same time. Use only one of them.",
    );
  }
  const s = typeof kind === 'string' ? kind : JSON.stringify(kind);
  const c = s[0];
  if (c === undefined || !'qQmMhHsS'.includes(c)) {
    throw ValueError(`sort kind must be one of 'quick', 'heap', or 'stable' (got '${s}')`);
  }
}

const FLOAT_AXIS = 'integer argument expected, got float';
/** `axis` for sort/partition/lexsort (their float-axis text differs from argsort's). */
function sortAxis(axis: unknown, ndim: number): number {
  if (typeof axis === 'number' && !Number.isInteger(axis)) throw TypeError_(FLOAT_AXIS);
  return singleAxis(axis === undefined ? -1 : axis, ndim) as number;
}

function checkOrder(order: unknown): void {
  if (order !== undefined && order !== null)
    throw ValueError('Cannot specify order when the array has no fields.');
}

/** Visits every 1-D lane of `a` along `axis`: `fn(dataIndex of lane start, stride, length)`. */
function forEachLane(
  a: NDArray,
  axis: number,
  fn: (p: number, s: number, n: number) => void,
): void {
  const n = a._shape[axis] as number;
  const s = a._strides[axis] as number;
  if (a.size === 0) return;
  const outer = a._view(
    a._shape.filter((_, i) => i !== axis),
    a._strides.filter((_, i) => i !== axis),
    a._offset,
  );
  outer._forEach((p) => fn(p, s, n));
}

/** A fresh C-ordered 1-D copy of `a`'s elements. */
function flatC(a: NDArray): NDArray {
  return viewAs1D(a, NDArray.empty([a.size], a.dtype, false));
}

/** Copies `a` in C order into `out` and returns `out` (helper for flatC on n-d input). */
function viewAs1D(a: NDArray, out: NDArray): NDArray {
  const D = a._data() as Store;
  const O = out._data() as Store;
  const s = out._start;
  a._forEach((p, k) => {
    O[s + k] = D[p] as Num;
  });
  return out;
}

/** Sorts every lane of `a` along `axis` in place (stable, NaN last). */
function sortInPlace(a: NDArray, axis: number): void {
  const big = DTYPE_INFO[a.dtype].big;
  const isF = DTYPE_INFO[a.dtype].kind === 'f';
  const n = a._shape[axis] as number;
  if (n < 2) return;
  const tmp = big
    ? a.dtype === 'int64'
      ? new BigInt64Array(n)
      : new BigUint64Array(n)
    : new Float64Array(n);
  const T = tmp as unknown as Store;
  forEachLane(a, axis, (p, s) => {
    const D = a._data() as Store;
    for (let j = 0; j < n; j++) T[j] = D[p + j * s] as Num;
    // The typed-array sort (numeric, NaN last); a stable argsort when -0 and 0 must keep their
    // order, as NumPy's stable sort.
    let stable = false;
    if (isF) {
      for (let j = 0; j < n; j++) {
        if (Object.is(T[j], -0)) {
          stable = true;
          break;
        }
      }
    }
    if (stable) {
      const idx = argsortNumbers(tmp as Float64Array);
      const F = a._data() as Store;
      for (let j = 0; j < n; j++) F[p + j * s] = T[idx[j] as number] as Num;
      return;
    }
    (tmp as Float64Array).sort();
    for (let j = 0; j < n; j++) D[p + j * s] = T[j] as Num;
  });
}

/** `np.sort(a, axis=-1, kind, order)`: a sorted copy (laid out like `a`); axis null flattens. */
export function sort(x: ArrayLike, ...args: unknown[]): NDArray {
  const a = asarray(x);
  const o = parseArgs(args, ['axis', 'kind', 'order']);
  checkKind(o.kind, o.stable);
  checkOrder(o.order);
  if (o.axis === null) {
    const f = flatC(a);
    sortInPlace(f, 0);
    return f;
  }
  const axis = sortAxis(o.axis, a.ndim);
  const out = newLikeK(a);
  copyInto(out, a);
  sortInPlace(out, axis);
  return out;
}

/** Stable argsort of the values of one lane (NaN last). */
function argsortLane(vals: ArrayLike_<Num>): number[] {
  const n = vals.length;
  if (n > 0 && typeof vals[0] === 'number')
    return Array.from(argsortNumbers(vals as ArrayLike_<number>));
  const idx = Array.from({ length: n }, (_, i) => i);
  idx.sort((i, j) => cmpNaN(vals[i] as Num, vals[j] as Num) || i - j);
  return idx;
}

type ArrayLike_<T> = { readonly length: number; readonly [i: number]: T };

const RADIX_MIN = 2048;

/**
 * Stable LSD radix argsort of numbers (doubles mapped to order-preserving 64-bit keys, NaN
 * canonicalized so it sorts last; -0 and +0 tie). Four 16-bit passes, skipping constant digits.
 */
export function radixArgsort(vals: ArrayLike_<number>): Uint32Array {
  const n = vals.length;
  const f = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = vals[i] as number;
    // canonical NaN sorts last; -0 == 0 as in NumPy (ties keep their order)
    f[i] = v !== v ? NaN : v === 0 ? 0 : v;
  }
  const w = new Uint32Array(f.buffer);
  let lo = new Uint32Array(n);
  let hi = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let l = w[2 * i] as number;
    let h = w[2 * i + 1] as number;
    if (h & 0x80000000) {
      l = ~l >>> 0;
      h = ~h >>> 0;
    } else h = (h | 0x80000000) >>> 0;
    lo[i] = l;
    hi[i] = h;
  }
  let idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  let lo2 = new Uint32Array(n);
  let hi2 = new Uint32Array(n);
  let idx2 = new Uint32Array(n);
  const count = new Uint32Array(65536);
  for (let pass = 0; pass < 4; pass++) {
    const src = pass < 2 ? lo : hi;
    const shift = pass % 2 === 0 ? 0 : 16;
    count.fill(0);
    for (let i = 0; i < n; i++) {
      const b = ((src[i] as number) >>> shift) & 0xffff;
      count[b] = (count[b] as number) + 1;
    }
    if (count[((src[0] as number) >>> shift) & 0xffff] === n) continue;
    let sum = 0;
    for (let b = 0; b < 65536; b++) {
      const c = count[b] as number;
      count[b] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const b = ((src[i] as number) >>> shift) & 0xffff;
      const k = count[b] as number;
      count[b] = k + 1;
      lo2[k] = lo[i] as number;
      hi2[k] = hi[i] as number;
      idx2[k] = idx[i] as number;
    }
    [lo, lo2] = [lo2, lo];
    [hi, hi2] = [hi2, hi];
    [idx, idx2] = [idx2, idx];
  }
  return idx;
}

/**
 * Stable argsort of numbers, NaN last: NaN positions are set aside, the rest is sorted by a
 * bottom-up merge sort (insertion-sorted runs of 16) over Uint32 indices.
 */
export function argsortNumbers(vals: ArrayLike_<number>): Uint32Array {
  const n = vals.length;
  if (n >= RADIX_MIN) return radixArgsort(vals);
  const keys = new Float64Array(n);
  let idx = new Uint32Array(n);
  const nans: number[] = [];
  let m = 0;
  for (let i = 0; i < n; i++) {
    const v = vals[i] as number;
    if (v !== v) nans.push(i);
    else {
      keys[i] = v;
      idx[m++] = i;
    }
  }
  const RUN = 16;
  for (let lo = 0; lo < m; lo += RUN) {
    const hi = Math.min(lo + RUN, m);
    for (let i = lo + 1; i < hi; i++) {
      const x = idx[i] as number;
      const kx = keys[x] as number;
      let j = i - 1;
      while (j >= lo && (keys[idx[j] as number] as number) > kx) {
        idx[j + 1] = idx[j] as number;
        j--;
      }
      idx[j + 1] = x;
    }
  }
  let buf = new Uint32Array(n);
  for (let width = RUN; width < m; width *= 2) {
    for (let lo = 0; lo < m; lo += 2 * width) {
      const mid = Math.min(lo + width, m);
      const hi = Math.min(lo + 2 * width, m);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        const a = idx[i] as number;
        const b = idx[j] as number;
        if ((keys[b] as number) < (keys[a] as number)) {
          buf[k++] = b;
          j++;
        } else {
          buf[k++] = a;
          i++;
        }
      }
      while (i < mid) buf[k++] = idx[i++] as number;
      while (j < hi) buf[k++] = idx[j++] as number;
    }
    const t = idx;
    idx = buf;
    buf = t;
  }
  for (const i of nans) idx[m++] = i;
  return idx;
}

/** `np.argsort(a, axis=-1, kind, order, stable)`: int64 indices (C order); axis null flattens. */
export function argsort(x: ArrayLike, ...args: unknown[]): NDArray {
  let a = asarray(x);
  const o = parseArgs(args, ['axis', 'kind', 'order']);
  checkKind(o.kind, o.stable);
  checkOrder(o.order);
  let axis: number;
  if (o.axis === null) {
    a = flatC(a);
    axis = 0;
  } else {
    if (a.ndim === 0) {
      singleAxis(o.axis === undefined ? -1 : o.axis, 1);
      return int64From([0]);
    }
    axis = singleAxis(o.axis === undefined ? -1 : o.axis, a.ndim) as number;
  }
  const res = NDArray.empty(a._shape, 'int64', false);
  const rs = cStrides(a._shape);
  const n = a._shape[axis] as number;
  const rsAxis = rs[axis] as number;
  const D = a._data() as Store;
  // res lanes in the same multi-index order as a's lanes
  const outerA = a._view(
    a._shape.filter((_, i) => i !== axis),
    a._strides.filter((_, i) => i !== axis),
    a._offset,
  );
  const outerR = res._view(
    res._shape.filter((_, i) => i !== axis),
    rs.filter((_, i) => i !== axis),
    0,
  );
  const starts: number[] = [];
  outerR._forEach((p) => starts.push(p));
  const sa = a._strides[axis] as number;
  if (a.size === 0) return res;
  const big = DTYPE_INFO[a.dtype].big;
  const lane = big ? null : new Float64Array(n);
  outerA._forEach((p, k) => {
    let idx: ArrayLike_<number>;
    if (lane !== null) {
      for (let j = 0; j < n; j++) lane[j] = D[p + j * sa] as number;
      idx = argsortNumbers(lane);
    } else {
      const vals: Num[] = new Array<Num>(n);
      for (let j = 0; j < n; j++) vals[j] = D[p + j * sa] as Num;
      idx = argsortLane(vals);
    }
    const q = starts[k] as number;
    const U = view('uint32') as Uint32Array;
    for (let j = 0; j < n; j++) {
      const e = 2 * (q + j * rsAxis);
      U[e] = idx[j] as number;
      U[e + 1] = 0;
    }
  });
  return res;
}

/** `np.lexsort(keys, axis=-1)`: indices sorting by the last key, then the one before, … */
export function lexsort(keysIn: ArrayLike | readonly ArrayLike[], ...args: unknown[]): NDArray {
  const o = parseArgs(args, ['axis']);
  let keys: NDArray[];
  if (isNDArray(keysIn)) {
    if (keysIn.ndim === 0) throw TypeError_('need sequence of keys with len > 0 in lexsort');
    keys = [];
    for (let i = 0; i < (keysIn._shape[0] as number); i++) {
      keys.push(
        keysIn._view(
          keysIn._shape.slice(1),
          keysIn._strides.slice(1),
          keysIn._offset + i * (keysIn._strides[0] as number),
        ),
      );
    }
  } else if (Array.isArray(keysIn)) keys = (keysIn as ArrayLike[]).map((k) => asarray(k));
  else throw TypeError_('need sequence of keys with len > 0 in lexsort');
  if (keys.length === 0) throw TypeError_('need sequence of keys with len > 0 in lexsort');
  const shape = (keys[0] as NDArray)._shape;
  for (const k of keys)
    if (k._shape.join(',') !== shape.join(','))
      throw ValueError('all keys need to be the same shape');
  if (shape.length === 0) return NDArray.empty([], 'int64');
  const axis = sortAxis(o.axis, shape.length);
  const res = NDArray.empty(shape, 'int64', false);
  const rs = cStrides(shape);
  const n = shape[axis] as number;
  if (res.size === 0) return res;
  const outerShape = shape.filter((_, i) => i !== axis);
  const starts: number[] = [];
  res
    ._view(
      outerShape,
      rs.filter((_, i) => i !== axis),
      0,
    )
    ._forEach((p) => starts.push(p));
  const keyStarts = keys.map((k) => {
    const st: number[] = [];
    k._view(
      outerShape,
      k._strides.filter((_, i) => i !== axis),
      k._offset,
    )._forEach((p) => st.push(p));
    return st;
  });
  const R = res._data() as { [i: number]: bigint };
  for (let li = 0; li < starts.length; li++) {
    const lanes = keys.map((k, ki) => {
      const D = k._data() as Store;
      const p = (keyStarts[ki] as number[])[li] as number;
      const s = k._strides[axis] as number;
      return Array.from({ length: n }, (_, j) => D[p + j * s] as Num);
    });
    const idx = Array.from({ length: n }, (_, i) => i);
    idx.sort((i, j) => {
      for (let k = lanes.length - 1; k >= 0; k--) {
        const L = lanes[k] as Num[];
        const c = cmpNaN(L[i] as Num, L[j] as Num);
        if (c !== 0) return c;
      }
      return i - j;
    });
    const q = starts[li] as number;
    for (let j = 0; j < n; j++) R[q + j * (rs[axis] as number)] = BigInt(idx[j] as number);
  }
  return res;
}

// ---------------------------------------------------------------------------------------------
// unique

/** A result tuple that destructures as an array and names its fields as NumPy 2 does. */
export interface UniqueResult extends Iterable<NDArray> {
  readonly length: number;
  readonly [i: number]: NDArray;
  /** (Shadows Array.prototype.values on the tuple: NumPy 2's field name wins.) */
  readonly values: NDArray;
  readonly indices?: NDArray;
  readonly inverse_indices?: NDArray;
  readonly counts?: NDArray;
}

/** An array of the field values (in order) that also has them as named, non-enumerable props. */
function namedTuple(fields: Record<string, NDArray>): UniqueResult {
  const arr: NDArray[] = Object.values(fields);
  for (const [k, v] of Object.entries(fields))
    Object.defineProperty(arr, k, { value: v, enumerable: false });
  return arr as unknown as UniqueResult;
}

/**
 * A fresh owning array of `shape` for `n` elements in C order. NumPy's C strides treat zero-length
 * dims as 1 (np.empty((0, 3)).strides == (24, 8)); `emptyZero` gives an empty result all-zero
 * strides instead (NumPy 2's fresh size-0 allocations).
 */
function freshC(shape: readonly number[], n: number, dtype: DType, emptyZero: boolean): NDArray {
  const owner = NDArray.empty([n], dtype, false);
  const strides: number[] = [];
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = emptyZero && n === 0 ? 0 : acc;
    acc *= Math.max(shape[i] as number, 1);
  }
  return new NDArray({
    buffer: owner.buffer,
    dtype,
    shape,
    strides,
    offset: 0,
    base: null,
    writeable: true,
  });
}

function int64From(
  vals: ArrayLike_<number>,
  shape: readonly number[] = [vals.length],
  emptyZero = false,
): NDArray {
  const r = freshC(shape, vals.length, 'int64', emptyZero);
  const U = view('uint32') as Uint32Array;
  const base = 2 * r._start;
  for (let i = 0; i < vals.length; i++) {
    // non-negative indices below 2^32: low word, zero high word (little-endian int64)
    U[base + 2 * i] = vals[i] as number;
    U[base + 2 * i + 1] = 0;
  }
  return r;
}

function fromList(
  vals: readonly Num[],
  shape: readonly number[],
  dtype: DType,
  emptyZero = false,
): NDArray {
  const r = freshC(shape, vals.length, dtype, emptyZero);
  const R = r._data() as Store;
  for (let i = 0; i < vals.length; i++) R[r._start + i] = vals[i] as Num;
  return r;
}

interface UniqueOpts {
  return_index?: boolean;
  return_inverse?: boolean;
  return_counts?: boolean;
  axis?: number | null;
  equal_nan?: boolean;
}

/**
 * `np.unique(ar, return_index, return_inverse, return_counts, axis, equal_nan)`: the sorted
 * unique values, or a tuple `[values, indices?, inverse?, counts?]` (also named fields).
 */
export function unique(x: ArrayLike, ...args: unknown[]): NDArray | UniqueResult {
  const a = asarray(x);
  const o = parseArgs(args, [
    'return_index',
    'return_inverse',
    'return_counts',
    'axis',
  ]) as UniqueOpts;
  const equalNan = o.equal_nan !== false;
  let axisN: number | null = null;
  if (o.axis !== undefined && o.axis !== null) {
    if (typeof o.axis === 'number' && !Number.isInteger(o.axis))
      throw TypeError_("'float' object is not iterable");
    const v = toIndexInt(o.axis);
    if (v < -a.ndim || v >= a.ndim) throw AxisError(v, a.ndim);
    axisN = v < 0 ? v + a.ndim : v;
  }
  let values: NDArray;
  const index: number[] = [];
  let inverse: number[] = [];
  const counts: number[] = [];
  let invShape: number[];
  // a 1-d array along axis 0 is NumPy's flat path (NaNs merged when equal_nan)
  if (axisN === null || a.ndim === 1) {
    const big = DTYPE_INFO[a.dtype].big;
    const n = a.size;
    const vals: ArrayLike_<Num> & { [i: number]: Num } = big
      ? a.dtype === 'int64'
        ? new BigInt64Array(n)
        : new BigUint64Array(n)
      : new Float64Array(n);
    const D = a._data() as Store;
    a._forEach((p, k) => {
      vals[k] = D[p] as Num;
    });
    const perm: ArrayLike_<number> = big
      ? argsortLane(vals)
      : argsortNumbers(vals as ArrayLike_<number>);
    const aux: Num[] = new Array<Num>(n);
    for (let i = 0; i < n; i++) aux[i] = vals[perm[i] as number] as Num;
    const mask = new Uint8Array(n);
    for (let i = 0; i < n; i++) mask[i] = i === 0 || aux[i] !== aux[i - 1] ? 1 : 0;
    if (
      equalNan &&
      n > 0 &&
      DTYPE_INFO[a.dtype].kind === 'f' &&
      (aux[n - 1] as number) !== (aux[n - 1] as number)
    ) {
      let first = aux.findIndex((v) => v !== v);
      if (first < 0) first = n;
      for (let i = first; i < n; i++) mask[i] = i === first ? 1 : 0;
    }
    const uvals: Num[] = [];
    const inv = new Array<number>(n);
    let u = -1;
    for (let i = 0; i < n; i++) {
      if (mask[i]) {
        u++;
        uvals.push(aux[i] as Num);
        index.push(perm[i] as number);
        counts.push(0);
      }
      counts[u] = (counts[u] as number) + 1;
      inv[perm[i] as number] = u;
    }
    inverse = inv;
    values = fromList(uvals, [uvals.length], a.dtype, true);
    invShape = a._shape.slice();
  } else {
    // rows along axis: move axis to the front, flatten the rest (C order)
    const ax = axisN;
    const order = [ax, ...a._shape.map((_, i) => i).filter((i) => i !== ax)];
    const moved = a._view(
      order.map((i) => a._shape[i] as number),
      order.map((i) => a._strides[i] as number),
      a._offset,
    );
    const rows = moved._shape[0] as number;
    const rest = moved._shape.slice(1);
    const m = shapeSize(rest);
    const flat = flatC(moved);
    const D = flat._data() as Store;
    const rowVals: Num[][] = [];
    for (let r = 0; r < rows; r++) {
      const row: Num[] = [];
      for (let j = 0; j < m; j++) row.push(D[flat._start + r * m + j] as Num);
      rowVals.push(row);
    }
    const cmpRow = (p: number, q: number): number => {
      const P = rowVals[p] as Num[];
      const Q = rowVals[q] as Num[];
      for (let j = 0; j < m; j++) {
        const c = cmpNaN(P[j] as Num, Q[j] as Num);
        if (c !== 0) return c;
      }
      return 0;
    };
    const perm = Array.from({ length: rows }, (_, i) => i);
    perm.sort((p, q) => cmpRow(p, q) || p - q);
    const inv = new Array<number>(rows);
    const uvals: Num[] = [];
    let u = -1;
    for (let i = 0; i < rows; i++) {
      const p = perm[i] as number;
      // rows compare with == as NumPy's structured view: a row holding NaN is never a duplicate
      const prev = i === 0 ? null : (rowVals[perm[i - 1] as number] as Num[]);
      if (prev === null || !(rowVals[p] as Num[]).every((v, j) => v === prev[j])) {
        u++;
        for (const v of rowVals[p] as Num[]) uvals.push(v);
        index.push(p);
        counts.push(0);
      }
      counts[u] = (counts[u] as number) + 1;
      inv[p] = u;
    }
    inverse = inv;
    const k = u + 1;
    const base = fromList(uvals, [k, ...rest], a.dtype, rest.length === 0);
    // np.moveaxis(output, 0, axis): a view
    const back = [...base._shape.keys()].slice(1);
    back.splice(ax, 0, 0);
    values = new NDArray({
      buffer: base.buffer,
      dtype: base.dtype,
      shape: back.map((i) => base._shape[i] as number),
      strides: back.map((i) => base._strides[i] as number),
      offset: 0,
      base: null,
      writeable: true,
    });
    invShape = [rows];
  }
  if (!o.return_index && !o.return_inverse && !o.return_counts) return values;
  const fields: Record<string, NDArray> = { values };
  if (o.return_index) fields.indices = int64From(index, undefined, true);
  if (o.return_inverse) fields.inverse_indices = int64From(inverse, invShape, invShape.length <= 1);
  if (o.return_counts) fields.counts = int64From(counts, undefined, true);
  return namedTuple(fields);
}

/** `np.unique_values(x)` (NumPy 2; NaNs are not merged). */
export function unique_values(x: ArrayLike): NDArray {
  return unique(x, { equal_nan: false }) as NDArray;
}
/** `np.unique_counts(x)`: `{values, counts}`. */
export function unique_counts(x: ArrayLike): UniqueResult {
  return unique(x, { return_counts: true, equal_nan: false }) as UniqueResult;
}
/** `np.unique_inverse(x)`: `{values, inverse_indices}` (inverse has x's shape). */
export function unique_inverse(x: ArrayLike): UniqueResult {
  return unique(x, { return_inverse: true, equal_nan: false }) as UniqueResult;
}
/** `np.unique_all(x)`: `{values, indices, inverse_indices, counts}`. */
export function unique_all(x: ArrayLike): UniqueResult {
  return unique(x, {
    return_index: true,
    return_inverse: true,
    return_counts: true,
    equal_nan: false,
  }) as UniqueResult;
}

// ---------------------------------------------------------------------------------------------
// nonzero, flatnonzero, argwhere

/** Flat C-order indices of the truthy elements. */
function truthyFlat(a: NDArray): number[] {
  const D = a._data() as Store;
  const zero: Num = DTYPE_INFO[a.dtype].big ? 0n : 0;
  const out: number[] = [];
  a._forEach((p, k) => {
    if (D[p] !== zero) out.push(k);
  });
  return out;
}

/** The (N, ndim) C-ordered int64 coordinates of the truthy elements. */
function coords(a: NDArray): NDArray {
  if (a.ndim >= 1) return nonzeroCoords(a); // the mask kernels (indexing.ts)
  const flat = truthyFlat(a);
  const nd = a.ndim;
  const r = NDArray.empty([flat.length, nd], 'int64', false);
  const R = r._data() as { [i: number]: bigint };
  let q = r._start;
  for (let f of flat) {
    const idx = new Array<number>(nd);
    for (let d = nd - 1; d >= 0; d--) {
      const s = a._shape[d] as number;
      idx[d] = f % s;
      f = Math.floor(f / s);
    }
    for (let d = 0; d < nd; d++) R[q++] = BigInt(idx[d] as number);
  }
  return r;
}

/** `np.nonzero(a)`: one int64 index array per dimension (views of one (N, ndim) array). */
export function nonzero(x: ArrayLike): NDArray[] {
  const a = asarray(x);
  if (a.ndim === 0) {
    throw ValueError(
      'Calling nonzero on 0d arrays is not allowed. Use np.atleast_1d(scalar).nonzero() instead.' +
        (a.dtype === 'bool'
          ? ' If the context of this error is of the form `arr[nonzero(cond)]`, just use `arr[cond]`.'
          : ''),
    );
  }
  const c = coords(a);
  const n = c._shape[0] as number;
  const out = Array.from({ length: a.ndim }, (_, d) => c._view([n], [a.ndim], d));
  // a 1-d input's one view is the only handle to the coordinates: disposing it frees them
  if (a.ndim === 1) markSoleView(out[0] as NDArray);
  return out;
}

/** `np.flatnonzero(a)`: indices into the C-flattened array. */
export function flatnonzero(x: ArrayLike): NDArray {
  return flatNonzeroIndices(asarray(x));
}

/** `np.argwhere(a)`: (N, ndim) coordinates, laid out as NumPy's `transpose(nonzero(a))`. */
export function argwhere(x: ArrayLike): NDArray {
  let a = asarray(x);
  const zeroD = a.ndim === 0;
  if (zeroD) a = a._view([1], [0], a._offset);
  const c = coords(a);
  const n = c._shape[0] as number;
  const nd = a.ndim;
  // (ndim, N) C array, transposed
  const t = NDArray.empty([nd, n], 'int64', false);
  const T = t._data() as { [i: number]: bigint };
  const C = c._data() as { [i: number]: bigint };
  for (let i = 0; i < n; i++)
    for (let d = 0; d < nd; d++) T[t._start + d * n + i] = C[c._start + i * nd + d] as bigint;
  const strides = n === 0 ? [0, 0] : [1, n];
  return new NDArray({
    buffer: t.buffer,
    dtype: 'int64',
    shape: [n, zeroD ? 0 : nd],
    strides,
    offset: 0,
    base: null,
    writeable: true,
  });
}

// ---------------------------------------------------------------------------------------------
// searchsorted, partition

/** `np.searchsorted(a, v, side='left', sorter)`: insertion indices (a JS number for a scalar v). */
export function searchsorted(aIn: ArrayLike, v: ArrayLike, ...args: unknown[]): NDArray | Scalar {
  const a = asarray(aIn);
  const o = parseArgs(args, ['side', 'sorter']);
  const side = o.side ?? 'left';
  if (side !== 'left' && side !== 'right')
    throw ValueError(
      `search side must be 'left' or 'right' (got '${typeof side === 'string' ? side : JSON.stringify(side)}')`,
    );
  if (a.ndim === 0) throw ValueError('object of too small depth for desired array');
  if (a.ndim > 1) throw ValueError('object too deep for desired array');
  const vv = asarray(v);
  const dt = promoteTypes(a.dtype, isNDArray(v) ? vv.dtype : a.dtype);
  const f32 = dt === 'float32';
  const av = a._values();
  let order: number[] | null = null;
  if (o.sorter !== undefined && o.sorter !== null) {
    order = asarray(o.sorter as ArrayLike)
      ._values()
      .map((s) => Number(s));
    for (const s of order)
      if (s < 0 || s >= av.length) throw ValueError('Sorter index out of range.');
  }
  const get = (i: number): Num => av[order === null ? i : (order[i] as number)] as Num;
  const n = av.length;
  const isBigA = DTYPE_INFO[a.dtype].big;
  const conv = (x: Num): Num => {
    if (typeof x === 'bigint' && !isBigA && DTYPE_INFO[a.dtype].kind === 'f') return Number(x);
    return f32 && typeof x === 'number' ? Math.fround(x) : x;
  };
  const one = (x0: Num): number => {
    const x = conv(x0);
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const m = get(mid);
      const goRight = side === 'left' ? lessNaN(m, x) : !lessNaN(x, m);
      if (goRight) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  if (!isBigA && !DTYPE_INFO[vv.dtype].big) {
    // numbers only: typed copies and an inlined binary search
    const A = new Float64Array(n);
    for (let i = 0; i < n; i++) A[i] = get(i) as number;
    const m = vv.size;
    const V = new Float64Array(m);
    const VD = vv._data() as { [i: number]: number };
    vv._forEach((p, k) => {
      const x = VD[p] as number;
      V[k] = f32 ? Math.fround(x) : x;
    });
    const res = new Float64Array(m);
    const left = side === 'left';
    for (let k = 0; k < m; k++) {
      const x = V[k] as number;
      let lo = 0;
      let hi = n;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        const y = A[mid] as number;
        const goRight = left ? y < x || (x !== x && y === y) : !(x < y || (y !== y && x === x));
        if (goRight) lo = mid + 1;
        else hi = mid;
      }
      res[k] = lo;
    }
    if (vv.ndim === 0) return res[0] as number;
    return int64From(res, vv._shape, true);
  }
  const vals = vv._values();
  const res = vals.map((x) => one(x));
  if (vv.ndim === 0) return res[0] as number;
  return int64From(res, vv._shape, true);
}

/**
 * `np.partition(a, kth, axis=-1)`: here a full (stable) sort along the axis, which satisfies the
 * partition contract; NumPy's introselect leaves other elements in an unspecified order.
 */
export function partition(x: ArrayLike, kth: ArrayLike, ...args: unknown[]): NDArray {
  const a = asarray(x);
  const o = parseArgs(args, ['axis', 'kind', 'order']);
  const r = sort(a, o.axis === undefined ? -1 : o.axis, { kind: undefined });
  checkKth(kth, o.axis === null ? r.size : (a._shape[sortAxis(o.axis, a.ndim)] as number));
  return r;
}

/** `np.argpartition(a, kth, axis=-1)`: a stable argsort (see `partition`). */
export function argpartition(x: ArrayLike, kth: ArrayLike, ...args: unknown[]): NDArray {
  const a = asarray(x);
  const o = parseArgs(args, ['axis', 'kind', 'order']);
  const r = argsort(a, o.axis === undefined ? -1 : o.axis);
  checkKth(
    kth,
    o.axis === null ? a.size : (a._shape[singleAxis(o.axis ?? -1, a.ndim) as number] as number),
  );
  return r;
}

function checkKth(kth: ArrayLike, n: number): void {
  for (const k0 of asarray(kth)._values()) {
    let k = Number(k0);
    if (k < 0) k += n;
    if (k < 0 || k >= n) throw ValueError(`kth(=${k}) out of bounds (${n})`);
  }
}

// ---------------------------------------------------------------------------------------------
// Methods

declare module './ndarray' {
  interface NDArray {
    /** Sorts in place along `axis` (default -1); returns undefined, as NumPy's method. */
    sort(...args: unknown[]): void;
    argsort(...args: unknown[]): NDArray;
    nonzero(): NDArray[];
    searchsorted(v: ArrayLike, ...args: unknown[]): NDArray | Scalar;
    partition(kth: ArrayLike, ...args: unknown[]): void;
    argpartition(kth: ArrayLike, ...args: unknown[]): NDArray;
  }
}

NDArray.prototype.sort = function (this: NDArray, ...args: unknown[]): void {
  const o = parseArgs(args, ['axis', 'kind', 'order']);
  checkKind(o.kind, o.stable);
  checkOrder(o.order);
  if (o.axis === null)
    throw TypeError_(`'${pyTypeName(null)}' object cannot be interpreted as an integer`);
  const axis = sortAxis(o.axis, this.ndim);
  this._assertWriteable();
  sortInPlace(this, axis);
};
NDArray.prototype.argsort = function (this: NDArray, ...args: unknown[]) {
  return argsort(this, ...args);
};
NDArray.prototype.nonzero = function (this: NDArray) {
  return nonzero(this);
};
NDArray.prototype.searchsorted = function (this: NDArray, v: ArrayLike, ...args: unknown[]) {
  return searchsorted(this, v, ...args);
};
NDArray.prototype.partition = function (this: NDArray, kth: ArrayLike, ...args: unknown[]): void {
  const o = parseArgs(args, ['axis', 'kind', 'order']);
  const axis = sortAxis(o.axis, this.ndim);
  checkKth(kth, this._shape[axis] as number);
  this._assertWriteable();
  sortInPlace(this, axis);
};
NDArray.prototype.argpartition = function (this: NDArray, kth: ArrayLike, ...args: unknown[]) {
  return argpartition(this, kth, ...args);
};
