/**
 * Glue for native/math.ts's vectorized transcendentals (exp, log, sin, cos): writes their tables (vmath_tables.ts)
 * into linear memory once, and registers `op × float64/float32` ufunc kernels that pass the table
 * pointer. The TS twins (vmath.ts) stay registered as the 'ts' kernels and as the fallback for
 * operands outside linear memory; both give bit-identical results.
 */
import { alloc, wasmMemory } from '../memory';
import { isMem } from './inmem';
import { getKernel, registerKernel, type NativeLoop, type UnaryKernel } from '../ufunc_kernels';
import {
  EXP5_INVLN2N,
  EXP5_LN2N_HI,
  EXP5_LN2N_LO,
  EXP5_POLY,
  EXP_TABLE,
  INVLN2N,
  LN2HI,
  LN2LO,
  LN2N_HI,
  LN2N_LO,
  LOG4_OFF_HI,
  LOG4_POLY,
  LOG4_TABLE,
  LOG_OFF_HI,
  LOG_TABLE,
} from '../vmath_tables';
import { EXPFMA_POLY, LOGFMA_TABLE } from '../vmath_tables_fma';
import {
  COS_POLY,
  EXP_TABLE_4096,
  EXPM1_POLY,
  LOG_POLY,
  SIN_POLY,
  VMATH_TS_KERNELS,
} from '../vmath';

/** A module function (numbers in, a number or nothing out). */
export type Fn = (...args: number[]) => unknown;

/**
 * Host functions the module imports (`env.sin`, `env.cos`): the kernels' huge-argument, ±inf and
 * NaN lanes call what the TS twins call there, so both backends stay bit-identical.
 */
export const HOST_IMPORTS = { sin: Math.sin, cos: Math.cos };

/** Bytes of the table region (layout documented in native/math.ts). */
export const VMATH_TABLE_BYTES = 106496 + 1024 * 16;

/** A 64-bit lane holding the 32-bit value v twice (an i32x4 splat). */
const i32x4 = (v: number): bigint => (BigInt(v >>> 0) << 32n) | BigInt(v >>> 0);

/** Writes the tables at byte address `ptr` of `buf` (also used by test/native's harness). */
export function writeVmathTables(buf: ArrayBuffer, ptr: number): void {
  const dv = new DataView(buf, ptr, VMATH_TABLE_BYTES);
  for (let j = 0; j < 128; j++) {
    dv.setFloat64(16 * j, EXP_TABLE[2 * j]!, true);
    // bits(2^(j/128)) − (j << 45): the kernel adds (k·128 + j) << 45
    const hiBits = new DataView(new Float64Array([EXP_TABLE[2 * j + 1]!]).buffer).getBigUint64(
      0,
      true,
    );
    dv.setBigUint64(16 * j + 8, BigInt.asUintN(64, hiBits - (BigInt(j) << 45n)), true);
  }
  for (let i = 0; i < 4 * 128; i++) dv.setFloat64(2048 + 8 * i, LOG_TABLE[i]!, true);
  for (let i = 0; i < 4 * 1024; i++) dv.setFloat64(8192 + 8 * i, LOG4_TABLE[i]!, true);
  const hb = new DataView(EXP_TABLE_4096.buffer);
  for (let j = 0; j < 4096; j++) {
    dv.setFloat64(40960 + 16 * j, EXP_TABLE_4096[2 * j]!, true);
    // bits(2^(j/4096)) − (j << 40): the kernel adds (k·4096 + j) << 40
    const hiBits = hb.getBigUint64(16 * j + 8, true);
    dv.setBigUint64(40960 + 16 * j + 8, BigInt.asUintN(64, hiBits - (BigInt(j) << 40n)), true);
  }
  // the relaxed-SIMD build's log rows [invc, logc] (the plain build does not read them)
  for (let i = 0; i < 2 * 1024; i++) dv.setFloat64(106496 + 8 * i, LOGFMA_TABLE[i]!, true);
  // vector constants (both lanes), in native/math.ts's KOFF order
  const K: (number | bigint)[] = [
    INVLN2N,
    6755399441055744,
    LN2N_HI,
    LN2N_LO,
    0.5,
    1 / 6,
    1 / 24,
    1 / 120,
    700,
    0x000fffff00000000n,
    0x7ff0000000000000n,
    BigInt(LOG_OFF_HI) << 32n,
    0xfffffffffc000000n,
    1,
    LN2HI,
    LN2LO,
    ...LOG_POLY,
    127n << 4n,
    0xfff0000000000000n,
    127n << 5n,
    0x7fffffff00000000n,
    0x4085e00000000000n,
    0.6366197723675814,
    1.5707963267341256,
    6.077100506303966e-11,
    2.0222662487111665e-21,
    8.4784276603689e-32,
    ...SIN_POLY,
    ...COS_POLY,
    0.5,
    1e5,
    2 ** -27,
    1n,
    2n,
    2 ** -9,
    2 ** -54,
    -1,
    2 ** 1000,
    ...EXPM1_POLY,
    2 ** -4,
    BigInt(LOG4_OFF_HI) << 32n,
    1023n << 5n,
    ...LOG4_POLY,
    EXP5_INVLN2N,
    EXP5_LN2N_HI,
    EXP5_LN2N_LO,
    ...EXP5_POLY,
    4095n << 4n,
    // i32 lanes (the block loops)
    i32x4(4095 << 4),
    i32x4(0x7fffffff),
    i32x4(0x4085e000),
    i32x4(1023 << 5),
    i32x4(LOG4_OFF_HI - 0x00100000),
    i32x4(1023 << 4),
    // exp, relaxed-SIMD build
    ...EXPFMA_POLY,
  ];
  K.forEach((v, i) => {
    for (const lane of [0, 8]) {
      const at = 6144 + 16 * i + lane;
      if (typeof v === 'bigint') dv.setBigUint64(at, v, true);
      else dv.setFloat64(at, v, true);
    }
  });
}

let tab = 0;

/** Registers the module's vectorized exp/log kernels (idempotent; called by install()). */
export function installMath(native: { [name: string]: unknown }): void {
  if (typeof native.vexp_f64 !== 'function') return;
  if (tab === 0) {
    tab = alloc(VMATH_TABLE_BYTES, false).ptr;
    writeVmathTables(wasmMemory().buffer, tab);
  }
  for (const [op, d] of VMATH_TS_KERNELS) {
    const f = native[`v${op}_${d === 'float64' ? 'f64' : 'f32'}`] as Fn | undefined;
    const ts = getKernel(op, d, 'ts') as UnaryKernel | undefined;
    if (f === undefined || ts === undefined) continue;
    registerKernel(op, d, 'wasm', tableUnaryKernel(f, ts, d === 'float64' ? 8 : 4, tab));
  }
}

/**
 * The ufunc kernel of a module loop `f(n, xp, sx, op, so, tab)` over `z`-byte floats that reads
 * its table at `tab`; `ts` (its TS twin) runs operands outside linear memory.
 */
export function tableUnaryKernel(
  f: Fn,
  ts: UnaryKernel,
  z: number,
  t: number,
): UnaryKernel & NativeLoop {
  const k: UnaryKernel & NativeLoop = (n, x, ix, sx, o, io, so) => {
    const buf = wasmMemory().buffer;
    if (!isMem(x, buf) || !isMem(o, buf)) return ts(n, x, ix, sx, o, io, so);
    f(n, ix * z, sx * z, io * z, so * z, t);
  };
  k.native = (n, xp, sx, op_, so) => f(n, xp, sx, op_, so, t);
  k.zx = z;
  k.zo = z;
  return k;
}
