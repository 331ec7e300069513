/**
 * Pure helpers over a trace (no 'vscode' import, unit-tested in plain Node): which array a name or
 * a line refers to, the texts of hovers, inlay hints and diagnostics, and a small picture of a
 * shape as an SVG data URI (hovers render Markdown images, not inline SVG).
 */
import type { ArraySnapshot, BroadcastInfo, Trace, TraceEvent } from '../trace/schema';

/** `(3, 4)` as NumPy prints a shape tuple. */
export function shapeText(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

/** `(3,4)` as in NumPy's broadcast error. */
export function tightShapeText(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(',')})`;
}

/** The arrays an event produced (output and outputs). */
export function outputsOf(e: TraceEvent): ArraySnapshot[] {
  const out: ArraySnapshot[] = [];
  if (e.output) out.push(e.output);
  if (e.outputs) out.push(...e.outputs);
  return out;
}

/** A binding found in a trace: the array `name` refers to and the step (index) that bound it. */
export interface Binding {
  index: number;
  event: TraceEvent;
  array: ArraySnapshot;
}

/**
 * The array bound to `name` as of `line` (1-based): the last event labelled `name` at or before
 * that line, else the last one anywhere in the file (a use above a loop's assignment, …).
 */
export function findBinding(trace: Trace, name: string, line?: number): Binding | undefined {
  let before: Binding | undefined;
  let any: Binding | undefined;
  trace.events.forEach((e, index) => {
    const arr =
      outputsOf(e).find((a) => a.label === name) ?? (e.label === name ? e.output : undefined);
    if (!arr) return;
    const b = { index, event: e, array: arr };
    any = b;
    if (line === undefined || (e.loc && e.loc.line <= line)) before = b;
  });
  return before ?? any;
}

/** Index of the last step recorded at `line` (1-based), or -1. */
export function lastStepAtLine(trace: Trace, line: number): number {
  for (let i = trace.events.length - 1; i >= 0; i--) {
    if (trace.events[i]?.loc?.line === line) return i;
  }
  return -1;
}

/** Index of the last step at `line` with a broadcast record (or -1). */
export function broadcastStepAtLine(trace: Trace, line: number): number {
  for (let i = trace.events.length - 1; i >= 0; i--) {
    const e = trace.events[i];
    if (e?.loc?.line === line && e.broadcast) return i;
  }
  return -1;
}

/** Line of the first broadcasting operation that used array `id` (or undefined). */
export function broadcastLineFor(trace: Trace, id: number): number | undefined {
  for (const e of trace.events) {
    if (e.broadcast && e.loc && e.inputs.some((a) => a.id === id)) return e.loc.line;
  }
  return undefined;
}

export function contiguity(a: ArraySnapshot): string {
  const { c_contiguous: c, f_contiguous: f } = a.flags;
  if (c && f) return 'C and F contiguous';
  if (c) return 'C contiguous';
  if (f) return 'F contiguous';
  return 'not contiguous';
}

/** `view of a` / `view (base #3)` / `owns its data (copy)`. */
export function ownership(trace: Trace, a: ArraySnapshot): string {
  const others = new Set<string>();
  for (const e of trace.events) {
    for (const x of [...outputsOf(e), ...e.inputs]) {
      if (x.bufferId === a.bufferId && x.id !== a.id && x.label && x.label !== a.label)
        others.add(x.label);
    }
  }
  const shares = others.size
    ? ` · shares memory with ${[...others].map((n) => `\`${n}\``).join(', ')}`
    : '';
  if (a.base === null) return `owns its data${shares}`;
  const name = labelOfArray(trace, a.base);
  if (name) return `view of \`${name}\`${shares}`;
  const idx = trace.events.findIndex((e) => outputsOf(e).some((x) => x.id === a.base));
  const from =
    idx >= 0 ? `the result of \`${trace.events[idx]?.op}\` at step ${idx + 1}` : `array #${a.base}`;
  return `view of ${from}${shares}`;
}

/** The label the trace gives array `id`, if any. */
export function labelOfArray(trace: Trace, id: number): string | undefined {
  for (const e of trace.events) {
    for (const a of [...outputsOf(e), ...e.inputs]) if (a.id === id && a.label) return a.label;
  }
  return undefined;
}

/** Inlay hint text for one array: `(3, 4) float64` plus ` view` for views. */
export function inlayText(a: ArraySnapshot): string {
  return `${shapeText(a.shape)} ${a.dtype}${a.base !== null ? ' view' : ''}`;
}

/** One inlay hint per line: the last array produced on each line, with the event's index. */
export function inlayHints(trace: Trace): { line: number; text: string; index: number }[] {
  const byLine = new Map<number, { line: number; text: string; index: number }>();
  trace.events.forEach((e, index) => {
    const a = e.output ?? e.outputs?.[e.outputs.length - 1];
    if (!a || !e.loc || e.kind === 'error') return;
    byLine.set(e.loc.line, { line: e.loc.line, text: inlayText(a), index });
  });
  return [...byLine.values()].sort((x, y) => x.line - y.line);
}

/**
 * TensorSensor-style cause of a failed broadcast: `add: operand a (3,4) and operand b (3,) —
 * dimension 1: 4 vs 3` (operands named by their variable when the trace knows it).
 */
export function broadcastCause(
  op: string,
  info: BroadcastInfo,
  names: (string | undefined)[] = [],
): string | undefined {
  const err = info.error;
  if (!err) return undefined;
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const parts = info.operands.map(
    (o, i) => `operand ${names[i] ?? letters[i] ?? String(i)} ${tightShapeText(o.shape)}`,
  );
  const conflicting = err.sizes.filter((s) => s !== 1);
  const sizes = conflicting.length >= 2 ? conflicting : err.sizes;
  return `${op}: ${parts.join(' and ')} — dimension ${err.dim}: ${sizes.join(' vs ')}`;
}

export interface ErrorReport {
  line: number;
  column: number;
  /** NumPy's text: `ValueError: operands could not …`. */
  message: string;
  /** The TensorSensor-style cause, when the failing op recorded its operands. */
  cause?: string;
  /** Index of the error step in the trace, or -1. */
  index: number;
}

/** The error a run ended with, at the user's line (undefined for a good run). */
export function errorReport(trace: Trace): ErrorReport | undefined {
  const end = trace.end;
  if (!end || end.status === 'ok' || end.status === 'cancelled') return undefined;
  let index = -1;
  for (let i = trace.events.length - 1; i >= 0; i--) {
    if (trace.events[i]?.kind === 'error') {
      index = i;
      break;
    }
  }
  const ev = index >= 0 ? trace.events[index] : undefined;
  const loc = end.error?.loc ?? ev?.loc;
  const message = end.error
    ? `${end.error.name}: ${end.error.message.trimEnd()}`
    : (end.message ?? end.status);
  let cause: string | undefined;
  if (ev?.broadcast) {
    cause = broadcastCause(
      ev.op,
      ev.broadcast,
      ev.inputs.map((a) => a.label),
    );
  }
  return {
    line: loc?.line ?? 1,
    column: loc?.column ?? 1,
    message,
    ...(cause ? { cause } : {}),
    index,
  };
}

const esc = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/**
 * A small SVG of a shape: 1-D a row of cells, 2-D a grid, n-D the last two dims stacked as pages
 * (at most 3 drawn), with the shape written under it. Sizes are capped so a (1000, 1000) array is
 * still a small picture (the grid then shows proportions, not cells).
 */
export function shapeSvg(shape: readonly number[], dtype: string, view: boolean): string {
  const rows = shape.length >= 2 ? (shape[shape.length - 2] as number) : 1;
  const cols = shape.length >= 1 ? (shape[shape.length - 1] as number) : 1;
  const pages = shape.slice(0, -2).reduce((p, n) => p * n, 1);
  const maxCells = 12;
  const cell = 12;
  const r = Math.min(rows, maxCells);
  const c = Math.min(cols, maxCells);
  const depth = Math.min(Math.max(pages, 1), 3);
  const off = 5;
  const w = c * cell + (depth - 1) * off;
  const h = r * cell + (depth - 1) * off;
  const W = Math.max(w + 8, 120);
  const H = h + 26;
  const fill = view ? '#d9a400' : '#3794ff';
  const parts: string[] = [];
  for (let p = depth - 1; p >= 0; p--) {
    const x0 = 4 + p * off;
    const y0 = 4 + (depth - 1 - p) * off;
    parts.push(
      `<rect x="${x0}" y="${y0}" width="${c * cell}" height="${r * cell}" fill="${fill}" fill-opacity="${p === 0 ? 0.35 : 0.15}" stroke="${fill}"/>`,
    );
    if (p === 0) {
      for (let i = 1; i < c; i++)
        parts.push(
          `<line x1="${x0 + i * cell}" y1="${y0}" x2="${x0 + i * cell}" y2="${y0 + r * cell}" stroke="${fill}" stroke-opacity="0.6"/>`,
        );
      for (let j = 1; j < r; j++)
        parts.push(
          `<line x1="${x0}" y1="${y0 + j * cell}" x2="${x0 + c * cell}" y2="${y0 + j * cell}" stroke="${fill}" stroke-opacity="0.6"/>`,
        );
    }
  }
  const label = `${shapeText(shape)} ${dtype}${view ? ' view' : ''}${rows > maxCells || cols > maxCells ? ' (clipped)' : ''}`;
  parts.push(
    `<text x="4" y="${h + 20}" font-family="monospace" font-size="11" fill="#888">${esc(label)}</text>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">${parts.join('')}</svg>`;
}

/** The SVG as a data URI usable in a Markdown image. */
export function shapeDataUri(shape: readonly number[], dtype: string, view: boolean): string {
  const svg = shapeSvg(shape, dtype, view);
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}

/** Plain-text lines of a hover (the Markdown wrapper adds links and the picture). */
export function hoverLines(trace: Trace, b: Binding): string[] {
  const a = b.array;
  const strides = a.strides.length === 1 ? `(${a.strides[0]},)` : `(${a.strides.join(', ')})`;
  return [
    `shape ${shapeText(a.shape)} · dtype ${a.dtype} · size ${a.size}`,
    `strides ${strides} bytes · ${contiguity(a)}${a.flags.writeable ? '' : ' · read-only'}`,
    `${ownership(trace, a)} · from \`${b.event.op}\` (${b.event.kind}) at step ${b.index + 1}`,
    ...(b.event.why ? [b.event.why] : []),
  ];
}

/** A one-event "trace" of the arrays in a debugger scope, for the webview. */
export interface ScopeArray {
  name: string;
  shape: number[];
  dtype: string;
  strides: number[];
  flags: { c_contiguous: boolean; f_contiguous: boolean; owndata: boolean; writeable: boolean };
  view: boolean;
  values?: unknown;
  str?: string;
}

const ITEMSIZE: Record<string, number> = {
  bool: 1,
  int8: 1,
  uint8: 1,
  int16: 2,
  uint16: 2,
  int32: 4,
  uint32: 4,
  float32: 4,
  int64: 8,
  uint64: 8,
  float64: 8,
};

function flatten(v: unknown, out: (number | boolean | string)[]): void {
  if (Array.isArray(v)) for (const x of v) flatten(x, out);
  else if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') out.push(v);
}

/** A trace holding one `create` step per array found in a paused debugger's scope. */
export function scopeTrace(file: string, arrays: ScopeArray[]): Trace {
  const events: TraceEvent[] = arrays.map((s, i) => {
    const itemsize = ITEMSIZE[s.dtype] ?? 8;
    const size = s.shape.reduce((p, n) => p * n, 1);
    const values: (number | boolean | string)[] = [];
    flatten(s.values, values);
    const full = values.length === size && !values.includes('...');
    const arr: ArraySnapshot = {
      id: i + 1,
      dtype: s.dtype,
      shape: s.shape,
      strides: s.strides,
      offset: 0,
      bufferId: i + 1,
      flags: s.flags,
      base: null,
      size,
      label: s.name,
      ...(full
        ? { values }
        : { preview: { head: values.slice(0, 8).filter((x) => x !== '...'), tail: [] } }),
    };
    return {
      step: i + 1,
      op: 'debugger',
      kind: 'create',
      args: `(${s.name})`,
      inputs: [],
      output: arr,
      buffers: [{ id: i + 1, nbytes: size * itemsize, itemsize, dtype: s.dtype }],
      bufferContents: [
        {
          bufferId: i + 1,
          length: size,
          ...(full ? { values } : { preview: { head: [], tail: [] } }),
        },
      ],
      label: s.name,
      why: `${s.name} in the paused frame${s.view ? ' (a view: its base is not shown)' : ''}`,
      ms: 0,
    };
  });
  return {
    schema: 'ndscope-trace',
    version: 1,
    file,
    limits: { maxValues: 4096, previewItems: 64, budgetBytes: 50 * 1024 * 1024 },
    events,
    console: [],
    end: { status: 'ok', durationMs: 0 },
  };
}

/**
 * The expression evaluated in a paused frame (context 'clipboard', so the whole string comes
 * back): for each named variable that is an ndarray (it has the runtime's debug symbols), its
 * metadata and summarized values from `Symbol.for('debug.properties')`, as one JSON string.
 */
export function scopeExpression(names: string[]): string {
  const safe = names.filter((n) => /^[A-Za-z_$][\w$]*$/.test(n));
  const obj = safe
    .map(
      (n) => `${JSON.stringify(n)}: (() => { try { return ${n}; } catch { return undefined; } })()`,
    )
    .join(', ');
  return `(() => { const o = {${obj}}; const out = []; const P = Symbol.for('debug.properties'); for (const k of Object.keys(o)) { const v = o[k]; if (v && typeof v === 'object' && typeof v[P] === 'function' && 'dtype' in v && 'shape' in v) { const p = v[P](); out.push({ name: k, shape: p.shape, dtype: p.dtype, strides: p.strides, flags: p.flags, view: p.base !== null, values: p.values, str: p.str }); } } return JSON.stringify(out); })()`;
}

/** Parses what js-debug returns for the clipboard evaluation (raw or quoted JSON). */
export function parseScopeResult(result: string): ScopeArray[] {
  let v: unknown = JSON.parse(result);
  if (typeof v === 'string') v = JSON.parse(v);
  if (!Array.isArray(v)) throw new Error('unexpected snapshot');
  return v as ScopeArray[];
}
