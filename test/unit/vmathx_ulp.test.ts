/**
 * Accuracy of tan, tanh and power (src/runtime/vmathx.ts; the WASM kernels are bit-identical to
 * them, test/native/mathx.test.ts): the error in ulps against a 200-bit mpmath reference over
 * sampled inputs weighted to the hard regions (test/unit/fixtures/vmathx_ref.json, from
 * test/unit/gen_vmathx_ref.py; VMATHX_REF=<file> runs the same checks on a larger sample) stays
 * within the bound documented in native/README.md, and the special values (power: NumPy's whole
 * special-value grid) equal NumPy's. Also through np.tan/np.tanh/np.power on both backends.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as np from '../../src/runtime/index';
import { vpow, vtan, vtanh } from '../../src/runtime/vmathx';
import { useBackend, backendStatus } from '../../src/runtime/wasm';

type Row = (number | string)[];
type Ref = { samples: number[][]; specials: Row[] };
const num = (v: number | string): number => (typeof v === 'string' ? Number(v) : v);
const REF = JSON.parse(
  readFileSync(process.env.VMATHX_REF ?? join(__dirname, 'fixtures', 'vmathx_ref.json'), 'utf8'),
) as Record<string, Ref>;

/** The documented bounds (native/README.md "Error bound"), in ulps of the true value. */
const BOUND: Record<string, number> = { tan: 0.64, tanh: 0.51, power: 0.52 };
/** tan beyond |x| > 1e5 (Payne–Hanek reduction), reported separately. */
const TAN_HUGE_BOUND = 0.6;
const FN: Record<string, (...a: number[]) => number> = { tan: vtan, tanh: vtanh, power: vpow };

function ulpOf(x: number): number {
  const a = Math.abs(x);
  if (a < 2.2250738585072014e-308) return 5e-324;
  const e = Math.floor(Math.log2(a));
  let u = 2 ** (e - 52);
  if (2 ** e > a) u /= 2; // log2 rounded up at a power of two
  if (2 ** (e + 1) <= a) u *= 2;
  return u;
}

/** |y − (hi + lo)| in ulps of hi (y − hi is exact when they are close). */
const ulpErr = (y: number, hi: number, lo: number): number => Math.abs(y - hi - lo) / ulpOf(hi);

const same = (a: number, b: number): boolean => Object.is(a, b) || (a !== a && b !== b);

for (const fn of Object.keys(BOUND)) {
  const ref = REF[fn]!;
  const arity = fn === 'power' ? 2 : 1;
  describe(`${fn}: error bound against a 200-bit reference`, () => {
    it(`${ref.samples.length} sampled inputs within ${BOUND[fn]} ulp`, () => {
      let worst = 0;
      let at = '';
      let worstHuge = 0;
      for (const row of ref.samples) {
        const args = row.slice(0, arity);
        const [hi, lo] = row.slice(arity) as [number, number];
        const e = ulpErr(FN[fn]!(...args), hi, lo);
        if (fn === 'tan' && Math.abs(args[0]!) > 1e5) worstHuge = Math.max(worstHuge, e);
        else if (e > worst) [worst, at] = [e, args.join(', ')];
      }
      assert.ok(worst <= BOUND[fn]!, `${fn}: ${worst} ulp at ${at}`);
      assert.ok(worst > 0.45, 'the sample reaches near-halfway cases');
      assert.ok(worstHuge <= TAN_HUGE_BOUND, `tan beyond 1e5: ${worstHuge} ulp`);
      if (process.env.VMATHX_REF !== undefined)
        console.log(
          `${fn}: ${ref.samples.length} samples, max ${worst} ulp at ${at}` +
            (fn === 'tan' ? `; |x| > 1e5: ${worstHuge}` : ''),
        );
    });
    it(`special values equal NumPy's (${ref.specials.length})`, () => {
      for (const row of ref.specials) {
        const args = row.slice(0, arity).map(num);
        const want = num(row[arity]!);
        const got = FN[fn]!(...args);
        if (isFinite(want) && want !== 0 && Math.abs(want) !== 1 && !same(got, want)) {
          // an ordinary value in the grid (e.g. 2.5^2.5): within 1 ulp of NumPy's, same sign
          const e = Math.abs(got - want) / ulpOf(want);
          assert.ok(
            e <= 1 && Math.sign(got) === Math.sign(want),
            `${fn}(${args}) = ${got}, numpy ${want}`,
          );
          continue;
        }
        assert.ok(same(got, want), `${fn}(${args.join(', ')}) = ${got}, numpy ${want}`);
      }
    });
    it(`np.${fn} on both backends: the same bits, float64 and float32`, () => {
      const rows = ref.samples.slice(0, 3000);
      const cols = [0, 1].slice(0, arity).map((c) => rows.map((r) => r[c]!));
      const prev = backendStatus().backend;
      const f = (np as unknown as Record<string, (...a: unknown[]) => { tolist(): number[] }>)[fn]!;
      const run = (b: 'ts' | 'wasm'): [Float64Array, Float32Array] => {
        useBackend(b);
        const a64 = f(...cols.map((c) => np.array(c, { dtype: 'float64' }))).tolist();
        const a32 = f(...cols.map((c) => np.array(c, { dtype: 'float32' }))).tolist();
        return [Float64Array.from(a64), Float32Array.from(a32)];
      };
      const ts = run('ts');
      if (backendStatus().simd !== 'none' && prev === 'wasm') {
        const wa = run('wasm');
        assert.deepEqual(Buffer.from(wa[0].buffer), Buffer.from(ts[0].buffer));
        assert.deepEqual(Buffer.from(wa[1].buffer), Buffer.from(ts[1].buffer));
      }
      useBackend(prev);
      for (let i = 0; i < rows.length; i++) {
        const w64 = FN[fn]!(...cols.map((c) => c[i]!));
        assert.ok(same(ts[0][i]!, w64), `${fn} f64 row ${i}`);
        // float32 is float64 rounded once
        const w32 = Math.fround(FN[fn]!(...cols.map((c) => Math.fround(c[i]!))));
        assert.ok(same(ts[1][i]!, w32), `${fn} f32 row ${i}`);
      }
    });
  });
}

describe('power with a scalar exponent: NumPy loop fast paths (sqrt, square, reciprocal, copy)', () => {
  const X = [-0, 0, -Infinity, Infinity, 2, -2, 3, 1e-160, NaN, 1e300];
  // np.power(np.array(X), e) for float64 (NumPy 2.4)
  const WANT: [number, number[]][] = [
    [0.5, [-0, 0, NaN, Infinity, 1.4142135623730951, NaN, 1.7320508075688772, 1e-80, NaN, 1e150]],
    [2, [0, 0, Infinity, Infinity, 4, 4, 9, 1e-320, NaN, Infinity]],
    [-1, [-Infinity, Infinity, -0, 0, 0.5, -0.5, 0.3333333333333333, 1e160, NaN, 1e-300]],
    [1, [-0, 0, -Infinity, Infinity, 2, -2, 3, 1e-160, NaN, 1e300]],
  ];
  for (const b of ['ts', 'wasm'] as const) {
    it(`${b} backend, float64`, () => {
      if (b === 'wasm' && backendStatus().simd === 'none') return;
      const prev = useBackend(b);
      try {
        for (const [e, want] of WANT) {
          const got = (np.power(np.array(X), e) as { tolist(): number[] }).tolist();
          got.forEach((g, i) =>
            assert.ok(same(g, want[i]!), `power(${X[i]}, ${e}) = ${g}, numpy ${want[i]}`),
          );
          // an array exponent takes C's pow: (−0)^0.5 = +0, (−inf)^0.5 = inf
          const arr = np.power(np.array(X.slice(0, 3)), np.array([e, e, e])) as {
            tolist(): number[];
          };
          if (e === 0.5) assert.deepEqual(arr.tolist(), [0, 0, Infinity]);
        }
      } finally {
        useBackend(prev);
      }
    });
  }
});
