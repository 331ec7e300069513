/**
 * The recorder: turns observed calls (op name, arguments, result or error, timing) into
 * self-contained TraceEvents. It knows nothing about how calls are intercepted (see traced.ts)
 * nor where events go (a `sink` receives them in batches).
 *
 * Kind and `why` come from observation: an output in the same buffer as an input is a view; a
 * new buffer is a copy, a computation, a reduction or a creation depending on the op; ops that
 * write (set, fill, out=, in-place sorts) are diffed byte by byte against the bytes before.
 */
import { DTYPE_INFO, type DType } from '../runtime/dtype';
import { NDArray } from '../runtime/ndarray';
import { view, type WasmBuffer } from '../runtime/memory';
import {
  DEFAULT_LIMITS,
  type ArraySnapshot,
  type BroadcastInfo,
  type BufferContents,
  type BufferInfo,
  type CaptureLimits,
  type ConsoleEntry,
  type EventKind,
  type JsonScalar,
  type Loc,
  type TraceEvent,
  type Truncation,
  type WriteInfo,
  type WriteRange,
} from './schema';
import {
  bufferContents,
  byteExtent,
  elementOffsets,
  encodeJs,
  encodeValue,
  snapshotArray,
  snapshotCost,
} from './snapshot';
import { broadcastInfo, broadcastOperands } from './broadcast';
import { isPlainObject } from '../runtime/args';

/** Any function (a wrapper to cut from captured stacks). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyFn = (...args: any[]) => unknown;

export interface RecorderOptions {
  limits?: Partial<CaptureLimits>;
  /** Where the user's call came from; `below` is the wrapper to skip in the stack. */
  locate?: (below: AnyFn) => Loc | undefined;
  /** Receives events (and console entries) in batches. */
  sink?: (batch: TraceBatch) => void;
  /** Keep every event in `recorder.events` too (default true when no sink). */
  keep?: boolean;
  /** Flush to the sink after this many events (default 64) or this many ms (default 20). */
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
  /** The dtype its values are recorded in (its owner's). */
  dtype: DType;
  /** Contents already recorded. */
  seen: boolean;
  /** Bumped on each recorded write (invalidates cached snapshots). */
  version: number;
  /** Arrays over it, once it has views. */
  views: WeakRef<NDArray>[] | null;
  /** remember() calls turned away since the list was full. */
  skipped: number;
  info?: BufferInfo;
}

interface ArrState {
  v: number;
  s: ArraySnapshot | null;
  remembered: boolean;
}

export class Recorder {
  readonly limits: CaptureLimits;
  readonly events: TraceEvent[] = [];
  /** Nesting depth of intercepted calls: only depth-0 calls are recorded. */
  depth = 0;
  /** False once the budget is spent (or after `stop()`): wrappers become pass-through. */
  active = true;
  truncated: Truncation | undefined;
  private step = 0;
  private bytes = 0;
  private readonly keep: boolean;
  private readonly sink: ((batch: TraceBatch) => void) | undefined;
  private readonly locateFn: ((below: AnyFn) => Loc | undefined) | undefined;
  private pending: TraceEvent[] = [];
  private pendingConsole: ConsoleEntry[] = [];
  private lastFlush = 0;
  /** Events per batch sent to the sink. */
  batchSize: number;
  private readonly batchMs: number;
  private consoleLines = 0;
  private consoleChars = 0;
  private consoleFull = false;
  /** Per-recorder state kept on the runtime's own objects (no growing maps, no ephemerons). */
  private readonly key: symbol = Symbol('ndscope.trace');

  constructor(opts: RecorderOptions = {}) {
    this.limits = { ...DEFAULT_LIMITS, ...opts.limits };
    this.sink = opts.sink;
    this.keep = opts.keep ?? opts.sink === undefined;
    this.locateFn = opts.locate;
    this.batchSize = opts.batchSize ?? 64;
    this.batchMs = opts.batchMs ?? 20;
  }

  /** Steps recorded so far. */
  get steps(): number {
    return this.step;
  }

  locate(below: AnyFn): Loc | undefined {
    return this.locateFn === undefined ? undefined : this.locateFn(below);
  }

  /** Bytes to diff after the call, for calls that write. */
  preWrite(call: Call): PreWrite | null {
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

  /** Records a call that returned `result`. */
  recordResult(
    call: Call,
    result: unknown,
    ms: number,
    loc: Loc | undefined,
    pre: PreWrite | null,
  ): void {
    if (!this.active) return;
    const inputs = collectArrays(call);
    const outArrays: NDArray[] = [];
    let scalar: JsonScalar | JsonScalar[] | undefined;
    if (result instanceof NDArray) outArrays.push(result);
    else if (Array.isArray(result)) {
      if (result.length > 0 && result.every((r) => r instanceof NDArray)) outArrays.push(...result);
      else if (result.length <= 64 && result.every((r) => encodeJs(r) !== undefined))
        scalar = result.map((r) => encodeJs(r) as JsonScalar);
    } else if (isPlainObject(result)) {
      // named tuples (linalg.qr, svd, eigh, slogdet …)
      for (const v of Object.values(result)) if (v instanceof NDArray) outArrays.push(v);
    } else scalar = encodeJs(result);
    const bc = broadcastOperands(call);
    if (pre === null && bc === null && inputs.length === 0 && outArrays.length === 0) return;
    if (pre === null && outArrays.length === 0 && scalar === undefined) return;

    let kind: EventKind;
    let why: string | undefined;
    let write: WriteInfo | undefined;
    if (pre !== null) {
      kind = 'write';
      write = this.diffWrite(pre);
      why = writeWhy(call.op, pre.target, write);
    } else if (outArrays.length === 0) {
      const name = baseName(call.op);
      kind =
        name === 'get' ? 'copy' : inputs.length > 0 || REDUCE_OPS.has(name) ? 'reduce' : 'compute';
      if (name === 'get') why = 'integer index: a scalar (copied out)';
    } else {
      const first = outArrays[0] as NDArray;
      const shared = outArrays.some((o) => inputs.some((a) => a.buffer === o.buffer));
      const name = baseName(call.op);
      if (shared) {
        kind = 'view';
        why = viewWhy(call, inputs, first);
      } else if (CREATE_OPS.has(name) || inputs.length === 0) {
        kind = 'create';
      } else if (COPY_OPS.has(name) || COPY_OPS.has(call.op)) {
        kind = 'copy';
        why = copyWhy(call, inputs, first);
      } else if (REDUCE_OPS.has(name) || REDUCE_OPS.has(call.op)) {
        kind = 'reduce';
      } else kind = 'compute';
    }

    const ev = this.newEvent(call, kind, loc, ms, inputs);
    const outSnaps = outArrays.map((o) => this.snap(o));
    if (outSnaps.length === 1) ev.output = outSnaps[0];
    else if (outSnaps.length > 1) ev.outputs = outSnaps;
    if (scalar !== undefined) ev.result = scalar;
    if (why !== undefined) ev.why = why;
    if (write !== undefined) ev.write = write;
    if (bc !== null) {
      const info = this.broadcastOf(bc.shapes, bc.target);
      if (info !== null) ev.broadcast = info;
    }
    this.finish(ev, [...inputs, ...outArrays]);
  }

  /** Records a call that threw. */
  recordError(call: Call, err: unknown, ms: number, loc: Loc | undefined): void {
    if (!this.active) return;
    const inputs = collectArrays(call);
    const ev = this.newEvent(call, 'error', loc, ms, inputs);
    const e = err as { name?: unknown; message?: unknown };
    ev.error = {
      name: typeof e?.name === 'string' ? e.name : 'Error',
      message: typeof e?.message === 'string' ? e.message : String(err),
    };
    const bc = broadcastOperands(call);
    if (bc !== null) {
      const info: BroadcastInfo | null = broadcastInfo(bc.shapes, bc.target, ev.error);
      if (info !== null) ev.broadcast = info;
    }
    this.finish(ev, inputs);
  }

  /**
   * Records a console line (sent at once). Beyond MAX_CONSOLE_LINES lines or MAX_CONSOLE_CHARS
   * characters one notice is recorded and further output dropped; long lines are cut.
   */
  addConsole(entry: Omit<ConsoleEntry, 'afterStep'>): void {
    if (this.consoleFull) return;
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
    if (this.sink === undefined) {
      this.pendingConsole = [];
      return;
    }
    if (this.pending.length === 0 && this.pendingConsole.length === 0) return;
    const batch: TraceBatch = { events: this.pending, console: this.pendingConsole };
    this.pending = [];
    this.pendingConsole = [];
    this.lastFlush = performance.now();
    this.sink(batch);
  }

  /** Takes the pending (unsent) batch without sending it. */
  drain(): TraceBatch {
    const batch: TraceBatch = { events: this.pending, console: this.pendingConsole };
    this.pending = [];
    this.pendingConsole = [];
    return batch;
  }

  /** Stops recording (wrappers become pass-through). */
  stop(reason?: string): void {
    if (reason !== undefined && this.truncated === undefined) {
      this.truncated = { atStep: this.step, reason };
      this.flush();
      this.sink?.({ events: [], console: [], truncated: this.truncated });
    }
    this.active = false;
  }

  // ---------------------------------------------------------------------------------------------

  /** broadcastInfo of successful calls, one shared (immutable) object per operand shapes. */
  private readonly bcCache = new Map<string, BroadcastInfo | null>();
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

  private newEvent(
    call: Call,
    kind: EventKind,
    loc: Loc | undefined,
    ms: number,
    inputs: NDArray[],
  ): TraceEvent {
    const ev: TraceEvent = {
      step: ++this.step,
      op: call.op,
      kind,
      args: renderArgs(call),
      inputs: inputs.map((a) => this.snap(a)),
      buffers: [],
      ms: Math.round(ms * 1000) / 1000,
    };
    if (call.method) ev.method = true;
    if (loc !== undefined) ev.loc = loc;
    return ev;
  }

  private finish(ev: TraceEvent, arrays: NDArray[]): void {
    const buffers: BufferInfo[] = [];
    const seen: WasmBuffer[] = [];
    const contents: BufferContents[] = [];
    for (const a of arrays) {
      const b = a.buffer;
      if (seen.includes(b)) continue;
      seen.push(b);
      const st = this.bufState(b, a._base ?? a);
      // one immutable object per buffer: a batch's structured clone writes repeats as references
      st.info ??= {
        id: b.id,
        nbytes: b.nbytes,
        itemsize: DTYPE_INFO[st.dtype].itemsize,
        dtype: st.dtype,
      };
      buffers.push(st.info);
      if (!st.seen && !b.freed) {
        st.seen = true;
        const snap =
          a.dtype === st.dtype &&
          a._offset === 0 &&
          a.size * a.itemsize === b.nbytes &&
          a.flags.c_contiguous
            ? this.snap(a)
            : null;
        // A fresh C-ordered owner: its values are the buffer's, share the array (a structured
        // clone then sends them once).
        if (snap?.values)
          contents.push({ bufferId: b.id, length: snap.values.length, values: snap.values });
        else if (snap?.preview)
          contents.push({ bufferId: b.id, length: snap.size, preview: snap.preview });
        else
          contents.push(
            bufferContents(
              b.id,
              b.ptr,
              b.nbytes,
              st.dtype,
              this.limits.maxValues,
              this.limits.previewItems,
            ),
          );
      }
    }
    const viewy = ev.kind === 'view' || ev.kind === 'write';
    for (const a of arrays) if (viewy || a._base !== null) this.remember(a);
    ev.buffers = buffers;
    if (contents.length > 0) ev.bufferContents = contents;
    let cost = 300 + buffers.length * 60;
    for (const s of ev.inputs) cost += snapshotCost(s);
    if (ev.output) cost += snapshotCost(ev.output);
    if (ev.outputs) for (const s of ev.outputs) cost += snapshotCost(s);
    for (const c of contents)
      cost += 40 + 10 * (c.values ? c.values.length : 2 * this.limits.previewItems);
    if (ev.write)
      for (const r of ev.write.ranges) cost += 40 + 10 * (r.values ? r.values.length : 0);
    if (this.bytes + cost > this.limits.budgetBytes) {
      this.step--;
      this.stop(`the trace reached its budget of ${formatMB(this.limits.budgetBytes)}`);
      return;
    }
    this.bytes += cost;
    if (this.keep) this.events.push(ev);
    if (this.sink !== undefined) {
      this.pending.push(ev);
      const now = performance.now();
      if (this.pending.length >= this.batchSize || now - this.lastFlush >= this.batchMs)
        this.flush();
    }
  }

  private bufState(b: WasmBuffer, owner: NDArray): BufState {
    const holder = b as unknown as Record<symbol, BufState | undefined>;
    let st = holder[this.key];
    if (st === undefined) {
      st = { dtype: owner.dtype, seen: false, version: 0, views: null, skipped: 0 };
      holder[this.key] = st;
    }
    return st;
  }

  private arrState(a: NDArray): ArrState {
    const holder = a as unknown as Record<symbol, ArrState | undefined>;
    let st = holder[this.key];
    if (st === undefined) {
      st = { v: -1, s: null, remembered: false };
      holder[this.key] = st;
    }
    return st;
  }

  private snap(a: NDArray): ArraySnapshot {
    const v = this.bufState(a.buffer, a._base ?? a).version;
    const c = this.arrState(a);
    if (c.s !== null && c.v === v && c.s.flags.writeable === a._writeable) return c.s;
    const s = snapshotArray(a, this.limits.maxValues, this.limits.previewItems);
    c.v = v;
    c.s = s;
    return s;
  }

  /** Tracks the arrays over a buffer that has views (for `write.affected`). */
  private remember(a: NDArray): void {
    const c = this.arrState(a);
    if (c.remembered) return;
    c.remembered = true;
    const st = this.bufState(a.buffer, a._base ?? a);
    st.views ??= [];
    if (st.views.length >= MAX_TRACKED_VIEWS) {
      // Prune dead references now and then (not on every call: that would be quadratic).
      if (++st.skipped % 1024 !== 1) return;
      st.views = st.views.filter((r) => r.deref() !== undefined);
      if (st.views.length >= MAX_TRACKED_VIEWS) return;
    }
    st.views.push(new WeakRef(a));
  }

  private diffWrite(pre: PreWrite): WriteInfo {
    const t = pre.target;
    const b = t.buffer;
    const bst = this.bufState(b, t._base ?? t);
    bst.version++;
    const dt = bst.dtype;
    const isz = DTYPE_INFO[dt].itemsize;
    const ranges: WriteRange[] = [];
    let changed = 0;
    let truncated = false;
    if (pre.bytes === null) {
      const [lo, hi] = byteExtent(t);
      ranges.push({ byteOffset: lo, byteLength: hi - lo });
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
          ranges.push({ byteOffset: runStart, byteLength: off - runStart });
          runStart = -1;
        }
      }
      if (runStart >= 0) ranges.push({ byteOffset: runStart, byteLength: end - runStart });
      if (ranges.length > 1024) {
        truncated = true;
        ranges.splice(1024);
      }
      let budget = this.limits.maxValues;
      const data = view(dt);
      const startIdx = b.ptr / isz;
      for (const r of ranges) {
        const n = r.byteLength / isz;
        if (n > budget) {
          truncated = true;
          continue;
        }
        budget -= n;
        const vals: JsonScalar[] = [];
        for (let i = 0; i < n; i++)
          vals.push(encodeValue(data[startIdx + r.byteOffset / isz + i] as number | bigint, dt));
        r.values = vals;
      }
    }
    const affected = this.affectedArrays(bst, ranges, t);
    const info: WriteInfo = {
      bufferId: b.id,
      target: t.id,
      ranges,
      changedElements: changed,
      affected,
    };
    if (truncated) info.truncated = true;
    return info;
  }

  private affectedArrays(st: BufState, ranges: WriteRange[], target: NDArray): number[] {
    const out: number[] = [];
    if (ranges.length === 0) return out;
    const list = st.views ?? [];
    for (const r of list) {
      const a = r.deref();
      if (a === undefined || a === target) continue;
      const [lo, hi] = byteExtent(a);
      if (!ranges.some((g) => g.byteOffset < hi && g.byteOffset + g.byteLength > lo)) continue;
      if (a.size <= this.limits.maxValues) {
        const offs = elementOffsets(a);
        const isz = a.itemsize;
        if (
          !offs.some((o) =>
            ranges.some((g) => o < g.byteOffset + g.byteLength && o + isz > g.byteOffset),
          )
        )
          continue;
      }
      out.push(a.id);
    }
    return out.sort((x, y) => x - y);
  }
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

/** `linalg.solve` → `solve`. */
function baseName(op: string): string {
  const i = op.lastIndexOf('.');
  return i < 0 ? op : op.slice(i + 1);
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
  const add = (x: unknown): void => {
    if (x instanceof NDArray && !out.includes(x)) out.push(x);
  };
  add(call.self);
  for (const a of call.args) {
    if (a instanceof NDArray) add(a);
    else if (Array.isArray(a)) {
      if (a.length <= 256) for (const e of a) add(e);
    } else if (isPlainObject(a)) for (const v of Object.values(a)) add(v);
  }
  return out;
}

function fmtTuple(xs: readonly number[]): string {
  return xs.length === 1 ? `(${xs[0]},)` : `(${xs.join(', ')})`;
}

function isTransposedLike(a: NDArray): boolean {
  return a.flags.f_contiguous && !a.flags.c_contiguous;
}

function viewWhy(call: Call, inputs: NDArray[], out: NDArray): string {
  const name = baseName(call.op);
  const src = inputs[0];
  if (src !== undefined && out === src) {
    if (name === 'astype') return 'astype to the same dtype with copy=false: no copy';
    return `${name} of an ndarray that already fits: no copy (the same array)`;
  }
  const strides = fmtTuple(out.strides);
  switch (name) {
    case 'get':
      return call.args.some((x) => typeof x === 'string' && x !== '...')
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

function copyWhy(call: Call, inputs: NDArray[], out: NDArray): string {
  const name = baseName(call.op);
  const src = inputs[0];
  switch (name) {
    case 'get':
      if (hasBoolIndex(call.args)) return 'boolean mask: copy';
      if (hasArrayIndex(call.args)) return 'integer-array (fancy) index: copy';
      return 'advanced index: copy';
    case 'reshape':
    case 'ravel':
      if (src !== undefined && isTransposedLike(src))
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

function writeWhy(op: string, target: NDArray, w: WriteInfo): string {
  const through = target._base !== null ? ` through a view of #${target._base.id}` : '';
  const n = w.changedElements;
  return `${op}: ${n} element${n === 1 ? '' : 's'} of buffer #${w.bufferId} changed${through}`;
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

export { type BroadcastInfo };
