/**
 * Storage in WebAssembly linear memory: alignment, reuse of freed blocks, growth (typed views
 * re-derived after memory.grow detaches the old ones), explicit disposal.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { alloc, free, view, wasmMemory, WasmBuffer } from '../../src/runtime/internal';
import { memoryStats } from '../../src/runtime/index';
import { tidy } from '../../src/runtime/memory';
import { NDArray } from '../../src/runtime/ndarray';
import * as np from '../../src/runtime/index';

describe('linear-memory allocator', () => {
  it('hands out 16-byte aligned, non-overlapping blocks', () => {
    const blocks = [1, 7, 16, 17, 100, 4096, 70000].map((n) => ({ n, ...alloc(n) }));
    for (const b of blocks) {
      assert.equal(b.ptr % 16, 0);
      assert.ok(b.size >= b.n);
    }
    const sorted = [...blocks].sort((x, y) => x.ptr - y.ptr);
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1]!;
      assert.ok(prev.ptr + prev.size <= sorted[i]!.ptr, 'blocks overlap');
    }
    for (const b of blocks) free(b.ptr, b.size);
  });

  it('reuses a freed block of the same size class', () => {
    const a = alloc(1000);
    free(a.ptr, a.size);
    const b = alloc(900);
    assert.equal(b.ptr, a.ptr);
    free(b.ptr, b.size);
  });

  it('reuses and coalesces large blocks', () => {
    const a = alloc(3 << 20);
    const b = alloc(3 << 20);
    free(a.ptr, a.size);
    free(b.ptr, b.size);
    const c = alloc(5 << 20);
    assert.equal(c.ptr, Math.min(a.ptr, b.ptr), 'coalesced block reused');
    free(c.ptr, c.size);
  });

  it('keeps array contents when the memory grows, and re-derives views', () => {
    const a = np.array([1.5, 2.5, 3.5]);
    const before = wasmMemory().buffer.byteLength;
    const old = view('float64');
    const big = NDArray.empty([(before / 8) * 2], 'float64'); // forces memory.grow
    assert.ok(wasmMemory().buffer.byteLength > before, 'memory grew');
    assert.equal(old.length, 0, 'the old view is detached after growth');
    assert.deepEqual(a.tolist(), [1.5, 2.5, 3.5]);
    assert.notEqual(view('float64').length, 0);
    big[Symbol.dispose]();
  });

  it('zeroes fresh arrays even when a freed block is reused', () => {
    const a = NDArray.empty([64], 'float64');
    a.fill(7);
    const ptr = a.buffer.ptr;
    a[Symbol.dispose]();
    const b = NDArray.empty([64], 'float64');
    assert.equal(b.buffer.ptr, ptr);
    assert.ok((b.tolist() as number[]).every((v) => v === 0));
  });

  it('makes a disposed array unusable with a clear error instead of reading freed memory', () => {
    const a = np.array([1, 2, 3]);
    a[Symbol.dispose]();
    assert.throws(() => a.tolist(), /disposed/);
  });

  it('a WasmBuffer reports its bytes and frees once', () => {
    const live = memoryStats().liveBytes;
    const b = new WasmBuffer(100);
    assert.equal(b.bytes().length, 100);
    assert.ok(memoryStats().liveBytes > live);
    b.dispose();
    b.dispose();
    assert.equal(memoryStats().liveBytes, live);
  });
});

describe('tidy scopes', () => {
  it('frees what a scope allocated except what it returns', () => {
    const x = np.arange(1000);
    tidy(() => x.mul(2).add(1).sub(3)); // warms the ufuncs' cache of weak-scalar 0-d arrays
    const live = memoryStats().liveBytes;
    const y = tidy(() => x.mul(2).add(1).sub(3));
    assert.deepEqual((y.tolist() as number[]).slice(0, 3), [-2, 0, 2]);
    // the two temporaries were freed; only the result's 8,000 bytes (a 8 KiB block) stayed
    assert.equal(memoryStats().liveBytes - live, 8192);
  });

  it('keeps a synchronous loop flat: 10,000 iterations stay at the first high-water mark', () => {
    let x = np.zeros([4096]);
    x = tidy(() => x.add(1));
    const mark = memoryStats().highWater;
    for (let i = 0; i < 10_000; i++) {
      const prev = x;
      x = tidy(() => prev.mul(0.5).add(1));
      prev[Symbol.dispose]();
    }
    assert.equal(memoryStats().highWater, mark);
    assert.ok(Math.abs((x.item(0) as number) - 2) < 1e-9);
  });

  it('keeps arrays inside returned lists and objects, frees everything on a throw', () => {
    const out = tidy(() => ({ a: np.ones([3]), list: [np.zeros([2]), np.arange(4)] }));
    assert.deepEqual(out.list[1]!.tolist(), [0, 1, 2, 3]);
    let inner: np.NDArray | null = null;
    assert.throws(
      () =>
        tidy(() => {
          inner = np.ones([5]);
          throw new Error('boom');
        }),
      /boom/,
    );
    assert.throws(() => (inner as unknown as np.NDArray).tolist(), /disposed/);
  });

  it('nests: kept buffers move to the outer scope', () => {
    let kept: np.NDArray | null = null;
    tidy(() => {
      kept = tidy(() => np.ones([3]));
      return null;
    });
    assert.throws(() => (kept as unknown as np.NDArray).tolist(), /disposed/);
  });
});
