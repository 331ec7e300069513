#!/usr/bin/env node
/**
 * `npm run bench`: the same workloads in ndscope, numpy (python3; single-threaded with
 * OPENBLAS_NUM_THREADS=1 and with default threads, interleaved in the same run) and the JS peers
 * (numpy-ts, @stdlib/ndarray (+ the @stdlib blas/math packages it depends on), ndarray +
 * ndarray-ops, @tensorflow/tfjs-core with the cpu and wasm backends). Writes bench/RESULTS.md
 * (the "Native kernels" section; other teams' sections are kept) and prints the table.
 *
 *   node bench/run.mjs [--quick] [--only=add,matmul] [--no-write] [--no-trace]
 *
 * It then runs bench/trace-overhead.mjs (tracing on vs off) in 5 processes (see traceOverhead)
 * and writes their table between the `trace:begin/end` markers of RESULTS.md's "Trace overhead"
 * section (`--no-trace` skips it; `--only=trace` runs only it).
 *
 * Timing: warm-up (up to 0.25 s of calls), then samples (tiny calls batched to ≥ 1 ms) until a time budget; the
 * median per call. ndscope and numpy run ROUNDS interleaved rounds (median of the round medians);
 * peers one round. ndscope results are disposed after each call (`using` / Symbol.dispose): a
 * synchronous loop never lets FinalizationRegistry run, see the memory section of RESULTS.md.
 * Memory checks run in a fresh child process (bench/memory.mjs).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import v8 from 'node:v8';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const argv = process.argv.slice(2);
const QUICK = argv.includes('--quick');
const ONLY =
  argv
    .find((a) => a.startsWith('--only='))
    ?.slice(7)
    .split(',') ?? null;
const WRITE = !argv.includes('--no-write');
const ROUNDS = QUICK ? 1 : 3;
const BUDGET = QUICK ? 0.1 : 0.25; // seconds per sample set
const PEER_BUDGET = QUICK ? 0.1 : 0.2;
const TRACE = !argv.includes('--no-trace') && (ONLY === null || ONLY.includes('trace'));
if (ONLY !== null && ONLY.length === 1 && ONLY[0] === 'trace') {
  traceOverhead();
  process.exit(0);
}

// ---- ndscope (the built bundle: what users import) -------------------------------------------
const dist = join(root, 'dist', 'runtime', 'index.mjs');
if (!existsSync(dist) || !existsSync(join(root, 'dist', 'native', 'kernels.wasm'))) {
  console.log('building ndscope (dist/ missing)…');
  spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs'), 'native', 'runtime'], {
    stdio: 'inherit',
  });
}
// The WASM build users run: ndscope loads its relaxed-SIMD module (fused multiply-adds in GEMM and
// float64 exp/log; every other kernel is the same code in both builds) where the engine validates
// relaxed SIMD and its relaxed_madd fuses — VS Code's extension host (Electron), Node ≥ 22, and
// ndscope's runner/CLI, which switches Node 20's flag on before its worker compiles the kernels
// (src/runner/run.ts). The bench does the same before the bundle loads and labels rows with the
// build the runtime reports (np.backendStatus().module); the `(plain SIMD128 build)` row runs in a
// child process without relaxed SIMD (bench/ndscope_plain_worker.mjs: a browser without it, or the
// library imported by plain Node 20).
// src/runtime/wasm/probe.ts relaxedModule(): f64x2.relaxed_madd on three v128 constants
const RELAXED_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 61, 1, 59, 0, 253, 12, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 253, 12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  253, 12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 253, 135, 2, 11,
]);
if (!WebAssembly.validate(RELAXED_PROBE)) {
  try {
    v8.setFlagsFromString('--experimental-wasm-relaxed-simd');
  } catch {
    /* no such flag: plain SIMD128 */
  }
}
const np = await import(pathToFileURL(dist).href);
const BUILD = np.backendStatus().module === 'relaxed-simd' ? 'relaxed-simd' : 'simd128';
const BUILD_TAG = { 'relaxed-simd': 'relaxed-SIMD/FMA build', simd128: 'plain SIMD128 build' };

// ---- peers (optional: a missing one is reported, not fatal) ---------------------------------
async function tryImport(name) {
  try {
    return await import(name);
  } catch {
    try {
      return require(name);
    } catch {
      return null;
    }
  }
}
const nts = await tryImport('numpy-ts');
const ndarray = (await tryImport('ndarray'))?.default ?? null;
const ops = (await tryImport('ndarray-ops'))?.default ?? (await tryImport('ndarray-ops'));
const sbinary = require.resolve('@stdlib/ndarray/base/binary', { paths: [root] })
  ? require('@stdlib/ndarray/base/binary')
  : null;
const sunary = (() => {
  try {
    return require('@stdlib/ndarray/base/unary');
  } catch {
    return null;
  }
})();
const sassign = (() => {
  try {
    return require('@stdlib/ndarray/base/assign');
  } catch {
    return null;
  }
})();
const sdgemm = (() => {
  try {
    return require('@stdlib/blas/base/dgemm');
  } catch {
    return null;
  }
})();
const ssgemm = (() => {
  try {
    return require('@stdlib/blas/base/sgemm');
  } catch {
    return null;
  }
})();
const sdsum = (() => {
  try {
    return require('@stdlib/blas/ext/base/dsum');
  } catch {
    return null;
  }
})();
const sexp = (() => {
  try {
    return require('@stdlib/math/base/special/exp');
  } catch {
    return null;
  }
})();
let tf = null;
const tfBackends = [];
try {
  tf = await import('@tensorflow/tfjs-core');
  await import('@tensorflow/tfjs-backend-cpu');
  tfBackends.push('cpu');
  const w = await import('@tensorflow/tfjs-backend-wasm');
  w.setWasmPaths(
    pathToFileURL(join(root, 'node_modules/@tensorflow/tfjs-backend-wasm/dist/')).href.replace(
      /^file:\/\//,
      '',
    ),
  );
  tfBackends.push('wasm');
} catch (e) {
  if (!tf) console.log(`tfjs unavailable: ${e.message}`);
}

// ---- data --------------------------------------------------------------------------------------
let seed = 12345;
const rand = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
const f64 = (n) => Float64Array.from({ length: n }, rand);
const f32 = (n) => Float32Array.from({ length: n }, rand);

const WORKLOADS = [
  { id: 'add:1e3,float64', label: 'add 1e3 f64', elems: 1e3 },
  { id: 'add:1e6,float64', label: 'add 1e6 f64', elems: 1e6 },
  { id: 'add:1e7,float64', label: 'add 1e7 f64', elems: 1e7 },
  { id: 'add:1e3,float32', label: 'add 1e3 f32', elems: 1e3 },
  { id: 'add:1e6,float32', label: 'add 1e6 f32', elems: 1e6 },
  { id: 'add:1e7,float32', label: 'add 1e7 f32', elems: 1e7 },
  { id: 'badd', label: 'broadcast add 1000×1000 + (1000,)', elems: 1e6 },
  { id: 'tadd', label: 'add 1000×1000 + transposed', elems: 1e6 },
  { id: 'sum', label: 'sum 1e7 f64', elems: 1e7 },
  { id: 'mean:0', label: 'mean axis 0 of 1000×1000', elems: 1e6 },
  { id: 'mean:1', label: 'mean axis 1 of 1000×1000', elems: 1e6 },
  { id: 'max', label: 'max 1e6 f64', elems: 1e6 },
  { id: 'argmax', label: 'argmax 1e6 f64', elems: 1e6 },
  { id: 'cumsum', label: 'cumsum 1e6 f64', elems: 1e6 },
  { id: 'std', label: 'std 1e6 f64', elems: 1e6 },
  { id: 'exp', label: `exp 1e6 f64 (${BUILD_TAG[BUILD]})`, elems: 1e6, target: 0.5 },
  { id: 'log', label: `log 1e6 f64 (${BUILD_TAG[BUILD]})`, elems: 1e6, target: 0.5 },
  // the plain SIMD128 module's exp/log (no FMA: browsers without relaxed SIMD, plain Node 20)
  { id: 'expplain', numpy: 'exp', label: 'exp 1e6 f64 (plain SIMD128 build)', elems: 1e6 },
  { id: 'logplain', numpy: 'log', label: 'log 1e6 f64 (plain SIMD128 build)', elems: 1e6 },
  { id: 'sin', label: 'sin 1e6 f64', elems: 1e6 },
  { id: 'exp:1e6,float32', label: 'exp 1e6 f32', elems: 1e6 },
  { id: 'log:1e6,float32', label: 'log 1e6 f32', elems: 1e6 },
  { id: 'sin:1e6,float32', label: 'sin 1e6 f32', elems: 1e6 },
  { id: 'tan', label: 'tan 1e6 f64', elems: 1e6 },
  { id: 'tanh', label: 'tanh 1e6 f64', elems: 1e6 },
  { id: 'power', label: 'power 1e6 f64 (array ** array)', elems: 1e6 },
  ...[64, 256, 512, 1024].flatMap((n) =>
    ['float64', 'float32'].map((d) => ({
      id: `matmul:${n},${d}`,
      label: `matmul ${n} ${d === 'float64' ? 'f64' : 'f32'} (${BUILD_TAG[BUILD]})`,
      elems: n * n,
      target: n === 1024 && d === 'float64' ? 0.3 : undefined,
    })),
  ),
  // np.enableParallelGemm(): the caller + one helper worker on a shared memory (numpy: 1 thread
  // and default threads as for the row above; peers are not re-run)
  {
    id: 'matmul2w:1024,float64',
    numpy: 'matmul:1024,float64',
    label: `matmul 1024 f64 (2 workers, ${BUILD_TAG[BUILD]})`,
    elems: 1024 * 1024,
    target: 0.5,
  },
  // the plain SIMD128 module (no FMA), measured in a child process without relaxed SIMD
  {
    id: 'matmulplain:1024,float64',
    numpy: 'matmul:1024,float64',
    label: 'matmul 1024 f64 (1 thread, plain SIMD128 build)',
    elems: 1024 * 1024,
  },
  { id: 'solve', label: `solve 512 (${BUILD_TAG[BUILD]})`, elems: 512 * 512 },
  { id: 'tcopy', label: 'reshape of transposed 1000×1000 (copy)', elems: 1e6 },
  { id: 'mask', label: 'boolean-mask select 1e6', elems: 1e6 },
  { id: 'gather', label: 'fancy gather 1e6', elems: 1e6 },
  { id: 'small', label: 'add two 3×3 (per call)', elems: 9, small: true },
].filter((w) => ONLY === null || ONLY.some((o) => w.id.startsWith(o)));

function parse(id) {
  const [kind, arg = ''] = id.split(':');
  const [a, b] = arg.split(',');
  return { kind, n: a === undefined || a === '' ? 0 : Number(a), dt: b ?? 'float64', arg };
}

const dispose = (r) => {
  if (r && typeof r === 'object' && typeof r[Symbol.dispose] === 'function') r[Symbol.dispose]();
};

/** ndscope: returns a thunk for the workload. */
function ndscopeCase(id) {
  const { kind, n, dt, arg } = parse(id);
  const rng = np.random.default_rng(0);
  const rnd = (shape, d = 'float64') => {
    const r = rng.random(shape);
    return d === 'float64' ? r : r.astype(d);
  };
  switch (kind) {
    case 'add': {
      const a = rnd([n], dt),
        b = rnd([n], dt);
      return () => dispose(np.add(a, b));
    }
    case 'badd': {
      const m = rnd([1000, 1000]),
        v = rnd([1000]);
      return () => dispose(np.add(m, v));
    }
    case 'tadd': {
      const m = rnd([1000, 1000]),
        m1 = rnd([1000, 1000]);
      return () => dispose(np.add(m, m1.T));
    }
    case 'sum': {
      const a = rnd([1e7]);
      return () => np.sum(a);
    }
    case 'mean': {
      const m = rnd([1000, 1000]);
      const ax = Number(arg);
      return () => dispose(np.mean(m, { axis: ax }));
    }
    case 'max':
    case 'argmax':
    case 'cumsum':
    case 'std': {
      const a = rnd([1e6]);
      return () => dispose(np[kind](a));
    }
    case 'exp': {
      const a = rnd([1e6], dt);
      return () => dispose(np.exp(a));
    }
    case 'log': {
      const a = rnd([1e6], dt);
      return () => dispose(np.log(a));
    }
    case 'sin': {
      const a = np.subtract(np.multiply(rnd([1e6], dt), 20), 10);
      return () => dispose(np.sin(a));
    }
    case 'tan':
    case 'tanh': {
      const a = np.subtract(np.multiply(rnd([1e6]), 20), 10);
      return () => dispose(np[kind](a));
    }
    case 'power': {
      // positive bases in [0.5, 1.5), exponents in [-2, 2)
      const a = np.add(rnd([1e6]), 0.5);
      const b = np.subtract(np.multiply(rnd([1e6]), 4), 2);
      return () => dispose(np.power(a, b));
    }
    case 'matmul': {
      const a = rnd([n, n], dt),
        b = rnd([n, n], dt);
      return () => dispose(np.matmul(a, b));
    }
    case 'matmul2w': {
      const a = rnd([n, n], dt),
        b = rnd([n, n], dt);
      if (!np.enableParallelGemm()) return () => dispose(np.matmul(a, b));
      np.disableParallelGemm(); // the helper stays: enabling per call is cheap
      return () => {
        np.enableParallelGemm();
        try {
          dispose(np.matmul(a, b));
        } finally {
          np.disableParallelGemm();
        }
      };
    }
    case 'matmulplain': {
      // measured by the child process (an object, not a thunk: the main loop asks it)
      plain ??= plainWorker();
      return { remote: plain, id: `matmul:${n},${dt}` };
    }
    case 'expplain':
    case 'logplain': {
      plain ??= plainWorker();
      return { remote: plain, id: kind.slice(0, 3) };
    }
    case 'solve': {
      const a = np.add(rnd([512, 512]), np.multiply(np.eye(512), 512)),
        b = rnd([512]);
      return () => dispose(np.linalg.solve(a, b));
    }
    case 'tcopy': {
      const m = rnd([1000, 1000]);
      return () => dispose(np.reshape(m.T, [1e6]));
    }
    case 'mask': {
      const a = rnd([1e6]);
      const k = np.greater(a, 0.5);
      return () => dispose(a.get(k));
    }
    case 'gather': {
      const a = rnd([1e6]);
      const i = rng.integers(0, 1e6, 1e6);
      return () => dispose(a.get(i));
    }
    case 'small': {
      const a = rnd([3, 3]),
        b = rnd([3, 3]);
      return () => dispose(np.add(a, b));
    }
  }
  return null;
}

/** Peers: { name → (id) → thunk | null (not offered by the library) }. */
const PEERS = {};
if (nts) {
  PEERS['numpy-ts'] = (id) => {
    const { kind, n, dt, arg } = parse(id);
    const arr = (data, shape) => nts.array(Array.from(data)).reshape(shape);
    const A = (shape, d = 'float64') => {
      const size = shape.reduce((x, y) => x * y, 1);
      const a = nts.random.random(shape);
      return d === 'float32' ? a.astype('float32') : a;
    };
    switch (kind) {
      case 'add': {
        const a = A([n], dt),
          b = A([n], dt);
        return () => nts.add(a, b);
      }
      case 'badd': {
        const m = A([1000, 1000]),
          v = A([1000]);
        return () => nts.add(m, v);
      }
      case 'tadd': {
        const m = A([1000, 1000]),
          m1 = A([1000, 1000]);
        return () => nts.add(m, m1.T);
      }
      case 'sum': {
        const a = A([1e7]);
        return () => nts.sum(a);
      }
      case 'mean': {
        const m = A([1000, 1000]);
        return () => nts.mean(m, Number(arg));
      }
      case 'max':
      case 'argmax':
      case 'cumsum':
      case 'std': {
        const a = A([1e6]);
        return () => nts[kind](a);
      }
      case 'exp': {
        const a = A([1e6], dt);
        return () => nts.exp(a);
      }
      case 'log': {
        const a = A([1e6], dt);
        return () => nts.log(a);
      }
      case 'sin': {
        const a = A([1e6], dt);
        return () => nts.sin(a);
      }
      case 'matmul': {
        const a = A([n, n], dt),
          b = A([n, n], dt);
        return () => nts.matmul(a, b);
      }
      case 'solve': {
        const a = nts.add(A([512, 512]), nts.multiply(nts.eye(512), 512)),
          b = A([512]);
        return () => nts.linalg.solve(a, b);
      }
      case 'tcopy': {
        const m = A([1000, 1000]);
        return () => nts.reshape(m.T, [1e6]);
      }
      case 'mask': {
        const a = A([1e6]);
        const k = nts.greater(a, 0.5);
        return () => a.bindex(k);
      }
      case 'gather': {
        const a = A([1e6]);
        const i = nts.array(Array.from({ length: 1e6 }, () => Math.floor(rand() * 1e6)));
        return () => nts.take(a, i);
      }
      case 'small': {
        const a = A([3, 3]),
          b = A([3, 3]);
        return () => nts.add(a, b);
      }
    }
    return null;
  };
}
if (ndarray && ops) {
  PEERS['ndarray-ops'] = (id) => {
    const { kind, n, dt } = parse(id);
    const T = dt === 'float32' ? Float32Array : Float64Array;
    const mk = (size, shape) => ndarray(dt === 'float32' ? f32(size) : f64(size), shape);
    switch (kind) {
      case 'add': {
        const a = mk(n, [n]),
          b = mk(n, [n]);
        return () => {
          const o = ndarray(new T(n), [n]);
          ops.add(o, a, b);
          return o;
        };
      }
      case 'badd': {
        const m = mk(1e6, [1000, 1000]);
        const v = ndarray(f64(1000), [1000, 1000], [0, 1]);
        return () => {
          const o = ndarray(new Float64Array(1e6), [1000, 1000]);
          ops.add(o, m, v);
        };
      }
      case 'tadd': {
        const m = mk(1e6, [1000, 1000]),
          m1 = mk(1e6, [1000, 1000]);
        return () => {
          const o = ndarray(new Float64Array(1e6), [1000, 1000]);
          ops.add(o, m, m1.transpose(1, 0));
        };
      }
      case 'sum': {
        const a = mk(1e7, [1e7]);
        return () => ops.sum(a);
      }
      case 'mean': {
        const m = mk(1e6, [1000, 1000]);
        const ax = parse(id).arg === '0';
        return () => {
          const o = new Float64Array(1000);
          for (let j = 0; j < 1000; j++)
            o[j] = ops.sum(ax ? m.pick(null, j) : m.pick(j, null)) / 1000;
          return o;
        };
      }
      case 'exp': {
        const a = mk(1e6, [1e6]);
        return () => {
          const o = ndarray(new T(1e6), [1e6]);
          ops.exp(o, a);
        };
      }
      case 'tcopy': {
        const m = mk(1e6, [1000, 1000]);
        return () => {
          const o = ndarray(new Float64Array(1e6), [1000, 1000]);
          ops.assign(o, m.transpose(1, 0));
        };
      }
      case 'small': {
        const a = mk(9, [3, 3]),
          b = mk(9, [3, 3]);
        return () => {
          const o = ndarray(new Float64Array(9), [3, 3]);
          ops.add(o, a, b);
        };
      }
    }
    return null; // matmul, solve, mask, gather: not in ndarray-ops
  };
}
if (sbinary) {
  PEERS['@stdlib'] = (id) => {
    const { kind, n, dt } = parse(id);
    const T = dt === 'float32' ? Float32Array : Float64Array;
    const nd = (data, shape, strides, offset = 0) => ({
      dtype: dt,
      data,
      shape,
      strides: strides ?? (shape.length === 1 ? [1] : [shape[1], 1]),
      offset,
      order: 'row-major',
    });
    const add = (x, y) => x + y;
    switch (kind) {
      case 'add': {
        const a = nd(dt === 'float32' ? f32(n) : f64(n), [n]),
          b = nd(dt === 'float32' ? f32(n) : f64(n), [n]);
        return () => {
          const o = nd(new T(n), [n]);
          sbinary([a, b, o], add);
        };
      }
      case 'badd': {
        const m = nd(f64(1e6), [1000, 1000]),
          v = nd(f64(1000), [1000, 1000], [0, 1]);
        return () => sbinary([m, v, nd(new Float64Array(1e6), [1000, 1000])], add);
      }
      case 'tadd': {
        const m = nd(f64(1e6), [1000, 1000]),
          m1 = nd(f64(1e6), [1000, 1000], [1, 1000]);
        return () => sbinary([m, m1, nd(new Float64Array(1e6), [1000, 1000])], add);
      }
      case 'sum': {
        if (!sdsum) return null;
        const a = f64(1e7);
        return () => sdsum(1e7, a, 1);
      }
      case 'mean': {
        if (!sdsum) return null;
        const m = f64(1e6);
        const ax0 = parse(id).arg === '0';
        return () => {
          const o = new Float64Array(1000);
          for (let j = 0; j < 1000; j++)
            o[j] =
              (ax0 ? sdsum.ndarray(1000, m, 1000, j) : sdsum.ndarray(1000, m, 1, j * 1000)) / 1000;
          return o;
        };
      }
      case 'exp': {
        if (!sunary || !sexp || dt !== 'float64') return null;
        const a = nd(f64(1e6), [1e6]);
        return () => sunary([a, nd(new Float64Array(1e6), [1e6])], sexp);
      }
      case 'matmul': {
        const g = dt === 'float32' ? ssgemm : sdgemm;
        if (!g) return null;
        const a = dt === 'float32' ? f32(n * n) : f64(n * n),
          b = dt === 'float32' ? f32(n * n) : f64(n * n);
        return () => {
          const c = new T(n * n);
          g('row-major', 'no-transpose', 'no-transpose', n, n, n, 1.0, a, n, b, n, 0.0, c, n);
        };
      }
      case 'tcopy': {
        if (!sassign) return null;
        const m = nd(f64(1e6), [1000, 1000], [1, 1000]);
        return () => sassign([m, nd(new Float64Array(1e6), [1000, 1000])]);
      }
      case 'small': {
        const a = nd(f64(9), [3, 3]),
          b = nd(f64(9), [3, 3]);
        return () => sbinary([a, b, nd(new Float64Array(9), [3, 3])], add);
      }
    }
    return null; // solve, mask, gather: not in @stdlib/ndarray's base kernels
  };
}
for (const be of tfBackends) {
  PEERS[`tfjs-${be}`] = (id) => {
    const { kind, n, dt, arg } = parse(id);
    const T = (shape, d = 'float32') =>
      tf.tensor(
        d === 'float32'
          ? f32(shape.reduce((x, y) => x * y, 1))
          : f32(shape.reduce((x, y) => x * y, 1)),
        shape,
        'float32',
      );
    // tfjs has no float64: every workload runs in float32 (noted in RESULTS.md)
    const run = (f) => () => {
      const r = f();
      if (Array.isArray(r)) r.forEach((t) => t.dispose());
      else if (r && r.dispose) r.dispose();
    };
    switch (kind) {
      case 'add': {
        const a = T([n]),
          b = T([n]);
        return run(() => tf.add(a, b));
      }
      case 'badd': {
        const m = T([1000, 1000]),
          v = T([1000]);
        return run(() => tf.add(m, v));
      }
      case 'tadd': {
        const m = T([1000, 1000]),
          m1 = T([1000, 1000]);
        return run(() => tf.tidy(() => tf.add(m, tf.transpose(m1))));
      }
      case 'sum': {
        const a = T([1e7]);
        return run(() => tf.sum(a));
      }
      case 'mean': {
        const m = T([1000, 1000]);
        return run(() => tf.mean(m, Number(arg)));
      }
      case 'max':
      case 'argmax':
      case 'cumsum': {
        const a = T([1e6]);
        const f = { max: tf.max, argmax: tf.argMax, cumsum: tf.cumsum }[kind];
        return run(() => f(a));
      }
      case 'exp': {
        const a = T([1e6]);
        return run(() => tf.exp(a));
      }
      case 'log': {
        const a = T([1e6]);
        return run(() => tf.log(a));
      }
      case 'sin': {
        const a = T([1e6]);
        return run(() => tf.sin(a));
      }
      case 'matmul': {
        const a = T([n, n]),
          b = T([n, n]);
        return run(() => tf.matMul(a, b));
      }
      case 'tcopy': {
        const m = T([1000, 1000]);
        return run(() => tf.tidy(() => tf.reshape(tf.transpose(m), [1e6]).clone()));
      }
      case 'gather': {
        const a = T([1e6]);
        const i = tf.tensor(
          Int32Array.from({ length: 1e6 }, () => Math.floor(rand() * 1e6)),
          [1e6],
          'int32',
        );
        return run(() => tf.gather(a, i));
      }
      case 'small': {
        const a = T([3, 3]),
          b = T([3, 3]);
        return run(() => tf.add(a, b));
      }
    }
    return null; // solve: no tf.linalg.solve; mask: only booleanMaskAsync (async)
  };
}

// ---- timing ------------------------------------------------------------------------------------
const now = () => performance.now() / 1000;
function measure(fn, budget) {
  let t = now();
  fn();
  // Warm-up: WASM functions start in V8's baseline tier and are optimized in the background
  // (hundreds of ms on a loaded machine), so repeat the call for up to 0.25 s (≤ 20 calls) first.
  if (now() - t < 0.1) for (let i = 0; i < 20 && now() - t < 0.25; i++) fn();
  t = now();
  fn();
  const one = now() - t;
  const batch = one < 1e-3 ? Math.max(1, Math.floor(1e-3 / Math.max(one, 1e-9))) : 1;
  const samples = [];
  const start = now();
  while (samples.length < 3 || (now() - start < budget && samples.length < 200)) {
    t = now();
    for (let i = 0; i < batch; i++) fn();
    samples.push((now() - t) / batch);
    if (one > 2 && samples.length >= 1) break; // very slow peers: one sample
  }
  samples.sort((a, b) => a - b);
  return samples[samples.length >> 1];
}
// (a declaration: the trace table, which `--only=trace` writes first, uses it too)
function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[s.length >> 1] : NaN;
}
const tick = () => new Promise((r) => setTimeout(r, 0));

// ---- ndscope without relaxed SIMD (bench/ndscope_plain_worker.mjs) ----------------------------
let plain = null;
function plainWorker() {
  const p = spawn(
    process.execPath,
    ['--no-experimental-wasm-relaxed-simd', join(root, 'bench', 'ndscope_plain_worker.mjs')],
    { stdio: ['pipe', 'pipe', 'inherit'], cwd: root },
  );
  const rl = createInterface({ input: p.stdout });
  const waiting = [];
  let build = null;
  let dead = false;
  rl.on('line', (l) => {
    const msg = JSON.parse(l);
    if (msg.ready) build = msg.build;
    else waiting.shift()?.(msg);
  });
  // a Node without the flag exits at once ("bad option"): the row reads "—" instead of hanging
  p.stdin.on('error', () => {}); // EPIPE after an early exit: handled by 'exit'
  p.on('exit', () => {
    dead = true;
    for (const res of waiting.splice(0)) res({ s: NaN, build });
  });
  return {
    build: () => build,
    ask: (w, budget) =>
      new Promise((res) => {
        if (dead) return res({ s: NaN, build });
        waiting.push(res);
        p.stdin.write(JSON.stringify({ w, budget }) + '\n');
      }),
    close: () => p.stdin.end(),
  };
}

// ---- numpy workers ------------------------------------------------------------------------------
function pyWorker(env) {
  const p = spawn('python3', [join(root, 'bench', 'numpy_worker.py')], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const rl = createInterface({ input: p.stdout });
  const waiting = [];
  rl.on('line', (l) => waiting.shift()?.(JSON.parse(l)));
  return {
    ask: (w, budget) =>
      new Promise((res) => {
        waiting.push(res);
        p.stdin.write(JSON.stringify({ w, budget }) + '\n');
      }),
    close: () => p.stdin.end(),
  };
}
const py1 = pyWorker({ OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' });
const pyN = pyWorker({});
const pyVersion = spawnSync(
  'python3',
  ['-c', 'import numpy, sys; print(numpy.__version__, sys.version.split()[0])'],
  { encoding: 'utf8' },
).stdout.trim();

// ---- run ---------------------------------------------------------------------------------------
const results = [];
const slowMatmul = new Map();
const loadavg0 = (await import('node:os')).loadavg()[0].toFixed(1);
const t0 = now();
for (const w of WORKLOADS) {
  const r = { ...w, nd: [], np1: [], npN: [], peers: {} };
  const nd = ndscopeCase(w.id);
  for (let round = 0; round < ROUNDS; round++) {
    if (typeof nd === 'function') r.nd.push(measure(nd, BUDGET));
    else {
      const res = await nd.remote.ask(nd.id, BUDGET);
      r.nd.push(res.s);
      // the label states the build the child really loaded
      if (res.build && res.build !== 'simd128') r.label = `${w.label} — child loaded ${res.build}`;
    }
    await tick(); // lets FinalizationRegistry callbacks run between rounds
    r.np1.push((await py1.ask(w.numpy ?? w.id, BUDGET)).s);
    r.npN.push((await pyN.ask(w.numpy ?? w.id, BUDGET)).s);
  }
  for (const [name, make] of Object.entries(PEERS)) {
    if (name.startsWith('tfjs-')) await tf.setBackend(name.slice(5));
    let fn = null;
    try {
      fn = w.numpy === undefined ? make(w.id) : null;
    } catch (e) {
      r.peers[name] = { err: e.message };
      continue;
    }
    if (fn === null) {
      r.peers[name] = null;
      continue;
    }
    // a peer whose smaller matmul already took > 0.5 s: estimate (n³) instead of waiting minutes
    const mm = /^matmul:(\d+),(\w+)/.exec(w.id);
    const prevKey = mm ? `${name}:${mm[2]}` : null;
    const prev = prevKey ? slowMatmul.get(prevKey) : undefined;
    const predicted = mm && prev ? prev.s * (Number(mm[1]) / prev.n) ** 3 : 0;
    if (predicted > 120) {
      r.peers[name] = { est: predicted };
      continue;
    }
    try {
      if (predicted > 3) {
        // one cold call (no warm-up): some peers switch algorithms at larger sizes
        const t = now();
        fn();
        r.peers[name] = { s: now() - t, once: true };
      } else r.peers[name] = { s: measure(fn, PEER_BUDGET) };
      if (mm && r.peers[name].s > 0.5)
        slowMatmul.set(prevKey, { n: Number(mm[1]), s: r.peers[name].s });
    } catch (e) {
      r.peers[name] = { err: String(e.message).slice(0, 60) };
    }
    await tick();
  }
  r.ndMed = median(r.nd);
  r.np1Med = median(r.np1);
  r.npNMed = median(r.npN);
  results.push(r);
  const peerStr = Object.entries(r.peers)
    .map(([k, v]) => `${k} ${v?.s ? fmt(v.s) : v?.est ? `~${fmt(v.est)}` : v?.err ? 'err' : 'n/a'}`)
    .join(', ');
  console.log(
    `${w.label.padEnd(40)} ndscope ${fmt(r.ndMed).padStart(9)}  numpy-1T ${fmt(r.np1Med).padStart(9)} (${(r.np1Med / r.ndMed).toFixed(2)}x)  numpy ${fmt(r.npNMed).padStart(9)}  | ${peerStr}`,
  );
}
py1.close();
pyN.close();
plain?.close();
const elapsed = now() - t0;

function fmt(s) {
  if (!Number.isFinite(s)) return '—';
  if (s < 1e-6) return `${(s * 1e9).toFixed(0)} ns`;
  if (s < 1e-3) return `${(s * 1e6).toFixed(1)} µs`;
  if (s < 1) return `${(s * 1e3).toFixed(2)} ms`;
  return `${s.toFixed(2)} s`;
}

// ---- memory checks (fresh process) -------------------------------------------------------------
const mem = spawnSync(process.execPath, [join(root, 'bench', 'memory.mjs')], {
  encoding: 'utf8',
  cwd: root,
});
let memory = null;
try {
  memory = JSON.parse(mem.stdout.trim().split('\n').pop());
} catch {
  console.log('memory check failed:', mem.stdout, mem.stderr);
}
if (memory) console.log(memory);

// ---- RESULTS.md ----------------------------------------------------------------------------------
if (WRITE && !QUICK && ONLY === null) writeResults();
else if (WRITE) console.log('(quick/partial run: bench/RESULTS.md not rewritten)');

function writeResults() {
  const file = join(root, 'bench', 'RESULTS.md');
  const peerNames = Object.keys(PEERS);
  const ratio = (ours, theirs) =>
    Number.isFinite(theirs) && Number.isFinite(ours) ? `${(theirs / ours).toFixed(2)}×` : '—';
  const rows = results.map((r) => {
    const cells = [
      r.label,
      fmt(r.ndMed),
      fmt(r.np1Med),
      ratio(r.ndMed, r.np1Med),
      fmt(r.npNMed),
      ratio(r.ndMed, r.npNMed),
      ...peerNames.map((p) => {
        const v = r.peers[p];
        if (v === null || v === undefined) return 'n/a';
        if (v.err) return 'error';
        if (v.est) return `≈ ${fmt(v.est)} (est. n³)`;
        return `${fmt(v.s)}${v.once ? '¹' : ''} (${ratio(r.ndMed, v.s)})`;
      }),
    ];
    return `| ${cells.join(' | ')} |`;
  });
  const header = `| workload | ndscope | numpy 1T | vs 1T | numpy (default threads) | vs default | ${peerNames.join(' | ')} |`;
  const sep = `|${' --- |'.repeat(6 + peerNames.length)}`;
  const level = np.backend?.() ?? null;
  const section = [
    '<!-- native:begin (bench/run.mjs rewrites this section; keep other sections outside it) -->',
    '## Native kernels: ndscope vs numpy and the JS peers',
    '',
    `Run: ${new Date().toISOString().slice(0, 16)} UTC, Node ${process.version}, numpy/python ${pyVersion}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), load average at start ${loadavg0}. ${ROUNDS} interleaved rounds for ndscope/numpy (median of round medians), one round for peers; ${elapsed.toFixed(0)} s in all.`,
    '',
    `WASM build: the matmul/solve and float64 exp/log rows use the ${BUILD_TAG[BUILD]} (what ndscope's runner, VS Code's extension host and Node ≥ 22 load where relaxed_madd fuses; the bench switches Node 20's \`--experimental-wasm-relaxed-simd\` on as the runner does); \`(plain SIMD128 build)\`: a child process without relaxed SIMD (browsers without it, the library in plain Node 20) — same numpy rows. The other kernels are identical in both builds.`,
    '',
    "Ratios are **speed ratios**: `numpy time / ndscope time` (> 1 means ndscope is faster). Peer cells show the peer's time and the same ratio against it. tfjs has no float64: its cells are float32 runs of the same shapes. `n/a`: the library offers no such operation. ¹ one cold call (the smaller size already took seconds); `≈ … (est. n³)`: not run, extrapolated.",
    '',
    header,
    sep,
    ...rows,
    '',
    '### Memory',
    '',
    memory ? memoryText(memory) : '_memory check failed_',
    '<!-- native:end -->',
  ].join('\n');
  let text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const re = /<!-- native:begin[\s\S]*?<!-- native:end -->/;
  if (re.test(text)) text = text.replace(re, section);
  else text = `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, text);
  console.log(`wrote ${file}`);
}

// ---- trace overhead (bench/trace-overhead.mjs, in its own process) ------------------------------
if (TRACE) traceOverhead();

function traceOverhead() {
  console.log('\ntrace overhead (bench/trace-overhead.mjs)…');
  // Processes of bench/trace-overhead.mjs per run. One process pairs raw and traced chunks, which
  // cancels the machine's load; what it cannot cancel is the process itself (where its memory
  // landed): the same code read add 1e5 from 4.6 to 16.8 % in 12 processes on an idle host
  // (RESULTS.md, "Session 6"). Each row is the median over processes of each one's paired median.
  const n = QUICK ? 1 : 5;
  const runs = [];
  for (let i = 0; i < n; i++) {
    const r = spawnSync(
      process.execPath,
      [join(root, 'bench', 'trace-overhead.mjs'), '--json', ...(QUICK ? ['--quick'] : [])],
      { encoding: 'utf8', cwd: root },
    );
    if (r.status !== 0 || r.stdout.trim() === '') {
      console.log('trace overhead failed:', r.stderr);
      return;
    }
    runs.push(JSON.parse(r.stdout));
  }
  const table = traceTable(runs);
  console.log(table);
  if (!WRITE || QUICK) {
    if (WRITE) console.log('(quick run: bench/RESULTS.md not rewritten)');
    return;
  }
  const file = join(root, 'bench', 'RESULTS.md');
  const section = [
    '<!-- trace:begin (bench/run.mjs rewrites this part with bench/trace-overhead.mjs) -->',
    `Latest \`npm run bench\` run (${new Date().toISOString().slice(0, 16)} UTC):`,
    '',
    table,
    '<!-- trace:end -->',
  ].join('\n');
  let text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const re = /<!-- trace:begin[\s\S]*?<!-- trace:end -->/;
  const head = /^## Trace overhead.*$/m;
  if (re.test(text)) text = text.replace(re, section);
  else if (head.test(text)) text = text.replace(head, (h) => `${h}\n\n${section}`);
  else text = `${text.trimEnd()}\n\n## Trace overhead\n\n${section}\n`;
  writeFileSync(file, text);
  console.log(`wrote the trace overhead table to ${file}`);
}

/** The markdown table of `runs` (trace-overhead.mjs --json outputs): per row, medians over runs. */
function traceTable(runs) {
  const first = runs[0];
  const loads = runs.flatMap((r) => r.load);
  const lines = [
    `Tracing overhead (node ${first.node}; ${runs.length} process${runs.length > 1 ? 'es' : ''} of bench/trace-overhead.mjs, each: paired chunks of ${first.chunking}, raw / traced / traced-with-stack-locations alternating, ${first.rounds} rounds per op, CPU time per call, overhead = median over rounds of traced − raw of the same round; per row the median over the processes and their range; load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} on ${cpus().length} cores; target: big ≤ 10 %, tiny ≤ 3 µs)`,
    '',
    '| op | raw µs | traced µs | overhead | range over the processes | processes within target | target | traced, stack locations (fallback) |',
    '|---|---:|---:|---:|---:|---:|:---:|---:|',
  ];
  for (const row of first.rows) {
    const all = runs.map((r) => r.rows.find((x) => x.name === row.name)).filter(Boolean);
    const big = row.size === 'big';
    const ov = all.map((x) => (big ? x.overheadPct : x.overheadUs));
    const fmt = (v) => (big ? `${v.toFixed(1)} %` : `${v.toFixed(2)} µs`);
    const m = median(ov);
    const ok = big ? m <= 10 : m <= 3;
    const within = ov.filter((v) => (big ? v <= 10 : v <= 3)).length;
    const stack = median(all.map((x) => (big ? x.stackOverheadPct : x.stackOverheadUs)));
    lines.push(
      `| ${row.name} | ${median(all.map((x) => x.rawUs)).toFixed(2)} | ${median(all.map((x) => x.tracedUs)).toFixed(2)} | ${fmt(m)} | ${fmt(Math.min(...ov))} … ${fmt(Math.max(...ov))} | ${within} / ${ov.length} | ${ok ? 'ok' : 'MISSED'} | ${fmt(stack)} |`,
    );
  }
  return lines.join('\n');
}

function memoryText(m) {
  const mb = (b) => `${(b / 2 ** 20).toFixed(1)} MiB`;
  const sec = (r) => `${(r.ms / 1000).toFixed(1)} s`;
  const loopText = (r) =>
    r.failedAt
      ? `MemoryError at iteration ${r.failedAt}`
      : `first high-water ${mb(r.first)}, ${mb(r.at1000)} after 1,000 iterations, ${mb(r.after)} after 10,000 (${r.after <= r.at1000 ? 'no growth after the first reclaim' : 'GREW'}; ${r.reclaims} reclaims, ${sec(r)}${r.gcLeft ? '; gc LEFT exposed' : ''})`;
  return [
    `- Adding two 1e7 float64 arrays (80 MB each, 3 × 80 MB = 240 MB with the result): bytes handed out by the allocator grew by ${mb(m.add.allocated)}, linear memory by ${mb(m.add.grown)} → peak ${m.add.peakRatio.toFixed(2)} × 80 MB (target < 3; the inputs count: 2 of the 3 are the operands themselves).`,
    `- 10,000 allocate/drop iterations (1e4-element float64 arrays plus a temporary each; each loop in a fresh \`node\` with no flags): with \`using\`/dispose, linear memory after = ${mb(m.loop.disposed.after)} vs first high-water ${mb(m.loop.disposed.first)} (${m.loop.disposed.after <= m.loop.disposed.first ? 'no growth' : 'GREW'}; ${sec(m.loop.disposed)}).`,
    m.loop.droppedAuto
      ? `- The same loops dropping their arrays in a plain Node process (the runtime takes a \`gc\` itself and reclaims before the memory grows past 32 MiB): synchronous ${loopText(m.loop.droppedAuto)}; yielding to the event loop every 100 iterations ${loopText(m.loop.yieldingAuto)}.`
      : '',
    `- With \`np.configureMemory({reclaim: false})\` (what a plain Node process did before): dropped, yielding every 100 iterations: ${mb(m.loop.yielding.after)}${m.loop.yielding.failedAt ? ` (MemoryError at iteration ${m.loop.yielding.failedAt})` : ''}; dropped in one synchronous loop: ${m.loop.dropped.failedAt ? `**MemoryError at iteration ${m.loop.dropped.failedAt}** (4 GiB)` : mb(m.loop.dropped.after)}${m.loop.dropped.ms ? ` (${sec(m.loop.dropped)})` : ''} — FinalizationRegistry callbacks cannot run inside a synchronous loop, and V8 does not see the WebAssembly memory small arrays hold.`,
    m.add.dropped20
      ? `- 20 more 1e7 adds with the results dropped: ${m.add.dropped20.reclaims} reclaims (one GC per 80 MB result), memory ${mb(m.add.dropped20.memory)}; 20 kept: ${m.add.kept20.reclaims} reclaims (a growing live set: O(log) GCs), memory ${mb(m.add.kept20.memory)}.`
      : '',
    m.add.opRatio !== undefined
      ? `- The add's own allocation (what the op adds to the inputs already there): ${mb(m.add.duringAdd)} of high-water, ${mb(m.add.opLive)} live → ${m.add.opRatio.toFixed(2)} × 80 MB (the result's block; no temporaries).`
      : '',
    m.loop.reclaimed
      ? `- The same dropping synchronous loop in a worker started after \`--expose-gc\`${m.loop.reclaimed.cleanupSome ? ' `--harmony-weak-refs-with-cleanup-some`' : ''} (as the runner's worker; the reclaim hook runs a GC + ${m.loop.reclaimed.cleanupSome ? 'cleanupSome' : 'WeakRef sweep'} before the memory grows, not below 32 MiB): first high-water ${mb(m.loop.reclaimed.first)}, ${mb(m.loop.reclaimed.at1000)} after 1,000 iterations, ${mb(m.loop.reclaimed.after)} after 10,000 (${m.loop.reclaimed.after <= m.loop.reclaimed.at1000 ? 'no growth after the first reclaim' : 'GREW'}; ${m.loop.reclaimed.reclaims} reclaims, ${(m.loop.reclaimed.ms / 1000).toFixed(1)} s).`
      : '',
  ]
    .filter((l) => l !== '')
    .join('\n');
}
