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

const TERMS = 40;
const INV_HI: number[] = [];
const INV_LO: number[] = [];
for (let k = 0; k <= TERMS; k++) {
  const d = 2 * k + 1;
  const hi = 1 / d;
  twoProd(hi, d);
  INV_HI.push(hi);
  INV_LO.push((1 - H - L) / d);
}

/** ln(m) for m in [1, 2] as double-double (H, L) by the full atanh series (slow: table setup). */
function logDDSlow(m: number): void {
  const f = m - 1;
  const dh = 2 + f;
  const dl = f - (dh - 2);
  const sh = f / dh;
  twoProd(sh, dh);
  const sl = (f - H - L - sh * dl) / dh;
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
  mulDD(ah, al, 2 * sh, 2 * sl);
}

// ln(c) for the centres c = 1 + (i + 1/2)/64 of 64 subintervals of [1, 2), in double-double.
const NSUB = 64;
const CENTRE = new Float64Array(NSUB);
const LOGC_HI = new Float64Array(NSUB);
const LOGC_LO = new Float64Array(NSUB);
for (let i = 0; i < NSUB; i++) {
  const c = 1 + (i + 0.5) / NSUB;
  logDDSlow(c);
  CENTRE[i] = c;
  LOGC_HI[i] = H;
  LOGC_LO[i] = L;
}

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
const HI_WORD = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0; // little-endian → 1

/**
 * ln(x), correctly rounded except for ~1 argument in 2**18 (error < 2**-68 relative): x = 2**e·m,
 * m near a table centre c, ln x = e·ln 2 + ln c + 2·atanh(s) with s = (m − c)/(m + c), the
 * leading term in double-double and the short tail (|s| < 2**-7) in double.
 */
export function logCR(x: number): number {
  if (!(x >= 2.2250738585072014e-308) || x === Infinity) return Math.log(x); // 0, <0, NaN, inf, subnormal
  let uh: number;
  let ul: number;
  let ph = 0;
  let pl = 0;
  if (Math.abs(x - 1) < 1 / 64) {
    uh = x - 1; // exact (Sterbenz)
    ul = 0;
  } else {
    F64[0] = x;
    const hw = U32[HI_WORD]!;
    const e = (hw >>> 20) - 1023;
    U32[HI_WORD] = (hw & 0x000fffff) | 0x3ff00000;
    const m = F64[0];
    const i = Math.floor((m - 1) * NSUB);
    const c = CENTRE[i]!;
    const f = m - c; // exact
    // u = f / c in double-double
    uh = f / c;
    twoProd(uh, c);
    ul = (f - H - L) / c;
    // e·ln2 + ln c
    twoProd(e, LN2_HI);
    addDD(H, L + e * LN2_LO, LOGC_HI[i]!, LOGC_LO[i]!);
    ph = H;
    pl = L;
  }
  // ln(1 + u) = 2 atanh(s), s = u / (2 + u)
  const dh = 2 + uh;
  const dl = uh - (dh - 2) + ul;
  const sh = uh / dh;
  twoProd(sh, dh);
  const sl = (uh - H - L + ul - sh * dl) / dh;
  const z = sh * sh;
  const tail = 2 * sh * z * (1 / 3 + z * (1 / 5 + z * (1 / 7 + z * (1 / 9))));
  addDD(ph, pl, 2 * sh, 2 * sl + tail);
  return H + L;
}
