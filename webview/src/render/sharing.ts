/** The sharing graph: arrays → buffers, views → base, writes lighting every array that sees them. */
import * as d3 from 'd3';
import { sharingLayout, type Edge, type NodeArray, type NodeBuffer } from '../layout/sharing';
import type { StepView } from '../state/model';

export function renderSharing(svgEl: SVGSVGElement, sv: StepView): void {
  const geo = sharingLayout(
    sv.arrays.map(({ a }) => ({
      id: a.id,
      bufferId: a.bufferId,
      base: a.base,
      shape: a.shape,
      dtype: a.dtype,
      ...(a.label ? { label: a.label } : {}),
    })),
    sv.buffers,
  );
  const svg = d3
    .select(svgEl)
    .attr('width', geo.width)
    .attr('height', geo.height)
    .attr('role', 'img')
    .attr('aria-label', 'which arrays share which buffers');
  const written = sv.event.write?.bufferId;
  svg
    .selectAll<SVGPathElement, Edge>('path.edge')
    .data(geo.edges, (e) => e.key)
    .join('path')
    .attr('class', (e) => `edge ${e.kind}`)
    .attr('d', (e) =>
      e.kind === 'memory'
        ? `M${e.x1},${e.y1} C${(e.x1 + e.x2) / 2},${e.y1} ${(e.x1 + e.x2) / 2},${e.y2} ${e.x2},${e.y2}`
        : `M${e.x1},${e.y1} C${e.x1 - 30},${e.y1} ${e.x2 - 30},${e.y2} ${e.x2},${e.y2}`,
    )
    .attr('marker-end', 'url(#nd-arrow)')
    .classed('lit', (e) => sv.lit.has(e.from));
  const an = svg
    .selectAll<SVGGElement, NodeArray>('g.anode')
    .data(geo.arrays, (n) => n.key)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'anode');
      g.append('rect').attr('width', 250).attr('height', 22).attr('rx', 4);
      g.append('text').attr('x', 8).attr('y', 15);
      return g;
    })
    .attr('transform', (n) => `translate(${n.x},${n.y})`)
    .attr('data-id', (n) => n.id)
    .classed('view', (n) => n.role === 'view')
    .classed('lit', (n) => sv.lit.has(n.id));
  const clip = (t: string): string => (t.length > 36 ? `${t.slice(0, 35)}…` : t);
  an.select('text').text((n) => clip(n.text + (n.role === 'view' ? ` → view of #${n.base}` : '')));
  an.selectAll('title')
    .data((n) => [n])
    .join('title')
    .text((n) => n.text);
  const bn = svg
    .selectAll<SVGGElement, NodeBuffer>('g.bnode')
    .data(geo.buffers, (n) => n.key)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'bnode');
      g.append('rect').attr('width', 132).attr('height', 22).attr('rx', 2);
      g.append('text').attr('x', 6).attr('y', 15);
      return g;
    })
    .attr('transform', (n) => `translate(${n.x},${n.y})`)
    .attr('data-id', (n) => n.id)
    .classed('lit', (n) => n.id === written);
  bn.select('text').text((n) => n.text);
}
