/**
 * Memory sharing: shares_memory is exact (checked against a brute-force byte-set oracle on random
 * strided views, including negative and zero strides and views of other dtypes over one buffer),
 * may_share_memory is a bounds test, as_strided refuses views outside the buffer.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as np from '../../src/runtime/index';
import { NDArray } from '../../src/runtime/ndarray';
import { byteBounds, solveBoundedDiophantine } from '../../src/runtime/internal';
import { rng } from '../helpers/rng';
import type { DType } from '../../src/runtime/dtype';

/** Every byte address a view touches. */
function bytesOf(a: NDArray): Set<number> {
  const out = new Set<number>();
  const isz = a.itemsize;
  const base = a.buffer.ptr;
  const start = a._start;
  a._forEach((p) => {
    const addr = (p - start) * isz + a._offset * isz + base;
    for (let b = 0; b < isz; b++) out.add(addr + b);
  });
  return out;
}

function bruteShares(a: NDArray, b: NDArray): boolean {
  if (a.buffer !== b.buffer) return false;
  const sa = bytesOf(a);
  for (const x of bytesOf(b)) if (sa.has(x)) return true;
  return false;
}

/** A random in-bounds view of `owner` reinterpreted as `dtype`. */
function randomView(owner: NDArray, dtype: DType, r: () => number): NDArray {
  const isz = { int8: 1, int16: 2, int32: 4, float64: 8 }[dtype as 'int8'] ?? 8;
  const nElems = Math.floor(owner.nbytes / isz);
  for (;;) {
    const nd = 1 + Math.floor(r() * 3);
    const shape: number[] = [];
    const strides: number[] = [];
    for (let i = 0; i < nd; i++) {
      shape.push(1 + Math.floor(r() * 5));
      strides.push(Math.floor(r() * 15) - 7);
    }
    const offset = Math.floor(r() * nElems);
    let lo = offset;
    let hi = offset;
    for (let i = 0; i < nd; i++) {
      const e = ((shape[i] as number) - 1) * (strides[i] as number);
      if (e < 0) lo += e;
      else hi += e;
    }
    if (lo >= 0 && hi < nElems) return owner._view(shape, strides, offset, true, dtype);
  }
}

describe('shares_memory (exact)', () => {
  it('matches a brute-force byte oracle on 3000 random view pairs (mixed dtypes, negative/zero strides)', () => {
    const r = rng(12345);
    const owner = np.zeros([256], { dtype: 'int8' }) as NDArray;
    const dts: DType[] = ['int8', 'int16', 'int32', 'float64'];
    let sharedCount = 0;
    let disjointInBounds = 0;
    for (let k = 0; k < 3000; k++) {
      const a = randomView(owner, dts[Math.floor(r() * 4)] as DType, r);
      const b = randomView(owner, dts[Math.floor(r() * 4)] as DType, r);
      const want = bruteShares(a, b);
      assert.equal(
        np.shares_memory(a, b),
        want,
        `views ${a.shape}/${a.strides}@${a.byteOffset} ${b.shape}/${b.strides}@${b.byteOffset}`,
      );
      assert.equal(np.shares_memory(b, a), want);
      if (want) {
        sharedCount++;
        assert.equal(np.may_share_memory(a, b), true);
      } else if (np.may_share_memory(a, b)) disjointInBounds++;
    }
    // The sample must exercise both answers, and the hard case (bounds overlap, no shared byte).
    assert.ok(sharedCount > 300 && sharedCount < 2700, `shared ${sharedCount}`);
    assert.ok(disjointInBounds > 50, `disjoint within bounds ${disjointInBounds}`);
  });

  it('interleaved rows and columns of one matrix do not share; a row and a column do', () => {
    const a = np.zeros([6, 4]) as NDArray;
    assert.equal(np.shares_memory(a.get('::2'), a.get('1::2')), false);
    assert.equal(np.may_share_memory(a.get('::2'), a.get('1::2')), true);
    assert.equal(np.shares_memory(a.get(':, ::2'), a.get(':, 1::2')), false);
    assert.equal(np.shares_memory(a.get(1), a.get(':, 2')), true);
    assert.equal(np.shares_memory(a.T, a.get('::-1, ::-1')), true);
  });

  it('different buffers, empty views and plain lists never share', () => {
    const a = np.zeros([4]) as NDArray;
    const b = np.zeros([4]) as NDArray;
    assert.equal(np.shares_memory(a, b), false);
    assert.equal(np.may_share_memory(a, b), false);
    assert.equal(np.shares_memory(a, a.get('2:2')), false);
    assert.equal(np.may_share_memory(a, a.get('2:2')), false);
    assert.equal(np.shares_memory(a, [0, 0, 0, 0]), false);
  });

  it('solves large problems (1000x1000 view vs its transpose, strided halves)', () => {
    const a = np.zeros([1000, 1000]) as NDArray;
    assert.equal(np.shares_memory(a, a.T), true);
    assert.equal(np.shares_memory(a.get('::2, ::2'), a.get('1::2, 1::2')), false);
    assert.equal(np.shares_memory(a.get(':, ::2'), a.get(':, 1::2')), false);
    assert.equal(np.shares_memory(a.get('::3, 5::7'), a.get('1::3, 5::7')), false);
  });

  it('solveBoundedDiophantine agrees with enumeration on small random problems', () => {
    const r = rng(7);
    for (let k = 0; k < 2000; k++) {
      const n = 1 + Math.floor(r() * 4);
      const terms = Array.from({ length: n }, () => ({
        a: 1 + Math.floor(r() * 12),
        u: Math.floor(r() * 4),
      }));
      const rhs = Math.floor(r() * 60);
      let found = false;
      const rec = (i: number, s: number): void => {
        if (found) return;
        if (i === n) {
          if (s === rhs) found = true;
          return;
        }
        const t = terms[i] as { a: number; u: number };
        for (let x = 0; x <= t.u; x++) rec(i + 1, s + t.a * x);
      };
      rec(0, 0);
      assert.equal(solveBoundedDiophantine(terms, rhs), found, JSON.stringify({ terms, rhs }));
    }
  });

  it('byteBounds covers negative strides', () => {
    const a = np.zeros([10]) as NDArray;
    const v = a.get('8:1:-3') as NDArray; // elements 8, 5, 2
    assert.deepEqual(byteBounds(v), [16, 72]);
  });
});

describe('lib.stride_tricks', () => {
  it('as_strided builds windows with byte strides that share memory', () => {
    const x = np.arange(6, { dtype: 'int32' }) as NDArray;
    const w = np.lib.stride_tricks.as_strided(x, { shape: [4, 3], strides: [4, 4] });
    assert.deepEqual(w.tolist(), [
      [0, 1, 2],
      [1, 2, 3],
      [2, 3, 4],
      [3, 4, 5],
    ]);
    assert.deepEqual(w.strides, [4, 4]);
    assert.equal(np.shares_memory(w, x), true);
    assert.equal(w.base, x);
  });

  it('as_strided refuses views that would address bytes outside the buffer', () => {
    const x = np.arange(6, { dtype: 'int32' }) as NDArray;
    assert.throws(
      () => np.lib.stride_tricks.as_strided(x, { shape: [4, 4], strides: [4, 4] }),
      (e: Error) => e.name === 'ValueError' && /outside the array's buffer/.test(e.message),
    );
    assert.throws(
      () => np.lib.stride_tricks.as_strided(x, { shape: [2], strides: [-4] }),
      (e: Error) => e.name === 'ValueError',
    );
    assert.throws(
      () => np.lib.stride_tricks.as_strided(x, { shape: [2], strides: [3] }),
      (e: Error) => e.name === 'ValueError' && /multiple of the itemsize/.test(e.message),
    );
    assert.throws(
      () => np.lib.stride_tricks.as_strided(x, { shape: [2, 2], strides: [4] }),
      (e: Error) => e.name === 'ValueError',
    );
    // Zero-size views address nothing and are allowed.
    assert.deepEqual(
      np.lib.stride_tricks.as_strided(x, { shape: [0, 100], strides: [4, 400] }).shape,
      [0, 100],
    );
  });

  it('as_strided of a read-only view stays read-only; writeable: false is honoured', () => {
    const x = np.arange(6) as NDArray;
    const ro = np.lib.stride_tricks.as_strided(x, { shape: [3], strides: [16], writeable: false });
    assert.equal(ro.flags.writeable, false);
    assert.throws(() => ro.set(0, 1), {
      name: 'ValueError',
      message: 'assignment destination is read-only',
    });
  });

  it('sliding_window_view is a read-only view', () => {
    const x = np.arange(5) as NDArray;
    const v = np.lib.stride_tricks.sliding_window_view(x, 3);
    assert.deepEqual(v.tolist(), [
      [0, 1, 2],
      [1, 2, 3],
      [2, 3, 4],
    ]);
    assert.equal(v.flags.writeable, false);
    assert.equal(np.shares_memory(v, x), true);
  });
});

describe('lib.array_utils.byte_bounds', () => {
  it('spans exactly the bytes a view can touch (high - low as NumPy: 24 for a[::-2] of 4 int64)', () => {
    const a = np.arange(4) as NDArray;
    const [lo, hi] = np.lib.array_utils.byte_bounds(a.get('::-2') as NDArray);
    const [alo, ahi] = np.lib.array_utils.byte_bounds(a);
    assert.equal(hi - lo, 24);
    assert.equal(ahi - alo, 32);
    assert.equal(lo, alo + 8);
  });
});
