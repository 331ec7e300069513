/**
 * Pure layout math of the webview, in Node (no DOM): grid geometry and NumPy byte addresses
 * (checked against real element pointers from numpy), the memory strip, the broadcast stepper
 * (checked against np.broadcast_shapes / NumPy's error text and the recorder's broadcastInfo),
 * cost bars, shape parsing, UI state and the protocol's guards.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { explainBroadcast, parseShape, tightShape } from '../../src/trace/broadcast-info';
import { broadcastInfo } from '../../src/trace/broadcast';
import {
  assertNever,
  isHostToWebview,
  isWebviewToHost,
  PROTOCOL_VERSION,
  type HostToWebview,
} from '../../src/protocol/messages';
import { ghostGrid, lastStage, stepperView } from '../../webview/src/layout/broadcast';
import {
  addressFormula,
  addressOf,
  cellIndex,
  flatIndex,
  gridCells,
  gridGeometry,
  summarizeAxis,
  unflatten,
} from '../../webview/src/layout/grid';
import {
  byteBounds,
  cellOwners,
  footprint,
  pageFor,
  stripGeometry,
} from '../../webview/src/layout/memory';
import { bytes, sharingLayout } from '../../webview/src/layout/sharing';
import { barOf, costBars } from '../../webview/src/layout/timeline';
import { restore, DEFAULT_UI } from '../../webview/src/state/ui';

interface Layout {
  shape: number[];
  strides: number[];
  offset: number;
  itemsize: number;
  addresses: number[];
  bounds: [number, number];
}

function oracle<T>(req: unknown): T {
  const r = spawnSync('python3', [path.join(__dirname, 'oracle.py')], {
    input: JSON.stringify(req),
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as T;
}

const { layouts } = oracle<{ layouts: Record<string, Layout> }>({ layouts: true });

describe('grid geometry', () => {
  it('0-d: one cell, address = offset', () => {
    const g = gridGeometry({ shape: [], strides: [], offset: 0 });
    assert.equal(g.count, 1);
    assert.deepEqual(
      gridCells({ shape: [], strides: [], offset: 16 }).map((c) => [c.idx, c.address]),
      [[[], 16]],
    );
  });
  it('empty arrays have no cells and no slabs', () => {
    for (const shape of [[0], [0, 3], [3, 0], [2, 0, 4]]) {
      const g = gridGeometry({ shape, strides: shape.map(() => 8), offset: 0 });
      assert.equal(g.count, 0, String(shape));
      assert.equal(gridCells({ shape, strides: shape.map(() => 8), offset: 0 }).length, 0);
    }
  });
  it('1-D is one row; long 1-D rows wrap without losing or inventing cells', () => {
    assert.deepEqual(
      [
        gridGeometry({ shape: [7], strides: [8], offset: 0 }).rows,
        gridGeometry({ shape: [7], strides: [8], offset: 0 }).cols,
      ],
      [1, 7],
    );
    const spec = { shape: [50], strides: [8], offset: 0, wrap: 24 };
    const cells = gridCells(spec);
    assert.equal(cells.length, 50);
    assert.deepEqual(
      cells.map((c) => c.idx[0]),
      Array.from({ length: 50 }, (_, i) => i),
    );
    assert.equal(gridGeometry(spec).rows, 3);
  });
  it('≥3-D: a slab of the last two axes, other axes fixed and clamped', () => {
    const shape = [2, 3, 2, 5, 2];
    const g = gridGeometry({ shape, strides: [480, 160, 80, 16, 8], offset: 0, fixed: [1, 9, 1] });
    assert.deepEqual([g.rowAxis, g.colAxis, g.rows, g.cols, g.slabs], [3, 4, 5, 2, 12]);
    assert.deepEqual(g.fixed, [1, 2, 1, 0, 0]);
    const g2 = gridGeometry({
      shape,
      strides: [480, 160, 80, 16, 8],
      offset: 0,
      rowAxis: 0,
      colAxis: 0,
    });
    assert.notEqual(g2.rowAxis, g2.colAxis);
  });
  for (const [name, L] of Object.entries(layouts)) {
    it(`addresses of every element equal numpy's element pointers (${name}: shape ${tightShape(L.shape)}, strides ${tightShape(L.strides)})`, () => {
      const got = Array.from({ length: L.addresses.length }, (_, f) =>
        addressOf(unflatten(f, L.shape), L.strides, L.offset),
      );
      assert.deepEqual(got, L.addresses);
      // every slab of the grid covers the right elements
      const g = gridGeometry({ shape: L.shape, strides: L.strides, offset: L.offset });
      if (L.shape.length >= 2) {
        const cells = gridCells({ shape: L.shape, strides: L.strides, offset: L.offset }, g);
        for (const c of cells) assert.equal(c.address, L.addresses[flatIndex(c.idx, L.shape)]);
        assert.equal(cells.length, g.rows * g.cols);
      }
    });
    it(`byte bounds as numpy's byte_bounds (${name})`, () => {
      assert.deepEqual(
        byteBounds(
          {
            id: 0,
            shape: L.shape,
            strides: L.strides,
            offset: L.offset,
            bufferId: 0,
            size: L.addresses.length,
          },
          L.itemsize,
        ),
        L.bounds,
      );
    });
  }
  it('formula text: offset + Σ i·s = address', () => {
    assert.equal(addressFormula([2, 1], [-32, -16], 88), '88 + 2·-32 + 1·-16 = 8');
    assert.equal(addressFormula([], [], 0), '0 = 0');
  });
  it('cellIndex / flatIndex / unflatten round trip', () => {
    const shape = [3, 4, 5];
    for (let f = 0; f < 60; f++) assert.equal(flatIndex(unflatten(f, shape), shape), f);
    const g = gridGeometry({ shape, strides: [160, 40, 8], offset: 0, fixed: [2] });
    assert.deepEqual(cellIndex(g, 3, 4), [2, 3, 4]);
  });
  it('numpy-style summarization keeps 3 edge items on each side', () => {
    assert.deepEqual(summarizeAxis(5, 10), [0, 1, 2, 3, 4]);
    assert.deepEqual(summarizeAxis(1000, 10), [0, 1, 2, null, 997, 998, 999]);
  });
});

describe('memory strip', () => {
  it('cells of itemsize bytes, windowed', () => {
    const g = stripGeometry({ nbytes: 96, itemsize: 8 });
    assert.equal(g.total, 12);
    assert.equal(g.cells.length, 12);
    assert.deepEqual(
      g.cells.slice(0, 3).map((c) => c.address),
      [0, 8, 16],
    );
    const big = stripGeometry({ nbytes: 8e6, itemsize: 8, start: 500000, window: 256 });
    assert.equal(big.cells.length, 256);
    assert.equal(big.cells[0]?.i, 500000);
    assert.equal(stripGeometry({ nbytes: 80, itemsize: 8, start: 99, window: 4 }).start, 6);
    assert.equal(pageFor(700, 256), 512);
  });
  it('zero strides: several elements own one cell (ghosts); negative strides run backwards', () => {
    const z = layouts['zero'] as Layout;
    const owners = cellOwners(
      [{ id: 1, shape: z.shape, strides: z.strides, offset: z.offset, bufferId: 0, size: 12 }],
      8,
    );
    assert.equal(owners.size, 4);
    assert.deepEqual(
      owners.get(0)?.map((o) => o.idx),
      [
        [0, 0],
        [1, 0],
        [2, 0],
      ],
    );
    const r = layouts['rev'] as Layout;
    const fp = footprint(
      { id: 2, shape: r.shape, strides: r.strides, offset: r.offset, bufferId: 0, size: 6 },
      8,
    );
    assert.deepEqual(
      [...fp],
      r.addresses.map((a) => a / 8),
    );
  });
});

describe('broadcast stepper', () => {
  const cases: number[][][] = [
    [
      [8, 1, 6, 1],
      [7, 1, 5],
    ],
    [[3, 4], [4]],
    [
      [3, 4],
      [3, 1],
    ],
    [[3, 4], []],
    [[3, 4], [3]],
    [
      [2, 1],
      [8, 4, 3],
    ],
    [[5, 0], [1]],
    [[0], [1, 3, 0]],
    [
      [2, 3],
      [4, 3],
      [5, 3],
    ],
    [[1, 3], [4, 1], [1]],
    [
      [15, 3, 5],
      [15, 1, 5],
    ],
  ];
  const expected = oracle<{ broadcast: { result: number[] | null; message?: string | null }[] }>({
    broadcast: cases,
  }).broadcast;
  cases.forEach((shapes, i) => {
    const e = expected[i];
    it(`${shapes.map(tightShape).join(' ')} → ${e?.result ? tightShape(e.result) : 'error'} (numpy)`, () => {
      const info = explainBroadcast(shapes);
      assert.deepEqual(info.result, e?.result);
      if (e?.result === null) assert.equal(info.error?.message, e.message);
      // the same info as the recorder's broadcastInfo (up to the error it was not given)
      const rec = broadcastInfo(
        shapes,
        undefined,
        info.error ? { name: 'ValueError', message: info.error.message } : undefined,
      );
      assert.deepEqual(rec, info);
    });
  });
  it('stages: align (blanks), pad (1s), stretch (1→n), result shape, result', () => {
    const info = explainBroadcast([
      [8, 1, 6, 1],
      [7, 1, 5],
    ]);
    assert.equal(lastStage(info), 4);
    const s0 = stepperView(info, 0);
    assert.deepEqual(
      s0.rows[1]?.dims.map((d) => d.state),
      ['blank', 'orig', 'orig', 'orig'],
    );
    const s1 = stepperView(info, 1);
    assert.deepEqual(
      s1.rows[1]?.dims.map((d) => d.text),
      ['1', '7', '1', '5'],
    );
    assert.equal(s1.rows[1]?.dims[0]?.state, 'pad');
    const s2 = stepperView(info, 2);
    assert.deepEqual(
      s2.rows[0]?.dims.map((d) => d.text),
      ['8', '1→7', '6', '1→5'],
    );
    assert.deepEqual(
      s2.rows[1]?.dims.map((d) => d.text),
      ['1→8', '7', '1→6', '5'],
    );
    const s3 = stepperView(info, 3);
    assert.deepEqual(
      s3.rows[2]?.dims.map((d) => d.text),
      ['8', '7', '6', '5'],
    );
    assert.equal(stepperView(info, 99).stage, 4);
  });
  it('failure stops at stage 2 with the conflicting dim and NumPy’s message', () => {
    const info = explainBroadcast([[3, 4], [3]]);
    assert.equal(lastStage(info), 2);
    const v = stepperView(info, 4);
    assert.equal(v.stage, 2);
    assert.equal(v.conflictCol, 1);
    assert.equal(
      v.message,
      'ValueError: operands could not be broadcast together with shapes (3,4) (3,) ',
    );
    assert.deepEqual(
      v.rows.map((r) => r.dims[1]?.state),
      ['conflict', 'conflict'],
    );
  });
  it('ghost cells: the stretched copies of a size-1 dim', () => {
    const info = explainBroadcast([
      [3, 1],
      [1, 4],
    ]);
    const g0 = ghostGrid(info, 0);
    assert.equal(g0?.length, 12);
    assert.equal(g0?.filter((c) => !c.ghost).length, 3);
    assert.equal(ghostGrid(info, 1)?.filter((c) => !c.ghost).length, 4);
    assert.equal(ghostGrid(explainBroadcast([[100, 100], [1]]), 0), null);
  });
});

describe('timeline, sharing, parsing, state, protocol', () => {
  it('cost bars: one per step, the slowest full height', () => {
    const bars = costBars(
      [
        { step: 0, ms: 1, kind: 'create' },
        { step: 1, ms: 100, kind: 'compute' },
      ],
      200,
      40,
    );
    assert.equal(bars.length, 2);
    assert.equal(bars[1]?.height, 40);
    assert.ok((bars[0]?.height ?? 0) > 0 && (bars[0]?.height ?? 0) < 40);
  });
  it('cost bars: long traces are binned (totals kept, errors kept visible)', () => {
    const steps = Array.from({ length: 27578 }, (_, i) => ({
      step: i,
      ms: 0.01,
      kind: i === 20000 ? 'error' : 'write',
    }));
    const bars = costBars(steps, 600, 30);
    assert.ok(bars.length <= 200);
    assert.equal(bars[0]?.from, 0);
    assert.equal(bars[bars.length - 1]?.to, 27577);
    assert.ok(Math.abs(bars.reduce((s, b) => s + b.ms, 0) - 275.78) < 1e-6);
    assert.equal(bars[barOf(bars, 20000)]?.kind, 'error');
    assert.ok(
      (bars[barOf(bars, 20000)]?.from ?? 1e9) <= 20000 &&
        (bars[barOf(bars, 20000)]?.to ?? -1) >= 20000,
    );
  });
  it('sharing: memory edges for each array, base edges for views', () => {
    const g = sharingLayout(
      [
        { id: 1, bufferId: 1, base: null, shape: [12], dtype: 'int64' },
        { id: 2, bufferId: 1, base: 1, shape: [3, 4], dtype: 'int64', label: 'm' },
        { id: 3, bufferId: 2, base: null, shape: [4], dtype: 'int64' },
      ],
      [
        { id: 1, nbytes: 96 },
        { id: 2, nbytes: 32 },
      ],
    );
    assert.equal(g.edges.filter((e) => e.kind === 'memory').length, 3);
    assert.deepEqual(
      g.edges.filter((e) => e.kind === 'base').map((e) => [e.from, e.to]),
      [[2, 1]],
    );
    assert.deepEqual(
      [bytes(96), bytes(9600), bytes(8e6), bytes(8e8)],
      ['96 B', '9600 B', '8.0 MB', '800.0 MB'],
    );
  });
  it('parseShape accepts what users type and rejects the rest', () => {
    assert.deepEqual(parseShape('(8,1,6,1)'), [8, 1, 6, 1]);
    assert.deepEqual(parseShape(' 7 1 5 '), [7, 1, 5]);
    assert.deepEqual(parseShape('(3,)'), [3]);
    assert.deepEqual(parseShape('()'), []);
    assert.deepEqual(parseShape('[2, 3]'), [2, 3]);
    for (const bad of ['', '(a,b)', '(-1,2)', '(1.5)', '<img src=x>'])
      assert.equal(parseShape(bad), null, bad);
  });
  it('UI state restores only valid fields', () => {
    assert.deepEqual(restore(null), DEFAULT_UI);
    const s = restore({ step: 3, tab: 'playground', playground: ['(1,)', 2], stage: 'x' });
    assert.equal(s.step, 3);
    assert.equal(s.tab, 'playground');
    assert.deepEqual(s.playground, DEFAULT_UI.playground);
    assert.equal(s.stage, 0);
  });
  it('protocol guards and exhaustiveness', () => {
    assert.ok(isHostToWebview({ type: 'trace/load', trace: {} }));
    assert.ok(!isHostToWebview({ type: 'webview/ready', version: 1 }));
    assert.ok(isWebviewToHost({ type: 'webview/ready', version: PROTOCOL_VERSION }));
    assert.ok(!isHostToWebview('trace/load'));
    assert.throws(() => assertNever({ type: 'x' } as never), /unexpected message/);
    const names = (m: HostToWebview): string => {
      switch (m.type) {
        case 'host/hello':
        case 'trace/load':
        case 'trace/append':
        case 'trace/clear':
        case 'step/select':
        case 'theme/changed':
          return m.type;
        case 'playground/show':
          return `${m.type} ${m.shapes.join(' ')}`;
        default:
          return assertNever(m);
      }
    };
    assert.equal(names({ type: 'trace/clear' }), 'trace/clear');
    assert.ok(isHostToWebview({ type: 'playground/show', shapes: ['(3,1)', '(4,)'] }));
    assert.equal(
      names({ type: 'playground/show', shapes: ['(3,1)', '(4,)'] }),
      'playground/show (3,1) (4,)',
    );
  });
});
