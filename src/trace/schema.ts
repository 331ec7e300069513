/**
 * The trace schema (versioned): what the runner records about every array operation of a user's
 * program, read by the webview, hovers, inlay hints and diagnostics. Documented in
 * docs/trace-schema.md; bump TRACE_SCHEMA_VERSION on any incompatible change.
 *
 * Architecture invariant: every event is self-contained. It carries full snapshots of the arrays
 * it touches (metadata + values or a head/tail preview) and the table of the buffers they live in,
 * so a step renders without its neighbours.
 */

export const TRACE_SCHEMA = 'ndscope-trace';
export const TRACE_SCHEMA_VERSION = 1;

export type EventKind = 'create' | 'view' | 'copy' | 'compute' | 'reduce' | 'write' | 'error';

/** A position in the user's source: 1-based line and column, `file` as given to the runner. */
export interface Loc {
  file: string;
  line: number;
  column: number;
}

/**
 * A value as JSON can carry it: finite numbers as numbers, booleans as booleans, NaN / ±Infinity
 * as the strings 'nan', 'inf', '-inf', int64/uint64 values outside the safe integer range as
 * decimal strings.
 */
export type JsonScalar = number | boolean | string;

export interface Preview {
  /** The first elements in C order. */
  head: JsonScalar[];
  /** The last elements in C order. */
  tail: JsonScalar[];
}

export interface ArrayFlags {
  c_contiguous: boolean;
  f_contiguous: boolean;
  owndata: boolean;
  writeable: boolean;
}

/** An array at one step: NumPy's metadata in bytes plus its values. */
export interface ArraySnapshot {
  id: number;
  dtype: string;
  shape: number[];
  /** Byte strides, as NumPy's `a.strides`. */
  strides: number[];
  /** Byte offset of element [0,…,0] inside its buffer. */
  offset: number;
  bufferId: number;
  flags: ArrayFlags;
  /** Id of the array owning the memory (null when this array owns it). */
  base: number | null;
  size: number;
  /** The variable the array is bound to, when the trace knows it. */
  label?: string;
  /** All values in C order (when size ≤ the capture limit). */
  values?: JsonScalar[];
  /** Head and tail in C order (when size > the capture limit). */
  preview?: Preview;
}

export interface BufferInfo {
  id: number;
  nbytes: number;
  itemsize: number;
  /** The dtype of the array that allocated it (its values are recorded in this dtype). */
  dtype: string;
}

/** A buffer's whole contents (or head/tail), recorded when it first appears. */
export interface BufferContents {
  bufferId: number;
  /** Element count of the buffer in its dtype. */
  length: number;
  values?: JsonScalar[];
  preview?: Preview;
}

/** Bytes of a buffer a write changed, with their new values (in the buffer's dtype). */
export interface WriteRange {
  /** First changed byte. */
  byteOffset: number;
  byteLength: number;
  /** New values of the changed elements (omitted beyond the capture limit). */
  values?: JsonScalar[];
}

export interface WriteInfo {
  bufferId: number;
  /** Id of the array written to (the target of `set`, `fill`, `out=` …). */
  target: number;
  ranges: WriteRange[];
  /** Number of elements whose bytes changed. */
  changedElements: number;
  /** True when the ranges were too many or too large to record every value. */
  truncated?: boolean;
  /** Ids of the other arrays (seen so far) over the same buffer whose elements changed. */
  affected: number[];
}

export interface BroadcastOperand {
  /** The operand's own shape (`[]` for a scalar). */
  shape: number[];
  /** Left-padded with 1s to the result's rank. */
  padded: number[];
  /** Dims (in the result's coordinates) this operand is stretched along: stride 0. */
  stretched: number[];
}

export interface BroadcastInfo {
  operands: BroadcastOperand[];
  /** The broadcast result shape, or null when the shapes do not broadcast. */
  result: number[] | null;
  /** On failure: NumPy's error and the first conflicting dim (result coordinates, from the left). */
  error?: { name: string; message: string; dim: number; sizes: number[] };
}

export interface ErrorInfo {
  name: string;
  message: string;
}

export interface TraceEvent {
  step: number;
  /** The NumPy name: `add`, `reshape`, `get`, `T`, `linalg.solve`. */
  op: string;
  /** Called as a method (`a.reshape(…)`, `a.T`) rather than as `np.reshape(a, …)`. */
  method?: boolean;
  kind: EventKind;
  /** A short rendering of the call's arguments (`(m, {axis: 0})`). */
  args?: string;
  inputs: ArraySnapshot[];
  output?: ArraySnapshot;
  /** Several array results (`split`, `linalg.qr`, `broadcast_arrays`, …). */
  outputs?: ArraySnapshot[];
  /** A non-array result (a reduction to a scalar, an integer index, a shape). */
  result?: JsonScalar | JsonScalar[];
  /** Buffers referenced by the arrays of this event. */
  buffers: BufferInfo[];
  /** Contents of buffers that appear for the first time in this event. */
  bufferContents?: BufferContents[];
  loc?: Loc;
  /** The variable (or property) the result is assigned to in the user's source. */
  label?: string;
  /** Plain words on the view/copy decision. */
  why?: string;
  broadcast?: BroadcastInfo;
  write?: WriteInfo;
  error?: ErrorInfo;
  /** Wall time of the operation itself (recording excluded), milliseconds. */
  ms: number;
}

export type ConsoleLevel = 'log' | 'info' | 'warn' | 'error' | 'debug' | 'stdout' | 'stderr';

export interface ConsoleEntry {
  level: ConsoleLevel;
  text: string;
  /** Number of trace steps recorded before this output. */
  afterStep: number;
  loc?: Loc;
}

export type RunStatus = 'ok' | 'error' | 'timeout' | 'cancelled' | 'exit' | 'oom' | 'crash';

export interface RunEnd {
  status: RunStatus;
  /** A one-line human summary: `ValueError: operands could not … at file.ts:12:5`. */
  message?: string;
  error?: ErrorInfo & { loc?: Loc; stack?: string };
  /** `process.exit(code)` code, when the program called it. */
  exitCode?: number;
  durationMs: number;
}

export interface Truncation {
  /** The last recorded step; operations after it were run but not recorded. */
  atStep: number;
  reason: string;
}

export interface CaptureLimits {
  /** Arrays up to this many elements carry all their values (default 4096). */
  maxValues: number;
  /** Elements in each of head and tail beyond that (default 64). */
  previewItems: number;
  /** Approximate size of the recorded trace after which recording stops (default 50 MB). */
  budgetBytes: number;
}

export interface Trace {
  schema: typeof TRACE_SCHEMA;
  version: typeof TRACE_SCHEMA_VERSION;
  /** The user's entry file as given to the runner. */
  file: string;
  limits: CaptureLimits;
  events: TraceEvent[];
  console: ConsoleEntry[];
  truncated?: Truncation;
  end?: RunEnd;
}

/**
 * Events per streamed batch by default (a batch also goes 20 ms after the previous one, and at
 * every console line). Sending a batch costs the traced program's thread tens of µs (the
 * postMessage and the first records' code run out of the caches, untouched since the previous
 * batch): 64-event batches cost mul 1e5 ~0.4 µs a call more than 256-event ones (bench/RESULTS.md,
 * session 7).
 */
export const DEFAULT_BATCH_SIZE = 256;
/** …and milliseconds after the previous batch at most, by default. */
export const DEFAULT_BATCH_MS = 20;

export const DEFAULT_LIMITS: CaptureLimits = {
  maxValues: 4096,
  previewItems: 64,
  budgetBytes: 50 * 1024 * 1024,
};
