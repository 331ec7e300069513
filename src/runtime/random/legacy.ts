/**
 * The legacy API: `RandomState` over MT19937 and the module-level `np.random.seed/rand/randn/…`
 * functions sharing one global RandomState, bit-identical to NumPy's legacy streams.
 */
import { asarray, copyArray } from '../convert';
import { TypeError_, ValueError, normalizeAxis } from '../errors';
import { NDArray, isNDArray, type ArrayLike, type Scalar } from '../ndarray';
import { take } from '../indexing';
import type { BitGen } from './bitgen';
import { cont, fillFloat, floatParam, params, sizeShape, type Size } from './common';
import { LegacyGauss } from './distributions';
import { choiceImpl } from './generator';
import { boundedIntegers, writeInt64 } from './ints';
import { MT19937 } from './mt19937';
import { logLibm } from './libmlog';
import { randomEntropy } from './pcg64';
import { shuffleAxis } from './shuffle';

type LegacySeed = number | bigint | readonly (number | bigint)[] | NDArray | null | undefined;

function dimsToSize(args: readonly unknown[]): Size {
  if (args.length === 0) return null;
  return args.map((a) => {
    if (typeof a !== 'number' || !Number.isInteger(a))
      throw TypeError_(
        `'${typeof a === 'number' ? 'float' : typeof a}' object cannot be interpreted as an integer`,
      );
    return a;
  });
}

/** `numpy.random.RandomState(seed)`. */
export class RandomState {
  readonly _mt = new MT19937(null, true);
  private readonly gauss = new LegacyGauss();

  constructor(seed?: LegacySeed) {
    this.seed(seed);
  }

  get g(): BitGen {
    return this._mt;
  }

  toString(): string {
    return 'RandomState(MT19937)';
  }

  /** `seed(seed=None)`: an int in [0, 2**32) (init_genrand) or a 1-D sequence (init_by_array). */
  seed(seed?: LegacySeed): void {
    this.gauss.hasGauss = false;
    this.gauss.gauss = 0;
    if (seed === null || seed === undefined) {
      const words: number[] = [];
      let e = randomEntropy();
      for (let i = 0; i < 4; i++) {
        words.push(Number(e & 0xffffffffn));
        e >>= 32n;
      }
      this._mt.seedArray(words);
      return;
    }
    if (
      typeof seed === 'number' ||
      typeof seed === 'bigint' ||
      (isNDArray(seed) && seed.ndim === 0)
    ) {
      const v = isNDArray(seed) ? seed._values()[0]! : seed;
      if (typeof v === 'number' && !Number.isInteger(v))
        throw TypeError_(
          "Cannot cast scalar from dtype('float64') to dtype('int64') according to the rule 'safe'",
        );
      const b = BigInt(v);
      if (b < 0n || b > 0xffffffffn) throw ValueError('Seed must be between 0 and 2**32 - 1');
      this._mt.seedInt(Number(b));
      return;
    }
    const obj = asarray(seed);
    if (obj.size === 0) throw ValueError('Seed must be non-empty');
    if (obj.dtype === 'float32' || obj.dtype === 'float64')
      throw TypeError_(
        "Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'safe'",
      );
    if (obj.ndim !== 1) throw ValueError('Seed array must be 1-d');
    const vals = obj._values().map((v) => BigInt(v));
    if (vals.some((v) => v < 0n || v > 0xffffffffn))
      throw ValueError('Seed must be between 0 and 2**32 - 1');
    this._mt.seedArray(vals.map(Number));
  }

  /** `get_state()`: NumPy's legacy tuple ('MT19937', key uint32[624], pos, has_gauss, cached_gaussian). */
  get_state(): [string, NDArray, number, number, number] {
    const key = NDArray.empty([624], 'uint32', false);
    (key._data() as Uint32Array).set(this._mt.key, key._start);
    return ['MT19937', key, this._mt.pos, this.gauss.hasGauss ? 1 : 0, this.gauss.gauss];
  }

  /** `set_state(state)`: restores a `get_state()` tuple. */
  set_state(state: readonly [string, ArrayLike, number, number?, number?]): void {
    const [name, key, pos, hasGauss = 0, gauss = 0] = state;
    if (name !== 'MT19937')
      throw ValueError('set_state can only be used with legacy MT19937 state instances.');
    const k = asarray(key)
      ._values()
      .map((v) => Number(v));
    if (k.length !== 624) throw ValueError('state must be 624 elements');
    this._mt.key.set(k);
    this._mt.pos = pos;
    this.gauss.hasGauss = Boolean(hasGauss);
    this.gauss.gauss = gauss;
  }

  /** `random_sample(size=None)`. */
  random_sample(size?: null): number;
  random_sample(size: number | readonly number[]): NDArray;
  random_sample(...args: unknown[]): number | NDArray;
  random_sample(...args: unknown[]): number | NDArray {
    const o = params<{ size?: Size }>(args, ['size']);
    const g = this._mt;
    return fillFloat(sizeShape(o.size), 'float64', () => g.nextDouble());
  }

  /** `random(size=None)` (alias of random_sample). */
  random(size?: null): number;
  random(size: number | readonly number[]): NDArray;
  random(...args: unknown[]): number | NDArray;
  random(...args: unknown[]): number | NDArray {
    return this.random_sample(...args);
  }

  /** `rand(d0, d1, …)`. */
  rand(): number;
  rand(d0: number, ...dims: number[]): NDArray;
  rand(...dims: number[]): number | NDArray;
  rand(...dims: number[]): number | NDArray {
    return this.random_sample(dimsToSize(dims));
  }

  /** `randn(d0, d1, …)`: legacy polar Gaussian. */
  randn(): number;
  randn(d0: number, ...dims: number[]): NDArray;
  randn(...dims: number[]): number | NDArray;
  randn(...dims: number[]): number | NDArray {
    return this.standard_normal(dimsToSize(dims));
  }

  /** `standard_normal(size=None)`. */
  standard_normal(size?: null): number;
  standard_normal(size: number | readonly number[]): NDArray;
  standard_normal(...args: unknown[]): number | NDArray;
  standard_normal(...args: unknown[]): number | NDArray {
    const o = params<{ size?: Size }>(args, ['size']);
    const g = this._mt;
    return fillFloat(sizeShape(o.size), 'float64', () => this.gauss.next(g));
  }

  /** `normal(loc=0.0, scale=1.0, size=None)`: loc + scale * gauss. */
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
    for (const v of scale.values) if (v < 0) throw ValueError('scale < 0');
    const g = this._mt;
    return cont(o.size, [loc, scale], (l, s) => l + s * this.gauss.next(g));
  }

  /** `uniform(low=0.0, high=1.0, size=None)`. */
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
    const g = this._mt;
    return cont(o.size, [low, high], (l, h) => l + (h - l) * g.nextDouble());
  }

  /** `standard_exponential(size=None)`: legacy inversion -log(1 - U). */
  standard_exponential(...args: unknown[]): number | NDArray {
    const o = params<{ size?: Size }>(args, ['size']);
    const g = this._mt;
    return fillFloat(sizeShape(o.size), 'float64', () => -logLibm(1.0 - g.nextDouble()));
  }

  /** `randint(low, high=None, size=None, dtype=int)`: masked rejection sampling. */
  randint(
    low: number | bigint,
    high?: number | bigint | null,
    size?: null,
    opts?: { dtype?: string },
  ): Scalar;
  randint(
    low: ArrayLike,
    high: ArrayLike | null | undefined,
    size: number | readonly number[],
    opts?: { dtype?: string },
  ): NDArray;
  randint(...args: unknown[]): Scalar | NDArray;
  randint(...args: unknown[]): Scalar | NDArray {
    const o = params<{ low: ArrayLike; high?: ArrayLike | null; size?: Size; dtype?: string }>(
      args,
      ['low', 'high', 'size', 'dtype'],
    );
    return boundedIntegers(
      this._mt,
      o.low,
      o.high,
      o.size,
      o.dtype ?? 'int64',
      false,
      true,
      'randint',
    );
  }

  /** `choice(a, size=None, replace=True, p=None)`. */
  choice(
    a: ArrayLike,
    size: number | readonly number[],
    opts?: { replace?: boolean; p?: ArrayLike | null },
  ): NDArray;
  choice(...args: unknown[]): Scalar | NDArray;
  choice(...args: unknown[]): Scalar | NDArray {
    const o = params<{ a: ArrayLike; size?: Size; replace?: boolean; p?: ArrayLike | null }>(args, [
      'a',
      'size',
      'replace',
      'p',
    ]);
    return choiceImpl(this, o, true);
  }

  /** @internal randint(0, pop, size) as numbers. */
  _legacyChoiceInts(pop: number, n: number): number[] {
    const r = boundedIntegers(this._mt, 0, pop, [n], 'int64', false, true) as NDArray;
    return r._values().map(Number);
  }

  /** @internal permutation(n) as numbers. */
  _permutationInts(n: number): number[] {
    const arr = NDArray.empty([n], 'int64', false);
    writeInt64(
      arr,
      Array.from({ length: n }, (_, i) => i),
    );
    shuffleAxis(this._mt, arr, 0);
    return arr._values().map(Number);
  }

  /** `shuffle(x)`: in place along the first axis. */
  shuffle(x: NDArray): void {
    if (!isNDArray(x)) throw TypeError_('shuffle requires an ndarray (JS arrays: use permutation)');
    if (x.ndim === 0) throw TypeError_('object of type numpy.ndarray has no len()');
    shuffleAxis(this._mt, x, 0);
  }

  /** `permutation(x)`: a shuffled arange(x) for an int, else a shuffled copy along axis 0. */
  permutation(x: ArrayLike): NDArray {
    if (typeof x === 'number' || typeof x === 'bigint') {
      const idx = this._permutationInts(Number(x));
      return asarray(idx, { dtype: 'int64' });
    }
    const a = asarray(x);
    if (a.ndim === 0) throw ValueError('x must be an integer or at least 1-dimensional');
    if (a.ndim === 1) {
      const c = copyArray(a);
      shuffleAxis(this._mt, c, 0);
      return c;
    }
    const idx = this._permutationInts(a._shape[0]!);
    return take(a, asarray(idx, { dtype: 'int64' }), { axis: normalizeAxis(0, a.ndim) }) as NDArray;
  }
}

let globalState: RandomState | null = null;
const G = (): RandomState => (globalState ??= new RandomState());

/** `np.random.seed(seed=None)`: reseeds the global RandomState. */
export const seed = (s?: LegacySeed): void => G().seed(s);
export function rand(): number;
export function rand(d0: number, ...dims: number[]): NDArray;
export function rand(...dims: number[]): number | NDArray {
  return G().rand(...dims);
}
export function randn(): number;
export function randn(d0: number, ...dims: number[]): NDArray;
export function randn(...dims: number[]): number | NDArray {
  return G().randn(...dims);
}
export function randint(
  low: number | bigint,
  high?: number | bigint | null,
  size?: null,
  opts?: { dtype?: string },
): Scalar;
export function randint(
  low: ArrayLike,
  high: ArrayLike | null | undefined,
  size: number | readonly number[],
  opts?: { dtype?: string },
): NDArray;
export function randint(...args: unknown[]): Scalar | NDArray {
  return G().randint(...args);
}
export function random_sample(size?: null): number;
export function random_sample(size: number | readonly number[]): NDArray;
export function random_sample(...args: unknown[]): number | NDArray {
  return G().random_sample(...args);
}
export function random(size?: null): number;
export function random(size: number | readonly number[]): NDArray;
export function random(...args: unknown[]): number | NDArray {
  return G().random_sample(...args);
}
export const ranf = random;
export const sample = random;
export function standard_normal(size?: null): number;
export function standard_normal(size: number | readonly number[]): NDArray;
export function standard_normal(...args: unknown[]): number | NDArray {
  return G().standard_normal(...args);
}
export function standard_exponential(size?: null): number;
export function standard_exponential(size: number | readonly number[]): NDArray;
export function standard_exponential(...args: unknown[]): number | NDArray {
  return G().standard_exponential(...args);
}
export function normal(loc?: number, scale?: number, size?: null): number;
export function normal(loc: ArrayLike, scale: ArrayLike, size: number | readonly number[]): NDArray;
export function normal(...args: unknown[]): number | NDArray {
  return G().normal(...args);
}
export function uniform(low?: number, high?: number, size?: null): number;
export function uniform(low: ArrayLike, high: ArrayLike, size: number | readonly number[]): NDArray;
export function uniform(...args: unknown[]): number | NDArray {
  return G().uniform(...args);
}
export function choice(
  a: ArrayLike,
  size: number | readonly number[],
  opts?: { replace?: boolean; p?: ArrayLike | null },
): NDArray;
export function choice(...args: unknown[]): Scalar | NDArray;
export function choice(...args: unknown[]): Scalar | NDArray {
  return G().choice(...args);
}
/** `np.random.shuffle(x)`: in place along axis 0. */
export function shuffle(x: NDArray): void {
  G().shuffle(x);
}
/** `np.random.permutation(x)`. */
export function permutation(x: ArrayLike): NDArray {
  return G().permutation(x);
}
export const get_state = (): [string, NDArray, number, number, number] => G().get_state();
export const set_state = (st: readonly [string, ArrayLike, number, number?, number?]): void =>
  G().set_state(st);
/** The global RandomState (`np.random.mtrand._rand`). */
export const get_global_state = (): RandomState => G();
