/**
 * Shape and layout behaviour the parity fixtures cannot express: writes through views, read-only
 * views, identity of returned arrays, argument forms, and documented divergences.
 * Expected values come from NumPy 2.4 (noted inline).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as np from '../../src/runtime/index';
import { _attemptNocopyReshape, _fillStrides } from '../../src/runtime/shape';

const byteStrides = (a: np.NDArray): number[] => a.strides;

describe('reshape: views write through to the source (row-major, contiguous)', () => {
  it('a.reshape(3, 4) and a.reshape([3, 4]) are views of a', () => {
    const a = np.arange(12);
    const b = a.reshape(3, 4);
    const c = a.reshape([3, 4]);
    assert.equal(b.base, a);
    assert.equal(c.base, a);
    b.set(1, 2, 100);
    assert.deepEqual(a.tolist(), [0, 1, 2, 3, 4, 5, 100, 7, 8, 9, 10, 11]);
  });
  it('reshape of a strided view stays a view when NumPy allows (non-contiguous)', () => {
    // numpy: a = np.arange(24).reshape(2, 3, 4)[:, :, ::2]; a.reshape(6, 2).strides == (32, 16)
    const a = np.arange(24).reshape(2, 3, 4).get(':, :, ::2');
    const b = a.reshape(6, 2);
    assert.deepEqual(byteStrides(b), [32, 16]);
    b.set(0, 0, -1);
    assert.equal(a.get(0, 0, 0), -1);
  });
  it('reshape of a transposed array copies (writes do not reach the source)', () => {
    const a = np.arange(6).reshape(2, 3);
    const b = a.T.reshape(-1);
    assert.equal(np.shares_memory(a, b), false);
    b.set(0, 99);
    assert.equal(a.get(0, 0), 0);
  });
  it("copy: false throws NumPy's ValueError only when a copy is needed", () => {
    const a = np.arange(6).reshape(2, 3);
    assert.throws(() => a.T.reshape([6], { copy: false }), {
      name: 'ValueError',
      message: 'Unable to avoid creating a copy while reshaping.',
    });
    assert.deepEqual(a.T.reshape([6], { order: 'F', copy: false }).tolist(), [0, 1, 2, 3, 4, 5]);
  });
  it('keeps the read-only flag of a broadcast source', () => {
    const b = np.broadcast_to(np.arange(3), [2, 3]).reshape(2, 3, 1);
    assert.equal(b.flags.writeable, false);
  });
  it('accepts the function form with a positional order', () => {
    // numpy: np.reshape(np.arange(6), (2, 3), 'F').tolist() == [[0, 2, 4], [1, 3, 5]]
    assert.deepEqual(np.reshape(np.arange(6), [2, 3], 'F').tolist(), [
      [0, 2, 4],
      [1, 3, 5],
    ]);
  });
  it('reshape() without a shape throws a TypeError', () => {
    assert.throws(() => np.arange(3).reshape(), { name: 'TypeError' });
  });
});

describe('_attemptNocopyReshape (port of numpy shape.c)', () => {
  it('merges C-contiguous runs of a sliced array', () => {
    // shape (2,3,2) element strides (12,4,2) → (6,2): strides (4,2)
    assert.deepEqual(_attemptNocopyReshape([2, 3, 2], [12, 4, 2], [6, 2], false), [4, 2]);
  });
  it('refuses when the merged axes are not contiguous', () => {
    assert.equal(_attemptNocopyReshape([2, 3], [1, 2], [6], false), null);
  });
  it('handles F order', () => {
    assert.deepEqual(_attemptNocopyReshape([2, 3], [1, 2], [6], true), [1]);
  });
  it('gives trailing ones the last stride', () => {
    assert.deepEqual(_attemptNocopyReshape([4], [2], [4, 1], false), [2, 2]);
  });
  it('fill strides skip zero-length dims (as _array_fill_strides)', () => {
    assert.deepEqual(_fillStrides([2, 0, 3], false), [3, 3, 1]);
    assert.deepEqual(_fillStrides([2, 0, 3], true), [1, 2, 2]);
  });
});

describe('ravel / flatten', () => {
  it('ravel of a C-contiguous array is a view; flatten always copies', () => {
    const a = np.arange(6).reshape(2, 3);
    const r = a.ravel();
    r.set(0, 42);
    assert.equal(a.get(0, 0), 42);
    const f = a.flatten();
    f.set(1, 7);
    assert.equal(a.get(0, 1), 1);
  });
  it('ravel of a column slice copies (numpy: shares_memory False)', () => {
    const a = np.arange(12).reshape(3, 4);
    assert.equal(np.shares_memory(a.get(':, 1:2').ravel(), a), false);
  });
});

describe('transpose / swapaxes / moveaxis argument forms', () => {
  const a = np.zeros([2, 3, 4]);
  it('a.transpose(1, 0, 2), a.transpose([1, 0, 2]) and np.transpose(a, {axes}) agree', () => {
    assert.deepEqual(a.transpose(1, 0, 2).shape, [3, 2, 4]);
    assert.deepEqual(a.transpose([1, 0, 2]).shape, [3, 2, 4]);
    assert.deepEqual(np.transpose(a, { axes: [1, 0, 2] }).shape, [3, 2, 4]);
    assert.deepEqual(a.transpose().shape, [4, 3, 2]);
  });
  it('writes through a transposed view', () => {
    const b = np.zeros([2, 3]);
    b.T.set(2, 1, 5);
    assert.equal(b.get(1, 2), 5);
  });
  it('moveaxis keeps the other axes in order', () => {
    assert.deepEqual(np.moveaxis(a, [0, 1], [-1, -2]).shape, [4, 3, 2]);
  });
});

describe('broadcast views', () => {
  it("broadcast_to is read-only; writing raises NumPy's error", () => {
    const b = np.broadcast_to(np.arange(3), [2, 3]);
    assert.equal(b.flags.writeable, false);
    assert.deepEqual(b.strides, [0, 8]);
    assert.throws(() => b.set(0, 0, 1), {
      name: 'ValueError',
      message: 'assignment destination is read-only',
    });
  });
  it('broadcast_arrays views are writeable (NumPy 2: warn-on-write) and write through', () => {
    const x = np.arange(3);
    const [bx, by] = np.broadcast_arrays(x, np.zeros([2, 1]));
    assert.ok(bx && by);
    assert.equal(bx.flags.writeable, true);
    assert.deepEqual(bx.shape, [2, 3]);
    assert.deepEqual(by.strides, [8, 0]);
  });
  it('broadcast_arrays returns an input already of the result shape as is', () => {
    const a = np.zeros([2, 3]);
    assert.equal(np.broadcast_arrays(a, np.arange(3))[0], a);
  });
  it('broadcast_shapes returns a plain number array', () => {
    assert.deepEqual(np.broadcast_shapes([3, 1], [4]), [3, 4]);
  });
});

describe('diagonal is a read-only view (NumPy 2)', () => {
  it('cannot be written, but reflects writes to its source', () => {
    const a = np.arange(9).reshape(3, 3);
    const d = np.diagonal(a);
    assert.equal(d.flags.writeable, false);
    assert.throws(() => d.set(0, 1), { name: 'ValueError' });
    a.set(1, 1, 50);
    assert.deepEqual(d.tolist(), [0, 50, 8]);
    assert.deepEqual(a.diagonal(1).tolist(), [1, 5]);
  });
});

describe('joining and splitting', () => {
  it('split returns views that write through', () => {
    const a = np.arange(6);
    const [p, q] = np.split(a, 2);
    assert.ok(p && q);
    q.set(0, 30);
    assert.equal(a.get(3), 30);
  });
  it('concatenate writes into out and returns it', () => {
    const out = np.zeros([4]);
    const r = np.concatenate([np.arange(2), np.arange(2)], { out });
    assert.equal(r, out);
    assert.deepEqual(out.tolist(), [0, 1, 0, 1]);
  });
  it("concatenate refuses out together with dtype (NumPy's TypeError)", () => {
    assert.throws(() => np.concatenate([np.arange(2)], { out: np.zeros([2]), dtype: 'float32' }), {
      name: 'TypeError',
      message: 'concatenate() only takes `out` or `dtype` as an argument, but both were provided.',
    });
  });
  it('atleast_1d with several arguments returns an array of arrays', () => {
    const r = np.atleast_1d(1, [2, 3]) as np.NDArray[];
    assert.equal(r.length, 2);
    assert.deepEqual(r[0]?.shape, [1]);
  });
  it('delete accepts a slice string (NumPy: np.delete(np.arange(8), np.s_[1:6:2]))', () => {
    // numpy: [0, 2, 4, 6, 7]
    assert.deepEqual(np.delete(np.arange(8), '1:6:2').tolist(), [0, 2, 4, 6, 7]);
    assert.deepEqual(np.delete(np.arange(8), '::-3').tolist(), [0, 2, 3, 5, 6]);
  });
});

describe('flip family returns views with negative strides', () => {
  it('flip writes through', () => {
    const a = np.arange(4);
    const f = np.flip(a);
    assert.deepEqual(f.strides, [-8]);
    f.set(0, 9);
    assert.equal(a.get(3), 9);
  });
  it('divergence: flip of a 0-d array returns a 0-d view (NumPy returns a scalar)', () => {
    const f = np.flip(np.array(5));
    assert.equal(f.ndim, 0);
    assert.equal(f.item(), 5);
  });
  it('rot90 of a matrix is a view', () => {
    const a = np.arange(6).reshape(2, 3);
    const r = np.rot90(a);
    assert.deepEqual(r.tolist(), [
      [2, 5],
      [1, 4],
      [0, 3],
    ]);
    assert.equal(np.shares_memory(r, a), true);
  });
});

describe('methods exist where NumPy has them', () => {
  it('squeeze repeat swapaxes diagonal ravel flatten', () => {
    const a = np.zeros([1, 2, 1]);
    assert.deepEqual(a.squeeze().shape, [2]);
    assert.deepEqual(a.squeeze(0).shape, [2, 1]);
    assert.deepEqual(a.squeeze({ axis: 2 }).shape, [1, 2]);
    assert.deepEqual(np.arange(3).repeat(2).tolist(), [0, 0, 1, 1, 2, 2]);
    assert.deepEqual(np.arange(3).repeat([1, 0, 2], { axis: 0 }).tolist(), [0, 2, 2]);
    assert.deepEqual(a.swapaxes(0, 1).shape, [2, 1, 1]);
    assert.deepEqual(a.ravel('F').shape, [2]);
    assert.deepEqual(a.flatten({ order: 'K' }).shape, [2]);
  });
});

describe("block: large results take NumPy's slicing path (too big for fixtures)", () => {
  it('F-contiguous leaves give an F-ordered result', () => {
    // numpy: a = asfortranarray(ones((300, 300), 'float32')); block([a, 2 * a]) → strides (4, 1200)
    const a = np.asfortranarray(np.ones([300, 300], { dtype: 'float32' }));
    const r = np.block([a, np.multiply(a, 2) as np.NDArray]);
    assert.deepEqual(r.shape, [300, 600]);
    assert.deepEqual(r.strides, [4, 1200]);
    assert.equal(r.get(0, 299), 1);
    assert.equal(r.get(0, 300), 2);
    assert.equal(r.get(299, 599), 2);
  });
  it('C-contiguous leaves give a C-ordered result', () => {
    // numpy: b = ones((400, 200), 'int16'); block([[b], [b]]) → shape (800, 200), strides (400, 2)
    const b = np.ones([400, 200], { dtype: 'int16' });
    const r = np.block([[b], [b]]);
    assert.deepEqual(r.shape, [800, 200]);
    assert.deepEqual(r.strides, [400, 2]);
  });
});

describe('a.shape is read-only (NumPy: a tuple)', () => {
  it('is frozen, the same array on every read, and writing it changes nothing', () => {
    const a = np.arange(6).reshape(2, 3);
    const b = np.add(a, 1); // a ufunc result shares its input's internal shape array
    const s = a.shape;
    assert.ok(Object.isFrozen(s));
    assert.equal(a.shape, s);
    assert.throws(() => {
      (s as number[])[0] = 7;
    }, TypeError);
    assert.throws(() => (s as number[]).push(1), TypeError);
    assert.deepEqual(a.shape, [2, 3]);
    assert.deepEqual(b.shape, [2, 3]);
    assert.deepEqual(a.reshape(3, 2).shape, [3, 2]);
    assert.equal(a.sum({ axis: 0 }).shape[0], 3);
  });
  it('np.shape(a) and a.strides are fresh arrays the caller may change', () => {
    const a = np.zeros([4, 5]);
    const s = np.shape(a);
    s[0] = 9;
    const st = a.strides;
    st[0] = 1;
    assert.deepEqual(a.shape, [4, 5]);
    assert.deepEqual(a.strides, [40, 8]);
  });
});
