/**
 * The bit-generator contract NumPy's distributions are written against (`bitgen_t`): 64-bit and
 * 32-bit draws plus the standard double/float conversions. A 64-bit draw is exposed as two
 * unsigned 32-bit halves (`hi`, `lo`) set by `next64()`, so the hot paths never touch BigInt.
 */
export interface BitGen {
  /** Draws 64 bits into `hi`/`lo` (unsigned 32-bit halves). */
  next64(): void;
  hi: number;
  lo: number;
  /** An unsigned 32-bit draw. */
  next32(): number;
  /** A double in [0, 1) as the bit generator's `next_double`. */
  nextDouble(): number;
  /** Optional: n `nextDouble()`s into d[start…] at once. */
  fillDoubles?(d: Float64Array, start: number, n: number): void;
}

const TWO_M53 = 1 / 9007199254740992;
const TWO_M24 = 1 / 16777216;

/** The 64-bit draw as a BigInt (uint64). */
export function next64Big(g: BitGen): bigint {
  g.next64();
  return (BigInt(g.hi) << 32n) | BigInt(g.lo);
}

/** `(next_uint64 >> 11) * 2**-53`: PCG64's (and every 64-bit generator's) next_double. */
export function doubleFrom64(g: BitGen): number {
  g.next64();
  return (g.hi * 2097152 + (g.lo >>> 11)) * TWO_M53;
}

/** `(next_uint32 >> 8) * 2**-24`: NumPy's next_float (float32 in [0, 1)). */
export function nextFloat(g: BitGen): number {
  return (g.next32() >>> 8) * TWO_M24;
}
