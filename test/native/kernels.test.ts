/**
 * Every WASM kernel against its TypeScript twin (the reference), kernel by kernel, over random
 * lengths (SIMD block edges included), strides (contiguous, broadcast 0, negative, gapped) and
 * every dtype the module implements: results must be identical (values; NaN = NaN, -0 ≠ +0), no
 * byte outside an output's elements may change, and reads past an operand trap (the guarded
 * operand ends flush with linear memory). Also: NumPy's pairwise sum bit for bit, GEMM bit for
 * bit with the blocked TS kernel.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { DType } from '../../src/runtime/dtype';
import '../../src/runtime/index';
import {
  getKernel,
  type BinaryKernel,
  type Store,
  type UnaryKernel,
} from '../../src/runtime/ufunc_kernels';
import { pairwiseSum, pairwiseSum32 } from '../../src/runtime/internal';
import { gemmReference } from '../../src/runtime/gemm';
import { elementwiseTable } from '../../src/runtime/wasm';
import { CTOR, harness, placeEnd, rng, type Region } from './harness';


const SPECIAL = [0, -0, NaN, Infinity, -Infinity, 1, -1, 0.5, 1e308, -1e-310, 5e-324, 3.4e38, 1e-40];

function fill(h: ReturnType<typeof harness>, r: Region, n: number, s: number, d: DType, rand: () => number, op: string): void {
  const z = d === 'bool' ? 1 : CTOR[d] === Float64Array || d.endsWith('64') ? 8 : d.endsWith('32') ? 4 : d.endsWith('16') ? 2 : 1;
  const buf = h.mem.buffer;
  const v = new CTOR[d](buf) as unknown as { [i: number]: number | bigint };
  for (let k = 0; k < n; k++) {
    const i = r.start / z + k * s;
    if (d === 'float32' || d === 'float64') {
      let x: number;
      if (op === 'exp') x = rand() < 0.1 ? (SPECIAL[Math.floor(rand() * SPECIAL.length)] as number) : (rand() - 0.5) * 1520;
      else if (rand() < 0.2) x = SPECIAL[Math.floor(rand() * SPECIAL.length)] as number;
      else x = (rand() - 0.5) * 10 ** (rand() * 20 - 10);
      v[i] = x;
    } else if (d === 'bool') v[i] = rand() < 0.5 ? 1 : 0;
    else {
      const bytes = new Uint8Array(buf, i * z, z);
      for (let b = 0; b < z; b++) bytes[b] = Math.floor(rand() * 256);
    }
  }
}

const same = (a: number | bigint, b: number | bigint): boolean =>
  typeof a === 'number' && typeof b === 'number' ? Object.is(a, b) || (a !== a && b !== b) : a === b;

const SIZE = (d: DType): number => (d === 'bool' || d.endsWith('8') ? 1 : d.endsWith('16') ? 2 : d.endsWith('32') ? 4 : 8);
const STRIDES = [1, 1, 1, 0, -1, 2, -3];
const LENGTHS = [0, 1, 2, 3, 4, 7, 8, 15, 16, 17, 31, 32, 33, 64, 65];

describe('elementwise kernels = TS twins (random strides, canaries, guarded reads)', () => {
  const h = harness(1);
  const table = elementwiseTable();
  it('covers every numeric dtype for add, multiply and the comparisons', () => {
    for (const op of ['add', 'multiply', 'less', 'equal'])
      for (const d of ['int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64', 'float32', 'float64'])
        assert.ok(table.some((r) => r[0] === op && r[1] === d), `${op} ${d}`);
  });
  for (const [op, d, name, zi, zo, arity] of table) {
    it(`${name}`, () => {
      const rand = rng(name.length * 7919 + zi * 31 + zo);
      const ts = getKernel(op, d, 'ts');
      assert.ok(ts, `TS twin of ${op}:${d}`);
      const outD: DType = zo === 1 && zi !== 1 ? 'bool' : zo === 1 && op in { less: 1, less_equal: 1, greater: 1, greater_equal: 1, equal: 1, not_equal: 1 } ? 'bool' : d;
      const f = h.ex[name];
      assert.ok(f, `export ${name}`);
      const end = h.mem.buffer.byteLength;
      for (let iter = 0; iter < 60; iter++) {
        const n = iter < LENGTHS.length ? (LENGTHS[iter] as number) : Math.floor(rand() * 70);
        const pick = (): number => STRIDES[Math.floor(rand() * STRIDES.length)] as number;
        const sx = pick();
        const sy = pick();
        let so = pick();
        if (so === 0 && n > 1) so = 1;
        const guard = iter % 3; // which operand ends flush with memory
        const places = [20000, 40000, end];
        const [ex, ey, eo] = guard === 0 ? [end, 20000, 40000] : guard === 1 ? [20000, end, 40000] : places;
        const rx = placeEnd(ex as number, n, sx, zi);
        const ry = placeEnd(ey as number, n, sy, zi);
        const ro = placeEnd(eo as number, n, so, zo);
        const bytes = h.bytes();
        bytes.fill(0xa5);
        fill(h, rx, n, sx, d, rand, op);
        if (arity === 2) fill(h, ry, n, sy, d, rand, op);
        const before = bytes.slice();
        const buf = h.mem.buffer;
        const X = new CTOR[d](buf) as unknown as Store;
        const O = new CTOR[outD](buf) as unknown as Store;
        const run = (which: 'ts' | 'wasm'): Uint8Array => {
          h.bytes().set(before);
          if (which === 'ts') {
            if (arity === 1) (ts as UnaryKernel)(n, X, rx.start / zi, sx, O, ro.start / zo, so);
            else (ts as BinaryKernel)(n, X, rx.start / zi, sx, X, ry.start / zi, sy, O, ro.start / zo, so);
          } else if (arity === 1) f(n, rx.start, sx * zi, ro.start, so * zo);
          else f(n, rx.start, sx * zi, ry.start, sy * zi, ro.start, so * zo);
          return h.bytes().slice();
        };
        const a = run('ts');
        const b = run('wasm');
        const VA = new CTOR[outD](a.buffer as ArrayBuffer) as unknown as { [i: number]: number | bigint };
        const VB = new CTOR[outD](b.buffer as ArrayBuffer) as unknown as { [i: number]: number | bigint };
        for (let k = 0; k < n; k++) {
          const i = ro.start / zo + k * so;
          assert.ok(
            same(VA[i] as number, VB[i] as number),
            `${name} n=${n} strides ${sx},${sy},${so} element ${k}: ts ${VA[i]} wasm ${VB[i]}`,
          );
          // element bytes checked; blank them for the canary comparison
          a.fill(0, i * zo, i * zo + zo);
          b.fill(0, i * zo, i * zo + zo);
          before.fill(0, i * zo, i * zo + zo);
        }
        assert.deepEqual(b, before, `${name}: bytes outside the output elements changed`);
        assert.deepEqual(a, before);
      }
    });
  }
});

describe('pairwise sum = NumPy pairwise_sum (TS twin) bit for bit', () => {
  const h = harness(4);
  for (const [name, z, ref, C] of [
    ['pairwise_sum_f64', 8, pairwiseSum, Float64Array],
    ['pairwise_sum_f32', 4, pairwiseSum32, Float32Array],
  ] as const) {
    it(name, () => {
      const rand = rng(z);
      const end = h.mem.buffer.byteLength;
      for (let iter = 0; iter < 300; iter++) {
        const n = iter < 140 ? iter : Math.floor(rand() * 3000);
        const s = [1, 1, -1, 3, -2][iter % 5] as number;
        if ((n - 1) * Math.abs(s) * z > end) continue;
        const r = placeEnd(end, n, s, z);
        const V = new C(h.mem.buffer);
        for (let k = 0; k < n; k++) V[r.start / z + k * s] = (rand() - 0.5) * 10 ** (rand() * 12 - 6);
        const want = ref(V as unknown as { [i: number]: number }, r.start / z, n, s);
        const got = h.ex[name]!(r.start, n, s * z);
        assert.ok(Object.is(want, got), `${name} n=${n} s=${s}: ${want} vs ${got}`);
      }
    });
  }
});

describe('GEMM = blocked TS kernel bit for bit (strided, transposed, negative strides)', () => {
  for (const d of ['float64', 'float32'] as const) {
    it(d, () => {
      const h = harness(200);
      const z = SIZE(d);
      const rand = rng(d.length);
      const scratch = 1 << 16; // bytes
      const base = Math.ceil((scratch + h.ex.gemm_scratch_bytes!()) / z) + 16; // elements
      const ref = gemmReference(d);
      const C = d === 'float64' ? Float64Array : Float32Array;
      let ran = 0;
      for (let iter = 0; iter < 14; iter++) {
        const m = 1 + Math.floor(rand() * (iter < 3 ? 300 : 70));
        const n = 1 + Math.floor(rand() * (iter < 3 ? 600 : 70)) + (iter === 1 ? 520 : 0); // > NC
        const k = 1 + Math.floor(rand() * (iter < 3 ? 300 : 90)) + (iter === 0 ? 1030 : 0); // > 2 KC blocks
        if (m * n * k <= 8192) continue; // the TS kernel's exactly-FMA'd small path (wrapper's too)
        // A: row-major, transposed or negative rows; B likewise; C row-major or column-major
        const layout = (r: number, c: number, kind: number, at: number): [number, number, number] => {
          if (kind === 0) return [at, c, 1];
          if (kind === 1) return [at, 1, r];
          return [at + (r - 1) * c, -c, 1];
        };
        const aL = layout(m, k, iter % 3, base);
        const bL = layout(k, n, (iter + 1) % 3, base + m * k + 8);
        const cStart = base + m * k + k * n + 64;
        const cL: [number, number, number] = iter % 2 ? [cStart, n, 1] : [cStart, 1, m];
        const total = cStart + m * n + 64;
        assert.ok(total * z < h.mem.buffer.byteLength, 'fits');
        const V = new C(h.mem.buffer);
        for (let i = base; i < cStart; i++) V[i] = (rand() - 0.5) * 4;
        const before = new Uint8Array(h.mem.buffer).slice(base * z);
        const go = (which: 'ts' | 'wasm'): Uint8Array => {
          new Uint8Array(h.mem.buffer).set(before, base * z);
          const W = new C(h.mem.buffer);
          if (which === 'ts') ref(m, n, k, W, aL[0], aL[1], aL[2], W, bL[0], bL[1], bL[2], W, cL[0], cL[1], cL[2]);
          else
            h.ex[d === 'float64' ? 'gemm_f64' : 'gemm_f32']!(
              m, n, k,
              aL[0] * z, aL[1] * z, aL[2] * z,
              bL[0] * z, bL[1] * z, bL[2] * z,
              cL[0] * z, cL[1] * z, cL[2] * z,
              scratch * 1,
            );
          return new Uint8Array(h.mem.buffer).slice(base * z);
        };
        const a = go('ts');
        const b = go('wasm');
        assert.ok(Buffer.compare(a, b) === 0, `${d} gemm ${m}x${k} · ${k}x${n} differs from the TS kernel`);
        ran++;
      }
      assert.ok(ran >= 8, `only ${ran} blocked products ran`);
    });
  }
});

// exp/log: test/native/vmath.test.ts (bit-identical to the TS twins in src/runtime/vmath.ts)

describe('copy and cast kernels = typed-array stores (canaries, guarded reads)', () => {
  const h = harness(2);
  const PAIRS: [DType, DType][] = [
    ...(['bool', 'int16', 'int32', 'float64'] as DType[]).map((d) => [d, d] as [DType, DType]),
    ['float32', 'float64'],
    ['float64', 'float32'],
    ['int32', 'float32'],
    ['uint32', 'float64'],
    ['int8', 'float32'],
    ['bool', 'float64'],
  ];
  for (const [from, to] of PAIRS) {
    it(`${from} → ${to} (1-D strided and 2-D tiled)`, () => {
      const rand = rng(from.length * 13 + to.length);
      const zs = SIZE(from);
      const zd = SIZE(to);
      const end = h.mem.buffer.byteLength;
      for (let iter = 0; iter < 40; iter++) {
        const rows = 1 + Math.floor(rand() * 40);
        const cols = 1 + Math.floor(rand() * 40);
        const two = from === to && iter % 2 === 0;
        const n = two ? rows * cols : rows;
        // source: guarded at the end; 2-D sources transposed (column-major), 1-D random stride
        const ss = two ? 1 : ([1, -1, 2, 0, -3][iter % 5] as number);
        const src = placeEnd(end, n, ss === 0 ? 1 : ss, zs);
        const dst = placeEnd(60000, n, 1, zd);
        const bytes = h.bytes();
        bytes.fill(0x5a);
        fill(h, src, n, ss === 0 ? 1 : ss, from, rand, '');
        const before = bytes.slice();
        const S = new CTOR[from](h.mem.buffer) as unknown as { [i: number]: number | bigint };
        const want: (number | bigint)[] = [];
        for (let k = 0; k < n; k++) {
          let i: number;
          if (two) i = src.start / zs + (k % cols) * rows + Math.floor(k / cols); // src[r, c] at c·rows + r
          else i = src.start / zs + k * ss;
          const v = S[i] as number | bigint;
          want.push(from === to ? v : to === 'float32' ? Math.fround(Number(v)) : Number(v));
        }
        if (two)
          h.ex[`copy2d_${zs}`]!(rows, cols, src.start, zs, rows * zs, dst.start, cols * zd, zd);
        else if (from === to) h.ex[`copy_${zs}`]!(n, src.start, ss * zs, dst.start, zd);
        else h.ex[`cast_${from}_${to}`]!(n, src.start, ss * zs, dst.start, zd);
        const D = new CTOR[to](h.mem.buffer) as unknown as { [i: number]: number | bigint };
        for (let k = 0; k < n; k++)
          assert.ok(same(D[dst.start / zd + k]!, want[k]!), `${from}→${to} element ${k}`);
        const after = h.bytes().slice();
        after.fill(0, dst.lo, dst.hi);
        before.fill(0, dst.lo, dst.hi);
        assert.deepEqual(after, before, 'bytes outside the destination changed');
      }
    });
  }
});
