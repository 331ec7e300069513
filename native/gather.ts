// Fancy-index gathers/scatters and boolean-mask compaction (a[idx], a[mask], a[idx] = v,
// a[mask] = v, nonzero). Dtype-agnostic: elements are copied as 1/2/4/8-byte words (`_Z`
// suffix = itemsize) or as whole rows of bytes (`_rows`). Index arrays may be any integer dtype
// (`_I` suffix: i8 u8 i16 u16 i32 u32 i64 u64) or integral float64 (internal). Pointers and
// strides are BYTES; sizes are u32 (wasm32 arrays hold < 2^32 elements).
//
// Gathers/scatters check every index against `size` (negative ones wrap once, as NumPy) and
// return the position of the first bad one (-1 when all are good); a scatter checks all of them
// before it writes anything. The TS twin is src/runtime/gather.ts; test/native/gather.test.ts
// compares them byte for byte.

// ---- index loading ---------------------------------------------------------------------------

// Loads index `p` as an i64 and maps it into [0, size); returns -1 when out of bounds.
// @ts-ignore: decorator
@inline function fix<I>(p: usize, size: i64): i64 {
  let v: i64;
  if (isFloat<I>()) {
    v = <i64>load<f64>(p);
  } else if (isSigned<I>()) {
    v = <i64>load<I>(p);
  } else {
    // u64 reads as i64 (NumPy casts index arrays to intp: 2**64-1 is -1)
    v = <i64>load<I>(p);
  }
  if (v < 0) v += size;
  return <u64>v < <u64>size ? v : -1;
}

// ---- gathers --------------------------------------------------------------------------------

// dst[k] = src[idx[k]] (element copies of T). Returns -1, or the first bad position.
// @ts-ignore: decorator
@inline function gather<T, I>(
  n: i32, src: usize, ss: isize, size: u32, idx: usize, is: isize, dst: usize, ds: isize,
): i32 {
  const sz = <i64>size;
  let k = 0;
  for (; k + 2 <= n; k += 2) {
    const a = fix<I>(idx, sz);
    const b = fix<I>(idx + is, sz);
    if ((a | b) < 0) break;
    const x = load<T>(src + <isize>a * ss);
    const y = load<T>(src + <isize>b * ss);
    store<T>(dst, x);
    store<T>(dst + ds, y);
    idx += 2 * is;
    dst += 2 * ds;
  }
  for (; k < n; k++) {
    const a = fix<I>(idx, sz);
    if (a < 0) return k;
    store<T>(dst, load<T>(src + <isize>a * ss));
    idx += is;
    dst += ds;
  }
  return -1;
}

// dst rows (rowBytes each, contiguous) = src rows idx[k] (row stride rs). Returns -1 or bad k.
// @ts-ignore: decorator
@inline function gatherRows<I>(
  n: i32, src: usize, rs: isize, size: u32, idx: usize, is: isize, dst: usize, rowBytes: u32,
): i32 {
  const sz = <i64>size;
  for (let k = 0; k < n; k++) {
    const a = fix<I>(idx, sz);
    if (a < 0) return k;
    memory.copy(dst, src + <isize>a * rs, rowBytes);
    idx += is;
    dst += rowBytes;
  }
  return -1;
}

// First bad position of an index array (-1: all good).
// @ts-ignore: decorator
@inline function check<I>(n: i32, size: u32, idx: usize, is: isize): i32 {
  const sz = <i64>size;
  for (let k = 0; k < n; k++) {
    if (fix<I>(idx, sz) < 0) return k;
    idx += is;
  }
  return -1;
}

// dst[idx[k]] = src[k] (src stride 0 broadcasts one value); all indices are checked first.
// @ts-ignore: decorator
@inline function scatter<T, I>(
  n: i32, dst: usize, ds: isize, size: u32, idx: usize, is: isize, src: usize, ss: isize,
): i32 {
  const bad = check<I>(n, size, idx, is);
  if (bad >= 0) return bad;
  const sz = <i64>size;
  for (let k = 0; k < n; k++) {
    const a = fix<I>(idx, sz);
    store<T>(dst + <isize>a * ds, load<T>(src));
    idx += is;
    src += ss;
  }
  return -1;
}

// ---- boolean masks ---------------------------------------------------------------------------

/** Number of nonzero bytes among n mask bytes at byte stride ms. */
export function mask_count(n: i32, m: usize, ms: isize): i32 {
  let c = 0;
  let i = 0;
  if (ms == 1) {
    const z = i8x16.splat(0);
    for (; i + 64 <= n; i += 64) {
      const a = i8x16.bitmask(i8x16.ne(v128.load(m), z));
      const b = i8x16.bitmask(i8x16.ne(v128.load(m, 16), z));
      const d = i8x16.bitmask(i8x16.ne(v128.load(m, 32), z));
      const e = i8x16.bitmask(i8x16.ne(v128.load(m, 48), z));
      c += <i32>popcnt<u64>(<u64>a | (<u64>b << 16) | (<u64>d << 32) | (<u64>e << 48));
      m += 64;
    }
    for (; i + 16 <= n; i += 16) {
      c += popcnt<i32>(i8x16.bitmask(i8x16.ne(v128.load(m), z)));
      m += 16;
    }
  }
  for (; i < n; i++) {
    c += <i32>(load<u8>(m) != 0);
    m += ms;
  }
  return c;
}

// dst[j++] = src[i] for every i with mask[i] != 0 (dst contiguous). Returns j.
// @ts-ignore: decorator
@inline function compress<T>(n: i32, src: usize, ss: isize, m: usize, ms: isize, dst: usize): i32 {
  const d0 = dst;
  const z = <usize>sizeof<T>();
  let i = 0;
  if (ms == 1) {
    const zero = i8x16.splat(0);
    for (; i + 16 <= n; i += 16) {
      let bits = i8x16.bitmask(i8x16.ne(v128.load(m), zero));
      if (bits == 0xffff) {
        if (ss == <isize>z) {
          memory.copy(dst, src, 16 * z);
        } else {
          let s = src;
          for (let j = 0; j < 16; j++) {
            store<T>(dst + <usize>j * z, load<T>(s));
            s += ss;
          }
        }
        dst += 16 * z;
      } else {
        while (bits != 0) {
          const t = ctz(bits);
          store<T>(dst, load<T>(src + <isize>t * ss));
          dst += z;
          bits &= bits - 1;
        }
      }
      m += 16;
      src += 16 * ss;
    }
  }
  for (; i < n; i++) {
    if (load<u8>(m) != 0) {
      store<T>(dst, load<T>(src));
      dst += z;
    }
    m += ms;
    src += ss;
  }
  return <i32>((dst - d0) / z);
}

/** Rows of rowBytes (row stride rs) where mask[i] != 0, packed into dst. Returns the count. */
export function compress_rows(n: i32, src: usize, rs: isize, m: usize, ms: isize, dst: usize, rowBytes: u32): i32 {
  let c = 0;
  for (let i = 0; i < n; i++) {
    if (load<u8>(m) != 0) {
      memory.copy(dst, src, rowBytes);
      dst += rowBytes;
      c++;
    }
    m += ms;
    src += rs;
  }
  return c;
}

// dst[i] = src[j++] for every i with mask[i] != 0 (ss 0 broadcasts one value). Returns j.
// @ts-ignore: decorator
@inline function maskScatter<T>(n: i32, dst: usize, ds: isize, m: usize, ms: isize, src: usize, ss: isize): i32 {
  let c = 0;
  let i = 0;
  if (ms == 1) {
    const zero = i8x16.splat(0);
    for (; i + 16 <= n; i += 16) {
      let bits = i8x16.bitmask(i8x16.ne(v128.load(m), zero));
      while (bits != 0) {
        const t = ctz(bits);
        store<T>(dst + <isize>t * ds, load<T>(src));
        src += ss;
        c++;
        bits &= bits - 1;
      }
      m += 16;
      dst += 16 * ds;
    }
  }
  for (; i < n; i++) {
    if (load<u8>(m) != 0) {
      store<T>(dst, load<T>(src));
      src += ss;
      c++;
    }
    m += ms;
    dst += ds;
  }
  return c;
}

// out[j++] = base + i (as T: i64 or f64) for every i with mask[i] != 0. Returns j. Contiguous
// masks go 16 bytes at a time (bitmask + ctz: no per-element branch to mispredict).
// @ts-ignore: decorator
@inline function maskIndices<T>(n: i32, m: usize, ms: isize, base: f64, out: usize): i32 {
  const o0 = out;
  let i = 0;
  if (ms == 1) {
    const zero = i8x16.splat(0);
    for (; i + 16 <= n; i += 16) {
      let bits = i8x16.bitmask(i8x16.ne(v128.load(m), zero));
      while (bits != 0) {
        const t = ctz(bits);
        store<T>(out, <T>(base + <f64>(i + t)));
        out += 8;
        bits &= bits - 1;
      }
      m += 16;
    }
  }
  for (; i < n; i++) {
    if (load<u8>(m) != 0) {
      store<T>(out, <T>(base + <f64>i));
      out += 8;
    }
    m += ms;
  }
  return <i32>((out - o0) >> 3);
}

/** out[j++] = base + i (as int64 when `wide`, else float64) for every i with mask[i] != 0. */
export function mask_indices(n: i32, m: usize, ms: isize, base: f64, out: usize, wide: i32): i32 {
  return wide ? maskIndices<i64>(n, m, ms, base, out) : maskIndices<f64>(n, m, ms, base, out);
}

// ---- exports ---------------------------------------------------------------------------------
// gather_Z_I / scatter_Z_I / gather_rows_I / check_I, Z = itemsize, I = index type.

export function gather_1_i8(n: i32, s: usize, ss: isize, size: u32, x: usize, xs: isize, d: usize, ds: isize): i32 { return gather<u8, i8>(n, s, ss, size, x, xs, d, ds); }
export function gather_1_u8(n: i32, s: usize, ss: isize, size: u32, x: usize, xs: isize, d: usize, ds: isize): i32 { return gather<u8, u8>(n, s, ss, size, x, xs, d, ds); }
export function gather_1_i16(n: i32, s: usize, ss: isize, size: u32, x: usize, xs: isize, d: usize, ds: isize): i32 { return gather<u8, i16>(n, s, ss, size, x, xs, d, ds); }
export function gather_1_u16(n: i32, s: usize, ss: isize, size: u32, x: usize, xs: isize, d: usize, ds: isize): i32 { return gather<u8, u16>(n, s, ss, size, x, xs, d, ds); }
export function gather_1_i32(n: i32, s: usize, ss: isize, size: u32, x: usize, xs: isize, d: usize, ds: isize): i32 { return gather<u8, i32>(n, s, ss, size, x, xs, d, ds); }
export function gather_1_u32(n: i32, s: usize, ss: isize, size: u32, x: usize, xs: isize, d: usize, ds: isize): i32 { return gather<u8, u32>(n, s, ss, size, x, xs, d, ds); }
export function gather_1_i64(n: i32, s: usize, ss: isize, size: u32, x: usize, xs: isize, d: usize, ds: isize): i32 { return gather<u8, i64>(n, s, ss, size, x, xs, d, ds); }
export function gather_1_u64(n: i32, s: usize, ss: isize, size: u32, x: usize, xs: isize, d: usize, ds: isize): i32 { return gather<u8, u64>(n, s, ss, size, x, xs, d, ds); }
export function gather_1_f64(n: i32, s: usize, ss: isize, size: u32, x: usize, xs: isize, d: usize, ds: isize): i32 { return gather<u8, f64>(n, s, ss, size, x, xs, d, ds); }
export function gather_2_i8(n: i32, s: usize, ss: isize, size: u32, x: usize, xs: isize, d: usize, ds: isize): i32 { return gather<u16, i8>(n, s, ss, size, x, xs, d, ds); }
export function gather_2_u8(n: i32, s: usize, ss: isize, size: u32, x: usize, xs: isize, d: usize, ds: isize): i32 { return gather<u16, u8>(n, s, ss, size, x, xs, d, ds); }
export function gather_2_i16(n: i32, s: usize, ss: isize, size: u32, x: usize, xs: isize, d: usize, ds: isize): i32 { return gather<u16, i16>(n, s, ss, size, x, xs, d, ds); }
export function gather_2_u16(n: i32, s: usize, ss: isize, size: u32, x: usize, xs: isize, d: usize, ds: isize): i32 { return gather<u16, u16>(n, s, ss, size, x, xs, d, ds); }
export function gather_2_i32(n: i32, s: usize, ss: isize, size: u32, x: usize, xs: isize, d: usize, ds: isize): i32 { return gather<u16, i32>(n, s, ss, size, x, xs, d, ds); }
export function gather_2_u32(n: i32, s: usize, ss: isize, size: u32, x: usize, xs: isize, d: usize, ds: isize): i32 { return gather<u16, u32>(n, s, ss, size, x, xs, d, ds); }
export function gather_2_i64(n: i32, s: usize, ss: isize, size: u32, x: usize, xs: isize, d: usize, ds: isize): i32 { return gather<u16, i64>(n, s, ss, size, x, xs, d, ds); }
export function gather_2_u64(n: i32, s: usize, ss: isize, size: u32, x: usize, xs: isize, d: usize, ds: isize): i32 { return gather<u16, u64>(n, s, ss, size, x, xs, d, ds); }
export function gather_2_f64(n: i32, s: usize, ss: isize, size: u32, x: usize, xs: isize, d: usize, ds: isize): i32 { return gather<u16, f64>(n, s, ss, size, x, xs, d, ds); }
export function gather_4_i8(n: i32, s: usize, ss: isize, size: u32, x: usize, xs: isize, d: usize, ds: isize): i32 { return gather<u32, i8>(n, s, ss, size, x, xs, d, ds); }
export function gather_4_u8(n: i32, s: usize, ss: isize, size: u32, x: usize, xs: isize, d: usize, ds: isize): i32 { return gather<u32, u8>(n, s, ss, size, x, xs, d, ds); }
export function gather_4_i16(n: i32, s: usize, ss: isize, size: u32, x: usize, xs: isize, d: usize, ds: isize): i32 { return gather<u32, i16>(n, s, ss, size, x, xs, d, ds); }
export function gather_4_u16(n: i32, s: usize, ss: isize, size: u32, x: usize, xs: isize, d: usize, ds: isize): i32 { return gather<u32, u16>(n, s, ss, size, x, xs, d, ds); }
export function gather_4_i32(n: i32, s: usize, ss: isize, size: u32, x: usize, xs: isize, d: usize, ds: isize): i32 { return gather<u32, i32>(n, s, ss, size, x, xs, d, ds); }
export function gather_4_u32(n: i32, s: usize, ss: isize, size: u32, x: usize, xs: isize, d: usize, ds: isize): i32 { return gather<u32, u32>(n, s, ss, size, x, xs, d, ds); }
export function gather_4_i64(n: i32, s: usize, ss: isize, size: u32, x: usize, xs: isize, d: usize, ds: isize): i32 { return gather<u32, i64>(n, s, ss, size, x, xs, d, ds); }
export function gather_4_u64(n: i32, s: usize, ss: isize, size: u32, x: usize, xs: isize, d: usize, ds: isize): i32 { return gather<u32, u64>(n, s, ss, size, x, xs, d, ds); }
export function gather_4_f64(n: i32, s: usize, ss: isize, size: u32, x: usize, xs: isize, d: usize, ds: isize): i32 { return gather<u32, f64>(n, s, ss, size, x, xs, d, ds); }
export function gather_8_i8(n: i32, s: usize, ss: isize, size: u32, x: usize, xs: isize, d: usize, ds: isize): i32 { return gather<u64, i8>(n, s, ss, size, x, xs, d, ds); }
export function gather_8_u8(n: i32, s: usize, ss: isize, size: u32, x: usize, xs: isize, d: usize, ds: isize): i32 { return gather<u64, u8>(n, s, ss, size, x, xs, d, ds); }
export function gather_8_i16(n: i32, s: usize, ss: isize, size: u32, x: usize, xs: isize, d: usize, ds: isize): i32 { return gather<u64, i16>(n, s, ss, size, x, xs, d, ds); }
export function gather_8_u16(n: i32, s: usize, ss: isize, size: u32, x: usize, xs: isize, d: usize, ds: isize): i32 { return gather<u64, u16>(n, s, ss, size, x, xs, d, ds); }
export function gather_8_i32(n: i32, s: usize, ss: isize, size: u32, x: usize, xs: isize, d: usize, ds: isize): i32 { return gather<u64, i32>(n, s, ss, size, x, xs, d, ds); }
export function gather_8_u32(n: i32, s: usize, ss: isize, size: u32, x: usize, xs: isize, d: usize, ds: isize): i32 { return gather<u64, u32>(n, s, ss, size, x, xs, d, ds); }
export function gather_8_i64(n: i32, s: usize, ss: isize, size: u32, x: usize, xs: isize, d: usize, ds: isize): i32 { return gather<u64, i64>(n, s, ss, size, x, xs, d, ds); }
export function gather_8_u64(n: i32, s: usize, ss: isize, size: u32, x: usize, xs: isize, d: usize, ds: isize): i32 { return gather<u64, u64>(n, s, ss, size, x, xs, d, ds); }
export function gather_8_f64(n: i32, s: usize, ss: isize, size: u32, x: usize, xs: isize, d: usize, ds: isize): i32 { return gather<u64, f64>(n, s, ss, size, x, xs, d, ds); }

export function scatter_1_i64(n: i32, d: usize, ds: isize, size: u32, x: usize, xs: isize, s: usize, ss: isize): i32 { return scatter<u8, i64>(n, d, ds, size, x, xs, s, ss); }
export function scatter_2_i64(n: i32, d: usize, ds: isize, size: u32, x: usize, xs: isize, s: usize, ss: isize): i32 { return scatter<u16, i64>(n, d, ds, size, x, xs, s, ss); }
export function scatter_4_i64(n: i32, d: usize, ds: isize, size: u32, x: usize, xs: isize, s: usize, ss: isize): i32 { return scatter<u32, i64>(n, d, ds, size, x, xs, s, ss); }
export function scatter_8_i64(n: i32, d: usize, ds: isize, size: u32, x: usize, xs: isize, s: usize, ss: isize): i32 { return scatter<u64, i64>(n, d, ds, size, x, xs, s, ss); }
export function scatter_1_i32(n: i32, d: usize, ds: isize, size: u32, x: usize, xs: isize, s: usize, ss: isize): i32 { return scatter<u8, i32>(n, d, ds, size, x, xs, s, ss); }
export function scatter_2_i32(n: i32, d: usize, ds: isize, size: u32, x: usize, xs: isize, s: usize, ss: isize): i32 { return scatter<u16, i32>(n, d, ds, size, x, xs, s, ss); }
export function scatter_4_i32(n: i32, d: usize, ds: isize, size: u32, x: usize, xs: isize, s: usize, ss: isize): i32 { return scatter<u32, i32>(n, d, ds, size, x, xs, s, ss); }
export function scatter_8_i32(n: i32, d: usize, ds: isize, size: u32, x: usize, xs: isize, s: usize, ss: isize): i32 { return scatter<u64, i32>(n, d, ds, size, x, xs, s, ss); }

export function gather_rows_i32(n: i32, s: usize, rs: isize, size: u32, x: usize, xs: isize, d: usize, rb: u32): i32 { return gatherRows<i32>(n, s, rs, size, x, xs, d, rb); }
export function gather_rows_i64(n: i32, s: usize, rs: isize, size: u32, x: usize, xs: isize, d: usize, rb: u32): i32 { return gatherRows<i64>(n, s, rs, size, x, xs, d, rb); }
export function gather_rows_f64(n: i32, s: usize, rs: isize, size: u32, x: usize, xs: isize, d: usize, rb: u32): i32 { return gatherRows<f64>(n, s, rs, size, x, xs, d, rb); }

export function compress_1(n: i32, s: usize, ss: isize, m: usize, ms: isize, d: usize): i32 { return compress<u8>(n, s, ss, m, ms, d); }
export function compress_2(n: i32, s: usize, ss: isize, m: usize, ms: isize, d: usize): i32 { return compress<u16>(n, s, ss, m, ms, d); }
export function compress_4(n: i32, s: usize, ss: isize, m: usize, ms: isize, d: usize): i32 { return compress<u32>(n, s, ss, m, ms, d); }
export function compress_8(n: i32, s: usize, ss: isize, m: usize, ms: isize, d: usize): i32 { return compress<u64>(n, s, ss, m, ms, d); }

export function mask_scatter_1(n: i32, d: usize, ds: isize, m: usize, ms: isize, s: usize, ss: isize): i32 { return maskScatter<u8>(n, d, ds, m, ms, s, ss); }
export function mask_scatter_2(n: i32, d: usize, ds: isize, m: usize, ms: isize, s: usize, ss: isize): i32 { return maskScatter<u16>(n, d, ds, m, ms, s, ss); }
export function mask_scatter_4(n: i32, d: usize, ds: isize, m: usize, ms: isize, s: usize, ss: isize): i32 { return maskScatter<u32>(n, d, ds, m, ms, s, ss); }
export function mask_scatter_8(n: i32, d: usize, ds: isize, m: usize, ms: isize, s: usize, ss: isize): i32 { return maskScatter<u64>(n, d, ds, m, ms, s, ss); }

// ---- the general advanced-index path (several index arrays, subspaces) -----------------------
// offs holds float64 ELEMENT offsets into the source buffer, one per broadcast position.

// offs[k] += wrap(idx[k]) * stride (k < n, offs contiguous); returns -1 or the first bad k.
// @ts-ignore: decorator
@inline function offsets<I>(n: i32, idx: usize, is: isize, size: u32, stride: f64, offs: usize): i32 {
  const sz = <i64>size;
  for (let k = 0; k < n; k++) {
    const a = fix<I>(idx, sz);
    if (a < 0) return k;
    store<f64>(offs, load<f64>(offs) + <f64>a * stride);
    idx += is;
    offs += 8;
  }
  return -1;
}

// dst[k] = src[offs[k]] (src: the buffer's byte address; offsets in elements of T).
// @ts-ignore: decorator
@inline function gatherOffs<T>(n: i32, src: usize, offs: usize, dst: usize, ds: isize): void {
  for (let k = 0; k < n; k++) {
    store<T>(dst, load<T>(src + (<usize>(<i64>load<f64>(offs)) << alignof<T>())));
    offs += 8;
    dst += ds;
  }
}

// For each k < nb: m elements at src[offs[k]] (byte stride ss) → dst + k·db (byte stride ds).
// @ts-ignore: decorator
@inline function gatherSub<T>(nb: i32, src: usize, offs: usize, dst: usize, db: isize, m: i32, ss: isize, ds: isize): void {
  for (let k = 0; k < nb; k++) {
    let s = src + (<usize>(<i64>load<f64>(offs)) << alignof<T>());
    let d = dst;
    for (let j = 0; j < m; j++) {
      store<T>(d, load<T>(s));
      s += ss;
      d += ds;
    }
    offs += 8;
    dst += db;
  }
}

export function offsets_i8(n: i32, x: usize, xs: isize, size: u32, st: f64, o: usize): i32 { return offsets<i8>(n, x, xs, size, st, o); }
export function offsets_u8(n: i32, x: usize, xs: isize, size: u32, st: f64, o: usize): i32 { return offsets<u8>(n, x, xs, size, st, o); }
export function offsets_i16(n: i32, x: usize, xs: isize, size: u32, st: f64, o: usize): i32 { return offsets<i16>(n, x, xs, size, st, o); }
export function offsets_u16(n: i32, x: usize, xs: isize, size: u32, st: f64, o: usize): i32 { return offsets<u16>(n, x, xs, size, st, o); }
export function offsets_i32(n: i32, x: usize, xs: isize, size: u32, st: f64, o: usize): i32 { return offsets<i32>(n, x, xs, size, st, o); }
export function offsets_u32(n: i32, x: usize, xs: isize, size: u32, st: f64, o: usize): i32 { return offsets<u32>(n, x, xs, size, st, o); }
export function offsets_i64(n: i32, x: usize, xs: isize, size: u32, st: f64, o: usize): i32 { return offsets<i64>(n, x, xs, size, st, o); }
export function offsets_u64(n: i32, x: usize, xs: isize, size: u32, st: f64, o: usize): i32 { return offsets<u64>(n, x, xs, size, st, o); }
export function offsets_f64(n: i32, x: usize, xs: isize, size: u32, st: f64, o: usize): i32 { return offsets<f64>(n, x, xs, size, st, o); }

export function gather_offs_1(n: i32, s: usize, o: usize, d: usize, ds: isize): void { gatherOffs<u8>(n, s, o, d, ds); }
export function gather_offs_2(n: i32, s: usize, o: usize, d: usize, ds: isize): void { gatherOffs<u16>(n, s, o, d, ds); }
export function gather_offs_4(n: i32, s: usize, o: usize, d: usize, ds: isize): void { gatherOffs<u32>(n, s, o, d, ds); }
export function gather_offs_8(n: i32, s: usize, o: usize, d: usize, ds: isize): void { gatherOffs<u64>(n, s, o, d, ds); }

export function gather_sub_1(nb: i32, s: usize, o: usize, d: usize, db: isize, m: i32, ss: isize, ds: isize): void { gatherSub<u8>(nb, s, o, d, db, m, ss, ds); }
export function gather_sub_2(nb: i32, s: usize, o: usize, d: usize, db: isize, m: i32, ss: isize, ds: isize): void { gatherSub<u16>(nb, s, o, d, db, m, ss, ds); }
export function gather_sub_4(nb: i32, s: usize, o: usize, d: usize, db: isize, m: i32, ss: isize, ds: isize): void { gatherSub<u32>(nb, s, o, d, db, m, ss, ds); }
export function gather_sub_8(nb: i32, s: usize, o: usize, d: usize, db: isize, m: i32, ss: isize, ds: isize): void { gatherSub<u64>(nb, s, o, d, db, m, ss, ds); }
