/**
 * Ufunc behaviour the parity fixtures cannot express: the kernel registry and backend choice,
 * NDArray methods (numpy has operators instead), result_type (numpy returns dtype objects),
 * outputs overlapping inputs, identity of `out`, memory growth during a call, the internal API.
 * Expected values were produced by numpy 2.4 (commands in the comments).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as np from '../../src/runtime/index';
import type { NDArray } from '../../src/runtime/index';
import {
  registerKernel,
  unregisterKernel,
  getKernel,
  setKernelBackends,
  kernelBackends,
  listKernels,
  UFUNC_DEFS,
  binary,
  unary,
  allocResult,
  type BinaryKernel,
} from '../../src/runtime/internal';

const arr = (x: unknown, dtype?: string): NDArray => np.array(x as never, dtype ? { dtype } : {});

describe('ufunc kernel registry', () => {
  it('has a ts kernel for every loop of every ufunc', () => {
    for (const def of Object.values(UFUNC_DEFS)) {
      for (const l of def.loops)
        assert.ok(getKernel(def.name, l.key, 'ts'), `${def.name}:${l.key}`);
    }
    assert.ok(listKernels().length > 400);
  });

  it('prefers a registered wasm kernel and falls back to ts when told', () => {
    let calls = 0;
    const ts = getKernel('add', 'int16', 'ts') as BinaryKernel;
    const fake: BinaryKernel = (...a) => {
      calls++;
      ts(...a);
    };
    // whatever backend this process runs (NDSCOPE_BACKEND=ts too): prefer wasm for this test,
    // and put back the order and the real wasm kernel afterwards
    const order = kernelBackends();
    const real = getKernel('add', 'int16', 'wasm');
    setKernelBackends(['wasm', 'ts']);
    registerKernel('add', 'int16', 'wasm', fake);
    try {
      const r = np.add(arr([1, 2, 3], 'int16'), arr([10, 20, 30], 'int16'));
      assert.deepEqual(r.tolist(), [11, 22, 33]);
      assert.equal(calls, 1);
      setKernelBackends(['ts']);
      np.add(arr([1, 2, 3], 'int16'), 1);
      assert.equal(calls, 1);
    } finally {
      setKernelBackends(order);
      if (real) registerKernel('add', 'int16', 'wasm', real);
      else unregisterKernel('add', 'int16', 'wasm');
    }
  });
});

describe('ufunc methods', () => {
  // x = np.array([[1,2],[3,4]], dtype='int32'); (x & 3).tolist() ...
  const x = (): NDArray =>
    arr(
      [
        [1, 2],
        [3, 4],
      ],
      'int32',
    );
  it('arithmetic and comparison methods match numpy operators', () => {
    assert.deepEqual(x().and_(3).tolist(), [
      [1, 2],
      [3, 0],
    ]);
    assert.deepEqual(x().or_(8).tolist(), [
      [9, 10],
      [11, 12],
    ]);
    assert.deepEqual(x().xor(1).tolist(), [
      [0, 3],
      [2, 5],
    ]);
    assert.deepEqual(x().invert().tolist(), [
      [-2, -3],
      [-4, -5],
    ]);
    assert.deepEqual(x().lshift(2).tolist(), [
      [4, 8],
      [12, 16],
    ]);
    assert.deepEqual(x().rshift(1).tolist(), [
      [0, 1],
      [1, 2],
    ]);
    assert.deepEqual(x().neg().tolist(), [
      [-1, -2],
      [-3, -4],
    ]);
    assert.deepEqual(x().gt(2).tolist(), [
      [false, false],
      [true, true],
    ]);
    assert.deepEqual(x().mod(3).tolist(), [
      [1, 2],
      [0, 1],
    ]);
    assert.deepEqual(x().floordiv(3).tolist(), [
      [0, 0],
      [1, 1],
    ]);
    assert.deepEqual(x().pow(2).tolist(), [
      [1, 4],
      [9, 16],
    ]);
    assert.deepEqual(x().div(2).tolist(), [
      [0.5, 1],
      [1.5, 2],
    ]);
    assert.equal(x().div(2).dtype, 'float64');
    assert.equal(x().add(1).dtype, 'int32');
    assert.deepEqual(x().sub(x()).tolist(), [
      [0, 0],
      [0, 0],
    ]);
    assert.deepEqual(x().mul(x()).eq(x().pow(2)).tolist(), [
      [true, true],
      [true, true],
    ]);
    assert.deepEqual(x().abs().tolist(), [
      [1, 2],
      [3, 4],
    ]);
    assert.deepEqual(x().le(2).tolist(), [
      [true, true],
      [false, false],
    ]);
  });

  it('methods take the ufunc options object', () => {
    const o = np.zeros([2, 2], { dtype: 'float64' }) as NDArray;
    const r = x().add(1, { out: o, where: arr([true, false]) });
    assert.equal(r, o);
    assert.deepEqual(o.tolist(), [
      [2, 0],
      [4, 0],
    ]);
  });
});

describe('result_type', () => {
  // np.result_type(np.int8, 1.5) ... (numpy 2.4)
  it('follows NEP 50 with dtypes, arrays and weak scalars', () => {
    assert.equal(np.result_type('int8', 1.5), 'float64');
    assert.equal(np.result_type('int8', 'uint8'), 'int16');
    assert.equal(np.result_type(arr([1, 2], 'uint8'), 300), 'uint8');
    assert.equal(np.result_type(true, 1), 'int64');
    assert.equal(np.result_type(1, 2.5), 'float64');
    assert.equal(np.result_type('float32', 2n ** 70n), 'float32');
    assert.equal(np.result_type('float32', 'int32'), 'float64');
    assert.equal(np.result_type(arr([1], 'int16'), arr([1.5], 'float32')), 'float32');
    assert.throws(() => np.result_type(), {
      name: 'ValueError',
      message: 'at least one array or dtype is required',
    });
  });
});

describe('out= semantics', () => {
  it('returns the out array itself and computes overlapping inputs as if copied', () => {
    // a = np.array([1,2,3,4]); np.add(a, a[::-1], out=a) -> [5 5 5 5]
    const a = arr([1, 2, 3, 4]);
    const r = np.add(a, a.get('::-1'), { out: a });
    assert.equal(r, a);
    assert.deepEqual(a.tolist(), [5, 5, 5, 5]);
    // a = np.arange(6.).reshape(2,3); np.multiply(a, a[:, ::-1], out=a)
    const b = arr(
      [
        [0, 1, 2],
        [3, 4, 5],
      ],
      'float64',
    );
    np.multiply(b, b.get(':, ::-1'), { out: b });
    assert.deepEqual(b.tolist(), [
      [0, 1, 0],
      [15, 16, 15],
    ]);
  });

  it('in-place on the same view works without a copy', () => {
    const a = arr([1, 2, 3], 'int8');
    np.multiply(a, 2, { out: a });
    assert.deepEqual(a.tolist(), [2, 4, 6]);
  });

  it('where= without out leaves unselected elements zero (numpy: uninitialized)', () => {
    const r = np.add(arr([1.5, 2.5, 3.5]), 1, { where: arr([true, false, true]) });
    assert.deepEqual(r.tolist(), [2.5, 0, 4.5]);
  });
});

describe('exactness and memory', () => {
  it('int64 arithmetic is exact beyond 2**53', () => {
    // np.array([2**53+1], 'int64') * 3 -> [27021597764222979]
    const r = np.multiply(np.array([2n ** 53n + 1n], { dtype: 'int64' }), 3);
    assert.deepEqual(r.tolist(), [27021597764222979n]);
  });

  it('survives linear-memory growth during a call', () => {
    const n = 1 << 21;
    const a = np.ones([n], { dtype: 'float64' }) as NDArray;
    const r = np.add(a, a);
    const s = np.multiply(r, 0.5);
    assert.equal(s.size, n);
    assert.equal(s.item(n - 1), 1);
    assert.equal(r.item(0), 2);
    a[Symbol.dispose]();
    r[Symbol.dispose]();
    s[Symbol.dispose]();
  });
});

describe('internal API', () => {
  it('binary/unary keep 0-d results as arrays; np.* return scalars', () => {
    const z = binary('add', arr(2, 'int8'), 3);
    assert.equal(z.ndim, 0);
    assert.equal(z.dtype, 'int8');
    assert.equal(np.add(arr(2, 'int8'), 3), 5);
    const s = unary('sqrt', 2.25);
    assert.equal(s.ndim, 0);
    assert.equal(s.item(), 1.5);
  });

  it('allocResult follows the operands memory order', () => {
    const t = (
      arr([
        [1, 2, 3],
        [4, 5, 6],
      ]) as NDArray
    ).T;
    const r = allocResult(t.shape, 'float32', [t]);
    assert.deepEqual(r.strides, [4, 12]);
    assert.equal(r.flags.f_contiguous, true);
  });
});

describe('ufunc objects', () => {
  // np.add.types[:3], np.add.nin, nout, nargs, identities, np.divide.__name__, np.frexp.nout
  it('carry NumPy attributes', () => {
    assert.deepEqual(np.add.types.slice(0, 3), ['??->?', 'bb->b', 'BB->B']);
    assert.equal(np.add.nin, 2);
    assert.equal(np.add.nout, 1);
    assert.equal(np.add.nargs, 3);
    assert.equal(np.add.identity, 0);
    assert.equal(np.multiply.identity, 1);
    assert.equal(np.maximum.identity, null);
    assert.equal(np.logical_or.identity, false);
    assert.equal(np.bitwise_and.identity, -1);
    assert.equal(np.divide.__name__, 'divide');
    assert.equal(np.frexp.nout, 2);
  });
});

describe('in-place methods', () => {
  // a = np.array([1,2,3]); a += 2 -> [3 4 5]; a += 1.5 -> UFuncTypeError
  it('write into the array and keep its dtype', () => {
    const a = arr([1, 2, 3]);
    assert.equal(a.iadd(2), a);
    assert.deepEqual(a.tolist(), [3, 4, 5]);
    assert.throws(() => a.iadd(1.5), {
      name: 'TypeError',
      message:
        "Cannot cast ufunc 'add' output from dtype('float64') to dtype('int64') with casting rule 'same_kind'",
    });
    a.imul(a.get('::-1'));
    assert.deepEqual(a.tolist(), [15, 16, 15]);
    a.ilshift(1).ior(1);
    assert.deepEqual(a.tolist(), [31, 33, 31]);
  });
});

/** Non-ts kernels (the WASM team's) that disagree with their ts reference twin on strided data. */
function conformanceMismatches(): string[] {
  const dtypes = new Set([
    'bool',
    'int8',
    'int16',
    'int32',
    'int64',
    'uint8',
    'uint16',
    'uint32',
    'uint64',
    'float32',
    'float64',
  ]);
  const bad: string[] = [];
  for (const { op, dtype, backends } of listKernels()) {
    const def = UFUNC_DEFS[op];
    if (!def || !dtypes.has(dtype) || def.nout !== 1 || def.nin > 2) continue;
    const loop = def.loops.find((l) => l.key === dtype);
    if (!loop) continue;
    for (const b of backends) {
      if (b === 'ts') continue;
      const mk = (seed: number): NDArray => {
        const vals = Array.from({ length: 24 }, (_, i) => ((i * 7 + seed) % 11) - 3);
        return (np.array(vals).astype(loop.ins[0]!) as NDArray).reshape(4, 6).get(':, ::2');
      };
      const run = (backend: 'ts' | 'wasm'): unknown => {
        setKernelBackends([backend]);
        try {
          return (def.nin === 1 ? unary(op, mk(1)) : binary(op, mk(1), mk(5))).tolist();
        } catch (e) {
          return `${(e as Error).name}: ${(e as Error).message}`;
        } finally {
          setKernelBackends(['wasm', 'ts']);
        }
      };
      if (
        JSON.stringify(run(b), (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)) !==
        JSON.stringify(run('ts'), (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))
      ) {
        bad.push(`${op}:${dtype}:${b}`);
      }
    }
  }
  return bad;
}

describe('backend conformance', () => {
  it('every registered non-ts kernel matches its ts reference twin', () => {
    assert.deepEqual(conformanceMismatches(), []);
  });
  it('the check catches a wrong kernel', () => {
    const ts = getKernel('add', 'int32', 'ts') as BinaryKernel;
    const wrong: BinaryKernel = (n, x, ix, sx, y, iy, sy, o, io, so) => {
      ts(n, x, ix, sx, y, iy, sy, o, io, so);
      o[io] = 12345;
    };
    registerKernel('add', 'int32', 'wasm', wrong);
    try {
      assert.deepEqual(conformanceMismatches(), ['add:int32:wasm']);
    } finally {
      unregisterKernel('add', 'int32', 'wasm');
    }
    assert.deepEqual(listKernels().find((k) => k.op === 'add' && k.dtype === 'int32')?.backends, [
      'ts',
    ]);
  });
});

describe('ufunc.at', () => {
  // numpy: a=np.array([1,2,3,4]); np.add.at(a, [0,0,2], 1) -> [3 2 4 4]; (…, 1.5) -> [3 2 4 4]
  it('applies repeated indices repeatedly and casts back', () => {
    let a = arr([1, 2, 3, 4]);
    np.add.at(a, [0, 0, 2], 1);
    assert.deepEqual(a.tolist(), [3, 2, 4, 4]);
    a = arr([1, 2, 3, 4]);
    np.add.at(a, [0, 0, 2], 1.5);
    assert.deepEqual(a.tolist(), [3, 2, 4, 4]);
    a = arr([1, 2, 3, 4], 'float64');
    np.add.at(a, [0, 0, 2], arr([1, 2, 3]));
    assert.deepEqual(a.tolist(), [4, 2, 6, 4]);
  });
  // a=np.arange(6.).reshape(2,3); np.add.at(a, (np.array([0,1,0]), np.array([2,2,2])), 10)
  it('takes a tuple of index arrays, ints with broadcasting, slices, unary ufuncs', () => {
    const a = (np.arange(6).astype('float64') as NDArray).reshape(2, 3);
    np.add.at(a, [arr([0, 1, 0]), arr([2, 2, 2])], 10);
    assert.deepEqual(a.tolist(), [
      [0, 1, 22],
      [3, 4, 15],
    ]);
    const b = (np.arange(6) as NDArray).reshape(2, 3);
    np.add.at(b, 1, [1, 2, 3]);
    assert.deepEqual(b.tolist(), [
      [0, 1, 2],
      [4, 6, 8],
    ]);
    np.negative.at(b, [0, 0]);
    assert.deepEqual(b.tolist(), [
      [0, 1, 2],
      [4, 6, 8],
    ]);
    const c = np.arange(4, { dtype: 'int8' }) as NDArray;
    np.multiply.at(c, [1, 1, 1, 1, 1, 1, 1, 1], 3);
    assert.deepEqual(c.tolist(), [0, -95, 2, 3]);
    const d = np.arange(4).astype('float64') as NDArray;
    np.maximum.at(d, ':', 2.5);
    assert.deepEqual(d.tolist(), [2.5, 2.5, 2.5, 3]);
  });
  it("raises NumPy's errors", () => {
    const a = np.arange(4) as NDArray;
    assert.throws(() => np.add.at(a, [5], 1), {
      name: 'IndexError',
      message: 'index 5 is out of bounds for axis 0 with size 4',
    });
    assert.throws(() => np.add.at(a, [0, 1], [1, 2, 3]), {
      name: 'ValueError',
      message: 'array is not broadcastable to correct shape',
    });
    assert.throws(() => np.add.at(a, [0]), {
      name: 'ValueError',
      message: 'second operand needed for ufunc',
    });
  });
});
