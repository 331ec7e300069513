/**
 * The public namespace: every name on `np` (and on `np.linalg`, `np.random`, `np.lib.*`) is a
 * NumPy name (`dir()` of the module, recorded by numpy_names.py in numpy-names.json) or one of
 * the ndscope extras below, each with its reason. Internal machinery belongs in
 * src/runtime/internal.ts: a leak would show in `np` and be traced as a user op.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as np from '../../src/runtime/index';
import * as internal from '../../src/runtime/internal';

const here = dirname(fileURLToPath(import.meta.url));
const numpyNames = JSON.parse(readFileSync(join(here, 'numpy-names.json'), 'utf8')) as Record<
  string,
  string[]
>;

/** ndscope's public additions to `np`: name → why it is public though NumPy has no such name. */
const EXTRAS: Record<string, string> = {
  NDArray: 'the class under its TypeScript name (`np.ndarray` is the same class)',
  NumPyError: 'base class of every thrown NumPy error (`e instanceof np.NumPyError`, `e.name`)',
  configureMemory: 'sets the WebAssembly memory limits (no NumPy equivalent: NumPy uses malloc)',
  tidy: 'frees the temporaries of a synchronous block (FinalizationRegistry only runs between tasks)',
  memoryStats: 'live bytes/arrays in WebAssembly memory (the runner and benchmarks report it)',
  setReclaimHook:
    'runs a GC (Node --expose-gc) before WebAssembly memory grows, so synchronous loops reuse dropped arrays',
  enableParallelGemm: 'opt-in 2-thread GEMM on a shared WebAssembly memory (NumPy: BLAS threads)',
  disableParallelGemm: 'turns the 2-thread GEMM pool off again (NumPy: threadpoolctl)',
  backendStatus: 'which kernels run (WASM build or TS), as `np.show_config()` shows the BLAS',
  Slice: "the slice object `np.slice` builds (Python's builtin `slice` type)",
  slice: "Python's builtin `slice(start, stop, step)` as an index item: `a.get(np.slice(1, 5))`",
  format_scalar: 'prints a JS scalar as NumPy prints the scalar of a dtype (`str(np.float32(x))`)',
  scalar_repr: "repr of a JS scalar of a dtype, as NumPy's `repr(np.float32(x))`",
  save_bytes: '`np.save` to a Uint8Array (no file system in browsers and workers)',
  savez_bytes: '`np.savez` to a Uint8Array (no file system in browsers and workers)',
  savez_compressed_bytes: '`np.savez_compressed` to a Uint8Array (no file system in browsers)',
  set_file_system: "plugs a file system into `np.save`/`np.load` where Node's fs is missing",
  NpzFile: "what `np.load` returns for .npz (NumPy's `np.lib.npyio.NpzFile`)",
};

/** Each namespace on `np` and the NumPy module whose `dir()` it mirrors. */
const NAMESPACES: [string, object][] = [
  ['numpy', np],
  ['numpy.linalg', np.linalg],
  ['numpy.random', np.random],
  ['numpy.lib', np.lib],
  ['numpy.lib.stride_tricks', np.lib.stride_tricks],
  ['numpy.lib.array_utils', np.lib.array_utils],
];

describe('the np namespace', () => {
  for (const [module, ns] of NAMESPACES) {
    it(`exports only ${module}'s names${module === 'numpy' ? ' and the listed extras' : ''}`, () => {
      const known = new Set(numpyNames[module]);
      assert.ok(known.size > 0, `numpy-names.json lacks ${module}: rerun numpy_names.py`);
      const extras = module === 'numpy' ? EXTRAS : {};
      const leaks = Object.keys(ns).filter((k) => !known.has(k) && !(k in extras));
      assert.deepEqual(leaks, [], `not NumPy names (move them to src/runtime/internal.ts)`);
    });
  }

  it('keeps the extras list current: each extra exists and is not a NumPy name', () => {
    const known = new Set(numpyNames.numpy);
    for (const k of Object.keys(EXTRAS)) {
      assert.ok(k in np, `np.${k} is listed as an extra but not exported`);
      assert.ok(!known.has(k), `np.${k} is a NumPy name: drop it from EXTRAS`);
    }
  });

  it('keeps the machinery out of np', () => {
    for (const k of [
      'applyUfunc',
      'getKernel',
      'registerKernel',
      'pairwiseSum',
      'getitem',
      'setitem',
      'byteBounds',
      'solveBoundedDiophantine',
      'wasmMemory',
    ]) {
      assert.ok(k in internal, `internal.ts should export ${k}`);
      assert.ok(!(k in np), `np.${k} leaks`);
    }
  });

  it('exposes the NumPy names the README promises', () => {
    for (const k of ['ndarray', 'newaxis', 'pi', 'e', 'inf', 'nan', 'linalg', 'random', 'lib']) {
      assert.ok(k in np, `np.${k} is missing`);
    }
    assert.equal(np.ndarray, np.NDArray);
  });
});
