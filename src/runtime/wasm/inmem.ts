/**
 * The guard between a module loop and its TS twin: the module can run a kernel only on typed
 * arrays that view the whole linear memory from byte 0 (`view(dtype)`), where an element index
 * times the item size is the module's byte pointer. Anything else (a user's typed array, a
 * subarray, a view detached by memory growth) runs the TS twin.
 */
import { wasmMemory } from '../memory';

/** Whether `s` (a kernel's Store) views all of `buf` (the memory's current buffer) from byte 0. */
export function isMem(s: unknown, buf: ArrayBuffer): boolean {
  return (s as ArrayBufferView).buffer === buf && (s as ArrayBufferView).byteOffset === 0;
}

/** Whether every one of `d` views the whole linear memory (`isMem` on its current buffer). */
export function allInMemory(d: readonly unknown[]): boolean {
  const buf = wasmMemory().buffer;
  for (let i = 0; i < d.length; i++) if (!isMem(d[i], buf)) return false;
  return true;
}
