/**
 * Glue for native/mathx.ts's tan, tanh and power kernels: writes their tables (vmathx_tables.ts)
 * into linear memory once and registers `tan`, `tanh` (unary) and `power` (binary) × float64 /
 * float32 'wasm' kernels that pass the table pointer. The TS twins (vmathx.ts) stay registered
 * as the 'ts' kernels and as the fallback for operands outside linear memory; both give
 * bit-identical results. Huge tan arguments use the host imports env.sin/env.cos that
 * ./math.ts's HOST_IMPORTS already provides.
 */
import type { TypedArray } from '../dtype';
import { alloc, wasmMemory } from '../memory';
import {
  registerKernel,
  type BinaryKernel,
  type NativeLoop,
  type UnaryKernel,
} from '../ufunc_kernels';
import { PEXP_TABLE, PLOG_TABLE } from '../vmathx_tables';
import { VMATHX_TS_BINARY, VMATHX_TS_UNARY } from '../vmathx';

type Fn = (...args: number[]) => unknown;

/** Bytes of the table region (layout documented in native/mathx.ts). */
export const VMATHX_TABLE_BYTES = 8192;

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
}

let tab = 0;

const isMem = (s: unknown, buf: ArrayBuffer): boolean =>
  (s as TypedArray).buffer === buf && (s as TypedArray).byteOffset === 0;

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
    if (f === undefined) continue;
    const z = d === 'float64' ? 8 : 4;
    const k: UnaryKernel & NativeLoop = (n, x, ix, sx, o, io, so) => {
      const buf = wasmMemory().buffer;
      if (!isMem(x, buf) || !isMem(o, buf)) return ts(n, x, ix, sx, o, io, so);
      f(n, ix * z, sx * z, io * z, so * z, t);
    };
    k.native = (n, xp, sx, op_, so) => f(n, xp, sx, op_, so, t);
    k.zx = z;
    k.zo = z;
    registerKernel(op, d, 'wasm', k);
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
