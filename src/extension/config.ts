/** The extension's settings (package.json `contributes.configuration`, section `ndscope`). */
import * as vscode from 'vscode';
import type { CaptureLimits } from '../trace/schema';

export interface Config {
  timeoutMs: number;
  heapMb: number;
  memoryMaxMb: number;
  limits: CaptureLimits;
  inlayHints: boolean;
  liveMode: boolean;
  liveDebounceMs: number;
}

export function readConfig(): Config {
  const c = vscode.workspace.getConfiguration('ndscope');
  return {
    timeoutMs: c.get<number>('run.timeoutMs', 10_000),
    heapMb: c.get<number>('run.heapMb', 1024),
    memoryMaxMb: c.get<number>('run.memoryMaxMb', 2048),
    limits: {
      maxValues: c.get<number>('capture.maxValues', 4096),
      previewItems: c.get<number>('capture.previewItems', 64),
      budgetBytes: c.get<number>('capture.budgetMb', 50) * 1024 * 1024,
    },
    inlayHints: c.get<boolean>('inlayHints.enabled', true),
    liveMode: c.get<boolean>('liveMode.enabled', false),
    liveDebounceMs: c.get<number>('liveMode.debounceMs', 400),
  };
}
