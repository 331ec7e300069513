/**
 * The tiled 2-D binary kernels (`<op>_<dtype>_2d`, native/gen.mjs) against their TS twin
 * (`binary2dTs`: the same tile walk over the 1-D TS kernel): random shapes around the 8×8 tile
 * and 4×2 SIMD block edges, every layout pairing (C with transposed, transposed output, negative
 * and gapped strides, a broadcast column), every dtype the module has them for. Results must be
 * identical, no byte outside the output's elements may change, and the operand ending flush with
 * linear memory must not be read past. Also: the runtime takes the tiled path for a transposed
 * operand and gives the same array as the 1-D loop (TS backend).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { DType } from '../../src/runtime/dtype';
import * as np from '../../src/runtime/index';
import { getKernel, type BinaryKernel, type Store } from '../../src/runtime/ufunc_kernels';
import { binary2dTs, crossedLoop2d } from '../../src/runtime/ufunc_core';
import { operand } from '../../src/runtime/iter';
import { ELEMENTWISE } from '../../src/runtime/wasm/manifest';
import { backendStatus, useBackend } from '../../src/runtime/wasm';
import { CTOR, harness, rng } from './harness';

const SIZE = (d: DType): number =>
  d === 'bool' || d.endsWith('8') ? 1 : d.endsWith('16') ? 2 : d.endsWith('32') ? 4 : 8;
const SPECIAL = [0, -0, NaN, Infinity, -Infinity, 1, -1, 0.5, 1e308, -1e-310, 5e-324];

interface Place2d {
  lo: number;
  hi: number;
  /** byte address of element [0, 0] */
  start: number;
}

/** An operand of rows × cols at element strides (rs, cs), itemsize z, ending at byte `end`. */
function place2d(end: number, rows: number, cols: number, rs: number, cs: number, z: number): Place2d {
  const offs = [(rows - 1) * rs, (cols - 1) * cs];
  const min = offs.reduce((a, o) => a + Math.min(0, o), 0);
  const max = offs.reduce((a, o) => a + Math.max(0, o), 0);
  const lo = end - (max - min + 1) * z;
  return { lo, hi: end, start: lo - min * z };
}

/** Element strides (rs, cs) for a layout of rows × cols with gap g and sign flips. */
function layout(kind: string, rows: number, cols: number): [number, number] {
  switch (kind) {
    case 'C':
      return [cols, 1];
    case 'T':
      return [1, rows];
    case 'T2': // transposed, gapped
      return [2, 2 * rows];
    case 'T-': // transposed, columns reversed
      return [1, -rows];
    case 'C-': // C, rows reversed
      return [-cols, 1];
    case 'col': // a broadcast column: one value per row
      return [1, 0];
    default:
      throw new Error(kind);
  }
}

const PAIRINGS: [string, string, string][] = [
  ['C', 'T', 'C'],
  ['T', 'C', 'C'],
  ['C', 'C', 'T'],
  ['T', 'T', 'C'],
  ['C', 'T2', 'C'],
  ['T-', 'C', 'C'],
  ['C-', 'T', 'C'],
  ['col', 'C', 'T'],
  ['C', 'T-', 'T'],
  ['col', 'C', 'C'],
  ['T', 'C-', 'C'],
];

describe('tiled 2-D binary kernels = TS twin (tiles, SIMD blocks, canaries, guarded reads)', () => {
  const h = harness(4);
  for (const [op, dts] of Object.entries(ELEMENTWISE.binary2d)) {
    for (const d of dts as readonly DType[]) {
      const name = `${op}_${d}_2d`;
      it(name, () => {
        const f = h.ex[name];
        assert.ok(f, `export ${name}`);
        const ts = getKernel(op, d, 'ts') as BinaryKernel | undefined;
        assert.ok(ts, `TS kernel ${op}:${d}`);
        const z = SIZE(d);
        const rand = rng(name.length * 7919 + z);
        const end = h.mem.buffer.byteLength;
        for (let iter = 0; iter < 2 * PAIRINGS.length; iter++) {
          const [lx, ly, lo] = PAIRINGS[iter % PAIRINGS.length] as [string, string, string];
          const dims = [1, 2, 3, 5, 7, 8, 9, 17, 35];
          const rows = iter < 4 ? (dims[iter + 4] as number) : (dims[Math.floor(rand() * dims.length)] as number);
          const cols = iter < 4 ? (dims[8 - iter] as number) : (dims[Math.floor(rand() * dims.length)] as number);
          const [xrs, xcs] = layout(lx, rows, cols);
          const [yrs, ycs] = layout(ly, rows, cols);
          const [ors, ocs] = layout(lo, rows, cols);
          const guard = iter % 3;
          const ends = guard === 0 ? [end, 70000, 140000] : guard === 1 ? [70000, end, 140000] : [70000, 140000, end];
          const px = place2d(ends[0] as number, rows, cols, xrs, xcs, z);
          const py = place2d(ends[1] as number, rows, cols, yrs, ycs, z);
          const po = place2d(ends[2] as number, rows, cols, ors, ocs, z);
          const bytes = h.bytes();
          bytes.fill(0xa5);
          const V = new CTOR[d](h.mem.buffer);
          for (const p of [px, py]) {
            for (let b = p.lo; b < p.hi; b += z) {
              if (d === 'float32' || d === 'float64')
                V[b / z] =
                  rand() < 0.2
                    ? (SPECIAL[Math.floor(rand() * SPECIAL.length)] as number)
                    : (rand() - 0.5) * 10 ** (rand() * 12 - 6);
              else if (d === 'bool') V[b] = rand() < 0.5 ? 1 : 0;
              else for (let k = 0; k < z; k++) bytes[b + k] = Math.floor(rand() * 256);
            }
          }
          const before = bytes.slice();
          const run = (which: 'ts' | 'wasm'): Uint8Array => {
            h.bytes().set(before);
            if (which === 'wasm')
              f(rows, cols, px.start, xrs * z, xcs * z, py.start, yrs * z, ycs * z, po.start, ors * z, ocs * z);
            else {
              const S = new CTOR[d](h.mem.buffer) as unknown as Store;
              binary2dTs(ts, rows, cols, S, px.start / z, xrs, xcs, S, py.start / z, yrs, ycs, S, po.start / z, ors, ocs);
            }
            return h.bytes().slice();
          };
          const a = run('ts');
          const b = run('wasm');
          const VA = new CTOR[d](a.buffer as ArrayBuffer);
          const VB = new CTOR[d](b.buffer as ArrayBuffer);
          for (let r = 0; r < rows; r++)
            for (let c = 0; c < cols; c++) {
              const i = po.start / z + r * ors + c * ocs;
              const va = VA[i] as number | bigint;
              const vb = VB[i] as number | bigint;
              assert.ok(
                Object.is(va, vb) || (va !== va && vb !== vb),
                `${name} ${rows}×${cols} ${lx}/${ly}/${lo} [${r}, ${c}]: ts ${va} wasm ${vb}`,
              );
              a.fill(0, i * z, i * z + z);
              b.fill(0, i * z, i * z + z);
              before.fill(0, i * z, i * z + z);
            }
          assert.deepEqual(b, before, `${name}: bytes outside the output elements changed`);
          assert.deepEqual(a, before);
        }
      });
    }
  }
});

describe('ufunc calls with a transposed operand', () => {
  it('take the tiled kernel when the loop is 2-D and crossed (not for a broadcast row)', () => {
    const a = np.ones([100, 100]);
    const shape = a._shape;
    const ops = (xs: np.NDArray[]): ReturnType<typeof operand>[] => [...xs, a].map((x) => operand(x, shape));
    assert.notEqual(crossedLoop2d(shape, ops([a, a.T])), null);
    assert.notEqual(crossedLoop2d(shape, ops([a.T, a])), null);
    assert.equal(crossedLoop2d(shape, ops([a.T, a.T])), null);
    assert.equal(crossedLoop2d(shape, ops([a, a])), null);
    assert.equal(crossedLoop2d(shape, ops([a, np.ones([100])])), null);
    assert.equal(crossedLoop2d([10, 10], ops([a, a.T]).map((o) => ({ ...o, strides: [10, 1] }))), null);
  });

  it('give the same arrays as the 1-D loops of the TS backend', () => {
    const rand = rng(11);
    const cases: [string, (x: np.NDArray, y: np.NDArray) => np.NDArray][] = [
      ['add', (x, y) => np.add(x, y.T) as np.NDArray],
      ['subtract', (x, y) => np.subtract(x.T, y) as np.NDArray],
      ['multiply', (x, y) => np.multiply(x, y.T.get('::-1')) as np.NDArray],
      ['maximum', (x, y) => np.maximum(x.T, y.get('::-1, :').T) as np.NDArray],
      ['true_divide', (x, y) => np.divide(x, y.T) as np.NDArray],
    ];
    for (const dtype of ['float64', 'float32', 'int32', 'int64', 'uint8'] as const) {
      const lo = dtype === 'uint8' ? 0 : 0.3;
      const vals = Array.from({ length: 70 * 70 }, () => Math.floor((rand() - lo) * 200));
      const x = np.array(vals, { dtype }).reshape(70, 70);
      const y = np.array(vals.slice().reverse(), { dtype }).reshape(70, 70);
      for (const [name, f] of cases) {
        if (name === 'true_divide' && dtype !== 'float64' && dtype !== 'float32') continue;
        const got = f(x, y);
        const prev = useBackend('ts');
        let want: np.NDArray;
        try {
          want = f(x, y);
        } finally {
          useBackend(prev);
        }
        assert.equal(got.dtype, want.dtype);
        assert.deepEqual(got.shape, want.shape);
        assert.deepEqual(got.strides, want.strides, `${name} ${dtype} strides`);
        assert.deepEqual(got.tolist(), want.tolist(), `${name} ${dtype}`);
      }
    }
    assert.ok(backendStatus().backend === 'wasm' || process.env.NDSCOPE_BACKEND === 'ts');
  });
});
