/** Events compared across runs (test helper). */
import type { TraceEvent } from '../../src/trace/index';

/** JSON of events with array/buffer ids renumbered by first appearance (runs differ in ids). */
export function canon(events: TraceEvent[]): string {
  const ids = new Map<number, number>();
  const bufs = new Map<number, number>();
  const aid = (n: number): number => {
    if (!ids.has(n)) ids.set(n, ids.size + 1);
    return ids.get(n) as number;
  };
  const bid = (n: number): number => {
    if (!bufs.has(n)) bufs.set(n, bufs.size + 1);
    return bufs.get(n) as number;
  };
  return JSON.stringify(events, function (this: object, k, v: unknown) {
    if (k === 'ms') return 0;
    if (typeof v === 'number' && k === 'id' && 'nbytes' in this) return bid(v);
    if (typeof v === 'number' && (k === 'id' || k === 'base' || k === 'target')) return aid(v);
    if (typeof v === 'number' && k === 'bufferId') return bid(v);
    if (k === 'affected' && Array.isArray(v)) return v.map((x: number) => aid(x));
    if (typeof v === 'string' && (k === 'args' || k === 'why'))
      return v
        .replace(/buffer #(\d+)/g, (_m, d: string) => `buffer #${bid(Number(d))}`)
        .replace(/(?<!buffer )#(\d+)/g, (_m, d: string) => `#${aid(Number(d))}`);
    return v;
  });
}
