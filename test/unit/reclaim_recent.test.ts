/**
 * A reclaim runs inside an allocation, i.e. inside some op that may still use the pointer of a
 * temporary it no longer references: the blocks of the most recent large buffers survive that
 * reclaim (memory.ts `recentLarge`) and are freed by a later one. Runs in this process with the
 * runtime's own `gc` hook and a 0 floor, so every growth reclaims.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import * as np from '../../src/runtime/index';
import type { NDArray } from '../../src/runtime/ndarray';

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 5));

describe('reclaim inside an allocation', () => {
  it('keeps the block of a just-dropped temporary, frees it at a later reclaim', async () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    v8.setFlagsFromString('--no-expose-gc');
    np.setReclaimHook(gc, { floorBytes: 0 });
    for (let k = 0; k < 3; k++) {
      await tick();
      gc();
    }
    await tick();

    const T = 100_000 * 8; // an 800 kB temporary (a large buffer, not a slab block)
    const s0 = np.memoryStats();
    let t: NDArray | null = np.ones([100_000]);
    assert.equal(np.memoryStats().liveBytes - s0.liveBytes >= T, true);
    t = null;
    // an allocation the memory cannot hold: it grows, so it reclaims first (t is garbage then)
    const X = Math.ceil(s0.memoryBytes / 8) + 100_000;
    const x = np.empty([X]);
    const s1 = np.memoryStats();
    assert.ok(s1.reclaims > s0.reclaims, 'no reclaim ran');
    // t's block still counts as live: that reclaim did not free it
    assert.ok(
      s1.liveBytes - s0.liveBytes >= T + X * 8,
      `the temporary was freed at once: live grew by ${s1.liveBytes - s0.liveBytes} bytes`,
    );
    x[Symbol.dispose]();

    // a few more large allocations later, the next reclaim frees it
    for (let k = 0; k < 6; k++) np.ones([100_000])[Symbol.dispose]();
    const s2 = np.memoryStats();
    const y = np.empty([Math.ceil(s2.memoryBytes / 8) + 100_000]);
    const s3 = np.memoryStats();
    assert.ok(s3.reclaims > s2.reclaims, 'no second reclaim ran');
    assert.ok(
      s3.liveBytes - y.nbytes < s0.liveBytes + T / 2, // small blocks made meanwhile aside
      `the temporary's block was never freed: ${s3.liveBytes - y.nbytes - s0.liveBytes} bytes left`,
    );
    y[Symbol.dispose]();
    assert.equal(t, null);
  });
});
