/**
 * Printing behaviour that the numpy fixtures (test/print) cannot express: Node's inspect hook,
 * JSON, the VS Code debugger symbols, print-option scoping, and memory growth during printing.
 * Expected strings are numpy's (noted next to each).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { Session } from 'node:inspector';
import * as np from '../../src/runtime/index';
import type { NDArray } from '../../src/runtime/index';
import { _resetPrintoptions, type DebugProperties } from '../../src/runtime/internal';

const DESC = Symbol.for('debug.description');
const PROPS = Symbol.for('debug.properties');
type Debuggable = NDArray & { [DESC](depth?: number): string; [PROPS](): DebugProperties };

const m34 = (): NDArray =>
  np.array(
    [
      [0, 1, 2, 3],
      [4, 5, 6, 7],
      [8, 9, 10, 11],
    ],
    { dtype: 'float64' },
  );

test('String(a), `${a}` and a.toString() are str(a)', () => {
  const a = m34();
  // numpy: str(np.arange(12.).reshape(3, 4))
  const want = '[[ 0.  1.  2.  3.]\n [ 4.  5.  6.  7.]\n [ 8.  9. 10. 11.]]';
  assert.equal(String(a), want);
  assert.equal(`${a}`, want);
  assert.equal(a.toString(), want);
});

test('a.repr() and np.array_repr(a) are repr(a)', () => {
  const a = np.array([1, 2, 3], { dtype: 'int32' });
  assert.equal(a.repr(), 'array([1, 2, 3], dtype=int32)');
  assert.equal(np.array_repr(a), 'array([1, 2, 3], dtype=int32)');
  assert.equal(np.array_repr([0.5, 1]), 'array([0.5, 1. ])'); // array-likes accepted
});

test('console.log(a) prints str(a), also next to other arguments and inside objects', () => {
  const a = np.array([1.5, 2, 3]);
  assert.equal(inspect(a), '[1.5 2.  3. ]');
  assert.equal(inspect({ a }), '{ a: [1.5 2.  3. ] }');
  const lines: string[] = [];
  const orig = console.log;
  console.log = (...xs: unknown[]) => {
    lines.push(xs.map((x) => (typeof x === 'string' ? x : inspect(x))).join(' '));
  };
  try {
    console.log('x', a);
  } finally {
    console.log = orig;
  }
  assert.deepEqual(lines, ['x [1.5 2.  3. ]']);
});

test('JSON.stringify uses tolist()', () => {
  const a = np.array(
    [
      [1, 2],
      [3, 4],
    ],
    { dtype: 'int8' },
  );
  assert.equal(JSON.stringify(a), '[[1,2],[3,4]]');
  assert.equal(JSON.stringify({ a: np.array(true) }), '{"a":true}');
});

test('debug.description: dtype and shape, "view" when the array does not own its memory', () => {
  const a = m34() as Debuggable;
  assert.equal(a[DESC](2), 'ndarray float64 (3, 4)');
  assert.equal((a.T as Debuggable)[DESC](2), 'ndarray float64 (4, 3) view');
  assert.equal((np.array(5) as Debuggable)[DESC](), 'ndarray int64 ()');
  assert.equal((np.array([1], { dtype: 'uint8' }) as Debuggable)[DESC](), 'ndarray uint8 (1,)');
});

test('debug.properties: shape, dtype, byte strides, flags, base, values', () => {
  const a = m34();
  const t = a.T as Debuggable;
  const p = t[PROPS]();
  assert.deepEqual(p.shape, [4, 3]);
  assert.equal(p.dtype, 'float64');
  assert.deepEqual(p.strides, [8, 32]);
  assert.deepEqual(p.flags, {
    c_contiguous: false,
    f_contiguous: true,
    owndata: false,
    writeable: true,
  });
  assert.equal(p.base, a);
  assert.deepEqual(p.values, t.tolist());
  assert.equal(p.str, String(t));
});

test('debug.properties summarizes big arrays like the printout', () => {
  const big = np.frombuffer(new Float64Array(Array.from({ length: 2000 }, (_, i) => i)), {
    dtype: 'float64',
  }) as Debuggable;
  const v = big[PROPS]().values as unknown[];
  assert.deepEqual(v, [0, 1, 2, '...', 1997, 1998, 1999]);
});

test('debug.description is free of side effects (js-debug may evaluate it with throwOnSideEffect)', async () => {
  const g = globalThis as Record<string, unknown>;
  g.__ndscopeTestArray = m34().T;
  g.__ndscopeTestSymbol = DESC;
  const session = new Session();
  session.connect();
  try {
    const post = (
      method: string,
      params: object,
    ): Promise<{ result: { value?: unknown }; exceptionDetails?: unknown }> =>
      new Promise((resolve, reject) => {
        session.post(method, params, (err, res) => (err ? reject(err) : resolve(res as never)));
      });
    const r = await post('Runtime.evaluate', {
      expression: 'globalThis.__ndscopeTestArray[globalThis.__ndscopeTestSymbol](2)',
      throwOnSideEffect: true,
      returnByValue: true,
    });
    assert.equal(r.exceptionDetails, undefined, JSON.stringify(r.exceptionDetails));
    assert.equal(r.result.value, 'ndarray float64 (4, 3) view');
  } finally {
    session.disconnect();
    delete g.__ndscopeTestArray;
    delete g.__ndscopeTestSymbol;
  }
});

test('set_printoptions / get_printoptions round-trip with numpy defaults', () => {
  _resetPrintoptions();
  // numpy: np.get_printoptions()
  assert.deepEqual(np.get_printoptions(), {
    edgeitems: 3,
    threshold: 1000,
    floatmode: 'maxprec',
    precision: 8,
    suppress: false,
    linewidth: 75,
    nanstr: 'nan',
    infstr: 'inf',
    sign: '-',
    formatter: null,
    legacy: false,
    override_repr: null,
  });
  np.set_printoptions({ precision: 3 });
  assert.equal(np.get_printoptions().precision, 3);
  assert.equal(String(np.array([1 / 3])), '[0.333]'); // numpy with precision=3
  np.set_printoptions(4, null, 1); // positional: precision, threshold, edgeitems
  assert.equal(np.get_printoptions().precision, 4);
  assert.equal(np.get_printoptions().edgeitems, 1);
  _resetPrintoptions();
});

test('printoptions(opts, fn) is scoped and restores even when fn throws', () => {
  _resetPrintoptions();
  const s = np.printoptions({ precision: 2 }, (o) => {
    assert.equal(o.precision, 2);
    return String(np.array([2 / 3]));
  });
  assert.equal(s, '[0.67]'); // numpy docs: with np.printoptions(precision=2)
  assert.equal(np.get_printoptions().precision, 8);
  assert.throws(() =>
    np.printoptions({ precision: 1 }, () => {
      throw new Error('boom');
    }),
  );
  assert.equal(np.get_printoptions().precision, 8);
  {
    using _scope = np.printoptions({ suppress: true });
    assert.equal(np.get_printoptions().suppress, true);
  }
  assert.equal(np.get_printoptions().suppress, false);
});

test('override_repr replaces repr only', () => {
  _resetPrintoptions();
  const a = np.array([1, 2]);
  np.printoptions({ override_repr: (x: NDArray) => `<${x.size}>` }, () => {
    assert.equal(a.repr(), '<2>');
    assert.equal(String(a), '[1 2]');
  });
  assert.equal(a.repr(), 'array([1, 2])');
});

test('printing survives memory growth between prints (typed views are re-derived)', () => {
  const a = np.array([0.25, -1.5, 3]);
  const before = a.repr();
  const filler: NDArray[] = [];
  for (let i = 0; i < 8; i++)
    filler.push(np.frombuffer(new Float64Array(1 << 17), { dtype: 'float64' }));
  assert.equal(a.repr(), before);
  assert.equal(before, 'array([ 0.25, -1.5 ,  3.  ])'); // numpy
});

test('format_scalar prints JS results as numpy scalars', () => {
  assert.equal(np.format_scalar(15, 'float64'), '15.0'); // str(np.float64(15))
  assert.equal(np.format_scalar(15), '15');
  assert.equal(np.format_scalar(0.1), '0.1');
  assert.equal(np.format_scalar(1e16, { dtype: 'float64' }), '1e+16');
  assert.equal(np.format_scalar(true), 'True');
  assert.equal(np.format_scalar(2n ** 63n - 1n, 'int64'), '9223372036854775807');
  assert.equal(np.scalar_repr(1.5), 'np.float64(1.5)');
  assert.equal(np.scalar_repr(false), 'np.False_');
});

test('format_float_* accept positional arguments like Python', () => {
  assert.equal(np.format_float_positional(Math.PI, 3), '3.142'); // precision
  assert.equal(np.format_float_scientific(1234.5, 2, false), '1.23e+03'); // precision, unique
  assert.throws(() => np.format_float_positional(1, { bogus: 1 } as never), {
    name: 'TypeError',
    message: "format_float_positional() got an unexpected keyword argument 'bogus'",
  });
});
