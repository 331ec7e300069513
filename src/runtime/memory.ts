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
  /**
   * Reclaim dropped arrays before the memory grows (default `true`; may be changed at any time).
   * In Node the runtime then finds a garbage collector by itself (see `setReclaimHook`); `false`
   * removes any hook and leaves dropped arrays to the engine's own collections.
   */
  reclaim?: boolean;
}

let mem: WebAssembly.Memory | null = null;
let maxPages = 65536;
let top = 0;
let highWater = 0;
let liveBytes = 0;
/** Free small blocks by size class (index k: blocks of 16·2^k bytes). */
const smallFree: number[][] = [];
for (let c = ALIGN, k = 0; c <= SMALL_MAX; c *= 2, k++) smallFree[k] = [];
/** Free large blocks: ptr → size, kept sorted on demand. */
const largeFree: { ptr: number; size: number }[] = [];

/** Sets up the memory before the first array is made; later calls fail. */
export function configureMemory(cfg: MemoryConfig): void {
  const layout =
    cfg.maxBytes !== undefined || cfg.memory !== undefined || cfg.reserved !== undefined;
  if (layout && mem !== null && top > 0)
    throw new Error('configureMemory must be called before any array is created');
  if (cfg.reclaim !== undefined) setAutoReclaim(cfg.reclaim);
  if (cfg.maxBytes !== undefined)
    maxPages = Math.max(1, Math.min(65536, Math.floor(cfg.maxBytes / PAGE)));
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

/**
 * Opt-in (np.enableParallelGemm): moves linear memory to a shared WebAssembly.Memory with the
 * same pages, contents and maximum, so helper workers can run kernels on the same bytes.
 * Pointers stay valid; typed arrays over the old buffer go stale as after growth (call it before
 * holding any). A shared buffer does not detach on grow: `memory.buffer` becomes a new, longer
 * SharedArrayBuffer. Returns the memory (unchanged if already shared); throws where the engine
 * has no shared memory.
 */
export function shareMemory(): WebAssembly.Memory {
  const m = wasmMemory();
  if (typeof SharedArrayBuffer !== 'undefined' && m.buffer instanceof SharedArrayBuffer) return m;
  const pages = m.buffer.byteLength / PAGE;
  const s = new WebAssembly.Memory({
    initial: pages,
    maximum: Math.max(maxPages, pages),
    shared: true,
  });
  new Uint8Array(s.buffer).set(new Uint8Array(m.buffer));
  mem = s;
  return s;
}

/** The power-of-two size class (≥ 16) of a small request. */
function sizeClass(n: number): number {
  if (n <= ALIGN) return ALIGN;
  return 1 << (32 - Math.clz32(n - 1)); // n ≤ SMALL_MAX: no overflow
}

/** Index of a size class in `smallFree`. */
function classIndex(size: number): number {
  return 27 - Math.clz32(size); // 16 → 0
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
  return MemoryError(
    `Unable to allocate ${formatBytes(n)} for an array: the WebAssembly memory limit is ${formatBytes(maxPages * PAGE)}`,
  );
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
  const ptr = allocBlock(nbytes, zero);
  return { ptr, size: lastSize };
}

/** The block size of the last `allocBlock` (saves an object per allocation). */
let lastSize = 0;

/** `alloc` without the result object: returns the pointer, the block size is in `lastSize`. */
function allocBlock(nbytes: number, zero: boolean): number {
  if (!(nbytes >= 0) || !Number.isFinite(nbytes))
    throw MemoryError(`Unable to allocate ${nbytes} bytes`);
  if (nbytes > maxPages * PAGE) throw outOfMemory(nbytes);
  let ptr = 0;
  let size: number;
  if (nbytes <= SMALL_MAX) {
    size = sizeClass(nbytes);
    const list = smallFree[classIndex(size)] as number[];
    if (list.length > 0) ptr = list.pop() as number;
    else {
      if (top + size > wasmMemory().buffer.byteLength && reclaimBeforeGrow()) {
        if (list.length > 0) ptr = list.pop() as number;
      }
      if (ptr === 0) ptr = bump(size, nbytes);
    }
  } else {
    size = align(nbytes, PAGE);
    ptr = takeLarge(size);
    if (ptr === 0) {
      if (top + size > wasmMemory().buffer.byteLength && reclaimBeforeGrow()) ptr = takeLarge(size);
      if (ptr === 0) ptr = bump(size, nbytes);
    }
  }
  liveBytes += size;
  allocatedSinceReclaim += size;
  lastSize = size;
  if (zero) {
    const buf = wasmMemory().buffer;
    if (size <= 64) {
      const u =
        zeroView === null || zeroView.buffer !== buf
          ? (zeroView = new Float64Array(buf))
          : zeroView;
      for (let i = ptr >>> 3, e = (ptr + size) >>> 3; i < e; i++) u[i] = 0;
    } else new Uint8Array(buf, ptr, size).fill(0);
  }
  return ptr;
}
let zeroView: Float64Array | null = null;

/** Best fit from the free large blocks (0: none fits). */
function takeLarge(size: number): number {
  let best = -1;
  for (let i = 0; i < largeFree.length; i++) {
    const b = largeFree[i] as { ptr: number; size: number };
    if (b.size >= size && (best < 0 || b.size < (largeFree[best] as { size: number }).size))
      best = i;
  }
  if (best < 0) return 0;
  const b = largeFree[best] as { ptr: number; size: number };
  const ptr = b.ptr;
  if (b.size > size) {
    b.ptr += size;
    b.size -= size;
  } else largeFree.splice(best, 1);
  return ptr;
}

export function free(ptr: number, size: number): void {
  liveBytes -= size;
  if (size <= SMALL_MAX) {
    (smallFree[classIndex(size)] as number[]).push(ptr);
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
  /** Bytes in live blocks (including dropped arrays garbage collection has not reclaimed yet). */
  liveBytes: number;
  /** How often the reclaim hook ran before a growth (see `setReclaimHook`). */
  reclaims: number;
}

export function memoryStats(): MemoryStats {
  return { memoryBytes: wasmMemory().buffer.byteLength, highWater, liveBytes, reclaims };
}

// --- reclaiming dropped arrays before growing -------------------------------------------------
// Dropped arrays return their blocks when FinalizationRegistry callbacks run. Engines run them only
// between tasks, and schedule collections by JS-heap pressure: they do not see the linear memory a
// small NDArray object holds, so a loop that drops arrays grows the memory (a synchronous loop on
// every pass; even one that yields, to GiBs). So right before the allocator would grow the memory,
// a reclaim hook runs a full GC and the blocks of the arrays it found dead are freed at once:
// - through `FinalizationRegistry.prototype.cleanupSome` where the engine exposes it (V8 11 = Node
//   20 with `--harmony-weak-refs-with-cleanup-some`: the runner's worker);
// - otherwise (later Node, or Node 20 without that flag) from WeakRefs to the slabs and large
//   buffers:
//   the kept-alive set of WeakRef targets is cleared first (a microtask checkpoint of an empty vm
//   context does `ClearKeptObjects`), then the GC, then every tracked target found dead is freed
//   (its finalizer later finds nothing left to free).
// In Node the hook is found by itself, the first time it is due: `gc` from a vm context made
// while `--expose-gc` is on for that moment (the flag is switched back off, so nothing else gets a
// `gc`), or the process's own `gc` when it has one. `np.configureMemory({reclaim: false})` turns
// all of it off; browsers have no such hook (dispose/`using`/`np.tidy`, or yield to the event loop).
// Rate-limited (a full GC costs milliseconds): not below `floorBytes` of memory; not before
// max(256 KiB, 1/8 of the bytes live after the last reclaim) were allocated since it (free memory
// the allocator cannot use for a request, e.g. too-small blocks, does not delay a reclaim); after
// a reclaim that freed little of what was allocated since it, not before half as much as is live
// has been allocated (a live set that keeps growing, e.g. big arrays that are all kept, costs
// O(log) collections); and in Node with a JS heap over 64 MiB, not before the bytes allocated
// since the last one reach half of what is over (a full GC walks the heap), so its cost stays in
// proportion to the work it saves.

export interface ReclaimOptions {
  /** Memory below this size grows without a reclaim (default 32 MiB; 0 reclaims at any size). */
  floorBytes?: number;
}

let reclaimHook: (() => void) | null = null;
/** Find a hook (Node) the first time one is due: until `setReclaimHook` or `{reclaim: false}`. */
let autoReclaim = true;
/** The Node helpers, looked up once (undefined: not yet; null: not in Node / not available). */
let nodeHost: NodeHost | null | undefined;
let reclaimFloor = 32 << 20;
let allocatedSinceReclaim = 0;
/** Bytes live right after the last reclaim (what a GC could not free). */
let liveAfterReclaim = 0;
/** After a reclaim that freed little: bytes to allocate before the next one. */
let reclaimBackoff = 0;
let reclaims = 0;
let reclaiming = false;
const BIG_HEAP = 32 << 20;

interface NodeHost {
  vm: NodeVm;
  v8: { setFlagsFromString(flags: string): void; getHeapStatistics(): { used_heap_size: number } };
  /** Clears V8's set of WeakRef targets kept alive until the end of the current job. */
  clearKept: () => void;
  /** A full garbage collection: undefined until looked up, null when none could be had. */
  gc?: (() => void) | null;
}

interface CleanupSome {
  cleanupSome?: (cb?: (held: unknown) => void) => void;
}
const hasCleanupSome = (): boolean =>
  typeof (FinalizationRegistry.prototype as CleanupSome).cleanupSome === 'function';

interface NodeProcess {
  versions?: { node?: string };
  getBuiltinModule?: (id: string) => unknown;
}
interface NodeVm {
  runInNewContext(code: string): unknown;
  createContext(sandbox: object, opts: { microtaskMode: 'afterEvaluate' }): object;
  Script: new (code: string) => { runInContext(ctx: object): unknown };
}

/** Node's vm/v8 modules and a `ClearKeptObjects` (null outside Node). No flag is touched. */
function lookUpNodeHost(): NodeHost | null {
  if (nodeHost !== undefined) return nodeHost;
  nodeHost = null;
  try {
    const proc = (globalThis as { process?: NodeProcess }).process;
    if (typeof proc?.versions?.node !== 'string' || typeof proc.getBuiltinModule !== 'function')
      return null;
    const vm = proc.getBuiltinModule('node:vm') as NodeVm | undefined;
    const v8 = proc.getBuiltinModule('node:v8') as NodeHost['v8'] | undefined;
    if (vm === undefined || v8 === undefined) return null;
    // V8 clears the kept WeakRef targets after a microtask checkpoint; a context with its own
    // (empty) queue runs one after every evaluation in it
    const ctx = vm.createContext({}, { microtaskMode: 'afterEvaluate' });
    const checkpoint = new vm.Script('0');
    nodeHost = { vm, v8, clearKept: (): void => void checkpoint.runInContext(ctx) };
  } catch {
    nodeHost = null;
  }
  return nodeHost;
}

/**
 * Node's `gc` without flags on the command line: the process's own, or one from a vm context made
 * while `--expose-gc` is on for that moment only (switched back off: nothing else gets a `gc`).
 */
function lookUpGc(host: NodeHost): (() => void) | null {
  if (host.gc !== undefined) return host.gc;
  host.gc = null;
  try {
    let gc = (globalThis as { gc?: unknown }).gc;
    // someone (e.g. the runner starting its worker) may have the flag on right now: leave it on
    if (typeof gc !== 'function')
      gc = host.vm.runInNewContext('typeof gc === "function" ? gc : null');
    if (typeof gc !== 'function') {
      host.v8.setFlagsFromString('--expose-gc');
      try {
        gc = host.vm.runInNewContext('gc');
      } finally {
        host.v8.setFlagsFromString('--no-expose-gc');
      }
    }
    if (typeof gc === 'function') host.gc = gc as () => void;
  } catch {
    // no such flag or module: no hook
  }
  return host.gc;
}

/**
 * Whether new slabs and large buffers get a WeakRef, so a reclaim can free dead ones without
 * `cleanupSome`: in Node without it, while reclaiming is on.
 */
let tracking = false;
function updateTracking(): void {
  tracking =
    !hasCleanupSome() &&
    (reclaimHook !== null || autoReclaim) &&
    typeof WeakRef === 'function' &&
    typeof (globalThis as { process?: NodeProcess }).process?.getBuiltinModule === 'function';
}

function setAutoReclaim(on: boolean): void {
  autoReclaim = on;
  if (!on) reclaimHook = null;
  updateTracking();
}

/**
 * Installs `fn` (a full garbage collection, e.g. Node's `gc` under `--expose-gc`) as the hook the
 * allocator calls before it grows the linear memory; the blocks of dropped arrays it collected are
 * then freed at once (FinalizationRegistry#cleanupSome where the engine has it, WeakRefs in Node
 * otherwise) and the allocation is retried from the freed blocks. `null` removes it (and the one
 * Node finds by itself: see `configureMemory({reclaim})`). Elsewhere freed blocks only come back at
 * the next task. Returns the previous hook.
 */
export function setReclaimHook(
  fn: (() => void) | null,
  opts: ReclaimOptions = {},
): (() => void) | null {
  const prev = reclaimHook;
  reclaimHook = fn;
  autoReclaim = false;
  updateTracking();
  if (opts.floorBytes !== undefined) reclaimFloor = Math.max(0, opts.floorBytes);
  allocatedSinceReclaim = 0;
  liveAfterReclaim = liveBytes;
  reclaimBackoff = 0;
  return prev;
}

/** Runs the hook and the pending finalizers; true when it ran (the caller retries its free lists). */
function reclaimBeforeGrow(): boolean {
  if (reclaiming || (reclaimHook === null && !autoReclaim)) return false;
  const bytes = wasmMemory().buffer.byteLength;
  if (bytes < reclaimFloor) return false;
  const due = Math.max(liveAfterReclaim / 8, 256 << 10, reclaimBackoff);
  if (allocatedSinceReclaim < due) return false;
  const host = lookUpNodeHost();
  // a full GC costs in proportion to the JS heap: with a big one, wait for more WASM allocation
  if (
    host !== null &&
    allocatedSinceReclaim < host.v8.getHeapStatistics().used_heap_size / 2 - BIG_HEAP
  )
    return false;
  if (reclaimHook === null) {
    const gc = host === null ? null : lookUpGc(host);
    if (gc === null) {
      autoReclaim = false; // not in Node, or no gc to be had: stop looking
      updateTracking();
      return false;
    }
    reclaimHook = gc;
  }
  reclaiming = true;
  const before = liveBytes;
  deferredBytes = 0;
  try {
    freeDeferred();
    if (tracking) host?.clearKept();
    reclaimHook();
    (registry as CleanupSome).cleanupSome?.();
    (slabRegistry as CleanupSome).cleanupSome?.();
    if (tracking) sweepTracked();
  } catch {
    // a failing hook must not fail the allocation
  } finally {
    reclaiming = false;
  }
  // freed little of what was allocated since the last one: the live set is growing
  reclaimBackoff =
    (before - liveBytes + deferredBytes) * 4 < allocatedSinceReclaim ? liveBytes / 2 : 0;
  allocatedSinceReclaim = 0;
  liveAfterReclaim = liveBytes;
  reclaims++;
  return true;
}

// --- WeakRefs to slabs and large buffers (reclaiming without cleanupSome) ---------------------

interface Tracked {
  ref: WeakRef<object>;
  /** A large buffer's held value (null for a slab). */
  held: LargeHeld | null;
  /** A slab's record and its generation when tracked (records are recycled). */
  rec: SlabRec | null;
  gen: number;
}
const trackedRefs: Tracked[] = [];
let pruneAt = 1024;

function track(target: object, held: LargeHeld | null, rec: SlabRec | null): void {
  trackedRefs.push({ ref: new WeakRef(target), held, rec, gen: rec === null ? 0 : rec.gen });
  if (trackedRefs.length >= pruneAt) {
    // drop the entries of disposed buffers, and let V8 forget the targets a WeakRef made in this
    // job keeps alive (a long synchronous loop that disposes its arrays never reclaims)
    sweepTracked(false);
    lookUpNodeHost()?.clearKept();
    pruneAt = Math.max(1024, trackedRefs.length * 2);
  }
}

/** Frees the blocks of tracked slabs/buffers that are dead (`collected`) and drops stale entries. */
function sweepTracked(collected = true): void {
  let j = 0;
  for (let i = 0; i < trackedRefs.length; i++) {
    const e = trackedRefs[i] as Tracked;
    const h = e.held;
    const rec = e.rec;
    if (h !== null) {
      if (h.done) continue;
      if (collected && e.ref.deref() === undefined) {
        if (recentLarge(h))
          deferredBytes += h.size; // this sweep keeps it for the next
        else {
          freeHeld(h);
          continue;
        }
      }
    } else if (rec !== null) {
      if (rec.gen !== e.gen) continue;
      if (collected && e.ref.deref() === undefined) {
        if (recentSlab(rec)) deferredBytes += rec.bytes;
        else {
          // its finalizer, later, frees nothing and recycles the record
          freeSlabBlocks(rec);
          continue;
        }
      }
    }
    trackedRefs[j++] = e;
  }
  trackedRefs.length = j;
}

let nextBufferId = 1;

/** Finalizer of a large buffer (nothing to do when a dispose or a sweep freed it first). */
const registry = new FinalizationRegistry<LargeHeld>((h) => {
  if (h.done) return;
  if (reclaiming && recentLarge(h)) {
    deferredLarge.push(h);
    deferredBytes += h.size;
    return;
  }
  freeHeld(h);
});
/** Frees a dead large buffer's block (once: a dispose, sweep or finalizer may come first). */
function freeHeld(h: LargeHeld): void {
  if (h.done) return;
  h.done = true;
  free(h.ptr, h.size);
}
interface LargeHeld {
  ptr: number;
  size: number;
  done: boolean;
  /** Its number among large allocations (see `deferredLarge`). */
  seq: number;
}

// A synchronous reclaim runs inside an allocation, i.e. inside some op. That op may still use the
// pointer of a temporary it made earlier and no longer references (optimized code does not keep a
// dead local alive), so the most recent blocks (the last RECENT_LARGE large buffers, the last two
// slabs) are not freed by it: they wait for the next reclaim, or for a finalizer run between tasks
// (when no op is running).
const RECENT_LARGE = 2;
let largeSeq = 0;
let slabSeq = 0;
const recentLarge = (h: LargeHeld): boolean => largeSeq - h.seq < RECENT_LARGE;
const recentSlab = (rec: SlabRec): boolean => slabSeq - rec.seq < 2;
const deferredLarge: LargeHeld[] = [];
const deferredSlabs: SlabRec[] = [];
/** Bytes the running reclaim found dead but deferred (they count as freed for its backoff). */
let deferredBytes = 0;

/** Frees what the previous reclaim deferred (called at the start of the next one). */
function freeDeferred(): void {
  for (const h of deferredLarge.splice(0)) freeHeld(h);
  for (const rec of deferredSlabs.splice(0)) {
    freeSlabBlocks(rec);
    recycle(rec);
  }
}

// --- slabs: one registration for many small buffers -------------------------------------------
// FinalizationRegistry.register + unregister cost ~300–500 ns, more than a small ufunc call.
// Small buffers (≤ SLAB_ITEM_MAX bytes) are grouped in slabs of consecutive allocations: each
// buffer holds its slab's token, the token alone is registered, and when every buffer of a slab
// has been collected its finalizer frees the blocks not disposed explicitly. Cost: a block dropped
// early waits for its slab's last sibling (at most SLAB_BYTES per slab still in use).

const SLAB_N = 64;
const SLAB_BYTES = 64 << 10;
const SLAB_ITEM_MAX = 16 << 10;

class SlabRec {
  readonly ptrs = new Float64Array(SLAB_N);
  readonly sizes = new Float64Array(SLAB_N);
  /** 1 while slot k's block belongs to its buffer (0: disposed, or never used). */
  readonly live = new Uint8Array(SLAB_N);
  n = 0;
  bytes = 0;
  /** Slots whose block is still owned by its buffer. */
  liveCount = 0;
  /** Counts recycles (a tracked WeakRef entry is stale once it differs). */
  gen = 0;
  /** Its number among opened slabs (see `deferredLarge`). */
  seq = 0;
}

/** Records of slabs whose blocks were all disposed, ready for reuse. */
const slabPool: SlabRec[] = [];

function recycle(rec: SlabRec): void {
  rec.gen++;
  rec.n = 0;
  rec.bytes = 0;
  rec.liveCount = 0;
  if (slabPool.length < 64) slabPool.push(rec);
}

/** What small buffers keep alive; registered (with its record as held value) when opened. */
class SlabToken {
  constructor(readonly rec: SlabRec) {}
}

/** Frees the blocks of a slab's slots still owned by their (collected) buffers. */
function freeSlabBlocks(rec: SlabRec): void {
  for (let k = 0; k < rec.n; k++) {
    if (rec.live[k] === 1) {
      rec.live[k] = 0;
      free(rec.ptrs[k] as number, rec.sizes[k] as number);
    }
  }
  rec.liveCount = 0;
}

const slabRegistry = new FinalizationRegistry<SlabRec>((rec) => {
  if (reclaiming && recentSlab(rec)) {
    deferredSlabs.push(rec);
    deferredBytes += rec.bytes;
    return;
  }
  freeSlabBlocks(rec);
  recycle(rec);
});

/** The slab new small buffers join (kept open until full). */
let slab: SlabToken | null = null;

function openSlab(): SlabToken {
  const old = slab;
  if (old !== null && old.rec.liveCount === 0) {
    // every block already disposed: nothing left for the finalizer
    slabRegistry.unregister(old);
    recycle(old.rec);
  }
  const rec = slabPool.pop() ?? new SlabRec();
  rec.seq = ++slabSeq;
  const t = new SlabToken(rec);
  slabRegistry.register(t, rec, t);
  if (tracking) track(t, null, rec);
  slab = t;
  return t;
}

/**
 * A block of array bytes in linear memory. Arrays keep their buffer alive; when the last array
 * that refers to it is collected, the block returns to the allocator.
 */
export class WasmBuffer {
  readonly id: number;
  readonly nbytes: number;
  private readonly _ptr: number;
  private readonly _size: number;
  private _freed: boolean;
  /** Small buffers: the slab token (kept alive by its buffers) and the slot in it. */
  private readonly _slab: SlabToken | null;
  private readonly _slot: number;
  /** Large buffers: the finalizer's held value. */
  private readonly _held: LargeHeld | null;
  /** The trace recorder's per-buffer state (declared here so recording adds no property). */
  _trace: unknown = undefined;

  constructor(nbytes: number, zero = true) {
    const ptr = allocBlock(nbytes, zero);
    const size = lastSize;
    this.id = nextBufferId++;
    this.nbytes = nbytes;
    this._ptr = ptr;
    this._size = size;
    this._freed = false;
    if (size <= SLAB_ITEM_MAX) {
      let t = slab;
      if (t === null || t.rec.n === SLAB_N || t.rec.bytes >= SLAB_BYTES) t = openSlab();
      const rec = t.rec;
      const k = rec.n++;
      rec.ptrs[k] = ptr;
      rec.sizes[k] = size;
      rec.live[k] = 1;
      rec.liveCount++;
      rec.bytes += size;
      this._slab = t;
      this._slot = k;
      this._held = null;
    } else {
      this._slab = null;
      this._slot = 0;
      const held: LargeHeld = { ptr, size, done: false, seq: ++largeSeq };
      this._held = held;
      registry.register(this, held, this);
      if (tracking) track(this, held, null);
    }
    if (scopes.length > 0 && untrackedDepth === 0)
      (scopes[scopes.length - 1] as WasmBuffer[]).push(this);
  }

  get ptr(): number {
    if (this._freed) throw new Error('this array has been disposed: its memory was freed');
    return this._ptr;
  }

  get freed(): boolean {
    return this._freed;
  }

  /** Frees the bytes now. Every array over this buffer becomes unusable. */
  dispose(): void {
    if (this._freed) return;
    this._freed = true;
    const t = this._slab;
    if (t !== null) {
      const rec = t.rec;
      rec.live[this._slot] = 0;
      // a closed slab whose blocks are all disposed is recycled now (no finalizer needed)
      if (--rec.liveCount === 0 && t !== slab) {
        slabRegistry.unregister(t);
        recycle(rec);
      }
    } else {
      registry.unregister(this);
      (this._held as LargeHeld).done = true;
    }
    free(this._ptr, this._size);
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
    v = new CTORS[d](buf);
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
  for (const v of Array.isArray(x) ? x : Object.values(x)) collectBuffers(v, keep, seen);
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

// A process that has `gc` (e.g. Node started with `--expose-gc`, or the runner's worker) uses it.
{
  const g = globalThis as { gc?: () => void };
  if (typeof g.gc === 'function') reclaimHook = g.gc;
  updateTracking();
}
