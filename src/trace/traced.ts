/**
 * The tracing layer: wraps the `np` namespace (nested `linalg`, `lib.stride_tricks`, `random`, …)
 * and NDArray.prototype's methods so each call is reported to a Recorder. The runtime itself has
 * no tracing code: without this layer installed it pays nothing.
 *
 * Architecture invariant: only the OUTER call is recorded. A depth counter makes every wrapper
 * pass-through while another wrapped call is on the stack (runtime functions call each other's
 * methods, e.g. `np.add` calling `a.astype`).
 */
import { NDArray } from '../runtime/ndarray';
import type { Loc } from './schema';
import {
  clockMs,
  opCache,
  type Call,
  type PreWrite,
  type Prepared,
  type Recorder,
} from './recorder';

/** Any function (a wrapper to cut from captured stacks). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyFn = (...args: any[]) => unknown;

type Fn = (this: unknown, ...args: unknown[]) => unknown;

/** Functions that are queries, configuration or printing, never recorded. */
const SKIP_FUNCS = new Set([
  'shape',
  'ndim',
  'size',
  'result_type',
  'promote_types',
  'can_cast',
  'min_scalar_type',
  'dtype',
  'finfo',
  'iinfo',
  'isscalar',
  'array2string',
  'array_repr',
  'array_str',
  'set_printoptions',
  'get_printoptions',
  'printoptions',
  'configureMemory',
  'memoryStats',
  'wasmMemory',
  'format_float_positional',
  'format_float_scientific',
  'typename',
  'issubdtype',
  'may_share_memory',
  'shares_memory',
  'iterable',
  'isdtype',
  'byte_bounds',
  'get_include',
  'show_config',
  'seterr',
  'geterr',
  'errstate',
]);
/** Methods that only read or print. */
const SKIP_METHODS = new Set([
  'constructor',
  'toString',
  'toLocaleString',
  'valueOf',
  'toJSON',
  'tolist',
  'item',
  'tobytes',
  'inspect',
  'toArray',
  'toTypedArray',
  'setflags',
  'getfield',
  'dump',
  'dumps',
  'tofile',
  'format',
]);
/** Getters recorded as ops (views). */
const TRACED_GETTERS = new Set(['T', 'mT']);

function isClass(f: unknown): boolean {
  return (
    f === NDArray ||
    (typeof f === 'function' && /^class[\s{]/.test(Function.prototype.toString.call(f)))
  );
}

function isNamespace(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v) || v instanceof NDArray) return false;
  const tag = Object.prototype.toString.call(v);
  if (tag === '[object Module]') return true;
  const p = Object.getPrototypeOf(v) as unknown;
  return p === Object.prototype || p === null;
}

/**
 * `o`, with V8's fast properties: an object given hundreds of properties one by one is kept as a
 * dictionary (every `np.add` read through it a hash probe, out of the caches after a large
 * kernel); one that becomes a prototype is made fast. (The runner's bundles read the namespace's
 * functions through direct bindings; a program holding `np` as a value reads it like this.)
 */
function fastProperties<O extends object>(o: O): O {
  const heir = Object.create(o) as Record<string, unknown>;
  for (const k in heir) {
    void heir[k];
    break;
  }
  return o;
}

/** Wraps one function or method so calls are recorded. */
export function traceFunction(op: string, fn: Fn, rec: Recorder, method: boolean): Fn {
  const k = opCache();
  const wrapped = function (this: unknown, ...args: unknown[]): unknown {
    if (rec.depth > 0 || !rec.active) return fn.apply(this, args);
    const loc: Loc | undefined = rec.locate(wrapped);
    const call: Call = {
      op,
      method,
      self: method ? this : undefined,
      args,
      k,
      loc,
      result: undefined,
    };
    let pre: PreWrite | null = null;
    let prep: Prepared | null = null;
    let lazy = false;
    try {
      // A deferring recorder queues the usual call and writes its records with the batch (see
      // Recorder.plan/defer); else the call-only part is written now, before the op.
      if (rec.lazy) lazy = rec.plan(call);
      if (!lazy) {
        pre = rec.preWrite(call);
        prep = rec.prepare(call, loc, pre);
      }
    } catch {
      pre = null;
      prep = null;
      lazy = false;
    }
    rec.depth++;
    const t0 = clockMs();
    let result: unknown;
    try {
      result = fn.apply(this, args);
    } catch (err) {
      const t1 = clockMs();
      rec.depth--;
      try {
        rec.recordError(call, err, t1 - t0, loc, t1);
      } catch {
        /* recording must never change the program's behaviour */
      }
      throw err;
    }
    const t1 = clockMs();
    rec.depth--;
    try {
      if (!lazy || !rec.defer(call, result, t1 - t0, t1))
        rec.recordResult(call, result, t1 - t0, loc, pre, t1, prep);
    } catch {
      /* recording must never change the program's behaviour */
    }
    return result;
  };
  Object.defineProperty(wrapped, 'name', { value: fn.name });
  // ufunc-style attached methods (`np.add.reduce`, `np.add.outer`)
  for (const key of Object.keys(fn)) {
    const v = (fn as unknown as Record<string, unknown>)[key];
    (wrapped as unknown as Record<string, unknown>)[key] =
      typeof v === 'function' && !isClass(v)
        ? traceFunction(`${op}.${key}`, v as Fn, rec, false)
        : v;
  }
  return wrapped;
}

/**
 * A namespace like `np` whose functions record each call into `rec`. Classes, constants and
 * query/printing functions pass through unchanged.
 */
export function createTracedNamespace<T extends object>(np: T, rec: Recorder): T {
  const seen = new Map<object, object>();
  const wrapNs = (ns: Record<string, unknown>, prefix: string): Record<string, unknown> => {
    const hit = seen.get(ns);
    if (hit !== undefined) return hit as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    seen.set(ns, out);
    for (const key of Object.keys(ns)) {
      const v = ns[key];
      if (typeof v === 'function') {
        out[key] =
          isClass(v) || SKIP_FUNCS.has(key) || key.startsWith('_')
            ? v
            : traceFunction(prefix + key, v as Fn, rec, false);
      } else if (isNamespace(v)) out[key] = wrapNs(v, `${prefix}${key}.`);
      else out[key] = v;
    }
    return fastProperties(out);
  };
  return wrapNs(np as Record<string, unknown>, '') as T;
}

/**
 * Wraps NDArray.prototype's methods (and the `T`/`mT` getters) so method calls are recorded.
 * Returns a function restoring the originals. Install after every area module has loaded.
 */
export function installMethodTracing(
  rec: Recorder,
  proto: object = NDArray.prototype,
  prefix = '',
): () => void {
  const saved: [string, PropertyDescriptor][] = [];
  for (const key of Object.getOwnPropertyNames(proto)) {
    if (key.startsWith('_') || SKIP_METHODS.has(key)) continue;
    const d = Object.getOwnPropertyDescriptor(proto, key);
    if (d === undefined || !d.configurable) continue;
    if (typeof d.value === 'function') {
      saved.push([key, d]);
      Object.defineProperty(proto, key, {
        ...d,
        value: traceFunction(prefix + key, d.value as Fn, rec, true),
      });
    } else if (d.get !== undefined && TRACED_GETTERS.has(key)) {
      saved.push([key, d]);
      const get = traceFunction(prefix + key, d.get as Fn, rec, true);
      Object.defineProperty(proto, key, { ...d, get: get });
    }
  }
  return () => {
    for (const [key, d] of saved) Object.defineProperty(proto, key, d);
  };
}

/** Classes whose instances users call array-making methods on (`rng.normal(…)`). */
const TRACED_CLASSES = new Set(['Generator', 'RandomState']);

/**
 * Everything a traced run needs: NDArray methods, and the methods of user-facing classes found in
 * `np`'s namespaces (`np.random.Generator`: `rng.normal(…)` records as `Generator.normal`).
 * Returns the traced namespace and a function restoring every prototype.
 */
export function installTracing<T extends object>(
  np: T,
  rec: Recorder,
): { np: T; uninstall: () => void } {
  const undo = [installMethodTracing(rec)];
  const seen = new Set<object>();
  const visit = (ns: Record<string, unknown>): void => {
    if (seen.has(ns)) return;
    seen.add(ns);
    for (const key of Object.keys(ns)) {
      const v = ns[key];
      if (
        typeof v === 'function' &&
        TRACED_CLASSES.has(key) &&
        isClass(v) &&
        typeof v.prototype === 'object' &&
        !seen.has(v)
      ) {
        seen.add(v);
        undo.push(installMethodTracing(rec, v.prototype as object, `${key}.`));
      } else if (isNamespace(v)) visit(v);
    }
  };
  visit(np as Record<string, unknown>);
  return {
    np: createTracedNamespace(np, rec),
    uninstall: () => {
      for (const u of undo.reverse()) u();
    },
  };
}

/** A V8 call site (the subset used here). */
interface CallSite {
  getFileName(): string | null | undefined;
  getLineNumber(): number | null;
  getColumnNumber(): number | null;
}

/**
 * A `locate` for the Recorder using V8's structured stack: the first frame (below the wrapper)
 * whose file `isUser` accepts. Locations are as the engine sees them (the runner maps them
 * through the source map afterwards).
 */
export function stackLocator(
  isUser: (file: string) => boolean,
  depth = 8,
): (below: AnyFn) => Loc | undefined {
  const E = Error as unknown as {
    stackTraceLimit: number;
    prepareStackTrace?: (e: Error, cs: CallSite[]) => unknown;
    captureStackTrace(o: object, f?: AnyFn): void;
  };
  const prep = (_e: Error, cs: CallSite[]): CallSite[] => cs;
  // One Loc object per position: the recorder sends each location once and refers to it by id.
  const locs = new Map<string, Map<number, Loc>>();
  const locOf = (file: string, line: number, column: number): Loc => {
    let m = locs.get(file);
    if (m === undefined) locs.set(file, (m = new Map<number, Loc>()));
    const key = line * 1_048_576 + column;
    let l = m.get(key);
    if (l === undefined) m.set(key, (l = { file, line, column }));
    return l;
  };
  const capture = (below: AnyFn, frames: number): Loc | undefined => {
    const limit = E.stackTraceLimit;
    const saved = E.prepareStackTrace;
    E.stackTraceLimit = frames;
    E.prepareStackTrace = prep;
    const holder: { stack?: unknown } = {};
    E.captureStackTrace(holder, below);
    const cs = holder.stack as CallSite[] | undefined;
    E.prepareStackTrace = saved;
    E.stackTraceLimit = limit;
    if (!Array.isArray(cs)) return undefined;
    for (const c of cs) {
      const f = c.getFileName();
      if (f && isUser(f)) return locOf(f, c.getLineNumber() ?? 0, c.getColumnNumber() ?? 0);
    }
    return undefined;
  };
  // The wrapper's direct caller is almost always the user's code: one frame is enough (and the
  // cheapest capture); look deeper only when it is not.
  return (below: AnyFn): Loc | undefined => capture(below, 1) ?? capture(below, depth);
}

/**
 * A `locate` reading call-site ids set by instrumented code (src/runner/sites.ts) from `cell[0]`:
 * the id is taken and the cell cleared; calls with no id (code the instrumentation did not see)
 * fall back to `fallback` (a stack capture).
 */
export function siteLocator(
  sites: readonly (Loc | undefined)[],
  cell: Int32Array,
  fallback: (below: AnyFn) => Loc | undefined,
): (below: AnyFn) => Loc | undefined {
  return (below: AnyFn): Loc | undefined => {
    const id = cell[0] as number;
    if (id !== 0) {
      cell[0] = 0;
      const loc = sites[id];
      if (loc !== undefined) return loc;
    }
    return fallback(below);
  };
}
