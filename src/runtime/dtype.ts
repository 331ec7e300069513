/**
 * dtypes: names, sizes, storage classes, NumPy's promotion table (NEP 50) and casting rules.
 */
import { TypeError_ } from './errors';

export type DType =
  | 'bool'
  | 'int8'
  | 'int16'
  | 'int32'
  | 'int64'
  | 'uint8'
  | 'uint16'
  | 'uint32'
  | 'uint64'
  | 'float32'
  | 'float64';

export const DTYPES: readonly DType[] = [
  'bool',
  'int8',
  'int16',
  'int32',
  'int64',
  'uint8',
  'uint16',
  'uint32',
  'uint64',
  'float32',
  'float64',
];

export type Kind = 'b' | 'i' | 'u' | 'f';

export type TypedArray =
  | Uint8Array
  | Int8Array
  | Int16Array
  | Int32Array
  | BigInt64Array
  | Uint16Array
  | Uint32Array
  | BigUint64Array
  | Float32Array
  | Float64Array;

/** A typed array whose elements are JS numbers (every dtype but int64/uint64). */
export type NumberArray = Exclude<TypedArray, BigInt64Array | BigUint64Array>;
export type BigArray = BigInt64Array | BigUint64Array;

export interface DTypeInfo {
  readonly name: DType;
  readonly itemsize: number;
  readonly kind: Kind;
  /** Storage holds bigint (int64, uint64). */
  readonly big: boolean;
  /** NumPy's one-letter type code with byte order, as in `a.dtype.str` (`'<f8'`). */
  readonly str: string;
  readonly bits: number;
}

const info = (name: DType, itemsize: number, kind: Kind, str: string): DTypeInfo => ({
  name,
  itemsize,
  kind,
  big: name === 'int64' || name === 'uint64',
  str,
  bits: itemsize * 8,
});

export const DTYPE_INFO: Readonly<Record<DType, DTypeInfo>> = {
  bool: info('bool', 1, 'b', '|b1'),
  int8: info('int8', 1, 'i', '|i1'),
  int16: info('int16', 2, 'i', '<i2'),
  int32: info('int32', 4, 'i', '<i4'),
  int64: info('int64', 8, 'i', '<i8'),
  uint8: info('uint8', 1, 'u', '|u1'),
  uint16: info('uint16', 2, 'u', '<u2'),
  uint32: info('uint32', 4, 'u', '<u4'),
  uint64: info('uint64', 8, 'u', '<u8'),
  float32: info('float32', 4, 'f', '<f4'),
  float64: info('float64', 8, 'f', '<f8'),
};

/** Bytes per element of each dtype (`DTYPE_INFO[d].itemsize` as a plain lookup table). */
export const ITEMSIZE: Readonly<Record<DType, number>> = Object.freeze(
  Object.fromEntries(Object.entries(DTYPE_INFO).map(([d, i]) => [d, i.itemsize])) as Record<
    DType,
    number
  >,
);

const ALIASES: Record<string, DType> = {
  bool: 'bool',
  bool_: 'bool',
  '?': 'bool',
  b1: 'bool',
  int8: 'int8',
  i1: 'int8',
  byte: 'int8',
  b: 'int8',
  int16: 'int16',
  i2: 'int16',
  short: 'int16',
  h: 'int16',
  int32: 'int32',
  i4: 'int32',
  intc: 'int32',
  i: 'int32',
  int64: 'int64',
  i8: 'int64',
  int: 'int64',
  int_: 'int64',
  intp: 'int64',
  long: 'int64',
  longlong: 'int64',
  l: 'int64',
  q: 'int64',
  p: 'int64',
  uint8: 'uint8',
  u1: 'uint8',
  ubyte: 'uint8',
  B: 'uint8',
  uint16: 'uint16',
  u2: 'uint16',
  ushort: 'uint16',
  H: 'uint16',
  uint32: 'uint32',
  u4: 'uint32',
  uintc: 'uint32',
  I: 'uint32',
  uint64: 'uint64',
  u8: 'uint64',
  uint: 'uint64',
  uintp: 'uint64',
  ulong: 'uint64',
  ulonglong: 'uint64',
  L: 'uint64',
  Q: 'uint64',
  P: 'uint64',
  float32: 'float32',
  f4: 'float32',
  single: 'float32',
  f: 'float32',
  float64: 'float64',
  f8: 'float64',
  float: 'float64',
  double: 'float64',
  d: 'float64',
};

/** Accepts NumPy's spellings (`'float64'`, `'f8'`, `'<f8'`, `'int'`, `'double'`…). */
export function normalizeDtype(d: unknown): DType {
  if (d === undefined || d === null) return 'float64';
  if (typeof d === 'object' && d !== null && 'name' in d)
    return normalizeDtype((d as { name: unknown }).name);
  if (typeof d === 'function') {
    // np.float64 style constructors, or JS Number/Boolean/BigInt.
    if (d === Number) return 'float64';
    if (d === Boolean) return 'bool';
    if (d === BigInt) return 'int64';
    const n = (d as { dtypeName?: unknown }).dtypeName;
    if (typeof n === 'string') return normalizeDtype(n);
  }
  if (typeof d === 'string') {
    let s = d;
    if (Object.prototype.hasOwnProperty.call(ALIASES, s)) return ALIASES[s] as DType;
    if (s.length > 1 && (s[0] === '<' || s[0] === '=' || s[0] === '|')) {
      s = s.slice(1);
      if (Object.prototype.hasOwnProperty.call(ALIASES, s)) return ALIASES[s] as DType;
    }
    if (
      /^(complex|c\d+|U|S|O|object|str|V|M|m|datetime|timedelta|float16|f2|e|half|longdouble|g|f16)/.test(
        s,
      )
    ) {
      throw TypeError_(
        `ndscope does not support the dtype '${d}' (supported: ${DTYPES.join(', ')})`,
      );
    }
    throw TypeError_(`data type '${d}' not understood`);
  }
  throw TypeError_(`Cannot interpret '${String(d)}' as a data type`);
}

export const isFloat = (d: DType): boolean => DTYPE_INFO[d].kind === 'f';
export const isInteger = (d: DType): boolean =>
  DTYPE_INFO[d].kind === 'i' || DTYPE_INFO[d].kind === 'u';
export const isSigned = (d: DType): boolean => DTYPE_INFO[d].kind === 'i';
export const isUnsigned = (d: DType): boolean => DTYPE_INFO[d].kind === 'u';
export const isBool = (d: DType): boolean => d === 'bool';
export const isBig = (d: DType): boolean => DTYPE_INFO[d].big;

const INTS: Record<number, DType> = { 8: 'int8', 16: 'int16', 32: 'int32', 64: 'int64' };
const UINTS: Record<number, DType> = { 8: 'uint8', 16: 'uint16', 32: 'uint32', 64: 'uint64' };

/** `np.promote_types` for two dtypes. */
/**
 * NumPy's `PyArray_PromoteDTypeSequence` (np.result_type of several dtypes): not a left fold.
 * The "most knowledgeable" dtype is found by pairing the ends of the list (recursively), then
 * every other dtype is promoted with it: result_type(uint16, int16, float32) is float32.
 */
export function promoteSequence(dtypes: readonly DType[]): DType {
  const d = [...dtypes];
  if (d.length === 0) throw new Error('promoteSequence of no dtypes');
  if (d.length === 1) return d[0] as DType;
  const mostKnowledgeable = (length: number): DType => {
    const half = Math.floor(length / 2);
    let res = d[0] as DType;
    for (let low = 0; low < half; low++) {
      const high = length - 1 - low;
      res = promoteTypes(d[low] as DType, d[high] as DType);
      if (res === d[high] && res !== d[low])
        [d[low], d[high]] = [d[high] as DType, d[low] as DType];
    }
    return length - half > 1 ? mostKnowledgeable(length - half) : res;
  };
  let result = mostKnowledgeable(d.length);
  const main = d[0] as DType;
  for (let i = 2; i < d.length; i++)
    result = promoteTypes(result, promoteTypes(main, d[i] as DType));
  return result;
}

export function promoteTypes(a: DType, b: DType): DType {
  if (a === b) return a;
  const A = DTYPE_INFO[a];
  const B = DTYPE_INFO[b];
  if (A.kind === 'b') return b;
  if (B.kind === 'b') return a;
  if (A.kind === B.kind) return A.itemsize >= B.itemsize ? a : b;
  if (A.kind === 'f' || B.kind === 'f') {
    const f = A.kind === 'f' ? A : B;
    const o = A.kind === 'f' ? B : A;
    if (f.name === 'float64') return 'float64';
    // float32 with an integer: float32 holds int8/uint8/int16/uint16 exactly.
    return o.itemsize <= 2 ? 'float32' : 'float64';
  }
  // signed with unsigned
  const s = A.kind === 'i' ? A : B;
  const u = A.kind === 'u' ? A : B;
  if (s.bits > u.bits) return s.name;
  if (u.bits === 64) return 'float64';
  return INTS[u.bits * 2] as DType;
}

/** Ranges of the integer dtypes, as bigint for exactness. */
export function intRange(d: DType): [bigint, bigint] {
  const i = DTYPE_INFO[d];
  if (i.kind === 'b') return [0n, 1n];
  if (i.kind === 'u') return [0n, (1n << BigInt(i.bits)) - 1n];
  return [-(1n << BigInt(i.bits - 1)), (1n << BigInt(i.bits - 1)) - 1n];
}

export type Casting = 'no' | 'equiv' | 'safe' | 'same_kind' | 'unsafe';

/** `np.can_cast(from, to, casting)` for dtypes. */
export function canCast(from: DType, to: DType, casting: Casting = 'safe'): boolean {
  if (casting === 'unsafe') return true;
  if (casting === 'no' || casting === 'equiv') return from === to;
  const safe = from === to || promoteTypes(from, to) === to;
  if (casting === 'safe') return safe;
  // same_kind: safe, or within the same kind order b < u,i < f (down-casts within a kind allowed)
  if (safe) return true;
  const order = (k: Kind): number => (k === 'b' ? 0 : k === 'u' ? 1 : k === 'i' ? 1 : 2);
  const F = DTYPE_INFO[from];
  const T = DTYPE_INFO[to];
  if (F.kind === 'u' && T.kind === 'i') return true;
  if (F.kind === 'i' && T.kind === 'u') return false;
  return order(F.kind) <= order(T.kind);
}

/** The dtype of a Python-like scalar under NEP 50 when it stands alone (not weak). */
export function scalarDtype(v: number | boolean | bigint): DType {
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'bigint') return v > 0x7fffffffffffffffn ? 'uint64' : 'int64';
  // An integer-valued JS number beyond int64's range cannot be an int64: it is a float there.
  return Number.isInteger(v) && Math.abs(v) < 2 ** 63 ? 'int64' : 'float64';
}

export const defaultInt: DType = 'int64';
export const defaultFloat: DType = 'float64';

/** NumPy's name for a dtype inside messages, e.g. `dtype('float64')`. */
export const dtypeRepr = (d: DType): string => `dtype('${d}')`;
