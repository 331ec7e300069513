/** In-place Fisher–Yates shuffles over ndarray memory, as numpy's `_shuffle_raw`. */
import { normalizeAxis } from '../errors';
import type { NDArray } from '../ndarray';
import type { BitGen } from './bitgen';
import { randomInterval } from './distributions';

/** Element offsets (relative to sub-array start) of one slab `x[i, ...]` along `axis`, C order. */
function slabOffsets(x: NDArray, axis: number): number[] {
  const dims: number[] = [];
  const strides: number[] = [];
  x._shape.forEach((d, i) => {
    if (i !== axis) {
      dims.push(d);
      strides.push(x._strides[i]!);
    }
  });
  const out: number[] = [];
  const idx = new Array<number>(dims.length).fill(0);
  const total = dims.reduce((a, b) => a * b, 1);
  for (let k = 0; k < total; k++) {
    let off = 0;
    for (let d = 0; d < dims.length; d++) off += idx[d]! * strides[d]!;
    out.push(off);
    for (let d = dims.length - 1; d >= 0; d--) {
      if (++idx[d]! < dims[d]!) break;
      idx[d] = 0;
    }
  }
  return out;
}

/** Shuffles `x` along `axis` in place: for i = n-1 … 1, swap slab i with slab random_interval(i). */
export function shuffleAxis(g: BitGen, x: NDArray, axis: number): void {
  x._assertWriteable();
  if (x.size === 0) return;
  const ax = normalizeAxis(axis, x.ndim);
  const n = x._shape[ax]!;
  const st = x._strides[ax]!;
  const rel = slabOffsets(x, ax);
  const d = x._data() as unknown as { [i: number]: number | bigint };
  const s = x._start;
  for (let i = n - 1; i >= 1; i--) {
    const j = randomInterval(g, i);
    if (i === j) continue;
    const bi = s + i * st;
    const bj = s + j * st;
    for (const r of rel) {
      const t = d[bj + r]!;
      d[bj + r] = d[bi + r]!;
      d[bi + r] = t;
    }
  }
}

/** Shuffles each 1-D lane along `axis` independently (lanes in C order of the other axes). */
export function shuffleLanes(g: BitGen, x: NDArray, axis: number): void {
  const ax = normalizeAxis(axis, x.ndim);
  const n = x._shape[ax]!;
  const st = x._strides[ax]!;
  const rel = slabOffsets(x, ax);
  const d = x._data() as unknown as { [i: number]: number | bigint };
  const s = x._start;
  if (n === 0) return;
  for (const r of rel) {
    for (let i = n - 1; i >= 1; i--) {
      const j = randomInterval(g, i);
      const pi = s + r + i * st;
      const pj = s + r + j * st;
      const t = d[pj]!;
      d[pj] = d[pi]!;
      d[pi] = t;
    }
  }
}
