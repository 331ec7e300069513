/**
 * Printing parity: replays test/print/fixtures.json (written by gen_print.py from numpy) and
 * requires ndscope's strings to equal numpy's exactly.
 * Run: npx tsx --test test/print/print.test.ts
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as np from '../../src/runtime/index';
import type { NDArray, Scalar } from '../../src/runtime/index';
import { decodeArg, decodeScalar } from '../helpers/spec';
import type { Formatter } from '../../src/runtime/index';
import { _resetPrintoptions } from '../../src/runtime/internal';

const here = dirname(fileURLToPath(import.meta.url));

interface Base {
  id: string;
}
type Case = Base &
  (
    | { kind: 'array'; a: unknown; opts: Record<string, unknown> | null; str: string; repr: string }
    | {
        kind: 'a2s';
        a: unknown;
        kwargs: Record<string, unknown>;
        formatter: string | null;
        out: string;
      }
    | {
        kind: 'ffp' | 'ffs';
        x: Record<string, string>;
        dtype: string;
        kwargs: Record<string, unknown>;
        out?: string;
        error?: { cls: string; msg: string };
      }
    | {
        kind: 'scalar';
        x: Record<string, string | boolean>;
        dtype: string;
        str: string;
        repr: string;
      }
    | {
        kind: 'error';
        fn: string;
        a: unknown;
        kwargs: Record<string, unknown>;
        error: { cls: string; msg: string };
      }
  );

const fixtures = JSON.parse(readFileSync(join(here, 'fixtures.json'), 'utf8')) as {
  numpy: string;
  cases: Case[];
};

/** JS twins of gen_print.py's FORMATTERS. */
const FORMATTERS: Record<string, Formatter> = {
  fixed2: { float_kind: (x: Scalar) => Number(x).toFixed(2) },
  hex: {
    int: (x: Scalar) =>
      BigInt(x as number) < 0n
        ? '-0x' + (-BigInt(x as number)).toString(16)
        : '0x' + BigInt(x as number).toString(16),
  },
  all_star: { all: () => '*' },
  bool_yn: { bool: (x: Scalar) => (x ? 'Y' : 'N') },
  multiline: { int: (x: Scalar) => `${x}\n${BigInt(x as number) * 2n}` },
};

const arrayOf = (spec: unknown): NDArray => decodeArg(spec, []) as NDArray;

function run(c: Case): void {
  _resetPrintoptions();
  switch (c.kind) {
    case 'array': {
      const a = arrayOf(c.a);
      const [s, r] = c.opts
        ? np.printoptions(c.opts, () => [String(a), np.array_repr(a)])
        : [String(a), a.repr()];
      assert.equal(s, c.str, 'str');
      assert.equal(r, c.repr, 'repr');
      return;
    }
    case 'a2s': {
      const a = arrayOf(c.a);
      const kw = { ...c.kwargs, ...(c.formatter ? { formatter: FORMATTERS[c.formatter] } : {}) };
      assert.equal(np.array2string(a, kw), c.out);
      return;
    }
    case 'ffp':
    case 'ffs': {
      const x = decodeScalar(c.x) as number;
      const kw = { ...c.kwargs, dtype: c.dtype };
      const call = (): string =>
        c.kind === 'ffp' ? np.format_float_positional(x, kw) : np.format_float_scientific(x, kw);
      if (c.error) assert.throws(call, { name: c.error.cls, message: c.error.msg });
      else assert.equal(call(), c.out);
      return;
    }
    case 'scalar': {
      const x = decodeScalar(c.x);
      assert.equal(np.format_scalar(x, c.dtype), c.str, 'str');
      assert.equal(np.scalar_repr(x, c.dtype), c.repr, 'repr');
      return;
    }
    case 'error': {
      const kw = Object.fromEntries(
        Object.entries(c.kwargs).map(([k, v]) => [k, decodeArg(v, [])]),
      );
      const call = (): unknown =>
        c.fn === 'set_printoptions' ? np.set_printoptions(kw) : np.array2string(arrayOf(c.a), kw);
      assert.throws(call, { name: c.error.cls, message: c.error.msg });
      _resetPrintoptions();
      return;
    }
  }
}

for (const c of fixtures.cases) {
  test(`print/${c.id}`, () => run(c));
}

test('print fixtures cover at least 250 arrays', () => {
  assert.ok(fixtures.cases.filter((c) => c.kind === 'array').length >= 250);
});
