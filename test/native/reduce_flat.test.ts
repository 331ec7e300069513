/**
 * The whole-run reduction kernels (native/reduce.ts `flat_<max|min>imum_*`, `flat_arg<max|min>_*`,
 * `sumsq_*`) against their TS twin `flatTwin`, the four-rows-at-once axis-0 sum (`red_add_*` with
 * a shared result row) against `reduceTwin`, and the public fast paths that use them
 * (np.max/min/argmax/argmin/var/std without options, np.mean of a 2-d array along one axis)
 * against the general path (the same call with an options object), with both backends.
 * Inputs end flush with linear memory (an out-of-bounds read traps); results compare bit for bit
 * (NaN counts as equal to NaN).
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as np from '../../src/runtime/index';
import { flatTwin, pairwiseSum, reduceTwin, type FlatDType, type FlatOp } from '../../src/runtime/reduce';
import { backendStatus, useBackend } from '../../src/runtime/wasm';
import { harness, rng } from './harness';

const SPECIAL = [NaN, 0, -0, Infinity, -Infinity, 1, -1, 0.5];

function value(rand: () => number, mode: number): number {
  const r = rand();
  switch (mode) {
    case 0:
      return (r - 0.5) * 10 ** (rand() * 8 - 4);
    case 1: // rare specials
      return r < 0.002 ? (SPECIAL[Math.floor(rand() * SPECIAL.length)] as number) : (r - 0.5) * 100;
    case 2: // all <= 0 with zeros of both signs (the ±0 rules)
      return r < 0.3 ? (rand() < 0.5 ? 0 : -0) : -rand() * 10;
    case 3: // many ties
      return Math.floor(r * 5) - 2;
    default: // a NaN somewhere late, infinities
      return r < 0.001 ? NaN : r < 0.01 ? -Infinity : r - 0.5;
  }
}

const same = (a: number, b: number): boolean => Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));

const SIZES = [
  ...Array.from({ length: 300 }, (_, i) => i + 1),
  511, 512, 513, 1023, 1024, 1025, 2047, 2048, 2049, 4095, 4097, 6000, 8191, 8193, 20001, 32767,
  32768, 32769, 65536, 98311,
];

describe('whole-run kernels = TS twins', () => {
  let prev: 'ts' | 'wasm' = 'ts';
  before(() => {
    prev = useBackend('ts'); // the twins run the TS kernels
  });
  after(() => {
    if (prev === 'wasm') useBackend('wasm');
  });

  for (const dt of ['float64', 'float32'] as FlatDType[]) {
    it(`flat_* and sumsq_${dt}: every size to 300 and larger ones, value mixes`, () => {
      const h = harness(16);
      const z = dt === 'float64' ? 8 : 4;
      const C = dt === 'float64' ? Float64Array : Float32Array;
      const f = dt === 'float32' ? Math.fround : (x: number): number => x;
      const rand = rng(z * 7 + 1);
      const end = h.mem.buffer.byteLength;
      const ops: FlatOp[] = ['maximum', 'minimum', 'argmax', 'argmin', 'sumsq'];
      let checked = 0;
      for (const n of SIZES) {
        for (let mode = 0; mode < 5; mode++) {
          if (n > 2100 && mode % 2 === 1) continue;
          const start = end / z - n; // flush with the end of memory
          const V = new C(h.mem.buffer);
          for (let k = 0; k < n; k++) V[start + k] = value(rand, mode);
          if (mode === 4 && n > 16 && rand() < 0.5) V[start + n - 1 - Math.floor(rand() * 8)] = NaN;
          const mean = f(f(0 + pairwiseSum(V, start, n, 1)) / n);
          for (const op of ops) {
            const name = op === 'sumsq' ? `sumsq_${dt}` : `flat_${op}_${dt}`;
            const m = op === 'sumsq' ? (rand() < 0.8 ? mean : f((rand() - 0.5) * 4)) : 0;
            const want = flatTwin(op, dt, V, start, n, m);
            const got = h.ex[name]!(start * z, n, m);
            assert.ok(same(want, got), `${name} n=${n} mode=${mode}: ${want} vs ${got}`);
            checked++;
          }
        }
      }
      assert.ok(checked > 7000);
    });
  }

  it('flat_arg*: long runs (whole 32768-element blocks of four quarters), planted extremes', () => {
    const h = harness(16);
    for (const dt of ['float64', 'float32'] as FlatDType[]) {
      const z = dt === 'float64' ? 8 : 4;
      const C = dt === 'float64' ? Float64Array : Float32Array;
      const rand = rng(z * 5 + 3);
      const end = h.mem.buffer.byteLength;
      for (let t = 0; t < 120; t++) {
        const n = 32768 * (1 + Math.floor(rand() * 3)) + Math.floor(rand() * 3000);
        const start = end / z - n;
        const V = new C(h.mem.buffer);
        const kind = t % 4;
        for (let k = 0; k < n; k++) V[start + k] = kind === 3 ? -1 - rand() : rand() - 0.5;
        const plant = (v: number): void => {
          V[start + Math.floor(rand() * n)] = v;
        };
        if (kind === 0) plant(2); // one extreme
        if (kind === 1) for (let j = 0; j < 3; j++) plant(2); // ties across quarters/blocks
        if (kind === 2) plant(NaN); // the first NaN wins
        if (kind === 3) for (let j = 0; j < 4; j++) plant(rand() < 0.5 ? 0 : -0); // ±0 maxima
        if (rand() < 0.3) plant(-3);
        for (const op of ['argmax', 'argmin'] as FlatOp[]) {
          const want = flatTwin(op, dt, V, start, n, 0);
          const got = h.ex[`flat_${op}_${dt}`]!(start * z, n, 0);
          assert.equal(got, want, `${op} ${dt} n=${n} kind=${kind}`);
        }
      }
    }
  });

  it('red_add_*: axis-0 sums of contiguous blocks (four rows per pass) = the row-by-row twin', () => {
    const h = harness(8);
    for (const [dt, z, C] of [
      ['float64', 8, Float64Array],
      ['float32', 4, Float32Array],
    ] as const) {
      const rand = rng(z * 13);
      const end = h.mem.buffer.byteLength;
      for (let t = 0; t < 400; t++) {
        const n0 = 1 + Math.floor(rand() * 11);
        const n1 = 1 + Math.floor(rand() * 45);
        const gap = rand() < 0.5 ? 0 : Math.floor(rand() * 5); // row stride n1 + gap
        const is0 = n1 + gap;
        const ni = (n0 - 1) * is0 + n1;
        const ip = end / z - ni; // input flush with the end
        const o = 64 / z; // result row, canaries after it
        const V = new C(h.mem.buffer);
        for (let k = 0; k < ni; k++) V[ip + k] = value(rand, t % 5);
        for (let k = 0; k < n1 + 8; k++) V[o + k] = k < n1 ? value(rand, 0) : 12345.5 + k;
        const W = new C(V); // the twin's copy
        for (let i = 0; i < n0; i++) reduceTwin('add', dt, dt, W, W)(n1, ip + i * is0, 1, o, 1);
        h.ex[`red_add_${dt}`]!(n0, n1, ip * z, is0 * z, z, o * z, 0, z);
        for (let k = 0; k < n1 + 8; k++) {
          assert.ok(same(W[o + k] as number, V[o + k] as number), `${dt} n0=${n0} n1=${n1} gap=${gap} k=${k}`);
        }
      }
    }
  });
});

/** Every fast-path call and the general path's answer for the same input, bit for bit. */
function compareFastPaths(label: string): void {
  const rand = rng(label.length * 31 + 5);
  for (const dt of ['float64', 'float32'] as const) {
    for (const shape of [[1], [7], [300], [2049], [3, 5], [40, 33], [2, 3, 4], [129, 17], [3, 4500], [2, 1], [1, 9]]) {
      for (let mode = 0; mode < 5; mode++) {
        const size = shape.reduce((x, y) => x * y, 1);
        const data = Array.from({ length: size }, () => value(rand, mode));
        const c = np.array(data, { dtype: dt }).reshape(shape) as np.NDArray;
        const fo = np.asfortranarray(c) as np.NDArray;
        for (const [lay, a] of [
          ['C', c],
          ['F', fo],
        ] as const) {
          const where = `${label} ${dt} ${JSON.stringify(shape)} ${lay} mode=${mode}`;
          for (const fn of ['max', 'min', 'argmax', 'argmin', 'var', 'std'] as const) {
            const fast = (np[fn] as (x: unknown, ...r: unknown[]) => unknown)(a) as number;
            const slow = (np[fn] as (x: unknown, ...r: unknown[]) => unknown)(a, {}) as number;
            assert.ok(same(fast, slow), `${fn} ${where}: ${fast} vs ${slow}`);
          }
          if (shape.length === 2) {
            for (const axis of [0, 1, -1, -2]) {
              const fast = np.mean(a, { axis }) as np.NDArray;
              const slow = np.mean(a, { axis, keepdims: false }) as np.NDArray;
              assert.deepEqual(fast.shape, slow.shape);
              assert.equal(fast.dtype, slow.dtype);
              const x = fast.tolist() as number[];
              const y = slow.tolist() as number[];
              x.forEach((v, i) => assert.ok(same(v, y[i] as number), `mean axis ${axis} ${where} [${i}]`));
              const p = np.mean(a, axis) as np.NDArray;
              assert.deepEqual(p.tolist(), x);
            }
          }
        }
      }
    }
  }
}

describe('fast paths = general path (np.max/min/argmax/argmin/var/std(a), np.mean(a, axis))', () => {
  it('TS backend', () => {
    const prev = useBackend('ts');
    try {
      compareFastPaths('ts');
    } finally {
      useBackend(prev);
    }
  });
  it('WASM backend', { skip: backendStatus().module === null ? 'WASM module not loaded' : false }, () => {
    const prev = useBackend('wasm');
    try {
      compareFastPaths('wasm');
    } finally {
      useBackend(prev);
    }
  });
});
