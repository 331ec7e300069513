/**
 * Runs a file through the runner (a worker thread: the extension host never blocks on user code)
 * and keeps the last trace per document, with the document version it was taken from (hovers mark
 * older results stale). One run per file at a time: a new run cancels the previous one.
 */
import * as vscode from 'vscode';
import type { RunHandle, RunResult } from '../runner/run';
import type { Trace } from '../trace/schema';
import { readConfig } from './config';

export interface RunRecord {
  uri: vscode.Uri;
  trace: Trace;
  result: RunResult;
  /** `document.version` the run saw (the saved text the runner bundled). */
  version: number;
  finishedAt: number;
}

export class RunStore implements vscode.Disposable {
  private readonly runs = new Map<string, RunRecord>();
  private readonly active = new Map<string, RunHandle>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri | undefined>();
  private readonly runningChanged = new vscode.EventEmitter<number>();
  /** The number of runs in flight changed (the status bar and the Stop command follow it). */
  readonly onDidChangeRunning = this.runningChanged.event;
  /** A run finished (uri) or everything was cleared (undefined). */
  readonly onDidChange = this.changed.event;

  get(uri: vscode.Uri): RunRecord | undefined {
    return this.runs.get(uri.toString());
  }

  /** Runs in flight. */
  get running(): number {
    return this.active.size;
  }

  /** Cancels every run in flight (the Stop Running command); returns how many were stopped. */
  cancelAll(): number {
    const n = this.active.size;
    for (const h of this.active.values()) h.cancel();
    return n;
  }

  /** The most recent run of any file. */
  latest(): RunRecord | undefined {
    let best: RunRecord | undefined;
    for (const r of this.runs.values()) if (!best || r.finishedAt > best.finishedAt) best = r;
    return best;
  }

  /** Runs the (saved) document; resolves with its record (or undefined when cancelled by a newer run). */
  async run(
    doc: vscode.TextDocument,
    token?: vscode.CancellationToken,
  ): Promise<RunRecord | undefined> {
    const key = doc.uri.toString();
    this.active.get(key)?.cancel();
    const cfg = readConfig();
    const version = doc.version;
    // Loaded on first run (esbuild and the worker plumbing stay out of activation time).
    const { startRun } = await import('../runner/run');
    const handle = startRun(doc.uri.fsPath, {
      timeoutMs: cfg.timeoutMs,
      heapMb: cfg.heapMb,
      memoryMaxBytes: cfg.memoryMaxMb * 1024 * 1024,
      limits: cfg.limits,
    });
    this.active.set(key, handle);
    this.runningChanged.fire(this.active.size);
    const sub = token?.onCancellationRequested(() => handle.cancel());
    try {
      const result = await handle.done;
      if (this.active.get(key) !== handle) return undefined; // superseded
      if (result.status === 'cancelled') return undefined;
      const rec: RunRecord = {
        uri: doc.uri,
        trace: result.trace,
        result,
        version,
        finishedAt: Date.now(),
      };
      this.runs.set(key, rec);
      this.changed.fire(doc.uri);
      return rec;
    } finally {
      sub?.dispose();
      if (this.active.get(key) === handle) {
        this.active.delete(key);
        this.runningChanged.fire(this.active.size);
      }
    }
  }

  /** Puts a trace that did not come from running a document (debugger snapshot, playground). */
  put(uri: vscode.Uri, trace: Trace, version = -1): RunRecord {
    const result: RunResult = {
      status: trace.end?.status ?? 'ok',
      trace,
      end: trace.end ?? { status: 'ok', durationMs: 0 },
    };
    const rec: RunRecord = { uri, trace, result, version, finishedAt: Date.now() };
    this.runs.set(uri.toString(), rec);
    this.changed.fire(uri);
    return rec;
  }

  clear(): void {
    for (const h of this.active.values()) h.cancel();
    this.active.clear();
    this.runningChanged.fire(0);
    this.runs.clear();
    this.changed.fire(undefined);
  }

  dispose(): void {
    this.clear();
    this.changed.dispose();
    this.runningChanged.dispose();
  }
}
