/**
 * `show(...)` prints like Python's `print(...)`, so each example's output can be compared line by
 * line with its NumPy twin in examples/numpy/: booleans as True/False, number lists (shapes,
 * strides) as tuples `(3, 4)`, ndarrays as NumPy's `str`.
 */
import * as np from 'ndscope';

export function fmt(x: unknown): string {
  if (typeof x === 'boolean') return x ? 'True' : 'False';
  if (x instanceof np.ndarray) return String(x);
  if (Array.isArray(x) && x.every((v) => typeof v === 'number')) {
    return x.length === 1 ? `(${x[0]},)` : `(${x.join(', ')})`;
  }
  return String(x);
}

export function show(...args: unknown[]): void {
  console.log(args.map(fmt).join(' '));
}
