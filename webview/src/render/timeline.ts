/** Timeline: step buttons, scrubber, play/pause and cost bars (d3 keyed join). */
import * as d3 from 'd3';
import { costBars } from '../layout/timeline';
import type { TraceModel } from '../state/model';

export function renderCostBars(svgEl: SVGSVGElement, model: TraceModel, current: number, onStep: (i: number) => void): void {
  const width = Math.max(200, svgEl.clientWidth || 600);
  const height = 36;
  const steps = model.trace.events.map((e, i) => ({ step: i, ms: e.ms, kind: e.kind }));
  const bars = costBars(steps, width, height - 4);
  const svg = d3.select(svgEl).attr('viewBox', `0 0 ${width} ${height}`).attr('height', height);
  svg
    .selectAll<SVGRectElement, (typeof bars)[number]>('rect.bar')
    .data(bars, (b) => String(b.step))
    .join((enter) =>
      enter
        .append('rect')
        .attr('class', 'bar')
        .on('click', (_ev, b) => onStep(b.step))
        .call((r) => r.append('title')),
    )
    .attr('x', (b) => b.x)
    .attr('width', (b) => b.width)
    .attr('y', (b) => height - b.height)
    .attr('height', (b) => b.height)
    .attr('data-kind', (b) => b.kind)
    .classed('current', (b) => b.step === current)
    .select('title')
    .text((b) => `step ${b.step + 1}: ${model.trace.events[b.step]?.op ?? ''} · ${b.ms.toFixed(3)} ms`);
}
