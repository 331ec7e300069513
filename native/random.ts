// PCG64 (XSL-RR 128/64) raw draws for src/runtime/random/pcg64.ts, bit-identical to NumPy's
// `pcg64_next64`: the 128-bit LCG state = state * MULT + inc (mod 2**128), then
// rotr64(hi64 ^ lo64, state >> 122). The generator's words at `st` (u64 each, little-endian):
// state low, state high, inc low, inc high; the state is advanced in place by `n` draws, which
// are written as u64 at `out`.

// PCG_DEFAULT_MULTIPLIER_128 = 0x2360ED051FC65DA4_4385DF649FCCF645
const MLO: u64 = 0x4385df649fccf645;
const MHI: u64 = 0x2360ed051fc65da4;

// @ts-ignore: decorator
@inline function mulhi(a: u64, b: u64): u64 {
  const a0 = a & 0xffffffff;
  const a1 = a >> 32;
  const b0 = b & 0xffffffff;
  const b1 = b >> 32;
  const p00 = a0 * b0;
  const p01 = a0 * b1;
  const p10 = a1 * b0;
  const mid = (p00 >> 32) + (p01 & 0xffffffff) + (p10 & 0xffffffff);
  return a1 * b1 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
}

export function pcg64_raw(st: usize, out: usize, n: i32): void {
  let lo = load<u64>(st);
  let hi = load<u64>(st, 8);
  const ilo = load<u64>(st, 16);
  const ihi = load<u64>(st, 24);
  for (let i = 0; i < n; i++) {
    const plo = lo * MLO;
    const phi = mulhi(lo, MLO) + lo * MHI + hi * MLO;
    const slo = plo + ilo;
    hi = phi + ihi + (slo < plo ? 1 : 0);
    lo = slo;
    store<u64>(out + (<usize>i << 3), rotr<u64>(hi ^ lo, hi >> 58));
  }
  store<u64>(st, lo);
  store<u64>(st, hi, 8);
}
