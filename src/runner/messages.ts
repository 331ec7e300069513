/**
 * Messages between the runner (parent thread) and the worker that runs the user's bundle.
 * Private to src/runner; the trace types they carry are the public schema (src/trace).
 */
import type { CaptureLimits, Loc } from '../trace/schema';
import type { PackedWireBatch, WireBatch } from '../trace/wire';

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
  /** Events in the trace's wire format (src/trace/wire.ts), decoded by the runner. */
  | { type: 'batch'; batch: WireBatch | PackedWireBatch }
  | { type: 'main-done' }
  | { type: 'error'; error: RawError; steps: number }
  | { type: 'exit'; code: number; loc?: Loc; steps: number };

/** A wire batch as JSON (for the inspector probe): the binary streams as base64. */
export interface WireBatchJson {
  nums: string;
  bytes: string;
  strs: string[];
  objs: unknown[];
  console: WireBatch['console'];
  truncated?: WireBatch['truncated'];
}

export function wireToJson(b: WireBatch): WireBatchJson {
  const b64 = (v: ArrayBufferView): string =>
    Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64');
  return {
    nums: b64(b.nums),
    bytes: b64(b.bytes),
    strs: b.strs,
    objs: b.objs,
    console: b.console,
    ...(b.truncated ? { truncated: b.truncated } : {}),
  };
}

export function wireFromJson(j: WireBatchJson): WireBatch {
  const nums = Buffer.from(j.nums, 'base64');
  const bytes = Buffer.from(j.bytes, 'base64');
  // copy into fresh (8-byte aligned) buffers: typed views over them need the alignment
  const n = new Float64Array(nums.byteLength / 8);
  new Uint8Array(n.buffer).set(nums);
  const u8 = new Uint8Array(bytes.byteLength);
  u8.set(bytes);
  return {
    wire: 1,
    nums: n,
    bytes: u8,
    strs: j.strs,
    objs: j.objs,
    console: j.console,
    ...(j.truncated ? { truncated: j.truncated } : {}),
  };
}
