/**
 * The one-mask / one-index-array fast paths of indexing.ts (gather kernels) against the general
 * advanced-index path: `a[x]` and `a[x, ...]` are the same NumPy index, but only the first takes
 * the fast path. Values, dtype, shape, strides, flags and error texts must agree, on both
 * backends. Layout expectations quoted from numpy 2.4 are marked.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as np from '../../src/runtime/index';
import { useBackend, backendStatus } from '../../src/runtime/wasm/index';
import { rng } from '../helpers/rng';

type A = np.NDArray;

function outcome(f: () => unknown): unknown {
  try {
    const r = f() as A;
    return {
      values: r.tolist(),
      dtype: r.dtype,
      shape: r.shape,
      strides: r.strides,
      c: r.flags.c_contiguous,
      f: r.flags.f_contiguous,
      own: r.flags.owndata,
    };
  } catch (e) {
    return { error: (e as Error).name, msg: (e as Error).message };
  }
}

const DTYPES = [
  'bool',
  'int8',
  'uint16',
  'int32',
  'float32',
  'int64',
  'uint64',
  'float64',
] as const;

function source(r: () => number, dtype: string): A {
  const shape = [1 + Math.floor(r() * 6), 1 + Math.floor(r() * 5)];
  let a = np
    .arange(shape[0]! * shape[1]!)
    .reshape(shape)
    .astype(dtype) as A;
  const k = r();
  if (k < 0.25) a = a.T;
  else if (k < 0.5) a = a.get('::-1') as A;
  else if (k < 0.6) a = a.get(':, ::2') as A;
  return r() < 0.4 ? (a.reshape(-1) as A) : a;
}

function indexFor(r: () => number, a: A): A {
  const n = a.shape[0]!;
  const len = Math.floor(r() * 7);
  const vals = Array.from({ length: len }, () => Math.floor(r() * (2 * n + 2)) - n - 1);
  const dt = (['int64', 'int32', 'uint8', 'int16'] as const)[Math.floor(r() * 4)]!;
  const base = np.array(vals.length ? vals : [0]) as A;
  let x = (dt === 'uint8' ? np.abs(base) : base).astype(dt) as A;
  if (r() < 0.3 && x.size >= 2) x = x.get('::-1') as A;
  if (r() < 0.3 && x.size % 2 === 0) x = (x.reshape(2, -1) as A).T;
  return x;
}

describe('indexing fast paths = general path (a[x] vs a[x, ...])', () => {
  for (const backend of ['wasm', 'ts'] as const) {
    it(`${backend} backend: random sources, dtypes, masks and index arrays (get and set)`, (t) => {
      if (backend === 'wasm' && backendStatus().module === null) {
        t.diagnostic('WASM module not built: wasm run skipped');
        return;
      }
      const prev = useBackend(backend);
      try {
        const r = rng(77);
        for (let trial = 0; trial < 300; trial++) {
          const dt = DTYPES[trial % DTYPES.length]!;
          const a = source(r, dt);
          const useMask = r() < 0.4;
          const x = useMask
            ? (np.greater(
                np.random.default_rng(trial).random(a.shape.slice(0, r() < 0.5 ? 1 : a.ndim)),
                0.5,
              ) as A)
            : indexFor(r, a);
          const what = `${trial} ${dt} a${JSON.stringify(a.shape)}/${JSON.stringify(a.strides)} x${JSON.stringify(x.shape)} ${x.dtype}`;
          assert.deepEqual(
            outcome(() => a.get(x)),
            outcome(() => a.get(x, '...')),
            `get ${what}`,
          );
          // set: a scalar and (for full masks / 1-d) a value of the selection's size
          const a1 = a.copy() as A;
          const a2 = a.copy() as A;
          const e1 = outcome(() => (a1.set(x, 1), a1));
          const e2 = outcome(() => (a2.set(x, '...', 1), a2));
          assert.deepEqual(e1, e2, `set scalar ${what}`);
        }
      } finally {
        useBackend(prev);
      }
    });
  }

  it('a result indexed by arrays only takes the index arrays memory order (numpy 2.4)', () => {
    const a = np.arange(10, { dtype: 'float64' }) as A;
    const i = (
      np.array([
        [0, 1, 2],
        [3, 4, 5],
      ]) as A
    ).T;
    const r = a.get(i) as A;
    // numpy: a[i].strides == (8, 24); values [[0, 3], [1, 4], [2, 5]]
    assert.deepEqual(r.strides, [8, 24]);
    assert.deepEqual(r.tolist(), [
      [0, 3],
      [1, 4],
      [2, 5],
    ]);
    const b = np.arange(12, { dtype: 'float64' }).reshape(3, 4) as A;
    const r2 = b.get(np.remainder(i, 3), np.remainder(i, 4)) as A;
    // numpy: b[i%3, i%4].strides == (8, 24); values [[0, 3], [5, 4], [10, 9]]
    assert.deepEqual(r2.strides, [8, 24]);
    assert.deepEqual(r2.tolist(), [
      [0, 3],
      [5, 4],
      [10, 9],
    ]);
    // with a subspace the broadcast dims stay C-ordered: numpy b[i%3].strides == (64, 32, 8)
    assert.deepEqual((b.get(np.remainder(i, 3)) as A).strides, [64, 32, 8]);
  });
});
