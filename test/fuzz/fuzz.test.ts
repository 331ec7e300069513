/**
 * Differential fuzz against live numpy: random shapes, dtypes, views (negative and zero strides,
 * offsets, transposes, broadcasts), and a share of cases per API category: basic/fancy/mask
 * indexing (get and set with broadcast values), broadcasting ufuncs (2-arg and where), reductions
 * (axis, keepdims, where=, initial=, mean/var/std with ddof and dtype), reshapes, concatenate/
 * stack/split, matmul/dot on batched shapes, sort/argsort (stable)/unique, astype across every
 * dtype pair with edge values, clip, cumsum/cumprod, take, flip/roll/moveaxis/swapaxes/squeeze/
 * expand_dims, ravel/flatten orders. A fixed seed makes each run reproducible (FUZZ_SEED and
 * FUZZ_CASES override; FUZZ_DUMP=<file> writes the failing cases). Every case is evaluated by
 * numpy (test/fuzz/oracle.py) and by ndscope, and compared like the parity fixtures. Exact
 * operations compare exactly; only float math (float32/float16-style loops, pairwise sums)
 * carries a tolerance. Inputs NumPy itself answers inconsistently (float -> uint32/uint64 casts
 * of NaN/inf, whose result depends on NumPy's SIMD vs scalar loop) are not generated.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compare, runCase, type Case, type Expect } from '../helpers/spec';
import { rng } from '../helpers/rng';

const SEED = Number(process.env.FUZZ_SEED ?? 20261126);
const N = Number(process.env.FUZZ_CASES ?? 6000);

const rand = rng(SEED);
const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
const chance = (p: number): boolean => rand() < p;

const DTYPES = ['bool', 'int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64', 'float32', 'float64'] as const;
type Dt = (typeof DTYPES)[number];
const ITEM: Record<Dt, number> = { bool: 1, int8: 1, int16: 2, int32: 4, int64: 8, uint8: 1, uint16: 2, uint32: 4, uint64: 8, float32: 4, float64: 8 };

/** Edge values for casts: NaN, infinities, negatives, values past every integer range, -0. */
const EDGE_F = [NaN, Infinity, -Infinity, -1.5, -0.0, 0.5, 127.5, 128, 255.9, 256, -129, 32768.5, 65536, -2147483649, 4294967296, 3e9, 9.3e18, 1.9e19, 1e20, -1e20, 2.5, -7.25];
const EDGE_I = [0n, 1n, -1n, 127n, 128n, 255n, 256n, -129n, 32767n, 65535n, 2147483647n, -2147483648n, 4294967295n, 9007199254740993n, -9223372036854775808n, 9223372036854775807n];
let edgeMode = false; // randomBytes draws from the edge values (astype cases)
let intValued = false; // small integers only (exact sums/products in any order), no NaN/inf

function randomBytes(dtype: Dt, n: number): string {
  if (edgeMode) return edgeBytes(dtype, n);
  const buf = Buffer.alloc(n * ITEM[dtype]);
  for (let i = 0; i < n; i++) {
    const o = i * ITEM[dtype];
    switch (dtype) {
      case 'bool': buf.writeUInt8(chance(0.5) ? 1 : 0, o); break;
      case 'int8': buf.writeInt8(int(-20, 20), o); break;
      case 'uint8': buf.writeUInt8(int(0, 40), o); break;
      case 'int16': buf.writeInt16LE(int(-300, 300), o); break;
      case 'uint16': buf.writeUInt16LE(int(0, 600), o); break;
      case 'int32': buf.writeInt32LE(int(-1000, 1000), o); break;
      case 'uint32': buf.writeUInt32LE(int(0, 2000), o); break;
      case 'int64': buf.writeBigInt64LE(BigInt(int(-1000, 1000)) * (chance(0.1) && !intValued ? 10n ** 12n : 1n), o); break;
      case 'uint64': buf.writeBigUInt64LE(BigInt(int(0, 2000)), o); break;
      case 'float32':
      case 'float64': {
        const r = rand();
        const v = intValued ? int(-4, 4) : r < 0.03 ? NaN : r < 0.05 ? (chance(0.5) ? Infinity : -Infinity) : r < 0.1 ? int(-5, 5) : (rand() - 0.5) * 20;
        if (dtype === 'float32') buf.writeFloatLE(v, o);
        else buf.writeDoubleLE(v, o);
        break;
      }
    }
  }
  return buf.toString('base64');
}

function edgeBytes(dtype: Dt, n: number): string {
  const buf = Buffer.alloc(n * ITEM[dtype]);
  for (let i = 0; i < n; i++) {
    const o = i * ITEM[dtype];
    const b = pick(EDGE_I);
    const wrap = (bits: number, signed: boolean): bigint => (signed ? BigInt.asIntN(bits, b) : BigInt.asUintN(bits, b));
    switch (dtype) {
      case 'bool': buf.writeUInt8(chance(0.5) ? 1 : 0, o); break;
      case 'int8': buf.writeInt8(Number(wrap(8, true)), o); break;
      case 'uint8': buf.writeUInt8(Number(wrap(8, false)), o); break;
      case 'int16': buf.writeInt16LE(Number(wrap(16, true)), o); break;
      case 'uint16': buf.writeUInt16LE(Number(wrap(16, false)), o); break;
      case 'int32': buf.writeInt32LE(Number(wrap(32, true)), o); break;
      case 'uint32': buf.writeUInt32LE(Number(wrap(32, false)), o); break;
      case 'int64': buf.writeBigInt64LE(wrap(64, true), o); break;
      case 'uint64': buf.writeBigUInt64LE(wrap(64, false), o); break;
      case 'float32': buf.writeFloatLE(pick(EDGE_F), o); break;
      case 'float64': buf.writeDoubleLE(pick(EDGE_F), o); break;
    }
  }
  return buf.toString('base64');
}

type ViewOp = 'T' | [string, unknown];
interface Src { shape: number[]; dtype: Dt; views: ViewOp[]; viewShape: number[] }

function randomShape(maxNd = 4, maxDim = 5): number[] {
  const nd = int(0, maxNd);
  return Array.from({ length: nd }, () => (chance(0.07) ? 0 : int(1, maxDim)));
}

/** A random basic index for `shape` and the shape it produces (null when it errors). */
function basicIndex(shape: number[]): { text: string; out: number[] | null } {
  const parts: string[] = [];
  const out: number[] = [];
  let d = 0;
  let usedEllipsis = false;
  let ok = true;
  const k = int(1, shape.length + 1);
  for (let j = 0; j < k; j++) {
    const r = rand();
    if (r < 0.1) { parts.push('None'); out.push(1); continue; }
    if (r < 0.15 && !usedEllipsis) {
      usedEllipsis = true;
      const remaining = Math.max(0, k - j - 1);
      const skip = Math.max(0, shape.length - d - remaining);
      for (let q = 0; q < skip; q++) out.push(shape[d + q] as number);
      d += skip;
      parts.push('...');
      continue;
    }
    if (d >= shape.length) { parts.push(chance(0.5) ? ':' : '0'); ok = false; continue; }
    const n = shape[d] as number;
    if (r < 0.4) {
      const i = int(-n - 1, n);
      if (i < -n || i >= n) ok = false;
      parts.push(String(i));
      d++;
      continue;
    }
    const step = chance(0.5) ? null : pick([1, 2, 3, -1, -2, -3]);
    const start = chance(0.5) ? null : int(-n - 2, n + 2);
    const stop = chance(0.5) ? null : int(-n - 2, n + 2);
    parts.push(`${start ?? ''}:${stop ?? ''}${step === null ? '' : ':' + step}`);
    // length per Python's slice.indices
    const st = step ?? 1;
    const norm = (v: number | null, def: number): number => {
      if (v === null) return def;
      if (v < 0) v += n;
      return st > 0 ? Math.min(Math.max(v, 0), n) : Math.min(Math.max(v, -1), n - 1);
    };
    const s0 = norm(start, st > 0 ? 0 : n - 1);
    const s1 = norm(stop, st > 0 ? n : -1);
    out.push(st > 0 ? Math.max(0, Math.ceil((s1 - s0) / st)) : Math.max(0, Math.ceil((s0 - s1) / -st)));
    d++;
  }
  if (!ok) return { text: parts.join(', '), out: null };
  for (; d < shape.length; d++) out.push(shape[d] as number);
  return { text: parts.join(', '), out };
}

function randomSource(dtype: Dt = pick(DTYPES), shape = randomShape()): Src {
  const views: ViewOp[] = [];
  let cur = [...shape];
  const nv = int(0, 2);
  for (let i = 0; i < nv; i++) {
    const r = rand();
    if (r < 0.5) {
      const ix = basicIndex(cur);
      // an index giving a 0-d result would be a scalar, not a view to index further
      if (ix.out === null || ix.out.length === 0) continue;
      views.push(['get', ix.text]);
      cur = ix.out;
    } else if (r < 0.7) {
      views.push('T');
      cur = [...cur].reverse();
    } else if (r < 0.85 && cur.length > 1) {
      const perm = cur.map((_, j) => j).sort(() => rand() - 0.5);
      views.push(['transpose', perm]);
      cur = perm.map((p) => cur[p] as number);
    } else if (cur.length < 4) {
      const target = [int(1, 3), ...cur];
      views.push(['broadcast_to', target]);
      cur = target;
    }
  }
  return { shape, dtype, views, viewShape: cur };
}

const spec = (s: Src): unknown => ({
  nd: { dtype: s.dtype, shape: s.shape, b64: randomBytes(s.dtype, s.shape.reduce((a, b) => a * b, 1)), view: s.views },
});

/** A shape that broadcasts with `shape` (dims replaced by 1, leading dims dropped or added). */
function compatibleShape(shape: number[]): number[] {
  let s = shape.map((d) => (chance(0.3) ? 1 : d));
  if (chance(0.3)) s = s.slice(int(0, s.length));
  if (chance(0.15)) s = [int(1, 3), ...s];
  if (chance(0.05)) s = s.map((d) => d + 1); // usually a broadcast error
  return s;
}

const BINARY = ['add', 'subtract', 'multiply', 'true_divide', 'floor_divide', 'remainder', 'maximum', 'minimum', 'equal', 'less', 'greater_equal', 'logical_and', 'bitwise_and', 'power', 'arctan2', 'hypot'];
const UNARY = ['negative', 'absolute', 'sqrt', 'exp', 'sin', 'floor', 'square', 'sign', 'isnan', 'logical_not', 'invert'];
const REDUCE = ['sum', 'prod', 'max', 'min', 'mean', 'argmax', 'argmin', 'any', 'all', 'cumsum', 'std', 'var'];

function coreCase(id: string): Case {
  const r = rand();
  if (r < 0.25) {
    const s = randomSource();
    if (chance(0.25) && s.viewShape.length > 0) {
      const d = int(0, s.viewShape.length - 1);
      const n = Math.max(1, s.viewShape[d] as number);
      const idx = Array.from({ length: int(0, 4) }, () => int(-n, n - 1));
      const pre = Array.from({ length: d }, () => ':');
      return { id, method: 'get', args: [spec(s), pre.length ? `${pre.join(', ')}, ${JSON.stringify(idx)}` : idx], expect: null as unknown as Expect };
    }
    return { id, method: 'get', args: [spec(s), basicIndex(s.viewShape).text], expect: null as unknown as Expect };
  }
  if (r < 0.5) {
    const fn = pick(BINARY);
    const small = ['bool', 'int8', 'uint8'];
    const f16 = ['arctan2', 'hypot'].includes(fn); // float16 loops for small ints in numpy
    const a = randomSource(f16 ? pick(DTYPES.filter((d) => !small.includes(d))) : pick(DTYPES));
    const b = chance(0.2) ? null : randomSource(f16 ? pick(DTYPES.filter((d) => !small.includes(d))) : pick(DTYPES), compatibleShape(a.viewShape));
    const scalar = chance(0.5) ? int(-3, 7) : (Math.round(rand() * 80) - 40) / 8 + 0.0625;
    return { id, fn, args: [spec(a), b === null ? scalarArg(scalar) : spec(b)], expect: null as unknown as Expect };
  }
  if (r < 0.6) {
    const fn = pick(UNARY);
    // numpy computes these in float16 for bool/int8/uint8: ndscope has no float16 (a documented divergence)
    const dt = ['sqrt', 'exp', 'sin'].includes(fn) ? pick(DTYPES.filter((d) => !['bool', 'int8', 'uint8'].includes(d))) : pick(DTYPES);
    const a = randomSource(dt);
    return { id, fn, args: [spec(a)], expect: null as unknown as Expect };
  }
  if (r < 0.8) {
    const a = randomSource(pick(DTYPES), randomShape(3, 4).map((d) => Math.max(d, 1)));
    const nd = a.viewShape.length;
    const fn = pick(REDUCE);
    const kwargs: Record<string, unknown> = {};
    const ar = rand();
    if (nd > 0 && ar < 0.5) kwargs.axis = int(-nd, nd - 1);
    else if (nd > 1 && ar < 0.65 && !['argmax', 'argmin', 'cumsum'].includes(fn)) kwargs.axis = [0, nd - 1];
    else if (ar < 0.7) kwargs.axis = nd + 1; // AxisError
    if (chance(0.3) && fn !== 'cumsum') kwargs.keepdims = true;
    return { id, fn, args: [spec(a)], kwargs, expect: null as unknown as Expect };
  }
  if (r < 0.92) {
    const a = randomSource();
    const size = a.viewShape.reduce((x, y) => x * y, 1);
    const dims: number[] = [];
    let rest = size;
    for (let k = 0; k < 3 && rest > 1; k++) {
      const divs = [...Array(rest + 1).keys()].filter((q) => q > 0 && rest % q === 0);
      const q = pick(divs);
      dims.push(q);
      rest /= q;
    }
    dims.push(rest);
    if (chance(0.3)) dims[int(0, dims.length - 1)] = -1;
    if (chance(0.05)) dims.push(2);
    const kwargs = chance(0.2) ? { order: 'F' } : undefined;
    return { id, method: 'reshape', args: [spec(a), dims], ...(kwargs ? { kwargs } : {}), expect: null as unknown as Expect };
  }
  const a = randomSource(pick(DTYPES), randomShape(3, 4));
  const value = a.dtype.startsWith('float') ? 2.5 : int(0, 9);
  return { id, method: 'set', args: [spec(a), basicIndex(a.viewShape).text, value], expect: null as unknown as Expect };
}

/** A source whose view has exactly `shape` (plain, transposed, strided, reversed or broadcast). */
function shaped(dtype: Dt, shape: number[], writable = false): Src {
  const r = rand();
  if (r < 0.35 || shape.length === 0) return { shape, dtype, views: [], viewShape: shape };
  if (r < 0.55) return { shape: [...shape].reverse(), dtype, views: ['T'], viewShape: shape };
  if (r < 0.85 || writable) {
    const idx = shape.map(() => pick(['::2', '1::2', '::-2']));
    return { shape: shape.map((d) => d * 2), dtype, views: [['get', idx.join(', ')]], viewShape: shape };
  }
  const base = shape.map((d) => (chance(0.5) ? 1 : d));
  return { shape: base, dtype, views: [['broadcast_to', shape]], viewShape: shape };
}
const nonEmpty = (maxNd: number, maxDim = 4): number[] => randomShape(maxNd, maxDim).map((d) => Math.max(d, 1));
const C = (id: string, fn: string, args: unknown[], kwargs?: Record<string, unknown>, exact = true): Case => ({
  id, fn, args, ...(kwargs ? { kwargs } : {}), ...(exact ? { exact: true } : {}), expect: null as unknown as Expect,
});
const M = (id: string, method: string, args: unknown[], kwargs?: Record<string, unknown>, exact = true): Case => ({
  ...C(id, '', args, kwargs, exact), fn: undefined, method,
});
const axisOf = (nd: number): number => (chance(0.05) ? nd + int(0, 1) : int(-nd, nd - 1));

function joinCase(id: string): Case {
  const base = nonEmpty(3);
  if (base.length === 0) base.push(int(1, 4));
  const nd = base.length;
  const r = rand();
  const dts = chance(0.6) ? [pick(DTYPES)] : DTYPES;
  if (r < 0.4) {
    const axis = axisOf(nd);
    const kw: Record<string, unknown> = chance(0.1) ? { axis: null } : { axis };
    if (chance(0.15)) kw.dtype = pick(DTYPES);
    if (kw.dtype && chance(0.5)) kw.casting = 'unsafe';
    // (float -> uint32/uint64 of NaN/inf/negative values: loop-dependent in NumPy, see astypeCase)
    intValued = kw.dtype === 'uint32' || kw.dtype === 'uint64';
    const arrs = Array.from({ length: int(1, 3) }, () => {
      const sh = [...base];
      if (axis >= -nd && axis < nd) sh[(axis + nd) % nd] = int(0, 3);
      if (chance(0.04)) sh.push(2); // a dimension mismatch
      return spec(shaped(pick(dts), sh));
    });
    intValued = false;
    return C(id, 'concatenate', [arrs], kw);
  }
  if (r < 0.7) {
    const fn = pick(['stack', 'stack', 'vstack', 'hstack', 'column_stack']);
    const arrs = Array.from({ length: int(1, 3) }, () => spec(shaped(pick(dts), chance(0.04) ? [...base, 2] : base)));
    return C(id, fn, [arrs], fn === 'stack' ? { axis: int(-nd - 1, nd + (chance(0.05) ? 1 : 0)) } : undefined);
  }
  const a = spec(shaped(pick(DTYPES), base));
  const axis = axisOf(nd);
  const n = base[((axis % nd) + nd) % nd] ?? 1;
  const fn = pick(['split', 'array_split']);
  const sections = chance(0.5) ? int(1, 4) : Array.from({ length: int(0, 3) }, () => int(-1, n + 1)).sort((x, y) => x - y);
  return C(id, fn, [a, sections], { axis });
}

function whereCase(id: string): Case {
  const shape = randomShape(3, 4);
  const cond = shaped('bool', compatibleShape(shape));
  const x = chance(0.2) ? scalarArg(int(-3, 3)) : spec(shaped(pick(DTYPES), compatibleShape(shape)));
  const y = chance(0.2) ? scalarArg((int(-40, 40) + 0.5) / 4) : spec(shaped(pick(DTYPES), shape));
  return C(id, 'where', [spec(cond), x, y]);
}

function matmulCase(id: string): Case {
  intValued = true;
  try {
    const [n, k, m] = [int(1, 4), int(1, 4), int(1, 4)];
    const batch = randomShape(2, 3).map((d) => Math.max(d, 1));
    const bb = compatibleShape(batch).map((d) => (d === 0 ? 1 : d));
    let sa: number[] = chance(0.15) ? [k] : [...batch, n, k];
    let sb: number[] = chance(0.15) ? [k] : [...bb, k, m];
    if (chance(0.05)) sb = [...bb, k + 1, m]; // core mismatch
    const fn = chance(0.7) ? 'matmul' : 'dot';
    if (fn === 'dot' && chance(0.6)) {
      sa = sa.slice(-2);
      sb = sb.slice(-2);
    }
    const dt = pick(DTYPES);
    const a = spec(shaped(dt, sa));
    const b = spec(shaped(chance(0.7) ? dt : pick(DTYPES), sb));
    return C(id, fn, [a, b]);
  } finally {
    intValued = false;
  }
}

function sortCase(id: string): Case {
  const s = shaped(pick(DTYPES), randomShape(3, 5));
  const nd = s.viewShape.length;
  const r = rand();
  if (r < 0.65) {
    const kw: Record<string, unknown> = { kind: 'stable' };
    if (nd === 0 || chance(0.15)) kw.axis = null;
    else kw.axis = axisOf(nd);
    return C(id, r < 0.35 ? 'sort' : 'argsort', [spec(s)], kw);
  }
  const kw: Record<string, unknown> = {};
  for (const k of ['return_index', 'return_inverse', 'return_counts']) if (chance(0.35)) kw[k] = true;
  if (nd > 0 && chance(0.2)) kw.axis = int(0, nd - 1);
  return C(id, 'unique', [spec(s)], kw);
}

/** Fancy / mask indexing: the index and the shape of the trailing dims a set value broadcasts to. */
function fancyIndex(shape: number[]): { index: unknown; tail: number[] } {
  const nd = shape.length;
  if (nd > 0 && chance(0.35)) {
    // a boolean mask over the leading k dims (sometimes the wrong shape: IndexError)
    const k = int(1, nd);
    const ms = shape.slice(0, k);
    if (chance(0.05)) ms[0] = (ms[0] as number) + 1;
    return { index: spec(shaped('bool', ms)), tail: shape.slice(k) };
  }
  if (nd === 0) return { index: '[0]', tail: [] };
  const d = int(0, nd - 1);
  const n = Math.max(1, shape[d] as number);
  const len = int(0, 4);
  const oob = chance(0.04);
  const list = (): number[] => Array.from({ length: len }, () => (oob ? n : int(-n, n - 1)));
  const two = d + 1 < nd && chance(0.3);
  const parts: string[] = Array.from({ length: d }, () => pick([':', '::-1', '1:']));
  if (chance(0.2) && d > 0) parts[int(0, d - 1)] = String(int(0, Math.max(0, (shape[0] as number) - 1)));
  parts.push(chance(0.2) ? JSON.stringify([list(), list()]) : JSON.stringify(list()));
  if (two) {
    const n2 = Math.max(1, shape[d + 1] as number);
    parts.push(JSON.stringify(Array.from({ length: chance(0.8) ? len : 1 }, () => int(-n2, n2 - 1))));
  }
  return { index: parts.join(', '), tail: shape.slice(d + (two ? 2 : 1)) };
}

function fancyCase(id: string): Case {
  const dt = pick(DTYPES);
  const shape = randomShape(3, 4);
  if (shape.length === 0 && chance(0.9)) shape.push(int(1, 4)); // a few 0-d: IndexError
  const s = shaped(dt, shape, true);
  const { index, tail } = fancyIndex(s.viewShape);
  if (chance(0.5)) return M(id, 'get', [spec(s), index]);
  let value: unknown;
  const vr = rand();
  if (vr < 0.3) value = dt === 'bool' ? true : dt.startsWith('float') ? { float: '2.5' } : int(0, 9);
  else {
    let vs = tail.slice(int(0, tail.length)).map((d) => (chance(0.3) ? 1 : d));
    if (chance(0.04)) vs = [...vs, 3]; // a broadcast error
    // NaN/inf/out-of-range floats into unsigned ints: NumPy's scalar and SIMD loops disagree
    const vdt = vr < 0.7 ? dt : pick(DTYPES);
    intValued = dt.startsWith('uint') && vdt.startsWith('float');
    value = spec(shaped(vdt, vs));
    intValued = false;
  }
  return M(id, 'set', [spec(s), index, value]);
}

function astypeCase(id: string): Case {
  const [from, to] = [pick(DTYPES), pick(DTYPES)];
  // NumPy's float -> uint32/uint64 past the range (NaN, inf, negative, huge) differs between its
  // SIMD and scalar loops (layout and length decide; ndscope follows the SIMD one): no edge values
  const loopDependent = from.startsWith('float') && to.startsWith('uint') && ITEM[to] >= 4;
  edgeMode = chance(0.7) && !loopDependent;
  intValued = loopDependent;
  try {
    return M(id, 'astype', [spec(shaped(from, randomShape(2, 4))), to]);
  } finally {
    edgeMode = false;
    intValued = false;
  }
}

function elementCase(id: string): Case {
  const shape = randomShape(3, 4);
  const s = shaped(pick(DTYPES), shape);
  const nd = shape.length;
  const r = rand();
  if (r < 0.3) {
    const bound = (): unknown =>
      chance(0.15) ? null : chance(0.5) ? scalarArg(chance(0.5) ? int(-3, 5) : int(-20, 20) / 4 + 0.125) : spec(shaped(pick(DTYPES), compatibleShape(shape)));
    return C(id, 'clip', [spec(s), bound(), bound()]);
  }
  if (r < 0.6) {
    const fn = pick(['cumsum', 'cumprod']);
    const kw: Record<string, unknown> = {};
    if (nd > 0 && chance(0.7)) kw.axis = axisOf(nd);
    if (chance(0.2)) kw.dtype = pick(['int64', 'float64', 'float32', 'int32', 'uint8']);
    // sequential float sums/products are exact operations; float32 in float32 as NumPy
    return C(id, fn, [spec(s)], kw, true);
  }
  const kw: Record<string, unknown> = {};
  let size = shape.reduce((x, y) => x * y, 1);
  if (nd > 0 && chance(0.7)) {
    kw.axis = axisOf(nd);
    size = Math.max(1, shape[((kw.axis as number) % nd + nd) % nd] ?? 1);
  } else size = Math.max(1, size);
  // (numpy loops forever on mode='wrap' over an empty axis: only 'raise' there)
  const axLen = nd === 0 || kw.axis === undefined ? shape.reduce((x, y) => x * y, 1) : (shape[(((kw.axis as number) % nd) + nd) % nd] ?? 1);
  const mode = axLen === 0 ? 'raise' : pick(['raise', 'raise', 'wrap', 'clip']);
  if (mode !== 'raise') kw.mode = mode;
  const span = mode === 'raise' ? (chance(0.05) ? size + 1 : size) : size * 3;
  const mk = (): number => int(-span, span - 1);
  const idx = chance(0.2) ? mk() : chance(0.5) ? Array.from({ length: int(0, 4) }, mk) : Array.from({ length: 2 }, () => Array.from({ length: 2 }, mk));
  return C(id, 'take', [spec(s), idx], kw);
}

function shapeOpCase(id: string): Case {
  const s = shaped(pick(DTYPES), randomShape(4, 4));
  const a = spec(s);
  const nd = s.viewShape.length;
  const r = rand();
  // (flip of a 0-d array: NumPy gives a scalar, ndscope a 0-d view, a documented divergence)
  if (r < 0.12 && nd > 0) return C(id, 'flip', [a], chance(0.6) ? { axis: axisOf(nd) } : undefined);
  if (r < 0.3) {
    const shift = chance(0.7) ? int(-7, 7) : [int(-3, 3), int(-3, 3)];
    const kw = Array.isArray(shift) ? { axis: nd >= 2 ? [0, nd - 1] : [0, 0] } : nd > 0 && chance(0.6) ? { axis: axisOf(nd) } : undefined;
    return C(id, 'roll', [a, shift], kw);
  }
  if (r < 0.45 && nd > 0) {
    if (chance(0.6)) return C(id, 'moveaxis', [a, axisOf(nd), axisOf(nd)]);
    const k = Math.min(nd, 2);
    const src = [int(0, nd - 1), int(-nd, -1)].slice(0, k);
    return C(id, 'moveaxis', [a, src, [nd - 1, 0].slice(0, k)]);
  }
  if (r < 0.55 && nd > 0) return C(id, 'swapaxes', [a, axisOf(nd), axisOf(nd)]);
  if (r < 0.68) {
    const ones = s.viewShape.map((d, k) => (d === 1 ? k : -1)).filter((k) => k >= 0);
    const kw = chance(0.4) && nd > 0 ? { axis: chance(0.8) && ones.length ? pick(ones) : int(0, nd - 1) } : undefined;
    return C(id, 'squeeze', [a], kw);
  }
  if (r < 0.8) return C(id, 'expand_dims', [a, chance(0.8) ? int(-nd - 1, nd + (chance(0.05) ? 1 : 0)) : [0, nd + 1]]);
  return M(id, chance(0.5) ? 'ravel' : 'flatten', [a, pick(['C', 'F', 'A', 'K'])]);
}

function statCase(id: string): Case {
  const s = shaped(pick(DTYPES), nonEmpty(3));
  const nd = s.viewShape.length;
  const kw: Record<string, unknown> = {};
  if (nd > 0 && chance(0.6)) kw.axis = chance(0.7) ? axisOf(nd) : [0, nd - 1];
  if (chance(0.3)) kw.keepdims = true;
  if (chance(0.5)) {
    const fn = pick(['mean', 'var', 'std']);
    if (fn !== 'mean' && chance(0.6)) kw.ddof = int(0, 2);
    if (chance(0.35)) kw.dtype = pick(['float64', 'float32']);
    return C(id, fn, [spec(s)], kw, false);
  }
  const fn = pick(['sum', 'prod', 'max', 'min', 'any', 'all']);
  if (nd > 0 && chance(0.7)) {
    // a mask broadcasting against the array (a mask of the full shape, of the last dims, or a 1)
    const ms = chance(0.5) ? [...s.viewShape] : s.viewShape.slice(int(0, nd)).map((d) => (chance(0.3) ? 1 : d));
    kw.where = spec(shaped('bool', ms));
  }
  if (chance(0.6) && !['any', 'all'].includes(fn)) kw.initial = chance(0.5) ? int(-5, 5) : int(-20, 20) / 4 + 0.125;
  if (typeof kw.initial === 'number' && !Number.isInteger(kw.initial)) kw.initial = { float: String(kw.initial) };
  return C(id, fn, [spec(s)], kw, false);
}

const CATEGORIES: [number, (id: string) => Case][] = [
  [0.4, coreCase],
  [0.05, joinCase],
  [0.04, whereCase],
  [0.06, matmulCase],
  [0.06, sortCase],
  [0.1, fancyCase],
  [0.07, astypeCase],
  [0.08, elementCase],
  [0.07, shapeOpCase],
  [0.07, statCase],
];

function randomCase(i: number): Case {
  let r = rand() * CATEGORIES.reduce((t, [w]) => t + w, 0);
  for (const [w, gen] of CATEGORIES) {
    if (r < w) return gen(`fuzz/${i}`);
    r -= w;
  }
  return coreCase(`fuzz/${i}`);
}

function scalarArg(v: number): unknown {
  return Number.isInteger(v) ? v : { float: String(v) };
}

const cases: Case[] = Array.from({ length: N }, (_, i) => {
  const c = randomCase(i);
  // float32 math: NumPy's float32 loops and ndscope's (double, then rounded) may differ by an ulp;
  // a 0-d float32 result comes back as a JS number, so the case carries the float32 tolerance.
  if (!c.exact && /"(float32|int16|uint16)"/.test(JSON.stringify(c))) c.rtol = 2e-6;
  return c;
});
const expects = JSON.parse(
  execFileSync('python3', [join(__dirname, 'oracle.py')], { input: JSON.stringify(cases), maxBuffer: 1 << 28, encoding: 'utf8' }),
) as Expect[];
cases.forEach((c, i) => (c.expect = expects[i] as Expect));

describe(`differential fuzz vs live numpy (seed ${SEED}, ${N} cases)`, () => {
  it('numpy evaluated every case', () => assert.equal(expects.length, N));
  const failures: string[] = [];
  const dumped: Case[] = [];
  for (const c of cases) {
    let msg: string | null;
    if ('error' in c.expect) {
      const want = c.expect.error;
      try {
        runCase(c);
        msg = `numpy raised ${want.cls}: ${want.msg}; ndscope did not throw`;
      } catch (e) {
        const err = e as Error;
        msg = err.name === want.cls && err.message === want.msg ? null : `threw ${err.name}: ${err.message}; numpy ${want.cls}: ${want.msg}`;
      }
    } else {
      try {
        const { result, built } = runCase(c);
        msg = compare(result, c.expect, c, built);
      } catch (e) {
        msg = `threw ${(e as Error).name}: ${(e as Error).message}`;
      }
    }
    if (msg) dumped.push(c);
    if (msg) failures.push(`${c.id} ${c.fn ?? c.method} ${JSON.stringify(c.args).slice(0, 300)} ${JSON.stringify(c.kwargs ?? {})}: ${msg}`);
  }
  // FUZZ_DUMP=<file>: the failing cases (with numpy's expectations) as JSON, to replay one by one
  if (process.env.FUZZ_DUMP) writeFileSync(process.env.FUZZ_DUMP, JSON.stringify(dumped));
  it('ndscope agrees with numpy on every case', () => {
    assert.equal(failures.length, 0, `${failures.length} mismatches:\n${failures.slice(0, 25).join('\n')}`);
  });
});
