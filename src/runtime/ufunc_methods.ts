/**
 * Methods of ufunc objects: `np.add.reduce`, `np.add.accumulate`, `np.add.outer`, and the
 * attributes `nin nout nargs identity types __name__`.
 *
 * reduce: associative ufuncs (add, multiply, extrema, logical and bitwise ops) reduce an axis as a
 * balanced tree of whole-slice ufunc calls (~2·log2(n) vectorized calls; for float `add` this is
 * pairwise summation, close to NumPy's); the others fold left to right, as NumPy does.
 */
import { DTYPE_INFO, type DType } from './dtype';
import { TypeError_, ValueError, normalizeAxis, normalizeAxisTuple } from './errors';
import { broadcastShapes, tryBroadcastShapes } from './iter';
import { splitOpts } from './args';
import { NDArray, isNDArray, shapeSize, type ArrayLike, type Scalar } from './ndarray';
import { asarray, converter, copyArray, toJS } from './convert';
import {
  allocResult,
  applyUfunc,
  classify,
  maskedCopy,
  resolveLoop,
  runKernel,
  scalarArray,
  ufuncName,
} from './ufunc_core';
import {
  UFUNC_DEFS,
  getKernel,
  type BinaryKernel,
  type Num,
  type Store,
  type UnaryKernel,
} from './ufunc_kernels';
import { getitem } from './indexing';
import { typedArrayCtor } from './memory';

/** NumPy's `ufunc.identity` (null when the ufunc has none). */
export const IDENTITY: Record<string, Scalar | null> = {
  add: 0,
  multiply: 1,
  logical_and: true,
  logical_or: false,
  logical_xor: false,
  bitwise_and: -1,
  bitwise_or: 0,
  bitwise_xor: 0,
};

const ASSOCIATIVE = new Set([
  'add',
  'multiply',
  'maximum',
  'minimum',
  'fmax',
  'fmin',
  'logical_and',
  'logical_or',
  'logical_xor',
  'bitwise_and',
  'bitwise_or',
  'bitwise_xor',
]);

export interface UfuncReduceOptions {
  axis?: number | readonly number[] | null;
  dtype?: string | null;
  out?: NDArray | null;
  keepdims?: boolean;
  initial?: Scalar;
  /** Mask of elements to include (needs an identity or `initial`). */
  where?: ArrayLike;
}

/** The dtype a reduction runs in (NumPy: add/multiply upcast small ints to the default int). */
function reductionDtype(op: string, a: NDArray, dtype: string | null | undefined): DType {
  const def = UFUNC_DEFS[op]!;
  const name = ufuncName(op);
  let R: DType;
  if (dtype !== undefined && dtype !== null) R = asarray(0, { dtype }).dtype;
  else if (
    (op === 'add' || op === 'multiply') &&
    DTYPE_INFO[a.dtype].kind !== 'f' &&
    DTYPE_INFO[a.dtype].itemsize < 8
  ) {
    R = DTYPE_INFO[a.dtype].kind === 'u' ? 'uint64' : 'int64';
  } else R = a.dtype;
  if (def.kind === 'logical') return 'bool';
  if (def.kind === 'compare' || def.kind === 'predicate') {
    throw TypeError_(
      `No loop matching the specified signature and casting was found for ufunc ${name}`,
    );
  }
  const probe = NDArray.empty([0], R);
  const lp = resolveLoop(def, [classify(probe), classify(probe)], dtype ? R : null, 'unsafe').loop;
  return lp.outs[0] as DType;
}

/** A view of `a` taking index range [lo, hi) along axis `ax`. */
function sliceAxis(a: NDArray, ax: number, lo: number, hi: number): NDArray {
  const shape = [...a._shape];
  shape[ax] = hi - lo;
  return a._view(shape, a._strides, a._offset + lo * (a._strides[ax] as number));
}

/** Reduces one axis of `a` (already in dtype R) to length 1 (kept). */
function reduceAxis(op: string, a: NDArray, ax: number): NDArray {
  const n = a._shape[ax] as number;
  const def = UFUNC_DEFS[op]!;
  if (ASSOCIATIVE.has(op)) {
    let cur = a;
    let len = n;
    while (len > 1) {
      const h = Math.floor(len / 2);
      const left = sliceAxis(cur, ax, 0, h);
      const right = sliceAxis(cur, ax, h, 2 * h);
      const next = applyUfunc(op, [left, right], { casting: 'unsafe', dtype: cur.dtype })
        .results[0] as NDArray;
      if (len % 2 === 1) {
        const first = sliceAxis(next, ax, 0, 1);
        applyUfunc(op, [first, sliceAxis(cur, ax, len - 1, len)], {
          out: first,
          casting: 'unsafe',
          dtype: cur.dtype,
        });
      }
      cur = next;
      len = h;
    }
    return cur === a ? copyArray(a) : cur;
  }
  // left fold, kernel by kernel
  const acc = copyArray(sliceAxis(a, ax, 0, 1));
  const lp = resolveLoop(def, [classify(acc), classify(acc)], acc.dtype, 'unsafe').loop;
  for (let i = 1; i < n; i++)
    runKernel(op, lp, acc._shape, [acc, sliceAxis(a, ax, i, i + 1)], [acc]);
  return acc;
}

/** `ufunc.reduce(array, axis=0, dtype=None, out=None, keepdims=False, initial=<none>)`. */
export function ufuncReduce(op: string, array: ArrayLike, ...args: unknown[]): NDArray | Scalar {
  const def = UFUNC_DEFS[op]!;
  const name = ufuncName(op);
  if (def.nin !== 2) throw ValueError('reduce only supported for binary functions');
  if (def.nout !== 1)
    throw ValueError('reduce only supported for functions returning a single value');
  const [pos, opts] = splitOpts<UfuncReduceOptions>(args);
  const a = asarray(array);
  const axisArg = pos.length > 0 ? pos[0] : opts.axis === undefined ? 0 : opts.axis;
  const dtype = (pos[1] as string | undefined) ?? opts.dtype;
  const out = (pos[2] as NDArray | undefined) ?? opts.out ?? null;
  const keepdims = (pos[3] as boolean | undefined) ?? opts.keepdims ?? false;
  const initial = opts.initial;
  const axes =
    axisArg === null
      ? a._shape.map((_, i) => i)
      : normalizeAxisTuple(axisArg as number | readonly number[], Math.max(a.ndim, 0));
  const R = reductionDtype(op, a, dtype);
  const keptShape = a._shape.map((d, i) => (axes.includes(i) ? 1 : d));
  const finalShape = keepdims ? keptShape : a._shape.filter((_, i) => !axes.includes(i));
  const count = axes.reduce((p, ax) => p * (a._shape[ax] as number), 1);
  let res: NDArray;
  if (count === 0) {
    const id = initial ?? IDENTITY[op] ?? null;
    if (id === null)
      throw ValueError(`zero-size array to reduction operation ${name} which has no identity`);
    res = NDArray.empty(keptShape, R);
    maskedCopy(res, scalarArray(id, R), null);
  } else {
    let cur = a.dtype === R ? a : copyArray(a, R);
    if (opts.where !== undefined && opts.where !== true) {
      // masked-out elements become the identity (or `initial`, for idempotent ops like maximum)
      const mask = isNDArray(opts.where)
        ? opts.where
        : asarray(opts.where as ArrayLike, { dtype: 'bool' });
      const fill = IDENTITY[op] ?? initial ?? null;
      if (fill === null) {
        throw ValueError(
          `reduction operation '${name}' does not have an identity, so to use a where mask one has to specify 'initial'`,
        );
      }
      broadcastShapes([mask._shape, a._shape]);
      const masked = allocResult(a._shape, R, [a]);
      maskedCopy(masked, scalarArray(fill, R), null);
      maskedCopy(masked, cur, mask.dtype === 'bool' ? mask : copyArray(mask, 'bool'));
      cur = masked;
    }
    for (const ax of axes) if ((cur._shape[ax] as number) > 1) cur = reduceAxis(op, cur, ax);
    if (initial !== undefined) {
      cur = applyUfunc(op, [scalarArray(initial, R), cur], { casting: 'unsafe', dtype: R })
        .results[0] as NDArray;
    }
    res = cur;
  }
  // a fresh owner laid out like the input (NumPy's order='K' over the kept axes)
  const layout = allocResult(keptShape, R, [a]);
  maskedCopy(layout, res, null);
  res = layout;
  const shaped = new NDArray({
    buffer: res.buffer,
    dtype: res.dtype,
    shape: finalShape,
    strides: stridesFor(res, keepdims ? null : axes),
    offset: res._offset,
    base: null,
    writeable: true,
  });
  if (out !== null) {
    if (!isNDArray(out)) throw TypeError_('output must be an array');
    maskedCopy(out, shaped, null);
    return out;
  }
  if (shaped.ndim === 0) return toJS(shaped._data()[shaped._start] as number, shaped.dtype);
  return shaped;
}

/** Strides of `a` with the (size-1) reduced axes dropped. */
function stridesFor(a: NDArray, drop: readonly number[] | null): number[] {
  if (drop === null) return [...a._strides];
  return a._strides.filter((_, i) => !drop.includes(i));
}

/** `ufunc.accumulate(array, axis=0, dtype=None, out=None)`. */
export function ufuncAccumulate(op: string, array: ArrayLike, ...args: unknown[]): NDArray {
  const def = UFUNC_DEFS[op]!;
  if (def.nin !== 2) throw ValueError('accumulate only supported for binary functions');
  if (def.nout !== 1)
    throw ValueError('accumulate only supported for functions returning a single value');
  const [pos, opts] = splitOpts<UfuncReduceOptions>(args);
  const a = asarray(array);
  const axisArg = pos.length > 0 ? pos[0] : opts.axis === undefined ? 0 : opts.axis;
  if (axisArg === null || Array.isArray(axisArg))
    throw ValueError('accumulate does not allow multiple axes');
  if (a.ndim === 0) throw TypeError_('cannot accumulate on a scalar');
  const ax = normalizeAxis(axisArg as number, a.ndim);
  const dtype = (pos[1] as string | undefined) ?? opts.dtype;
  const out = (pos[2] as NDArray | undefined) ?? opts.out ?? null;
  const R = reductionDtype(op, a, dtype);
  const src = a.dtype === R ? a : copyArray(a, R);
  const res = allocResult(a._shape, R, [a]);
  const n = a._shape[ax] as number;
  if (shapeSize(a._shape) > 0) {
    maskedCopy(sliceAxis(res, ax, 0, 1), sliceAxis(src, ax, 0, 1), null);
    const probe = sliceAxis(res, ax, 0, 1);
    const lp = resolveLoop(def, [classify(probe), classify(probe)], R, 'unsafe').loop;
    for (let i = 1; i < n; i++) {
      runKernel(
        op,
        lp,
        probe._shape,
        [sliceAxis(res, ax, i - 1, i), sliceAxis(src, ax, i, i + 1)],
        [sliceAxis(res, ax, i, i + 1)],
      );
    }
  }
  if (out !== null) {
    maskedCopy(out, res, null);
    return out;
  }
  return res;
}

/** `ufunc.outer(A, B, **kwargs)`: op over every pair, result shape A.shape + B.shape. */
export function ufuncOuter(
  op: string,
  A: ArrayLike,
  B: ArrayLike,
  ...args: unknown[]
): NDArray | Scalar {
  const def = UFUNC_DEFS[op]!;
  if (def.nin !== 2) throw ValueError('outer product only supported for binary functions');
  const [, opts] = splitOpts<Record<string, unknown>>(args);
  const a = asarray(A);
  const b = asarray(B);
  const bnd = b.ndim;
  const x = isNDArray(a)
    ? a._view(
        [...a._shape, ...new Array<number>(bnd).fill(1)],
        [...a._strides, ...new Array<number>(bnd).fill(0)],
        a._offset,
      )
    : a;
  const call = applyUfunc(op, [x, b], opts);
  const r = call.results[0] as NDArray;
  if (r.ndim === 0 && !call.hadOut[0]) return toJS(r._data()[r._start] as number, r.dtype);
  return r;
}

/**
 * `ufunc.at(a, indices, b)`: unbuffered in-place `a[indices] = op(a[indices], b)`; repeated
 * indices apply repeatedly (`np.add.at(a, [0, 0], 1)` adds 2). Results cast back unsafely, as
 * NumPy does. `indices` is one index (an int, list, array, slice string) or, as NumPy's tuple, a
 * JS array of per-axis index arrays/slices.
 */
export function ufuncAt(op: string, a: NDArray, indices: unknown, b?: ArrayLike): void {
  const def = UFUNC_DEFS[op]!;
  if (def.nout !== 1) throw ValueError('Only single output ufuncs supported at this time');
  if (def.nin === 2 && b === undefined) throw ValueError('second operand needed for ufunc');
  if (def.nin === 1 && b !== undefined)
    throw ValueError('second operand provided when ufunc is unary');
  if (!isNDArray(a)) throw TypeError_('first operand must be an array');
  a._assertWriteable();
  // the data index of every element of `a`, indexed like `a`
  const pos = NDArray.empty(a._shape, 'float64', false);
  {
    const pd = pos._data() as Float64Array;
    let k = pos._start;
    a._forEach((p) => {
      pd[k++] = p;
    });
  }
  const isTuple =
    Array.isArray(indices) &&
    indices.length > 0 &&
    indices.every(
      (x) =>
        isNDArray(x) ||
        typeof x === 'string' ||
        x === null ||
        (typeof x === 'object' && !Array.isArray(x)),
    );
  const sel0 = getitem(pos, isTuple ? (indices as unknown[]) : [indices]);
  const sel = isNDArray(sel0) ? sel0 : scalarArray(sel0, 'float64');
  const ins = def.nin === 2 ? [classify(a), classify(b)] : [classify(a)];
  const lp = resolveLoop(def, ins, null, 'unsafe').loop;
  let bb: NDArray | null = null;
  if (def.nin === 2) {
    const bi = ins[1]!;
    const bArr = bi.kind === 'weak' ? scalarArray(bi.v, lp.ins[1]!) : bi.a;
    const shp = tryBroadcastShapes([bArr._shape, sel._shape]);
    if (shp === null || shp.join() !== sel._shape.join())
      throw ValueError('array is not broadcastable to correct shape');
    bb = allocResult(sel._shape, lp.ins[1]!);
    maskedCopy(bb, bArr, null);
  }
  const kernel = getKernel(op, lp.key, 'ts')!;
  const T = (d: DType): Store => new (typedArrayCtor(d))(new ArrayBuffer(8)) as unknown as Store;
  const tx = T(lp.ins[0]!);
  const ty = T(def.nin === 2 ? lp.ins[1]! : lp.ins[0]!);
  const to = T(lp.outs[0]!);
  const cin = converter(a.dtype, lp.ins[0]!) as ((x: Num) => Num) | null;
  const cout = converter(lp.outs[0]!, a.dtype) as ((x: Num) => Num) | null;
  // typed arrays after the last allocation
  const ad = a._data() as unknown as Store;
  const sd = sel._data() as Float64Array;
  const bd = bb === null ? null : (bb._data() as unknown as Store);
  let k = 0;
  sel._forEach((q) => {
    const p = sd[q]!;
    const v = ad[p]!;
    tx[0] = cin === null ? v : cin(v);
    if (bd !== null) {
      ty[0] = bd[bb!._start + k]!;
      (kernel as BinaryKernel)(1, tx, 0, 0, ty, 0, 0, to, 0, 0);
    } else (kernel as UnaryKernel)(1, tx, 0, 0, to, 0, 0);
    ad[p] = cout === null ? to[0]! : cout(to[0]!);
    k++;
  });
}

/** NumPy's `ufunc.types` strings for our loops (`'bb->b'`). */
export function loopTypes(op: string): string[] {
  const code: Record<DType, string> = {
    bool: '?',
    int8: 'b',
    uint8: 'B',
    int16: 'h',
    uint16: 'H',
    int32: 'i',
    uint32: 'I',
    int64: 'l',
    uint64: 'L',
    float32: 'f',
    float64: 'd',
  };
  return UFUNC_DEFS[op]!.loops.map(
    (l) => l.ins.map((d) => code[d]).join('') + '->' + l.outs.map((d) => code[d]).join(''),
  );
}

/** Attaches NumPy's ufunc attributes and methods to a ufunc function. */
export function decorateUfunc<F extends object>(fn: F, op: string): F & UfuncAttributes {
  const def = UFUNC_DEFS[op]!;
  const attrs: UfuncAttributes = {
    __name__: ufuncName(op),
    nin: def.nin,
    nout: def.nout,
    nargs: def.nin + def.nout,
    ntypes: def.loops.length,
    types: loopTypes(op),
    identity: IDENTITY[op] ?? null,
    reduce: (array: ArrayLike, ...args: unknown[]) => ufuncReduce(op, array, ...args),
    accumulate: (array: ArrayLike, ...args: unknown[]) => ufuncAccumulate(op, array, ...args),
    outer: (A: ArrayLike, B: ArrayLike, ...args: unknown[]) => ufuncOuter(op, A, B, ...args),
    at: (a: NDArray, indices: unknown, b?: ArrayLike) => ufuncAt(op, a, indices, b),
  };
  return Object.assign(fn, attrs);
}

export interface UfuncAttributes {
  __name__: string;
  nin: number;
  nout: number;
  nargs: number;
  ntypes: number;
  types: string[];
  identity: Scalar | null;
  /** `ufunc.reduce(array, axis=0, dtype, out, keepdims, {initial})`. */
  reduce(array: ArrayLike, ...args: unknown[]): NDArray | Scalar;
  /** `ufunc.accumulate(array, axis=0, dtype, out)`. */
  accumulate(array: ArrayLike, ...args: unknown[]): NDArray;
  /** `ufunc.outer(A, B, {out, where, dtype, casting})`. */
  outer(A: ArrayLike, B: ArrayLike, ...args: unknown[]): NDArray | Scalar;
  /** `ufunc.at(a, indices, b)`: unbuffered in place, repeated indices accumulate. */
  at(a: NDArray, indices: unknown, b?: ArrayLike): void;
}
