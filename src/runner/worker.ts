/**
 * The worker entry: runs one user bundle with the traced runtime and streams the trace.
 *
 * Order matters: the WASM memory cap is set before the runtime allocates anything; the methods
 * are wrapped after every area module has loaded; the user's module is imported last.
 */
import { parentPort, workerData, Worker } from 'node:worker_threads';
import { formatWithOptions } from 'node:util';
import { configureMemory, setReclaimHook } from '../runtime/memory';
import { Recorder } from '../trace/recorder';
import { installTracing, siteLocator, stackLocator } from '../trace/traced';
import { packWire, wireTransferables } from '../trace/wire';
import type { ConsoleLevel, Loc } from '../trace/schema';
import { wireToJson, type RawError, type WorkerInput, type WorkerMessage } from './messages';
import { NP_GLOBAL, SITE_CELL } from './constants';

const input = workerData as WorkerInput;
const port = parentPort;
if (port === null) throw new Error('ndscope worker must run in a worker thread');
const post = (m: WorkerMessage): void => port.postMessage(m);

const isUser = (f: string): boolean => f === input.bundleUrl;
// Call-site ids set by the instrumented bundle (sites.ts); a stack capture for calls without one.
const siteCell = new Int32Array(1);
(globalThis as Record<symbol, unknown>)[Symbol.for(SITE_CELL)] = siteCell;
const siteLocs: (Loc | undefined)[] = (input.sites ?? []).map(([line, column]) => ({
  file: input.bundleUrl,
  line,
  column,
}));
const locate = siteLocator(siteLocs, siteCell, stackLocator(isUser));

const arenasSent: boolean[] = [];
const rec = new Recorder({
  limits: input.limits,
  locate,
  batchSize: input.batchSize,
  sharedArenas: true,
  // the wire format: numbers and raw value bytes, decoded by the runner. Batches are written in
  // the recorder's shared arenas (the runner's decoder hands each back once read); after the
  // first batch from an arena only its slot and lengths travel (packWire). Copies, when every
  // arena is in flight, are transferred.
  wireSink: (batch) =>
    port.postMessage(
      { type: 'batch', batch: packWire(batch, arenasSent) } satisfies WorkerMessage,
      wireTransferables(batch),
    ),
});

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
const frameRe = new RegExp(`${escapeRe(input.bundleUrl)}:(\\d+):(\\d+)`);

function rawError(err: unknown): RawError {
  if (err instanceof Error || (typeof err === 'object' && err !== null && 'message' in err)) {
    const e = err as Error;
    const stack = typeof e.stack === 'string' ? e.stack : undefined;
    const out: RawError = {
      name: typeof e.name === 'string' ? e.name : 'Error',
      message: String(e.message),
    };
    if (stack !== undefined) {
      out.stack = stack;
      const m = frameRe.exec(stack);
      if (m) out.loc = { file: input.bundleUrl, line: Number(m[1]), column: Number(m[2]) };
    }
    return out;
  }
  return {
    name: 'Error',
    message: `uncaught value: ${formatWithOptions({ colors: false }, '%o', err)}`,
  };
}

let reported = false;
function reportError(err: unknown): void {
  if (reported) return;
  reported = true;
  rec.flush();
  post({ type: 'error', error: rawError(err), steps: rec.steps });
}

// console capture: each line with the user's source line
const levels: ConsoleLevel[] = ['log', 'info', 'warn', 'error', 'debug'];
for (const level of levels) {
  const fn = function (...args: unknown[]): void {
    const text = formatWithOptions({ colors: false, depth: 4 }, ...args);
    const loc = locate(fn);
    rec.addConsole(loc === undefined ? { level, text } : { level, text, loc });
  };
  (console as unknown as Record<string, unknown>)[level] = fn;
}

// process.exit(): end with a clear message at the user's line, trace flushed
const realExit = process.exit.bind(process);
const exitFn = (code?: number | string | null): never => {
  const loc: Loc | undefined = locate(exitFn);
  rec.flush();
  const n = code === undefined || code === null ? 0 : Number(code);
  post({
    type: 'exit',
    code: Number.isFinite(n) ? n : 1,
    steps: rec.steps,
    ...(loc ? { loc } : {}),
  });
  return realExit(n);
};
process.exit = exitFn;

process.on('uncaughtException', (err) => {
  reportError(err);
  realExit(1);
});
process.on('unhandledRejection', (err) => {
  reportError(err);
  realExit(1);
});

// The runner may pause a busy worker through the inspector and take what was not sent yet.
(globalThis as Record<symbol, unknown>)[Symbol.for('ndscope.drain')] = (): string =>
  JSON.stringify(wireToJson(rec.drainWire()));

async function main(): Promise<void> {
  configureMemory({ maxBytes: input.memoryMaxBytes });
  // the runner set --expose-gc and --harmony-weak-refs-with-cleanup-some before starting this
  // worker: arrays a synchronous loop drops are reclaimed before the memory grows
  const gc = (globalThis as { gc?: () => void }).gc;
  if (typeof gc === 'function') setReclaimHook(gc);
  const rawNp = await import('../runtime/index');
  // large matmuls: split between this thread and one helper worker sharing the memory
  (await import('../runtime/parallel')).enableParallelGemm({ Worker });
  const { np } = installTracing(rawNp, rec);
  (globalThis as Record<symbol, unknown>)[Symbol.for(NP_GLOBAL)] = np;
  try {
    await import(input.bundleUrl);
  } catch (err) {
    reportError(err);
    return;
  }
  rec.flush();
  post({ type: 'main-done' });
  // Async leftovers (timers, promises) keep running; flush each of their events at once.
  rec.batchSize = 1;
}

void main();
