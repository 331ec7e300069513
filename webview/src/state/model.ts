/**
 * The trace as the webview reads it: per-step arrays (inputs, outputs, and the base arrays seen
 * earlier), buffer contents replayed up to a step (first contents + writes), values by flat index.
 * No array semantics here: everything is read from the trace's snapshots.
 */
import type {
  ArraySnapshot,
  BufferInfo,
  JsonScalar,
  Trace,
  TraceEvent,
} from '../../../src/trace/schema';

export type Role = 'input' | 'output' | 'base';

export interface StepArray {
  a: ArraySnapshot;
  role: Role;
}

export interface StepView {
  index: number;
  event: TraceEvent;
  arrays: StepArray[];
  buffers: BufferInfo[];
  /** Arrays lit by a write at this step (target + affected). */
  lit: Set<number>;
}

export class TraceModel {
  readonly trace: Trace;
  /** Latest snapshot of every array id up to each step, built lazily. */
  private lastSeen = new Map<number, { step: number; a: ArraySnapshot }[]>();
  private bufferCache = new Map<number, { upto: number; values: JsonScalar[] | undefined }>();
  private bufferInfo = new Map<number, BufferInfo>();

  constructor(trace: Trace) {
    this.trace = trace;
    trace.events.forEach((e, i) => {
      for (const a of eventArrays(e)) {
        let l = this.lastSeen.get(a.id);
        if (!l) this.lastSeen.set(a.id, (l = []));
        l.push({ step: i, a });
      }
      for (const b of e.buffers) if (!this.bufferInfo.has(b.id)) this.bufferInfo.set(b.id, b);
    });
  }

  get length(): number {
    return this.trace.events.length;
  }

  /** The snapshot of array `id` as last seen at or before step index `i`. */
  arrayAt(id: number, i: number): ArraySnapshot | undefined {
    const l = this.lastSeen.get(id);
    if (!l) return undefined;
    let found: ArraySnapshot | undefined;
    for (const x of l) {
      if (x.step <= i) found = x.a;
      else break;
    }
    return found;
  }

  buffer(id: number): BufferInfo | undefined {
    return this.bufferInfo.get(id);
  }

  step(i: number): StepView | undefined {
    const event = this.trace.events[i];
    if (!event) return undefined;
    const arrays: StepArray[] = [];
    const seen = new Set<number>();
    const add = (a: ArraySnapshot, role: Role): void => {
      if (seen.has(a.id)) return;
      seen.add(a.id);
      arrays.push({ a, role });
    };
    for (const a of event.output ? [event.output] : (event.outputs ?? [])) add(a, 'output');
    for (const a of event.inputs) add(a, 'input');
    for (const { a } of [...arrays]) {
      if (a.base !== null && !seen.has(a.base)) {
        const b = this.arrayAt(a.base, i);
        if (b) add(b, 'base');
      }
    }
    const lit = new Set<number>();
    if (event.write) {
      lit.add(event.write.target);
      for (const id of event.write.affected) lit.add(id);
      for (const id of event.write.affected) {
        if (!seen.has(id)) {
          const b = this.arrayAt(id, i);
          if (b) add(b, 'base');
        }
      }
    }
    // Arrays drawn from an earlier snapshot (bases, arrays a write reached) show the memory as it
    // is now: each element read from the replayed buffer at its address (same dtype only).
    for (const x of arrays) {
      if (x.role !== 'base') continue;
      const fresh = this.readThrough(x.a, i);
      if (fresh) x.a = fresh;
    }
    const buffers = [...event.buffers];
    for (const { a } of arrays) {
      if (!buffers.some((b) => b.id === a.bufferId)) {
        const b = this.bufferInfo.get(a.bufferId);
        if (b) buffers.push(b);
      }
    }
    return { index: i, event, arrays, buffers, lit };
  }

  /** `a` with its values read from its buffer after step `i`, or undefined when unknown. */
  private readThrough(a: ArraySnapshot, i: number): ArraySnapshot | undefined {
    const info = this.bufferInfo.get(a.bufferId);
    if (!info || info.dtype !== a.dtype || a.size > 100_000) return undefined;
    const mem = this.bufferValues(a.bufferId, i);
    if (!mem) return undefined;
    const values: JsonScalar[] = new Array<JsonScalar>(a.size);
    const nd = a.shape.length;
    const idx = new Array<number>(nd).fill(0);
    for (let f = 0; f < a.size; f++) {
      let addr = a.offset;
      for (let d = 0; d < nd; d++) addr += (idx[d] as number) * (a.strides[d] as number);
      const v = mem[Math.floor(addr / info.itemsize)];
      if (v === undefined) return undefined;
      values[f] = v;
      for (let d = nd - 1; d >= 0; d--) {
        idx[d] = (idx[d] as number) + 1;
        if ((idx[d] as number) < (a.shape[d] as number)) break;
        idx[d] = 0;
      }
    }
    const { preview: _p, ...rest } = a;
    return { ...rest, values };
  }

  /** Buffer contents (in the buffer's dtype, element per itemsize) after step index `i`. */
  bufferValues(bufferId: number, i: number): JsonScalar[] | undefined {
    let c = this.bufferCache.get(bufferId);
    if (!c || c.upto > i) c = { upto: -1, values: undefined };
    const info = this.bufferInfo.get(bufferId);
    for (let k = c.upto + 1; k <= i; k++) {
      const e = this.trace.events[k];
      if (!e) break;
      for (const bc of e.bufferContents ?? []) {
        if (bc.bufferId === bufferId && c.values === undefined && bc.values)
          c.values = [...bc.values];
      }
      if (e.write && e.write.bufferId === bufferId && c.values && info) {
        for (const r of e.write.ranges) {
          if (!r.values) continue;
          const first = Math.floor(r.byteOffset / info.itemsize);
          r.values.forEach((v, j) => {
            if (c && c.values && first + j < c.values.length) c.values[first + j] = v;
          });
        }
      }
    }
    c.upto = Math.max(c.upto, Math.min(i, this.trace.events.length - 1));
    this.bufferCache.set(bufferId, c);
    return c.values;
  }
}

export function eventArrays(e: TraceEvent): ArraySnapshot[] {
  return [...e.inputs, ...(e.output ? [e.output] : []), ...(e.outputs ?? [])];
}

/** Value of element `flat` (C order), from values or the head/tail preview; undefined if unrecorded. */
export function valueAt(a: ArraySnapshot, flat: number): JsonScalar | undefined {
  if (a.values) return a.values[flat];
  if (a.preview) {
    if (flat < a.preview.head.length) return a.preview.head[flat];
    const t = flat - (a.size - a.preview.tail.length);
    if (t >= 0) return a.preview.tail[t];
  }
  return undefined;
}

/** A value as NumPy prints one element (short): 1.5, True, nan, -inf. */
export function fmtValue(v: JsonScalar | undefined): string {
  if (v === undefined) return '·';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'string') return v;
  if (Number.isInteger(v)) return Math.abs(v) >= 1e6 ? v.toExponential(1) : String(v);
  const s =
    Math.abs(v) >= 1e4 || (Math.abs(v) < 1e-3 && v !== 0)
      ? v.toExponential(1)
      : String(Number(v.toPrecision(4)));
  return s;
}

export const tuple = (s: readonly number[]): string =>
  s.length === 1 ? `(${s[0]},)` : `(${s.join(', ')})`;

/** Numeric value for colour scales (booleans 0/1, nan → NaN). */
export function numeric(v: JsonScalar | undefined): number {
  if (v === undefined) return NaN;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') return v === 'inf' ? Infinity : v === '-inf' ? -Infinity : Number(v);
  return v;
}

/** NumPy-style summary of a large array's recorded head/tail: `[0 1 2 ... 7 8 9]`. */
export function summaryText(a: ArraySnapshot, edge = 3): string {
  if (a.values && a.values.length <= 2 * edge) return `[${a.values.map(fmtValue).join(' ')}]`;
  const head = a.values ? a.values.slice(0, edge) : (a.preview?.head.slice(0, edge) ?? []);
  const tail = a.values ? a.values.slice(-edge) : (a.preview?.tail.slice(-edge) ?? []);
  return `[${head.map(fmtValue).join(' ')} ... ${tail.map(fmtValue).join(' ')}]`;
}
