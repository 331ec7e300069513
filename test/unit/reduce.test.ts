/**
 * Reductions: what the parity fixtures cannot express — JS result types, bit-exact pairwise
 * summation over many lengths (against an independent transcription of NumPy's
 * `pairwise_sum`), float32 arithmetic, int64 exactness and wraparound, `out=` identity, memory
 * growth during a reduction, method forms.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as np from '../../src/runtime/index';
import type { NDArray } from '../../src/runtime/index';

/** NumPy's pairwise_sum (numpy/_core/src/umath/loops_utils.h.src), transcribed for the test. */
function refPairwise(
  x: readonly number[],
  lo: number,
  n: number,
  f: (v: number) => number,
): number {
  if (n < 8) {
    let r = -0.0;
    for (let i = 0; i < n; i++) r = f(r + (x[lo + i] as number));
    return r;
  }
  if (n <= 128) {
    const r = x.slice(lo, lo + 8);
    let i = 8;
    for (; i < n - (n % 8); i += 8)
      for (let j = 0; j < 8; j++) r[j] = f((r[j] as number) + (x[lo + i + j] as number));
    const g = (k: number): number => r[k] as number;
    let res = f(f(f(g(0) + g(1)) + f(g(2) + g(3))) + f(f(g(4) + g(5)) + f(g(6) + g(7))));
    for (; i < n; i++) res = f(res + (x[lo + i] as number));
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return f(refPairwise(x, lo, n2, f) + refPairwise(x, lo + n2, n - n2, f));
}

/** A deterministic pseudo-random generator (xorshift32). */
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296 - 0.5;
  };
}

const id = (v: number): number => v;

describe('reduce: JS result types of full reductions', () => {
  it('sum of ints is a number, of bools too; all/any are booleans', () => {
    assert.equal(np.sum(np.array([1, 2, 3])), 6);
    assert.equal(np.sum(np.array([true, true, false])), 2);
    assert.equal(np.all(np.array([1, 2])), true);
    assert.equal(np.any(np.array([0, 0])), false);
    assert.equal(typeof np.mean(np.array([1, 2])), 'number');
    assert.equal(np.argmax(np.array([1, 9, 3])), 1);
  });
  it('int64 results outside the safe range are bigint, exact', () => {
    const a = np.array([2n ** 62n, 2n ** 62n - 1n, 5n]);
    assert.equal(np.sum(a), 2n ** 63n - 1n + 5n - 2n ** 64n); // wraps like NumPy int64
    assert.equal(np.sum(np.array([2n ** 53n, 1n])), 2n ** 53n + 1n);
    assert.equal(np.max(np.array([2n ** 60n + 1n, 2n ** 60n])), 2n ** 60n + 1n);
  });
  it('axis reductions give NDArrays; keepdims keeps the rank', () => {
    const a = np.array([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    const s = np.sum(a, { axis: 0, keepdims: true }) as NDArray;
    assert.deepEqual(s.shape, [1, 3]);
    assert.deepEqual(s.tolist(), [[5, 7, 9]]);
    assert.deepEqual((a.sum(1) as NDArray).tolist(), [6, 15]);
  });
});

describe('reduce: pairwise summation is bit-exact with NumPy', () => {
  const next = rng(12345);
  const lengths = [
    1, 7, 8, 9, 15, 16, 17, 127, 128, 129, 130, 255, 256, 257, 1000, 1023, 4097, 10000,
  ];
  it('float64, contiguous, every length', () => {
    for (const n of lengths) {
      const x = Array.from({ length: n }, () => next() * 1e3);
      assert.equal(np.sum(np.array(x)), refPairwise(x, 0, n, id), `n=${n}`);
    }
  });
  it('float64 rows (axis -1) and a transposed full reduction sum pairwise per run', () => {
    const rows = 5;
    const n = 300;
    const x = Array.from({ length: rows * n }, () => next());
    const a = np.array(x).reshape([rows, n]);
    const s = (np.sum(a, -1) as NDArray).tolist() as number[];
    for (let r = 0; r < rows; r++) assert.equal(s[r], refPairwise(x, r * n, n, id));
    // a.T is F-contiguous: NumPy iterates it in memory order, one run of rows*n
    assert.equal(np.sum(a.T), refPairwise(x, 0, rows * n, id));
  });
  it('float32 sums round every addition to float32', () => {
    const n = 1000;
    const x = Array.from({ length: n }, () => Math.fround(next() * 10));
    const got = np.sum(np.array(x, { dtype: 'float32' }));
    assert.equal(got, refPairwise(x, 0, n, Math.fround));
  });
  it('pairwise differs from naive left-to-right summation (the test can tell them apart)', () => {
    const x = Array.from({ length: 4096 }, (_, i) => (i % 2 ? 1e-3 : 1e8) + i * 1e-7);
    let naive = 0;
    for (const v of x) naive += v;
    assert.notEqual(refPairwise(x, 0, x.length, id), naive);
    assert.equal(np.sum(np.array(x)), refPairwise(x, 0, x.length, id));
  });
});

describe('reduce: options and memory', () => {
  it('out= returns the very array passed', () => {
    const a = np.array([
      [1.5, 2.5],
      [3.5, 4.5],
    ]);
    const out = np.array([0.5, 0.5]);
    assert.equal(np.sum(a, { axis: 0, out }), out);
    assert.deepEqual(out.tolist(), [5, 7]);
  });
  it('a reduction whose cast copy grows linear memory reads fresh views', () => {
    const a = np.ones([1500, 1500], { dtype: 'int8' });
    const s = np.sum(a, 0) as NDArray; // int8 → int64 cast copy (18 MB)
    assert.equal(s.dtype, 'int64');
    assert.equal(np.min(s), 1500);
    assert.equal(np.max(s), 1500);
  });
  it('average(returned) destructures', () => {
    const [avg, scl] = np.average(np.array([1, 2, 3, 4]), {
      weights: [1, 1, 1, 5],
      returned: true,
    }) as [number, number];
    assert.equal(avg, (1 + 2 + 3 + 20) / 8);
    assert.equal(scl, 8);
  });
  it('cumsum / argmax methods and positional dtype', () => {
    const a = np.array([
      [1, 2],
      [3, 4],
    ]);
    assert.deepEqual(a.cumsum().tolist(), [1, 3, 6, 10]);
    assert.deepEqual((a.argmax(0) as NDArray).tolist(), [1, 1]);
    const s = np.sum(a, 0, 'float32') as NDArray;
    assert.equal(s.dtype, 'float32');
  });
  it('errors carry NumPy class names', () => {
    assert.throws(() => np.sum(np.zeros([2, 2]), 2), {
      name: 'AxisError',
      message: 'axis 2 is out of bounds for array of dimension 2',
    });
    assert.throws(() => np.max(np.zeros([0])), {
      name: 'ValueError',
      message: 'zero-size array to reduction operation maximum which has no identity',
    });
  });
});
