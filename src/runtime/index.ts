/**
 * ndscope's NumPy namespace: `import * as np from 'ndscope'`.
 *
 * Each area module exports its functions here and adds its methods to NDArray.prototype
 * (module augmentation), so importing this file installs every method.
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

export * from './creation';
export * from './shape';
export * from './indexing';
export * from './sharing';
export * from './ufunc';
export * from './reduce';
export * from './sorting';
export * from './products';
export * from './print';
export * as linalg from './linalg';
export * as random from './random';
export * from './io';
// last: installs the native WASM SIMD kernels into the registries above (TS fallback)
import './wasm';

export const newaxis = null;
export const pi = Math.PI;
export const e = Math.E;
export const inf = Infinity;
export const nan = NaN;
export const euler_gamma = 0.5772156649015329;
