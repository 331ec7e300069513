/**
 * Array storage in WebAssembly linear memory.
 *
 * One `WebAssembly.Memory` holds every array's bytes, so WASM kernels (native/) can read them by
 * pointer. A size-class allocator hands out 16-byte-aligned blocks. `memory.grow` detaches every
 * typed-array view of the old buffer, so views are never cached across an allocation: `view(dtype)`
 * re-derives them whenever `memory.buffer` changed.
 *
 * Architecture invariant: nothing outside this file keeps a typed array over `memory.buffer`
 * across a call that can allocate.
 */
import type { DType, TypedArray } from './dtype';
import { MemoryError } from './errors';

const PAGE = 65536;
const ALIGN = 16;
/** Blocks up to this size come from power-of-two size classes; larger ones from a free list. */
const SMALL_MAX = 1 << 20;

export interface MemoryConfig {
  /** The largest the linear memory may grow to, in bytes (default 4 GiB, wasm32's limit). */
  maxBytes?: number;
  /** An existing memory to allocate in (the native kernels' module may bring its own). */
  memory?: WebAssembly.Memory;
  /** Bytes at the bottom of memory reserved for the native module's own data. */
  reserved?: number;
}

let mem: WebAssembly.Memory | null = null;
let maxPages = 65536;
let top = 0;
let highWater = 0;
let liveBytes = 0;
const smallFree = new Map<number, number[]>();
/** Free large blocks: ptr → size, kept sorted on demand. */
const largeFree: { ptr: number; size: number }[] = [];

/** Sets up the memory before the first array is made; later calls fail. */
export function configureMemory(cfg: MemoryConfig): void {
  if (mem !== null && top > 0) throw new Error('configureMemory must be called before any array is created');
  if (cfg.maxBytes !== undefined) maxPages = Math.max(1, Math.min(65536, Math.floor(cfg.maxBytes / PAGE)));
  if (cfg.memory) {
    mem = cfg.memory;
    top = align(cfg.reserved ?? 0, ALIGN) || ALIGN;
    views.clear();
  }
}

function align(n: number, a: number): number {
  return Math.ceil(n / a) * a;
}

export function wasmMemory(): WebAssembly.Memory {
  if (mem === null) {
    mem = new WebAssembly.Memory({ initial: 16, maximum: maxPages });
    top = ALIGN; // pointer 0 is never handed out
  }
  return mem;
}

function sizeClass(n: number): number {
  let c = ALIGN;
  while (c < n) c *= 2;
  return c;
}

function bump(size: number, requested: number): number {
  const m = wasmMemory();
  const end = top + size;
  if (end > m.buffer.byteLength) {
    const need = Math.ceil((end - m.buffer.byteLength) / PAGE);
    // grow geometrically for small blocks; big ones (≥ 16 MiB) get exactly what they need, so
    // one large array does not reserve up to 256 MiB more (wasm memories grow in place)
    const grow =
      size >= 1 << 24 ? need : Math.max(need, Math.min(m.buffer.byteLength / PAGE, 4096));
    const current = m.buffer.byteLength / PAGE;
    const pages = Math.min(grow, maxPages - current);
    if (pages < need) throw outOfMemory(requested);
    try {
      m.grow(pages);
    } catch {
      try {
        m.grow(need);
      } catch {
        throw outOfMemory(requested);
      }
    }
  }
  const p = top;
  top = end;
  if (top > highWater) highWater = top;
  return p;
}

function outOfMemory(n: number): Error {
  return MemoryError(`Unable to allocate ${formatBytes(n)} for an array: the WebAssembly memory limit is ${formatBytes(maxPages * PAGE)}`);
}

export function formatBytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${i === 0 ? v : v.toFixed(1)} ${units[i]}`;
}

/** Allocates `nbytes` (zeroed when `zero`), 16-byte aligned. Returns the pointer and block size. */
export function alloc(nbytes: number, zero = true): { ptr: number; size: number } {
  if (!Number.isFinite(nbytes) || nbytes < 0) throw MemoryError(`Unable to allocate ${nbytes} bytes`);
  if (nbytes > maxPages * PAGE) throw outOfMemory(nbytes);
  let ptr = 0;
  let size: number;
  if (nbytes <= SMALL_MAX) {
    size = sizeClass(Math.max(nbytes, 1));
    const list = smallFree.get(size);
    if (list && list.length > 0) ptr = list.pop() as number;
    else ptr = bump(size, nbytes);
  } else {
    size = align(nbytes, PAGE);
    let best = -1;
    for (let i = 0; i < largeFree.length; i++) {
      const b = largeFree[i] as { ptr: number; size: number };
      if (b.size >= size && (best < 0 || b.size < (largeFree[best] as { size: number }).size)) best = i;
    }
    if (best >= 0) {
      const b = largeFree[best] as { ptr: number; size: number };
      ptr = b.ptr;
      if (b.size > size) {
        b.ptr += size;
        b.size -= size;
      } else largeFree.splice(best, 1);
    } else ptr = bump(size, nbytes);
  }
  liveBytes += size;
  if (zero) new Uint8Array(wasmMemory().buffer, ptr, size).fill(0);
  return { ptr, size };
}

export function free(ptr: number, size: number): void {
  liveBytes -= size;
  if (size <= SMALL_MAX) {
    let list = smallFree.get(size);
    if (!list) smallFree.set(size, (list = []));
    list.push(ptr);
    return;
  }
  // coalesce with neighbours
  let block = { ptr, size };
  for (let i = largeFree.length - 1; i >= 0; i--) {
    const b = largeFree[i] as { ptr: number; size: number };
    if (b.ptr + b.size === block.ptr) {
      block = { ptr: b.ptr, size: b.size + block.size };
      largeFree.splice(i, 1);
    } else if (block.ptr + block.size === b.ptr) {
      block = { ptr: block.ptr, size: block.size + b.size };
      largeFree.splice(i, 1);
    }
  }
  if (block.ptr + block.size === top) top = block.ptr;
  else largeFree.push(block);
}

export interface MemoryStats {
  /** Bytes of linear memory. */
  memoryBytes: number;
  /** Highest address ever handed out. */
  highWater: number;
  /** Bytes in live blocks. */
  liveBytes: number;
}

export function memoryStats(): MemoryStats {
  return { memoryBytes: wasmMemory().buffer.byteLength, highWater, liveBytes };
}

let nextBufferId = 1;

const registry = new FinalizationRegistry<{ ptr: number; size: number; freed: boolean }>((h) => {
  if (!h.freed) {
    h.freed = true;
    free(h.ptr, h.size);
  }
});

/**
 * A block of array bytes in linear memory. Arrays keep their buffer alive; when the last array
 * that refers to it is collected, the block returns to the allocator.
 */
export class WasmBuffer {
  readonly id: number;
  readonly nbytes: number;
  private readonly handle: { ptr: number; size: number; freed: boolean };

  constructor(nbytes: number, zero = true) {
    const { ptr, size } = alloc(nbytes, zero);
    this.id = nextBufferId++;
    this.nbytes = nbytes;
    this.handle = { ptr, size, freed: false };
    registry.register(this, this.handle, this.handle);
    const scope = scopes[scopes.length - 1];
    if (scope !== undefined && untrackedDepth === 0) scope.push(this);
  }

  get ptr(): number {
    if (this.handle.freed) throw new Error('this array has been disposed: its memory was freed');
    return this.handle.ptr;
  }

  get freed(): boolean {
    return this.handle.freed;
  }

  /** Frees the bytes now. Every array over this buffer becomes unusable. */
  dispose(): void {
    if (this.handle.freed) return;
    this.handle.freed = true;
    registry.unregister(this.handle);
    free(this.handle.ptr, this.handle.size);
  }

  /** The bytes, as a fresh Uint8Array over linear memory (do not keep it across allocations). */
  bytes(): Uint8Array {
    return new Uint8Array(wasmMemory().buffer, this.ptr, this.nbytes);
  }
}

type Ctor = new (buffer: ArrayBuffer) => TypedArray;
const CTORS: Record<DType, Ctor> = {
  bool: Uint8Array,
  int8: Int8Array,
  int16: Int16Array,
  int32: Int32Array,
  int64: BigInt64Array,
  uint8: Uint8Array,
  uint16: Uint16Array,
  uint32: Uint32Array,
  uint64: BigUint64Array,
  float32: Float32Array,
  float64: Float64Array,
};

export const typedArrayCtor = (d: DType): Ctor => CTORS[d];

const views = new Map<DType, TypedArray>();
let viewsOf: ArrayBuffer | SharedArrayBuffer | null = null;

/**
 * A typed array of dtype `d` over the whole linear memory. Element `k` of an array is at index
 * `buffer.ptr / itemsize + offset + Σ i·stride`. Re-derived after growth; never keep it across an
 * allocation.
 */
export function view(d: DType): TypedArray {
  const buf = wasmMemory().buffer;
  if (buf !== viewsOf) {
    views.clear();
    viewsOf = buf;
  }
  let v = views.get(d);
  if (v === undefined) {
    v = new CTORS[d](buf as ArrayBuffer);
    views.set(d, v);
  }
  return v;
}

/** Buffers allocated inside each open `tidy` scope (innermost last). */
const scopes: WasmBuffer[][] = [];
let untrackedDepth = 0;

/** Runs `fn` with allocations invisible to `tidy` scopes (for the runtime's own caches). */
export function untracked<T>(fn: () => T): T {
  untrackedDepth++;
  try {
    return fn();
  } finally {
    untrackedDepth--;
  }
}

function collectBuffers(x: unknown, keep: Set<WasmBuffer>, seen: Set<unknown>): void {
  if (x === null || typeof x !== 'object' || seen.has(x)) return;
  seen.add(x);
  const b = (x as { buffer?: unknown }).buffer;
  if (b instanceof WasmBuffer) {
    keep.add(b);
    return;
  }
  if (ArrayBuffer.isView(x)) return;
  for (const v of Array.isArray(x) ? x : Object.values(x as object)) collectBuffers(v, keep, seen);
}

/**
 * `np.tidy(fn)`: runs `fn` and frees, when it returns, every array buffer allocated inside it
 * except the ones its result (an array, or arrays inside a JS array/object) refers to. A
 * synchronous loop that drops arrays cannot rely on garbage collection (FinalizationRegistry
 * callbacks only run between tasks), so `tidy` (or `using`) keeps its memory flat:
 *
 *     for (let i = 0; i < 10_000; i++) x = np.tidy(() => x.mul(0.5).add(1));
 *
 * Arrays created inside and used after the scope without being returned become unusable (a
 * clear "disposed" error, never freed memory). Scopes nest; kept buffers move to the outer scope.
 */
export function tidy<T>(fn: () => T): T {
  const scope: WasmBuffer[] = [];
  scopes.push(scope);
  let result: T;
  try {
    result = fn();
  } catch (e) {
    scopes.pop();
    for (const b of scope) b.dispose();
    throw e;
  }
  scopes.pop();
  if (result instanceof Promise) {
    for (const b of scope) b.dispose();
    throw new TypeError('np.tidy takes a synchronous function (it returned a Promise)');
  }
  const keep = new Set<WasmBuffer>();
  collectBuffers(result, keep, new Set());
  const outer = scopes[scopes.length - 1];
  for (const b of scope) {
    if (!keep.has(b)) b.dispose();
    else if (outer !== undefined) outer.push(b);
  }
  return result;
}
