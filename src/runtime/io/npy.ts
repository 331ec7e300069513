/**
 * The .npy format (NEP 1): read versions 1.0, 2.0 and 3.0, write as NumPy does (1.0 unless the
 * header needs more room; 64-byte aligned header with NumPy's spare growth space). C and Fortran
 * order, every ndscope dtype, both byte orders on read, 0-d and empty arrays.
 *
 * Safety: the header is parsed by a strict literal parser (pyliteral.ts); nothing in a file is
 * ever evaluated, and object (pickled) arrays are refused whatever `allow_pickle` says.
 */
import { asarray, copyArray } from '../convert';
import { DTYPE_INFO, type DType } from '../dtype';
import { ValueError } from '../errors';
import { NDArray, cStrides, fStrides, type ArrayLike } from '../ndarray';
import {
  PyDict,
  PyTuple,
  isParseError,
  parsePyLiteral,
  pyRepr,
  pyReprStr,
  type PyValue,
} from './pyliteral';

export const MAGIC = new Uint8Array([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]); // \x93NUMPY
const ARRAY_ALIGN = 64;
const GROWTH_AXIS_MAX_DIGITS = 21;
const MAX_HEADER_SIZE = 10000;

const DESCR: Record<DType, string> = {
  bool: '|b1',
  int8: '|i1',
  int16: '<i2',
  int32: '<i4',
  int64: '<i8',
  uint8: '|u1',
  uint16: '<u2',
  uint32: '<u4',
  uint64: '<u8',
  float32: '<f4',
  float64: '<f8',
};

const KIND_SIZE: Record<string, DType> = {
  b1: 'bool',
  i1: 'int8',
  i2: 'int16',
  i4: 'int32',
  i8: 'int64',
  u1: 'uint8',
  u2: 'uint16',
  u4: 'uint32',
  u8: 'uint64',
  f4: 'float32',
  f8: 'float64',
};

const SUPPORTED =
  'bool, int8, int16, int32, int64, uint8, uint16, uint32, uint64, float32, float64';

const PICKLE_MSG = 'Object arrays cannot be loaded when allow_pickle=False';

function unsupportedDtype(descr: string, why: string): Error {
  return ValueError(
    `cannot load a .npy array of dtype ${pyReprStr(descr)} (${why}): ndscope supports ${SUPPORTED}`,
  );
}

/** Parses a descr string: [dtype, bigEndian]. */
function parseDescr(descr: PyValue, allowPickle: boolean): [DType, boolean] {
  if (typeof descr !== 'string') {
    if (Array.isArray(descr)) throw unsupportedDtype(pyRepr(descr), 'structured dtype');
    throw ValueError(`descr is not a valid dtype descriptor: ${pyRepr(descr)}`);
  }
  const m = /^([<>|=]?)([a-zA-Z?])(\d*)(\[\w+\])?$/.exec(descr);
  if (!m) throw ValueError(`descr is not a valid dtype descriptor: ${pyReprStr(descr)}`);
  const [, order, kind, size] = m as unknown as [string, string, string, string];
  if (kind === 'O') {
    if (!allowPickle) throw ValueError(PICKLE_MSG);
    throw unsupportedDtype(
      descr,
      'object arrays hold pickled Python objects, which ndscope never unpickles',
    );
  }
  const key = (kind === '?' ? 'b' : kind) + (kind === '?' ? '1' : size);
  const dt = KIND_SIZE[key];
  if (!dt) {
    const why: Record<string, string> = {
      c: 'complex',
      U: 'unicode string',
      S: 'byte string',
      a: 'byte string',
      V: 'void/structured',
      M: 'datetime64',
      m: 'timedelta64',
      f: 'float16 or extended precision',
    };
    throw unsupportedDtype(descr, why[kind] ?? 'unknown type');
  }
  return [dt, order === '>'];
}

function reprShape(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

function latin1(s: string): Uint8Array | null {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 255) return null;
    out[i] = c;
  }
  return out;
}

/** NumPy's `_wrap_header` for version 1.0 / 2.0 / 3.0. */
function wrapHeader(header: string, version: 1 | 2 | 3): Uint8Array | null {
  const enc = version === 3 ? new TextEncoder().encode(header) : latin1(header);
  if (!enc) return null;
  const lenSize = version === 1 ? 2 : 4;
  const hlen = enc.length + 1;
  const padlen = ARRAY_ALIGN - ((MAGIC.length + 2 + lenSize + hlen) % ARRAY_ALIGN);
  const total = hlen + padlen;
  if (version === 1 && total >= 65536) return null;
  const out = new Uint8Array(MAGIC.length + 2 + lenSize + total);
  out.set(MAGIC, 0);
  out[6] = version;
  out[7] = 0;
  const dv = new DataView(out.buffer);
  if (lenSize === 2) dv.setUint16(8, total, true);
  else dv.setUint32(8, total, true);
  const p = MAGIC.length + 2 + lenSize;
  out.set(enc, p);
  out.fill(0x20, p + enc.length, p + enc.length + padlen);
  out[out.length - 1] = 0x0a;
  return out;
}

/** The .npy bytes of `a`, exactly as `np.save` writes them. */
export function save_bytes(arr: ArrayLike): Uint8Array {
  const a = asarray(arr);
  const fortran = a.ndim > 1 && a.flags.f_contiguous && !a.flags.c_contiguous;
  const shape = a._shape;
  let header = `{'descr': '${DESCR[a.dtype]}', 'fortran_order': ${fortran ? 'True' : 'False'}, 'shape': ${reprShape(shape)}, }`;
  if (shape.length > 0) {
    header += ' '.repeat(
      GROWTH_AXIS_MAX_DIGITS - String(shape[fortran ? shape.length - 1 : 0]).length,
    );
  }
  const head = wrapHeader(header, 1) ?? wrapHeader(header, 2) ?? wrapHeader(header, 3)!;
  // data: C order, or F order (the transpose's C bytes) for Fortran arrays
  const src = fortran ? a.T : a;
  const c = src.flags.c_contiguous ? src : copyArray(src);
  const nbytes = c.size * c.itemsize;
  const out = new Uint8Array(head.length + nbytes);
  out.set(head, 0);
  const start = c._offset * c.itemsize;
  out.set(c.buffer.bytes().subarray(start, start + nbytes), head.length);
  return out;
}

export interface LoadOptions {
  /** Accepted for NumPy compatibility; object arrays are refused either way. */
  allow_pickle?: boolean;
  /** Refuse headers longer than this (NumPy's default 10000) unless allow_pickle. */
  max_header_size?: number;
}

function short(b: Uint8Array): string {
  let s = "b'";
  for (const x of b) {
    if (x === 0x5c) s += '\\\\';
    else if (x === 0x27) s += "\\'";
    else if (x >= 0x20 && x < 0x7f) s += String.fromCharCode(x);
    else s += '\\x' + x.toString(16).padStart(2, '0');
  }
  return s + "'";
}

export function isNpy(b: Uint8Array): boolean {
  return b.length >= 6 && MAGIC.every((x, i) => b[i] === x);
}

/** Reads one .npy array from bytes. */
export function load_npy_bytes(bytes: Uint8Array, opts: LoadOptions = {}): NDArray {
  if (bytes.length < 8) {
    if (bytes.length < 6 || !isNpy(bytes)) {
      throw ValueError(`EOF: reading magic string, expected 8 bytes got ${bytes.length}`);
    }
  }
  if (!isNpy(bytes)) {
    throw ValueError(
      `the magic string is not correct; expected b'\\x93NUMPY', got ${short(bytes.subarray(0, 6))}`,
    );
  }
  const major = bytes[6]!;
  const minor = bytes[7]!;
  if (!((major === 1 || major === 2 || major === 3) && minor === 0)) {
    throw ValueError(
      `we only support format version (1,0), (2,0), and (3,0), not (${major}, ${minor})`,
    );
  }
  const lenSize = major === 1 ? 2 : 4;
  if (bytes.length < 8 + lenSize) {
    throw ValueError(
      `EOF: reading array header length, expected ${lenSize} bytes got ${bytes.length - 8}`,
    );
  }
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const hlen = lenSize === 2 ? dv.getUint16(8, true) : dv.getUint32(8, true);
  const maxHeader = opts.max_header_size ?? MAX_HEADER_SIZE;
  if (hlen > maxHeader && !opts.allow_pickle) {
    throw ValueError(
      `Header info length (${hlen}) is large and may not be safe to load securely.\nTo allow loading, adjust \`max_header_size\` or fully trust the \`.npy\` file using \`allow_pickle=True\`.\nFor safety against large resource use or crashes, sandboxing may be necessary.`,
    );
  }
  const hstart = 8 + lenSize;
  const avail = bytes.length - hstart;
  if (avail < hlen)
    throw ValueError(`EOF: reading array header, expected ${hlen} bytes got ${avail}`);
  const hbytes = bytes.subarray(hstart, hstart + hlen);
  let header: string;
  if (major === 3) {
    try {
      header = new TextDecoder('utf-8', { fatal: true }).decode(hbytes);
    } catch {
      throw ValueError('the .npy header is not valid UTF-8');
    }
  } else header = Array.from(hbytes, (c) => String.fromCharCode(c)).join('');
  let d: PyValue;
  try {
    d = parsePyLiteral(header);
  } catch (e) {
    if (isParseError(e)) throw ValueError(`Cannot parse header: ${pyReprStr(header)}`);
    throw e;
  }
  if (!(d instanceof PyDict)) throw ValueError(`Header is not a dictionary: ${pyRepr(d)}`);
  const keys = d.entries.map(([k]) => k);
  const want = ['descr', 'fortran_order', 'shape'];
  const sorted = [...keys].map((k) => (typeof k === 'string' ? k : pyRepr(k))).sort();
  if (sorted.length !== 3 || sorted.some((k, i) => k !== want[i])) {
    throw ValueError(
      `Header does not contain the correct keys: [${sorted.map(pyReprStr).join(', ')}]`,
    );
  }
  const shapeV = d.get('shape')!;
  if (!(shapeV instanceof PyTuple) || !shapeV.items.every((x) => typeof x === 'number' && x >= 0)) {
    throw ValueError(`shape is not valid: ${pyRepr(shapeV)}`);
  }
  const shape = shapeV.items as number[];
  if (shape.length > 64)
    throw ValueError(
      `maximum supported dimension for an ndarray is currently 64, found ${shape.length}`,
    );
  const fo = d.get('fortran_order')!;
  if (typeof fo !== 'boolean') throw ValueError(`fortran_order is not a valid bool: ${pyRepr(fo)}`);
  const [dtype, big] = parseDescr(d.get('descr')!, Boolean(opts.allow_pickle));
  const isz = DTYPE_INFO[dtype].itemsize;
  const count = shape.reduce((a, b) => a * b, 1);
  const nbytes = count * isz;
  const dstart = hstart + hlen;
  const have = bytes.length - dstart;
  if (have < nbytes)
    throw ValueError(`EOF: reading array data, expected ${nbytes} bytes got ${have}`);
  const tmp = NDArray.empty([count], dtype, false);
  const mem = tmp.buffer.bytes();
  const p = 0;
  mem.set(bytes.subarray(dstart, dstart + nbytes), p);
  if (big && isz > 1) {
    for (let i = 0; i < count; i++) {
      const o = p + i * isz;
      for (let k = 0; k < isz / 2; k++) {
        const t = mem[o + k]!;
        mem[o + k] = mem[o + isz - 1 - k]!;
        mem[o + isz - 1 - k] = t;
      }
    }
  }
  if (dtype === 'bool') for (let i = 0; i < count; i++) mem[p + i] = mem[p + i] ? 1 : 0;
  if (!fo || shape.length <= 1) {
    return new NDArray({
      buffer: tmp.buffer,
      dtype,
      shape,
      strides: cStrides(shape),
      offset: 0,
      base: null,
      writeable: true,
    });
  }
  return new NDArray({
    buffer: tmp.buffer,
    dtype,
    shape,
    strides: fStrides(shape),
    offset: 0,
    base: null,
    writeable: true,
  });
}
