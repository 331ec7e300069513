/** Shared helpers of the random namespace: size handling, output allocation, param broadcast. */
import { splitOpts, toShape } from '../args';
import { asarray, toJS } from '../convert';
import { DTYPE_INFO, normalizeDtype, type DType } from '../dtype';
import { TypeError_, ValueError, normalizeAxis } from '../errors';
import { broadcastShapes } from '../iter';
import { NDArray, type ArrayLike } from '../ndarray';
import { broadcast_to } from '../shape';

/** NumPy's `size` argument: null/undefined → a scalar result, an int or a shape. */
export type Size = number | readonly number[] | null | undefined;

export function sizeShape(size: Size): number[] | null {
  if (size === null || size === undefined) return null;
  const s = toShape(size);
  for (const d of s) if (d < 0) throw ValueError('negative dimensions are not allowed');
  return s;
}

/** Splits `(args…, {opts})` into positional values assigned to `names` merged with options. */
export function params<T extends object>(args: readonly unknown[], names: readonly string[]): T {
  const [pos, opts] = splitOpts<Record<string, unknown>>(args);
  const out: Record<string, unknown> = { ...opts };
  pos.forEach((v, i) => {
    const name = names[i];
    if (name === undefined)
      throw TypeError_(`takes at most ${names.length} positional arguments (${pos.length} given)`);
    out[name] = v;
  });
  return out as T;
}

export function floatDtype(d: unknown, method: string): 'float64' | 'float32' {
  let dt: string;
  try {
    dt = d === undefined || d === null ? 'float64' : normalizeDtype(d);
  } catch {
    dt = String(d);
  }
  if (dt !== 'float64' && dt !== 'float32') {
    throw TypeError_(`Unsupported dtype dtype('${dt}') for ${method}`);
  }
  return dt;
}

/** Fills a new float array of `shape` (or returns one scalar) with `fn()`. */
export function fillFloat(
  shape: number[] | null,
  dtype: 'float64' | 'float32',
  fn: () => number,
  out?: NDArray | null,
): number | NDArray {
  if (out) {
    if (out.dtype !== dtype)
      throw TypeError_(
        `Supplied output array has the wrong type. Expected ${dtype}, got ${out.dtype}`,
      );
    if (shape && (shape.length !== out.ndim || shape.some((d, i) => d !== out._shape[i]))) {
      throw ValueError('size must match out.shape when used together');
    }
    if (!out.flags.c_contiguous)
      throw ValueError(
        'Supplied output array must be contiguous, writable, aligned, and in machine byte-order.',
      );
    const n = out.size;
    const vals = new Float64Array(n);
    for (let i = 0; i < n; i++) vals[i] = fn();
    const d = out._data();
    const s = out._start;
    for (let i = 0; i < n; i++) d[s + i] = vals[i]!;
    return out;
  }
  if (shape === null) return fn();
  const a = NDArray.empty(shape, dtype, false);
  const d = a._data() as Float64Array | Float32Array;
  const n = a.size;
  const s0 = a._start;
  for (let i = 0; i < n; i++) d[s0 + i] = fn();
  return a;
}

export interface ParamArray {
  shape: number[];
  values: Float64Array;
  scalar: boolean;
  arr: NDArray;
}

/** A float64 distribution parameter (scalar or array). */
export function floatParam(x: ArrayLike): ParamArray {
  const a = asarray(x, { dtype: 'float64' });
  return {
    shape: [...a._shape],
    values: Float64Array.from(a._values() as number[]),
    scalar: a.ndim === 0,
    arr: a,
  };
}

/** Values of `p` broadcast to `shape` in C order. */
export function broadcastValues(p: ParamArray, shape: readonly number[]): Float64Array {
  if (p.scalar) return new Float64Array(shapeSizeOf(shape)).fill(p.values[0]!);
  const b = broadcast_to(p.arr, shape);
  return Float64Array.from(b._values() as number[]);
}

function shapeSizeOf(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/**
 * NumPy's `cont()` for float64 distributions with array parameters: the output shape is `size`
 * or the broadcast of the parameters; `fn(p0, p1)` per element in C order.
 */
export function cont(
  size: Size,
  ps: ParamArray[],
  fn: (...v: number[]) => number,
  out?: NDArray | null,
): number | NDArray {
  const shape = sizeShape(size);
  if (ps.every((p) => p.scalar)) {
    const v = ps.map((p) => p.values[0]!);
    return fillFloat(shape, 'float64', () => fn(...v), out);
  }
  const bshape = broadcastShapes(ps.map((p) => p.shape));
  const target = shape ?? (out ? [...out._shape] : bshape);
  if (shape) {
    const bb = broadcastShapes([target, bshape]);
    if (bb.length !== target.length || bb.some((d, i) => d !== target[i])) {
      throw ValueError(
        `shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg 0 with shape (${target.join(', ')}${target.length === 1 ? ',' : ''}) and arg 1 with shape (${bshape.join(', ')}${bshape.length === 1 ? ',' : ''}).`,
      );
    }
  }
  const vals = ps.map((p) => broadcastValues(p, target));
  let i = 0;
  return fillFloat(
    target,
    'float64',
    () => {
      const r = fn(...vals.map((v) => v[i]!));
      i++;
      return r;
    },
    out,
  );
}

export { toJS, DTYPE_INFO, normalizeAxis, type DType };
