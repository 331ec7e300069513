/**
 * Memory sharing: `np.shares_memory` (exact, as NumPy's `solve_may_share_memory` with unbounded
 * work), `np.may_share_memory` (byte bounds only) and `np.lib.stride_tricks.as_strided`.
 *
 * Two arrays share memory when they live in the same WasmBuffer and some byte is addressed by
 * both. As NumPy does, the question becomes a bounded Diophantine equation with positive
 * coefficients: Σ |stride_i|·x_i = rhs, 0 ≤ x_i ≤ u_i (one term per non-trivial dim of either
 * array, plus a term for each itemsize), solved exactly by a pruned depth-first search whose last
 * two variables are solved in closed form with the extended Euclid algorithm.
 */
import { DTYPE_INFO } from './dtype';
import { AxisError, TypeError_, ValueError } from './errors';
import { NDArray, isNDArray, type ArrayLike } from './ndarray';
import { isPlainObject } from './args';

/** [start, end) byte extents of `a` inside its buffer (end === start when empty). */
export function byteBounds(a: NDArray): [number, number] {
  const isz = DTYPE_INFO[a.dtype].itemsize;
  const base = a._offset * isz;
  if (a.size === 0) return [base, base];
  let lo = base;
  let hi = base;
  for (let i = 0; i < a._shape.length; i++) {
    const ext = ((a._shape[i] as number) - 1) * (a._strides[i] as number) * isz;
    if (ext < 0) lo += ext;
    else hi += ext;
  }
  return [lo, hi + isz];
}

interface Term {
  a: number;
  u: number;
}

function gcd(x: number, y: number): number {
  x = Math.abs(x);
  y = Math.abs(y);
  while (y) [x, y] = [y, x % y];
  return x;
}

/** Extended Euclid: [g, s, t] with s·x + t·y = g = gcd(x, y) (x, y > 0). */
function egcd(x: number, y: number): [number, number, number] {
  let [r0, r1] = [x, y];
  let [s0, s1] = [1, 0];
  let [t0, t1] = [0, 1];
  while (r1 !== 0) {
    const q = Math.floor(r0 / r1);
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
    [t0, t1] = [t1, t0 - q * t1];
  }
  return [r0, s0, t0];
}

const floorDiv = (p: number, q: number): number => Math.floor(p / q);
const ceilDiv = (p: number, q: number): number => Math.ceil(p / q);

/** Does a·x + b·y = r have a solution with 0 ≤ x ≤ ux, 0 ≤ y ≤ uy? */
function solve2(a: number, ua: number, b: number, ub: number, r: number): boolean {
  if (r < 0) return false;
  const [g, s, t] = egcd(a, b);
  if (r % g !== 0) return false;
  const k = r / g;
  // General solution: x = x0 + (b/g)·n, y = y0 − (a/g)·n. Use BigInt to avoid overflow.
  const B = BigInt;
  const x0 = B(s) * B(k);
  const y0 = B(t) * B(k);
  const bg = B(b / g);
  const ag = B(a / g);
  const bdiv = (p: bigint, q: bigint, up: boolean): bigint => {
    // floor or ceil of p/q for q > 0
    const d = p / q;
    const m = p % q;
    if (m === 0n) return d;
    if (up) return p > 0n ? d + 1n : d;
    return p > 0n ? d : d - 1n;
  };
  // 0 ≤ x0 + bg·n ≤ ua  →  n ≥ ceil(−x0/bg), n ≤ floor((ua − x0)/bg)
  let lo = bdiv(-x0, bg, true);
  let hi = bdiv(B(ua) - x0, bg, false);
  // 0 ≤ y0 − ag·n ≤ ub  →  n ≤ floor(y0/ag), n ≥ ceil((y0 − ub)/ag)
  const lo2 = bdiv(y0 - B(ub), ag, true);
  const hi2 = bdiv(y0, ag, false);
  if (lo2 > lo) lo = lo2;
  if (hi2 < hi) hi = hi2;
  return lo <= hi;
}

/** Exact: does Σ a_i·x_i = rhs have a solution with 0 ≤ x_i ≤ u_i? */
export function solveBoundedDiophantine(termsIn: readonly Term[], rhs: number): boolean {
  // Merge equal coefficients, drop useless ones, sort descending.
  const byA = new Map<number, number>();
  for (const t of termsIn) {
    if (t.a === 0 || t.u === 0) continue;
    byA.set(t.a, (byA.get(t.a) ?? 0) + t.u);
  }
  const terms = [...byA.entries()].map(([a, u]) => ({ a, u })).sort((p, q) => q.a - p.a);
  const n = terms.length;
  if (rhs < 0) return false;
  if (n === 0) return rhs === 0;
  // Suffix data for pruning: max reachable sum and gcd of the remaining coefficients.
  const maxSum = new Array<number>(n + 1).fill(0);
  const g = new Array<number>(n + 1).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    const t = terms[i] as Term;
    maxSum[i] = (maxSum[i + 1] as number) + t.a * t.u;
    g[i] = gcd(g[i + 1] as number, t.a);
  }
  const failed = new Set<string>();
  const rec = (i: number, r: number): boolean => {
    if (r === 0) return true;
    if (r < 0 || i >= n || r > (maxSum[i] as number) || r % (g[i] as number) !== 0) return false;
    const t = terms[i] as Term;
    if (i === n - 1) return r % t.a === 0 && r / t.a <= t.u;
    if (i === n - 2) {
      const t2 = terms[i + 1] as Term;
      return solve2(t.a, t.u, t2.a, t2.u, r);
    }
    const key = `${i},${r}`;
    if (failed.has(key)) return false;
    const rest = maxSum[i + 1] as number;
    // x must satisfy r − a·x ∈ [0, rest]
    const xmin = Math.max(0, ceilDiv(r - rest, t.a));
    const xmax = Math.min(t.u, floorDiv(r, t.a));
    for (let x = xmax; x >= xmin; x--) if (rec(i + 1, r - t.a * x)) return true;
    if (failed.size < 1_000_000) failed.add(key);
    return false;
  };
  return rec(0, rhs);
}

function overlapProblem(a: NDArray, b: NDArray): { terms: Term[]; rhs: number } | null {
  if (a.buffer !== b.buffer || a.size === 0 || b.size === 0) return null;
  const [s1, e1] = byteBounds(a);
  const [s2, e2] = byteBounds(b);
  if (!(s1 < e2 && s2 < e1)) return null;
  const terms: Term[] = [];
  for (const x of [a, b]) {
    const isz = DTYPE_INFO[x.dtype].itemsize;
    for (let i = 0; i < x._shape.length; i++) {
      const d = x._shape[i] as number;
      const s = Math.abs((x._strides[i] as number) * isz);
      if (d > 1 && s !== 0) terms.push({ a: s, u: d - 1 });
    }
    if (isz > 1) terms.push({ a: 1, u: isz - 1 });
  }
  return { terms, rhs: Math.min(e2 - 1 - s1, e1 - 1 - s2) };
}

function maxWorkOpt(args: unknown[]): void {
  const o = args[0];
  if (o === undefined || o === null) return;
  if (isPlainObject(o)) return;
  if (typeof o !== 'number')
    throw TypeError_(`'${typeof o}' object cannot be interpreted as an integer`);
}

/**
 * `np.shares_memory(a, b)`: exact. Non-arrays (lists, scalars) are converted to fresh arrays by
 * NumPy, so they never share.
 */
export function shares_memory(a: ArrayLike, b: ArrayLike, ...opts: unknown[]): boolean {
  maxWorkOpt(opts);
  if (!isNDArray(a) || !isNDArray(b)) return false;
  const p = overlapProblem(a, b);
  if (p === null) return false;
  return solveBoundedDiophantine(p.terms, p.rhs);
}

/** `np.may_share_memory(a, b)`: true when the byte extents in one buffer overlap. */
export function may_share_memory(a: ArrayLike, b: ArrayLike, ...opts: unknown[]): boolean {
  maxWorkOpt(opts);
  if (!isNDArray(a) || !isNDArray(b)) return false;
  const o = opts[0];
  const mw = isPlainObject(o) ? (o.max_work as number | undefined) : (o as number | undefined);
  if (mw !== undefined && mw !== null && mw !== 0) return shares_memory(a, b);
  return overlapProblem(a, b) !== null;
}

export interface AsStridedOptions {
  shape?: readonly number[] | null;
  /** BYTE strides, as NumPy. */
  strides?: readonly number[] | null;
  subok?: boolean;
  writeable?: boolean;
}

/**
 * `np.lib.stride_tricks.as_strided(x, {shape, strides, writeable})` with byte strides. Unlike
 * NumPy, views that would address bytes outside `x`'s buffer (or strides that are not multiples of
 * the itemsize) are refused with a ValueError instead of reading arbitrary memory.
 */
export function as_strided(x: NDArray, ...args: unknown[]): NDArray {
  let opts: AsStridedOptions = {};
  const last = args[args.length - 1];
  const pos = isPlainObject(last) ? args.slice(0, -1) : args;
  if (isPlainObject(last)) opts = last;
  const shapeArg = (pos[0] as readonly number[] | null | undefined) ?? opts.shape ?? null;
  const stridesArg = (pos[1] as readonly number[] | null | undefined) ?? opts.strides ?? null;
  const writeable = opts.writeable ?? true;
  if (!isNDArray(x)) throw TypeError_('as_strided expects an ndarray');
  const shape = shapeArg === null ? [...x._shape] : [...shapeArg];
  const isz = DTYPE_INFO[x.dtype].itemsize;
  let strides: number[];
  if (stridesArg === null) {
    if (shapeArg !== null && shape.length !== x.ndim) {
      throw ValueError(
        'as_strided: strides must be given when shape changes the number of dimensions',
      );
    }
    strides = [...x._strides];
  } else {
    if (stridesArg.length !== shape.length)
      throw ValueError('mismatch in length of strides and shape');
    strides = stridesArg.map((s) => {
      if (!Number.isInteger(s))
        throw TypeError_("'float' object cannot be interpreted as an integer");
      if (s % isz !== 0) {
        throw ValueError(
          `as_strided: byte stride ${s} is not a multiple of the itemsize ${isz} (ndscope keeps elements aligned)`,
        );
      }
      return s / isz;
    });
  }
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0) throw ValueError('negative dimensions are not allowed');
  }
  const v = x._view(shape, strides, x._offset, writeable && x._writeable);
  if (v.size > 0) {
    const [lo, hi] = byteBounds(v);
    if (lo < 0 || hi > x.buffer.nbytes) {
      throw ValueError(
        `as_strided: the view would address bytes [${lo}, ${hi}) outside the array's buffer of ${x.buffer.nbytes} bytes`,
      );
    }
  }
  return v;
}

/**
 * `np.lib.stride_tricks.sliding_window_view(x, window_shape, {axis, writeable})`: a read-only view
 * of every window, window dims appended last.
 */
export function sliding_window_view(
  x: NDArray,
  windowShape: number | readonly number[],
  ...args: unknown[]
): NDArray {
  const last = args[args.length - 1];
  const opts = (isPlainObject(last) ? last : {}) as {
    axis?: number | readonly number[] | null;
    writeable?: boolean;
  };
  const posAxis = isPlainObject(last) ? args[0] : args[0];
  const axisArg =
    (isPlainObject(posAxis) ? undefined : (posAxis as number | readonly number[] | undefined)) ??
    opts.axis ??
    null;
  const ws = typeof windowShape === 'number' ? [windowShape] : [...windowShape];
  const nd = x.ndim;
  let axes: number[];
  if (axisArg === null) {
    if (ws.length !== nd) {
      throw ValueError(
        `Since axis is \`None\`, must provide window_shape for all dimensions of \`x\`; got ${ws.length} window_shape elements and \`x.ndim\` is ${nd}.`,
      );
    }
    axes = ws.map((_, i) => i);
  } else {
    axes = (typeof axisArg === 'number' ? [axisArg] : [...axisArg]).map((a) => {
      if (a < -nd || a >= nd) throw AxisError(a, nd);
      return a < 0 ? a + nd : a;
    });
    if (ws.length !== axes.length) {
      throw ValueError(
        `Must provide matching length window_shape and axis; got ${ws.length} window_shape elements and ${axes.length} axes elements.`,
      );
    }
  }
  if (ws.some((w) => w < 0)) throw ValueError('`window_shape` cannot contain negative values');
  const shape = [...x._shape];
  for (let i = 0; i < axes.length; i++) {
    const ax = axes[i] as number;
    const w = ws[i] as number;
    if ((shape[ax] as number) < w)
      throw ValueError('window shape cannot be larger than input array shape');
    shape[ax] = (shape[ax] as number) - w + 1;
  }
  const strides = [...x._strides, ...axes.map((a) => x._strides[a] as number)];
  return x._view([...shape, ...ws], strides, x._offset, (opts.writeable ?? false) && x._writeable);
}

/**
 * `np.lib.array_utils.byte_bounds(a)`: [low, high) byte addresses of `a` in the runtime's linear
 * memory (NumPy gives process addresses).
 */
export function byte_bounds(a: NDArray): [number, number] {
  const [lo, hi] = byteBounds(a);
  const p = a.buffer.ptr;
  return [p + lo, p + hi];
}

export const lib = {
  stride_tricks: { as_strided, sliding_window_view },
  array_utils: { byte_bounds },
};
