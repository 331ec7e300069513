/**
 * Snapshots: an NDArray's metadata in NumPy's units (bytes) plus its values or a head/tail
 * preview, JSON-safe. Reads storage directly (no allocation, so no typed array is detached).
 */
import { DTYPE_INFO, type DType } from '../runtime/dtype';
import { isCContiguous, isFContiguous, type NDArray } from '../runtime/ndarray';
import { view } from '../runtime/memory';
import type { ArrayFlags, ArraySnapshot, BufferContents, JsonScalar, Preview } from './schema';

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** A stored value as JSON can carry it (see JsonScalar). */
export function encodeValue(v: number | bigint, dtype: DType): JsonScalar {
  if (dtype === 'bool') return v !== 0 && v !== 0n;
  if (typeof v === 'bigint') return v >= -SAFE && v <= SAFE ? Number(v) : v.toString();
  if (Number.isFinite(v)) return v;
  return Number.isNaN(v) ? 'nan' : v > 0 ? 'inf' : '-inf';
}

/** A JS value (scalar result of an op) as JSON can carry it. */
export function encodeJs(v: unknown): JsonScalar | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return encodeValue(v, 'float64');
  if (typeof v === 'bigint') return encodeValue(v, 'int64');
  if (typeof v === 'string') return v;
  return undefined;
}

/** Index into `_data()` of the element at flat C-order position k. */
function flatToData(a: NDArray, k: number): number {
  let p = a._start;
  const sh = a._shape;
  const st = a._strides;
  for (let d = sh.length - 1; d >= 0; d--) {
    const n = sh[d] as number;
    const i = k % n;
    k = (k - i) / n;
    p += i * (st[d] as number);
  }
  return p;
}

export function readValues(a: NDArray): JsonScalar[] {
  const data = a._data();
  const dt = a.dtype;
  const n = a.size;
  const out: JsonScalar[] = new Array<JsonScalar>(n);
  if (isCContiguous(a._shape, a._strides)) {
    const s = a._start;
    for (let k = 0; k < n; k++) out[k] = encodeValue(data[s + k] as number | bigint, dt);
    return out;
  }
  a._forEach((p, k) => {
    out[k] = encodeValue(data[p] as number | bigint, dt);
  });
  return out;
}

export function readPreview(a: NDArray, items: number): Preview {
  const data = a._data();
  const dt = a.dtype;
  const n = a.size;
  const head: JsonScalar[] = [];
  const tail: JsonScalar[] = [];
  if (isCContiguous(a._shape, a._strides)) {
    const s = a._start;
    for (let k = 0; k < Math.min(items, n); k++)
      head.push(encodeValue(data[s + k] as number | bigint, dt));
    for (let k = Math.max(n - items, items); k < n; k++)
      tail.push(encodeValue(data[s + k] as number | bigint, dt));
    return { head, tail };
  }
  for (let k = 0; k < Math.min(items, n); k++)
    head.push(encodeValue(data[flatToData(a, k)] as number | bigint, dt));
  for (let k = Math.max(n - items, items); k < n; k++)
    tail.push(encodeValue(data[flatToData(a, k)] as number | bigint, dt));
  return { head, tail };
}

/**
 * One shared object per combination of flags: fewer allocations, and a batch's structured clone
 * writes repeats as references. Treat snapshots as immutable.
 */
const FLAGS: ArrayFlags[] = [];
for (let i = 0; i < 16; i++)
  FLAGS.push({
    c_contiguous: (i & 1) !== 0,
    f_contiguous: (i & 2) !== 0,
    owndata: (i & 4) !== 0,
    writeable: (i & 8) !== 0,
  });
function flagsObject(c: boolean, f: boolean, own: boolean, w: boolean): ArrayFlags {
  return FLAGS[(c ? 1 : 0) | (f ? 2 : 0) | (own ? 4 : 0) | (w ? 8 : 0)] as ArrayFlags;
}

export function snapshotArray(a: NDArray, maxValues: number, previewItems: number): ArraySnapshot {
  const isz = DTYPE_INFO[a.dtype].itemsize;
  const f = flagsObject(
    isCContiguous(a._shape, a._strides),
    isFContiguous(a._shape, a._strides),
    a._base === null,
    a._writeable,
  );
  const snap: ArraySnapshot = {
    id: a.id,
    dtype: a.dtype,
    shape: [...a._shape],
    strides: a._strides.map((s) => s * isz),
    offset: a._offset * isz,
    bufferId: a.buffer.id,
    flags: f,
    base: a._base === null ? null : a._base.id,
    size: a.size,
  };
  if (a.buffer.freed) return snap;
  if (snap.size <= maxValues) snap.values = readValues(a);
  else snap.preview = readPreview(a, previewItems);
  return snap;
}

/** Element values of a whole buffer in `dtype`. */
export function bufferContents(
  bufferId: number,
  ptr: number,
  nbytes: number,
  dtype: DType,
  maxValues: number,
  previewItems: number,
): BufferContents {
  const isz = DTYPE_INFO[dtype].itemsize;
  const length = Math.floor(nbytes / isz);
  const data = view(dtype);
  const start = ptr / isz;
  const read = (i: number): JsonScalar => encodeValue(data[start + i] as number | bigint, dtype);
  if (length <= maxValues) {
    const values: JsonScalar[] = new Array<JsonScalar>(length);
    for (let i = 0; i < length; i++) values[i] = read(i);
    return { bufferId, length, values };
  }
  const head: JsonScalar[] = [];
  const tail: JsonScalar[] = [];
  for (let i = 0; i < previewItems; i++) head.push(read(i));
  for (let i = Math.max(length - previewItems, previewItems); i < length; i++) tail.push(read(i));
  return { bufferId, length, preview: { head, tail } };
}

/** [lo, hi) byte extent of `a` inside its buffer. */
export function byteExtent(a: NDArray): [number, number] {
  const isz = DTYPE_INFO[a.dtype].itemsize;
  let lo = a._offset * isz;
  let hi = lo;
  if (a.size === 0) return [lo, lo];
  for (let i = 0; i < a._shape.length; i++) {
    const ext = ((a._shape[i] as number) - 1) * (a._strides[i] as number) * isz;
    if (ext < 0) lo += ext;
    else hi += ext;
  }
  return [lo, hi + isz];
}

/** Byte offsets (in its buffer) of every element of `a`, C order. */
export function elementOffsets(a: NDArray): number[] {
  const isz = DTYPE_INFO[a.dtype].itemsize;
  const base = a.buffer.ptr;
  const out: number[] = [];
  const startBytes = a._start * isz - base;
  const rel = a._start;
  a._forEach((p) => {
    out.push(startBytes + (p - rel) * isz);
  });
  return out;
}

/** Approximate JSON size of a snapshot (for the trace budget). */
export function snapshotCost(s: ArraySnapshot): number {
  const n = s.values
    ? s.values.length
    : s.preview
      ? s.preview.head.length + s.preview.tail.length
      : 0;
  return 220 + 8 * (s.shape.length * 2) + 10 * n;
}
