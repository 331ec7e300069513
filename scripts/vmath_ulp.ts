/**
 * Accuracy measurement of the vectorized transcendentals (native/README.md "Error bound"):
 *   npx tsx scripts/vmath_ulp.ts <exp|log|sin|cos> <n>   writes /tmp/m_in.bin, /tmp/m_out.bin
 *   python3 scripts/vmath_ulp.py <fn> /tmp/m_in.bin /tmp/m_out.bin   max ulp vs mpmath
 * The TS twins are measured (the WASM kernels are bit-identical to them).
 */
import { vexp, vexpm1, vlog, vlog1p, vsin, vcos } from '../src/runtime/vmath';
import { writeFileSync } from 'node:fs';
const fn = process.argv[2]!;
const n = +process.argv[3]!;
const f = (
  { exp: vexp, expm1: vexpm1, log: vlog, log1p: vlog1p, sin: vsin, cos: vcos } as Record<
    string,
    (x: number) => number
  >
)[fn]!;
const x = new Float64Array(n),
  y = new Float64Array(n);
let s = 12345;
const rand = () => {
  s = (s * 1103515245 + 12345) % 2147483648;
  return s / 2147483648;
};
for (let i = 0; i < n; i++) {
  const u = rand();
  if (fn === 'sin' || fn === 'cos')
    x[i] =
      u < 0.4
        ? (rand() - 0.5) * 20
        : u < 0.7
          ? (rand() - 0.5) * 2e5
          : u < 0.8
            ? (rand() - 0.5) * 2 ** (-rand() * 40)
            : ((Math.round((rand() - 0.5) * 127324) * Math.PI) / 2) * (1 + (rand() - 0.5) * 1e-12);
  else if (fn === 'log1p')
    x[i] =
      u < 0.3
        ? (rand() - 0.5) * 2 ** (-rand() * 60)
        : u < 0.5
          ? -rand()
          : u < 0.8
            ? rand() * 10 ** (rand() * 10)
            : (rand() - 0.5) * 2 ** -8;
  else if (fn === 'expm1')
    x[i] =
      u < 0.3
        ? (rand() - 0.5) * 2 ** (-rand() * 60)
        : u < 0.5
          ? (rand() - 0.5) * 2 ** -5
          : u < 0.9
            ? (rand() - 0.5) * 100
            : (rand() - 0.5) * 1500;
  else if (fn === 'exp')
    x[i] = u < 0.8 ? (rand() - 0.5) * 1500 : (rand() - 0.5) * 2 ** (-rand() * 60);
  else {
    const b = new DataView(new ArrayBuffer(8));
    b.setUint32(0, Math.floor(rand() * 0x7ff00000));
    b.setUint32(4, Math.floor(rand() * 2 ** 32));
    x[i] =
      u < 0.5 ? b.getFloat64(0) : u < 0.9 ? rand() * 4 : 1 + (rand() - 0.5) * 2 ** (-rand() * 40);
  }
  y[i] = f(x[i]!);
}
writeFileSync('/tmp/m_in.bin', x);
writeFileSync('/tmp/m_out.bin', y);
