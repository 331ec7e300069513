/**
 * The block loops of the vectorized exp/log (native/math.ts expBlocks/logBlocks: contiguous
 * output not overlapping the input, 128 elements per block, range checked once per block, a
 * block with a lane outside the vector range redone by the per-pair checked loop): bit-identical
 * to the TS twins for in-range data (every block on the fast path), with one or a few special
 * values placed at block edges and inside, for lengths around the block size, strided inputs,
 * in place (output = input: the checked loop), an output behind the input, adjacent outputs; canaries around outputs.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import '../../src/runtime/index';
import { VMATH_TS_KERNELS } from '../../src/runtime/vmath';
import { VMATH_TABLE_BYTES, writeVmathTables } from '../../src/runtime/wasm/math';
import { harness, rng } from './harness';

const SPECIAL = [NaN, Infinity, -Infinity, 0, -0, -1, 5e-324, 710, -746, 1e300, -1e300];

describe('exp/log block loops = TS twins, bit for bit', () => {
  const h = harness(8);
  const TAB = 1024;
  writeVmathTables(h.mem.buffer, TAB);
  const BASE = TAB + VMATH_TABLE_BYTES + 64;
  for (const [op, d, ts] of VMATH_TS_KERNELS.filter(([o]) => o === 'exp' || o === 'log')) {
    it(`${op} ${d}: in-range blocks, specials at block edges, strides, overlaps`, () => {
      const z = d === 'float64' ? 8 : 4;
      const Arr = d === 'float64' ? Float64Array : Float32Array;
      const f = h.ex[`v${op}_${d === 'float64' ? 'f64' : 'f32'}`]!;
      const rand = rng(op.length * 13 + z);
      const value = (): number =>
        op === 'exp'
          ? rand() < 0.5
            ? (rand() - 0.5) * 1400
            : (rand() - 0.5) * 4
          : rand() < 0.5
            ? rand() * 10 ** (rand() * 600 - 300)
            : 0.5 + rand();
      const lengths = [4, 7, 127, 128, 129, 131, 255, 256, 257, 384, 1000, 4099];
      for (let trial = 0; trial < 72; trial++) {
        const n = lengths[trial % lengths.length]!;
        const sx = [1, 1, 2, -1, 3, 1][trial % 6]!;
        const mode = Math.floor(trial / 12) % 3; // 0 no special, 1 at block edges, 2 random
        const xs: number[] = [];
        for (let k = 0; k < n; k++) xs.push(value());
        if (mode === 1) for (const k of [0, 127, 128, 255, n - 1]) if (k < n) xs[k] = SPECIAL[k % SPECIAL.length]!;
        if (mode === 2) xs[Math.floor(rand() * n)] = SPECIAL[Math.floor(rand() * SPECIAL.length)]!;
        const span = (n - 1) * Math.abs(sx) + 1;
        const xStart = BASE + 64 + (sx < 0 ? (span - 1) * z : 0);
        const oStart = BASE + 64 + span * z + 64;
        const bytes = h.bytes();
        bytes.fill(0xa5, BASE, oStart + n * z + 64);
        const V = new Arr(h.mem.buffer);
        xs.forEach((v, k) => (V[xStart / z + k * sx] = v));
        const want = new Arr(n);
        ts(n, V, xStart / z, sx, want, 0, 1);
        f(n, xStart, sx * z, oStart, z, TAB);
        const got = new Arr(h.mem.buffer);
        for (let k = 0; k < n; k++) {
          const a = got[oStart / z + k]!;
          const b = want[k]!;
          assert.ok(Object.is(a, b) || (a !== a && b !== b), `${op} ${d} n=${n} sx=${sx} k=${k} x=${xs[k]}: ${a} vs ${b}`);
        }
        const after = h.bytes();
        for (let b = oStart - 64; b < oStart; b++) if (b >= xStart + z) assert.equal(after[b], 0xa5, `canary before, byte ${b}`);
        for (let b = oStart + n * z; b < oStart + n * z + 64; b++) assert.equal(after[b], 0xa5, `canary after, byte ${b}`);
        // in place and the output a few elements behind the input (overlap: the checked loop, which
        // reads each pair before writing it), and the output right after the input (disjoint)
        for (const shift of [0, -5, n]) {
          if (sx !== 1) continue;
          const X = BASE + 256;
          const W = new Arr(h.mem.buffer);
          xs.forEach((v, k) => (W[X / z + k] = v));
          const ref = new Arr(h.mem.buffer.slice(0));
          ts(n, ref, X / z, 1, ref, X / z + shift, 1);
          f(n, X, z, X + shift * z, z, TAB);
          const g = new Arr(h.mem.buffer);
          for (let k = 0; k < n; k++) {
            const a = g[X / z + shift + k]!;
            const b = ref[X / z + shift + k]!;
            assert.ok(Object.is(a, b) || (a !== a && b !== b), `${op} ${d} overlap ${shift} n=${n} k=${k}`);
          }
        }
      }
    });
  }
});
