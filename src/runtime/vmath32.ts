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
 * log: x = 2^k·z, z in [0.703125, 1.40625) (bit offset 0x3f340000), 64 buckets of z by its top 6
 * mantissa bits, each with an 8-bit reciprocal invc (1 for the two buckets around 1):
 * r = z·invc − 1 with one rounding (z split in two 12-bit halves, both products exact; exact in
 * the two buckets around 1); log x = (k·ln2hi + lchi) + r + (k·ln2lo + lclo + r²·P(r)) with the
 * first sum exact (multiples of 2^-16), a Fast2Sum, and P the degree-3 Taylor of
 * (log1p(r) − r)/r² (|r| ≤ 2^-6). x ≤ 0, subnormal, inf, NaN: the scalar path (subnormals scaled by 2^23).
 *
 * sin, cos: |x| ≤ 4096: q = round(x·2/π), r = x − q·π/2 with π/2 in five parts (three 12-bit
 * parts, q·part exact, two TwoSums) as rhi + rlo; sin r = rhi + (rlo − rlo·z/2 + rhi·z·S(z)),
 * cos r = w + ((1 − w − z/2) + (z²·C(z) − rhi·rlo)) with w = 1 − z/2 (Taylor S to r^11, C to
 * r^10), quadrant (q + q0) mod 4. |x| < 2^-12: sin x = x. |x| > 4096, ±inf, NaN: the host's
 * Math.sin/Math.cos in float64 rounded once (the WASM module imports the same functions).
 */
import type { UnaryKernel } from './ufunc_kernels';

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
// 64 buckets (scratch generator: scripts/gen_vmath32_tables.py): invc = 1/c to 8 bits,
// lc = −log(invc) = lchi (a multiple of 2^-16) + lclo (float32)
export const LOG32_INVC = [1.4140625, 1.3984375, 1.3828125, 1.3671875, 1.3515625, 1.34375, 1.328125, 1.3125, 1.296875, 1.2890625, 1.2734375, 1.2578125, 1.25, 1.234375, 1.2265625, 1.2109375, 1.203125, 1.1875, 1.1796875, 1.171875, 1.15625, 1.1484375, 1.140625, 1.125, 1.1171875, 1.109375, 1.1015625, 1.0859375, 1.078125, 1.0703125, 1.0625, 1.0546875, 1.046875, 1.0390625, 1.03125, 1.0234375, 1.015625, 1.0, 1.0, 0.9765625, 0.9609375, 0.94921875, 0.93359375, 0.921875, 0.90625, 0.89453125, 0.8828125, 0.87109375, 0.859375, 0.84765625, 0.8359375, 0.82421875, 0.81640625, 0.8046875, 0.796875, 0.78515625, 0.77734375, 0.765625, 0.7578125, 0.75, 0.73828125, 0.73046875, 0.72265625, 0.71484375];
export const LOG32_LC_HI = [-0.346466064453125, -0.335357666015625, -0.3241119384765625, -0.3127593994140625, -0.3012542724609375, -0.29547119140625, -0.2837677001953125, -0.2719268798828125, -0.2599639892578125, -0.2539215087890625, -0.2417144775390625, -0.2293701171875, -0.22314453125, -0.2105712890625, -0.2042083740234375, -0.1913909912109375, -0.1849212646484375, -0.171844482421875, -0.165252685546875, -0.158599853515625, -0.1451873779296875, -0.138397216796875, -0.1315765380859375, -0.1177825927734375, -0.110809326171875, -0.103790283203125, -0.0967254638671875, -0.0824432373046875, -0.075225830078125, -0.0679473876953125, -0.0606231689453125, -0.0532379150390625, -0.045806884765625, -0.0383148193359375, -0.0307769775390625, -0.023162841796875, -0.0155029296875, 0.0, 0.0, 0.023712158203125, 0.0398406982421875, 0.0521087646484375, 0.0687103271484375, 0.0813446044921875, 0.0984344482421875, 0.1114501953125, 0.1246490478515625, 0.13800048828125, 0.15155029296875, 0.165283203125, 0.17919921875, 0.1933135986328125, 0.202850341796875, 0.2173004150390625, 0.22705078125, 0.2418670654296875, 0.2518768310546875, 0.267059326171875, 0.277313232421875, 0.287689208984375, 0.303436279296875, 0.3140716552734375, 0.3248291015625, 0.335693359375];
export const LOG32_LC_LO = [-7.028930895103258e-07, 2.1240944079181645e-06, -7.530177754233591e-06, 3.689410277729621e-06, -7.058117262204178e-06, 6.9785123741894495e-06, -4.7293534066739085e-07, -6.835600743215764e-06, 6.464820671681082e-06, 6.298807875282364e-06, -5.459347903524758e-06, -3.983877377322642e-06, 9.799357485462679e-07, 6.5199551499972586e-06, -7.167405328800669e-06, -3.861788627546048e-06, -1.0738456239778316e-06, -5.774504643341061e-06, 3.1126514841162134e-06, -5.176661034056451e-06, 5.368085112422705e-06, -5.106062417326029e-06, 1.8029722070878051e-07, -4.428829356584174e-07, -5.040168616687879e-06, -6.5104786699521355e-06, -4.162591267231619e-06, -4.319063862112671e-07, 2.408840600764961e-06, -3.2742132134444546e-06, -1.452871174478787e-06, -6.59947954773088e-06, -2.6512657314015087e-06, -4.044966317451326e-06, 5.3188723541097715e-06, -4.217484729451826e-06, -1.256848463526694e-06, 0.0, 0.0, 4.368414010968991e-06, 5.210305062064435e-06, 7.2364905463473406e-06, 3.565399538274505e-06, 1.0349617696192581e-06, 5.624571258522337e-06, 5.245613010629313e-06, -6.602644134545699e-06, 5.1847382565028965e-06, -3.9484154967794893e-07, -3.1121858228289057e-06, 2.2107076347310795e-06, 5.71237069380004e-06, -7.149282282625791e-06, 8.606509140918206e-07, 6.669385129498551e-06, 5.4709907999495044e-06, -4.211299710732419e-06, 3.45907710652682e-06, 6.052994194760686e-06, -7.136532531148987e-06, -5.849876743013738e-06, -2.827648359016166e-06, -7.48216143620084e-06, -2.0677368866017787e-06];

export const LOG32_K = {
  OFF: 0x3f340000,
  LN2HI: 0.693145751953125,
  LN2LO: fr(1.428606765330187e-6),
  P1: fr(1 / 3),
  P2: -0.25,
  P3: fr(0.2),
};
const { OFF, LN2HI, LN2LO, P1, P2, P3 } = LOG32_K;

const F32 = new Float32Array(1);
const I32 = new Int32Array(F32.buffer);
const bitsOf = (x: number): number => ((F32[0] = x), I32[0]!);
const fromBits = (b: number): number => ((I32[0] = b), F32[0]!);

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
  const j = (tmp >> 17) & 63;
  const k = (tmp >> 23) + k0;
  const z = fromBits(ix - (tmp & 0xff800000));
  const invc = LOG32_INVC[j]!;
  const zh = fromBits(bitsOf(z) & 0xfffff000);
  const zl = fr(z - zh);
  const rhi = fr(fr(fr(zh * invc) - 1) + fr(zl * invc));
  const kf = k;
  const hi = fr(fr(kf * LN2HI) + LOG32_LC_HI[j]!);
  const lo = fr(fr(kf * LN2LO) + LOG32_LC_LO[j]!);
  const s = fr(hi + rhi);
  const e = fr(fr(hi - s) + rhi);
  const p = fr(fr(fr(fr(P3 * rhi) + P2) * rhi) + P1);
  const pr = fr(fr(fr(p * rhi) - 0.5) * fr(rhi * rhi));
  const tail = fr(fr(e + lo) + pr);
  return fr(s + tail);
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

/** A strided float32 ufunc kernel of the float32 function `f`. */
const k32f =
  (f: (x: number) => number): UnaryKernel =>
  (n, x, ix, sx, o, io, so) => {
    const a = x as { [i: number]: number },
      c = o as { [i: number]: number };
    for (let j = 0; j < n; j++) c[io + j * so] = f(a[ix + j * sx]!);
  };

/** The TS kernels (registry 'ts' backend) of the float32 functions: [op, dtype, kernel]. */
export const VMATH32_TS_KERNELS: [string, 'float32', UnaryKernel][] = [
  ['exp', 'float32', k32f(exp32)],
  ['log', 'float32', k32f(log32)],
  ['sin', 'float32', k32f(sin32)],
  ['cos', 'float32', k32f(cos32)],
];
