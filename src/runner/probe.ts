/**
 * Pauses a busy worker through the inspector (the way DevTools pauses an infinite loop) to learn
 * where the user's code is stuck and to take the trace events it has not sent yet. Best effort:
 * any failure gives `null` and the caller just terminates the worker.
 */
import { Session } from 'node:inspector';
import type { Worker } from 'node:worker_threads';
import type { Loc } from '../trace/schema';
import type { WireBatchJson } from './messages';

export interface ProbeResult {
  /** 1-based position in the bundle of the innermost user frame. */
  loc?: Loc;
  /** The records the worker had not sent (decode with the run's WireDecoder). */
  pending?: WireBatchJson;
}

interface CdpFrame {
  url: string;
  location: { scriptId: string; lineNumber: number; columnNumber?: number };
  callFrameId: string;
}

export function probeWorker(
  worker: Worker,
  bundleUrl: string,
  timeoutMs = 1500,
): Promise<ProbeResult | null> {
  return new Promise((resolve) => {
    let session: Session;
    try {
      session = new Session();
      session.connect();
    } catch {
      resolve(null);
      return;
    }
    let done = false;
    let nextId = 1;
    let workerSession: string | null = null;
    const userScripts = new Set<string>();
    const pendingReplies = new Map<number, (r: { result?: unknown; error?: unknown }) => void>();
    const finish = (r: ProbeResult | null): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      try {
        session.disconnect();
      } catch {
        /* ignore */
      }
      resolve(r);
    };
    const timer = setTimeout(() => finish(null), timeoutMs);
    const send = (
      method: string,
      params: object = {},
    ): Promise<{ result?: unknown; error?: unknown }> =>
      new Promise((res) => {
        const id = nextId++;
        pendingReplies.set(id, res);
        session.post(
          'NodeWorker.sendMessageToWorker',
          { sessionId: workerSession, message: JSON.stringify({ id, method, params }) },
          () => {},
        );
      });
    session.on(
      'NodeWorker.attachedToWorker',
      (m: { params: { sessionId: string; workerInfo: { workerId: string; title?: string } } }) => {
        // Node titles workers `[worker <threadId>]`; its inspector workerId is a different counter.
        if (workerSession !== null || m.params.workerInfo.title !== `[worker ${worker.threadId}]`)
          return;
        workerSession = m.params.sessionId;
        void (async () => {
          await send('Debugger.enable');
          await send('Debugger.pause');
        })();
      },
    );
    session.on(
      'NodeWorker.receivedMessageFromWorker',
      (m: { params: { sessionId: string; message: string } }) => {
        if (m.params.sessionId !== workerSession) return;
        let msg: {
          id?: number;
          method?: string;
          params?: { callFrames?: CdpFrame[] };
          result?: unknown;
          error?: unknown;
        };
        try {
          msg = JSON.parse(m.params.message) as typeof msg;
        } catch {
          return;
        }
        if (msg.id !== undefined) {
          pendingReplies.get(msg.id)?.(msg);
          pendingReplies.delete(msg.id);
          return;
        }
        if (msg.method === 'Debugger.scriptParsed') {
          const p = msg.params as unknown as { scriptId: string; url: string };
          if (p.url === bundleUrl) userScripts.add(p.scriptId);
          return;
        }
        if (msg.method === 'Debugger.paused') {
          const frames = msg.params?.callFrames ?? [];
          const user = frames.find(
            (f) => f.url === bundleUrl || userScripts.has(f.location.scriptId),
          );
          const out: ProbeResult = {};
          if (user)
            out.loc = {
              file: bundleUrl,
              line: user.location.lineNumber + 1,
              column: (user.location.columnNumber ?? 0) + 1,
            };
          const top = frames[0];
          void (async () => {
            if (top) {
              const r = (await send('Debugger.evaluateOnCallFrame', {
                callFrameId: top.callFrameId,
                expression: "globalThis[Symbol.for('ndscope.drain')]?.()",
                returnByValue: true,
                silent: true,
              })) as { result?: { result?: { value?: unknown } } };
              const v = r.result?.result?.value;
              if (typeof v === 'string') {
                try {
                  out.pending = JSON.parse(v) as WireBatchJson;
                } catch {
                  /* ignore */
                }
              }
            }
            // Resume before handing back: a worker paused in the debugger cannot be terminated.
            await Promise.race([send('Debugger.disable'), new Promise((r) => setTimeout(r, 300))]);
            finish(out);
          })();
        }
      },
    );
    session.post('NodeWorker.enable', { waitForDebuggerOnStart: false }, (err) => {
      if (err) finish(null);
    });
  });
}
