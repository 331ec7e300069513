/**
 * Glue for native/mathx.ts's tan, tanh and power kernels: writes their tables (vmathx_tables.ts)
 * into linear memory once and registers `tan`, `tanh` (unary) and `power` (binary) × float64 /
 * float32 'wasm' kernels that pass the table pointer. The TS twins (vmathx.ts) stay registered
 * as the 'ts' kernels and as the fallback for operands outside linear memory; both give
 * bit-identical results. The module's mathx kernels import nothing (huge tan arguments are
 * reduced with the Payne–Hanek table written here).
 */
import { alloc, wasmMemory } from '../memory';
import { registerKernel, type BinaryKernel, type NativeLoop } from '../ufunc_kernels';
import {
  FOUR_OVER_PI,
  PEXP_INVLN2N,
  PEXP_LN2N_HI,
  PEXP_LN2N_LO,
  PEXP_TABLE,
  PLOG_TABLE,
  PLN2HI,
  PLN2LO,
  PLOG_OFF_HI,
  PLOG_POLY,
  TAN_POLY,
  TAN_T0,
} from '../vmathx_tables';
import { payneHanekTable, VMATHX_TS_BINARY, VMATHX_TS_UNARY } from '../vmathx';
import { isMem } from './inmem';
import { tableUnaryKernel, type Fn } from './math';

/** Bytes of the table region (layout documented in native/mathx.ts). */
export const VMATHX_TABLE_BYTES = 9216 + 1008 * 32;

/** Writes the tables at byte address `ptr` of `buf` (also used by test/native). */
export function writeVmathxTables(buf: ArrayBuffer, ptr: number): void {
  const f = new Float64Array(buf, ptr, VMATHX_TABLE_BYTES / 8);
  for (let j = 0; j < 512; j++) f[j] = PEXP_TABLE[j]!;
  for (let i = 0; i < 128; i++) {
    f[512 + 4 * i] = PLOG_TABLE[3 * i]!;
    f[512 + 4 * i + 1] = PLOG_TABLE[3 * i + 1]!;
    f[512 + 4 * i + 2] = PLOG_TABLE[3 * i + 2]!;
    f[512 + 4 * i + 3] = 0;
  }
  // vector constants (both lanes), in native/mathx.ts's KOFF order
  const K: (number | bigint)[] = [
    6755399441055744,
    FOUR_OVER_PI,
    1.5707963267341256 / 2,
    6.077100506303966e-11 / 2,
    2.0222662487111665e-21 / 2,
    8.4784276603689e-32 / 2,
    ...TAN_POLY,
    1,
    -1,
    0,
    134217729,
    1n,
    2n,
    1e5,
    2 ** -27,
    22,
    2 ** -4,
    PEXP_INVLN2N,
    PEXP_LN2N_HI,
    PEXP_LN2N_LO,
    255n << 4n,
    1023n,
    0.5,
    1 / 6,
    1 / 24,
    1 / 120,
    2,
    0x8000000000000000n,
    BigInt(PLOG_OFF_HI) << 32n,
    0xfff0000000000000n,
    0xffffffff00000000n,
    127n << 5n,
    -0.5,
    ...PLOG_POLY,
    PLN2HI,
    PLN2LO,
    0x000fffff00000000n,
    0x7ff0000000000000n,
    2 ** 900,
    700,
    ...TAN_T0,
  ];
  const dv = new DataView(buf, ptr + 8192, K.length * 16);
  K.forEach((v, i) => {
    for (const lane of [0, 8]) {
      if (typeof v === 'bigint') dv.setBigUint64(16 * i + lane, v, true);
      else dv.setFloat64(16 * i + lane, v, true);
    }
  });
  // tan's Payne–Hanek table (|x| > 1e5)
  new Float64Array(buf, ptr + 9216, 1008 * 4).set(payneHanekTable());
}

let tab = 0;

/** Registers the module's tan/tanh/power kernels (idempotent; called by install()). */
export function installMathx(native: { [name: string]: unknown }): void {
  if (typeof native.vtan_f64 !== 'function') return;
  if (tab === 0) {
    tab = alloc(VMATHX_TABLE_BYTES, false).ptr;
    writeVmathxTables(wasmMemory().buffer, tab);
  }
  const t = tab;
  for (const [op, d, ts] of VMATHX_TS_UNARY) {
    const f = native[`v${op}_${d === 'float64' ? 'f64' : 'f32'}`] as Fn | undefined;
    if (f !== undefined)
      registerKernel(op, d, 'wasm', tableUnaryKernel(f, ts, d === 'float64' ? 8 : 4, t));
  }
  for (const [op, d, ts] of VMATHX_TS_BINARY) {
    const f = native[`v${op}_${d === 'float64' ? 'f64' : 'f32'}`] as Fn | undefined;
    if (f === undefined) continue;
    const z = d === 'float64' ? 8 : 4;
    const k: BinaryKernel & NativeLoop = (n, x, ix, sx, y, iy, sy, o, io, so) => {
      const buf = wasmMemory().buffer;
      if (!isMem(x, buf) || !isMem(y, buf) || !isMem(o, buf))
        return ts(n, x, ix, sx, y, iy, sy, o, io, so);
      f(n, ix * z, sx * z, iy * z, sy * z, io * z, so * z, t);
    };
    k.native = (n, xp, sx, yp, sy, op_, so) => f(n, xp, sx, yp, sy, op_, so, t);
    k.zx = z;
    k.zo = z;
    registerKernel(op, d, 'wasm', k);
  }
}
