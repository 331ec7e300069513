/**
 * The ufunc fast path with an output array (`op(x, y, {out: o})`, `{out: [o]}`, positional `o`:
 * ufunc.ts `onlyOut` → ufunc_core.ts `fastUfunc(…, out)`) must be invisible: each call gives the
 * same bytes in `o`, returns `o` itself, and leaves the inputs as the general path does (in-place
 * and overlapping outputs included), or raises the same error. The general path is forced by
 * adding the default option `casting: 'same_kind'`, which the fast path never takes.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as np from '../../src/runtime/index';
import type { NDArray } from '../../src/runtime/index';
import { UFUNC_DEFS } from '../../src/runtime/internal';
import { DTYPES } from '../../src/runtime/dtype';
import { nativeExports, useBackend } from '../../src/runtime/wasm';

/** Both backends, or the TS one alone in a process run with NDSCOPE_BACKEND=ts (no module). */
const BACKENDS = nativeExports() === null ? (['ts'] as const) : (['wasm', 'ts'] as const);

type Fn = (...args: unknown[]) => unknown;
const npx = np as unknown as Record<string, Fn | undefined>;
const ops = Object.values(UFUNC_DEFS).filter(
  (d) => d.nout === 1 && d.nin <= 2 && typeof npx[d.name] === 'function',
);

const hex = (a: NDArray): string => Buffer.from(a.tobytes() as Uint8Array).toString('hex');

function sample(dtype: string, shape: number[], seed: number, f = false): NDArray {
  const n = shape.reduce((a, b) => a * b, 1);
  const vals = Array.from({ length: n }, (_, i) => ((i * 7 + seed * 3) % 11) - 4 + (i % 3) * 0.25);
  const base = np.array(vals);
  if (f) return base.reshape([...shape].reverse()).astype(dtype as never).T as NDArray;
  return base.reshape(shape).astype(dtype as never) as NDArray;
}

/**
 * Runs `call(args, extra)` on fresh copies of `make()`'s arrays (the fast call with `extra = {}`,
 * the general one with `{casting: 'same_kind'}`) and returns what each left behind.
 */
type Arrs = [NDArray, NDArray, NDArray];
function both(make: () => NDArray[], call: (arrs: Arrs, extra: object) => unknown): void {
  const outcome = (extra: object): unknown => {
    const arrs = make();
    try {
      const r = call(arrs as Arrs, extra);
      return { same: arrs.map((a) => a === r), arrays: arrs.map(hex) };
    } catch (e) {
      return { err: `${(e as Error).name}: ${(e as Error).message}`, arrays: arrs.map(hex) };
    }
  };
  assert.deepEqual(outcome({}), outcome({ casting: 'same_kind' }));
}

describe('ufunc fast path with out= equals the general path', () => {
  it('every ufunc × dtype pair into an out of each dtype (C and F operands)', () => {
    assert.ok(ops.length > 50, `${ops.length} ufuncs`);
    let n = 0;
    for (const def of ops) {
      const f = npx[def.name] as Fn;
      for (const d0 of DTYPES) {
        for (const [shape, fo] of [
          [[2, 3], false],
          [[7], false],
          [[1], false],
          [[3, 4], true],
        ] as [number[], boolean][]) {
          const seconds = def.nin === 1 ? [null] : DTYPES;
          for (const d1 of seconds) {
            for (const dOut of ['float64', 'int32', d0]) {
              both(
                () => [
                  sample(d0, shape, 1, fo),
                  ...(d1 === null ? [] : [sample(d1, shape, 2, fo)]),
                  np.zeros(shape, { dtype: dOut as never }) as NDArray,
                ],
                (a, extra) =>
                  def.nin === 1
                    ? f(a[0], { out: a[1], ...extra })
                    : f(a[0], a[1], { out: a[2], ...extra }),
              );
              n++;
            }
          }
        }
      }
    }
    assert.ok(n > 5000, `${n} calls`);
  });

  it('in place, overlapping, read-only, offset views, weak scalars, out forms', () => {
    const f64 = (s: number): NDArray => sample('float64', [4, 5], s);
    const cases: [string, () => NDArray[], (a: Arrs, x: object) => unknown][] = [
      ['out is x', () => [f64(1), f64(2)], (a, x) => np.add(a[0], a[1], { out: a[0], ...x })],
      ['out is y', () => [f64(1), f64(2)], (a, x) => np.subtract(a[0], a[1], { out: a[1], ...x })],
      ['unary in place', () => [f64(1)], (a, x) => np.exp(a[0], { out: a[0], ...x })],
      [
        'log in place',
        () => [np.abs(f64(1)) as NDArray],
        (a, x) => np.log(a[0], { out: a[0], ...x }),
      ],
      [
        'out shifted by one element over x',
        () => [np.arange(12, { dtype: 'float64' }) as NDArray],
        (a, x) => np.add(a[0].get('1:') as NDArray, 1, { out: a[0].get(':-1') as NDArray, ...x }),
      ],
      [
        'x shifted by one element over out',
        () => [np.arange(12, { dtype: 'float64' }) as NDArray],
        (a, x) =>
          np.multiply(a[0].get(':-1') as NDArray, 2, { out: a[0].get('1:') as NDArray, ...x }),
      ],
      [
        'read-only out',
        () => [f64(1), f64(2)],
        (a, x) => {
          const o = np.broadcast_to(f64(3), [4, 5]) as NDArray;
          return np.add(a[0], a[1], { out: o, ...x });
        },
      ],
      [
        'wrong shape out',
        () => [f64(1), f64(2), np.zeros([5, 4]) as NDArray],
        (a, x) => np.add(a[0], a[1], { out: a[2], ...x }),
      ],
      [
        'non-contiguous out',
        () => [sample('float64', [4, 3], 1), np.zeros([4, 6]) as NDArray],
        (a, x) => np.add(a[0], 2.5, { out: a[1].get(':, ::2') as NDArray, ...x }),
      ],
      [
        'offset views',
        () => [f64(1), f64(2), np.zeros([5, 5]) as NDArray],
        (a, x) =>
          np.maximum(a[0].get('1:') as NDArray, a[1].get('1:') as NDArray, {
            out: a[2].get('2:') as NDArray,
            ...x,
          }),
      ],
      [
        'weak scalar first',
        () => [f64(1), np.zeros([4, 5]) as NDArray],
        (a, x) => np.true_divide(3, a[0], { out: a[1], ...x }),
      ],
      [
        'out tuple',
        () => [f64(1), f64(2), np.zeros([4, 5]) as NDArray],
        (a, x) => np.multiply(a[0], a[1], { out: [a[2]], ...x }),
      ],
      [
        'int8 overflow into int8 out',
        () => [sample('int8', [6], 1), np.zeros([6], { dtype: 'int8' }) as NDArray],
        (a, x) => np.multiply(a[0], 100, { out: a[1], ...x }),
      ],
      [
        'weak int out of range',
        () => [sample('uint8', [6], 1), np.zeros([6], { dtype: 'uint8' }) as NDArray],
        (a, x) => np.add(a[0], 300, { out: a[1], ...x }),
      ],
      [
        'disposed out',
        () => [f64(1), f64(2)],
        (a, x) => {
          const o = np.zeros([4, 5]) as NDArray;
          o[Symbol.dispose]?.();
          return np.add(a[0], a[1], { out: o, ...x });
        },
      ],
    ];
    for (const [name, make, call] of cases) {
      for (const backend of BACKENDS) {
        const prev = useBackend(backend);
        try {
          both(make, call);
        } catch (e) {
          (e as Error).message = `${name} (${backend}): ${(e as Error).message}`;
          throw e;
        } finally {
          useBackend(prev);
        }
      }
    }
  });

  it('positional out and {out} return the out array holding numpy values', () => {
    const a = np.array([1, 2, 3]) as NDArray;
    const o = np.zeros([3]) as NDArray;
    assert.equal(np.add(a, 0.5, o), o);
    assert.deepEqual(o.tolist(), [1.5, 2.5, 3.5]);
    assert.equal(np.sqrt(a, { out: o }), o);
    assert.deepEqual(o.tolist(), [1, Math.SQRT2, Math.sqrt(3)]);
    // another option next to out: the general path, same answer
    assert.equal(np.add(a, a, { out: o, where: true }), o);
    assert.deepEqual(o.tolist(), [2, 4, 6]);
  });
});
