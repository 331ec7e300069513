/**
 * One self-contained, offline HTML page for a trace: the trace embedded as JSON, and either the
 * webview bundle inlined (when given) or a plain server-rendered step list.
 *
 * The trace sits in `<script type="application/json" id="ndscope-trace">`; a webview bundle reads
 * it from there (`JSON.parse(document.getElementById('ndscope-trace').textContent)`).
 */
import { createHash } from 'node:crypto';
import type { ArraySnapshot, Trace, TraceEvent } from '../trace/schema';

export interface WebviewBundle {
  /** The webview app's JavaScript (an IIFE), inlined in a <script>. */
  script: string;
  /** Its CSS, inlined in a <style>. */
  style?: string;
}

export interface HtmlOptions {
  title?: string;
  /** The webview bundle; without it the page shows a plain step list. */
  webview?: WebviewBundle;
}

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** JSON safe inside a <script> element. */
export function scriptJson(x: unknown): string {
  return JSON.stringify(x)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const tuple = (xs: readonly number[]): string =>
  xs.length === 1 ? `(${xs[0]},)` : `(${xs.join(', ')})`;

function arrayText(a: ArraySnapshot): string {
  const name = a.label ? `${a.label} ` : '';
  const vals = a.values
    ? a.values.slice(0, 12).join(', ') + (a.values.length > 12 ? ', …' : '')
    : a.preview
      ? `${a.preview.head.slice(0, 6).join(', ')}, …, ${a.preview.tail.slice(-3).join(', ')}`
      : '';
  return `${name}#${a.id} ${a.dtype}${tuple(a.shape)} strides ${tuple(a.strides)} buf ${a.bufferId}${a.base !== null ? ` base #${a.base}` : ''} [${vals}]`;
}

function eventRow(e: TraceEvent): string {
  const loc = e.loc ? `${e.loc.line}:${e.loc.column}` : '';
  const outs = e.output ? [e.output] : (e.outputs ?? []);
  const detail: string[] = [];
  if (e.why) detail.push(esc(e.why));
  if (e.broadcast) {
    const b = e.broadcast;
    detail.push(
      `broadcast ${b.operands.map((o) => tuple(o.shape)).join(' ')} → ${b.result ? tuple(b.result) : 'error'}`,
    );
  }
  if (e.error) detail.push(`<b>${esc(e.error.name)}</b>: ${esc(e.error.message)}`);
  if (e.result !== undefined) detail.push(`= ${esc(JSON.stringify(e.result))}`);
  return `<tr class="k-${e.kind}"><td>${e.step}</td><td>${loc}</td><td>${esc(e.label ?? '')}</td><td><code>${esc(e.op)}${esc(e.args ?? '')}</code></td><td>${e.kind}</td><td>${outs.map((o) => esc(arrayText(o))).join('<br>')}</td><td>${detail.join('<br>')}</td></tr>`;
}

function stepList(trace: Trace): string {
  const rows = trace.events.map(eventRow).join('\n');
  const cons = trace.console
    .map(
      (c) =>
        `<div class="c-${c.level}">${c.loc ? `<span class="loc">${c.loc.line}</span> ` : ''}${esc(c.text)}</div>`,
    )
    .join('\n');
  const end = trace.end
    ? `<p class="end s-${trace.end.status}">${esc(trace.end.status)}${trace.end.message ? `: ${esc(trace.end.message)}` : ''}</p>`
    : '';
  const trunc = trace.truncated
    ? `<p class="end">Trace truncated at step ${trace.truncated.atStep}: ${esc(trace.truncated.reason)}</p>`
    : '';
  return `<main id="ndscope-steps">
<h1>${esc(trace.file)}</h1>
${end}${trunc}
<table><thead><tr><th>step</th><th>line</th><th>name</th><th>op</th><th>kind</th><th>result</th><th>why</th></tr></thead>
<tbody>
${rows}
</tbody></table>
<h2>Console</h2>
<pre class="console">${cons}</pre>
</main>`;
}

const PLAIN_CSS = `body{font:13px/1.4 system-ui,sans-serif;margin:1em;color:#222}table{border-collapse:collapse}
td,th{border-bottom:1px solid #ddd;padding:2px 6px;text-align:left;vertical-align:top}code{font-family:ui-monospace,monospace}
.k-error td{background:#fde8e8}.k-view td:nth-child(5){color:#0a6}.k-copy td:nth-child(5){color:#c60}.k-write td:nth-child(5){color:#a0a}
.console{background:#f6f6f6;padding:.5em}.loc{color:#888}.end{font-weight:bold}.s-ok{color:#0a6}`;

/** A CSP hash source for an inline block: `sha256-<base64>`. */
function sha256(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

/** The page as a string. */
export function renderHtml(trace: Trace, opts: HtmlOptions = {}): string {
  const title = esc(opts.title ?? `ndscope — ${trace.file.split(/[\\/]/).pop() ?? trace.file}`);
  const data = `<script type="application/json" id="ndscope-trace">${scriptJson(trace)}</script>`;
  const csp = `default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline' 'wasm-unsafe-eval'; img-src data:; font-src data:`;
  const head = `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>`;
  if (opts.webview) {
    // The webview page gets a CSP as strict as inside VS Code: only these exact inline script and
    // style blocks may run (sha256 hashes — the static-file equivalent of a nonce), no eval,
    // nothing remote. The JSON data block is not executed, so it needs no hash.
    const styleText = opts.webview.style?.replace(/<\/style/gi, '<\\/style');
    const script = opts.webview.script.replace(/<\/script/gi, '<\\/script');
    const strict = `default-src 'none'; script-src '${sha256(script)}'; style-src ${styleText !== undefined ? `'${sha256(styleText)}'` : "'none'"}; img-src data:; font-src data:`;
    const style = styleText !== undefined ? `<style>${styleText}</style>` : '';
    return `${head.replace(csp, strict)}
${style}
</head><body>
<div id="app"></div>
${data}
<script>${script}</script>
</body></html>
`;
  }
  return `${head}
<style>${PLAIN_CSS}</style>
</head><body>
${stepList(trace)}
${data}
</body></html>
`;
}
