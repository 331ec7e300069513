/**
 * NumPy's distribution kernels (numpy/random/src/distributions), re-expressed over `BitGen`:
 * the 256-level ziggurat normal and exponential (float64 and float32 flavours), the legacy polar
 * Gaussian, and bounded integers (Lemire's multiply-shift and the masked rejection sampler, with
 * NumPy's buffered 8/16/1-bit draws from 32-bit words).
 */
import type { BitGen } from './bitgen';
import { nextFloat } from './bitgen';
import { logLibm } from './libmlog';
import { log1pLibm, log1pfLibm } from './libmlog1p';
import {
  fe_double,
  fe_float,
  fi_double,
  fi_float,
  ke_double,
  ke_float,
  ki_double,
  ki_float,
  we_double,
  we_float,
  wi_double,
  wi_float,
} from './ziggurat_tables';

// numpy's constants, as the doubles its C literals round to
const ZIGGURAT_NOR_R = 3.654152885361009; // 3.6541528853610087963519472518
const ZIGGURAT_NOR_INV_R = 0.27366123732975828; // 1 / ziggurat_nor_r
const ZIGGURAT_EXP_R = 7.69711747013105; // 7.6971174701310497140446280481
const f32 = Math.fround;
const ZIGGURAT_NOR_R_F = f32(ZIGGURAT_NOR_R);
const ZIGGURAT_NOR_INV_R_F = f32(ZIGGURAT_NOR_INV_R);
const ZIGGURAT_EXP_R_F = f32(ZIGGURAT_EXP_R);

/** `random_standard_normal`: 64-bit draw r = [52-bit rabs | sign | 8-bit idx]. */
export function standardNormal(g: BitGen): number {
  for (;;) {
    g.next64();
    const lo = g.lo;
    const hi = g.hi;
    const idx = lo & 0xff;
    const sign = (lo >>> 8) & 1;
    // rabs = (r >> 9) & (2**52 - 1)
    const rabs = (hi & 0x1fffffff) * 8388608 + (lo >>> 9);
    let x = rabs * wi_double[idx]!;
    if (sign) x = -x;
    if (rabs < ki_double[idx]!) return x;
    if (idx === 0) {
      for (;;) {
        const xx = -ZIGGURAT_NOR_INV_R * log1pLibm(-g.nextDouble());
        const yy = -log1pLibm(-g.nextDouble());
        if (yy + yy > xx * xx) {
          return (lo >>> 17) & 1 ? -(ZIGGURAT_NOR_R + xx) : ZIGGURAT_NOR_R + xx;
        }
      }
    } else if (
      (fi_double[idx - 1]! - fi_double[idx]!) * g.nextDouble() + fi_double[idx]! <
      Math.exp(-0.5 * x * x)
    ) {
      return x;
    }
  }
}

/** `random_standard_normal_f`: 32-bit draw r = [23-bit rabs | sign | 8-bit idx], float math. */
export function standardNormalF(g: BitGen): number {
  for (;;) {
    const r = g.next32();
    const idx = r & 0xff;
    const sign = (r >>> 8) & 1;
    const rabs = (r >>> 9) & 0x7fffff;
    let x = f32(rabs * wi_float[idx]!);
    if (sign) x = -x;
    if (rabs < ki_float[idx]!) return x;
    if (idx === 0) {
      for (;;) {
        const xx = f32(-ZIGGURAT_NOR_INV_R_F * log1pfLibm(-nextFloat(g)));
        const yy = f32(-log1pfLibm(-nextFloat(g)));
        if (f32(yy + yy) > f32(xx * xx)) {
          return (rabs >>> 8) & 1 ? -f32(ZIGGURAT_NOR_R_F + xx) : f32(ZIGGURAT_NOR_R_F + xx);
        }
      }
    } else if (
      f32(f32(f32(fi_float[idx - 1]! - fi_float[idx]!) * nextFloat(g)) + fi_float[idx]!) <
      Math.exp(-0.5 * x * x)
    ) {
      return x;
    }
  }
}

/** `random_standard_exponential` (ziggurat): ri = next64 >> 3; idx = ri & 0xff; ri >>= 8. */
export function standardExponential(g: BitGen): number {
  for (;;) {
    g.next64();
    const idx = (g.lo >>> 3) & 0xff;
    // ri = next64 >> 11 (53 bits)
    const ri = g.hi * 2097152 + (g.lo >>> 11);
    const x = ri * we_double[idx]!;
    if (ri < ke_double[idx]!) return x;
    if (idx === 0) return ZIGGURAT_EXP_R - log1pLibm(-g.nextDouble());
    if ((fe_double[idx - 1]! - fe_double[idx]!) * g.nextDouble() + fe_double[idx]! < Math.exp(-x))
      return x;
  }
}

/** `random_standard_exponential_f` (ziggurat, float32). */
export function standardExponentialF(g: BitGen): number {
  for (;;) {
    const r = g.next32() >>> 1;
    const idx = r & 0xff;
    const ri = r >>> 8;
    const x = f32(ri * we_float[idx]!);
    if (ri < ke_float[idx]!) return x;
    if (idx === 0) return f32(ZIGGURAT_EXP_R_F - log1pfLibm(-nextFloat(g)));
    if (
      f32(f32(f32(fe_float[idx - 1]! - fe_float[idx]!) * nextFloat(g)) + fe_float[idx]!) <
      f32(Math.exp(-x))
    )
      return x;
  }
}

/** The legacy polar Box–Muller Gaussian with its cached second value (RandomState). */
export class LegacyGauss {
  hasGauss = false;
  gauss = 0;
  next(g: BitGen): number {
    if (this.hasGauss) {
      this.hasGauss = false;
      const t = this.gauss;
      this.gauss = 0;
      return t;
    }
    let x1: number, x2: number, r2: number;
    do {
      x1 = 2.0 * g.nextDouble() - 1.0;
      x2 = 2.0 * g.nextDouble() - 1.0;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1.0 || r2 === 0.0);
    const f = Math.sqrt((-2.0 * logLibm(r2)) / r2);
    this.gauss = f * x1;
    this.hasGauss = true;
    return f * x2;
  }
}

/** Smallest all-ones mask ≥ max (numpy's `gen_mask`), for values < 2**32. */
export function genMask32(max: number): number {
  let m = max >>> 0;
  m |= m >>> 1;
  m |= m >>> 2;
  m |= m >>> 4;
  m |= m >>> 8;
  m |= m >>> 16;
  return m >>> 0;
}

export function genMask64(max: bigint): bigint {
  let m = max;
  for (const s of [1n, 2n, 4n, 8n, 16n, 32n]) m |= m >> s;
  return m;
}

/** High 32 bits of the 64-bit product of two uint32 (exact, no BigInt). */
function mulHi32(x: number, y: number): number {
  const xl = x & 0xffff;
  const xh = x >>> 16;
  const t = xl * y;
  const u = xh * y + Math.floor(t / 65536);
  return Math.floor(u / 65536);
}

/**
 * Bounded draws in [0, rng] for ≤ 32-bit dtypes with NumPy's 8/16/1-bit buffering: one
 * instance per fill (the buffer persists across elements, as numpy's `bcnt`/`buf`).
 */
export class Bounded32 {
  private bcnt = 0;
  private buf = 0;
  constructor(
    private readonly g: BitGen,
    private readonly bits: 1 | 8 | 16 | 32,
    private readonly masked: boolean,
  ) {}

  private buffered(): number {
    const g = this.g;
    if (this.bits === 8) {
      if (!this.bcnt) {
        this.buf = g.next32();
        this.bcnt = 3;
      } else {
        this.buf >>>= 8;
        this.bcnt -= 1;
      }
      return this.buf & 0xff;
    }
    if (!this.bcnt) {
      this.buf = g.next32();
      this.bcnt = 1;
    } else {
      this.buf >>>= 16;
      this.bcnt -= 1;
    }
    return this.buf & 0xffff;
  }

  /** A value in [0, rng] (rng within the dtype's unsigned range). */
  draw(rng: number, mask: number): number {
    if (rng === 0) return 0;
    const g = this.g;
    switch (this.bits) {
      case 1: {
        if (!this.bcnt) {
          this.buf = g.next32();
          this.bcnt = 31;
        } else {
          this.buf >>>= 1;
          this.bcnt -= 1;
        }
        return this.buf & 1;
      }
      case 8:
      case 16: {
        const full = this.bits === 8 ? 0xff : 0xffff;
        if (rng === full) return this.buffered();
        if (this.masked) {
          let v: number;
          while ((v = this.buffered() & mask) > rng);
          return v;
        }
        const excl = rng + 1;
        let m = this.buffered() * excl;
        let left = m & full;
        if (left < excl) {
          const threshold = (full - rng) % excl;
          while (left < threshold) {
            m = this.buffered() * excl;
            left = m & full;
          }
        }
        return this.bits === 8 ? m >>> 8 : m >>> 16;
      }
      default: {
        if (rng === 0xffffffff) return g.next32();
        if (this.masked) {
          let v: number;
          while ((v = (g.next32() & mask) >>> 0) > rng);
          return v;
        }
        return lemire32(g, rng);
      }
    }
  }
}

function lemire32(g: BitGen, rng: number): number {
  const excl = rng + 1;
  let x = g.next32();
  let left = Math.imul(x, excl) >>> 0;
  if (left < excl) {
    const threshold = (0xffffffff - rng) % excl;
    while (left < threshold) {
      x = g.next32();
      left = Math.imul(x, excl) >>> 0;
    }
  }
  return mulHi32(x, excl);
}

const U64 = (1n << 64n) - 1n;

/**
 * `random_bounded_uint64(off=0, rng, mask, use_masked)`: a value in [0, rng] as a bigint
 * (32-bit draws when rng < 2**32, as numpy).
 */
export function bounded64(g: BitGen, rng: bigint, mask: bigint, masked: boolean): bigint {
  if (rng === 0n) return 0n;
  if (rng <= 0xffffffffn) {
    const r = Number(rng);
    if (r === 0xffffffff) return BigInt(g.next32());
    if (masked) {
      const m = Number(mask);
      let v: number;
      while ((v = (g.next32() & m) >>> 0) > r);
      return BigInt(v);
    }
    return BigInt(lemire32(g, r));
  }
  if (rng === U64) {
    g.next64();
    return (BigInt(g.hi) << 32n) | BigInt(g.lo);
  }
  if (masked) {
    let v: bigint;
    do {
      g.next64();
      v = ((BigInt(g.hi) << 32n) | BigInt(g.lo)) & mask;
    } while (v > rng);
    return v;
  }
  const excl = rng + 1n;
  g.next64();
  let m = ((BigInt(g.hi) << 32n) | BigInt(g.lo)) * excl;
  let left = m & U64;
  if (left < excl) {
    const threshold = (U64 - rng) % excl;
    while (left < threshold) {
      g.next64();
      m = ((BigInt(g.hi) << 32n) | BigInt(g.lo)) * excl;
      left = m & U64;
    }
  }
  return m >> 64n;
}

/** Fast path of `bounded64` for rng < 2**32 returning a number. */
export function bounded64Small(g: BitGen, rng: number, mask: number, masked: boolean): number {
  if (rng === 0) return 0;
  if (rng === 0xffffffff) return g.next32();
  if (masked) {
    let v: number;
    while ((v = (g.next32() & mask) >>> 0) > rng);
    return v;
  }
  return lemire32(g, rng);
}

/** `random_interval(max)`: masked rejection in [0, max] (shuffles use it). */
export function randomInterval(g: BitGen, max: number): number {
  if (max === 0) return 0;
  if (max <= 0xffffffff) {
    const mask = genMask32(max);
    let v: number;
    while ((v = (g.next32() & mask) >>> 0) > max);
    return v;
  }
  const bmax = BigInt(max);
  const mask = genMask64(bmax);
  let v: bigint;
  do {
    g.next64();
    v = ((BigInt(g.hi) << 32n) | BigInt(g.lo)) & mask;
  } while (v > bmax);
  return Number(v);
}
