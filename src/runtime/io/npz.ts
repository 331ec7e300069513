/**
 * .npz archives (`np.savez`, `np.savez_compressed`, `np.load` of a zip) through fflate: entries
 * `name.npy` for keyword arrays, `arr_0.npy`, `arr_1.npy`… for positional ones, stored
 * (savez) or deflated (savez_compressed), as NumPy writes them.
 */
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { NumPyError, ValueError, TypeError_ } from '../errors';
import { isNDArray, type ArrayLike, type NDArray } from '../ndarray';
import { isPlainObject } from '../args';
import { load_npy_bytes, save_bytes, type LoadOptions } from './npy';

const DOS_EPOCH = new Date(1980, 0, 1, 0, 0, 0);

function namedArrays(args: readonly unknown[]): [string, ArrayLike][] {
  let pos = [...args];
  let kw: Record<string, unknown> = {};
  if (pos.length > 0 && isPlainObject(pos[pos.length - 1]) && !isNDArray(pos[pos.length - 1])) {
    kw = pos[pos.length - 1] as Record<string, unknown>;
    pos = pos.slice(0, -1);
  }
  const out: [string, ArrayLike][] = Object.entries(kw).map(([k, v]) => [k, v as ArrayLike]);
  pos.forEach((v, i) => {
    const key = `arr_${i}`;
    if (key in kw) throw ValueError(`Cannot use un-named variables and keyword ${key}`);
    out.push([key, v as ArrayLike]);
  });
  return out;
}

function zipArrays(args: readonly unknown[], compress: boolean): Uint8Array {
  const files: Zippable = {};
  for (const [name, arr] of namedArrays(args)) {
    files[`${name}.npy`] = [save_bytes(arr), { level: compress ? 6 : 0, mtime: DOS_EPOCH }];
  }
  return zipSync(files, { level: compress ? 6 : 0, mtime: DOS_EPOCH });
}

/** `np.savez` to bytes: `savez_bytes(a, b, {name: c})`. */
export function savez_bytes(...args: unknown[]): Uint8Array {
  return zipArrays(args, false);
}

/** `np.savez_compressed` to bytes. */
export function savez_compressed_bytes(...args: unknown[]): Uint8Array {
  return zipArrays(args, true);
}

/** The result of loading an .npz: `.files`, `.get(name)`, and each array as a property. */
export class NpzFile {
  /** Array names (entry names without `.npy`), in archive order. */
  readonly files: string[];
  private readonly bytes: Uint8Array;
  private readonly entries = new Map<string, string>();
  private readonly cache = new Map<string, NDArray>();
  private readonly opts: LoadOptions;
  [name: string]: unknown;

  /** Reads the archive's directory only; each array is inflated on first access (as numpy). */
  constructor(bytes: Uint8Array, opts: LoadOptions = {}) {
    this.bytes = bytes;
    this.opts = opts;
    const names: string[] = [];
    try {
      unzipSync(bytes, {
        filter: (f) => {
          names.push(f.name);
          return false;
        },
      });
    } catch (e) {
      throw ValueError(`the .npz archive is damaged or truncated (${(e as Error).message})`);
    }
    this.files = names.map((k) => (k.endsWith('.npy') ? k.slice(0, -4) : k));
    names.forEach((k, i) => this.entries.set(this.files[i]!, k));
    for (const name of this.files) {
      if (name === 'files' || name === 'get' || name in NpzFile.prototype) continue;
      Object.defineProperty(this, name, { get: () => this.get(name), enumerable: true });
    }
  }

  /** The array stored under `name` (inflated and decoded on first access). */
  get(name: string): NDArray {
    const hit = this.cache.get(name);
    if (hit) return hit;
    const entry = this.entries.get(name);
    if (entry === undefined)
      throw new NumPyError('KeyError', `${name} is not a file in the archive`);
    let raw: Uint8Array | undefined;
    try {
      raw = unzipSync(this.bytes, { filter: (f) => f.name === entry })[entry];
    } catch (e) {
      throw ValueError(`the .npz entry ${entry} is damaged (${(e as Error).message})`);
    }
    const a = load_npy_bytes(raw ?? new Uint8Array(0), this.opts);
    this.cache.set(name, a);
    return a;
  }

  /** `[name, array]` pairs. */
  items(): [string, NDArray][] {
    return this.files.map((f) => [f, this.get(f)]);
  }

  toString(): string {
    return `NpzFile(files=[${this.files.map((f) => `'${f}'`).join(', ')}])`;
  }
}

export function isZip(b: Uint8Array): boolean {
  return (
    b.length >= 4 &&
    b[0] === 0x50 &&
    b[1] === 0x4b &&
    ((b[2] === 3 && b[3] === 4) || (b[2] === 5 && b[3] === 6))
  );
}

export function assertNotPickle(b: Uint8Array, allowPickle: boolean): void {
  if (b.length > 0 && b[0] === 0x80) {
    if (!allowPickle) {
      throw ValueError(
        'This file contains pickled (object) data. If you trust the file you can load it unsafely using the `allow_pickle=` keyword argument or `pickle.load()`.',
      );
    }
    throw ValueError(
      'ndscope cannot load pickled data: it never unpickles (nothing from a file is executed)',
    );
  }
}

export { TypeError_ };
