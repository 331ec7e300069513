/**
 * Correctly rounded `log` and `exp` (double-double refinement of V8's Math.log/Math.exp).
 *
 * V8's Math.log/Math.exp (fdlibm ports) are off by one ulp for some inputs, e.g.
 * Math.log(3) = 1.0986122886681096 where glibc (which NumPy's linalg calls) gives
 * 1.0986122886681098. NumPy's det is sign·exp(Σ log|u_ii|), so that last ulp shows when a
 * determinant is printed (5 vs NumPy's 5.000000000000001). These versions agree with glibc's
 * (near-)correctly-rounded results.
 */

// double-double arithmetic: a value is hi + lo with |lo| <= ulp(hi)/2
type DD = [number, number];

const SPLIT = 134217729; // 2^27 + 1

function twoSum(a: number, b: number): DD {
  const s = a + b;
  const bb = s - a;
  return [s, a - (s - bb) + (b - bb)];
}

function quickTwoSum(a: number, b: number): DD {
  const s = a + b;
  return [s, b - (s - a)];
}

function twoProd(a: number, b: number): DD {
  const p = a * b;
  let t = SPLIT * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return [p, ah * bh - p + ah * bl + al * bh + al * bl];
}

function ddAdd(a: DD, b: DD): DD {
  const [s, e] = twoSum(a[0], b[0]);
  const [t, f] = twoSum(a[1], b[1]);
  let r = quickTwoSum(s, e + t);
  r = quickTwoSum(r[0], r[1] + f);
  return r;
}

function ddMul(a: DD, b: DD): DD {
  const [p, e] = twoProd(a[0], b[0]);
  return quickTwoSum(p, e + (a[0] * b[1] + a[1] * b[0]));
}

function ddDivN(a: DD, n: number): DD {
  const q1 = a[0] / n;
  const [p, pe] = twoProd(q1, n);
  const r = ddAdd(a, [-p, -pe]);
  const q2 = r[0] / n;
  return quickTwoSum(q1, q2);
}

const LN2: DD = [0.6931471805599453, 2.3190468138462996e-17];

/** e^x as a double-double (x finite, result finite and normal). */
function expDD(x: number): DD {
  const k = Math.round(x / LN2[0]);
  // r = x - k·ln2 in double-double
  const kl = ddMul([k, 0], LN2);
  const r = ddAdd([x, 0], [-kl[0], -kl[1]]);
  // e^r = (e^(r/256))^256, Taylor series for the small argument
  const s: DD = [r[0] / 256, r[1] / 256];
  let term: DD = [1, 0];
  let sum: DD = [1, 0];
  for (let i = 1; i <= 14; i++) {
    term = ddDivN(ddMul(term, s), i);
    sum = ddAdd(sum, term);
    if (Math.abs(term[0]) < 1e-36) break;
  }
  for (let i = 0; i < 8; i++) sum = ddMul(sum, sum);
  // scale by 2^k in two steps (k may exceed the exponent range of one power)
  const k1 = Math.trunc(k / 2);
  const f1 = Math.pow(2, k1);
  const f2 = Math.pow(2, k - k1);
  return [sum[0] * f1 * f2, sum[1] * f1 * f2];
}

/** Correctly rounded e^x (falls back to Math.exp near overflow/underflow). */
export function crExp(x: number): number {
  if (!Number.isFinite(x) || x > 709 || x < -708) return Math.exp(x);
  const [hi, lo] = expDD(x);
  return hi + lo;
}

/** Correctly rounded natural logarithm (one Newton step in double-double on Math.log). */
export function crLog(x: number): number {
  if (!(x > 0) || !Number.isFinite(x) || x < 2.2250738585072014e-308) return Math.log(x);
  const y = Math.log(x);
  if (y > 709 || y < -708) return y;
  const [eh, el] = expDD(y);
  // y + (x - e^y)/e^y; x - eh is exact (Sterbenz) as e^y ≈ x
  const c = (x - eh - el) / eh;
  return y + c;
}

// ---------------------------------------------------------------------------------------------
// fused multiply-add: round(a·b + c) with one rounding, as the FMA instructions BLAS kernels use

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);

/** x + y rounded to odd (Boldo–Melquiond): exact sums stay, inexact ones get an odd last bit. */
export function addRoundOdd(x: number, y: number): number {
  const s = x + y;
  const bb = s - x;
  const e = x - (s - bb) + (y - bb);
  if (e === 0 || !Number.isFinite(s)) return s;
  F64[0] = s;
  if ((U32[0]! & 1) === 1) return s;
  // even last bit and inexact: step one ulp toward the exact value (|s| up if e has s's sign)
  const up = e > 0 === s > 0;
  let lo = U32[0]!;
  let hi = U32[1]!;
  if (up) {
    lo = (lo + 1) >>> 0;
    if (lo === 0) hi = (hi + 1) >>> 0;
  } else {
    if (lo === 0) hi = (hi - 1) >>> 0;
    lo = (lo - 1) >>> 0;
  }
  U32[0] = lo;
  U32[1] = hi;
  return F64[0];
}

/**
 * `fma(a, b, c)`: a·b + c with a single rounding (exact product by Dekker splitting, the low
 * parts summed with round-to-odd, then one round-to-nearest), for finite non-overflowing inputs;
 * falls back to a·b + c otherwise.
 */
export function fma(a: number, b: number, c: number): number {
  const p = a * b;
  if (
    !Number.isFinite(p) ||
    !Number.isFinite(c) ||
    Math.abs(p) > 1e300 ||
    (p !== 0 && Math.abs(p) < 1e-290)
  ) {
    return p + c;
  }
  // exact product p + pe
  let t = 134217729 * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = 134217729 * b;
  const bh = t - (t - b);
  const bl = b - bh;
  const pe = ah * bh - p + ah * bl + al * bh + al * bl;
  // c + p = s + se exactly
  const s = c + p;
  const bb = s - c;
  const se = c - (s - bb) + (p - bb);
  return s + addRoundOdd(se, pe);
}

/** float32 `fmaf(a, b, c)` for float32 inputs: the product is exact in double, one odd-rounded sum. */
export function fmaF32(a: number, b: number, c: number): number {
  return Math.fround(addRoundOdd(a * b, c));
}
