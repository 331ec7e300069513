/**
 * The app: builds the page skeleton (DOM API only — trace strings go through textContent), keeps
 * UI state, and re-renders the views on a step change with ONE shared d3 transition.
 */
import * as d3 from 'd3';
import type { Trace, TraceEvent } from '../../src/trace/schema';
import { explainBroadcast, parseShape } from '../../src/trace/broadcast-info';
import { addressFormula, addressOf } from './layout/grid';
import { footprint, pageFor } from './layout/memory';
import { lastStage } from './layout/broadcast';
import { TraceModel, tuple, type StepView } from './state/model';
import { DEFAULT_UI, restore, type StateStore, type UiState } from './state/ui';
import { clear, el } from './render/dom';
import {
  lightCanvas,
  moveCursor,
  renderArrayCard,
  type CardElement,
  type Hover,
} from './render/grid';
import { renderStrip } from './render/memory';
import { renderSharing } from './render/sharing';
import { renderStepper } from './render/stepper';
import { renderCostBars } from './render/timeline';

export interface AppOptions {
  root: HTMLElement;
  store: StateStore;
  /** Told when the user moves to a step (the host reveals its source line). */
  onStep?: (step: number, view: StepView) => void;
}

const svgNS = 'http://www.w3.org/2000/svg';

/** What the step view says before a trace arrives and after `trace/clear`. */
export const EMPTY_TEXT = 'No trace yet — run a file';

export class App {
  private model: TraceModel | null = null;
  private ui: UiState;
  private readonly o: AppOptions;
  private playing: ReturnType<typeof setInterval> | null = null;
  /** The playground stepper running by itself (after `playground/show`). */
  private playRun: ReturnType<typeof setInterval> | null = null;
  private memStarts = new Map<number, number>();
  private readonly els: Record<string, HTMLElement> = {};
  private view: StepView | undefined;

  constructor(o: AppOptions) {
    this.o = o;
    this.ui = restore(o.store.get());
    this.build();
    this.renderEmpty();
    this.setTab(this.ui.tab, false);
  }

  private build(): void {
    const root = this.o.root;
    clear(root);
    root.classList.add('ndscope');
    // shared SVG defs (arrow heads)
    const defs = document.createElementNS(svgNS, 'svg');
    defs.setAttribute('class', 'defs');
    defs.setAttribute('aria-hidden', 'true');
    const d = document.createElementNS(svgNS, 'defs');
    const m = document.createElementNS(svgNS, 'marker');
    for (const [k, v] of Object.entries({
      id: 'nd-arrow',
      viewBox: '0 0 10 10',
      refX: '9',
      refY: '5',
      markerWidth: '7',
      markerHeight: '7',
      orient: 'auto-start-reverse',
    }))
      m.setAttribute(k, v);
    const p = document.createElementNS(svgNS, 'path');
    p.setAttribute('d', 'M0,0 L10,5 L0,10 z');
    p.setAttribute('class', 'arrowhead');
    m.append(p);
    d.append(m);
    defs.append(d);
    root.append(defs);

    const header = el('header', { class: 'top' });
    const title = el('h1', { class: 'file' });
    const tabs = el('nav', { class: 'tabs', role: 'tablist' });
    const tStep = el(
      'button',
      { role: 'tab', id: 'tab-step', 'aria-controls': 'view-step' },
      'Program',
    );
    const tPlay = el(
      'button',
      { role: 'tab', id: 'tab-play', 'aria-controls': 'view-play' },
      'Broadcast playground',
    );
    tStep.addEventListener('click', () => this.setTab('step'));
    tPlay.addEventListener('click', () => this.setTab('playground'));
    tabs.append(tStep, tPlay);
    const status = el('span', { class: 'run-status', role: 'status' });
    header.append(title, tabs, status);

    const timeline = el('section', { class: 'timeline', 'aria-label': 'timeline' });
    const btn = (cls: string, label: string, text: string, f: () => void): HTMLElement => {
      const b = el(
        'vscode-button' as 'button',
        { class: cls, 'aria-label': label, secondary: '' },
        text,
      );
      b.addEventListener('click', f);
      return b;
    };
    const controls = el('div', { class: 'controls' });
    controls.append(
      btn('first', 'first step (Home)', '«', () => this.go(0)),
      btn('prev', 'previous step (←)', '◀', () => this.go(this.ui.step - 1)),
      btn('play', 'play / pause (space)', '▶ play', () => this.togglePlay()),
      btn('next', 'next step (→)', '▶', () => this.go(this.ui.step + 1)),
      btn('last', 'last step (End)', '»', () => this.go((this.model?.length ?? 1) - 1)),
    );
    const scrub = el('input', {
      type: 'range',
      min: '0',
      max: '0',
      value: '0',
      class: 'scrubber',
      'aria-label': 'step',
    });
    scrub.addEventListener('input', () => this.go(Number(scrub.value)));
    const stepLabel = el('span', { class: 'step-label', 'aria-live': 'polite' });
    controls.append(scrub, stepLabel);
    const costs = document.createElementNS(svgNS, 'svg');
    costs.setAttribute('class', 'costs');
    costs.setAttribute('role', 'img');
    costs.setAttribute('aria-label', 'time of each step');
    const near = el('ol', { class: 'near', 'aria-label': 'steps around the current one' });
    timeline.append(controls, costs as unknown as HTMLElement, near);

    const main = el('main', {
      class: 'step-view',
      id: 'view-step',
      role: 'tabpanel',
      'aria-labelledby': 'tab-step',
    });
    const panel = (cls: string, h: string): HTMLElement => {
      const s = el('section', { class: `panel ${cls}`, 'aria-label': h });
      s.append(el('h2', {}, h));
      main.append(s);
      return s;
    };
    const why = panel('why', 'Step');
    const arrays = panel('arrays', 'Arrays');
    const readout = el('div', { class: 'readout', 'aria-live': 'polite' });
    arrays.append(readout);
    const cards = el('div', { class: 'cards' });
    arrays.append(cards);
    const memory = panel('memory', 'Memory');
    const strips = el('div', { class: 'strips' });
    memory.append(strips);
    const bcast = panel('broadcast', 'Broadcasting');
    const bbox = el('div', { class: 'stepper-box' });
    bcast.append(bbox);
    const sharing = panel('sharing', 'Sharing');
    const sh = document.createElementNS(svgNS, 'svg');
    sh.setAttribute('class', 'sharing-graph');
    sharing.append(sh as unknown as HTMLElement);
    const cons = panel('console', 'Console');
    const pre = el('pre', { class: 'console-out' });
    cons.append(pre);

    const play = el('main', {
      class: 'playground',
      id: 'view-play',
      role: 'tabpanel',
      'aria-labelledby': 'tab-play',
    });
    play.append(
      el('h2', {}, 'Broadcast playground'),
      el(
        'p',
        { class: 'hint' },
        'Type two or more shapes, e.g. (8,1,6,1) and (7,1,5), then step through NumPy’s rules.',
      ),
    );
    const inputs = el('div', { class: 'shape-inputs' });
    const addBtn = el(
      'vscode-button' as 'button',
      { class: 'add-shape', 'aria-label': 'add a shape', secondary: '' },
      '+ shape',
    );
    addBtn.addEventListener('click', () => {
      this.stopPlayRun();
      this.ui.playground = [...this.ui.playground, '(1,)'];
      this.ui.playStage = 0;
      this.renderPlayground(true);
    });
    const pbox = el('div', { class: 'stepper-box play-stepper' });
    play.append(inputs, addBtn, pbox);

    root.append(header, timeline, main, play);
    Object.assign(this.els, {
      title,
      status,
      scrub,
      stepLabel,
      costs,
      why,
      readout,
      cards,
      strips,
      bbox,
      bcast,
      sh,
      pre,
      main,
      play,
      inputs,
      pbox,
      tStep,
      tPlay,
      timeline,
      near,
    });

    root.tabIndex = 0;
    window.addEventListener('keydown', (ev) => this.onKey(ev));
  }

  /** Events streamed while the program runs: appended, the view stays on its step. */
  append(events: TraceEvent[]): void {
    const cur = this.model?.trace;
    if (!cur) return;
    this.load({ ...cur, events: [...cur.events, ...events] });
  }

  /**
   * `trace/clear` (a new run is starting, or the user cleared the results): forget the trace and
   * show the empty state. UI choices such as the tab and the playground shapes are kept.
   */
  clearTrace(): void {
    if (this.playing !== null) this.togglePlay();
    this.model = null;
    this.view = undefined;
    this.memStarts.clear();
    this.ui.step = 0;
    this.ui.stage = 0;
    this.ui.selected = null;
    this.save();
    this.renderEmpty();
  }

  /** The page without a trace: every step view empty, one line saying what to do. */
  private renderEmpty(): void {
    const e = this.els;
    e['title']!.textContent = '';
    e['status']!.textContent = '';
    e['status']!.className = 'run-status s-none';
    const scrub = e['scrub'] as HTMLInputElement;
    scrub.max = '0';
    scrub.value = '0';
    e['stepLabel']!.textContent = EMPTY_TEXT;
    clear(e['costs']!);
    clear(e['near']!);
    clear(e['why']!);
    e['why']!.append(el('h2', {}, 'Step'), el('p', { class: 'none empty-state' }, EMPTY_TEXT));
    e['readout']!.textContent = '';
    clear(e['cards']!);
    clear(e['strips']!);
    clear(e['bbox']!);
    e['bcast']!.hidden = true;
    clear(e['sh']!);
    e['pre']!.textContent = '';
    e['pre']!.parentElement!.hidden = true;
    delete this.o.root.dataset['step'];
    this.o.root.dataset['empty'] = 'true';
  }

  load(trace: Trace): void {
    this.model = new TraceModel(trace);
    delete this.o.root.dataset['empty'];
    const n = this.model.length;
    const scrub = this.els['scrub'] as HTMLInputElement;
    scrub.max = String(Math.max(0, n - 1));
    const base = trace.file.split(/[\\/]/).pop() ?? trace.file;
    this.els['title']!.textContent = base;
    const end = trace.end;
    const full = end ? `${end.status}${end.message ? `: ${end.message}` : ''}` : '';
    // the title beside it names the file: its locations read `file.ts:5:14`, the full path on hover
    this.els['status']!.textContent = trace.file ? full.split(trace.file).join(base) : full;
    this.els['status']!.title = full;
    this.els['status']!.className = `run-status s-${end?.status ?? 'none'}`;
    this.ui.step = Math.max(0, Math.min(this.ui.step, n - 1));
    this.setTab(this.ui.tab, false);
    this.render();
    this.renderPlayground(false);
  }

  /** Brings a tab forward (the host's explicit step commands show the Program tab). */
  showTab(t: UiState['tab']): void {
    if (this.ui.tab !== t) this.setTab(t);
  }

  /**
   * `playground/show`: the Broadcast playground tab with these shapes, its stepper run from the
   * first rule to NumPy's verdict (one stage every `ms`). Typing or a stage button stops the run.
   */
  showPlayground(shapes: readonly string[], ms = 600): void {
    this.stopPlayRun();
    this.ui.playground = shapes.length ? [...shapes] : [...DEFAULT_UI.playground];
    this.ui.playStage = 0;
    this.setTab('playground', false); // renders the inputs and the stepper at stage 0
    const parsed = this.ui.playground.map(parseShape);
    if (parsed.some((p) => p === null)) return;
    const last = lastStage(explainBroadcast(parsed as number[][]));
    this.els['pbox']!.dataset['running'] = 'true';
    this.playRun = setInterval(() => {
      if (this.ui.playStage >= last) {
        this.stopPlayRun();
        return;
      }
      this.ui.playStage += 1;
      this.save();
      this.renderPlayStepper();
      if (this.ui.playStage >= last) this.stopPlayRun();
    }, ms);
  }

  private stopPlayRun(): void {
    if (this.playRun === null) return;
    clearInterval(this.playRun);
    this.playRun = null;
    delete this.els['pbox']!.dataset['running'];
  }

  state(): UiState {
    return { ...this.ui };
  }

  private save(): void {
    this.o.store.set(this.ui);
  }

  private setTab(t: UiState['tab'], save = true): void {
    this.ui.tab = t;
    const isStep = t === 'step';
    this.els['main']!.hidden = !isStep;
    this.els['timeline']!.hidden = !isStep;
    this.els['play']!.hidden = isStep;
    this.els['tStep']!.setAttribute('aria-selected', String(isStep));
    this.els['tPlay']!.setAttribute('aria-selected', String(!isStep));
    if (!isStep) this.renderPlayground(false);
    if (save) this.save();
  }

  go(i: number): void {
    if (!this.model || this.model.length === 0) return;
    const n = Math.max(0, Math.min(this.model.length - 1, i));
    if (n === this.ui.step && this.view) return;
    this.ui.step = n;
    this.ui.stage = 0;
    this.ui.selected = null;
    this.save();
    this.render();
  }

  togglePlay(): void {
    const b = this.o.root.querySelector('.play');
    if (this.playing !== null) {
      clearInterval(this.playing);
      this.playing = null;
      if (b) b.textContent = '▶ play';
      return;
    }
    if (b) b.textContent = '⏸ pause';
    if (this.model && this.ui.step >= this.model.length - 1) this.go(0);
    this.playing = setInterval(() => {
      if (!this.model || this.ui.step >= this.model.length - 1) this.togglePlay();
      else this.go(this.ui.step + 1);
    }, 700);
  }

  private onKey(ev: KeyboardEvent): void {
    const t = ev.target as HTMLElement | null;
    if (
      t &&
      (t.tagName === 'INPUT' ||
        t.tagName === 'SELECT' ||
        t.tagName === 'VSCODE-TEXTFIELD' ||
        t.tagName === 'TEXTAREA')
    ) {
      if (!(t.tagName === 'INPUT' && (t as HTMLInputElement).type === 'range')) return;
    }
    if (this.ui.tab !== 'step') return;
    // inside a focused array card the arrow keys walk its elements (address readout + memory)
    const card = t?.closest?.('section.card') as CardElement | null | undefined;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
    };
    const mv = moves[ev.key];
    if (card && (mv || ev.key === 'Enter')) {
      const idx = moveCursor(card, mv?.[0] ?? 0, mv?.[1] ?? 0);
      const id = card.ndGrid?.id;
      if (idx && id !== undefined) {
        ev.preventDefault();
        this.hover({ element: { id, idx } });
        card.querySelector(`g.cell[data-idx="${idx.join(',')}"]`)?.classList.add('hot');
      }
      return;
    }
    const keys: Record<string, () => void> = {
      ArrowLeft: () => this.go(this.ui.step - 1),
      ArrowRight: () => this.go(this.ui.step + 1),
      Home: () => this.go(0),
      End: () => this.go((this.model?.length ?? 1) - 1),
      ' ': () => this.togglePlay(),
    };
    const f = keys[ev.key];
    if (f) {
      ev.preventDefault();
      f();
    }
  }

  /** Everything a step shows; one transition shared by every view. */
  render(): void {
    const model = this.model;
    if (!model) return;
    // layout reads first, before this update's DOM writes (a read after them forces a layout)
    const costsWidth = this.els['costs']!.clientWidth;
    const sv = model.step(this.ui.step);
    this.view = sv;
    const scrub = this.els['scrub'] as HTMLInputElement;
    scrub.value = String(this.ui.step);
    this.els['stepLabel']!.textContent = sv
      ? `step ${this.ui.step + 1} / ${model.length}`
      : 'no steps recorded';
    renderCostBars(
      this.els['costs'] as unknown as SVGSVGElement,
      model,
      this.ui.step,
      (i) => this.go(i),
      costsWidth,
    );
    this.renderNear(model);
    if (!sv) {
      clear(this.els['why']!);
      this.els['why']!.append(
        el('h2', {}, 'Step'),
        el('p', { class: 'none' }, 'The program recorded no array operations.'),
      );
      return;
    }
    const t = d3.transition('step').duration(180) as unknown as d3.Transition<
      d3.BaseType,
      unknown,
      null,
      undefined
    >;
    this.renderWhy(sv);
    this.renderArrays(sv, t);
    this.renderMemory(sv, t);
    this.renderBroadcast(sv);
    renderSharing(this.els['sh'] as unknown as SVGSVGElement, sv);
    this.renderConsole();
    this.o.root.dataset['step'] = String(this.ui.step);
    this.o.onStep?.(this.ui.step, sv);
  }

  /** The steps around the current one, each with its op and source line (buttons). */
  private renderNear(model: TraceModel): void {
    const list = this.els['near']!;
    const from = Math.max(0, Math.min(this.ui.step - 3, model.length - 7));
    const steps = d3.range(from, Math.min(model.length, from + 7));
    d3.select(list)
      .selectAll<HTMLLIElement, number>('li')
      .data(steps, (i) => String(i))
      .join((enter) => {
        const li = enter.append('li');
        li.append('button')
          .attr('class', 'near-step')
          .on('click', (_e, i) => this.go(i));
        return li;
      })
      .order()
      .classed('current', (i) => i === this.ui.step)
      .select('button')
      .attr('aria-current', (i) => (i === this.ui.step ? 'step' : null))
      .text((i) => {
        const e = model.trace.events[i];
        return `${i + 1} · ${e?.label ? `${e.label} = ` : ''}${e?.op ?? ''}${e?.loc ? ` :${e.loc.line}` : ''}`;
      });
  }

  private renderWhy(sv: StepView): void {
    const box = this.els['why']!;
    clear(box);
    const e = sv.event;
    box.append(el('h2', {}, 'Step'));
    const line = el('div', { class: 'op-line' });
    line.append(
      el('span', { class: `kind k-${e.kind}` }, e.kind),
      el('code', { class: 'call' }, `${e.label ? `${e.label} = ` : ''}${e.op}${e.args ?? ''}`),
      el('span', { class: 'loc' }, e.loc ? `line ${e.loc.line}:${e.loc.column}` : ''),
      el('span', { class: 'ms' }, `${e.ms.toFixed(3)} ms`),
    );
    box.append(line);
    if (e.why) box.append(el('p', { class: 'why-text' }, e.why));
    if (e.error)
      box.append(
        el('p', { class: 'error-text', role: 'alert' }, `${e.error.name}: ${e.error.message}`),
      );
    if (e.result !== undefined)
      box.append(
        el(
          'p',
          { class: 'result-text' },
          `= ${Array.isArray(e.result) ? `(${e.result.join(', ')})` : String(e.result)}`,
        ),
      );
    if (e.write) {
      const w = e.write;
      box.append(
        el(
          'p',
          { class: 'write-text' },
          `wrote ${w.changedElements} element(s) of buffer ${w.bufferId} through #${w.target}${w.affected.length ? `; also seen by ${w.affected.map((x) => `#${x}`).join(', ')}` : ''}`,
        ),
      );
    }
  }

  private renderArrays(
    sv: StepView,
    t: d3.Transition<d3.BaseType, unknown, null, undefined>,
  ): void {
    const cards = this.els['cards']!;
    const list = [...sv.arrays].sort((x, y) => x.a.id - y.a.id);
    const main = sv.event.output ?? sv.event.outputs?.[0] ?? sv.event.inputs[0];
    const selected = this.ui.selected ?? main?.id ?? null;
    d3.select(cards)
      .selectAll<HTMLElement, (typeof list)[number]>('section.card')
      .data(list, (x) => String(x.a.id))
      .join((enter) => enter.append('section').attr('class', 'card').attr('tabindex', '0'))
      .order()
      .each((x, i, nodes) => {
        const node = nodes[i] as HTMLElement;
        const buf = this.model?.buffer(x.a.bufferId);
        renderArrayCard(node, {
          a: x.a,
          role: x.role,
          kind: sv.event.kind,
          itemsize: buf?.itemsize ?? 8,
          lit: sv.lit.has(x.a.id),
          selected: x.a.id === selected,
          ...(this.ui.axes[x.a.id] ? { axes: this.ui.axes[x.a.id] } : {}),
          onAxes: (axes) => {
            this.ui.axes[x.a.id] = axes;
            this.save();
            this.renderArrays(sv, d3.transition().duration(0) as unknown as typeof t);
          },
          onHover: (h) => this.hover(h),
          // listeners outlive a step (cards are reused): always act on the current step
          onSelect: (id) => {
            this.ui.selected = id;
            this.save();
            if (this.view) {
              this.renderArrays(this.view, t);
              this.renderMemory(this.view, t);
            }
          },
          transition: t,
        });
      });
    this.els['readout']!.textContent =
      'Hover an element (or focus an array and use the arrow keys) to see its address; hover a memory cell to see who reads it.';
  }

  private renderMemory(
    sv: StepView,
    t: d3.Transition<d3.BaseType, unknown, null, undefined>,
  ): void {
    const model = this.model;
    if (!model) return;
    const box = this.els['strips']!;
    const bufs = [...sv.buffers].sort((a, b) => a.id - b.id);
    const main = sv.event.output ?? sv.event.outputs?.[0] ?? sv.event.inputs[0];
    const selId = this.ui.selected ?? main?.id;
    const sel = sv.arrays.find((x) => x.a.id === selId)?.a;
    d3.select(box)
      .selectAll<HTMLElement, (typeof bufs)[number]>('div.strip-box')
      .data(bufs, (b) => String(b.id))
      .join('div')
      .attr('class', 'strip-box')
      .each((b, i, nodes) => {
        const node = nodes[i] as HTMLElement;
        const fp = sel && sel.bufferId === b.id ? footprint(sel, b.itemsize) : new Set<number>();
        let start = this.memStarts.get(b.id);
        if (start === undefined) {
          const first = fp.size ? Math.min(...fp) : 0;
          start = pageFor(first);
        }
        renderStrip(node, {
          buffer: b,
          values: model.bufferValues(b.id, sv.index),
          footprint: fp,
          start,
          onHover: (c) => this.hover(c === null ? null : { cell: { bufferId: b.id, cell: c } }),
          onPage: (s) => {
            this.memStarts.set(b.id, s);
            if (this.view) this.renderMemory(this.view, t);
          },
          transition: t,
        });
      });
  }

  private renderBroadcast(sv: StepView): void {
    const box = this.els['bbox']!;
    const sec = this.els['bcast']!;
    const info = sv.event.broadcast;
    sec.hidden = !info;
    if (!info) {
      clear(box);
      return;
    }
    const names = sv.event.inputs.map((a) => (a.label ? a.label : `#${a.id} ${tuple(a.shape)}`));
    const out = sv.event.output;
    renderStepper(box, {
      info,
      stage: this.ui.stage,
      names: info.operands.map(
        (o, i) => names[i] ?? (o.shape.length === 0 ? 'scalar' : `operand ${i}`),
      ),
      onStage: (s) => {
        this.ui.stage = s;
        this.save();
        this.renderBroadcast(sv);
      },
      ...(out ? { resultText: `#${out.id} ${out.dtype}${tuple(out.shape)}` } : {}),
    });
  }

  private renderConsole(): void {
    const model = this.model;
    if (!model) return;
    const pre = this.els['pre']!;
    const lines = model.trace.console.filter((c) => c.afterStep <= this.ui.step + 1);
    pre.textContent = lines.length ? lines.map((c) => c.text).join('\n') : '(no output yet)';
    this.els['pre']!.parentElement!.hidden = model.trace.console.length === 0;
  }

  /** Hover links the grid and the memory strip (both directions). */
  hover(h: Hover | null): void {
    const root = this.o.root;
    root.querySelectorAll('.hot').forEach((n) => n.classList.remove('hot'));
    root.querySelectorAll('svg.overlay rect.hot-cell').forEach((n) => n.remove());
    const readout = this.els['readout']!;
    const sv = this.view;
    if (!h || !sv || !this.model) return;
    if (h.element) {
      const a = sv.arrays.find((x) => x.a.id === h.element?.id)?.a;
      if (!a) return;
      const buf = this.model.buffer(a.bufferId);
      const itemsize = buf?.itemsize ?? 8;
      const address = addressOf(h.element.idx, a.strides, a.offset);
      const cell = Math.floor(address / itemsize);
      readout.textContent = `${a.label ?? `#${a.id}`}[${h.element.idx.join(', ')}] → address ${addressFormula(h.element.idx, a.strides, a.offset)} (byte ${address}, cell ${cell} of buffer ${a.bufferId})`;
      readout.dataset['address'] = String(address);
      const strip = root.querySelector<HTMLElement>(`.strip-box[data-buffer="${a.bufferId}"]`);
      let hit = strip?.querySelector(`g.mem[data-cell="${cell}"]`);
      if (strip && !hit) {
        this.memStarts.set(a.bufferId, pageFor(cell));
        this.renderMemory(
          sv,
          d3.transition().duration(0) as unknown as d3.Transition<
            d3.BaseType,
            unknown,
            null,
            undefined
          >,
        );
        hit = strip.querySelector(`g.mem[data-cell="${cell}"]`);
      }
      hit?.classList.add('hot');
      this.lightCell(sv, a.bufferId, cell, itemsize);
    } else if (h.cell) {
      const buf = this.model.buffer(h.cell.bufferId);
      const itemsize = buf?.itemsize ?? 8;
      root
        .querySelector(
          `.strip-box[data-buffer="${h.cell.bufferId}"] g.mem[data-cell="${h.cell.cell}"]`,
        )
        ?.classList.add('hot');
      const who = this.lightCell(sv, h.cell.bufferId, h.cell.cell, itemsize);
      readout.textContent = `byte ${h.cell.cell * itemsize} (cell ${h.cell.cell} of buffer ${h.cell.bufferId}) is ${who.length ? `seen by ${who.join(', ')}` : 'not addressed by any array of this step'}`;
      readout.dataset['address'] = String(h.cell.cell * itemsize);
    }
  }

  /** Lights every drawn element (of every array of the step) addressing byte cell `cell`. */
  private lightCell(sv: StepView, bufferId: number, cell: number, itemsize: number): string[] {
    const who: string[] = [];
    for (const { a } of sv.arrays) {
      if (a.bufferId !== bufferId) continue;
      const card = this.o.root.querySelector(`section.card[data-id="${a.id}"]`);
      if (card?.querySelector('canvas')) {
        for (const k of lightCanvas(card, cell, itemsize))
          who.push(`${a.label ?? `#${a.id}`}[${k}]`);
        continue;
      }
      card?.querySelectorAll<SVGGElement>('g.cell').forEach((g) => {
        const addr = Number(g.getAttribute('data-address'));
        if (Math.floor(addr / itemsize) === cell) {
          g.classList.add('hot');
          who.push(`${a.label ?? `#${a.id}`}[${g.getAttribute('data-idx') ?? ''}]`);
        }
      });
    }
    return who;
  }

  renderPlayground(focus: boolean): void {
    const inputs = this.els['inputs']!;
    clear(inputs);
    this.ui.playground.forEach((text, i) => {
      const wrap = el('div', { class: 'shape-input' });
      const id = `shape-${i}`;
      const label = el('label', { for: id }, `shape ${i + 1}`);
      const f = el('input', {
        id,
        type: 'text',
        class: 'shape-text',
        'aria-label': `shape ${i + 1}`,
        spellcheck: 'false',
      });
      f.value = text;
      f.addEventListener('input', () => {
        this.stopPlayRun();
        this.ui.playground[i] = f.value;
        this.ui.playStage = 0;
        this.save();
        this.renderPlayStepper();
      });
      wrap.append(label, f);
      if (this.ui.playground.length > 2) {
        const rm = el('button', { class: 'rm-shape', 'aria-label': `remove shape ${i + 1}` }, '×');
        rm.addEventListener('click', () => {
          this.stopPlayRun();
          this.ui.playground.splice(i, 1);
          this.ui.playStage = 0;
          this.renderPlayground(false);
        });
        wrap.append(rm);
      }
      inputs.append(wrap);
      if (focus && i === this.ui.playground.length - 1) f.focus();
    });
    this.save();
    this.renderPlayStepper();
  }

  private renderPlayStepper(): void {
    const box = this.els['pbox']!;
    const shapes = this.ui.playground.map(parseShape);
    const bad = shapes.findIndex((s) => s === null);
    if (bad >= 0) {
      clear(box);
      box.append(
        el(
          'p',
          { class: 'verdict error', role: 'status' },
          `shape ${bad + 1} is not a shape: write it like (8,1,6,1)`,
        ),
      );
      return;
    }
    if (box.querySelector('p.verdict') && !box.querySelector('.stepper-nav')) clear(box);
    const info = explainBroadcast(shapes as number[][]);
    renderStepper(box, {
      info,
      stage: this.ui.playStage,
      names: this.ui.playground.map((s, i) => `shape ${i + 1} ${tuple(shapes[i] as number[])}`),
      onStage: (s) => {
        this.stopPlayRun();
        this.ui.playStage = s;
        this.save();
        this.renderPlayStepper();
      },
    });
  }
}

export { DEFAULT_UI };
