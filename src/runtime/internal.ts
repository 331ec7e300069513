/**
 * ndscope's runtime machinery: what other layers (trace, runner, extension, the WASM backend),
 * tests and benchmarks legitimately reach but users should not see in `np`. Kept apart from
 * `./index` (the public namespace) so none of it leaks into `np.*` or gets traced as a user op.
 *
 * Importing this file does not install the ndarray methods or the native kernels; import
 * `./index` too when a caller needs the whole runtime.
 */

// storage
export { alloc, free, view, wasmMemory, WasmBuffer } from './memory';

// ufunc machinery: kernel registry (op × dtype × backend), loop resolution, the generic driver
export {
  registerKernel,
  unregisterKernel,
  getKernel,
  setKernelBackends,
  kernelBackends,
  listKernels,
  UFUNC_DEFS,
  IDENTITY,
  loopTypes,
  applyUfunc,
  binary,
  unary,
  allocResult,
  resolveLoop,
  nep50,
  classify,
  maskedCopy,
  scalarArray,
} from './ufunc';
export type {
  Kernel,
  UnaryKernel,
  BinaryKernel,
  TernaryKernel,
  Binary2Kernel,
  Backend,
} from './ufunc';

// reductions: NumPy's pairwise float summation (the WASM backend swaps it in), the generic driver
export { pairwiseSum, pairwiseSum32, setPairwiseSum, reduceArray, sumDtype } from './reduce';

// linear algebra: the GEMM kernel registry
export { gemm, gemmReference, registerGemm } from './gemm';
export type { GemmKernel } from './gemm';

// indexing and memory overlap
export { getitem, setitem } from './indexing';
export { byteBounds, solveBoundedDiophantine } from './sharing';

// sorting kernels
export { argsortNumbers, radixArgsort } from './sorting';

// printing: the debugger's view of an ndarray; test reset of the print options
export { debugDescription, debugProperties, _resetPrintoptions } from './print';
export type { DebugProperties } from './print';

// random: the legacy global RandomState (`np.random.mtrand._rand`)
export { get_global_state } from './random/legacy';
