/**
 * The pure side of the extension (src/extension/describe.ts), on real traces of the fixtures run
 * through the runner: bindings, hover lines, inlay texts, the diagnostic's cause, the shape picture,
 * the debugger snapshot expression.
 */
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { startRun } from '../../src/runner/run';
import type { Trace } from '../../src/trace/schema';
import {
  broadcastCause,
  broadcastLineFor,
  broadcastStepAtLine,
  errorReport,
  findBinding,
  hoverLines,
  inlayHints,
  lastStepAtLine,
  parseScopeResult,
  scopeExpression,
  scopeTrace,
  shapeDataUri,
  shapeSvg,
} from '../../src/extension/describe';
import { explainBroadcast } from '../../src/trace/broadcast-info';

const fx = (f: string): string => join(__dirname, 'fixtures', f);
const traceOf = async (f: string): Promise<Trace> => (await startRun(fx(f)).done).trace;

describe('extension/describe: a good run (fixtures/arrays.ts)', () => {
  it('finds the array a name is bound to at a line, with hover lines', async () => {
    const t = await traceOf('arrays.ts');
    const b = findBinding(t, 't', 4);
    assert.ok(b);
    assert.equal(b.index, 2);
    assert.deepEqual(b.array.shape, [4, 3]);
    const lines = hoverLines(t, b);
    assert.equal(lines[0], 'shape (4, 3) · dtype int64 · size 12');
    assert.equal(lines[1], 'strides (8, 32) bytes · F contiguous');
    assert.match(
      lines[2] ?? '',
      /^view of the result of `arange` at step 1 · shares memory with `a`/,
    );
    assert.equal(findBinding(t, 'nope', 4), undefined);
    const c = findBinding(t, 'c', 6);
    assert.match(hoverLines(t, c!)[2] ?? '', /^owns its data/);
  });

  it('gives one inlay hint per array-producing line', async () => {
    const t = await traceOf('arrays.ts');
    assert.deepEqual(
      inlayHints(t).map((h) => `${h.line}:${h.text}`),
      [
        '3:(3, 4) int64 view',
        '4:(4, 3) int64 view',
        '5:(4,) float64',
        '6:(3, 4) float64',
        '7:(4,) float64',
      ],
    );
    assert.equal(lastStepAtLine(t, 3), 1);
    assert.equal(broadcastStepAtLine(t, 6), 4);
    assert.equal(broadcastStepAtLine(t, 3), -1);
    assert.equal(
      broadcastLineFor(t, findBinding(t, 'b', 5)!.array.id),
      6,
      'b is broadcast in np.add on line 6',
    );
    assert.equal(broadcastLineFor(t, findBinding(t, 's', 7)!.array.id), undefined);
    assert.equal(errorReport(t), undefined);
  });
});

describe('extension/describe: a failing run (fixtures/broken.ts)', () => {
  it('reports NumPy’s error at the user’s line with a TensorSensor-style cause', async () => {
    const t = await traceOf('broken.ts');
    const r = errorReport(t);
    assert.ok(r);
    assert.equal(r.line, 5);
    assert.equal(
      r.message,
      'ValueError: operands could not be broadcast together with shapes (3,4) (3,)',
    );
    assert.equal(r.cause, 'add: operand a (3,4) and operand b (3,) — dimension 1: 4 vs 3');
  });

  it('names operands by letter when the trace has no labels, and sizes only the conflict', () => {
    const info = explainBroadcast([
      [2, 1, 5],
      [4, 6],
    ]);
    assert.equal(
      broadcastCause('multiply', info, []),
      'multiply: operand a (2,1,5) and operand b (4,6) — dimension 2: 5 vs 6',
    );
    assert.equal(broadcastCause('add', explainBroadcast([[3], [3]])), undefined);
  });
});

describe('extension/describe: pictures and the debugger snapshot', () => {
  it('draws a small SVG of a shape (clipped when large) as a data URI', () => {
    const svg = shapeSvg([3, 4], 'float64', false);
    assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.match(svg, /\(3, 4\) float64</);
    assert.match(shapeSvg([1000, 2], 'int8', true), /\(1000, 2\) int8 view \(clipped\)/);
    const uri = shapeDataUri([2, 3, 4], 'int64', false);
    assert.match(uri, /^data:image\/svg\+xml;base64,/);
    assert.match(Buffer.from(uri.split(',')[1]!, 'base64').toString(), /\(2, 3, 4\) int64/);
  });

  it('evaluates the scope expression over real ndarrays and turns it into a trace', async () => {
    const np = await import('../../src/runtime/index');
    const m = np.arange(6).reshape(2, 3);
    const v = m.T;
    const n = 3;
    const expr = scopeExpression(['m', 'v', 'n', 'bad name']);
    const result = new Function('m', 'v', 'n', `return ${expr};`)(m, v, n) as string;
    const arrays = parseScopeResult(result);
    assert.deepEqual(
      arrays.map((a) => [a.name, a.shape, a.dtype, a.strides, a.view]),
      [
        ['m', [2, 3], 'int64', [24, 8], true],
        ['v', [3, 2], 'int64', [8, 24], true],
      ],
    );
    assert.deepEqual(parseScopeResult(JSON.stringify(result)), arrays, 'quoted form too');
    const t = scopeTrace('x.js', arrays);
    assert.equal(t.events.length, 2);
    assert.deepEqual(t.events[1]?.output?.values, [0, 3, 1, 4, 2, 5]);
  });
});
