/**
 * native/math32.ts's float32 exp/log/sin/cos (f32x4 lanes) against their TS twins
 * (src/runtime/vmath32.ts): bit-identical over random float32 bit patterns, ranges per function
 * and specials (NaN, ±inf, ±0, subnormals, overflow/underflow thresholds, huge arguments);
 * contiguous / gapped / negative / zero strides, odd lengths, in place and partially overlapping
 * (the kernel then runs in order, as the twin), canary bytes around every output, the input flush
 * with the end of linear memory (an out-of-bounds read traps). Accuracy:
 * test/unit/vmath32_ulp.test.ts.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import '../../src/runtime/index';
import { VMATH32_TS_KERNELS } from '../../src/runtime/vmath32';
import { MATH32_TABLE_BYTES, writeMath32Tables } from '../../src/runtime/wasm/math32';
import { harness, placeEnd, rng } from './harness';

const SPECIAL = [
  0, -0, NaN, Infinity, -Infinity, 1, -1, 0.5, 2, 3.4028234663852886e38, -3.4028234663852886e38,
  1.401298464324817e-45, -1.401298464324817e-45, 1.1754943508222875e-38, 1.1754942106924411e-38,
  88.72283935546875, 88.72284698486328, 88.7228317260742, 87, 87.00000762939453, -87,
  -87.00000762939453, -103.9720764, -103.972084, -104, 89, 0.9999999403953552, 1.0000001192092896,
  0.9921875, 0.99218744, 1.015625, 1.0156251, 0.703125, 0.70312494, 1.40625, Math.PI, -Math.PI,
  Math.PI / 2, Math.PI / 4, 4096, -4096, 4096.0004, 0.000244140625, 0.00024414061, -0.000244140625,
  1e20, -1e20, 1e30, 12582912, 8388608, 1e-40, -1e-40, 0.6931472, -0.6931472,
];

const F = new Float32Array(1);
const U = new Uint32Array(F.buffer);

/** Random float32 values: specials, uniform bit patterns of either sign, ranges per function. */
function sample(rand: () => number, op: string): number {
  const u = rand();
  if (u < 0.15) return Math.fround(SPECIAL[Math.floor(rand() * SPECIAL.length)]!);
  if (u < 0.45) {
    U[0] = Math.floor(rand() * 2 ** 32);
    return F[0]!;
  }
  if (u < 0.6) return Math.fround((rand() - 0.5) * 10 ** (rand() * 40 - 20));
  if (op === 'exp') return Math.fround((rand() - 0.5) * (u < 0.8 ? 220 : 20));
  if (op === 'sin' || op === 'cos') {
    if (u < 0.8) return Math.fround((rand() - 0.5) * 2 * 10 ** (rand() * 4.5 - 1));
    return Math.fround(Math.round((rand() - 0.5) * 6000) * (Math.PI / 2));
  }
  return Math.fround(u < 0.8 ? rand() * 10 ** (rand() * 10 - 5) : 1 + (rand() - 0.5) * 2 ** (-rand() * 24));
}

const same = (a: number, b: number): boolean => Object.is(a, b) || (a !== a && b !== b);

describe('float32 exp/log/sin/cos (f32x4) = TS twins, bit for bit', () => {
  const h = harness(4);
  const mem = h.mem.buffer.byteLength;
  const TAB = 1024;
  writeMath32Tables(h.mem.buffer, TAB);
  const OUT = TAB + MATH32_TABLE_BYTES + 64;
  const z = 4;
  for (const [op, , ts] of VMATH32_TS_KERNELS) {
    const f = h.ex[`m32_${op}`]!;
    it(`${op}: random lengths and strides, specials, canaries, guarded input`, () => {
      assert.ok(f, `export m32_${op}`);
      const rand = rng(op.length * 13 + 5);
      for (let trial = 0; trial < 160; trial++) {
        const n = trial < 10 ? trial : Math.floor(rand() * 300);
        const sx = [1, 1, 2, -1, -3, 0, 5][trial % 7]!;
        const so = [1, 1, 1, 2, -1, -2, 3, 0][(trial >> 1) % 8]!;
        const rx = placeEnd(mem, n, sx, z);
        const ro = placeEnd(OUT + (n * Math.abs(so) + 2) * z + 64, n, so, z);
        const bytes = h.bytes();
        for (let b = OUT; b < rx.lo; b++) bytes[b] = 0xa5;
        const V = new Float32Array(h.mem.buffer);
        for (let k = 0; k < n; k++) V[rx.start / z + k * sx] = sample(rand, op);
        const before = h.bytes().slice();
        f(n, rx.start, sx * z, ro.start, so * z, TAB);
        const ref = new Float32Array(before.buffer.slice(0));
        ts(n, ref, rx.start / z, sx, ref, ro.start / z, so);
        const got = new Float32Array(h.mem.buffer);
        // with so = 0 only the last write is visible: compare the whole output region
        for (let k = 0; k < n; k++) {
          const i = ro.start / z + k * so;
          assert.ok(
            same(got[i]!, ref[i]!),
            `${op} n=${n} sx=${sx} so=${so} x=${V[rx.start / z + k * sx]}: wasm ${got[i]} vs ts ${ref[i]}`,
          );
        }
        const after = h.bytes();
        const outIdx = new Set<number>();
        for (let k = 0; k < n; k++) for (let b = 0; b < z; b++) outIdx.add(ro.start + k * so * z + b);
        for (let b = 0; b < mem; b++)
          if (!outIdx.has(b) && after[b] !== before[b]) assert.fail(`${op}: byte ${b} changed`);
      }
    });

    it(`${op}: in place and overlapping input/output (results as computed in order)`, () => {
      const rand = rng(op.length * 31 + 7);
      for (let trial = 0; trial < 120; trial++) {
        const n = Math.floor(rand() * 80);
        const sx = [1, 2, -1, 1, 3][trial % 5]!;
        const so = trial % 3 === 0 ? sx : [1, -1, 2, -2][trial % 4]!;
        const shift = trial % 4 === 0 ? 0 : Math.floor(rand() * 7) - 3; // elements
        const base = OUT + 4096;
        const xs = sx < 0 ? base + (n - 1) * -sx * z : base;
        const os = xs + shift * z + (so < 0 && sx > 0 ? (n - 1) * -so * z : 0);
        const V = new Float32Array(h.mem.buffer);
        for (let b = 0; b < 2048; b++) V[(base - 2048) / z + b] = sample(rand, op);
        const before = h.bytes().slice();
        f(n, xs, sx * z, os, so * z, TAB);
        const ref = new Float32Array(before.buffer.slice(0));
        ts(n, ref, xs / z, sx, ref, os / z, so);
        const got = new Float32Array(h.mem.buffer);
        for (let i = (base - 2048) / z; i < (base + 4096) / z; i++)
          assert.ok(same(got[i]!, ref[i]!), `${op} n=${n} sx=${sx} so=${so} shift=${shift} at ${i}`);
      }
    });
  }

  it('2^20 values per function (all exponents, every lane position): 0 differences', () => {
    const N = 1 << 20;
    const hb = harness(160);
    writeMath32Tables(hb.mem.buffer, TAB);
    const rand = rng(42);
    for (const [op, , ts] of VMATH32_TS_KERNELS) {
      const V = new Float32Array(hb.mem.buffer);
      const base = OUT / z;
      for (let k = 0; k < N; k++) {
        // every 4096th bit pattern (both signs, all exponents) with random low bits, then ranges
        if (k < N / 2) {
          U[0] = k * 8192 + Math.floor(rand() * 8192);
          V[base + k] = F[0]!;
        } else V[base + k] = sample(rand, op);
      }
      const ref = new Float32Array(N);
      ts(N, V, base, 1, ref, 0, 1);
      hb.ex[`m32_${op}`]!(N, OUT, z, OUT + N * z, z, TAB);
      const got = new Float32Array(hb.mem.buffer);
      let diffs = 0;
      let first = '';
      for (let k = 0; k < N; k++) {
        if (!same(got[base + N + k]!, ref[k]!)) {
          if (diffs++ === 0) first = `x=${V[base + k]}: wasm ${got[base + N + k]} ts ${ref[k]}`;
        }
      }
      assert.equal(diffs, 0, `${op}: ${first}`);
    }
  });
});
