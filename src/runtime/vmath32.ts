/**
 * float32 exp, log, sin, cos in float32 arithmetic: the TS twins of native/math32.ts's f32x4
 * kernels. Every operation is one IEEE float32 operation (Math.fround after each + − ×; no fused
 * multiply-add), in the same order as the WASM lanes, so both backends give bit-identical results
 * (test/native/math32.test.ts). Accuracy: test/unit/vmath32_ulp.test.ts, native/README.md
 * "Error bound" (max error measured over all 2^32 inputs).
 *
 * exp: q = round(x·log2 e), s = x − q·ln2 (Cody–Waite, q·L2U exact), e^s = 1 + s + s²·u(s)
 * (SLEEF's degree-5 u), 1 + s split exactly (Fast2Sum) so the result is one rounding of
 * t + (e1 + s²u), times 2^q (exact). (A 2^(j/8) table looked up with byte shuffles and a
 * degree-4 polynomial measured 0.61 ulp but 12 % slower under V8.) |x| > 87 and NaN: expBig,
 * the same reduction in float64 (degree-9 Taylor, 2^q exact in float64) rounded once, so
 * overflow (x > 88.72283935546875 → inf) and subnormal results are rounded once.
 *
 * log: fdlibm's e_logf.c without its branches: x = 2^k·z, z in [√½, √2), f = z − 1 (exact),
 * s = f/(2 + f), R = z·(Lg1 + w·Lg3) + w·(Lg2 + w·Lg4) (z = s², w = z²), log x = k·ln2hi −
 * ((f²/2 − (s·(f²/2 + R) + k·ln2lo)) − f). One division, no table. (A 64-bucket table method
 * measured 0.55 ulp but ~1.6× slower: four gathered rows and a transpose per vector.)
 * x ≤ 0, subnormal, inf, NaN: the scalar path (subnormals scaled by 2^23).
 *
 * sin, cos: |x| ≤ 4096: q = round(x·2/π), r = x − q·π/2 with π/2 in five parts (three 12-bit
 * parts, q·part exact, two TwoSums) as rhi + rlo; sin r = rhi + (rlo − rlo·z/2 + rhi·z·S(z)),
 * cos r = w + ((1 − w − z/2) + (z²·C(z) − rhi·rlo)) with w = 1 − z/2 (Taylor S to r^11, C to
 * r^10), quadrant (q + q0) mod 4. |x| < 2^-12: sin x = x. |x| > 4096, ±inf, NaN: the host's
 * Math.sin/Math.cos in float64 rounded once (the WASM module imports the same functions).
 */
import type { UnaryKernel } from './ufunc_kernels';
// (k64 stores f's value as it is: a float32 value here, exact in a Float32Array)
import { k64 } from './vmath';

const fr = Math.fround;

// ---- exp ------------------------------------------------------------------------------------
export const EXP32_K = {
  LOG2E: fr(1.4426950216293335),
  SHIFT: 12582912, // 1.5·2^23
  L2U: 0.693145751953125, // 16 bits
  L2L: fr(1.428606765330187e-6),
  U0: fr(0.000198527617612853646278381),
  U1: fr(0.00139304355252534151077271),
  U2: fr(0.00833336077630519866943359),
  U3: fr(0.0416664853692054748535156),
  U4: fr(0.166666671633720397949219),
  U5: 0.5,
  LIM: 87,
};
const { LOG2E, SHIFT, L2U, L2L, U0, U1, U2, U3, U4, U5 } = EXP32_K;

/** 2^k as float32 for k in [-126, 127], exact (built by halving/doubling). */
const POW2F = new Float32Array(254);
{
  let p = 1;
  for (let k = 0; k <= 127; k++, p *= 2) POW2F[k + 126] = p;
  p = 1;
  for (let k = 0; k >= -126; k--, p /= 2) POW2F[k + 126] = p;
}
/** 2^k as float64 for k in [-160, 160], exact. */
const POW2D = new Float64Array(321);
{
  let p = 1;
  for (let k = 0; k <= 160; k++, p *= 2) POW2D[k + 160] = p;
  p = 1;
  for (let k = 0; k >= -160; k--, p /= 2) POW2D[k + 160] = p;
}

const SHIFT64 = 6755399441055744; // 1.5·2^52
const INVLN2_64 = 1.4426950408889634;
const LN2HI_64 = 6.9314718036912381649e-1;
const LN2LO_64 = 1.90821492927058770002e-10;

/** exp for |x| > 87 and NaN, in float64, rounded once to float32. */
function expBig(x: number): number {
  if (x !== x) return x;
  if (x > 89) return Infinity;
  if (x < -104) return 0;
  const k = x * INVLN2_64 + SHIFT64 - SHIFT64;
  const r = x - k * LN2HI_64 - k * LN2LO_64;
  const p =
    r *
    (1 +
      r *
        (1 / 2 +
          r *
            (1 / 6 +
              r *
                (1 / 24 +
                  r * (1 / 120 + r * (1 / 720 + r * (1 / 5040 + r * (1 / 40320 + r / 362880))))))));
  return fr((1 + p) * POW2D[k + 160]!);
}

/** exp(x) for a float32 x, in float32 arithmetic. */
export function exp32(x: number): number {
  if (!(Math.abs(x) <= 87)) return expBig(x);
  const q = fr(fr(x * LOG2E) + SHIFT) - SHIFT;
  const s = fr(fr(x - fr(q * L2U)) - fr(q * L2L));
  let u = fr(fr(U0 * s) + U1);
  u = fr(fr(u * s) + U2);
  u = fr(fr(u * s) + U3);
  u = fr(fr(u * s) + U4);
  u = fr(fr(u * s) + U5);
  const t = fr(1 + s);
  const e1 = fr(fr(1 - t) + s);
  const tail = fr(fr(fr(s * s) * u) + e1);
  return fr(fr(t + tail) * POW2F[q + 126]!);
}

// ---- log ------------------------------------------------------------------------------------
const F32 = new Float32Array(1);
const I32 = new Int32Array(F32.buffer);
const bitsOf = (x: number): number => ((F32[0] = x), I32[0]!);
const fromBits = (b: number): number => ((I32[0] = b), F32[0]!);

export const LOG32_K = {
  OFF: 0x3f3504f3, // bits of sqrt(1/2)
  LN2_HI: fromBits(0x3f317180), // 16 bits: k·LN2_HI exact
  LN2_LO: fromBits(0x3717f7d1),
  LG1: fr(0xaaaaaa * 2 ** -24), // fdlibm's e_logf.c
  LG2: fr(0xccce13 * 2 ** -25),
  LG3: fr(0x91e9ee * 2 ** -25),
  LG4: fr(0xf89e26 * 2 ** -26),
};
const { OFF, LN2_HI, LN2_LO, LG1, LG2, LG3, LG4 } = LOG32_K;

/** log(x) for a float32 x, in float32 arithmetic. */
export function log32(x: number): number {
  let ix = bitsOf(x);
  let k0 = 0;
  if (!(ix >= 0x00800000 && ix < 0x7f800000)) {
    if (x !== x) return x;
    if (x === 0) return -Infinity;
    if (x < 0) return NaN;
    if (x === Infinity) return x;
    ix = bitsOf(fr(x * 8388608)); // subnormal: ·2^23
    k0 = -23;
  }
  const tmp = ix - OFF;
  const k = (tmp >> 23) + k0;
  const f = fr(fromBits(ix - (tmp & 0xff800000)) - 1);
  const s = fr(f / fr(2 + f));
  const z = fr(s * s);
  const w = fr(z * z);
  const R = fr(fr(z * fr(LG1 + fr(w * LG3))) + fr(w * fr(LG2 + fr(w * LG4))));
  const hfsq = fr(fr(0.5 * f) * f);
  return fr(fr(k * LN2_HI) - fr(fr(hfsq - fr(fr(s * fr(hfsq + R)) + fr(k * LN2_LO))) - f));
}

// ---- sin, cos -------------------------------------------------------------------------------
export const SINCOS32_K = {
  TWO_OVER_PI: fr(0.6366197466850281),
  PA: 1.57080078125,
  PB: fr(-4.453584551811218e-6),
  PC: fr(-8.706138032721356e-10),
  PD: fr(6.223371969669989e-14),
  S1: fr(-1 / 6),
  S2: fr(1 / 120),
  S3: fr(-1 / 5040),
  S4: fr(1 / 362880),
  S5: fr(-1 / 39916800),
  C1: fr(1 / 24),
  C2: fr(-1 / 720),
  C3: fr(1 / 40320),
  C4: fr(-1 / 3628800),
  LIM: 4096,
  TINY: 2 ** -12,
};
const { TWO_OVER_PI, PA, PB, PC, PD, S1, S2, S3, S4, S5, C1, C2, C3, C4 } = SINCOS32_K;

function sincos32(x: number, q0: number): number {
  const q = fr(fr(x * TWO_OVER_PI) + SHIFT) - SHIFT;
  const a1 = fr(x - fr(q * PA));
  const p2 = fr(q * PB);
  const a2 = fr(a1 - p2);
  const t2 = fr(a2 - a1);
  const e2 = fr(fr(a1 - fr(a2 - t2)) - fr(p2 + t2));
  const p3 = fr(q * PC);
  const a3 = fr(a2 - p3);
  const t3 = fr(a3 - a2);
  const e3 = fr(fr(a2 - fr(a3 - t3)) - fr(p3 + t3));
  const tail = fr(fr(e2 + e3) - fr(q * PD));
  const rh = fr(a3 + tail);
  const rl = fr(fr(a3 - rh) + tail);
  const z = fr(rh * rh);
  const hz = fr(0.5 * z);
  let sp = fr(fr(S5 * z) + S4);
  sp = fr(fr(sp * z) + S3);
  sp = fr(fr(sp * z) + S2);
  sp = fr(fr(sp * z) + S1);
  const sv = fr(rh + fr(fr(fr(rh * z) * sp) + fr(rl - fr(hz * rl))));
  let cp = fr(fr(C4 * z) + C3);
  cp = fr(fr(cp * z) + C2);
  cp = fr(fr(cp * z) + C1);
  const w = fr(1 - hz);
  const cv = fr(w + fr(fr(fr(1 - w) - hz) + fr(fr(fr(z * z) * cp) - fr(rh * rl))));
  const qq = (q + q0) & 3;
  const v = qq & 1 ? cv : sv;
  return qq & 2 ? -v : v;
}

/** sin(x) for a float32 x. */
export function sin32(x: number): number {
  const ax = Math.abs(x);
  if (!(ax <= 4096)) return fr(Math.sin(x));
  if (ax < 2 ** -12) return x;
  return sincos32(x, 0);
}

/** cos(x) for a float32 x. */
export function cos32(x: number): number {
  if (!(Math.abs(x) <= 4096)) return fr(Math.cos(x));
  return sincos32(x, 1);
}

/** The TS kernels (registry 'ts' backend) of the float32 functions: [op, dtype, kernel]. */
export const VMATH32_TS_KERNELS: [string, 'float32', UnaryKernel][] = [
  ['exp', 'float32', k64(exp32)],
  ['log', 'float32', k64(log32)],
  ['sin', 'float32', k64(sin32)],
  ['cos', 'float32', k64(cos32)],
];
