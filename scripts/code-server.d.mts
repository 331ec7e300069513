// Types of scripts/code-server.mjs for the TypeScript tests that import it.
import type { ChildProcess } from 'node:child_process';

export const CODE_SERVER_VERSION: string;
export const root: string;
export function cacheDir(): string;
export interface Paths {
  node: string;
  nodeHeaders: string;
  entry: string;
  csPrefix: string;
  nodePrefix: string;
}
export function paths(cache?: string): Paths;
export function isInstalled(cache?: string): boolean;
export function install(cache?: string, log?: (msg: string) => void): Paths;
export function freePort(): Promise<number>;
export interface RunDirs {
  dir: string;
  env: Record<string, string>;
  userData: string;
  extensions: string;
  cleanup(): void;
}
export function runDirs(prefix?: string): RunDirs;
export interface StartOptions {
  folder?: string;
  port?: number;
  auth?: 'password' | 'none';
  password?: string;
  trust?: boolean;
  smokeTestDriver?: boolean;
  extensionsDir?: string;
  run?: RunDirs;
  extraArgs?: string[];
  quiet?: boolean;
  cache?: string;
  settings?: Record<string, unknown>;
}
export interface Server {
  url: string;
  port: number;
  password: string | undefined;
  proc: ChildProcess;
  stop(): void;
  log(): string;
  run: RunDirs;
}
export function start(o?: StartOptions): Promise<Server>;
export function installVsix(vsix: string, extensionsDir: string, cache?: string): void;
export const QUIET_SETTINGS: Record<string, unknown>;
