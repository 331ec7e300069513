/**
 * Reductions: sum prod mean std var min max amin amax argmin argmax all any cumsum cumprod ptp
 * average count_nonzero, the nan* family (nansum nanprod nanmean nanstd nanvar nanmin nanmax
 * nanargmin nanargmax nancumsum nancumprod nanmedian nanpercentile nanquantile), median,
 * percentile and quantile (all 13 NumPy methods).
 *
 * Float sums agree with NumPy to the last bit. The loop mirrors NumPy's reduction iterator:
 * axes ordered by nditer's insertion sort on |stride| (size-1 and zero strides have no say),
 * negative strides kept (NPY_ITER_DONT_NEGATE_STRIDES), the result allocated in that order (a
 * reduction of an F-ordered array is F-ordered). Float add-reductions then follow
 * `npyiter_find_buffering_setup` (nditer_constr.c): coalesced dims, the cost model choosing the
 * outer dim, reduce logic or buffering (8192-element buffers, casts always buffered), and the
 * inner loop's `out += pairwise_sum(run)` with NumPy's `pairwise_sum` (8 accumulators, blocks of
 * 128, recursive halving); `where=` calls the loop once per run of unmasked elements, as NumPy's
 * masked loop. mean/var/std/average follow NumPy's `_methods.py` step by step.
 *
 * Known divergences: with `out=` of a dtype different from the loop dtype, NumPy round-trips the
 * running value through `out`'s dtype at every buffer transfer; here the first item (min/max
 * over one axis) and the final result are cast, not intermediate buffers (they differ only when
 * a mid-reduction round trip loses information, e.g. a NaN inside a long float lane into an int
 * `out`).
 * `a.ptp()` is not a method (NumPy 2 removed it).
 */
import { isPlainObject, splitOpts } from './args';
import { asarray, checkIntFits, copyInto, scalarToStorage, toJS } from './convert';
import { DTYPE_INFO, normalizeDtype, promoteTypes, type DType } from './dtype';
import { AxisError, IndexError, NumPyError, OverflowError, TypeError_, ValueError } from './errors';
import {
  broadcastStrides,
  collapse,
  loop,
  loop2,
  loop3,
  operand,
  shapeStrTight,
  tryBroadcastShapes,
  bestAxisOrder,
} from './iter';
import { view } from './memory';
import { getKernel, type BinaryKernel } from './ufunc_kernels';
import { NDArray, isNDArray, iota, shapeSize, cStrides, type ArrayLike, type Scalar } from './ndarray';

type Num = number | bigint;
/** A typed array read/written through numbers or bigints (the dtype decides which). */
type Store = { [i: number]: Num };
type FStore = { [i: number]: number };

// ---------------------------------------------------------------------------------------------
// Arguments

/** Python's type name of a JS value, for NumPy's TypeError texts. */
export function pyTypeName(x: unknown): string {
  if (typeof x === 'number') return Number.isInteger(x) ? 'int' : 'float';
  if (typeof x === 'string') return 'str';
  if (x === null || x === undefined) return 'NoneType';
  if (Array.isArray(x)) return 'tuple';
  if (typeof x === 'boolean') return 'bool';
  if (isNDArray(x)) return 'numpy.ndarray';
  return typeof x;
}

/** An integer argument (`axis`), or NumPy's `'float' object cannot be interpreted as an integer`. */
export function toIndexInt(x: unknown): number {
  if (typeof x === 'bigint') return Number(x);
  if (typeof x === 'number' && Number.isInteger(x)) return x;
  if (isNDArray(x) && x.ndim === 0 && DTYPE_INFO[x.dtype].kind !== 'f' && x.dtype !== 'bool') {
    return Number(x._data()[x._start]);
  }
  throw TypeError_(`'${pyTypeName(x)}' object cannot be interpreted as an integer`);
}

/** Normalized reduction axes (all axes for null/undefined). */
export function reductionAxes(
  axis: unknown,
  ndim: number,
  dupMsg = "duplicate value in 'axis'",
  floatMsg: string | null = null,
): number[] {
  if (axis === undefined || axis === null) return iota(ndim);
  if (floatMsg !== null && typeof axis === 'number' && !Number.isInteger(axis))
    throw TypeError_(floatMsg);
  const list: unknown[] = Array.isArray(axis) ? axis : [axis];
  const out = list.map((x) => {
    const v = toIndexInt(x);
    if (v < -ndim || v >= ndim) throw AxisError(v, ndim);
    return v < 0 ? v + ndim : v;
  });
  if (new Set(out).size !== out.length) throw ValueError(dupMsg);
  return out;
}

/** A single integer axis (argmax, cumsum, sort…); null passes through. */
export function singleAxis(axis: unknown, ndim: number): number | null {
  if (axis === undefined || axis === null) return null;
  const v = toIndexInt(axis);
  if (v < -ndim || v >= ndim) throw AxisError(v, ndim);
  return v < 0 ? v + ndim : v;
}

/** Positional arguments mapped to NumPy's parameter names, merged with the options object. */
export function parseArgs(
  args: readonly unknown[],
  names: readonly string[],
): Record<string, unknown> {
  const [pos, opts] = splitOpts<Record<string, unknown>>(args);
  const r: Record<string, unknown> = {};
  pos.forEach((v, i) => {
    const n = names[i];
    if (n === undefined) throw TypeError_(`takes at most ${names.length + 1} positional arguments`);
    r[n] = v;
  });
  for (const [k, v] of Object.entries(opts)) r[k] = v;
  return r;
}

/**
 * With `out=` and no `dtype`, NumPy's reductions loop in the common dtype of the output and the
 * input (`(out, in) -> out` signature resolution), then cast into `out`.
 */
const outDtype = (out: unknown, input: DType): DType | null => {
  const o = outArray(out);
  return o === null ? null : promoteTypes(o.dtype, input);
};

/** The `out=` array (NumPy also accepts a 1-tuple). */
function outArray(out: unknown): NDArray | null {
  const o = Array.isArray(out) ? (out[0] as unknown) : out;
  return isNDArray(o) ? o : null;
}

const optDtype = (d: unknown): DType | null =>
  d === undefined || d === null ? null : normalizeDtype(d);

// ---------------------------------------------------------------------------------------------
// Layout and the reduction loop

/** nditer's axis order for the given operands' strides, innermost first (see `bestAxisOrder`). */
export function iterPerm(strides: readonly number[], ...more: (readonly number[])[]): number[] {
  return bestAxisOrder(strides.length, [strides, ...more]);
}

/** Strides as nditer sees them: size-1 dims get stride 0 (so they have no say in the order). */
export function itStrides(a: NDArray): number[] {
  return a._strides.map((st, i) => (a._shape[i] === 1 ? 0 : st));
}

/** A fresh owner of `shape` whose strides follow `perm` (innermost first); zero strides if empty. */
export function allocPerm(
  shape: readonly number[],
  perm: readonly number[],
  dtype: DType,
  zero = true,
): NDArray {
  const size = shapeSize(shape);
  const strides = new Array<number>(shape.length).fill(0);
  if (size > 0) {
    let acc = 1;
    for (const ax of perm) {
      strides[ax] = acc;
      acc *= shape[ax] as number;
    }
  }
  const owner = NDArray.empty([size], dtype, zero);
  return new NDArray({
    buffer: owner.buffer,
    dtype,
    shape,
    strides,
    offset: 0,
    base: null,
    writeable: true,
  });
}

/** NumPy's `PyArray_NewLikeArray(order='K')`: axes by |stride|, largest outermost (stable). */
export function newLikeK(a: NDArray, dtype: DType = a.dtype): NDArray {
  const nd = a.ndim;
  // innermost axis first: C → last..0, F → 0..last, else by decreasing |stride| reversed
  let perm: number[];
  if (a.flags.c_contiguous) perm = iota(nd).reverse();
  else if (a.flags.f_contiguous) perm = iota(nd);
  else
    perm = iota(nd)
      .sort(
        (i, j) => Math.abs(a._strides[j] as number) - Math.abs(a._strides[i] as number) || i - j,
      )
      .reverse();
  return allocPerm(a._shape, perm, dtype, false);
}

/** A fresh array laid out like `a` (NumPy's order='K'). */
export function emptyLikeK(a: NDArray, dtype: DType = a.dtype, zero = true): NDArray {
  return allocPerm(a._shape, iterPerm(itStrides(a)), dtype, zero);
}

/** `a` cast to `dtype`, keeping its layout (no copy when the dtype already matches). */
export function castK(a: NDArray, dtype: DType): NDArray {
  if (a.dtype === dtype) return a;
  const o = emptyLikeK(a, dtype, false);
  copyInto(o, a);
  return o;
}

/** A K-ordered copy of `a` in `dtype`. */
function copyK(a: NDArray, dtype: DType = a.dtype): NDArray {
  const o = emptyLikeK(a, dtype, false);
  copyInto(o, a);
  return o;
}

type Inner = (n: number, ip: number, is: number, op: number, os: number) => void;

/**
 * Native loops for the reduction iterator (the WASM backend, src/runtime/wasm/reduce.ts); each
 * returns false when it has no kernel for the case (the TS loop then runs). Units: elements of
 * linear memory (`view(dtype)` indexes). All are bit-identical to the TS loops here.
 */
export interface ReduceBackend {
  /**
   * `op.reduce`'s loop: over `shape` (outer → inner, not collapsed), `inner(n, …)` on each
   * innermost run in C order, as `reduceLoop` below with `kernel(op, dt, srcDt)`.
   */
  reduce(
    op: Op,
    dt: DType,
    srcDt: DType,
    shape: readonly number[],
    o: number,
    ost: readonly number[],
    i: number,
    ist: readonly number[],
  ): boolean;
  /** argmax/argmin (no NaN skipping) of each lane of `n` elements (stride `st`) into int64 `o`. */
  arg(
    isMax: boolean,
    dt: DType,
    lanes: readonly number[],
    i: number,
    ist: readonly number[],
    n: number,
    st: number,
    o: number,
    ost: readonly number[],
  ): boolean;
  /** In-place cumsum/cumprod along `n` elements (stride `st`) of each lane of `p`. */
  accumulate(
    op: 'add' | 'multiply',
    dt: DType,
    lanes: readonly number[],
    p: number,
    pst: readonly number[],
    n: number,
    st: number,
  ): boolean;
  /**
   * The whole-run kernel `op` for dtype `dt` (see `flatTwin`), or null: called as `(i, n, m)` on
   * `n` >= 1 contiguous elements from element `i`.
   */
  flat(op: FlatOp, dt: FlatDType): FlatFn | null;
  /**
   * The add-reduction of a C-contiguous r×c block at element `i` into the zeroed result at `o`
   * along its rows (`rows`: out[k] = 0 + pairwise(row k)) or down its columns (the rows added
   * elementwise in order): `reduce`'s native call for these two layouts without its set-up.
   */
  sum2d(
    dt: FlatDType,
  ): ((r: number, c: number, i: number, o: number, rows: boolean) => void) | null;
}
let native: ReduceBackend | null = null;
/** Installs the native reduction loops (src/runtime/wasm); null: the TS loops only. */
export function setReduceBackend(b: ReduceBackend | null): void {
  native = b;
}

/**
 * Runs `inner` over `src` against `outK` (keepdims-shaped; reduced dims have size 1) in the
 * order NumPy's reduction iterator uses; `nat` names the native loop doing the same.
 */
function reduceLoop(src: NDArray, outK: NDArray, inner: Inner, nat?: [Op, DType]): void {
  const shape = src._shape;
  // NumPy's reductions iterate with NPY_ITER_DONT_NEGATE_STRIDES: negative strides stay.
  const is0 = src._start;
  const os0 = outK._start;
  const ist = [...src._strides];
  const ost = outK._strides.map((s, i) => (outK._shape[i] === 1 && shape[i] !== 1 ? 0 : s));
  const perm = iterPerm(ist.map((st, i) => (shape[i] === 1 ? 0 : st))).reverse();
  const pshape = perm.map((d) => shape[d] as number);
  const post = perm.map((d) => ost[d] as number);
  const pist = perm.map((d) => ist[d] as number);
  if (
    nat !== undefined &&
    native !== null &&
    native.reduce(nat[0], nat[1], src.dtype, pshape, os0, post, is0, pist)
  )
    return;
  loop(
    pshape,
    [
      { start: os0, strides: post },
      { start: is0, strides: pist },
    ],
    (n, p, s) => inner(n, p[1] as number, s[1] as number, p[0] as number, s[0] as number),
  );
}

// ---------------------------------------------------------------------------------------------
// Kernels

/** NumPy's default ufunc buffer size (np.getbufsize()). */
const BUFSIZE = 8192;

/**
 * A float add-reduction in the order NumPy 2.4 hands elements to its inner loop.
 *
 * The axes of `a` are ordered as nditer does (ties and zero strides stay put) and coalesced for
 * both operands (result, input); then `npyiter_find_buffering_setup`'s cost model (ported from
 * nditer_constr.c) picks the "outer" dim, whether the reduce logic is used and which operand is
 * buffered. The inner loop then sees consecutive runs of the iteration order: with the reduce
 * logic one core (the dims inside the outer reduce dim) per call; otherwise blocks of the dims up
 * to the outer dim, cut into buffer-sized chunks. A run whose result stride is 0 is summed
 * pairwise (`out += pairwise_sum(run)`), any other run elementwise. `cast` marks an input NumPy
 * must cast (always buffered). `src` holds the (cast) values with a's shape; `outK` the
 * keepdims-shaped result, already holding the initial value.
 */
function planSum(
  a: NDArray,
  src: NDArray,
  outK: NDArray,
  cast: boolean,
  mask: NDArray | null = null,
): void {
  const f32 = src.dtype === 'float32';
  const shape = a._shape;
  const ost = outK._strides.map((st, i) => (outK._shape[i] === 1 && shape[i] !== 1 ? 0 : st));
  const mst = mask === null ? null : mask._strides;
  const perm = (
    mask === null ? iterPerm(itStrides(a)) : iterPerm(itStrides(a), itStrides(mask))
  ).reverse(); // outer → inner
  const opStrides = [ost, a._strides, ...(mst === null ? [] : [mst])];
  const c = collapse(
    perm.map((d) => shape[d] as number),
    opStrides.map((st) => perm.map((d) => st[d] as number)),
  );
  // inner-first, as nditer's axisdata
  const s = [...c.shape].reverse();
  const to = [...(c.strides[0] as number[])].reverse();
  const ti = [...(c.strides[1] as number[])].reverse();
  const tm = mst === null ? null : [...(c.strides[2] as number[])].reverse();
  let singleMask = 1;
  const k = s.length;
  let cost = cast ? 2 : 1;
  let singleOut = 1;
  let singleIn = 1;
  let outerReduceDim = 0;
  let size = k > 0 ? (s[0] as number) : 1;
  let bestDim = 0;
  let bestCost = cost;
  let bestSize = size;
  let bestCore = 1;
  for (let idim = 1; idim < k; idim++) {
    if (outerReduceDim) break;
    if (size >= BUFSIZE && cost > 1) break;
    const ps = s[idim - 1] as number;
    // operand 0: the result (a reduce operand, never cast)
    let collapsed = false;
    if (singleOut === idim) {
      if ((to[idim - 1] as number) * ps === to[idim]) {
        singleOut++;
        collapsed = true;
      } else cost++;
    }
    if (!collapsed && (to[idim] === 0 || to[idim - 1] === 0)) outerReduceDim = idim;
    // operand 1: the input
    if (singleIn === idim) {
      if ((ti[idim - 1] as number) * ps === ti[idim]) singleIn++;
      else if (!cast) cost++;
    }
    // operand 2: the where mask (bool, never cast)
    if (tm !== null && singleMask === idim) {
      if ((tm[idim - 1] as number) * ps === tm[idim]) singleMask++;
      else cost++;
    }
    const core = size;
    size *= s[idim] as number;
    if (size === 0) break;
    const bufsize = size > BUFSIZE && cost > 1 ? BUFSIZE : size;
    if (cost * bestSize <= bestCost * bufsize) {
      bestCost = cost;
      bestCore = core;
      bestSize = size;
      bestDim = idim;
    }
  }
  const usingReduce = outerReduceDim !== 0 && bestDim === outerReduceDim;
  const outBuffered = !(singleOut + (usingReduce ? 1 : 0) > bestDim);
  const inReduce =
    usingReduce && ((singleIn === bestDim && !cast) || (ti[bestDim] === 0 && singleIn <= bestDim));
  const inBuffered = cast || !(singleIn + (inReduce ? 1 : 0) > bestDim);
  const maskReduce =
    tm !== null &&
    usingReduce &&
    (singleMask === bestDim || (tm[bestDim] === 0 && singleMask <= bestDim));
  const maskBuffered = tm !== null && !(singleMask + (maskReduce ? 1 : 0) > bestDim);
  if ((outBuffered || inBuffered || maskBuffered) && BUFSIZE < bestSize) {
    bestSize = bestCore * Math.floor(BUFSIZE / bestCore);
  }
  if (
    mask === null &&
    !outBuffered &&
    !inBuffered &&
    (usingReduce ? bestCore === s[0] : bestDim === 0)
  ) {
    // unbuffered, one call per coalesced inner run: the plain strided loop is the same order
    reduceLoop(src, outK, kernel('add', src.dtype, src.dtype), ['add', src.dtype]);
    return;
  }
  // the elements and their result positions, in iteration order
  const n = a.size;
  const val = f32 ? new Float32Array(n) : new Float64Array(n);
  const pos = new Float64Array(n);
  const S = src._data() as FStore;
  src
    ._view(
      perm.map((d) => shape[d] as number),
      perm.map((d) => src._strides[d] as number),
      src._offset,
    )
    ._forEach((p, i) => {
      val[i] = S[p] as number;
    });
  outK
    ._view(
      perm.map((d) => shape[d] as number),
      perm.map((d) => ost[d] as number),
      outK._offset,
    )
    ._forEach((p, i) => {
      pos[i] = p;
    });
  let on: Uint8Array | null = null;
  if (mask !== null) {
    const mk = new Uint8Array(n);
    const M = mask._data() as FStore;
    mask
      ._view(
        perm.map((d) => shape[d] as number),
        perm.map((d) => mask._strides[d] as number),
        mask._offset,
      )
      ._forEach((p, i) => {
        mk[i] = M[p] ? 1 : 0;
      });
    on = mk;
  }
  const O = outK._data() as FStore;
  const pw = f32 ? (pairwise32 ?? pairwiseSum32) : (pairwise64 ?? pairwiseSum);
  const fr = f32 ? Math.fround : (x: number): number => x;
  const call = (start: number, len: number): void => {
    const p0 = pos[start] as number;
    if (len > 1 && pos[start + 1] === p0) {
      O[p0] = fr((O[p0] as number) + pw(val, start, len, 1));
    } else {
      for (let i = start; i < start + len; i++) {
        const q = pos[i] as number;
        O[q] = fr((O[q] as number) + (val[i] as number));
      }
    }
  };
  // NumPy's masked loop calls the inner loop on each run of unmasked elements
  const run = (start: number, len: number): void => {
    if (on === null) return call(start, len);
    const end = start + len;
    let i = start;
    while (i < end) {
      while (i < end && !on[i]) i++;
      const j0 = i;
      while (i < end && on[i]) i++;
      if (i > j0) call(j0, i - j0);
    }
  };
  if (usingReduce) {
    for (let p = 0; p < n; p += bestCore) run(p, Math.min(bestCore, n - p));
  } else {
    let block = 1;
    for (let i = 0; i <= bestDim && i < k; i++) block *= s[i] as number;
    const chunk = Math.max(bestSize, 1);
    for (let b = 0; b < n; b += block) {
      const end = Math.min(b + block, n);
      for (let p = b; p < end; p += chunk) run(p, Math.min(chunk, end - p));
    }
  }
}

type PairwiseSum = (d: FStore, p: number, n: number, s: number) => number;
let pairwise64: PairwiseSum | null = null;
let pairwise32: PairwiseSum | null = null;
/** Installs faster bit-identical pairwise sums (the WASM backend, src/runtime/wasm); null: TS. */
export function setPairwiseSum(f64: PairwiseSum | null, f32: PairwiseSum | null): void {
  pairwise64 = f64;
  pairwise32 = f32;
}

/** NumPy's pairwise_sum (loops_utils.h): exact replication for float64. */
export function pairwiseSum(d: FStore, p: number, n: number, s: number): number {
  if (n < 8) {
    let res = -0.0;
    for (let i = 0; i < n; i++) res += d[p + i * s] as number;
    return res;
  }
  if (n <= 128) {
    let r0 = d[p] as number;
    let r1 = d[p + s] as number;
    let r2 = d[p + 2 * s] as number;
    let r3 = d[p + 3 * s] as number;
    let r4 = d[p + 4 * s] as number;
    let r5 = d[p + 5 * s] as number;
    let r6 = d[p + 6 * s] as number;
    let r7 = d[p + 7 * s] as number;
    let i = 8;
    const m = n - (n % 8);
    for (; i < m; i += 8) {
      const q = p + i * s;
      r0 += d[q] as number;
      r1 += d[q + s] as number;
      r2 += d[q + 2 * s] as number;
      r3 += d[q + 3 * s] as number;
      r4 += d[q + 4 * s] as number;
      r5 += d[q + 5 * s] as number;
      r6 += d[q + 6 * s] as number;
      r7 += d[q + 7 * s] as number;
    }
    let res = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < n; i++) res += d[p + i * s] as number;
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwiseSum(d, p, n2, s) + pairwiseSum(d, p + n2 * s, n - n2, s);
}

/** pairwise_sum in float32 arithmetic (every operation rounded to float32). */
export function pairwiseSum32(d: FStore, p: number, n: number, s: number): number {
  const f = Math.fround;
  if (n < 8) {
    let res = -0.0;
    for (let i = 0; i < n; i++) res = f(res + (d[p + i * s] as number));
    return res;
  }
  if (n <= 128) {
    const r = new Array<number>(8);
    for (let j = 0; j < 8; j++) r[j] = d[p + j * s] as number;
    let i = 8;
    const m = n - (n % 8);
    for (; i < m; i += 8) {
      const q = p + i * s;
      for (let j = 0; j < 8; j++) r[j] = f((r[j] as number) + (d[q + j * s] as number));
    }
    const [r0, r1, r2, r3, r4, r5, r6, r7] = r as [
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    let res = f(f(f(r0 + r1) + f(r2 + r3)) + f(f(r4 + r5) + f(r6 + r7)));
    for (; i < n; i++) res = f(res + (d[p + i * s] as number));
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return f(pairwiseSum32(d, p, n2, s) + pairwiseSum32(d, p + n2 * s, n - n2, s));
}

/**
 * NumPy's pairwise_sum over `(x - m)²` per element (`pairwiseSum`'s tree; float32: every
 * operation rounded by `f`): the sum of `_var`'s temporary `x = arr - arrmean; x *= x` without
 * building it.
 */
export function pairwiseSumSq(
  d: FStore,
  p: number,
  n: number,
  s: number,
  m: number,
  f: (x: number) => number = (x) => x,
): number {
  const sq = (x: number): number => {
    const t = f(x - m);
    return f(t * t);
  };
  if (n < 8) {
    let res = -0.0;
    for (let i = 0; i < n; i++) res = f(res + sq(d[p + i * s] as number));
    return res;
  }
  if (n <= 128) {
    const r: number[] = [];
    for (let j = 0; j < 8; j++) r.push(sq(d[p + j * s] as number));
    let i = 8;
    for (; i < n - (n % 8); i += 8)
      for (let j = 0; j < 8; j++) r[j] = f((r[j] as number) + sq(d[p + (i + j) * s] as number));
    const [r0, r1, r2, r3, r4, r5, r6, r7] = r as [
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    let res = f(f(f(r0 + r1) + f(r2 + r3)) + f(f(r4 + r5) + f(r6 + r7)));
    for (; i < n; i++) res = f(res + sq(d[p + i * s] as number));
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return f(pairwiseSumSq(d, p, n2, s, m, f) + pairwiseSumSq(d, p + n2 * s, n - n2, s, m, f));
}

// ---------------------------------------------------------------------------------------------
// Whole contiguous float arrays: np.max/min/argmax/argmin/var/std without options and
// np.mean(2-d, axis) in one kernel call each (the general path's exact operations, without its
// set-up: after a kernel has streamed megabytes through the caches, every line of JS a call
// touches is a cache miss, ~60-80 µs per call for the general path)

export type FlatOp = 'maximum' | 'minimum' | 'argmax' | 'argmin' | 'sumsq';
export type FlatDType = 'float64' | 'float32';
export type FlatFn = (i: number, n: number, m: number) => number;

/**
 * The TS twin of the native `flat_<op>_<dt>` / `sumsq_<dt>` kernels on `n` >= 1 elements of `D`
 * from `i`: maximum/minimum.reduce (the fold started from the first element, as the reduction
 * copies it into the result), argmax/argmin (`argLane`), or `pairwiseSumSq` around `m`.
 */
export function flatTwin(
  op: FlatOp,
  dt: FlatDType,
  D: FStore,
  i: number,
  n: number,
  m: number,
): number {
  switch (op) {
    case 'maximum':
    case 'minimum': {
      const O = dt === 'float32' ? new Float32Array(1) : new Float64Array(1);
      O[0] = D[i] as number;
      kernel(
        op,
        dt,
        dt,
        () => D,
        () => O,
      )(n, i, 1, 0, 0);
      return O[0];
    }
    case 'argmax':
    case 'argmin':
      return argLane(D, i, n, 1, op === 'argmax', false);
    default:
      return pairwiseSumSq(D, i, n, 1, m, dt === 'float32' ? Math.fround : undefined);
  }
}

/** `flatTwin`'s op as the native kernel when installed. */
function flatCall(op: FlatOp, a: NDArray, m = 0): number {
  const dt = a.dtype as FlatDType;
  const k = native === null ? null : native.flat(op, dt);
  if (k !== null) return k(a._start, a.size, m);
  return flatTwin(op, dt, a._data() as FStore, a._start, a.size, m);
}

/**
 * `x` when it is a non-empty float64/float32 NDArray (ndim >= 1) whose elements are one
 * contiguous run of memory in C order (or also F order unless `cOnly`: for reductions whose
 * result does not depend on the order), else null.
 */
function flatRun(x: unknown, cOnly: boolean): NDArray | null {
  // internal fields, not the public getters: each line touched here is a likely cache miss
  if (!(x instanceof NDArray) || (x.dtype !== 'float64' && x.dtype !== 'float32')) return null;
  const sh = x._shape;
  if (sh.length === 0) return null;
  for (const d of sh) if (d === 0) return null;
  const l = x._contig();
  return (l & 2) !== 0 || (!cOnly && (l & 4) !== 0) ? x : null;
}

/**
 * `np.var(a)` (ddof 0) of a whole contiguous float array: `_var`'s operations (mean = (0 +
 * pairwise(a)) / n, then 0 + pairwise((a - mean)²) over the same memory order, / n) with the
 * temporary fused into the second pass.
 */
function flatVar(a: NDArray): number {
  const n = a.size;
  const f32 = a.dtype === 'float32';
  const D = a._data() as FStore;
  if (f32) {
    const f = Math.fround;
    const mean = f(f(0 + (pairwise32 ?? pairwiseSum32)(D, a._start, n, 1)) / n);
    return f(f(0 + flatCall('sumsq', a, mean)) / n);
  }
  const mean = (0 + (pairwise64 ?? pairwiseSum)(D, a._start, n, 1)) / n;
  return (0 + flatCall('sumsq', a, mean)) / n;
}

/**
 * `np.mean(a, axis)` of a C-contiguous 2-d float array (both dims >= 2): the general path's
 * iteration (axis 1: 0 + pairwise(row) per row; axis 0: rows added elementwise into zeros) as
 * one native call, then the division. null: not such a case (or no native loop).
 */
function flatMean2d(x: unknown, args: readonly unknown[]): NDArray | null {
  if (native === null || args.length !== 1) return null;
  let ax = args[0];
  if (isPlainObject(ax)) {
    for (const k in ax) if (k !== 'axis') return null;
    ax = ax.axis;
  }
  if (ax !== 0 && ax !== 1 && ax !== -1 && ax !== -2) return null;
  const a = flatRun(x, true);
  if (a === null || a._shape.length !== 2) return null;
  const r = a._shape[0] as number;
  const c = a._shape[1] as number;
  if (r < 2 || c < 2) return null;
  const k = native.sum2d(a.dtype as FlatDType);
  if (k === null) return null;
  const rows = ax === 1 || ax === -1;
  const len = rows ? r : c;
  const res = NDArray.empty([len], a.dtype, true);
  k(r, c, a._start, res._start, rows);
  // the division (divideInPlace's operation) on the fresh contiguous result
  const R = res._data() as FStore;
  const cnt = rows ? c : r;
  const e = res._start + len;
  if (a.dtype === 'float32')
    for (let p = res._start; p < e; p++) R[p] = Math.fround((R[p] as number) / cnt);
  else for (let p = res._start; p < e; p++) R[p] = (R[p] as number) / cnt;
  return res;
}

/** A value stored into `dt` (integers wrap, float32 rounds), for non-64-bit dtypes. */
function wrapTo(dt: DType): (x: number) => number {
  switch (dt) {
    case 'int8':
      return (x) => (x << 24) >> 24;
    case 'uint8':
      return (x) => x & 0xff;
    case 'int16':
      return (x) => (x << 16) >> 16;
    case 'uint16':
      return (x) => x & 0xffff;
    case 'int32':
      return (x) => x | 0;
    case 'uint32':
      return (x) => x >>> 0;
    case 'float32':
      return Math.fround;
    case 'bool':
      return (x) => (x !== 0 ? 1 : 0);
    default:
      return (x) => x;
  }
}

/** Wrapping integer multiply for a non-64-bit integer dtype. */
function mulWrap(dt: DType): (x: number, y: number) => number {
  switch (dt) {
    case 'int8':
      return (x, y) => ((x * y) << 24) >> 24;
    case 'uint8':
      return (x, y) => (x * y) & 0xff;
    case 'int16':
      return (x, y) => ((x * y) << 16) >> 16;
    case 'uint16':
      return (x, y) => (x * y) & 0xffff;
    case 'int32':
      return (x, y) => Math.imul(x, y);
    case 'uint32':
      return (x, y) => Math.imul(x, y) >>> 0;
    case 'bool':
      return (x, y) => (x && y ? 1 : 0);
    default:
      return (x, y) => x * y;
  }
}

/** The ufunc of a reduction loop. */
export type ReduceOp =
  'add' | 'multiply' | 'maximum' | 'minimum' | 'fmax' | 'fmin' | 'logical_and' | 'logical_or';
type Op = ReduceOp;

/**
 * The TS inner loop of `op.reduce` in `dt` (input `srcDt`): `inner(n, ip, is, op, os)` folds a
 * run into `O[op]` (os = 0) or combines it elementwise. `d`/`o` give the stores (linear memory
 * by default; the native tests pass their own).
 */
function kernel(
  op: Op,
  dt: DType,
  srcDt: DType,
  d: () => Store = () => view(srcDt),
  o: () => Store = () => view(dt),
): Inner {
  const info = DTYPE_INFO[dt];
  const f32 = dt === 'float32';
  const fr = Math.fround;
  switch (op) {
    case 'add':
      if (info.kind === 'f') {
        // elementwise runs (out += in along a non-reduced axis) are the ufunc add loop: same
        // operation, and the WASM one when installed
        const addLoop =
          srcDt === dt ? (getKernel('add', dt) as BinaryKernel | undefined) : undefined;
        return (n, ip, is, op_, os) => {
          const D = d() as FStore;
          const O = o() as FStore;
          if (os === 0) {
            O[op_] = f32
              ? fr((O[op_] as number) + (pairwise32 ?? pairwiseSum32)(D, ip, n, is))
              : (O[op_] as number) + (pairwise64 ?? pairwiseSum)(D, ip, n, is);
          } else if (addLoop !== undefined) addLoop(n, O, op_, os, D, ip, is, O, op_, os);
          else if (f32)
            for (let j = 0; j < n; j++)
              O[op_ + j * os] = fr((O[op_ + j * os] as number) + (D[ip + j * is] as number));
          else
            for (let j = 0; j < n; j++)
              O[op_ + j * os] = (O[op_ + j * os] as number) + (D[ip + j * is] as number);
        };
      }
      if (dt === 'bool') return kernel('logical_or', dt, srcDt, d, o);
      if (info.big) {
        return (n, ip, is, op_, os) => {
          const D = d() as { [i: number]: bigint };
          const O = o() as { [i: number]: bigint };
          if (os === 0) {
            let acc = O[op_] as bigint;
            for (let j = 0; j < n; j++) acc += D[ip + j * is] as bigint;
            O[op_] = acc;
          } else
            for (let j = 0; j < n; j++)
              O[op_ + j * os] = (O[op_ + j * os] as bigint) + (D[ip + j * is] as bigint);
        };
      }
      return (n, ip, is, op_, os) => {
        const D = d() as FStore;
        const O = o() as FStore;
        if (os === 0) {
          // exact while |acc| < 2^53; wrap every 2^21 steps to stay there
          let acc = O[op_] as number;
          for (let j = 0; j < n; j++) {
            acc += D[ip + j * is] as number;
            if ((j & 0x1fffff) === 0x1fffff) {
              O[op_] = acc;
              acc = O[op_];
            }
          }
          O[op_] = acc;
        } else
          for (let j = 0; j < n; j++)
            O[op_ + j * os] = (O[op_ + j * os] as number) + (D[ip + j * is] as number);
      };
    case 'multiply':
      if (info.kind === 'f') {
        return (n, ip, is, op_, os) => {
          const D = d() as FStore;
          const O = o() as FStore;
          if (os === 0) {
            let acc = O[op_] as number;
            if (f32) for (let j = 0; j < n; j++) acc = fr(acc * (D[ip + j * is] as number));
            else for (let j = 0; j < n; j++) acc *= D[ip + j * is] as number;
            O[op_] = acc;
          } else if (f32)
            for (let j = 0; j < n; j++)
              O[op_ + j * os] = fr((O[op_ + j * os] as number) * (D[ip + j * is] as number));
          else
            for (let j = 0; j < n; j++)
              O[op_ + j * os] = (O[op_ + j * os] as number) * (D[ip + j * is] as number);
        };
      }
      if (info.big) {
        const wrap =
          dt === 'int64'
            ? (x: bigint) => BigInt.asIntN(64, x)
            : (x: bigint) => BigInt.asUintN(64, x);
        return (n, ip, is, op_, os) => {
          const D = d() as { [i: number]: bigint };
          const O = o() as { [i: number]: bigint };
          if (os === 0) {
            let acc = O[op_] as bigint;
            for (let j = 0; j < n; j++) acc = wrap(acc * (D[ip + j * is] as bigint));
            O[op_] = acc;
          } else
            for (let j = 0; j < n; j++)
              O[op_ + j * os] = (O[op_ + j * os] as bigint) * (D[ip + j * is] as bigint);
        };
      }
      {
        const mul = mulWrap(dt);
        return (n, ip, is, op_, os) => {
          const D = d() as FStore;
          const O = o() as FStore;
          if (os === 0) {
            let acc = O[op_] as number;
            for (let j = 0; j < n; j++) acc = mul(acc, D[ip + j * is] as number);
            O[op_] = acc;
          } else
            for (let j = 0; j < n; j++)
              O[op_ + j * os] = mul(O[op_ + j * os] as number, D[ip + j * is] as number);
        };
      }
    case 'maximum':
    case 'minimum':
    case 'fmax':
    case 'fmin': {
      const pick: (a: Num, b: Num) => Num =
        op === 'maximum'
          ? (a, b) => (a >= b || a !== a ? a : b)
          : op === 'minimum'
            ? (a, b) => (a <= b || a !== a ? a : b)
            : op === 'fmax'
              ? (a, b) => (a >= b || b !== b ? a : b)
              : (a, b) => (a <= b || b !== b ? a : b);
      return (n, ip, is, op_, os) => {
        const D = d();
        const O = o();
        if (os === 0) {
          let acc = O[op_] as Num;
          for (let j = 0; j < n; j++) acc = pick(acc, D[ip + j * is] as Num);
          O[op_] = acc;
        } else
          for (let j = 0; j < n; j++)
            O[op_ + j * os] = pick(O[op_ + j * os] as Num, D[ip + j * is] as Num);
      };
    }
    case 'logical_and':
    case 'logical_or': {
      const isAnd = op === 'logical_and';
      const zero: Num = DTYPE_INFO[srcDt].big ? 0n : 0;
      return (n, ip, is, op_, os) => {
        const D = d();
        const O = o() as FStore;
        if (os === 0) {
          let acc = O[op_] as number;
          if (isAnd) {
            if (acc)
              for (let j = 0; j < n; j++)
                if (D[ip + j * is] === zero) {
                  acc = 0;
                  break;
                }
          } else if (!acc)
            for (let j = 0; j < n; j++)
              if (D[ip + j * is] !== zero) {
                acc = 1;
                break;
              }
          O[op_] = acc;
        } else {
          for (let j = 0; j < n; j++) {
            const t = D[ip + j * is] !== zero;
            const q = op_ + j * os;
            O[q] = isAnd ? (O[q] && t ? 1 : 0) : O[q] || t ? 1 : 0;
          }
        }
      };
    }
  }
}

/** The TS twin of the native `red_<op>_<dt>` loop (test/native): `kernel` over given stores. */
export function reduceTwin(op: ReduceOp, dt: DType, srcDt: DType, D: Store, O: Store): Inner {
  return kernel(
    op,
    dt,
    srcDt,
    () => D,
    () => O,
  );
}

const IDENTITY: Partial<Record<Op, number>> = {
  add: 0,
  multiply: 1,
  logical_and: 1,
  logical_or: 0,
};

/** NumPy's default accumulator dtype of add/multiply reductions (sum, prod, cumsum, cumprod). */
export function sumDtype(dt: DType): DType {
  const k = DTYPE_INFO[dt].kind;
  if (k === 'b' || k === 'i') return DTYPE_INFO[dt].itemsize < 8 ? 'int64' : dt;
  if (k === 'u') return 'uint64';
  return dt;
}

interface ReduceSpec {
  axis?: unknown;
  keepdims?: boolean;
  dtype?: DType | null;
  initial?: unknown;
  where?: unknown;
  /** The dtype of a user `out=` (NumPy copies the first items into it, through its dtype). */
  outDtype?: DType | null;
}

/**
 * The ufunc reduction `op.reduce(a, axis, dtype, keepdims, initial, where)`; always an NDArray
 * (0-d for full reductions). `dtype` is the loop dtype (NumPy's default per op if null).
 */
export function reduceArray(a: NDArray, op: Op, spec: ReduceSpec): NDArray {
  const nd = a.ndim;
  const axes = reductionAxes(spec.axis, nd);
  const red = new Array<boolean>(nd).fill(false);
  for (const ax of axes) red[ax] = true;
  const keepShape = a._shape.map((d, i) => (red[i] ? 1 : d));
  const count = axes.reduce((acc, ax) => acc * (a._shape[ax] as number), 1);
  const logical = op === 'logical_and' || op === 'logical_or';
  const loopDt: DType = logical
    ? 'bool'
    : (spec.dtype ?? (op === 'add' || op === 'multiply' ? sumDtype(a.dtype) : a.dtype));
  const identity = IDENTITY[op];
  const hasInitial = spec.initial !== undefined && spec.initial !== null;
  if (identity === undefined && !hasInitial) {
    if (spec.where !== undefined && spec.where !== null && spec.where !== true) {
      throw ValueError(
        `reduction operation '${op}' does not have an identity, so to use a where mask one has to specify 'initial'`,
      );
    }
    if (count === 0) {
      throw ValueError(`zero-size array to reduction operation ${op} which has no identity`);
    }
  }
  let src = logical ? a : castK(a, loopDt);
  const srcDt = src.dtype;
  const init: Scalar | null = hasInitial
    ? (spec.initial as Scalar)
    : identity === undefined
      ? null
      : identity;
  let maskB: NDArray | null = null;
  if (spec.where !== undefined && spec.where !== null && spec.where !== true) {
    const mask = asarray(spec.where as ArrayLike, { dtype: 'bool' });
    const b = tryBroadcastShapes([mask._shape, a._shape]);
    if (b === null) {
      throw ValueError(
        `operands could not be broadcast together with remapped shapes [original->remapped]: ${shapeStrTight(a._shape)} ${shapeStrTight(mask._shape)} `,
      );
    }
    if (b.join(',') !== a._shape.join(',')) {
      throw ValueError(
        `non-broadcastable operand with shape ${shapeStrTight(a._shape)} doesn't match the broadcast shape ${shapeStrTight(b)}`,
      );
    }
    maskB = mask._view(a._shape, broadcastStrides(mask, a._shape), mask._offset);
  }
  if (hasInitial && typeof spec.initial !== 'boolean') {
    const v = spec.initial as number | bigint;
    if (typeof v === 'bigint' || Number.isInteger(v)) checkIntFits(v, loopDt);
    else if ('iu'.includes(DTYPE_INFO[loopDt].kind)) {
      // a float initial for an integer loop goes through Python's int() as NumPy's
      if (Number.isNaN(v)) throw ValueError('cannot convert float NaN to integer');
      if (!Number.isFinite(v)) throw OverflowError('cannot convert float infinity to integer');
      const t = BigInt(Math.trunc(v));
      if (t < -(1n << 63n) || t >= (loopDt === 'uint64' ? 1n << 64n : 1n << 63n))
        throw OverflowError('Python int too large to convert to C long');
      checkIntFits(t, loopDt);
    }
  }
  const floatAdd = op === 'add' && DTYPE_INFO[loopDt].kind === 'f' && nd > 0;
  if (maskB !== null && !floatAdd) {
    const mask = maskB;
    if (src === a) src = copyK(a);
    // masked elements must not count: the identity (add, multiply, and, or) or `initial` (min/max)
    const fill = scalarToStorage((identity ?? init) as Scalar, srcDt);
    const S = src._data() as Store;
    const M = mask._data() as FStore;
    loop2(src._shape, operand(src), operand(mask, src._shape), (n, i0, s0, i1, s1) => {
      for (let j = 0; j < n; j++) if (!M[i1 + j * s1]) S[i0 + j * s0] = fill;
    });
  }
  const outK = allocPerm(
    keepShape,
    maskB === null ? iterPerm(itStrides(a)) : iterPerm(itStrides(a), itStrides(maskB)),
    loopDt,
    false,
  );
  if (init !== null) {
    const v = scalarToStorage(init, loopDt);
    const O = outK._data() as Store;
    const s0 = outK._start;
    const e = s0 + outK.size;
    for (let i = s0; i < e; i++) O[i] = v;
  } else if (outK.size > 0) {
    const first = a._view(keepShape, a._strides, a._offset);
    const od = spec.outDtype ?? loopDt;
    if (od !== loopDt && axes.length === 1) {
      // NumPy copies the first item along the (single) reduction axis into `out` (a cast from
      // the input dtype), then reduces the rest: the first item round-trips through out's dtype
      const tmp = NDArray.empty(keepShape, od, false);
      copyInto(tmp, first);
      copyInto(outK, tmp);
      const ax = axes[0] as number;
      const m = a._shape[ax] as number;
      const shape = a._shape.map((d, i) => (i === ax ? d - 1 : d));
      src = src._view(
        shape,
        src._strides,
        src._offset + (m > 1 ? (src._strides[ax] as number) : 0),
      );
    } else copyInto(outK, src._view(keepShape, src._strides, src._offset));
  }
  if (count > 0 && src.size > 0) {
    if (floatAdd) {
      planSum(a, src, outK, a.dtype !== loopDt, maskB);
    } else reduceLoop(src, outK, kernel(op, loopDt, srcDt), [op, loopDt]);
  }
  return dropAxes(outK, spec.keepdims === true ? [] : axes);
}

/** `outK` without the (size-1) `axes`, as an owner of the same buffer. */
function dropAxes(outK: NDArray, axes: readonly number[]): NDArray {
  if (axes.length === 0) return outK;
  const shape: number[] = [];
  const strides: number[] = [];
  outK._shape.forEach((d, i) => {
    if (!axes.includes(i)) {
      shape.push(d);
      strides.push(outK._strides[i] as number);
    }
  });
  return new NDArray({
    buffer: outK.buffer,
    dtype: outK.dtype,
    shape,
    strides,
    offset: outK._offset,
    base: null,
    writeable: true,
  });
}

/** Writes `res` into `out` (NumPy's `out=`) or turns a 0-d result into a JS scalar. */
function finish(res: NDArray, out: unknown, opName = 'add'): NDArray | Scalar {
  if (out !== undefined && out !== null) {
    const o = Array.isArray(out) ? (out[0] as NDArray) : (out as NDArray);
    if (!isNDArray(o)) throw TypeError_('return arrays must be of ArrayType');
    if (o.ndim !== res.ndim) {
      throw ValueError(
        `output parameter for reduction operation ${opName} has the wrong number of dimensions: Found ${o.ndim} but expected ${res.ndim}`,
      );
    }
    o._assertWriteable();
    copyInto(o, res);
    return o;
  }
  if (res.ndim === 0) return toJS(res._data()[res._start] as Num, res.dtype);
  return res;
}

// ---------------------------------------------------------------------------------------------
// Public reductions

export interface ReduceOptions {
  axis?: number | number[] | null;
  dtype?: DType | string | null;
  out?: NDArray | null;
  keepdims?: boolean;
  initial?: Scalar;
  where?: ArrayLike;
}

const SUM_ARGS = ['axis', 'dtype', 'out', 'keepdims', 'initial', 'where'];
const MAX_ARGS = ['axis', 'out', 'keepdims', 'initial', 'where'];

/**
 * `np.sum(a)` / `np.mean(a)` without options of a contiguous float array: the general path's
 * exact operations (nditer coalesces the whole array into one run: `0 + pairwise_sum(run)`),
 * without its set-up cost. null: not such a case.
 */
function fullSum(a: NDArray): number | null {
  const dt = a.dtype;
  if ((dt !== 'float64' && dt !== 'float32') || a.ndim === 0 || a.size === 0) return null;
  const f = a.flags;
  if (!f.c_contiguous && !f.f_contiguous) return null;
  const D = a._data() as FStore;
  return dt === 'float32'
    ? Math.fround(0 + (pairwise32 ?? pairwiseSum32)(D, a._start, a.size, 1))
    : 0 + (pairwise64 ?? pairwiseSum)(D, a._start, a.size, 1);
}

function ufuncReduce(
  op: Op,
  x: ArrayLike,
  args: readonly unknown[],
  names: readonly string[],
): NDArray | Scalar {
  if (args.length === 0 && isNDArray(x)) {
    if (op === 'add') {
      const v = fullSum(x);
      if (v !== null) return v;
    } else if (op === 'maximum' || op === 'minimum') {
      const r = flatRun(x, false);
      if (r !== null) return flatCall(op, r);
    }
  }
  const a = asarray(x);
  const o = parseArgs(args, names);
  const res = reduceArray(a, op, {
    axis: o.axis,
    keepdims: o.keepdims === true,
    outDtype: outArray(o.out)?.dtype ?? null,
    dtype: optDtype(o.dtype) ?? outDtype(o.out, a.dtype),
    initial: o.initial,
    where: o.where,
  });
  return finish(res, o.out, op);
}

/** `np.sum(a, axis, dtype, out, keepdims, initial, where)`. */
export const sum: ReduceFunction<number> = function sum(
  a: ArrayLike,
  ...args: unknown[]
): NDArray | Scalar {
  return ufuncReduce('add', a, args, SUM_ARGS);
} as ReduceFunction<number>;
/** `np.prod(a, axis, dtype, out, keepdims, initial, where)`. */
export const prod: ReduceFunction<number> = function prod(
  a: ArrayLike,
  ...args: unknown[]
): NDArray | Scalar {
  return ufuncReduce('multiply', a, args, SUM_ARGS);
} as ReduceFunction<number>;
/** `np.max(a, axis, out, keepdims, initial, where)`. */
export const max: ReduceFunction<number> = function max(
  a: ArrayLike,
  ...args: unknown[]
): NDArray | Scalar {
  return ufuncReduce('maximum', a, args, MAX_ARGS);
} as ReduceFunction<number>;
/** `np.min(a, axis, out, keepdims, initial, where)`. */
export const min: ReduceFunction<number> = function min(
  a: ArrayLike,
  ...args: unknown[]
): NDArray | Scalar {
  return ufuncReduce('minimum', a, args, MAX_ARGS);
} as ReduceFunction<number>;
export const amax = max;
export const amin = min;

function logicalReduce(op: Op, x: ArrayLike, args: readonly unknown[]): NDArray | Scalar {
  const a = asarray(x);
  const o = parseArgs(args, ['axis', 'out', 'keepdims', 'where']);
  const res = reduceArray(a, op, { axis: o.axis, keepdims: o.keepdims === true, where: o.where });
  return finish(res, o.out, op);
}
/** `np.all(a, axis, out, keepdims, where)`. */
export const all: ReduceFunction<boolean> = function all(
  a: ArrayLike,
  ...args: unknown[]
): NDArray | Scalar {
  return logicalReduce('logical_and', a, args);
} as ReduceFunction<boolean>;
/** `np.any(a, axis, out, keepdims, where)`. */
export const any: ReduceFunction<boolean> = function any(
  a: ArrayLike,
  ...args: unknown[]
): NDArray | Scalar {
  return logicalReduce('logical_or', a, args);
} as ReduceFunction<boolean>;

/** Elementwise `dst[i] = f(dst[i], b[i])` over `dst` with `b` broadcast (same storage kinds). */
function inplace2(dst: NDArray, b: NDArray, f: (x: number, y: number) => number): void {
  const D = dst._data() as FStore;
  const B = b._data() as FStore;
  loop2(dst._shape, operand(dst), operand(b, dst._shape), (n, i0, s0, i1, s1) => {
    for (let j = 0; j < n; j++)
      D[i0 + j * s0] = f(D[i0 + j * s0] as number, B[i1 + j * s1] as number);
  });
}

/**
 * `dst = x op y` (x and y broadcast to dst; dst may be x: in place) through the ufunc loop of
 * `op` (the WASM one when installed: the same IEEE operation per element as `inplace2`); false
 * when the three dtypes differ or are not float, or no loop exists.
 */
function ufuncInto(dst: NDArray, x: NDArray, y: NDArray, op: 'subtract' | 'multiply'): boolean {
  const dt = dst.dtype;
  if (x.dtype !== dt || y.dtype !== dt || DTYPE_INFO[dt].kind !== 'f') return false;
  const k = getKernel(op, dt) as BinaryKernel | undefined;
  if (k === undefined) return false;
  const D = dst._data() as unknown as Parameters<BinaryKernel>[1];
  const sh = dst._shape;
  loop3(sh, operand(dst), operand(x, sh), operand(y, sh), (n, i0, s0, i1, s1, i2, s2) =>
    k(n, D, i1, s1, D, i2, s2, D, i0, s0),
  );
  return true;
}

const BOOL_SUBTRACT =
  'numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.';
const FLOAT_AXIS_METHODS = 'integer argument expected, got float';
const FLOAT_AXIS_ITER = "'float' object is not iterable";

function meanDtype(a: NDArray, dtype: DType | null): DType {
  if (dtype !== null) return dtype;
  return DTYPE_INFO[a.dtype].kind === 'f' ? a.dtype : 'float64';
}

/** Number of elements per output element for a reduction over `axes` (with a `where` mask). */
function reductionCount(a: NDArray, axes: readonly number[], where: unknown): NDArray | number {
  if (where === undefined || where === null || where === true) {
    return axes.reduce((acc, ax) => acc * (a._shape[ax] as number), 1);
  }
  const mask = asarray(where as ArrayLike, { dtype: 'bool' });
  if (tryBroadcastShapes([mask._shape, a._shape])?.join(',') !== a._shape.join(',')) {
    throw ValueError(
      `operands could not be broadcast together with remapped shapes [original->remapped]: ${shapeStrTight(mask._shape)}  and requested shape ${shapeStrTight(a._shape)}`,
    );
  }
  const full = NDArray.empty(a._shape, 'bool');
  copyInto(full, mask);
  return reduceArray(full, 'add', { axis: axes, keepdims: true, dtype: 'int64' });
}

/** Divides `num` (float, in place) by a count (number or int64 array broadcast). */
function divideInPlace(num: NDArray, cnt: NDArray | number): void {
  const f32 = num.dtype === 'float32';
  const N = num._data() as FStore;
  if (typeof cnt === 'number') {
    if (num.flags.c_contiguous) {
      const e = num._start + num.size;
      if (f32) for (let p = num._start; p < e; p++) N[p] = Math.fround((N[p] as number) / cnt);
      else for (let p = num._start; p < e; p++) N[p] = (N[p] as number) / cnt;
      return;
    }
    num._forEach((p) => {
      N[p] = f32 ? Math.fround((N[p] as number) / cnt) : (N[p] as number) / cnt;
    });
    return;
  }
  const C = cnt._data() as { [i: number]: bigint };
  loop2(num._shape, operand(num), operand(cnt, num._shape), (n, i0, s0, i1, s1) => {
    for (let j = 0; j < n; j++) {
      const v = (N[i0 + j * s0] as number) / Number(C[i1 + j * s1]);
      N[i0 + j * s0] = f32 ? Math.fround(v) : v;
    }
  });
}

function meanArray(
  a: NDArray,
  axis: unknown,
  keepdims: boolean,
  dtype: DType | null,
  where: unknown,
): NDArray {
  const dt = meanDtype(a, dtype);
  const axes = reductionAxes(axis, a.ndim, undefined, FLOAT_AXIS_METHODS);
  const isInt = DTYPE_INFO[dt].kind !== 'f';
  let cnt = reductionCount(a, axes, where);
  if (isInt && dtype !== null) {
    // an integer dtype: the sum is integer (wrapping), then sum / count truncates back
    const si = reduceArray(a, 'add', { axis: axes, keepdims, dtype: dt, where });
    if (typeof cnt !== 'number' && !keepdims) cnt = dropAxes(cnt, axes);
    const f = castK(si, 'float64');
    divideInPlace(f, cnt);
    copyInto(si, f);
    return si;
  }
  const s = reduceArray(a, 'add', { axis: axes, keepdims, dtype: isInt ? 'float64' : dt, where });
  if (typeof cnt !== 'number' && !keepdims) cnt = dropAxes(cnt, axes);
  divideInPlace(s, cnt);
  return isInt ? castK(s, dt) : s;
}

/** `np.mean(a, axis, dtype, out, keepdims, where)`: ints give float64, float32 stays float32. */
export const mean: ReduceFunction<number> = function mean(
  x: ArrayLike,
  ...args: unknown[]
): NDArray | Scalar {
  if (args.length === 0 && isNDArray(x)) {
    const v = fullSum(x);
    if (v !== null) return x.dtype === 'float32' ? Math.fround(v / x.size) : v / x.size;
  }
  const m2 = flatMean2d(x, args);
  if (m2 !== null) return m2;
  const a = asarray(x);
  const o = parseArgs(args, ['axis', 'dtype', 'out', 'keepdims', 'where']);
  // NumPy: integer inputs default to float64; float inputs loop in out's dtype when given
  const dt =
    optDtype(o.dtype) ?? (DTYPE_INFO[a.dtype].kind === 'f' ? outDtype(o.out, a.dtype) : null);
  return finish(meanArray(a, o.axis, o.keepdims === true, dt, o.where), o.out);
} as ReduceFunction<number>;

/**
 * NumPy's `_var`: mean (keepdims), x = a - mean laid out like `a`, x*x, sum, divide by
 * max(n - ddof, 0). `nanMask` marks elements to ignore (nanvar).
 */
function varArray(
  a: NDArray,
  axis: unknown,
  keepdims: boolean,
  dtype: DType | null,
  ddof: number,
  nan: boolean,
): NDArray {
  const dt = meanDtype(a, dtype);
  const axes = reductionAxes(axis, a.ndim, undefined, nan ? null : FLOAT_AXIS_METHODS);
  const f32 = dt === 'float32';
  const fr = f32 ? Math.fround : (v: number) => v;
  // x: a cast to the working float dtype, laid out like a; NaNs zeroed for nanvar
  // x: for var, `arr - arrmean` (a ufunc output laid out by nditer, promoted dtype); for nanvar,
  // NumPy's NaN-replaced copy np.array(a, copy=True) (NewLikeArray order K, a's dtype)
  const xdt = DTYPE_INFO[dt].kind === 'f' ? promoteTypes(a.dtype, dt) : 'float64';
  let x: NDArray | null = null;
  if (nan) {
    x = newLikeK(a);
    copyInto(x, a);
  }
  let cnt: NDArray | number;
  let mask: NDArray | null = null;
  if (x !== null) {
    mask = emptyLikeK(x, 'bool');
    const X = x._data() as FStore;
    const M = mask._data() as FStore;
    loop2(x._shape, operand(x), operand(mask, x._shape), (n, i0, s0, i1, s1) => {
      for (let j = 0; j < n; j++) {
        const v = X[i0 + j * s0] as number;
        if (v !== v) {
          X[i0 + j * s0] = 0;
          M[i1 + j * s1] = 0;
        } else M[i1 + j * s1] = 1;
      }
    });
    cnt = reduceArray(mask, 'add', { axis: axes, keepdims: true, dtype: 'int64' });
  } else cnt = axes.reduce((acc, ax) => acc * (a._shape[ax] as number), 1);
  // NumPy sums `arr` itself (with dtype); nanvar sums its NaN-zeroed copy
  const m = reduceArray(x ?? a, 'add', { axis: axes, keepdims: true, dtype: dt });
  divideInPlace(m, cnt);
  // (temporaries are freed as soon as they are dead: a GC-only release of x would make every
  // call touch fresh pages)
  // arr - arrmean and x * x are ufuncs in x's dtype (NumPy's _var)
  const fx = xdt === 'float32' ? Math.fround : (v: number) => v;
  if (x === null) {
    // x = arr - arrmean straight into a fresh K-ordered array (the ufunc loop when the dtypes
    // agree), else a cast copy then the subtraction in place
    x = emptyLikeK(a, xdt, false);
    if (!ufuncInto(x, a, m, 'subtract')) {
      copyInto(x, a);
      if (!ufuncInto(x, x, m, 'subtract')) inplace2(x, m, (u, v) => fx(u - v));
    }
  } else if (!ufuncInto(x, x, m, 'subtract')) inplace2(x, m, (u, v) => fx(u - v));
  if (mask !== null) inplace2(x, mask, (u, v) => (v ? u : 0));
  if (!ufuncInto(x, x, x, 'multiply')) inplace2(x, x, (u) => fx(u * u));
  drop(m);
  drop(mask);
  const r = reduceArray(x, 'add', { axis: axes, keepdims, dtype: dt });
  drop(x);
  let dof: NDArray | number;
  if (typeof cnt === 'number') dof = Math.max(cnt - ddof, 0);
  else {
    const c = keepdims ? cnt : dropAxes(cnt, axes);
    const D = copyK(c, 'float64');
    D._forEach((p) => {
      const F = D._data() as FStore;
      F[p] = (F[p] as number) - ddof;
    });
    dof = D;
  }
  if (typeof dof === 'number') divideInPlace(r, dof);
  else {
    const R = r._data() as FStore;
    const F = dof._data() as FStore;
    loop2(r._shape, operand(r), operand(dof, r._shape), (n, i0, s0, i1, s1) => {
      for (let j = 0; j < n; j++) {
        const dv = F[i1 + j * s1] as number;
        R[i0 + j * s0] = dv <= 0 ? NaN : fr((R[i0 + j * s0] as number) / dv);
      }
    });
  }
  return r;
}

function sqrtInPlace(r: NDArray): NDArray {
  const f32 = r.dtype === 'float32';
  const R = r._data() as FStore;
  if (r.flags.c_contiguous) {
    const e = r._start + r.size;
    for (let p = r._start; p < e; p++) {
      const v = Math.sqrt(R[p] as number);
      R[p] = f32 ? Math.fround(v) : v;
    }
    return r;
  }
  r._forEach((p) => {
    const v = Math.sqrt(R[p] as number);
    R[p] = f32 ? Math.fround(v) : v;
  });
  return r;
}

const VAR_ARGS = ['axis', 'dtype', 'out', 'ddof', 'keepdims'];

function varLike(
  x: ArrayLike,
  args: readonly unknown[],
  sqrt: boolean,
  nan: boolean,
): NDArray | Scalar {
  if (args.length === 0 && !nan) {
    const r = flatRun(x, false);
    if (r !== null) {
      const v = flatVar(r);
      return sqrt ? (r.dtype === 'float32' ? Math.fround(Math.sqrt(v)) : Math.sqrt(v)) : v;
    }
  }
  const a = asarray(x);
  const o = parseArgs(args, VAR_ARGS);
  const ddof = o.ddof === undefined ? 0 : Number(o.ddof);
  const useNan = nan && DTYPE_INFO[a.dtype].kind === 'f';
  const r = varArray(a, o.axis, o.keepdims === true, optDtype(o.dtype), ddof, useNan);
  return finish(sqrt ? sqrtInPlace(r) : r, o.out);
}

/** `np.var(a, axis, dtype, out, ddof, keepdims)`. */
const var_: ReduceFunction<number> = function var_(
  a: ArrayLike,
  ...args: unknown[]
): NDArray | Scalar {
  return varLike(a, args, false, false);
} as ReduceFunction<number>;
export { var_ as var };
/** `np.std(a, axis, dtype, out, ddof, keepdims)`. */
export const std: ReduceFunction<number> = function std(
  a: ArrayLike,
  ...args: unknown[]
): NDArray | Scalar {
  return varLike(a, args, true, false);
} as ReduceFunction<number>;
/** `np.nanvar(a, axis, dtype, out, ddof, keepdims)`. */
export const nanvar: ReduceFunction<number> = function nanvar(
  a: ArrayLike,
  ...args: unknown[]
): NDArray | Scalar {
  return varLike(a, args, false, true);
} as ReduceFunction<number>;
/** `np.nanstd(a, axis, dtype, out, ddof, keepdims)`. */
export const nanstd: ReduceFunction<number> = function nanstd(
  a: ArrayLike,
  ...args: unknown[]
): NDArray | Scalar {
  return varLike(a, args, true, true);
} as ReduceFunction<number>;

/** `a` with NaNs replaced by `val` (a K-ordered copy), or `a` itself when it is not float. */
function replaceNaN(a: NDArray, val: number): NDArray {
  if (DTYPE_INFO[a.dtype].kind !== 'f') return a;
  // np.array(a, copy=True): NewLikeArray(order='K')
  const c = newLikeK(a);
  copyInto(c, a);
  const C = c._data() as FStore;
  c._forEach((p) => {
    if ((C[p] as number) !== (C[p] as number)) C[p] = val;
  });
  return c;
}

/** `np.nansum(a, axis, dtype, out, keepdims, initial, where)`. */
export const nansum: ReduceFunction<number> = function nansum(
  x: ArrayLike,
  ...args: unknown[]
): NDArray | Scalar {
  return ufuncReduce('add', replaceNaN(asarray(x), 0), args, SUM_ARGS);
} as ReduceFunction<number>;
/** `np.nanprod(a, axis, dtype, out, keepdims, initial, where)`. */
export const nanprod: ReduceFunction<number> = function nanprod(
  x: ArrayLike,
  ...args: unknown[]
): NDArray | Scalar {
  return ufuncReduce('multiply', replaceNaN(asarray(x), 1), args, SUM_ARGS);
} as ReduceFunction<number>;
/** `np.nanmax(a, axis, out, keepdims, initial, where)`: NaNs ignored (all-NaN slices give NaN). */
export const nanmax: ReduceFunction<number> = function nanmax(
  x: ArrayLike,
  ...args: unknown[]
): NDArray | Scalar {
  const a = asarray(x);
  return ufuncReduce('fmax', a, args, MAX_ARGS);
} as ReduceFunction<number>;
/** `np.nanmin(a, axis, out, keepdims, initial, where)`. */
export const nanmin: ReduceFunction<number> = function nanmin(
  x: ArrayLike,
  ...args: unknown[]
): NDArray | Scalar {
  const a = asarray(x);
  return ufuncReduce('fmin', a, args, MAX_ARGS);
} as ReduceFunction<number>;

/** `np.nanmean(a, axis, dtype, out, keepdims, where)`. */
export const nanmean: ReduceFunction<number> = function nanmean(
  x: ArrayLike,
  ...args: unknown[]
): NDArray | Scalar {
  const a = asarray(x);
  const o = parseArgs(args, ['axis', 'dtype', 'out', 'keepdims', 'where']);
  if (DTYPE_INFO[a.dtype].kind !== 'f')
    return finish(meanArray(a, o.axis, o.keepdims === true, optDtype(o.dtype), o.where), o.out);
  const axes = reductionAxes(o.axis, a.ndim);
  const arr = replaceNaN(a, 0);
  const notnan = emptyLikeK(a, 'bool');
  const A = a._data() as FStore;
  const M = notnan._data() as FStore;
  loop2(a._shape, operand(a), operand(notnan, a._shape), (n, i0, s0, i1, s1) => {
    for (let j = 0; j < n; j++)
      M[i1 + j * s1] = (A[i0 + j * s0] as number) === (A[i0 + j * s0] as number) ? 1 : 0;
  });
  const cnt = reduceArray(notnan, 'add', {
    axis: axes,
    keepdims: o.keepdims === true,
    dtype: 'int64',
  });
  const tot = reduceArray(arr, 'add', {
    axis: axes,
    keepdims: o.keepdims === true,
    dtype: optDtype(o.dtype),
  });
  divideInPlace(tot, cnt);
  return finish(tot, o.out);
} as ReduceFunction<number>;

/** `np.ptp(a, axis, out, keepdims)`: max - min in the input dtype (integers wrap). */
export const ptp: ReduceFunction<number> = function ptp(
  x: ArrayLike,
  ...args: unknown[]
): NDArray | Scalar {
  const a = asarray(x);
  const o = parseArgs(args, ['axis', 'out', 'keepdims']);
  const spec = { axis: o.axis, keepdims: o.keepdims === true };
  if (a.dtype === 'bool') {
    reduceArray(a, 'maximum', spec);
    throw TypeError_(BOOL_SUBTRACT);
  }
  const mx = reduceArray(a, 'maximum', spec);
  const mn = reduceArray(a, 'minimum', spec);
  // np.subtract(max, min): a fresh output laid out by nditer from its operands
  // (the ufunc's trivial-loop path: C or F when both operands are, else nditer's order)
  const nd = mx.ndim;
  const perm = mx.flags.c_contiguous
    ? iota(nd).reverse()
    : mx.flags.f_contiguous
      ? iota(nd)
      : iterPerm(itStrides(mx), itStrides(mn));
  const res = allocPerm(mx._shape, perm, a.dtype, false);
  copyInto(res, mx);
  const R = res._data() as Store;
  const N = mn._data() as Store;
  const wrap = wrapTo(a.dtype);
  loop2(res._shape, operand(res), operand(mn), (n, i0, s0, i1, s1) => {
    for (let j = 0; j < n; j++) {
      const u = R[i0 + j * s0] as Num;
      const v = N[i1 + j * s1] as Num;
      R[i0 + j * s0] = typeof u === 'bigint' ? u - (v as bigint) : wrap(u - (v as number));
    }
  });
  return finish(res, o.out);
} as ReduceFunction<number>;

/** `np.count_nonzero(a, axis, keepdims)`: a JS number for a full count, else int64. */
export function count_nonzero(x: ArrayLike, ...args: unknown[]): NDArray | number {
  const a = asarray(x);
  const o = parseArgs(args, ['axis', 'keepdims']);
  // a.astype(bool): a copy laid out by NewLikeArray(order='K')
  let b = a;
  if (a.dtype !== 'bool') {
    b = newLikeK(a, 'bool');
    copyInto(b, a);
  }
  const r = reduceArray(b, 'add', { axis: o.axis, keepdims: o.keepdims === true, dtype: 'int64' });
  if (r.ndim === 0 && (o.axis === undefined || o.axis === null) && o.keepdims !== true)
    return Number(r._data()[r._start]);
  return finish(r, undefined) as NDArray | number;
}

// ---------------------------------------------------------------------------------------------
// argmax / argmin

function argReduce(
  x: ArrayLike,
  args: readonly unknown[],
  isMax: boolean,
  nan: boolean,
): NDArray | Scalar {
  if (args.length === 0 && !nan) {
    const r = flatRun(x, true);
    if (r !== null) return flatCall(isMax ? 'argmax' : 'argmin', r);
  }
  let a = asarray(x);
  const o = parseArgs(args, ['axis', 'out', 'keepdims']);
  const name = isMax ? 'argmax' : 'argmin';
  const isF = DTYPE_INFO[a.dtype].kind === 'f';
  if (a.ndim === 0) {
    // NumPy treats a 0-d array as 1-d here (axis checked against 1); the result is 0
    singleAxis(o.axis, 1);
    if (nan && isF && Number.isNaN(a._data()[a._start] as number)) {
      throw ValueError('All-NaN slice encountered');
    }
    const z = NDArray.empty([], 'int64');
    return finish(z, o.out, name);
  }
  let ax = singleAxis(o.axis, a.ndim);
  const keepdims = o.keepdims === true;
  const origShape = a._shape;
  const origNd = a.ndim;
  const input = a;
  if (ax === null) {
    a = reshapeC(a);
    ax = 0;
  }
  const n = a._shape[ax] as number;
  const outShape = a._shape.filter((_, i) => i !== ax);
  if (n === 0) throw ValueError(`attempt to get ${name} of an empty sequence`);
  if (nan && isF && n > 0) {
    // All-NaN slices are an error
    const D = a._data() as FStore;
    const st = a._strides[ax] as number;
    a._view(
      outShape,
      a._strides.filter((_, i) => i !== ax),
      a._offset,
    )._forEach((p) => {
      for (let j = 0; j < n; j++)
        if ((D[p + j * st] as number) === (D[p + j * st] as number)) return;
      throw ValueError('All-NaN slice encountered');
    });
  }
  const res = NDArray.empty(outShape, 'int64', false);
  const st = a._strides[ax] as number;
  const skipNaN = nan && isF;
  const laneSt = a._strides.filter((_, i) => i !== ax);
  if (
    skipNaN ||
    native === null ||
    !native.arg(isMax, a.dtype, outShape, a._start, laneSt, n, st, res._start, res._strides)
  ) {
    const D = a._data() as Store;
    const R = res._data() as { [i: number]: bigint };
    let k = res._start;
    a._view(outShape, laneSt, a._offset)._forEach((p) => {
      R[k++] = BigInt(argLane(D, p, n, st, isMax, skipNaN));
    });
  }
  drop(a, input);
  let out = res;
  if (keepdims) {
    const ks =
      o.axis === undefined || o.axis === null
        ? new Array<number>(origNd).fill(1)
        : origShape.map((d, i) => (i === ax ? 1 : d));
    out = new NDArray({
      buffer: res.buffer,
      dtype: 'int64',
      shape: ks,
      strides: cStrides(ks),
      offset: 0,
      base: null,
      writeable: true,
    });
  }
  return finish(out, o.out, name);
}

/**
 * argmax/argmin of one lane of `n` elements at stride `st` (the TS twin of the native
 * `arg_<max|min>_<dtype>`): first occurrence; the first NaN wins, or is skipped (`skipNaN`).
 */
export function argLane(
  D: Store,
  p: number,
  n: number,
  st: number,
  isMax: boolean,
  skipNaN: boolean,
): number {
  let best = 0;
  let bv = D[p] as Num;
  let j0 = 1;
  if (skipNaN) {
    while (bv !== bv && j0 < n) {
      bv = D[p + j0 * st] as Num;
      best = j0;
      j0++;
    }
  }
  if (!skipNaN && bv !== bv) return 0;
  for (let j = j0; j < n; j++) {
    const v = D[p + j * st] as Num;
    if (v !== v) {
      if (skipNaN) continue;
      return j;
    }
    if (isMax ? v > bv : v < bv) {
      bv = v;
      best = j;
    }
  }
  return best;
}

/** `a` as a C-ordered 1-d array (as `a.ravel()`): a view when `a` is C-contiguous, else a copy. */
function reshapeC(a: NDArray): NDArray {
  if (a.flags.c_contiguous) return a._view([a.size], [1], a._offset);
  const flat = NDArray.empty([a.size], a.dtype, false);
  copyInto(flat._view(a._shape, cStrides(a._shape), flat._offset), a);
  return flat;
}

/** Frees a temporary made here (never `keep`, e.g. the caller's array; views are no-ops). */
function drop(t: NDArray | number | null, keep?: NDArray): void {
  if (t !== null && typeof t !== 'number' && t !== keep) t[Symbol.dispose]();
}

/** `np.argmax(a, axis, out, keepdims)`: first occurrence; NaN counts as the maximum. */
export const argmax: ReduceFunction<number> = function argmax(
  a: ArrayLike,
  ...args: unknown[]
): NDArray | Scalar {
  return argReduce(a, args, true, false);
} as ReduceFunction<number>;
/** `np.argmin(a, axis, out, keepdims)`. */
export const argmin: ReduceFunction<number> = function argmin(
  a: ArrayLike,
  ...args: unknown[]
): NDArray | Scalar {
  return argReduce(a, args, false, false);
} as ReduceFunction<number>;
/** `np.nanargmax(a, axis, out, keepdims)`: NaNs ignored; all-NaN slices raise. */
export const nanargmax: ReduceFunction<number> = function nanargmax(
  a: ArrayLike,
  ...args: unknown[]
): NDArray | Scalar {
  return argReduce(a, args, true, true);
} as ReduceFunction<number>;
/** `np.nanargmin(a, axis, out, keepdims)`. */
export const nanargmin: ReduceFunction<number> = function nanargmin(
  a: ArrayLike,
  ...args: unknown[]
): NDArray | Scalar {
  return argReduce(a, args, false, true);
} as ReduceFunction<number>;

// ---------------------------------------------------------------------------------------------
// cumsum / cumprod

function accumulate(
  x: ArrayLike,
  args: readonly unknown[],
  op: 'add' | 'multiply',
  nanVal: number | null,
): NDArray {
  let a = asarray(x);
  const o = parseArgs(args, ['axis', 'dtype', 'out']);
  const dt = optDtype(o.dtype) ?? outDtype(o.out, a.dtype) ?? sumDtype(a.dtype);
  if (a.ndim === 0) a = a._view([1], [0], a._offset); // NumPy accumulates a 0-d array as 1-d
  let ax = singleAxis(o.axis, a.ndim);
  const input = a;
  if (nanVal !== null) a = replaceNaN(a, nanVal);
  let r: NDArray;
  if (ax === null) {
    const flat = reshapeC(a);
    r = NDArray.empty([a.size], dt, false);
    copyInto(r, flat);
    drop(flat, a);
    ax = 0;
  } else {
    r = copyK(a, dt);
  }
  drop(a, input);
  const n = r._shape[ax] as number;
  if (n > 1 && r.size > 0) {
    const st = r._strides[ax] as number;
    const laneShape = r._shape.filter((_, i) => i !== ax);
    const laneSt = r._strides.filter((_, i) => i !== ax);
    if (native === null || !native.accumulate(op, dt, laneShape, r._start, laneSt, n, st)) {
      const lane = cumLane(op, dt);
      const R = r._data() as Store;
      r._view(laneShape, laneSt, r._offset)._forEach((p) => lane(R, p, n, st));
    }
  }
  if (o.out !== undefined && o.out !== null) {
    const out = o.out as NDArray;
    out._assertWriteable();
    copyInto(out, r);
    return out;
  }
  return r;
}

/**
 * The running sum/product along one lane, in place: `R[p + j*st] = R[p + (j-1)*st] op R[…]`
 * (the TS twin of the native `cum_<op>_<dtype>`).
 */
export function cumLane(
  op: 'add' | 'multiply',
  dt: DType,
): (R: Store, p: number, n: number, st: number) => void {
  const info = DTYPE_INFO[dt];
  const f32 = dt === 'float32';
  const fr = Math.fround;
  const mul = mulWrap(dt);
  const wrap64 =
    dt === 'int64' ? (v: bigint) => BigInt.asIntN(64, v) : (v: bigint) => BigInt.asUintN(64, v);
  return (R, p, n, st) => {
    if (info.big) {
      let acc = R[p] as bigint;
      for (let j = 1; j < n; j++) {
        const q = p + j * st;
        acc = wrap64(op === 'add' ? acc + (R[q] as bigint) : acc * (R[q] as bigint));
        R[q] = acc;
      }
    } else {
      for (let j = 1; j < n; j++) {
        const q = p + j * st;
        const prev = R[q - st] as number;
        const cur = R[q] as number;
        let v: number;
        if (dt === 'bool') v = op === 'add' ? (prev || cur ? 1 : 0) : prev && cur ? 1 : 0;
        else if (op === 'add') v = f32 ? fr(prev + cur) : prev + cur;
        else v = info.kind === 'f' ? (f32 ? fr(prev * cur) : prev * cur) : mul(prev, cur);
        R[q] = v;
      }
    }
  };
}

/** `np.cumsum(a, axis, dtype, out)`: axis null flattens. */
export function cumsum(a: ArrayLike, ...args: unknown[]): NDArray {
  return accumulate(a, args, 'add', null);
}
/** `np.cumprod(a, axis, dtype, out)`. */
export function cumprod(a: ArrayLike, ...args: unknown[]): NDArray {
  return accumulate(a, args, 'multiply', null);
}
/** `np.nancumsum(a, axis, dtype, out)`: NaNs count as 0. */
export function nancumsum(a: ArrayLike, ...args: unknown[]): NDArray {
  return accumulate(a, args, 'add', 0);
}
/** `np.nancumprod(a, axis, dtype, out)`: NaNs count as 1. */
export function nancumprod(a: ArrayLike, ...args: unknown[]): NDArray {
  return accumulate(a, args, 'multiply', 1);
}

// ---------------------------------------------------------------------------------------------
// average

/** `np.average(a, axis, weights, returned, keepdims)`. */
export function average(
  x: ArrayLike,
  ...args: unknown[]
): NDArray | Scalar | [NDArray | Scalar, NDArray | Scalar] {
  const a = asarray(x);
  const o = parseArgs(args, ['axis', 'weights', 'returned', 'keepdims']);
  const keepdims = o.keepdims === true;
  const axes = reductionAxes(o.axis, a.ndim, 'repeated axis in `axis` argument', FLOAT_AXIS_ITER);
  if (o.weights === undefined || o.weights === null) {
    const avg = meanArray(a, o.axis, keepdims, null, undefined);
    if (avg.size === 0) throw new NumPyError('ZeroDivisionError', 'division by zero');
    if (o.returned !== true) return finish(avg, undefined);
    const scl = a.size / Math.max(avg.size, 1);
    const sc = NDArray.empty(avg._shape, avg.dtype);
    const S = sc._data() as FStore;
    for (let i = 0; i < sc.size; i++) S[sc._start + i] = avg.size === 0 ? 0 : scl;
    return [finish(avg, undefined), finish(sc, undefined)];
  }
  let w = asarray(o.weights as ArrayLike);
  const rt =
    DTYPE_INFO[a.dtype].kind === 'f'
      ? promoteTypes(a.dtype, w.dtype)
      : promoteTypes(promoteTypes(a.dtype, w.dtype), 'float64');
  if (a._shape.join(',') !== w._shape.join(',')) {
    if (o.axis === undefined || o.axis === null)
      throw TypeError_('Axis must be specified when shapes of a and weights differ.');
    const want = axes.map((ax) => a._shape[ax] as number);
    if (w._shape.join(',') !== want.join(','))
      throw ValueError('Shape of weights must be consistent with shape of a along specified axis.');
    // transpose w by argsort(axes), then reshape to a's rank with 1s elsewhere
    const order = axes.map((ax, i) => [ax, i] as const).sort((p, q) => p[0] - q[0]);
    const wt = w._view(
      order.map(([, i]) => w._shape[i] as number),
      order.map(([, i]) => w._strides[i] as number),
      w._offset,
    );
    const shape = a._shape.map((d, i) => (axes.includes(i) ? d : 1));
    const strides = a._shape.map((_, i) => {
      const k = order.findIndex(([ax]) => ax === i);
      return k >= 0 ? (wt._strides[k] as number) : 0;
    });
    w = w._view(shape, strides, w._offset);
  }
  const scl = reduceArray(broadcastCopy(w, w._shape, rt), 'add', {
    axis: axes,
    keepdims,
    dtype: rt,
  });
  const SC = scl._data() as FStore;
  let zero = false;
  scl._forEach((p) => {
    if ((SC[p] as number) === 0) zero = true;
  });
  if (zero) throw new NumPyError('ZeroDivisionError', "Weights sum to zero, can't be normalized");
  // np.multiply(a, wgt, dtype=rt): laid out like a
  const prodArr = copyK(a, rt);
  const f32 = rt === 'float32';
  inplace2(prodArr, castK(w, rt), (u, v) => (f32 ? Math.fround(u * v) : u * v));
  const tot = reduceArray(prodArr, 'add', { axis: axes, keepdims, dtype: rt });
  inplace2(tot, scl, (u, v) => (f32 ? Math.fround(u / v) : u / v));
  if (o.returned !== true) return finish(tot, undefined);
  let sclOut = scl;
  if (scl._shape.join(',') !== tot._shape.join(',')) {
    sclOut = NDArray.empty(tot._shape, rt);
    copyInto(sclOut, scl);
  }
  return [finish(tot, undefined), finish(sclOut, undefined)];
}

/** A fresh array of `shape` holding `w` broadcast, cast to `dtype`. */
function broadcastCopy(w: NDArray, shape: readonly number[], dtype: DType): NDArray {
  const o = NDArray.empty(shape, dtype, false);
  copyInto(o, w);
  return o;
}

// ---------------------------------------------------------------------------------------------
// median, percentile, quantile

const QMETHODS = [
  'inverted_cdf',
  'averaged_inverted_cdf',
  'closest_observation',
  'interpolated_inverted_cdf',
  'hazen',
  'weibull',
  'linear',
  'median_unbiased',
  'normal_unbiased',
  'lower',
  'higher',
  'midpoint',
  'nearest',
];

/** One lane of values, sorted ascending with NaN last. */
type Lane = Float64Array | BigInt64Array | BigUint64Array;

/**
 * The lanes of `a` over `axes` in C order of the kept axes, each sorted (typed-array sort: NaN
 * last); with `dropNaN` the trailing NaNs are cut off.
 */
function sortedLanes(a: NDArray, axes: readonly number[], dropNaN: boolean): Lane[] {
  const kept = a._shape.map((_, i) => i).filter((i) => !axes.includes(i));
  const order = [...kept, ...axes];
  const v = a._view(
    order.map((i) => a._shape[i] as number),
    order.map((i) => a._strides[i] as number),
    a._offset,
  );
  const m = axes.reduce((acc, ax) => acc * (a._shape[ax] as number), 1);
  const nl = shapeSize(kept.map((i) => a._shape[i] as number));
  const make = (): Lane =>
    a.dtype === 'int64'
      ? new BigInt64Array(m)
      : a.dtype === 'uint64'
        ? new BigUint64Array(m)
        : new Float64Array(m);
  const lanes: Lane[] = [];
  if (m === 0) {
    for (let i = 0; i < nl; i++) lanes.push(make());
    return lanes;
  }
  const D = a._data() as Store;
  let cur = make();
  let k = 0;
  v._forEach((p) => {
    (cur as unknown as Store)[k++] = D[p] as Num;
    if (k === m) {
      lanes.push(cur);
      cur = make();
      k = 0;
    }
  });
  const isF = DTYPE_INFO[a.dtype].kind === 'f';
  return lanes.map((lane) => {
    (lane as Float64Array).sort();
    if (!dropNaN || !isF) return lane;
    let n = lane.length;
    while (n > 0 && (lane[n - 1] as number) !== (lane[n - 1] as number)) n--;
    return lane.subarray(0, n);
  });
}

/** Output shape after reducing `axes` (keepdims keeps them as 1). */
function reducedShape(
  shape: readonly number[],
  axes: readonly number[],
  keepdims: boolean,
): number[] {
  return keepdims
    ? shape.map((d, i) => (axes.includes(i) ? 1 : d))
    : shape.filter((_, i) => !axes.includes(i));
}

/** Writes C-ordered values into a fresh array laid out by `perm` over `shape`. */
function fromValues(
  vals: readonly Num[],
  shape: readonly number[],
  dtype: DType,
  perm: readonly number[] | null,
): NDArray {
  const c = NDArray.empty(shape, dtype, false);
  const C = c._data() as Store;
  const big = DTYPE_INFO[dtype].big;
  const f32 = dtype === 'float32';
  for (let i = 0; i < vals.length; i++) {
    const v = vals[i] as Num;
    C[c._start + i] = big
      ? typeof v === 'bigint'
        ? v
        : BigInt(v)
      : typeof v === 'bigint'
        ? Number(v)
        : f32
          ? Math.fround(v)
          : v;
  }
  if (perm === null) return c;
  const o = allocPerm(shape, perm, dtype, false);
  copyInto(o, c);
  return o;
}

/** Output layout for median-like reductions: the input's order over the output dims (K). */
function outPerm(a: NDArray, axes: readonly number[], keepdims: boolean): number[] {
  const perm = iterPerm(itStrides(a));
  if (keepdims) return perm;
  const kept = a._shape.map((_, i) => i).filter((i) => !axes.includes(i));
  return perm.filter((ax) => kept.includes(ax)).map((ax) => kept.indexOf(ax));
}

/** `_ureduce`'s reshape of several axes into one fails for empty arrays with empty kept dims. */
function checkUreduceReshape(a: NDArray, axis: unknown, axes: readonly number[]): void {
  if (axis === undefined || axis === null || axes.length < 2 || a.size !== 0) return;
  const kept = a._shape.filter((_, i) => !axes.includes(i));
  if (kept.length > 0 && shapeSize(kept) === 0) {
    throw ValueError(
      `cannot reshape array of size 0 into shape (${[...kept, 'newaxis'].join(',')})`,
    );
  }
}

function medianLike(x: ArrayLike, args: readonly unknown[], nan: boolean): NDArray | Scalar {
  const a = asarray(x);
  const o = parseArgs(args, ['axis', 'out', 'overwrite_input', 'keepdims']);
  const axes = reductionAxes(o.axis, a.ndim, 'repeated axis', FLOAT_AXIS_ITER);
  checkUreduceReshape(a, o.axis, axes);
  const keepdims = o.keepdims === true;
  const isF = DTYPE_INFO[a.dtype].kind === 'f';
  const rdt: DType = isF ? a.dtype : 'float64';
  const f32 = rdt === 'float32';
  const fr = f32 ? Math.fround : (v: number) => v;
  const lanes = sortedLanes(a, axes, nan && isF);
  const vals = lanes.map((lane): number => {
    const n = lane.length;
    if (n === 0) return NaN;
    if (isF && (lane[n - 1] as number) !== (lane[n - 1] as number)) return NaN;
    const k = n >> 1;
    if (n % 2 === 1) return Number(lane[k]);
    const s = fr(fr(0 + Number(lane[k - 1])) + Number(lane[k]));
    return fr(s / 2);
  });
  const shape = reducedShape(a._shape, axes, false);
  // several axes: NumPy moves them last and reshapes, a copy (C order) unless they merge
  const perm = axes.length > 1 && !mergeable(a, axes) ? null : outPerm(a, axes, false);
  return finish(keepAxes(fromValues(vals, shape, rdt, perm), a.ndim, axes, 0, keepdims), o.out);
}

/** Whether `axes` (ascending) of `a` merge into one dim without a copy (NumPy's reshape rule). */
function mergeable(a: NDArray, axes: readonly number[]): boolean {
  const dims = [...axes].sort((p, q) => p - q).filter((d) => a._shape[d] !== 1);
  for (let i = 0; i + 1 < dims.length; i++) {
    const d = dims[i] as number;
    const e = dims[i + 1] as number;
    if (a._strides[d] !== (a._strides[e] as number) * (a._shape[e] as number)) return false;
  }
  return true;
}

/** `np.median(a, axis, out, overwrite_input, keepdims)`: NaN if a slice holds NaN. */
export const median: ReduceFunction<number> = function median(
  a: ArrayLike,
  ...args: unknown[]
): NDArray | Scalar {
  return medianLike(a, args, false);
} as ReduceFunction<number>;
/** `np.nanmedian(a, axis, out, overwrite_input, keepdims)`. */
export const nanmedian: ReduceFunction<number> = function nanmedian(
  x: ArrayLike,
  ...args: unknown[]
): NDArray | Scalar {
  const a = asarray(x);
  if (a.size === 0) {
    // NumPy: `if a.size == 0: return np.nanmean(a, axis, out=out, keepdims=keepdims)`
    const o = parseArgs(args, ['axis', 'out', 'overwrite_input', 'keepdims']);
    return nanmean(a, { axis: o.axis, out: o.out, keepdims: o.keepdims });
  }
  return medianLike(a, args, true);
} as ReduceFunction<number>;

/** NumPy's `_ureduce` keepdims: size-1, stride-0 dims re-inserted at the reduced axes. */
function keepAxes(
  r: NDArray,
  ndim: number,
  axes: readonly number[],
  lead: number,
  keepdims: boolean,
): NDArray {
  if (!keepdims) return r;
  const shape = r._shape.slice(0, lead);
  const strides = r._strides.slice(0, lead);
  let k = lead;
  for (let i = 0; i < ndim; i++) {
    if (axes.includes(i)) {
      shape.push(1);
      strides.push(0);
    } else {
      shape.push(r._shape[k] as number);
      strides.push(r._strides[k] as number);
      k++;
    }
  }
  return new NDArray({
    buffer: r.buffer,
    dtype: r.dtype,
    shape,
    strides,
    offset: r._offset,
    base: null,
    writeable: true,
  });
}

/** Methods whose virtual index is an integer (NumPy takes the element, no interpolation). */
const TAKE_METHODS = ['inverted_cdf', 'closest_observation', 'lower', 'higher', 'nearest'];

/** NumPy's `_discrete_interpolation_to_boundaries`. */
function discreteIndex(index: number, cond: (gamma: number, index: number) => boolean): number {
  const prev = Math.floor(index);
  const r = cond(index - prev, index) ? prev : prev + 1;
  return r < 0 ? 0 : r;
}

/** The element index of a take-method quantile (NumPy's `get_virtual_index`). */
function takeIndex(method: string, n: number, q: number): number {
  switch (method) {
    case 'inverted_cdf':
      return discreteIndex(n * q - 1, (g) => g === 0);
    case 'closest_observation':
      return discreteIndex(
        n * q - 1 - 0.5,
        (g, i) => g === 0 && ((Math.floor(i) % 2) + 2) % 2 === 1,
      );
    case 'lower':
      return Math.floor((n - 1) * q);
    case 'higher':
      return Math.ceil((n - 1) * q);
    default:
      return roundHalfEven((n - 1) * q);
  }
}

/** Hyndman & Fan's virtual index `n*q + (alpha + q*(1 - alpha - beta)) - 1`. */
const hf = (n: number, q: number, alpha: number, beta: number): number =>
  n * q + (alpha + q * (1 - alpha - beta)) - 1;

/** The fractional index of an interpolating quantile method (NumPy's `get_virtual_index`). */
function virtualIndex(method: string, n: number, q: number): number {
  switch (method) {
    case 'averaged_inverted_cdf':
      return n * q - 1;
    case 'interpolated_inverted_cdf':
      return hf(n, q, 0, 1);
    case 'hazen':
      return hf(n, q, 0.5, 0.5);
    case 'weibull':
      return hf(n, q, 0, 0);
    case 'median_unbiased':
      return hf(n, q, 1 / 3.0, 1 / 3.0);
    case 'normal_unbiased':
      return hf(n, q, 3 / 8.0, 3 / 8.0);
    case 'midpoint': {
      const t = (n - 1) * q;
      return 0.5 * (Math.floor(t) + Math.ceil(t));
    }
    default:
      return (n - 1) * q;
  }
}

/** Round half to even, as np.around. */
function roundHalfEven(v: number): number {
  const r = Math.round(v);
  return Math.abs(v % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

function quantileLike(
  x: ArrayLike,
  qIn: ArrayLike,
  args: readonly unknown[],
  percent: boolean,
  nan: boolean,
): NDArray | Scalar {
  const a = asarray(x);
  const o = parseArgs(args, ['axis', 'out', 'overwrite_input', 'method', 'keepdims']);
  const method = (o.method ?? 'linear') as string;
  const axes = reductionAxes(o.axis, a.ndim, 'repeated axis', FLOAT_AXIS_ITER);
  const keepdims = o.keepdims === true;
  const isF = DTYPE_INFO[a.dtype].kind === 'f';
  if (!nan) checkUreduceReshape(a, o.axis, axes);
  const scalarQ = typeof qIn === 'number';
  const qa = asarray(qIn, { dtype: 'float64' });
  // Indices and gamma are float64; with a Python-scalar q (weak) NumPy interpolates a float32
  // array in float32 (gamma a weak float), else in float64.
  const f32 = scalarQ && a.dtype === 'float32';
  const R = f32 ? Math.fround : (v: number) => v;
  const qs = qa._values().map((v) => {
    const q = Number(v);
    return percent ? q / 100 : q;
  });
  for (const q of qs) {
    if (!(q >= 0 && q <= 1))
      throw ValueError(
        percent
          ? 'Percentiles must be in the range [0, 100]'
          : 'Quantiles must be in the range [0, 1]',
      );
  }
  if (!QMETHODS.includes(method)) {
    throw ValueError(
      `'${method}' is not a valid method. Use one of: dict_keys([${QMETHODS.map((m) => `'${m}'`).join(', ')}])`,
    );
  }
  const takes = TAKE_METHODS.includes(method);
  const rdt: DType = takes ? a.dtype : isF ? (scalarQ ? a.dtype : 'float64') : 'float64';
  const subWrap = wrapTo(a.dtype);
  const lanes = sortedLanes(a, axes, nan && isF);
  const nq = qs.length;
  const nl = lanes.length;
  const vals = new Array<Num>(nq * nl);
  if (!nan && nl > 0 && nq > 0 && lanes[0]?.length === 0) {
    throw IndexError(`index ${isF ? -1 : 0} is out of bounds for axis 0 with size 0`);
  }
  if (!takes && a.dtype === 'bool') throw TypeError_(BOOL_SUBTRACT);
  lanes.forEach((lane, li) => {
    const n = lane.length;
    const hasNaN = isF && n > 0 && (lane[n - 1] as number) !== (lane[n - 1] as number);
    qs.forEach((q, qi) => {
      let r: Num;
      if (n === 0) r = NaN;
      else if (hasNaN) r = NaN;
      else if (takes) {
        const idx = Math.min(Math.max(takeIndex(method, n, q), 0), n - 1);
        r = lane[idx] as Num;
      } else {
        const vi = virtualIndex(method, n, q);
        let prev = Math.floor(vi);
        let next = prev + 1;
        if (vi >= n - 1) {
          prev = -1;
          next = -1;
        }
        if (vi < 0) {
          prev = 0;
          next = 0;
        }
        let gamma = vi - prev;
        if (method === 'midpoint') gamma = vi % 1 === 0 ? 0 : 0.5;
        else if (method === 'averaged_inverted_cdf') gamma = gamma === 0 ? 0.5 : 1;
        const A = lane[prev < 0 ? n + prev : prev] as Num;
        const B = lane[next < 0 ? n + next : next] as Num;
        // b - a in the array's dtype (integers wrap, as NumPy's subtract)
        let diff: number;
        if (typeof A === 'bigint') {
          const d = (B as bigint) - A;
          diff = Number(a.dtype === 'uint64' ? BigInt.asUintN(64, d) : BigInt.asIntN(64, d));
        } else diff = subWrap((B as number) - A);
        const Af = Number(A);
        const Bf = Number(B);
        r = gamma >= 0.5 ? R(Bf - R(diff * R(1 - gamma))) : R(Af + R(diff * R(gamma)));
      }
      vals[qi * nl + li] = r;
    });
  });
  const rshape = reducedShape(a._shape, axes, false);
  const shape = [...qa._shape, ...rshape];
  // NumPy works on a C-ordered copy: the result is C-ordered
  const perm = null;
  return finish(
    keepAxes(fromValues(vals, shape, rdt, perm), a.ndim, axes, qa.ndim, keepdims),
    o.out,
  );
}

/** `np.quantile(a, q, axis, out, overwrite_input, method, keepdims)`. */
export function quantile(a: ArrayLike, q: ArrayLike, ...args: unknown[]): NDArray | Scalar {
  return quantileLike(a, q, args, false, false);
}
/** `np.percentile(a, q, axis, out, overwrite_input, method, keepdims)`. */
export function percentile(a: ArrayLike, q: ArrayLike, ...args: unknown[]): NDArray | Scalar {
  return quantileLike(a, q, args, true, false);
}
/** `np.nanquantile(a, q, …)`: NaNs ignored. */
export function nanquantile(a: ArrayLike, q: ArrayLike, ...args: unknown[]): NDArray | Scalar {
  return quantileLike(a, q, args, false, true);
}
/** `np.nanpercentile(a, q, …)`: NaNs ignored. */
export function nanpercentile(a: ArrayLike, q: ArrayLike, ...args: unknown[]): NDArray | Scalar {
  return quantileLike(a, q, args, true, true);
}

// ---------------------------------------------------------------------------------------------
// Methods

/** Options of a full reduction (no axis, no keepdims): the result is a JS scalar. */
export interface FullReduceOptions {
  axis?: null;
  keepdims?: false;
  dtype?: string;
  out?: null;
  initial?: Scalar;
  where?: ArrayLike;
  ddof?: number;
}

/** Options of a reduction that keeps an array result (an axis, keepdims or out). */
export type AxisReduceOptions = {
  axis?: number | readonly number[] | null;
  keepdims?: boolean;
  dtype?: string;
  out?: NDArray | null;
  initial?: Scalar;
  where?: ArrayLike;
  ddof?: number;
} & ({ axis: number | readonly number[] } | { keepdims: true } | { out: NDArray });

/**
 * A reduction method: a JS scalar `S` for a full reduction (`a.sum()`, `a.sum({ddof: 1})`), an
 * ndarray with an axis, keepdims or out. (A full sum of int64 beyond 2**53 is a bigint at run time.)
 */
/** `np.sum`-style reduction functions: `ReduceMethod` with the array as first argument. */
export interface ReduceFunction<S> {
  (a: ArrayLike, opts?: FullReduceOptions): S;
  (a: ArrayLike, axis: number | readonly number[], ...rest: unknown[]): NDArray;
  (a: ArrayLike, opts: AxisReduceOptions): NDArray;
  (a: ArrayLike, ...args: unknown[]): NDArray | Scalar;
}

export interface ReduceMethod<S> {
  (opts?: FullReduceOptions): S;
  (axis: number | readonly number[], ...rest: unknown[]): NDArray;
  (opts: AxisReduceOptions): NDArray;
  (...args: unknown[]): NDArray | Scalar;
}
declare module './ndarray' {
  interface NDArray {
    /** `a.sum(axis, dtype, out, keepdims, initial, where)`; a JS scalar for a full reduction. */
    sum: ReduceMethod<number>;
    prod: ReduceMethod<number>;
    mean: ReduceMethod<number>;
    std: ReduceMethod<number>;
    var: ReduceMethod<number>;
    min: ReduceMethod<number>;
    max: ReduceMethod<number>;
    argmin: ReduceMethod<number>;
    argmax: ReduceMethod<number>;
    all: ReduceMethod<boolean>;
    any: ReduceMethod<boolean>;
    cumsum(...args: unknown[]): NDArray;
    cumprod(...args: unknown[]): NDArray;
  }
}

NDArray.prototype.sum = function (this: NDArray, ...args: unknown[]) {
  return sum(this, ...args);
} as ReduceMethod<number>;
NDArray.prototype.prod = function (this: NDArray, ...args: unknown[]) {
  return prod(this, ...args);
} as ReduceMethod<number>;
NDArray.prototype.mean = function (this: NDArray, ...args: unknown[]) {
  return mean(this, ...args);
} as ReduceMethod<number>;
NDArray.prototype.std = function (this: NDArray, ...args: unknown[]) {
  return std(this, ...args);
} as ReduceMethod<number>;
NDArray.prototype.var = function (this: NDArray, ...args: unknown[]) {
  return var_(this, ...args);
} as ReduceMethod<number>;
NDArray.prototype.min = function (this: NDArray, ...args: unknown[]) {
  return min(this, ...args);
} as ReduceMethod<number>;
NDArray.prototype.max = function (this: NDArray, ...args: unknown[]) {
  return max(this, ...args);
} as ReduceMethod<number>;
NDArray.prototype.argmin = function (this: NDArray, ...args: unknown[]) {
  return argmin(this, ...args);
} as ReduceMethod<number>;
NDArray.prototype.argmax = function (this: NDArray, ...args: unknown[]) {
  return argmax(this, ...args);
} as ReduceMethod<number>;
NDArray.prototype.all = function (this: NDArray, ...args: unknown[]) {
  return all(this, ...args);
} as ReduceMethod<boolean>;
NDArray.prototype.any = function (this: NDArray, ...args: unknown[]) {
  return any(this, ...args);
} as ReduceMethod<boolean>;
NDArray.prototype.cumsum = function (this: NDArray, ...args: unknown[]) {
  return cumsum(this, ...args);
};
NDArray.prototype.cumprod = function (this: NDArray, ...args: unknown[]) {
  return cumprod(this, ...args);
};
