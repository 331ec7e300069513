/**
 * One array card: header (name, dtype, shape, badges, view-of / copy), stride arrows, and the
 * grid — SVG cells (keyed join) for slabs up to SVG_MAX cells, a canvas written through
 * ImageData beyond (with hover picking). Values are drawn as text (d3 .text / fillText).
 */
import * as d3 from 'd3';
import type { ArraySnapshot } from '../../../src/trace/schema';
import { addressOf, cellIndex, flatIndex, gridCells, gridGeometry, type GridCell, type GridGeometry } from '../layout/grid';
import { fmtValue, numeric, tuple, valueAt, type Role } from '../state/model';
import { clear, cssVar, el } from './dom';

export const SVG_MAX = 1024;

export interface Hover {
  /** Element hovered: array id and index. */
  element?: { id: number; idx: number[] };
  /** Byte cell hovered: buffer id and cell number. */
  cell?: { bufferId: number; cell: number };
}

export interface GridOptions {
  a: ArraySnapshot;
  role: Role;
  kind: string;
  itemsize: number;
  lit: boolean;
  axes?: { rowAxis: number; colAxis: number; fixed: number[] };
  onAxes: (axes: { rowAxis: number; colAxis: number; fixed: number[] }) => void;
  onHover: (h: Hover | null) => void;
  onSelect: (id: number) => void;
  selected: boolean;
  transition: d3.Transition<d3.BaseType, unknown, null, undefined>;
}

const CELL = 34;

function badge(text: string, on: boolean, title: string): HTMLElement {
  const b = el('span', { class: `badge ${on ? 'on' : 'off'}`, title: `${title}: ${on ? 'yes' : 'no'}` }, text);
  return b;
}

/** Builds (or reuses) the card for array `a` inside `card`. */
export function renderArrayCard(card: HTMLElement, o: GridOptions): void {
  const { a } = o;
  card.dataset['id'] = String(a.id);
  card.classList.toggle('lit', o.lit);
  card.classList.toggle('selected', o.selected);
  card.setAttribute('aria-label', `array ${a.label ?? ''} #${a.id} ${a.dtype} shape ${tuple(a.shape)}`);
  let head = card.querySelector<HTMLElement>(':scope > .card-head');
  if (!head) {
    head = el('div', { class: 'card-head' });
    card.append(head);
    head.addEventListener('click', () => o.onSelect(Number(card.dataset['id'])));
  }
  clear(head);
  const name = el('span', { class: 'name' }, a.label ? `${a.label}` : `#${a.id}`);
  head.append(name);
  if (a.label) head.append(el('span', { class: 'id' }, `#${a.id}`));
  head.append(el('span', { class: 'meta' }, `${a.dtype} · shape ${tuple(a.shape)} · strides ${tuple(a.strides)} · offset ${a.offset}`));
  const badges = el('span', { class: 'badges' });
  badges.append(
    badge('C', a.flags.c_contiguous, 'C-contiguous'),
    badge('F', a.flags.f_contiguous, 'F-contiguous'),
    badge('OWNDATA', a.flags.owndata, 'owns its data'),
    badge('WRITEABLE', a.flags.writeable, 'writeable'),
  );
  head.append(badges);
  const rel =
    a.base !== null
      ? `view of #${a.base}`
      : o.kind === 'copy' && o.role === 'output'
        ? 'copy'
        : o.role === 'output' && o.kind !== 'view'
          ? 'new buffer'
          : 'owns its buffer';
  head.append(el('span', { class: `rel ${a.base !== null ? 'view' : 'own'}` }, rel));
  head.append(el('span', { class: 'role' }, o.role));

  let controls = card.querySelector<HTMLElement>(':scope > .axes');
  if (a.shape.length >= 3) {
    if (!controls) {
      controls = el('div', { class: 'axes' });
      card.append(controls);
    }
    renderAxisSelectors(controls, o);
  } else controls?.remove();

  let body = card.querySelector<HTMLElement>(':scope > .grid-body');
  if (!body) {
    body = el('div', { class: 'grid-body' });
    card.append(body);
  }
  const spec = { shape: a.shape, strides: a.strides, offset: a.offset, cell: CELL, wrap: 24, ...(o.axes ?? {}) };
  const g = gridGeometry(spec);
  card.dataset['cells'] = String(g.count);
  if (g.count === 0) {
    clear(body);
    body.append(el('div', { class: 'empty' }, `empty array: shape ${tuple(a.shape)}, size 0 — no cells, no bytes addressed`));
    return;
  }
  if (g.count <= SVG_MAX) renderSvgGrid(body, o, spec, g);
  else {
    const flat = { ...spec, wrap: 0 };
    renderCanvasGrid(body, o, flat, gridGeometry(flat));
  }
}

function renderAxisSelectors(box: HTMLElement, o: GridOptions): void {
  const { a } = o;
  const g = gridGeometry({ shape: a.shape, strides: a.strides, offset: a.offset, ...(o.axes ?? {}) });
  clear(box);
  const mk = (label: string, value: number, choices: number[], names: (n: number) => string, on: (v: number) => void): void => {
    const id = `ax-${a.id}-${label.replace(/\W/g, '')}`;
    const l = el('label', { for: id }, label);
    const s = el('select', { id, 'aria-label': `${label} of array #${a.id}` });
    for (const c of choices) {
      const opt = el('option', { value: String(c) }, names(c));
      if (c === value) opt.selected = true;
      s.append(opt);
    }
    s.addEventListener('change', () => on(Number(s.value)));
    box.append(l, s);
  };
  const axes = a.shape.map((_, d) => d);
  const cur = { rowAxis: g.rowAxis, colAxis: g.colAxis, fixed: g.fixed };
  mk('rows', g.rowAxis, axes, (d) => `axis ${d} (${a.shape[d]})`, (v) => o.onAxes({ ...cur, rowAxis: v }));
  mk('cols', g.colAxis, axes, (d) => `axis ${d} (${a.shape[d]})`, (v) => o.onAxes({ ...cur, colAxis: v }));
  a.shape.forEach((n, d) => {
    if (d === g.rowAxis || d === g.colAxis) return;
    mk(`axis ${d} index`, g.fixed[d] ?? 0, Array.from({ length: Math.min(n, 256) }, (_, i) => i), String, (v) => {
      const fixed = [...cur.fixed];
      fixed[d] = v;
      o.onAxes({ ...cur, fixed });
    });
  });
  box.append(el('span', { class: 'slabs' }, `slab ${g.fixed.filter((_, d) => d !== g.rowAxis && d !== g.colAxis).join(',')} of ${g.slabs} slabs`));
}

/** Stride arrows: one per drawn axis, pointing the way addresses grow, labelled in bytes. */
function strideArrows(svg: d3.Selection<SVGSVGElement, unknown, null, undefined>, o: GridOptions, g: GridGeometry, x0: number, y0: number): void {
  const { a } = o;
  const data: { key: string; axis: number; x1: number; y1: number; x2: number; y2: number; label: string; stride: number; tx: number; ty: number }[] = [];
  if (g.colAxis >= 0) {
    const s = a.strides[g.colAxis] as number;
    const len = Math.min(g.width, 3 * CELL);
    const [x1, x2] = s < 0 ? [x0 + len, x0] : [x0, x0 + len];
    data.push({ key: 'col', axis: g.colAxis, x1, y1: y0 - 12, x2, y2: y0 - 12, stride: s, tx: x0 + len + 6, ty: y0 - 8, label: `axis ${g.colAxis}: ${s === 0 ? '0 B (repeats)' : `${s > 0 ? '+' : '−'}${Math.abs(s)} B`}` });
  }
  if (g.rowAxis >= 0) {
    const s = a.strides[g.rowAxis] as number;
    const len = Math.min(g.height, 3 * CELL);
    const [y1, y2] = s < 0 ? [y0 + len, y0] : [y0, y0 + len];
    data.push({ key: 'row', axis: g.rowAxis, x1: x0 - 12, y1, x2: x0 - 12, y2, stride: s, tx: x0 - 14, ty: y0 + g.height + 30, label: `axis ${g.rowAxis}: ${s === 0 ? '0 B (repeats)' : `${s > 0 ? '+' : '−'}${Math.abs(s)} B`}` });
  }
  const arrows = svg
    .selectAll<SVGGElement, (typeof data)[number]>('g.stride')
    .data(data, (d) => d.key)
    .join((enter) => {
      const gg = enter.append('g').attr('class', 'stride');
      gg.append('line');
      gg.append('text');
      return gg;
    })
    .classed('zero', (d) => d.stride === 0)
    .classed('neg', (d) => d.stride < 0)
    .attr('data-axis', (d) => d.axis)
    .attr('data-stride', (d) => d.stride);
  arrows
    .select('line')
    .attr('x1', (d) => d.x1)
    .attr('y1', (d) => d.y1)
    .attr('x2', (d) => d.x2)
    .attr('y2', (d) => d.y2)
    .attr('marker-end', (d) => (d.stride === 0 ? null : 'url(#nd-arrow)'));
  arrows
    .select('text')
    .attr('x', (d) => d.tx)
    .attr('y', (d) => d.ty)
    .attr('text-anchor', (d) => (d.key === 'row' ? 'start' : 'start'))
    .text((d) => d.label);
}

function renderSvgGrid(body: HTMLElement, o: GridOptions, spec: Parameters<typeof gridCells>[0], g: GridGeometry): void {
  const { a } = o;
  body.querySelector('canvas')?.remove();
  body.querySelector('.big-note')?.remove();
  const padL = g.rowAxis >= 0 || g.wrap ? 30 : 6;
  const padT = 30;
  const stacked = Math.min(3, g.slabs - 1);
  const w = padL + g.width + stacked * 6 + 150;
  const h = padT + g.height + stacked * 6 + (g.rowAxis >= 0 ? 36 : 18);
  let svgEl = body.querySelector<SVGSVGElement>('svg.grid');
  if (!svgEl) {
    svgEl = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svgEl.setAttribute('class', 'grid');
    body.append(svgEl);
  }
  const svg = d3.select(svgEl).attr('width', w).attr('height', h).attr('role', 'img').attr('aria-label', `grid of ${g.count} cells`);
  // ghost slabs behind a ≥3-D slab
  svg
    .selectAll('rect.slab')
    .data(d3.range(stacked).reverse(), (d) => String(d))
    .join('rect')
    .attr('class', 'slab')
    .attr('x', (d) => padL + (d + 1) * 6)
    .attr('y', (d) => padT - (d + 1) * 6 + 6 * stacked)
    .attr('width', g.width)
    .attr('height', g.height);
  const oy = padT + 6 * stacked;
  strideArrows(svg, o, g, padL, oy);
  const cells = gridCells(spec, g);
  const seen = new Set<number>();
  const ghosts = new Set<string>();
  for (const c of cells) {
    if (seen.has(c.address)) ghosts.add(c.key);
    seen.add(c.address);
  }
  const showText = true;
  const layer = svg
    .selectAll<SVGGElement, null>('g.cells')
    .data([null])
    .join('g')
    .attr('class', 'cells')
    .attr('transform', `translate(${padL},${oy})`);
  const t = o.transition;
  layer
    .selectAll<SVGGElement, GridCell>('g.cell')
    .data(cells, (c) => c.key)
    .join(
      (enter) => {
        const gg = enter
          .append('g')
          .attr('class', 'cell')
          .attr('transform', (c) => `translate(${c.x},${c.y})`)
          .style('opacity', 0);
        gg.append('rect').attr('width', CELL - 2).attr('height', CELL - 2).attr('rx', 3);
        gg.append('text').attr('x', (CELL - 2) / 2).attr('y', CELL / 2 + 2);
        gg.on('mouseenter', (_ev, c) => o.onHover({ element: { id: a.id, idx: c.idx } })).on('mouseleave', () => o.onHover(null));
        gg.transition(t).style('opacity', 1);
        return gg;
      },
      (update) => update.call((u) => u.transition(t).style('opacity', 1).attr('transform', (c) => `translate(${c.x},${c.y})`)),
    )
    .attr('data-idx', (c) => c.key)
    .attr('data-address', (c) => c.address)
    .classed('ghost', (c) => ghosts.has(c.key))
    .select('text')
    .text((c) => (showText ? clip(fmtValue(valueAt(a, c.flat))) : ''));
  // hover handlers must see the current array (ids are stable per card, but keep them fresh)
  layer.selectAll<SVGGElement, GridCell>('g.cell').on('mouseenter', (_ev, c) => o.onHover({ element: { id: a.id, idx: c.idx } }));
  // axis tick labels (indices)
  const ticks: { key: string; x: number; y: number; text: string }[] = [];
  for (let c = 0; c < g.cols && g.cols <= 64; c++) ticks.push({ key: `c${c}`, x: padL + c * CELL + (CELL - 2) / 2, y: oy + g.height + 12, text: String(c) });
  for (let r = 0; r < g.rows && (g.rowAxis >= 0 || g.wrap > 0) && g.rows <= 64; r++) ticks.push({ key: `r${r}`, x: padL - 4, y: oy + r * CELL + CELL / 2 + 3, text: String(g.wrap ? r * g.wrap : r) });
  svg
    .selectAll<SVGTextElement, (typeof ticks)[number]>('text.tick')
    .data(ticks, (d) => d.key)
    .join('text')
    .attr('class', (d) => `tick ${d.key[0] === 'r' ? 'row' : 'col'}`)
    .attr('x', (d) => d.x)
    .attr('y', (d) => d.y)
    .text((d) => d.text);
}

/** Large slabs: one ImageData pixel block per element (aggregated when wider than the canvas). */
function renderCanvasGrid(body: HTMLElement, o: GridOptions, spec: Parameters<typeof gridCells>[0], g: GridGeometry): void {
  const { a } = o;
  body.querySelector('svg.grid')?.remove();
  let canvas = body.querySelector('canvas');
  let note = body.querySelector<HTMLElement>('.big-note');
  if (!note) {
    note = el('div', { class: 'big-note' });
    body.prepend(note);
  }
  const axisNote = g.rowAxis >= 0 ? `${g.rows} × ${g.cols}` : `${g.cols}`;
  note.textContent = `${a.size.toLocaleString('en-US')} elements (${axisNote} slab drawn on a canvas; hover to read any element). ${a.values ? 'Colour = value. ' : 'Values beyond the recorded head/tail are not in the trace: colour = byte address. '}NumPy prints: ${summaryOf(a)}`;
  const maxPx = 600;
  const px = Math.max(1, Math.min(12, Math.floor(maxPx / g.cols), Math.floor(maxPx / Math.max(1, g.rows))));
  // one canvas pixel per element (or per block of elements when the slab is wider than 2048)
  const step = Math.max(1, Math.ceil(Math.max(g.cols, g.rows) / 2048));
  const cw = Math.ceil(g.cols / step);
  const ch = Math.ceil(g.rows / step);
  if (!canvas) {
    canvas = document.createElement('canvas');
    canvas.setAttribute('role', 'img');
    body.append(canvas);
    canvas.addEventListener('mousemove', (ev) => {
      const cv = ev.currentTarget as HTMLCanvasElement;
      const info = (cv as HTMLCanvasElement & { ndPick?: (x: number, y: number) => void }).ndPick;
      // offsetX/Y: from the padding edge, so the border does not shift the pick
      info?.(ev.offsetX / Math.max(1, cv.clientWidth), ev.offsetY / Math.max(1, cv.clientHeight));
    });
    canvas.addEventListener('mouseleave', () => o.onHover(null));
  }
  canvas.setAttribute('aria-label', `canvas grid of ${g.count} cells`);
  canvas.width = cw;
  canvas.height = ch;
  const dispW = Math.min(maxPx, g.cols * px);
  const dispH = Math.min(maxPx, g.rows * px);
  canvas.style.width = `${Math.max(dispW, 40)}px`;
  canvas.style.height = `${Math.max(dispH, 8)}px`;
  (canvas as HTMLCanvasElement & { ndPick?: (x: number, y: number) => void }).ndPick = (fx, fy) => {
    const c = Math.max(0, Math.min(g.cols - 1, Math.floor(fx * g.cols)));
    const r = Math.max(0, Math.min(g.rows - 1, Math.floor(fy * g.rows)));
    o.onHover({ element: { id: a.id, idx: cellIndex(g, r, c) } });
  };
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const img = ctx.createImageData(cw, ch);
  const lo = rgb(cssVar('--nd-ramp-lo', '#1b3a5c'));
  const hi = rgb(cssVar('--nd-ramp-hi', '#f0b429'));
  const unk = rgb(cssVar('--nd-unknown', '#555555'));
  // value range from what is recorded
  let min = Infinity;
  let max = -Infinity;
  const src = a.values ?? [...(a.preview?.head ?? []), ...(a.preview?.tail ?? [])];
  for (const v of src) {
    const n = numeric(v);
    if (Number.isFinite(n)) {
      if (n < min) min = n;
      if (n > max) max = n;
    }
  }
  // Values beyond the capture limit are not in the trace: shade by byte address instead (honest,
  // and it shows the stride pattern).
  const byAddress = !a.values;
  if (byAddress) {
    min = a.offset;
    max = a.offset;
    a.shape.forEach((n, d) => {
      const s = (a.strides[d] as number) * (n - 1);
      if (s < 0) min += s;
      else max += s;
    });
  }
  const span = max > min ? max - min : 1;
  const d = img.data;
  const idx = [...g.fixed];
  for (let y = 0; y < ch; y++) {
    for (let x = 0; x < cw; x++) {
      if (g.rowAxis >= 0) idx[g.rowAxis] = y * step;
      if (g.colAxis >= 0) idx[g.colAxis] = x * step;
      const v = byAddress ? addressOf(idx, a.strides, a.offset) : numeric(valueAt(a, flatIndex(idx, a.shape)));
      const p = (y * cw + x) * 4;
      if (Number.isFinite(v)) {
        const f = (v - min) / span;
        d[p] = lo[0] + (hi[0] - lo[0]) * f;
        d[p + 1] = lo[1] + (hi[1] - lo[1]) * f;
        d[p + 2] = lo[2] + (hi[2] - lo[2]) * f;
      } else {
        d[p] = unk[0];
        d[p + 1] = unk[1];
        d[p + 2] = unk[2];
      }
      d[p + 3] = 255;
    }
  }
  ctx.putImageData(img, 0, 0);
  void spec;
}

/** Cell text fits a cell: long values (big int64s, odd strings) are cut; the readout has them whole. */
const clip = (t: string): string => (t.length > 6 ? `${t.slice(0, 5)}…` : t);

function summaryOf(a: ArraySnapshot): string {
  const head = a.values ? a.values.slice(0, 3) : (a.preview?.head.slice(0, 3) ?? []);
  const tail = a.values ? a.values.slice(-3) : (a.preview?.tail.slice(-3) ?? []);
  return `[${head.map(fmtValue).join(' ')} ... ${tail.map(fmtValue).join(' ')}]`;
}

function rgb(c: string): [number, number, number] {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})/i.exec(c);
  if (m) return [parseInt(m[1] as string, 16), parseInt(m[2] as string, 16), parseInt(m[3] as string, 16)];
  const r = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(c);
  if (r) return [Number(r[1]), Number(r[2]), Number(r[3])];
  return [128, 128, 128];
}
