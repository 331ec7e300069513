/** UI state kept across reloads (VS Code getState/setState, or memory on the standalone page). */
export interface UiState {
  step: number;
  /** Array selected in the grid (id), or null for the step's main array. */
  selected: number | null;
  /** Per array id: row/col axes and fixed indices for ≥3-D. */
  axes: Record<string, { rowAxis: number; colAxis: number; fixed: number[] }>;
  stage: number;
  memStart: number;
  playground: string[];
  playStage: number;
  tab: 'step' | 'playground';
}

export const DEFAULT_UI: UiState = {
  step: 0,
  selected: null,
  axes: {},
  stage: 0,
  memStart: 0,
  playground: ['(8,1,6,1)', '(7,1,5)'],
  playStage: 0,
  tab: 'step',
};

export interface StateStore {
  get(): Partial<UiState> | undefined;
  set(s: UiState): void;
}

export function restore(x: unknown): UiState {
  const s = { ...DEFAULT_UI };
  if (typeof x !== 'object' || x === null) return s;
  const o = x as Partial<UiState>;
  if (typeof o.step === 'number' && Number.isInteger(o.step) && o.step >= 0) s.step = o.step;
  if (typeof o.selected === 'number') s.selected = o.selected;
  if (typeof o.stage === 'number') s.stage = o.stage;
  if (typeof o.memStart === 'number') s.memStart = o.memStart;
  if (typeof o.playStage === 'number') s.playStage = o.playStage;
  if (o.tab === 'step' || o.tab === 'playground') s.tab = o.tab;
  if (Array.isArray(o.playground) && o.playground.every((p) => typeof p === 'string'))
    s.playground = o.playground;
  if (typeof o.axes === 'object' && o.axes !== null) s.axes = o.axes;
  return s;
}
