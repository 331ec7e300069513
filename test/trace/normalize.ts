/**
 * A trace made stable for golden files: array and buffer ids renumbered by first appearance,
 * timings dropped, paths relative to the repo, arrays summarized (metadata + first values), and
 * long traces cut to their first events (the count of the rest kept).
 */
import * as path from 'node:path';
import type { ArraySnapshot, Trace, TraceEvent } from '../../src/trace/schema';

const MAX_EVENTS = 250;

/** Floats to 12 significant digits: goldens should not churn on last-bit kernel changes. */
const round = (v: unknown): unknown =>
  typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(12)) : v;
const MAX_VALUES = 24;

export function normalizeTrace(trace: Trace, root: string): unknown {
  const arrayIds = new Map<number, number>();
  const bufferIds = new Map<number, number>();
  const aid = (id: number): number => {
    let v = arrayIds.get(id);
    if (v === undefined) arrayIds.set(id, (v = arrayIds.size + 1));
    return v;
  };
  const bid = (id: number): number => {
    let v = bufferIds.get(id);
    if (v === undefined) bufferIds.set(id, (v = bufferIds.size + 1));
    return v;
  };
  const rel = (p: string): string => path.relative(root, p).split(path.sep).join('/');
  const text = (s: string): string =>
    s
      .split(root + path.sep)
      .join('')
      .split(root)
      .join('<root>')
      .replace(/\b\d+(\.\d+)? ms\b/g, '<t> ms');
  const flags = (a: ArraySnapshot): string =>
    `${a.flags.c_contiguous ? 'C' : ''}${a.flags.f_contiguous ? 'F' : ''}${a.flags.owndata ? 'O' : ''}${a.flags.writeable ? 'W' : ''}`;
  const vals = (a: ArraySnapshot): unknown => {
    if (a.values)
      return a.values.length > MAX_VALUES
        ? [...a.values.slice(0, MAX_VALUES).map(round), `…${a.values.length}`]
        : a.values.map(round);
    return a.preview
      ? { head: a.preview.head.slice(0, 8).map(round), tail: a.preview.tail.slice(-4).map(round) }
      : null;
  };
  const arr = (a: ArraySnapshot): unknown => ({
    id: aid(a.id),
    ...(a.label ? { label: a.label } : {}),
    dtype: a.dtype,
    shape: a.shape,
    strides: a.strides,
    offset: a.offset,
    buffer: bid(a.bufferId),
    base: a.base === null ? null : aid(a.base),
    flags: flags(a),
    values: vals(a),
  });
  const renum = (s: string): string =>
    s
      .replace(/buffer #(\d+)/g, (_m, d: string) => `buffer #${bid(Number(d))}`)
      .replace(/(?<!buffer )#(\d+)/g, (_m, d: string) => `#${aid(Number(d))}`);
  const ev = (e: TraceEvent): unknown => {
    const out: Record<string, unknown> = { step: e.step, op: e.op, kind: e.kind };
    if (e.label) out['label'] = e.label;
    if (e.loc) out['loc'] = `${rel(e.loc.file)}:${e.loc.line}:${e.loc.column}`;
    out['inputs'] = e.inputs.map((a) => `#${aid(a.id)}${a.label ? ` ${a.label}` : ''}`);
    if (e.args !== undefined) out['args'] = renum(e.args);
    if (e.output) out['output'] = arr(e.output);
    if (e.outputs) out['outputs'] = e.outputs.map(arr);
    if (e.result !== undefined)
      out['result'] = Array.isArray(e.result) ? e.result.map(round) : round(e.result);
    if (e.why) out['why'] = renum(e.why);
    if (e.broadcast) out['broadcast'] = e.broadcast;
    if (e.write) {
      out['write'] = {
        buffer: bid(e.write.bufferId),
        target: aid(e.write.target),
        ranges: e.write.ranges
          .slice(0, 16)
          .map((r) => [
            r.byteOffset,
            r.byteLength,
            ...(r.values ? [r.values.slice(0, 8).map(round)] : []),
          ]),
        changed: e.write.changedElements,
        affected: e.write.affected.map(aid),
      };
    }
    if (e.error) out['error'] = { name: e.error.name, message: text(e.error.message) };
    out['buffers'] = e.buffers.map((b) => `${bid(b.id)}:${b.dtype}x${b.nbytes / b.itemsize}`);
    return out;
  };
  const events = trace.events.slice(0, MAX_EVENTS).map(ev);
  const end = trace.end;
  return {
    schema: `${trace.schema}@${trace.version}`,
    file: rel(trace.file),
    end: end
      ? {
          status: end.status,
          ...(end.message ? { message: text(end.message) } : {}),
          ...(end.exitCode !== undefined ? { exitCode: end.exitCode } : {}),
          ...(end.error
            ? {
                error: {
                  name: end.error.name,
                  message: text(end.error.message),
                  ...(end.error.loc
                    ? {
                        loc: `${rel(end.error.loc.file)}:${end.error.loc.line}:${end.error.loc.column}`,
                      }
                    : {}),
                },
              }
            : {}),
        }
      : null,
    ...(trace.truncated ? { truncated: trace.truncated } : {}),
    steps: trace.events.length,
    ...(trace.events.length > MAX_EVENTS
      ? { omittedEvents: trace.events.length - MAX_EVENTS }
      : {}),
    console: trace.console
      .slice(0, 100)
      .map((c) => ({
        level: c.level,
        text: text(c.text),
        ...(c.loc ? { line: c.loc.line } : {}),
        afterStep: c.afterStep,
      })),
    events,
  };
}
