/**
 * Indexing through JS values the fixtures cannot express: numbers, bigint, null, slice objects,
 * ndarray and typed-array indices, separate string items, bad slice strings, views and writes
 * through them, read-only targets, memory growth during assignment. Expected values were
 * computed with NumPy 2.4 (the expression is in each test's comment or name).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as np from '../../src/runtime/index';
import { NDArray } from '../../src/runtime/ndarray';

const A = (): NDArray => np.arange(12).reshape(3, 4) as NDArray;
const INVALID =
  'only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices';

describe('get: index items as JS values', () => {
  it('numbers, negative numbers and bigint give JS scalars for a full index', () => {
    const a = A();
    assert.equal(a.get(1, 2), 6);
    assert.equal(a.get(-1, -4), 8);
    assert.equal(a.get(1n, 3n), 7);
    assert.equal(np.array([true, false]).get(0), true); // bool → boolean
    assert.equal(np.array([2n ** 62n + 1n]).get(0), 2n ** 62n + 1n); // int64 outside the safe range → bigint
  });

  it('separate string items and one whole-index string agree', () => {
    const a = A();
    const x = a.get('1:', '::2');
    const y = a.get('1:, ::2');
    assert.deepEqual(x.tolist(), [
      [4, 6],
      [8, 10],
    ]);
    assert.deepEqual(y.tolist(), x.tolist());
    assert.deepEqual(y.strides, [32, 16]);
    assert.deepEqual(a.get('0, 1:3').tolist(), [1, 2]); // a[0, 1:3]
    assert.equal(a.get('2, 3') as unknown, 11);
  });

  it('null is np.newaxis, np.slice is a Python slice, "..." an ellipsis', () => {
    const a = A();
    const v = a.get(null, np.slice(null, null, -1), '...');
    assert.deepEqual(v.shape, [1, 3, 4]);
    assert.deepEqual(v.strides, [0, -32, 8]);
    assert.deepEqual(a.get(np.slice(2)).shape, [2, 4]); // a[:2]
    assert.deepEqual(a.get(np.slice(1, null, 2), 0).tolist(), [4]); // a[1::2, 0]
    assert.equal(np.newaxis, null);
  });

  it('basic indexing returns views whose base is the owner and whose writeability is inherited', () => {
    const a = A();
    const owner = a.base ?? a; // reshape may itself be a view of arange's array
    const v = a.get('::2');
    assert.equal(v.base, owner);
    assert.equal(v.get(':, 1').base, owner);
    assert.equal(np.shares_memory(v, a), true);
    const ro = np.broadcast_to(np.arange(4), [3, 4]) as NDArray;
    assert.equal((ro.get(0) as NDArray).flags.writeable, false);
    // Advanced indexing copies are writeable, even from a read-only source.
    assert.equal(ro.get([0, 1]).flags.writeable, true);
    assert.equal(np.shares_memory(a.get([0, 1]), a), false);
  });

  it('ndarray, typed-array and nested-list integer indices (fancy)', () => {
    const a = A();
    // a[np.array([2, 0], dtype=np.int32), 1:] == [[9, 10, 11], [1, 2, 3]]
    assert.deepEqual(a.get(np.array([2, 0], { dtype: 'int32' }), '1:').tolist(), [
      [9, 10, 11],
      [1, 2, 3],
    ]);
    assert.deepEqual(a.get(new Int32Array([2, 0]), '1:').tolist(), [
      [9, 10, 11],
      [1, 2, 3],
    ]);
    assert.deepEqual(
      a
        .get(
          [
            [0, 1],
            [2, 2],
          ],
          0,
        )
        .tolist(),
      [
        [0, 4],
        [8, 8],
      ],
    );
    assert.deepEqual(a.get(np.array([0, 2], { dtype: 'uint8' })).shape, [2, 4]);
  });

  it('boolean ndarray masks and 0-d booleans', () => {
    const a = A();
    const m = np
      .array((a.tolist() as number[][]).flat().map((x) => x > 6))
      .reshape(3, 4) as NDArray;
    assert.deepEqual(a.get(m).tolist(), [7, 8, 9, 10, 11]); // a[a > 6]
    assert.deepEqual(a.get(true).shape, [1, 3, 4]);
    assert.deepEqual(a.get(false).shape, [0, 3, 4]);
    assert.deepEqual(a.get(np.array(true)).shape, [1, 3, 4]);
    assert.deepEqual(a.get(':', [true, false, false, true]).tolist(), [
      [0, 3],
      [4, 7],
      [8, 11],
    ]);
  });

  it('np.ix_ arrays index an open mesh', () => {
    const a = A();
    const [r, c] = np.ix_([0, 2], [1, 3]);
    assert.deepEqual(a.get(r as NDArray, c as NDArray).tolist(), [
      [1, 3],
      [9, 11],
    ]);
    const ix = np.ix_([0, 2], [true, false, true, true]);
    assert.deepEqual(
      ix.map((x) => x.tolist()),
      [[[0], [2]], [[0, 2, 3]]],
    );
  });
});

describe('get: errors', () => {
  const err = (f: () => unknown, name: string, message: string): void => {
    assert.throws(f, (e: Error) => {
      assert.equal(e.name, name);
      assert.equal(e.message, message);
      return true;
    });
  };
  it('bad slice strings and non-index values', () => {
    const a = A();
    err(() => a.get('a:b'), 'IndexError', INVALID);
    err(() => a.get('1:2:3:4'), 'IndexError', INVALID);
    err(() => a.get('1:2:0'), 'ValueError', 'slice step cannot be zero');
    err(() => a.get(np.slice(0, 3, 0)), 'ValueError', 'slice step cannot be zero');
    err(() => a.get('1.5'), 'IndexError', INVALID);
    err(() => a.get(1.5), 'IndexError', INVALID);
    err(() => a.get(undefined as unknown as number), 'IndexError', INVALID);
    err(() => a.get({} as unknown as number), 'IndexError', INVALID);
    err(() => a.get('[1, '), 'IndexError', INVALID);
    err(
      () => a.get('...', '...'),
      'IndexError',
      "an index can only have a single ellipsis ('...')",
    );
    err(
      () => a.get(np.array([1.5])),
      'IndexError',
      'arrays used as indices must be of integer (or boolean) type',
    );
  });
  it('bounds, dimension count, mask and broadcast mismatches', () => {
    const a = A();
    err(() => a.get(5), 'IndexError', 'index 5 is out of bounds for axis 0 with size 3');
    err(
      () => a.get(0, 0, 0),
      'IndexError',
      'too many indices for array: array is 2-dimensional, but 3 were indexed',
    );
    err(
      () => a.get(np.array([true, false])),
      'IndexError',
      'boolean index did not match indexed array along axis 0; size of axis is 3 but size of corresponding boolean axis is 2',
    );
    err(
      () => a.get([0, 1], [0, 1, 2]),
      'IndexError',
      'shape mismatch: indexing arrays could not be broadcast together with shapes (2,) (3,) ',
    );
  });
});

describe('set', () => {
  it('writes through views (basic) and leaves other elements alone', () => {
    const a = A();
    const v = a.get('::2, 1:');
    v.set(0, [7, 8, 9]);
    v.set('1, ::-1', 0);
    assert.deepEqual(a.tolist(), [
      [0, 7, 8, 9],
      [4, 5, 6, 7],
      [8, 0, 0, 0],
    ]);
  });

  it('boolean-mask assignment with a scalar and with values (NumPy size rules)', () => {
    const a = A();
    const m = np
      .array((a.tolist() as number[][]).flat().map((x) => x > 6))
      .reshape(3, 4) as NDArray;
    a.set(m, [1, 2, 3, 4, 5]); // b[b > 6] = [1, 2, 3, 4, 5]
    assert.deepEqual(a.tolist(), [
      [0, 1, 2, 3],
      [4, 5, 6, 1],
      [2, 3, 4, 5],
    ]);
    a.set(m, 0);
    assert.deepEqual(a.tolist(), [
      [0, 1, 2, 3],
      [4, 5, 6, 0],
      [0, 0, 0, 0],
    ]);
    assert.throws(() => a.set(m, [1, 2]), {
      name: 'ValueError',
      message:
        'NumPy boolean array indexing assignment cannot assign 2 input values to the 5 output values where the mask is true',
    });
  });

  it('fancy assignment with an ndarray value and casting', () => {
    const a = np.zeros([3, 2]) as NDArray;
    a.set(
      [2, 0],
      np.array(
        [
          [1, 2],
          [3, 4],
        ],
        { dtype: 'int8' },
      ),
    );
    assert.deepEqual(a.tolist(), [
      [3, 4],
      [0, 0],
      [1, 2],
    ]);
    const i = np.zeros([3], { dtype: 'int32' }) as NDArray;
    i.set(':', np.array([1.9, -1.9, 2.5]));
    assert.deepEqual(i.tolist(), [1, -1, 2]);
  });

  it('overlapping source and destination behave as if the value were copied first', () => {
    const a = np.arange(6) as NDArray;
    a.set('1:', a.get(':-1'));
    assert.deepEqual(a.tolist(), [0, 0, 1, 2, 3, 4]);
    const b = np.arange(6) as NDArray;
    b.set([5, 4, 3], b.get('::2'));
    assert.deepEqual(b.tolist(), [0, 1, 2, 4, 2, 0]);
  });

  it("read-only targets raise NumPy's error before any index error", () => {
    const ro = np.broadcast_to(np.arange(4), [3, 4]) as NDArray;
    for (const idx of [0, '9', [0], 'a:b']) {
      assert.throws(() => ro.set(idx, 1), {
        name: 'ValueError',
        message: 'assignment destination is read-only',
      });
    }
  });

  it('survives memory growth caused by converting a large list value', () => {
    const n = 1 << 21;
    const a = np.zeros([n]) as NDArray;
    const vals = Array.from({ length: n }, (_, k) => k * 0.5);
    a.set(':', vals); // asarray(vals) allocates 16 MiB and may grow (detach) linear memory
    assert.equal(a.get(n - 1), (n - 1) * 0.5);
    assert.equal(a.get(12345), 12345 * 0.5);
    const big = np.zeros([n]) as NDArray;
    big.set(np.arange(0, n, 2), 1);
    assert.equal(big.get(2), 1);
    assert.equal(big.get(3), 0);
  });
});

describe('take, put, compress', () => {
  it('take flat, along an axis, with modes', () => {
    const a = A();
    assert.deepEqual((np.take(a, [0, 5, 11]) as NDArray).tolist(), [0, 5, 11]);
    assert.equal(np.take(a, 5), 5);
    assert.deepEqual((a.take([1, 2], { axis: 1 }) as NDArray).tolist(), [
      [1, 2],
      [5, 6],
      [9, 10],
    ]);
    assert.deepEqual(
      (np.take(np.arange(10), [12, -13], { mode: 'wrap' }) as NDArray).tolist(),
      [2, 7],
    );
    assert.deepEqual(
      (np.take(np.arange(10), [12, -13], { mode: 'clip' }) as NDArray).tolist(),
      [9, 0],
    );
  });
  it('take flattens C-contiguous views whose size-1 dims have unusual strides', () => {
    // np.take(np.arange(3).reshape(3, 1), [0, 1, 2]) == [0, 1, 2]; here the size-1 dim's stride is 5.
    const v = (np.arange(3) as NDArray)._view([3, 1], [1, 5], 0);
    assert.equal(v.flags.c_contiguous, true);
    assert.deepEqual((np.take(v, [0, 1, 2]) as NDArray).tolist(), [0, 1, 2]);
    assert.deepEqual(np.extract([1, 1, 1], v).tolist(), [0, 1, 2]);
  });
  it('put writes flat positions (wrap mode repeats values)', () => {
    const b = np.arange(6) as NDArray;
    np.put(b, [0, -1, 7], [9, 8], { mode: 'wrap' }); // NumPy: [9, 9, 2, 3, 4, 8]
    assert.deepEqual(b.tolist(), [9, 9, 2, 3, 4, 8]);
    assert.throws(() => np.put(b, [6], 1), {
      name: 'IndexError',
      message: 'index 6 is out of bounds for axis 0 with size 6',
    });
  });
  it('compress keeps the selected slices', () => {
    assert.deepEqual(np.compress([true, false, true], A(), { axis: 0 }).tolist(), [
      [0, 1, 2, 3],
      [8, 9, 10, 11],
    ]);
  });
});

describe('in-place indexing routines (values from NumPy 2.4)', () => {
  const M = (): NDArray =>
    np.array([
      [3, 1, 2, 0],
      [9, 7, 8, 5],
      [4, 6, 11, 10],
    ]) as NDArray;
  it('put_along_axis writes along an axis and flat (axis null)', () => {
    const a = M();
    np.put_along_axis(a, np.array([[0, 1, 2, 0]]), np.array([[70, 71, 72, 73]]), 0);
    assert.deepEqual(a.tolist(), [
      [70, 1, 2, 73],
      [9, 71, 8, 5],
      [4, 6, 72, 10],
    ]);
    const b = np.arange(6) as NDArray;
    np.put_along_axis(b, np.array([5, 0]), [9, 8], { axis: null });
    assert.deepEqual(b.tolist(), [8, 1, 2, 3, 4, 9]);
  });
  it('putmask cycles values by flat position, place by True position', () => {
    const a = M();
    const m = np.array([
      [false, false, false, false],
      [true, true, true, false],
      [false, true, true, true],
    ]);
    np.putmask(a, m, [0, -1]);
    assert.deepEqual(a.tolist(), [
      [3, 1, 2, 0],
      [0, -1, 0, 5],
      [4, -1, 0, -1],
    ]);
    const b = M();
    np.place(b, m, [0, -1]);
    assert.deepEqual(b.tolist(), [
      [3, 1, 2, 0],
      [0, -1, 0, 5],
      [4, -1, 0, -1],
    ]);
  });
  it('fill_diagonal: square part, wrap, n-d, through a transposed view', () => {
    const a = M();
    np.fill_diagonal(a, 99);
    assert.deepEqual(a.tolist(), [
      [99, 1, 2, 0],
      [9, 99, 8, 5],
      [4, 6, 99, 10],
    ]);
    const w = np.zeros([5, 3], { dtype: 'int64' }) as NDArray;
    np.fill_diagonal(w, [1, 2], { wrap: true });
    assert.deepEqual(w.tolist(), [
      [1, 0, 0],
      [0, 2, 0],
      [0, 0, 1],
      [0, 0, 0],
      [2, 0, 0],
    ]);
    const c = np.zeros([2, 2, 2], { dtype: 'int64' }) as NDArray;
    np.fill_diagonal(c, 4);
    assert.deepEqual(c.tolist(), [
      [
        [4, 0],
        [0, 0],
      ],
      [
        [0, 0],
        [0, 4],
      ],
    ]);
    const t = np.zeros([3, 4]) as NDArray;
    np.fill_diagonal(t.T, 7);
    assert.deepEqual(t.tolist(), [
      [7, 0, 0, 0],
      [0, 7, 0, 0],
      [0, 0, 7, 0],
    ]);
  });
});
