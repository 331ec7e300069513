/**
 * ndscope's NumPy namespace: `import * as np from 'ndscope'`.
 *
 * Each area module adds its functions here and its methods to NDArray.prototype.
 */
import './convert';

export { NDArray, NDArray as ndarray } from './ndarray';
export type { ArrayLike, Scalar, Flags } from './ndarray';
export type { DType, Casting } from './dtype';
export { promoteTypes as promote_types, canCast as can_cast, DTYPES as dtypes } from './dtype';
export { NumPyError } from './errors';
export { array, asarray, astype, frombuffer } from './convert';
export type { ArrayOptions, AstypeOptions } from './convert';
export { configureMemory, memoryStats, wasmMemory } from './memory';

export const newaxis = null;
export const pi = Math.PI;
export const e = Math.E;
export const inf = Infinity;
export const nan = NaN;
export const euler_gamma = 0.5772156649015329;
