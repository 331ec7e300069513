/**
 * The recorder: turns observed calls (op name, arguments, result or error, timing) into
 * self-contained TraceEvents. It knows nothing about how calls are intercepted (see traced.ts)
 * nor where events go (a `sink` receives them in batches).
 *
 * Kind and `why` come from observation: an output in the same buffer as an input is a view; a
 * new buffer is a copy, a computation, a reduction or a creation depending on the op; ops that
 * write (set, fill, out=, in-place sorts) are diffed byte by byte against the bytes before.
 */
import { DTYPE_INFO, ITEMSIZE, type DType } from '../runtime/dtype';
import { NDArray } from '../runtime/ndarray';
import { view, type WasmBuffer } from '../runtime/memory';
import {
  DEFAULT_BATCH_MS,
  DEFAULT_BATCH_SIZE,
  DEFAULT_LIMITS,
  type CaptureLimits,
  type ConsoleEntry,
  type ErrorInfo,
  type EventKind,
  type JsonScalar,
  type Loc,
  type TraceEvent,
  type Truncation,
} from './schema';
import { byteExtent, elementOffsets, encodeJs } from './snapshot';
import { broadcastOperands, broadcasts, isBinary, shapeOfOperand } from './broadcast';
import { isPlainObject } from '../runtime/args';
import {
  A_ARR,
  A_BIGINT,
  A_BOOL,
  A_NULL,
  A_NUM,
  A_STR,
  A_UNDEF,
  ARENA_BYTES,
  C_ARRAY,
  C_OWN,
  DTYPE_CODE,
  KIND_CODE,
  RES_BOOL,
  RES_NONE,
  RES_NUM,
  RES_OBJ,
  RES_STR,
  R_ARR,
  R_BUF,
  R_EV,
  R_LOC,
  R_OP,
  V_ALL,
  V_NONE,
  V_PREVIEW,
  WHY_ADVANCED,
  WHY_BOOL,
  WHY_FANCY,
  WHY_INDEX,
  WHY_NONE,
  WHY_SLICE,
  WireDecoder,
  WireWriter,
  baseName,
  type WireBatch,
} from './wire';

/** Any function (a wrapper to cut from captured stacks). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyFn = (...args: any[]) => unknown;

export interface RecorderOptions {
  limits?: Partial<CaptureLimits>;
  /** Where the user's call came from; `below` is the wrapper to skip in the stack. */
  locate?: (below: AnyFn) => Loc | undefined;
  /** Receives events (and console entries) in batches, as the schema's objects. */
  sink?: (batch: TraceBatch) => void;
  /**
   * Receives batches in the wire format instead (see ./wire; a `WireDecoder` in the reading
   * thread rebuilds the events): the program's thread then only writes numbers and copies bytes.
   * Replaces `sink` and `keep`.
   */
  wireSink?: (batch: WireBatch) => void;
  /**
   * Wire mode: write batches in a few shared arenas that `WireDecoder.decode` hands back (a
   * batch's `nums`/`bytes` are then views over SharedArrayBuffers: post them with
   * `wireTransferables(batch)` as the transfer list, not their buffers). Default false: every
   * batch is an exact-size copy (transferable).
   */
  sharedArenas?: boolean;
  /**
   * Wire mode: queue the usual call (arguments that are scalars or arrays whose snapshots are
   * already written or queued; a scalar or a fresh C-ordered array for result) and write its
   * records with the batch, while the recorder's code and tables are in the CPU's caches, instead
   * of right after the op, where each of them is a cache miss once a large kernel ran. A fresh
   * result's values (or head and tail) are copied at once, since its memory may be freed and
   * reused before the batch; anything that could change what a queued event records writes the
   * queue first (a write, a call recorded at once such as a view or an error, a console line, a
   * flush). Same events either way (test/trace/defer.test.ts). Default true in wire mode;
   * in-process mode never defers.
   */
  defer?: boolean;
  /** Keep every event in `recorder.events` too (default true when no sink). */
  keep?: boolean;
  /** Flush to the sink after this many events (default 256) or this many ms (default 20). */
  batchSize?: number;
  batchMs?: number;
}

export interface TraceBatch {
  events: TraceEvent[];
  console: ConsoleEntry[];
  truncated?: Truncation;
}

/** One observed call, as the interception layer reports it. */
export interface Call {
  op: string;
  method: boolean;
  self: unknown;
  args: readonly unknown[];
  /** Where the user called it (a deferred call keeps it here). */
  loc?: Loc | undefined;
  /** A deferred call's result, until its record is written. */
  result?: unknown;
  /**
   * The wrapper's own cache (one per wrapped function, see traced.ts): what the recorder knows of
   * the op and the last location, so a call does not look them up in the recorder's tables.
   */
  k?: OpCache;
}

/** Per-wrapper memo (the recorder fills it in). */
export interface OpCache {
  info: unknown;
  loc: Loc | undefined;
  locId: number;
}

/** A fresh per-wrapper memo. */
export function opCache(): OpCache {
  return { info: null, loc: undefined, locId: -1 };
}

/** State captured before a call that may write. */
export interface PreWrite {
  target: NDArray;
  lo: number;
  bytes: Uint8Array | null;
}

const WRITE_METHODS = new Set([
  'set',
  'fill',
  'itemset',
  'put',
  'sort',
  'partition',
  'resize',
  'setfield',
]);
/** In-place operator methods (`a.iadd(b)`). */
const INPLACE_METHODS = new Set(
  'add sub mul div truediv floordiv mod pow and or xor lshift rshift'
    .split(' ')
    .map((s) => `i${s}`),
);
const WRITE_FUNCS_ARG0 = new Set([
  'copyto',
  'place',
  'putmask',
  'put',
  'fill_diagonal',
  'put_along_axis',
  'shuffle',
  'random.shuffle',
]);
const CREATE_OPS = new Set([
  'zeros_like',
  'ones_like',
  'empty_like',
  'full_like',
  'zeros',
  'ones',
  'empty',
  'full',
  'arange',
  'linspace',
  'logspace',
  'geomspace',
  'eye',
  'identity',
  'frombuffer',
  'fromfunction',
  'meshgrid',
  'indices',
  'tri',
]);
const COPY_OPS = new Set([
  'copy',
  'astype',
  'array',
  'asarray',
  'asanyarray',
  'ascontiguousarray',
  'asfortranarray',
  'reshape',
  'ravel',
  'flatten',
  'get',
  'take',
  'take_along_axis',
  'compress',
  'concatenate',
  'stack',
  'hstack',
  'vstack',
  'dstack',
  'column_stack',
  'row_stack',
  'block',
  'tile',
  'repeat',
  'split',
  'array_split',
  'hsplit',
  'vsplit',
  'dsplit',
  'flip',
  'fliplr',
  'flipud',
  'roll',
  'rot90',
  'squeeze',
  'expand_dims',
  'transpose',
  'swapaxes',
  'moveaxis',
  'T',
  'mT',
  'view',
  'broadcast_to',
  'broadcast_arrays',
  'atleast_1d',
  'atleast_2d',
  'atleast_3d',
  'diagonal',
  'diag',
  'triu',
  'tril',
  'pad',
  'append',
  'insert',
  'delete',
  'resize',
  'extract',
  'nonzero',
  'argwhere',
  'flatnonzero',
  'as_strided',
  'lib.stride_tricks.as_strided',
  'sliding_window_view',
  'lib.stride_tricks.sliding_window_view',
  'require',
  'trim_zeros',
  'unique',
]);
const REDUCE_OPS = new Set([
  'sum',
  'prod',
  'mean',
  'std',
  'var',
  'min',
  'max',
  'amin',
  'amax',
  'argmin',
  'argmax',
  'any',
  'all',
  'ptp',
  'median',
  'percentile',
  'quantile',
  'average',
  'count_nonzero',
  'nansum',
  'nanprod',
  'nanmean',
  'nanstd',
  'nanvar',
  'nanmin',
  'nanmax',
  'nanargmin',
  'nanargmax',
  'nanmedian',
  'array_equal',
  'array_equiv',
  'allclose',
  'norm',
  'det',
  'matrix_rank',
  'slogdet',
  'trace',
]);

const MAX_CONSOLE_LINES = 10_000;
const MAX_CONSOLE_CHARS = 5_000_000;
const MAX_LINE_CHARS = 20_000;

/** Arrays tracked per buffer for `write.affected` (views beyond it are not listed). */
const MAX_TRACKED_VIEWS = 256;

interface BufState {
  /** The recorder it belongs to. */
  k: symbol;
  /** The dtype its values are recorded in (its owner's). */
  dtype: DType;
  /** Contents already recorded. */
  seen: boolean;
  /** Its R_BUF record was written. */
  announced: boolean;
  /** Bumped on each recorded write (invalidates announced snapshots). */
  version: number;
  /** Arrays over it, once it has views. */
  views: WeakRef<NDArray>[] | null;
  /** remember() calls turned away since the list was full. */
  skipped: number;
}

interface ArrState {
  /** The recorder it belongs to. */
  k: symbol;
  /** Buffer version of the last announced snapshot (-1: none). */
  v: number;
  /** Writeable flag of the last announced snapshot. */
  w: boolean;
  /** Budget cost of that snapshot. */
  cost: number;
  /** Listed in its buffer's `views`. */
  remembered: boolean;
  /** Its buffer's state (one lookup per array). */
  b: BufState;
}

/** Marks a queued result's buffer whose values were copied at the call (see `defer`). */
const CAPTURED: { readonly k: null } = Object.freeze({ k: null });
/**
 * Milliseconds on a monotonic clock, for op durations and batch timing. In Node
 * `process.hrtime()`: read right after a large kernel, where everything is out of the CPU's
 * caches, it costs about half of `performance.now()` (whose brand check and wrapper are more
 * code to fetch): +0.7–1.7 µs against +1.6–3.4 µs after a mul 1e5 (scratch measurement,
 * 2026-11-26). Elsewhere `performance.now()`.
 */
// (read through globalThis: src/trace is also built for browsers, without Node's types)
const hrtime = (globalThis as { process?: { hrtime?: () => [number, number] } }).process?.hrtime;
export const clockMs: () => number =
  typeof hrtime === 'function'
    ? (): number => {
        const t = hrtime();
        return t[0] * 1e3 + t[1] / 1e6;
      }
    : (): number => performance.now();

/** Calls queued at most (a longer batch writes its queue as it goes). */
const QUEUE_MAX = 1024;
/**
 * Bytes of queued results not disposed at most: the queue keeps its results alive, so a loop that
 * drops large arrays (`x = x.mul(2)` over 1e7 elements) would otherwise hold a whole batch of them
 * (64 × 80 MB); past this (and still over half of it once the disposed ones are left out) the queue
 * is written at once and the results it held can be reclaimed.
 */
const QUEUE_BYTES = 32 * 1024 * 1024;

/**
 * Bytes of a batch past which `defer` sends it: half a shared arena (see ./wire), so the batch
 * (the queued results' values, written at their calls, and then the queue's records) still fits
 * one.
 */
const BATCH_FLUSH_BYTES = ARENA_BYTES / 2;

const EMPTY_BATCH_STREAMS = (): Pick<WireBatch, 'wire' | 'nums' | 'bytes' | 'strs' | 'objs'> => ({
  wire: 1,
  nums: new Float64Array(0),
  bytes: new Uint8Array(0),
  strs: [],
  objs: [],
});

export class Recorder {
  // The fields every traced call reads come first (declaration order is the object's layout: a
  // deferred call then touches one or two of its cache lines, see `defer`).
  /** Nesting depth of intercepted calls: only depth-0 calls are recorded. */
  depth = 0;
  /** False once the budget is spent (or after `stop()`): wrappers become pass-through. */
  active = true;
  /** Queues calls (see RecorderOptions.defer). */
  readonly lazy: boolean = false;
  /** Writing the queue (flushes wait for its end). */
  private draining = false;
  /** Queued calls. */
  private qn = 0;
  /** Bytes of their array results (see QUEUE_BYTES). */
  private qBytes = 0;
  /** Events written to `w` not yet sent (wire mode). */
  private pendingWire = 0;
  /** Events per batch sent to the sink. */
  batchSize: number;
  private lastFlush = 0;
  private readonly batchMs: number;
  /**
   * The queue: its calls (each holding its result and location)… A fresh (young) array per
   * batch: storing a young Call into an array the collector has promoted takes the write
   * barrier's slow path (a remembered-set entry), measured as the costliest store of `defer`.
   */
  private qObj: Call[] = [];
  /**
   * …and per call its duration and `cap`: where in the batch its result's copied values are
   * (-1: none).
   */
  private readonly qNum = new Float64Array(2 * QUEUE_MAX);
  /** The records being written (see ./wire). */
  private readonly w: WireWriter;
  /** (the capture limits, at hand) */
  private readonly maxValues: number;
  private readonly previewItems: number;
  readonly limits: CaptureLimits;
  private readonly kept: TraceEvent[] = [];
  truncated: Truncation | undefined;
  private step = 0;
  private bytes = 0;
  private readonly keep: boolean;
  private readonly sink: ((batch: TraceBatch) => void) | undefined;
  private readonly wireSink: ((batch: WireBatch) => void) | undefined;
  private readonly locateFn: ((below: AnyFn) => Loc | undefined) | undefined;
  /** Decoded events not yet sent (in-process mode: no wireSink). */
  private pending: TraceEvent[] = [];
  private pendingConsole: ConsoleEntry[] = [];
  private consoleLines = 0;
  private consoleChars = 0;
  private consoleFull = false;
  /** Per-recorder state kept on the runtime's own objects (no growing maps, no ephemerons). */
  private readonly key: symbol = Symbol('ndscope.trace');
  /** In-process mode: decodes each event as it is recorded. */
  private readonly local: WireDecoder | null;
  private readonly opInfos = new Map<string, OpInfo>();
  private readonly locIds = new Map<Loc, number>();
  /** Reused scratch lists (no per-event allocation). */
  private readonly bufIds: number[] = [];
  private nBufIds = 0;
  private nContents = 0;
  private readonly contents: number[] = [];
  /** Index scratch of copyElements' odometer. */
  private readonly odometer: number[] = [];
  /**
   * Linear memory as bytes, 16- and 32-bit words, kept between events (taking them from the
   * memory object costs a call into the engine per copy). Re-taken when a copy reaches past their
   * end: a memory that grew detached them (length 0) or, when shared, left them shorter.
   */
  private m8: Uint8Array = new Uint8Array(0);
  private m16: Uint16Array = new Uint16Array(0);
  private m32: Uint32Array = new Uint32Array(0);
  private m64: Float64Array = new Float64Array(0);
  constructor(opts: RecorderOptions = {}) {
    this.limits = { ...DEFAULT_LIMITS, ...opts.limits };
    this.maxValues = this.limits.maxValues;
    this.previewItems = this.limits.previewItems;
    this.sink = opts.sink;
    this.wireSink = opts.wireSink;
    this.keep = opts.wireSink === undefined && (opts.keep ?? opts.sink === undefined);
    this.locateFn = opts.locate;
    this.batchSize = opts.batchSize ?? DEFAULT_BATCH_SIZE;
    this.batchMs = opts.batchMs ?? DEFAULT_BATCH_MS;
    this.local = opts.wireSink === undefined ? new WireDecoder() : null;
    // wire mode: batches in shared arenas the reader's decoder hands back (see WireWriter)
    this.w = new WireWriter(4096, 65536, opts.wireSink !== undefined && opts.sharedArenas === true);
    this.lazy = opts.wireSink !== undefined && opts.defer !== false;
  }

  /** Every recorded event (with `keep`; in-process mode only). */
  get events(): TraceEvent[] {
    this.settle();
    return this.kept;
  }

  /** Steps recorded so far. */
  get steps(): number {
    this.settle();
    return this.step;
  }

  locate(below: AnyFn): Loc | undefined {
    return this.locateFn === undefined ? undefined : this.locateFn(below);
  }

  /** Bytes to diff after the call, for calls that write. */
  preWrite(call: Call): PreWrite | null {
    const oi = this.opInfoOf(call);
    if (!oi.selfWrite && !oi.arg0Write && optsOf(call.args) === null) return null;
    const target = writeTarget(call);
    if (target === null || target.buffer.freed) return null;
    if (call.op === 'set' && call.method) {
      // `a.set(i, j, v)` with one in-range integer per axis: one element, no view needed
      const lo = elementByte(target, call.args);
      if (lo >= 0) {
        const isz = DTYPE_INFO[target.dtype].itemsize;
        return { target, lo, bytes: target.buffer.bytes().slice(lo, lo + isz) };
      }
    }
    const region = call.op === 'set' && call.method ? this.setRegion(target, call.args) : target;
    const [lo, hi] = byteExtent(region);
    const limit = 16 * 1024 * 1024;
    const bytes = hi - lo <= limit ? target.buffer.bytes().slice(lo, hi) : null;
    return { target, lo, bytes };
  }

  /** The part of `target` that `target.set(...index, value)` can write (a view), else all of it. */
  private setRegion(target: NDArray, args: readonly unknown[]): NDArray {
    const index = args.slice(0, -1);
    if (index.some((x) => x instanceof NDArray || Array.isArray(x))) return target; // advanced: anywhere
    const get = (target as unknown as { get?: (...a: unknown[]) => unknown }).get;
    if (typeof get !== 'function') return target;
    this.depth++;
    try {
      let sub = get.apply(target, index);
      if (!(sub instanceof NDArray)) sub = get.apply(target, [...index, '...']);
      return sub instanceof NDArray && sub.buffer === target.buffer ? sub : target;
    } catch {
      return target;
    } finally {
      this.depth--;
    }
  }

  /**
   * The part of an event that needs only the call, done before the op runs: the arrays it gets
   * (their snapshots written), its op and location records, the broadcast operands. Right after a
   * large kernel the recorder's tables and code are out of the CPU's caches (every line costs a
   * miss, 0.1–0.3 µs under load); before it they are still in from the previous event. Not for
   * calls that write (their inputs are snapshotted after the write is diffed, as before), nor for
   * attached methods like `add.at` that may change their inputs. `recordResult` takes it.
   */
  prepare(call: Call, loc: Loc | undefined, pre: PreWrite | null): Prepared | null {
    if (!this.active || pre !== null) return null;
    this.settle();
    return this.prepared(call, loc);
  }

  /** `prepare`'s work (the queue written before, or being written). */
  private prepared(call: Call, loc: Loc | undefined): Prepared | null {
    const oi = this.opInfoOf(call);
    if (oi.attached) return null;
    // the usual call: a receiver and/or arguments that are arrays or scalars, no lists, no options
    // object. Its arrays and (binary ops) broadcast operands in one short loop: less code to run
    // (each line of code run after a large kernel is a cache miss too). Same results as
    // collectArrays / broadcastOperands, which take every other call. (Calling those two here
    // instead measured add/mul 1e5 +31–42 % against +22–32 %, 2026-11-26 17:47 UTC, load 0.9.)
    const args = call.args;
    const self = call.self;
    let simple = true;
    for (let i = 0; i < args.length; i++) {
      const x = args[i];
      if (typeof x === 'object' && x !== null && !(x instanceof NDArray)) {
        simple = false;
        break;
      }
    }
    let inputs: NDArray[];
    let bc: { shapes: number[][]; target?: number[] } | null;
    if (simple) {
      inputs = [];
      if (self instanceof NDArray) inputs.push(self);
      for (let i = 0; i < args.length; i++) {
        const x = args[i];
        if (x instanceof NDArray && !inputs.includes(x)) inputs.push(x);
      }
      if (!oi.broadcasts) bc = null;
      else if (!oi.binary) bc = broadcastOperands(call);
      else if ((call.method ? 1 : 0) + args.length < 2) bc = null;
      else {
        const s0 = shapeOfOperand(call.method ? self : args[0]);
        const s1 = shapeOfOperand(call.method ? args[0] : args[1]);
        bc =
          s0 === null || s1 === null
            ? null
            : oi.op === 'copyto'
              ? { shapes: [s1], target: s0 }
              : { shapes: [s0, s1] };
      }
    } else {
      inputs = collectArrays(call);
      bc = oi.broadcasts ? broadcastOperands(call) : null;
    }
    this.w.mark();
    let cost = 0;
    for (let i = 0; i < inputs.length; i++) cost += this.announce(inputs[i] as NDArray);
    this.opId(oi);
    this.locId(loc, call.k);
    return { inputs, cost, bc };
  }

  /**
   * Before the op: may this call's record wait for the batch (see RecorderOptions.defer)? It must
   * not write (no in-place method, no `out=`: an options object must hold scalars only; then
   * `preWrite` would give null, so it is not called) and its arguments must be scalars or arrays
   * whose snapshots are already written or queued (see `current`). `defer` decides the rest when
   * the op has returned. (One pass: `preWrite` first measured ~1 µs more on add 1e5.)
   */
  plan(call: Call): boolean {
    if (!this.lazy || this.draining) return false;
    const oi = this.opInfoOf(call);
    if (oi.attached || oi.selfWrite || oi.arg0Write) return false;
    const args = call.args;
    const last = args.length - 1;
    for (let i = 0; i <= last; i++) {
      const x = args[i];
      if (typeof x === 'object' && x !== null) {
        if (x instanceof NDArray) {
          if (!this.current(x)) return false;
        } else if (i !== last || !flatOptions(x)) return false;
      } else if (typeof x === 'function' || typeof x === 'symbol') return false;
    }
    const self = call.self;
    if (call.method && !(self instanceof NDArray && this.current(self))) return false;
    // an options object of scalars (`{axis: 0}`): recorded as it is now, whatever the program
    // does to it before the batch
    const o = args[last];
    if (typeof o === 'object' && o !== null && !(o instanceof NDArray))
      call.args = [...args.slice(0, last), { ...o }];
    return true;
  }

  /**
   * Will `a`'s snapshot in a queued event need nothing from memory? True when the one written
   * last is current (a write, which would change it, writes the queue first) or when `a` is a
   * queued result (its own event, earlier in the queue, has its values). Then the queue may wait
   * even if `a` is disposed meanwhile.
   */
  private current(a: NDArray): boolean {
    const c = a._trace as ArrState | undefined;
    if (c === undefined) return a.buffer._trace === CAPTURED && a._base === null;
    return c.k === this.key && c.v === c.b.version && c.w === a._writeable;
  }

  /**
   * Right after an op `plan` accepted: queues the call (true) when its result is a scalar or a
   * fresh C-ordered array owning its whole buffer (whose values, or head and tail, are copied
   * now: its memory may be reused before the batch is written); false: record it now
   * (`recordResult`). Runs right after the op, where each line of code or data it touches is a
   * cache miss (a large kernel flushed them): kept to a few.
   */
  defer(call: Call, result: unknown, ms: number, now: number): boolean {
    let cap = -1;
    if (result instanceof NDArray) {
      const b = result.buffer;
      if (b._trace !== undefined || b.freed || result._base !== null) return false;
      const isz = itemsizeOf(result.dtype);
      const size = result.size;
      if (!spansBuffer(result, size, isz)) return false;
      // its values (or head and tail) straight into the batch, where the queue's record will find
      // them (a stage to move them from when the queue is written measured 0.3–0.5 µs more per
      // call on mul 1e5: the drain's copy, out of the caches by then)
      cap = this.copyRange(b.ptr, size, isz);
      b._trace = CAPTURED;
      this.qBytes += b.nbytes;
    } else if ((typeof result === 'object' && result !== null) || typeof result === 'function')
      return false;
    call.result = result;
    const n = this.qn++;
    this.qObj.push(call);
    const qv = this.qNum;
    qv[2 * n] = ms;
    qv[2 * n + 1] = cap;
    if (
      n + 1 + this.pendingWire >= this.batchSize ||
      n + 1 >= QUEUE_MAX ||
      this.w.bp >= BATCH_FLUSH_BYTES ||
      now - this.lastFlush >= this.batchMs
    )
      this.flush();
    // (written now, sent with the batch)
    else if (this.qBytes >= QUEUE_BYTES && this.liveQueued() >= QUEUE_BYTES / 2) this.drainQueue();
    return true;
  }

  /**
   * Recounts `qBytes` as the bytes of the queued results not yet disposed (a disposed one holds
   * no memory: its values are copied): a loop that disposes each result (`using`) then writes its
   * queue with the batch, not every 32 MB, each such write starting cold after a kernel
   * (add 1e5: −0.3 to −0.7 µs of overhead per call in two sets of 12 alternating runs, session 6;
   * within the host's noise).
   */
  private liveQueued(): number {
    const q = this.qObj;
    let live = 0;
    for (let i = 0; i < q.length; i++) {
      const r = (q[i] as Call).result;
      if (r instanceof NDArray && !r.buffer.freed) live += r.buffer.nbytes;
    }
    return (this.qBytes = live);
  }

  /**
   * Copies what a snapshot of `size` elements of `isz` bytes carries — all of them (≤ maxValues),
   * else the preview's head and tail, the tail right after the head — from the contiguous run at
   * byte `ptr` of linear memory into the batch; returns their position.
   */
  private copyRange(ptr: number, size: number, isz: number): number {
    const nh = headCount(size, this.maxValues, this.previewItems);
    const t0 = tailFrom(size, this.maxValues, this.previewItems);
    const nt = size - t0;
    const pos = this.w.reserve((nh + nt) * isz);
    this.copyRun(ptr, nh * isz, pos);
    if (nt > 0) this.copyRun(ptr + t0 * isz, nt * isz, pos + nh * isz);
    return pos;
  }

  /** `copyRange` for any array (strided ones element by element); returns the position. */
  private copyValues(a: NDArray, size: number, isz: number, contiguous: boolean): number {
    if (contiguous || a._shape.length === 0) return this.copyRange(a._start * isz, size, isz);
    const nh = headCount(size, this.maxValues, this.previewItems);
    const t0 = tailFrom(size, this.maxValues, this.previewItems);
    const nt = size - t0;
    const pos = this.w.reserve((nh + nt) * isz);
    this.copyElements(a, 0, nh, pos);
    this.copyElements(a, t0, size, pos + nh * isz);
    return pos;
  }

  /**
   * Copies `n` bytes of linear memory at `ptr` into the batch at `pos`. Short aligned runs go word
   * by word: right after a kernel `TypedArray.prototype.set` (and its `subarray`) costs ~2 µs
   * more than this loop, its code being out of the caches (measured on mul 1e5's 2 × 512 bytes).
   */
  private copyRun(ptr: number, n: number, pos: number): void {
    if (this.m8.length < ptr + n) this.mem(ptr + n);
    const w = this.w;
    const a = (ptr | pos | n) & 7;
    if (n > 4096 || (a & 3) !== 0) {
      w.u8.set(this.m8.subarray(ptr, ptr + n), pos);
    } else if (a === 0) {
      copyWords(w.f64, pos >>> 3, this.m64, ptr >>> 3, n >>> 3);
    } else {
      const src = this.m32;
      const dst = w.u32;
      const s = ptr >>> 2;
      const d = pos >>> 2;
      for (let i = 0, k = n >>> 2; i < k; i++) dst[d + i] = src[s + i] as number;
    }
  }

  /** Writes the queued calls' records, if any. */
  private settle(): void {
    if (this.qn !== 0 && !this.draining) this.drainQueue();
  }

  /** Writes the queued calls' records in order (a flush waits until it is done). */
  private drainQueue(): void {
    const n = this.qn;
    this.draining = true;
    try {
      const q = this.qObj;
      this.qObj = [];
      const qv = this.qNum;
      for (let i = 0; i < n; i++) {
        const call = q[i] as Call;
        if (!this.active) continue;
        const res = call.result;
        call.result = undefined;
        const prep = this.prepared(call, call.loc);
        // (`now` 0: the queue's end decides on flushing)
        this.record(call, res, qv[2 * i] as number, call.loc, null, 0, prep, qv[2 * i + 1] as number);
      }
    } finally {
      this.qn = 0;
      this.qBytes = 0;
      this.draining = false;
    }
  }

  /** Records a call that returned `result` (`now`: `clockMs()` when it returned). */
  recordResult(
    call: Call,
    result: unknown,
    ms: number,
    loc: Loc | undefined,
    pre: PreWrite | null,
    now = clockMs(),
    prep: Prepared | null = null,
  ): void {
    if (!this.active) return;
    this.settle();
    this.record(call, result, ms, loc, pre, now, prep, -1);
  }

  /** `recordResult`'s work; `cap`: where `defer` copied the result's values (-1: not copied). */
  private record(
    call: Call,
    result: unknown,
    ms: number,
    loc: Loc | undefined,
    pre: PreWrite | null,
    now: number,
    prep: Prepared | null,
    cap: number,
  ): void {
    if (!this.active) return;
    const inputs = prep !== null ? prep.inputs : collectArrays(call);
    let outArrays: NDArray[] = EMPTY;
    let scalar: JsonScalar | JsonScalar[] | undefined;
    if (result instanceof NDArray) outArrays = [result];
    else if (Array.isArray(result)) {
      if (result.length > 0 && result.every((r) => r instanceof NDArray)) outArrays = result;
      else if (result.length <= 64 && result.every((r) => encodeJs(r) !== undefined))
        scalar = result.map((r) => encodeJs(r) as JsonScalar);
    } else if (isPlainObject(result)) {
      // named tuples (linalg.qr, svd, eigh, slogdet …)
      outArrays = [];
      for (const v of Object.values(result)) if (v instanceof NDArray) outArrays.push(v);
    } else scalar = encodeJs(result);
    const oi = this.opInfoOf(call);
    const bc = prep !== null ? prep.bc : oi.broadcasts ? broadcastOperands(call) : null;
    if (pre === null && bc === null && inputs.length === 0 && outArrays.length === 0) return;
    if (pre === null && outArrays.length === 0 && scalar === undefined) return;

    let kind: EventKind;
    let hint = WHY_NONE;
    const name = oi.name;
    if (pre !== null) {
      kind = 'write';
    } else if (outArrays.length === 0) {
      kind = name === 'get' ? 'copy' : inputs.length > 0 || oi.reduceName ? 'reduce' : 'compute';
    } else {
      let shared = false;
      for (const o of outArrays) for (const a of inputs) if (a.buffer === o.buffer) shared = true;
      if (shared) {
        kind = 'view';
        if (name === 'get')
          hint = call.args.some((x) => typeof x === 'string' && x !== '...')
            ? WHY_SLICE
            : WHY_INDEX;
      } else if (oi.create || inputs.length === 0) {
        kind = 'create';
      } else if (oi.copy) {
        kind = 'copy';
        if (name === 'get')
          hint = hasBoolIndex(call.args)
            ? WHY_BOOL
            : hasArrayIndex(call.args)
              ? WHY_FANCY
              : WHY_ADVANCED;
      } else if (oi.reduce) {
        kind = 'reduce';
      } else kind = 'compute';
    }
    let cost = 0;
    let wr: WriteRec | null = null;
    if (prep !== null) cost = prep.cost;
    else {
      this.w.mark();
      if (pre !== null) {
        wr = this.diffWrite(pre);
        cost += wr.cost;
      }
      for (const a of inputs) cost += this.announce(a);
    }
    if (cap >= 0) cost += this.announce(outArrays[0] as NDArray, cap);
    else for (const o of outArrays) cost += this.announce(o);
    cost += this.announceBuffers(inputs, outArrays, kind, cap >= 0);
    if (!this.fits(cost)) return;
    this.writeEvent(call, oi, kind, loc, ms, inputs, outArrays, scalar, hint, bc, wr, null);
    this.finish(now);
  }

  /** Records a call that threw. */
  recordError(call: Call, err: unknown, ms: number, loc: Loc | undefined, now = clockMs()): void {
    if (!this.active) return;
    this.settle();
    const inputs = collectArrays(call);
    const e = err as { name?: unknown; message?: unknown };
    const error: ErrorInfo = {
      name: typeof e?.name === 'string' ? e.name : 'Error',
      message: typeof e?.message === 'string' ? e.message : String(err),
    };
    const bc = broadcastOperands(call);
    this.w.mark();
    let cost = 0;
    for (const a of inputs) cost += this.announce(a);
    cost += this.announceBuffers(inputs, EMPTY, 'error');
    if (!this.fits(cost)) return;
    const oi = this.opInfoOf(call);
    this.writeEvent(
      call,
      oi,
      'error',
      loc,
      ms,
      inputs,
      EMPTY,
      undefined,
      WHY_NONE,
      bc,
      null,
      error,
    );
    this.finish(now);
  }

  /**
   * Records a console line (sent at once). Beyond MAX_CONSOLE_LINES lines or MAX_CONSOLE_CHARS
   * characters one notice is recorded and further output dropped; long lines are cut.
   */
  addConsole(entry: Omit<ConsoleEntry, 'afterStep'>): void {
    if (this.consoleFull) return;
    this.settle();
    this.consoleLines++;
    this.consoleChars += entry.text.length;
    if (this.consoleLines > MAX_CONSOLE_LINES || this.consoleChars > MAX_CONSOLE_CHARS) {
      this.consoleFull = true;
      entry = {
        level: 'warn',
        text: `[ndscope] console output over ${MAX_CONSOLE_LINES} lines or ${MAX_CONSOLE_CHARS / 1e6} MB: the rest is not captured`,
      };
    } else if (entry.text.length > MAX_LINE_CHARS) {
      entry = {
        ...entry,
        text: `${entry.text.slice(0, MAX_LINE_CHARS)}… (${entry.text.length} characters)`,
      };
    }
    this.pendingConsole.push({ ...entry, afterStep: this.step });
    this.flush();
  }

  /** Sends pending events to the sink. */
  flush(): void {
    if (this.draining) return; // the queue's end flushes if it must
    this.settle();
    this.post();
  }

  /** Sends what is written (the queue aside). */
  private post(): void {
    if (this.wireSink !== undefined) {
      if (this.pendingWire === 0 && this.pendingConsole.length === 0) return;
      const batch = this.drainWire();
      this.lastFlush = clockMs();
      this.wireSink(batch);
      return;
    }
    if (this.sink === undefined) {
      this.pending = [];
      this.pendingConsole = [];
      return;
    }
    if (this.pending.length === 0 && this.pendingConsole.length === 0) return;
    const batch: TraceBatch = { events: this.pending, console: this.pendingConsole };
    this.pending = [];
    this.pendingConsole = [];
    this.lastFlush = clockMs();
    this.sink(batch);
  }

  /** Takes the pending (unsent) batch without sending it (in-process mode). */
  drain(): TraceBatch {
    const batch: TraceBatch = { events: this.pending, console: this.pendingConsole };
    this.pending = [];
    this.pendingConsole = [];
    return batch;
  }

  /** Takes the pending (unsent) records without sending them (wire mode). */
  drainWire(): WireBatch {
    this.settle();
    const batch: WireBatch = { ...this.w.take(), console: this.pendingConsole };
    this.pendingWire = 0;
    this.pendingConsole = [];
    return batch;
  }

  /** Stops recording (wrappers become pass-through). */
  stop(reason?: string): void {
    if (reason !== undefined && this.truncated === undefined) {
      this.truncated = { atStep: this.step, reason };
      // (from a budget check while the queue is written: what came before goes out first; the
      // rest of the queue is dropped, as its calls would have been)
      this.settle();
      this.post();
      if (this.wireSink !== undefined)
        this.wireSink({ ...EMPTY_BATCH_STREAMS(), console: [], truncated: this.truncated });
      else this.sink?.({ events: [], console: [], truncated: this.truncated });
    }
    this.active = false;
  }

  // ---------------------------------------------------------------------------------------------

  /** Adds an event's cost to the budget, or rolls its records back and stops. */
  private fits(cost: number): boolean {
    if (this.bytes + cost > this.limits.budgetBytes) {
      this.w.rollback();
      this.stop(`the trace reached its budget of ${formatMB(this.limits.budgetBytes)}`);
      return false;
    }
    this.bytes += cost;
    return true;
  }

  private finish(now: number): void {
    if (this.local !== null) {
      // in-process: decode the event now (the writer's arenas are reused)
      const evs = this.local.decode(this.w.take(true));
      for (const ev of evs) {
        if (this.keep) this.kept.push(ev);
        if (this.sink !== undefined) this.pending.push(ev);
      }
      if (this.sink === undefined) return;
      if (this.pending.length >= this.batchSize || now - this.lastFlush >= this.batchMs)
        this.flush();
      return;
    }
    this.pendingWire++;
    if (this.draining) return; // flushed after the queue
    if (this.pendingWire >= this.batchSize || now - this.lastFlush >= this.batchMs) this.flush();
  }

  /** The call's OpInfo, from its wrapper's memo when it has one. */
  private opInfoOf(call: Call): OpInfo {
    const k = call.k;
    if (k === undefined) return this.opInfo(call.op);
    const hit = k.info as OpInfo | null;
    if (hit !== null && hit.op === call.op && hit.rec === this.key) return hit;
    return (k.info = this.opInfo(call.op));
  }

  /** What the recorder needs to know of an op name, computed once per name. */
  private opInfo(op: string): OpInfo {
    let info = this.opInfos.get(op);
    if (info === undefined) {
      const name = baseName(op);
      info = {
        id: this.opInfos.size,
        op,
        name,
        create: CREATE_OPS.has(name),
        copy: COPY_OPS.has(name) || COPY_OPS.has(op),
        reduce: REDUCE_OPS.has(name) || REDUCE_OPS.has(op),
        reduceName: REDUCE_OPS.has(name),
        broadcasts: broadcasts(op),
        binary: isBinary(op),
        selfWrite: WRITE_METHODS.has(op) || INPLACE_METHODS.has(op),
        attached: op.includes('.') && !op.startsWith('linalg.') && !op.startsWith('random.'),
        arg0Write: WRITE_FUNCS_ARG0.has(op),
        sent: false,
        rec: this.key,
      };
      this.opInfos.set(op, info);
    }
    return info;
  }

  private opId(info: OpInfo): number {
    if (!info.sent) {
      info.sent = true;
      const w = this.w;
      w.room(3);
      w.nums[w.p++] = R_OP;
      w.nums[w.p++] = info.id;
      w.nums[w.p++] = w.str(info.op);
    }
    return info.id;
  }

  private locId(loc: Loc | undefined, k: OpCache | undefined): number {
    if (loc === undefined) return -1;
    if (k !== undefined && k.loc === loc && (k.info as OpInfo | null)?.rec === this.key)
      return k.locId;
    let id = this.locIds.get(loc);
    if (id === undefined) {
      id = this.locIds.size;
      this.locIds.set(loc, id);
      const w = this.w;
      w.room(5);
      const f = w.str(loc.file);
      w.nums[w.p++] = R_LOC;
      w.nums[w.p++] = id;
      w.nums[w.p++] = f;
      w.nums[w.p++] = loc.line;
      w.nums[w.p++] = loc.column;
    }
    if (k !== undefined) {
      k.loc = loc;
      k.locId = id;
    }
    return id;
  }

  private writeEvent(
    call: Call,
    oi: OpInfo,
    kind: EventKind,
    loc: Loc | undefined,
    ms: number,
    inputs: readonly NDArray[],
    outs: readonly NDArray[],
    scalar: JsonScalar | JsonScalar[] | undefined,
    hint: number,
    bc: { shapes: number[][]; target?: number[] } | null,
    wr: WriteRec | null,
    error: ErrorInfo | null,
  ): void {
    const w = this.w;
    const opId = this.opId(oi);
    const locId = this.locId(loc, call.k);
    const args = call.args;
    w.room(16 + 2 * args.length + inputs.length + outs.length);
    let nums = w.nums;
    let p = w.p;
    nums[p++] = R_EV;
    nums[p++] = ++this.step;
    nums[p++] = opId;
    nums[p++] = KIND_CODE[kind];
    nums[p++] = call.method ? 1 : 0;
    nums[p++] = locId;
    nums[p++] = ms;
    // arguments: tagged primitives (rendered by the decoder), else rendered now
    let simple = true;
    for (let i = 0; i < args.length; i++) {
      const x = args[i];
      const t = typeof x;
      if (
        t !== 'number' &&
        t !== 'string' &&
        t !== 'boolean' &&
        t !== 'undefined' &&
        t !== 'bigint' &&
        x !== null &&
        !(x instanceof NDArray)
      ) {
        simple = false;
        break;
      }
    }
    if (simple) {
      nums[p++] = args.length;
      for (let i = 0; i < args.length; i++) {
        const x = args[i];
        if (typeof x === 'number') {
          nums[p++] = A_NUM;
          nums[p++] = x;
        } else if (typeof x === 'string') {
          nums[p++] = A_STR;
          nums[p++] = w.str(x);
        } else if (typeof x === 'boolean') {
          nums[p++] = A_BOOL;
          nums[p++] = x ? 1 : 0;
        } else if (x instanceof NDArray) {
          nums[p++] = A_ARR;
          nums[p++] = x.id;
        } else if (x === undefined) {
          nums[p++] = A_UNDEF;
          nums[p++] = 0;
        } else if (x === null) {
          nums[p++] = A_NULL;
          nums[p++] = 0;
        } else {
          nums[p++] = A_BIGINT;
          nums[p++] = w.str((x as bigint).toString());
        }
      }
    } else {
      nums[p++] = -1;
      nums[p++] = w.str(renderArgs(call));
    }
    nums[p++] = inputs.length;
    for (let i = 0; i < inputs.length; i++) nums[p++] = (inputs[i] as NDArray).id;
    nums[p++] = outs.length === 0 ? 0 : outs.length === 1 ? 1 : 2;
    nums[p++] = outs.length;
    for (let i = 0; i < outs.length; i++) nums[p++] = (outs[i] as NDArray).id;
    if (scalar === undefined) {
      nums[p++] = RES_NONE;
      nums[p++] = 0;
    } else if (typeof scalar === 'number') {
      nums[p++] = RES_NUM;
      nums[p++] = scalar;
    } else if (typeof scalar === 'boolean') {
      nums[p++] = RES_BOOL;
      nums[p++] = scalar ? 1 : 0;
    } else if (typeof scalar === 'string') {
      nums[p++] = RES_STR;
      nums[p++] = w.str(scalar);
    } else {
      nums[p++] = RES_OBJ;
      nums[p++] = w.obj(scalar);
    }
    nums[p++] = hint;
    w.p = p;
    const bufIds = this.bufIds;
    const cont = this.contents;
    const nb = this.nBufIds;
    const nc = this.nContents;
    w.room(2 + nb + nc);
    nums = w.nums;
    nums[p++] = nb;
    for (let i = 0; i < nb; i++) nums[p++] = bufIds[i] as number;
    nums[p++] = nc === 0 ? 0 : (cont[0] as number);
    for (let i = 1; i < nc; i++) nums[p++] = cont[i] as number;
    w.p = p;
    // broadcast operands (room for them at once)
    if (bc === null) w.num(0);
    else {
      const shapes = bc.shapes;
      const target = bc.target;
      let k = 2 + (target === undefined ? 0 : target.length);
      for (let i = 0; i < shapes.length; i++) k += 1 + (shapes[i] as number[]).length;
      w.room(k);
      nums = w.nums;
      p = w.p;
      nums[p++] = shapes.length;
      for (let i = 0; i < shapes.length; i++) {
        const s = shapes[i] as number[];
        nums[p++] = s.length;
        for (let j = 0; j < s.length; j++) nums[p++] = s[j] as number;
      }
      if (target === undefined) nums[p++] = -1;
      else {
        nums[p++] = target.length;
        for (let j = 0; j < target.length; j++) nums[p++] = target[j] as number;
      }
      w.p = p;
    }
    // write
    if (wr === null) w.num(0);
    else {
      w.room(9 + wr.ranges.length + wr.affected.length);
      nums = w.nums;
      p = w.p;
      nums[p++] = 1;
      nums[p++] = wr.bufferId;
      nums[p++] = wr.target;
      nums[p++] = wr.base;
      nums[p++] = wr.changed;
      nums[p++] = wr.truncated ? 1 : 0;
      nums[p++] = wr.ranges.length / 3;
      for (let i = 0; i < wr.ranges.length; i++) nums[p++] = wr.ranges[i] as number;
      nums[p++] = wr.affected.length;
      for (let i = 0; i < wr.affected.length; i++) nums[p++] = wr.affected[i] as number;
      w.p = p;
    }
    if (error === null) w.num(0);
    else {
      w.num(1);
      w.num(w.str(error.name));
      w.num(w.str(error.message));
    }
  }

  /**
   * Writes the R_BUF records and buffer contents of an event's buffers into the scratch lists
   * (`bufIds`; `contents`: count, then per buffer its source); returns their budget cost.
   */
  private announceBuffers(
    inputs: readonly NDArray[],
    outs: readonly NDArray[],
    kind: EventKind,
    captured = false,
  ): number {
    const bufIds = this.bufIds;
    const cont = this.contents;
    let nb = 0;
    let nc = 1;
    cont[0] = 0;
    let cost = 0;
    const viewy = kind === 'view' || kind === 'write';
    for (let k = 0; k < inputs.length + outs.length; k++) {
      const a = (k < inputs.length ? inputs[k] : outs[k - inputs.length]) as NDArray;
      if (viewy || a._base !== null) this.remember(a);
      const b = a.buffer;
      let dup = false;
      for (let i = 0; i < nb; i++) if (bufIds[i] === b.id) dup = true;
      if (dup) continue;
      bufIds[nb++] = b.id;
      const st = this.arrState(a).b;
      if (!st.announced) {
        st.announced = true;
        const w = this.w;
        w.room(4);
        w.nums[w.p++] = R_BUF;
        w.nums[w.p++] = b.id;
        w.nums[w.p++] = b.nbytes;
        w.nums[w.p++] = DTYPE_CODE[st.dtype];
      }
      // (a queued result's buffer may be disposed by now: its values were copied at the call)
      if (!st.seen && (!b.freed || (captured && k === inputs.length))) {
        st.seen = true;
        cont[0] = cont[0] + 1;
        const isz = DTYPE_INFO[st.dtype].itemsize;
        if (a.dtype === st.dtype && spansBuffer(a, a.size, isz)) {
          // A fresh C-ordered owner: its values are the buffer's (the decoder shares them).
          cont[nc++] = b.id;
          cont[nc++] = C_ARRAY;
          cont[nc++] = a.id;
          const n = a.size;
          cost += 40 + 10 * (n <= this.limits.maxValues ? n : 2 * this.limits.previewItems);
        } else {
          const length = Math.floor(b.nbytes / isz);
          const pos = this.copyRange(b.ptr, length, isz);
          if (length <= this.maxValues) {
            nc = push7(cont, nc, b.id, C_OWN, length, V_ALL, pos, length, 0);
            cost += 40 + 10 * length;
          } else {
            const nh = headCount(length, this.maxValues, this.previewItems);
            const nt = length - tailFrom(length, this.maxValues, this.previewItems);
            nc = push7(cont, nc, b.id, C_OWN, length, V_PREVIEW, pos, nh, nt);
            cost += 40 + 10 * 2 * this.previewItems;
          }
        }
      }
    }
    this.nBufIds = nb;
    this.nContents = nc;
    return 300 + nb * 60 + cost;
  }

  /** Copies `n` bytes of linear memory at `ptr` into the batch; returns their position. */
  private copyBytes(ptr: number, n: number): number {
    const pos = this.w.reserve(n);
    this.copyRun(ptr, n, pos);
    return pos;
  }

  /** Linear memory as bytes, covering byte `end` (see m8). */
  private mem(end: number): Uint8Array {
    if (this.m8.length < end) {
      this.m8 = view('uint8') as Uint8Array;
      this.m16 = view('uint16') as Uint16Array;
      this.m32 = view('uint32') as Uint32Array;
      this.m64 = view('float64') as Float64Array;
    }
    return this.m8;
  }

  /**
   * Copies elements [k0, k1) of a strided `a` (C order, ≥ 1 axis) into the batch at `pos` (in
   * `a`'s dtype); contiguous runs go through `copyRange`.
   */
  private copyElements(a: NDArray, k0: number, k1: number, pos: number): void {
    if (k1 <= k0) return;
    const w = this.w;
    const isz = ITEMSIZE[a.dtype];
    const sh = a._shape;
    const nd = sh.length;
    // An odometer over the index of element k0 (one div/mod per axis, once), copying
    // runs along the last axis element by element, as bits (no NaN canonicalization, no bigint).
    const st = a._strides;
    const idx = this.odometer;
    let p = a._start;
    let k = k0;
    for (let d = nd - 1; d >= 0; d--) {
      const n = sh[d] as number;
      const i = k % n;
      k = (k - i) / n;
      idx[d] = i;
      p += i * (st[d] as number);
    }
    const last = nd - 1;
    const nl = sh[last] as number;
    const sl = st[last] as number;
    // destination index in units of min(isz, 4) bytes
    const unit = isz >= 4 ? 4 : isz;
    let o = pos / unit;
    let rem = k1 - k0;
    // every element lies in the array's buffer
    const b = a.buffer;
    this.mem(b.ptr + b.nbytes);
    const m8 = isz === 1 ? this.m8 : null;
    const m16 = isz === 2 ? this.m16 : null;
    const m32 = isz >= 4 ? this.m32 : null;
    for (;;) {
      const run = Math.min(nl - (idx[last] as number), rem);
      if (m8 !== null) {
        const d8 = w.u8;
        for (let j = 0, q = p; j < run; j++, q += sl) d8[o + j] = m8[q] as number;
        o += run;
      } else if (m16 !== null) {
        const d16 = w.u16;
        for (let j = 0, q = p; j < run; j++, q += sl) d16[o + j] = m16[q] as number;
        o += run;
      } else if (isz === 4) {
        const d32 = w.u32;
        const m = m32 as Uint32Array;
        for (let j = 0, q = p; j < run; j++, q += sl) d32[o + j] = m[q] as number;
        o += run;
      } else {
        const d32 = w.u32;
        const m = m32 as Uint32Array;
        for (let j = 0, q = 2 * p; j < run; j++, q += 2 * sl) {
          d32[o + 2 * j] = m[q] as number;
          d32[o + 2 * j + 1] = m[q + 1] as number;
        }
        o += 2 * run;
      }
      rem -= run;
      if (rem === 0) return;
      // carry into the outer axes
      p += (nl - (idx[last] as number)) * sl - nl * sl;
      idx[last] = 0;
      for (let d = last - 1; d >= 0; d--) {
        const sd = st[d] as number;
        p += sd;
        const i = (idx[d] as number) + 1;
        if (i < (sh[d] as number)) {
          idx[d] = i;
          break;
        }
        p -= sd * i;
        idx[d] = 0;
      }
    }
  }

  /**
   * Writes `a`'s snapshot (R_ARR: metadata and its values or head/tail preview as bytes) unless
   * the one already written is current; returns its budget cost.
   */
  private announce(a: NDArray, cap = -1): number {
    const c = this.arrState(a);
    const bst = c.b;
    if (c.v === bst.version && c.w === a._writeable) return c.cost;
    const w = this.w;
    const sh = a._shape;
    const st = a._strides;
    const nd = sh.length;
    const isz = DTYPE_INFO[a.dtype].itemsize;
    const l = a._contig();
    const cf = (l >> 1) & 3;
    const cc = (l & 2) !== 0;
    let size = 1;
    for (let i = 0; i < nd; i++) size *= sh[i] as number;
    w.room(16 + 2 * nd);
    const nums = w.nums;
    let p = w.p;
    nums[p++] = R_ARR;
    nums[p++] = a.id;
    nums[p++] = DTYPE_CODE[a.dtype];
    nums[p++] = nd;
    for (let i = 0; i < nd; i++) nums[p++] = sh[i] as number;
    for (let i = 0; i < nd; i++) nums[p++] = (st[i] as number) * isz;
    nums[p++] = a._offset * isz;
    nums[p++] = a.buffer.id;
    nums[p++] = cf | (a._base === null ? 4 : 0) | (a._writeable ? 8 : 0);
    nums[p++] = a._base === null ? -1 : a._base.id;
    nums[p++] = size;
    let n = 0;
    if (cap < 0 && a.buffer.freed) nums[p++] = V_NONE;
    else {
      // (cap: `defer` copied them there, with copyRange: the same layout)
      const pos = cap >= 0 ? cap : this.copyValues(a, size, isz, cc);
      if (size <= this.maxValues) {
        nums[p++] = V_ALL;
        nums[p++] = pos;
        n = size;
      } else {
        const nh = headCount(size, this.maxValues, this.previewItems);
        const nt = size - tailFrom(size, this.maxValues, this.previewItems);
        nums[p++] = V_PREVIEW;
        nums[p++] = pos;
        nums[p++] = nh;
        nums[p++] = nt;
        n = nh + nt;
      }
    }
    w.p = p;
    c.v = bst.version;
    c.w = a._writeable;
    c.cost = 220 + 8 * (nd * 2) + 10 * n;
    return c.cost;
  }

  /**
   * State lives in the object's own `_trace` field (declared by the runtime: no property is
   * added, so the runtime's objects keep one shape whether traced or not); a second recorder over
   * the same objects keeps its state under its own symbol.
   */
  private bufState(b: WasmBuffer, owner: NDArray): BufState {
    const f = b._trace as BufState | typeof CAPTURED | undefined;
    if (f !== undefined && f.k === this.key) return f;
    const holder = b as unknown as Record<symbol, BufState | undefined>;
    const own = f === undefined || f === CAPTURED;
    let st = own ? undefined : holder[this.key];
    if (st === undefined) {
      st = {
        k: this.key,
        dtype: owner.dtype,
        seen: false,
        announced: false,
        version: 0,
        views: null,
        skipped: 0,
      };
      if (own) b._trace = st;
      else holder[this.key] = st;
    }
    return st;
  }

  private arrState(a: NDArray): ArrState {
    const f = a._trace as ArrState | undefined;
    if (f !== undefined && f.k === this.key) return f;
    const holder = a as unknown as Record<symbol, ArrState | undefined>;
    let st = f === undefined ? undefined : holder[this.key];
    if (st === undefined) {
      st = {
        k: this.key,
        v: -1,
        w: false,
        cost: 0,
        remembered: false,
        b: this.bufState(a.buffer, a._base ?? a),
      };
      if (f === undefined) a._trace = st;
      else holder[this.key] = st;
    }
    return st;
  }

  /** Tracks the arrays over a buffer that has views (for `write.affected`). */
  private remember(a: NDArray): void {
    const c = this.arrState(a);
    if (c.remembered) return;
    c.remembered = true;
    const st = c.b;
    st.views ??= [];
    if (st.views.length >= MAX_TRACKED_VIEWS) {
      // Prune dead references now and then (not on every call: that would be quadratic).
      if (++st.skipped % 1024 !== 1) return;
      st.views = st.views.filter((r) => r.deref() !== undefined);
      if (st.views.length >= MAX_TRACKED_VIEWS) return;
    }
    st.views.push(new WeakRef(a));
  }

  private diffWrite(pre: PreWrite): WriteRec {
    const t = pre.target;
    const b = t.buffer;
    const bst = this.bufState(b, t._base ?? t);
    bst.version++;
    const dt = bst.dtype;
    const isz = DTYPE_INFO[dt].itemsize;
    /** byteOffset, byteLength per range */
    const runs: number[] = [];
    let changed = 0;
    let truncated = false;
    if (pre.bytes === null) {
      const [lo, hi] = byteExtent(t);
      runs.push(lo, hi - lo);
      changed = t.size;
      truncated = true;
    } else {
      const now = b.bytes();
      const lo = pre.lo - (pre.lo % isz);
      const end = pre.lo + pre.bytes.length;
      let runStart = -1;
      for (let off = lo; off < end; off += isz) {
        let diff = false;
        for (let j = 0; j < isz; j++) {
          const k = off + j - pre.lo;
          if (k >= 0 && k < pre.bytes.length && pre.bytes[k] !== now[off + j]) {
            diff = true;
            break;
          }
        }
        if (diff) {
          changed++;
          if (runStart < 0) runStart = off;
        } else if (runStart >= 0) {
          runs.push(runStart, off - runStart);
          runStart = -1;
        }
      }
      if (runStart >= 0) runs.push(runStart, end - runStart);
      if (runs.length > 2048) {
        truncated = true;
        runs.length = 2048;
      }
    }
    const ranges: number[] = [];
    let cost = 0;
    let budget = this.limits.maxValues;
    for (let i = 0; i < runs.length; i += 2) {
      const off = runs[i] as number;
      const len = runs[i + 1] as number;
      let pos = -1;
      if (pre.bytes !== null) {
        const n = len / isz;
        if (n > budget) truncated = true;
        else {
          budget -= n;
          pos = this.copyBytes(b.ptr + off, len);
          cost += 10 * n;
        }
      }
      cost += 40;
      ranges.push(off, len, pos);
    }
    const affected = this.affectedArrays(bst, runs, t);
    return {
      bufferId: b.id,
      target: t.id,
      base: t._base === null ? -1 : t._base.id,
      ranges,
      changed,
      truncated,
      affected,
      cost,
    };
  }

  private affectedArrays(st: BufState, runs: number[], target: NDArray): number[] {
    const out: number[] = [];
    if (runs.length === 0) return out;
    const hits = (lo: number, hi: number): boolean => {
      for (let i = 0; i < runs.length; i += 2) {
        const g = runs[i] as number;
        if (g < hi && g + (runs[i + 1] as number) > lo) return true;
      }
      return false;
    };
    const list = st.views ?? [];
    for (const r of list) {
      const a = r.deref();
      if (a === undefined || a === target) continue;
      const [lo, hi] = byteExtent(a);
      if (!hits(lo, hi)) continue;
      if (a.size <= this.limits.maxValues) {
        const offs = elementOffsets(a);
        const isz = a.itemsize;
        if (!offs.some((o) => hits(o, o + isz))) continue;
      }
      out.push(a.id);
    }
    return out.sort((x, y) => x - y);
  }
}

/** An op name's facts (see Recorder.opInfo). */
interface OpInfo {
  /** Index in the wire's op table. */
  id: number;
  op: string;
  /** `solve` for `linalg.solve`. */
  name: string;
  create: boolean;
  copy: boolean;
  reduce: boolean;
  /** The base name alone is a reduction. */
  reduceName: boolean;
  /** A broadcasting op (see ./broadcast). */
  broadcasts: boolean;
  /** A binary one (two operands). */
  binary: boolean;
  /** Its R_OP record was written. */
  sent: boolean;
  /** As a method it writes its receiver (`set`, `fill`, `iadd`, …). */
  selfWrite: boolean;
  /** As a function it writes its first argument (`copyto`, `put`, …). */
  arg0Write: boolean;
  /** An attached method (`add.at`, `add.reduce`, `Generator.shuffle`, …): not prepared. */
  attached: boolean;
  /** The recorder it belongs to. */
  rec: symbol;
}

/** What `prepare` did before the op ran. */
export interface Prepared {
  inputs: NDArray[];
  /** Budget cost of the inputs' snapshots. */
  cost: number;
  bc: { shapes: number[][]; target?: number[] } | null;
}

/** A diffed write, ready for the wire: ranges as (byteOffset, byteLength, bytes position or -1). */
interface WriteRec {
  bufferId: number;
  target: number;
  /** The target's base id, or -1. */
  base: number;
  ranges: number[];
  changed: number;
  truncated: boolean;
  affected: number[];
  cost: number;
}

const EMPTY: NDArray[] = [];

function push7(
  xs: number[],
  n: number,
  a: number,
  b: number,
  c: number,
  d: number,
  e: number,
  f: number,
  g: number,
): number {
  xs[n] = a;
  xs[n + 1] = b;
  xs[n + 2] = c;
  xs[n + 3] = d;
  xs[n + 4] = e;
  xs[n + 5] = f;
  xs[n + 6] = g;
  return n + 7;
}

/** Byte offset in its buffer of `a[i, j, …]` for `args` = (i, j, …, value), else -1. */
function elementByte(a: NDArray, args: readonly unknown[]): number {
  const nd = a._shape.length;
  if (args.length !== nd + 1) return -1;
  let off = a._offset;
  for (let k = 0; k < nd; k++) {
    const x = args[k];
    if (typeof x !== 'number' || !Number.isInteger(x)) return -1;
    const n = a._shape[k] as number;
    const i = x < 0 ? x + n : x;
    if (i < 0 || i >= n) return -1;
    off += i * (a._strides[k] as number);
  }
  return off * DTYPE_INFO[a.dtype].itemsize;
}

function formatMB(n: number): string {
  return `${Math.round((n / (1024 * 1024)) * 10) / 10} MB`;
}

/** Elements at the head of a snapshot of `size`: all up to `max`, else `items` (a preview). */
function headCount(size: number, max: number, items: number): number {
  return size <= max ? size : Math.min(items, size);
}

/** Where a snapshot's tail starts (`size`: no tail; never before the head's end). */
function tailFrom(size: number, max: number, items: number): number {
  return size <= max ? size : Math.min(size, Math.max(size - items, items));
}

/**
 * Copies `k` float64 words (bit for bit: typed-array float64 loads and stores move NaN payloads
 * as they are, test/trace/defer.test.ts checks it).
 */
function copyWords(dst: Float64Array, d: number, src: Float64Array, s: number, k: number): void {
  for (let i = 0; i < k; i++) dst[d + i] = src[s + i] as number;
}

/**
 * A dtype's item size, float64 by a comparison. Where a call's result is read, right after the
 * kernel, a lookup keyed by the dtype string was a keyed-load IC call the optimizer had not
 * inlined (CPU profile of traced mul 1e5, session 7: its own cold code and feedback).
 */
function itemsizeOf(d: DType): number {
  return d === 'float64' ? 8 : ITEMSIZE[d];
}

/**
 * C-ordered from its buffer's first byte to its last (`size` elements of `isz` bytes): its values
 * are the buffer's bytes.
 */
function spansBuffer(a: NDArray, size: number, isz: number): boolean {
  return a._offset === 0 && (a._contig() & 2) !== 0 && size * isz === a.buffer.nbytes;
}

/** A plain object whose values are all scalars (no arrays, objects or functions)? */
function flatOptions(x: object): boolean {
  if (!isPlainObject(x)) return false;
  for (const k in x) {
    const v = x[k];
    if ((typeof v === 'object' && v !== null) || typeof v === 'function' || typeof v === 'symbol')
      return false;
  }
  return true;
}

function optsOf(args: readonly unknown[]): Record<string, unknown> | null {
  const last = args[args.length - 1];
  return isPlainObject(last) ? last : null;
}

function writeTarget(call: Call): NDArray | null {
  const o = optsOf(call.args);
  if (o !== null) {
    const out = o['out'];
    if (out instanceof NDArray) return out;
    if (Array.isArray(out) && out[0] instanceof NDArray) return out[0];
  }
  if (call.method) {
    if (
      (WRITE_METHODS.has(call.op) || INPLACE_METHODS.has(call.op)) &&
      call.self instanceof NDArray
    )
      return call.self;
    return null;
  }
  if (WRITE_FUNCS_ARG0.has(call.op) && call.args[0] instanceof NDArray) return call.args[0];
  return null;
}

/** Arrays among the receiver and arguments (one level into lists and the options object). */
export function collectArrays(call: Call): NDArray[] {
  const out: NDArray[] = [];
  if (call.self instanceof NDArray) out.push(call.self);
  const args = call.args;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (typeof a !== 'object' || a === null) continue;
    if (a instanceof NDArray) {
      if (!out.includes(a)) out.push(a);
    } else if (Array.isArray(a)) {
      if (a.length <= 256)
        for (const e of a) if (e instanceof NDArray && !out.includes(e)) out.push(e);
    } else if (isPlainObject(a)) {
      for (const k in a) {
        const v = a[k];
        if (v instanceof NDArray && !out.includes(v)) out.push(v);
      }
    }
  }
  return out;
}

function hasBoolIndex(args: readonly unknown[]): boolean {
  return args.some(
    (a) =>
      (a instanceof NDArray && a.dtype === 'bool') ||
      (Array.isArray(a) && a.length > 0 && typeof a[0] === 'boolean'),
  );
}
function hasArrayIndex(args: readonly unknown[]): boolean {
  return args.some((a) => a instanceof NDArray || Array.isArray(a));
}

function renderValue(x: unknown, depth: number): string {
  if (x instanceof NDArray) return `#${x.id}`;
  if (typeof x === 'string') return `'${x}'`;
  if (typeof x === 'bigint') return `${x}n`;
  if (x === null) return 'null';
  if (x === undefined) return 'undefined';
  if (typeof x === 'number' || typeof x === 'boolean') return String(x);
  if (typeof x === 'function') return 'fn';
  if (Array.isArray(x)) {
    if (depth > 3) return '[…]';
    const parts: string[] = [];
    let len = 0;
    for (const e of x) {
      const s = renderValue(e, depth + 1);
      len += s.length + 2;
      if (len > 80) {
        parts.push('…');
        break;
      }
      parts.push(s);
    }
    return `[${parts.join(', ')}]`;
  }
  if (isPlainObject(x)) {
    return `{${Object.entries(x)
      .map(([k, v]) => `${k}: ${renderValue(v, depth + 1)}`)
      .join(', ')}}`;
  }
  return typeof x;
}

export function renderArgs(call: Call): string {
  const s = `(${call.args.map((a) => renderValue(a, 0)).join(', ')})`;
  return s.length > 160 ? `${s.slice(0, 157)}…)` : s;
}
