/**
 * The recorder's wire format (src/trace/wire.ts): batches posted by a traced program decode to
 * the same schema events as in-process recording, across batch boundaries (metadata sent once per
 * array/buffer/op/location), with every value bit for bit (strided views of every itemsize, int64
 * beyond 2^53, NaN/inf, bool), previews, write ranges, and the inspector probe's JSON form.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as rawNp from '../../src/runtime/index';
import {
  Recorder,
  createTracedNamespace,
  installMethodTracing,
  type ArraySnapshot,
  type JsonScalar,
  type Loc,
  type TraceEvent,
} from '../../src/trace/index';
import { WireDecoder, encodeValue, type WireBatch } from '../../src/trace/wire';
import { wireFromJson, wireToJson } from '../../src/runner/messages';
import type { DType } from '../../src/runtime/dtype';
import { canon } from './canon';

type Np = typeof rawNp;
type RecOpts = ConstructorParameters<typeof Recorder>[0];

/** Runs `program` traced; returns the events (decoded from wire batches when `wire`). */
function record(
  program: (np: Np) => void,
  opts: RecOpts & { wire?: boolean; json?: boolean } = {},
): { events: TraceEvent[]; batches: number } {
  const decoder = new WireDecoder();
  const events: TraceEvent[] = [];
  let batches = 0;
  // one shared Loc object per line, as the runner's locators give
  const locs = new Map<number, Loc>();
  let line = 0;
  const locate = (): Loc => {
    line++;
    let l = locs.get(line % 5);
    if (l === undefined) locs.set(line % 5, (l = { file: '/p/x.ts', line: line % 5, column: 3 }));
    return l;
  };
  const rec = new Recorder(
    opts.wire
      ? {
          ...opts,
          locate,
          wireSink: (b: WireBatch) => {
            batches++;
            // as the worker posts them: a structured clone with the streams transferred
            const copy = structuredClone(b, { transfer: [b.nums.buffer, b.bytes.buffer] });
            const w = opts.json ? wireFromJson(JSON.parse(JSON.stringify(wireToJson(copy)))) : copy;
            events.push(...decoder.decode(w));
          },
        }
      : { ...opts, locate, keep: true },
  );
  const off = installMethodTracing(rec);
  try {
    program(createTracedNamespace(rawNp, rec));
    rec.flush();
  } finally {
    off();
  }
  return { events: opts.wire ? events : rec.events, batches };
}

/** A program touching every kind of event and record. */
function program(np: Np): void {
  const a = np.arange(24, { dtype: 'int16' }).reshape(4, 6);
  const t = a.T;
  t.reshape(24);
  a.get('::2, 1::2');
  a.get(a.gt(10));
  a.get([0, 3]);
  a.get(1, 2);
  a.sum({ axis: 0 });
  np.sum(a);
  const f = np.array([1.5, NaN, Infinity, -Infinity, -0], { dtype: 'float32' });
  f.mul(2);
  const big = np.array([2n ** 62n, -(2n ** 63n), 5n], { dtype: 'int64' });
  big.get('::-1');
  np.array([18446744073709551615n, 1n], { dtype: 'uint64' }).get('::-1');
  const b = np.array([true, false, true]);
  np.logical_not(b);
  const m = np.zeros([3, 4]);
  (m.get(1) as rawNp.NDArray).set(':', 7);
  m.set(0, 0, 5);
  m.iadd(np.array([1, 0, 2, 0]));
  np.broadcast_to(np.array([1, 2, 3]), [2, 3]);
  np.concatenate([a, a], 0);
  np.full([2], 'x' as unknown as number, {}); // throws: an error event
}

function safely(p: (np: Np) => void): (np: Np) => void {
  return (np) => {
    try {
      p(np);
    } catch {
      /* the last op throws on purpose */
    }
  };
}

describe('trace/wire: decoding', () => {
  it('wire batches decode to the in-process events, across batch boundaries', () => {
    const local = record(safely(program));
    for (const batchSize of [1, 3, 64]) {
      const wire = record(safely(program), { wire: true, batchSize, batchMs: 1e9 });
      assert.ok(wire.batches >= Math.ceil(local.events.length / batchSize));
      assert.equal(wire.events.length, local.events.length);
      assert.equal(canon(wire.events), canon(local.events), `batchSize ${batchSize}`);
    }
    assert.ok(local.events.some((e) => e.kind === 'error'));
    assert.ok(local.events.some((e) => e.kind === 'write' && e.write?.affected.length));
  });

  it("the inspector probe's JSON form decodes the same", () => {
    const wire = record(safely(program), { wire: true, batchSize: 4 });
    const json = record(safely(program), { wire: true, batchSize: 4, json: true });
    assert.equal(canon(json.events), canon(wire.events));
  });

  it('metadata is sent once: a later event refers to an array by id only', () => {
    const sizes: number[] = [];
    const rec = new Recorder({ wireSink: (b) => sizes.push(b.nums.length), batchSize: 1 });
    const np = createTracedNamespace(rawNp, rec);
    const x = np.arange(1000);
    np.sum(x);
    np.sum(x);
    rec.flush();
    // first sum: the op name record; second: the event alone (no array, buffer or op records)
    assert.ok((sizes[2] as number) < (sizes[1] as number));
    assert.ok((sizes[2] as number) < 40);
  });
});

/** Values of `a` in C order as the schema encodes them. */
function expected(a: rawNp.NDArray): JsonScalar[] {
  const flat = a.flatten().tolist() as (number | bigint | boolean)[];
  return flat.map((v) =>
    typeof v === 'boolean'
      ? v
      : encodeValue(v, a.dtype === 'bool' ? 'float64' : (a.dtype as DType)),
  );
}

describe('trace/wire: values', () => {
  const dtypes: DType[] = [
    'bool',
    'int8',
    'uint8',
    'int16',
    'uint16',
    'int32',
    'uint32',
    'int64',
    'uint64',
    'float32',
    'float64',
  ];
  for (const wire of [false, true]) {
    it(`strided views of every dtype carry their values bit for bit (${wire ? 'wire' : 'in process'})`, () => {
      const snaps: [number, JsonScalar[]][] = [];
      const { events } = record(
        (np) => {
          for (const dt of dtypes) {
            const base = np.arange(60, { dtype: 'float64' }).sub(20).mul(3.7);
            const a = base.astype(dt).reshape(5, 12);
            for (const v of [a.get('::-2, 1::3'), a.T, a.get(':, ::-1').T, a.get(2, '::5')])
              snaps.push([v.id, expected(v)]);
          }
        },
        { wire },
      );
      for (const [id, values] of snaps) {
        const ev = events.find((e) => e.output?.id === id);
        assert.equal(ev?.kind, 'view');
        assert.deepEqual(ev.output?.values, values, `#${id} (${ev.output?.dtype})`);
      }
    });

    it(`previews beyond maxValues: head and tail of strided and contiguous arrays (${wire ? 'wire' : 'in process'})`, () => {
      const exp: JsonScalar[][] = [];
      const { events } = record(
        (np) => {
          const a = np.arange(200, { dtype: 'int64' }).mul(-7).reshape(10, 20);
          for (const v of [a.reshape(200), a.T, a.get('::-1, ::3')]) exp.push(expected(v));
        },
        { wire, limits: { maxValues: 10, previewItems: 4 } },
      );
      const outs = events.slice(-3).map((e) => e.output as ArraySnapshot);
      outs.forEach((s, i) => {
        const all = exp[i] as JsonScalar[];
        assert.equal(s.values, undefined);
        assert.deepEqual(s.preview?.head, all.slice(0, 4));
        assert.deepEqual(s.preview?.tail, all.slice(-4));
      });
      // the first event's buffer contents: the whole buffer's head and tail
      assert.deepEqual(events[0]?.bufferContents?.[0]?.preview?.head, [0, 1, 2, 3]);
      assert.deepEqual(events[0]?.bufferContents?.[0]?.preview?.tail, [196, 197, 198, 199]);
    });
  }

  it('a later write does not change the values an earlier event recorded', () => {
    const { events } = record(
      (np) => {
        const a = np.array([1, 2, 3]);
        a.set(0, 9);
        a.set(2, 8);
      },
      { wire: true, batchSize: 64, batchMs: 1e9 },
    );
    assert.deepEqual(events[0]?.output?.values, [1, 2, 3]);
    assert.deepEqual(events[1]?.inputs[0]?.values, [9, 2, 3]);
    assert.deepEqual(events[2]?.inputs[0]?.values, [9, 2, 8]);
    assert.deepEqual(events[2]?.write?.ranges, [{ byteOffset: 16, byteLength: 8, values: [8] }]);
  });

  it('a result disposed (its memory reused) right after the op keeps its recorded values', () => {
    const { events } = record(
      (np) => {
        const a = np.arange(6, { dtype: 'float64' });
        for (let i = 0; i < 3; i++) {
          const c = a.mul(10 + i);
          c[Symbol.dispose]();
          const z = np.zeros([6]); // likely over c's freed bytes
          z[Symbol.dispose]();
        }
      },
      { wire: true, batchSize: 64, batchMs: 1e9 },
    );
    const muls = events.filter((e) => e.op === 'mul');
    assert.equal(muls.length, 3);
    muls.forEach((e, i) =>
      assert.deepEqual(
        e.output?.values,
        [0, 1, 2, 3, 4, 5].map((x) => x * (10 + i)),
      ),
    );
    assert.deepEqual(
      events.map((e) => e.step),
      events.map((_e, i) => i + 1),
    );
  });

  it('a second recorder over arrays another recorder has seen records them afresh', () => {
    const arrays: rawNp.NDArray[] = [];
    const first = record((np) => {
      const a = np.arange(6, { dtype: 'int32' });
      arrays.push(a, a.reshape(2, 3) as rawNp.NDArray);
    });
    assert.equal(first.events.length, 2);
    for (const wire of [false, true]) {
      const { events } = record(
        (np) => {
          const [a, v] = arrays as [rawNp.NDArray, rawNp.NDArray];
          np.add(v, 1);
          a.sum();
        },
        { wire },
      );
      assert.equal(events.length, 2);
      assert.deepEqual(events[0]?.inputs[0]?.values, [0, 1, 2, 3, 4, 5]);
      assert.deepEqual(events[0]?.inputs[0]?.shape, [2, 3]);
      assert.deepEqual(events[1]?.inputs[0]?.values, [0, 1, 2, 3, 4, 5]);
      // the input's buffer is new to this recorder: its contents come with the first event
      // (with the result's)
      assert.equal(events[0]?.bufferContents?.length, 2);
    }
  });

  for (const wire of [false, true]) {
    it(`the budget stops recording at the same step, wire or in process (from ${wire ? 'wire' : 'in process'})`, () => {
      const run = (w: boolean) => {
        const truncs: unknown[] = [];
        const decoder = new WireDecoder();
        const events: TraceEvent[] = [];
        const rec = new Recorder(
          w
            ? {
                limits: { budgetBytes: 20_000 },
                batchMs: 1e9,
                wireSink: (b: WireBatch) => {
                  if (b.truncated !== undefined) truncs.push(b.truncated);
                  events.push(...decoder.decode(b));
                },
              }
            : {
                limits: { budgetBytes: 20_000 },
                keep: true,
                sink: (b) => {
                  if (b.truncated !== undefined) truncs.push(b.truncated);
                },
              },
        );
        const off = installMethodTracing(rec);
        try {
          const np = createTracedNamespace(rawNp, rec);
          let sum = 0;
          for (let i = 0; i < 200; i++) sum += np.array([i, 1]).size;
          assert.equal(sum, 400);
          rec.flush();
        } finally {
          off();
        }
        return { rec, truncs, events: w ? events : rec.events };
      };
      const { rec, truncs, events } = run(wire);
      assert.ok(rec.truncated !== undefined);
      assert.ok(rec.truncated.atStep > 0 && rec.truncated.atStep < 200);
      assert.equal(events.length, rec.truncated.atStep);
      assert.equal(events.at(-1)?.step, rec.truncated.atStep);
      assert.deepEqual(truncs, [rec.truncated]);
      // the same step either way
      assert.equal(run(!wire).rec.truncated?.atStep, rec.truncated.atStep);
    });
  }
});
