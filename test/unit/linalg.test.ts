/**
 * Linear algebra behaviour the parity fixtures cannot express: decompositions whose vectors are
 * unique only up to sign (checked through reconstructions and orthogonality), named results that
 * destructure, the GEMM kernel registry and its blocked kernel against a plain reference loop.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as np from '../../src/runtime/index';
import type { NDArray } from '../../src/runtime/index';
import { gemm, gemmReference, registerGemm, type GemmKernel } from '../../src/runtime/internal';

type M = number[][];

function mat(a: NDArray): M {
  return a.tolist() as M;
}
function mul(a: M, b: M): M {
  return a.map((row) => b[0]!.map((_, j) => row.reduce((s, x, k) => s + x * b[k]![j]!, 0)));
}
function transpose(a: M): M {
  return a[0]!.map((_, j) => a.map((r) => r[j]!));
}
function assertClose(got: M | number[], want: M | number[], tol = 1e-9, what = ''): void {
  const g = (got as unknown[]).flat(2) as number[];
  const w = (want as unknown[]).flat(2) as number[];
  assert.equal(g.length, w.length, `${what} length`);
  const scale = Math.max(1, ...w.map(Math.abs));
  for (let i = 0; i < g.length; i++) {
    assert.ok(Math.abs(g[i]! - w[i]!) <= tol * scale, `${what} index ${i}: ${g[i]} vs ${w[i]}`);
  }
}
function eye(n: number): M {
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)),
  );
}
/** Deterministic pseudo-random matrix (no Math.random: failures must reproduce). */
function rand(r: number, c: number, seed = 1): M {
  let s = seed;
  const next = (): number => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648 - 0.5;
  };
  return Array.from({ length: r }, () =>
    Array.from({ length: c }, () => Math.round(next() * 4000) / 1000),
  );
}

describe('linalg: named results', () => {
  it('eigh destructures and has NumPy field names', () => {
    const A = np.array([
      [3, 1],
      [1, 2],
    ]);
    const res = np.linalg.eigh(A);
    const [w, v] = res;
    assert.equal(w, res.eigenvalues);
    assert.equal(v, res.eigenvectors);
    assert.equal(res.length, 2);
    // NumPy: eigenvalues [1.38196601, 3.61803399]
    assertClose(w.tolist() as number[], [1.381966011250105, 3.618033988749895], 1e-12);
  });
  it('svd, qr and slogdet destructure', () => {
    const A = np.array([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    const r = np.linalg.svd(A) as np.linalg.SVDResult;
    const [U, S, Vh] = r;
    assert.equal(U, r.U);
    assert.equal(S, r.S);
    assert.equal(Vh, r.Vh);
    const q = np.linalg.qr(A) as np.linalg.QRResult;
    const [Q, R] = q;
    assert.equal(Q, q.Q);
    assert.equal(R, q.R);
    const sl = np.linalg.slogdet(
      np.array([
        [1, 2],
        [3, 4],
      ]),
    );
    const [sign, logabsdet] = sl;
    assert.equal(sign, sl.sign);
    assert.equal(logabsdet, sl.logabsdet);
    assert.equal(sign, -1);
    assertClose([logabsdet], [Math.log(2)], 1e-12);
  });
  it('det returns a JS number for one matrix and an ndarray for a stack', () => {
    assert.equal(typeof np.linalg.det(np.eye(3)), 'number');
    const d = np.linalg.det(
      np.array([
        np.eye(2).tolist(),
        [
          [2, 0],
          [0, 3],
        ],
      ] as never),
    ) as unknown as NDArray;
    assert.ok(d instanceof np.NDArray);
    assertClose(d.tolist() as number[], [1, 6], 1e-12);
  });
});

describe('linalg: decompositions by reconstruction', () => {
  for (const n of [1, 2, 5, 12, 30]) {
    it(`eigh ${n}x${n}: A·V = V·diag(w), VᵀV = I, ascending`, () => {
      const B = rand(n, n, n + 3);
      const Asym = B.map((row, i) => row.map((x, j) => x + B[j]![i]!));
      const [w, v] = np.linalg.eigh(np.array(Asym));
      const W = w.tolist() as number[];
      const V = mat(v);
      for (let i = 1; i < n; i++) assert.ok(W[i - 1]! <= W[i]!, 'ascending');
      assertClose(mul(transpose(V), V), eye(n), 1e-12, 'VᵀV');
      assertClose(
        mul(Asym, V),
        V.map((row) => row.map((x, j) => x * W[j]!)),
        1e-11,
        'AV',
      );
    });
  }
  it('eigh with UPLO="U" reads only the upper triangle', () => {
    const A = [
      [2, 1, 0],
      [99, 3, 1],
      [99, 99, 4],
    ];
    const w = np.linalg.eigvalsh(np.array(A), { UPLO: 'U' }).tolist() as number[];
    const ws = np.linalg
      .eigvalsh(
        np.array([
          [2, 1, 0],
          [1, 3, 1],
          [0, 1, 4],
        ]),
      )
      .tolist() as number[];
    assertClose(w, ws, 1e-14);
  });
  const shapes: [number, number][] = [
    [4, 4],
    [7, 3],
    [3, 7],
    [1, 5],
    [6, 1],
    [20, 11],
  ];
  for (const [m, n] of shapes) {
    for (const full of [true, false]) {
      it(`svd ${m}x${n} full_matrices=${full}: U·diag(S)·Vh = A, orthonormal factors`, () => {
        const A = rand(m, n, m * 10 + n);
        const [U, S, Vh] = np.linalg.svd(np.array(A), {
          full_matrices: full,
        }) as np.linalg.SVDResult;
        const k = Math.min(m, n);
        assert.deepEqual(U.shape, [m, full ? m : k]);
        assert.deepEqual(S.shape, [k]);
        assert.deepEqual(Vh.shape, [full ? n : k, n]);
        const u = mat(U);
        const s = S.tolist() as number[];
        const vh = mat(Vh);
        for (let i = 1; i < k; i++) assert.ok(s[i - 1]! >= s[i]!, 'descending');
        assertClose(mul(transpose(u), u), eye(u[0]!.length), 1e-12, 'UᵀU');
        assertClose(mul(vh, transpose(vh)), eye(vh.length), 1e-12, 'VhVhᵀ');
        const us = u.map((row) => row.slice(0, k).map((x, j) => x * s[j]!));
        assertClose(mul(us, vh.slice(0, k)), A, 1e-12, 'USVh');
      });
    }
  }
  it('svd beyond the LAPACK small-case size (40x30): reconstruction and orthonormality', () => {
    const A = rand(40, 30, 123);
    const [U, S, Vh] = np.linalg.svd(np.array(A), { full_matrices: false }) as np.linalg.SVDResult;
    const u = mat(U);
    const s = S.tolist() as number[];
    const vh = mat(Vh);
    assertClose(mul(transpose(u), u), eye(30), 1e-12, 'UᵀU');
    assertClose(mul(vh, transpose(vh)), eye(30), 1e-12, 'VhVhᵀ');
    assertClose(
      mul(
        u.map((row) => row.map((x, j) => x * s[j]!)),
        vh,
      ),
      A,
      1e-12,
      'USVh',
    );
  });
  it('eig of a 30x30 matrix with a known real spectrum', () => {
    // A = P·diag(1..30)·P⁻¹ with P unit lower triangular (so P⁻¹ is exact in floating point)
    const n = 30;
    const P = eye(n).map((row, i) => row.map((x, j) => (j < i && (i + j) % 3 === 0 ? 1 : x)));
    const D = eye(n).map((row, i) => row.map((x) => x * (i + 1)));
    const Pinv = mat(np.linalg.inv(np.array(P)));
    const A = mul(mul(P, D), Pinv);
    const [w, v] = np.linalg.eig(np.array(A));
    const W = w.tolist() as number[];
    assertClose(
      [...W].sort((x, y) => x - y),
      D.map((_, i) => i + 1),
      1e-9,
      'eigenvalues',
    );
    const V = mat(v);
    for (const j of [0, 7, 29]) {
      const col = V.map((r) => r[j]!);
      assertClose(
        mul(
          A,
          col.map((x) => [x]),
        ).flat(),
        col.map((x) => x * W[j]!),
        1e-8,
        `Av=λv ${j}`,
      );
    }
  });
  it('det digits come from correctly rounded log/exp (NumPy: 5.000000000000001, -2.0000000000000004)', () => {
    assert.equal(
      np.linalg.det(
        np.array([
          [3, 1],
          [1, 2],
        ]),
      ),
      5.000000000000001,
    );
    assert.equal(
      np.linalg.det(
        np.array([
          [1, 2],
          [3, 4],
        ]),
      ),
      -2.0000000000000004,
    );
  });
  it('svd of a rank-deficient matrix still gives orthonormal U', () => {
    const A = [
      [1, 2],
      [2, 4],
      [3, 6],
    ];
    const [U, S] = np.linalg.svd(np.array(A)) as np.linalg.SVDResult;
    const u = mat(U);
    assertClose(mul(transpose(u), u), eye(3), 1e-12, 'UᵀU');
    assert.ok((S.tolist() as number[])[1]! < 1e-12);
  });
  it('qr: Q orthonormal, R upper triangular, Q·R = A (complete and reduced)', () => {
    const A = rand(6, 4, 42);
    for (const mode of ['reduced', 'complete'] as const) {
      const [Q, R] = np.linalg.qr(np.array(A), { mode }) as np.linalg.QRResult;
      const q = mat(Q);
      const r = mat(R);
      assertClose(mul(transpose(q), q), eye(q[0]!.length), 1e-12, 'QᵀQ');
      r.forEach((row, i) => row.forEach((x, j) => j < i && assert.equal(x, 0)));
      assertClose(mul(q, r), A, 1e-12, 'QR');
    }
  });
  it('cholesky: L·Lᵀ = A and upper=True gives Lᵀ', () => {
    const B = rand(5, 5, 9);
    const A = mul(B, transpose(B)).map((row, i) => row.map((x, j) => x + (i === j ? 5 : 0)));
    const L = mat(np.linalg.cholesky(np.array(A)));
    assertClose(mul(L, transpose(L)), A, 1e-12, 'LLᵀ');
    const U = mat(np.linalg.cholesky(np.array(A), { upper: true }));
    assertClose(U, transpose(L), 1e-14, 'U = Lᵀ');
  });
  it('eig: A·v = λ·v for a nonsymmetric matrix with a real spectrum', () => {
    const A = [
      [4, 1, 2],
      [0, 3, 1],
      [1, 0, 2],
    ];
    const [w, v] = np.linalg.eig(np.array(A));
    const W = w.tolist() as number[];
    const V = mat(v);
    for (let j = 0; j < 3; j++) {
      const col = V.map((r) => r[j]!);
      assertClose([col.reduce((s, x) => s + x * x, 0)], [1], 1e-12, 'unit norm');
      assertClose(
        mul(
          A,
          col.map((x) => [x]),
        ).flat(),
        col.map((x) => x * W[j]!),
        1e-10,
        `Av=λv ${j}`,
      );
    }
  });
  it('eig refuses complex spectra with a clear error', () => {
    assert.throws(
      () =>
        np.linalg.eig(
          np.array([
            [0, -1],
            [1, 0],
          ]),
        ),
      (e: Error) => e.name === 'TypeError' && /complex/.test(e.message),
    );
  });
});

describe('linalg: least squares and pseudo-inverse', () => {
  it('lstsq on a rank-deficient system gives the minimum-norm solution', () => {
    const A = [
      [1, 2],
      [2, 4],
      [3, 6],
    ];
    const [x, res, rank, s] = np.linalg.lstsq(np.array(A), np.array([1, 2.5, 2]));
    assert.equal(rank, 1);
    assert.deepEqual(res.shape, [0]);
    assert.deepEqual(s.shape, [2]);
    // numpy: [0.17142857 0.34285714] (= [6/35, 12/35])
    assertClose(x.tolist() as number[], [6 / 35, 12 / 35], 1e-12);
  });
  it('pinv satisfies the Penrose conditions', () => {
    const A = rand(5, 3, 77);
    const P = mat(np.linalg.pinv(np.array(A)));
    assertClose(mul(mul(A, P), A), A, 1e-11, 'APA = A');
    assertClose(mul(mul(P, A), P), P, 1e-11, 'PAP = P');
  });
  it('solve agrees with inv for a larger system', () => {
    const A = rand(40, 40, 5).map((row, i) => row.map((x, j) => x + (i === j ? 40 : 0)));
    const b = rand(40, 1, 6).map((r) => r[0]!);
    const x = np.linalg.solve(np.array(A), np.array(b)).tolist() as number[];
    assertClose(
      mul(
        A,
        x.map((v) => [v]),
      ).flat(),
      b,
      1e-12,
      'Ax = b',
    );
    const inv = mat(np.linalg.inv(np.array(A)));
    assertClose(mul(A, inv), eye(40), 1e-12, 'A·inv(A)');
  });
  it('singular matrices raise LinAlgError: Singular matrix', () => {
    assert.throws(
      () => np.linalg.inv(np.ones([3, 3])),
      (e: Error) => e.name === 'LinAlgError' && e.message === 'Singular matrix',
    );
  });
});

describe('products: GEMM kernels', () => {
  const naive = (
    m: number,
    n: number,
    k: number,
    A: Float64Array,
    B: Float64Array,
  ): Float64Array => {
    const C = new Float64Array(m * n);
    for (let i = 0; i < m; i++)
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let p = 0; p < k; p++) s += A[i * k + p]! * B[p * n + j]!;
        C[i * n + j] = s;
      }
    return C;
  };
  for (const [m, n, k] of [
    [67, 1030, 5],
    [130, 9, 300],
    [5, 7, 600],
    [65, 66, 257],
  ] as [number, number, number][]) {
    it(`blocked float64 kernel = plain loop for ${m}x${k} · ${k}x${n} (edges, several KC/MC/NC panels)`, () => {
      const A = Float64Array.from(rand(m, k, m).flat());
      const B = Float64Array.from(rand(k, n, n).flat());
      const C = new Float64Array(m * n);
      gemm('float64', m, n, k, A, 0, k, 1, B, 0, n, 1, C, 0, n, 1);
      const R = naive(m, n, k, A, B);
      for (let i = 0; i < C.length; i++)
        assert.ok(Math.abs(C[i]! - R[i]!) <= 1e-12 * Math.max(1, Math.abs(R[i]!)), `at ${i}`);
    });
  }
  it('strided operands (transposed views) through np.matmul match the plain loop', () => {
    const a = np.array(rand(70, 90, 3));
    const b = np.array(rand(70, 50, 4));
    const got = mat(np.matmul(a.T, b) as NDArray);
    assertClose(got, mul(transpose(mat(a)), mat(b)), 1e-12);
  });
  it('large float32 matmul (blocked kernel) accumulates in float32 in p order (as sgemm)', () => {
    const a = np.array(rand(40, 50, 8), { dtype: 'float32' });
    const b = np.array(rand(50, 30, 9), { dtype: 'float32' });
    const c = np.matmul(a, b) as NDArray;
    assert.equal(c.dtype, 'float32');
    const fr = Math.fround;
    // one KC block (k = 50 < 512): a float32 multiply, then a float32 add, in p order; C = 0 + sum
    const A = mat(a);
    const B = mat(b);
    const want = A.map((row) =>
      B[0]!.map((_, j) => fr(0 + row.reduce((s, x, k) => fr(s + fr(x * B[k]![j]!)), 0))),
    );
    assert.deepEqual(mat(c), want);
    // and within float32 rounding of the exact product (numpy's sgemm accumulates in float32 too)
    assertClose(mat(c), mul(A, B), 1e-4);
  });
  it('small float64 matmul accumulates as a chain of fused multiply-adds (as BLAS kernels)', () => {
    const A = np.array([
      [0.1, 0.2, 0.3],
      [0.4, 0.5, 0.6],
      [0.7, 0.8, 0.9],
    ]);
    const B = np.array([
      [1.1, 1.2, 1.3],
      [1.4, 1.5, 1.6],
      [1.7, 1.8, 1.9],
    ]);
    // numpy (OpenBLAS): A @ B, printed with repr; a plain multiply-then-add loop differs at [0][1]
    assert.deepEqual((np.matmul(A, B) as NDArray).tolist(), [
      [0.9, 0.9600000000000001, 1.02],
      [2.16, 2.31, 2.46],
      [3.42, 3.66, 3.9],
    ]);
  });
  it('int64 matmul is exact beyond 2^53 and wraps modulo 2^64', () => {
    const a = np.array([[2n ** 40n + 1n, 3n]], { dtype: 'int64' });
    const b = np.array([[2n ** 20n + 7n], [5n]], { dtype: 'int64' });
    const c = np.matmul(a, b) as NDArray;
    assert.equal((c.tolist() as bigint[][])[0]![0], (2n ** 40n + 1n) * (2n ** 20n + 7n) + 15n);
    const w = np.matmul(
      np.array([[2n ** 62n, 2n ** 62n]], { dtype: 'int64' }),
      np.array([[3n], [2n]], { dtype: 'int64' }),
    ) as NDArray;
    // numpy: array([[4611686018427387904]])
    assert.equal((w.tolist() as (bigint | number)[][])[0]![0], BigInt.asIntN(64, 5n * 2n ** 62n));
  });
  it('a registered kernel replaces the TS one and null restores it', () => {
    let calls = 0;
    const ref = gemmReference('float64');
    const spy: GemmKernel = (...args) => {
      calls++;
      ref(...args);
    };
    registerGemm('float64', spy);
    try {
      const c = np.matmul(np.ones([2, 3]), np.ones([3, 2])) as NDArray;
      assert.deepEqual(c.tolist(), [
        [3, 3],
        [3, 3],
      ]);
      assert.equal(calls, 1);
    } finally {
      registerGemm('float64', null);
    }
    np.matmul(np.ones([2, 3]), np.ones([3, 2]));
    assert.equal(calls, 1);
  });
  it('a.matmul(b) and a.dot(b) methods', () => {
    const a = np.array([
      [1, 2],
      [3, 4],
    ]);
    assert.deepEqual((a.matmul(a) as NDArray).tolist(), [
      [7, 10],
      [15, 22],
    ]);
    assert.equal(np.array([1, 2, 3]).matmul([4, 5, 6]), 32);
    assert.deepEqual((a.dot([1, 1]) as NDArray).tolist(), [3, 7]);
  });
  it('matmul writes into out', () => {
    const out = np.zeros([2, 2]);
    const r = np.matmul(
      np.eye(2),
      np.array([
        [1, 2],
        [3, 4],
      ]),
      { out },
    );
    assert.equal(r, out);
    assert.deepEqual(out.tolist(), [
      [1, 2],
      [3, 4],
    ]);
  });
});

describe('linalg: LinAlgError', () => {
  it('np.linalg.LinAlgError matches thrown errors with instanceof', () => {
    let caught: unknown = null;
    try {
      np.linalg.solve(np.zeros([2, 2]), np.ones([2]));
    } catch (e) {
      caught = e;
    }
    assert.ok(caught instanceof np.linalg.LinAlgError);
    assert.ok(!(new Error('x') instanceof np.linalg.LinAlgError));
    assert.equal(new np.linalg.LinAlgError('Singular matrix').name, 'LinAlgError');
  });
});
