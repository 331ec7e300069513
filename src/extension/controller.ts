/**
 * The commands (category ndscope) and the glue between runs, the visualizer panel and editors:
 * step ↔ line sync both ways, live mode (re-run on save, debounced), workspace-trust gating.
 * Every command returns a small plain result so the extension-host tests can check it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { explainBroadcast, parseShape } from '../trace/broadcast-info';
import { readConfig } from './config';
import { snapshotScope } from './debug';
import {
  broadcastStepAtLine,
  errorReport,
  findBinding,
  lastStepAtLine,
  scopeTrace,
  shapeText,
} from './describe';
import { SELECTOR } from './language';
import { VisualizerPanel } from './panel';
import { RunStore, type RunRecord } from './runs';

export interface RunSummary {
  status: string;
  steps: number;
  message?: string;
}

const DEBUG_URI = vscode.Uri.parse('ndscope:/debugger-scope');

export const UNTRUSTED_MESSAGE =
  'ndscope: running code is disabled in this untrusted workspace (it would execute the file). ' +
  'Trust the workspace to run files; the broadcasting playground still works.';

/** Shapes typed as `(8,1,6,1) (7,1,5)`, `[3,4], [4]` or `3 4; 4`. */
export function parseShapes(text: string): number[][] | null {
  const groups = text.match(/\([^)]*\)|\[[^\]]*\]/g) ?? text.split(/[;|]/);
  const shapes = groups.map((g) => parseShape(g));
  if (shapes.length < 1 || shapes.some((s) => s === null)) return null;
  return shapes as number[][];
}

export class Controller implements vscode.Disposable {
  readonly panel: VisualizerPanel;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly highlight = vscode.window.createTextEditorDecorationType({
    isWholeLine: true,
    backgroundColor: new vscode.ThemeColor('editor.rangeHighlightBackground'),
    borderColor: new vscode.ThemeColor('editor.findMatchHighlightBorder'),
  });
  /** Record shown in the panel. */
  private shown: RunRecord | undefined;
  private readonly liveTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly status: vscode.StatusBarItem;

  constructor(
    private readonly context: vscode.ExtensionContext,
    readonly store: RunStore,
  ) {
    this.panel = new VisualizerPanel(context.extensionUri);
    this.status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 10);
    this.status.command = 'ndscope.toggleLiveMode';
    this.updateStatus();
    this.disposables.push(
      this.panel,
      this.highlight,
      this.status,
      this.panel.onDidSelectStep(({ index }) => this.revealStep(index)),
      this.panel.onDidReportError(
        (m) => void vscode.window.showErrorMessage(`ndscope webview: ${m}`),
      ),
      vscode.window.onDidChangeTextEditorSelection((e) => this.onSelection(e)),
      vscode.workspace.onDidSaveTextDocument((d) => this.onSave(d)),
      store.onDidChangeRunning((n) => this.onRunning(n)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('ndscope.liveMode')) this.updateStatus();
      }),
    );
  }

  register(): void {
    const reg = (id: string, f: (...args: never[]) => unknown): void => {
      this.disposables.push(
        vscode.commands.registerCommand(id, f as (...args: unknown[]) => unknown),
      );
    };
    reg('ndscope.run', (uri?: vscode.Uri) => this.run(uri));
    reg('ndscope.stopRun', () => this.stop());
    reg('ndscope.openVisualizer', () => this.open());
    reg('ndscope.stepForward', () => this.step((i) => i + 1));
    reg('ndscope.stepBack', () => this.step((i) => i - 1));
    reg('ndscope.stepFirst', () => this.step(() => 0));
    reg('ndscope.stepLast', () => this.step(() => Number.MAX_SAFE_INTEGER));
    reg('ndscope.explainBroadcasting', (uri?: string | vscode.Uri, line?: number) =>
      this.explainBroadcasting(uri, line),
    );
    reg('ndscope.broadcastingPlayground', (shapes?: string) => this.playground(shapes));
    reg('ndscope.showMemory', () => this.showMemory());
    reg('ndscope.toggleLiveMode', () => this.toggleLive());
    reg('ndscope.clearResults', () => this.clear());
    reg('ndscope.visualizeScope', () => this.visualizeScope());
    reg('ndscope.openStep', (uri?: string, index?: number) => this.openStep(uri, index));
    reg('ndscope.openExample', (name?: string) => this.openExample(name));
  }

  // ── commands ────────────────────────────────────────────────────────────────────────────────

  async run(uri?: vscode.Uri): Promise<RunSummary> {
    if (!vscode.workspace.isTrusted) {
      void vscode.window
        .showWarningMessage(UNTRUSTED_MESSAGE, 'Manage Workspace Trust')
        .then((c) => {
          if (c) void vscode.commands.executeCommand('workbench.trust.manage');
        });
      return { status: 'untrusted', steps: 0, message: UNTRUSTED_MESSAGE };
    }
    const doc = uri
      ? await vscode.workspace.openTextDocument(
          uri instanceof vscode.Uri ? uri : vscode.Uri.parse(String(uri)),
        )
      : vscode.window.activeTextEditor?.document;
    if (!doc || doc.uri.scheme !== 'file' || vscode.languages.match(SELECTOR, doc) === 0) {
      void vscode.window.showInformationMessage('ndscope: open a .ts or .js file to run it.');
      return { status: 'no-file', steps: 0 };
    }
    if (doc.isDirty) await doc.save();
    this.panel.show(vscode.ViewColumn.Beside, true);
    const rec = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Window,
        title: `ndscope: running ${path.basename(doc.uri.fsPath)}`,
        cancellable: true,
      },
      (_p, token) => this.store.run(doc, token),
    );
    if (!rec) {
      // Stopped (Stop Running, Clear Results) rather than superseded by a newer run of the file.
      if (this.store.running === 0) this.status.text = '$(circle-slash) ndscope: run stopped';
      return { status: 'cancelled', steps: 0 };
    }
    this.show(rec);
    const rep = errorReport(rec.trace);
    const steps = rec.trace.events.length;
    if (rep) {
      this.status.text = `$(error) ndscope: ${rep.message.split(':')[0]} at line ${rep.line}`;
      void vscode.window.showErrorMessage(
        `ndscope: ${rep.message}${rep.cause ? ` — ${rep.cause}` : ''} (line ${rep.line})`,
      );
    } else {
      this.status.text = `$(graph) ndscope: ${steps} step${steps === 1 ? '' : 's'}`;
    }
    return { status: rec.result.status, steps, ...(rep ? { message: rep.message } : {}) };
  }

  /** Stops every run in flight (status bar while running, editor title, palette). */
  stop(): { stopped: number } {
    return { stopped: this.store.cancelAll() };
  }

  private onRunning(n: number): void {
    void vscode.commands.executeCommand('setContext', 'ndscope.running', n > 0);
    if (n > 0) {
      this.status.text = '$(sync~spin) ndscope: running…';
      this.status.tooltip = 'ndscope is running your file: click to stop it';
      this.status.command = 'ndscope.stopRun';
      this.status.show();
    } else {
      this.updateStatus();
    }
  }

  open(): { steps: number } {
    const rec = this.shown ?? this.recordForActiveEditor() ?? this.store.latest();
    this.panel.show(vscode.ViewColumn.Beside, false);
    if (rec) this.show(rec, this.panel.step);
    return { steps: rec?.trace.events.length ?? 0 };
  }

  step(f: (i: number) => number): number {
    if (!this.shown) return -1;
    this.panel.show(vscode.ViewColumn.Beside, true);
    const i = this.panel.select(f(this.panel.step), true);
    this.revealStep(i);
    return i;
  }

  /** From a hover link (uri string, line) or a menu (the document's Uri) or the palette (nothing). */
  explainBroadcasting(uri?: string | vscode.Uri, line?: number): number {
    const ed = vscode.window.activeTextEditor;
    const u =
      typeof uri === 'string'
        ? vscode.Uri.parse(uri)
        : uri instanceof vscode.Uri
          ? uri
          : ed?.document.uri;
    const rec = u ? this.store.get(u) : undefined;
    const l = line ?? (ed ? ed.selection.active.line + 1 : 0);
    if (!rec) {
      void vscode.window.showInformationMessage(
        'ndscope: run the file first (ndscope: Run and Visualize Current File).',
      );
      return -1;
    }
    let i = broadcastStepAtLine(rec.trace, l);
    if (i < 0) {
      void vscode.window.showInformationMessage(
        `ndscope: no broadcasting operation ran at line ${l}.`,
      );
      i = lastStepAtLine(rec.trace, l);
      if (i < 0) return -1;
    }
    this.panel.show(vscode.ViewColumn.Beside, true);
    this.show(rec, i);
    return i;
  }

  async playground(shapesText?: string): Promise<{ result: number[] | null; message: string }> {
    const text =
      shapesText ??
      (await vscode.window.showInputBox({
        title: 'ndscope: Broadcasting Playground',
        prompt: 'Shapes to broadcast together, e.g. (8,1,6,1) (7,1,5)',
        value: '(8,1,6,1) (7,1,5)',
        validateInput: (t) => (parseShapes(t) ? undefined : 'shapes like (3,4) (4,)'),
      }));
    if (text === undefined) return { result: null, message: 'cancelled' };
    const shapes = parseShapes(text);
    if (!shapes) return { result: null, message: `not shapes: ${text}` };
    const info = explainBroadcast(shapes);
    const message = info.result
      ? `broadcast ${shapes.map(shapeText).join(' ')} → ${shapeText(info.result)}`
      : `${info.error?.name}: ${info.error?.message.trimEnd()}`;
    // The webview's own playground tab (its stepper runs to NumPy's verdict); the shown run stays.
    this.panel.show(vscode.ViewColumn.Beside, true);
    this.panel.showPlayground(shapes.map((s) => `(${s.join(',')}${s.length === 1 ? ',' : ''})`));
    void vscode.window.showInformationMessage(`ndscope: ${message}`);
    return { result: info.result ?? null, message };
  }

  showMemory(): number {
    const ed = vscode.window.activeTextEditor;
    const rec = ed ? this.store.get(ed.document.uri) : undefined;
    if (!ed || !rec) {
      void vscode.window.showInformationMessage(
        'ndscope: run the file first, then put the cursor on an array.',
      );
      return -1;
    }
    const range = ed.document.getWordRangeAtPosition(ed.selection.active, /[A-Za-z_$][\w$]*/);
    const name = range ? ed.document.getText(range) : '';
    const b = name ? findBinding(rec.trace, name, ed.selection.active.line + 1) : undefined;
    if (!b) {
      void vscode.window.showInformationMessage(
        `ndscope: \`${name}\` is not an array of the last run.`,
      );
      return -1;
    }
    this.panel.show(vscode.ViewColumn.Beside, true);
    this.show(rec, b.index);
    return b.index;
  }

  async toggleLive(): Promise<boolean> {
    const c = vscode.workspace.getConfiguration('ndscope');
    const next = !readConfig().liveMode;
    const target = vscode.workspace.workspaceFolders
      ? vscode.ConfigurationTarget.Workspace
      : vscode.ConfigurationTarget.Global;
    await c.update('liveMode.enabled', next, target);
    this.updateStatus(next);
    void vscode.window.showInformationMessage(
      `ndscope: live mode ${next ? 'on (re-runs on save)' : 'off'}`,
    );
    return next;
  }

  clear(): void {
    this.store.clear();
    this.shown = undefined;
    // The panel stays open: the webview shows its empty state ("No trace yet — run a file").
    this.panel.clear();
    for (const ed of vscode.window.visibleTextEditors) ed.setDecorations(this.highlight, []);
    this.updateStatus();
  }

  async visualizeScope(): Promise<{ names: string[] } | { error: string }> {
    const session = vscode.debug.activeDebugSession;
    if (!session) {
      void vscode.window.showInformationMessage(
        'ndscope: start debugging and pause in a program that uses ndscope.',
      );
      return { error: 'no debug session' };
    }
    try {
      const snap = await snapshotScope(session);
      if (snap.arrays.length === 0) {
        void vscode.window.showInformationMessage(
          'ndscope: no ndarrays in the paused frame’s scope.',
        );
        return { names: [] };
      }
      const trace = scopeTrace(snap.file ?? 'debugger', snap.arrays);
      const rec = this.store.put(DEBUG_URI, trace);
      this.panel.show(vscode.ViewColumn.Beside, true);
      this.show(rec, 0);
      return { names: snap.arrays.map((a) => a.name) };
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      void vscode.window.showErrorMessage(`ndscope: could not read the arrays in scope: ${error}`);
      return { error };
    }
  }

  openStep(uri?: string, index?: number): number {
    const rec = uri ? this.store.get(vscode.Uri.parse(uri)) : this.shown;
    if (!rec) return -1;
    this.panel.show(vscode.ViewColumn.Beside, true);
    this.show(rec, index ?? 0);
    this.revealStep(this.panel.step);
    return this.panel.step;
  }

  async openExample(name?: string): Promise<RunSummary> {
    if (!name) return { status: 'no-file', steps: 0 };
    const candidates = [
      ...(vscode.workspace.workspaceFolders ?? []).flatMap((f) => [
        path.join(f.uri.fsPath, 'examples', name),
        path.join(f.uri.fsPath, name),
      ]),
      path.join(this.context.extensionUri.fsPath, 'examples', name),
    ];
    const file = candidates.find((p) => fs.existsSync(p));
    if (!file) {
      void vscode.window.showErrorMessage(`ndscope: example ${name} not found`);
      return { status: 'no-file', steps: 0 };
    }
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    return this.run(doc.uri);
  }

  // ── sync ────────────────────────────────────────────────────────────────────────────────────

  private recordForActiveEditor(): RunRecord | undefined {
    const ed = vscode.window.activeTextEditor;
    return ed ? this.store.get(ed.document.uri) : undefined;
  }

  private show(rec: RunRecord, index?: number): void {
    this.shown = rec;
    this.panel.load(rec.trace, index ?? rec.trace.events.length - 1);
  }

  /** Reveals and highlights the source line of step `index` of the shown trace. */
  private revealStep(index: number): void {
    const rec = this.shown;
    const loc = rec?.trace.events[index]?.loc;
    if (!rec || rec.uri.scheme !== 'file') return;
    const ed = vscode.window.visibleTextEditors.find(
      (e) => e.document.uri.toString() === rec.uri.toString(),
    );
    if (!ed) return;
    if (!loc) {
      ed.setDecorations(this.highlight, []);
      return;
    }
    const line = Math.min(Math.max(0, loc.line - 1), ed.document.lineCount - 1);
    const range = ed.document.lineAt(line).range;
    ed.setDecorations(this.highlight, [range]);
    ed.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  /** Moving the cursor to a line selects that line's last step. */
  private onSelection(e: vscode.TextEditorSelectionChangeEvent): void {
    if (
      e.kind !== vscode.TextEditorSelectionChangeKind.Keyboard &&
      e.kind !== vscode.TextEditorSelectionChangeKind.Mouse
    )
      return;
    const rec = this.shown;
    if (!rec || !this.panel.visible || e.textEditor.document.uri.toString() !== rec.uri.toString())
      return;
    const i = lastStepAtLine(rec.trace, e.selections[0]!.active.line + 1);
    if (i >= 0 && i !== this.panel.step) {
      this.panel.select(i);
      this.revealStep(i);
    }
  }

  private onSave(doc: vscode.TextDocument): void {
    const cfg = readConfig();
    if (!cfg.liveMode || !vscode.workspace.isTrusted) return;
    if (doc.uri.scheme !== 'file' || vscode.languages.match(SELECTOR, doc) === 0) return;
    const key = doc.uri.toString();
    const isShown = this.shown?.uri.toString() === key;
    if (!isShown && vscode.window.activeTextEditor?.document !== doc) return;
    clearTimeout(this.liveTimers.get(key));
    this.liveTimers.set(
      key,
      setTimeout(() => {
        this.liveTimers.delete(key);
        void this.run(doc.uri);
      }, cfg.liveDebounceMs),
    );
  }

  private updateStatus(live = readConfig().liveMode): void {
    this.status.command = 'ndscope.toggleLiveMode';
    this.status.text = live ? '$(sync) ndscope live' : '$(graph) ndscope';
    this.status.tooltip = live
      ? 'ndscope live mode: re-runs on save (click to turn off)'
      : 'ndscope: click to turn live mode on';
    this.status.show();
  }

  dispose(): void {
    for (const t of this.liveTimers.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }
}
