/**
 * PCG64 (XSL-RR 128/64) and NumPy's SeedSequence, bit-identical to `numpy.random.PCG64`.
 *
 * Draws are made 256 at a time: by a WASM kernel (native/random.ts, u64 arithmetic) where the
 * backend is on, else by the TS reference, the 128-bit LCG on eight 16-bit limbs in plain numbers
 * (a schoolbook multiply by the 128-bit multiplier, 36 exact double products, plus the
 * increment: an order of magnitude faster than BigInt arithmetic).
 */
import { ValueError, TypeError_ } from '../errors';
import { isNDArray, type NDArray } from '../ndarray';
import type { BitGen } from './bitgen';
import { doubleFrom64 } from './bitgen';

const MULT_A = 0x931e8875;
const MULT_B = 0x58f38ded;
const INIT_A = 0x43b0d7e5;
const INIT_B = 0x8b51f9dd;
const MIX_MULT_L = 0xca01f9dd;
const MIX_MULT_R = 0x4973f715;

/** Seed material NumPy accepts: a non-negative integer or a (nested) sequence of them. */
export type SeedLike = number | bigint | readonly (number | bigint)[] | NDArray;

function intToUint32Array(n: bigint): number[] {
  if (n < 0n) throw ValueError('expected non-negative integer');
  if (n === 0n) return [0];
  const out: number[] = [];
  while (n > 0n) {
    out.push(Number(n & 0xffffffffn));
    n >>= 32n;
  }
  return out;
}

function toBigInt(x: unknown): bigint {
  if (typeof x === 'bigint') return x;
  if (typeof x === 'number') {
    if (!Number.isInteger(x))
      throw TypeError_('SeedSequence expects int or sequence of ints for entropy not ' + String(x));
    return BigInt(x);
  }
  throw TypeError_('SeedSequence expects int or sequence of ints for entropy not ' + String(x));
}

/** NumPy's `_coerce_to_uint32_array`. */
export function coerceToUint32Array(x: unknown): number[] {
  if (isNDArray(x)) {
    if (x.dtype === 'float32' || x.dtype === 'float64') throw TypeError_('seed must be integer');
    if (x.ndim === 0) throw TypeError_('len() of unsized object');
    return coerceToUint32Array(x._values());
  }
  if (Array.isArray(x)) return (x as unknown[]).flatMap((v) => coerceToUint32Array(v));
  if (ArrayBuffer.isView(x))
    return coerceToUint32Array(Array.from(x as unknown as ArrayLike<number | bigint>));
  if (typeof x === 'number' && !Number.isInteger(x)) throw TypeError_('seed must be integer');
  return intToUint32Array(toBigInt(x));
}

const hashmix = (value: number, hc: { v: number }): number => {
  value = (value ^ hc.v) >>> 0;
  hc.v = Math.imul(hc.v, MULT_A) >>> 0;
  value = Math.imul(value, hc.v) >>> 0;
  return (value ^ (value >>> 16)) >>> 0;
};

const mix = (x: number, y: number): number => {
  let r = (Math.imul(MIX_MULT_L, x) - Math.imul(MIX_MULT_R, y)) >>> 0;
  r = (r ^ (r >>> 16)) >>> 0;
  return r;
};

/** `numpy.random.SeedSequence(entropy, spawn_key=(), pool_size=4)`. */
export class SeedSequence {
  readonly entropy: bigint | readonly (number | bigint)[] | NDArray;
  readonly spawn_key: readonly number[];
  readonly pool_size: number;
  readonly pool: Uint32Array;
  n_children_spawned: number;

  constructor(
    entropy?: SeedLike | null,
    opts: { spawn_key?: readonly number[]; pool_size?: number } = {},
  ) {
    if (entropy === undefined || entropy === null) entropy = randomEntropy();
    this.entropy = typeof entropy === 'number' ? toBigInt(entropy) : entropy;
    this.spawn_key = opts.spawn_key ?? [];
    this.pool_size = opts.pool_size ?? 4;
    this.n_children_spawned = 0;
    this.pool = new Uint32Array(this.pool_size);
    this.mixEntropy(this.assembledEntropy());
  }

  private assembledEntropy(): number[] {
    let run = coerceToUint32Array(this.entropy);
    const spawn = coerceToUint32Array([...this.spawn_key]);
    if (spawn.length > 0 && run.length < this.pool_size) {
      run = [...run, ...new Array<number>(this.pool_size - run.length).fill(0)];
    }
    return [...run, ...spawn];
  }

  private mixEntropy(ent: number[]): void {
    const hc = { v: INIT_A };
    const m = this.pool;
    for (let i = 0; i < m.length; i++) m[i] = hashmix(i < ent.length ? ent[i]! : 0, hc);
    for (let s = 0; s < m.length; s++) {
      for (let d = 0; d < m.length; d++) if (s !== d) m[d] = mix(m[d]!, hashmix(m[s]!, hc));
    }
    for (let s = m.length; s < ent.length; s++) {
      for (let d = 0; d < m.length; d++) m[d] = mix(m[d]!, hashmix(ent[s]!, hc));
    }
  }

  /** `generate_state(n_words, dtype)`: uint32 words (uint64 words as bigint pairs joined). */
  generate_state(nWords: number, dtype: 'uint32' | 'uint64' = 'uint32'): number[] | bigint[] {
    const n = dtype === 'uint64' ? nWords * 2 : nWords;
    let hc = INIT_B;
    const out: number[] = [];
    for (let i = 0; i < n; i++) {
      let v = this.pool[i % this.pool.length]!;
      v = (v ^ hc) >>> 0;
      hc = Math.imul(hc, MULT_B) >>> 0;
      v = Math.imul(v, hc) >>> 0;
      out.push((v ^ (v >>> 16)) >>> 0);
    }
    if (dtype === 'uint32') return out;
    const big: bigint[] = [];
    for (let i = 0; i < n; i += 2) big.push((BigInt(out[i + 1]!) << 32n) | BigInt(out[i]!));
    return big;
  }

  /** `spawn(n)`: child SeedSequences with extended spawn keys. */
  spawn(n: number): SeedSequence[] {
    const out: SeedSequence[] = [];
    for (let i = this.n_children_spawned; i < this.n_children_spawned + n; i++) {
      out.push(
        new SeedSequence(this.entropy, {
          spawn_key: [...this.spawn_key, i],
          pool_size: this.pool_size,
        }),
      );
    }
    this.n_children_spawned += n;
    return out;
  }
}

/** 128 bits of OS entropy (crypto.getRandomValues when present, else Math.random). */
export function randomEntropy(): bigint {
  const w = new Uint32Array(4);
  const c = (globalThis as { crypto?: { getRandomValues?: (a: Uint32Array) => Uint32Array } })
    .crypto;
  if (c?.getRandomValues) c.getRandomValues(w);
  else for (let i = 0; i < 4; i++) w[i] = Math.floor(Math.random() * 4294967296);
  let v = 0n;
  for (let i = 0; i < 4; i++) v = (v << 32n) | BigInt(w[i]!);
  return v;
}

// PCG_DEFAULT_MULTIPLIER_128, and as 16-bit limbs (low first) for the TS reference
const MULT128 = 0x2360ed051fc65da44385df649fccf645n;
const TWO_M53 = 1 / 9007199254740992;
const [M0, M1, M2, M3, M4, M5, M6, M7] = Array.from({ length: 8 }, (_, i) =>
  Number((MULT128 >> BigInt(16 * i)) & 0xffffn),
) as [number, number, number, number, number, number, number, number];

const INV65536 = 1 / 65536;
export interface PCG64State {
  bit_generator: 'PCG64';
  state: { state: bigint; inc: bigint };
  has_uint32: number;
  uinteger: number;
}

const M128 = (1n << 128n) - 1n;
/**
 * Fills `out` (2n words: low, high of each u64 draw) with n draws from the generator whose words
 * `st` holds (state low..high, inc low..high, 32-bit words, least significant first) and leaves
 * the state n steps on. The WASM backend registers its kernel (native/random.ts); without it
 * `pcg64RawTs` runs.
 */
export type Pcg64Raw = (st: Uint32Array, out: Uint32Array, n: number) => void;

/** The TS reference: the LCG on 16-bit limbs (36 exact double products a step). */
export function pcg64RawTs(st: Uint32Array, out: Uint32Array, n: number): void {
  let s0 = st[0]! & 0xffff,
    s1 = st[0]! >>> 16,
    s2 = st[1]! & 0xffff,
    s3 = st[1]! >>> 16,
    s4 = st[2]! & 0xffff,
    s5 = st[2]! >>> 16,
    s6 = st[3]! & 0xffff,
    s7 = st[3]! >>> 16;
  const c0 = st[4]! & 0xffff,
    c1 = st[4]! >>> 16,
    c2 = st[5]! & 0xffff,
    c3 = st[5]! >>> 16,
    c4 = st[6]! & 0xffff,
    c5 = st[6]! >>> 16,
    c6 = st[7]! & 0xffff,
    c7 = st[7]! >>> 16;
  for (let i = 0; i < n; i++) {
    let acc = s0 * M0 + c0;
    let carry = Math.floor(acc * INV65536);
    const n0 = acc - carry * 65536;
    acc = carry + s0 * M1 + s1 * M0 + c1;
    carry = Math.floor(acc * INV65536);
    const n1 = acc - carry * 65536;
    acc = carry + s0 * M2 + s1 * M1 + s2 * M0 + c2;
    carry = Math.floor(acc * INV65536);
    const n2 = acc - carry * 65536;
    acc = carry + s0 * M3 + s1 * M2 + s2 * M1 + s3 * M0 + c3;
    carry = Math.floor(acc * INV65536);
    const n3 = acc - carry * 65536;
    acc = carry + s0 * M4 + s1 * M3 + s2 * M2 + s3 * M1 + s4 * M0 + c4;
    carry = Math.floor(acc * INV65536);
    const n4 = acc - carry * 65536;
    acc = carry + s0 * M5 + s1 * M4 + s2 * M3 + s3 * M2 + s4 * M1 + s5 * M0 + c5;
    carry = Math.floor(acc * INV65536);
    const n5 = acc - carry * 65536;
    acc = carry + s0 * M6 + s1 * M5 + s2 * M4 + s3 * M3 + s4 * M2 + s5 * M1 + s6 * M0 + c6;
    carry = Math.floor(acc * INV65536);
    const n6 = acc - carry * 65536;
    acc =
      carry + s0 * M7 + s1 * M6 + s2 * M5 + s3 * M4 + s4 * M3 + s5 * M2 + s6 * M1 + s7 * M0 + c7;
    const n7 = acc - Math.floor(acc * INV65536) * 65536;
    s0 = n0;
    s1 = n1;
    s2 = n2;
    s3 = n3;
    s4 = n4;
    s5 = n5;
    s6 = n6;
    s7 = n7;
    // XSL-RR: rotr64(hi64 ^ lo64, state >> 122)
    const xh = ((s7 * 65536 + s6) ^ (s3 * 65536 + s2)) >>> 0;
    const xl = ((s5 * 65536 + s4) ^ (s1 * 65536 + s0)) >>> 0;
    const rot = s7 >>> 10;
    let hi: number, lo: number;
    if (rot === 0) {
      hi = xh;
      lo = xl;
    } else if (rot < 32) {
      hi = ((xh >>> rot) | (xl << (32 - rot))) >>> 0;
      lo = ((xl >>> rot) | (xh << (32 - rot))) >>> 0;
    } else if (rot === 32) {
      hi = xl;
      lo = xh;
    } else {
      const r = rot - 32;
      hi = ((xl >>> r) | (xh << (32 - r))) >>> 0;
      lo = ((xh >>> r) | (xl << (32 - r))) >>> 0;
    }
    out[2 * i] = lo;
    out[2 * i + 1] = hi;
  }
  st[0] = s0 + s1 * 65536;
  st[1] = s2 + s3 * 65536;
  st[2] = s4 + s5 * 65536;
  st[3] = s6 + s7 * 65536;
}

let rawKernel: Pcg64Raw = pcg64RawTs;

/** Installs the WASM draw kernel (`null`: back to the TS reference). */
export function setPcg64Raw(k: Pcg64Raw | null): void {
  rawKernel = k ?? pcg64RawTs;
}

/** Draws made ahead per refill (NumPy's values and state are unchanged by the buffering). */
const AHEAD = 256;

function toWords(x: bigint, w: Uint32Array, at: number): void {
  for (let i = 0; i < 4; i++) w[at + i] = Number((x >> BigInt(32 * i)) & 0xffffffffn);
}
function fromWords(w: Uint32Array, at: number): bigint {
  let v = 0n;
  for (let i = 3; i >= 0; i--) v = (v << 32n) | BigInt(w[at + i]!);
  return v;
}

/**
 * `numpy.random.PCG64(seed)`. Draws are made AHEAD at a time (a WASM kernel where the backend is
 * on); `state` reports the generator as if each draw were made when taken.
 */
export class PCG64 implements BitGen {
  hi = 0;
  lo = 0;
  /** The generator before the buffered draws: state (words 0-3) and inc (4-7). */
  private readonly at = new Uint32Array(8);
  /** The generator after them. */
  private readonly ahead = new Uint32Array(8);
  private readonly buf = new Uint32Array(2 * AHEAD);
  private pos = 0;
  private len = 0;
  private hasUint32 = false;
  private uinteger = 0;
  readonly seed_seq: SeedSequence;

  constructor(seed?: SeedLike | SeedSequence | null) {
    this.seed_seq = seed instanceof SeedSequence ? seed : new SeedSequence(seed);
    const v = this.seed_seq.generate_state(4, 'uint64') as bigint[];
    const initstate = (v[0]! << 64n) | v[1]!;
    const initseq = (v[2]! << 64n) | v[3]!;
    // pcg_setseq_128_srandom_r: state = 0, step, state += initstate, step
    const inc = ((initseq << 1n) | 1n) & M128;
    const step = (s: bigint): bigint => (s * MULT128 + inc) & M128;
    this.setState(step((step(0n) + initstate) & M128), inc);
  }

  private setState(state: bigint, inc: bigint): void {
    toWords(state, this.at, 0);
    toWords(inc, this.at, 4);
    this.ahead.set(this.at);
    this.pos = 0;
    this.len = 0;
  }
  /** The state as of the draws taken: the buffer's start stepped `pos` times. */
  private stateBig(): bigint {
    if (this.pos === this.len) return fromWords(this.ahead, 0);
    const w = this.at.slice();
    pcg64RawTs(w, new Uint32Array(2 * this.pos), this.pos);
    return fromWords(w, 0);
  }
  private incBig(): bigint {
    return fromWords(this.at, 4);
  }

  /** `bit_generator.state` as NumPy's dict (state and inc as bigint). */
  get state(): PCG64State {
    return {
      bit_generator: 'PCG64',
      state: { state: this.stateBig(), inc: this.incBig() },
      has_uint32: this.hasUint32 ? 1 : 0,
      uinteger: this.uinteger,
    };
  }
  set state(st: PCG64State) {
    if (st.bit_generator !== 'PCG64') {
      throw ValueError('state must be for a PCG64 RNG');
    }
    this.setState(BigInt(st.state.state) & M128, BigInt(st.state.inc) & M128);
    this.hasUint32 = Boolean(st.has_uint32);
    this.uinteger = st.uinteger >>> 0;
  }

  private refill(): void {
    this.at.set(this.ahead);
    rawKernel(this.ahead, this.buf, AHEAD);
    this.pos = 0;
    this.len = AHEAD;
  }

  next64(): void {
    if (this.pos === this.len) this.refill();
    const i = 2 * this.pos++;
    this.lo = this.buf[i]!;
    this.hi = this.buf[i + 1]!;
  }

  next32(): number {
    if (this.hasUint32) {
      this.hasUint32 = false;
      return this.uinteger;
    }
    this.next64();
    this.hasUint32 = true;
    this.uinteger = this.hi;
    return this.lo;
  }

  nextDouble(): number {
    return doubleFrom64(this);
  }

  /** n `nextDouble()`s into d[start…], straight from the draw buffer. */
  fillDoubles(d: Float64Array, start: number, n: number): void {
    const buf = this.buf;
    let i = start;
    const end = start + n;
    while (i < end) {
      if (this.pos === this.len) this.refill();
      const m = Math.min(end - i, this.len - this.pos);
      let j = 2 * this.pos;
      for (const stop = i + m; i < stop; i++, j += 2)
        d[i] = (buf[j + 1]! * 2097152 + (buf[j]! >>> 11)) * TWO_M53; // doubleFrom64
      this.pos += m;
      this.lo = buf[j - 2]!;
      this.hi = buf[j - 1]!;
    }
  }

  /** `random_raw(size)`: raw uint64 draws as bigint. */
  random_raw(n = 1): bigint[] {
    const out: bigint[] = [];
    for (let i = 0; i < n; i++) {
      this.next64();
      out.push((BigInt(this.hi) << 32n) | BigInt(this.lo));
    }
    return out;
  }
}
