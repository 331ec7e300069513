/**
 * The shared-memory variant of the native module: the same bytes with the imported memory
 * declared `shared` (limits flag 0x03, maximum 65536 pages), so one compiled module can be
 * instantiated on the calling thread and on helper workers over one shared WebAssembly.Memory
 * (src/runtime/parallel.ts). The kernels use no atomics: each thread writes disjoint bytes.
 */

function readLeb(b: Uint8Array, p: number): [number, number] {
  let v = 0;
  let mul = 1;
  for (;;) {
    const x = b[p++] as number;
    v += (x & 127) * mul;
    mul *= 128;
    if ((x & 128) === 0) return [v, p];
  }
}

function leb(v: number): number[] {
  const out: number[] = [];
  do {
    let x = v % 128;
    v = Math.floor(v / 128);
    if (v > 0) x |= 128;
    out.push(x);
  } while (v > 0);
  return out;
}

/** `bytes` with its memory import made shared (maximum `maxPages`); null if it imports none. */
export function sharedMemoryVariant(bytes: Uint8Array, maxPages = 65536): Uint8Array | null {
  const out: number[] = Array.from(bytes.subarray(0, 8));
  let p = 8;
  let patched = false;
  while (p < bytes.length) {
    const id = bytes[p] as number;
    const [size, body] = readLeb(bytes, p + 1);
    const end = body + size;
    if (id !== 2) {
      for (let i = p; i < end; i++) out.push(bytes[i] as number);
      p = end;
      continue;
    }
    // import section: count, then (module name, field name, kind, desc)*
    const sec: number[] = [];
    let [count, q] = readLeb(bytes, body);
    sec.push(...leb(count));
    while (count-- > 0) {
      const start = q;
      for (let s = 0; s < 2; s++) {
        const [len, after] = readLeb(bytes, q);
        q = after + len;
      }
      const kind = bytes[q++] as number;
      for (let i = start; i < q; i++) sec.push(bytes[i] as number);
      if (kind === 2) {
        const flags = bytes[q++] as number;
        const [min, afterMin] = readLeb(bytes, q);
        q = afterMin;
        if (flags & 1) q = readLeb(bytes, q)[1];
        sec.push(0x03, ...leb(min), ...leb(maxPages));
        patched = true;
      } else {
        // func (type index), table (reftype + limits), global (valtype + mut): copy as is
        const from = q;
        if (kind === 0) q = readLeb(bytes, q)[1];
        else if (kind === 1) {
          const fl = bytes[q + 1] as number;
          q = readLeb(bytes, q + 2)[1];
          if (fl & 1) q = readLeb(bytes, q)[1];
        } else if (kind === 3) q += 2;
        else return null;
        for (let i = from; i < q; i++) sec.push(bytes[i] as number);
      }
    }
    out.push(2, ...leb(sec.length), ...sec);
    p = end;
  }
  return patched ? new Uint8Array(out) : null;
}
