/**
 * NumPy's exception classes. Every error the runtime throws is an `Error` whose `name` is the
 * NumPy class name and whose `message` is NumPy's text, so users can compare with Python.
 */
export type NumPyErrorName =
  | 'ValueError'
  | 'IndexError'
  | 'TypeError'
  | 'LinAlgError'
  | 'AxisError'
  | 'OverflowError'
  | 'ZeroDivisionError'
  | 'NotImplementedError'
  | 'RuntimeError'
  | 'MemoryError'
  | 'KeyError';

export class NumPyError extends Error {
  constructor(name: NumPyErrorName, message: string) {
    super(message);
    this.name = name;
  }
}

export const ValueError = (msg: string): NumPyError => new NumPyError('ValueError', msg);
export const IndexError = (msg: string): NumPyError => new NumPyError('IndexError', msg);
export const TypeError_ = (msg: string): NumPyError => new NumPyError('TypeError', msg);
export const LinAlgError = (msg: string): NumPyError => new NumPyError('LinAlgError', msg);
export const OverflowError = (msg: string): NumPyError => new NumPyError('OverflowError', msg);
export const MemoryError = (msg: string): NumPyError => new NumPyError('MemoryError', msg);
export const NotImplementedError = (msg: string): NumPyError =>
  new NumPyError('NotImplementedError', msg);

/** NumPy's AxisError text: `axis 2 is out of bounds for array of dimension 2`. */
export const AxisError = (axis: number, ndim: number): NumPyError =>
  new NumPyError('AxisError', `axis ${axis} is out of bounds for array of dimension ${ndim}`);

/** Normalizes a possibly negative axis, throwing NumPy's AxisError when out of range. */
export function normalizeAxis(axis: number, ndim: number): number {
  if (!Number.isInteger(axis)) {
    throw TypeError_(`'${typeof axis === 'number' ? 'float' : typeof axis}' object cannot be interpreted as an integer`);
  }
  if (axis < -ndim || axis >= ndim) throw AxisError(axis, ndim);
  return axis < 0 ? axis + ndim : axis;
}

/** Normalizes an axis tuple; repeated axes raise NumPy's `repeated axis` ValueError. */
export function normalizeAxisTuple(axes: number | readonly number[], ndim: number): number[] {
  const list = typeof axes === 'number' ? [axes] : [...axes];
  const out = list.map((a) => normalizeAxis(a, ndim));
  if (new Set(out).size !== out.length) throw ValueError('repeated axis');
  return out;
}
