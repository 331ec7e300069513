/**
 * Reclaiming dropped arrays: small buffers share one FinalizationRegistry registration per slab
 * (memory.ts), disposed blocks come back at once, dropped ones after a GC; the reclaim hook runs a
 * GC + FinalizationRegistry#cleanupSome before the memory grows, so a synchronous loop that drops
 * arrays stays at its first high-water mark (in a worker started after the V8 flags are set).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import * as os from 'node:os';
import * as fs from 'node:fs';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { Worker } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import * as np from '../../src/runtime/index';
import { WasmBuffer } from '../../src/runtime/memory';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
const live = (): number => np.memoryStats().liveBytes;
const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 10));

describe('small buffers in slabs', () => {
  it('disposing every buffer returns every byte, in any order', () => {
    const before = live();
    const bufs = Array.from({ length: 300 }, (_, i) => new WasmBuffer(8 + (i % 40) * 8));
    assert.ok(live() > before);
    for (let i = 0; i < bufs.length; i += 2) bufs[i]!.dispose();
    for (let i = bufs.length - 1; i >= 0; i -= 2) bufs[i]!.dispose();
    assert.equal(live(), before);
    assert.ok(bufs.every((b) => b.freed));
    assert.throws(() => bufs[0]!.ptr, /disposed/);
  });

  it('a disposed block is reused and zeroed; live neighbours keep their values', () => {
    const a = np.full([5], 7.5);
    const b = np.arange(5);
    const pa = a.buffer.ptr;
    a[Symbol.dispose]();
    const c = np.zeros([5]);
    assert.equal(c.buffer.ptr, pa);
    assert.deepEqual(c.tolist(), [0, 0, 0, 0, 0]);
    assert.deepEqual(b.tolist(), [0, 1, 2, 3, 4]);
  });

  it('dropped small arrays come back after garbage collection', async () => {
    const base = live();
    (() => {
      for (let i = 0; i < 1000; i++) np.add(np.ones([3, 3]), 2.5);
    })();
    assert.ok(live() - base >= 1000 * 2 * 80);
    for (let k = 0; k < 20 && live() - base > 64 * 1024; k++) {
      gc();
      await tick();
    }
    // only the slab still open for new buffers may hold dropped blocks (≤ 64 KiB)
    assert.ok(live() - base <= 64 * 1024 + 16, `${live() - base} bytes still live`);
  });

  it('disposed 1e5 np.add results do not accumulate (liveBytes stays flat)', () => {
    const a = np.ones([100_000]);
    const b = np.ones([100_000]);
    np.add(a, b)[Symbol.dispose]();
    const l0 = live();
    for (let i = 0; i < 20; i++) {
      const c = np.add(a, b);
      c[Symbol.dispose]();
      assert.ok(c.buffer.freed);
    }
    assert.equal(live(), l0);
  });
});

// --- the reclaim hook, in workers started after the V8 flags are set ---------------------------

let bundle: string | null = null;
async function runtimeBundle(): Promise<string> {
  if (bundle !== null) return bundle;
  const root = path.join(__dirname, '..', '..');
  const out = path.join(os.tmpdir(), `ndscope-reclaim-${process.pid}.mjs`);
  await esbuild.build({
    entryPoints: [path.join(root, 'src', 'runtime', 'index.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outfile: out,
    logLevel: 'silent',
  });
  process.on('exit', () => fs.rmSync(out, { force: true }));
  return (bundle = out);
}

v8.setFlagsFromString('--harmony-weak-refs-with-cleanup-some');

interface LoopReport {
  first: number;
  warm: number;
  end: number;
  reclaims: number;
  hook: boolean;
}

/** Runs `body` (JS, with `np` in scope) in a fresh worker; it posts a LoopReport. */
async function inWorker(body: string): Promise<LoopReport> {
  const url = pathToFileURL(await runtimeBundle()).href;
  const code = `
    const { parentPort } = require('node:worker_threads');
    import(${JSON.stringify(url)}).then((np) => {
      ${body}
    }).catch((e) => parentPort.postMessage({ error: String(e && e.stack || e) }));`;
  const w = new Worker(code, { eval: true, execArgv: [] });
  const msg = await new Promise<LoopReport & { error?: string }>((resolve, reject) => {
    w.once('message', resolve);
    w.once('error', reject);
  });
  await w.terminate();
  if (msg.error !== undefined) throw new Error(msg.error);
  return msg;
}

const LOOP = (n: number, size: number): string => `
  const step = () => { const x = np.ones([${size}]); const t = np.multiply(x, 2); np.add(t, 1); };
  step();
  const first = np.memoryStats().memoryBytes;
  let warm = first;
  for (let i = 1; i < ${n}; i++) {
    step();
    if (i === ${Math.max(1, Math.floor(n / 10))}) warm = np.memoryStats().memoryBytes;
  }
  const s = np.memoryStats();
  parentPort.postMessage({ first, warm, end: s.memoryBytes, reclaims: s.reclaims, hook: true });`;

describe('reclaim hook (synchronous drop loops)', () => {
  it('10,000 dropping iterations do not grow the memory past the first iteration (floor 0)', async () => {
    const r = await inWorker(`np.setReclaimHook(gc, { floorBytes: 0 });${LOOP(10_000, 10_000)}`);
    assert.equal(r.end, r.first, `memory ${r.first} → ${r.end}`);
    assert.ok(r.reclaims > 0);
  });

  it('large blocks too (arrays over 1 MiB): one growth at most, then flat', async () => {
    // a reclaim keeps the blocks of the last 2 large buffers (a running op may still use a
    // temporary it no longer references: memory.ts `recentLarge`), so the memory may hold two
    // iterations' arrays instead of one
    const r = await inWorker(`np.setReclaimHook(gc, { floorBytes: 0 });${LOOP(300, 200_000)}`);
    assert.equal(r.end, r.warm, `memory ${r.first} → ${r.warm} (30 iterations) → ${r.end}`);
    assert.ok(r.end <= 2 * r.first, `memory ${r.first} → ${r.end}`);
  });

  it('is installed by itself when gc and cleanupSome exist (default 32 MiB floor)', async () => {
    const r = await inWorker(LOOP(400, 100_000)); // 400 × 3 MiB dropped
    assert.ok(r.reclaims > 0);
    // memory grows freely below the floor, so it settles between the floor and twice it
    assert.ok(r.end <= 64 * 1024 * 1024, `memory ${r.end}`);
  });

  it('without a hook the same loop grows (what the hook prevents)', async () => {
    const r = await inWorker(`np.setReclaimHook(null);${LOOP(100, 100_000)}`);
    assert.equal(r.reclaims, 0);
    assert.ok(r.end > r.first * 4, `memory ${r.first} → ${r.end}`);
  });
});
