/**
 * Messages between the runner (parent thread) and the worker that runs the user's bundle.
 * Private to src/runner; the trace types they carry are the public schema (src/trace).
 */
import type { CaptureLimits, ConsoleEntry, Loc, TraceEvent, Truncation } from '../trace/schema';

export interface WorkerInput {
  /** file:// URL of the bundled user module. */
  bundleUrl: string;
  limits: CaptureLimits;
  /** Cap on the WebAssembly memory holding array data. */
  memoryMaxBytes: number;
  /** Events per batch. */
  batchSize: number;
  /** Call-site ids of the instrumented bundle: id → [line, column] (see sites.ts). */
  sites?: [number, number][];
}

/** A raw error from the worker: locations are in the bundle (mapped by the runner). */
export interface RawError {
  name: string;
  message: string;
  stack?: string;
  /** First user frame, in bundle coordinates. */
  loc?: Loc;
}

export type WorkerMessage =
  | { type: 'batch'; events: TraceEvent[]; console: ConsoleEntry[]; truncated?: Truncation }
  | { type: 'main-done' }
  | { type: 'error'; error: RawError; steps: number }
  | { type: 'exit'; code: number; loc?: Loc; steps: number };
