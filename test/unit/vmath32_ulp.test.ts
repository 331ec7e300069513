/**
 * Accuracy of the float32 exp/log/sin/cos (src/runtime/vmath32.ts = native/math32.ts bit for
 * bit, test/native/math32.test.ts): a dense deterministic sample of 2^22 float32 inputs (every
 * 1024th bit pattern with pseudo-random low bits: both signs, every exponent, subnormals, inf,
 * NaN) against the float64 kernels (vmath.ts, < 0.51 ulp of float64 for exp/log, < 0.73 for
 * sin/cos: exact enough to measure float32 ulps to ~1e-8), in float32 ulps of the float64 value.
 * The bounds are the maxima measured over ALL 2^32 inputs (native/README.md "Error bound") and
 * the sample's maxima must reach within a few percent of them. NumPy (python3, float32) is the
 * oracle for special values: ±0, ±inf, NaN, subnormals, the overflow and underflow thresholds,
 * huge sin/cos arguments — equal bit for bit where NumPy's result is not an ordinary rounded
 * value, within 3 ulp of NumPy's elsewhere (NumPy's float32 SIMD loops are up to ~2.5 ulp off); np.exp/log/sin/cos on float32 arrays run these
 * kernels (either backend).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as np from '../../src/runtime/index';
import { cos32, exp32, log32, sin32 } from '../../src/runtime/vmath32';
import { vcos, vexp, vlog, vsin } from '../../src/runtime/vmath';

// [x, np.exp, np.log, np.sin, np.cos] on float32 (numpy 2.4.6)
const EXP_BOUND = 0.77; // all 2^32 inputs: 0.7654 (x = 26.687110900878906)
const LOG_BOUND = 0.84; // all 2^32 inputs: 0.8348 (x = 1.4054595232009888)
const SIN_BOUND = 0.8; // all 2^32 inputs: 0.7940 (x = 21.222068786621094)
const COS_BOUND = 0.81; // all 2^32 inputs: 0.8028 (x = 0.7983964681625366)

const NUMPY_F32: number[][] = [
  [0.0, 1.0, -Infinity, 0.0, 1.0],
  [-0, 1.0, -Infinity, -0, 1.0],
  [NaN, NaN, NaN, NaN, NaN],
  [Infinity, Infinity, Infinity, NaN, NaN],
  [-Infinity, 0.0, NaN, NaN, NaN],
  [1.0, 2.7182819843292236, 0.0, 0.8414710164070129, 0.5403022766113281],
  [-1.0, 0.3678794205188751, NaN, -0.8414710164070129, 0.5403022766113281],
  [0.5, 1.6487212181091309, -0.6931471824645996, 0.4794255495071411, 0.8775825500488281],
  [2.0, 7.3890557289123535, 0.6931471824645996, 0.9092974066734314, -0.41614681482315063],
  [88.72283935546875, Infinity, 4.485517501831055, 0.687648355960846, 0.7260439395904541],
  [88.72284698486328, Infinity, 4.485517501831055, 0.6876538991928101, 0.7260386943817139],
  [
    88.72283172607422, 3.402798519021476e38, 4.485517501831055, 0.6876428127288818,
    0.7260491847991943,
  ],
  [88.0, 1.6516362661361307e38, 4.477336883544922, 0.03539830073714256, 0.9993732571601868],
  [-87.33654022216797, 1.1754998158862984e-38, NaN, 0.5875712633132935, 0.8091723918914795],
  [-87.33655548095703, 1.1754817391361086e-38, NaN, 0.587558925151825, 0.8091813921928406],
  [-103.9720764, 1.401298464324817e-45, NaN, 0.29506051540374756, -0.9554785490036011],
  [-103.97208404541016, 0.0, NaN, 0.29506781697273254, -0.9554763436317444],
  [-103.27892303466797, 1.401298464324817e-45, NaN, -0.38354751467704773, -0.9235211610794067],
  [-104.0, 0.0, NaN, 0.32162240147590637, -0.9468680024147034],
  [89.0, Infinity, 4.488636493682861, 0.8600693941116333, 0.5101770162582397],
  [87.0, 6.076029840339376e37, 4.465908050537109, -0.8218178153038025, 0.5697503089904785],
  [-87.0, 1.6458114537543937e-38, NaN, 0.8218178153038025, 0.5697503089904785],
  [
    87.00000762939453, 6.076075982821224e37, 4.465908050537109, -0.8218135237693787,
    0.5697565674781799,
  ],
  [-87.00000762939453, 1.6457989821980612e-38, NaN, 0.8218135237693787, 0.5697565674781799],
  [1.401298464324817e-45, 1.0, -103.2789306640625, 1.401298464324817e-45, 1.0],
  [-1.401298464324817e-45, 1.0, NaN, -1.401298464324817e-45, 1.0],
  [1.1754943508222875e-38, 1.0, -87.3365478515625, 1.1754943508222875e-38, 1.0],
  [1.1754942106924411e-38, 1.0, -87.3365478515625, 1.1754942106924411e-38, 1.0],
  [3.4028234663852886e38, Infinity, 88.72283935546875, -0.5218765139579773, 0.8530210256576538],
  [-3.4028234663852886e38, 0.0, NaN, 0.5218765139579773, 0.8530210256576538],
  [1.0000000150474662e30, Infinity, 69.07755279541016, -0.791163444519043, -0.6116048097610474],
  [-1.0000000150474662e30, 0.0, NaN, 0.791163444519043, -0.6116048097610474],
  [4096.0, Infinity, 8.317766189575195, -0.5946419835090637, 0.8039906024932861],
  [-4096.0, 0.0, NaN, 0.5946419835090637, 0.8039906024932861],
  [4096.00048828125, Infinity, 8.317766189575195, -0.5942493081092834, 0.8042808771133423],
  [1.0000000200408773e20, Infinity, 46.051700592041016, 0.6565766930580139, 0.7542592883110046],
  [3.1415927410125732, 23.14069175720215, 1.1447299718856812, -8.742277657347586e-8, -1.0],
  [1.5707963705062866, 4.8104777336120605, 0.45158272981643677, 1.0, -4.371138828673793e-8],
  [
    0.7853981852531433, 2.1932802200317383, -0.24156443774700165, 0.7071067690849304,
    0.7071067690849304,
  ],
  [0.000244140625, 1.000244140625, -8.317766189575195, 0.000244140625, 1.0],
  [0.00024414059589616954, 1.000244140625, -8.317766189575195, 0.00024414059589616954, 1.0],
  [9.99994610111476e-41, 1.0, -92.10340881347656, 9.99994610111476e-41, 1.0],
  [
    0.9999999403953552, 2.7182817459106445, -5.960465188081798e-8, 0.8414709568023682,
    0.5403023362159729,
  ],
  [
    1.0000001192092896, 2.7182819843292236, 1.1920927533992653e-7, 0.8414710760116577,
    0.5403022170066833,
  ],
  [0.9921875, 2.6971280574798584, -0.007843177765607834, 0.8372242450714111, 0.5468597412109375],
  [1.015625, 2.7610886096954346, 0.015504186972975731, 0.8498101830482483, 0.5270888805389404],
  [10.0, 22026.466796875, 2.3025851249694824, -0.5440210700035095, -0.83907151222229],
  [-10.0, 4.539992369245738e-5, NaN, 0.5440210700035095, -0.83907151222229],
  [100.0, Infinity, 4.605170249938965, -0.5063656568527222, 0.8623188734054565],
  [100000.0, Infinity, 11.512925148010254, 0.03574879840016365, -0.9993607997894287],
  [10000000000.0, Infinity, 23.025850296020508, -0.48750603199005127, 0.8731196522712708],
  [12582912.0, Infinity, 16.347850799560547, -0.7835255861282349, -0.6213595271110535],
];

const F = new Float32Array(1);
const U = new Uint32Array(F.buffer);
const D = new Float64Array(1);
const DU = new Uint32Array(D.buffer);

/** One float32 ulp at the magnitude of the float64 value y. */
function ulp32(y: number): number {
  const a = Math.abs(y);
  if (a < 2 ** -126) return 2 ** -149;
  D[0] = a;
  return 2 ** (((DU[1]! >>> 20) & 0x7ff) - 1023 - 23);
}

const FNS: [string, (x: number) => number, (x: number) => number, number, number][] = [
  // name, float32 kernel, float64 reference, bound over all 2^32 inputs, column in NUMPY_F32
  ['exp', exp32, vexp, EXP_BOUND, 1],
  ['log', log32, vlog, LOG_BOUND, 2],
  ['sin', sin32, vsin, SIN_BOUND, 3],
  ['cos', cos32, vcos, COS_BOUND, 4],
];

describe('float32 exp/log/sin/cos: error bound over a dense sample, NumPy special values', () => {
  for (const [name, f, ref, bound] of FNS) {
    it(`${name}: ≤ ${bound} ulp over 2^22 inputs spread over all float32 bit patterns`, () => {
      let max = 0;
      let at = 0;
      let special = 0;
      for (let i = 0; i < 1 << 22; i++) {
        U[0] = i * 1024 + ((Math.imul(i, 2654435761) >>> 22) & 1023);
        const x = F[0]!;
        const got = f(x);
        const y = ref(x);
        const yr = Math.fround(y);
        if (y !== y || !Number.isFinite(yr) || !Number.isFinite(got)) {
          // NaN / overflow / infinite results: the float32 rounding of the reference exactly
          assert.ok(
            Object.is(got, yr) || (got !== got && yr !== yr),
            `${name}(${x}) = ${got}, want ${yr}`,
          );
          special++;
          continue;
        }
        const e = Math.abs(got - y) / ulp32(y);
        if (e > max) {
          max = e;
          at = x;
        }
      }
      assert.ok(max <= bound, `${name}: ${max.toFixed(4)} ulp at x = ${at} (bound ${bound})`);
      // the sample finds (nearly) the exhaustive maximum: the bound is not slack
      assert.ok(max > bound * 0.85, `${name}: sample max ${max.toFixed(4)} far below ${bound}`);
      assert.ok(special > 1000, `${name}: ${special} special results`);
    });
  }

  it('special values as NumPy (float32): bit for bit where not an ordinary rounded value', () => {
    for (const row of NUMPY_F32) {
      const x = Math.fround(row[0]!);
      for (const [name, f, , , col] of FNS) {
        const want = row[col]!;
        const got = f(x);
        const ordinary =
          Number.isFinite(want) &&
          want !== 0 &&
          Math.abs(want) >= 2 ** -126 &&
          want !== x &&
          Math.abs(want) !== 1;
        if (!ordinary)
          assert.ok(
            Object.is(got, want) || (got !== got && want !== want),
            `${name}(${x}) = ${got}, NumPy ${want}`,
          );
        // NumPy's own float32 loops are up to ~2.5 ulp off (exp(-10): 1.67), these ≤ 0.8
        else
          assert.ok(
            Math.abs(got - want) <= 3 * ulp32(want),
            `${name}(${x}) = ${got}, NumPy ${want}`,
          );
      }
    }
  });

  it('np.exp/log/sin/cos on float32 arrays run these kernels (strided, out=)', () => {
    const xs = NUMPY_F32.map((r) => r[0]!);
    for (let i = 0; i < 2000; i++) xs.push(Math.fround(Math.sin(i) * 10 ** ((i % 13) - 4)));
    const a = np.array(xs, { dtype: 'float32' });
    const v = a.get('::-1') as np.NDArray;
    for (const [name, f] of FNS) {
      const fn = (np as unknown as Record<string, (...args: unknown[]) => np.NDArray>)[name]!;
      const r = fn(a);
      assert.equal(r.dtype, 'float32');
      const rv = fn(v);
      const out = np.empty([xs.length], { dtype: 'float32' });
      fn(a, { out });
      const got = r.tolist() as number[];
      const gotv = rv.tolist() as number[];
      const goto = out.tolist() as number[];
      for (let i = 0; i < xs.length; i++) {
        const want = f(Math.fround(xs[i]!));
        const same = (u: number) => Object.is(u, want) || (u !== u && want !== want);
        assert.ok(same(got[i]!), `${name}(${xs[i]}): ${got[i]} vs ${want}`);
        assert.ok(same(gotv[xs.length - 1 - i]!), `${name} reversed (${xs[i]})`);
        assert.ok(same(goto[i]!), `${name} out= (${xs[i]})`);
      }
    }
  });
});
