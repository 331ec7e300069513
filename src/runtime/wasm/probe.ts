/**
 * Feature probe: which WebAssembly SIMD level this engine accepts, by `WebAssembly.validate` on
 * tiny hand-assembled modules (no flags), and whether its `f64x2.relaxed_madd` fuses (one tiny
 * module instantiated and run once): the relaxed-SIMD build's exp/log kernels rely on a fused
 * multiply-add for their accuracy (native/math.ts), so that build is chosen only where it fuses.
 */

/**
 * A module of one function `() -> result` (0x7b v128, 0x7c f64) whose body is `expr` (no locals),
 * exported as "f" when `exported`.
 */
function oneFunction(result: number, expr: readonly number[], exported = false): Uint8Array {
  const body = [0x00, ...expr, 0x0b]; // no locals, expr, end
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00], // magic, version
    ...[0x01, 0x05, 0x01, 0x60, 0x00, 0x01, result], // type 0: () -> result
    ...[0x03, 0x02, 0x01, 0x00], // func 0: type 0
    ...(exported ? [0x07, 0x05, 0x01, 0x01, 0x66, 0x00, 0x00] : []), // export "f" = func 0
    ...[0x0a, body.length + 2, 0x01, body.length, ...body], // code: 1 body
  ]);
}

const v128Const = (bytes: readonly number[]): number[] => [0xfd, 0x0c, ...bytes];
const f64x2Const = (v: number): number[] =>
  v128Const([...new Uint8Array(new Float64Array([v, v]).buffer)]);
const ZERO = new Array<number>(16).fill(0);

// (func (result v128) v128.const i64x2 0 0): SIMD opcodes
const SIMD = oneFunction(0x7b, v128Const(ZERO));

// (func (result v128) v128.const 0; v128.const 0; v128.const 0; f64x2.relaxed_madd)
export function relaxedModule(): Uint8Array {
  const c = v128Const(ZERO);
  return oneFunction(0x7b, [...c, ...c, ...c, 0xfd, 0x87, 0x02]); // relaxed_madd f64x2 = 0x107
}

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
  return oneFunction(0x7c, [...expr, 0xfd, 0x21, 0x00], true); // f64x2.extract_lane 0
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
