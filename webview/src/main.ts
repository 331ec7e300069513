/**
 * Webview entry. The same bundle runs in VS Code (transport: acquireVsCodeApi postMessage, with
 * the protocol's ready/hello handshake) and on the CLI's standalone page (the trace embedded in
 * <script type="application/json" id="ndscope-trace">).
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import './styles/main.css';
import {
  PROTOCOL_VERSION,
  assertNever,
  isHostToWebview,
  type WebviewToHost,
} from '../../src/protocol/messages';
import type { Trace } from '../../src/trace/schema';
import { App } from './app';
import type { StateStore, UiState } from './state/ui';

interface VsCodeApi {
  postMessage(msg: unknown): void;
  getState(): unknown;
  setState(s: unknown): void;
}
declare const acquireVsCodeApi: (() => VsCodeApi) | undefined;

export interface Transport {
  store: StateStore;
  post(msg: WebviewToHost): void;
  /** Starts listening; the callback receives validated host messages. */
  start(app: App): void;
}

function vscodeTransport(api: VsCodeApi): Transport {
  return {
    store: {
      get: () => api.getState() as Partial<UiState> | undefined,
      set: (s) => api.setState(s),
    },
    post: (m) => api.postMessage(m),
    start(app) {
      window.addEventListener('message', (ev: MessageEvent<unknown>) => {
        const m = ev.data;
        if (!isHostToWebview(m)) return;
        switch (m.type) {
          case 'host/hello':
            if (m.version !== PROTOCOL_VERSION)
              this.post({
                type: 'webview/error',
                message: `protocol ${m.version} ≠ ${PROTOCOL_VERSION}`,
              });
            break;
          case 'trace/load':
            app.load(m.trace);
            break;
          case 'trace/append':
            app.append(m.events);
            break;
          case 'trace/clear':
            app.clearTrace();
            break;
          case 'step/select':
            if (m.focus) app.showTab('step');
            app.go(m.step);
            break;
          case 'playground/show':
            app.showPlayground(m.shapes);
            break;
          case 'theme/changed':
            break;
          default:
            assertNever(m);
        }
      });
      this.post({ type: 'webview/ready', version: PROTOCOL_VERSION });
    },
  };
}

function standaloneTransport(): Transport {
  let mem: Partial<UiState> | undefined;
  try {
    const h = /#state=(.*)$/.exec(location.hash);
    if (h?.[1]) mem = JSON.parse(decodeURIComponent(h[1])) as Partial<UiState>;
  } catch {
    mem = undefined;
  }
  return {
    store: { get: () => mem, set: (s) => (mem = s) },
    post: () => undefined,
    start(app) {
      const node = document.getElementById('ndscope-trace');
      if (!node?.textContent) return;
      app.load(JSON.parse(node.textContent) as Trace);
    },
  };
}

export function boot(root: HTMLElement): App {
  const transport =
    typeof acquireVsCodeApi === 'function'
      ? vscodeTransport(acquireVsCodeApi())
      : standaloneTransport();
  const app = new App({
    root,
    store: transport.store,
    onStep: (step, v) =>
      transport.post(
        v.event.loc
          ? { type: 'step/selected', step, loc: v.event.loc }
          : { type: 'step/selected', step },
      ),
  });
  transport.start(app);
  (window as unknown as { ndscope?: App }).ndscope = app;
  return app;
}

const root =
  document.getElementById('app') ?? document.body.appendChild(document.createElement('div'));
boot(root);
