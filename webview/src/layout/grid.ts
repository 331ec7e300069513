/**
 * Grid geometry of one array (pure: snapshot metadata → cells). 0-d: one cell; 1-D: a row; 2-D: a
 * grid; ≥3-D: one 2-D slab (rows × cols axes) picked by fixed indices on the other axes, drawn on
 * a stack of ghost slabs. Addresses are NumPy's: offset + Σ index·stride (bytes).
 */
export interface GridSpec {
  shape: readonly number[];
  /** Byte strides. */
  strides: readonly number[];
  /** Byte offset of element [0,…,0]. */
  offset: number;
  /** Axis drawn as rows / columns (defaults: the last two). */
  rowAxis?: number;
  colAxis?: number;
  /** Index on every axis (entries for the row/col axes are ignored). */
  fixed?: readonly number[];
  cell?: number;
  /** 1-D arrays longer than this wrap onto several rows (0: never). */
  wrap?: number;
}

export interface GridCell {
  key: string;
  idx: number[];
  /** C-order flat index (into `values`). */
  flat: number;
  r: number;
  c: number;
  x: number;
  y: number;
  address: number;
}

export interface GridGeometry {
  rows: number;
  cols: number;
  rowAxis: number;
  colAxis: number;
  /** Axes not drawn, with their fixed index. */
  fixed: number[];
  /** Number of slabs behind this one (≥3-D). */
  slabs: number;
  cell: number;
  width: number;
  height: number;
  /** Cell count of the slab (rows × cols, or n for a wrapped 1-D array). */
  count: number;
  /** Cells per row of a wrapped 1-D array (0 when not wrapped). */
  wrap: number;
}

export function addressOf(
  idx: readonly number[],
  strides: readonly number[],
  offset: number,
): number {
  let a = offset;
  for (let d = 0; d < idx.length; d++) a += (idx[d] as number) * (strides[d] as number);
  return a;
}

export function flatIndex(idx: readonly number[], shape: readonly number[]): number {
  let f = 0;
  for (let d = 0; d < shape.length; d++) f = f * (shape[d] as number) + (idx[d] as number);
  return f;
}

export function unflatten(flat: number, shape: readonly number[]): number[] {
  const idx = new Array<number>(shape.length).fill(0);
  for (let d = shape.length - 1; d >= 0; d--) {
    const n = shape[d] as number;
    idx[d] = n === 0 ? 0 : flat % n;
    flat = n === 0 ? 0 : Math.floor(flat / n);
  }
  return idx;
}

/** The drawn axes and fixed indices, validated (clamped) against the shape. */
export function gridGeometry(spec: GridSpec): GridGeometry {
  const nd = spec.shape.length;
  const cell = spec.cell ?? 34;
  let rowAxis = -1;
  let colAxis = -1;
  if (nd === 1) colAxis = 0;
  else if (nd >= 2) {
    colAxis =
      spec.colAxis !== undefined && spec.colAxis >= 0 && spec.colAxis < nd ? spec.colAxis : nd - 1;
    rowAxis =
      spec.rowAxis !== undefined && spec.rowAxis >= 0 && spec.rowAxis < nd ? spec.rowAxis : nd - 2;
    if (rowAxis === colAxis) rowAxis = colAxis === nd - 1 ? nd - 2 : nd - 1;
  }
  const fixed = spec.shape.map((n, d) => {
    const v = spec.fixed?.[d] ?? 0;
    return d === rowAxis || d === colAxis ? 0 : Math.max(0, Math.min(n - 1, Math.floor(v)));
  });
  let rows = rowAxis >= 0 ? (spec.shape[rowAxis] as number) : 1;
  let cols = colAxis >= 0 ? (spec.shape[colAxis] as number) : 1;
  const n1 = cols;
  const wrap =
    nd === 1 && spec.wrap !== undefined && spec.wrap > 0 && cols > spec.wrap ? spec.wrap : 0;
  if (wrap) {
    rows = Math.ceil(cols / wrap);
    cols = wrap;
  }
  let slabs = 1;
  spec.shape.forEach((n, d) => {
    if (d !== rowAxis && d !== colAxis) slabs *= n;
  });
  const empty = spec.shape.some((n) => n === 0);
  const count = empty ? 0 : wrap ? n1 : rows * cols;
  return {
    rows,
    cols,
    rowAxis,
    colAxis,
    fixed,
    slabs: empty ? 0 : slabs,
    cell,
    width: cols * cell,
    height: rows * cell,
    count,
    wrap,
  };
}

/** The index of the cell at (r, c) of the slab. */
export function cellIndex(g: GridGeometry, r: number, c: number): number[] {
  if (g.wrap) return [r * g.wrap + c];
  const idx = [...g.fixed];
  if (g.rowAxis >= 0) idx[g.rowAxis] = r;
  if (g.colAxis >= 0) idx[g.colAxis] = c;
  return idx;
}

/** Every cell of the slab (call only for slabs small enough to draw one element each). */
export function gridCells(spec: GridSpec, g: GridGeometry = gridGeometry(spec)): GridCell[] {
  const out: GridCell[] = [];
  if (g.count === 0) return out;
  for (let r = 0; r < g.rows; r++) {
    for (let c = 0; c < g.cols; c++) {
      if (g.wrap && r * g.wrap + c >= g.count) break;
      const idx = cellIndex(g, r, c);
      out.push({
        key: idx.join(','),
        idx,
        flat: flatIndex(idx, spec.shape),
        r,
        c,
        x: c * g.cell,
        y: r * g.cell,
        address: addressOf(idx, spec.strides, spec.offset),
      });
    }
  }
  return out;
}

/** `offset + i·s0 + j·s1 = address` with the numbers filled in (NumPy's byte units). */
export function addressFormula(
  idx: readonly number[],
  strides: readonly number[],
  offset: number,
): string {
  const terms = idx.map((i, d) => `${i}·${strides[d]}`);
  const addr = addressOf(idx, strides, offset);
  return `${[String(offset), ...terms].join(' + ')} = ${addr}`;
}

/** The symbolic form: `offset + i·s0 + j·s1` for the array's rank. */
export function addressSymbols(nd: number): string {
  const letters = ['i', 'j', 'k', 'l', 'm', 'n', 'o', 'p'];
  const terms = Array.from({ length: nd }, (_, d) => `${letters[d] ?? `i${d}`}·s${d}`);
  return ['offset', ...terms].join(' + ');
}

/**
 * NumPy-style summarization of an axis: all indices when n ≤ limit, else the first and last
 * `edge` indices with a gap (null) between them.
 */
export function summarizeAxis(n: number, limit: number, edge = 3): (number | null)[] {
  if (n <= limit) return Array.from({ length: n }, (_, i) => i);
  const head = Array.from({ length: edge }, (_, i) => i);
  const tail = Array.from({ length: edge }, (_, i) => n - edge + i);
  return [...head, null, ...tail];
}
