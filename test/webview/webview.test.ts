/**
 * The webview in headless Chromium (Debian's /usr/bin/chromium via playwright-core), served from
 * 127.0.0.1 with VS Code's strict CSP (nonce-only scripts and styles): traces of every example and
 * of edge programs (negative / zero strides, 0-d, empty, 5-D, a write through a view, a failed
 * broadcast, 1e6 elements), stepped through end to end, DOM asserted (cell counts, highlighted
 * byte addresses against numpy's element pointers, stepper states, error texts), plus a trace
 * whose strings hold markup and script (nothing may run), the CLI's standalone page, and
 * screenshots of each view in dark and light themes (test/webview/out/screenshots/;
 * test/webview/screenshots/ with UPDATE_SCREENSHOTS=1).
 * Never asserts timing.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { renderHtml } from '../../src/cli/html';
import type { ArraySnapshot, Trace, TraceEvent } from '../../src/trace/schema';
import { buildBundle, launch, OUT, recordAll, ROOT, serve, type Server } from './harness';

// The committed screenshots (README, docs) are rewritten only on request (UPDATE_SCREENSHOTS=1);
// a normal run writes the same PNGs to the ignored out/ folder, so a test run leaves git clean.
const SHOTS = path.join(
  __dirname,
  process.env['UPDATE_SCREENSHOTS'] ? 'screenshots' : 'out/screenshots',
);
const EXAMPLES = fs
  .readdirSync(path.join(ROOT, 'examples'))
  .filter((f) => /^\d\d-.*\.ts$/.test(f))
  .map((f) => path.join(ROOT, 'examples', f));
const EDGES = path.join(__dirname, 'programs', 'edges.ts');
const BIG = path.join(__dirname, 'programs', 'big.ts');

interface Layout {
  shape: number[];
  strides: number[];
  offset: number;
  addresses: number[];
}

const oracle = (): Record<string, Layout> => {
  const r = spawnSync('python3', [path.join(__dirname, 'oracle.py')], {
    input: '{"layouts": true}',
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(r.stderr);
  return (JSON.parse(r.stdout) as { layouts: Record<string, Layout> }).layouts;
};

let bundle: { js: string; css: string };
let traces: Map<string, Trace>;
let server: Server;
let browser: BrowserContext;
let cleanup: () => Promise<void>;

async function open(
  trace: Trace | null,
  name: string,
  scheme: 'dark' | 'light' = 'dark',
): Promise<Page> {
  const page = await browser.newPage();
  await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[]; __errors: string[] };
    w.__csp = [];
    w.__errors = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
    window.addEventListener('error', (e) => w.__errors.push(String(e.message)));
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  (page as Page & { ndErrors?: string[] }).ndErrors = errors;
  await page.goto(server.page(name, trace));
  await page.waitForSelector('.ndscope header.top');
  return page;
}

async function problems(page: Page): Promise<{ csp: string[]; errors: string[] }> {
  const w = await page.evaluate(() => {
    const x = window as unknown as { __csp: string[]; __errors: string[] };
    return { csp: x.__csp, errors: x.__errors };
  });
  return {
    csp: w.csp,
    errors: [...w.errors, ...((page as Page & { ndErrors?: string[] }).ndErrors ?? [])],
  };
}

/** The cells a card should draw: the 2-D slab (last two axes) of ≥2-D arrays, all of 1-D, 1 for 0-d. */
function expectedCells(a: ArraySnapshot): { cells: number; canvas: boolean } {
  const nd = a.shape.length;
  const count = a.shape.some((n) => n === 0)
    ? 0
    : nd === 0
      ? 1
      : nd === 1
        ? (a.shape[0] as number)
        : (a.shape[nd - 1] as number) * (a.shape[nd - 2] as number);
  return count > 256 ? { cells: 0, canvas: true } : { cells: count, canvas: false };
}

function stepArrays(e: TraceEvent): ArraySnapshot[] {
  return [...(e.output ? [e.output] : []), ...(e.outputs ?? []), ...e.inputs];
}

interface StepDom {
  step: string | undefined;
  near: string;
  cards: { id: number; cells: number; canvas: boolean }[];
  call: string;
  why: string;
  error: string;
  stepper: { stage: string | undefined; ok: string | undefined } | null;
}

const readStep = (page: Page): Promise<StepDom> =>
  page.evaluate(() => {
    const root = document.querySelector<HTMLElement>('.ndscope');
    const cards = [...document.querySelectorAll<HTMLElement>('section.card')].map((c) => ({
      id: Number(c.dataset['id']),
      cells: c.querySelectorAll('g.cell').length,
      canvas: c.querySelector('canvas') !== null,
    }));
    const sb = document.querySelector<HTMLElement>('.panel.broadcast .stepper-box');
    const bsec = document.querySelector<HTMLElement>('.panel.broadcast');
    return {
      step: root?.dataset['step'],
      near: document.querySelector('ol.near li.current button')?.textContent ?? '',
      cards,
      call: document.querySelector('.op-line .call')?.textContent ?? '',
      why: document.querySelector('.why-text')?.textContent ?? '',
      error: document.querySelector('.error-text')?.textContent ?? '',
      stepper:
        bsec && !bsec.hidden && sb ? { stage: sb.dataset['stage'], ok: sb.dataset['ok'] } : null,
    };
  });

/**
 * The steps a walk visits: every step of traces up to WALK_ALL steps; for longer ones (the
 * 27,000-step Python-style loop of example 08) the first and last 40 and 40 spread between.
 */
const WALK_ALL = 150;
function stepsToVisit(n: number): number[] {
  if (n <= WALK_ALL) return Array.from({ length: n }, (_, i) => i);
  const s = new Set<number>();
  for (let i = 0; i < 40; i++) s.add(i).add(n - 1 - i);
  for (let k = 1; k <= 40; k++) s.add(Math.floor((k * n) / 41));
  return [...s].sort((a, b) => a - b);
}

/** Walks the steps (→ key between neighbours, the scrubber for jumps) and checks the DOM. */
async function walk(page: Page, trace: Trace): Promise<number> {
  await page.keyboard.press('Home');
  let checked = 0;
  let prev = 0;
  for (const i of stepsToVisit(trace.events.length)) {
    if (i === prev + 1) await page.keyboard.press('ArrowRight');
    else if (i !== prev) await page.locator('input.scrubber').fill(String(i));
    prev = i;
    const e = trace.events[i] as TraceEvent;
    const d = await readStep(page);
    assert.equal(d.step, String(i), `step ${i}`);
    assert.equal(
      d.near,
      `${i + 1} · ${e.label ? `${e.label} = ` : ''}${e.op}${e.loc ? ` :${e.loc.line}` : ''}`,
    );
    assert.equal(d.call, `${e.label ? `${e.label} = ` : ''}${e.op}${e.args ?? ''}`);
    assert.equal(d.why, e.why ?? '');
    assert.equal(d.error, e.error ? `${e.error.name}: ${e.error.message}` : '');
    assert.equal(
      d.stepper !== null,
      e.broadcast !== undefined,
      `stepper shown iff broadcast at step ${i}`,
    );
    if (e.broadcast) assert.equal(d.stepper?.ok, String(e.broadcast.result !== null));
    for (const a of stepArrays(e)) {
      const card = d.cards.find((c) => c.id === a.id);
      assert.ok(card, `card for array #${a.id} at step ${i}`);
      const x = expectedCells(a);
      assert.equal(card.canvas, x.canvas, `canvas for #${a.id} (size ${a.size}) at step ${i}`);
      assert.equal(
        card.cells,
        x.cells,
        `cells of #${a.id} shape (${a.shape.join(',')}) at step ${i}`,
      );
      checked++;
    }
  }
  return checked;
}

before(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  bundle = await buildBundle();
  traces = await recordAll([...EXAMPLES, EDGES, BIG], 3);
  server = await serve(bundle);
  ({ browser, cleanup } = await launch());
});

after(async () => {
  await cleanup?.();
  await server?.close();
});

describe('webview in Chromium under a strict CSP', () => {
  it('the bundle has no eval / new Function (CSP without unsafe-eval)', () => {
    assert.doesNotMatch(bundle.js, /\beval\(|new Function\(/);
  });

  it('every example: each step shows its op, why, error, stepper and every array with the right cell count', async () => {
    assert.ok(EXAMPLES.length >= 9);
    for (const file of EXAMPLES) {
      const trace = traces.get(file) as Trace;
      assert.ok(trace.events.length > 0, file);
      const page = await open(trace, path.basename(file));
      const n = await walk(page, trace);
      assert.ok(n > 0);
      const p = await problems(page);
      assert.deepEqual(p, { csp: [], errors: [] }, file);
      await page.close();
    }
  });

  it('edge layouts: hovered elements highlight the byte cell numpy addresses (negative, zero strides, 5-D, views)', async () => {
    const trace = traces.get(EDGES) as Trace;
    const L = oracle();
    const page = await open(trace, 'edges');
    await walk(page, trace);
    const byLabel = new Map<string, { step: number; a: ArraySnapshot }>();
    trace.events.forEach((e, i) => {
      if (e.output?.label) byLabel.set(e.output.label, { step: i, a: e.output });
    });
    const cases: [string, string][] = [
      ['rev', 'rev'],
      ['mrev', 'mrev'],
      ['z', 'zero'],
      ['t5', 't5'],
      ['v', 'view'],
      ['s', 'scalar'],
    ];
    let sampled = 0;
    for (const [label, key] of cases) {
      const hit = byLabel.get(label);
      const lay = L[key];
      assert.ok(hit && lay, label);
      assert.deepEqual(hit.a.shape, lay.shape, `${label} shape`);
      assert.deepEqual(hit.a.strides, lay.strides, `${label} strides (numpy)`);
      assert.equal(hit.a.offset, lay.offset, `${label} offset (numpy)`);
      await page.keyboard.press('Home');
      for (let k = 0; k < hit.step; k++) await page.keyboard.press('ArrowRight');
      const cells = await page.$$eval(`section.card[data-id="${hit.a.id}"] g.cell`, (gs) =>
        gs.map((g) => g.getAttribute('data-idx') ?? ''),
      );
      // sample: first, last and a few in between
      const picks = [
        ...new Set([
          0,
          cells.length - 1,
          Math.floor(cells.length / 2),
          Math.floor(cells.length / 3),
        ]),
      ];
      for (const p of picks) {
        const key2 = cells[p] as string;
        const idx = key2 === '' ? [] : key2.split(',').map(Number);
        await page.hover(`section.card[data-id="${hit.a.id}"] g.cell[data-idx="${key2}"]`);
        let flat = 0;
        idx.forEach((v, d) => (flat = flat * (hit.a.shape[d] as number) + v));
        const want = lay.addresses[flat] as number;
        const got = await page.evaluate(() => ({
          readout: document.querySelector<HTMLElement>('.readout')?.dataset['address'],
          text: document.querySelector('.readout')?.textContent ?? '',
          hot: [...document.querySelectorAll('g.mem.hot')].map((g) =>
            Number(g.getAttribute('data-address')),
          ),
        }));
        assert.equal(Number(got.readout), want, `${label}[${key2}]`);
        assert.deepEqual(got.hot, [want], `${label}[${key2}] memory cell`);
        assert.match(got.text, new RegExp(`= ${want} \\(byte`));
        sampled++;
      }
    }
    assert.ok(sampled >= 20);
    // keyboard: focus the mrev card, walk to [1, 1] with the arrow keys
    const mr = byLabel.get('mrev') as { step: number; a: ArraySnapshot };
    await page.keyboard.press('Home');
    for (let k = 0; k < mr.step; k++) await page.keyboard.press('ArrowRight');
    await page.focus(`section.card[data-id="${mr.a.id}"]`);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    assert.equal(
      await page.getAttribute('.ndscope', 'data-step'),
      String(mr.step),
      'arrows in a card do not step',
    );
    const lm = L['mrev'] as Layout;
    assert.equal(
      Number(await page.getAttribute('.readout', 'data-address')),
      lm.addresses[1 * 2 + 1],
    );
    assert.match((await page.textContent('.readout')) ?? '', /^mrev\[1, 1\]/);
    // hovering byte cell 0 under z = broadcast_to(arange(4), (3, 4)) lights every element reading it
    const z = byLabel.get('z') as { step: number; a: ArraySnapshot };
    await page.keyboard.press('Home');
    for (let k = 0; k < z.step; k++) await page.keyboard.press('ArrowRight');
    await page.hover(`.strip-box[data-buffer="${z.a.bufferId}"] g.mem[data-cell="0"]`);
    const lit = await page.$$eval(`section.card[data-id="${z.a.id}"] g.cell.hot`, (gs) =>
      gs.map((g) => g.getAttribute('data-idx')),
    );
    const zl = L['zero'] as Layout;
    const want = zl.addresses.flatMap((a, f) => (a === 0 ? [`${Math.floor(f / 4)},${f % 4}`] : []));
    assert.deepEqual(lit, want);
    const ghosts = await page.$$eval(
      `section.card[data-id="${z.a.id}"] g.cell.ghost`,
      (gs) => gs.length,
    );
    assert.equal(ghosts, 8, 'zero-stride copies drawn as ghosts');
    const zeroArrow = await page.$$eval(`section.card[data-id="${z.a.id}"] g.stride.zero`, (gs) =>
      gs.map((g) => g.textContent),
    );
    assert.deepEqual(zeroArrow, ['axis 0: 0 B (repeats)']);
    const neg = byLabel.get('mrev') as { step: number; a: ArraySnapshot };
    await page.keyboard.press('Home');
    for (let k = 0; k < neg.step; k++) await page.keyboard.press('ArrowRight');
    const negArrows = await page.$$eval(`section.card[data-id="${neg.a.id}"] g.stride`, (gs) =>
      gs.map((g) => g.textContent).sort(),
    );
    assert.deepEqual(negArrows, ['axis 0: −32 B', 'axis 1: −16 B']);
    assert.deepEqual(await problems(page), { csp: [], errors: [] });
    await page.close();
  });

  it('0-d, empty, 5-D axis selectors, a write through a view, a failed broadcast', async () => {
    const trace = traces.get(EDGES) as Trace;
    const page = await open(trace, 'edges2');
    const stepOf = (pred: (e: TraceEvent) => boolean): number => trace.events.findIndex(pred);
    const goto = async (i: number): Promise<void> => {
      await page.keyboard.press('Home');
      for (let k = 0; k < i; k++) await page.keyboard.press('ArrowRight');
    };
    // empty
    await goto(stepOf((e) => e.output?.label === 'e'));
    const e = trace.events[stepOf((x) => x.output?.label === 'e')]?.output as ArraySnapshot;
    assert.match(
      (await page.textContent(`section.card[data-id="${e.id}"] .empty`)) ?? '',
      /empty array: shape \(0, 3\)/,
    );
    // 5-D: pick another slab with the axis selectors; cells follow numpy's element order
    const t5step = stepOf((x) => x.output?.label === 't5');
    const t5 = trace.events[t5step]?.output as ArraySnapshot;
    await goto(t5step);
    await page.selectOption(
      `section.card[data-id="${t5.id}"] select[aria-label="axis 0 index of array #${t5.id}"]`,
      '1',
    );
    await page.selectOption(
      `section.card[data-id="${t5.id}"] select[aria-label="axis 2 index of array #${t5.id}"]`,
      '1',
    );
    const vals = await page.$$eval(`section.card[data-id="${t5.id}"] g.cell text`, (ts) =>
      ts.map((t) => t.textContent),
    );
    const py = spawnSync(
      'python3',
      [
        '-c',
        'import numpy as np; print(" ".join(map(str, np.arange(120).reshape(2,3,2,5,2).transpose(4,3,2,1,0)[1,0,1].ravel())))',
      ],
      { encoding: 'utf8' },
    );
    assert.deepEqual(vals, py.stdout.trim().split(' '));
    // write through a view: every array over the buffer lights up, in the grid and the graph
    const w = stepOf((x) => x.kind === 'write');
    await goto(w);
    const ev = trace.events[w] as TraceEvent;
    const litCards = await page.$$eval('section.card.lit', (cs) =>
      cs.map((c) => Number((c as HTMLElement).dataset['id'])).sort((a, b) => a - b),
    );
    const want = [...new Set([ev.write?.target ?? -1, ...(ev.write?.affected ?? [])])].sort(
      (a, b) => a - b,
    );
    assert.deepEqual(litCards, want);
    const litNodes = await page.$$eval('g.anode.lit', (cs) =>
      cs.map((c) => Number(c.getAttribute('data-id'))).sort((a, b) => a - b),
    );
    assert.deepEqual(litNodes, want);
    assert.match((await page.textContent('.write-text')) ?? '', /wrote 1 element/);
    // …and every array that sees the buffer shows the new value (numpy: m[1,1] is 99 after v[0,0] = 99)
    for (const id of want) {
      const texts = await page.$$eval(`section.card[data-id="${id}"] g.cell text`, (ts) =>
        ts.map((t) => t.textContent),
      );
      assert.ok(texts.includes('99'), `#${id} shows the written value`);
    }
    // selecting another array (its header) after steps moved marks its footprint at THIS step
    const owner =
      trace.events[w]?.write?.affected.find((id) =>
        trace.events.some((x) => x.output?.id === id && x.output.base === null),
      ) ?? -1;
    await page.click(`section.card[data-id="${owner}"] .card-head`);
    assert.equal(await page.getAttribute('section.card.selected', 'data-id'), String(owner));
    assert.equal(await page.getAttribute('.ndscope', 'data-step'), String(w));
    assert.equal(
      await page.$$eval(
        `.strip-box[data-buffer="${ev.write?.bufferId}"] g.mem.in`,
        (g) => g.length,
      ),
      12,
    );
    // the written value is in the memory strip
    const mem = await page.$$eval(`.strip-box[data-buffer="${ev.write?.bufferId}"] g.mem`, (gs) =>
      gs.map((g) => g.getAttribute('data-value')),
    );
    assert.ok(mem.includes('99'));
    // failed broadcast: the stepper stops at rule 3 with numpy's message and the conflicting dim
    const f = stepOf((x) => x.kind === 'error');
    await goto(f);
    await page.click('.panel.broadcast .stage-next');
    await page.click('.panel.broadcast .stage-next');
    assert.equal(await page.getAttribute('.panel.broadcast .stepper-box', 'data-stage'), '2');
    assert.equal(await page.isDisabled('.panel.broadcast .stage-next'), true);
    assert.equal(
      await page.textContent('.panel.broadcast .verdict'),
      'ValueError: operands could not be broadcast together with shapes (3,4) (3,) ',
    );
    assert.equal(await page.$$eval('.panel.broadcast g.dim.conflict', (g) => g.length), 2);
    assert.equal(
      await page.textContent('.error-text'),
      'ValueError: operands could not be broadcast together with shapes (3,4) (3,) ',
    );
    assert.deepEqual(await problems(page), { csp: [], errors: [] });
    await page.close();
  });

  it('1e6 elements: a canvas, hover reads any element’s address; memory pages into the middle', async () => {
    const trace = traces.get(BIG) as Trace;
    const page = await open(trace, 'big');
    const i = trace.events.findIndex((e) => e.output?.label === 'big');
    await page.keyboard.press('Home');
    for (let k = 0; k < i; k++) await page.keyboard.press('ArrowRight');
    const a = trace.events[i]?.output as ArraySnapshot;
    assert.equal(a.size, 1e6);
    const box = await page.locator(`section.card[data-id="${a.id}"] canvas`).boundingBox();
    assert.ok(box);
    // middle of the canvas → element (500, 500)
    await page.mouse.move(box.x + box.width * 0.5005, box.y + box.height * 0.5005);
    const text = (await page.textContent('.readout')) ?? '';
    const m = /\[(\d+), (\d+)\]/.exec(text);
    assert.ok(m, text);
    const [r, c] = [Number(m[1]), Number(m[2])];
    assert.ok(Math.abs(r - 500) <= 1 && Math.abs(c - 500) <= 1, text);
    const py = spawnSync(
      'python3',
      [
        '-c',
        `import numpy as np; a=np.arange(1000000).reshape(1000,1000); print(a[${r}:${r + 1},${c}:${c + 1}].__array_interface__["data"][0]-a.__array_interface__["data"][0])`,
      ],
      { encoding: 'utf8' },
    );
    const want = Number(py.stdout.trim());
    assert.equal(Number(await page.getAttribute('.readout', 'data-address')), want);
    assert.deepEqual(
      await page.$$eval('g.mem.hot', (g) => g.map((x) => Number(x.getAttribute('data-address')))),
      [want],
    );
    assert.match(
      (await page.textContent(`section.card[data-id="${a.id}"] .big-note`)) ?? '',
      /NumPy prints: \[0 1 2 \.\.\. 999997 999998 999999\]/,
    );
    // a canvas card lights the elements over a hovered memory cell: t = mid.T, cell 5 → t[5, 0]
    const ti = trace.events.findIndex(
      (e) => e.op === 'ndarray.T' || (e.kind === 'view' && e.output?.label === 't'),
    );
    assert.ok(ti >= 0);
    const t = trace.events[ti]?.output as ArraySnapshot;
    await page.keyboard.press('Home');
    for (let k = 0; k < ti; k++) await page.keyboard.press('ArrowRight');
    await page.hover(`.strip-box[data-buffer="${t.bufferId}"] g.mem[data-cell="5"]`);
    const tpy = spawnSync(
      'python3',
      [
        '-c',
        'import numpy as np; m=np.arange(10000).reshape(100,100); t=m.T; print([ (i,j) for i in range(100) for j in range(100) if (t[i:i+1,j:j+1].__array_interface__["data"][0]-m.__array_interface__["data"][0])//8 == 5])',
      ],
      { encoding: 'utf8' },
    );
    assert.equal(tpy.stdout.trim(), '[(5, 0)]');
    assert.equal(
      await page.$$eval(
        `section.card[data-id="${t.id}"] svg.overlay rect.hot-cell`,
        (r) => r.length,
      ),
      1,
    );
    assert.match((await page.textContent('.readout')) ?? '', /t\[5,0\]/);
    await page.keyboard.press('Home');
    for (let k = 0; k < i; k++) await page.keyboard.press('ArrowRight');
    await page.click(`.strip-box[data-buffer="${a.bufferId}"] .page-mid`);
    assert.equal(
      await page.$$eval(`.strip-box[data-buffer="${a.bufferId}"] g.mem`, (g) =>
        g[0]?.getAttribute('data-cell'),
      ),
      '499968',
    );
    assert.deepEqual(await problems(page), { csp: [], errors: [] });
    await page.close();
  });

  it('broadcast stepper walks the five rules; the playground gives numpy’s verdict', async () => {
    const trace = traces.get(EXAMPLES.find((f) => f.includes('05-')) as string) as Trace;
    const page = await open(trace, 'bcast');
    const i = trace.events.findIndex(
      (e) => e.broadcast?.result !== null && e.broadcast?.operands.length === 2,
    );
    await page.keyboard.press('Home');
    for (let k = 0; k < i; k++) await page.keyboard.press('ArrowRight');
    const states: string[] = [];
    for (let s = 0; s < 5; s++) {
      states.push((await page.getAttribute('.panel.broadcast .stepper-box', 'data-stage')) ?? '');
      if (s < 4) await page.click('.panel.broadcast .stage-next');
    }
    assert.deepEqual(states, ['0', '1', '2', '3', '4']);
    assert.match(
      (await page.textContent('.panel.broadcast .verdict')) ?? '',
      /^broadcasts to \(3, 4\) → #\d+ int64\(3, 4\)$/,
    );
    // playground
    await page.click('#tab-play');
    await page.fill('#shape-0', '(8,1,6,1)');
    await page.fill('#shape-1', '(7,1,5)');
    for (let s = 0; s < 4; s++) await page.click('.play-stepper .stage-next');
    const py = spawnSync(
      'python3',
      ['-c', 'import numpy as np; print(np.broadcast_shapes((8,1,6,1),(7,1,5)))'],
      { encoding: 'utf8' },
    );
    assert.equal(
      await page.textContent('.play-stepper .verdict'),
      `broadcasts to ${py.stdout.trim()}`,
    );
    await page.fill('#shape-1', '(8,4,3)');
    await page.fill('#shape-0', '(2,1)');
    for (let s = 0; s < 4; s++)
      if (!(await page.isDisabled('.play-stepper .stage-next')))
        await page.click('.play-stepper .stage-next');
    const err = spawnSync(
      'python3',
      [
        '-c',
        'import numpy as np\ntry: np.empty((2,1))+np.empty((8,4,3))\nexcept ValueError as e: print(e, end="")',
      ],
      { encoding: 'utf8' },
    );
    assert.equal(await page.textContent('.play-stepper .verdict'), `ValueError: ${err.stdout}`);
    assert.equal(await page.getAttribute('.play-stepper', 'data-stage'), '2');
    await page.fill('#shape-0', '(2,x)');
    assert.match(
      (await page.textContent('.play-stepper .verdict')) ?? '',
      /shape 1 is not a shape/,
    );
    assert.deepEqual(await problems(page), { csp: [], errors: [] });
    await page.close();
  });

  it('the run status names the file as the title does (file.ts:5:14), the full path on hover', async () => {
    const base = traces.get(EDGES) as Trace;
    const file = '/home/someone/work/lesson dir/edges.ts';
    const message = `ValueError: operands could not be broadcast together with shapes (3,4) (3,) at ${file}:5:14`;
    const trace: Trace = { ...base, file, end: { status: 'error', message, durationMs: 1 } };
    const page = await open(trace, 'status');
    const r = await page.evaluate(() => {
      const s = document.querySelector('.run-status') as HTMLElement;
      return { text: s.textContent, title: s.title };
    });
    assert.equal(
      r.text,
      'error: ValueError: operands could not be broadcast together with shapes (3,4) (3,) at edges.ts:5:14',
    );
    assert.equal(r.title, `error: ${message}`);
    assert.deepEqual(await problems(page), { csp: [], errors: [] });
    await page.close();
  });

  it('trace strings holding markup and script are shown as text, nothing runs', async () => {
    const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    const arr: ArraySnapshot = {
      id: 1,
      dtype: 'int64',
      shape: [2],
      strides: [8],
      offset: 0,
      bufferId: 1,
      flags: { c_contiguous: true, f_contiguous: true, owndata: true, writeable: true },
      base: null,
      size: 2,
      label: evil,
      values: [1, evil],
    };
    const trace: Trace = {
      schema: 'ndscope-trace',
      version: 1,
      file: `/x/${evil}.ts`,
      limits: { maxValues: 4096, previewItems: 64, budgetBytes: 1e6 },
      events: [
        {
          step: 1,
          op: evil,
          kind: 'error',
          args: evil,
          inputs: [arr],
          output: arr,
          label: evil,
          why: evil,
          buffers: [{ id: 1, nbytes: 16, itemsize: 8, dtype: 'int64' }],
          bufferContents: [{ bufferId: 1, length: 2, values: [evil, 2] }],
          error: { name: evil, message: evil },
          broadcast: {
            operands: [
              { shape: [2], padded: [2], stretched: [] },
              { shape: [3], padded: [3], stretched: [] },
            ],
            result: null,
            error: { name: evil, message: evil, dim: 0, sizes: [2, 3] },
          },
          ms: 1,
        },
      ],
      console: [{ level: 'log', text: evil, afterStep: 0 }],
      end: { status: 'error', message: evil, durationMs: 1 },
    };
    const page = await open(trace, 'evil');
    await page.click('.panel.broadcast .stage-next');
    await page.click('.panel.broadcast .stage-next');
    await page.hover('section.card g.cell');
    await page.waitForTimeout(100);
    const r = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: number }).__pwned,
      imgs: document.querySelectorAll('img').length,
      scripts: document.querySelectorAll('script').length,
      body: document.body.textContent ?? '',
    }));
    assert.equal(r.pwned, undefined);
    assert.equal(r.imgs, 0);
    assert.equal(r.scripts, 2, 'only the page’s own data and bundle scripts');
    assert.ok(r.body.includes('window.__pwned=1'), 'shown as text');
    const texts = await page.evaluate(() => [
      document.querySelector('.error-text')?.textContent,
      document.querySelector('.console-out')?.textContent,
      document.querySelector('.run-status')?.textContent,
    ]);
    assert.deepEqual(texts, [`${evil}: ${evil}`, evil, `error: ${evil}`]);
    assert.deepEqual(await problems(page), { csp: [], errors: [] });
    await page.close();
  });

  it('the CLI’s standalone page (inlined bundle, hash-only CSP) renders offline, state survives', async () => {
    const trace = traces.get(EXAMPLES.find((f) => f.includes('03-')) as string) as Trace;
    const html = renderHtml(trace, { webview: { script: bundle.js, style: bundle.css } });
    assert.doesNotMatch(html, /'unsafe-inline'|'unsafe-eval'/);
    assert.match(html, /script-src 'sha256-/);
    const file = path.join(OUT, 'standalone.html');
    fs.writeFileSync(file, html);
    const page = await browser.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __csp: string[]; __errors: string[] };
      w.__csp = [];
      w.__errors = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`file://${file}`);
    await page.waitForSelector('section.card');
    await page.keyboard.press('End');
    assert.equal(await page.getAttribute('.ndscope', 'data-step'), String(trace.events.length - 1));
    await page.keyboard.press('ArrowLeft');
    assert.equal(await page.getAttribute('.ndscope', 'data-step'), String(trace.events.length - 2));
    assert.deepEqual(
      requests.filter((u) => !u.startsWith('file://') && !u.startsWith('data:')),
      [],
    );
    const st = await page.evaluate(
      () => (window as unknown as { ndscope: { state(): { step: number } } }).ndscope.state().step,
    );
    assert.equal(st, trace.events.length - 2);
    assert.deepEqual(await problems(page), { csp: [], errors: [] });
    await page.close();
  });

  it('inside VS Code: ready/hello handshake, trace/load, step/select, step/selected with the source loc, getState/setState', async () => {
    const trace = traces.get(EXAMPLES.find((f) => f.includes('03-')) as string) as Trace;
    const page = await browser.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    // a string, not a function: tsx would wrap named functions in an `__name` helper the page lacks
    await page.addInitScript(`
      window.__sent = [];
      const saved = sessionStorage.getItem('vscodeState');
      window.__state = saved ? JSON.parse(saved) : undefined;
      window.acquireVsCodeApi = function () {
        return {
          postMessage: function (m) { window.__sent.push(m); },
          getState: function () { return window.__state; },
          setState: function (st) { window.__state = st; sessionStorage.setItem('vscodeState', JSON.stringify(st)); },
        };
      };
    `);
    await page.goto(server.page('vscode', null));
    await page.waitForSelector('.ndscope header.top');
    const sent = (): Promise<
      { type: string; step?: number; version?: number; loc?: { line: number } }[]
    > => page.evaluate(() => (window as unknown as { __sent: { type: string }[] }).__sent);
    assert.deepEqual(await sent(), [{ type: 'webview/ready', version: 1 }]);
    await page.evaluate((t) => {
      window.postMessage({ type: 'host/hello', version: 1 }, '*');
      window.postMessage({ type: 'bogus/type' }, '*');
      window.postMessage({ type: 'trace/load', trace: t }, '*');
    }, trace);
    await page.waitForSelector('section.card');
    await page.evaluate(() => window.postMessage({ type: 'step/select', step: 5 }, '*'));
    await page.waitForFunction(
      () => document.querySelector<HTMLElement>('.ndscope')?.dataset['step'] === '5',
    );
    const msgs = await sent();
    const last = msgs[msgs.length - 1];
    assert.equal(last?.type, 'step/selected');
    assert.equal(last?.step, 5);
    assert.equal(last?.loc?.line, trace.events[5]?.loc?.line);
    assert.ok(!msgs.some((m) => m.type === 'webview/error'), 'hello with our version is accepted');
    // streaming: trace/append adds steps (the view stays where it is); trace/clear empties it
    const n = trace.events.length;
    await page.evaluate(
      (t) => window.postMessage({ type: 'trace/append', events: t.events.slice(0, 2) }, '*'),
      trace,
    );
    await page.waitForFunction(
      (max) => document.querySelector<HTMLInputElement>('input.scrubber')?.max === String(max),
      n + 1,
    );
    assert.equal(await page.getAttribute('.ndscope', 'data-step'), '5');
    await page.evaluate(() => window.postMessage({ type: 'trace/clear' }, '*'));
    await page.waitForFunction(() => document.querySelectorAll('section.card').length === 0);
    // the empty state: nothing of the old trace is left (title, steps, memory, sharing, console)
    assert.equal(await page.textContent('.step-label'), 'No trace yet — run a file');
    assert.equal(await page.textContent('.panel.why .empty-state'), 'No trace yet — run a file');
    assert.deepEqual(
      await page.evaluate(() => ({
        empty: document.querySelector<HTMLElement>('.ndscope')?.dataset['empty'],
        step: document.querySelector<HTMLElement>('.ndscope')?.dataset['step'] ?? null,
        title: document.querySelector('h1.file')?.textContent,
        max: document.querySelector<HTMLInputElement>('input.scrubber')?.max,
        near: document.querySelectorAll('ol.near li').length,
        bars: document.querySelectorAll('svg.costs rect.bar').length,
        strips: document.querySelectorAll('.strips > *').length,
        sharing: document.querySelectorAll('svg.sharing-graph > *').length,
        bcastHidden: document.querySelector<HTMLElement>('.panel.broadcast')?.hidden,
      })),
      {
        empty: 'true',
        step: null,
        title: '',
        max: '0',
        near: 0,
        bars: 0,
        strips: 0,
        sharing: 0,
        bcastHidden: true,
      },
    );
    // keys do nothing without a trace, and nothing is reported to the host
    const before = (await sent()).length;
    await page.keyboard.press('End');
    assert.equal((await sent()).length, before);
    await page.evaluate((t) => window.postMessage({ type: 'trace/load', trace: t }, '*'), trace);
    await page.evaluate(() => window.postMessage({ type: 'step/select', step: 5 }, '*'));
    await page.waitForFunction(
      () => document.querySelector<HTMLElement>('.ndscope')?.dataset['step'] === '5',
    );
    // playground/show: the playground tab with the shapes, its stepper run to numpy's verdict
    await page.evaluate(() =>
      window.postMessage({ type: 'playground/show', shapes: ['(8,1,6,1)', '(7,1,5)'] }, '*'),
    );
    await page.waitForSelector('#view-play:not([hidden])');
    assert.equal(await page.getAttribute('#tab-play', 'aria-selected'), 'true');
    assert.equal(await page.isHidden('#view-step'), true);
    assert.deepEqual(
      await page.$$eval('input.shape-text', (xs) => xs.map((x) => (x as HTMLInputElement).value)),
      ['(8,1,6,1)', '(7,1,5)'],
    );
    await page.waitForFunction(
      () => document.querySelector<HTMLElement>('.play-stepper')?.dataset['stage'] === '4',
    );
    const bs = spawnSync(
      'python3',
      ['-c', 'import numpy as np; print(np.broadcast_shapes((8,1,6,1),(7,1,5)))'],
      { encoding: 'utf8' },
    );
    assert.equal(
      await page.textContent('.play-stepper .verdict'),
      `broadcasts to ${bs.stdout.trim()}`,
    );
    assert.equal(await page.getAttribute('.play-stepper', 'data-running'), null, 'run ended');
    // a failing set stops at rule 2 with numpy's message
    await page.evaluate(() =>
      window.postMessage({ type: 'playground/show', shapes: ['(2,1)', '(8,4,3)'] }, '*'),
    );
    await page.waitForFunction(
      () =>
        document.querySelector<HTMLElement>('.play-stepper')?.dataset['stage'] === '2' &&
        document.querySelector<HTMLElement>('.play-stepper')?.dataset['running'] === undefined,
    );
    const be = spawnSync(
      'python3',
      [
        '-c',
        'import numpy as np\ntry: np.empty((2,1))+np.empty((8,4,3))\nexcept ValueError as e: print(e, end="")',
      ],
      { encoding: 'utf8' },
    );
    assert.equal(await page.textContent('.play-stepper .verdict'), `ValueError: ${be.stdout}`);
    // following the cursor (no focus) keeps the tab; an explicit command (focus) shows the steps
    await page.evaluate(() => window.postMessage({ type: 'step/select', step: 4 }, '*'));
    await page.waitForFunction(
      () => document.querySelector<HTMLElement>('.ndscope')?.dataset['step'] === '4',
    );
    assert.equal(await page.isHidden('#view-step'), true);
    await page.evaluate(() =>
      window.postMessage({ type: 'step/select', step: 5, focus: true }, '*'),
    );
    await page.waitForSelector('#view-step:not([hidden])');
    assert.equal(await page.getAttribute('.ndscope', 'data-step'), '5');
    assert.equal(await page.getAttribute('#tab-step', 'aria-selected'), 'true');
    assert.deepEqual(pageErrors, []);
    // reload: VS Code hands the saved state back; the webview comes back at the same step
    await page.reload();
    await page.waitForSelector('.ndscope header.top');
    await page.evaluate((t) => window.postMessage({ type: 'trace/load', trace: t }, '*'), trace);
    await page.waitForSelector('section.card');
    assert.equal(await page.getAttribute('.ndscope', 'data-step'), '5');
    await page.close();
  });

  it('screenshots of each view, dark and light (and high contrast for three)', async () => {
    const shots: [string, Trace, (p: Page) => Promise<void>][] = [];
    const ex05 = traces.get(EXAMPLES.find((f) => f.includes('05-')) as string) as Trace;
    const edges = traces.get(EDGES) as Trace;
    const big = traces.get(BIG) as Trace;
    const go =
      (i: number) =>
      async (p: Page): Promise<void> => {
        await p.keyboard.press('Home');
        for (let k = 0; k < i; k++) await p.keyboard.press('ArrowRight');
      };
    const idx = (t: Trace, f: (e: TraceEvent) => boolean): number => t.events.findIndex(f);
    shots.push([
      'broadcast-stepper',
      ex05,
      async (p) => {
        await go(
          idx(
            ex05,
            (e) =>
              e.op === 'add' &&
              e.broadcast?.result !== null &&
              (e.inputs[1]?.shape.length ?? 0) === 2,
          ),
        )(p);
        await p.click('.panel.broadcast .stage-next');
        await p.click('.panel.broadcast .stage-next');
      },
    ]);
    shots.push([
      'broadcast-error',
      ex05,
      async (p) => {
        await go(idx(ex05, (e) => e.kind === 'error'))(p);
        await p.click('.panel.broadcast .stage-next');
        await p.click('.panel.broadcast .stage-next');
      },
    ]);
    shots.push([
      'negative-strides',
      edges,
      async (p) => {
        await go(idx(edges, (e) => e.output?.label === 'mrev'))(p);
        await p.hover('section.card.selected g.cell[data-idx="1,1"]');
      },
    ]);
    shots.push([
      'zero-strides',
      edges,
      async (p) => {
        await go(idx(edges, (e) => e.output?.label === 'z'))(p);
        await p.hover('.strip-box g.mem[data-cell="1"]');
      },
    ]);
    shots.push(['five-d', edges, go(idx(edges, (e) => e.output?.label === 't5'))]);
    shots.push(['write-through-view', edges, go(idx(edges, (e) => e.kind === 'write'))]);
    shots.push(['large-canvas', big, go(idx(big, (e) => e.output?.label === 'big'))]);
    shots.push([
      'playground',
      ex05,
      async (p) => {
        await p.click('#tab-play');
        for (let s = 0; s < 3; s++) await p.click('.play-stepper .stage-next');
      },
    ]);
    for (const scheme of ['dark', 'light', 'high-contrast'] as const) {
      for (const [name, trace, act] of shots) {
        if (
          scheme === 'high-contrast' &&
          !['negative-strides', 'broadcast-error', 'large-canvas'].includes(name)
        )
          continue;
        const page = await open(
          trace,
          `shot-${name}-${scheme}`,
          scheme === 'light' ? 'light' : 'dark',
        );
        await page.setViewportSize({ width: 1280, height: 900 });
        if (scheme === 'high-contrast') {
          // what VS Code's high-contrast theme sets: a body class and --vscode-* variables
          await page.evaluate(() => {
            document.body.classList.add('vscode-high-contrast');
            const vars: Record<string, string> = {
              '--vscode-editor-background': '#000000',
              '--vscode-editor-foreground': '#ffffff',
              '--vscode-sideBar-background': '#000000',
              '--vscode-panel-border': '#6fc3df',
              '--vscode-contrastBorder': '#6fc3df',
              '--vscode-focusBorder': '#f38518',
              '--vscode-descriptionForeground': '#d0d0d0',
              '--vscode-errorForeground': '#f48771',
              '--vscode-editorWarning-foreground': '#ffd700',
            };
            for (const [k, v] of Object.entries(vars))
              document.documentElement.style.setProperty(k, v);
            (window as unknown as { ndscope: { render(): void } }).ndscope.render();
          });
        }
        await act(page);
        await page.waitForTimeout(50);
        const file = path.join(SHOTS, `${name}-${scheme}.png`);
        await page.screenshot({ path: file, fullPage: true });
        assert.ok(fs.statSync(file).size > 10_000, file);
        await page.close();
      }
    }
  });
});
