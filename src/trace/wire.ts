/**
 * The recorder's wire format: how a traced program's thread hands events to the thread that
 * reads them, cheaply. The schema objects (`TraceEvent`, `ArraySnapshot`, … in ./schema) are what
 * every consumer sees; this format only carries them from the recorder to `WireDecoder`, which
 * rebuilds exactly those objects (the runner decodes in its own thread, so the program pays only
 * for writing numbers and copying bytes).
 *
 * A batch is three streams and two side lists:
 * - `nums`: records of numbers (a Float64Array: ids, shapes, strides, codes, timings);
 * - `bytes`: element values as raw bytes in their dtype (one memcpy per contiguous array), at
 *   8-byte aligned positions; values are turned into JSON scalars only by the decoder;
 * - `strs` / `objs`: strings (op names, rendered arguments, error texts) and rare structured
 *   values (scalar lists), by index.
 *
 * Metadata is sent once: an array's snapshot (`R_ARR`) when the recorder first sees it or its
 * buffer was written since, a buffer (`R_BUF`), an op name (`R_OP`) and a location (`R_LOC`) the
 * first time; events (`R_EV`) refer to them by id. The decoder keeps those tables for the whole
 * run, so batches must be decoded in order by one decoder. Every decoded event is self-contained,
 * as the schema promises: it holds the snapshot objects themselves.
 *
 * No node:* imports (runs in a worker, the extension host or a browser).
 */
import { DTYPES, DTYPE_INFO, type DType } from '../runtime/dtype';
import type {
  ArrayFlags,
  ArraySnapshot,
  BroadcastInfo,
  BufferContents,
  BufferInfo,
  ConsoleEntry,
  ErrorInfo,
  EventKind,
  JsonScalar,
  Loc,
  TraceEvent,
  Truncation,
  WriteInfo,
  WriteRange,
} from './schema';
import { explainBroadcast } from './broadcast-info';

/**
 * One batch as the recorder sends it (structured-cloneable). `nums`/`bytes` are either exact-size
 * copies (transferable: see `wireTransferables`) or views over one of the writer's shared arenas,
 * named by `arena`: the decoder hands that arena back when it has read the batch.
 */
export interface WireBatch {
  wire: 1;
  nums: Float64Array;
  bytes: Uint8Array;
  strs: string[];
  objs: unknown[];
  console: ConsoleEntry[];
  truncated?: Truncation;
  arena?: ArenaRef;
}

/** A shared arena a batch was written in: `ctrl[slot]` is 1 while the batch is in flight. */
export interface ArenaRef {
  ctrl: Int32Array;
  slot: number;
}

/** The buffers of a batch to list in postMessage's transfer list (shared arenas are not). */
export function wireTransferables(b: Pick<WireBatch, 'nums' | 'bytes'>): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  if (b.nums.buffer instanceof ArrayBuffer) out.push(b.nums.buffer);
  if (b.bytes.buffer instanceof ArrayBuffer) out.push(b.bytes.buffer);
  return out;
}

/**
 * A batch in a shared arena its reader already holds, as posted: the arena's slot and how far the
 * batch fills its streams, instead of views over it (see `packWire`).
 */
export interface PackedWireBatch extends Omit<WireBatch, 'nums' | 'bytes' | 'arena'> {
  packed: { slot: number; p: number; bp: number };
}

/**
 * What a writer's thread posts for `b`. Once its reader has had one batch from an arena (and so
 * its SharedArrayBuffers), later batches from that arena travel as the slot and two lengths:
 * cloning views over SharedArrayBuffers into a message costs the sender several µs a batch
 * (measured 3.8–8.7 µs against 1.4 µs in a warm loop, more right after large kernels).
 * `known`: the arenas this reader has, kept by the sender (one list per reader).
 */
export function packWire(b: WireBatch, known: boolean[]): WireBatch | PackedWireBatch {
  const a = b.arena;
  if (a === undefined) return b;
  if (known[a.slot] !== true) {
    known[a.slot] = true;
    return b;
  }
  const packed: PackedWireBatch = {
    wire: 1,
    strs: b.strs,
    objs: b.objs,
    console: b.console,
    packed: { slot: a.slot, p: b.nums.length, bp: b.bytes.length },
  };
  if (b.truncated !== undefined) packed.truncated = b.truncated;
  return packed;
}

/** What a decoder reads of a batch. */
type WireStreams = Pick<WireBatch, 'nums' | 'bytes' | 'strs' | 'objs' | 'arena'>;

/** Hands a batch's shared arena back to its writer (after decoding it). */
export function releaseArena(b: Pick<WireBatch, 'arena'>): void {
  const a = b.arena;
  if (a !== undefined) Atomics.store(a.ctrl, a.slot, 0);
}

/** Record tags (first number of each record in `nums`). */
export const R_OP = 1;
export const R_LOC = 2;
export const R_BUF = 3;
export const R_ARR = 4;
export const R_EV = 5;

export const KINDS: readonly EventKind[] = [
  'create',
  'view',
  'copy',
  'compute',
  'reduce',
  'write',
  'error',
];
export const KIND_CODE: Readonly<Record<EventKind, number>> = {
  create: 0,
  view: 1,
  copy: 2,
  compute: 3,
  reduce: 4,
  write: 5,
  error: 6,
};
export const DTYPE_CODE: Readonly<Record<DType, number>> = Object.fromEntries(
  DTYPES.map((d, i) => [d, i]),
) as Record<DType, number>;

/** Argument tags (arguments rendered by the decoder). */
export const A_NUM = 0;
export const A_STR = 1;
export const A_BOOL = 2;
export const A_ARR = 3;
export const A_UNDEF = 4;
export const A_NULL = 5;
export const A_BIGINT = 6;

/** Result modes. */
export const RES_NONE = 0;
export const RES_NUM = 1;
export const RES_BOOL = 2;
export const RES_STR = 3;
export const RES_OBJ = 4;

/** Value modes of an array or buffer record. */
export const V_NONE = 0;
export const V_ALL = 1;
export const V_PREVIEW = 2;

/** `why` hints the recorder computes from the arguments (`get` only); the rest is derived. */
export const WHY_NONE = 0;
export const WHY_SLICE = 1;
export const WHY_INDEX = 2;
export const WHY_BOOL = 3;
export const WHY_FANCY = 4;
export const WHY_ADVANCED = 5;

/** Buffer-contents sources. */
export const C_ARRAY = 1;
export const C_OWN = 2;

/**
 * One shared object per combination of flags: fewer allocations, and a structured clone writes
 * repeats as references. Treat snapshots as immutable.
 */
const FLAGS: ArrayFlags[] = [];
for (let i = 0; i < 16; i++)
  FLAGS.push({
    c_contiguous: (i & 1) !== 0,
    f_contiguous: (i & 2) !== 0,
    owndata: (i & 4) !== 0,
    writeable: (i & 8) !== 0,
  });
export function flagsFromBits(bits: number): ArrayFlags {
  return FLAGS[bits & 15] as ArrayFlags;
}

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** A stored value as JSON can carry it (see JsonScalar). */
export function encodeValue(v: number | bigint, dtype: DType): JsonScalar {
  if (dtype === 'bool') return v !== 0 && v !== 0n;
  if (typeof v === 'bigint') return v >= -SAFE && v <= SAFE ? Number(v) : v.toString();
  if (Number.isFinite(v)) return v;
  return Number.isNaN(v) ? 'nan' : v > 0 ? 'inf' : '-inf';
}

/** Shared arenas a writer keeps at most (beyond: exact-size copies per batch, as without). */
const MAX_ARENAS = 8;
/**
 * Capacity of a shared arena: numbers, bytes (a batch that outgrows it is sent as copies). Sized
 * for a default batch (256 events) of results previewed or up to 512 float64 values each.
 */
const ARENA_NUMS = 65536;
export const ARENA_BYTES = 1048576;

interface Arena {
  nums: Float64Array;
  u8: Uint8Array;
}

/**
 * Growable streams for one batch. `take()` hands them over (the caller may transfer their
 * buffers) and starts fresh ones.
 *
 * With `shared`, batches are written in a small pool of arenas over SharedArrayBuffers: `take()`
 * hands out views over the current arena (no copy, nothing allocated) and moves on to a free
 * one; the decoder frees an arena when it has read the batch (`releaseArena`, via `ctrl`). A
 * fresh exact-size copy per batch (the alternative) costs a new ArrayBuffer each time, i.e.
 * memory the process has not touched yet: ~17 page faults for the 70 KB of a batch of 64 events
 * with 1e5-element results, 1–5 µs per event on this machine. When every arena is still in flight
 * (the reader is behind) or a batch outgrew its arena, that batch is copied as before.
 */
export class WireWriter {
  nums: Float64Array;
  p = 0;
  /** The byte stream and its views (all four set by `setBytes`). */
  u8!: Uint8Array;
  u16!: Uint16Array;
  u32!: Uint32Array;
  /** The bytes as float64 words (bit-exact copies of 8-byte runs). */
  f64!: Float64Array;
  bp = 0;
  strs: string[] = [];
  objs: unknown[] = [];

  /** Shared arenas (see the class comment); `ctrl[k]` is 1 while arena k's batch is in flight. */
  private readonly arenas: Arena[] = [];
  private readonly ctrl: Int32Array | null;
  /** The arena being written (-1: private arrays). */
  private cur = -1;

  constructor(
    private readonly numsCap = 4096,
    private readonly bytesCap = 65536,
    shared = false,
  ) {
    this.ctrl =
      shared && typeof SharedArrayBuffer === 'function'
        ? new Int32Array(new SharedArrayBuffer(4 * MAX_ARENAS))
        : null;
    this.nums = new Float64Array(numsCap);
    this.setBytes(new Uint8Array(bytesCap));
    if (this.ctrl !== null) this.useArena();
  }

  /** Writes into a free shared arena (making one if the pool has room), else private arrays. */
  private useArena(): void {
    const ctrl = this.ctrl as Int32Array;
    let k = -1;
    for (let i = 0; i < this.arenas.length; i++)
      if (Atomics.load(ctrl, i) === 0) {
        k = i;
        break;
      }
    if (k < 0 && this.arenas.length < MAX_ARENAS) {
      k = this.arenas.length;
      this.arenas.push({
        nums: new Float64Array(new SharedArrayBuffer(8 * ARENA_NUMS)),
        u8: new Uint8Array(new SharedArrayBuffer(ARENA_BYTES)),
      });
    }
    this.cur = k;
    if (k < 0) {
      // every arena in flight: private arrays (kept unless a huge batch grew them)
      if (
        this.nums.buffer instanceof ArrayBuffer &&
        this.u8.buffer instanceof ArrayBuffer &&
        this.nums.length <= 16 * this.numsCap &&
        this.u8.length <= 16 * this.bytesCap
      )
        return;
      this.setArrays(new Float64Array(this.numsCap), new Uint8Array(this.bytesCap));
      return;
    }
    const a = this.arenas[k] as Arena;
    this.setArrays(a.nums, a.u8);
  }

  private setArrays(nums: Float64Array, u8: Uint8Array): void {
    this.nums = nums;
    if (this.u8 !== u8) this.setBytes(u8);
  }

  /** The byte stream and its 16-, 32- and 64-bit views. */
  private setBytes(u8: Uint8Array): void {
    this.u8 = u8;
    this.u16 = new Uint16Array(u8.buffer, u8.byteOffset, u8.byteLength >> 1);
    this.u32 = new Uint32Array(u8.buffer, u8.byteOffset, u8.byteLength >> 2);
    this.f64 = new Float64Array(u8.buffer, u8.byteOffset, u8.byteLength >> 3);
  }

  /** Makes room for `k` more numbers. */
  room(k: number): void {
    if (this.p + k <= this.nums.length) return;
    let cap = this.nums.length * 2;
    while (cap < this.p + k) cap *= 2;
    const n = new Float64Array(cap);
    n.set(this.nums.subarray(0, this.p));
    this.nums = n;
  }

  num(x: number): void {
    if (this.p >= this.nums.length) this.room(1);
    this.nums[this.p++] = x;
  }

  str(s: string): number {
    return this.strs.push(s) - 1;
  }

  obj(o: unknown): number {
    return this.objs.push(o) - 1;
  }

  /** Reserves `n` bytes at an 8-byte aligned position; returns it. */
  reserve(n: number): number {
    const pos = (this.bp + 7) & ~7;
    const end = pos + n;
    if (end > this.u8.length) {
      let cap = this.u8.length * 2;
      while (cap < end) cap *= 2;
      const b = new Uint8Array(cap);
      b.set(this.u8.subarray(0, this.bp));
      this.setBytes(b);
    }
    this.bp = end;
    return pos;
  }

  get empty(): boolean {
    return this.p === 0;
  }

  private mp = 0;
  private mbp = 0;
  private ms = 0;
  private mo = 0;

  /** Remembers the positions to roll back to (an event that did not fit the budget). */
  mark(): void {
    this.mp = this.p;
    this.mbp = this.bp;
    this.ms = this.strs.length;
    this.mo = this.objs.length;
  }

  /** Drops what was written since `mark()`. */
  rollback(): void {
    this.p = this.mp;
    this.bp = this.mbp;
    this.strs.length = this.ms;
    this.objs.length = this.mo;
  }

  /**
   * The streams written so far, and a fresh start. With `reuse` they are views over the arenas
   * (the caller reads them before writing again); else exact-size copies the caller may transfer.
   */
  take(reuse = false): Omit<WireBatch, 'console'> {
    const k = this.cur;
    const inArena =
      !reuse &&
      k >= 0 &&
      this.nums === (this.arenas[k] as Arena).nums &&
      this.u8 === (this.arenas[k] as Arena).u8;
    const view = reuse || inArena;
    const out: Omit<WireBatch, 'console'> = {
      wire: 1 as const,
      nums: view ? this.nums.subarray(0, this.p) : this.nums.slice(0, this.p),
      bytes: view ? this.u8.subarray(0, this.bp) : this.u8.slice(0, this.bp),
      strs: this.strs,
      objs: this.objs,
    };
    this.p = 0;
    this.bp = 0;
    this.strs = [];
    this.objs = [];
    // a rollback after a take drops only what was written since
    this.mp = this.mbp = this.ms = this.mo = 0;
    if (this.ctrl !== null && !reuse) {
      if (inArena) {
        Atomics.store(this.ctrl, k, 1);
        out.arena = { ctrl: this.ctrl, slot: k };
      }
      this.useArena();
      return out;
    }
    // do not keep an arena a huge batch grew
    if (this.nums.length > 16 * this.numsCap) this.nums = new Float64Array(this.numsCap);
    if (this.u8.length > 16 * this.bytesCap) this.setBytes(new Uint8Array(this.bytesCap));
    return out;
  }
}

/** Decoded batch: the schema's objects. */
export interface DecodedBatch {
  events: TraceEvent[];
  console: ConsoleEntry[];
  truncated?: Truncation;
}

function fmtTuple(xs: readonly number[]): string {
  return xs.length === 1 ? `(${xs[0]},)` : `(${xs.join(', ')})`;
}

/** `linalg.solve` → `solve`. */
export function baseName(op: string): string {
  const i = op.lastIndexOf('.');
  return i < 0 ? op : op.slice(i + 1);
}

function viewWhy(
  name: string,
  hint: number,
  src: ArraySnapshot | undefined,
  out: ArraySnapshot,
): string {
  if (src !== undefined && out.id === src.id) {
    if (name === 'astype') return 'astype to the same dtype with copy=false: no copy';
    return `${name} of an ndarray that already fits: no copy (the same array)`;
  }
  const strides = fmtTuple(out.strides);
  switch (name) {
    case 'get':
      return hint === WHY_SLICE
        ? `basic slice: view, strides ${strides}`
        : `basic index: view, strides ${strides}`;
    case 'reshape':
      return `reshape kept the strides: view, strides ${strides}`;
    case 'ravel':
      return 'ravel of a contiguous array: view';
    case 'broadcast_to':
    case 'broadcast_arrays':
      return `${name}: read-only view with zero strides, strides ${strides}`;
    case 'T':
    case 'transpose':
      return `transpose: view, strides reversed ${strides}`;
    case 'astype':
      return 'astype to the same dtype with copy=false: no copy';
    default:
      return `${name}: view, strides ${strides}`;
  }
}

function copyWhy(
  name: string,
  hint: number,
  src: ArraySnapshot | undefined,
  out: ArraySnapshot,
): string {
  switch (name) {
    case 'get':
      if (hint === WHY_BOOL) return 'boolean mask: copy';
      if (hint === WHY_FANCY) return 'integer-array (fancy) index: copy';
      return 'advanced index: copy';
    case 'reshape':
    case 'ravel':
      if (src !== undefined && src.flags.f_contiguous && !src.flags.c_contiguous)
        return `${name} could not keep the strides of this transposed array: copied`;
      return `${name} could not keep the strides of this non-contiguous array: copied`;
    case 'astype':
      return src !== undefined && src.dtype === out.dtype
        ? 'astype copies by default (copy=true)'
        : `astype to ${out.dtype}: copied`;
    case 'copy':
    case 'flatten':
      return `${name}: always a new buffer`;
    case 'array':
      return 'np.array copies by default (copy=true)';
    case 'asarray':
    case 'ascontiguousarray':
    case 'asfortranarray':
      return `${name} had to convert (dtype or layout): copied`;
    default:
      return `${name}: new buffer`;
  }
}

function writeWhy(op: string, base: number | null, w: WriteInfo): string {
  const through = base !== null ? ` through a view of #${base}` : '';
  const n = w.changedElements;
  return `${op}: ${n} element${n === 1 ? '' : 's'} of buffer #${w.bufferId} changed${through}`;
}

function renderArg(tag: number, v: number, strs: readonly string[]): string {
  switch (tag) {
    case A_NUM:
      return String(v);
    case A_STR:
      return `'${strs[v]}'`;
    case A_BOOL:
      return v !== 0 ? 'true' : 'false';
    case A_ARR:
      return `#${v}`;
    case A_UNDEF:
      return 'undefined';
    case A_NULL:
      return 'null';
    default:
      return `${strs[v]}n`;
  }
}

/**
 * Rebuilds the schema's events from wire batches. Keeps the run's tables (arrays, buffers, ops,
 * locations): decode every batch of a run, in order, with one decoder.
 */
export class WireDecoder {
  private readonly arrays = new Map<number, ArraySnapshot>();
  private readonly buffers = new Map<number, BufferInfo>();
  private readonly ops: string[] = [];
  private readonly locs: Loc[] = [];
  private readonly bcCache = new Map<string, BroadcastInfo | null>();

  /** The shared arenas batches came in, by slot (for packed batches, see `packWire`). */
  private readonly arenas: (
    { nums: Float64Array; u8: Uint8Array; ctrl: Int32Array } | undefined
  )[] = [];

  /** Decodes a batch; a batch written in a shared arena hands it back once read. */
  decode(b: WireStreams | PackedWireBatch): TraceEvent[] {
    const full = this.unpack(b);
    try {
      return this.decodeStreams(full);
    } finally {
      releaseArena(full);
    }
  }

  private unpack(b: WireStreams | PackedWireBatch): WireStreams {
    if ('packed' in b) {
      const { slot, p, bp } = b.packed;
      const a = this.arenas[slot];
      if (a === undefined) throw new Error(`wire: a packed batch from arena ${slot}, never sent`);
      return {
        nums: a.nums.subarray(0, p),
        bytes: a.u8.subarray(0, bp),
        strs: b.strs,
        objs: b.objs,
        arena: { ctrl: a.ctrl, slot },
      };
    }
    if (b.arena !== undefined)
      this.arenas[b.arena.slot] = {
        nums: new Float64Array(b.nums.buffer),
        u8: new Uint8Array(b.bytes.buffer),
        ctrl: b.arena.ctrl,
      };
    return b;
  }

  private decodeStreams(b: Pick<WireBatch, 'nums' | 'bytes' | 'strs' | 'objs'>): TraceEvent[] {
    const nums = b.nums;
    const strs = b.strs;
    const bytes = b.bytes;
    const events: TraceEvent[] = [];
    let p = 0;
    const values = (dtype: DType, pos: number, n: number): JsonScalar[] => {
      const isz = DTYPE_INFO[dtype].itemsize;
      const Ctor = TYPED[dtype];
      const arr = new Ctor(bytes.buffer, bytes.byteOffset + pos, n);
      const out = new Array<JsonScalar>(n);
      for (let i = 0; i < n; i++) out[i] = encodeValue(arr[i] as number | bigint, dtype);
      void isz;
      return out;
    };
    while (p < nums.length) {
      const tag = nums[p++] as number;
      if (tag === R_OP) {
        const idx = nums[p++] as number;
        this.ops[idx] = strs[nums[p++] as number] as string;
      } else if (tag === R_LOC) {
        const idx = nums[p++] as number;
        const file = strs[nums[p++] as number] as string;
        const line = nums[p++] as number;
        const column = nums[p++] as number;
        this.locs[idx] = { file, line, column };
      } else if (tag === R_BUF) {
        const id = nums[p++] as number;
        const nbytes = nums[p++] as number;
        const dtype = DTYPES[nums[p++] as number] as DType;
        this.buffers.set(id, { id, nbytes, itemsize: DTYPE_INFO[dtype].itemsize, dtype });
      } else if (tag === R_ARR) {
        const id = nums[p++] as number;
        const dtype = DTYPES[nums[p++] as number] as DType;
        const nd = nums[p++] as number;
        const shape = new Array<number>(nd);
        for (let i = 0; i < nd; i++) shape[i] = nums[p++] as number;
        const strides = new Array<number>(nd);
        for (let i = 0; i < nd; i++) strides[i] = nums[p++] as number;
        const offset = nums[p++] as number;
        const bufferId = nums[p++] as number;
        const flags = flagsFromBits(nums[p++] as number);
        const base = nums[p++] as number;
        const size = nums[p++] as number;
        const snap: ArraySnapshot = {
          id,
          dtype,
          shape,
          strides,
          offset,
          bufferId,
          flags,
          base: base < 0 ? null : base,
          size,
        };
        const vm = nums[p++] as number;
        if (vm === V_ALL) {
          const pos = nums[p++] as number;
          snap.values = values(dtype, pos, size);
        } else if (vm === V_PREVIEW) {
          const pos = nums[p++] as number;
          const nh = nums[p++] as number;
          const nt = nums[p++] as number;
          const isz = DTYPE_INFO[dtype].itemsize;
          snap.preview = { head: values(dtype, pos, nh), tail: values(dtype, pos + nh * isz, nt) };
        }
        this.arrays.set(id, snap);
      } else if (tag === R_EV) {
        const step = nums[p++] as number;
        const op = this.ops[nums[p++] as number] as string;
        const kind = KINDS[nums[p++] as number] as EventKind;
        const method = nums[p++] === 1;
        const locIdx = nums[p++] as number;
        const ms = nums[p++] as number;
        // arguments
        let args: string;
        const am = nums[p++] as number;
        if (am < 0) args = strs[nums[p++] as number] as string;
        else {
          const parts: string[] = new Array<string>(am);
          for (let i = 0; i < am; i++) {
            const t = nums[p++] as number;
            parts[i] = renderArg(t, nums[p++] as number, strs);
          }
          const s = `(${parts.join(', ')})`;
          args = s.length > 160 ? `${s.slice(0, 157)}…)` : s;
        }
        const nIn = nums[p++] as number;
        const inputs: ArraySnapshot[] = new Array<ArraySnapshot>(nIn);
        for (let i = 0; i < nIn; i++)
          inputs[i] = this.arrays.get(nums[p++] as number) as ArraySnapshot;
        const ev: TraceEvent = {
          step,
          op,
          kind,
          args,
          inputs,
          buffers: [],
          ms: Math.round(ms * 1000) / 1000,
        };
        if (method) ev.method = true;
        if (locIdx >= 0) ev.loc = this.locs[locIdx];
        const om = nums[p++] as number;
        const nOut = nums[p++] as number;
        const outs: ArraySnapshot[] = new Array<ArraySnapshot>(nOut);
        for (let i = 0; i < nOut; i++)
          outs[i] = this.arrays.get(nums[p++] as number) as ArraySnapshot;
        const rm = nums[p++] as number;
        const rv = nums[p++] as number;
        const hint = nums[p++] as number;
        const nBuf = nums[p++] as number;
        const buffers: BufferInfo[] = new Array<BufferInfo>(nBuf);
        for (let i = 0; i < nBuf; i++)
          buffers[i] = this.buffers.get(nums[p++] as number) as BufferInfo;
        const nCont = nums[p++] as number;
        const contents: BufferContents[] = [];
        for (let i = 0; i < nCont; i++) {
          const bufferId = nums[p++] as number;
          const src = nums[p++] as number;
          if (src === C_ARRAY) {
            const s = this.arrays.get(nums[p++] as number) as ArraySnapshot;
            if (s.values) contents.push({ bufferId, length: s.values.length, values: s.values });
            else
              contents.push({
                bufferId,
                length: s.size,
                preview: s.preview,
              });
          } else {
            const length = nums[p++] as number;
            const vm = nums[p++] as number;
            const pos = nums[p++] as number;
            const nh = nums[p++] as number;
            const nt = nums[p++] as number;
            const dtype = (this.buffers.get(bufferId) as BufferInfo).dtype as DType;
            if (vm === V_ALL) contents.push({ bufferId, length, values: values(dtype, pos, nh) });
            else {
              const isz = DTYPE_INFO[dtype].itemsize;
              contents.push({
                bufferId,
                length,
                preview: { head: values(dtype, pos, nh), tail: values(dtype, pos + nh * isz, nt) },
              });
            }
          }
        }
        // broadcast operands
        let shapes: number[][] | null = null;
        let target: number[] | undefined;
        const nOps = nums[p++] as number;
        if (nOps > 0) {
          shapes = [];
          for (let i = 0; i < nOps; i++) {
            const nd = nums[p++] as number;
            const s: number[] = [];
            for (let d = 0; d < nd; d++) s.push(nums[p++] as number);
            shapes.push(s);
          }
          const td = nums[p++] as number;
          if (td >= 0) {
            target = [];
            for (let d = 0; d < td; d++) target.push(nums[p++] as number);
          }
        }
        // write
        let write: WriteInfo | undefined;
        let writeBase: number | null = null;
        if (nums[p++] === 1) {
          const bufferId = nums[p++] as number;
          const tgt = nums[p++] as number;
          const base = nums[p++] as number;
          const changedElements = nums[p++] as number;
          const truncated = nums[p++] === 1;
          const nr = nums[p++] as number;
          const dtype = (this.buffers.get(bufferId) as BufferInfo).dtype as DType;
          const isz = DTYPE_INFO[dtype].itemsize;
          const ranges: WriteRange[] = new Array<WriteRange>(nr);
          for (let i = 0; i < nr; i++) {
            const byteOffset = nums[p++] as number;
            const byteLength = nums[p++] as number;
            const pos = nums[p++] as number;
            const r: WriteRange = { byteOffset, byteLength };
            if (pos >= 0) r.values = values(dtype, pos, byteLength / isz);
            ranges[i] = r;
          }
          const na = nums[p++] as number;
          const affected: number[] = new Array<number>(na);
          for (let i = 0; i < na; i++) affected[i] = nums[p++] as number;
          write = { bufferId, target: tgt, ranges, changedElements, affected };
          if (truncated) write.truncated = true;
          writeBase = base < 0 ? null : base;
        }
        // error
        if (nums[p++] === 1) {
          ev.error = {
            name: strs[nums[p++] as number] as string,
            message: strs[nums[p++] as number] as string,
          };
          if (shapes !== null) {
            const info = broadcastInfo(shapes, target, ev.error);
            if (info !== null) ev.broadcast = info;
          }
        } else {
          if (om === 1) ev.output = outs[0];
          else if (om === 2) ev.outputs = outs;
          if (rm === RES_NUM) ev.result = rv;
          else if (rm === RES_BOOL) ev.result = rv === 1;
          else if (rm === RES_STR) ev.result = strs[rv];
          else if (rm === RES_OBJ) ev.result = b.objs[rv] as JsonScalar[];
          const why = this.why(ev, hint, write, writeBase);
          if (why !== undefined) ev.why = why;
          if (write !== undefined) ev.write = write;
          if (shapes !== null) {
            const info = this.broadcastOf(shapes, target);
            if (info !== null) ev.broadcast = info;
          }
        }
        ev.buffers = buffers;
        if (contents.length > 0) ev.bufferContents = contents;
        events.push(ev);
      } else throw new Error(`ndscope trace: bad wire record ${tag} at ${p - 1}`);
    }
    return events;
  }

  private why(
    ev: TraceEvent,
    hint: number,
    write: WriteInfo | undefined,
    writeBase: number | null,
  ): string | undefined {
    const name = baseName(ev.op);
    if (ev.kind === 'write' && write !== undefined) return writeWhy(ev.op, writeBase, write);
    const first = ev.output ?? ev.outputs?.[0];
    if (first === undefined) {
      return ev.kind === 'copy' && name === 'get'
        ? 'integer index: a scalar (copied out)'
        : undefined;
    }
    if (ev.kind === 'view') return viewWhy(name, hint, ev.inputs[0], first);
    if (ev.kind === 'copy') return copyWhy(name, hint, ev.inputs[0], first);
    return undefined;
  }

  /** broadcastInfo of successful calls, one shared (immutable) object per operand shapes. */
  private broadcastOf(shapes: number[][], target: number[] | undefined): BroadcastInfo | null {
    let key = shapes.map((s) => s.join(',')).join('|');
    if (target !== undefined) key += `>${target.join(',')}`;
    let hit = this.bcCache.get(key);
    if (hit === undefined) {
      hit = broadcastInfo(shapes, target);
      if (this.bcCache.size >= 512) this.bcCache.clear();
      this.bcCache.set(key, hit);
    }
    return hit;
  }
}

type TypedCtor = new (
  buffer: ArrayBufferLike,
  byteOffset: number,
  length: number,
) => ArrayLike<number | bigint>;
const TYPED: Readonly<Record<DType, TypedCtor>> = {
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

/**
 * Broadcast info for operand shapes (and an optional required result shape, as for `out=` and
 * `broadcast_to`): `explainBroadcast` of ./broadcast-info, with the error the op threw (`error`)
 * in place of the computed message. Without a thrown error a failed untargeted broadcast carries
 * no `error` (the op did not fail there).
 */
export function broadcastInfo(
  shapes: number[][],
  target?: number[],
  error?: ErrorInfo,
): BroadcastInfo | null {
  const info = explainBroadcast(shapes, target);
  const bad = info.error;
  if (bad === undefined) return info;
  if (error === undefined && target === undefined) delete info.error;
  else if (error !== undefined)
    info.error = { name: error.name, message: error.message, dim: bad.dim, sizes: bad.sizes };
  return info;
}
