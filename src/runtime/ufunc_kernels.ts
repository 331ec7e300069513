/**
 * Ufunc kernels: dumb strided 1-D inner loops, registered by op × loop dtype × backend.
 *
 * A kernel sees only (n, then data/index/stride for every input, then for every output). Indexes
 * and strides are in ELEMENTS of the typed array passed (the `_data()` view of linear memory).
 * The `ts` backend below is the reference every other backend (`wasm`) is tested against.
 *
 * Element semantics follow NumPy: integer results wrap (typed-array stores wrap modulo 2^bits,
 * BigInt64Array/BigUint64Array stores wrap modulo 2^64), int32 products use Math.imul, int64 is
 * exact (bigint), floor division and remainder take Python's signs, integer division by zero
 * gives 0, float division by zero gives ±inf/nan.
 */
import { VMATH_TS_KERNELS } from './vmath';
import { VMATH32_TS_KERNELS } from './vmath32';
import { VMATHX_TS_BINARY, VMATHX_TS_UNARY } from './vmathx';
import { DTYPE_INFO, type DType } from './dtype';
import { ValueError } from './errors';

export type Num = number | bigint;
/** Any typed array, seen as an indexable store of numbers/bigints. */
export interface Store {
  [i: number]: Num;
}
export type UnaryKernel = (
  n: number,
  x: Store,
  ix: number,
  sx: number,
  o: Store,
  io: number,
  so: number,
) => void;
export type BinaryKernel = (
  n: number,
  x: Store,
  ix: number,
  sx: number,
  y: Store,
  iy: number,
  sy: number,
  o: Store,
  io: number,
  so: number,
) => void;
export type TernaryKernel = (
  n: number,
  x: Store,
  ix: number,
  sx: number,
  y: Store,
  iy: number,
  sy: number,
  z: Store,
  iz: number,
  sz: number,
  o: Store,
  io: number,
  so: number,
) => void;
/** Two inputs, two outputs (divmod). */
export type Binary2Kernel = (
  n: number,
  x: Store,
  ix: number,
  sx: number,
  y: Store,
  iy: number,
  sy: number,
  o: Store,
  io: number,
  so: number,
  p: Store,
  ip: number,
  sp: number,
) => void;
/** One input, two outputs (frexp, modf). */
export type Unary2Kernel = (
  n: number,
  x: Store,
  ix: number,
  sx: number,
  o: Store,
  io: number,
  so: number,
  p: Store,
  ip: number,
  sp: number,
) => void;
export type Kernel = UnaryKernel | BinaryKernel | TernaryKernel | Binary2Kernel | Unary2Kernel;
export type Backend = 'ts' | 'wasm';

/**
 * What a WASM kernel's wrapper carries besides the Store-based signature: the module's raw loop
 * (byte pointers and byte strides: unary `(n, x, sx, o, so)`, binary `(n, x, sx, y, sy, o, so)`)
 * and the input/output item sizes. The ufunc fast path calls it with pointers directly.
 */
export interface NativeLoop {
  native?: (...args: number[]) => unknown;
  /**
   * Binary ops: the module's 2-D tiled loop `(rows, cols, x, xrs, xcs, y, yrs, ycs, o, ors, ocs)`
   * (bytes) for operands whose fastest axes differ (a transposed operand).
   */
  native2d?: (...args: number[]) => unknown;
  zx?: number;
  zo?: number;
}

const registry = new Map<string, Map<Backend, Kernel>>();
let preferred: Backend[] = ['wasm', 'ts'];
/** Bumped on every registry or backend change (callers caching `getKernel` results compare it). */
let epoch = 0;
export const kernelEpoch = (): number => epoch;

/**
 * Registers a kernel for `op` on loop dtype `dtype` (the loop's input dtype, or for mixed loops
 * the input dtypes joined by ',', e.g. `'int64,uint64'`).
 */
export function registerKernel(op: string, dtype: string, backend: Backend, fn: Kernel): void {
  const key = `${op}:${dtype}`;
  let m = registry.get(key);
  if (m === undefined) {
    m = new Map();
    registry.set(key, m);
  }
  m.set(backend, fn);
  epoch++;
}

/** The kernel for op × loop dtype from the preferred backend available (wasm, then ts). */
export function getKernel(op: string, dtype: string, backend?: Backend): Kernel | undefined {
  const m = registry.get(`${op}:${dtype}`);
  if (m === undefined) return undefined;
  if (backend !== undefined) return m.get(backend);
  for (const b of preferred) {
    const k = m.get(b);
    if (k !== undefined) return k;
  }
  return undefined;
}

/** Removes a backend's kernel for op × loop dtype (tests; a backend that failed to load). */
export function unregisterKernel(op: string, dtype: string, backend: Backend): void {
  registry.get(`${op}:${dtype}`)?.delete(backend);
  epoch++;
}

/** Which backends are tried, in order (tests force `['ts']` to check the reference path). */
export function setKernelBackends(order: Backend[]): void {
  preferred = [...order];
  epoch++;
}

/** The order `setKernelBackends` set (so a test can put it back). */
export function kernelBackends(): Backend[] {
  return [...preferred];
}

/** Every registered op:dtype key with its backends (for FEATURES.md and tests). */
export function listKernels(): { op: string; dtype: string; backends: Backend[] }[] {
  return [...registry.entries()].map(([k, m]) => {
    const i = k.indexOf(':');
    return { op: k.slice(0, i), dtype: k.slice(i + 1), backends: [...m.keys()] };
  });
}

// ---------------------------------------------------------------------------------------------
// Element functions → kernels

type E1 = (x: never) => Num;
type E2 = (x: never, y: never) => Num;
type E3 = (x: never, y: never, z: never) => Num;

export const k1 =
  (f: E1): UnaryKernel =>
  (n, x, ix, sx, o, io, so) => {
    const g = f as (x: Num) => Num;
    for (let j = 0; j < n; j++) o[io + j * so] = g(x[ix + j * sx] as Num);
  };
export const k2 =
  (f: E2): BinaryKernel =>
  (n, x, ix, sx, y, iy, sy, o, io, so) => {
    const g = f as (x: Num, y: Num) => Num;
    for (let j = 0; j < n; j++) o[io + j * so] = g(x[ix + j * sx] as Num, y[iy + j * sy] as Num);
  };
export const k3 =
  (f: E3): TernaryKernel =>
  (n, x, ix, sx, y, iy, sy, z, iz, sz, o, io, so) => {
    const g = f as (x: Num, y: Num, z: Num) => Num;
    for (let j = 0; j < n; j++)
      o[io + j * so] = g(x[ix + j * sx] as Num, y[iy + j * sy] as Num, z[iz + j * sz] as Num);
  };

// ---------------------------------------------------------------------------------------------
// Loop tables (NumPy's `ufunc.types`, float16 loops dropped: they resolve to float32 here)

const CODE: Record<string, DType> = {
  '?': 'bool',
  b: 'int8',
  B: 'uint8',
  h: 'int16',
  H: 'uint16',
  i: 'int32',
  I: 'uint32',
  l: 'int64',
  L: 'uint64',
  f: 'float32',
  d: 'float64',
};

export interface Loop {
  ins: DType[];
  outs: DType[];
  /** Registry key: the input dtype, or the input dtypes joined by ',' when they differ. */
  key: string;
}

/** `'bb->?'` style signatures → loops. */
export function parseLoops(sigs: string): Loop[] {
  return sigs
    .trim()
    .split(/\s+/)
    .map((s) => {
      const [a, b] = s.split('->') as [string, string];
      const ins = [...a].map((c) => CODE[c] as DType);
      const outs = [...b].map((c) => CODE[c] as DType);
      const key = ins.every((d) => d === ins[0]) ? (ins[0] as string) : ins.join(',');
      return { ins, outs, key };
    });
}

const homog = (codes: string, nin: number, out?: string): string =>
  codes
    .split(' ')
    .map((c) => c.repeat(nin) + '->' + (out ?? c))
    .join(' ');

const ALL = '? b B h H i I l L f d';
const NOBOOL = 'b B h H i I l L f d';
const INTS = '? b B h H i I l L';
const INTS_NOBOOL = 'b B h H i I l L';
const FLT = 'f d';

export type UfuncKind =
  'arith' | 'compare' | 'logical' | 'bitwise' | 'float' | 'predicate' | 'other';

export interface UfuncDef {
  name: string;
  nin: number;
  nout: number;
  loops: Loop[];
  kind: UfuncKind;
}

export const UFUNC_DEFS: Record<string, UfuncDef> = {};

const def = (name: string, nin: number, sigs: string, kind: UfuncKind, nout = 1): void => {
  UFUNC_DEFS[name] = { name, nin, nout, loops: parseLoops(sigs), kind };
};

// ---------------------------------------------------------------------------------------------
// Helpers for integer semantics

const pyFloorDivNum = (x: number, y: number): number => (y === 0 ? 0 : Math.floor(x / y));
const pyModNum = (x: number, y: number): number => {
  if (y === 0) return 0;
  const r = x % y;
  return r !== 0 && r < 0 !== y < 0 ? r + y : r;
};
const pyFloorDivBig = (x: bigint, y: bigint): bigint => {
  if (y === 0n) return 0n;
  const q = x / y;
  return x % y !== 0n && x < 0n !== y < 0n ? q - 1n : q;
};
const pyModBig = (x: bigint, y: bigint): bigint => {
  if (y === 0n) return 0n;
  const r = x % y;
  return r !== 0n && r < 0n !== y < 0n ? r + y : r;
};

/** NumPy's npy_divmod for floats: [floor quotient, Python-signed remainder]. */
export function floatDivmod(a: number, b: number): [number, number] {
  let mod = a % b;
  if (b === 0) return [a / b, mod];
  let div = (a - mod) / b;
  if (mod !== 0) {
    if (b < 0 !== mod < 0) {
      mod += b;
      div -= 1;
    }
  } else {
    mod = b < 0 || Object.is(b, -0) ? -0 : 0;
  }
  let fl: number;
  if (div !== 0) {
    fl = Math.floor(div);
    if (div - fl > 0.5) fl += 1;
  } else {
    const q = a / b;
    fl = q < 0 || Object.is(q, -0) ? -0 : 0;
  }
  return [fl, mod];
}

const negPow = (): never => {
  throw ValueError('Integers to negative integer powers are not allowed.');
};
const powNum = (b: number, e: number): number => {
  if (e < 0) negPow();
  let r = 1;
  while (e > 0) {
    if (e & 1) r = Math.imul(r, b);
    b = Math.imul(b, b);
    e = Math.floor(e / 2);
  }
  return r;
};
const powBig = (b: bigint, e: bigint): bigint => {
  if (e < 0n) negPow();
  let r = 1n;
  b = BigInt.asUintN(64, b);
  while (e > 0n) {
    if (e & 1n) r = BigInt.asUintN(64, r * b);
    b = BigInt.asUintN(64, b * b);
    e >>= 1n;
  }
  return r;
};
/** C's pow: pow(1, y) = 1 and pow(x, 0) = 1 even for NaN; pow(-1, ±inf) = 1. */
export const powFloat = (x: number, y: number): number => {
  if (x === 1 || y === 0) return 1;
  if (x === -1 && (y === Infinity || y === -Infinity)) return 1;
  return Math.pow(x, y);
};
/** Round half to even (C's rint). */
export const rint = (x: number): number => {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
};
const copysign = (a: number, b: number): number =>
  b < 0 || Object.is(b, -0) ? -Math.abs(a) : Math.abs(a);
const LN2 = Math.LN2;
const logaddexp = (x: number, y: number): number => {
  if (x === y) return x + LN2;
  const t = x - y;
  if (t > 0) return x + Math.log1p(Math.exp(-t));
  if (t <= 0) return y + Math.log1p(Math.exp(t));
  return t;
};
const logaddexp2 = (x: number, y: number): number => {
  if (x === y) return x + 1;
  const t = x - y;
  if (t > 0) return x + Math.LOG2E * Math.log1p(Math.pow(2, -t));
  if (t <= 0) return y + Math.LOG2E * Math.log1p(Math.pow(2, t));
  return t;
};
const maxNan = (x: number, y: number): number => (x !== x ? x : x > y ? x : y);
const minNan = (x: number, y: number): number => (x !== x ? x : x < y ? x : y);
const fmaxF = (x: number, y: number): number => (y !== y ? x : x !== x ? y : x > y ? x : y);
const fminF = (x: number, y: number): number => (y !== y ? x : x !== x ? y : x < y ? x : y);
const b2n = (c: boolean): number => (c ? 1 : 0);

// ---------------------------------------------------------------------------------------------
// Registration: for each op, an element function per dtype class.

type Cls = 'b' | 'n' | 'big' | 'f';
const clsOf = (d: DType): Cls => {
  const i = DTYPE_INFO[d];
  return i.kind === 'b' ? 'b' : i.kind === 'f' ? 'f' : i.big ? 'big' : 'n';
};

type Impl<F> = Partial<Record<Cls, F | ((d: DType) => F)>> & { factory?: boolean };

function pick<F>(impl: Impl<F>, d: DType): F | undefined {
  const c = clsOf(d);
  let f = impl[c];
  // bool loops fall back to the integer number implementation when not given
  if (f === undefined && c === 'b') f = impl.n;
  if (f === undefined) return undefined;
  return impl.factory ? (f as (d: DType) => F)(d) : (f as F);
}

function reg1(name: string, impl: Impl<E1>): void {
  for (const l of UFUNC_DEFS[name]!.loops) {
    const f = pick(impl, l.ins[0] as DType);
    if (f !== undefined) registerKernel(name, l.key, 'ts', k1(f));
  }
}
function reg2(name: string, impl: Impl<E2>): void {
  for (const l of UFUNC_DEFS[name]!.loops) {
    const f = pick(impl, l.ins[0] as DType);
    if (f !== undefined) registerKernel(name, l.key, 'ts', k2(f));
  }
}

// --- arithmetic -------------------------------------------------------------------------------
def('add', 2, homog(ALL, 2), 'arith');
reg2('add', {
  b: (x: number, y: number) => x | y,
  n: (x: number, y: number) => x + y,
  big: (x: bigint, y: bigint) => x + y,
  f: (x: number, y: number) => x + y,
});
def('subtract', 2, homog(NOBOOL, 2), 'arith');
reg2('subtract', {
  n: (x: number, y: number) => x - y,
  big: (x: bigint, y: bigint) => x - y,
  f: (x: number, y: number) => x - y,
});
def('multiply', 2, homog(ALL, 2), 'arith');
reg2('multiply', {
  b: (x: number, y: number) => x & y,
  n: (x: number, y: number) => Math.imul(x, y),
  big: (x: bigint, y: bigint) => x * y,
  f: (x: number, y: number) => x * y,
});
def('true_divide', 2, homog(FLT, 2), 'arith');
reg2('true_divide', { f: (x: number, y: number) => x / y });
def('floor_divide', 2, homog(NOBOOL, 2), 'arith');
reg2('floor_divide', {
  n: pyFloorDivNum,
  big: pyFloorDivBig,
  f: (x: number, y: number) => floatDivmod(x, y)[0],
});
def('remainder', 2, homog(NOBOOL, 2), 'arith');
reg2('remainder', {
  n: pyModNum,
  big: pyModBig,
  f: (x: number, y: number) => floatDivmod(x, y)[1],
});
def('fmod', 2, homog(NOBOOL, 2), 'arith');
reg2('fmod', {
  n: (x: number, y: number) => (y === 0 ? 0 : x % y),
  big: (x: bigint, y: bigint) => (y === 0n ? 0n : x % y),
  f: (x: number, y: number) => x % y,
});
def('power', 2, homog(NOBOOL, 2), 'arith');
reg2('power', { n: powNum, big: powBig, f: powFloat });
def('float_power', 2, 'dd->d', 'arith');
reg2('float_power', { f: powFloat });
def(
  'divmod',
  2,
  NOBOOL.split(' ')
    .map((c) => `${c}${c}->${c}${c}`)
    .join(' '),
  'arith',
  2,
);
for (const l of UFUNC_DEFS.divmod!.loops) {
  const c = clsOf(l.ins[0] as DType);
  const k: Binary2Kernel =
    c === 'f'
      ? (n, x, ix, sx, y, iy, sy, o, io, so, p, ip, sp) => {
          for (let j = 0; j < n; j++) {
            const [q, r] = floatDivmod(x[ix + j * sx] as number, y[iy + j * sy] as number);
            o[io + j * so] = q;
            p[ip + j * sp] = r;
          }
        }
      : c === 'big'
        ? (n, x, ix, sx, y, iy, sy, o, io, so, p, ip, sp) => {
            for (let j = 0; j < n; j++) {
              const a = x[ix + j * sx] as bigint;
              const b = y[iy + j * sy] as bigint;
              o[io + j * so] = pyFloorDivBig(a, b);
              p[ip + j * sp] = pyModBig(a, b);
            }
          }
        : (n, x, ix, sx, y, iy, sy, o, io, so, p, ip, sp) => {
            for (let j = 0; j < n; j++) {
              const a = x[ix + j * sx] as number;
              const b = y[iy + j * sy] as number;
              o[io + j * so] = pyFloorDivNum(a, b);
              p[ip + j * sp] = pyModNum(a, b);
            }
          };
  registerKernel('divmod', l.key, 'ts', k);
}

def('negative', 1, homog(NOBOOL, 1), 'arith');
reg1('negative', { n: (x: number) => -x, big: (x: bigint) => -x, f: (x: number) => -x });
def('positive', 1, homog(NOBOOL, 1), 'arith');
reg1('positive', { n: (x: number) => x, big: (x: bigint) => x, f: (x: number) => x });
def('absolute', 1, homog(ALL, 1), 'arith');
reg1('absolute', {
  b: (x: number) => x,
  n: (x: number) => Math.abs(x),
  big: (x: bigint) => (x < 0n ? -x : x),
  f: (x: number) => Math.abs(x),
});
def('fabs', 1, homog(FLT, 1), 'float');
reg1('fabs', { f: (x: number) => Math.abs(x) });
def('sign', 1, homog(NOBOOL, 1), 'arith');
reg1('sign', {
  n: (x: number) => (x > 0 ? 1 : x < 0 ? -1 : 0),
  big: (x: bigint) => (x > 0n ? 1n : x < 0n ? -1n : 0n),
  f: (x: number) => (x > 0 ? 1 : x < 0 ? -1 : x === 0 ? 0 : x),
});
def('reciprocal', 1, homog(NOBOOL, 1), 'arith');
reg1('reciprocal', {
  factory: true,
  n: (d: DType) => {
    // NumPy computes 1/x for integers; 1/0 gives INT_MIN for int32/int64 and 0 for the others.
    const zero = d === 'int32' ? -2147483648 : 0;
    return ((x: number) => (x === 0 ? zero : x === 1 ? 1 : x === -1 ? -1 : 0)) as E1;
  },
  big: (d: DType) => {
    const zero = d === 'int64' ? -(1n << 63n) : 0n;
    return ((x: bigint) =>
      x === 0n ? zero : x === 1n ? 1n : x === -1n && d === 'int64' ? -1n : 0n) as E1;
  },
  f: (_d: DType) => ((x: number) => 1 / x) as E1,
});
def('square', 1, homog(NOBOOL, 1), 'arith');
reg1('square', {
  n: (x: number) => Math.imul(x, x),
  big: (x: bigint) => x * x,
  f: (x: number) => x * x,
});

// --- floats -----------------------------------------------------------------------------------
const D2R = Math.PI / 180;
const R2D = 180 / Math.PI;
const FLOAT1: Record<string, (x: number) => number> = {
  sqrt: Math.sqrt,
  cbrt: Math.cbrt,
  exp: Math.exp,
  exp2: (x) => Math.pow(2, x),
  expm1: Math.expm1,
  log: Math.log,
  log2: Math.log2,
  log10: Math.log10,
  log1p: Math.log1p,
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
  arcsin: Math.asin,
  arccos: Math.acos,
  arctan: Math.atan,
  sinh: Math.sinh,
  cosh: Math.cosh,
  tanh: Math.tanh,
  arcsinh: Math.asinh,
  arccosh: Math.acosh,
  arctanh: Math.atanh,
  deg2rad: (x) => x * D2R,
  rad2deg: (x) => x * R2D,
  radians: (x) => x * D2R,
  degrees: (x) => x * R2D,
  rint,
};
for (const [name, f] of Object.entries(FLOAT1)) {
  def(name, 1, homog(FLT, 1), 'float');
  reg1(name, { f: f });
}
const FLOAT2: Record<string, (x: number, y: number) => number> = {
  logaddexp,
  logaddexp2,
  arctan2: Math.atan2,
  hypot: Math.hypot,
  copysign,
  heaviside: (x, h) => (x < 0 ? 0 : x > 0 ? 1 : x === 0 ? h : x),
};
for (const [name, f] of Object.entries(FLOAT2)) {
  def(name, 2, homog(FLT, 2), 'float');
  reg2(name, { f: f });
}

// --- rounding (integer loops are the identity) ------------------------------------------------
const ident = {
  b: ((x: number) => x) as E1,
  n: ((x: number) => x) as E1,
  big: ((x: bigint) => x) as E1,
};
def('floor', 1, homog(ALL, 1), 'arith');
reg1('floor', { ...ident, f: Math.floor });
def('ceil', 1, homog(ALL, 1), 'arith');
reg1('ceil', { ...ident, f: Math.ceil });
def('trunc', 1, homog(ALL, 1), 'arith');
reg1('trunc', { ...ident, f: Math.trunc });

// --- extrema ----------------------------------------------------------------------------------
const bigMax = ((x: bigint, y: bigint) => (x > y ? x : y)) as E2;
const bigMin = ((x: bigint, y: bigint) => (x < y ? x : y)) as E2;
def('maximum', 2, homog(ALL, 2), 'arith');
reg2('maximum', {
  b: (x: number, y: number) => x | y,
  n: (x: number, y: number) => (x > y ? x : y),
  big: bigMax,
  f: maxNan,
});
def('minimum', 2, homog(ALL, 2), 'arith');
reg2('minimum', {
  b: (x: number, y: number) => x & y,
  n: (x: number, y: number) => (x < y ? x : y),
  big: bigMin,
  f: minNan,
});
def('fmax', 2, homog(ALL, 2), 'arith');
reg2('fmax', {
  b: (x: number, y: number) => x | y,
  n: (x: number, y: number) => (x > y ? x : y),
  big: bigMax,
  f: fmaxF,
});
def('fmin', 2, homog(ALL, 2), 'arith');
reg2('fmin', {
  b: (x: number, y: number) => x & y,
  n: (x: number, y: number) => (x < y ? x : y),
  big: bigMin,
  f: fminF,
});
def('clip', 3, homog(ALL, 3), 'arith');
for (const l of UFUNC_DEFS.clip!.loops) {
  const c = clsOf(l.ins[0] as DType);
  const f: E3 =
    c === 'f'
      ? (x: number, lo: number, hi: number) => minNan(maxNan(x, lo), hi)
      : c === 'big'
        ? (x: bigint, lo: bigint, hi: bigint) => {
            const m = x > lo ? x : lo;
            return m < hi ? m : hi;
          }
        : (x: number, lo: number, hi: number) => {
            const m = x > lo ? x : lo;
            return m < hi ? m : hi;
          };
  registerKernel('clip', l.key, 'ts', k3(f));
}

// --- comparisons (→ bool; int64 × uint64 compare exactly) -------------------------------------
const CMP_SIGS = homog(INTS, 2, '?') + ' lL->? Ll->? ' + homog(FLT, 2, '?');
const CMP: Record<string, (x: Num, y: Num) => boolean> = {
  equal: (x, y) => x === y,
  not_equal: (x, y) => x !== y,
  less: (x, y) => x < y,
  less_equal: (x, y) => x <= y,
  greater: (x, y) => x > y,
  greater_equal: (x, y) => x >= y,
};
for (const [name, f] of Object.entries(CMP)) {
  def(name, 2, CMP_SIGS, 'compare');
  const g = ((x: Num, y: Num) => b2n(f(x, y))) as E2;
  for (const l of UFUNC_DEFS[name]!.loops) registerKernel(name, l.key, 'ts', k2(g));
}

// --- logical (→ bool) -------------------------------------------------------------------------
const truthy = (x: Num): boolean => x !== 0 && x !== 0n;
const LOGIC: Record<string, (x: boolean, y: boolean) => boolean> = {
  logical_and: (x, y) => x && y,
  logical_or: (x, y) => x || y,
  logical_xor: (x, y) => x !== y,
};
for (const [name, f] of Object.entries(LOGIC)) {
  def(name, 2, homog(ALL, 2, '?'), 'logical');
  const g = ((x: Num, y: Num) => b2n(f(truthy(x), truthy(y)))) as E2;
  for (const l of UFUNC_DEFS[name]!.loops) registerKernel(name, l.key, 'ts', k2(g));
}
def('logical_not', 1, homog(ALL, 1, '?'), 'logical');
for (const l of UFUNC_DEFS.logical_not!.loops)
  registerKernel(
    'logical_not',
    l.key,
    'ts',
    k1((x: Num) => b2n(!truthy(x))),
  );

// --- bitwise ----------------------------------------------------------------------------------
def('bitwise_and', 2, homog(INTS, 2), 'bitwise');
reg2('bitwise_and', { n: (x: number, y: number) => x & y, big: (x: bigint, y: bigint) => x & y });
def('bitwise_or', 2, homog(INTS, 2), 'bitwise');
reg2('bitwise_or', { n: (x: number, y: number) => x | y, big: (x: bigint, y: bigint) => x | y });
def('bitwise_xor', 2, homog(INTS, 2), 'bitwise');
reg2('bitwise_xor', { n: (x: number, y: number) => x ^ y, big: (x: bigint, y: bigint) => x ^ y });
def('invert', 1, homog(INTS, 1), 'bitwise');
reg1('invert', { b: (x: number) => x ^ 1, n: (x: number) => ~x, big: (x: bigint) => ~x });
def('left_shift', 2, homog(INTS_NOBOOL, 2), 'bitwise');
reg2('left_shift', {
  factory: true,
  n: (d: DType) => {
    const bits = DTYPE_INFO[d].bits;
    return ((x: number, y: number) =>
      y >= bits || y < 0 ? 0 : bits === 32 ? x << y : x * 2 ** y) as E2;
  },
  big: (_d: DType) =>
    ((x: bigint, y: bigint) => (y >= 64n || y < 0n ? 0n : BigInt.asUintN(64, x << y))) as E2,
});
def('right_shift', 2, homog(INTS_NOBOOL, 2), 'bitwise');
reg2('right_shift', {
  factory: true,
  n: (d: DType) => {
    const bits = DTYPE_INFO[d].bits;
    const unsigned = DTYPE_INFO[d].kind === 'u';
    if (unsigned) return ((x: number, y: number) => (y >= bits || y < 0 ? 0 : x >>> y)) as E2;
    return ((x: number, y: number) => (y >= bits || y < 0 ? (x < 0 ? -1 : 0) : x >> y)) as E2;
  },
  big: (_d: DType) =>
    ((x: bigint, y: bigint) => (y >= 64n || y < 0n ? (x < 0n ? -1n : 0n) : x >> y)) as E2,
});

// --- predicates (→ bool) ----------------------------------------------------------------------
const PRED: Record<string, [(x: number) => boolean, boolean]> = {
  isnan: [(x) => x !== x, false],
  isinf: [(x) => x === Infinity || x === -Infinity, false],
  isfinite: [(x) => Number.isFinite(x), true],
};
for (const [name, [f, intValue]] of Object.entries(PRED)) {
  def(name, 1, homog(ALL, 1, '?'), 'predicate');
  for (const l of UFUNC_DEFS[name]!.loops) {
    const c = clsOf(l.ins[0] as DType);
    const g = c === 'f' ? (((x: number) => b2n(f(x))) as E1) : (((_x: Num) => b2n(intValue)) as E1);
    registerKernel(name, l.key, 'ts', k1(g));
  }
}
def('signbit', 1, homog(FLT, 1, '?'), 'predicate');
for (const l of UFUNC_DEFS.signbit!.loops)
  registerKernel(
    'signbit',
    l.key,
    'ts',
    k1((x: number) => b2n(x < 0 || Object.is(x, -0))),
  );

// ---------------------------------------------------------------------------------------------
// Hand-specialized kernels for the hottest loops (no per-element closure call; V8 keeps each
// loop's feedback separate). Same semantics as the generic kernels above, which they replace.

type NumStore = { [i: number]: number };
const HOT2: Record<string, BinaryKernel> = {
  add: (n, x, ix, sx, y, iy, sy, o, io, so) => {
    const a = x as NumStore,
      b = y as NumStore,
      c = o as NumStore;
    for (let j = 0; j < n; j++) c[io + j * so] = a[ix + j * sx]! + b[iy + j * sy]!;
  },
  subtract: (n, x, ix, sx, y, iy, sy, o, io, so) => {
    const a = x as NumStore,
      b = y as NumStore,
      c = o as NumStore;
    for (let j = 0; j < n; j++) c[io + j * so] = a[ix + j * sx]! - b[iy + j * sy]!;
  },
  true_divide: (n, x, ix, sx, y, iy, sy, o, io, so) => {
    const a = x as NumStore,
      b = y as NumStore,
      c = o as NumStore;
    for (let j = 0; j < n; j++) c[io + j * so] = a[ix + j * sx]! / b[iy + j * sy]!;
  },
  less: (n, x, ix, sx, y, iy, sy, o, io, so) => {
    const a = x as NumStore,
      b = y as NumStore,
      c = o as NumStore;
    for (let j = 0; j < n; j++) c[io + j * so] = a[ix + j * sx]! < b[iy + j * sy]! ? 1 : 0;
  },
  less_equal: (n, x, ix, sx, y, iy, sy, o, io, so) => {
    const a = x as NumStore,
      b = y as NumStore,
      c = o as NumStore;
    for (let j = 0; j < n; j++) c[io + j * so] = a[ix + j * sx]! <= b[iy + j * sy]! ? 1 : 0;
  },
  greater: (n, x, ix, sx, y, iy, sy, o, io, so) => {
    const a = x as NumStore,
      b = y as NumStore,
      c = o as NumStore;
    for (let j = 0; j < n; j++) c[io + j * so] = a[ix + j * sx]! > b[iy + j * sy]! ? 1 : 0;
  },
  greater_equal: (n, x, ix, sx, y, iy, sy, o, io, so) => {
    const a = x as NumStore,
      b = y as NumStore,
      c = o as NumStore;
    for (let j = 0; j < n; j++) c[io + j * so] = a[ix + j * sx]! >= b[iy + j * sy]! ? 1 : 0;
  },
  equal: (n, x, ix, sx, y, iy, sy, o, io, so) => {
    const a = x as NumStore,
      b = y as NumStore,
      c = o as NumStore;
    for (let j = 0; j < n; j++) c[io + j * so] = a[ix + j * sx]! === b[iy + j * sy]! ? 1 : 0;
  },
  not_equal: (n, x, ix, sx, y, iy, sy, o, io, so) => {
    const a = x as NumStore,
      b = y as NumStore,
      c = o as NumStore;
    for (let j = 0; j < n; j++) c[io + j * so] = a[ix + j * sx]! !== b[iy + j * sy]! ? 1 : 0;
  },
};
const mulF: BinaryKernel = (n, x, ix, sx, y, iy, sy, o, io, so) => {
  const a = x as NumStore,
    b = y as NumStore,
    c = o as NumStore;
  for (let j = 0; j < n; j++) c[io + j * so] = a[ix + j * sx]! * b[iy + j * sy]!;
};
const mulI: BinaryKernel = (n, x, ix, sx, y, iy, sy, o, io, so) => {
  const a = x as NumStore,
    b = y as NumStore,
    c = o as NumStore;
  for (let j = 0; j < n; j++) c[io + j * so] = Math.imul(a[ix + j * sx]!, b[iy + j * sy]!);
};
const HOT1: Record<string, UnaryKernel> = {
  sqrt: (n, x, ix, sx, o, io, so) => {
    const a = x as NumStore,
      c = o as NumStore;
    for (let j = 0; j < n; j++) c[io + j * so] = Math.sqrt(a[ix + j * sx]!);
  },
  exp: (n, x, ix, sx, o, io, so) => {
    const a = x as NumStore,
      c = o as NumStore;
    for (let j = 0; j < n; j++) c[io + j * so] = Math.exp(a[ix + j * sx]!);
  },
  negative: (n, x, ix, sx, o, io, so) => {
    const a = x as NumStore,
      c = o as NumStore;
    for (let j = 0; j < n; j++) c[io + j * so] = -a[ix + j * sx]!;
  },
};
for (const [op, k] of Object.entries(HOT2)) {
  for (const l of UFUNC_DEFS[op]!.loops) {
    const c = clsOf(l.ins[0]!);
    if (l.key === l.ins[0] && (c === 'n' || c === 'f')) registerKernel(op, l.key, 'ts', k);
  }
}
for (const l of UFUNC_DEFS.multiply!.loops) {
  const c = clsOf(l.ins[0]!);
  if (c === 'n' || c === 'f') registerKernel('multiply', l.key, 'ts', c === 'f' ? mulF : mulI);
}
for (const [op, k] of Object.entries(HOT1)) {
  for (const l of UFUNC_DEFS[op]!.loops) {
    const c = clsOf(l.ins[0]!);
    if (c === 'n' || c === 'f') registerKernel(op, l.key, 'ts', k);
  }
}
// float64/float32 exp, log, sin, cos: the TS twins of native/math.ts (vmath.ts)
for (const [op, d, k] of VMATH_TS_KERNELS) registerKernel(op, d, 'ts', k);
// float32 exp, log, sin, cos in float32 arithmetic (vmath32.ts, twins of native/math32.ts)
for (const [op, d, k] of VMATH32_TS_KERNELS) registerKernel(op, d, 'ts', k);
// float64/float32 tan, tanh, power: the TS twins of native/mathx.ts (vmathx.ts)
for (const [op, d, k] of VMATHX_TS_UNARY) registerKernel(op, d, 'ts', k);
for (const [op, d, k] of VMATHX_TS_BINARY) registerKernel(op, d, 'ts', k);

// ---------------------------------------------------------------------------------------------
// gcd, lcm, ldexp, frexp, modf, nextafter, spacing

const gcdNum = (a: number, b: number): number => {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b !== 0) [a, b] = [b, a % b];
  return a;
};
const gcdBig = (a: bigint, b: bigint): bigint => {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
};
def('gcd', 2, homog(INTS_NOBOOL, 2), 'other');
reg2('gcd', { n: gcdNum, big: gcdBig });
def('lcm', 2, homog(INTS_NOBOOL, 2), 'other');
reg2('lcm', {
  n: (a: number, b: number) => {
    const g = gcdNum(a, b);
    return g === 0 ? 0 : Math.imul(Math.abs(a) / g, Math.abs(b));
  },
  big: (a: bigint, b: bigint) => {
    const g = gcdBig(a, b);
    return g === 0n ? 0n : ((a < 0n ? -a : a) / g) * (b < 0n ? -b : b);
  },
});

/** x·2^e without intermediate overflow of 2^e. */
export const ldexpF = (x: number, e: number): number => {
  if (x === 0 || !Number.isFinite(x)) return x;
  e = Math.max(-2200, Math.min(2200, e));
  while (e > 1000) {
    x *= 2 ** 1000;
    e -= 1000;
  }
  while (e < -1000) {
    x *= 2 ** -1000;
    e += 1000;
  }
  return x * 2 ** e;
};
def('ldexp', 2, 'fi->f fl->f di->d dl->d', 'other');
for (const l of UFUNC_DEFS.ldexp!.loops) {
  const big = l.ins[1] === 'int64';
  registerKernel(
    'ldexp',
    l.key,
    'ts',
    k2(big ? (x: number, e: bigint) => ldexpF(x, Number(e)) : ldexpF),
  );
}

const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);
const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** [mantissa in [0.5, 1), exponent] with x = m·2^e (C's frexp). */
export const frexpF = (x: number): [number, number] => {
  if (x === 0 || !Number.isFinite(x)) return [x, 0];
  let adj = 0;
  if (Math.abs(x) < 2 ** -1000) {
    x *= 2 ** 64;
    adj = -64;
  }
  f64[0] = x;
  const bits = u64[0]!;
  const exp = Number((bits >> 52n) & 0x7ffn);
  const e = exp - 1022;
  u64[0] = (bits & ~(0x7ffn << 52n)) | (1022n << 52n);
  return [f64[0], e + adj];
};
def('frexp', 1, 'f->fi d->di', 'other', 2);
const frexpK: Unary2Kernel = (n, x, ix, sx, o, io, so, p, ip, sp) => {
  for (let j = 0; j < n; j++) {
    const [m, e] = frexpF(x[ix + j * sx] as number);
    o[io + j * so] = m;
    p[ip + j * sp] = e;
  }
};
for (const l of UFUNC_DEFS.frexp!.loops) registerKernel('frexp', l.key, 'ts', frexpK);
def('modf', 1, 'f->ff d->dd', 'other', 2);
const modfK: Unary2Kernel = (n, x, ix, sx, o, io, so, p, ip, sp) => {
  for (let j = 0; j < n; j++) {
    const v = x[ix + j * sx] as number;
    o[io + j * so] = v === Infinity ? 0 : v === -Infinity ? -0 : v % 1;
    p[ip + j * sp] = Math.trunc(v);
  }
};
for (const l of UFUNC_DEFS.modf!.loops) registerKernel('modf', l.key, 'ts', modfK);

/** The next float64 after x toward y (C's nextafter). */
export const nextafter64 = (x: number, y: number): number => {
  if (x !== x || y !== y) return NaN;
  if (x === y) return y;
  if (x === 0) return y > 0 ? 5e-324 : -5e-324;
  f64[0] = x;
  u64[0] = x < y === x > 0 ? u64[0]! + 1n : u64[0]! - 1n;
  return f64[0];
};
/** The next float32 after x toward y (x, y already float32 values). */
export const nextafter32 = (x: number, y: number): number => {
  if (x !== x || y !== y) return NaN;
  if (x === y) return y;
  if (x === 0) return y > 0 ? 2 ** -149 : -(2 ** -149);
  f32[0] = x;
  u32[0] = x < y === x > 0 ? u32[0]! + 1 : u32[0]! - 1;
  return f32[0];
};
def('nextafter', 2, homog(FLT, 2), 'float');
registerKernel('nextafter', 'float32', 'ts', k2(nextafter32));
registerKernel('nextafter', 'float64', 'ts', k2(nextafter64));
const spacing =
  (next: (x: number, y: number) => number) =>
  (x: number): number => {
    if (!Number.isFinite(x)) return NaN;
    const to = x < 0 || Object.is(x, -0) ? -Infinity : Infinity;
    return next(x, to) - x;
  };
def('spacing', 1, homog(FLT, 1), 'float');
registerKernel('spacing', 'float32', 'ts', k1(spacing(nextafter32)));
registerKernel('spacing', 'float64', 'ts', k1(spacing(nextafter64)));

// ---------------------------------------------------------------------------------------------
// int64/uint64 fast paths: exact 64-bit arithmetic on (lo, hi) int32 halves of the same memory,
// without allocating a BigInt per element (the default integer dtype is int64).

const halves = (s: Store): Int32Array => new Int32Array((s as unknown as BigInt64Array).buffer);
type Half2 = (al: number, ah: number, bl: number, bh: number, c: Int32Array, k: number) => void;
const k64 =
  (f: Half2): BinaryKernel =>
  (n, x, ix, sx, y, iy, sy, o, io, so) => {
    const a = halves(x);
    const b = halves(y);
    const c = halves(o);
    for (let j = 0; j < n; j++) {
      const p = 2 * (ix + j * sx);
      const q = 2 * (iy + j * sy);
      f(a[p]!, a[p + 1]!, b[q]!, b[q + 1]!, c, 2 * (io + j * so));
    }
  };
/** A comparison kernel for 64-bit ints writing bool (0/1) bytes. */
const c64 =
  (cmp: (al: number, ah: number, bl: number, bh: number) => boolean): BinaryKernel =>
  (n, x, ix, sx, y, iy, sy, o, io, so) => {
    const a = halves(x);
    const b = halves(y);
    for (let j = 0; j < n; j++) {
      const p = 2 * (ix + j * sx);
      const q = 2 * (iy + j * sy);
      o[io + j * so] = cmp(a[p]!, a[p + 1]!, b[q]!, b[q + 1]!) ? 1 : 0;
    }
  };
const add64: Half2 = (al, ah, bl, bh, c, k) => {
  const lo = (al >>> 0) + (bl >>> 0);
  c[k] = lo | 0;
  c[k + 1] = (ah + bh + (lo > 0xffffffff ? 1 : 0)) | 0;
};
const sub64: Half2 = (al, ah, bl, bh, c, k) => {
  const lo = (al >>> 0) - (bl >>> 0);
  c[k] = lo | 0;
  c[k + 1] = (ah - bh - (lo < 0 ? 1 : 0)) | 0;
};
const and64: Half2 = (al, ah, bl, bh, c, k) => {
  c[k] = al & bl;
  c[k + 1] = ah & bh;
};
const or64: Half2 = (al, ah, bl, bh, c, k) => {
  c[k] = al | bl;
  c[k + 1] = ah | bh;
};
const xor64: Half2 = (al, ah, bl, bh, c, k) => {
  c[k] = al ^ bl;
  c[k + 1] = ah ^ bh;
};
// a < b for signed (hi compared signed) or unsigned (hi compared unsigned) 64-bit values
const ltS = (al: number, ah: number, bl: number, bh: number): boolean =>
  ah < bh || (ah === bh && al >>> 0 < bl >>> 0);
const ltU = (al: number, ah: number, bl: number, bh: number): boolean =>
  ah >>> 0 < bh >>> 0 || (ah === bh && al >>> 0 < bl >>> 0);
const eq64 = (al: number, ah: number, bl: number, bh: number): boolean => al === bl && ah === bh;
const max64 =
  (lt: typeof ltS): Half2 =>
  (al, ah, bl, bh, c, k) => {
    const takeB = lt(al, ah, bl, bh);
    c[k] = takeB ? bl : al;
    c[k + 1] = takeB ? bh : ah;
  };
const min64 =
  (lt: typeof ltS): Half2 =>
  (al, ah, bl, bh, c, k) => {
    const takeB = lt(bl, bh, al, ah);
    c[k] = takeB ? bl : al;
    c[k + 1] = takeB ? bh : ah;
  };
for (const d of ['int64', 'uint64'] as const) {
  const lt = d === 'int64' ? ltS : ltU;
  registerKernel('add', d, 'ts', k64(add64));
  registerKernel('subtract', d, 'ts', k64(sub64));
  registerKernel('bitwise_and', d, 'ts', k64(and64));
  registerKernel('bitwise_or', d, 'ts', k64(or64));
  registerKernel('bitwise_xor', d, 'ts', k64(xor64));
  for (const op of ['maximum', 'fmax']) registerKernel(op, d, 'ts', k64(max64(lt)));
  for (const op of ['minimum', 'fmin']) registerKernel(op, d, 'ts', k64(min64(lt)));
  registerKernel('less', d, 'ts', c64(lt));
  registerKernel(
    'greater',
    d,
    'ts',
    c64((al, ah, bl, bh) => lt(bl, bh, al, ah)),
  );
  registerKernel(
    'less_equal',
    d,
    'ts',
    c64((al, ah, bl, bh) => !lt(bl, bh, al, ah)),
  );
  registerKernel(
    'greater_equal',
    d,
    'ts',
    c64((al, ah, bl, bh) => !lt(al, ah, bl, bh)),
  );
  registerKernel('equal', d, 'ts', c64(eq64));
  registerKernel(
    'not_equal',
    d,
    'ts',
    c64((al, ah, bl, bh) => !eq64(al, ah, bl, bh)),
  );
}
// add/subtract spelled out (no per-element call) for the most common int64 loops
const add64K: BinaryKernel = (n, x, ix, sx, y, iy, sy, o, io, so) => {
  const a = halves(x);
  const b = halves(y);
  const c = halves(o);
  for (let j = 0; j < n; j++) {
    const p = 2 * (ix + j * sx);
    const q = 2 * (iy + j * sy);
    const r = 2 * (io + j * so);
    const lo = (a[p]! >>> 0) + (b[q]! >>> 0);
    c[r] = lo | 0;
    c[r + 1] = (a[p + 1]! + b[q + 1]! + (lo > 0xffffffff ? 1 : 0)) | 0;
  }
};
const sub64K: BinaryKernel = (n, x, ix, sx, y, iy, sy, o, io, so) => {
  const a = halves(x);
  const b = halves(y);
  const c = halves(o);
  for (let j = 0; j < n; j++) {
    const p = 2 * (ix + j * sx);
    const q = 2 * (iy + j * sy);
    const r = 2 * (io + j * so);
    const lo = (a[p]! >>> 0) - (b[q]! >>> 0);
    c[r] = lo | 0;
    c[r + 1] = (a[p + 1]! - b[q + 1]! - (lo < 0 ? 1 : 0)) | 0;
  }
};
for (const d of ['int64', 'uint64']) {
  registerKernel('add', d, 'ts', add64K);
  registerKernel('subtract', d, 'ts', sub64K);
}
