/**
 * `np.power`'s scalar-exponent fast paths run exactly where NumPy's loop runs them: NumPy takes
 * sqrt for an exponent 0.5 in every inner loop whose exponent stride is 0, and its iterator
 * decides which loops those are (trivial 1-element loops, buffered copies of an exponent that
 * varies across rows, casts). `(-0) ** 0.5` and `(-inf) ** 0.5` tell the two apart (sqrt: -0 and
 * NaN; pow: 0 and inf). Live numpy (python3) is the oracle for each case.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as np from '../../src/runtime/index';
import type { NDArray } from '../../src/runtime/index';
import { nativeExports, useBackend } from '../../src/runtime/wasm';

/** Both backends, or the TS one alone in a process run with NDSCOPE_BACKEND=ts (no module). */
const BACKENDS = nativeExports() === null ? (['ts'] as const) : (['wasm', 'ts'] as const);

interface Case {
  base: number[] | null; // null: a JS number base (-0)
  exp: number[] | null; // null: a JS number exponent (0.5)
  bdt: string;
  edt: string;
  t?: boolean; // the base is the transpose of a C array
  out?: string; // dtype of an out= array
}

const cases: Case[] = [];
const shapes: [number[] | null, number[] | null][] = [
  [
    [2, 3],
    [2, 1],
  ],
  [
    [2, 4096],
    [2, 1],
  ],
  [
    [2, 4097],
    [2, 1],
  ],
  [
    [3, 2731],
    [3, 1],
  ],
  [
    [3, 4097],
    [3, 1],
  ],
  [
    [16, 513],
    [16, 1],
  ],
  [
    [1, 5],
    [1, 1],
  ],
  [
    [2, 2, 3000],
    [2, 1, 1],
  ],
  [
    [2, 2, 3000],
    [2, 2, 1],
  ],
  [
    [5, 2, 3000],
    [1, 2, 1],
  ],
  [
    [2, 5000],
    [1, 1],
  ],
  [
    [2, 3],
    [1, 3],
  ],
  [[2, 3], [3]],
  [[2, 3], [1]],
  [[2, 3], []],
  [[6], [6]],
  [[6], [1]],
  [[1], [1]],
  [
    [1, 1],
    [1, 1],
  ],
  [[1], [1, 1]],
  [[1, 1], [1]],
  [[], [1]],
  [[1], []],
  [[], []],
  [null, [1]],
  [null, [2, 1]],
  [[1], null],
  [[2, 3], null],
];
for (const [base, exp] of shapes) {
  cases.push({ base, exp, bdt: 'float64', edt: 'float64' });
  // with a cast, NumPy's buffer thresholds move with the dtypes (rows of 5462 for a float32
  // base): ndscope models rows up to 4096 (README divergence 15)
  let rows = 1; // the inner run: trailing base dims the exponent is broadcast along
  for (let k = 1; base !== null && exp !== null && k <= base.length; k++) {
    if ((exp[exp.length - k] ?? 1) !== 1) break;
    rows *= base[base.length - k] as number;
  }
  if (base !== null && exp !== null && rows <= 4096) {
    cases.push({ base, exp, bdt: 'float32', edt: 'float32' });
    cases.push({ base, exp, bdt: 'float32', edt: 'float64' });
    cases.push({ base, exp, bdt: 'float64', edt: 'float32' });
  }
}
cases.push({ base: [3, 2], exp: [1, 2], bdt: 'float64', edt: 'float64', t: true });
cases.push({ base: [2, 3], exp: [2, 1], bdt: 'float64', edt: 'float64', out: 'float64' });
cases.push({ base: [2, 5000], exp: [2, 1], bdt: 'float64', edt: 'float64', out: 'float64' });
cases.push({ base: [2, 4000], exp: [2, 1], bdt: 'float64', edt: 'float64', out: 'float32' });
cases.push({ base: [1, 1], exp: [1, 1], bdt: 'float64', edt: 'float64', out: 'float32' });
cases.push({ base: [1], exp: [1], bdt: 'float64', edt: 'float64', out: 'float64' });

const ORACLE = `
import json, sys, warnings
import numpy as np
warnings.simplefilter('ignore')
res = []
for c in json.load(sys.stdin):
    row = []
    for b0 in (-0.0, -np.inf):
        if c['base'] is None and b0 == 0:
            row.append(['js -0 is an int'])  # README divergence 1
            continue
        if c['base'] is None: b = b0
        elif c.get('t'): b = np.full(c['base'][::-1], b0, c['bdt']).T
        else: b = np.full(c['base'], b0, c['bdt'])
        e = 0.5 if c['exp'] is None else np.full(c['exp'], 0.5, c['edt'])
        if c.get('out'):
            o = np.empty(np.broadcast_shapes(np.shape(b), np.shape(e)), c['out'])
            r = np.power(b, e, out=o, casting='unsafe')
        else:
            r = np.power(b, e)
        r = np.asarray(r, dtype=np.float64).ravel()
        row.append([('-0' if np.signbit(v) else '0') if v == 0 else ('nan' if v != v else ('inf' if v == np.inf else '-inf' if v == -np.inf else repr(float(v)))) for v in r[:3]] + [str(r.size)])
    res.append(row)
print(json.dumps(res))
`;

const expected = JSON.parse(
  execFileSync('python3', ['-c', ORACLE], { input: JSON.stringify(cases), encoding: 'utf8' }),
) as string[][][];

const show = (v: number): string =>
  v === 0
    ? Object.is(v, -0)
      ? '-0'
      : '0'
    : Number.isNaN(v)
      ? 'nan'
      : v === Infinity
        ? 'inf'
        : v === -Infinity
          ? '-inf'
          : String(v);

function ours(c: Case): string[][] {
  return [-0, -Infinity].map((b0) => {
    if (c.base === null && b0 === 0) return ['js -0 is an int'];
    const full = (shape: number[], v: number, dt: string): NDArray =>
      (v === 0
        ? np.negative(np.zeros(shape, { dtype: dt as never }))
        : np.full(shape, v, { dtype: dt as never })) as NDArray;
    let b: NDArray | number;
    if (c.base === null) b = b0;
    else if (c.t) b = full([...c.base].reverse(), b0, c.bdt).T;
    else b = full(c.base, b0, c.bdt);
    const e = c.exp === null ? 0.5 : (np.full(c.exp, 0.5, { dtype: c.edt as never }) as NDArray);
    let r: unknown;
    if (c.out !== undefined) {
      const shape = np.broadcast_shapes(np.shape(b), np.shape(e)) as number[];
      const o = np.empty(shape, { dtype: c.out as never }) as NDArray;
      r = np.power(b, e, { out: o, casting: 'unsafe' });
    } else r = np.power(b, e);
    if (typeof r === 'number') return [show(r), '1']; // a 0-d result is a JS number
    const flat = ((r as NDArray).astype('float64') as NDArray).ravel() as NDArray;
    const vals = (flat.tolist() as number[]).slice(0, 3).map(show);
    return [...vals, String(flat.size)];
  });
}

describe('np.power takes its fast paths where NumPy does', () => {
  it('numpy answered every case', () => assert.equal(expected.length, cases.length));
  for (const backend of BACKENDS) {
    it(`${cases.length} layouts of -0 / -inf ** 0.5 (${backend} kernels)`, () => {
      const prev = useBackend(backend);
      try {
        cases.forEach((c, k) => assert.deepEqual(ours(c), expected[k], JSON.stringify(c)));
      } finally {
        useBackend(prev);
      }
    });
  }
});
