/**
 * Globals that every engine the runtime, trace and protocol run in provides (Node ≥ 20, worker
 * threads, browsers, VS Code webviews), declared for tsconfig.runtime.json, which has neither DOM
 * nor Node types. Only what all of them have, with the part of the API they share.
 * (tsconfig.json gets the real declarations from lib.dom and @types/node instead.)
 */
declare const performance: { now(): number; readonly timeOrigin: number };

declare const console: {
  log(...data: unknown[]): void;
  info(...data: unknown[]): void;
  warn(...data: unknown[]): void;
  error(...data: unknown[]): void;
  debug(...data: unknown[]): void;
};

declare function queueMicrotask(callback: () => void): void;

declare function structuredClone<T>(value: T): T;

declare class TextEncoder {
  readonly encoding: string;
  encode(input?: string): Uint8Array;
}

declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  readonly encoding: string;
  decode(input?: ArrayBuffer | ArrayBufferView, options?: { stream?: boolean }): string;
}
