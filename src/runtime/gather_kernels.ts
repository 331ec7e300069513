/**
 * Gather/scatter and boolean-mask compaction kernels over byte pointers into linear memory: the
 * TypeScript reference (and the TS backend's fast path) for native/gather.ts, with the same
 * arguments. Elements are copied as 1/2/4/8-byte words (dtype-agnostic: `z` is the itemsize);
 * index arrays may hold any integer dtype or integral float64 (`IndexType`).
 *
 * Gathers/scatters map each index into [0, size) (negative ones wrap once, as NumPy) and return
 * the position of the first out-of-bounds one, or -1; a scatter checks every index before it
 * writes. Pointers/strides are bytes and multiples of the itemsizes involved (as every array's
 * are). Indexing (src/runtime/indexing.ts) calls `gatherKernels()`: the WASM module's when the
 * native backend is installed (src/runtime/wasm/gather.ts), else these.
 */
import { wasmMemory } from './memory';

export type IndexType = 'i8' | 'u8' | 'i16' | 'u16' | 'i32' | 'u32' | 'i64' | 'u64' | 'f64';
export type ItemSize = 1 | 2 | 4 | 8;

export interface GatherKernels {
  /** dst[k] = src[idx[k]] for k < n; returns -1 or the first bad position. */
  gather(
    z: ItemSize,
    it: IndexType,
    n: number,
    src: number,
    ss: number,
    size: number,
    idx: number,
    is: number,
    dst: number,
    ds: number,
  ): number;
  /** Contiguous rows of rowBytes: dst row k = src row idx[k] (row stride rs). */
  gatherRows(
    it: 'i32' | 'i64' | 'f64',
    n: number,
    src: number,
    rs: number,
    size: number,
    idx: number,
    is: number,
    dst: number,
    rowBytes: number,
  ): number;
  /** dst[idx[k]] = src[k] (ss 0 broadcasts); every index is checked before any write. */
  scatter(
    z: ItemSize,
    it: 'i32' | 'i64',
    n: number,
    dst: number,
    ds: number,
    size: number,
    idx: number,
    is: number,
    src: number,
    ss: number,
  ): number;
  /** Number of nonzero mask bytes. */
  maskCount(n: number, m: number, ms: number): number;
  /** dst[j++] = src[i] where mask[i] (dst contiguous); returns j. */
  compress(
    z: ItemSize,
    n: number,
    src: number,
    ss: number,
    m: number,
    ms: number,
    dst: number,
  ): number;
  /** Rows of rowBytes (stride rs) where mask[i], packed into dst; returns the count. */
  compressRows(
    n: number,
    src: number,
    rs: number,
    m: number,
    ms: number,
    dst: number,
    rowBytes: number,
  ): number;
  /** dst[i] = src[j++] where mask[i] (ss 0 broadcasts); returns j. */
  maskScatter(
    z: ItemSize,
    n: number,
    dst: number,
    ds: number,
    m: number,
    ms: number,
    src: number,
    ss: number,
  ): number;
  /** out[j++] = base + i (float64, or int64 when wide) where mask[i]; returns j. */
  maskIndices(n: number, m: number, ms: number, base: number, out: number, wide: boolean): number;
  /**
   * offs[k] += wrap(idx[k]) · stride for k < n (offs: contiguous float64 ELEMENT offsets);
   * returns -1 or the first bad position (offsets before it are updated).
   */
  offsets(
    it: IndexType,
    n: number,
    idx: number,
    is: number,
    size: number,
    stride: number,
    offs: number,
  ): number;
  /** dst[k] = src[offs[k]] (src: a buffer's byte address; offsets in elements). */
  gatherOffs(z: ItemSize, n: number, src: number, offs: number, dst: number, ds: number): void;
  /** For k < nb: m elements at src[offs[k]] (byte stride ss) to dst + k·db (byte stride ds). */
  gatherSub(
    z: ItemSize,
    nb: number,
    src: number,
    offs: number,
    dst: number,
    db: number,
    m: number,
    ss: number,
    ds: number,
  ): void;
}

interface Views {
  buf: ArrayBuffer;
  u8: Uint8Array;
  i8: Int8Array;
  u16: Uint16Array;
  i16: Int16Array;
  u32: Uint32Array;
  i32: Int32Array;
  f64: Float64Array;
}

function makeViews(buf: ArrayBuffer): Views {
  return {
    buf,
    u8: new Uint8Array(buf),
    i8: new Int8Array(buf),
    u16: new Uint16Array(buf),
    i16: new Int16Array(buf),
    u32: new Uint32Array(buf),
    i32: new Int32Array(buf),
    f64: new Float64Array(buf),
  };
}

type Word = Uint8Array | Uint16Array | Uint32Array | Float64Array;

/** Element words of itemsize z (8-byte words move as float64 bit patterns: copies, no arithmetic). */
function word(v: Views, z: ItemSize): Word {
  return z === 1 ? v.u8 : z === 2 ? v.u16 : z === 4 ? v.u32 : v.f64;
}

const TWO32 = 4294967296;

/** Reads the index at byte address p as a number (int64 beyond 2^53 rounds: still out of bounds). */
function reader(v: Views, it: IndexType): (p: number) => number {
  switch (it) {
    case 'i8':
      return (p) => v.i8[p] as number;
    case 'u8':
      return (p) => v.u8[p] as number;
    case 'i16':
      return (p) => v.i16[p >> 1] as number;
    case 'u16':
      return (p) => v.u16[p >> 1] as number;
    case 'i32':
      return (p) => v.i32[p >> 2] as number;
    case 'u32':
      return (p) => v.u32[p >> 2] as number;
    case 'i64':
    case 'u64': // read as int64, as NumPy casts index arrays to intp (2**64-1 is -1)
      return (p) => (v.i32[(p >> 2) + 1] as number) * TWO32 + (v.u32[p >> 2] as number);
    case 'f64':
      return (p) => v.f64[p >> 3] as number;
  }
}

/** TS kernels over the memory `buffer()` returns (re-derived whenever it changes). */
export function tsGatherKernels(buffer: () => ArrayBuffer): GatherKernels {
  let views: Views | null = null;
  const V = (): Views => {
    const b = buffer();
    if (views === null || views.buf !== b) views = makeViews(b);
    return views;
  };
  const shift = (z: number): number => (z === 1 ? 0 : z === 2 ? 1 : z === 4 ? 2 : 3);
  return {
    gather(z, it, n, src, ss, size, idx, is, dst, ds) {
      const v = V();
      const w = word(v, z);
      const sh = shift(z);
      const s = src >> sh;
      const sst = ss / z;
      let d = dst >> sh;
      const dst_ = ds / z;
      // the common case: int64 indices
      if (it === 'i64' || it === 'u64') {
        const x32 = v.i32;
        const xu = v.u32;
        let p = idx >> 2;
        const ps = is >> 2;
        for (let k = 0; k < n; k++, p += ps, d += dst_) {
          const hi = x32[p + 1] as number;
          let i = xu[p] as number;
          if (hi === -1) i -= TWO32;
          else if (hi !== 0) return k;
          if (i < 0) i += size;
          if (i < 0 || i >= size) return k;
          w[d] = w[s + i * sst] as number;
        }
        return -1;
      }
      const read = reader(v, it);
      for (let k = 0; k < n; k++, idx += is, d += dst_) {
        let i = read(idx);
        if (i < 0) i += size;
        if (!(i >= 0 && i < size)) return k;
        w[d] = w[s + i * sst] as number;
      }
      return -1;
    },
    gatherRows(it, n, src, rs, size, idx, is, dst, rowBytes) {
      const v = V();
      const read = reader(v, it);
      for (let k = 0; k < n; k++, idx += is, dst += rowBytes) {
        let i = read(idx);
        if (i < 0) i += size;
        if (!(i >= 0 && i < size)) return k;
        const p = src + i * rs;
        v.u8.copyWithin(dst, p, p + rowBytes);
      }
      return -1;
    },
    scatter(z, it, n, dst, ds, size, idx, is, src, ss) {
      const v = V();
      const read = reader(v, it);
      for (let k = 0, p = idx; k < n; k++, p += is) {
        const i = read(p);
        if (!(i >= -size && i < size)) return k;
      }
      const w = word(v, z);
      const sh = shift(z);
      const d = dst >> sh;
      const dst_ = ds / z;
      let s = src >> sh;
      const sst = ss / z;
      for (let k = 0; k < n; k++, idx += is, s += sst) {
        let i = read(idx);
        if (i < 0) i += size;
        w[d + i * dst_] = w[s] as number;
      }
      return -1;
    },
    maskCount(n, m, ms) {
      const u8 = V().u8;
      let c = 0;
      for (let i = 0; i < n; i++, m += ms) if (u8[m] !== 0) c++;
      return c;
    },
    compress(z, n, src, ss, m, ms, dst) {
      const v = V();
      const u8 = v.u8;
      const w = word(v, z);
      const sh = shift(z);
      let s = src >> sh;
      const sst = ss / z;
      const d0 = dst >> sh;
      let d = d0;
      for (let i = 0; i < n; i++, m += ms, s += sst) if (u8[m] !== 0) w[d++] = w[s] as number;
      return d - d0;
    },
    compressRows(n, src, rs, m, ms, dst, rowBytes) {
      const u8 = V().u8;
      let c = 0;
      for (let i = 0; i < n; i++, m += ms, src += rs) {
        if (u8[m] !== 0) {
          u8.copyWithin(dst, src, src + rowBytes);
          dst += rowBytes;
          c++;
        }
      }
      return c;
    },
    maskScatter(z, n, dst, ds, m, ms, src, ss) {
      const v = V();
      const u8 = v.u8;
      const w = word(v, z);
      const sh = shift(z);
      let d = dst >> sh;
      const dst_ = ds / z;
      let s = src >> sh;
      const sst = ss / z;
      let c = 0;
      for (let i = 0; i < n; i++, m += ms, d += dst_) {
        if (u8[m] !== 0) {
          w[d] = w[s] as number;
          s += sst;
          c++;
        }
      }
      return c;
    },
    maskIndices(n, m, ms, base, out, wide) {
      const v = V();
      const u8 = v.u8;
      let o = out >> 3;
      let c = 0;
      for (let i = 0; i < n; i++, m += ms) {
        if (u8[m] === 0) continue;
        const x = base + i;
        if (wide) {
          v.u32[2 * o] = x % TWO32;
          v.u32[2 * o + 1] = Math.floor(x / TWO32);
        } else v.f64[o] = x;
        o++;
        c++;
      }
      return c;
    },
    offsets(it, n, idx, is, size, stride, offs) {
      const v = V();
      const read = reader(v, it);
      const F = v.f64;
      let o = offs >> 3;
      for (let k = 0; k < n; k++, idx += is, o++) {
        let i = read(idx);
        if (i < 0) i += size;
        if (!(i >= 0 && i < size)) return k;
        F[o] = (F[o] as number) + i * stride;
      }
      return -1;
    },
    gatherOffs(z, n, src, offs, dst, ds) {
      const v = V();
      const w = word(v, z);
      const F = v.f64;
      const sh = shift(z);
      const s = src >> sh;
      let d = dst >> sh;
      const dst_ = ds / z;
      let o = offs >> 3;
      for (let k = 0; k < n; k++, o++, d += dst_) w[d] = w[s + (F[o] as number)] as number;
    },
    gatherSub(z, nb, src, offs, dst, db, m, ss, ds) {
      const v = V();
      const w = word(v, z);
      const F = v.f64;
      const sh = shift(z);
      const s0 = src >> sh;
      const sst = ss / z;
      const dst_ = ds / z;
      let o = offs >> 3;
      for (let k = 0; k < nb; k++, o++) {
        let s = s0 + (F[o] as number);
        let d = (dst + k * db) >> sh;
        for (let j = 0; j < m; j++, s += sst, d += dst_) w[d] = w[s] as number;
      }
    },
  };
}

const tsKernels = tsGatherKernels(() => wasmMemory().buffer);
let active: GatherKernels = tsKernels;

/** The kernels indexing uses (the native backend's when installed). */
export function gatherKernels(): GatherKernels {
  return active;
}

/** Installs the native kernels (null: back to the TS reference). */
export function setGatherKernels(k: GatherKernels | null): void {
  active = k ?? tsKernels;
}
