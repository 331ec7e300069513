/**
 * The broadcast stepper (pure): NumPy's rules as stages over a BroadcastInfo (from the trace, or
 * from explainBroadcast for the playground).
 *   0 align on the right · 1 pad with 1s · 2 stretch size-1 dims (stride 0) · 3 result shape ·
 *   4 the elementwise result. A failure stops at stage 2 with the conflicting dim highlighted.
 */
import type { BroadcastInfo } from '../../../src/trace/schema';

export const STAGES = [
  'Align the shapes on the right',
  'Pad the shorter shapes with 1s on the left',
  'Stretch every size-1 dim to the other size (stride 0)',
  'Result shape',
  'Result',
] as const;

export type DimState = 'blank' | 'orig' | 'pad' | 'stretch' | 'match' | 'conflict' | 'result';

export interface StepperDim {
  text: string;
  state: DimState;
  col: number;
}

export interface StepperRow {
  key: string;
  label: string;
  dims: StepperDim[];
}

export interface StepperView {
  stage: number;
  /** Last reachable stage (2 on failure). */
  lastStage: number;
  title: string;
  rows: StepperRow[];
  ncols: number;
  ok: boolean;
  /** Column of the conflict (on failure, from stage 2 on). */
  conflictCol: number | null;
  message: string | null;
}

export function lastStage(info: BroadcastInfo): number {
  return info.result === null ? 2 : STAGES.length - 1;
}

export function stepperView(
  info: BroadcastInfo,
  stage: number,
  names?: readonly string[],
): StepperView {
  const nd = Math.max(0, ...info.operands.map((o) => o.padded.length), info.result?.length ?? 0);
  const last = lastStage(info);
  const s = Math.max(0, Math.min(stage, last));
  const conflict = info.error && s >= 2 ? info.error.dim : null;
  const rows: StepperRow[] = info.operands.map((o, i) => {
    const lead = nd - o.shape.length;
    const dims: StepperDim[] = [];
    for (let d = 0; d < nd; d++) {
      const own = d >= lead;
      const v = o.padded[d] ?? 1;
      let state: DimState;
      let text: string;
      if (s === 0) {
        state = own ? 'orig' : 'blank';
        text = own ? String(v) : '';
      } else if (s === 1) {
        state = own ? 'orig' : 'pad';
        text = String(v);
      } else {
        const r = info.result?.[d];
        if (conflict === d) {
          state = 'conflict';
          text = String(v);
        } else if (o.stretched.includes(d) && r !== undefined) {
          state = 'stretch';
          text = `1→${r}`;
        } else {
          state = own ? 'match' : 'pad';
          text = String(v);
        }
      }
      dims.push({ text, state, col: d });
    }
    return { key: `op${i}`, label: names?.[i] ?? `operand ${i}`, dims };
  });
  if (s >= 3 && info.result) {
    rows.push({
      key: 'result',
      label: 'result',
      dims: info.result.map((n, d) => ({ text: String(n), state: 'result' as const, col: d })),
    });
  }
  const ok = info.result !== null;
  return {
    stage: s,
    lastStage: last,
    title: `${s + 1}/${last + 1} · ${STAGES[s] ?? ''}`,
    rows,
    ncols: nd,
    ok,
    conflictCol: conflict,
    message:
      !ok && s >= 2 ? `${info.error?.name ?? 'ValueError'}: ${info.error?.message ?? ''}` : null,
  };
}

export interface GhostCell {
  key: string;
  r: number;
  c: number;
  ghost: boolean;
}

/**
 * An operand stretched over the last two dims of the result: its own cells solid, the copies
 * that broadcasting makes (stride 0) as ghosts. Null when the result is too big to draw.
 */
export function ghostGrid(info: BroadcastInfo, operand: number, max = 144): GhostCell[] | null {
  const res = info.result;
  const o = info.operands[operand];
  if (!res || !o) return null;
  const nd = res.length;
  const rows = nd >= 2 ? (res[nd - 2] as number) : 1;
  const cols = nd >= 1 ? (res[nd - 1] as number) : 1;
  if (rows * cols > max) return null;
  const rStretched = nd >= 2 && o.stretched.includes(nd - 2);
  const cStretched = nd >= 1 && o.stretched.includes(nd - 1);
  const out: GhostCell[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      out.push({ key: `${r},${c}`, r, c, ghost: (rStretched && r > 0) || (cStretched && c > 0) });
    }
  }
  return out;
}
