/** Cost bars along the timeline (d3 keyed join once per trace; a step change moves one class). */
import * as d3 from 'd3';
import { barOf, costBars, type Bar } from '../layout/timeline';
import type { TraceModel } from '../state/model';

const drawn = new WeakMap<SVGSVGElement, { model: TraceModel; width: number; bars: Bar[] }>();

export function renderCostBars(
  svgEl: SVGSVGElement,
  model: TraceModel,
  current: number,
  onStep: (i: number) => void,
  /** The svg's clientWidth, read by the caller before its DOM writes (no forced layout). */
  clientWidth = svgEl.clientWidth,
): void {
  const width = Math.max(200, Math.round(clientWidth || 600));
  const height = 36;
  let d = drawn.get(svgEl);
  const svg = d3.select(svgEl);
  if (!d || d.model !== model || d.width !== width) {
    const steps = model.trace.events.map((e, i) => ({ step: i, ms: e.ms, kind: e.kind }));
    const bars = costBars(steps, width, height - 4);
    d = { model, width, bars };
    drawn.set(svgEl, d);
    svg
      .attr('viewBox', `0 0 ${width} ${height}`)
      .attr('height', height)
      .attr('preserveAspectRatio', 'none');
    svg
      .selectAll<SVGRectElement, Bar>('rect.bar')
      .data(bars, (b) => String(b.from))
      .join((enter) =>
        enter
          .append('rect')
          .attr('class', 'bar')
          .call((r) => r.append('title')),
      )
      .on('click', (_ev, b) => onStep(b.from))
      .attr('x', (b) => b.x)
      .attr('width', (b) => b.width)
      .attr('y', (b) => height - b.height)
      .attr('height', (b) => b.height)
      .attr('data-kind', (b) => b.kind)
      .select('title')
      .text((b) =>
        b.from === b.to
          ? `step ${b.from + 1}: ${model.trace.events[b.from]?.op ?? ''} · ${b.ms.toFixed(3)} ms`
          : `steps ${b.from + 1}–${b.to + 1}: ${b.ms.toFixed(3)} ms in total`,
      );
  }
  const cur = barOf(d.bars, current);
  svg.selectAll<SVGRectElement, Bar>('rect.bar.current').classed('current', false);
  svg
    .selectAll<SVGRectElement, Bar>('rect.bar')
    .filter((_b, i) => i === cur)
    .classed('current', true);
}
