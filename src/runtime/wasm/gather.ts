/**
 * The native gather/scatter/mask kernels (native/gather.ts) behind indexing's GatherKernels
 * interface (src/runtime/gather_kernels.ts holds the TS twin and the registry).
 */
import type { GatherKernels } from '../gather_kernels';

type Fn = (...args: number[]) => number;

/** Wraps the module's exports; null when the module lacks them (an older build). */
export function wasmGatherKernels(ex: { [name: string]: unknown }): GatherKernels | null {
  const f = (name: string): Fn => {
    const g = ex[name];
    if (typeof g !== 'function') throw new Error(`native kernel ${name} missing`);
    return g as Fn;
  };
  try {
    const table: Record<string, Fn> = {};
    for (const z of [1, 2, 4, 8]) {
      for (const it of ['i8', 'u8', 'i16', 'u16', 'i32', 'u32', 'i64', 'u64', 'f64'])
        table[`gather_${z}_${it}`] = f(`gather_${z}_${it}`);
      for (const it of ['i32', 'i64']) table[`scatter_${z}_${it}`] = f(`scatter_${z}_${it}`);
      table[`compress_${z}`] = f(`compress_${z}`);
      table[`mask_scatter_${z}`] = f(`mask_scatter_${z}`);
    }
    for (const it of ['i32', 'i64', 'f64']) table[`gather_rows_${it}`] = f(`gather_rows_${it}`);
    for (const it of ['i8', 'u8', 'i16', 'u16', 'i32', 'u32', 'i64', 'u64', 'f64'])
      table[`offsets_${it}`] = f(`offsets_${it}`);
    for (const z of [1, 2, 4, 8]) {
      table[`gather_offs_${z}`] = f(`gather_offs_${z}`);
      table[`gather_sub_${z}`] = f(`gather_sub_${z}`);
    }
    const maskCount = f('mask_count');
    const compressRows = f('compress_rows');
    const maskIndices = f('mask_indices');
    const g = (name: string): Fn => table[name] as Fn;
    return {
      gather: (z, it, n, src, ss, size, idx, is, dst, ds) =>
        g(`gather_${z}_${it}`)(n, src, ss, size, idx, is, dst, ds),
      gatherRows: (it, n, src, rs, size, idx, is, dst, rowBytes) =>
        g(`gather_rows_${it}`)(n, src, rs, size, idx, is, dst, rowBytes),
      scatter: (z, it, n, dst, ds, size, idx, is, src, ss) =>
        g(`scatter_${z}_${it}`)(n, dst, ds, size, idx, is, src, ss),
      maskCount: (n, m, ms) => maskCount(n, m, ms),
      compress: (z, n, src, ss, m, ms, dst) => g(`compress_${z}`)(n, src, ss, m, ms, dst),
      compressRows: (n, src, rs, m, ms, dst, rowBytes) =>
        compressRows(n, src, rs, m, ms, dst, rowBytes),
      maskScatter: (z, n, dst, ds, m, ms, src, ss) =>
        g(`mask_scatter_${z}`)(n, dst, ds, m, ms, src, ss),
      maskIndices: (n, m, ms, base, out, wide) => maskIndices(n, m, ms, base, out, wide ? 1 : 0),
      offsets: (it, n, idx, is, size, stride, offs) =>
        g(`offsets_${it}`)(n, idx, is, size, stride, offs),
      gatherOffs: (z, n, src, offs, dst, ds) => {
        g(`gather_offs_${z}`)(n, src, offs, dst, ds);
      },
      gatherSub: (z, nb, src, offs, dst, db, m, ss, ds) => {
        g(`gather_sub_${z}`)(nb, src, offs, dst, db, m, ss, ds);
      },
    };
  } catch {
    return null;
  }
}
