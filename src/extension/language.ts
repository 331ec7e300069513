/**
 * Editor features fed by the last run of a document: hovers on identifiers bound to ndarrays,
 * inlay hints after array-producing lines, and diagnostics for the error a run ended with.
 */
import * as vscode from 'vscode';
import { readConfig } from './config';
import {
  broadcastLineFor,
  errorReport,
  findBinding,
  hoverLines,
  inlayHints,
  shapeDataUri,
} from './describe';
import type { RunStore } from './runs';

export const SELECTOR: vscode.DocumentSelector = [
  { language: 'typescript', scheme: 'file' },
  { language: 'javascript', scheme: 'file' },
];

const IDENT = /[A-Za-z_$][\w$]*/;

function commandLink(title: string, command: string, args: unknown[]): string {
  return `[${title}](command:${command}?${encodeURIComponent(JSON.stringify(args))} "${title}")`;
}

export class HoverProvider implements vscode.HoverProvider {
  constructor(private readonly store: RunStore) {}

  provideHover(doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | undefined {
    const rec = this.store.get(doc.uri);
    if (!rec) return undefined;
    const range = doc.getWordRangeAtPosition(pos, IDENT);
    if (!range) return undefined;
    const name = doc.getText(range);
    const b = findBinding(rec.trace, name, pos.line + 1);
    if (!b) return undefined;
    const a = b.array;
    const md = new vscode.MarkdownString(undefined, true);
    md.isTrusted = { enabledCommands: ['ndscope.openStep', 'ndscope.explainBroadcasting'] };
    md.supportHtml = false;
    md.appendMarkdown(`**ndscope** \`${name}\`: ndarray\n\n`);
    if (rec.version !== doc.version) {
      md.appendMarkdown(
        `$(warning) _stale: from an older version of this file — run again to refresh_\n\n`,
      );
    }
    md.appendMarkdown(
      `![${name} ${a.shape.join('x')} ${a.dtype}](${shapeDataUri(a.shape, a.dtype, a.base !== null)})\n\n`,
    );
    for (const l of hoverLines(rec.trace, b)) md.appendMarkdown(`${l}  \n`);
    const uri = doc.uri.toString();
    md.appendMarkdown(
      `\n${commandLink(`Open at step ${b.index + 1}`, 'ndscope.openStep', [uri, b.index])} · ${commandLink(
        'Explain broadcasting',
        'ndscope.explainBroadcasting',
        [uri, broadcastLineFor(rec.trace, a.id) ?? b.event.loc?.line ?? pos.line + 1],
      )}`,
    );
    return new vscode.Hover(md, range);
  }
}

export class InlayProvider implements vscode.InlayHintsProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeInlayHints = this.changed.event;

  constructor(private readonly store: RunStore) {
    store.onDidChange(() => this.changed.fire());
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('ndscope.inlayHints')) this.changed.fire();
    });
  }

  provideInlayHints(doc: vscode.TextDocument, range: vscode.Range): vscode.InlayHint[] {
    if (!readConfig().inlayHints) return [];
    const rec = this.store.get(doc.uri);
    if (!rec) return [];
    const out: vscode.InlayHint[] = [];
    for (const h of inlayHints(rec.trace)) {
      const line = h.line - 1;
      if (line < range.start.line || line > range.end.line || line >= doc.lineCount) continue;
      const end = doc.lineAt(line).range.end;
      const hint = new vscode.InlayHint(end, h.text, vscode.InlayHintKind.Type);
      hint.paddingLeft = true;
      hint.tooltip = `ndscope: step ${h.index + 1} of the last run`;
      out.push(hint);
    }
    return out;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** Diagnostics: the error of a document's last run at its line; cleared by the next good run. */
export class Diagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('ndscope');

  constructor(store: RunStore) {
    store.onDidChange((uri) => {
      if (!uri) {
        this.collection.clear();
        return;
      }
      const rec = store.get(uri);
      const rep = rec ? errorReport(rec.trace) : undefined;
      if (!rep) {
        this.collection.delete(uri);
        return;
      }
      const line = Math.max(0, rep.line - 1);
      const col = Math.max(0, rep.column - 1);
      const range = new vscode.Range(line, col, line, Number.MAX_SAFE_INTEGER);
      const d = new vscode.Diagnostic(
        range,
        rep.cause ? `${rep.message}\n${rep.cause}` : rep.message,
        vscode.DiagnosticSeverity.Error,
      );
      d.source = 'ndscope';
      d.code = rec?.result.status;
      this.collection.set(uri, [d]);
    });
  }

  dispose(): void {
    this.collection.dispose();
  }
}
