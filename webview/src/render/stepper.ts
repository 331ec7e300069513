/** The broadcast stepper: the rows of dims per stage, ghost grids, and NumPy's verdict. */
import * as d3 from 'd3';
import type { BroadcastInfo } from '../../../src/trace/schema';
import { ghostGrid, stepperView, type StepperDim, type StepperRow } from '../layout/broadcast';
import { clear, el } from './dom';

export interface StepperOptions {
  info: BroadcastInfo;
  stage: number;
  names?: string[];
  onStage: (s: number) => void;
  /** Label of the step's result (stage 4), when the trace has one. */
  resultText?: string;
}

const W = 44;

export function renderStepper(box: HTMLElement, o: StepperOptions): void {
  const v = stepperView(o.info, o.stage, o.names);
  box.dataset['stage'] = String(v.stage);
  box.dataset['ok'] = String(v.ok);
  let nav = box.querySelector<HTMLElement>(':scope > .stepper-nav');
  if (!nav) {
    nav = el('div', { class: 'stepper-nav' });
    const prev = el(
      'button',
      { class: 'stage-prev', 'aria-label': 'previous broadcasting stage' },
      '◀ rule',
    );
    const next = el(
      'button',
      { class: 'stage-next', 'aria-label': 'next broadcasting stage' },
      'rule ▶',
    );
    const title = el('span', { class: 'stage-title', 'aria-live': 'polite' });
    nav.append(prev, title, next);
    box.append(nav);
  }
  const prev = nav.querySelector<HTMLButtonElement>('.stage-prev');
  const next = nav.querySelector<HTMLButtonElement>('.stage-next');
  if (prev) {
    prev.disabled = v.stage === 0;
    prev.onclick = () => o.onStage(v.stage - 1);
  }
  if (next) {
    next.disabled = v.stage >= v.lastStage;
    next.onclick = () => o.onStage(v.stage + 1);
  }
  const title = nav.querySelector('.stage-title');
  if (title) title.textContent = v.title;

  let svgEl = box.querySelector<SVGSVGElement>('svg.stepper');
  if (!svgEl) {
    svgEl = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svgEl.setAttribute('class', 'stepper');
    box.append(svgEl);
  }
  const labelW = Math.max(70, 12 + 7 * Math.max(0, ...v.rows.map((r) => r.label.length)));
  const rowH = 34;
  const width = labelW + v.ncols * W + 10;
  const height = v.rows.length * rowH + 10;
  const svg = d3
    .select(svgEl)
    .attr('width', width)
    .attr('height', height)
    .attr('role', 'img')
    .attr('aria-label', v.title);
  svg
    .selectAll<SVGRectElement, number>('rect.conflict-col')
    .data(v.conflictCol === null ? [] : [v.conflictCol], (d) => String(d))
    .join('rect')
    .attr('class', 'conflict-col')
    .attr('x', (d) => labelW + d * W - 2)
    .attr('y', 1)
    .attr('width', W)
    .attr('height', height - 2);
  const rows = svg
    .selectAll<SVGGElement, StepperRow>('g.srow')
    .data(v.rows, (r) => r.key)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'srow');
      g.append('text').attr('class', 'slabel').attr('x', 4).attr('y', 20);
      return g;
    })
    .attr('transform', (_r, i) => `translate(0,${5 + i * rowH})`)
    .attr('data-key', (r) => r.key);
  rows.select('text.slabel').text((r) => r.label);
  const t = svg.transition().duration(250) as unknown as d3.Transition<
    d3.BaseType,
    unknown,
    null,
    undefined
  >;
  rows
    .selectAll<SVGGElement, StepperDim>('g.dim')
    .data(
      (r) => r.dims,
      (d) => String(d.col),
    )
    .join((enter) => {
      const g = enter
        .append('g')
        .attr('class', 'dim')
        .attr('transform', (d) => `translate(${labelW + d.col * W},0)`);
      g.append('rect')
        .attr('width', W - 6)
        .attr('height', rowH - 8)
        .attr('rx', 4);
      g.append('text')
        .attr('x', (W - 6) / 2)
        .attr('y', 18);
      return g;
    })
    .attr('data-state', (d) => d.state)
    .attr('class', (d) => `dim ${d.state}`)
    .call((g) => g.transition(t).attr('transform', (d) => `translate(${labelW + d.col * W},0)`))
    .select('text')
    .text((d) => d.text);

  let ghosts = box.querySelector<HTMLElement>(':scope > .ghosts');
  if (!ghosts) {
    ghosts = el('div', { class: 'ghosts' });
    box.append(ghosts);
  }
  clear(ghosts);
  if (v.stage >= 2 && v.ok) {
    o.info.operands.forEach((_op, i) => {
      const cells = ghostGrid(o.info, i);
      if (!cells) return;
      const fig = el('figure', { class: 'ghost-grid' });
      const cap = el('figcaption', {}, `${o.names?.[i] ?? `operand ${i}`} stretched`);
      const s = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
      const c = 20;
      const rows = Math.max(...cells.map((x) => x.r)) + 1;
      const cols = Math.max(...cells.map((x) => x.c)) + 1;
      d3.select(s)
        .attr('width', cols * c + 2)
        .attr('height', rows * c + 2)
        .selectAll('rect')
        .data(cells, (x) => (x as { key: string }).key)
        .join('rect')
        .attr('class', (x) => (x.ghost ? 'gcell ghost' : 'gcell'))
        .attr('x', (x) => 1 + x.c * c)
        .attr('y', (x) => 1 + x.r * c)
        .attr('width', c - 2)
        .attr('height', c - 2);
      fig.append(s, cap);
      ghosts?.append(fig);
    });
  }
  let verdict = box.querySelector<HTMLElement>(':scope > .verdict');
  if (!verdict) {
    verdict = el('div', { class: 'verdict', role: 'status' });
    box.append(verdict);
  }
  verdict.classList.toggle('error', v.message !== null);
  verdict.textContent =
    v.message ??
    (v.stage >= 3 && o.info.result
      ? `broadcasts to (${o.info.result.join(', ')}${o.info.result.length === 1 ? ',' : ''})${v.stage >= 4 && o.resultText ? ` → ${o.resultText}` : ''}`
      : '');
}
