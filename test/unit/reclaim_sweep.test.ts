/**
 * The WeakRef sweep that frees dropped arrays at a reclaim when the engine has no
 * FinalizationRegistry#cleanupSome (memory.ts `sweepTracked`): blocks are freed exactly once
 * (never a block a live array still owns, never twice when its finalizer runs later), and slab
 * records recycled in between are not freed by a stale entry. Runs in this process (node --test,
 * no V8 flags): the hook is a `gc` taken as the runtime takes it, with a 0 floor so every growth
 * reclaims.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import * as np from '../../src/runtime/index';
import type { NDArray } from '../../src/runtime/ndarray';

const hasCleanupSome =
  typeof (FinalizationRegistry.prototype as { cleanupSome?: unknown }).cleanupSome === 'function';
const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 5));
let gc: () => void = () => {};
/**
 * Collects and lets the finalizers run until liveBytes settles (a new task first: WeakRef targets
 * made in this one are kept until it ends).
 */
async function settle(): Promise<void> {
  let prev = -1;
  for (let k = 0; k < 10 && (k < 3 || np.memoryStats().liveBytes !== prev); k++) {
    prev = np.memoryStats().liveBytes;
    await tick();
    gc();
    await tick();
  }
}

/** A deterministic generator (tests must be reproducible). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('WeakRef sweep at a reclaim (no cleanupSome)', () => {
  before(() => {
    assert.equal(hasCleanupSome, false, 'this process should not have cleanupSome');
    v8.setFlagsFromString('--expose-gc');
    gc = vm.runInNewContext('gc') as () => void;
    v8.setFlagsFromString('--no-expose-gc');
    np.setReclaimHook(gc, { floorBytes: 0 });
  });

  it('kept arrays keep their values through many reclaims of dropped, disposed and kept ones', async () => {
    const rand = rng(42);
    const kept: { a: NDArray; v: number }[] = [];
    const r0 = np.memoryStats().reclaims;
    for (let i = 0; i < 6000; i++) {
      // some disposed, some dropped, a few kept
      // small (slab), over 16 KiB (own registration) and over 1 MiB (the large free list)
      const w = rand();
      const n =
        w < 0.7
          ? 1 + Math.floor(rand() * 200)
          : w < 0.97
            ? 3000 + Math.floor(rand() * 30000)
            : 140_000 + Math.floor(rand() * 60_000);
      const v = i + 0.5;
      const a = np.full([n], v);
      const u = rand();
      if (u < 0.3) a[Symbol.dispose]();
      else if (u < 0.33) kept.push({ a, v });
      if (kept.length > 40 && rand() < 0.5) {
        const k = Math.floor(rand() * kept.length);
        const [gone] = kept.splice(k, 1);
        if (rand() < 0.5) gone!.a[Symbol.dispose]();
      }
      if (i % 1000 === 999) await tick(); // let the finalizers of swept blocks run too
    }
    assert.ok(np.memoryStats().reclaims - r0 > 5, 'the loop should have reclaimed');
    for (const { a, v } of kept) {
      assert.equal(a.buffer.freed, false);
      assert.equal(np.min(a), v);
      assert.equal(np.max(a), v);
    }
    // no block is owned twice: live arrays never overlap
    const spans = kept.map(({ a }) => [a.buffer.ptr, a.buffer.ptr + a.nbytes] as const);
    spans.sort((x, y) => x[0] - y[0]);
    for (let k = 1; k < spans.length; k++) assert.ok(spans[k]![0] >= spans[k - 1]![1]);
  });

  it('a slab record recycled while its old token lives is not freed when that token dies', async () => {
    await settle();
    // whole slabs disposed while their arrays are still referenced: their records are recycled
    const old: NDArray[] = [];
    for (let i = 0; i < 64 * 4; i++) {
      const a = np.full([4], 1);
      a[Symbol.dispose]();
      old.push(a);
    }
    // new small arrays reuse those records
    const live = Array.from({ length: 64 * 4 }, () => np.full([4], 7));
    old.length = 0; // the old tokens die
    const r0 = np.memoryStats().reclaims;
    // dropped: growth → reclaims (floor 0)
    for (let i = 0; i < 50_000 && np.memoryStats().reclaims < r0 + 2; i++) np.ones([20_000]);
    assert.ok(np.memoryStats().reclaims >= r0 + 2);
    // blocks wrongly freed would be handed out again here
    const fresh = Array.from({ length: 64 * 8 }, () => np.full([4], 3));
    for (const a of live) assert.deepEqual(a.tolist(), [7, 7, 7, 7]);
    for (const a of fresh) assert.deepEqual(a.tolist(), [3, 3, 3, 3]);
  });

  it('liveBytes returns to what the kept arrays hold (no block freed twice or leaked)', async () => {
    await settle();
    const base = np.memoryStats().liveBytes;
    const keep = Array.from({ length: 50 }, () => np.ones([4096])); // 32 KiB blocks
    for (let i = 0; i < 3000; i++) {
      np.add(np.ones([3000]), 1); // dropped: large blocks and their results
      np.ones([7]); // dropped: small blocks in slabs
    }
    await settle();
    // the dropped ones go at a reclaim or through their finalizers; what stays is `keep` and
    // at most the open slab's blocks
    const extra = np.memoryStats().liveBytes - base - 50 * 32768;
    assert.ok(extra >= 0, `liveBytes below the kept arrays' bytes by ${-extra}: a double free`);
    assert.ok(extra <= 64 * 1024, `${extra} bytes of dropped arrays still live`);
    assert.equal(keep.length, 50);
  });
});

describe('reclaim rate limits (big arrays)', () => {
  const BIG = 2_200_000; // 17.6 MB: blocks ≥ 16 MiB grow the memory by exactly what they need

  it('a growing live set of big arrays costs O(log) reclaims, not one per allocation', async () => {
    await settle();
    np.setReclaimHook(gc, { floorBytes: 0 });
    const r0 = np.memoryStats().reclaims;
    const kept = Array.from({ length: 16 }, () => np.ones([BIG]));
    const n = np.memoryStats().reclaims - r0;
    assert.ok(n <= 8, `${n} reclaims for 16 kept allocations`);
    for (const a of kept) a[Symbol.dispose]();
  });

  it('big arrays dropped in a synchronous loop reuse their blocks', async () => {
    await settle();
    np.setReclaimHook(gc, { floorBytes: 0 });
    const a = np.ones([BIG]);
    np.add(a, 1);
    const before = np.memoryStats().memoryBytes;
    for (let i = 0; i < 30; i++) np.add(a, 1);
    const grown = np.memoryStats().memoryBytes - before;
    // at most a few results' worth (one reclaim waits for half the live bytes), not 30
    assert.ok(grown <= 4 * BIG * 8, `grew by ${grown} bytes`);
  });
});
