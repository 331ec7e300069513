/**
 * Storage in WebAssembly linear memory: alignment, reuse of freed blocks, growth (typed views
 * re-derived after memory.grow detaches the old ones), explicit disposal.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { alloc, free, view, wasmMemory, WasmBuffer } from '../../src/runtime/internal';
import { memoryStats } from '../../src/runtime/index';
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
