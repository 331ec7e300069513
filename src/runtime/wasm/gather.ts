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
  // Looked up once: the kernels are called per row in take/take_along_axis loops.
  const ALL = ['i8', 'u8', 'i16', 'u16', 'i32', 'u32', 'i64', 'u64', 'f64'];
  const sizes = [1, 2, 4, 8];
  const byIt = (pre: string, its: string[]): Record<string, Fn> =>
    Object.fromEntries(its.map((it) => [it, f(`${pre}_${it}`)]));
  const byZ = <T>(make: (z: number) => T): Record<number, T> =>
    Object.fromEntries(sizes.map((z) => [z, make(z)]));
  try {
    const gather = byZ((z) => byIt(`gather_${z}`, ALL));
    const scatter = byZ((z) => byIt(`scatter_${z}`, ['i32', 'i64']));
    const compress = byZ((z) => f(`compress_${z}`));
    const maskScatter = byZ((z) => f(`mask_scatter_${z}`));
    const gatherOffs = byZ((z) => f(`gather_offs_${z}`));
    const gatherSub = byZ((z) => f(`gather_sub_${z}`));
    const gatherRows = byIt('gather_rows', ['i32', 'i64', 'f64']);
    const offsets = byIt('offsets', ALL);
    const maskCount = f('mask_count');
    const compressRows = f('compress_rows');
    const maskIndices = f('mask_indices');
    const k = <T>(t: Record<string | number, T>, key: string | number): T => t[key] as T;
    return {
      gather: (z, it, n, src, ss, size, idx, is, dst, ds) =>
        k(k(gather, z), it)(n, src, ss, size, idx, is, dst, ds),
      gatherRows: (it, n, src, rs, size, idx, is, dst, rowBytes) =>
        k(gatherRows, it)(n, src, rs, size, idx, is, dst, rowBytes),
      scatter: (z, it, n, dst, ds, size, idx, is, src, ss) =>
        k(k(scatter, z), it)(n, dst, ds, size, idx, is, src, ss),
      maskCount: (n, m, ms) => maskCount(n, m, ms),
      compress: (z, n, src, ss, m, ms, dst) => k(compress, z)(n, src, ss, m, ms, dst),
      compressRows: (n, src, rs, m, ms, dst, rowBytes) =>
        compressRows(n, src, rs, m, ms, dst, rowBytes),
      maskScatter: (z, n, dst, ds, m, ms, src, ss) => k(maskScatter, z)(n, dst, ds, m, ms, src, ss),
      maskIndices: (n, m, ms, base, out, wide) => maskIndices(n, m, ms, base, out, wide ? 1 : 0),
      offsets: (it, n, idx, is, size, stride, offs) =>
        k(offsets, it)(n, idx, is, size, stride, offs),
      gatherOffs: (z, n, src, offs, dst, ds) => {
        k(gatherOffs, z)(n, src, offs, dst, ds);
      },
      gatherSub: (z, nb, src, offs, dst, db, m, ss, ds) => {
        k(gatherSub, z)(nb, src, offs, dst, db, m, ss, ds);
      },
    };
  } catch {
    return null;
  }
}
