/**
 * A generic webview panel base (after github/vscode-codeql's AbstractWebview): it owns the panel,
 * the HTML with a strict CSP and a nonce, and the protocol's ready handshake — nothing is posted
 * before the webview said `webview/ready`; messages sent earlier are queued and flushed then.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

export abstract class AbstractWebview<ToMsg, FromMsg> implements vscode.Disposable {
  protected panel: vscode.WebviewPanel | undefined;
  private ready = false;
  private queue: ToMsg[] = [];
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    protected readonly extensionUri: vscode.Uri,
    private readonly viewType: string,
    private readonly title: string,
  ) {}

  /** True when `msg` is the webview's ready message (it carries the protocol version). */
  protected abstract isReady(msg: FromMsg): boolean;
  /** Validates what the webview posted. */
  protected abstract isMessage(x: unknown): x is FromMsg;
  protected abstract onMessage(msg: FromMsg): void;
  /** Sent first after every ready (the webview may have been reloaded). */
  protected abstract onReady(): void;
  protected abstract scripts(): string[];
  protected abstract styles(): string[];

  get visible(): boolean {
    return this.panel !== undefined;
  }

  get isReadyNow(): boolean {
    return this.ready;
  }

  /** Creates (or reveals) the panel. */
  show(
    column: vscode.ViewColumn = vscode.ViewColumn.Beside,
    preserveFocus = true,
  ): vscode.WebviewPanel {
    if (this.panel) {
      this.panel.reveal(undefined, preserveFocus);
      return this.panel;
    }
    const panel = vscode.window.createWebviewPanel(
      this.viewType,
      this.title,
      { viewColumn: column, preserveFocus },
      {
        enableScripts: true,
        retainContextWhenHidden: true,
        localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview')],
      },
    );
    this.attach(panel);
    return panel;
  }

  /** Adopts a panel (a new one, or one VS Code restores through a serializer). */
  attach(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    this.ready = false;
    panel.webview.options = {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview')],
    };
    panel.webview.html = this.html(panel.webview);
    panel.webview.onDidReceiveMessage(
      (m: unknown) => {
        if (!this.isMessage(m)) return;
        if (this.isReady(m)) {
          this.ready = true;
          this.onReady();
          const q = this.queue;
          this.queue = [];
          for (const x of q) void panel.webview.postMessage(x);
        }
        this.onMessage(m);
      },
      undefined,
      this.disposables,
    );
    panel.onDidDispose(
      () => {
        this.panel = undefined;
        this.ready = false;
        this.queue = [];
      },
      undefined,
      this.disposables,
    );
  }

  /** Posts now when the webview is ready, else queues (only the panel's latest state matters). */
  post(msg: ToMsg): void {
    if (this.panel && this.ready) void this.panel.webview.postMessage(msg);
    else this.queue.push(msg);
  }

  /** Drops queued messages (a new trace replaces whatever was waiting). */
  protected resetQueue(): void {
    this.queue = [];
  }

  private html(webview: vscode.Webview): string {
    const nonce = randomBytes(16).toString('base64');
    const base = vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview');
    const src = (f: string): string =>
      webview.asWebviewUri(vscode.Uri.joinPath(base, f)).toString();
    const csp = [
      "default-src 'none'",
      `img-src ${webview.cspSource} data:`,
      `style-src ${webview.cspSource} 'unsafe-inline'`,
      `font-src ${webview.cspSource}`,
      `script-src 'nonce-${nonce}'`,
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${this.styles()
  .map((f) => `<link rel="stylesheet" href="${src(f)}">`)
  .join('\n')}
<title>${this.title}</title>
</head>
<body>
<div id="app"></div>
${this.scripts()
  .map((f) => `<script nonce="${nonce}" src="${src(f)}"></script>`)
  .join('\n')}
</body>
</html>`;
  }

  /** Closes the panel (show() opens a new one). */
  close(): void {
    this.panel?.dispose();
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
