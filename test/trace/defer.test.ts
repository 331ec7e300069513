/**
 * Deferred recording (RecorderOptions.defer, on in wire mode): the usual call is queued and its
 * records written with the batch. Whatever the program does between a queued call and the batch
 * (dispose the result or an input, write into an input, make views, print, throw, run out of
 * budget), the decoded trace must be the one the eager recorder gives — and calls must actually
 * be queued (counted), or these comparisons would test nothing.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as rawNp from '../../src/runtime/index';
import {
  Recorder,
  createTracedNamespace,
  installMethodTracing,
  type TraceEvent,
} from '../../src/trace/index';
import type { ConsoleEntry, Truncation } from '../../src/trace/schema';
import { WireDecoder, releaseArena, wireTransferables, type WireBatch } from '../../src/trace/wire';
import { canon } from './canon';

type Np = typeof rawNp;
type Prog = (np: Np, rec: Recorder) => void;

interface Run {
  events: TraceEvent[];
  console: ConsoleEntry[];
  truncated: Truncation | undefined;
  /** Calls the recorder queued. */
  deferred: number;
  /** Events that arrived after the truncation notice. */
  late: number;
  /** Every batch's value bytes, concatenated. */
  bytes: Uint8Array;
}

/** Runs `prog` traced in wire mode (shared arenas, as the runner's worker) and decodes it. */
function run(prog: Prog, opts: { defer: boolean; batchSize?: number; budget?: number }): Run {
  const decoder = new WireDecoder();
  const out: Run = {
    events: [],
    console: [],
    truncated: undefined,
    deferred: 0,
    late: 0,
    bytes: new Uint8Array(0),
  };
  const chunks: Uint8Array[] = [];
  const rec = new Recorder({
    sharedArenas: true,
    defer: opts.defer,
    batchSize: opts.batchSize ?? 64,
    batchMs: 1e9,
    ...(opts.budget !== undefined ? { limits: { budgetBytes: opts.budget } } : {}),
    wireSink: (b: WireBatch) => {
      const c = structuredClone(b, { transfer: wireTransferables(b) }) as WireBatch;
      chunks.push(c.bytes.slice());
      const evs = decoder.decode(c);
      if (out.truncated !== undefined) out.late += evs.length;
      out.events.push(...evs);
      out.console.push(...c.console);
      if (c.truncated !== undefined) out.truncated = c.truncated;
    },
  });
  const defer = rec.defer.bind(rec);
  rec.defer = (...a: Parameters<Recorder['defer']>): boolean => {
    const queued = defer(...a);
    if (queued) out.deferred++;
    return queued;
  };
  const off = installMethodTracing(rec);
  try {
    prog(createTracedNamespace(rawNp, rec), rec);
    rec.flush();
  } finally {
    off();
  }
  out.bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let p = 0;
  for (const c of chunks) {
    out.bytes.set(c, p);
    p += c.length;
  }
  return out;
}

/** The program traced eagerly and deferred: same events (and console, truncation); returns both. */
function same(prog: Prog, opts: { batchSize?: number; budget?: number } = {}): [Run, Run] {
  const eager = run(prog, { ...opts, defer: false });
  const lazy = run(prog, { ...opts, defer: true });
  assert.equal(eager.deferred, 0);
  assert.ok(lazy.deferred > 0, 'the deferred run queued calls');
  assert.equal(canon(lazy.events), canon(eager.events));
  assert.deepEqual(lazy.console, eager.console);
  assert.deepEqual(lazy.truncated, eager.truncated);
  assert.equal(lazy.late, 0, 'no event after the truncation notice');
  assert.equal(eager.late, 0);
  return [eager, lazy];
}

/** Float64 bit patterns as bytes (little-endian). */
function f64Bytes(bits: bigint[]): Uint8Array {
  const b = new BigUint64Array(bits);
  return new Uint8Array(b.buffer);
}

/** How often `needle` occurs in `hay`. */
function count(hay: Uint8Array, needle: Uint8Array): number {
  let n = 0;
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    n++;
  }
  return n;
}

describe('trace/defer: queued calls record what the eager recorder records', () => {
  it('results disposed right after the call (their memory reused by the next result)', () => {
    const [, lazy] = same((np) => {
      const a = np.arange(100_000, { dtype: 'float64' });
      const b = np.ones([100_000]);
      const t = np.array([1, 2, 3]);
      for (let i = 0; i < 40; i++) {
        // each result lands where the previous one was: the queued preview must be the copy
        // taken at the call, not what the memory holds when the batch is written
        np.add(a, i)[Symbol.dispose]();
        a.mul(b).mul(i)[Symbol.dispose]();
        np.sum(a.get(`${i}:`) as rawNp.NDArray);
        t.add(i)[Symbol.dispose]();
      }
    });
    assert.ok(lazy.deferred >= 120);
  });

  it('results of every item size, full and previewed, word-aligned or not, disposed at once', () => {
    // copied at the call into the stage (whole 8-byte words) or into the batch (any other run:
    // 3 int8 values, a tail starting at an odd byte); the next result reuses the memory
    const [, lazy] = same((np) => {
      for (const dtype of [
        'bool',
        'int8',
        'uint8',
        'int16',
        'float32',
        'int32',
        'int64',
        'float64',
      ])
        for (const n of [1, 3, 7, 8, 4096, 4097, 5001, 10_003]) {
          const x = np.arange(n).astype(dtype as rawNp.DType);
          for (let i = 0; i < 2; i++) {
            x.copy()[Symbol.dispose]();
            np.full([n], i + 5, { dtype: dtype as rawNp.DType })[Symbol.dispose]();
          }
          x[Symbol.dispose]();
        }
    });
    assert.ok(lazy.deferred >= 8 * 8 * 4);
  });

  it('every kind of result, operand and broadcast operands, queued', () => {
    const [, lazy] = same((np, rec) => {
      const a = np.arange(12, { dtype: 'float64' }).reshape(3, 4);
      const row = np.arange(4, { dtype: 'int32' });
      const big = np.linspace(0, 1, 10_000);
      const flags = np.array([true, false, true]);
      const nan = np.array([1, Number.NaN]);
      const col = a.get(':', '1:2') as rawNp.NDArray; // a view (its buffer's views listed)
      const at = a.T; // another view
      rec.flush(); // their snapshots written: what follows is queued
      for (let i = 0; i < 3; i++) {
        np.add(a, row); // (3,4) + (4,): broadcast, int32 → float64
        a.mul(i); // method, a number
        np.multiply(a, a); // the same array twice: one input
        np.add(col, 1); // a view as input
        at.copy(); // a copy of a transposed view: C-ordered
        big.add(i); // previewed result
        np.sum(a); // a number
        np.sum(nan); // NaN: the result is a string ('nan')
        np.all(flags); // a boolean
        np.negative(big); // unary, no broadcast operands
        np.add(2, 3); // no array: a scalar event with broadcast operands
        np.maximum(row, a, undefined as never); // three arguments
      }
    });
    assert.ok(lazy.deferred >= 30, `${lazy.deferred} queued calls`);
  });

  it('an input disposed, written, or viewed while calls that read it are queued', () => {
    same((np) => {
      for (let i = 0; i < 6; i++) {
        const x = np.arange(5000 + i, { dtype: 'float64' }); // full values (≤ 4096: no)
        const y = np.arange(12, { dtype: 'int32' });
        const s = np.sum(x); // queued: reads x
        x.mul(2);
        x[Symbol.dispose](); // x's bytes freed: the queue is written first
        const z = y.add(1); // queued
        y.set(0, 100 + i); // a write into y: the queue is written first
        np.add(y, z, { out: z }); // out= write into a queued result
        y.iadd(z);
        const v = z.reshape(3, 4); // a view of a queued result (recorded at once)
        v.set(1, 2, -1);
        np.tidy(() => {
          const w = y.mul(3); // queued, then disposed by the scope
          return w.sum();
        });
        void s;
      }
      // an array made without tracing (never recorded): read by a call, then disposed before the
      // batch — the call must not be queued (its snapshot would read freed memory)
      const u = rawNp.arange(50, { dtype: 'float64' });
      np.sum(u);
      u[Symbol.dispose]();
    });
  });

  it('options objects of scalars are recorded as they were at the call', () => {
    const [, lazy] = same((np) => {
      const m = np.arange(200_000, { dtype: 'float64' }).reshape(400, 500);
      for (let i = 0; i < 5; i++) {
        const o: { axis: number; keepdims?: boolean } = { axis: 0 };
        (m.sum(o) as rawNp.NDArray)[Symbol.dispose]();
        o.axis = 1; // changed after the call: the event keeps axis=0
        o.keepdims = true;
        np.mean(m, o);
        np.max(m, { axis: [0, 1] }); // an array inside: recorded at once
        np.cumsum(m, null as never); // a null last argument stays null
      }
    });
    assert.ok(lazy.events.some((e) => e.args?.includes('axis: 0')));
  });

  it('console lines and errors keep their place between queued calls', () => {
    same((np, rec) => {
      const a = np.arange(10);
      for (let i = 0; i < 5; i++) {
        a.add(i);
        rec.addConsole({ level: 'log', text: `line ${i}` });
        np.mean(a);
        try {
          np.add(a, np.ones([3]));
        } catch {
          /* recorded as an error event */
        }
      }
    });
  });

  it('a budget that runs out while calls are queued truncates at the same step', () => {
    const [eager] = same(
      (np) => {
        const a = np.arange(50_000, { dtype: 'float64' });
        for (let i = 0; i < 200; i++) a.add(i);
      },
      { budget: 60_000 },
    );
    assert.ok(eager.truncated !== undefined, 'the budget was reached');
    // and among calls queued after arrays recorded earlier (results used as inputs too)
    for (const budget of [100_000, 150_000, 270_000]) {
      const [e, lazy] = same(
        (np, rec) => {
          const a = np.arange(50_000, { dtype: 'float64' });
          const b = np.arange(60, { dtype: 'float64' }).reshape(6, 10);
          rec.flush();
          for (let i = 0; i < 200; i++) {
            a.add(i);
            np.sum(np.add(b, i)); // a queued result as an input: its snapshot's cost counts
            np.sum(b);
          }
        },
        { budget },
      );
      assert.ok(e.truncated !== undefined, `the budget of ${budget} bytes was reached`);
      assert.ok(lazy.deferred > 0);
    }
  });

  it('batches of one (as after the program returns) and long queues', () => {
    const prog: Prog = (np) => {
      const a = np.arange(7, { dtype: 'int8' });
      for (let i = 0; i < 300; i++) np.multiply(a, i % 5).astype('int16');
    };
    same(prog, { batchSize: 1 });
    same(prog, { batchSize: 2000 });
  });

  it('a loop dropping large results holds at most ~32 MB of them in the queue', () => {
    let most = 0;
    const [, lazy] = same(
      (np, rec) => {
        let x = np.ones([1_000_000]); // 8 MB per result
        for (let i = 0; i < 40; i++) {
          x = x.mul(1);
          most = Math.max(most, (rec as unknown as { qBytes: number }).qBytes);
        }
      },
      { batchSize: 10_000 },
    );
    assert.ok(lazy.deferred >= 40);
    assert.ok(most > 0 && most <= 32 * 1024 * 1024, `queued ${most} bytes`);
  });

  it('a loop disposing its large results keeps them queued until the batch (no memory held)', () => {
    let most = 0;
    let held = 0;
    const [, lazy] = same(
      (np, rec) => {
        const x = np.ones([1_000_000]); // 8 MB per result
        for (let i = 0; i < 40; i++) {
          const y = x.mul(i);
          y[Symbol.dispose]();
          const r = rec as unknown as { qn: number; qBytes: number };
          most = Math.max(most, r.qn);
          held = Math.max(held, r.qBytes);
        }
        // then results kept alive: the bound applies to them
        const kept = [];
        for (let i = 0; i < 8; i++) {
          kept.push(x.add(i));
          held = Math.max(held, (rec as unknown as { qBytes: number }).qBytes);
        }
      },
      { batchSize: 10_000 },
    );
    assert.ok(lazy.deferred >= 48);
    assert.equal(most, 40, 'every disposed result stayed queued');
    assert.ok(held <= 32 * 1024 * 1024, `queued ${held} bytes`);
  });

  it('a batch of queued results is sent before it outgrows its shared arena', () => {
    // 60 queued results of 4,096 float64 values (32 KB each, written into the batch at the call),
    // no count or time limit: sent every ~16 (512 KB), each batch in a shared arena (no copy)
    const batches: { inArena: boolean; bytes: number }[] = [];
    const rec = new Recorder({
      sharedArenas: true,
      batchSize: 10_000,
      batchMs: 1e9,
      wireSink: (b) => {
        batches.push({ inArena: b.arena !== undefined, bytes: b.bytes.length });
        releaseArena(b); // (as the runner's decoder does once it has read the batch)
      },
    });
    const off = installMethodTracing(rec);
    try {
      const x = rawNp.arange(4096, { dtype: 'float64' });
      for (let i = 0; i < 60; i++) x.mul(i)[Symbol.dispose]();
      rec.flush();
    } finally {
      off();
    }
    assert.ok(batches.length >= 4, `${batches.length} batches`);
    for (const b of batches) {
      assert.ok(b.inArena, 'written in a shared arena');
      assert.ok(b.bytes <= 1 << 20, `${b.bytes} bytes`);
    }
  });

  it('copies values bit for bit (NaN payloads, int64) into previews and full values', () => {
    // float64 NaNs with payloads, a signaling NaN, -0: copied by the float64 word loop
    const bits = [
      0x7ff0000000000001n,
      0xfff8deadbeef0001n,
      0x8000000000000000n,
      0x7ff4000000000123n,
    ];
    const [eager, lazy] = same((np) => {
      const raw = new Uint8Array(8 * 10_000);
      raw.set(f64Bytes(bits), 0); // head of a 10,000-element preview
      raw.set(f64Bytes(bits), raw.length - 32); // and its tail
      const src = np.frombuffer(raw, { dtype: 'float64' });
      src.copy(); // a fresh result: copied at the call
      np.frombuffer(raw.subarray(0, 64), { dtype: 'float64' }).copy(); // full values
      np.frombuffer(raw.subarray(0, 32), { dtype: 'int64' }).copy();
    });
    // each source array (recorded at once: its argument is a Uint8Array) and each copy (queued)
    // holds the pattern: head, tail, full values, int64
    const pattern = f64Bytes(bits);
    assert.equal(count(eager.bytes, pattern), 8);
    assert.equal(count(lazy.bytes, pattern), 8);
  });
});
