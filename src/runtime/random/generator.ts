/**
 * `numpy.random.Generator` over PCG64 (`np.random.default_rng(seed)`), bit-identical to NumPy:
 * the same seed gives the same numbers for every method here.
 */
import { asarray, copyArray, toJS } from '../convert';
import { AxisError, OverflowError, TypeError_, ValueError, normalizeAxis } from '../errors';
import { NDArray, isNDArray, type ArrayLike, type Scalar } from '../ndarray';
import { take } from '../indexing';
import { nextFloat, type BitGen } from './bitgen';
import { cont, fillFloat, floatDtype, floatParam, params, sizeShape, type Size } from './common';
import {
  standardExponential,
  standardExponentialF,
  standardNormal,
  standardNormalF,
  bounded64Small,
  bounded64,
  genMask32,
} from './distributions';
import { boundedIntegers, writeInt64 } from './ints';
import { log1pLibm, log1pfLibm } from './libmlog1p';
import { MT19937 } from './mt19937';
import { PCG64, SeedSequence, type SeedLike } from './pcg64';
import { shuffleAxis, shuffleLanes } from './shuffle';

export interface FloatOpts {
  size?: Size;
  /** 'float64' (default) or 'float32'. */
  dtype?: string;
  out?: NDArray | null;
}

function checkNonNeg(p: { values: Float64Array }, name: string): void {
  for (const v of p.values) if (v < 0) throw ValueError(`${name} < 0`);
}

export interface IntOpts {
  size?: Size;
  dtype?: string;
  endpoint?: boolean;
}

export interface ChoiceKw {
  replace?: boolean;
  p?: ArrayLike | null;
  axis?: number;
  shuffle?: boolean;
}

/** The bit generators a Generator can wrap. */
export type BitGenerator = PCG64 | MT19937;

export class Generator {
  readonly bit_generator: BitGenerator;
  /** `Generator(bit_generator)`: `new Generator(new PCG64(seed))` or `new MT19937(seed)`. */
  constructor(bitGenerator: BitGenerator) {
    this.bit_generator = bitGenerator;
  }

  private get g(): BitGen {
    return this.bit_generator;
  }

  toString(): string {
    return `Generator(${this.bit_generator instanceof MT19937 ? 'MT19937' : 'PCG64'})`;
  }

  /** `random(size=None, dtype=float64, out=None)`: floats in [0, 1). */
  random(size?: null, opts?: FloatOpts): number;
  random(size: number | readonly number[], opts?: FloatOpts): NDArray;
  random(...args: unknown[]): number | NDArray;
  random(...args: unknown[]): number | NDArray {
    const o = params<FloatOpts>(args, ['size', 'dtype', 'out']);
    const dt = floatDtype(o.dtype, 'random');
    const g = this.g;
    const shape = sizeShape(o.size);
    if (dt === 'float64' && shape !== null && !o.out && g.fillDoubles) {
      const a = NDArray.empty(shape, 'float64', false);
      g.fillDoubles(a._data() as Float64Array, a._start, a.size);
      return a;
    }
    const fn = dt === 'float64' ? () => g.nextDouble() : () => nextFloat(g);
    return fillFloat(shape, dt, fn, o.out);
  }

  /** `integers(low, high=None, size=None, dtype=int64, endpoint=False)`. */
  integers(
    low: number | bigint,
    high?: number | bigint | null,
    size?: null,
    opts?: IntOpts,
  ): Scalar;
  integers(
    low: ArrayLike,
    high: ArrayLike | null | undefined,
    size: number | readonly number[],
    opts?: IntOpts,
  ): NDArray;
  integers(...args: unknown[]): Scalar | NDArray;
  integers(...args: unknown[]): Scalar | NDArray {
    const o = params<{
      low: ArrayLike;
      high?: ArrayLike | null;
      size?: Size;
      dtype?: string;
      endpoint?: boolean;
    }>(args, ['low', 'high', 'size', 'dtype', 'endpoint']);
    return boundedIntegers(
      this.g,
      o.low,
      o.high,
      o.size,
      o.dtype ?? 'int64',
      Boolean(o.endpoint),
      false,
    );
  }

  /** `standard_normal(size=None, dtype=float64, out=None)` (NumPy's ziggurat). */
  standard_normal(size?: null, opts?: FloatOpts): number;
  standard_normal(size: number | readonly number[], opts?: FloatOpts): NDArray;
  standard_normal(...args: unknown[]): number | NDArray;
  standard_normal(...args: unknown[]): number | NDArray {
    const o = params<FloatOpts>(args, ['size', 'dtype', 'out']);
    const dt = floatDtype(o.dtype, 'standard_normal');
    const g = this.g;
    return fillFloat(
      sizeShape(o.size),
      dt,
      dt === 'float64' ? () => standardNormal(g) : () => standardNormalF(g),
      o.out,
    );
  }

  /** `normal(loc=0.0, scale=1.0, size=None)`. */
  normal(loc?: number, scale?: number, size?: null): number;
  normal(loc: ArrayLike, scale: ArrayLike, size: number | readonly number[]): NDArray;
  normal(...args: unknown[]): number | NDArray;
  normal(...args: unknown[]): number | NDArray {
    const o = params<{ loc?: ArrayLike; scale?: ArrayLike; size?: Size }>(args, [
      'loc',
      'scale',
      'size',
    ]);
    const loc = floatParam(o.loc ?? 0);
    const scale = floatParam(o.scale ?? 1);
    checkNonNeg(scale, 'scale');
    const g = this.g;
    return cont(o.size, [loc, scale], (l, s) => l + s * standardNormal(g));
  }

  /** `uniform(low=0.0, high=1.0, size=None)`: low + (high - low) * U. */
  uniform(low?: number, high?: number, size?: null): number;
  uniform(low: ArrayLike, high: ArrayLike, size: number | readonly number[]): NDArray;
  uniform(...args: unknown[]): number | NDArray;
  uniform(...args: unknown[]): number | NDArray {
    const o = params<{ low?: ArrayLike; high?: ArrayLike; size?: Size }>(args, [
      'low',
      'high',
      'size',
    ]);
    const low = floatParam(o.low ?? 0);
    const high = floatParam(o.high ?? 1);
    const g = this.g;
    if (low.scalar && high.scalar) {
      const range = high.values[0]! - low.values[0]!;
      if (!Number.isFinite(range)) throw OverflowError('high - low range exceeds valid bounds');
      const lo = low.values[0]!;
      return fillFloat(sizeShape(o.size), 'float64', () => lo + range * g.nextDouble());
    }
    return cont(o.size, [low, high], (l, h) => {
      const r = h - l;
      if (!Number.isFinite(r)) throw OverflowError('high - low range exceeds valid bounds');
      return l + r * g.nextDouble();
    });
  }

  /** `standard_exponential(size=None, dtype=float64, method='zig', out=None)`. */
  standard_exponential(size?: null, opts?: FloatOpts & { method?: 'zig' | 'inv' }): number;
  standard_exponential(
    size: number | readonly number[],
    opts?: FloatOpts & { method?: 'zig' | 'inv' },
  ): NDArray;
  standard_exponential(...args: unknown[]): number | NDArray;
  standard_exponential(...args: unknown[]): number | NDArray {
    const o = params<FloatOpts & { method?: 'zig' | 'inv' }>(args, [
      'size',
      'dtype',
      'method',
      'out',
    ]);
    const dt = floatDtype(o.dtype, 'standard_exponential');
    const g = this.g;
    let fn: () => number;
    if ((o.method ?? 'zig') === 'inv') {
      fn = dt === 'float64' ? () => -log1pLibm(-g.nextDouble()) : () => -log1pfLibm(-nextFloat(g));
    } else {
      fn = dt === 'float64' ? () => standardExponential(g) : () => standardExponentialF(g);
    }
    return fillFloat(sizeShape(o.size), dt, fn, o.out);
  }

  /** `exponential(scale=1.0, size=None)`. */
  exponential(scale?: number, size?: null): number;
  exponential(scale: ArrayLike, size: number | readonly number[]): NDArray;
  exponential(...args: unknown[]): number | NDArray;
  exponential(...args: unknown[]): number | NDArray {
    const o = params<{ scale?: ArrayLike; size?: Size }>(args, ['scale', 'size']);
    const scale = floatParam(o.scale ?? 1);
    checkNonNeg(scale, 'scale');
    const g = this.g;
    return cont(o.size, [scale], (s) => s * standardExponential(g));
  }

  /** `choice(a, size=None, replace=True, p=None, axis=0, shuffle=True)`. */
  choice(a: ArrayLike, size: number | readonly number[], opts?: ChoiceKw): NDArray;
  choice(...args: unknown[]): Scalar | NDArray;
  choice(...args: unknown[]): Scalar | NDArray {
    const o = params<{
      a: ArrayLike;
      size?: Size;
      replace?: boolean;
      p?: ArrayLike | null;
      axis?: number;
      shuffle?: boolean;
    }>(args, ['a', 'size', 'replace', 'p', 'axis', 'shuffle']);
    return choiceImpl(this, o, false);
  }

  /** `permutation(x, axis=0)`: a shuffled copy (or a shuffled arange for an int). */
  permutation(...args: unknown[]): NDArray {
    const o = params<{ x: ArrayLike; axis?: number }>(args, ['x', 'axis']);
    if (typeof o.x === 'number' || typeof o.x === 'bigint') {
      const n = Number(o.x);
      const arr = NDArray.empty([n], 'int64', false);
      writeInt64(
        arr,
        Array.from({ length: n }, (_, i) => i),
      );
      shuffleAxis(this.g, arr, 0);
      return arr;
    }
    const a = asarray(o.x);
    if (a.ndim === 0) throw AxisError(0, 0);
    const ax = normalizeAxis(o.axis ?? 0, a.ndim);
    const c = copyArray(a);
    shuffleAxis(this.g, c, ax);
    return c;
  }

  /** `shuffle(x, axis=0)`: in place. */
  shuffle(...args: unknown[]): void {
    const o = params<{ x: NDArray; axis?: number }>(args, ['x', 'axis']);
    if (!isNDArray(o.x))
      throw TypeError_('shuffle requires an ndarray (JS arrays: use permutation)');
    if (o.x.ndim === 0) throw TypeError_('object of type numpy.ndarray has no len()');
    shuffleAxis(this.g, o.x, normalizeAxis(o.axis ?? 0, o.x.ndim));
  }

  /** `permuted(x, axis=None, out=None)`: each slice along `axis` shuffled independently. */
  permuted(...args: unknown[]): NDArray {
    const o = params<{ x: ArrayLike; axis?: number | null; out?: NDArray | null }>(args, [
      'x',
      'axis',
      'out',
    ]);
    const x = asarray(o.x);
    let out: NDArray;
    if (o.out) {
      if (o.out.ndim !== x.ndim || o.out._shape.some((d, i) => d !== x._shape[i]))
        throw ValueError('out must have the same shape as x');
      out = o.out;
      const src = x;
      // copyto(out, x, casting='safe')
      const tmp = copyArray(src, out.dtype);
      const d = out._data();
      const t = tmp._data();
      let k = tmp._start;
      out._forEach((p) => {
        (d as unknown as (number | bigint)[])[p] = (t as unknown as (number | bigint)[])[k++]!;
      });
    } else {
      out = copyArray(x, x.dtype, x.flags.f_contiguous && !x.flags.c_contiguous ? 'F' : 'C');
    }
    if (o.axis === null || o.axis === undefined) {
      if (out.ndim <= 1) {
        if (out.ndim === 1) shuffleAxis(this.g, out, 0);
        return out;
      }
      // shuffle the flattened memory-order view
      const flat =
        out.flags.c_contiguous || out.flags.f_contiguous
          ? out._view([out.size], [1], out._offset)
          : null;
      if (flat) {
        shuffleAxis(this.g, flat, 0);
      } else {
        const c = copyArray(out);
        shuffleAxis(this.g, c._view([c.size], [1], 0), 0);
        const d = out._data();
        const cd = c._data();
        let k = c._start;
        out._forEach((p) => {
          (d as unknown as (number | bigint)[])[p] = (cd as unknown as (number | bigint)[])[k++]!;
        });
      }
      return out;
    }
    shuffleLanes(this.g, out, normalizeAxis(o.axis, out.ndim));
    return out;
  }

  /** `spawn(n)`: independent child generators (SeedSequence spawning). */
  spawn(n: number): Generator[] {
    const bg = this.bit_generator;
    if (bg.seed_seq === null)
      throw TypeError_('The underlying SeedSequence does not support spawning.');
    return bg.seed_seq
      .spawn(n)
      .map((s) => new Generator(bg instanceof MT19937 ? new MT19937(s) : new PCG64(s)));
  }
}

const GEN_MSG = {
  positive: 'a must be a positive integer unless no samples are taken',
  empty: 'a cannot be empty unless no samples are taken',
  p1d: 'p must be 1-dimensional',
  sameSize: 'a and p must have same size',
  nan: 'Probabilities contain NaN',
  negative: 'Probabilities are not non-negative',
  sum: 'Probabilities do not sum to 1. See Notes section of docstring for more information.',
};
const LEGACY_MSG: typeof GEN_MSG = {
  positive: 'a must be greater than 0 unless no samples are taken',
  empty: "'a' cannot be empty unless no samples are taken",
  p1d: "'p' must be 1-dimensional",
  sameSize: "'a' and 'p' must have same size",
  nan: 'probabilities contain NaN',
  negative: 'probabilities are not non-negative',
  sum: 'probabilities do not sum to 1',
};

interface ChoiceOpts {
  a: ArrayLike;
  size?: Size;
  replace?: boolean;
  p?: ArrayLike | null;
  axis?: number;
  shuffle?: boolean;
}

interface ChoiceHost {
  random(...args: unknown[]): number | NDArray;
}

/** NumPy's choice for both Generator (`legacy` false) and RandomState (`legacy` true). */
export function choiceImpl(
  host:
    | Generator
    | (ChoiceHost & {
        _legacyChoiceInts(pop: number, n: number): number[];
        _permutationInts(n: number): number[];
      }),
  o: ChoiceOpts,
  legacy: boolean,
): Scalar | NDArray {
  const g = (host as unknown as { g: BitGen }).g;
  const replace = o.replace ?? true;
  const axis = o.axis ?? 0;
  let aArr: NDArray | null = null;
  let popSize: number;
  const shape = sizeShape(o.size);
  const size = shape === null ? 1 : shape.reduce((x, y) => x * y, 1);
  const msg = legacy ? LEGACY_MSG : GEN_MSG;
  if (typeof o.a === 'number' || typeof o.a === 'bigint') {
    popSize = Number(o.a);
    if (!Number.isInteger(popSize)) {
      throw TypeError_("'float' object cannot be interpreted as an integer");
    }
    if (popSize <= 0 && size !== 0) throw ValueError(msg.positive);
  } else {
    aArr = asarray(o.a);
    if (aArr.ndim === 0) {
      popSize = Number(aArr._values()[0]);
      if (popSize <= 0 && size !== 0) throw ValueError(msg.positive);
      aArr = null;
    } else {
      if (legacy && aArr.ndim !== 1) throw ValueError('a must be 1-dimensional');
      popSize = aArr._shape[legacy ? 0 : normalizeAxis(axis, aArr.ndim)]!;
      if (popSize === 0 && size !== 0) throw ValueError(msg.empty);
    }
  }
  let p: Float64Array | null = null;
  if (o.p !== null && o.p !== undefined) {
    const pa = asarray(o.p, { dtype: 'float64' });
    if (pa.ndim !== 1) throw ValueError(msg.p1d);
    if (pa.size !== popSize) throw ValueError(msg.sameSize);
    p = Float64Array.from(pa._values() as number[]);
    // NumPy's kahan_sum
    let sum = 0;
    let c = 0;
    for (const v of p) {
      const y = v - c;
      const t = sum + y;
      c = t - sum - y;
      sum = t;
    }
    if (Number.isNaN(sum)) throw ValueError(msg.nan);
    for (const v of p) if (v < 0) throw ValueError(msg.negative);
    if (Math.abs(sum - 1) > Math.sqrt(2.220446049250313e-16)) throw ValueError(msg.sum);
  }
  const outShape = shape ?? [];
  let idx: number[];
  const cdfSearch = (pp: Float64Array, u: number[]): number[] => {
    const cdf = new Float64Array(pp.length);
    let acc = 0;
    for (let i = 0; i < pp.length; i++) cdf[i] = acc += pp[i]!;
    const last = cdf[cdf.length - 1]!;
    for (let i = 0; i < cdf.length; i++) cdf[i] = cdf[i]! / last;
    return u.map((x) => {
      let lo = 0;
      let hi = cdf.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cdf[mid]! <= x) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    });
  };
  const uniforms = (n: number): number[] => Array.from({ length: n }, () => g.nextDouble());
  if (replace) {
    if (p) idx = cdfSearch(p, uniforms(size));
    else if (legacy)
      idx = (host as { _legacyChoiceInts(pop: number, n: number): number[] })._legacyChoiceInts(
        popSize,
        size,
      );
    else {
      idx = [];
      const rng = popSize - 1;
      const mask = genMask32(rng);
      if (rng <= 0xffffffff)
        for (let i = 0; i < size; i++) idx.push(bounded64Small(g, rng, mask, false));
      else for (let i = 0; i < size; i++) idx.push(Number(bounded64(g, BigInt(rng), 0n, false)));
    }
  } else {
    if (size > popSize)
      throw ValueError(
        legacy
          ? "Cannot take a larger sample than population when 'replace=False'"
          : 'Cannot take a larger sample than population when replace is False',
      );
    if (p) {
      let nz = 0;
      for (const v of p) if (v > 0) nz++;
      if (nz < size) throw ValueError('Fewer non-zero entries in p than size');
      const pp = Float64Array.from(p);
      const found: number[] = [];
      while (found.length < size) {
        const x = uniforms(size - found.length);
        for (const f of found) pp[f] = 0;
        const neu = cdfSearch(pp, x);
        const seen = new Set<number>();
        for (const v of neu) {
          if (!seen.has(v)) {
            seen.add(v);
            found.push(v);
          }
        }
      }
      idx = found;
    } else if (legacy) {
      idx = (host as { _permutationInts(n: number): number[] })
        ._permutationInts(popSize)
        .slice(0, size);
    } else {
      const doShuffle = o.shuffle ?? true;
      const cutoff = doShuffle ? 50 : 20;
      if (popSize > 10000 && size > Math.floor(popSize / cutoff)) {
        const arr = Array.from({ length: popSize }, (_, i) => i);
        const first = Math.max(popSize - size, 1);
        for (let i = popSize - 1; i >= first; i--) {
          const j = bounded64Small(g, i, 0, false);
          const t = arr[j]!;
          arr[j] = arr[i]!;
          arr[i] = t;
        }
        idx = arr.slice(popSize - size);
      } else {
        idx = new Array<number>(size);
        const setSize0 = Math.floor(1.2 * size);
        const fixMask = genMaskNum(setSize0);
        const hash = new Float64Array(fixMask + 1).fill(-1);
        for (let j = popSize - size; j < popSize; j++) {
          const val = bounded64Small(g, j, 0, false);
          let loc = val & fixMask;
          while (hash[loc] !== -1 && hash[loc] !== val) loc = (loc + 1) & fixMask;
          if (hash[loc] === -1) {
            hash[loc] = val;
            idx[j - popSize + size] = val;
          } else {
            loc = j & fixMask;
            while (hash[loc] !== -1) loc = (loc + 1) & fixMask;
            hash[loc] = j;
            idx[j - popSize + size] = j;
          }
        }
        if (doShuffle) {
          for (let i = size - 1; i >= 1; i--) {
            const j = bounded64Small(g, i, 0, false);
            const t = idx[j]!;
            idx[j] = idx[i]!;
            idx[i] = t;
          }
        }
      }
    }
  }
  const idxArr = NDArray.empty(outShape, 'int64', false);
  writeInt64(idxArr, idx.slice(0, size));
  if (aArr === null) {
    if (shape === null) return idx[0]!;
    return idxArr;
  }
  const r = take(aArr, idxArr, { axis: legacy ? 0 : axis });
  if (shape === null && isNDArray(r) && r.ndim === 0) return toJS(r._values()[0]!, r.dtype);
  return r;
}

function genMaskNum(max: number): number {
  let m = 1;
  while (m - 1 < max) m *= 2;
  return m - 1;
}

/** `np.random.default_rng(seed=None)`. */
export function default_rng(
  seed?: SeedLike | SeedSequence | Generator | BitGenerator | null,
): Generator {
  if (seed instanceof Generator) return seed;
  if (seed instanceof PCG64 || seed instanceof MT19937) return new Generator(seed);
  return new Generator(new PCG64(seed ?? null));
}
