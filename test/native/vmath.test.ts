/**
 * The vectorized transcendentals (native/math.ts) against their TS twins (src/runtime/vmath.ts):
 * bit-identical over random values of every magnitude plus specials (NaN, ±inf, ±0, subnormals,
 * overflow/underflow thresholds), float64 and float32, contiguous / gapped / negative / zero
 * strides, odd lengths; canary bytes around every output, the input flush with the end of
 * linear memory (an out-of-bounds read traps). Accuracy against a 300-bit reference is
 * test/unit/vmath_ulp.test.ts.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import '../../src/runtime/index';
import { VMATH_TS_KERNELS } from '../../src/runtime/vmath';
import { VMATH_TABLE_BYTES, writeVmathTables } from '../../src/runtime/wasm/math';
import { harness, placeEnd, rng } from './harness';

const SPECIAL = [
  0, -0, NaN, -NaN, Infinity, -Infinity, 1, -1, 0.5, 2, 1e308, 1.7976931348623157e308,
  -1.7976931348623157e308, 5e-324, -5e-324, 2.2250738585072014e-308, 2.225073858507201e-308,
  1e-310, -1e-310, 709.782712893384, 709.7827128933841, 700, 700.0000000000001, -700,
  -700.0000000000001, -708.3964185322641, -708.4, -745.1332191019411, -745.1332191019412,
  -745.2, -746, 745.2, 1e-300, 3.4028234663852886e38, 1.401298464324817e-45, 1.1754943508222875e-38,
  0.9999999999999999, 1.0000000000000002, 0.99, 1.01, Math.PI, -Math.PI, 1e20, -1e20, 88.72283935546875,
  -103.97208404541016, 89, -104, 1e5, -1e5, 100000.00000000001, 99999.99999999999, 7.450580596923828e-9,
  7.450580596923827e-9, -7.450580596923828e-9, 0.001953125, -0.001953125, 0.0019531249999999998,
  5.551115123125783e-17, -5.551115123125783e-17, 0.0625, -0.0625, 0.06249999999999999, -38, -37, -0.9999999999999999, -1.0000000000000002, Math.PI / 2, Math.PI / 4, 1e22, 6381956970095103 * 2 ** 797,
];

/** Random doubles: specials, uniform bit patterns of either sign, and ranges per function. */
function sample(rand: () => number, op: string): number {
  const u = rand();
  if (u < 0.15) return SPECIAL[Math.floor(rand() * SPECIAL.length)]!;
  if (u < 0.45) {
    const dv = new DataView(new ArrayBuffer(8));
    dv.setUint32(0, Math.floor(rand() * 2 ** 32));
    dv.setUint32(4, Math.floor(rand() * 2 ** 32));
    return dv.getFloat64(0);
  }
  if (u < 0.6) return (rand() - 0.5) * 10 ** (rand() * 40 - 20);
  if (op === 'exp') return (rand() - 0.5) * (u < 0.8 ? 1500 : 20);
  if (op === 'expm1') {
    if (u < 0.7) return (rand() - 0.5) * 2 ** (-rand() * 60);
    return (rand() - 0.5) * (u < 0.9 ? 100 : 1500);
  }
  if (op === 'log1p') {
    if (u < 0.75) return (rand() - 0.5) * 2 ** (-rand() * 60);
    return u < 0.85 ? -rand() : rand() * 10 ** (rand() * 10);
  }
  if (op === 'sin' || op === 'cos') {
    if (u < 0.8) return (rand() - 0.5) * 2 * 10 ** (rand() * 6.5 - 1);
    return Math.round((rand() - 0.5) * 2e5) * (Math.PI / 2) * (1 + (rand() - 0.5) * 1e-10);
  }
  return u < 0.8 ? rand() * 10 ** (rand() * 10 - 5) : 1 + (rand() - 0.5) * 2 ** (-rand() * 50);
}

describe('vectorized exp/expm1/log/log1p/sin/cos = TS twins, bit for bit', () => {
  const h = harness(4);
  const mem = h.mem.buffer.byteLength;
  const TAB = 1024;
  writeVmathTables(h.mem.buffer, TAB);
  const OUT = TAB + VMATH_TABLE_BYTES + 64;
  for (const [op, d, ts] of VMATH_TS_KERNELS) {
    it(`${op} ${d}: random lengths and strides, specials, canaries, guarded input`, () => {
      const z = d === 'float64' ? 8 : 4;
      const Arr = d === 'float64' ? Float64Array : Float32Array;
      const f = h.ex[`v${op}_${d === 'float64' ? 'f64' : 'f32'}`]!;
      assert.ok(f, `export v${op}`);
      const rand = rng(op.length * 7 + z);
      for (let trial = 0; trial < 120; trial++) {
        const n = trial < 8 ? trial : Math.floor(rand() * 300);
        const sx = [1, 1, 2, -1, -3, 0, 5][trial % 7]!;
        const so = [1, 1, 1, 2, -1, -2, 3][(trial >> 1) % 7]!;
        const rx = placeEnd(mem, n, sx, z);
        const ro = placeEnd(OUT + ((n * Math.abs(so) + 2) * z) + 64, n, so, z);
        const bytes = h.bytes();
        for (let b = OUT; b < rx.lo; b++) bytes[b] = 0xa5;
        const V = new Arr(h.mem.buffer);
        for (let k = 0; k < n; k++) V[rx.start / z + k * sx] = sample(rand, op);
        const before = h.bytes().slice();
        f(n, rx.start, sx * z, ro.start, so * z, TAB);
        // reference: the TS kernel on a copy of the same memory
        const ref = new Arr(before.buffer.slice(0));
        ts(n, ref, rx.start / z, sx, ref, ro.start / z, so);
        const got = new Arr(h.mem.buffer);
        for (let k = 0; k < n; k++) {
          const i = ro.start / z + k * so;
          const a = got[i]!;
          const b = ref[i]!;
          assert.ok(
            Object.is(a, b) || (a !== a && b !== b),
            `${op} ${d} n=${n} sx=${sx} so=${so} x=${V[rx.start / z + k * sx]}: wasm ${a} vs ts ${b}`,
          );
        }
        // nothing else changed (canaries, input, tables)
        const after = h.bytes();
        const outIdx = new Set<number>();
        for (let k = 0; k < n; k++) for (let b = 0; b < z; b++) outIdx.add(ro.start + k * so * z + b);
        for (let b = 0; b < mem; b++)
          if (!outIdx.has(b) && after[b] !== before[b]) assert.fail(`${op} ${d}: byte ${b} changed`);
      }
    });
  }

  it('a large sample per function: 0 differences', () => {
    const N = 100_000;
    const rand = rng(99);
    const hb = harness(40);
    writeVmathTables(hb.mem.buffer, TAB);
    for (const [op, d, ts] of VMATH_TS_KERNELS) {
      const z = d === 'float64' ? 8 : 4;
      const Arr = d === 'float64' ? Float64Array : Float32Array;
      const base = OUT;
      const V = new Arr(hb.mem.buffer);
      for (let k = 0; k < N; k++) V[base / z + k] = sample(rand, op);
      const ref = new Arr(N);
      ts(N, V, base / z, 1, ref, 0, 1);
      hb.ex[`v${op}_${d === 'float64' ? 'f64' : 'f32'}`]!(N, base, z, base + N * z, z, TAB);
      const got = new Arr(hb.mem.buffer);
      let diffs = 0;
      for (let k = 0; k < N; k++) {
        const a = got[base / z + N + k]!;
        const b = ref[k]!;
        if (!(Object.is(a, b) || (a !== a && b !== b))) diffs++;
      }
      assert.equal(diffs, 0, `${op} ${d}`);
    }
  });
});
