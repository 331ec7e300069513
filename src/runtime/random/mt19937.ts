/**
 * MT19937 as `numpy.random.RandomState` seeds and draws it (legacy streams): `init_genrand`
 * (`mt19937_seed`) for an integer seed, `init_by_array` for a sequence, 53-bit doubles from two
 * 32-bit draws (`(a >> 5) * 2**26 + (b >> 6)) / 2**53`).
 */
import type { BitGen } from './bitgen';
import { SeedSequence, type SeedLike } from './pcg64';

const N = 624;
const M = 397;

export interface MT19937State {
  bit_generator: 'MT19937';
  state: { key: Uint32Array; pos: number };
}

/**
 * `numpy.random.MT19937(seed)`: seeded through SeedSequence as numpy does (key[0] = 2**31,
 * key[1:] = generate_state(624)[1:], pos = 623), usable with `new Generator(bitgen)`.
 * RandomState seeds its own instance with the legacy `seedInt`/`seedArray` instead.
 */
export class MT19937 implements BitGen {
  hi = 0;
  lo = 0;
  readonly key = new Uint32Array(N);
  pos = N;
  readonly seed_seq: SeedSequence | null = null;

  constructor(seed?: SeedLike | SeedSequence | null, legacy = false) {
    if (legacy) return;
    this.seed_seq = seed instanceof SeedSequence ? seed : new SeedSequence(seed);
    const v = this.seed_seq.generate_state(N, 'uint32') as number[];
    this.key[0] = 0x80000000;
    for (let i = 1; i < N; i++) this.key[i] = v[i]!;
    this.pos = N - 1;
  }

  /** `bit_generator.state` ({key, pos}). */
  get state(): MT19937State {
    return { bit_generator: 'MT19937', state: { key: this.key.slice(), pos: this.pos } };
  }
  set state(st: MT19937State) {
    this.key.set(st.state.key);
    this.pos = st.state.pos;
  }

  /** `random_raw(n)`: raw 32-bit outputs. */
  random_raw(n = 1): number[] {
    return Array.from({ length: n }, () => this.next32());
  }

  /** `mt19937_seed(seed)` (Knuth's initializer of the reference implementation). */
  seedInt(seed: number): void {
    let s = seed >>> 0;
    const k = this.key;
    for (let pos = 0; pos < N; pos++) {
      k[pos] = s;
      s = (Math.imul(1812433253, (s ^ (s >>> 30)) >>> 0) + pos + 1) >>> 0;
    }
    this.pos = N;
  }

  /** `mt19937_init_by_array(init_key)`. */
  seedArray(initKey: readonly number[]): void {
    this.seedInt(19650218);
    const mt = this.key;
    const len = initKey.length;
    let i = 1;
    let j = 0;
    for (let k = Math.max(N, len); k > 0; k--) {
      const prev = mt[i - 1]!;
      mt[i] = ((mt[i]! ^ Math.imul((prev ^ (prev >>> 30)) >>> 0, 1664525)) + initKey[j]! + j) >>> 0;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1]!;
        i = 1;
      }
      if (j >= len) j = 0;
    }
    for (let k = N - 1; k > 0; k--) {
      const prev = mt[i - 1]!;
      mt[i] = ((mt[i]! ^ Math.imul((prev ^ (prev >>> 30)) >>> 0, 1566083941)) - i) >>> 0;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1]!;
        i = 1;
      }
    }
    mt[0] = 0x80000000;
    this.pos = N;
  }

  private gen(): void {
    const mt = this.key;
    let y: number;
    let i = 0;
    for (; i < N - M; i++) {
      y = (mt[i]! & 0x80000000) | (mt[i + 1]! & 0x7fffffff);
      mt[i] = mt[i + M]! ^ (y >>> 1) ^ (-(y & 1) & 0x9908b0df);
    }
    for (; i < N - 1; i++) {
      y = (mt[i]! & 0x80000000) | (mt[i + 1]! & 0x7fffffff);
      mt[i] = mt[i + (M - N)]! ^ (y >>> 1) ^ (-(y & 1) & 0x9908b0df);
    }
    y = (mt[N - 1]! & 0x80000000) | (mt[0]! & 0x7fffffff);
    mt[N - 1] = mt[M - 1]! ^ (y >>> 1) ^ (-(y & 1) & 0x9908b0df);
    this.pos = 0;
  }

  next32(): number {
    if (this.pos === N) this.gen();
    let y = this.key[this.pos++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  next64(): void {
    this.hi = this.next32();
    this.lo = this.next32();
  }

  nextDouble(): number {
    const a = this.next32() >>> 5;
    const b = this.next32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }
}
