/** The memory strip of one buffer: cells of itemsize bytes, the selected array's footprint marked. */
import * as d3 from 'd3';
import type { BufferInfo, JsonScalar } from '../../../src/trace/schema';
import { pageFor, stripGeometry, type StripCell } from '../layout/memory';
import { fmtValue } from '../state/model';
import { clear, el } from './dom';

export interface StripOptions {
  buffer: BufferInfo;
  values: JsonScalar[] | undefined;
  /** Cells addressed by the selected array. */
  footprint: Set<number>;
  start: number;
  onHover: (cell: number | null) => void;
  onPage: (start: number) => void;
  transition: d3.Transition<d3.BaseType, unknown, null, undefined>;
}

export const WINDOW = 256;

const clip = (t: string): string => (t.length > 6 ? `${t.slice(0, 5)}…` : t);

export function renderStrip(box: HTMLElement, o: StripOptions): void {
  const { buffer } = o;
  box.dataset['buffer'] = String(buffer.id);
  const geo = stripGeometry({
    nbytes: buffer.nbytes,
    itemsize: buffer.itemsize,
    start: o.start,
    window: WINDOW,
    perRow: 32,
    cell: 34,
  });
  let head = box.querySelector<HTMLElement>(':scope > .strip-head');
  if (!head) {
    head = el('div', { class: 'strip-head' });
    box.append(head);
  }
  const sig = `${buffer.id}|${buffer.nbytes}|${geo.start}|${geo.end}`;
  if (head.dataset['sig'] !== sig) {
    head.dataset['sig'] = sig;
    fillHead(head, o, geo);
  }
  renderCells(box, o, geo);
}

function fillHead(head: HTMLElement, o: StripOptions, geo: ReturnType<typeof stripGeometry>): void {
  const { buffer } = o;
  clear(head);
  head.append(
    el('span', { class: 'name' }, `buffer ${buffer.id}`),
    el(
      'span',
      { class: 'meta' },
      `${buffer.nbytes} bytes · ${geo.total} cells of ${buffer.itemsize} B (${buffer.dtype})`,
    ),
  );
  if (geo.total > WINDOW) {
    const pager = el('span', { class: 'pager' });
    const prev = el(
      'button',
      { class: 'page-prev', 'aria-label': `previous cells of buffer ${buffer.id}` },
      '‹',
    );
    const next = el(
      'button',
      { class: 'page-next', 'aria-label': `next cells of buffer ${buffer.id}` },
      '›',
    );
    const mid = el(
      'button',
      { class: 'page-mid', 'aria-label': `middle cells of buffer ${buffer.id}` },
      'middle',
    );
    prev.disabled = geo.start === 0;
    next.disabled = geo.end >= geo.total;
    prev.addEventListener('click', () => o.onPage(Math.max(0, geo.start - WINDOW)));
    next.addEventListener('click', () => o.onPage(geo.start + WINDOW));
    mid.addEventListener('click', () => o.onPage(pageFor(Math.floor(geo.total / 2), WINDOW)));
    pager.append(
      prev,
      el('span', { class: 'range' }, `cells ${geo.start}–${geo.end - 1}`),
      next,
      mid,
    );
    head.append(pager);
  }
}

function renderCells(
  box: HTMLElement,
  o: StripOptions,
  geo: ReturnType<typeof stripGeometry>,
): void {
  const { buffer } = o;
  let svgEl = box.querySelector<SVGSVGElement>('svg.strip');
  if (!svgEl) {
    svgEl = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svgEl.setAttribute('class', 'strip');
    box.append(svgEl);
  }
  const svg = d3
    .select(svgEl)
    .attr('width', geo.width + 2)
    .attr('height', geo.height + 2)
    .attr('role', 'img')
    .attr('aria-label', `memory of buffer ${buffer.id}`);
  const cs = geo.cell;
  const joined = svg
    .selectAll<SVGGElement, StripCell>('g.mem')
    .data(geo.cells, (c) => String(c.i))
    .join((enter) => {
      const g = enter
        .append('g')
        .attr('class', 'mem')
        .attr('transform', (c) => `translate(${c.x + 1},${c.y + 1})`)
        .attr('data-cell', (c) => c.i)
        .attr('data-address', (c) => c.address);
      g.append('rect')
        .attr('width', cs - 2)
        .attr('height', cs - 2)
        .attr('rx', 2);
      g.append('text')
        .attr('class', 'v')
        .attr('x', (cs - 2) / 2)
        .attr('y', cs / 2 + 1);
      g.append('text')
        .attr('class', 'addr')
        .attr('x', 2)
        .attr('y', 9)
        .text((c) => String(c.address));
      g.append('title').text(
        (c) => `byte ${c.address}–${c.address + buffer.itemsize - 1} (cell ${c.i})`,
      );
      return g;
    })
    .on('mouseenter', (_e, c) => o.onHover(c.i))
    .on('mouseleave', () => o.onHover(null));
  // touch only what changes: the footprint class and the value text
  joined.each(function (c) {
    const node = this as SVGGElement & { ndText?: string };
    const inFp = o.footprint.has(c.i);
    if (node.classList.contains('in') !== inFp) node.classList.toggle('in', inFp);
    const text = clip(fmtValue(o.values?.[c.i]));
    if (node.ndText !== text) {
      node.ndText = text;
      (node.querySelector('text.v') as SVGTextElement).textContent = text;
    }
  });
}
