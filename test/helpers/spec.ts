/**
 * Decoding of the parity fixtures' JSON (see test/parity/gen/common.py) into ndscope values,
 * and comparison of ndscope results with numpy's recorded results.
 */
import * as np from '../../src/runtime/index';
import type { NDArray } from '../../src/runtime/index';
import { cStrides } from '../../src/runtime/ndarray';

export interface NdSpec {
  nd: { dtype: string; shape: number[]; b64: string; view: ViewOp[] };
}
export type ViewOp = 'T' | 'F' | [string, unknown];

type Api = Record<string, unknown>;
const api = np as unknown as Api;

export function call(path: string, args: unknown[]): unknown {
  let obj: unknown = api;
  for (const part of path.split('.')) {
    obj = (obj as Api)[part];
    if (obj === undefined) throw new Error(`ndscope has no np.${path}`);
  }
  return (obj as (...a: unknown[]) => unknown)(...args);
}

export function fromB64(dtype: string, shape: number[], b64: string): NDArray {
  const bytes = Buffer.from(b64, 'base64');
  const flat = np.frombuffer(new Uint8Array(bytes), { dtype });
  // A fresh C-contiguous owner of the given shape over the same buffer (no reshape needed).
  return new np.NDArray({ buffer: flat.buffer, dtype: flat.dtype, shape, strides: cStrides(shape), offset: 0, base: null, writeable: true });
}

function applyView(a: NDArray, op: ViewOp): NDArray {
  const m = a as unknown as Record<string, (...x: unknown[]) => NDArray>;
  if (op === 'T') return a.T;
  if (op === 'F') return call('asfortranarray', [a]) as NDArray;
  const [name, arg] = op;
  switch (name) {
    case 'get':
      return m.get!.call(a, arg);
    case 'reshape':
      return m.reshape!.call(a, arg);
    case 'transpose':
      return m.transpose!.call(a, arg);
    case 'broadcast_to':
      return call('broadcast_to', [a, arg]) as NDArray;
    case 'astype':
      return a.astype(arg as string);
    case 'as_strided': {
      const [shape, strides] = arg as [number[], number[]];
      return call('lib.stride_tricks.as_strided', [a, { shape, strides }]) as NDArray;
    }
    default:
      throw new Error(`unknown view op ${name}`);
  }
}

export function decodeScalar(v: Record<string, string | boolean>): number | boolean | bigint {
  if ('bool' in v) return v.bool as boolean;
  if ('int' in v) {
    const b = BigInt(v.int as string);
    return b >= BigInt(Number.MIN_SAFE_INTEGER) && b <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(b) : b;
  }
  const f = v.float as string;
  return f === 'nan' ? NaN : f === 'inf' ? Infinity : f === '-inf' ? -Infinity : Number(f);
}

/** Decodes fixture arguments; arrays built are appended to `built` (the first is the source). */
export function decodeArg(v: unknown, built: NDArray[]): unknown {
  if (Array.isArray(v)) return v.map((x) => decodeArg(x, built));
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('nd' in o) {
      const s = (o as unknown as NdSpec).nd;
      let a = fromB64(s.dtype, s.shape, s.b64);
      for (const op of s.view) a = applyView(a, op);
      built.push(a);
      return a;
    }
    if ('dict' in o) {
      const d = o.dict as Record<string, unknown>;
      return Object.fromEntries(Object.entries(d).map(([k, x]) => [k, decodeArg(x, built)]));
    }
    if ('int' in o || 'float' in o || 'bool' in o) return decodeScalar(o as Record<string, string>);
  }
  return v;
}

export interface ArrayExpect {
  dtype: string;
  shape: number[];
  strides: number[];
  c: boolean;
  f: boolean;
  writeable: boolean;
  b64: string;
  shares?: boolean;
}
export type Expect =
  | { array: ArrayExpect }
  | { list: Expect[] }
  | { scalar: Record<string, string | boolean> }
  | { none: true }
  | { error: { cls: string; msg: string } };

export interface Case {
  id: string;
  fn?: string;
  method?: string;
  args: unknown[];
  kwargs?: Record<string, unknown>;
  rtol?: number;
  exact?: boolean;
  expect: Expect;
}

/** Runs one fixture case in ndscope; returns the result or throws what ndscope threw. */
export function runCase(c: Case): { result: unknown; built: NDArray[] } {
  const built: NDArray[] = [];
  const args = decodeArg(c.args, built) as unknown[];
  if (c.kwargs && Object.keys(c.kwargs).length > 0) {
    args.push(Object.fromEntries(Object.entries(c.kwargs).map(([k, x]) => [k, decodeArg(x, built)])));
  }
  let result: unknown;
  if (c.method === 'get') {
    const a = args[0] as NDArray & { get(...i: unknown[]): unknown };
    result = a.get(args[1]);
  } else if (c.method === 'set') {
    const a = args[0] as NDArray & { set(...i: unknown[]): void };
    a.set(args[1], args[2]);
    result = a;
  } else if (c.method === 'pair') {
    // [source, view ops A, view ops B, fn]: fn(view A, view B) over ONE source array.
    const src = args[0] as NDArray;
    const va = (args[1] as ViewOp[]).reduce(applyView, src);
    const vb = (args[2] as ViewOp[]).reduce(applyView, src);
    result = call(args[3] as string, [va, vb, ...args.slice(4)]);
  } else if (c.method) {
    const a = args[0] as unknown as Record<string, (...x: unknown[]) => unknown>;
    const m = a[c.method];
    if (typeof m !== 'function') throw new Error(`ndscope arrays have no method ${c.method}`);
    result = m.apply(a, args.slice(1));
  } else result = call(c.fn as string, args);
  return { result, built };
}

function floatClose(x: number, y: number, rtol: number): boolean {
  if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) && Number.isNaN(y);
  if (x === y) return true;
  if (!Number.isFinite(x) || !Number.isFinite(y)) return false;
  return Math.abs(x - y) <= rtol * Math.max(Math.abs(x), Math.abs(y)) + 1e-300;
}

/** Compares an ndscope result with numpy's; returns a description of the first mismatch or null. */
export function compare(got: unknown, exp: Expect, c: Case, built: NDArray[], path = ''): string | null {
  if ('array' in exp) {
    const e = exp.array;
    if (!(got instanceof np.NDArray)) return `${path}expected an ndarray, got ${describe(got)}`;
    if (got.dtype !== e.dtype) return `${path}dtype ${got.dtype} != numpy ${e.dtype}`;
    if (got.shape.join(',') !== e.shape.join(',')) return `${path}shape (${got.shape.join(',')}) != numpy (${e.shape.join(',')})`;
    if (got.strides.join(',') !== e.strides.join(',')) return `${path}strides (${got.strides.join(',')}) != numpy (${e.strides.join(',')})`;
    if (got.flags.c_contiguous !== e.c || got.flags.f_contiguous !== e.f) return `${path}contiguity C=${got.flags.c_contiguous} F=${got.flags.f_contiguous} != numpy C=${e.c} F=${e.f}`;
    if (got.flags.writeable !== e.writeable) return `${path}writeable ${got.flags.writeable} != numpy ${e.writeable}`;
    if (e.shares !== undefined && built.length > 0 && built[0]) {
      const src = built[0];
      const shares = got.size > 0 && src.size > 0 ? Boolean(call('shares_memory', [got, src])) : false;
      if (shares !== e.shares) return `${path}shares memory with its source: ${shares}, numpy: ${e.shares}`;
    }
    const want = fromB64(e.dtype, e.shape, e.b64);
    const gv = got._values();
    const wv = want._values();
    const isF = e.dtype.startsWith('float');
    const rtol = c.exact ? 0 : c.rtol ?? (e.dtype === 'float32' ? 1e-6 : 1e-12);
    for (let i = 0; i < gv.length; i++) {
      const g = gv[i] as number;
      const w = wv[i] as number;
      const ok = isF ? floatClose(g, w, rtol) || (Object.is(g, w)) : g === w;
      if (!ok) return `${path}value at flat index ${i}: ${String(g)} != numpy ${String(w)}`;
    }
    return null;
  }
  if ('list' in exp) {
    const arr = got as unknown[];
    if (!arr || typeof (arr as Iterable<unknown>)[Symbol.iterator] !== 'function') return `${path}expected a sequence, got ${describe(got)}`;
    const items = [...(arr as Iterable<unknown>)];
    if (items.length !== exp.list.length) return `${path}length ${items.length} != numpy ${exp.list.length}`;
    for (let i = 0; i < items.length; i++) {
      const m = compare(items[i], exp.list[i] as Expect, c, built, `${path}[${i}] `);
      if (m) return m;
    }
    return null;
  }
  if ('scalar' in exp) {
    const w = decodeScalar(exp.scalar);
    if (got instanceof np.NDArray) return `${path}expected a JS scalar ${String(w)}, got an ndarray ${got.shape}`;
    if (typeof w === 'boolean') return got === w ? null : `${path}${describe(got)} != numpy ${w}`;
    if (typeof got !== 'number' && typeof got !== 'bigint' && typeof got !== 'boolean') return `${path}expected a number, got ${describe(got)}`;
    const g = typeof got === 'boolean' ? Number(got) : got;
    if ('float' in exp.scalar) {
      const rtol = c.exact ? 0 : c.rtol ?? 1e-12;
      return floatClose(Number(g), Number(w), rtol) ? null : `${path}${String(g)} != numpy ${String(w)}`;
    }
    return BigInt(g as number) === BigInt(w as number) ? null : `${path}${String(g)} != numpy ${String(w)}`;
  }
  if ('none' in exp) return got === undefined || got === null ? null : `${path}expected nothing, got ${describe(got)}`;
  return `${path}numpy raised ${exp.error.cls}: ${exp.error.msg}, ndscope returned ${describe(got)}`;
}

export function describe(x: unknown): string {
  if (x instanceof np.NDArray) return `ndarray ${x.dtype} (${x.shape.join(',')})`;
  if (typeof x === 'object') return JSON.stringify(x, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v))?.slice(0, 200) ?? String(x);
  return String(x);
}
