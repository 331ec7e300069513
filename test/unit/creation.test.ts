/**
 * Creation behaviour the parity fixtures cannot express: callbacks (fromfunction), int64 values
 * beyond 2**53, argument forms, np.empty, and independence of new arrays.
 * Expected values come from NumPy 2.4 (noted inline).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as np from '../../src/runtime/index';

describe('fromfunction', () => {
  it('calls fn once with float64 index arrays by default', () => {
    // numpy: np.fromfunction(lambda i, j: i * 10 + j, (2, 3)) → float64 [[0,1,2],[10,11,12]]
    let calls = 0;
    const r = np.fromfunction(
      (i, j) => {
        calls++;
        assert.equal(i.dtype, 'float64');
        assert.deepEqual(i.shape, [2, 3]);
        return np.add(np.multiply(i, 10), j) as np.NDArray;
      },
      [2, 3],
    );
    assert.equal(calls, 1);
    assert.equal(r.dtype, 'float64');
    assert.deepEqual(r.tolist(), [
      [0, 1, 2],
      [10, 11, 12],
    ]);
  });
  it('passes index arrays of the requested dtype and returns what fn returns', () => {
    // numpy: np.fromfunction(lambda i, j: i, (2, 3), dtype=int) → int64 [[0,0,0],[1,1,1]], a view
    const r = np.fromfunction((i) => i, [2, 3], { dtype: 'int64' });
    assert.equal(r.dtype, 'int64');
    assert.deepEqual(r.tolist(), [
      [0, 0, 0],
      [1, 1, 1],
    ]);
    assert.deepEqual(r.strides, [24, 8]);
    assert.equal(r.flags.owndata, false);
  });
});

describe('arange with int64 beyond the safe-integer range (bigint arguments)', () => {
  it('is exact', () => {
    // numpy: np.arange(2**53, 2**53 + 3) → [9007199254740992, 9007199254740993, 9007199254740994]
    assert.deepEqual(np.arange(2n ** 53n, 2n ** 53n + 3n).tolist(), [
      9007199254740992n,
      9007199254740993n,
      9007199254740994n,
    ]);
    // numpy: np.arange(2**63 - 3, 2**63 - 1, dtype='int64')
    assert.deepEqual(np.arange(2n ** 63n - 3n, 2n ** 63n - 1n, { dtype: 'int64' }).tolist(), [
      9223372036854775805n,
      9223372036854775806n,
    ]);
    // numpy: np.arange(2**64 - 3, 2**64 - 1, dtype='uint64')
    assert.deepEqual(np.arange(2n ** 64n - 3n, 2n ** 64n - 1n, { dtype: 'uint64' }).tolist(), [
      18446744073709551613n,
      18446744073709551614n,
    ]);
  });
  it('accepts {start, stop, step} options', () => {
    assert.deepEqual(np.arange({ start: 1, stop: 7, step: 2 }).tolist(), [1, 3, 5]);
  });
});

describe('np.empty', () => {
  it('has the requested shape, dtype and layout (values are zeros in ndscope, arbitrary in NumPy)', () => {
    const e = np.empty([2, 3], { dtype: 'int16', order: 'F' });
    assert.equal(e.dtype, 'int16');
    assert.deepEqual(e.strides, [2, 4]);
    assert.equal(e.flags.owndata, true);
  });
  it('empty_like keeps an F layout (order K)', () => {
    const f = np.asfortranarray(np.zeros([2, 3]));
    assert.deepEqual(np.empty_like(f).strides, [8, 16]);
  });
});

describe('new arrays are independent of their inputs', () => {
  it('full with an array fill value copies it', () => {
    const v = np.arange(3);
    const f = np.full([2, 3], v);
    v.set(0, 100);
    assert.deepEqual(f.tolist(), [
      [0, 1, 2],
      [0, 1, 2],
    ]);
  });
  it('np.copy and the copy method do not share memory', () => {
    const a = np.arange(4);
    assert.equal(np.shares_memory(np.copy(a), a), false);
  });
  it('meshgrid with copy: false returns broadcast views of its inputs', () => {
    const x = np.arange(3);
    const [X] = np.meshgrid(x, np.arange(2), { copy: false });
    assert.ok(X);
    assert.equal(np.shares_memory(X, x), true);
    assert.deepEqual(X.strides, [0, 8]);
  });
});

describe('argument forms', () => {
  it('linspace positional and options, retstep destructures', () => {
    const [y, step] = np.linspace(0, 1, 5, { retstep: true });
    assert.deepEqual(y.tolist(), [0, 0.25, 0.5, 0.75, 1]);
    assert.equal(step, 0.25);
    assert.deepEqual(np.linspace(0, 1, { num: 3 }).tolist(), [0, 0.5, 1]);
  });
  it('eye(N, M, {k}) and eye with positional k', () => {
    assert.deepEqual(np.eye(2, 3, { k: 1 }).tolist(), [
      [0, 1, 0],
      [0, 0, 1],
    ]);
    assert.deepEqual(np.eye(2, null, 1).tolist(), [
      [0, 1],
      [0, 0],
    ]);
  });
  it('zeros/ones/full with positional dtype', () => {
    assert.equal(np.zeros([2], 'int8').dtype, 'int8');
    assert.equal(np.ones(2, 'bool').dtype, 'bool');
    assert.equal(np.full([2], 3, 'float32').dtype, 'float32');
  });
  it('indices returns an (N, ...) int64 array; sparse gives a list', () => {
    const g = np.indices([2, 3]) as np.NDArray;
    assert.deepEqual(g.shape, [2, 2, 3]);
    assert.deepEqual(g.strides, [48, 24, 8]);
    assert.equal((np.indices([2, 3], { sparse: true }) as np.NDArray[]).length, 2);
  });
  it("bad dtype names throw NumPy's TypeError", () => {
    assert.throws(() => np.zeros(2, { dtype: 'float65' }), {
      name: 'TypeError',
      message: "data type 'float65' not understood",
    });
  });
});

describe('np.array of typed arrays', () => {
  it('takes each typed array dtype, nested, and refuses other views', () => {
    const cases: [ArrayLike<number | bigint>, string][] = [
      [new Float64Array([1, 2]), 'float64'],
      [new Float32Array([1, 2]), 'float32'],
      [new Int8Array([1, 2]), 'int8'],
      [new Int16Array([1, 2]), 'int16'],
      [new Int32Array([1, 2]), 'int32'],
      [new BigInt64Array([1n, 2n]), 'int64'],
      [new Uint8Array([1, 2]), 'uint8'],
      [new Uint8ClampedArray([1, 2]), 'uint8'],
      [new Uint16Array([1, 2]), 'uint16'],
      [new Uint32Array([1, 2]), 'uint32'],
      [new BigUint64Array([1n, 2n]), 'uint64'],
    ];
    for (const [t, dtype] of cases) {
      const a = np.array(t as never);
      assert.equal(a.dtype, dtype);
      assert.deepEqual(a.shape, [2]);
    }
    const m = np.array([new Int16Array([1, 2]), new Int16Array([3, 4])] as never);
    assert.equal(m.dtype, 'int16');
    assert.deepEqual(m.tolist(), [[1, 2], [3, 4]]);
    assert.throws(
      () => np.array(new DataView(new ArrayBuffer(8)) as never),
      /cannot make an array element from object/,
    );
    const picked = np.arange(5).get(new Int32Array([0, 2]) as never) as np.NDArray;
    assert.deepEqual(picked.tolist(), [0, 2]);
  });
});
