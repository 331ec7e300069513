/**
 * Broadcasting and strided iteration: the machinery around dumb 1-D inner loops.
 * Kernels see (count, data, index, stride) per operand; this layer broadcasts (stride 0),
 * drops size-1 dims and collapses dims that are contiguous for every operand.
 */
import { ValueError } from './errors';
import type { NDArray } from './ndarray';

/** NumPy's tuple text without spaces, as in broadcast errors: `(3,4)`, `(3,)`, `()`. */
export function shapeStrTight(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(',')})`;
}

/** NumPy's tuple repr: `(3, 4)`, `(3,)`, `()`. */
export function shapeStr(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

/** The broadcast shape, or null when the shapes do not broadcast. */
export function tryBroadcastShapes(shapes: readonly (readonly number[])[]): number[] | null {
  let nd = 0;
  for (const s of shapes) nd = Math.max(nd, s.length);
  const out = new Array<number>(nd).fill(1);
  for (const s of shapes) {
    const pad = nd - s.length;
    for (let i = 0; i < s.length; i++) {
      const d = s[i] as number;
      const o = out[pad + i] as number;
      if (d === o || d === 1) continue;
      if (o === 1) out[pad + i] = d;
      else return null;
    }
  }
  return out;
}

/**
 * The broadcast shape of operands of a ufunc. Throws NumPy's ufunc text:
 * `operands could not be broadcast together with shapes (3,4) (3,) `.
 */
export function broadcastShapes(shapes: readonly (readonly number[])[]): number[] {
  const r = tryBroadcastShapes(shapes);
  if (r === null) {
    throw ValueError(`operands could not be broadcast together with shapes ${shapes.map(shapeStrTight).join(' ')} `);
  }
  return r;
}

/** Element strides of `a` broadcast to `shape` (0 on stretched or new dims). */
export function broadcastStrides(a: NDArray, shape: readonly number[]): number[] {
  const nd = shape.length;
  const pad = nd - a._shape.length;
  const out = new Array<number>(nd).fill(0);
  for (let i = 0; i < a._shape.length; i++) {
    out[pad + i] = a._shape[i] === 1 && shape[pad + i] !== 1 ? 0 : (a._strides[i] as number);
  }
  return out;
}

export interface Operand {
  /** Index of element [0,…] in the operand's typed array. */
  start: number;
  /** Element strides, already broadcast to the loop shape. */
  strides: readonly number[];
}

/**
 * Simplifies a loop: drops size-1 dims and merges dims i, i+1 when every operand steps through
 * them as one (stride[i] == stride[i+1]·shape[i+1]). Returns the reduced shape and strides.
 */
export function collapse(shape: readonly number[], strides: readonly (readonly number[])[]): { shape: number[]; strides: number[][] } {
  const k = strides.length;
  const sh: number[] = [];
  // (a loop: `Array.from({ length: k }, …)` costs ~10× as much in V8, on every ufunc call)
  const st: number[][] = [];
  for (let j = 0; j < k; j++) st.push([]);
  for (let i = 0; i < shape.length; i++) {
    const d = shape[i] as number;
    if (d === 1) continue;
    if (sh.length > 0) {
      const last = sh.length - 1;
      let ok = true;
      for (let j = 0; j < k; j++) {
        const sj = st[j] as number[];
        if (sj[last] !== (strides[j] as readonly number[])[i]! * d) {
          ok = false;
          break;
        }
      }
      if (ok) {
        sh[last] = (sh[last] as number) * d;
        for (let j = 0; j < k; j++) (st[j] as number[])[last] = (strides[j] as readonly number[])[i] as number;
        continue;
      }
    }
    sh.push(d);
    for (let j = 0; j < k; j++) (st[j] as number[]).push((strides[j] as readonly number[])[i] as number);
  }
  return { shape: sh, strides: st };
}

export type Inner1 = (n: number, i0: number, s0: number) => void;
export type Inner2 = (n: number, i0: number, s0: number, i1: number, s1: number) => void;
export type Inner3 = (n: number, i0: number, s0: number, i1: number, s1: number, i2: number, s2: number) => void;

/** A loop after `collapse`: its shape and each operand's strides (any one unit per operand). */
export interface Collapsed {
  shape: readonly number[];
  strides: readonly (readonly number[])[];
}

/**
 * The one strided odometer: walks the collapsed loop `c` in C order and calls `run(n, p, s)` once
 * per innermost run, with the run length `n`, each operand's position `p[k]` (`starts[k]` plus
 * the outer dims' steps) and its inner stride `s[k]`, in the unit of `starts`/`c.strides` (give
 * both in bytes or both in elements per operand). `starts` is taken over as `p`: pass a fresh
 * array. `p` and `s` are reused between runs: read them inside `run`, never keep them (`run` may
 * scribble on them). An empty loop makes no call; a 0-d one makes one call with n = 1, strides 0.
 */
export function walkRuns(
  c: Collapsed,
  starts: number[],
  run: (n: number, p: number[], s: number[]) => void,
): void {
  const sh = c.shape;
  const st = c.strides;
  const nd = sh.length;
  for (let i = 0; i < nd; i++) if (sh[i] === 0) return;
  const k = starts.length;
  const p = starts;
  const s = new Array<number>(k);
  if (nd === 0) {
    s.fill(0);
    run(1, p, s);
    return;
  }
  const last = nd - 1;
  const n = sh[last] as number;
  for (let j = 0; j < k; j++) s[j] = (st[j] as readonly number[])[last] as number;
  if (nd === 1) {
    run(n, p, s);
    return;
  }
  const pos = starts.slice();
  const idx = new Array<number>(last).fill(0);
  for (;;) {
    for (let j = 0; j < k; j++) {
      p[j] = pos[j] as number;
      s[j] = (st[j] as readonly number[])[last] as number;
    }
    run(n, p, s);
    let d = last - 1;
    for (; d >= 0; d--) {
      idx[d] = (idx[d] as number) + 1;
      for (let j = 0; j < k; j++)
        pos[j] = (pos[j] as number) + ((st[j] as readonly number[])[d] as number);
      if ((idx[d] as number) < (sh[d] as number)) break;
      for (let j = 0; j < k; j++) {
        const sd = (st[j] as readonly number[])[d] as number;
        pos[j] = (pos[j] as number) - sd * (sh[d] as number);
      }
      idx[d] = 0;
    }
    if (d < 0) return;
  }
}

/**
 * Runs `inner` over every 1-D run of the (collapsed) loop (`walkRuns` after `collapse`). Operand
 * strides are in elements. `starts` and `strides` are reused between runs: read them inside
 * `inner`, never keep them.
 */
export function loop(shape: readonly number[], ops: readonly Operand[], inner: (n: number, starts: number[], strides: number[]) => void): void {
  for (let i = 0; i < shape.length; i++) if (shape[i] === 0) return;
  const k = ops.length;
  const starts = new Array<number>(k);
  const opStrides = new Array<readonly number[]>(k);
  for (let j = 0; j < k; j++) {
    const o = ops[j] as Operand;
    starts[j] = o.start;
    opStrides[j] = o.strides;
  }
  walkRuns(collapse(shape, opStrides), starts, inner);
}

export function loop1(shape: readonly number[], a: Operand, inner: Inner1): void {
  loop(shape, [a], (n, p, s) => inner(n, p[0] as number, s[0] as number));
}
export function loop2(shape: readonly number[], a: Operand, b: Operand, inner: Inner2): void {
  loop(shape, [a, b], (n, p, s) => inner(n, p[0] as number, s[0] as number, p[1] as number, s[1] as number));
}
export function loop3(shape: readonly number[], a: Operand, b: Operand, c: Operand, inner: Inner3): void {
  loop(shape, [a, b, c], (n, p, s) => inner(n, p[0] as number, s[0] as number, p[1] as number, s[1] as number, p[2] as number, s[2] as number));
}

/** The operand record of `a` broadcast to `shape`. */
export function operand(a: NDArray, shape: readonly number[] = a._shape): Operand {
  return { start: a._start, strides: shape === a._shape ? a._strides : broadcastStrides(a, shape) };
}

/**
 * nditer's axis order (`npyiter_find_best_axis_ordering`), innermost axis first: an insertion
 * sort on |stride| starting from C order, where an operand with a zero stride on either axis has
 * no say, and an axis moves inward only if the first operand with a say asks for it and none
 * objects. `strideSets[k][axis]` is operand k's stride on each of the `nd` axes (any unit; give
 * 0 for size-1 and broadcast axes so they have no say).
 */
export function bestAxisOrder(nd: number, strideSets: readonly (readonly number[])[]): number[] {
  const perm: number[] = [];
  for (let i = nd - 1; i >= 0; i--) perm.push(i);
  for (let i0 = 1; i0 < nd; i0++) {
    const j0 = perm[i0] as number;
    let ipos = i0;
    for (let i1 = i0 - 1; i1 >= 0; i1--) {
      const j1 = perm[i1] as number;
      let ambig = true;
      let shouldSwap = false;
      for (const st of strideSets) {
        const s0 = Math.abs(st[j0] as number);
        const s1 = Math.abs(st[j1] as number);
        if (s0 !== 0 && s1 !== 0) {
          if (s1 <= s0) shouldSwap = false;
          else if (ambig) shouldSwap = true;
          ambig = false;
        }
      }
      if (!ambig) {
        if (shouldSwap) ipos = i1;
        else break;
      }
    }
    if (ipos !== i0) {
      perm.splice(i0, 1);
      perm.splice(ipos, 0, j0);
    }
  }
  return perm;
}
