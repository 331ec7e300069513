/**
 * The WASM backend through the public API against the TS backend (the reference): the same
 * calls on random shapes and views (transposed, negative strides via [::-1], broadcast, strided
 * slices, size-1 and empty dims) in every numeric dtype must give byte-identical results —
 * ufuncs, sums along any axis (NumPy's pairwise order), matmul, astype/copies. Also: the backend
 * loads (dist/native built by `npm run build`), and NDSCOPE_BACKEND / useBackend switch it.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as np from '../../src/runtime/index';
import { backendStatus, useBackend, type BackendName } from '../../src/runtime/wasm';
import { getKernel } from '../../src/runtime/ufunc_kernels';
import { rng } from './harness';

const initial = backendStatus().backend;
after(() => {
  useBackend(initial);
});

function both<T>(f: () => T): [T, T] {
  const prev: BackendName = useBackend('ts');
  const a = f();
  useBackend('wasm');
  const b = f();
  useBackend(prev);
  return [a, b];
}

const bytesOf = (x: unknown): string =>
  x instanceof np.NDArray
    ? `${(x as np.NDArray).dtype}${JSON.stringify((x as np.NDArray).shape)}:${Buffer.from((x as np.NDArray).tobytes()).toString('hex')}`
    : String(Object.is(x, -0) ? '-0' : x);

const DTYPES = ['bool', 'int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64', 'float32', 'float64'] as const;

function randomArray(rand: () => number, shape: number[], dtype: string): np.NDArray {
  const size = shape.reduce((a, b) => a * b, 1);
  const vals = Array.from({ length: size }, () => {
    const u = rand();
    if (dtype === 'bool') return u < 0.5 ? 1 : 0;
    if (dtype.startsWith('float')) return u < 0.05 ? NaN : u < 0.1 ? -0 : (rand() - 0.5) * 10 ** Math.floor(rand() * 8 - 3);
    return Math.floor((rand() - 0.5) * 300);
  });
  return np.reshape(np.array(vals).astype(dtype), shape) as np.NDArray;
}

/** A random view of a random array: transposed, reversed, strided or broadcast. */
function randomView(rand: () => number, dtype: string): np.NDArray {
  const nd = 1 + Math.floor(rand() * 3);
  const shape = Array.from({ length: nd }, () => Math.floor(rand() * 9) + (rand() < 0.1 ? 0 : 1));
  let a = randomArray(rand, shape.map((d) => d * 2), dtype);
  const k = Math.floor(rand() * 4);
  if (k === 0) a = a.get(...shape.map(() => np.slice(null, null, 2))) as np.NDArray;
  else if (k === 1) a = (a.get(...shape.map(() => np.slice(null, null, -1))) as np.NDArray).T;
  else if (k === 2) a = np.ascontiguousarray(a.T) as np.NDArray;
  return a;
}

describe('WASM backend', () => {
  it('is loaded (run `npm run build` first) and reports its SIMD level', () => {
    const s = backendStatus();
    assert.equal(s.backend, process.env.NDSCOPE_BACKEND === 'ts' ? 'ts' : 'wasm', s.reason ?? '');
    assert.ok(s.simd === 'simd128' || s.simd === 'relaxed-simd');
  });
  it('np.backendStatus() reports it (a copy) and follows useBackend', () => {
    const s = np.backendStatus();
    assert.deepEqual(s, backendStatus());
    assert.ok(s.module === 'relaxed-simd' || s.module === 'simd128', String(s.module));
    (s as { backend: string }).backend = 'changed';
    assert.notEqual(np.backendStatus().backend, 'changed');
    const prev = useBackend('ts');
    try {
      assert.equal(np.backendStatus().backend, 'ts');
    } finally {
      useBackend(prev);
    }
    assert.equal(np.backendStatus().backend, prev);
  });
  it('useBackend switches the ufunc registry', () => {
    useBackend('ts');
    const tsK = getKernel('add', 'float64');
    useBackend('wasm');
    const wK = getKernel('add', 'float64');
    assert.equal(tsK, getKernel('add', 'float64', 'ts'));
    assert.equal(wK, getKernel('add', 'float64', 'wasm'));
    assert.notEqual(tsK, wK);
  });
});

describe('ufuncs: WASM = TS on random views, every dtype', () => {
  const BIN = ['add', 'subtract', 'multiply', 'maximum', 'minimum', 'bitwise_and', 'less', 'greater_equal', 'equal', 'not_equal'] as const;
  const UN = ['negative', 'absolute', 'square', 'sqrt', 'exp'] as const;
  for (const dt of DTYPES) {
    it(dt, () => {
      const rand = rng(dt.length * 101 + dt.charCodeAt(0));
      for (let iter = 0; iter < 10; iter++) {
        const a = randomView(rand, dt);
        // b: same shape in another layout, a broadcast row, or a scalar
        const r = rand();
        const b = r < 0.4 ? (np.ascontiguousarray(randomArray(rand, a.shape, dt)) as np.NDArray)
          : r < 0.7 ? (randomArray(rand, a.shape.slice(-1), dt))
          : randomArray(rand, [], dt);
        for (const op of BIN) {
          if (dt === 'bool' && (op === 'subtract')) continue;
          if (dt.startsWith('float') && op === 'bitwise_and') continue;
          const f = (np as unknown as Record<string, (x: unknown, y: unknown) => unknown>)[op]!;
          const [x, y] = both(() => bytesOf(f(a, b)));
          assert.equal(y, x, `${op} ${dt} ${JSON.stringify(a.shape)} strides ${JSON.stringify(a.strides)}`);
          const [x2, y2] = both(() => bytesOf(f(b, a)));
          assert.equal(y2, x2, `${op} ${dt} (swapped)`);
        }
        for (const op of UN) {
          if (dt === 'bool' && op !== 'absolute') continue;
          const f = (np as unknown as Record<string, (x: unknown) => unknown>)[op]!;
          const [x, y] = both(() => bytesOf(f(a)));
          assert.equal(y, x, `${op} ${dt} ${JSON.stringify(a.shape)}`);
        }
      }
    });
  }
});

describe('sum and mean along every axis: WASM pairwise = TS pairwise, bit for bit', () => {
  for (const dt of ['float64', 'float32'] as const) {
    it(dt, () => {
      const rand = rng(dt === 'float64' ? 64 : 32);
      for (let iter = 0; iter < 30; iter++) {
        const shape = iter < 3 ? [[5000], [300, 40], [7, 1000, 3]][iter]! : [1 + Math.floor(rand() * 300), 1 + Math.floor(rand() * 40)];
        let a = randomArray(rand, shape, dt);
        if (iter % 3 === 1) a = a.T;
        if (iter % 3 === 2) a = a.get(np.slice(null, null, -1)) as np.NDArray;
        for (const axis of [null, ...a.shape.map((_, i) => i)]) {
          const [x, y] = both(() => bytesOf(np.sum(a, { axis })));
          assert.equal(y, x, `sum axis ${axis} of ${JSON.stringify(a.shape)}`);
          const [m1, m2] = both(() => bytesOf(np.mean(a, { axis })));
          assert.equal(m2, m1, `mean axis ${axis}`);
        }
      }
    });
  }
});

describe('matmul: WASM GEMM = TS GEMM bit for bit', () => {
  for (const dt of ['float64', 'float32'] as const) {
    it(dt, () => {
      const rand = rng(7);
      for (const [m, k, n] of [[33, 70, 41], [128, 300, 65], [5, 600, 9], [260, 20, 130]] as const) {
        let a = randomArray(rand, [m, k], dt);
        let b = randomArray(rand, [n, k], dt).T;
        if (m % 2) a = np.ascontiguousarray(a.T).T as np.NDArray;
        if (n % 2) b = np.ascontiguousarray(b) as np.NDArray;
        const [x, y] = both(() => bytesOf(np.matmul(a, b)));
        assert.equal(y, x, `matmul ${m}x${k}x${n}`);
      }
    });
  }
});

describe('copies and casts: WASM = TS', () => {
  it('astype between every pair on random views, ascontiguousarray, reshape of transposes', () => {
    const rand = rng(99);
    for (const from of DTYPES) {
      for (let iter = 0; iter < 4; iter++) {
        const a = randomView(rand, from);
        for (const to of DTYPES) {
          const [x, y] = both(() => bytesOf(a.astype(to)));
          assert.equal(y, x, `astype ${from}→${to} ${JSON.stringify(a.shape)} ${JSON.stringify(a.strides)}`);
        }
        const [c1, c2] = both(() => bytesOf(np.ascontiguousarray(a)));
        assert.equal(c2, c1);
        const [r1, r2] = both(() => bytesOf(np.reshape(a.T, [-1])));
        assert.equal(r2, r1);
        const [b1, b2] = both(() => bytesOf(np.broadcast_to(a, [3, ...a.shape]).copy()));
        assert.equal(b2, b1);
      }
    }
    const big = randomArray(rand, [300, 500], 'float64');
    const [t1, t2] = both(() => bytesOf(np.reshape(big.T, [-1])));
    assert.equal(t2, t1);
  });
});

describe('LU (solve, inv, det): WASM = TS bit for bit', () => {
  it('random, pivoting-heavy, zero-column and NaN matrices', () => {
    const rand = rng(2024);
    for (const n of [8, 9, 33, 70, 150]) { // ≥ 64: the blocked native LU (panels of 24)
      for (let kind = 0; kind < 4; kind++) {
        const vals = Array.from({ length: n * n }, () => (rand() - 0.5) * 10);
        if (kind === 1) for (let i = 0; i < n; i++) vals[i * n + 3] = 0; // a zero column: singular
        if (kind === 2) vals[5] = NaN;
        if (kind === 3) for (let j = 0; j < n; j++) vals[2 * n + j] = 0; // zero entries in pivot rows
        const a = np.reshape(np.array(vals), [n, n]) as np.NDArray;
        const b = np.array(Array.from({ length: n }, () => rand()));
        const run = (f: () => unknown): string => {
          try {
            return bytesOf(f());
          } catch (e) {
            return `error ${(e as Error).message}`;
          }
        };
        for (const [name, f] of [
          ['solve', () => np.linalg.solve(a, b)],
          ['inv', () => np.linalg.inv(a)],
          ['det', () => np.linalg.det(a)],
        ] as const) {
          const [x, y] = both(() => run(f));
          assert.equal(y, x, `${name} n=${n} kind ${kind}`);
        }
      }
    }
  });
});

describe('np.random PCG64: WASM draws = TS draws', () => {
  const draw = (g: np.random.Generator): string[] => [
    bytesOf(g.random(1000)),
    bytesOf(g.standard_normal(777)),
    bytesOf(g.integers(0, 1000, 513, { dtype: 'int32' })),
    bytesOf(g.integers(-(2 ** 40), 2 ** 40, 300)),
    String(g.random()),
    String((g.bit_generator as np.random.PCG64).state.state.state),
  ];
  it('the same values and states from fresh generators, every seed', () => {
    for (const seed of [0, 1, 12345, 2 ** 32 + 7, 987654321987654321n]) {
      const [ts, wasm] = both(() => draw(np.random.default_rng(seed)));
      assert.deepEqual(wasm, ts, `seed ${String(seed)}`);
    }
  });
  it('a generator keeps its stream across backend switches inside a buffer, and its state', () => {
    const prev = useBackend('wasm');
    try {
      const g = np.random.default_rng(42);
      const a = [bytesOf(g.random(100))];
      useBackend('ts');
      a.push(bytesOf(g.random(300)), String((g.bit_generator as np.random.PCG64).state.state.state));
      useBackend('wasm');
      a.push(bytesOf(g.random(1000)));
      useBackend('ts');
      const h = np.random.default_rng(42);
      const b = [
        bytesOf(h.random(100)),
        bytesOf(h.random(300)),
        String((h.bit_generator as np.random.PCG64).state.state.state),
        bytesOf(h.random(1000)),
      ];
      assert.deepEqual(a, b);
    } finally {
      useBackend(prev);
    }
  });
});
