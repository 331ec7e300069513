/**
 * The native reduction loops (native/reduce.ts) as reduce.ts's `ReduceBackend`: one WASM call per
 * 2-D block of the reduction iterator (`red_<op>_<dtype>`), per collapsed run of argmax/argmin
 * lanes (`arg_<max|min>_<dtype>`) and of cumsum/cumprod lanes (`cum_<op>_<dtype>`). Element
 * indexes of linear memory are scaled to bytes here; a case without a kernel returns false and
 * the TS loop runs. Bit-identical to the TS loops (test/native/reduce.test.ts).
 */
import { ITEMSIZE, type DType } from '../dtype';
import { alloc, free } from '../memory';
import { collapse, loop } from '../iter';
import type { FlatDType, FlatFn, FlatOp, ReduceBackend, ReduceOp } from '../reduce';

type Fn = (...args: number[]) => number | void;

/** The kernel name of `op.reduce` in loop dtype `dt` (input `srcDt`), if the module has one. */
export function reduceKernelName(op: ReduceOp, dt: DType, srcDt: DType): string {
  const f = dt === 'float64' || dt === 'float32';
  if (op === 'logical_and' || op === 'logical_or') {
    const key = srcDt === 'float64' || srcDt === 'float32' ? srcDt : String(ITEMSIZE[srcDt]);
    return `red_${op}_${key}`;
  }
  if (op === 'add' || op === 'multiply') {
    // wrapping integer arithmetic is sign-agnostic; bool loops are logical (TS only)
    if (dt === 'bool') return '';
    const key = f ? dt : `int${ITEMSIZE[dt] * 8}`;
    return `red_${op}_${key}`;
  }
  // maximum/minimum/fmax/fmin: integers have no NaN (fmax = maximum); bool is uint8
  let o: string = op;
  if (!f) o = op === 'fmax' ? 'maximum' : op === 'fmin' ? 'minimum' : op;
  return `red_${o}_${dt === 'bool' ? 'uint8' : dt}`;
}

export function reduceBackend(ex: Record<string, unknown>): ReduceBackend {
  const fn = (name: string): Fn | null => {
    const f = ex[name];
    return typeof f === 'function' ? (f as Fn) : null;
  };
  // whole-run kernels, looked up once: `flat_<op>_<dt>(p, n)`, `sumsq_<dt>(p, n, m)`
  const flats: Record<FlatDType, Partial<Record<FlatOp, FlatFn>>> = { float64: {}, float32: {} };
  for (const dt of ['float64', 'float32'] as const) {
    const z = ITEMSIZE[dt];
    for (const op of ['maximum', 'minimum', 'argmax', 'argmin', 'sumsq'] as const) {
      const f = fn(op === 'sumsq' ? `sumsq_${dt}` : `flat_${op}_${dt}`);
      if (f !== null) flats[dt][op] = (i, n, m) => f(i * z, n, m) as number;
    }
  }
  const sum2d = (
    dt: FlatDType,
  ): ((r: number, c: number, i: number, o: number, rows: boolean) => void) | null => {
    const f = fn(`red_add_${dt}`);
    if (f === null) return null;
    const z = ITEMSIZE[dt];
    return (r, c, i, o, rows) => {
      f(r, c, i * z, c * z, z, o * z, rows ? z : 0, rows ? 0 : z);
    };
  };
  const sum2dK = { float64: sum2d('float64'), float32: sum2d('float32') };
  return {
    flat(op: FlatOp, dt: FlatDType): FlatFn | null {
      return flats[dt][op] ?? null;
    },
    sum2d(dt: FlatDType) {
      return sum2dK[dt];
    },

    reduce(op, dt, srcDt, shape, o, ost, i, ist) {
      const f = fn(reduceKernelName(op, dt, srcDt));
      if (f === null) return false;
      const zo = op === 'logical_and' || op === 'logical_or' ? 1 : ITEMSIZE[dt];
      const zi = ITEMSIZE[srcDt];
      const c = collapse(shape, [ost, ist]);
      const nd = c.shape.length;
      const cs = c.shape;
      const co = c.strides[0] as number[];
      const ci = c.strides[1] as number[];
      if (nd <= 2) {
        const n1 = nd === 0 ? 1 : (cs[nd - 1] as number);
        const n0 = nd === 2 ? (cs[0] as number) : 1;
        f(
          n0,
          n1,
          i * zi,
          nd === 2 ? (ci[0] as number) * zi : 0,
          nd === 0 ? 0 : (ci[nd - 1] as number) * zi,
          o * zo,
          nd === 2 ? (co[0] as number) * zo : 0,
          nd === 0 ? 0 : (co[nd - 1] as number) * zo,
        );
        return true;
      }
      // more than 2 dims after collapsing: the outer ones here, the inner 2-D block in WASM
      const n0 = cs[nd - 2] as number;
      const n1 = cs[nd - 1] as number;
      const is0 = (ci[nd - 2] as number) * zi;
      const is1 = (ci[nd - 1] as number) * zi;
      const os0 = (co[nd - 2] as number) * zo;
      const os1 = (co[nd - 1] as number) * zo;
      const outer = cs.slice(0, nd - 2);
      const idx = new Array<number>(outer.length).fill(0);
      let po = o;
      let pi = i;
      for (;;) {
        f(n0, n1, pi * zi, is0, is1, po * zo, os0, os1);
        let d = outer.length - 1;
        for (; d >= 0; d--) {
          idx[d] = (idx[d] as number) + 1;
          po += co[d] as number;
          pi += ci[d] as number;
          if ((idx[d] as number) < (outer[d] as number)) break;
          po -= (co[d] as number) * (outer[d] as number);
          pi -= (ci[d] as number) * (outer[d] as number);
          idx[d] = 0;
        }
        if (d < 0) return true;
      }
    },

    arg(isMax, dt, lanes, i, ist, n, st, o, ost) {
      const f = fn(`arg_${isMax ? 'max' : 'min'}_${dt === 'bool' ? 'uint8' : dt}`);
      if (f === null) return false;
      const z = ITEMSIZE[dt];
      // lanes contiguous and the axis strided: the kernel walks rows, keeping each lane's best
      // value in a scratch row (allocated before any view is taken)
      let inner = 1;
      if (lanes.length > 0) {
        const c = collapse(lanes, [ost, ist]);
        inner = c.shape[c.shape.length - 1] as number;
      }
      const scratch = inner > 1 ? alloc(inner * z, false) : null;
      try {
        loop(
          lanes,
          [
            { start: o, strides: ost },
            { start: i, strides: ist },
          ],
          (n0, p, s) => {
            f(
              n0,
              n,
              (p[1] as number) * z,
              (s[1] as number) * z,
              st * z,
              (p[0] as number) * 8,
              (s[0] as number) * 8,
              scratch === null ? 0 : scratch.ptr,
            );
          },
        );
      } finally {
        if (scratch !== null) free(scratch.ptr, scratch.size);
      }
      return true;
    },

    accumulate(op, dt, lanes, p, pst, n, st) {
      if (dt === 'bool') return false;
      const f = fn(`cum_${op}_${dt.startsWith('float') ? dt : `int${ITEMSIZE[dt] * 8}`}`);
      if (f === null) return false;
      const z = ITEMSIZE[dt];
      loop(lanes, [{ start: p, strides: pst }], (n0, q, s) => {
        f(n0, n, (q[0] as number) * z, (s[0] as number) * z, st * z);
      });
      return true;
    },
  };
}
