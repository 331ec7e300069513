/**
 * Entry point: registers commands, providers and the panel serializer; nothing else happens here.
 * Activation is lazy (commands, TypeScript/JavaScript files, the restored panel — never `*`) and
 * timed: `activationMs` is exported for the tests and bench/RESULTS.md.
 */
import * as vscode from 'vscode';
import { Controller } from './controller';
import { Diagnostics, HoverProvider, InlayProvider, SELECTOR } from './language';
import { VIEW_TYPE } from './panel';
import { RunStore } from './runs';

export interface NdscopeApi {
  /** Time spent in activate(), milliseconds (the tests also time `extension.activate()` whole). */
  activationMs: number;
  controller: Controller;
  store: RunStore;
}

export function activate(context: vscode.ExtensionContext): NdscopeApi {
  const t0 = performance.now();
  const store = new RunStore();
  const controller = new Controller(context, store);
  controller.register();
  const inlay = new InlayProvider(store);
  context.subscriptions.push(
    store,
    controller,
    inlay,
    new Diagnostics(store),
    vscode.languages.registerHoverProvider(SELECTOR, new HoverProvider(store)),
    vscode.languages.registerInlayHintsProvider(SELECTOR, inlay),
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
      deserializeWebviewPanel: (panel) => {
        controller.panel.attach(panel);
        return Promise.resolve();
      },
    }),
  );
  const activationMs = performance.now() - t0;
  return { activationMs, controller, store };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
