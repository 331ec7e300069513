/**
 * Feature probe: which WebAssembly SIMD level this engine accepts, by `WebAssembly.validate` on
 * tiny hand-assembled modules (no flags), and whether its `f64x2.relaxed_madd` fuses (one tiny
 * module instantiated and run once): the relaxed-SIMD build's exp/log kernels rely on a fused
 * multiply-add for their accuracy (native/math.ts), so that build is chosen only where it fuses.
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

const f64x2Const = (v: number): number[] => [
  0xfd,
  0x0c,
  ...new Uint8Array(new Float64Array([v, v]).buffer),
];

/**
 * (func (export "f") (result f64)) returning lane 0 of a·b + c for a = 1 + 2^-30, b = 1 − 2^-30,
 * c = −1: a·b = 1 − 2^-60 exactly, so a fused multiply-add gives −2^-60 and a multiply rounded
 * before the add gives 0. `op` 'madd' evaluates it with f64x2.relaxed_madd (what the probe
 * runs); 'mul-add' with f64x2.mul then f64x2.add (an engine that does not fuse: for tests).
 */
export function maddModule(op: 'madd' | 'mul-add' = 'madd'): Uint8Array {
  const a = f64x2Const(1 + 2 ** -30);
  const b = f64x2Const(1 - 2 ** -30);
  const c = f64x2Const(-1);
  const expr =
    op === 'madd'
      ? [...a, ...b, ...c, 0xfd, 0x87, 0x02] // f64x2.relaxed_madd = 0x107
      : [...a, ...b, 0xfd, 0xf2, 0x01, ...c, 0xfd, 0xf0, 0x01]; // f64x2.mul 0xf2, f64x2.add 0xf0
  const body = [0x00, ...expr, 0xfd, 0x21, 0x00, 0x0b]; // f64x2.extract_lane 0
  return new Uint8Array([
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
    0x7c, // type: () -> f64
    0x03,
    0x02,
    0x01,
    0x00, // func 0: type 0
    0x07,
    0x05,
    0x01,
    0x01,
    0x66,
    0x00,
    0x00, // export "f" = func 0
    0x0a,
    body.length + 2,
    0x01,
    body.length,
    ...body,
  ]);
}

/** Whether the module `bytes` (maddModule's shape) runs and returns the fused result −2^-60. */
export function maddFuses(bytes: Uint8Array = maddModule()): boolean {
  try {
    const inst = new WebAssembly.Instance(new WebAssembly.Module(bytes));
    return (inst.exports.f as () => number)() === -(2 ** -60);
  } catch {
    return false;
  }
}

export type SimdLevel = 'relaxed-simd' | 'simd128' | 'none';

/**
 * The level from the probes: 'relaxed-simd' needs relaxed SIMD to validate AND its madd to fuse
 * (asked only then); an engine whose relaxed_madd rounds the product gets the plain build.
 */
export function decideLevel(
  simd: boolean,
  relaxedValidates: boolean,
  fuses: () => boolean,
): SimdLevel {
  if (!simd) return 'none';
  return relaxedValidates && fuses() ? 'relaxed-simd' : 'simd128';
}

let cached: SimdLevel | null = null;

export function simdLevel(): SimdLevel {
  if (cached !== null) return cached;
  let level: SimdLevel = 'none';
  try {
    if (typeof WebAssembly === 'object') {
      level = decideLevel(WebAssembly.validate(SIMD), WebAssembly.validate(relaxedModule()), () =>
        maddFuses(),
      );
    }
  } catch {
    level = 'none';
  }
  cached = level;
  return level;
}
