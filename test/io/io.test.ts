/**
 * .npy / .npz / text I/O vs NumPy. Fixtures (test/io/gen.py) hold numpy's bytes for every dtype
 * and layout: ndscope must write the same bytes and read numpy's files (big-endian, format
 * 2.0/3.0, npz stored and deflated) back to equal arrays. Bad files raise NumPy's error class
 * and message. A live round trip has python3 + numpy read what ndscope writes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as np from '../../src/runtime/index';
import type { NDArray } from '../../src/runtime/ndarray';

const here = dirname(fileURLToPath(import.meta.url));
const fx = JSON.parse(readFileSync(join(here, 'fixtures.json'), 'utf8')) as {
  writes: {
    spec: { dtype: string; shape: number[]; layout: string };
    npy: string;
    fortran: boolean;
    data: string;
  }[];
  reads: { id: string; npy: string; dtype: string; shape: number[]; data: string }[];
  npz: {
    id: string;
    bytes: string;
    files: string[];
    arrays: Record<string, { dtype: string; shape: number[]; data: string }>;
  }[];
  bad: { id: string; bytes: string; error: string | null; message: string | null }[];
  text: {
    id: string;
    fn: 'loadtxt' | 'genfromtxt';
    src: string;
    kwargs: Record<string, unknown>;
    dtype?: string;
    shape?: number[];
    data?: string;
    error?: string;
    message?: string;
  }[];
  savetxt: {
    id: string;
    array: string;
    shape: number[];
    dtype: string;
    kwargs: Record<string, unknown>;
    text?: string;
    error?: string;
    message?: string;
  }[];
};

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const unhex = (h: string): Uint8Array => new Uint8Array(Buffer.from(h, 'hex'));

/** The same array gen.py's make() builds. */
function make(spec: { dtype: string; shape: number[]; layout: string }): NDArray {
  const { dtype, shape, layout } = spec;
  const n = shape.reduce((a, b) => a * b, 1);
  const idx = Array.from({ length: n }, (_, i) => i);
  let vals: NDArray;
  if (n === 0) vals = np.zeros([0], { dtype });
  else if (dtype === 'bool') vals = np.asarray(idx.map((i) => i % 3 === 0));
  else if (dtype.startsWith('uint')) vals = np.asarray(idx.map((i) => i * 37 + 5)).astype(dtype);
  else if (dtype.startsWith('int')) vals = np.asarray(idx.map((i) => i * 37 - 50)).astype(dtype);
  else vals = np.asarray(idx.map((i) => i * 1.5 - 7)).astype(dtype);
  let a = vals.reshape(shape);
  if (layout === 'F') a = np.asfortranarray(a);
  else if (layout === 'T') a = vals.reshape([...shape].reverse()).T;
  else if (layout === 'strided' && shape.length) a = a.get('..., ::2') as NDArray;
  return a;
}

const isFortran = (a: NDArray): boolean =>
  a.ndim > 1 && a.flags.f_contiguous && !a.flags.c_contiguous;

test('npy: ndscope writes the bytes numpy writes (every dtype; C, F, transposed, 0-d, empty, strided)', () => {
  for (const w of fx.writes) {
    const a = make(w.spec);
    assert.equal(hex(np.save_bytes(a)), w.npy, `${JSON.stringify(w.spec)}`);
  }
});

test('npy: ndscope reads numpy files to equal dtype, shape, order and bytes', () => {
  for (const w of fx.writes) {
    const a = np.load(unhex(w.npy)) as NDArray;
    const label = JSON.stringify(w.spec);
    assert.equal(a.dtype, w.spec.dtype, label);
    assert.deepEqual(
      a.shape,
      w.spec.layout === 'strided'
        ? [...w.spec.shape.slice(0, -1), Math.ceil(w.spec.shape.at(-1)! / 2)]
        : w.spec.layout === 'T'
          ? w.spec.shape
          : w.spec.shape,
      label,
    );
    assert.equal(isFortran(a), w.fortran, `${label}: fortran_order`);
    assert.equal(a.flags.owndata, true, label);
    assert.equal(hex(a.tobytes()), w.data, label);
  }
});

test('npy: big-endian data is byteswapped; format 1.0, 2.0, 3.0 (utf8) and py2 headers read', () => {
  for (const r of fx.reads) {
    const a = np.load(unhex(r.npy)) as NDArray;
    assert.equal(a.dtype, r.dtype, r.id);
    assert.deepEqual(a.shape, r.shape, r.id);
    assert.equal(hex(a.tobytes()), r.data, r.id);
  }
});

test('npz: numpy archives (stored and deflated) load with .files, .get and properties', () => {
  for (const z of fx.npz) {
    const f = np.load(unhex(z.bytes)) as np.NpzFile;
    assert.ok(f instanceof np.NpzFile);
    assert.deepEqual(f.files, z.files, z.id);
    for (const [k, want] of Object.entries(z.arrays)) {
      for (const a of [f.get(k), f[k] as NDArray]) {
        assert.equal(a.dtype, want.dtype, `${z.id} ${k}`);
        assert.deepEqual(a.shape, want.shape, `${z.id} ${k}`);
        assert.equal(hex(a.tobytes()), want.data, `${z.id} ${k}`);
      }
    }
  }
});

test('npz: savez names (keywords, then arr_0…) and round trip through bytes', () => {
  const x = np.arange(6).reshape(2, 3);
  for (const fn of [np.savez_bytes, np.savez_compressed_bytes]) {
    const f = np.load(
      fn(x, np.ones([2], { dtype: 'float32' }), { named: np.asfortranarray(x) }),
    ) as np.NpzFile;
    assert.deepEqual(f.files, ['named', 'arr_0', 'arr_1']);
    assert.equal(hex(f.get('arr_0').tobytes()), hex(x.tobytes()));
    assert.equal(f.get('arr_1').dtype, 'float32');
    assert.equal(isFortran(f.get('named')), true);
  }
  const f = np.load(np.savez_bytes({ x })) as np.NpzFile;
  assert.throws(() => f.get('nope'), {
    name: 'KeyError',
    message: 'nope is not a file in the archive',
  });
  assert.throws(() => np.savez_bytes(x, { arr_0: x }), {
    name: 'ValueError',
    message: 'Cannot use un-named variables and keyword arr_0',
  });
});

/** ndscope's own (clearer) message where numpy leaks an internal one; same class. */
const OWN_MESSAGE: Record<string, RegExp> = {
  'malformed shape': /^Cannot parse header: /,
  'code in header': /^Cannot parse header: /,
  'negative shape': /^shape is not valid: \(2, -3\)$/,
};

test('npy: bad files raise NumPy-class errors naming the problem; nothing is evaluated', () => {
  for (const b of fx.bad) {
    const own = OWN_MESSAGE[b.id];
    assert.throws(
      () => np.load(unhex(b.bytes)),
      (e: Error) => {
        assert.equal(e.name, b.error, `${b.id}: ${e.message}`);
        if (own) assert.match(e.message, own, b.id);
        else if (b.message !== null) assert.equal(e.message, b.message, b.id);
        else
          assert.match(e.message, /cannot load a \.npy array of dtype .* ndscope supports/, b.id);
        return true;
      },
      b.id,
    );
  }
  // allow_pickle=True never unpickles either
  const pickle = fx.bad.find((b) => b.id === 'pickle')!;
  assert.throws(() => np.load(unhex(pickle.bytes), { allow_pickle: true }), {
    name: 'ValueError',
    message: /never unpickles/,
  });
  const obj = fx.bad.find((b) => b.id === 'object array')!;
  assert.throws(() => np.load(unhex(obj.bytes), { allow_pickle: true }), {
    name: 'ValueError',
    message: /never unpickles/,
  });
  // truncated / damaged zip
  const z = unhex(fx.npz[0]!.bytes);
  assert.throws(() => np.load(z.subarray(0, 40)), { name: 'ValueError' });
  assert.throws(() => np.load(new Uint8Array([1, 2])), {
    name: 'ValueError',
    message: 'EOF: reading magic string, expected 6 bytes got 2',
  });
  assert.throws(() => np.load(new TextEncoder().encode('hello world, not numpy')), {
    name: 'ValueError',
    message: /the magic string is not correct; expected b'\\x93NUMPY', got b'hello '/,
  });
});

function textResult(r: NDArray | NDArray[]): NDArray {
  return Array.isArray(r) ? r[0]! : r;
}

test('text: loadtxt / genfromtxt match numpy (delimiter, comments, skiprows, usecols, dtype, ndmin, max_rows, missing values)', () => {
  for (const t of fx.text) {
    const fn = t.fn === 'loadtxt' ? np.loadtxt : np.genfromtxt;
    const run = (): NDArray => textResult(fn(t.src, t.kwargs as never));
    if (t.error) {
      assert.throws(run, { name: t.error, message: t.message }, t.id);
      continue;
    }
    const a = run();
    assert.equal(a.dtype, t.dtype, t.id);
    assert.deepEqual(a.shape, t.shape, t.id);
    assert.equal(hex(a.tobytes()), t.data, t.id);
    // the same through a list of lines
    const b = textResult(fn(t.src.split('\n'), t.kwargs as never));
    assert.equal(hex(b.tobytes()), t.data, `${t.id} (lines)`);
  }
});

test('text: savetxt writes what numpy writes (fmt, delimiter, header/footer, comments, newline)', () => {
  for (const s of fx.savetxt) {
    const a = np.frombuffer(unhex(s.array), { dtype: s.dtype }).reshape(s.shape);
    const run = (): string | undefined => np.savetxt(null, a, s.kwargs as never);
    if (s.error) assert.throws(run, { name: s.error, message: s.message }, s.id);
    else assert.equal(run(), s.text, s.id);
  }
});

test('paths in Node: save/load/savez/savetxt/loadtxt through the fs hook', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ndscope-io-'));
  try {
    const a = np.arange(12).reshape(3, 4);
    np.save(join(dir, 'a'), a);
    assert.equal(hex((np.load(join(dir, 'a.npy')) as NDArray).tobytes()), hex(a.tobytes()));
    np.savez_compressed(join(dir, 'z.npz'), a, { b: a.T });
    const z = np.load(join(dir, 'z.npz')) as np.NpzFile;
    assert.deepEqual(z.files, ['b', 'arr_0']);
    np.savetxt(join(dir, 't.csv'), a, { fmt: '%d', delimiter: ',' });
    assert.equal(
      hex(
        (np.loadtxt(join(dir, 't.csv'), { delimiter: ',', dtype: 'int64' }) as NDArray).tobytes(),
      ),
      hex(a.tobytes()),
    );
    // a custom hook (e.g. a browser virtual FS) replaces Node's fs
    const files = new Map<string, Uint8Array | string>();
    np.set_file_system({
      readFileSync: (p) => files.get(p) as Uint8Array,
      writeFileSync: (p, d) => void files.set(p, d),
    });
    np.save('mem.npy', a);
    assert.ok(files.has('mem.npy'));
    assert.equal(hex((np.load('mem.npy') as NDArray).tobytes()), hex(a.tobytes()));
  } finally {
    np.set_file_system(null);
    rmSync(dir, { recursive: true, force: true });
  }
});

test('live round trip: numpy reads what ndscope writes (npy, npz, savetxt) with equal dtype, shape, order, bytes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ndscope-io-live-'));
  try {
    const specs = fx.writes.map((w) => w.spec);
    specs.forEach((s, i) => np.save(join(dir, `w${i}.npy`), make(s)));
    np.savez(join(dir, 'plain.npz'), make(specs[0]!), { f: make(specs[1]!) });
    np.savez_compressed(join(dir, 'comp.npz'), make(specs[2]!), { g: make(specs[3]!) });
    np.savetxt(join(dir, 't.txt'), make({ dtype: 'float64', shape: [3, 2], layout: 'C' }), {
      header: 'x y',
    });
    const script = `
import json, sys, numpy as np
d = sys.argv[1]; n = int(sys.argv[2]); out = []
def info(a): return {"dtype": str(a.dtype), "shape": list(a.shape), "fortran": bool(a.flags.f_contiguous and not a.flags.c_contiguous and a.ndim > 1), "data": np.ascontiguousarray(a).tobytes().hex()}
for i in range(n): out.append(info(np.load(f"{d}/w{i}.npy")))
z = {k: {f: info(v) for f, v in np.load(f"{d}/{k}.npz").items()} for k in ("plain", "comp")}
t = info(np.loadtxt(f"{d}/t.txt"))
print(json.dumps({"npy": out, "npz": z, "txt": t}))`;
    const r = spawnSync('python3', ['-c', script, dir, String(specs.length)], {
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr);
    const got = JSON.parse(r.stdout) as {
      npy: { dtype: string; shape: number[]; fortran: boolean; data: string }[];
      npz: Record<string, Record<string, { dtype: string; data: string; fortran: boolean }>>;
      txt: { data: string };
    };
    specs.forEach((s, i) => {
      const a = make(s);
      const g = got.npy[i]!;
      assert.equal(g.dtype, a.dtype, JSON.stringify(s));
      assert.deepEqual(g.shape, a.shape, JSON.stringify(s));
      assert.equal(g.fortran, isFortran(a), JSON.stringify(s));
      assert.equal(g.data, hex(a.tobytes()), JSON.stringify(s));
    });
    assert.deepEqual(Object.keys(got.npz.plain!), ['f', 'arr_0']);
    assert.equal(got.npz.plain!.f!.fortran, true);
    assert.deepEqual(Object.keys(got.npz.comp!), ['g', 'arr_0']);
    assert.equal(got.npz.comp!.arr_0!.data, hex(make(specs[2]!).tobytes()));
    assert.equal(
      got.txt.data,
      hex(make({ dtype: 'float64', shape: [3, 2], layout: 'C' }).tobytes()),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
