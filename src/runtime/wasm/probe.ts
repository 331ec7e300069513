/**
 * Feature probe: which WebAssembly SIMD level this engine accepts, by `WebAssembly.validate` on
 * tiny hand-assembled modules (no instantiation, no flags).
 */

// (module (func (result v128) v128.const i64x2 0 0)) with SIMD opcodes
const SIMD = new Uint8Array([
  0x00,
  0x61,
  0x73,
  0x6d,
  0x01,
  0x00,
  0x00,
  0x00, // magic, version
  0x01,
  0x05,
  0x01,
  0x60,
  0x00,
  0x01,
  0x7b, // type: () -> v128
  0x03,
  0x02,
  0x01,
  0x00, // func 0: type 0
  0x0a,
  0x16,
  0x01,
  0x14,
  0x00, // code: 1 body, 20 bytes, no locals
  0xfd,
  0x0c,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0, // v128.const
  0x0b,
]);

// (func (result v128) v128.const 0; v128.const 0; v128.const 0; f64x2.relaxed_madd)
export function relaxedModule(): Uint8Array {
  const c = [0xfd, 0x0c, ...new Array<number>(16).fill(0)];
  const body = [0x00, ...c, ...c, ...c, 0xfd, 0x87, 0x02, 0x0b]; // relaxed_madd f64x2 = 0x107
  return new Uint8Array([
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00,
    0x01,
    0x05,
    0x01,
    0x60,
    0x00,
    0x01,
    0x7b,
    0x03,
    0x02,
    0x01,
    0x00,
    0x0a,
    body.length + 2,
    0x01,
    body.length,
    ...body,
  ]);
}

export type SimdLevel = 'relaxed-simd' | 'simd128' | 'none';

let cached: SimdLevel | null = null;

export function simdLevel(): SimdLevel {
  if (cached !== null) return cached;
  let level: SimdLevel = 'none';
  try {
    if (typeof WebAssembly === 'object' && WebAssembly.validate(SIMD)) {
      level = WebAssembly.validate(relaxedModule()) ? 'relaxed-simd' : 'simd128';
    }
  } catch {
    level = 'none';
  }
  cached = level;
  return level;
}
