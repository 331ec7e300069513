/**
 * The host ↔ webview protocol: one file of discriminated unions named `area/verb`, a version
 * handshake (the webview sends `webview/ready` with its PROTOCOL_VERSION before the host sends
 * anything; the host answers `host/hello`), and `assertNever` for exhaustive switches.
 * Runs in the extension host, the webview and Node tests alike (no DOM, no Node, no vscode).
 */
import type { Loc, Trace, TraceEvent } from '../trace/schema';

export const PROTOCOL_VERSION = 1;

export type ThemeKind = 'dark' | 'light' | 'high-contrast' | 'high-contrast-light';

/** Messages the host sends to the webview. */
export type HostToWebview =
  | { type: 'host/hello'; version: number }
  | { type: 'trace/load'; trace: Trace }
  | { type: 'trace/append'; events: TraceEvent[] }
  | { type: 'trace/clear' }
  /** Moves to `step`; `focus` also brings the Program tab forward (an explicit command). */
  | { type: 'step/select'; step: number; focus?: boolean }
  | { type: 'theme/changed'; kind: ThemeKind }
  /** Opens the Broadcast playground tab with these shapes (`(8,1,6,1)`) and runs its stepper. */
  | { type: 'playground/show'; shapes: string[] };

/** Messages the webview sends to the host. */
export type WebviewToHost =
  | { type: 'webview/ready'; version: number }
  | { type: 'step/selected'; step: number; loc?: Loc }
  | { type: 'source/reveal'; loc: Loc }
  | { type: 'webview/error'; message: string };

export type Message = HostToWebview | WebviewToHost;

export function assertNever(x: never, what = 'message'): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(x)}`);
}

const HOST_TYPES: ReadonlySet<string> = new Set<HostToWebview['type']>([
  'host/hello',
  'trace/load',
  'trace/append',
  'trace/clear',
  'step/select',
  'theme/changed',
  'playground/show',
]);
const WEBVIEW_TYPES: ReadonlySet<string> = new Set<WebviewToHost['type']>([
  'webview/ready',
  'step/selected',
  'source/reveal',
  'webview/error',
]);

function typeOf(x: unknown): string | undefined {
  if (typeof x !== 'object' || x === null) return undefined;
  const t = (x as { type?: unknown }).type;
  return typeof t === 'string' ? t : undefined;
}

/** A structural check of messages that cross the boundary (postMessage carries `unknown`). */
export function isHostToWebview(x: unknown): x is HostToWebview {
  const t = typeOf(x);
  return t !== undefined && HOST_TYPES.has(t);
}

export function isWebviewToHost(x: unknown): x is WebviewToHost {
  const t = typeOf(x);
  return t !== undefined && WEBVIEW_TYPES.has(t);
}

/** True when a peer speaking `version` can be talked to. */
export function compatible(version: number): boolean {
  return version === PROTOCOL_VERSION;
}
