/**
 * Argument conventions shared by every API function: NumPy keyword arguments arrive as a trailing
 * plain options object; NumPy's positional forms work too (`a.reshape(3, 4)`, `a.sum(0)`).
 */
import { TypeError_ } from './errors';

/** A plain `{…}` object (not an array, ndarray, typed array or class instance). */
export function isPlainObject(x: unknown): x is Record<string, unknown> {
  if (x === null || typeof x !== 'object' || Array.isArray(x)) return false;
  const p = Object.getPrototypeOf(x) as unknown;
  return p === Object.prototype || p === null;
}

/** Splits a trailing options object off `args`. */
export function splitOpts<T extends object>(args: readonly unknown[]): [unknown[], T] {
  if (args.length > 0 && isPlainObject(args[args.length - 1])) {
    return [args.slice(0, -1), args[args.length - 1] as T];
  }
  return [[...args], {} as T];
}

/**
 * A shape given as `[3, 4]`, `3`, or spread positional ints `(3, 4)`; NumPy's TypeError otherwise.
 */
export function toShape(x: unknown, rest: readonly unknown[] = []): number[] {
  let dims: unknown[];
  if (Array.isArray(x)) dims = x;
  else if (rest.length > 0) dims = [x, ...rest];
  else dims = [x];
  return dims.map((d) => {
    if (typeof d === 'bigint') return Number(d);
    if (typeof d !== 'number' || !Number.isInteger(d)) {
      throw TypeError_(`'${typeof d === 'number' ? 'float' : d === null ? 'NoneType' : typeof d}' object cannot be interpreted as an integer`);
    }
    return d;
  });
}
