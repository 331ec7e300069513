/**
 * Sorting and searching: in-place method semantics, named-tuple results, and properties of the
 * stable sorts on the large-array (radix) and small-array (merge) paths against a reference
 * comparator sort.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as np from '../../src/runtime/index';
import type { NDArray } from '../../src/runtime/index';
import { argsortNumbers, radixArgsort } from '../../src/runtime/internal';

/** NumPy's order: ascending, NaN last; ties by original index (stable). */
function refArgsort(x: readonly number[]): number[] {
  const key = (v: number): number => (Number.isNaN(v) ? Infinity : v);
  return x
    .map((_, i) => i)
    .sort((i, j) => {
      const a = x[i] as number;
      const b = x[j] as number;
      const an = Number.isNaN(a);
      const bn = Number.isNaN(b);
      if (an !== bn) return an ? 1 : -1;
      return key(a) - key(b) || i - j; // -0 == 0: a tie, as in NumPy
    });
}

function sample(n: number, seed: number): number[] {
  let s = seed;
  const specials = [NaN, -0, 0, Infinity, -Infinity, 5e-324, -5e-324, 1.5, -1.5];
  return Array.from({ length: n }, () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    const r = s / 2147483648;
    if (r < 0.1) return specials[Math.floor(r * 90)] as number;
    if (r < 0.5) return Math.round(r * 20) - 5; // many ties
    return (r - 0.75) * 1e6;
  });
}

describe('sorting: stable argsort paths', () => {
  for (const n of [0, 1, 17, 100, 2047, 2048, 5000]) {
    it(`argsortNumbers n=${n} equals the reference stable order (NaN last, -0 ties 0)`, () => {
      const x = sample(n, n + 7);
      assert.deepEqual(Array.from(argsortNumbers(x)), refArgsort(x));
    });
  }
  it('radixArgsort on small inputs too', () => {
    const x = sample(300, 3);
    assert.deepEqual(Array.from(radixArgsort(x)), refArgsort(x));
  });
  it('np.argsort (stable) over a 2-D array sorts each row', () => {
    const x = sample(3 * 3000, 11);
    const a = np.array(x).reshape([3, 3000]);
    const idx = np.argsort(a, { kind: 'stable' }).tolist() as number[][];
    for (let r = 0; r < 3; r++)
      assert.deepEqual(idx[r], refArgsort(x.slice(r * 3000, (r + 1) * 3000)));
  });
  it('np.sort of a large strided view equals the reference order', () => {
    const x = sample(6000, 5);
    const v = np.array(x).get('::2') as NDArray;
    const want = refArgsort(x.filter((_, i) => i % 2 === 0)).map((i) => x[2 * i] as number);
    const got = np.sort(v).tolist() as number[];
    assert.equal(got.length, want.length);
    for (let i = 0; i < got.length; i++)
      assert.ok(Object.is(got[i], want[i]) || (got[i] === 0 && want[i] === 0), `at ${i}`);
  });
});

describe('sorting: signed zeros', () => {
  it('a stable sort keeps -0 and 0 in their original order, as NumPy (numpy: 0., -0., -0., 0.)', () => {
    const got = np
      .sort(np.array([0.0, -0.0, 1.5, -0.0, 0.0, -1.5]), { kind: 'stable' })
      .tolist() as number[];
    const signs = got.map((v) => (Object.is(v, -0) ? '-0' : String(v)));
    assert.deepEqual(signs, ['-1.5', '0', '-0', '-0', '0', '1.5']);
  });
  it('also on the radix path (long lanes)', () => {
    const x = Array.from(
      { length: 3000 },
      (_, i) => [0.0, -0.0, 1.5, -0.0, 0.0, -1.5][i % 6] as number,
    );
    const got = np.sort(np.array(x), { kind: 'stable' }).tolist() as number[];
    const zeros = got.filter((v) => v === 0).map((v) => (Object.is(v, -0) ? '-0' : '0'));
    const want = x.filter((v) => v === 0).map((v) => (Object.is(v, -0) ? '-0' : '0'));
    assert.deepEqual(zeros, want);
  });
});

describe('sorting: methods and results', () => {
  it('a.sort() sorts in place, returns undefined, and writes through a view', () => {
    const base = np.array([
      [3, 1, 2],
      [9, 7, 8],
    ]);
    const row = base.get(1) as NDArray;
    assert.equal(row.sort(), undefined);
    assert.deepEqual(base.tolist(), [
      [3, 1, 2],
      [7, 8, 9],
    ]);
    base.sort(0);
    assert.deepEqual(base.tolist(), [
      [3, 1, 2],
      [7, 8, 9],
    ]);
  });
  it('np.sort returns a copy and leaves its input alone', () => {
    const a = np.array([3, 1, 2]);
    const s = np.sort(a);
    assert.deepEqual(s.tolist(), [1, 2, 3]);
    assert.deepEqual(a.tolist(), [3, 1, 2]);
    assert.equal(np.shares_memory(a, s), false);
  });
  it("sorting a read-only broadcast view in place raises NumPy's error", () => {
    const b = np.broadcast_to(np.array([3, 1]), [2, 2]);
    assert.throws(() => b.sort(), {
      name: 'ValueError',
      message: 'assignment destination is read-only',
    });
  });
  it('unique with several outputs destructures and names its fields', () => {
    const a = np.array([3, 1, 3, 2, 1]);
    const r = np.unique(a, {
      return_index: true,
      return_inverse: true,
      return_counts: true,
    }) as np.UniqueResult;
    const [values, indices, inverse, counts] = r;
    assert.deepEqual(values?.tolist(), [1, 2, 3]);
    assert.deepEqual(indices?.tolist(), [1, 3, 0]);
    assert.deepEqual(inverse?.tolist(), [2, 0, 2, 1, 0]);
    assert.deepEqual(counts?.tolist(), [2, 1, 2]);
    assert.equal(r.values, values);
    assert.equal(r.counts, counts);
    assert.equal(r.inverse_indices, inverse);
    assert.equal(r.length, 4);
    const { values: v2, counts: c2 } = np.unique_counts(a);
    assert.deepEqual(v2.tolist(), [1, 2, 3]);
    assert.deepEqual(c2?.tolist(), [2, 1, 2]);
  });
  it('nonzero returns a JS array of int64 arrays; method form too', () => {
    const a = np.array([
      [0, 1],
      [2, 0],
    ]);
    const nz = a.nonzero();
    assert.ok(Array.isArray(nz));
    assert.equal(nz.length, 2);
    assert.equal(nz[0]?.dtype, 'int64');
    assert.deepEqual(
      nz.map((x) => x.tolist()),
      [
        [0, 1],
        [1, 0],
      ],
    );
  });
  it('searchsorted with a scalar returns a JS number', () => {
    assert.equal(np.searchsorted(np.array([1, 2, 3]), 2.5), 2);
    assert.equal(np.array([1, 2, 2, 3]).searchsorted(2, { side: 'right' }), 3);
  });
});
