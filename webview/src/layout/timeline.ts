/** Timeline geometry (pure): one slot per step, cost bars scaled to the slowest step. */
export interface StepCost {
  step: number;
  ms: number;
  kind: string;
}

export interface Bar {
  step: number;
  kind: string;
  x: number;
  width: number;
  height: number;
  ms: number;
}

export function costBars(steps: readonly StepCost[], width: number, height: number): Bar[] {
  const n = Math.max(1, steps.length);
  const slot = width / n;
  const max = Math.max(1e-9, ...steps.map((s) => s.ms));
  // sqrt scale: a 100× slower step still leaves the fast ones visible.
  return steps.map((s, i) => ({
    step: s.step,
    kind: s.kind,
    x: i * slot,
    width: Math.max(1, slot - (slot > 4 ? 1 : 0)),
    height: Math.max(1, Math.sqrt(Math.max(0, s.ms) / max) * height),
    ms: s.ms,
  }));
}
