/**
 * The runner: bundle the user's file, run it in a worker thread with limits, collect the trace.
 *
 * Every way a program can end — normally, a syntax error, a thrown (NumPy) error, an infinite
 * loop, running out of WASM or JS memory, `process.exit()`, a trace over budget, cancellation —
 * ends the run with a RunResult holding a clear message at the user's line and the partial trace.
 * The calling thread is never blocked: the program runs in its own thread, which is terminated
 * on timeout or cancel.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createHash } from 'node:crypto';
import * as v8 from 'node:v8';
import { Worker } from 'node:worker_threads';
import * as esbuild from 'esbuild';
import {
  DEFAULT_BATCH_SIZE,
  DEFAULT_LIMITS,
  TRACE_SCHEMA,
  TRACE_SCHEMA_VERSION,
  type CaptureLimits,
  type ConsoleEntry,
  type Loc,
  type RunEnd,
  type RunStatus,
  type Trace,
  type TraceEvent,
} from '../trace/schema';
import {
  WireDecoder,
  type DecodedBatch,
  type PackedWireBatch,
  type WireBatch,
} from '../trace/wire';
import { bundleUserFile } from './bundle';
import { BundleMapper } from './sourcemap';
import { buildLabelIndex, type LabelIndex } from './labels';
import { probeWorker } from './probe';
import { relaxedModule } from '../runtime/wasm/probe';
import { wireFromJson, type WorkerInput, type WorkerMessage } from './messages';

export interface RunOptions {
  /** Wall-clock limit in ms (default 10 000); the worker is terminated after it. */
  timeoutMs?: number;
  /** JS heap limit of the worker in MiB (default 1024). */
  heapMb?: number;
  /** Cap on the WebAssembly memory holding array data, bytes (default 2 GiB). */
  memoryMaxBytes?: number;
  limits?: Partial<CaptureLimits>;
  /** Events per streamed batch (default DEFAULT_BATCH_SIZE, 256). */
  batchSize?: number;
  /** Called with each batch of events as it arrives (locations already mapped, labels set). */
  onEvents?: (events: TraceEvent[]) => void;
  /** Called with each console line as it arrives. */
  onConsole?: (entry: ConsoleEntry) => void;
  /** Aborting cancels the run. */
  signal?: AbortSignal;
  /** The worker script to use (default: the built one next to this module, else built from src). */
  workerScript?: string;
}

let relaxedChecked = false;
/**
 * Node 20 has relaxed SIMD behind a flag (VS Code's Electron and Node ≥ 22 ship it on): turn it
 * on (process-wide, before the first worker compiles the kernels) so a run picks the same FMA
 * GEMM build in the CLI as in the extension host.
 */
function enableRelaxedSimd(): void {
  if (relaxedChecked) return;
  relaxedChecked = true;
  try {
    if (!WebAssembly.validate(relaxedModule()))
      v8.setFlagsFromString('--experimental-wasm-relaxed-simd');
  } catch {
    /* no WebAssembly or no such flag: the probe in the worker picks plain SIMD */
  }
}

let reclaimFlagHolders = 0;
/**
 * V8 11 (Node 20) has `--harmony-weak-refs-with-cleanup-some`; later V8s dropped it (setting an
 * unknown flag prints an error), and the runtime reclaims through WeakRefs there instead.
 */
const HAS_CLEANUP_SOME_FLAG = Number(process.versions.v8.split('.')[0]) <= 11;
/**
 * V8 flags for the worker about to be created: `gc` and (V8 11) FinalizationRegistry#cleanupSome,
 * so the runtime's reclaim hook (memory.ts `setReclaimHook`) frees the arrays a synchronous loop
 * drops before the WASM memory grows. V8 reads them when a context is created, so they are on
 * only while a worker is starting (call before `new Worker`, release once it is online) and off
 * again afterwards: the host process (e.g. VS Code's extension host) and contexts made later do
 * not get a global `gc`.
 */
function holdSyncReclaimFlags(): () => void {
  if (reclaimFlagHolders++ === 0) {
    v8.setFlagsFromString('--expose-gc');
    if (HAS_CLEANUP_SOME_FLAG) v8.setFlagsFromString('--harmony-weak-refs-with-cleanup-some');
  }
  let held = true;
  return () => {
    if (!held) return;
    held = false;
    if (--reclaimFlagHolders === 0) {
      v8.setFlagsFromString('--no-expose-gc');
      if (HAS_CLEANUP_SOME_FLAG) v8.setFlagsFromString('--no-harmony-weak-refs-with-cleanup-some');
    }
  };
}

export interface RunResult {
  status: RunStatus;
  trace: Trace;
  end: RunEnd;
}

export interface RunHandle {
  done: Promise<RunResult>;
  cancel(): void;
}

let workerScriptPromise: Promise<string> | null = null;

/** Finds (or builds from src with esbuild, once per process) the worker script. */
export function resolveWorkerScript(): Promise<string> {
  if (process.env['NDSCOPE_WORKER']) return Promise.resolve(process.env['NDSCOPE_WORKER']);
  workerScriptPromise ??= (async () => {
    const here = typeof __dirname === 'string' ? __dirname : process.cwd();
    const candidates: [string, boolean][] = [
      [path.join(here, 'worker.cjs'), true],
      [path.join(here, 'worker.ts'), false],
      [path.join(here, '..', 'runner', 'worker.cjs'), true],
      [path.join(here, 'runner-worker.cjs'), true],
      [path.join(here, '..', '..', 'src', 'runner', 'worker.ts'), false],
      [path.join(here, '..', 'src', 'runner', 'worker.ts'), false],
    ];
    for (const [p, built] of candidates) {
      if (!fs.existsSync(p)) continue;
      if (built) return p;
      const r = await esbuild.build({
        entryPoints: [p],
        bundle: true,
        write: false,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        logLevel: 'silent',
        sourcemap: 'inline',
      });
      const code = (r.outputFiles[0] as { text: string }).text;
      const hash = createHash('sha1').update(code).digest('hex').slice(0, 12);
      const out = path.join(os.tmpdir(), `ndscope-worker-${hash}.cjs`);
      if (!fs.existsSync(out)) {
        const tmp = `${out}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, code);
        fs.renameSync(tmp, out);
      }
      return out;
    }
    throw new Error(`ndscope: cannot find the runner's worker script near ${here}`);
  })();
  return workerScriptPromise;
}

function fmtLoc(loc: Loc | undefined): string {
  return loc === undefined ? '' : `${loc.file}:${loc.line}:${loc.column}`;
}

/** `[q, r]` → ['q', 'r']; `{ q, r }` → ['q', 'r']. */
function splitPattern(label: string): string[] | null {
  const m = /^[[{]\s*(.*?)\s*[\]}]$/.exec(label);
  if (!m) return null;
  return (m[1] as string).split(',').map(
    (s) =>
      s
        .trim()
        .replace(/^\.\.\./, '')
        .split(/[:=]/)[0]
        ?.trim() ?? '',
  );
}

/** Starts a run; returns at once. */
export function startRun(file: string, opts: RunOptions = {}): RunHandle {
  let cancelRequested = false;
  let cancelHook: (() => void) | null = null;
  const cancel = (): void => {
    cancelRequested = true;
    cancelHook?.();
  };
  if (opts.signal) {
    if (opts.signal.aborted) cancelRequested = true;
    else opts.signal.addEventListener('abort', cancel, { once: true });
  }
  const done = (async (): Promise<RunResult> => {
    const t0 = Date.now();
    const abs = path.resolve(file);
    const limits: CaptureLimits = { ...DEFAULT_LIMITS, ...opts.limits };
    const trace: Trace = {
      schema: TRACE_SCHEMA,
      version: TRACE_SCHEMA_VERSION,
      file: abs,
      limits,
      events: [],
      console: [],
    };
    const finish = (end: Omit<RunEnd, 'durationMs'>): RunResult => {
      const e: RunEnd = { ...end, durationMs: Date.now() - t0 };
      trace.end = e;
      return { status: e.status, trace, end: e };
    };
    if (!fs.existsSync(abs)) {
      return finish({
        status: 'error',
        message: `Error: no such file: ${abs}`,
        error: { name: 'Error', message: `no such file: ${abs}` },
      });
    }
    const [built, workerScript] = await Promise.all([bundleUserFile(abs), resolveWorkerScript()]);
    if (!built.ok) {
      const f = built.failure;
      return finish({
        status: 'error',
        message: `${f.name}: ${f.message}${f.loc ? ` at ${fmtLoc(f.loc)}` : ''}`,
        error: {
          name: f.name,
          message: f.message,
          ...(f.loc ? { loc: f.loc } : {}),
          stack: f.details.join('\n'),
        },
      });
    }
    if (cancelRequested) return finish({ status: 'cancelled', message: 'Cancelled before start' });
    const bundle = built.bundle;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ndscope-run-'));
    const bundlePath = path.join(dir, 'user.mjs');
    fs.writeFileSync(bundlePath, bundle.code);
    const bundleUrl = pathToFileURL(bundlePath).href;
    const mapper = new BundleMapper(bundle, bundleUrl);
    const labelIndexes = new Map<string, LabelIndex | null>();
    const labelAt = (loc: Loc | undefined): string | undefined => {
      if (loc === undefined) return undefined;
      let idx = labelIndexes.get(loc.file);
      if (idx === undefined) {
        try {
          idx = buildLabelIndex(loc.file, fs.readFileSync(loc.file, 'utf8'));
        } catch {
          idx = null;
        }
        labelIndexes.set(loc.file, idx);
      }
      return idx?.lookup(loc.line, loc.column);
    };
    const labelsById = new Map<number, string>();

    const decoder = new WireDecoder();
    const absorbWire = (w: WireBatch | PackedWireBatch): void => {
      absorb({
        events: decoder.decode(w),
        console: w.console,
        ...(w.truncated ? { truncated: w.truncated } : {}),
      });
    };
    const absorb = (b: DecodedBatch): void => {
      for (const ev of b.events) {
        const loc = mapper.mapLoc(ev.loc);
        if (loc) ev.loc = loc;
        else delete ev.loc;
        // Snapshots are shared between events (the decoder keeps one object per array state):
        // label copies, never the shared objects. An array keeps the first name it was given.
        const name = (id: number, n: string): string => {
          const had = labelsById.get(id);
          if (had !== undefined) return had;
          labelsById.set(id, n);
          return n;
        };
        const known = <T extends { id: number }>(s: T): T => {
          const l = labelsById.get(s.id);
          return l === undefined ? s : { ...s, label: l };
        };
        ev.inputs = ev.inputs.map(known);
        const label = labelAt(loc);
        if (label !== undefined && ev.kind !== 'error') {
          ev.label = label;
          if (ev.output) {
            ev.output = { ...ev.output, label: name(ev.output.id, label) };
          } else if (ev.outputs) {
            const names = splitPattern(label);
            ev.outputs = ev.outputs.map((o, i) => {
              const n = names ? names[i] : `${label}[${i}]`;
              return n ? { ...o, label: name(o.id, n) } : o;
            });
          }
        } else {
          if (ev.output) ev.output = known(ev.output);
          if (ev.outputs) ev.outputs = ev.outputs.map(known);
        }
        trace.events.push(ev);
      }
      if (b.events.length > 0) opts.onEvents?.(b.events);
      for (const c of b.console) {
        const loc = mapper.mapLoc(c.loc);
        if (loc) c.loc = loc;
        else delete c.loc;
        trace.console.push(c);
        opts.onConsole?.(c);
      }
      if (b.truncated) trace.truncated = b.truncated;
    };
    const lastLoc = (): Loc | undefined => {
      for (let i = trace.events.length - 1; i >= 0; i--) {
        const l = trace.events[i]?.loc;
        if (l) return l;
      }
      return undefined;
    };

    const heapMb = opts.heapMb ?? 1024;
    const timeoutMs = opts.timeoutMs ?? 10_000;
    const input: WorkerInput = {
      bundleUrl,
      limits,
      memoryMaxBytes: opts.memoryMaxBytes ?? 2 * 1024 ** 3,
      batchSize: opts.batchSize ?? DEFAULT_BATCH_SIZE,
      ...(bundle.sites ? { sites: bundle.sites } : {}),
    };
    enableRelaxedSimd();
    const releaseFlags = holdSyncReclaimFlags();
    let worker: Worker;
    try {
      worker = new Worker(workerScript, {
        workerData: input,
        resourceLimits: { maxOldGenerationSizeMb: heapMb },
        stdout: true,
        stderr: true,
        execArgv: [],
        env: process.env,
      });
    } catch (e) {
      releaseFlags();
      throw e;
    }
    worker.once('online', releaseFlags);
    worker.once('error', releaseFlags);
    worker.once('exit', releaseFlags);
    let streamed = 0;
    const stream = (level: 'stdout' | 'stderr') => (chunk: Buffer | string) => {
      // raw process.stdout/stderr writes: capped like console output
      streamed += String(chunk).length;
      if (streamed > 5_000_000) return;
      const entry: ConsoleEntry = {
        level,
        text: String(chunk).replace(/\n$/, ''),
        afterStep: trace.events.length,
      };
      trace.console.push(entry);
      opts.onConsole?.(entry);
    };
    worker.stdout.on('data', stream('stdout'));
    worker.stderr.on('data', stream('stderr'));

    const result = await new Promise<Omit<RunEnd, 'durationMs'>>((resolve) => {
      let outcome: Omit<RunEnd, 'durationMs'> | null = null;
      let mainDone = false;
      let settled = false;
      const settle = (o: Omit<RunEnd, 'durationMs'>): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(o);
      };
      const stop = async (status: 'timeout' | 'cancelled'): Promise<void> => {
        if (outcome !== null || settled) return;
        const probe = await probeWorker(worker, bundleUrl).catch(() => null);
        if (probe?.pending) {
          try {
            absorbWire(wireFromJson(probe.pending));
          } catch {
            /* a partial or malformed drain: keep what was streamed */
          }
        }
        const where = probe?.loc ? mapper.mapLoc(probe.loc) : lastLoc();
        outcome =
          status === 'timeout'
            ? {
                status,
                message: `Timed out after ${timeoutMs / 1000} s${where ? ` (still running at ${fmtLoc(where)})` : ''}: the program was stopped`,
                error: {
                  name: 'TimeoutError',
                  message: `the program ran longer than ${timeoutMs / 1000} s`,
                  ...(where ? { loc: where } : {}),
                },
              }
            : { status, message: `Cancelled${where ? ` at ${fmtLoc(where)}` : ''}` };
        await worker.terminate();
        settle(outcome);
      };
      cancelHook = () => void stop('cancelled');
      if (cancelRequested) void stop('cancelled');
      const timer = setTimeout(() => void stop('timeout'), timeoutMs);
      worker.on('message', (m: WorkerMessage) => {
        switch (m.type) {
          case 'batch':
            absorbWire(m.batch);
            break;
          case 'main-done':
            mainDone = true;
            break;
          case 'error': {
            const loc = mapper.mapLoc(m.error.loc);
            const stack = m.error.stack ? mapper.mapStack(m.error.stack) : undefined;
            outcome = {
              status: 'error',
              message: `${m.error.name}: ${m.error.message}${loc ? ` at ${fmtLoc(loc)}` : ''}`,
              error: {
                name: m.error.name,
                message: m.error.message,
                ...(loc ? { loc } : {}),
                ...(stack ? { stack } : {}),
              },
            };
            break;
          }
          case 'exit': {
            const loc = mapper.mapLoc(m.loc);
            outcome = {
              status: 'exit',
              exitCode: m.code,
              message: `process.exit(${m.code}) called${loc ? ` at ${fmtLoc(loc)}` : ''}`,
              ...(m.code !== 0
                ? {
                    error: {
                      name: 'ProcessExit',
                      message: `process.exit(${m.code})`,
                      ...(loc ? { loc } : {}),
                    },
                  }
                : {}),
            };
            break;
          }
          default: {
            const never: never = m;
            void never;
          }
        }
      });
      worker.on('error', (err: Error & { code?: string }) => {
        if (outcome !== null) return;
        const where = lastLoc();
        if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') {
          outcome = {
            status: 'oom',
            message: `JavaScript heap out of memory (limit ${heapMb} MiB)${where ? ` after ${fmtLoc(where)}` : ''}`,
            error: {
              name: 'MemoryError',
              message: `JavaScript heap out of memory (limit ${heapMb} MiB)`,
              ...(where ? { loc: where } : {}),
            },
          };
        } else {
          outcome = {
            status: 'crash',
            message: `${err.name}: ${err.message}`,
            error: {
              name: err.name,
              message: err.message,
              ...(err.stack ? { stack: err.stack } : {}),
            },
          };
        }
      });
      worker.on('exit', (code) => {
        if (outcome === null) {
          outcome =
            mainDone || code === 0
              ? { status: 'ok' }
              : { status: 'crash', message: `the worker stopped with code ${code}` };
        }
        settle(outcome);
      });
    });
    try {
      fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      /* ignore */
    }
    return finish(result);
  })();
  return { done, cancel };
}

/** Runs a file to the end (see startRun). */
export function runFile(file: string, opts: RunOptions = {}): Promise<RunResult> {
  return startRun(file, opts).done;
}
