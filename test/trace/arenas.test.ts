/**
 * The recorder's shared batch arenas (src/trace/wire.ts, `sharedArenas`, as the runner's worker
 * uses): batches written in SharedArrayBuffer arenas, handed back by the decoder, decode to the
 * same events as in-process recording — when decoded at once, when decoded late (arenas in
 * flight must not be overwritten: the writer falls back to copies), when a batch outgrows its
 * arena, through a real MessageChannel, and in the inspector probe's JSON form.
 */
import { describe, it } from 'node:test';
import { MessageChannel } from 'node:worker_threads';
import assert from 'node:assert/strict';
import * as rawNp from '../../src/runtime/index';
import {
  Recorder,
  createTracedNamespace,
  installMethodTracing,
  type TraceEvent,
} from '../../src/trace/index';
import {
  WireDecoder,
  packWire,
  wireTransferables,
  type WireBatch,
} from '../../src/trace/wire';
import { wireFromJson, wireToJson } from '../../src/runner/messages';
import { canon } from './canon';

type Np = typeof rawNp;
type RecOpts = ConstructorParameters<typeof Recorder>[0];

/** Every kind of event, previews and full values, writes through views; `rounds` times. */
function program(rounds: number): (np: Np) => void {
  return (np) => {
    const big = np.arange(20_000, { dtype: 'float64' });
    const m = np.zeros([3, 4]);
    // views stay alive: `write.affected` lists the live views of a buffer (WeakRefs), which
    // would otherwise depend on when the garbage collector runs
    const keep: unknown[] = [];
    for (let r = 0; r < rounds; r++) {
      const a = np.arange(24, { dtype: 'int16' }).reshape(4, 6);
      a.T.reshape(24);
      keep.push(a, a.get('::2, 1::2'));
      a.get(a.gt(10));
      np.sum(a);
      big.mul(r); // a 20,000-element result: head/tail preview
      np.arange(3000 + r, { dtype: 'float64' }).add(1); // 3000+ values in full
      const row = m.get(1) as rawNp.NDArray;
      keep.push(row);
      row.set(':', r);
      m.iadd(np.array([1, 0, 2, 0]));
      np.array([1.5, NaN, -Infinity], { dtype: 'float32' }).mul(2);
    }
  };
}

/** Runs `prog` traced in process (the reference events). */
function local(prog: (np: Np) => void): TraceEvent[] {
  const rec = new Recorder({ keep: true });
  const off = installMethodTracing(rec);
  try {
    prog(createTracedNamespace(rawNp, rec));
    rec.flush();
  } finally {
    off();
  }
  return rec.events;
}

/** Runs `prog` traced in wire mode; `onBatch` gets each batch as posted (a structured clone). */
function wired(prog: (np: Np) => void, opts: RecOpts, onBatch: (b: WireBatch) => void): void {
  const rec = new Recorder({
    ...opts,
    wireSink: (b: WireBatch) =>
      onBatch(structuredClone(b, { transfer: wireTransferables(b) }) as WireBatch),
  });
  const off = installMethodTracing(rec);
  try {
    prog(createTracedNamespace(rawNp, rec));
    rec.flush();
  } finally {
    off();
  }
}

describe('trace/arenas: shared batch arenas', () => {
  it('batches in shared arenas, decoded at once, give the in-process events; arenas are reused', () => {
    const ref = canon(local(program(6)));
    for (const batchSize of [1, 5, 64]) {
      const decoder = new WireDecoder();
      const events: TraceEvent[] = [];
      const slots = new Set<number>();
      let shared = 0;
      let batches = 0;
      wired(program(6), { sharedArenas: true, batchSize, batchMs: 1e9 }, (b) => {
        batches++;
        if (b.arena !== undefined) {
          shared++;
          slots.add(b.arena.slot);
          assert.ok(b.nums.buffer instanceof SharedArrayBuffer);
          assert.equal(Atomics.load(b.arena.ctrl, b.arena.slot), 1, 'in flight until decoded');
        }
        events.push(...decoder.decode(b));
        if (b.arena !== undefined) assert.equal(Atomics.load(b.arena.ctrl, b.arena.slot), 0);
      });
      assert.equal(canon(events), ref, `batchSize ${batchSize}`);
      assert.ok(batches > 1);
      assert.equal(shared, batches, 'every batch fit its arena');
      // decoded at once: the writer goes back to the arena it handed out (at most 2 in use)
      assert.ok(slots.size <= 2, `slots used: ${[...slots].join(', ')}`);
    }
  });

  it('batches decoded late are not overwritten (copies once every arena is in flight)', () => {
    const ref = canon(local(program(12)));
    const held: WireBatch[] = [];
    wired(program(12), { sharedArenas: true, batchSize: 3, batchMs: 1e9 }, (b) => held.push(b));
    const inArenas = held.filter((b) => b.arena !== undefined).length;
    assert.ok(held.length > 20);
    assert.equal(inArenas, 8, 'the pool holds 8 arenas; later batches are copies');
    assert.ok(
      held.slice(8).every((b) => b.arena === undefined && b.nums.buffer instanceof ArrayBuffer),
    );
    const decoder = new WireDecoder();
    const events = held.flatMap((b) => decoder.decode(b));
    assert.equal(canon(events), ref);
  });

  it('a batch that outgrows its arena is sent as a copy; later batches use the arena again', () => {
    // one event over the arena's 1 MiB: 40 views of 4,000 float64 values, each carried in full
    const prog = (np: Np): void => {
      np.split(np.arange(160_000, { dtype: 'float64' }), 40);
      program(5)(np);
    };
    const ref = canon(local(prog));
    const decoder = new WireDecoder();
    const events: TraceEvent[] = [];
    const kinds: boolean[] = [];
    wired(prog, { sharedArenas: true, batchSize: 1000, batchMs: 1e9 }, (b) => {
      kinds.push(b.arena !== undefined);
      events.push(...decoder.decode(b));
    });
    assert.equal(kinds[0], false, 'the first batch outgrew the arena');
    assert.ok(kinds.slice(1).includes(true), `later batches in the arena again: ${kinds.join(' ')}`);
    assert.equal(canon(events), ref);
    const decoder2 = new WireDecoder();
    const ev2: TraceEvent[] = [];
    const kinds2: boolean[] = [];
    wired(program(30), { sharedArenas: true, batchSize: 4, batchMs: 1e9 }, (b) => {
      kinds2.push(b.arena !== undefined);
      ev2.push(...decoder2.decode(b));
    });
    assert.ok(kinds2.every((k) => k));
    assert.equal(canon(ev2), canon(local(program(30))));
  });

  it('packed batches (after the first from an arena: its slot and lengths) decode the same', () => {
    const ref = canon(local(program(10)));
    const decoder = new WireDecoder();
    const events: TraceEvent[] = [];
    const sent: boolean[] = [];
    let posted = 0;
    let packed = 0;
    // each batch cloned as postMessage would and decoded at once (the arena is handed back, so
    // the writer reuses it and later batches from it are packed)
    const rec = new Recorder({
      sharedArenas: true,
      batchSize: 4,
      batchMs: 1e9,
      wireSink: (b) => {
        posted++;
        const m = structuredClone(packWire(b, sent), { transfer: wireTransferables(b) });
        if ('packed' in m) packed++;
        events.push(...decoder.decode(m));
      },
    });
    const off = installMethodTracing(rec);
    try {
      program(10)(createTracedNamespace(rawNp, rec));
      rec.flush();
    } finally {
      off();
    }
    assert.ok(packed > 0 && packed < posted, `${packed} of ${posted} batches packed`);
    assert.equal(canon(events), ref);
    // a packed batch from an arena the decoder never saw is an error, not garbage
    assert.throws(
      () =>
        new WireDecoder().decode({
          wire: 1,
          strs: [],
          objs: [],
          console: [],
          packed: { slot: 0, p: 0, bp: 0 },
        }),
      /never sent/,
    );
  });

  it('through a MessageChannel (decoded in another turn) and as the probe JSON, the same', async () => {
    const ref = canon(local(program(8)));
    const { port1, port2 } = new MessageChannel();
    const decoder = new WireDecoder();
    const events: TraceEvent[] = [];
    let posted = 0;
    let received = 0;
    const done = new Promise<void>((resolve) => {
      port2.on('message', (m: { batch: WireBatch }) => {
        events.push(...decoder.decode(m.batch));
        if (++received === posted) resolve();
      });
    });
    const rec = new Recorder({
      sharedArenas: true,
      batchSize: 7,
      batchMs: 1e9,
      wireSink: (b) => {
        posted++;
        port1.postMessage({ batch: b }, wireTransferables(b));
      },
    });
    const off = installMethodTracing(rec);
    try {
      program(8)(createTracedNamespace(rawNp, rec));
      rec.flush();
    } finally {
      off();
    }
    await done;
    port1.close();
    port2.close();
    assert.equal(canon(events), ref);
    // the inspector probe drains the unsent records as JSON (base64 of the shared views)
    const d2 = new WireDecoder();
    const ev2: TraceEvent[] = [];
    wired(program(8), { sharedArenas: true, batchSize: 5, batchMs: 1e9 }, (b) =>
      ev2.push(...d2.decode(wireFromJson(JSON.parse(JSON.stringify(wireToJson(b)))))),
    );
    assert.equal(canon(ev2), ref);
  });
});
