/**
 * The recorder and the tracing layer, in process: kinds and `why` from observation, write diffs,
 * broadcast info, nesting, capture limits, the budget, and tracing off costing nothing.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import * as rawNp from '../../src/runtime/index';
import { NDArray } from '../../src/runtime/ndarray';
import {
  Recorder,
  createTracedNamespace,
  installMethodTracing,
  installTracing,
  stackLocator,
  type TraceEvent,
} from '../../src/trace/index';

type Np = typeof rawNp;

function traced(opts: ConstructorParameters<typeof Recorder>[0] = {}): {
  rec: Recorder;
  np: Np;
  off: () => void;
} {
  const rec = new Recorder({ locate: stackLocator((f) => f.includes('recorder.test')), ...opts });
  const off = installMethodTracing(rec);
  return { rec, np: createTracedNamespace(rawNp, rec), off };
}

const last = (rec: Recorder): TraceEvent => rec.events[rec.events.length - 1] as TraceEvent;

describe('trace/recorder: kinds and why', () => {
  let t: ReturnType<typeof traced>;
  before(() => {
    t = traced();
  });
  after(() => t.off());

  it('np.array of a list is a create event with values and the buffer contents', () => {
    const a = t.np.array([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    const ev = last(t.rec);
    assert.equal(ev.op, 'array');
    assert.equal(ev.kind, 'create');
    assert.equal(ev.output?.id, a.id);
    assert.deepEqual(ev.output?.shape, [2, 3]);
    assert.deepEqual(ev.output?.strides, [24, 8]);
    assert.deepEqual(ev.output?.values, [1, 2, 3, 4, 5, 6]);
    assert.deepEqual(ev.buffers, [{ id: a.buffer.id, nbytes: 48, itemsize: 8, dtype: 'int64' }]);
    assert.deepEqual(ev.bufferContents, [
      { bufferId: a.buffer.id, length: 6, values: [1, 2, 3, 4, 5, 6] },
    ]);
  });

  it('.T is a view with reversed strides, reshape of it copies (NumPy: owndata False)', () => {
    const a = t.np.array([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    const tt = a.T;
    let ev = last(t.rec);
    assert.equal(ev.op, 'T');
    assert.equal(ev.kind, 'view');
    assert.equal(ev.why, 'transpose: view, strides reversed (8, 24)');
    assert.equal(ev.output?.base, a.id);
    const r = tt.reshape(6);
    ev = last(t.rec);
    assert.equal(ev.kind, 'copy');
    assert.equal(ev.why, 'reshape could not keep the strides of this transposed array: copied');
    assert.notEqual(r.buffer.id, a.buffer.id);
    assert.deepEqual(ev.output?.values, [1, 4, 2, 5, 3, 6]);
  });

  it('reshape of a contiguous array is a view', () => {
    const a = t.np.array([1, 2, 3, 4, 5, 6]);
    a.reshape(2, 3);
    const ev = last(t.rec);
    assert.equal(ev.kind, 'view');
    assert.equal(ev.why, 'reshape kept the strides: view, strides (24, 8)');
  });

  it('astype: same dtype with copy=false is no copy; another dtype copies', () => {
    const a = t.np.array([1, 2, 3]);
    a.astype('int64', { copy: false });
    assert.equal(last(t.rec).why, 'astype to the same dtype with copy=false: no copy');
    assert.equal(last(t.rec).kind, 'view');
    a.astype('float32');
    assert.equal(last(t.rec).kind, 'copy');
    assert.equal(last(t.rec).why, 'astype to float32: copied');
  });

  it('basic slices are views with their byte strides; masks and fancy indexes copy', () => {
    const m = t.np.arange(12).reshape(3, 4);
    m.get(':, ::2');
    assert.equal(last(t.rec).kind, 'view');
    assert.equal(last(t.rec).why, 'basic slice: view, strides (32, 16)'); // numpy: a[:, ::2].strides
    m.get(m.gt(5));
    assert.equal(last(t.rec).kind, 'copy');
    assert.equal(last(t.rec).why, 'boolean mask: copy');
    m.get([0, 2]);
    assert.equal(last(t.rec).why, 'integer-array (fancy) index: copy');
    assert.equal(m.get(1, 2), 6);
    assert.equal(last(t.rec).result, 6);
  });

  it('broadcast_to is a read-only view with zero strides and broadcast info', () => {
    const row = t.np.array([10, 20, 30, 40]);
    const r = t.np.broadcast_to(row, [3, 4]);
    const ev = last(t.rec);
    assert.equal(ev.kind, 'view');
    assert.equal(ev.why, 'broadcast_to: read-only view with zero strides, strides (0, 8)');
    assert.equal(ev.output?.flags.writeable, false);
    assert.deepEqual(r.strides, [0, 8]);
    assert.deepEqual(ev.broadcast, {
      operands: [{ shape: [4], padded: [1, 4], stretched: [0] }],
      result: [3, 4],
    });
  });

  it('binary ufuncs record each operand padded and stretched', () => {
    const m = t.np.arange(12).reshape(3, 4);
    m.add(t.np.array([[100], [200], [300]]));
    const ev = last(t.rec);
    assert.equal(ev.kind, 'compute');
    assert.deepEqual(ev.broadcast, {
      operands: [
        { shape: [3, 4], padded: [3, 4], stretched: [] },
        { shape: [3, 1], padded: [3, 1], stretched: [1] },
      ],
      result: [3, 4],
    });
    m.mul(2);
    assert.deepEqual(last(t.rec).broadcast?.operands[1], {
      shape: [],
      padded: [1, 1],
      stretched: [0, 1],
    });
  });

  it('a broadcast failure is an error event with NumPy message and the offending dim', () => {
    const m = t.np.arange(12).reshape(3, 4);
    assert.throws(() => m.add(t.np.array([1, 2, 3])), {
      name: 'ValueError',
      message: 'operands could not be broadcast together with shapes (3,4) (3,) ',
    });
    const ev = last(t.rec);
    assert.equal(ev.kind, 'error');
    assert.deepEqual(ev.error, {
      name: 'ValueError',
      message: 'operands could not be broadcast together with shapes (3,4) (3,) ',
    });
    assert.equal(ev.broadcast?.result, null);
    assert.deepEqual(ev.broadcast?.error, {
      name: 'ValueError',
      message: 'operands could not be broadcast together with shapes (3,4) (3,) ',
      dim: 1,
      sizes: [4, 3],
    });
  });

  it('reductions to a scalar are reduce events with the result', () => {
    const a = t.np.array([1, 2, 3, 4]);
    t.np.sum(a);
    assert.equal(last(t.rec).kind, 'reduce');
    assert.equal(last(t.rec).result, 10);
    t.np.sum(t.np.arange(6).reshape(2, 3), { axis: 0 });
    assert.equal(last(t.rec).kind, 'reduce');
    assert.deepEqual(last(t.rec).output?.values, [3, 5, 7]);
  });

  it('nested public calls record only the outer op', () => {
    const before = t.rec.steps;
    const m = t.np.arange(12).reshape(3, 4);
    t.np.add(m, m.T.T); // add calls asarray/astype internally
    const evs = t.rec.events.slice(-5);
    assert.equal(t.rec.steps - before, 5); // arange, reshape, T, T, add
    assert.deepEqual(
      evs.map((e) => e.op),
      ['arange', 'reshape', 'T', 'T', 'add'],
    );
  });

  it('records the caller location in this file', () => {
    t.np.array([1]);
    const loc = last(t.rec).loc;
    assert.ok(loc && loc.file.includes('recorder.test'));
  });
});

describe('trace/recorder: writes', () => {
  let t: ReturnType<typeof traced>;
  before(() => {
    t = traced();
  });
  after(() => t.off());

  it('set through a slice records the changed bytes, new values and every array that sees them', () => {
    const a = t.np.arange(10);
    const s = a.get('2:5');
    const rev = a.get('::-1');
    const other = a.get('6:');
    s.set(0, 99);
    const ev = last(t.rec);
    assert.equal(ev.kind, 'write');
    assert.equal(ev.write?.target, s.id);
    assert.equal(ev.write?.bufferId, a.buffer.id);
    assert.deepEqual(ev.write?.ranges, [{ byteOffset: 16, byteLength: 8, values: [99] }]);
    assert.equal(ev.write?.changedElements, 1);
    assert.deepEqual(
      ev.write?.affected,
      [a.id, rev.id].sort((x, y) => x - y),
    );
    assert.ok(!ev.write?.affected.includes(other.id));
    assert.match(ev.why ?? '', /through a view of #/);
  });

  it('fill records one range over the whole array; unchanged bytes are not ranges', () => {
    const a = t.np.array([7, 7, 1, 1]);
    a.fill(7);
    assert.deepEqual(last(t.rec).write?.ranges, [
      { byteOffset: 16, byteLength: 16, values: [7, 7] },
    ]);
  });

  it('set of one element through a transposed view, negative index: the bytes of that element only', () => {
    const a = t.np.arange(6).reshape(2, 3); // int64, byte strides (24, 8)
    const tr = a.T; // (3, 2), strides (8, 24)
    tr.set(-1, 0, 42); // a[0, 2]: byte 16 of the buffer
    const ev = last(t.rec);
    assert.equal(ev.kind, 'write');
    assert.deepEqual(ev.write?.ranges, [{ byteOffset: 16, byteLength: 8, values: [42] }]);
    assert.equal(ev.write?.changedElements, 1);
    assert.ok(ev.write?.affected.includes(a.id));
    tr.set(0, -1, 42); // a[1, 0] = 42 (was 3)
    assert.deepEqual(last(t.rec).write?.ranges, [{ byteOffset: 24, byteLength: 8, values: [42] }]);
    tr.set(1, 1, 4); // unchanged value: no range
    assert.deepEqual(last(t.rec).write?.ranges, []);
    assert.equal(last(t.rec).write?.changedElements, 0);
  });

  it('a snapshot after a write shows the new values (no stale cache)', () => {
    const a = t.np.array([1, 2, 3]);
    a.reshape(3);
    a.set(1, 5);
    a.reshape(3);
    assert.deepEqual(last(t.rec).inputs[0]?.values, [1, 5, 3]);
  });
});

describe('trace/recorder: limits', () => {
  it('arrays over maxValues carry a head/tail preview', () => {
    const t = traced({ limits: { maxValues: 10, previewItems: 3 } });
    try {
      t.np.arange(20);
      const ev = last(t.rec);
      assert.equal(ev.output?.values, undefined);
      assert.deepEqual(ev.output?.preview, { head: [0, 1, 2], tail: [17, 18, 19] });
      t.np.arange(10);
      assert.equal(last(t.rec).output?.values?.length, 10);
    } finally {
      t.off();
    }
  });

  it("a view's buffer preview keeps its tail with a head of any byte length", () => {
    // (head and tail of a buffer's contents are read one after the other: 3 int8 values are 3
    // bytes, so the tail must not be placed at the next 8-byte boundary)
    const v = rawNp.arange(30, { dtype: 'int8' }).get('1:') as NDArray;
    const t = traced({ limits: { maxValues: 10, previewItems: 3 } });
    try {
      t.np.sum(v);
      const ev = last(t.rec);
      assert.deepEqual(ev.inputs[0]?.preview, { head: [1, 2, 3], tail: [27, 28, 29] });
      assert.deepEqual(ev.bufferContents, [
        { bufferId: v.buffer.id, length: 30, preview: { head: [0, 1, 2], tail: [27, 28, 29] } },
      ]);
    } finally {
      t.off();
    }
  });

  it('NaN and infinities are JSON-safe strings, int64 beyond 2^53 a decimal string', () => {
    const t = traced();
    try {
      t.np.array([NaN, Infinity, -Infinity, 1.5]);
      assert.deepEqual(last(t.rec).output?.values, ['nan', 'inf', '-inf', 1.5]);
      t.np.array([2n ** 62n]);
      assert.deepEqual(last(t.rec).output?.values, ['4611686018427387904']);
    } finally {
      t.off();
    }
  });

  it('stops at the budget with a truncation marker while the program keeps running', () => {
    const batches: { truncated?: unknown }[] = [];
    const t = traced({ limits: { budgetBytes: 20_000 }, sink: (b) => batches.push(b), keep: true });
    try {
      let sum = 0;
      for (let i = 0; i < 200; i++) sum += t.np.array([i, 1]).size;
      assert.equal(sum, 400);
      assert.ok(t.rec.truncated);
      assert.ok(t.rec.truncated.atStep > 0 && t.rec.truncated.atStep < 200);
      assert.equal(t.rec.events.length, t.rec.truncated.atStep);
      assert.match(t.rec.truncated.reason, /budget/);
      assert.ok(batches.some((b) => b.truncated !== undefined));
    } finally {
      t.off();
    }
  });
});

describe('trace/recorder: tracing off', () => {
  it('uninstall restores every NDArray method and getter exactly', () => {
    const proto = NDArray.prototype as unknown as Record<string, unknown>;
    const names = Object.getOwnPropertyNames(proto);
    const before = new Map(names.map((n) => [n, Object.getOwnPropertyDescriptor(proto, n)]));
    const t = traced();
    assert.notEqual(
      Object.getOwnPropertyDescriptor(proto, 'reshape')?.value,
      before.get('reshape')?.value,
    );
    t.off();
    for (const n of names)
      assert.deepEqual(Object.getOwnPropertyDescriptor(proto, n), before.get(n), n);
  });

  it('the raw runtime records nothing', () => {
    const rec = new Recorder();
    rawNp.array([1, 2]).reshape(2, 1);
    assert.equal(rec.events.length, 0);
  });
});

describe('trace/traced: namespaces and classes', () => {
  it('the traced namespace keeps fast properties (no hash lookup per np.add read)', () => {
    setFlagsFromString('--allow-natives-syntax');
    const fast = new Function('o', 'return %HasFastProperties(o)') as (o: object) => boolean;
    const { np, uninstall } = installTracing(rawNp, new Recorder());
    try {
      assert.ok(Object.keys(np).length > 300);
      assert.equal(fast(np), true, 'the namespace');
      assert.equal(fast(np.linalg), true, 'np.linalg');
    } finally {
      uninstall();
    }
  });

  it('wraps nested namespaces and Generator methods; uninstall restores them', () => {
    const rec = new Recorder();
    const gproto = rawNp.random.Generator.prototype as unknown as Record<string, unknown>;
    const normal = gproto['normal'];
    const { np, uninstall } = installTracing(rawNp, rec);
    try {
      const rng = np.random.default_rng(0);
      const x = rng.normal(0, 1, [2]) as rawNp.NDArray;
      np.lib.stride_tricks.as_strided(np.arange(4), [3], [8]);
      np.linalg.inv(
        np.array(
          [
            [2, 0],
            [0, 4],
          ],
          { dtype: 'float64' },
        ),
      );
      assert.deepEqual(
        rec.events.map((e) => `${e.op}:${e.kind}`),
        [
          'Generator.normal:create',
          'arange:create',
          'lib.stride_tricks.as_strided:view',
          'array:create',
          'linalg.inv:compute',
        ],
      );
      assert.deepEqual(rec.events[0]?.output?.shape, [2]);
      assert.equal(rec.events[0]?.output?.id, x.id);
    } finally {
      uninstall();
    }
    assert.equal(gproto['normal'], normal);
  });
});

describe('trace/recorder: in-place operators', () => {
  it('a.iadd(row) is a broadcasting write into a', () => {
    const t = traced();
    try {
      const m = t.np.zeros([2, 3], { dtype: 'int64' });
      m.iadd(t.np.array([1, 0, 2]));
      const ev = last(t.rec);
      assert.equal(ev.op, 'iadd');
      assert.equal(ev.kind, 'write');
      assert.equal(ev.write?.target, m.id);
      // int64 elements 0, 2, 3, 5 changed: two runs of bytes
      assert.deepEqual(ev.write?.ranges, [
        { byteOffset: 0, byteLength: 8, values: [1] },
        { byteOffset: 16, byteLength: 16, values: [2, 1] },
        { byteOffset: 40, byteLength: 8, values: [2] },
      ]);
      assert.equal(ev.write?.changedElements, 4);
      assert.deepEqual(ev.broadcast?.operands[1], { shape: [3], padded: [1, 3], stretched: [0] });
    } finally {
      t.off();
    }
  });
});
