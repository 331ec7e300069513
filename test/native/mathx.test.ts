/**
 * native/mathx.ts's tan, tanh and power kernels against their TS twins (src/runtime/vmathx.ts):
 * bit-identical over random values of every magnitude plus specials (NaN, ±inf, ±0, subnormals,
 * thresholds, power's special-value grid and its scalar-exponent fast paths), float64 and
 * float32, contiguous / gapped / negative / zero strides, odd lengths; canary bytes around every
 * output, an input flush with the end of linear memory (an out-of-bounds read traps). Accuracy
 * against a 200-bit reference is test/unit/vmathx_ulp.test.ts.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import '../../src/runtime/index';
import { VMATHX_TS_BINARY, VMATHX_TS_UNARY } from '../../src/runtime/vmathx';
import { VMATHX_TABLE_BYTES, writeVmathxTables } from '../../src/runtime/wasm/mathx';
import { harness, placeEnd, rng } from './harness';

const SPECIAL = [
  0, -0, NaN, -NaN, Infinity, -Infinity, 1, -1, 0.5, -0.5, 2, -2, 3, -3, 2.5, 1e308, -1e308,
  1.7976931348623157e308, 5e-324, -5e-324, 2.2250738585072014e-308, 1e-310, 1e-300, 1e5, -1e5,
  100000.00000000001, 99999.99999999999, 7.450580596923828e-9, 7.450580596923827e-9, 0.0625,
  0.06249999999999999, -0.0625, 22, 22.000000000000004, -22, Math.PI / 2, Math.PI / 4, -Math.PI,
  1e22, 0.9999999999999999, 1.0000000000000002, 709.78, -745.2, 1075, -1075, 1023.5,
  9007199254740994, 9007199254740991, -9007199254740991,
];

/** Random doubles: specials, uniform bit patterns of either sign, and ranges per function. */
function sample(rand: () => number, op: string): number {
  const u = rand();
  if (u < 0.15) return SPECIAL[Math.floor(rand() * SPECIAL.length)]!;
  if (u < 0.4) {
    const dv = new DataView(new ArrayBuffer(8));
    dv.setUint32(0, Math.floor(rand() * 2 ** 32));
    dv.setUint32(4, Math.floor(rand() * 2 ** 32));
    return dv.getFloat64(0);
  }
  if (u < 0.55) return (rand() - 0.5) * 10 ** (rand() * 40 - 20);
  if (op === 'tan') {
    if (u < 0.8) return (rand() - 0.5) * 2 * 10 ** (rand() * 6.5 - 1);
    return Math.round((rand() - 0.5) * 2e5) * (Math.PI / 4) * (1 + (rand() - 0.5) * 1e-10);
  }
  if (op === 'tanh') return (rand() - 0.5) * (u < 0.8 ? 50 : 0.2);
  // power: bases
  if (u < 0.62) return 2 ** ((rand() - 0.5) * 2100); // with exponent(): results near 0 / inf
  if (u < 0.7) return rand() * 10;
  if (u < 0.85) return 1 + (rand() - 0.5) * 2 ** (-rand() * 50);
  return -rand() * 10;
}
/** power exponents: integers (negative bases), large |y|, fast-path values, plain ranges. */
function exponent(rand: () => number): number {
  const u = rand();
  if (u < 0.15) return SPECIAL[Math.floor(rand() * SPECIAL.length)]!;
  if (u < 0.3) return Math.round((rand() - 0.5) * 400);
  if (u < 0.4) return (rand() - 0.5) * 10 ** (rand() * 20);
  if (u < 0.5) return [0.5, 2, -1, 1][Math.floor(rand() * 4)]!;
  if (u < 0.6) return (rand() - 0.5) * 4; // with 2^±1050 bases: overflow, underflow, subnormals
  return (rand() - 0.5) * 100;
}

const same = (a: number, b: number): boolean => Object.is(a, b) || (a !== a && b !== b);

describe('vectorized tan/tanh/power = TS twins, bit for bit', () => {
  const h = harness(4);
  const mem = h.mem.buffer.byteLength;
  const TAB = 1024;
  writeVmathxTables(h.mem.buffer, TAB);
  const OUT = TAB + VMATHX_TABLE_BYTES + 64;
  const kernels = [
    ...VMATHX_TS_UNARY.map(([op, d, k]) => ({ op, d, un: k, bin: null })),
    ...VMATHX_TS_BINARY.map(([op, d, k]) => ({ op, d, un: null, bin: k })),
  ];
  for (const { op, d, un, bin } of kernels) {
    it(`${op} ${d}: random lengths and strides, specials, canaries, guarded input`, () => {
      const z = d === 'float64' ? 8 : 4;
      const Arr = d === 'float64' ? Float64Array : Float32Array;
      const f = h.ex[`v${op}_${d === 'float64' ? 'f64' : 'f32'}`]!;
      assert.ok(f, `export v${op}`);
      const rand = rng(op.length * 11 + z);
      for (let trial = 0; trial < 150; trial++) {
        const n = trial < 8 ? trial : Math.floor(rand() * 300);
        const sx = [1, 1, 2, -1, -3, 0, 5][trial % 7]!;
        const sy = [1, 0, 1, -2, 0, 3, 1, -1][trial % 8]!;
        const so = [1, 1, 1, 2, -1, -2, 3][(trial >> 1) % 7]!;
        // the guarded operand (flush with the end of memory) alternates between x and y
        const guardY = bin !== null && trial % 2 === 1;
        const rx = placeEnd(guardY ? mem - 16384 : mem, n, sx, z);
        const ry = bin !== null ? placeEnd(guardY ? mem : mem - 16384, n, sy, z) : null;
        const ro = placeEnd(OUT + (n * Math.abs(so) + 2) * z + 64, n, so, z);
        const bytes = h.bytes();
        for (let b = OUT; b < mem; b++) bytes[b] = 0xa5;
        const V = new Arr(h.mem.buffer);
        for (let k = 0; k < n; k++) V[rx.start / z + k * sx] = sample(rand, op);
        if (ry !== null) {
          const e = exponent(rand);
          for (let k = 0; k < n; k++) V[ry.start / z + k * sy] = sy === 0 ? e : exponent(rand);
        }
        const before = h.bytes().slice();
        const ref = new Arr(before.buffer.slice(0));
        if (bin !== null && ry !== null) {
          f(n, rx.start, sx * z, ry.start, sy * z, ro.start, so * z, TAB);
          bin(n, ref, rx.start / z, sx, ref, ry.start / z, sy, ref, ro.start / z, so);
        } else {
          f(n, rx.start, sx * z, ro.start, so * z, TAB);
          un!(n, ref, rx.start / z, sx, ref, ro.start / z, so);
        }
        const got = new Arr(h.mem.buffer);
        for (let k = 0; k < n; k++) {
          const i = ro.start / z + k * so;
          const x = V[rx.start / z + k * sx];
          const y = ry === null ? '' : `, ${V[ry.start / z + k * sy]}`;
          assert.ok(same(got[i]!, ref[i]!), `${op} ${d} n=${n}: (${x}${y}) wasm ${got[i]} vs ts ${ref[i]}`);
        }
        // nothing else changed (canaries, inputs, tables)
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
    const rand = rng(77);
    const hb = harness(80);
    writeVmathxTables(hb.mem.buffer, TAB);
    for (const { op, d, un, bin } of kernels) {
      const z = d === 'float64' ? 8 : 4;
      const Arr = d === 'float64' ? Float64Array : Float32Array;
      const bx = OUT;
      const by = bx + N * z;
      const bo = by + N * z;
      const V = new Arr(hb.mem.buffer);
      for (let k = 0; k < N; k++) V[bx / z + k] = sample(rand, op);
      for (let k = 0; k < N; k++) V[by / z + k] = exponent(rand);
      const ref = new Arr(N);
      const f = hb.ex[`v${op}_${d === 'float64' ? 'f64' : 'f32'}`]!;
      if (bin !== null) {
        bin(N, V, bx / z, 1, V, by / z, 1, ref, 0, 1);
        f(N, bx, z, by, z, bo, z, TAB);
      } else {
        un!(N, V, bx / z, 1, ref, 0, 1);
        f(N, bx, z, bo, z, TAB);
      }
      const got = new Arr(hb.mem.buffer);
      let diffs = 0;
      for (let k = 0; k < N; k++) if (!same(got[bo / z + k]!, ref[k]!)) diffs++;
      assert.equal(diffs, 0, `${op} ${d}`);
    }
  });
});
