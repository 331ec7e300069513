/**
 * "Visualize Arrays in Scope": with a js-debug session (node / pwa-node) paused in a program that
 * uses ndscope, list the variables of the top frame's scopes through the debug adapter, keep those
 * the runtime describes as ndarrays (`Symbol.for('debug.description')` → `ndarray float64 (3, 4)`),
 * and pull their metadata and values with one `evaluate` in the 'clipboard' context (which returns
 * the whole string, untruncated).
 */
import * as vscode from 'vscode';
import { parseScopeResult, scopeExpression, type ScopeArray } from './describe';

interface DapVariable {
  name: string;
  value: string;
  type?: string;
}

async function topFrame(
  session: vscode.DebugSession,
): Promise<{ frameId: number; file?: string; line?: number } | undefined> {
  const threads = (await session.customRequest('threads')) as { threads: { id: number }[] };
  for (const t of threads.threads) {
    try {
      const st = (await session.customRequest('stackTrace', {
        threadId: t.id,
        startFrame: 0,
        levels: 1,
      })) as {
        stackFrames: { id: number; line: number; source?: { path?: string } }[];
      };
      const f = st.stackFrames[0];
      if (f)
        return { frameId: f.id, ...(f.source?.path ? { file: f.source.path } : {}), line: f.line };
    } catch {
      // thread not paused
    }
  }
  return undefined;
}

export interface ScopeSnapshot {
  arrays: ScopeArray[];
  file?: string;
  line?: number;
}

/** Pulls the ndarrays in scope of the paused session's top frame. */
export async function snapshotScope(session: vscode.DebugSession): Promise<ScopeSnapshot> {
  const frame = await topFrame(session);
  if (!frame) throw new Error('the debug session is not paused');
  const scopes = (await session.customRequest('scopes', { frameId: frame.frameId })) as {
    scopes: { name: string; variablesReference: number; expensive?: boolean }[];
  };
  const names: string[] = [];
  for (const sc of scopes.scopes) {
    if (sc.expensive || /^global$/i.test(sc.name)) continue;
    const vars = (await session.customRequest('variables', {
      variablesReference: sc.variablesReference,
    })) as {
      variables: DapVariable[];
    };
    for (const v of vars.variables) {
      if (/^ndarray\b/.test(v.value) && !names.includes(v.name)) names.push(v.name);
    }
  }
  if (names.length === 0) return { arrays: [], ...frame };
  const r = (await session.customRequest('evaluate', {
    expression: scopeExpression(names),
    frameId: frame.frameId,
    context: 'clipboard',
  })) as { result: string };
  return {
    arrays: parseScopeResult(r.result),
    ...(frame.file ? { file: frame.file } : {}),
    ...(frame.line ? { line: frame.line } : {}),
  };
}
