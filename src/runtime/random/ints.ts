/** `integers`/`randint` front end: NumPy's `_bounded_integers` for every integer dtype. */
import { asarray, toJS } from '../convert';
import { DTYPE_INFO, intRange, normalizeDtype, type DType } from '../dtype';
import { TypeError_, ValueError } from '../errors';
import { broadcastShapes } from '../iter';
import { NDArray, type ArrayLike, type Scalar } from '../ndarray';
import { broadcast_to } from '../shape';
import type { BitGen } from './bitgen';
import { Bounded32, bounded64, bounded64Small, genMask32, genMask64 } from './distributions';
import { sizeShape, type Size } from './common';

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const INT_DTYPES = new Set<DType>([
  'bool',
  'int8',
  'int16',
  'int32',
  'int64',
  'uint8',
  'uint16',
  'uint32',
  'uint64',
]);

function bigValues(x: ArrayLike): { shape: number[]; vals: bigint[]; scalar: boolean } {
  // Python ints beyond int64 must reach the bounds check unchanged.
  if (typeof x === 'bigint') return { shape: [], vals: [x], scalar: true };
  if (typeof x === 'number' && Number.isInteger(x))
    return { shape: [], vals: [BigInt(x)], scalar: true };
  const a = asarray(x);
  if (DTYPE_INFO[a.dtype].kind === 'f') {
    const vals = (a._values() as number[]).map((v) => {
      if (!Number.isFinite(v)) throw ValueError('cannot convert float NaN to integer');
      return BigInt(Math.trunc(v));
    });
    return { shape: [...a._shape], vals, scalar: a.ndim === 0 };
  }
  return { shape: [...a._shape], vals: a._values().map((v) => BigInt(v)), scalar: a.ndim === 0 };
}

/**
 * Bounded integers in [low, high) (or [low, high] with endpoint) of `dtype`; `masked` selects
 * the legacy masked-rejection sampler (RandomState) instead of Lemire's (Generator).
 */
export function boundedIntegers(
  g: BitGen,
  lowIn: ArrayLike,
  highIn: ArrayLike | null | undefined,
  size: Size,
  dtypeIn: unknown,
  endpoint: boolean,
  masked: boolean,
  method = 'integers',
): Scalar | NDArray {
  const dtype = normalizeDtype(dtypeIn ?? 'int64');
  if (!INT_DTYPES.has(dtype)) throw TypeError_(`Unsupported dtype dtype('${dtype}') for ${method}`);
  if (highIn === null || highIn === undefined) {
    highIn = lowIn;
    lowIn = 0;
  }
  const L = bigValues(lowIn);
  const H = bigValues(highIn);
  const [lowbnd, highbnd] = dtype === 'bool' ? [0n, 1n] : intRange(dtype);
  const open = endpoint ? 0n : 1n;
  const shape = sizeShape(size);
  const bits = dtype === 'bool' ? 1 : ((DTYPE_INFO[dtype].itemsize * 8) as 8 | 16 | 32 | 64);
  const boundsErr = endpoint ? 'low > high' : 'low >= high';
  let outShape: number[] | null;
  if (L.scalar && H.scalar) {
    const lo = L.vals[0]!;
    const hi = H.vals[0]! - open;
    if (lo < lowbnd) throw ValueError(`low is out of bounds for ${dtype}`);
    if (hi > highbnd) throw ValueError(`high is out of bounds for ${dtype}`);
    if (lo > hi) throw ValueError(boundsErr);
    outShape = shape;
    const n = shape === null ? 1 : shape.reduce((a, b) => a * b, 1);
    return emit(
      g,
      dtype,
      bits,
      masked,
      outShape,
      n,
      () => lo,
      () => hi - lo,
      true,
    );
  }
  for (const v of L.vals) if (v < lowbnd) throw ValueError(`low is out of bounds for ${dtype}`);
  for (const v of H.vals)
    if (v - open > highbnd) throw ValueError(`high is out of bounds for ${dtype}`);
  const bshape = broadcastShapes([L.shape, H.shape]);
  outShape = shape ?? bshape;
  const bl = broadcast_to(asarray(L.vals.length ? L.vals : []).reshape(L.shape), outShape);
  const bh = broadcast_to(asarray(H.vals.length ? H.vals : []).reshape(H.shape), outShape);
  const lows = bl._values().map((v) => BigInt(v));
  const highs = bh._values().map((v) => BigInt(v) - open);
  for (let i = 0; i < lows.length; i++) if (lows[i]! > highs[i]!) throw ValueError(boundsErr);
  let k = -1;
  return emit(
    g,
    dtype,
    bits,
    masked,
    outShape,
    lows.length,
    () => lows[++k]!,
    () => highs[k]! - lows[k]!,
    false,
  );
}

function emit(
  g: BitGen,
  dtype: DType,
  bits: 1 | 8 | 16 | 32 | 64,
  masked: boolean,
  shape: number[] | null,
  n: number,
  off: () => bigint,
  rngOf: () => bigint,
  constant: boolean,
): Scalar | NDArray {
  const out: (number | bigint)[] = new Array<number | bigint>(n);
  if (bits < 64) {
    const b = new Bounded32(g, bits as 1 | 8 | 16 | 32, masked);
    let lo = 0;
    let rng = 0;
    let mask = 0;
    let lastRng = -1;
    for (let i = 0; i < n; i++) {
      if (!constant || i === 0) {
        lo = Number(off());
        rng = Number(rngOf());
        if (rng !== lastRng) mask = genMask32(rng);
        lastRng = rng;
      }
      out[i] = lo + b.draw(rng, mask);
    }
  } else {
    let lo = 0n;
    let rng = 0n;
    let mask = 0n;
    // per bounds (once for scalar bounds): a range below 2**32 draws in numbers, and a low end
    // that keeps every result a safe integer stays a number (no BigInt per element)
    let small = false;
    let rngN = 0;
    let maskN = 0;
    let loN = 0;
    let loSafe = false;
    for (let i = 0; i < n; i++) {
      if (!constant || i === 0) {
        lo = off();
        rng = rngOf();
        mask = genMask64(rng);
        small = rng <= 0xffffffffn;
        rngN = Number(rng);
        maskN = Number(mask);
        loSafe = lo >= -SAFE && lo <= SAFE - 0x100000000n;
        loN = Number(lo);
      }
      if (small) {
        const v = bounded64Small(g, rngN, maskN, masked);
        out[i] = loSafe ? loN + v : lo + BigInt(v);
      } else {
        out[i] = lo + bounded64(g, rng, mask, masked);
      }
    }
  }
  if (shape === null) return toJS(out[0]!, dtype);
  const a = NDArray.empty(shape, dtype, false);
  const d = a._data();
  const s0 = a._start;
  if (DTYPE_INFO[dtype].big) {
    writeInt64(a, out);
  } else {
    for (let i = 0; i < n; i++) (d as Int32Array)[s0 + i] = Number(out[i]!);
  }
  return a;
}

/**
 * Writes int64/uint64 values into `a` (C-contiguous, fresh): safe-integer numbers go in as two
 * 32-bit words (no BigInt per element), bigints as they are.
 */
export function writeInt64(a: NDArray, vals: readonly (number | bigint)[]): void {
  const bytes = a.buffer.bytes();
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset + a._offset * 8, vals.length * 2);
  const d = a._data() as BigInt64Array;
  const s0 = a._start;
  for (let i = 0; i < vals.length; i++) {
    const v = vals[i]!;
    if (typeof v === 'number') {
      const hi = Math.floor(v / 4294967296);
      words[2 * i] = v - hi * 4294967296;
      words[2 * i + 1] = hi >>> 0;
    } else d[s0 + i] = v;
  }
}
