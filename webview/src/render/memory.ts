/** The memory strip of one buffer: cells of itemsize bytes, the selected array's footprint marked. */
import * as d3 from 'd3';
import type { BufferInfo, JsonScalar } from '../../../src/trace/schema';
import { pageFor, stripGeometry, type StripCell } from '../layout/memory';
import { fmtValue } from '../state/model';
import { clear, cssVar, el } from './dom';

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
  let wrap = box.querySelector<HTMLElement>(':scope > .strip-wrap');
  let svgEl = wrap?.querySelector<SVGSVGElement>('svg.strip');
  let layer = wrap?.querySelector<HTMLCanvasElement>('canvas.strip-values');
  if (!wrap || !svgEl || !layer) {
    wrap = el('div', { class: 'strip-wrap' });
    svgEl = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svgEl.setAttribute('class', 'strip');
    // The values are drawn on a canvas over the cells: SVG re-lays out every <text> of the strip
    // when one changes (~a frame for 256 cells under load); a canvas redraw costs no layout.
    layer = el('canvas', { class: 'strip-values', 'aria-hidden': 'true' });
    wrap.append(svgEl, layer);
    box.append(wrap);
  }
  // attribute writes only when they change: a rewritten width dirties the SVG's layout
  const attrs: [string, string][] = [
    ['width', String(geo.width + 2)],
    ['height', String(geo.height + 2)],
    ['role', 'img'],
    ['aria-label', `memory of buffer ${buffer.id}`],
  ];
  for (const [k, v] of attrs) if (svgEl.getAttribute(k) !== v) svgEl.setAttribute(k, v);
  const svg = d3.select(svgEl);
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
  // touch only what changes: the footprint class and the value (data-value, read by tests)
  let changed = false;
  const texts: string[] = [];
  joined.each(function (c) {
    const node = this as SVGGElement & { ndText?: string };
    const inFp = o.footprint.has(c.i);
    if (node.classList.contains('in') !== inFp) node.classList.toggle('in', inFp);
    const text = clip(fmtValue(o.values?.[c.i]));
    texts.push(text);
    if (node.ndText !== text) {
      node.ndText = text;
      node.setAttribute('data-value', text);
      changed = true;
    }
  });
  drawValues(layer, geo, texts, changed);
}

/** The cells' values on the canvas layer; redrawn only when a value or the size changed. */
function drawValues(
  layer: HTMLCanvasElement,
  geo: ReturnType<typeof stripGeometry>,
  texts: string[],
  changed: boolean,
): void {
  const ratio = window.devicePixelRatio || 1;
  const w = geo.width + 2;
  const h = geo.height + 2;
  const tw = Math.ceil(w * ratio);
  const th = Math.ceil(h * ratio);
  // redrawn also when the theme changed (cssVar's cache is reset by VS Code's theme switch)
  const fill = cssVar('--nd-cell-fg', '#e6e6e6');
  const key = `${texts.length} ${fill}`;
  const l = layer as HTMLCanvasElement & { ndKey?: string };
  if (layer.width !== tw || layer.height !== th) {
    layer.width = tw;
    layer.height = th;
    layer.style.width = `${w}px`;
    layer.style.height = `${h}px`;
  } else if (!changed && l.ndKey === key) return;
  l.ndKey = key;
  const ctx = layer.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, tw, th);
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  const cs = geo.cell;
  ctx.font = `9.5px ${cssVar('--vscode-editor-font-family', '') || "ui-monospace, 'SF Mono', Menlo, Consolas, monospace"}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = fill;
  geo.cells.forEach((c, k) => {
    const t = texts[k];
    if (t) ctx.fillText(t, c.x + 1 + (cs - 2) / 2, c.y + 1 + cs / 2 + 1);
  });
}
