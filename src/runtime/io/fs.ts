/**
 * Path-based I/O without importing `node:*` (the runtime also runs in browsers and workers).
 *
 * `np.save('a.npy', x)` / `np.load('a.npy')` reach the file system through a small hook:
 * - Node: found automatically through `process.getBuiltinModule('fs')` (Node ≥ 20.16 and ≥ 22.3),
 *   which works the same from the ESM and the CJS build and needs no bundler configuration;
 * - anywhere else (or to redirect, e.g. to a virtual FS in tests): `np.set_file_system({…})`.
 * Every function also has a bytes form (`save_bytes`, `savez_bytes`, `np.load(Uint8Array)`,
 * `loadtxt(lines)`, `savetxt(null, …)`), which is what browsers use.
 */
import { TypeError_ } from '../errors';

/** The subset of `node:fs` ndscope uses. */
export interface FileSystem {
  readFileSync(path: string): Uint8Array;
  writeFileSync(path: string, data: Uint8Array | string): void;
}

let hook: FileSystem | null = null;

/** Installs (or with `null`, removes) the file-system hook used for path arguments. */
export function set_file_system(fs: FileSystem | null): void {
  hook = fs;
}

interface ProcessLike {
  getBuiltinModule?: (id: string) => unknown;
}

/** The hook, else Node's fs through process.getBuiltinModule; a TypeError in a browser. */
export function fileSystem(): FileSystem {
  if (hook) return hook;
  const proc = (globalThis as { process?: ProcessLike }).process;
  const fs = proc?.getBuiltinModule?.('fs') as FileSystem | undefined;
  if (fs && typeof fs.readFileSync === 'function') return fs;
  throw TypeError_(
    'file paths need Node (>= 20.16) or np.set_file_system(fs); in a browser pass bytes (Uint8Array) instead',
  );
}

export function readBytes(path: string): Uint8Array {
  const b = fileSystem().readFileSync(path);
  return b instanceof Uint8Array ? b : new Uint8Array(b);
}

export function writeBytes(path: string, data: Uint8Array | string): void {
  fileSystem().writeFileSync(path, data);
}

/** Bytes from a Uint8Array / ArrayBuffer / other view. */
export function asBytes(x: unknown): Uint8Array | null {
  if (x instanceof Uint8Array) return x;
  if (x instanceof ArrayBuffer) return new Uint8Array(x);
  if (ArrayBuffer.isView(x)) return new Uint8Array(x.buffer, x.byteOffset, x.byteLength);
  return null;
}
