/**
 * The native reduction kernels (native/reduce.ts) against their TS twins in
 * src/runtime/reduce.ts, on a private module instance (test/native/harness.ts): random 2-D
 * loop shapes, strides (contiguous, gapped, negative, zero), every dtype a kernel exists for,
 * values with NaN/±0/±inf and ties. The whole memory must come out byte-identical to the twin's
 * (outputs bit for bit, and no byte outside them touched); inputs end flush with linear memory
 * (an out-of-bounds read traps). Then the public API with both backends (sum/prod/max/min/
 * argmax/argmin/any/all/cumsum/cumprod/mean/var/std along every axis of random layouts).
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as np from '../../src/runtime/index';
import type { DType } from '../../src/runtime/dtype';
import { argLane, cumLane, pairwiseSum, pairwiseSum32, reduceTwin, type ReduceOp } from '../../src/runtime/reduce';
import { backendStatus, useBackend } from '../../src/runtime/wasm';
import { reduceKernelName } from '../../src/runtime/wasm/reduce';
import { CTOR, harness, rng } from './harness';

type Store = { [i: number]: number | bigint };
const SIZE = (d: DType): number => (d === 'bool' || d.endsWith('int8') ? 1 : d.endsWith('16') ? 2 : d.endsWith('32') ? 4 : 8);
const INTS: DType[] = ['int64', 'uint64', 'int32', 'uint32', 'int16', 'uint16', 'int8', 'uint8'];
const FLOATS: DType[] = ['float64', 'float32'];
const SPECIAL = [NaN, 0, -0, Infinity, -Infinity, 1, -1, 0.5];

/** A value for element k of dtype d in value mode `mode`. */
function value(rand: () => number, d: DType, mode: number): number | bigint {
  if (d === 'bool') return rand() < (mode === 2 ? 0.05 : 0.6) ? 1 : 0;
  if (d === 'float64' || d === 'float32') {
    const r = rand();
    switch (mode) {
      case 0:
        return (r - 0.5) * 10 ** (rand() * 8 - 4);
      case 1:
        return r < 0.1 ? (SPECIAL[Math.floor(rand() * SPECIAL.length)] as number) : (r - 0.5) * 100;
      case 2: // all <= 0 with zeros of both signs: the ±0 tie rules of max
        return r < 0.3 ? (rand() < 0.5 ? 0 : -0) : -rand() * 10;
      case 3:
        return r < 0.5 ? NaN : r < 0.6 ? -Infinity : Math.floor(rand() * 5) - 2;
      default:
        return Math.floor(r * 7) - 3; // ties, ±0 via -0 products below
    }
  }
  const z = SIZE(d);
  if (mode === 4) return z === 8 ? BigInt(Math.floor(rand() * 7) - 3) & (d === 'uint64' ? 0xffffffffffffffffn : -1n) : Math.floor(rand() * 7) - 3;
  if (z === 8) {
    const v = (BigInt(Math.floor(rand() * 2 ** 32)) << 32n) | BigInt(Math.floor(rand() * 2 ** 32));
    return d === 'int64' ? BigInt.asIntN(64, v) : v;
  }
  return Math.floor(rand() * 2 ** (8 * z)) - (d.startsWith('u') ? 0 : 2 ** (8 * z - 1));
}

function fillRun(mem: ArrayBuffer, d: DType, start: number, n: number, s: number, rand: () => number, mode: number): void {
  const V = new CTOR[d](mem);
  for (let k = 0; k < n; k++) V[start + k * s] = value(rand, d, mode);
}

/**
 * The first byte where `got` differs from `want`, or -1; a float element (dtype `d`, element
 * start bytes in `elems`) holding NaN in both counts as equal: IEEE leaves NaN sign/payload to
 * the hardware and the operand order, which differ between V8's JS and WASM code.
 */
function firstDiff(want: Uint8Array, got: Uint8Array, d: DType, elems: Set<number>): number {
  if (Buffer.from(want.buffer, want.byteOffset, want.length).equals(Buffer.from(got.buffer, got.byteOffset, got.length))) return -1;
  const z = SIZE(d);
  const dv = (b: Uint8Array, k: number): number =>
    z === 8 ? new DataView(b.buffer, b.byteOffset).getFloat64(k, true) : new DataView(b.buffer, b.byteOffset).getFloat32(k, true);
  for (let k = 0; k < got.length; k++) {
    if (got[k] === want[k]) continue;
    const e = k - (k % z);
    if ((d === 'float64' || d === 'float32') && elems.has(e) && Number.isNaN(dv(want, e)) && Number.isNaN(dv(got, e))) {
      k = e + z - 1;
      continue;
    }
    return k;
  }
  return -1;
}

const canaryCache = new Map<string, Uint8Array>();
/** A byte pattern for memory not written by a kernel (cached per size and seed). */
function canaries(n: number, seed: number): Uint8Array {
  const key = `${n}:${seed % 16}`;
  let c = canaryCache.get(key);
  if (c === undefined) {
    c = new Uint8Array(n);
    for (let k = 0; k < n; k++) c[k] = (k * 131 + seed) & 0xff;
    canaryCache.set(key, c);
  }
  return c;
}

const span = (n: number, s: number): [number, number] => (n === 0 ? [0, 0] : s >= 0 ? [0, (n - 1) * s] : [(n - 1) * s, 0]);

describe('native reductions = TS twins (2-D loops, args, running ops)', () => {
  let prev: 'ts' | 'wasm' = 'ts';
  before(() => {
    prev = useBackend('ts'); // the twins run the TS kernels throughout
  });
  after(() => {
    if (prev === 'wasm') useBackend('wasm');
  });

  it('pairwise sums: every size to 2100 and large ones, contiguous and strided', () => {
    const h = harness(40);
    const ex = h.ex;
    for (const [name, z, ref, C] of [
      ['pairwise_sum_f64', 8, pairwiseSum, Float64Array],
      ['pairwise_sum_f32', 4, pairwiseSum32, Float32Array],
    ] as const) {
      const rand = rng(z * 11);
      const end = h.mem.buffer.byteLength;
      const sizes = [...Array.from({ length: 2100 }, (_, i) => i), 4095, 4096, 9999, 65537, 131071, 300000];
      for (const n of sizes) {
        for (const s of n < 2100 && n % 7 ? [1] : [1, -1, 3]) {
          if ((n * Math.abs(s) + 1) * z > end) continue;
          const start = s > 0 ? end / z - n * s : end / z - 1;
          const V = new C(h.mem.buffer);
          for (let k = 0; k < n; k++) V[start + k * s] = (rand() - 0.5) * 10 ** (rand() * 12 - 6);
          const want = ref(V as unknown as { [i: number]: number }, start, n, s);
          const got = ex[name]!(start * z, n, s * z);
          assert.ok(Object.is(want, got), `${name} n=${n} s=${s}: ${want} vs ${got}`);
        }
      }
    }
  });

  const OPS: [ReduceOp, DType[]][] = [
    ['add', [...FLOATS, ...INTS]],
    ['multiply', [...FLOATS, ...INTS]],
    ['maximum', [...FLOATS, ...INTS, 'bool']],
    ['minimum', [...FLOATS, ...INTS, 'bool']],
    ['fmax', [...FLOATS, 'int32', 'uint8']],
    ['fmin', [...FLOATS, 'int16', 'uint64']],
    ['logical_and', [...FLOATS, ...INTS, 'bool']],
    ['logical_or', [...FLOATS, ...INTS, 'bool']],
  ];
  for (const [op, dts] of OPS) {
    it(`red_${op}_*: folds (os1 = 0) and elementwise rows, any strides`, () => {
      const h = harness(8);
      const rand = rng(op.length * 97);
      const memEnd = h.mem.buffer.byteLength;
      for (const src of dts) {
        const logical = op === 'logical_and' || op === 'logical_or';
        const dt: DType = logical ? 'bool' : src;
        const name = reduceKernelName(op, dt, src);
        const f = h.ex[name];
        assert.ok(f !== undefined, `kernel ${name}`);
        const zi = SIZE(src);
        const zo = SIZE(dt);
        for (let iter = 0; iter < 60; iter++) {
          const mode = iter % 5;
          const fold = iter % 2 === 0;
          const n0 = 1 + Math.floor(rand() * (iter < 10 ? 4 : 40));
          const n1 = Math.floor(rand() * (iter % 7 === 0 ? 3000 : 300));
          // input: inner stride (contiguous mostly), outer stride
          const is1 = [1, 1, 1, -1, 2, 0, -3][iter % 7] as number;
          const is0 = iter % 9 === 0 ? 0 : iter % 3 === 0 ? -(Math.abs(is1) * n1 + 1) : Math.abs(is1) * n1 + (iter % 4);
          const os1 = fold ? 0 : [1, 1, -1, 2][iter % 4] as number;
          const os0 = fold ? [1, -1, 3][iter % 3] as number : iter % 3 === 0 ? 0 : (n1 + 1) * Math.abs(os1);
          // place the input flush with the end of memory, the output well before it
          const [a0, a1] = span(n0, is0);
          const [b0, b1] = span(n1, is1);
          const ilo = a0 + b0;
          const ihi = a1 + b1;
          const ip = Math.floor(memEnd / zi) - 1 - ihi; // element index of [0, 0]
          const [c0, c1] = span(n0, os0);
          const [d0, d1] = span(n1, os1);
          const olo = c0 + d0;
          const ohi = c1 + d1;
          const op_ = 64 / zo - olo + 16; // output starts after 64 canary bytes
          if ((op_ + ohi + 64) * zo >= (ip + ilo) * zi) continue; // does not fit: skip
          const bytes = new Uint8Array(h.mem.buffer);
          bytes.set(canaries(bytes.length, iter)); // canaries
          // fill input elements and output elements
          for (let i = 0; i < n0; i++) fillRun(h.mem.buffer, src, ip + i * is0, n1, is1, rand, mode);
          if (logical && iter % 4 === 3) {
            // long runs of one truth value with at most one element of the other (any/all's
            // early exits and full scans, in every block position)
            const V = new CTOR[src](h.mem.buffer);
            const big = src === 'int64' || src === 'uint64';
            const base = op === 'logical_and' ? 1 : 0;
            for (let i = 0; i < n0; i++) {
              for (let j = 0; j < n1; j++) V[ip + i * is0 + j * is1] = big ? BigInt(base) : base;
              if (n1 > 0 && rand() < 0.6) {
                const j = Math.floor(rand() * n1);
                V[ip + i * is0 + j * is1] = big ? BigInt(1 - base) : src.startsWith('float') && base === 1 ? -0 : 1 - base;
              }
            }
          }
          if (fold) fillRun(h.mem.buffer, dt, op_, n0, os0, rand, mode);
          else for (let i = 0; i < n0; i++) fillRun(h.mem.buffer, dt, op_ + i * os0, n1, os1, rand, mode);
          const before = bytes.slice();
          const D = new CTOR[src](h.mem.buffer);
          const O = new CTOR[dt](h.mem.buffer);
          const inner = reduceTwin(op, dt, src, D, O);
          for (let i = 0; i < n0; i++) if (n1 > 0) inner(n1, ip + i * is0, is1, op_ + i * os0, os1);
          const want = new Uint8Array(h.mem.buffer).slice();
          new Uint8Array(h.mem.buffer).set(before);
          f!(n0, n1, ip * zi, is0 * zi, is1 * zi, op_ * zo, os0 * zo, os1 * zo);
          const got = new Uint8Array(h.mem.buffer);
          const elems = new Set<number>();
          for (let i = 0; i < n0; i++)
            if (fold) elems.add((op_ + i * os0) * zo);
            else for (let j = 0; j < n1; j++) elems.add((op_ + i * os0 + j * os1) * zo);
          const bad = firstDiff(want, got, dt, elems);
          assert.equal(bad, -1, `${name} n0=${n0} n1=${n1} is=${is0},${is1} os=${os0},${os1} mode ${mode}: byte ${bad}`);
        }
      }
    });
  }

  it('arg_max/arg_min_*: lanes along any stride (rows with a scratch row, or scans)', () => {
    const h = harness(8);
    const rand = rng(4242);
    const memEnd = h.mem.buffer.byteLength;
    for (const dt of [...FLOATS, ...INTS, 'bool'] as DType[]) {
      const z = SIZE(dt);
      for (const isMax of [true, false]) {
        const name = `arg_${isMax ? 'max' : 'min'}_${dt === 'bool' ? 'uint8' : dt}`;
        const f = h.ex[name];
        assert.ok(f !== undefined, name);
        for (let iter = 0; iter < 50; iter++) {
          const long = iter % 10 === 5; // several 2048-element blocks of the contiguous scan
          const mode = long ? Math.floor(iter / 10) % 5 : iter % 5;
          const n0 = 1 + Math.floor(rand() * (iter < 8 || long ? 3 : 60));
          const n = long ? 2040 + Math.floor(rand() * 7000) : 1 + Math.floor(rand() * (iter % 6 === 0 ? 2000 : 200));
          // rows layout (lanes contiguous, axis strided) or scans (axis contiguous)
          const rows = iter % 2 === 0;
          const is0 = rows ? 1 : iter % 3 === 0 ? -n : n + 2;
          const is1 = rows ? (iter % 4 === 0 ? -(n0 + 3) : n0 + 5) : iter % 5 === 0 && !long ? 2 : 1;
          const [a0, a1] = span(n0, is0);
          const [b0, b1] = span(n, is1);
          const ip = Math.floor(memEnd / z) - 1 - (a1 + b1);
          const os0 = [1, 2, -1][iter % 3] as number;
          const [c0] = span(n0, os0);
          const op_ = 8 - c0 + 8; // int64 elements
          const scratch = 8 * (op_ + n0 * 3 + 16); // bytes
          if (scratch + n0 * z + 64 >= (ip + a0 + b0) * z) continue;
          const bytes = new Uint8Array(h.mem.buffer);
          bytes.set(canaries(bytes.length, iter));
          for (let i = 0; i < n0; i++) fillRun(h.mem.buffer, dt, ip + i * is0, n, is1, rand, mode);
          const before = bytes.slice();
          const D = new CTOR[dt](h.mem.buffer);
          const R = new BigInt64Array(h.mem.buffer);
          for (let i = 0; i < n0; i++) R[op_ + i * os0] = BigInt(argLane(D, ip + i * is0, n, is1, isMax, false));
          const want = new Uint8Array(h.mem.buffer).slice();
          new Uint8Array(h.mem.buffer).set(before);
          f!(n0, n, ip * z, is0 * z, is1 * z, op_ * 8, os0 * 8, scratch);
          const got = new Uint8Array(h.mem.buffer);
          got.fill(0, scratch, scratch + n0 * z); // the kernel's scratch row is its own
          want.fill(0, scratch, scratch + n0 * z);
          if (!Buffer.from(got).equals(Buffer.from(want))) {
            for (let k = 0; k < got.length; k++)
              if (got[k] !== want[k]) assert.fail(`${name} n0=${n0} n=${n} is=${is0},${is1} mode ${mode}: byte ${k}`);
          }
        }
      }
    }
  });

  it('cum_add/cum_multiply_*: running ops along lanes (lane-wise and row-wise)', () => {
    const h = harness(8);
    const rand = rng(777);
    for (const dt of [...FLOATS, ...INTS]) {
      const z = SIZE(dt);
      for (const op of ['add', 'multiply'] as const) {
        const name = `cum_${op}_${dt.startsWith('float') ? dt : `int${z * 8}`}`;
        const f = h.ex[name];
        assert.ok(f !== undefined, name);
        for (let iter = 0; iter < 40; iter++) {
          const mode = iter % 5;
          const n0 = 1 + Math.floor(rand() * (iter < 6 ? 3 : 50));
          const n = 1 + Math.floor(rand() * 120);
          // a dense n0 × n block: lanes contiguous (s0 = ±1) or the axis contiguous
          const layout = iter % 4;
          const s0 = layout === 0 ? 1 : layout === 1 ? -1 : layout === 2 ? n : -n;
          const s1 = layout <= 1 ? n0 : 1;
          const start = 64 / z + 8 + (s0 < 0 ? (n0 - 1) * -s0 : 0);
          const bytes = new Uint8Array(h.mem.buffer);
          bytes.set(canaries(bytes.length, iter));
          for (let i = 0; i < n0; i++) fillRun(h.mem.buffer, dt, start + i * s0, n, s1, rand, mode === 0 ? 4 : mode);
          const before = bytes.slice();
          const R = new CTOR[dt](h.mem.buffer);
          const lane = cumLane(op, dt);
          for (let i = 0; i < n0; i++) lane(R, start + i * s0, n, s1);
          const want = new Uint8Array(h.mem.buffer).slice();
          new Uint8Array(h.mem.buffer).set(before);
          f!(n0, n, start * z, s0 * z, s1 * z);
          const elems = new Set<number>();
          for (let i = 0; i < n0; i++) for (let j = 0; j < n; j++) elems.add((start + i * s0 + j * s1) * z);
          const bad = firstDiff(want, new Uint8Array(h.mem.buffer), dt, elems);
          assert.equal(bad, -1, `${name} n0=${n0} n=${n} s=${s0},${s1} mode ${mode}: byte ${bad}`);
        }
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------
// the public API with both backends

/** Dtype, shape, strides and every element's bytes (any NaN as 'NaN': see firstDiff). */
const bytesOf = (r: unknown): string => {
  if (typeof r === 'object' && r !== null) {
    const a = r as np.NDArray;
    const c = np.ascontiguousarray(a) as np.NDArray;
    const b = new Uint8Array(c.tobytes());
    const z = a.itemsize;
    const parts: string[] = [];
    for (let k = 0; k < b.length; k += z) {
      const e = b.subarray(k, k + z);
      const dv = new DataView(e.buffer, e.byteOffset, z);
      const nan = a.dtype === 'float64' ? Number.isNaN(dv.getFloat64(0, true)) : a.dtype === 'float32' ? Number.isNaN(dv.getFloat32(0, true)) : false;
      parts.push(nan ? 'NaN' : Buffer.from(e).toString('hex'));
    }
    return `${a.dtype}${JSON.stringify(a.shape)}${JSON.stringify(a.strides)}:${parts.join(',')}`;
  }
  return typeof r === 'number' && Object.is(r, -0) ? '-0' : `${typeof r}:${String(r)}`;
};

/** Every `fns` result under the TS backend, then under WASM (two backend switches per array). */
function both(fns: (() => unknown)[]): [string[], string[]] {
  const run = (): string[] =>
    fns.map((f) => {
      try {
        return bytesOf(f());
      } catch (e) {
        return `error ${(e as Error).message}`;
      }
    });
  const prev = useBackend('ts');
  const x = run();
  useBackend('wasm');
  const y = run();
  useBackend(prev);
  return [x, y];
}

describe('reductions through the API: WASM backend = TS backend, bit for bit', { skip: backendStatus().module === null ? 'WASM module not loaded' : false }, () => {
  const FNS = ['sum', 'prod', 'max', 'min', 'nanmax', 'nanmin', 'argmax', 'argmin', 'nanargmax', 'cumsum', 'cumprod', 'any', 'all', 'mean', 'var', 'std', 'ptp'];
  for (const dt of ['float64', 'float32', 'int64', 'int32', 'uint8', 'int16', 'uint64', 'bool'] as const) {
    it(dt, () => {
      const rand = rng(dt.length * 31 + 5);
      for (let iter = 0; iter < 14; iter++) {
        const shapes = [[1000], [37, 53], [5, 7, 9], [300, 40], [2, 3, 4, 5], [1, 260], [129, 1]];
        const shape = shapes[iter % shapes.length] as number[];
        const size = shape.reduce((x, y) => x * y, 1);
        const mode = iter % 5;
        const vals = Array.from({ length: size }, () => {
          const v = value(rand, dt === 'bool' ? 'bool' : dt.startsWith('float') ? 'float64' : 'int8', mode);
          const x = typeof v === 'bigint' ? Number(v) : v;
          return dt.startsWith('u') ? Math.abs(x) : x;
        });
        let a = np.array(vals, { dtype: dt }).reshape(shape) as np.NDArray;
        if (iter % 3 === 1) a = a.T;
        if (iter % 3 === 2) a = a.get(np.slice(null, null, -1)) as np.NDArray;
        const cases: [string, number | null][] = [];
        for (const axis of [null, ...a.shape.map((_, i) => i)]) for (const fn of FNS) cases.push([fn, axis]);
        const [x, y] = both(
          cases.map(([fn, axis]) => () => (np as unknown as Record<string, (x: unknown, o: unknown) => unknown>)[fn]!(a, { axis })),
        );
        cases.forEach(([fn, axis], k) =>
          assert.equal(y[k], x[k], `${fn} ${dt} ${JSON.stringify(a.shape)} strides ${JSON.stringify(a.strides)} axis ${axis}`),
        );
      }
    });
  }
});
