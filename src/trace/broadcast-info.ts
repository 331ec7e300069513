/**
 * Pure broadcasting explanation (no runtime imports), for the webview's broadcast playground:
 * NumPy's rules applied to shapes only — right-align, pad with 1s on the left, stretch size-1
 * dims (stride 0), the result shape — or, on failure, the message `a + b` raises in NumPy with the
 * first conflicting dim. Same output shape as `broadcastInfo` in ./broadcast (tested equal).
 */
import type { BroadcastInfo } from './schema';

/** NumPy's tight tuple text used in broadcast errors: `(3,4)`, `(3,)`, `()`. */
export function tightShape(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(',')})`;
}

/**
 * Broadcasting of operand shapes; `error` holds NumPy's ufunc message when they do not broadcast.
 *
 * With `target` (a required result shape: `out=`, `broadcast_to`'s shape, `copyto`'s destination)
 * the result is the target and an operand conflicts when a dim is neither 1 nor the target's; a
 * target with fewer dims than an operand conflicts at dim 0. NumPy's message then depends on the
 * op, so `error.message` is left empty for the caller to fill in with the error the op raised.
 */
export function explainBroadcast(
  shapes: readonly (readonly number[])[],
  target?: readonly number[],
): BroadcastInfo {
  const all = target === undefined ? shapes : [...shapes, target];
  let nd = 0;
  for (const s of all) nd = Math.max(nd, s.length);
  const padded = all.map((s) => [...new Array<number>(nd - s.length).fill(1), ...s]);
  const result: number[] = new Array<number>(nd).fill(1);
  let bad: { dim: number; sizes: number[] } | null = null;
  for (let d = 0; d < nd; d++) {
    const sizes = padded.map((p) => p[d] as number);
    if (target !== undefined) {
      const t =
        target.length === nd ? (target[d] as number) : (padded[padded.length - 1]?.[d] as number);
      if (sizes.slice(0, -1).some((x) => x !== 1 && x !== t)) {
        bad ??= { dim: d, sizes: sizes.slice(0, -1) };
      }
      result[d] = t;
    } else {
      const uniq = [...new Set(sizes.filter((x) => x !== 1))];
      if (uniq.length > 1) bad ??= { dim: d, sizes };
      else result[d] = uniq[0] ?? 1;
    }
  }
  if (target !== undefined && target.length < nd)
    bad ??= { dim: 0, sizes: padded.map((p) => p[0] as number) };
  const ok = bad === null;
  const operands = shapes.map((s, i) => ({
    shape: [...s],
    padded: padded[i] as number[],
    stretched: ok
      ? (padded[i] as number[]).flatMap((x, d) => (x === 1 && result[d] !== 1 ? [d] : []))
      : [],
  }));
  const info: BroadcastInfo = { operands, result: ok ? result : null };
  if (bad !== null) {
    info.error = {
      name: 'ValueError',
      message:
        target === undefined
          ? `operands could not be broadcast together with shapes ${shapes.map(tightShape).join(' ')} `
          : '',
      dim: bad.dim,
      sizes: bad.sizes,
    };
  }
  return info;
}

/**
 * Parses a shape as a user types it: `(8,1,6,1)`, `8 1 6 1`, `[3, 4]`, `()`, `5`. Returns null
 * when it is not a list of non-negative integers.
 */
export function parseShape(text: string): number[] | null {
  const t = text
    .trim()
    .replace(/^[([]\s*/, '')
    .replace(/\s*[)\]]$/, '');
  if (t === '') return /^[([]\s*[)\]]$/.test(text.trim()) ? [] : null;
  const parts = t.split(/[\s,]+/).filter((p) => p !== '');
  if (parts.length === 0 || parts.length > 32) return null;
  const out: number[] = [];
  for (const p of parts) {
    if (!/^\d+$/.test(p)) return null;
    const n = Number(p);
    if (!Number.isSafeInteger(n)) return null;
    out.push(n);
  }
  return out;
}
