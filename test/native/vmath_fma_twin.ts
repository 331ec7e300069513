/**
 * TS twins of the relaxed-SIMD build's exp and log (native/math.ts with ASC_FEATURE_RELAXED_SIMD:
 * fused multiply-adds, loaded only where the engine's relaxed_madd fuses), with an exact fma
 * (BigInt arithmetic, one rounding to nearest-even, subnormal results included): the same
 * operations in the same order, so they give the kernels' bits. Tests only (slow).
 */
import { EXP_TABLE_4096, vexp, vlog } from '../../src/runtime/vmath';
import {
  EXP5_INVLN2N,
  EXP5_LN2N_HI,
  EXP5_LN2N_LO,
  LN2HI,
  LN2LO,
  LOG4_OFF_HI,
  LOG4_POLY,
} from '../../src/runtime/vmath_tables';
import { EXPFMA_POLY, LOGFMA_TABLE } from '../../src/runtime/vmath_tables_fma';

const F = new Float64Array(1);
const U = new BigUint64Array(F.buffer);
const W = new Int32Array(F.buffer);

function decompose(x: number): [bigint, number] {
  F[0] = x;
  const b = U[0]!;
  const E = Number((b >> 52n) & 0x7ffn);
  const frac = b & ((1n << 52n) - 1n);
  const m = E === 0 ? frac : frac | (1n << 52n);
  return [b >> 63n ? -m : m, E === 0 ? -1074 : E - 1075];
}

/** m·2^e rounded to the nearest double (ties to even), subnormals and overflow included. */
function roundToDouble(S: bigint, e: number): number {
  const neg = S < 0n;
  let M = neg ? -S : S;
  const L = M.toString(2).length;
  const shift = Math.max(L - 53, -1074 - e);
  if (shift > 0) {
    const sh = BigInt(shift);
    let q = M >> sh;
    const rem = M - (q << sh);
    const half = 1n << (sh - 1n);
    if (rem > half || (rem === half && (q & 1n) === 1n)) q += 1n;
    M = q;
    e += shift;
  }
  let v = Number(M);
  if (e > 1023) v = v * 2 ** 1023 * 2 ** (e - 1023);
  else v *= 2 ** e;
  return neg ? -v : v;
}

/** fma(a, b, c): a·b + c rounded once. */
export function fmaExact(a: number, b: number, c: number): number {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a * b + c; // the product is ±inf or NaN
  if (!Number.isFinite(c)) return c; // a finite exact product + ±inf (NaN stays NaN)
  if (a === 0 || b === 0) return a * b + c; // the product is an exact ±0
  if (c === 0) return a * b; // one rounding (x + ±0 = x for x ≠ 0)
  const [ma, ea] = decompose(a);
  const [mb, eb] = decompose(b);
  const [mc, ec] = decompose(c);
  const ep = ea + eb;
  const e = Math.min(ep, ec);
  const S = ((ma * mb) << BigInt(ep - e)) + (mc << BigInt(ec - e));
  if (S === 0n) return 0; // exact cancellation: +0 when rounding to nearest
  return roundToDouble(S, e);
}

const SHIFT = 6755399441055744; // 1.5·2^52
const [X2, X3, X4] = EXPFMA_POLY as [number, number, number];
const [L2, L3, L4, L5] = LOG4_POLY as [number, number, number, number];

/** exp(x) as the relaxed-SIMD build computes it (|x| > 700 and NaN: vexp's special path). */
export function vexpFma(x: number): number {
  F[0] = x;
  if ((W[1]! & 0x7fffffff) > 0x4085e000) return vexp(x);
  const kS = fmaExact(EXP5_INVLN2N, x, SHIFT);
  const nkd = SHIFT - kS; // −k, exact
  const r = fmaExact(nkd, EXP5_LN2N_LO, fmaExact(nkd, EXP5_LN2N_HI, x));
  const ki = -nkd;
  const j = ki & 4095;
  const tail = EXP_TABLE_4096[2 * j]!;
  const s = EXP_TABLE_4096[2 * j + 1]! * 2 ** ((ki - j) / 4096);
  let p = fmaExact(r, X4, X3);
  p = fmaExact(r, p, X2);
  p = fmaExact(r, p, 1);
  return fmaExact(s, fmaExact(r, p, tail), s);
}

function logCoreFma(x: number, kAdj: number): number {
  F[0] = x;
  const hx = W[1]!;
  const tmp = hx - LOG4_OFF_HI;
  const i = (tmp >> 10) & 1023;
  const k = tmp >> 20;
  W[1] = hx - (k << 20);
  const z = F[0];
  const invc = LOGFMA_TABLE[2 * i]!;
  const lc = LOGFMA_TABLE[2 * i + 1]!;
  const kd = k + kAdj;
  const r = fmaExact(z, invc, -1);
  const w = fmaExact(kd, LN2HI, lc);
  const hi = w + r;
  const lo = fmaExact(kd, LN2LO, w - hi + r);
  const r2 = r * r;
  let p = fmaExact(r, L5, L4);
  p = fmaExact(r, p, L3);
  p = fmaExact(r, p, L2);
  return hi + fmaExact(r2, p, lo);
}

/** log(x) as the relaxed-SIMD build computes it (non-positive, inf, NaN: vlog's answers). */
export function vlogFma(x: number): number {
  if (x >= 2.2250738585072014e-308 && x <= Number.MAX_VALUE) return logCoreFma(x, 0);
  if (!(x > 0) || x === Infinity) return vlog(x);
  return logCoreFma(x * 4503599627370496, -52); // subnormal
}
