/**
 * `np.random`: the Generator API (`default_rng` → PCG64 + SeedSequence) and the legacy
 * RandomState API (MT19937), both bit-identical to NumPy's streams for the same seed.
 */
export { Generator, default_rng } from './generator';
export type { BitGenerator } from './generator';
export { PCG64, SeedSequence } from './pcg64';
export type { SeedLike, PCG64State } from './pcg64';
export { MT19937 } from './mt19937';
export type { MT19937State } from './mt19937';
export {
  RandomState,
  seed,
  rand,
  randn,
  randint,
  random_sample,
  random,
  ranf,
  sample,
  standard_normal,
  standard_exponential,
  normal,
  uniform,
  choice,
  shuffle,
  permutation,
  get_state,
  set_state,
} from './legacy';
