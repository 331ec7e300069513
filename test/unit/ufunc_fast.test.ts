/**
 * The ufunc fast path (ufunc_core.ts `fastUfunc`: ndarray / JS number inputs of one shape,
 * C-contiguous, no options) must be invisible: every call it takes gives the same dtype, shape,
 * strides, flags and bytes, or the same error, as the general path. The general path is forced
 * by passing the default option explicitly (`{casting: 'same_kind'}`), which the fast path never
 * takes. Covers every 1- and 2-input ufunc × every dtype × weak scalars at the dtype edges.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as np from '../../src/runtime/index';
import type { NDArray } from '../../src/runtime/index';
import { UFUNC_DEFS, applyUfunc } from '../../src/runtime/internal';
import { useBackend } from '../../src/runtime/wasm';

const DTYPES = [
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
] as const;

const SCALARS = [
  0,
  1,
  -1,
  3,
  127,
  128,
  -128,
  -129,
  255,
  256,
  65535,
  65536,
  -32769,
  2 ** 31,
  2 ** 32,
  2 ** 53,
  -(2 ** 53),
  2 ** 63,
  2.5,
  -0.5,
  NaN,
  Infinity,
  -Infinity,
  -0,
  1e300,
];

type Outcome =
  | { err: string }
  | { dtype: string; shape: number[]; strides: number[]; c: boolean; f: boolean; bytes: string };

function run(f: () => NDArray): Outcome {
  try {
    const r = f();
    return {
      dtype: r.dtype,
      shape: r.shape,
      strides: r.strides,
      c: r.flags.c_contiguous,
      f: r.flags.f_contiguous,
      bytes: Buffer.from(r.tobytes() as Uint8Array).toString('hex'),
    };
  } catch (e) {
    return { err: `${(e as Error).name}: ${(e as Error).message}` };
  }
}

const fast = (op: string, ins: unknown[]): Outcome =>
  run(() => applyUfunc(op, ins).results[0] as NDArray);
const general = (op: string, ins: unknown[]): Outcome =>
  run(() => applyUfunc(op, ins, { casting: 'same_kind' }).results[0] as NDArray);

/** A sample array of `shape`, F-ordered (the transpose of a C array) when `f`. */
function sample(dtype: string, shape: number[], seed: number, f = false): NDArray {
  const n = shape.reduce((a, b) => a * b, 1);
  const vals = Array.from({ length: n }, (_, i) => ((i * 7 + seed * 3) % 11) - 4 + (i % 3) * 0.25);
  if (f)
    return np
      .array(vals)
      .reshape([...shape].reverse())
      .astype(dtype as never).T;
  return np
    .array(vals)
    .reshape(shape)
    .astype(dtype as never) as NDArray;
}

const ops = Object.values(UFUNC_DEFS).filter((d) => d.nout === 1 && d.nin <= 2);

describe('ufunc fast path equals the general path', () => {
  it('arrays of one shape, every ufunc × dtype pair, C / F / mixed layouts', () => {
    let n = 0;
    const layouts: [boolean, boolean][] = [
      [false, false],
      [true, true],
      [false, true],
    ];
    for (const def of ops) {
      for (const d0 of DTYPES) {
        for (const shape of [[3, 3], [5], [1, 1], [2, 1, 3], [2, 3]]) {
          for (const [f0, f1] of shape.length > 1 ? layouts : layouts.slice(0, 1)) {
            const a = sample(d0, shape, 1, f0);
            const seconds = def.nin === 1 ? [null] : DTYPES.map((d1) => sample(d1, shape, 2, f1));
            for (const b of seconds) {
              const ins = b === null ? [a] : [a, b];
              assert.deepEqual(
                fast(def.name, ins),
                general(def.name, ins),
                `${def.name} ${d0} ${b?.dtype} ${shape} ${f0} ${f1}`,
              );
              n++;
            }
          }
        }
      }
    }
    assert.ok(n > 1000);
  });

  it('an array and a weak scalar, both sides, at the dtype edges (twice: cached loops)', () => {
    for (let rep = 0; rep < 2; rep++) {
      for (const def of ops.filter((d) => d.nin === 2)) {
        for (const d0 of DTYPES) {
          const a = sample(d0, [2, 3], 1);
          for (const v of SCALARS) {
            for (const ins of [
              [a, v],
              [v, a],
            ]) {
              assert.deepEqual(
                fast(def.name, ins),
                general(def.name, ins),
                `${def.name} ${d0} ${String(ins)}`,
              );
            }
          }
        }
      }
    }
  });

  it('the public functions give what the general path gives (layouts it declines too)', () => {
    const a = sample('float64', [3, 4], 1);
    const cases: [string, unknown[]][] = [
      ['add', [a, a]],
      ['add', [a, a.T.T]],
      ['add', [a.T, a.T]],
      ['add', [a, sample('float64', [4], 2)]],
      ['add', [a.get(':, ::2'), a.get(':, 1::2')]],
      ['add', [np.zeros([0, 3]), np.zeros([0, 3])]],
      ['add', [np.array(2), np.array(3)]],
      ['subtract', [np.array([true, false]), np.array([true, true])]],
      ['multiply', [sample('int8', [4], 1), 300]],
      ['less', [sample('uint8', [4], 1), -1]],
      ['add', [a, [1, 2, 3, 4]]],
    ];
    for (const [op, ins] of cases) assert.deepEqual(fast(op, ins), general(op, ins), `${op}`);
  });

  it('a disposed input raises the same error', () => {
    const a = np.ones([3]);
    const b = np.ones([3]);
    a[Symbol.dispose]?.();
    assert.deepEqual(fast('add', [a, b]), general('add', [a, b]));
  });
});

describe('fast and general paths on the WASM backend equal the TS kernels', () => {
  it('pointer-level calls (offset views, every dtype, scalars, F order) give the TS bytes', () => {
    const offsetView = (d: (typeof DTYPES)[number], seed: number): NDArray =>
      sample(d, [4, 5], seed).get('1:') as NDArray; // C-contiguous, element offset 5
    const calls: [string, unknown[]][] = [];
    for (const d of DTYPES) {
      const a = offsetView(d, 1);
      const b = offsetView(d, 2);
      for (const op of [
        'add',
        'subtract',
        'multiply',
        'maximum',
        'less',
        'equal',
        'sqrt',
        'negative',
      ])
        calls.push([op, op === 'sqrt' || op === 'negative' ? [a] : [a, b]]);
      calls.push(['add', [a, 3]], ['multiply', [2.5, b]], ['add', [a.T, b.T]]);
      calls.push(['add', [sample(d, [64, 48], 3), sample(d, [48, 64], 4).T]]); // tiled 2-D
      calls.push(['add', [sample(d, [40, 30], 5), sample(d, [30], 6)]]); // broadcast rows
    }
    const run = (): unknown[] =>
      calls.map(([op, ins]) => {
        try {
          return fast(op, ins);
        } catch (e) {
          return String(e);
        }
      });
    const wasm = run();
    const prev = useBackend('ts');
    let ts: unknown[];
    try {
      ts = run();
    } finally {
      useBackend(prev);
    }
    calls.forEach(([op, ins], k) =>
      assert.deepEqual(wasm[k], ts[k], `${op} ${(ins[0] as NDArray).dtype ?? ins[0]}`),
    );
  });
});
