/**
 * One array card: header (name, dtype, shape, badges, view-of / copy), stride arrows, and the
 * grid — SVG cells (keyed join) for slabs up to SVG_MAX cells, a canvas written through
 * ImageData beyond (with hover picking). Values are drawn as text (d3 .text / fillText).
 */
import * as d3 from 'd3';
import type { ArraySnapshot } from '../../../src/trace/schema';
import {
  addressOf,
  cellIndex,
  flatIndex,
  gridCells,
  gridGeometry,
  type GridCell,
  type GridGeometry,
} from '../layout/grid';
import { fmtValue, numeric, tuple, valueAt, type Role } from '../state/model';
import { clear, cssVar, el } from './dom';

/** Slabs up to this many cells are SVG (a keyed join); larger ones go to a canvas. */
export const SVG_MAX = 256;
/** Canvas slabs up to this many cells draw one rect (and value) per element; beyond, ImageData. */
export const CELL_MODE_MAX = 20_000;

/** Cell text fits a cell: long values (big int64s, odd strings) are cut; the readout has them whole. */
const clip = (t: string): string => (t.length > 6 ? `${t.slice(0, 5)}…` : t);

export interface Hover {
  /** Element hovered: array id and index. */
  element?: { id: number; idx: number[] };
  /** Byte cell hovered: buffer id and cell number. */
  cell?: { bufferId: number; cell: number };
}

/** A card remembers its slab geometry, for keyboard navigation of its elements. */
export type CardElement = HTMLElement & {
  ndGrid?: { g: GridGeometry; id: number };
  ndCursor?: { r: number; c: number };
};

/** Moves a card's keyboard cursor by (dr, dc); returns the element index under it, or null. */
export function moveCursor(card: CardElement, dr: number, dc: number): number[] | null {
  const grid = card.ndGrid;
  if (!grid || grid.g.count === 0) return null;
  const cur = card.ndCursor ?? { r: 0, c: 0 };
  const r = Math.max(0, Math.min(grid.g.rows - 1, cur.r + dr));
  const c = Math.max(0, Math.min(grid.g.cols - 1, cur.c + dc));
  card.ndCursor = { r, c };
  return cellIndex(grid.g, r, c);
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
  const b = el(
    'span',
    { class: `badge ${on ? 'on' : 'off'}`, title: `${title}: ${on ? 'yes' : 'no'}` },
    text,
  );
  return b;
}

/** Builds (or reuses) the card for array `a` inside `card`. */
export function renderArrayCard(card: HTMLElement, o: GridOptions): void {
  const { a } = o;
  card.dataset['id'] = String(a.id);
  card.classList.toggle('lit', o.lit);
  card.classList.toggle('selected', o.selected);
  card.setAttribute(
    'aria-label',
    `array ${a.label ?? ''} #${a.id} ${a.dtype} shape ${tuple(a.shape)}`,
  );
  let head = card.querySelector<HTMLElement>(':scope > .card-head');
  if (!head) {
    head = el('div', { class: 'card-head' });
    card.append(head);
    head.addEventListener('click', () => o.onSelect(Number(card.dataset['id'])));
  }
  const rel =
    a.base !== null
      ? `view of #${a.base}`
      : o.kind === 'copy' && o.role === 'output'
        ? 'copy'
        : o.role === 'output' && o.kind !== 'view'
          ? 'new buffer'
          : 'owns its buffer';
  // rebuild the header only when it changes (a rebuilt header re-lays out the whole page)
  const sig = JSON.stringify([
    a.label,
    a.id,
    a.dtype,
    a.shape,
    a.strides,
    a.offset,
    a.flags,
    rel,
    o.role,
  ]);
  if (head.dataset['sig'] !== sig) {
    head.dataset['sig'] = sig;
    fillHead(head, a, rel, o.role);
  }
  renderBody(card, o);
}

function fillHead(head: HTMLElement, a: ArraySnapshot, rel: string, role: string): void {
  clear(head);
  const name = el('span', { class: 'name' }, a.label ? `${a.label}` : `#${a.id}`);
  head.append(name);
  if (a.label) head.append(el('span', { class: 'id' }, `#${a.id}`));
  head.append(
    el(
      'span',
      { class: 'meta' },
      `${a.dtype} · shape ${tuple(a.shape)} · strides ${tuple(a.strides)} · offset ${a.offset}`,
    ),
  );
  const badges = el('span', { class: 'badges' });
  badges.append(
    badge('C', a.flags.c_contiguous, 'C-contiguous'),
    badge('F', a.flags.f_contiguous, 'F-contiguous'),
    badge('OWNDATA', a.flags.owndata, 'owns its data'),
    badge('WRITEABLE', a.flags.writeable, 'writeable'),
  );
  head.append(badges);
  head.append(el('span', { class: `rel ${a.base !== null ? 'view' : 'own'}` }, rel));
  head.append(el('span', { class: 'role' }, role));
}

function renderBody(card: HTMLElement, o: GridOptions): void {
  const { a } = o;

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
  const spec = {
    shape: a.shape,
    strides: a.strides,
    offset: a.offset,
    cell: CELL,
    wrap: 24,
    ...(o.axes ?? {}),
  };
  const g = gridGeometry(spec);
  card.dataset['cells'] = String(g.count);
  (card as CardElement).ndGrid = { g: g.wrap ? gridGeometry({ ...spec, wrap: 0 }) : g, id: a.id };
  if (g.count === 0) {
    clear(body);
    body.append(
      el(
        'div',
        { class: 'empty' },
        `empty array: shape ${tuple(a.shape)}, size 0 — no cells, no bytes addressed`,
      ),
    );
    return;
  }
  if (g.count <= SVG_MAX) {
    body.querySelector('.canvas-wrap')?.remove();
    body.querySelector('.big-note')?.remove();
    renderSvgGrid(body, o, spec, g);
  } else {
    const flat = { ...spec, wrap: 0 };
    renderCanvasGrid(body, o, flat, gridGeometry(flat));
  }
}

function renderAxisSelectors(box: HTMLElement, o: GridOptions): void {
  const { a } = o;
  const g = gridGeometry({
    shape: a.shape,
    strides: a.strides,
    offset: a.offset,
    ...(o.axes ?? {}),
  });
  clear(box);
  const mk = (
    label: string,
    value: number,
    choices: number[],
    names: (n: number) => string,
    on: (v: number) => void,
  ): void => {
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
  mk(
    'rows',
    g.rowAxis,
    axes,
    (d) => `axis ${d} (${a.shape[d]})`,
    (v) => o.onAxes({ ...cur, rowAxis: v }),
  );
  mk(
    'cols',
    g.colAxis,
    axes,
    (d) => `axis ${d} (${a.shape[d]})`,
    (v) => o.onAxes({ ...cur, colAxis: v }),
  );
  a.shape.forEach((n, d) => {
    if (d === g.rowAxis || d === g.colAxis) return;
    mk(
      `axis ${d} index`,
      g.fixed[d] ?? 0,
      Array.from({ length: Math.min(n, 256) }, (_, i) => i),
      String,
      (v) => {
        const fixed = [...cur.fixed];
        fixed[d] = v;
        o.onAxes({ ...cur, fixed });
      },
    );
  });
  box.append(
    el(
      'span',
      { class: 'slabs' },
      `slab ${g.fixed.filter((_, d) => d !== g.rowAxis && d !== g.colAxis).join(',')} of ${g.slabs} slabs`,
    ),
  );
}

/** Stride arrows: one per drawn axis, pointing the way addresses grow, labelled in bytes. */
function strideArrows(
  svg: d3.Selection<SVGSVGElement, unknown, null, undefined>,
  o: GridOptions,
  g: GridGeometry,
  x0: number,
  y0: number,
): void {
  const { a } = o;
  const data: {
    key: string;
    axis: number;
    x1: number;
    y1: number;
    x2: number;
    y2: number;
    label: string;
    stride: number;
    tx: number;
    ty: number;
  }[] = [];
  if (g.colAxis >= 0) {
    const s = a.strides[g.colAxis] as number;
    const len = Math.min(g.width, 3 * CELL);
    const [x1, x2] = s < 0 ? [x0 + len, x0] : [x0, x0 + len];
    data.push({
      key: 'col',
      axis: g.colAxis,
      x1,
      y1: y0 - 12,
      x2,
      y2: y0 - 12,
      stride: s,
      tx: x0 + len + 6,
      ty: y0 - 8,
      label: `axis ${g.colAxis}: ${s === 0 ? '0 B (repeats)' : `${s > 0 ? '+' : '−'}${Math.abs(s)} B`}`,
    });
  }
  if (g.rowAxis >= 0) {
    const s = a.strides[g.rowAxis] as number;
    const len = Math.min(g.height, 3 * CELL);
    const [y1, y2] = s < 0 ? [y0 + len, y0] : [y0, y0 + len];
    data.push({
      key: 'row',
      axis: g.rowAxis,
      x1: x0 - 12,
      y1,
      x2: x0 - 12,
      y2,
      stride: s,
      tx: x0 - 14,
      ty: y0 + g.height + 30,
      label: `axis ${g.rowAxis}: ${s === 0 ? '0 B (repeats)' : `${s > 0 ? '+' : '−'}${Math.abs(s)} B`}`,
    });
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

function renderSvgGrid(
  body: HTMLElement,
  o: GridOptions,
  spec: Parameters<typeof gridCells>[0],
  g: GridGeometry,
): void {
  const { a } = o;
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
  const svg = d3
    .select(svgEl)
    .attr('width', w)
    .attr('height', h)
    .attr('role', 'img')
    .attr('aria-label', `grid of ${g.count} cells`);
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
  const layerSel = svg.selectAll<SVGGElement, null>('g.cells').data([null]);
  // one transition per step change: a new grid fades in; cells whose value changed are marked
  const layer = layerSel
    .join((enter) => {
      const l = enter.append('g').attr('class', 'cells').style('opacity', 0);
      l.transition(o.transition).style('opacity', 1);
      l.on('mouseover', (ev: MouseEvent) => {
        const node = (ev.target as Element).closest('g.cell') as
          (SVGGElement & { __data__?: GridCell }) | null;
        const host = ev.currentTarget as SVGGElement & { ndHover?: (c: GridCell) => void };
        if (node?.__data__) host.ndHover?.(node.__data__);
      });
      l.on('mouseleave', (ev: MouseEvent) =>
        (ev.currentTarget as SVGGElement & { ndLeave?: () => void }).ndLeave?.(),
      );
      return l;
    })
    .attr('transform', `translate(${padL},${oy})`);
  const layerNode = layer.node() as SVGGElement & {
    ndHover?: (c: GridCell) => void;
    ndLeave?: () => void;
  };
  layerNode.ndHover = (c) => o.onHover({ element: { id: a.id, idx: c.idx } });
  layerNode.ndLeave = () => o.onHover(null);
  const joined = layer
    .selectAll<SVGGElement, GridCell>('g.cell')
    .data(cells, (c) => c.key)
    .join((enter) => {
      const gg = enter
        .append('g')
        .attr('class', (c) => (ghosts.has(c.key) ? 'cell ghost' : 'cell'))
        .attr('transform', (c) => `translate(${c.x},${c.y})`)
        .attr('data-idx', (c) => c.key)
        .attr('data-address', (c) => c.address);
      gg.append('rect')
        .attr('width', CELL - 2)
        .attr('height', CELL - 2)
        .attr('rx', 3);
      gg.append('text')
        .attr('x', (CELL - 2) / 2)
        .attr('y', CELL / 2 + 2);
      return gg;
    });
  // touch only the cells whose text changes (the style/layout cost is per touched node)
  joined.each(function (c) {
    const node = this as SVGGElement & { ndText?: string };
    const text = clip(fmtValue(valueAt(a, c.flat)));
    if (node.ndText === text) {
      if (node.classList.contains('changed')) node.classList.remove('changed');
      return;
    }
    const had = node.ndText !== undefined;
    node.ndText = text;
    const t = node.lastChild as SVGTextElement;
    t.textContent = text;
    node.classList.toggle('changed', had);
  });
  // axis tick labels (indices)
  const ticks: { key: string; x: number; y: number; text: string }[] = [];
  for (let c = 0; c < g.cols && g.cols <= 64; c++)
    ticks.push({
      key: `c${c}`,
      x: padL + c * CELL + (CELL - 2) / 2,
      y: oy + g.height + 12,
      text: String(c),
    });
  for (let r = 0; r < g.rows && (g.rowAxis >= 0 || g.wrap > 0) && g.rows <= 64; r++)
    ticks.push({
      key: `r${r}`,
      x: padL - 4,
      y: oy + r * CELL + CELL / 2 + 3,
      text: String(g.wrap ? r * g.wrap : r),
    });
  svg
    .selectAll<SVGTextElement, (typeof ticks)[number]>('text.tick')
    .data(ticks, (d) => d.key)
    .join('text')
    .attr('class', (d) => `tick ${d.key[0] === 'r' ? 'row' : 'col'}`)
    .attr('x', (d) => d.x)
    .attr('y', (d) => d.y)
    .text((d) => d.text);
}

/** Canvas picking and highlighting, kept on the canvas element (the card is reused across steps). */
interface CanvasState {
  g: GridGeometry;
  a: ArraySnapshot;
  /** CSS px per cell (fractional when aggregated). */
  pxX: number;
  pxY: number;
  onHover: (h: Hover | null) => void;
}
type NdCanvas = HTMLCanvasElement & { nd?: CanvasState };

/**
 * Slabs beyond SVG_MAX cells: one canvas. Up to CELL_MODE_MAX cells each element is a rect (with
 * its value as text when cells are big enough to read); beyond, one ImageData pixel per element
 * (aggregated past 2048 per side). Hover picks the element under the mouse.
 */
function renderCanvasGrid(
  body: HTMLElement,
  o: GridOptions,
  _spec: Parameters<typeof gridCells>[0],
  g: GridGeometry,
): void {
  const { a } = o;
  body.querySelector('svg.grid')?.remove();
  let note = body.querySelector<HTMLElement>('.big-note');
  if (!note) {
    note = el('div', { class: 'big-note' });
    body.prepend(note);
  }
  const axisNote = g.rowAxis >= 0 ? `${g.rows} × ${g.cols}` : `${g.cols}`;
  const cellMode = g.count <= CELL_MODE_MAX;
  note.textContent = `${a.size.toLocaleString('en-US')} elements (${axisNote} slab on a canvas; hover to read any element). ${a.values ? 'Colour = value. ' : 'Values beyond the recorded head/tail are not in the trace: colour = byte address. '}NumPy prints: ${summaryOf(a)}`;
  let wrap = body.querySelector<HTMLElement>('.canvas-wrap');
  let canvas = wrap?.querySelector('canvas') as NdCanvas | null | undefined;
  if (!wrap || !canvas) {
    wrap = el('div', { class: 'canvas-wrap' });
    canvas = document.createElement('canvas') as NdCanvas;
    canvas.setAttribute('role', 'img');
    const overlay = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    overlay.setAttribute('class', 'overlay');
    wrap.append(canvas, overlay);
    body.append(wrap);
    canvas.addEventListener('mousemove', (ev) => {
      const cv = ev.currentTarget as NdCanvas;
      const st = cv.nd;
      if (!st) return;
      // offsetX/Y: from the padding edge, so the border does not shift the pick
      const c = Math.max(0, Math.min(st.g.cols - 1, Math.floor(ev.offsetX / st.pxX)));
      const r = Math.max(0, Math.min(st.g.rows - 1, Math.floor(ev.offsetY / st.pxY)));
      st.onHover({ element: { id: st.a.id, idx: cellIndex(st.g, r, c) } });
    });
    canvas.addEventListener('mouseleave', () => canvas?.nd?.onHover(null));
  }
  canvas.setAttribute('aria-label', `canvas grid of ${g.count} cells`);
  const lo = rgb(cssVar('--nd-ramp-lo', '#1b3a5c'));
  const hi = rgb(cssVar('--nd-ramp-hi', '#f0b429'));
  const unk = rgb(cssVar('--nd-unknown', '#555555'));
  // colour by value (recorded) or by byte address (values not in the trace)
  const byAddress = !a.values;
  let min = Infinity;
  let max = -Infinity;
  if (byAddress) {
    min = a.offset;
    max = a.offset;
    a.shape.forEach((n, d) => {
      const st = (a.strides[d] as number) * (n - 1);
      if (st < 0) min += st;
      else max += st;
    });
  } else {
    for (const v of a.values ?? []) {
      const n = numeric(v);
      if (Number.isFinite(n)) {
        if (n < min) min = n;
        if (n > max) max = n;
      }
    }
  }
  const span = max > min ? max - min : 1;
  const idx = [...g.fixed];

  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  // colours: one ImageData pixel per element (per block past 2048 per side), scaled up by CSS
  const step = Math.max(1, Math.ceil(Math.max(g.cols, g.rows) / 2048));
  const cw = Math.ceil(g.cols / step);
  const ch = Math.ceil(g.rows / step);
  if (canvas.width !== cw) canvas.width = cw;
  if (canvas.height !== ch) canvas.height = ch;
  const px = cellMode ? Math.max(3, Math.min(CELL, Math.floor(1100 / g.cols))) : 0;
  const scale = cellMode ? px : Math.min(600 / g.cols, 600 / Math.max(1, g.rows), 12);
  const dispW = Math.max(cellMode ? 0 : 40, g.cols * scale);
  const dispH = Math.max(cellMode ? 0 : 8, g.rows * scale);
  canvas.style.width = `${dispW}px`;
  canvas.style.height = `${dispH}px`;
  // The colour layer depends on the layout (and the values, when recorded): redraw only when
  // that changed — a step that only writes unrecorded values leaves it as it is.
  const key = [a.id, a.shape, a.strides, a.offset, g.rowAxis, g.colAxis, g.fixed, lo, hi, unk].join(
    '|',
  );
  const cached = canvas as NdCanvas & { ndKey?: string; ndValues?: unknown };
  if (cached.ndKey !== key || (a.values !== undefined && cached.ndValues !== a.values)) {
    cached.ndKey = key;
    cached.ndValues = a.values;
    const img = ctx.createImageData(cw, ch);
    const px32 = new Uint32Array(img.data.buffer);
    // palette: 256 levels from lo to hi, little-endian RGBA
    const pal = new Uint32Array(257);
    for (let k = 0; k < 256; k++) {
      const c = mix(lo, hi, k / 255);
      pal[k] = (255 << 24) | (Math.round(c[2]) << 16) | (Math.round(c[1]) << 8) | Math.round(c[0]);
    }
    pal[256] = (255 << 24) | (unk[2] << 16) | (unk[1] << 8) | unk[0];
    // strided walk over the slab: address and C-order flat index grow by fixed steps
    const nd = a.shape.length;
    const cstr = new Array<number>(nd).fill(1);
    for (let dd = nd - 2; dd >= 0; dd--)
      cstr[dd] = (cstr[dd + 1] as number) * (a.shape[dd + 1] as number);
    let addr0 = a.offset;
    let flat0 = 0;
    g.fixed.forEach((v, dd) => {
      if (dd === g.rowAxis || dd === g.colAxis) return;
      addr0 += v * (a.strides[dd] as number);
      flat0 += v * (cstr[dd] as number);
    });
    const sR = g.rowAxis >= 0 ? (a.strides[g.rowAxis] as number) * step : 0;
    const sC = g.colAxis >= 0 ? (a.strides[g.colAxis] as number) * step : 0;
    const fR = g.rowAxis >= 0 ? (cstr[g.rowAxis] as number) * step : 0;
    const fC = g.colAxis >= 0 ? (cstr[g.colAxis] as number) * step : 0;
    const k255 = 255 / span;
    for (let y = 0; y < ch; y++) {
      let addr = addr0 + y * sR;
      let flat = flat0 + y * fR;
      const row = y * cw;
      for (let x = 0; x < cw; x++) {
        const v = byAddress ? addr : numeric(valueAt(a, flat));
        px32[row + x] =
          v === v && v !== Infinity && v !== -Infinity
            ? (pal[Math.max(0, Math.min(255, ((v - min) * k255) | 0))] as number)
            : (pal[256] as number);
        addr += sC;
        flat += fC;
      }
    }
    ctx.putImageData(img, 0, 0);
  }
  canvas.nd = { g, a, pxX: dispW / g.cols, pxY: dispH / g.rows, onHover: o.onHover };
  // values as text on a second canvas, when cells are big enough to read them
  let textLayer = wrap.querySelector<HTMLCanvasElement>('canvas.text-layer');
  if (cellMode && px >= 24) {
    if (!textLayer) {
      textLayer = document.createElement('canvas');
      textLayer.className = 'text-layer';
      textLayer.setAttribute('aria-hidden', 'true');
      wrap.insertBefore(textLayer, wrap.querySelector('svg.overlay'));
    }
    const ratio = window.devicePixelRatio || 1;
    const tw = Math.ceil(dispW * ratio);
    const th = Math.ceil(dispH * ratio);
    // resizing a canvas reallocates it: only when the size changes, else just clear
    if (textLayer.width !== tw || textLayer.height !== th) {
      textLayer.width = tw;
      textLayer.height = th;
      textLayer.style.width = `${dispW}px`;
      textLayer.style.height = `${dispH}px`;
    }
    const tc = textLayer.getContext('2d');
    if (tc) {
      tc.setTransform(1, 0, 0, 1, 0, 0);
      tc.clearRect(0, 0, tw, th);
      tc.setTransform(ratio, 0, 0, ratio, 0, 0);
      tc.strokeStyle = cssVar('--nd-bg', '#1e1e1e');
      tc.lineWidth = 1;
      tc.beginPath();
      for (let c = 1; c < g.cols; c++) {
        tc.moveTo(c * px + 0.5, 0);
        tc.lineTo(c * px + 0.5, dispH);
      }
      for (let r = 1; r < g.rows; r++) {
        tc.moveTo(0, r * px + 0.5);
        tc.lineTo(dispW, r * px + 0.5);
      }
      tc.stroke();
      tc.font = `10px ${cssVar('--vscode-editor-font-family', 'monospace')}`;
      tc.textAlign = 'center';
      tc.textBaseline = 'middle';
      tc.fillStyle = cssVar('--nd-cell-fg', '#e6e6e6');
      for (let r = 0; r < g.rows; r++) {
        for (let c = 0; c < g.cols; c++) {
          if (g.rowAxis >= 0) idx[g.rowAxis] = r;
          if (g.colAxis >= 0) idx[g.colAxis] = c;
          tc.fillText(
            clip(fmtValue(valueAt(a, flatIndex(idx, a.shape)))),
            c * px + px / 2,
            r * px + px / 2 + 1,
          );
        }
      }
    }
  } else textLayer?.remove();
  const overlay = wrap.querySelector('svg.overlay');
  overlay?.setAttribute('width', canvas.style.width);
  overlay?.setAttribute('height', canvas.style.height);
  if (overlay) clear(overlay);
}

/**
 * Outlines the slab elements of a canvas card whose byte address falls in cell `cell`; returns
 * their index keys (at most `max`).
 */
export function lightCanvas(card: Element, cell: number, itemsize: number, max = 64): string[] {
  const canvas = card.querySelector('canvas') as NdCanvas | null;
  const overlay = card.querySelector('svg.overlay');
  const st = canvas?.nd;
  if (!st || !overlay) return [];
  clear(overlay);
  const { g, a } = st;
  const keys: string[] = [];
  if (g.count > 200_000) {
    // too many to scan per hover: use the inverse for C-contiguous-like cases only
    return keys;
  }
  for (let r = 0; r < g.rows && keys.length < max; r++) {
    for (let c = 0; c < g.cols && keys.length < max; c++) {
      const idx = cellIndex(g, r, c);
      if (Math.floor(addressOf(idx, a.strides, a.offset) / itemsize) !== cell) continue;
      keys.push(idx.join(','));
      const rect = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
      rect.setAttribute('class', 'hot-cell');
      rect.setAttribute('x', String(c * st.pxX));
      rect.setAttribute('y', String(r * st.pxY));
      rect.setAttribute('width', String(Math.max(3, st.pxX)));
      rect.setAttribute('height', String(Math.max(3, st.pxY)));
      overlay.append(rect);
    }
  }
  return keys;
}

function mix(
  lo: [number, number, number],
  hi: [number, number, number],
  f: number,
): [number, number, number] {
  return [lo[0] + (hi[0] - lo[0]) * f, lo[1] + (hi[1] - lo[1]) * f, lo[2] + (hi[2] - lo[2]) * f];
}

function summaryOf(a: ArraySnapshot): string {
  const head = a.values ? a.values.slice(0, 3) : (a.preview?.head.slice(0, 3) ?? []);
  const tail = a.values ? a.values.slice(-3) : (a.preview?.tail.slice(-3) ?? []);
  return `[${head.map(fmtValue).join(' ')} ... ${tail.map(fmtValue).join(' ')}]`;
}

function rgb(c: string): [number, number, number] {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})/i.exec(c);
  if (m)
    return [
      parseInt(m[1] as string, 16),
      parseInt(m[2] as string, 16),
      parseInt(m[3] as string, 16),
    ];
  const r = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(c);
  if (r) return [Number(r[1]), Number(r[2]), Number(r[3])];
  return [128, 128, 128];
}
