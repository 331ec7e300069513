/**
 * File I/O: .npy/.npz (`save`, `load`, `savez`, `savez_compressed` and byte forms) and text
 * (`loadtxt`, `genfromtxt`, `savetxt`). Paths work in Node; bytes work everywhere (see fs.ts).
 */
import { ValueError } from '../errors';
import type { ArrayLike, NDArray } from '../ndarray';
import { asBytes, readBytes, writeBytes } from './fs';
import { isNpy, load_npy_bytes, save_bytes, type LoadOptions } from './npy';
import { NpzFile, assertNotPickle, isZip, savez_bytes, savez_compressed_bytes } from './npz';

export { save_bytes, savez_bytes, savez_compressed_bytes, NpzFile };
export type { LoadOptions };
export { set_file_system } from './fs';
export type { FileSystem } from './fs';
export { loadtxt, genfromtxt, savetxt } from './text';
export type { LoadtxtOptions, GenfromtxtOptions, SavetxtOptions, TextSource } from './text';

/**
 * `np.save(file, arr)`: writes .npy to `file` (a path; '.npy' is appended when missing, as
 * NumPy). `np.save(null, arr)` returns the bytes instead (same as `save_bytes(arr)`).
 */
export function save(
  file: string | null,
  arr: ArrayLike,
  opts: { allow_pickle?: boolean } = {},
): Uint8Array | undefined {
  void opts;
  const bytes = save_bytes(arr);
  if (file === null || file === undefined) return bytes;
  writeBytes(file.endsWith('.npy') ? file : `${file}.npy`, bytes);
  return undefined;
}

function savezTo(file: string | null, bytes: Uint8Array): Uint8Array | undefined {
  if (file === null || file === undefined) return bytes;
  writeBytes(file.endsWith('.npz') ? file : `${file}.npz`, bytes);
  return undefined;
}

/** `np.savez(file, a, b, {name: c})`: an uncompressed .npz (`file` null → bytes). */
export function savez(file: string | null, ...arrays: unknown[]): Uint8Array | undefined {
  return savezTo(file, savez_bytes(...arrays));
}

/** `np.savez_compressed(file, a, b, {name: c})`: a deflated .npz (`file` null → bytes). */
export function savez_compressed(
  file: string | null,
  ...arrays: unknown[]
): Uint8Array | undefined {
  return savezTo(file, savez_compressed_bytes(...arrays));
}

/**
 * `np.load(file, {allow_pickle=false, max_header_size=10000})`: `file` is a path (Node) or the
 * bytes (Uint8Array / ArrayBuffer). Returns an NDArray for .npy, an NpzFile for .npz. Pickles
 * and object arrays are refused (nothing in a file is ever executed).
 */
export function load(
  file: string | Uint8Array | ArrayBuffer | ArrayBufferView,
  opts: LoadOptions = {},
): NDArray | NpzFile {
  const bytes = asBytes(file) ?? (typeof file === 'string' ? readBytes(file) : null);
  if (!bytes) throw ValueError('np.load expects a path or bytes (Uint8Array / ArrayBuffer)');
  if (isZip(bytes)) return new NpzFile(bytes, opts);
  if (isNpy(bytes)) return load_npy_bytes(bytes, opts);
  assertNotPickle(bytes, Boolean(opts.allow_pickle));
  if (bytes.length < 6)
    throw ValueError(`EOF: reading magic string, expected 6 bytes got ${bytes.length}`);
  return load_npy_bytes(bytes, opts);
}
