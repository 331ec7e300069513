/**
 * A private instance of the native module over its own small memory, for kernel-level tests:
 * operands are laid out by hand (any stride, negative, zero), the "guarded" operand flush against
 * the end of linear memory (an out-of-bounds READ traps), and every output byte the kernel may
 * not write is a canary checked afterwards (an out-of-bounds WRITE is caught).
 */
import { kernelBytes } from '../../src/runtime/wasm/bytes';
import { HOST_IMPORTS } from '../../src/runtime/wasm/math';

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
