/**
 * np.random vs NumPy: every number bit-identical. Fixtures come from test/random/gen.py
 * (numpy's own output for many seeds, sizes and dtypes); the live test runs the same generator
 * script with fresh random seeds when python3 + numpy are available.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as np from '../../src/runtime/index';
import * as random from '../../src/runtime/random/index';
import type { NDArray } from '../../src/runtime/ndarray';

const here = dirname(fileURLToPath(import.meta.url));

interface Result {
  dtype: string;
  shape: number[];
  hex?: string;
  sha256?: string;
  head?: string;
}
interface Call {
  method: string;
  args: unknown[];
  kwargs: Record<string, unknown>;
  result: Result;
}
interface Case {
  id: string;
  kind: 'gen' | 'gen_mt' | 'legacy' | 'module';
  seed: unknown;
  calls: Call[];
}

function dec(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(dec);
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.big === 'string') return BigInt(o.big);
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, dec(x)]));
  }
  return v;
}

type Obj = Record<string, (...a: unknown[]) => unknown>;

function makeObj(c: Case): Obj {
  const seed = dec(c.seed) as random.SeedLike;
  if (c.kind === 'gen') return random.default_rng(seed) as unknown as Obj;
  if (c.kind === 'gen_mt') return new random.Generator(new random.MT19937(seed)) as unknown as Obj;
  if (c.kind === 'legacy') return new random.RandomState(seed) as unknown as Obj;
  random.seed(seed);
  return random as unknown as Obj;
}

function arange(shape: number[]): NDArray {
  const n = shape.reduce((a, b) => a * b, 1);
  return np.arange(n).reshape(shape);
}

function runCall(obj: Obj, kind: Case['kind'], call: Call): unknown {
  const args = dec(call.args) as unknown[];
  const kwargs = dec(call.kwargs) as Record<string, unknown>;
  const withKw = (a: unknown[]): unknown[] => (Object.keys(kwargs).length ? [...a, kwargs] : a);
  switch (call.method) {
    case 'shuffle_arange': {
      const [shape, axis] = args as [number[], number | null];
      const x = arange(shape);
      if (kind.startsWith('gen') && axis !== null) obj.shuffle!(x, { axis });
      else obj.shuffle!(x);
      return x;
    }
    case 'permuted_arange': {
      const [shape, axis] = args as [number[], number | null];
      return obj.permuted!(arange(shape), { axis });
    }
    case 'shuffle_view': {
      const [shape, axis] = args as [number[], number];
      const x = arange(shape).get(':, ::2') as NDArray;
      obj.shuffle!(x, { axis });
      return x;
    }
    case 'permuted_out': {
      const [shape, axis, layout] = args as [number[], number | null, 'C' | 'F' | 'strided'];
      const out =
        layout === 'F'
          ? np.zeros([...shape].reverse(), { dtype: 'int64' }).T
          : layout === 'strided'
            ? (np.zeros([shape[0]!, shape[1]! * 2], { dtype: 'int64' }).get(':, ::2') as NDArray)
            : np.empty(shape, { dtype: 'int64' });
      obj.permuted!(arange(shape), { axis, out });
      return out;
    }
    case 'array_arg': {
      const [name, data, rest] = args as [string, unknown, unknown[]];
      return obj[name]!(...withKw([np.array(data as number[]), ...rest]));
    }
    default:
      return obj[call.method]!(...withKw(args));
  }
}

function resultBytes(
  r: unknown,
  want: Result,
): { dtype: string; shape: number[]; bytes: Uint8Array } {
  if (r instanceof np.ndarray) return { dtype: r.dtype, shape: r.shape, bytes: r.tobytes() };
  const dt = want.dtype;
  let ta: ArrayBufferView;
  if (typeof r === 'boolean') ta = new Uint8Array([r ? 1 : 0]);
  else if (dt === 'float64') ta = new Float64Array([r as number]);
  else if (dt === 'float32') ta = new Float32Array([r as number]);
  else if (dt === 'int64') ta = new BigInt64Array([BigInt(r as number)]);
  else if (dt === 'uint64') ta = new BigUint64Array([BigInt(r as number)]);
  else throw new Error(`unexpected scalar ${String(r)} for ${dt}`);
  return { dtype: dt, shape: [], bytes: new Uint8Array(ta.buffer) };
}

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

export function checkCase(c: Case): void {
  const obj = makeObj(c);
  c.calls.forEach((call, i) => {
    const label = `${c.id} seed=${JSON.stringify(c.seed)} call ${i} ${call.method}(${JSON.stringify(call.args)}, ${JSON.stringify(call.kwargs)})`;
    const got = resultBytes(runCall(obj, c.kind, call), call.result);
    assert.equal(got.dtype, call.result.dtype, `${label}: dtype`);
    assert.deepEqual(got.shape, call.result.shape, `${label}: shape`);
    if (call.result.hex !== undefined)
      assert.equal(hex(got.bytes), call.result.hex, `${label}: bytes`);
    else {
      assert.equal(hex(got.bytes.subarray(0, 64)), call.result.head, `${label}: first bytes`);
      assert.equal(
        createHash('sha256').update(got.bytes).digest('hex'),
        call.result.sha256,
        `${label}: sha256`,
      );
    }
  });
}

const fixtures = JSON.parse(readFileSync(join(here, 'fixtures.json'), 'utf8')) as { cases: Case[] };
const groups = new Map<string, Case[]>();
for (const c of fixtures.cases) {
  const g = c.id.split('/').slice(0, 2).join('/');
  groups.set(g, [...(groups.get(g) ?? []), c]);
}
for (const [g, cases] of groups) {
  test(`random fixtures: ${g} (${cases.length} seeds)`, () => {
    for (const c of cases) checkCase(c);
  });
}

test('random live differential vs numpy (fresh seeds)', () => {
  // RANDOM_LIVE_SEED=n replays a run; a failure names its seed
  const liveSeed = Number(process.env.RANDOM_LIVE_SEED ?? Math.floor(Math.random() * 2 ** 31));
  const r = spawnSync('python3', [join(here, 'gen.py'), '--live', '12', String(liveSeed)], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  assert.equal(r.status, 0, r.stderr);
  const live = JSON.parse(r.stdout) as { cases: Case[] };
  try {
    for (const c of live.cases) checkCase(c);
  } catch (e) {
    (e as Error).message = `RANDOM_LIVE_SEED=${liveSeed}: ${(e as Error).message}`;
    throw e;
  }
});

interface ErrorCase {
  kind: 'gen' | 'legacy' | 'seed' | 'legacy_seed';
  seed: unknown;
  method: string | null;
  args: unknown[];
  kwargs: Record<string, unknown>;
  error: string;
  message: string;
}

function decArg(v: unknown): unknown {
  if (v !== null && typeof v === 'object' && !Array.isArray(v) && 'float' in v) {
    const f = (v as { float: string }).float;
    return f === 'inf' ? Infinity : f === '-inf' ? -Infinity : NaN;
  }
  return dec(v);
}

test('random bad input: NumPy error class and message', () => {
  const errors = (fixtures as unknown as { errors: ErrorCase[] }).errors;
  assert.ok(errors.length >= 50);
  for (const e of errors) {
    const label = `${e.kind} ${e.method ?? ''}(${JSON.stringify(e.args)}, ${JSON.stringify(e.kwargs)}) seed=${JSON.stringify(e.seed)}`;
    const run = (): unknown => {
      const seed = dec(e.seed) as random.SeedLike;
      if (e.kind === 'seed') return random.default_rng(seed);
      if (e.kind === 'legacy_seed') return new random.RandomState(seed);
      const obj = (e.kind === 'gen'
        ? random.default_rng(seed)
        : new random.RandomState(seed)) as unknown as Obj;
      const args = (e.args.map(decArg) as unknown[]).map((a) =>
        Array.isArray(a) && Array.isArray(a[0]) && e.method !== 'choice'
          ? np.array(a as number[][])
          : a,
      );
      const kw = decArg(e.kwargs) as Record<string, unknown>;
      return obj[e.method!]!(...args, ...(Object.keys(kw).length ? [kw] : []));
    };
    assert.throws(run, { name: e.error, message: e.message }, label);
  }
});

interface StateCase {
  seed: unknown;
  state: string;
  inc: string;
  has_uint32: number;
  uinteger: number;
  spawn: string[];
  legacy_seed: unknown;
  legacy_pos: number;
  legacy_has_gauss: number;
  legacy_gauss: number;
  legacy_key0: number;
  legacy_key623: number;
}

test('bit_generator.state, spawn() and legacy get_state/set_state match numpy', () => {
  const states = (fixtures as unknown as { states: StateCase[] }).states;
  for (const s of states) {
    const g = random.default_rng(dec(s.seed) as random.SeedLike);
    g.random(3);
    g.integers(0, 5, { dtype: 'int32' });
    const bg = g.bit_generator as random.PCG64;
    const st = bg.state;
    assert.equal(st.state.state, BigInt(s.state));
    assert.equal(st.state.inc, BigInt(s.inc));
    assert.equal(st.has_uint32, s.has_uint32);
    assert.equal(st.uinteger, s.uinteger);
    // restoring the state replays the stream
    const next = g.random(4) as NDArray;
    bg.state = st;
    assert.equal(hex((g.random(4) as NDArray).tobytes()), hex(next.tobytes()));
    const kids = g.spawn(2).map((k) => hex((k.random(3) as NDArray).tobytes()));
    assert.deepEqual(kids, s.spawn);
    const r = new random.RandomState(dec(s.legacy_seed) as number);
    r.randn(3);
    const ls = r.get_state();
    assert.equal(ls[2], s.legacy_pos);
    assert.equal(ls[3], s.legacy_has_gauss);
    assert.equal(ls[4], s.legacy_gauss);
    assert.equal(ls[1].item(0), s.legacy_key0);
    assert.equal(ls[1].item(623), s.legacy_key623);
    const after = r.randn(5) as NDArray;
    r.set_state(ls);
    assert.equal(hex((r.randn(5) as NDArray).tobytes()), hex(after.tobytes()));
  }
});
