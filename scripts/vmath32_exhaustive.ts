// Exhaustive accuracy of the float32 kernels (native/math32.ts): all 2^32 float32 inputs through
// the WASM kernel (dist/native/kernels.wasm or NDSCOPE_WASM), error against the float64 Math.*
// value in float32 ulps; NaN/inf/overflow results must equal the float64 value rounded.
//   npx tsx scripts/vmath32_exhaustive.ts exp|log|sin|cos [lo hi]   (6–10 CPU-minutes each)
import { harness } from '../test/native/harness';
import { writeMath32Tables } from '../src/runtime/wasm/math32';
const op = process.argv[2]!;
const ref = (
  { exp: Math.exp, log: Math.log, sin: Math.sin, cos: Math.cos } as Record<
    string,
    (x: number) => number
  >
)[op]!;
const h = harness(600);
const TAB = 1024;
writeMath32Tables(h.mem.buffer, TAB);
const CH = 1 << 22;
const XP = 4096,
  OP = XP + CH * 4;
const f = h.ex[`m32_${op}`]!;
const U = new Uint32Array(h.mem.buffer),
  F = new Float32Array(h.mem.buffer);
const lo = Number(process.argv[3] ?? 0),
  hi = Number(process.argv[4] ?? 2 ** 32);
let max = 0,
  arg = 0,
  over = 0,
  bad = 0,
  n = 0;
const E2 = new Float64Array(1),
  EU = new Uint32Array(E2.buffer);
for (let b0 = lo; b0 < hi; b0 += CH) {
  for (let i = 0; i < CH; i++) U[XP / 4 + i] = b0 + i;
  f(CH, XP, 4, OP, 4, TAB);
  for (let i = 0; i < CH; i++) {
    const x = F[XP / 4 + i]!;
    const got = F[OP / 4 + i]!;
    const y = ref(x);
    n++;
    if (y !== y) {
      if (got === got) {
        bad++;
        if (bad < 5) console.log('nan', x, got);
      }
      continue;
    }
    const yr = Math.fround(y);
    if (!isFinite(yr) || !isFinite(got)) {
      if (got !== yr) {
        bad++;
        if (bad < 5) console.log('inf', x, got, y);
      }
      continue;
    }
    const a = Math.abs(y);
    let u: number;
    if (a < 2 ** -126) u = 2 ** -149;
    else {
      E2[0] = a;
      const e = ((EU[1]! >>> 20) & 0x7ff) - 1023;
      u = 2 ** (e - 23);
    }
    const err = Math.abs(got - y) / u;
    if (err > 0.5) over++;
    if (err > max) {
      max = err;
      arg = x;
    }
  }
}
console.log(
  op,
  'n',
  n,
  'max',
  max.toFixed(4),
  'at',
  arg,
  'frac>0.5',
  (over / n).toExponential(2),
  'bad',
  bad,
);
