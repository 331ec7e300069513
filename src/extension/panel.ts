/**
 * The visualizer panel: the D3 webview bundle (dist/webview) speaking src/protocol. The host sends
 * `trace/load`, `step/select` and `playground/show`; the webview reports `step/selected` (the host reveals the line).
 */
import * as vscode from 'vscode';
import {
  PROTOCOL_VERSION,
  assertNever,
  compatible,
  isWebviewToHost,
  type HostToWebview,
  type WebviewToHost,
} from '../protocol/messages';
import type { Loc, Trace } from '../trace/schema';
import { AbstractWebview } from './webview';

export const VIEW_TYPE = 'ndscope.visualizer';

export class VisualizerPanel extends AbstractWebview<HostToWebview, WebviewToHost> {
  private trace: Trace | undefined;
  private current = 0;
  /** Shapes of the last `playground/show` while the playground is what the panel shows. */
  private playShapes: string[] | undefined;
  private readonly stepEmitter = new vscode.EventEmitter<{ index: number; loc?: Loc }>();
  /** The user moved to a step in the webview (or a command did). */
  readonly onDidSelectStep = this.stepEmitter.event;
  private readonly errorEmitter = new vscode.EventEmitter<string>();
  readonly onDidReportError = this.errorEmitter.event;

  /** Types of the last messages posted (or queued) to the webview, newest last (for tests). */
  readonly sent: HostToWebview['type'][] = [];

  constructor(extensionUri: vscode.Uri) {
    super(extensionUri, VIEW_TYPE, 'ndscope');
  }

  override post(msg: HostToWebview): void {
    this.sent.push(msg.type);
    if (this.sent.length > 20) this.sent.shift();
    super.post(msg);
  }

  get step(): number {
    return this.current;
  }

  get loaded(): Trace | undefined {
    return this.trace;
  }

  /** The shapes the webview's playground shows, while it is what the panel shows. */
  get playground(): readonly string[] | undefined {
    return this.playShapes;
  }

  protected isMessage(x: unknown): x is WebviewToHost {
    return isWebviewToHost(x);
  }

  protected isReady(m: WebviewToHost): boolean {
    return m.type === 'webview/ready';
  }

  protected scripts(): string[] {
    return ['main.js'];
  }

  protected styles(): string[] {
    return ['main.css'];
  }

  protected onReady(): void {
    // Direct posts: the queue is flushed after this and may hold a newer trace.
    const p = this.panel;
    if (!p) return;
    void p.webview.postMessage({
      type: 'host/hello',
      version: PROTOCOL_VERSION,
    } satisfies HostToWebview);
  }

  protected onMessage(m: WebviewToHost): void {
    switch (m.type) {
      case 'webview/ready':
        if (!compatible(m.version)) {
          void vscode.window.showWarningMessage(
            `ndscope: webview protocol ${m.version} ≠ ${PROTOCOL_VERSION}`,
          );
        } else {
          // Neither is queued: both are (re)sent on every ready, so a reloaded webview shows them.
          const play = this.playShapes;
          if (this.trace) this.load(this.trace, this.current, false);
          if (play) this.showPlayground(play);
        }
        break;
      case 'step/selected':
        this.current = m.step;
        this.stepEmitter.fire({ index: m.step, ...(m.loc ? { loc: m.loc } : {}) });
        break;
      case 'source/reveal':
        this.stepEmitter.fire({ index: this.current, loc: m.loc });
        break;
      case 'webview/error':
        this.errorEmitter.fire(m.message);
        break;
      default:
        assertNever(m);
    }
  }

  /**
   * Shows `trace`, at step `index` (default: the last step); `focus` brings the webview's Program
   * tab forward (false when re-sent on ready, so a reload keeps the user's tab).
   */
  load(trace: Trace, index = trace.events.length - 1, focus = true): void {
    this.trace = trace;
    this.current = Math.max(0, Math.min(trace.events.length - 1, index));
    if (focus) this.playShapes = undefined;
    if (!this.isReadyNow) return; // sent on `webview/ready`
    this.post({ type: 'trace/load', trace });
    this.select(this.current, focus);
  }

  /** The webview's Broadcast playground with `shapes` (`(8,1,6,1)`), its stepper running. */
  showPlayground(shapes: string[]): void {
    this.playShapes = shapes;
    if (this.isReadyNow) this.post({ type: 'playground/show', shapes }); // else sent on ready
  }

  /** Forgets the trace; an open webview shows its empty state (the panel stays open). */
  clear(): void {
    this.trace = undefined;
    this.current = 0;
    this.playShapes = undefined;
    this.resetQueue();
    if (this.panel) this.post({ type: 'trace/clear' });
  }

  /**
   * Moves to step `index` (clamped); no-op without a trace. `focus` (an explicit command) also
   * brings the Program tab forward; following the editor's cursor does not.
   */
  select(index: number, focus = false): number {
    const n = this.trace?.events.length ?? 0;
    if (n === 0) return -1;
    const i = Math.max(0, Math.min(n - 1, index));
    this.current = i;
    if (focus) this.playShapes = undefined;
    if (this.isReadyNow)
      this.post(focus ? { type: 'step/select', step: i, focus } : { type: 'step/select', step: i });
    return i;
  }
}
