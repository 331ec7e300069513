/**
 * A (practically) correctly rounded natural logarithm in double-double arithmetic.
 *
 * V8's Math.log (fdlibm) and glibc's log differ in the last bit for a fraction of inputs; NumPy's
 * legacy Gaussian, legacy exponential and the ziggurat tails call glibc's `log`, which is
 * correctly rounded in practice. Evaluating log to ~100 bits and rounding once reproduces it.
 */
const SPLIT = 134217729; // 2**27 + 1
const LN2_HI = 0.6931471805599453;
const LN2_LO = 2.3190468138462996e-17;
const SQRT1_2 = Math.SQRT1_2;

let H = 0;
let L = 0;

function twoProd(a: number, b: number): void {
  const p = a * b;
  let t = SPLIT * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b);
  const bl = b - bh;
  H = p;
  L = ah * bh - p + ah * bl + al * bh + al * bl;
}

/** (ah, al) * (bh, bl) → H, L. */
function mulDD(ah: number, al: number, bh: number, bl: number): void {
  twoProd(ah, bh);
  const lo = L + (ah * bl + al * bh);
  const s = H + lo;
  L = lo - (s - H);
  H = s;
}

/** (ah, al) + (bh, bl) → H, L. */
function addDD(ah: number, al: number, bh: number, bl: number): void {
  const s = ah + bh;
  const bb = s - ah;
  const e = ah - (s - bb) + (bh - bb) + al + bl;
  H = s + e;
  L = e - (H - s);
}

const TERMS = 16;
const INV_HI: number[] = [];
const INV_LO: number[] = [];
for (let k = 0; k <= TERMS; k++) {
  const d = 2 * k + 1;
  const hi = 1 / d;
  twoProd(hi, d);
  INV_HI.push(hi);
  INV_LO.push((1 - H - L) / d);
}

/** ln(x), correctly rounded except in astronomically rare hard cases. */
export function logCR(x: number): number {
  if (!(x > 0) || x === Infinity) return Math.log(x);
  // x = m * 2**e with m in [sqrt(1/2), sqrt(2))
  let e = Math.floor(Math.log2(x));
  let m = x / 2 ** e;
  if (m < 1) {
    m *= 2;
    e -= 1;
  } else if (m >= 2) {
    m /= 2;
    e += 1;
  }
  if (m >= 2 * SQRT1_2) {
    m /= 2;
    e += 1;
  }
  if (x < 2.2250738585072014e-308) return Math.log(x); // subnormals: not needed here
  const f = m - 1; // exact (Sterbenz)
  // s = f / (2 + f) in double-double
  const dh = 2 + f;
  const dl = f - (dh - 2);
  const sh = f / dh;
  twoProd(sh, dh);
  const r = f - H - L - sh * dl;
  const sl = r / dh;
  // z = s^2
  mulDD(sh, sl, sh, sl);
  const zh = H;
  const zl = L;
  let ah = INV_HI[TERMS]!;
  let al = INV_LO[TERMS]!;
  for (let k = TERMS - 1; k >= 0; k--) {
    mulDD(ah, al, zh, zl);
    addDD(H, L, INV_HI[k]!, INV_LO[k]!);
    ah = H;
    al = L;
  }
  // 2 * s * acc
  mulDD(ah, al, 2 * sh, 2 * sl);
  const th = H;
  const tl = L;
  // + e * ln2
  twoProd(e, LN2_HI);
  const ph = H;
  const pl = L + e * LN2_LO;
  addDD(th, tl, ph, pl);
  return H + L;
}
