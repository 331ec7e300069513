/**
 * A private instance of the native module over its own small memory, for kernel-level tests:
 * operands are laid out by hand (any stride, negative, zero), the "guarded" operand flush against
 * the end of linear memory (an out-of-bounds READ traps), and every output byte the kernel may
 * not write is a canary checked afterwards (an out-of-bounds WRITE is caught).
 */
import { kernelBytes } from '../../src/runtime/wasm/bytes';
import { HOST_IMPORTS } from '../../src/runtime/wasm/math';
import type { DType } from '../../src/runtime/dtype';

export type Fn = (...args: number[]) => number;

export interface Harness {
  mem: WebAssembly.Memory;
  ex: Record<string, Fn>;
  bytes(): Uint8Array;
}

export function harness(pages = 4): Harness {
  const kb = kernelBytes();
  if (kb === null) throw new Error('dist/native/kernels.wasm missing: run `npm run build` first');
  const mem = new WebAssembly.Memory({ initial: pages, maximum: pages });
  const inst = new WebAssembly.Instance(new WebAssembly.Module(kb.simd as Uint8Array<ArrayBuffer>), {
    env: { memory: mem, ...HOST_IMPORTS },
  });
  return {
    mem,
    ex: inst.exports as unknown as Record<string, Fn>,
    bytes: () => new Uint8Array(mem.buffer),
  };
}

/** Deterministic PRNG (mulberry32), shared with the other test groups. */
export { rng } from '../helpers/rng';

/** A typed-array view constructor per dtype (element reads and writes in the tests). */
export const CTOR: Record<
  DType,
  new (b: ArrayBuffer) => { [i: number]: number | bigint; readonly length: number }
> = {
  bool: Uint8Array,
  int8: Int8Array,
  uint8: Uint8Array,
  int16: Int16Array,
  uint16: Uint16Array,
  int32: Int32Array,
  uint32: Uint32Array,
  int64: BigInt64Array,
  uint64: BigUint64Array,
  float32: Float32Array,
  float64: Float64Array,
} as never;

/** An operand region: n elements at element stride s, itemsize z; `start` = byte address of element 0. */
export interface Region {
  lo: number; // first byte of the region
  hi: number; // one past the last byte
  start: number;
}

/** Places a region of n elements × stride s (elements) × itemsize z ending at byte `end`. */
export function placeEnd(end: number, n: number, s: number, z: number): Region {
  const span = n === 0 ? 0 : ((n - 1) * Math.abs(s) + 1) * z;
  const lo = end - span;
  const start = s < 0 ? lo + (n - 1) * Math.abs(s) * z : lo;
  return { lo, hi: end, start };
}
