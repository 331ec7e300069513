/**
 * Elementwise functions (NumPy's ufuncs) and their NDArray methods.
 *
 * The machinery lives in ufunc_core.ts (type resolution, broadcasting, output allocation,
 * `out=`/`where=`/`dtype=`/`casting=`), the kernels in ufunc_kernels.ts (registry by
 * op × dtype × backend). This file is the public surface: `np.add(x1, x2, [out], {out, where,
 * dtype, casting})` etc. A 0-d result is returned as a JS scalar (NumPy returns a numpy scalar),
 * unless `out` was given.
 */
import {
  canCast,
  DTYPE_INFO,
  intRange,
  normalizeDtype,
  type DType,
  type TypedArray,
} from './dtype';
import { TypeError_, ValueError } from './errors';
import { splitOpts, isPlainObject } from './args';
import { broadcastShapes, loop, operand, tryBroadcastShapes } from './iter';
import { NDArray, isNDArray, type ArrayLike, type NestedArray, type Scalar } from './ndarray';
import { asarray, copyArray, toJS } from './convert';
import {
  allocResult,
  applyUfunc,
  binary,
  classify,
  fastUfunc,
  finish,
  finishAll,
  maskedCopy,
  nep50,
  scalarArray,
  unary,
  ufuncName,
  type Input,
  type UfuncOptions,
} from './ufunc_core';
import { rint, UFUNC_DEFS, type Store } from './ufunc_kernels';
import { decorateUfunc, type UfuncAttributes } from './ufunc_methods';
export {
  IDENTITY,
  loopTypes,
  type UfuncAttributes,
  type UfuncReduceOptions,
} from './ufunc_methods';

export {
  registerKernel,
  unregisterKernel,
  getKernel,
  setKernelBackends,
  kernelBackends,
  listKernels,
  UFUNC_DEFS,
  type Kernel,
  type UnaryKernel,
  type BinaryKernel,
  type TernaryKernel,
  type Binary2Kernel,
  type Backend,
  type Store,
} from './ufunc_kernels';
export {
  applyUfunc,
  binary,
  unary,
  allocResult,
  resolveLoop,
  nep50,
  classify,
  maskedCopy,
  scalarArray,
  type UfuncOptions,
} from './ufunc_core';

/** Inputs that always give an array result (lists and typed arrays are at least 1-d). */
export type ArrayInput = NDArray | NestedArray<Scalar | NDArray> | TypedArray;
type Rest = (NDArray | null | UfuncOptions)[];

export interface BinaryUfunc {
  (x1: ArrayInput, x2: ArrayLike, ...rest: Rest): NDArray;
  (x1: ArrayLike, x2: ArrayInput, ...rest: Rest): NDArray;
  (x1: ArrayLike, x2: ArrayLike, ...rest: Rest): NDArray | Scalar;
}
export interface UnaryUfunc {
  (x: ArrayInput, ...rest: Rest): NDArray;
  (x: ArrayLike, ...rest: Rest): NDArray | Scalar;
}

const plural = (n: number): string => (n === 1 ? '1 was given' : `${n} were given`);

function splitCall(
  name: string,
  nin: number,
  nout: number,
  args: readonly unknown[],
): [unknown[], unknown[], UfuncOptions] {
  const [pos, opts] = splitOpts<UfuncOptions>(args);
  if (pos.length < nin || pos.length > nin + nout) {
    throw TypeError_(
      `${name}() takes from ${nin} to ${nin + nout} positional arguments but ${plural(pos.length)}`,
    );
  }
  return [pos.slice(0, nin), pos.slice(nin), opts];
}

/** The output array of a trailing `o`, `{out: o}` or `{out: [o]}` with nothing else; else null. */
function onlyOut(v: unknown): NDArray | null {
  if (v instanceof NDArray) return v;
  if (!isPlainObject(v)) return null;
  let o: unknown = null;
  for (const k in v) {
    if (k !== 'out' || !Object.prototype.hasOwnProperty.call(v, k)) return null;
    o = (v as { out: unknown }).out;
  }
  if (Array.isArray(o) && o.length === 1) o = o[0];
  return o instanceof NDArray ? o : null;
}

function makeUfunc(op: string, nin: number): (...args: unknown[]) => NDArray | Scalar {
  const name = ufuncName(op);
  const def = UFUNC_DEFS[op];
  return (...args: unknown[]) => {
    if (args.length === nin && def !== undefined) {
      // no options, no out: ufunc_core's fast path when it applies (never a 0-d result)
      const r = fastUfunc(op, def, args[0], args[1]);
      if (r !== null) return r;
    } else if (args.length === nin + 1 && def !== undefined) {
      // only an output array (`{out: o}`, `{out: [o]}` or positional): the fast path writes it
      const o = onlyOut(args[nin]);
      if (o !== null) {
        const r = fastUfunc(op, def, args[0], nin === 2 ? args[1] : undefined, o);
        if (r !== null) return r;
      }
    }
    const [ins, outs, opts] = splitCall(name, nin, 1, args);
    return finish(applyUfunc(op, ins, opts, outs));
  };
}
const mk2 = (op: string): BinaryUfunc & UfuncAttributes =>
  decorateUfunc(makeUfunc(op, 2) as BinaryUfunc, op);
const mk1 = (op: string): UnaryUfunc & UfuncAttributes =>
  decorateUfunc(makeUfunc(op, 1) as UnaryUfunc, op);

// --- arithmetic -------------------------------------------------------------------------------
export const add = mk2('add');
export const subtract = mk2('subtract');
export const multiply = mk2('multiply');
export const divide = mk2('true_divide');
export const true_divide = divide;
export const floor_divide = mk2('floor_divide');
export const remainder = mk2('remainder');
export const mod = remainder;
export const fmod = mk2('fmod');
export const power = mk2('power');
export const pow = power;
export const float_power = mk2('float_power');
export const negative = mk1('negative');
export const positive = mk1('positive');
export const absolute = mk1('absolute');
export const abs = absolute;
export const fabs = mk1('fabs');
export const sign = mk1('sign');
export const reciprocal = mk1('reciprocal');
export const square = mk1('square');
export const sqrt = mk1('sqrt');
export const cbrt = mk1('cbrt');

/** `np.divmod(x1, x2)`: [floor_divide, remainder] in one pass. */
export const divmod = decorateUfunc(
  (...args: [x1: ArrayLike, x2: ArrayLike, ...rest: Rest]): (NDArray | Scalar)[] => {
    const [ins, outs, opts] = splitCall('divmod', 2, 2, args);
    return finishAll(applyUfunc('divmod', ins, opts, outs));
  },
  'divmod',
);

// --- exponentials and logarithms --------------------------------------------------------------
export const exp = mk1('exp');
export const exp2 = mk1('exp2');
export const expm1 = mk1('expm1');
export const log = mk1('log');
export const log2 = mk1('log2');
export const log10 = mk1('log10');
export const log1p = mk1('log1p');
export const logaddexp = mk2('logaddexp');
export const logaddexp2 = mk2('logaddexp2');

// --- trigonometric and hyperbolic -------------------------------------------------------------
export const sin = mk1('sin');
export const cos = mk1('cos');
export const tan = mk1('tan');
export const arcsin = mk1('arcsin');
export const arccos = mk1('arccos');
export const arctan = mk1('arctan');
export const arctan2 = mk2('arctan2');
export const hypot = mk2('hypot');
export const sinh = mk1('sinh');
export const cosh = mk1('cosh');
export const tanh = mk1('tanh');
export const arcsinh = mk1('arcsinh');
export const arccosh = mk1('arccosh');
export const arctanh = mk1('arctanh');
export const asin = arcsin;
export const acos = arccos;
export const atan = arctan;
export const atan2 = arctan2;
export const asinh = arcsinh;
export const acosh = arccosh;
export const atanh = arctanh;
export const deg2rad = mk1('deg2rad');
export const rad2deg = mk1('rad2deg');
export const degrees = mk1('degrees');
export const radians = mk1('radians');

// --- rounding ---------------------------------------------------------------------------------
export const floor = mk1('floor');
export const ceil = mk1('ceil');
export const trunc = mk1('trunc');
export const rint_ = mk1('rint');
export { rint_ as rint };
/** `np.fix`: round toward zero, keeping integer dtypes (as NumPy's floor/ceil composition). */
export const fix = mk1('trunc');

// --- extrema ----------------------------------------------------------------------------------
export const maximum = mk2('maximum');
export const minimum = mk2('minimum');
export const fmax = mk2('fmax');
export const fmin = mk2('fmin');

// --- comparisons and logic --------------------------------------------------------------------
export const equal = mk2('equal');
export const not_equal = mk2('not_equal');
export const less = mk2('less');
export const less_equal = mk2('less_equal');
export const greater = mk2('greater');
export const greater_equal = mk2('greater_equal');
export const logical_and = mk2('logical_and');
export const logical_or = mk2('logical_or');
export const logical_xor = mk2('logical_xor');
export const logical_not = mk1('logical_not');
export const bitwise_and = mk2('bitwise_and');
export const bitwise_or = mk2('bitwise_or');
export const bitwise_xor = mk2('bitwise_xor');
export const invert = mk1('invert');
export const bitwise_not = invert;
export const bitwise_invert = invert;
export const left_shift = mk2('left_shift');
export const right_shift = mk2('right_shift');
export const bitwise_left_shift = left_shift;
export const bitwise_right_shift = right_shift;

// --- floating-point predicates and sign manipulation ------------------------------------------
export const isnan = mk1('isnan');
export const isinf = mk1('isinf');
export const isfinite = mk1('isfinite');
export const signbit = mk1('signbit');
export const copysign = mk2('copysign');
export const heaviside = mk2('heaviside');

// --- number theory and float decomposition ------------------------------------------------------
export const gcd = mk2('gcd');
export const lcm = mk2('lcm');
export const ldexp = mk2('ldexp');
export const nextafter = mk2('nextafter');
export const spacing = mk1('spacing');
const mk12 = (op: string) =>
  decorateUfunc((...args: [x: ArrayLike, ...rest: Rest]): (NDArray | Scalar)[] => {
    const [ins, outs, opts] = splitCall(op, 1, 2, args);
    return finishAll(applyUfunc(op, ins, opts, outs));
  }, op);
/** `np.frexp(x)`: [mantissa, exponent (int32)] with x = mantissa·2^exponent. */
export const frexp = mk12('frexp');
/** `np.modf(x)`: [fractional part, integral part], both with x's sign. */
export const modf = mk12('modf');

// ---------------------------------------------------------------------------------------------
// round / around

const asInt = (v: unknown): number => {
  if (typeof v === 'bigint') return Number(v);
  if (typeof v !== 'number' || !Number.isInteger(v)) {
    throw TypeError_(
      `'${typeof v === 'number' ? 'float' : v === null ? 'NoneType' : typeof v}' object cannot be interpreted as an integer`,
    );
  }
  return v;
};

/**
 * `np.round(a, decimals=0, out=None)` (alias `np.around`): round half to even, NumPy's
 * algorithm (scale by 10**decimals, rint, unscale, in the array's float dtype).
 * Integer arrays with decimals >= 0 are copied; with decimals < 0 they round in float64.
 */
export function round(a: ArrayLike, ...args: unknown[]): NDArray | Scalar {
  const [pos, opts] = splitOpts<{ decimals?: number; out?: NDArray | null }>(args);
  if (pos.length > 2)
    throw TypeError_(
      `round() takes from 1 to 3 positional arguments but ${plural(pos.length + 1)}`,
    );
  const decimals = asInt(pos[0] ?? opts.decimals ?? 0);
  const out = (pos[1] ?? opts.out ?? null) as NDArray | null;
  if (out !== null && !isNDArray(out)) throw TypeError_('return arrays must be of ArrayType');
  const x = classify(a);
  const arr = x.kind === 'array' ? x.a : scalarArray(x.v, x.int ? 'int64' : 'float64');
  const kind = DTYPE_INFO[arr.dtype].kind;
  let res: NDArray;
  if ((kind === 'i' || kind === 'u') && decimals >= 0) {
    if (out !== null) {
      binaryInto(out, arr);
      return out;
    }
    res = allocResult(arr._shape, arr.dtype, [arr]);
    maskedCopy(res, arr, null);
  } else if (decimals === 0 && kind !== 'i' && kind !== 'u') {
    return finish(applyUfunc('rint', [arr], out === null ? {} : { out }));
  } else {
    const fdt: DType = kind === 'f' ? arr.dtype : kind === 'b' ? 'float32' : 'float64';
    const f32 = fdt === 'float32';
    const fr = f32 ? Math.fround : (v: number): number => v;
    const f = fr(Math.pow(10, Math.abs(decimals)));
    const src = arr.dtype === fdt ? arr : copyArray(arr, fdt);
    const tmp = allocResult(arr._shape, fdt, [arr]);
    const s = src._data() as Float64Array;
    const d = tmp._data() as Float64Array;
    const shape = arr._shape;
    const up = decimals >= 0;
    loop(shape, [operand(src, shape), operand(tmp, shape)], (n, p, st) => {
      const [i0, i1] = p as [number, number];
      const [s0, s1] = st as [number, number];
      for (let j = 0; j < n; j++) {
        const v = s[i0 + j * s0] as number;
        d[i1 + j * s1] = up ? fr(rint(fr(v * f)) / f) : fr(rint(fr(v / f)) * f);
      }
    });
    if (kind === 'i' || kind === 'u') {
      res = copyArray(tmp, arr.dtype);
    } else res = tmp;
    if (out !== null) {
      if (!canCast(res.dtype, out.dtype, 'same_kind')) {
        throw TypeError_(
          `Cannot cast ufunc '${up ? 'multiply' : 'divide'}' output from dtype('${res.dtype}') to dtype('${out.dtype}') with casting rule 'same_kind'`,
        );
      }
      binaryInto(out, res);
      return out;
    }
  }
  if (res.ndim === 0) return toJS(res._data()[res._start] as number, res.dtype);
  return res;
}
export const around = round;

/** Copies src into out with ufunc-style checks (shape must match exactly, writeable). */
function binaryInto(out: NDArray, src: NDArray): void {
  if (out._shape.join() !== src._shape.join()) {
    broadcastShapes([src._shape, out._shape]);
    throw ValueError(
      `non-broadcastable output operand with shape (${out._shape.join(',')}) doesn't match the broadcast shape (${src._shape.join(',')})`,
    );
  }
  if (!out._writeable) throw ValueError('output array is read-only');
  maskedCopy(out, src, null);
}

// ---------------------------------------------------------------------------------------------
// clip

interface ClipOptions extends UfuncOptions {
  a_min?: ArrayLike | null;
  a_max?: ArrayLike | null;
  min?: ArrayLike | null;
  max?: ArrayLike | null;
}

/**
 * `np.clip(a, a_min, a_max, out, {min, max, ...ufunc options})`: minimum(maximum(a, a_min),
 * a_max), NaN-propagating; a missing bound (null/undefined) is not applied. As NumPy 2, for an
 * integer array a Python-int bound at or past the dtype's range is dropped (no OverflowError).
 */
export function clip(a: ArrayLike, ...args: unknown[]): NDArray | Scalar {
  const [pos, opts0] = splitOpts<ClipOptions>(args);
  if (pos.length > 3)
    throw TypeError_(`clip() takes from 1 to 4 positional arguments but ${plural(pos.length + 1)}`);
  const { a_min, a_max, min, max, ...opts } = opts0;
  let lo = (pos.length > 0 ? pos[0] : a_min) as ArrayLike | null | undefined;
  let hi = (pos.length > 1 ? pos[1] : a_max) as ArrayLike | null | undefined;
  const outs = pos.length > 2 ? [pos[2]] : [];
  const given = (v: unknown): boolean => v !== undefined;
  if ((given(min) || given(max)) && (given(lo) || given(hi))) {
    throw ValueError(
      'Passing `min` or `max` keyword argument when `a_min` and `a_max` are provided is forbidden.',
    );
  }
  if (given(min)) lo = min;
  if (given(max)) hi = max;
  let hasLo = lo !== undefined && lo !== null;
  let hasHi = hi !== undefined && hi !== null;
  // NumPy's _clip: for integer arrays, a Python-int bound beyond the dtype's range is dropped.
  const c0 = classify(a);
  const adt: DType = c0.kind === 'array' ? c0.a.dtype : c0.int ? 'int64' : 'float64';
  if (DTYPE_INFO[adt].kind === 'i' || DTYPE_INFO[adt].kind === 'u') {
    const [mn, mx] = intRange(adt);
    const isInt = (v: unknown): v is number | bigint =>
      (typeof v === 'number' && Number.isInteger(v)) || typeof v === 'bigint';
    if (hasLo && isInt(lo) && BigInt(lo) <= mn) hasLo = false;
    if (hasHi && isInt(hi) && BigInt(hi) >= mx) hasHi = false;
  }
  if (!hasLo && !hasHi) return finish(applyUfunc('positive', [a], opts, outs));
  const ins: unknown[] = [a];
  if (hasLo) ins.push(lo);
  if (hasHi) ins.push(hi);
  const op = hasLo && hasHi ? 'clip' : hasLo ? 'maximum' : 'minimum';
  return finish(applyUfunc(op, ins, opts, outs));
}

// ---------------------------------------------------------------------------------------------
// where

/** Indices of the nonzero elements, one int64 array per dimension (C order). */
function nonzeroIndices(a: NDArray): NDArray[] {
  if (a.ndim === 0)
    throw ValueError(
      'Calling nonzero on 0d arrays is not allowed. Use np.atleast_1d(scalar).nonzero() instead.',
    );
  const data = a._data() as unknown as Store;
  const hits: number[] = [];
  a._forEach((p, k) => {
    const v = data[p] as number | bigint;
    if (v !== 0 && v !== 0n) hits.push(k);
  });
  // As NumPy: columns of one C-ordered (count, ndim) int64 array.
  const nd = a.ndim;
  const all = NDArray.empty([hits.length, nd], 'int64', false);
  const idx = all._data() as BigInt64Array;
  const s0 = all._start;
  hits.forEach((flat, j) => {
    let f = flat;
    for (let d = nd - 1; d >= 0; d--) {
      const s = a._shape[d] as number;
      idx[s0 + j * nd + d] = BigInt(f % s);
      f = Math.floor(f / s);
    }
  });
  return a._shape.map((_, d) => all._view([hits.length], [nd], d));
}

/**
 * `np.where(condition)`: the indices of nonzero elements (a list of int64 arrays, NumPy's tuple).
 * `np.where(condition, x, y)`: x where condition else y, dtype by NEP 50 over x and y.
 */
export function where(condition: ArrayLike): NDArray[];
export function where(condition: ArrayLike, x: ArrayLike, y: ArrayLike): NDArray;
export function where(condition: ArrayLike, ...xy: ArrayLike[]): NDArray | NDArray[] {
  if (xy.length === 0) return nonzeroIndices(asarray(condition));
  if (xy.length !== 2) throw ValueError('either both or neither of x and y should be given');
  const c0 = asarray(condition);
  const ins = xy.map(classify);
  const dt = nep50(ins);
  const shapes = [c0._shape, ...ins.map((i) => (i.kind === 'array' ? i.a._shape : []))];
  const shape = broadcastShapes(shapes);
  const orig = [c0];
  for (const i of ins) if (i.kind === 'array') orig.push(i.a);
  const res = allocResult(shape, dt, orig);
  const c = c0.dtype === 'bool' ? c0 : copyArray(c0, 'bool');
  const [x, y] = ins.map((i: Input) =>
    i.kind === 'weak' ? scalarArray(i.v, dt) : i.a.dtype === dt ? i.a : copyArray(i.a, dt),
  ) as [NDArray, NDArray];
  const dc = c._data() as Uint8Array;
  const dx = x._data() as unknown as Store;
  const dy = y._data() as unknown as Store;
  const dr = res._data() as unknown as Store;
  loop(
    shape,
    [operand(c, shape), operand(x, shape), operand(y, shape), operand(res, shape)],
    (n, p, s) => {
      const [ic, ix, iy, ir] = p as [number, number, number, number];
      const [sc, sx, sy, sr] = s as [number, number, number, number];
      for (let j = 0; j < n; j++)
        dr[ir + j * sr] = dc[ic + j * sc]
          ? (dx[ix + j * sx] as number)
          : (dy[iy + j * sy] as number);
    },
  );
  return res;
}

// ---------------------------------------------------------------------------------------------
// nan_to_num, isclose, allclose, array_equal, array_equiv, result_type

interface NanToNumOptions {
  copy?: boolean;
  nan?: number;
  posinf?: number | null;
  neginf?: number | null;
}

/** `np.nan_to_num(x, copy=True, nan=0.0, posinf=None, neginf=None)`. */
export function nan_to_num(x: ArrayLike, ...args: unknown[]): NDArray | Scalar {
  const [pos, opts] = splitOpts<NanToNumOptions>(args);
  const copy = (pos[0] as boolean | undefined) ?? opts.copy ?? true;
  const nanV = (pos[1] as number | undefined) ?? opts.nan ?? 0;
  const c = classify(x);
  const a = c.kind === 'array' ? c.a : scalarArray(c.v, c.int ? 'int64' : 'float64');
  const isScalar = c.kind === 'weak' || (!isNDArray(x) && a.ndim === 0);
  let r = a;
  if (copy || c.kind === 'weak') r = allocResult(a._shape, a.dtype, [a]);
  if (r !== a) maskedCopy(r, a, null);
  if (DTYPE_INFO[a.dtype].kind === 'f') {
    if (!r._writeable) throw ValueError('assignment destination is read-only');
    const big = a.dtype === 'float32' ? 3.4028234663852886e38 : Number.MAX_VALUE;
    const pinf = (pos[2] as number | undefined) ?? opts.posinf ?? big;
    const ninf = (pos[3] as number | undefined) ?? opts.neginf ?? -big;
    const d = r._data() as Float64Array;
    r._forEach((p) => {
      const v = d[p] as number;
      if (v !== v) d[p] = nanV;
      else if (v === Infinity) d[p] = pinf;
      else if (v === -Infinity) d[p] = ninf;
    });
  }
  if (isScalar) return toJS(r._data()[r._start] as number, r.dtype);
  return r;
}

interface CloseOptions {
  rtol?: number;
  atol?: number;
  equal_nan?: boolean;
}

/** `np.isclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False)`: NumPy 2's formula. */
export function isclose(a: ArrayLike, b: ArrayLike, ...args: unknown[]): NDArray | Scalar {
  const [pos, opts] = splitOpts<CloseOptions>(args);
  const rtol = (pos[0] as number | undefined) ?? opts.rtol ?? 1e-5;
  const atol = (pos[1] as number | undefined) ?? opts.atol ?? 1e-8;
  const equalNan = (pos[2] as boolean | undefined) ?? opts.equal_nan ?? false;
  const x: unknown = typeof a === 'number' ? a : asarray(a);
  let y: unknown = typeof b === 'number' ? b : asarray(b);
  if (isNDArray(y)) {
    const dt = nep50([
      { kind: 'array', a: y },
      { kind: 'weak', v: 1.5, int: false },
    ]);
    if (y.dtype !== dt) y = copyArray(y, dt);
  }
  const absdiff = unary('absolute', binary('subtract', x, y));
  const tol = binary('add', atol, binary('multiply', rtol, unary('absolute', y)));
  let r = binary('logical_and', binary('less_equal', absdiff, tol), unary('isfinite', y));
  r = binary('logical_or', r, binary('equal', x, y));
  if (equalNan)
    r = binary('logical_or', r, binary('logical_and', unary('isnan', x), unary('isnan', y)));
  if (r.ndim === 0) return toJS(r._data()[r._start] as number, r.dtype);
  return r;
}

const allTrue = (r: NDArray): boolean => {
  const d = r._data() as Uint8Array;
  let ok = true;
  r._forEach((p) => {
    if (!d[p]) ok = false;
  });
  return ok;
};

/** `np.allclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False)`. */
export function allclose(a: ArrayLike, b: ArrayLike, ...args: unknown[]): boolean {
  const r = isclose(a, b, ...args);
  return isNDArray(r) ? allTrue(r) : Boolean(r);
}

/** `np.array_equal(a1, a2, equal_nan=False)`. */
export function array_equal(a1: ArrayLike, a2: ArrayLike, ...args: unknown[]): boolean {
  const [pos, opts] = splitOpts<{ equal_nan?: boolean }>(args);
  const equalNan = (pos[0] as boolean | undefined) ?? opts.equal_nan ?? false;
  const x = asarray(a1);
  const y = asarray(a2);
  if (x._shape.join() !== y._shape.join()) return false;
  let eq = binary('equal', x, y);
  if (equalNan)
    eq = binary('logical_or', eq, binary('logical_and', unary('isnan', x), unary('isnan', y)));
  return allTrue(eq);
}

/** `np.array_equiv(a1, a2)`: equal after broadcasting; false when they don't broadcast. */
export function array_equiv(a1: ArrayLike, a2: ArrayLike): boolean {
  const x = asarray(a1);
  const y = asarray(a2);
  if (tryBroadcastShapes([x._shape, y._shape]) === null) return false;
  return allTrue(binary('equal', x, y));
}

/**
 * `np.result_type(*arrays_and_dtypes)` under NEP 50: arrays and dtype names are strong, JS
 * numbers/bigints weak Python scalars, booleans bool.
 */
export function result_type(...args: unknown[]): DType {
  if (args.length === 0) throw ValueError('at least one array or dtype is required');
  const ins: Input[] = args.map((x) => {
    if (
      typeof x === 'string' ||
      (typeof x === 'object' &&
        x !== null &&
        !isNDArray(x) &&
        !Array.isArray(x) &&
        !isPlainObject(x) &&
        'name' in x)
    ) {
      return { kind: 'array', a: NDArray.empty([0], normalizeDtype(x)) };
    }
    return classify(x);
  });
  return nep50(ins);
}

// ---------------------------------------------------------------------------------------------
// Methods

declare module './ndarray' {
  interface NDArray {
    add(other: ArrayLike, opts?: UfuncOptions): NDArray;
    sub(other: ArrayLike, opts?: UfuncOptions): NDArray;
    mul(other: ArrayLike, opts?: UfuncOptions): NDArray;
    div(other: ArrayLike, opts?: UfuncOptions): NDArray;
    truediv(other: ArrayLike, opts?: UfuncOptions): NDArray;
    floordiv(other: ArrayLike, opts?: UfuncOptions): NDArray;
    mod(other: ArrayLike, opts?: UfuncOptions): NDArray;
    pow(other: ArrayLike, opts?: UfuncOptions): NDArray;
    neg(opts?: UfuncOptions): NDArray;
    pos(opts?: UfuncOptions): NDArray;
    abs(opts?: UfuncOptions): NDArray;
    eq(other: ArrayLike, opts?: UfuncOptions): NDArray;
    ne(other: ArrayLike, opts?: UfuncOptions): NDArray;
    lt(other: ArrayLike, opts?: UfuncOptions): NDArray;
    le(other: ArrayLike, opts?: UfuncOptions): NDArray;
    gt(other: ArrayLike, opts?: UfuncOptions): NDArray;
    ge(other: ArrayLike, opts?: UfuncOptions): NDArray;
    and_(other: ArrayLike, opts?: UfuncOptions): NDArray;
    or_(other: ArrayLike, opts?: UfuncOptions): NDArray;
    xor(other: ArrayLike, opts?: UfuncOptions): NDArray;
    bitwise_and(other: ArrayLike, opts?: UfuncOptions): NDArray;
    bitwise_or(other: ArrayLike, opts?: UfuncOptions): NDArray;
    bitwise_xor(other: ArrayLike, opts?: UfuncOptions): NDArray;
    lshift(other: ArrayLike, opts?: UfuncOptions): NDArray;
    rshift(other: ArrayLike, opts?: UfuncOptions): NDArray;
    invert(opts?: UfuncOptions): NDArray;
    /** `a += b`: adds in place (same_kind casting into a's dtype) and returns `a`. */
    iadd(other: ArrayLike, opts?: UfuncOptions): NDArray;
    isub(other: ArrayLike, opts?: UfuncOptions): NDArray;
    imul(other: ArrayLike, opts?: UfuncOptions): NDArray;
    idiv(other: ArrayLike, opts?: UfuncOptions): NDArray;
    itruediv(other: ArrayLike, opts?: UfuncOptions): NDArray;
    ifloordiv(other: ArrayLike, opts?: UfuncOptions): NDArray;
    imod(other: ArrayLike, opts?: UfuncOptions): NDArray;
    ipow(other: ArrayLike, opts?: UfuncOptions): NDArray;
    iand(other: ArrayLike, opts?: UfuncOptions): NDArray;
    ior(other: ArrayLike, opts?: UfuncOptions): NDArray;
    ixor(other: ArrayLike, opts?: UfuncOptions): NDArray;
    ilshift(other: ArrayLike, opts?: UfuncOptions): NDArray;
    irshift(other: ArrayLike, opts?: UfuncOptions): NDArray;
    /** `a.round(decimals=0, out=None)`. */
    round(decimals?: number | { decimals?: number; out?: NDArray }, out?: NDArray): NDArray;
    /** `a.clip(min, max, out)`. */
    clip(
      min?: ArrayLike | null | ClipOptions,
      max?: ArrayLike | null | ClipOptions,
      ...rest: unknown[]
    ): NDArray;
  }
}

const METHODS2: Record<string, string> = {
  add: 'add',
  sub: 'subtract',
  mul: 'multiply',
  div: 'true_divide',
  truediv: 'true_divide',
  floordiv: 'floor_divide',
  mod: 'remainder',
  pow: 'power',
  eq: 'equal',
  ne: 'not_equal',
  lt: 'less',
  le: 'less_equal',
  gt: 'greater',
  ge: 'greater_equal',
  and_: 'bitwise_and',
  or_: 'bitwise_or',
  xor: 'bitwise_xor',
  bitwise_and: 'bitwise_and',
  bitwise_or: 'bitwise_or',
  bitwise_xor: 'bitwise_xor',
  lshift: 'left_shift',
  rshift: 'right_shift',
};
const METHODS1: Record<string, string> = {
  neg: 'negative',
  pos: 'positive',
  abs: 'absolute',
  invert: 'invert',
};

const proto = NDArray.prototype as unknown as Record<string, unknown>;
for (const [m, op] of Object.entries(METHODS2)) {
  const f = makeUfunc(op, 2);
  proto[m] = function (this: NDArray, ...args: unknown[]) {
    return f(this, ...args);
  };
}
for (const [m, op] of Object.entries(METHODS1)) {
  const f = makeUfunc(op, 1);
  proto[m] = function (this: NDArray, ...args: unknown[]) {
    return f(this, ...args);
  };
}
/** In-place operators (`a += b` → `a.iadd(b)`): `np.<op>(a, b, {out: a})`, same_kind casting. */
const INPLACE: Record<string, string> = {
  iadd: 'add',
  isub: 'subtract',
  imul: 'multiply',
  idiv: 'true_divide',
  itruediv: 'true_divide',
  ifloordiv: 'floor_divide',
  imod: 'remainder',
  ipow: 'power',
  iand: 'bitwise_and',
  ior: 'bitwise_or',
  ixor: 'bitwise_xor',
  ilshift: 'left_shift',
  irshift: 'right_shift',
};
for (const [m, op] of Object.entries(INPLACE)) {
  proto[m] = function (this: NDArray, other: ArrayLike, opts: UfuncOptions = {}) {
    applyUfunc(op, [this, other], { ...opts, out: this });
    return this;
  };
}
NDArray.prototype.round = function (this: NDArray, ...args: unknown[]) {
  return round(this, ...args) as NDArray;
};
NDArray.prototype.clip = function (this: NDArray, ...args: unknown[]) {
  return clip(this, ...args) as NDArray;
};
