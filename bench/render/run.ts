/**
 * Render budget benchmark (issue 6): the webview bundle in headless Chromium, served with the
 * strict CSP, on traces of 1,000 / 10,000 (values recorded) / 1e6 cells whose values change at
 * every step. Measures, medians of REPS:
 *   step  — from app.go(i) to the second animation frame after it (the new step is on screen);
 *   hover — from a mouse event on a cell to the next frame (element ↔ memory highlight);
 *   fps   — frames during the step transition (180 ms).
 * Writes bench/render/RESULTS.md. Run: npx tsx bench/render/run.ts
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runFile } from '../../src/runner/run';
import { buildBundle, launch, serve } from '../../test/webview/harness';

const REPS = 15;
const HERE = __dirname;

interface Row {
  name: string;
  cells: number;
  budget: number;
  mode: string;
  step: number[];
  js: number[];
  hover: number[];
  fps: number[];
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

async function main(): Promise<void> {
  const bundle = await buildBundle();
  const cases = [
    {
      name: '1,000 cells (25 × 40, values)',
      file: 'cells-1k.ts',
      cells: 1000,
      budget: 17,
      maxValues: 4096,
    },
    {
      name: '10,000 cells (100 × 100, values)',
      file: 'cells-10k.ts',
      cells: 10000,
      budget: 50,
      maxValues: 20000,
    },
    {
      name: '1e6 elements (1000 × 1000)',
      file: 'cells-1e6.ts',
      cells: 1e6,
      budget: 33,
      maxValues: 4096,
    },
  ];
  const server = await serve(bundle);
  const { browser, cleanup } = await launch();
  const rows: Row[] = [];
  try {
    for (const c of cases) {
      const r = await runFile(path.join(HERE, 'programs', c.file), {
        timeoutMs: 60_000,
        limits: { maxValues: c.maxValues },
      });
      const trace = r.trace;
      const page = await browser.newPage();
      // tsx keeps function names with an `__name` helper the page does not have
      await page.addInitScript('window.__name = (f) => f');
      await page.setViewportSize({ width: 1400, height: 1000 });
      await page.goto(server.page(c.file, trace));
      await page.waitForSelector('section.card');
      const first = trace.events.findIndex((e) => e.kind === 'write');
      const res = await page.evaluate(
        async ({ first, n, reps }) => {
          const app = (
            window as unknown as { ndscope: { go(i: number): void; hover(h: unknown): void } }
          ).ndscope;
          const frame = (): Promise<number> => new Promise((r) => requestAnimationFrame(r));
          const step: number[] = [];
          const js: number[] = [];
          const hover: number[] = [];
          const fps: number[] = [];
          app.go(first);
          await frame();
          await new Promise((r) => setTimeout(r, 300));
          for (let k = 0; k < reps; k++) {
            const target = first + 1 + (k % (n - first - 1));
            // as in shared/notes/render-budget.md: the work starts in one animation frame and the
            // time runs to the next (by then the new step is painted)
            await frame();
            const t0 = performance.now();
            app.go(target);
            js.push(performance.now() - t0);
            await frame();
            step.push(performance.now() - t0);
            // frames during the transition
            const stamps: number[] = [];
            const tEnd = t0 + 180;
            for (let f = await frame(); f < tEnd + 20; f = await frame()) stamps.push(f);
            const inT = stamps.filter((s) => s <= tEnd);
            if (inT.length > 1)
              fps.push(
                ((inT.length - 1) * 1000) / ((inT[inT.length - 1] as number) - (inT[0] as number)),
              );
            await new Promise((r) => setTimeout(r, 100));
            // hover: a cell in the middle of the grid (SVG) or the canvas
            const card =
              document.querySelector('section.card.selected') ??
              document.querySelector('section.card');
            const cells = card?.querySelectorAll('g.cell');
            const canvas = card?.querySelector('canvas');
            const h0 = performance.now();
            if (cells && cells.length) {
              cells[Math.floor(cells.length / 2)]?.dispatchEvent(new MouseEvent('mouseenter'));
            } else if (canvas) {
              const rect = canvas.getBoundingClientRect();
              canvas.dispatchEvent(
                new MouseEvent('mousemove', {
                  clientX: rect.left + rect.width / 2,
                  clientY: rect.top + rect.height / 2,
                  bubbles: true,
                }),
              );
            }
            await frame();
            hover.push(performance.now() - h0);
            app.hover(null);
            await new Promise((r) => setTimeout(r, 50));
          }
          const mode = document.querySelector('section.card.selected canvas.text-layer')
            ? 'canvas (ImageData + value text)'
            : document.querySelector('section.card.selected canvas')
              ? 'canvas (ImageData)'
              : 'SVG (keyed join)';
          return { step, js, hover, fps, mode };
        },
        { first, n: trace.events.length, reps: REPS },
      );
      rows.push({
        name: c.name,
        cells: c.cells,
        budget: c.budget,
        mode: res.mode,
        step: res.step,
        js: res.js,
        hover: res.hover,
        fps: res.fps,
      });
      await page.close();
    }
  } finally {
    await cleanup();
    await server.close();
  }
  const f = (x: number): string => x.toFixed(1);
  const lines = [
    '# Render budgets (webview, headless Chromium)',
    '',
    `Measured by \`npx tsx bench/render/run.ts\` on ${new Date().toISOString().slice(0, 10)}: headless Debian Chromium,`,
    'software rendering (`--disable-gpu`), viewport 1400 × 1000, strict CSP page; every step changes the',
    `array's values (in-place \`iadd\`); medians (and max) of ${REPS} step changes. A step change is timed from`,
    '`go(step)`, called at the start of an animation frame, to the next frame (one frame = 16.7 ms is the floor);',
    'a hover from the mouse event to the next frame; fps counts frames',
    'during the 180 ms step transition.',
    '',
    `Machine load while measuring (1-min load average / cores): ${os.loadavg()[0]?.toFixed(1)} / ${os.cpus().length}. Other`,
    "teams' builds and tests share the 2 cores, so these are upper bounds; rerun on a quiet machine.",
    '',
    'Profile of a 1,000-cell step (Chromium trace, 20 steps): one Layout per step (no forced',
    'layout in the update), but before 2026-11-26 it cost ~6–10 ms, 80 % of it the memory strip:',
    "d3 rewrote the strip SVG's width/height at every step (same values, still a layout",
    'invalidation) and 256 SVG <text> values re-laid out the whole strip. Now the strip writes',
    'attributes only when they change and draws its values on a canvas layer (layout ~1 ms/step);',
    'theme colours are cached (no getComputedStyle after DOM writes) and the cost bars read their',
    'width before the DOM writes. What is left of a 1,000-cell step is ~6 ms of JS, mostly the',
    "grid's canvas value text (fillText).",
    '',
    '| array | drawn as | step change median (max) | budget | of which JS in go() | hover median (max) | transition fps median | verdict |',
    '|---|---|---|---|---|---|---|---|',
    ...rows.map((r) => {
      const sm = median(r.step);
      const hm = median(r.hover);
      const fm = r.fps.length ? median(r.fps) : NaN;
      const ok = sm <= r.budget && hm <= 17 && (r.cells > 1000 || fm >= 50);
      return `| ${r.name} | ${r.mode} | ${f(sm)} ms (${f(Math.max(...r.step))}) | ≤ ${r.budget} ms | ${f(median(r.js))} ms | ${f(hm)} ms (${f(Math.max(...r.hover))}) | ${Number.isNaN(fm) ? '–' : f(fm)} | ${ok ? 'within budget' : 'OVER budget'} |`;
    }),
    '',
  ];
  fs.writeFileSync(path.join(HERE, 'RESULTS.md'), lines.join('\n'));
  process.stdout.write(lines.join('\n'));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
