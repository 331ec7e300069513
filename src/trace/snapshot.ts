/**
 * Snapshots: an NDArray's metadata in NumPy's units (bytes) plus its values or a head/tail
 * preview, JSON-safe, as one object (`snapshotArray`, for in-process use; the recorder sends them
 * in the wire format of ./wire instead), and byte extents for write diffs. Reads storage directly
 * (no allocation, so no typed array is detached).
 */
import { DTYPE_INFO } from '../runtime/dtype';
import { isCContiguous, isFContiguous, type NDArray } from '../runtime/ndarray';
import type { ArraySnapshot, JsonScalar, Preview } from './schema';
import { encodeValue, flagsFromBits } from './wire';

export { encodeValue };

/** A JS value (scalar result of an op) as JSON can carry it. */
export function encodeJs(v: unknown): JsonScalar | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return encodeValue(v, 'float64');
  if (typeof v === 'bigint') return encodeValue(v, 'int64');
  if (typeof v === 'string') return v;
  return undefined;
}

/** Index into `_data()` of the element at flat C-order position k. */
export function flatToData(a: NDArray, k: number): number {
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

export function snapshotArray(a: NDArray, maxValues: number, previewItems: number): ArraySnapshot {
  const isz = DTYPE_INFO[a.dtype].itemsize;
  const f = flagsFromBits(
    (isCContiguous(a._shape, a._strides) ? 1 : 0) |
      (isFContiguous(a._shape, a._strides) ? 2 : 0) |
      (a._base === null ? 4 : 0) |
      (a._writeable ? 8 : 0),
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
