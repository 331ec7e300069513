/**
 * The ufunc machinery around the kernels of ufunc_kernels.ts, as in NumPy:
 *   1. inputs → arrays (strong) or JS numbers (weak scalars, NEP 50: weak int when
 *      Number.isInteger, else weak float; bigint is a weak int; booleans are strong bool);
 *   2. type resolution: NEP 50 promotion, then the first loop of the ufunc's table every input
 *      casts to safely (or, with `dtype=`, the first loop producing that dtype), casting checks;
 *   3. broadcasting of inputs, `out` and `where` (NumPy's error texts);
 *   4. output allocation in the inputs' memory order (NumPy's order='K' axis sort);
 *   5. the strided 1-D kernel over the collapsed loop; `where=` and casts into `out` through a
 *      temporary.
 *
 * Internal API for other areas: `binary(op, x, y, opts)`, `unary(op, x, opts)` and
 * `applyUfunc(op, inputs, opts)` always return arrays (0-d stays 0-d); the public np.* functions
 * return JS scalars for 0-d results, as NumPy returns numpy scalars.
 */
import {
  canCast,
  DTYPE_INFO,
  intRange,
  normalizeDtype,
  promoteSequence,
  promoteTypes,
  type Casting,
  type DType,
} from './dtype';
import { NotImplementedError, NumPyError, OverflowError, TypeError_, ValueError } from './errors';
import {
  bestAxisOrder,
  broadcastShapes,
  collapse,
  loop,
  operand,
  shapeStrTight,
  walkRuns,
  type Collapsed,
  type Operand,
} from './iter';
import {
  NDArray,
  cStrides,
  fStrides,
  isNDArray,
  shapeSize,
  type ArrayLike,
  type Scalar,
} from './ndarray';
import {
  asarray,
  checkIntFits,
  converter,
  copyArray,
  copyInto,
  scalarToStorage,
  toJS,
} from './convert';
import { WasmBuffer, untracked } from './memory';
import { allInMemory } from './wasm/inmem';
import {
  getKernel,
  kernelEpoch,
  UFUNC_DEFS,
  type Kernel,
  type NativeLoop,
  type Binary2Kernel,
  type BinaryKernel,
  type Loop,
  type Store,
  type TernaryKernel,
  type UfuncDef,
  type UnaryKernel,
  type Unary2Kernel,
} from './ufunc_kernels';

export interface UfuncOptions {
  /** Output array(s): an array, or an array of arrays/null (one per output, NumPy's tuple). */
  out?: NDArray | readonly (NDArray | null | undefined)[] | null;
  /** Mask: where false, the output keeps its previous value (zero for a fresh output). */
  where?: ArrayLike;
  /** The loop's output dtype (NumPy's `dtype=`). */
  dtype?: string | null;
  /** Casting rule for inputs and outputs, 'same_kind' by default. */
  casting?: Casting;
  /** Memory order of a fresh output: 'K' (as the inputs, default), 'C', 'F', 'A'. */
  order?: 'K' | 'C' | 'F' | 'A';
  subok?: boolean;
  /** Not supported (NotImplementedError); use `dtype`. */
  signature?: null;
}

const CASTINGS = ['no', 'equiv', 'safe', 'same_kind', 'unsafe'];
const KNOWN_OPTS = new Set(['out', 'where', 'dtype', 'casting', 'order', 'subok', 'signature']);
const ORDERS = ['K', 'C', 'F', 'A'];

/** NumPy's public names of ufuncs in messages (`np.true_divide.__name__ == 'divide'`). */
const DISPLAY: Record<string, string> = { true_divide: 'divide' };
export const ufuncName = (op: string): string => DISPLAY[op] ?? op;

/** One classified input: an array (strong dtype) or a weak Python-like scalar. */
export type Input =
  { kind: 'array'; a: NDArray } | { kind: 'weak'; v: number | bigint; int: boolean };

export function classify(x: unknown): Input {
  if (isNDArray(x)) return { kind: 'array', a: x };
  if (typeof x === 'number') return { kind: 'weak', v: x, int: Number.isInteger(x) };
  if (typeof x === 'bigint') return { kind: 'weak', v: x, int: true };
  return { kind: 'array', a: asarray(x as ArrayLike) };
}

/** NEP 50 result dtype of classified inputs (weak scalars adapt to the strong dtypes). */
export function nep50(ins: readonly Input[]): DType {
  const strongs: DType[] = [];
  let weakInt = false;
  let weakFloat = false;
  for (const i of ins) {
    if (i.kind === 'array') strongs.push(i.a.dtype);
    else if (i.int) weakInt = true;
    else weakFloat = true;
  }
  const strong = strongs.length > 0 ? promoteSequence(strongs) : null;
  if (strong === null) return weakFloat ? 'float64' : 'int64';
  const k = DTYPE_INFO[strong].kind;
  if (weakFloat) return k === 'f' ? strong : 'float64';
  if (weakInt) return k === 'b' ? 'int64' : strong;
  return strong;
}

const fits = (v: number | bigint, d: DType): boolean => {
  const [lo, hi] = intRange(d);
  const b = typeof v === 'bigint' ? v : BigInt(v);
  return b >= lo && b <= hi;
};

/** NumPy's DType class repr in messages: `<class 'numpy.dtypes.Int8DType'>`. */
const dtypeClass = (d: DType): string => {
  const n =
    d === 'bool'
      ? 'Bool'
      : d.startsWith('uint')
        ? 'UInt' + d.slice(4)
        : d[0]!.toUpperCase() + d.slice(1);
  return `<class 'numpy.dtypes.${n}DType'>`;
};

export interface Resolution {
  loop: Loop;
  /** The dtype each input is taken as before casting to the loop (weak scalars: NEP 50's). */
  eff: DType[];
}

const noSafeLoop = (name: string): NumPyError =>
  TypeError_(
    `ufunc '${name}' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''`,
  );

/** Picks the loop for a ufunc call (NumPy's type resolution with NEP 50 weak scalars). */
export function resolveLoop(
  def: UfuncDef,
  ins: readonly Input[],
  dtype: DType | null,
  casting: Casting,
): Resolution {
  const name = ufuncName(def.name);
  const P = nep50(ins);
  const eff = ins.map((i) => (i.kind === 'array' ? i.a.dtype : P));
  if (def.name === 'ldexp') {
    // mixed-type loops: a Python int exponent is a C long, a Python float a double
    ins.forEach((i, k) => {
      if (i.kind === 'weak') eff[k] = i.int ? 'int64' : 'float64';
    });
  }
  if ((def.name === 'gcd' || def.name === 'lcm') && dtype === null) {
    if (
      ins.some((i) => (i.kind === 'array' ? !'iu'.includes(DTYPE_INFO[i.a.dtype].kind) : !i.int))
    ) {
      const cls = ins.map((i) =>
        i.kind === 'array'
          ? dtypeClass(i.a.dtype)
          : `<class 'numpy.dtypes._Py${i.int ? 'Long' : 'Float'}DType'>`,
      );
      throw TypeError_(
        `ufunc '${name}' did not contain a loop with signature matching types (${cls.join(', ')}) -> None`,
      );
    }
  }
  if (def.kind === 'compare' && DTYPE_INFO[P].kind !== 'f' && DTYPE_INFO[P].kind !== 'b') {
    // NumPy compares Python ints with integer arrays exactly, even out of the dtype's range.
    ins.forEach((i, k) => {
      if (i.kind === 'weak' && i.int && !fits(i.v, P)) {
        eff[k] = fits(i.v, 'int64') ? 'int64' : fits(i.v, 'uint64') ? 'uint64' : 'float64';
      }
    });
  }
  const allBool = eff.every((d) => d === 'bool');
  if ((allBool && dtype === null) || dtype === 'bool') {
    if (def.name === 'subtract') {
      throw TypeError_(
        'numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.',
      );
    }
    if (def.name === 'negative') {
      throw TypeError_(
        'The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead.',
      );
    }
    if (def.name === 'sign' || def.name === 'positive') {
      const outCls = dtype === null ? 'None' : dtypeClass('bool');
      throw TypeError_(
        `ufunc '${name}' did not contain a loop with signature matching types ${dtypeClass(eff[0] as DType)} -> ${outCls}`,
      );
    }
  }
  // NumPy's logical promoter: logical_and/or/xor on inputs of differing DTypes (a Python scalar
  // counts as its own DType) use the bool loop, the inputs cast to bool under any casting rule.
  if (def.kind === 'logical' && def.nin === 2 && (dtype === null || dtype === 'bool')) {
    const kinds = ins.map((i) => (i.kind === 'weak' ? (i.int ? 'int' : 'float') : i.a.dtype));
    const mixed = kinds.some((d) => d !== kinds[0]);
    const boolLoop = def.loops.find((l) => l.ins[0] === 'bool');
    if (mixed && boolLoop !== undefined) return { loop: boolLoop, eff };
  }
  let loop: Loop | undefined;
  if (dtype !== null) {
    // The loop the inputs pick by themselves when it already produces `dtype` (np.less(...,
    // dtype=bool)), else the first loop producing `dtype`.
    let natural: Loop | undefined;
    try {
      natural = resolveLoop(def, ins, null, 'unsafe').loop;
    } catch {
      natural = undefined;
    }
    loop = natural?.outs[0] === dtype ? natural : def.loops.find((l) => l.outs[0] === dtype);
    if (loop === undefined)
      throw TypeError_(
        `No loop matching the specified signature and casting was found for ufunc ${name}`,
      );
  } else if (def.name === 'true_divide' && eff.every((d) => DTYPE_INFO[d].kind !== 'f')) {
    loop = def.loops.find((l) => l.ins[0] === 'float64');
  } else {
    loop = def.loops.find((l) => l.ins.every((d, k) => canCast(eff[k] as DType, d, 'safe')));
  }
  if (loop === undefined) throw noSafeLoop(name);
  const found = loop;
  // Python ints are converted straight to the loop dtype and must fit it (NumPy's
  // OverflowError, raised before any casting check); logical ufuncs only look at truthiness.
  ins.forEach((i, k) => {
    const to = found.ins[k] as DType;
    if (
      i.kind === 'weak' &&
      i.int &&
      def.kind !== 'logical' &&
      DTYPE_INFO[to].kind !== 'f' &&
      DTYPE_INFO[to].kind !== 'b'
    ) {
      // NumPy converts through C long first (unsigned long long for uint64 loops)
      if (!fits(i.v, 'int64') && !(to === 'uint64' && fits(i.v, 'uint64'))) {
        throw OverflowError('Python int too large to convert to C long');
      }
      checkIntFits(i.v, to);
    }
  });
  // Casting checks: arrays from their dtype; Python floats (as float64) only into non-float loops.
  ins.forEach((i, k) => {
    const to = found.ins[k] as DType;
    let from: DType | null = eff[k] as DType;
    if (i.kind === 'weak') from = !i.int && DTYPE_INFO[to].kind !== 'f' ? 'float64' : null;
    if (from !== null && !canCast(from, to, casting)) {
      const which = def.nin > 1 ? `input ${k} ` : 'input ';
      throw TypeError_(
        `Cannot cast ufunc '${name}' ${which}from dtype('${from}') to dtype('${to}') with casting rule '${casting}'`,
      );
    }
  });
  return { loop: found, eff };
}

/**
 * nditer's order='K' axis permutation for a fresh array of `nd` dims (innermost axis first):
 * axes sorted by the operands' absolute strides (operands right-aligned, size-1 and broadcast axes
 * don't vote), C order where ambiguous (NumPy's npyiter_find_best_axis_ordering).
 */
export function keepOrderPerm(nd: number, operands: readonly NDArray[]): number[] {
  const strideSets = operands
    .filter((a) => a.ndim > 0)
    .map((a) => {
      const pad = nd - a.ndim;
      const s = new Array<number>(nd).fill(0);
      for (let i = 0; i < a.ndim; i++)
        s[pad + i] = a._shape[i] === 1 ? 0 : Math.abs(a._strides[i] as number);
      return s;
    });
  return bestAxisOrder(nd, strideSets); // innermost axis first
}

/**
 * A fresh array of `shape` laid out like the operands (NumPy's order='K': axes sorted by the
 * operands' absolute strides, C order where ambiguous; size-1 and broadcast axes don't vote).
 */
export function allocResult(
  shape: readonly number[],
  dtype: DType,
  operands: readonly NDArray[] = [],
  zero = false,
  order: 'K' | 'C' | 'F' | 'A' = 'K',
): NDArray {
  const nd = shape.length;
  const size = shapeSize(shape);
  if (order === 'A') {
    const arrays = operands.filter((a) => a.ndim > 0);
    order = arrays.length > 0 && arrays.every((a) => (a._contig() & 4) !== 0) ? 'F' : 'C';
  }
  if (order !== 'K') {
    const buffer = new WasmBuffer(size * DTYPE_INFO[dtype].itemsize, zero);
    const strides = order === 'F' ? fStrides(shape) : cStrides(shape);
    return new NDArray({ buffer, dtype, shape, strides, offset: 0, base: null, writeable: true });
  }
  const perm = keepOrderPerm(nd, operands);
  const strides = new Array<number>(nd).fill(0);
  if (size > 0) {
    let acc = 1;
    for (const ax of perm) {
      strides[ax] = acc;
      acc *= shape[ax] as number;
    }
  }
  const buffer = new WasmBuffer(size * DTYPE_INFO[dtype].itemsize, zero);
  return new NDArray({ buffer, dtype, shape, strides, offset: 0, base: null, writeable: true });
}

/**
 * Read-only 0-d arrays for the weak scalars of ufunc calls, cached (`a + 1` in a loop allocates
 * no buffer for the `1`). Kernels never write their inputs.
 */
const scalarCache = new Map<string, NDArray>();
function cachedScalar(v: Scalar, dtype: DType): NDArray {
  const key = `${dtype}:${typeof v === 'bigint' ? `${v}n` : Object.is(v, -0) ? '-0' : String(v)}`;
  let a = scalarCache.get(key);
  if (a === undefined) {
    a = untracked(() => scalarArray(v, dtype)); // cached: never freed by an np.tidy scope
    a._writeable = false;
    if (scalarCache.size >= 256) scalarCache.delete(scalarCache.keys().next().value as string);
    scalarCache.set(key, a);
  }
  return a;
}

/** A 0-d array holding a scalar converted (C-style) to `dtype`. */
export function scalarArray(v: Scalar, dtype: DType): NDArray {
  const a = NDArray.empty([], dtype, false);
  const s = scalarToStorage(v, dtype);
  (a._data() as unknown as Store)[a._start] = s;
  return a;
}

const sameView = (a: NDArray, b: NDArray): boolean =>
  a.buffer === b.buffer &&
  a._offset === b._offset &&
  sameShape(a._shape, b._shape) &&
  sameShape(a._strides, b._strides) &&
  a.dtype === b.dtype;

/** Copies src into dst (same shape) where mask (bool, broadcast) is true, casting. */
export function maskedCopy(dst: NDArray, src: NDArray, mask: NDArray | null): void {
  const shape = dst._shape;
  const conv = converter(src.dtype, dst.dtype) as ((x: number | bigint) => number | bigint) | null;
  const d = dst._data() as unknown as Store;
  const s = src._data() as unknown as Store;
  if (mask === null) {
    loop(shape, [operand(dst, shape), operand(src, shape)], (n, p, st) => {
      const [i0, i1] = p as [number, number];
      const [s0, s1] = st as [number, number];
      for (let j = 0; j < n; j++) {
        const v = s[i1 + j * s1] as number;
        d[i0 + j * s0] = conv === null ? v : conv(v);
      }
    });
    return;
  }
  const m = mask._data() as unknown as Store;
  loop(shape, [operand(dst, shape), operand(src, shape), operand(mask, shape)], (n, p, st) => {
    const [i0, i1, i2] = p as [number, number, number];
    const [s0, s1, s2] = st as [number, number, number];
    for (let j = 0; j < n; j++) {
      if (m[i2 + j * s2]) {
        const v = s[i1 + j * s1] as number;
        d[i0 + j * s0] = conv === null ? v : conv(v);
      }
    }
  });
}

/** Parses and validates ufunc options. */
function parseOptions(
  name: string,
  nout: number,
  opts: UfuncOptions,
  positionalOuts: unknown[],
): {
  outs: (NDArray | null)[];
  where: NDArray | null;
  dtype: DType | null;
  casting: Casting;
  order: 'K' | 'C' | 'F' | 'A';
} {
  for (const k of Object.keys(opts)) {
    if (!KNOWN_OPTS.has(k)) throw TypeError_(`${name}() got an unexpected keyword argument '${k}'`);
  }
  if (opts.signature !== undefined && opts.signature !== null) {
    throw NotImplementedError(`ndscope does not support signature= (use dtype=)`);
  }
  const order = opts.order ?? 'K';
  if (!ORDERS.includes(order)) {
    throw ValueError(`order must be one of 'C', 'F', 'A', or 'K' (got '${String(order)}')`);
  }
  const casting = opts.casting ?? 'same_kind';
  if (!CASTINGS.includes(casting)) {
    throw ValueError(
      `casting must be one of 'no', 'equiv', 'safe', 'same_kind', 'unsafe' (got '${String(casting)}')`,
    );
  }
  const dtype = opts.dtype === undefined || opts.dtype === null ? null : normalizeDtype(opts.dtype);
  let outs: (NDArray | null)[] = new Array<NDArray | null>(nout).fill(null);
  const o = opts.out;
  if (positionalOuts.length > 0) {
    if (o !== undefined && o !== null)
      throw TypeError_("cannot specify 'out' as both a positional and keyword argument");
    positionalOuts.forEach((x, k) => {
      if (x === null || x === undefined) return;
      if (!isNDArray(x)) throw TypeError_('return arrays must be of ArrayType');
      outs[k] = x;
    });
  } else if (o !== undefined && o !== null) {
    if (isNDArray(o)) {
      if (nout !== 1) throw TypeError_("'out' must be a tuple of arrays");
      outs[0] = o;
    } else if (Array.isArray(o)) {
      if (o.length !== nout)
        throw ValueError("The 'out' tuple must have exactly one entry per ufunc output");
      outs = o.map((x) => {
        if (x === null || x === undefined) return null;
        if (!isNDArray(x)) throw TypeError_('return arrays must be of ArrayType');
        return x;
      });
    } else {
      throw TypeError_(
        nout === 1 ? 'return arrays must be of ArrayType' : "'out' must be a tuple of arrays",
      );
    }
  }
  let where: NDArray | null = null;
  const w = opts.where;
  if (w !== undefined && w !== true) {
    if (isNDArray(w)) {
      if (!canCast(w.dtype, 'bool', 'safe'))
        throw TypeError_(
          `Cannot cast array data from dtype('${w.dtype}') to dtype('bool') according to the rule 'safe'`,
        );
      where = w;
    } else where = asarray(w, { dtype: 'bool' });
  }
  return { outs, where, dtype, casting, order };
}

// --- fast path ---------------------------------------------------------------------------------
// The common call: one or two inputs, each an ndarray (all of one shape, C-contiguous, ndim ≥ 1,
// already in the loop dtype) or a JS number, no options. It does what the general path does for
// it (NumPy's trivial loop: a C-ordered output, one kernel run over the whole buffer) without the
// per-call option parsing, broadcasting, iterator and closures. Loops are cached per
// (ufunc, input dtypes / weak-scalar kinds); a weak int is only taken when its value cannot change
// the resolution (it fits the loop dtype, and for comparisons the NEP 50 dtype).

interface FastEntry {
  lp: Loop;
  out: DType;
  /** Item size of the output dtype. */
  outItem: number;
  /** The kernel as of registry epoch `epoch`; its raw WASM loop when it has one. */
  kernel: Kernel | undefined;
  epoch: number;
  native: ((...args: number[]) => unknown) | null;
  zx: number;
  zo: number;
  /** Per input: the loop dtype; for weak ints the accepted value range. */
  lo0: number;
  hi0: number;
  lo1: number;
  hi1: number;
}

/** op → key of input 0 → key of input 1 ('' for unary) → entry (null: never fast). */
const fastCache = new Map<string, Map<string, Map<string, FastEntry | null>>>();
const WEAK_INT = 'int';
const WEAK_FLOAT = 'float';

/** Cached read-only 0-d arrays of weak scalars, by loop dtype and value (never -0). */
const numScalars = new Map<DType, Map<number, NDArray>>();
function fastScalar(v: number, dt: DType): NDArray {
  let m = numScalars.get(dt);
  if (m === undefined) {
    m = new Map();
    numScalars.set(dt, m);
  }
  let a = m.get(v);
  if (a === undefined) {
    a = cachedScalar(v, dt);
    if (m.size >= 256) m.delete(m.keys().next().value as number);
    m.set(v, a);
  }
  return a;
}

/** The value range a weak int may take at input k without changing the resolution. */
function weakRange(def: UfuncDef, P: DType, to: DType): [number, number] {
  let lo = -Number.MAX_SAFE_INTEGER;
  let hi = Number.MAX_SAFE_INTEGER;
  const clip = (d: DType): void => {
    const [l, h] = intRange(d);
    lo = Math.max(lo, Number(l));
    hi = Math.min(hi, Number(h));
  };
  const kt = DTYPE_INFO[to].kind;
  if (def.kind !== 'logical' && kt !== 'f' && kt !== 'b') clip(to);
  const kp = DTYPE_INFO[P].kind;
  if (def.kind === 'compare' && kp !== 'f' && kp !== 'b') clip(P);
  return [lo, hi];
}

/** A cache entry; null: never fast for these kinds; undefined: this value only (retry per call). */
function fastEntry(def: UfuncDef, x: unknown, y: unknown): FastEntry | null | undefined {
  const ins = def.nin === 1 ? [classify(x)] : [classify(x), classify(y)];
  let lp: Loop;
  try {
    lp = resolveLoop(def, ins, null, 'same_kind').loop;
  } catch {
    return undefined; // the general path raises the error
  }
  if (lp.outs.length !== 1) return null;
  const P = nep50(ins);
  const out = lp.outs[0] as DType;
  const e: FastEntry = {
    lp,
    out,
    outItem: DTYPE_INFO[out].itemsize,
    kernel: undefined,
    epoch: -1,
    native: null,
    zx: 0,
    zo: 0,
    lo0: 0,
    hi0: 0,
    lo1: 0,
    hi1: 0,
  };
  for (let k = 0; k < ins.length; k++) {
    const i = ins[k] as Input;
    if (i.kind !== 'weak' || !i.int) continue;
    const [lo, hi] = weakRange(def, P, lp.ins[k] as DType);
    const v = i.v as number;
    if (!(v >= lo && v <= hi)) return undefined; // this value took a value-dependent branch
    if (k === 0) [e.lo0, e.hi0] = [lo, hi];
    else [e.lo1, e.hi1] = [lo, hi];
  }
  // (an in-range weak int resolves as any other: what follows holds for the whole key)
  for (let k = 0; k < ins.length; k++) {
    const i = ins[k] as Input;
    if (i.kind === 'array' && i.a.dtype !== lp.ins[k]) return null; // needs a cast
  }
  return e;
}

/** Ufuncs whose kernels give the same element whatever the run lengths and strides. */
const F_EXACT = new Set([
  'add',
  'subtract',
  'multiply',
  'true_divide',
  'equal',
  'not_equal',
  'less',
  'less_equal',
  'greater',
  'greater_equal',
]);

/** cStrides of a non-empty shape. */
function fastCStrides(shape: readonly number[]): number[] {
  const nd = shape.length;
  const st = new Array<number>(nd);
  let acc = 1;
  for (let i = nd - 1; i >= 0; i--) {
    st[i] = acc;
    acc *= shape[i] as number;
  }
  return st;
}

/** C / F strides of the last shape array seen (results share their inputs' `_shape`; never mutated). */
let cShapeSeen: readonly number[] | null = null;
let cStridesSeen: readonly number[] = [];
let fShapeSeen: readonly number[] | null = null;
let fStridesSeen: readonly number[] = [];
function sharedStrides(shape: readonly number[], f: boolean): readonly number[] {
  if (f) {
    if (shape !== fShapeSeen) {
      fStridesSeen = fStrides(shape);
      fShapeSeen = shape;
    }
    return fStridesSeen;
  }
  if (shape !== cShapeSeen) {
    cStridesSeen = fastCStrides(shape);
    cShapeSeen = shape;
  }
  return cStridesSeen;
}

/** Re-reads the entry's kernel after a registry/backend change. */
function refreshKernel(op: string, e: FastEntry): void {
  const k = getKernel(op, e.lp.key);
  e.kernel = k;
  e.epoch = kernelEpoch();
  const nat = k as NativeLoop | undefined;
  const ok =
    nat?.native !== undefined &&
    e.lp.ins.every((d) => DTYPE_INFO[d].itemsize === nat.zx) &&
    DTYPE_INFO[e.out].itemsize === nat.zo;
  e.native = ok ? (nat.native as (...args: number[]) => unknown) : null;
  e.zx = ok ? (nat.zx as number) : 0;
  e.zo = ok ? (nat.zo as number) : 0;
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The kind key of a fast-path input, or null when the input is not one. */
function fastKey(x: unknown): string | null {
  if (x instanceof NDArray) return x.dtype;
  if (typeof x === 'number') {
    if (Number.isInteger(x)) return Number.isSafeInteger(x) && !Object.is(x, -0) ? WEAK_INT : null;
    return WEAK_FLOAT;
  }
  return null;
}

/**
 * The fast path of a call `op(x)` / `op(x, y)` without options; null when it does not apply (the
 * caller then takes the general path, which gives the same result or raises the error).
 */
export function fastUfunc(
  op: string,
  def: UfuncDef,
  x: unknown,
  y: unknown,
  out: NDArray | null = null,
): NDArray | null {
  if (def.nout !== 1) return null;
  const k0 = fastKey(x);
  if (k0 === null) return null;
  const k1 = def.nin === 1 ? '' : fastKey(y);
  if (k1 === null) return null;
  // the arrays: one shape, C-contiguous, ndim ≥ 1
  let ref: NDArray | null = null;
  if (x instanceof NDArray) ref = x;
  if (y instanceof NDArray && def.nin === 2) {
    if (ref === null) ref = y;
    else if (!sameShape(ref._shape, y._shape)) return null;
  }
  if (ref === null || ref._shape.length === 0) return null;
  const shape = ref._shape;
  let size = 1;
  for (let i = 0; i < shape.length; i++) size *= shape[i] as number;
  if (size === 0) return null;
  // (one-element power with an array exponent: NumPy's trivial loop, see powerLikeNumPy)
  if (size === 1 && op === 'power' && y instanceof NDArray) return null;
  const xArr = x instanceof NDArray;
  const yArr = def.nin === 2 && y instanceof NDArray;
  let fOrder = false;
  // (the memo read inline: `_contig()` only on an array's first call)
  const lx = xArr ? x._layout || x._contig() : 7;
  const lay = lx & (yArr ? y._layout || y._contig() : 7);
  if ((lay & 2) === 0) {
    // all F-contiguous: NumPy's trivial loop gives an F-ordered output. The general path runs
    // the kernel over C-order rows there, so only ops exact per element whatever the runs take it.
    if ((lay & 4) === 0 || !F_EXACT.has(op)) return null;
    fOrder = true;
  }

  let e: FastEntry | null;
  if (op === lastOp && k0 === lastK0 && k1 === lastK1) e = lastEntry;
  else {
    let m1 = fastCache.get(op);
    if (m1 === undefined) {
      m1 = new Map();
      fastCache.set(op, m1);
    }
    let m2 = m1.get(k0);
    if (m2 === undefined) {
      m2 = new Map();
      m1.set(k0, m2);
    }
    const got = m2.get(k1);
    if (got === undefined) {
      const f = fastEntry(def, x, y);
      if (f === undefined) return null; // value-dependent: not cached
      m2.set(k1, f);
      e = f;
    } else e = got;
    lastOp = op;
    lastK0 = k0;
    lastK1 = k1;
    lastEntry = e;
  }
  if (e === null) return null;
  if (out !== null && !fastOutOk(out, e.out, shape, fOrder, x, y)) return null;
  if (k0 === WEAK_INT && !((x as number) >= e.lo0 && (x as number) <= e.hi0)) return null;
  if (k1 === WEAK_INT && !((y as number) >= e.lo1 && (y as number) <= e.hi1)) return null;
  if (e.epoch !== kernelEpoch()) refreshKernel(op, e);
  const kernel = e.kernel;
  if (kernel === undefined) return null;
  const lp = e.lp;
  const logical = def.kind === 'logical';
  let xa: NDArray;
  if (x instanceof NDArray) xa = x;
  else {
    const v = x as number;
    xa = fastScalar(logical ? (v !== 0 ? 1 : 0) : v, lp.ins[0] as DType);
  }
  let ya: NDArray = xa;
  if (def.nin === 2) {
    if (y instanceof NDArray) ya = y;
    else {
      const v = y as number;
      ya = fastScalar(logical ? (v !== 0 ? 1 : 0) : v, lp.ins[1] as DType);
    }
  }
  // a single element runs as the general path's 0-d loop (strides 0)
  const s = size === 1 ? 0 : 1;
  const sx = xa === x ? s : 0;
  const sy = ya === y ? s : 0;
  const nat = e.native;
  if (nat !== null) {
    // the module's loop on byte pointers: no typed arrays (pointers read first: a disposed
    // input throws before anything is allocated)
    const zx = e.zx;
    const zo = e.zo;
    const xp = xa.buffer.ptr + xa._offset * zx;
    const yp = ya.buffer.ptr + ya._offset * zx;
    if (out !== null) {
      const po = out.buffer.ptr + out._offset * zo;
      if (def.nin === 1) nat(size, xp, s * zx, po, s * zo);
      else nat(size, xp, sx * zx, yp, sy * zx, po, s * zo);
      return out;
    }
    const buffer = new WasmBuffer(size * e.outItem, false);
    const r = new NDArray({
      buffer,
      dtype: e.out,
      shape,
      strides: sharedStrides(shape, fOrder),
      offset: 0,
      base: null,
      writeable: true,
      shared: true,
    });
    if (def.nin === 1) nat(size, xp, s * zx, buffer.ptr, s * zo);
    else nat(size, xp, sx * zx, yp, sy * zx, buffer.ptr, s * zo);
    return r;
  }
  const xs = xa._start; // (throws for a disposed array, before allocating)
  const ys = ya._start;
  if (out !== null) {
    const os = out._start;
    if (def.nin === 1) (kernel as UnaryKernel)(size, xa._data(), xs, s, out._data(), os, s);
    else (kernel as BinaryKernel)(size, xa._data(), xs, sx, ya._data(), ys, sy, out._data(), os, s);
    return out;
  }
  const buffer = new WasmBuffer(size * e.outItem, false);
  const r = new NDArray({
    buffer,
    dtype: e.out,
    shape,
    strides: sharedStrides(shape, fOrder),
    offset: 0,
    base: null,
    writeable: true,
    shared: true,
  });
  if (def.nin === 1) {
    // typed arrays AFTER every allocation (memory growth detaches older views)
    (kernel as UnaryKernel)(size, xa._data(), xs, s, r._data(), r._start, s);
    return r;
  }
  (kernel as BinaryKernel)(size, xa._data(), xs, sx, ya._data(), ys, sy, r._data(), r._start, s);
  return r;
}

/**
 * Whether the fast path may write into `out` as the general path would: writeable, the result's
 * dtype and shape, C-contiguous (as the result it stands for), and each array input either in
 * another buffer or the very same view (in place); anything else (casts, partial overlap, F
 * order) takes the general path.
 */
function fastOutOk(
  out: NDArray,
  dtype: DType,
  shape: readonly number[],
  fOrder: boolean,
  x: unknown,
  y: unknown,
): boolean {
  if (fOrder || !out._writeable || out.dtype !== dtype || !sameShape(out._shape, shape))
    return false;
  if (((out._layout || out._contig()) & 2) === 0) return false;
  if (x instanceof NDArray && x.buffer === out.buffer && !sameView(x, out)) return false;
  return !(y instanceof NDArray && y.buffer === out.buffer && !sameView(y, out));
}

/** One-entry cache in front of fastCache (the same call in a loop skips three Map lookups). */
let lastOp = '';
let lastK0 = '';
let lastK1 = '';
let lastEntry: FastEntry | null = null;

/** True when `opts` has no own enumerable key (no option given). */
function noOpts(opts: UfuncOptions): boolean {
  for (const k in opts) if (Object.prototype.hasOwnProperty.call(opts, k)) return false;
  return true;
}

/** Result of applyUfunc: one array per output. */
export interface UfuncCall {
  results: NDArray[];
  /** True when the caller passed `out` (results are then the user's arrays). */
  hadOut: boolean[];
}

/**
 * Runs ufunc `op` (a key of UFUNC_DEFS) on `inputs` (arrays, JS scalars, nested lists). Outputs
 * given positionally after the inputs go in `positionalOuts`. Always returns arrays.
 */
export function applyUfunc(
  op: string,
  inputs: readonly unknown[],
  opts: UfuncOptions = {},
  positionalOuts: unknown[] = [],
): UfuncCall {
  const def = UFUNC_DEFS[op];
  if (def === undefined) throw new Error(`unknown ufunc ${op}`);
  if (positionalOuts.length === 0 && inputs.length === def.nin && def.nin <= 2 && noOpts(opts)) {
    const r = fastUfunc(op, def, inputs[0], inputs[1]);
    if (r !== null) return { results: [r], hadOut: [false] };
  }
  const name = ufuncName(op);
  const { outs, where, dtype, casting, order } = parseOptions(name, def.nout, opts, positionalOuts);
  const ins = inputs.map(classify);
  const { loop: lp } = resolveLoop(def, ins, dtype, casting);

  outs.forEach((o, k) => {
    if (o === null) return;
    const from = lp.outs[k] as DType;
    if (!canCast(from, o.dtype, casting)) {
      const which = def.nout > 1 ? `output ${def.nin + k} ` : 'output ';
      throw TypeError_(
        `Cannot cast ufunc '${name}' ${which}from dtype('${from}') to dtype('${o.dtype}') with casting rule '${casting}'`,
      );
    }
  });
  // Broadcast inputs, outputs and the mask together (NumPy lists them in that order).
  const shapes: (readonly number[])[] = ins.map((i) => (i.kind === 'array' ? i.a._shape : []));
  for (const o of outs) if (o !== null) shapes.push(o._shape);
  if (where !== null) shapes.push(where._shape);
  const shape = broadcastShapes(shapes);
  for (const o of outs) {
    if (o === null) continue;
    if (!sameShape(o._shape, shape)) {
      throw ValueError(
        `non-broadcastable output operand with shape ${shapeStrTight(o._shape)} doesn't match the broadcast shape ${shapeStrTight(shape)}`,
      );
    }
    if (!o._writeable) throw ValueError('output array is read-only');
  }

  // (a loop: `flatMap` costs ~8× as much in V8, on every ufunc call)
  const origArrays: NDArray[] = [];
  for (const i of ins) if (i.kind === 'array') origArrays.push(i.a);
  // Inputs in the loop dtypes; an input overlapping an output in another layout is copied first.
  const arrs = ins.map((i, k) => {
    const dt = lp.ins[k] as DType;
    if (i.kind === 'weak') {
      if (def.kind === 'logical') return cachedScalar(i.v !== 0 && i.v !== 0n ? 1 : 0, dt);
      return cachedScalar(i.v, dt);
    }
    let a = i.a;
    const clash = outs.some((o) => o !== null && o.buffer === a.buffer && !sameView(o, a));
    if (a.dtype !== dt || clash) a = copyArray(a, dt, 'C');
    return a;
  });
  // NumPy's trivial-loop path: operands of the result's shape (0-d ones aside) needing no cast, all
  // C-contiguous (or all F-contiguous), get a C (or F) ordered output; otherwise nditer's K order.
  let allocOrder = order;
  if (order === 'K' && where === null) {
    const P = nep50(ins);
    const same = (a: NDArray): boolean => a.ndim === 0 || sameShape(a._shape, shape);
    const ops: NDArray[] = [];
    let ok = true;
    ins.forEach((i, k) => {
      if (i.kind !== 'array') return;
      if (i.a.ndim === 0) return; // 0-d operands are cast up front and never matter
      // (a comparison with an out-of-range Python int runs NumPy's loop of the array dtypes)
      const noCast = i.a.dtype === lp.ins[k] || (def.kind === 'compare' && i.a.dtype === P);
      if (!noCast || !same(i.a)) ok = false;
      else ops.push(i.a);
    });
    outs.forEach((o) => {
      if (o !== null) ops.push(o);
    });
    if (ok && ops.length > 0) {
      if (ops.every((a) => (a._contig() & 2) !== 0)) allocOrder = 'C';
      else if (ops.every((a) => (a._contig() & 4) !== 0)) allocOrder = 'F';
    }
  }
  const targets = outs.map((o, k) => {
    const dt = lp.outs[k] as DType;
    if (o !== null && o.dtype === dt && where === null) return o;
    return allocResult(shape, dt, origArrays, where !== null && o === null, allocOrder);
  });
  if (
    op !== 'power' ||
    !powerLikeNumPy(
      lp,
      shape,
      ins,
      arrs,
      targets,
      outs.some((o) => o !== null && o !== targets[0]),
    )
  )
    runKernel(op, lp, shape, arrs, targets);
  const results = targets.map((t, k) => {
    const o = outs[k] as NDArray | null;
    if (o !== null && o !== t) {
      maskedCopy(o, t, where);
      return o;
    }
    if (o === null && where !== null) {
      const r = allocResult(shape, t.dtype, origArrays, true, order);
      maskedCopy(r, t, where);
      return r;
    }
    return t;
  });
  return { results, hadOut: outs.map((o) => o !== null) };
}

/** NumPy's iterator buffer, in elements (`np.getbufsize()`). */
const NPY_BUFSIZE = 8192;

/**
 * NumPy's float `power` loop takes its scalar-exponent fast paths (x·x, sqrt, 1/x, x: vmathx.ts
 * `powFastPath`) in every inner loop whose exponent stride is 0, and ndscope's kernels do the same
 * per run; which inner loops NumPy runs with stride 0 depends on its iterator (measured on numpy
 * 2.4; only `-0`/`-inf` bases with exponent 0.5 show it, sqrt giving `-0`/NaN where pow gives
 * `0`/`inf`):
 * - one element, every operand of the result's shape or 0-d, no cast (or a cast input in 1-d):
 *   the trivial loop passes the exponent array's real stride: pow;
 * - an exponent constant along the inner axis but not everywhere: the buffered iterator copies it
 *   (stride ≠ 0: pow) when two inner runs fit its buffer; else it is used in place (stride 0 in
 *   each run: the fast path). With a cast operand NumPy's thresholds move with the dtypes
 *   (rows of 5462 for a float32 base, 8192 for a float32 exponent, none for int bases): ndscope
 *   copies then whatever the row length (README divergence 15).
 * So: runs the 1-element trivial loop itself (true: nothing left to run), or replaces the
 * exponent with a contiguous copy where NumPy's buffer would hold one (false: run the kernel).
 * `outCast`: the result is cast into the caller's `out`.
 */
function powerLikeNumPy(
  lp: Loop,
  shape: readonly number[],
  ins: readonly Input[],
  arrs: NDArray[],
  targets: readonly NDArray[],
  outCast: boolean,
): boolean {
  const dt = lp.outs[0];
  const e = ins[1];
  if ((dt !== 'float64' && dt !== 'float32') || e?.kind !== 'array' || e.a.ndim === 0) return false;
  const size = shapeSize(shape);
  if (size === 0) return false;
  const [x, y] = arrs as [NDArray, NDArray];
  const o = targets[0] as NDArray;
  const inCast = ins.some((i, k) => i.kind === 'array' && i.a.ndim > 0 && i.a.dtype !== lp.ins[k]);
  const cast = outCast || inCast;
  if (size === 1) {
    const trivial = ins.every(
      (i) => i.kind !== 'array' || i.a.ndim === 0 || sameShape(i.a._shape, shape),
    );
    // (a cast input keeps the real stride only in 1-d; a cast output never does)
    if (!trivial || outCast || (inCast && shape.length !== 1)) return false;
    const k = getKernel('power', lp.key) as BinaryKernel;
    const xs = x._start;
    const ys = y._start;
    const os = o._start;
    k(1, x._data(), xs, 0, y._data(), ys, 1, o._data(), os, 0); // (stride 1: a real stride)
    return true;
  }
  // an exponent that moves along every axis of the loop has no run with a constant exponent
  // (the usual call): nothing to decide
  let stride0 = y._shape.length !== shape.length;
  for (let i = 0; i < y._shape.length && !stride0; i++)
    if ((shape[i] as number) > 1 && (y._shape[i] === 1 || y._strides[i] === 0)) stride0 = true;
  if (!stride0) return false;
  const ops = [x, y, o].map((a) => operand(a, shape));
  const c = collapse(
    shape,
    ops.map((p) => p.strides),
  );
  const es = c.strides[1] as number[];
  const inner = es.length - 1;
  if (inner < 0 || es.every((v) => v === 0) || es[inner] !== 0) return false;
  if (!cast && 2 * (c.shape[inner] as number) > NPY_BUFSIZE) return false;
  const copy = NDArray.empty(shape, lp.ins[1] as DType, false);
  copyInto(copy, y);
  arrs[1] = copy;
  return false;
}

/** Loops smaller than this skip the tiled 2-D kernel (the 1-D runs stay in cache anyway). */
const TILE_MIN = 4096;
const TILE = 8;

/**
 * The 2-D view of a binary loop where one input is transposed relative to the output and the
 * other input (both running along cols, it along rows): [rows, cols, x rs, x cs, y rs, y cs,
 * o rs, o cs] in elements, else null (the 1-D loops run it).
 */
export function crossedLoop2d(
  shape: readonly number[],
  ops: readonly Operand[],
  collapsed?: Collapsed,
): [number, number, number, number, number, number, number, number] | null {
  if (shapeSize(shape) < TILE_MIN) return null;
  const c =
    collapsed ??
    collapse(
      shape,
      ops.map((o) => o.strides),
    );
  if (c.shape.length !== 2) return null;
  const [xs, ys, os] = c.strides as [number[], number[], number[]];
  // the output and one input run along cols, the other input along rows (the kernels' SIMD case)
  if (os[1] !== 1) return null;
  const yT = xs[1] === 1 && ys[0] === 1 && ys[1] !== 1;
  const xT = ys[1] === 1 && xs[0] === 1 && xs[1] !== 1;
  if (!yT && !xT) return null;
  const [rows, cols] = c.shape as [number, number];
  const [xr, xc] = xs as [number, number];
  const [yr, yc] = ys as [number, number];
  const [or, oc] = os as [number, number];
  return [rows, cols, xr, xc, yr, yc, or, oc];
}

/**
 * `loop` for a module loop `f(n, p0, s0, p1, s1[, p2, s2])` on byte pointers/strides (`zs`: item
 * size per operand; 2 or 3 operands): the collapsed loop `c`'s C-order runs, one direct call each.
 */
function nativeRuns(
  f: (...a: number[]) => unknown,
  zs: readonly number[],
  c: Collapsed,
  ops: readonly Operand[],
): void {
  const z0 = zs[0] as number;
  const z1 = zs[1] as number;
  const starts = ops.map((o) => o.start);
  if (zs.length === 2) {
    walkRuns(c, starts, (n, p, s) =>
      f(
        n,
        (p[0] as number) * z0,
        (s[0] as number) * z0,
        (p[1] as number) * z1,
        (s[1] as number) * z1,
      ),
    );
    return;
  }
  const z2 = zs[2] as number;
  walkRuns(c, starts, (n, p, s) =>
    f(
      n,
      (p[0] as number) * z0,
      (s[0] as number) * z0,
      (p[1] as number) * z1,
      (s[1] as number) * z1,
      (p[2] as number) * z2,
      (s[2] as number) * z2,
    ),
  );
}

/** Runs a crossed binary loop through the module's tiled 2-D kernel; false when it does not apply. */
function tiled2d(
  k: NativeLoop,
  shape: readonly number[],
  ops: readonly Operand[],
  c: Collapsed,
): boolean {
  const t = crossedLoop2d(shape, ops, c);
  if (t === null) return false;
  const zx = k.zx as number;
  const zo = k.zo as number;
  const [rows, cols, xr, xc, yr, yc, or, oc] = t;
  (k.native2d as (...a: number[]) => unknown)(
    rows,
    cols,
    (ops[0] as Operand).start * zx,
    xr * zx,
    xc * zx,
    (ops[1] as Operand).start * zx,
    yr * zx,
    yc * zx,
    (ops[2] as Operand).start * zo,
    or * zo,
    oc * zo,
  );
  return true;
}

/**
 * The TS twin of the module's tiled 2-D binary loops (`<op>_<dtype>_2d`): the same 8×8 tile
 * walk, each tile row run through the 1-D kernel `k`. Starts and strides in elements.
 */
export function binary2dTs(
  k: BinaryKernel,
  rows: number,
  cols: number,
  x: Store,
  ix: number,
  xrs: number,
  xcs: number,
  y: Store,
  iy: number,
  yrs: number,
  ycs: number,
  o: Store,
  io: number,
  ors: number,
  ocs: number,
): void {
  for (let r0 = 0; r0 < rows; r0 += TILE) {
    const r1 = Math.min(rows, r0 + TILE);
    for (let c0 = 0; c0 < cols; c0 += TILE) {
      const n = Math.min(cols, c0 + TILE) - c0;
      for (let r = r0; r < r1; r++)
        k(
          n,
          x,
          ix + r * xrs + c0 * xcs,
          xcs,
          y,
          iy + r * yrs + c0 * ycs,
          ycs,
          o,
          io + r * ors + c0 * ocs,
          ocs,
        );
    }
  }
}

/** Runs the registered kernel of `op` for loop `lp` over inputs and outputs already in shape. */
export function runKernel(
  op: string,
  lp: Loop,
  shape: readonly number[],
  arrs: readonly NDArray[],
  targets: readonly NDArray[],
): void {
  const kernel = getKernel(op, lp.key);
  if (kernel === undefined) throw new Error(`no kernel for ${op} on ${lp.key}`);
  const all = [...arrs, ...targets];
  const ops = all.map((a) => operand(a, shape));
  // typed arrays AFTER every allocation (memory growth detaches older views)
  const d = all.map((a) => a._data() as unknown as Store);
  const nin = arrs.length;
  const nout = targets.length;
  const nat = kernel as NativeLoop;
  if (nat.native !== undefined && nout === 1 && nin <= 2 && allInMemory(d)) {
    // the module's loops straight on byte pointers: no wrapper (the loop collapsed once)
    const c = collapse(
      shape,
      ops.map((o) => o.strides),
    );
    if (nin === 2 && nat.native2d !== undefined && tiled2d(nat, shape, ops, c)) return;
    const zx = nat.zx as number;
    nativeRuns(nat.native, nin === 2 ? [zx, zx, nat.zo as number] : [zx, nat.zo as number], c, ops);
    return;
  }
  if (nin === 1 && nout === 1) {
    const k = kernel as UnaryKernel;
    const [x, o] = d as [Store, Store];
    loop(shape, ops, (n, p, s) =>
      k(n, x, p[0] as number, s[0] as number, o, p[1] as number, s[1] as number),
    );
  } else if (nin === 2 && nout === 1) {
    const k = kernel as BinaryKernel;
    const [x, y, o] = d as [Store, Store, Store];
    loop(shape, ops, (n, p, s) =>
      k(
        n,
        x,
        p[0] as number,
        s[0] as number,
        y,
        p[1] as number,
        s[1] as number,
        o,
        p[2] as number,
        s[2] as number,
      ),
    );
  } else if (nin === 3 && nout === 1) {
    const k = kernel as TernaryKernel;
    const [x, y, z, o] = d as [Store, Store, Store, Store];
    loop(shape, ops, (n, p, s) =>
      k(
        n,
        x,
        p[0] as number,
        s[0] as number,
        y,
        p[1] as number,
        s[1] as number,
        z,
        p[2] as number,
        s[2] as number,
        o,
        p[3] as number,
        s[3] as number,
      ),
    );
  } else if (nin === 2 && nout === 2) {
    const k = kernel as Binary2Kernel;
    const [x, y, o, q] = d as [Store, Store, Store, Store];
    loop(shape, ops, (n, p, s) =>
      k(
        n,
        x,
        p[0] as number,
        s[0] as number,
        y,
        p[1] as number,
        s[1] as number,
        o,
        p[2] as number,
        s[2] as number,
        q,
        p[3] as number,
        s[3] as number,
      ),
    );
  } else if (nin === 1 && nout === 2) {
    const k = kernel as Unary2Kernel;
    const [x, o, q] = d as [Store, Store, Store];
    loop(shape, ops, (n, p, s) =>
      k(
        n,
        x,
        p[0] as number,
        s[0] as number,
        o,
        p[1] as number,
        s[1] as number,
        q,
        p[2] as number,
        s[2] as number,
      ),
    );
  } else throw new Error(`unsupported ufunc arity ${nin}→${nout}`);
}

/** Internal: a binary ufunc returning an array (0-d stays an array). */
export function binary(op: string, x: unknown, y: unknown, opts: UfuncOptions = {}): NDArray {
  return applyUfunc(op, [x, y], opts).results[0] as NDArray;
}

/** Internal: a unary ufunc returning an array (0-d stays an array). */
export function unary(op: string, x: unknown, opts: UfuncOptions = {}): NDArray {
  return applyUfunc(op, [x], opts).results[0] as NDArray;
}

/** NumPy's rule for what a ufunc returns: 0-d results become scalars unless `out` was given. */
export function finish(call: UfuncCall): NDArray | Scalar {
  const r = call.results[0] as NDArray;
  if (r.ndim === 0 && !call.hadOut[0]) return scalarOf(r);
  return r;
}

export function finishAll(call: UfuncCall): (NDArray | Scalar)[] {
  return call.results.map((r, k) => (r.ndim === 0 && !call.hadOut[k] ? scalarOf(r) : r));
}

/** The value of a fresh 0-d result, whose block is freed at once (nobody else can see it). */
function scalarOf(r: NDArray): Scalar {
  const v = toJS(r._data()[r._start] as number, r.dtype);
  if (r._base === null) r.buffer.dispose();
  return v;
}
