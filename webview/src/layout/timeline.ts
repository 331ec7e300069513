/**
 * Timeline geometry (pure): cost bars scaled to the costliest bar. Up to `maxBars` steps get one
 * bar each; longer traces are binned (each bar: a run of consecutive steps and their total time),
 * so a 27,000-step loop stays a few hundred rects.
 */
export interface StepCost {
  step: number;
  ms: number;
  kind: string;
}

export interface Bar {
  /** First and last step (indices) of the bar. */
  from: number;
  to: number;
  /** The kind of the bar's steps ('error' wins, else the first step's kind). */
  kind: string;
  x: number;
  width: number;
  height: number;
  /** Total ms of the bar's steps. */
  ms: number;
}

export function costBars(
  steps: readonly StepCost[],
  width: number,
  height: number,
  maxBars = Math.max(1, Math.floor(width / 3)),
): Bar[] {
  const n = steps.length;
  if (n === 0) return [];
  const per = Math.max(1, Math.ceil(n / maxBars));
  const nb = Math.ceil(n / per);
  const slot = width / nb;
  const raw: Omit<Bar, 'height'>[] = [];
  for (let b = 0; b < nb; b++) {
    const from = b * per;
    const to = Math.min(n, from + per) - 1;
    let ms = 0;
    let kind = steps[from]?.kind ?? '';
    for (let i = from; i <= to; i++) {
      const s = steps[i] as StepCost;
      ms += Math.max(0, s.ms);
      if (s.kind === 'error') kind = 'error';
    }
    raw.push({ from, to, kind, ms, x: b * slot, width: Math.max(1, slot - (slot > 4 ? 1 : 0)) });
  }
  const max = Math.max(1e-9, ...raw.map((r) => r.ms));
  // sqrt scale: a 100× slower step still leaves the fast ones visible.
  return raw.map((r) => ({ ...r, height: Math.max(1, Math.sqrt(r.ms / max) * height) }));
}

/** The bar holding step `i`. */
export function barOf(bars: readonly Bar[], i: number): number {
  const per = bars[0] ? bars[0].to - bars[0].from + 1 : 1;
  return Math.min(bars.length - 1, Math.floor(i / per));
}
