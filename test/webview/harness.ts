/**
 * Shared by the webview tests and the render benchmark: builds the webview bundle, records traces
 * (examples + edge programs) with the runner, serves pages from 127.0.0.1 with the same strict
 * CSP as the VS Code webview (nonce-only scripts and styles, nothing remote), and starts Chromium.
 */
import * as esbuild from 'esbuild';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { scriptJson } from '../../src/cli/html';
import { runFile } from '../../src/runner/run';
import type { Trace } from '../../src/trace/schema';

export const ROOT = path.resolve(__dirname, '..', '..');
export const OUT = path.join(ROOT, 'test', 'webview', 'out');

export async function buildBundle(): Promise<{ js: string; css: string }> {
  fs.mkdirSync(OUT, { recursive: true });
  await esbuild.build({
    entryPoints: [path.join(ROOT, 'webview', 'src', 'main.ts')],
    outfile: path.join(OUT, 'main.js'),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'warning',
  });
  return {
    js: fs.readFileSync(path.join(OUT, 'main.js'), 'utf8'),
    css: fs.readFileSync(path.join(OUT, 'main.css'), 'utf8'),
  };
}

export async function recordTrace(file: string): Promise<Trace> {
  const r = await runFile(file, { timeoutMs: 60_000 });
  return r.trace;
}

/** Records every file (a few at a time). */
export async function recordAll(files: string[], parallel = 3): Promise<Map<string, Trace>> {
  const out = new Map<string, Trace>();
  const queue = [...files];
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      for (let f = queue.shift(); f !== undefined; f = queue.shift())
        out.set(f, await recordTrace(f));
    }),
  );
  return out;
}

export const csp = (nonce: string): string =>
  `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; img-src data:; font-src data:`;

export interface Server {
  url: string;
  /** Registers a page for a trace; returns its URL. */
  page(name: string, trace: Trace | null): string;
  close(): Promise<void>;
}

export async function serve(bundle: { js: string; css: string }, extraBody = ''): Promise<Server> {
  const pages = new Map<string, Trace | null>();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/main.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(bundle.js);
      return;
    }
    const name = url.pathname.slice(1);
    if (!pages.has(name)) {
      res.writeHead(404);
      res.end();
      return;
    }
    const nonce = randomBytes(16).toString('base64');
    const trace = pages.get(name);
    const data = trace
      ? `<script type="application/json" id="ndscope-trace">${scriptJson(trace)}</script>`
      : '';
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp(nonce)}">
<title>ndscope test</title><style nonce="${nonce}">${bundle.css}</style></head>
<body><div id="app"></div>${data}${extraBody}
<script nonce="${nonce}" src="/main.js"></script></body></html>`;
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': csp(nonce),
    });
    res.end(html);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    page(name, trace) {
      pages.set(name, trace);
      return `${url}/${name}`;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** Chromium with a fresh profile (a persistent context on a new temp user-data-dir). */
export async function launch(): Promise<{ browser: BrowserContext; cleanup: () => Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(OUT, 'profile-'));
  const browser = await chromium.launchPersistentContext(dir, {
    viewport: { width: 1200, height: 1000 },
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  return {
    browser,
    cleanup: async () => {
      await browser.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
