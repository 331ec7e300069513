/**
 * Glue for native/math32.ts's float32 exp, log, sin, cos (f32x4 lanes, float32 arithmetic):
 * writes their vector constants (from vmath32.ts) into linear memory once and
 * registers the `op × float32` ufunc kernels, replacing wasm/math.ts's float32 registrations
 * (float64 computed on two lanes and rounded once). The TS twins (vmath32.ts) are the 'ts'
 * kernels and the fallback for operands outside linear memory; both give bit-identical results.
 */
import { alloc, wasmMemory } from '../memory';
import { registerKernel } from '../ufunc_kernels';
import { EXP32_K, LOG32_K, SINCOS32_K, VMATH32_TS_KERNELS } from '../vmath32';
import { tableUnaryKernel, type Fn } from './math';

/** Bytes of the constants region (layout in native/math32.ts). */
export const MATH32_TABLE_BYTES = 64 * 16;

const f32bits = (v: number): number => new Int32Array(new Float32Array([v]).buffer)[0]!;

/** Writes the table and constants at byte address `ptr` of `buf` (also used by test/native). */
export function writeMath32Tables(buf: ArrayBuffer, ptr: number): void {
  const dv = new DataView(buf, ptr, MATH32_TABLE_BYTES);
  const E = EXP32_K,
    L = LOG32_K,
    S = SINCOS32_K;
  // [value, 'f' float32 | 'i' int32] per slot (all four lanes), in native/math32.ts's kv() order
  const K: [number, 'f' | 'i'][] = [
    [E.LOG2E, 'f'], // 0
    [E.SHIFT, 'f'],
    [E.L2U, 'f'],
    [E.L2L, 'f'],
    [E.U0, 'f'], // 4
    [E.U1, 'f'],
    [E.U2, 'f'],
    [E.U3, 'f'],
    [E.U4, 'f'],
    [E.U5, 'f'], // 9: 0.5
    [1, 'f'], // 10
    [E.LIM, 'f'],
    [f32bits(E.SHIFT) - 127, 'i'], // 12: qS's bits − this = q + 127
    [L.OFF, 'i'], // 13
    [L.LG4, 'f'],
    [0xff800000 | 0, 'i'],
    [2, 'f'],
    [L.LN2_HI, 'f'], // 17
    [L.LN2_LO, 'f'],
    [L.LG1, 'f'],
    [L.LG2, 'f'],
    [L.LG3, 'f'],
    [0x00800000, 'i'], // 22
    [0x7f000000, 'i'],
    [S.TWO_OVER_PI, 'f'], // 24
    [S.PA, 'f'],
    [S.PB, 'f'],
    [S.PC, 'f'],
    [S.PD, 'f'],
    [S.S1, 'f'], // 29
    [S.S2, 'f'],
    [S.S3, 'f'],
    [S.S4, 'f'],
    [S.S5, 'f'],
    [S.C1, 'f'], // 34
    [S.C2, 'f'],
    [S.C3, 'f'],
    [S.C4, 'f'],
    [S.LIM, 'f'], // 38
    [S.TINY, 'f'],
    [1, 'i'],
    [2, 'i'],
  ];
  K.forEach(([v, t], i) => {
    for (let lane = 0; lane < 4; lane++) {
      const at = 16 * i + 4 * lane;
      if (t === 'f') dv.setFloat32(at, v, true);
      else dv.setInt32(at, v, true);
    }
  });
}

let tab = 0;

/** Registers the module's float32 kernels (idempotent; called by install() after installMath). */
export function installMath32(native: { [name: string]: unknown }): void {
  if (typeof native.m32_exp !== 'function') return;
  if (tab === 0) {
    tab = alloc(MATH32_TABLE_BYTES, false).ptr;
    writeMath32Tables(wasmMemory().buffer, tab);
  }
  for (const [op, d, ts] of VMATH32_TS_KERNELS) {
    const f = native[`m32_${op}`] as Fn | undefined;
    if (f === undefined) continue;
    registerKernel(op, d, 'wasm', tableUnaryKernel(f, ts, 4, tab));
  }
}
