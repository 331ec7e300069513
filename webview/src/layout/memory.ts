/**
 * The memory strip (pure): a buffer drawn as cells of `itemsize` bytes, a window of them when the
 * buffer is long, and the map between array elements and the cells they address (zero strides:
 * many elements → one cell; negative strides: addresses run backwards).
 */
import { addressOf, unflatten } from './grid';

export interface StripSpec {
  nbytes: number;
  itemsize: number;
  /** First cell of the window. */
  start?: number;
  /** Cells in the window. */
  window?: number;
  perRow?: number;
  cell?: number;
}

export interface StripCell {
  /** Cell number = byte address / itemsize. */
  i: number;
  address: number;
  x: number;
  y: number;
}

export interface StripGeometry {
  cells: StripCell[];
  total: number;
  start: number;
  end: number;
  perRow: number;
  cell: number;
  width: number;
  height: number;
}

export function stripGeometry(spec: StripSpec): StripGeometry {
  const total = spec.itemsize > 0 ? Math.floor(spec.nbytes / spec.itemsize) : 0;
  const window = spec.window ?? 256;
  const perRow = spec.perRow ?? 32;
  const cell = spec.cell ?? 30;
  const start = Math.max(0, Math.min(spec.start ?? 0, Math.max(0, total - window)));
  const end = Math.min(total, start + window);
  const cells: StripCell[] = [];
  for (let i = start; i < end; i++) {
    const k = i - start;
    cells.push({
      i,
      address: i * spec.itemsize,
      x: (k % perRow) * cell,
      y: Math.floor(k / perRow) * cell,
    });
  }
  const rows = Math.ceil((end - start) / perRow);
  return {
    cells,
    total,
    start,
    end,
    perRow,
    cell,
    width: Math.min(end - start, perRow) * cell,
    height: rows * cell,
  };
}

/** The window start that shows cell `i` (pages of `window` cells). */
export function pageFor(i: number, window = 256): number {
  return Math.floor(i / window) * window;
}

export interface ArrayLayoutLike {
  id: number;
  shape: readonly number[];
  strides: readonly number[];
  offset: number;
  bufferId: number;
  size: number;
}

/**
 * Byte cell → the elements (array id, index) that address it, for the given arrays of one
 * buffer. Arrays larger than `maxElements` are skipped (too many to light up one by one).
 */
export function cellOwners(
  arrays: readonly ArrayLayoutLike[],
  itemsize: number,
  maxElements = 20000,
): Map<number, { id: number; idx: number[] }[]> {
  const m = new Map<number, { id: number; idx: number[] }[]>();
  for (const a of arrays) {
    if (a.size > maxElements) continue;
    for (let f = 0; f < a.size; f++) {
      const idx = unflatten(f, a.shape);
      const cellNo = Math.floor(addressOf(idx, a.strides, a.offset) / itemsize);
      let list = m.get(cellNo);
      if (!list) m.set(cellNo, (list = []));
      list.push({ id: a.id, idx });
    }
  }
  return m;
}

/** The set of cells an array addresses (its footprint), bounded by `maxElements`. */
export function footprint(a: ArrayLayoutLike, itemsize: number, maxElements = 20000): Set<number> {
  const s = new Set<number>();
  const n = Math.min(a.size, maxElements);
  for (let f = 0; f < n; f++)
    s.add(Math.floor(addressOf(unflatten(f, a.shape), a.strides, a.offset) / itemsize));
  return s;
}

/** Lowest and highest byte an array touches (NumPy's byte_bounds), or null when empty. */
export function byteBounds(a: ArrayLayoutLike, itemsize: number): [number, number] | null {
  if (a.size === 0) return null;
  let lo = a.offset;
  let hi = a.offset;
  a.shape.forEach((n, d) => {
    const s = (a.strides[d] as number) * (n - 1);
    if (s < 0) lo += s;
    else hi += s;
  });
  return [lo, hi + itemsize];
}
