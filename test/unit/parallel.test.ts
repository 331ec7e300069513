/**
 * The opt-in 2-thread GEMM (src/runtime/parallel.ts): bit-identical to the one-thread kernel for
 * splits along m and along n (strided, transposed, reversed operands, float64 and float32, a
 * batch), after the memory grows, graceful fallback without SharedArrayBuffer, and no hang at
 * process exit (the helper is unref'd).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as np from '../../src/runtime/index';
import type { NDArray } from '../../src/runtime/index';
import { parallelGemmStatus } from '../../src/runtime/parallel';
import { parallelGemm, setParallelGemm } from '../../src/runtime/gemm';
import { wasmMemory } from '../../src/runtime/memory';
import { backendStatus } from '../../src/runtime/wasm/index';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Deterministic operand: sin of a scaled ramp (no Math.random: failures must reproduce). */
function mat(r: number, c: number, seed: number, dtype: 'float64' | 'float32'): NDArray {
  return np
    .sin(
      np
        .arange(r * c)
        .reshape(r, c)
        .mul(0.37 + seed),
    )
    .astype(dtype) as NDArray;
}
const bytes = (a: NDArray): Buffer => Buffer.from(a.tobytes() as Uint8Array);

type Case = [string, () => [NDArray, NDArray]];
function cases(dtype: 'float64' | 'float32'): Case[] {
  return [
    ['split along m', () => [mat(300, 200, 1, dtype), mat(200, 250, 2, dtype)]],
    ['split along n', () => [mat(37, 600, 3, dtype), mat(600, 300, 4, dtype)]],
    ['k over two KC blocks', () => [mat(90, 1100, 5, dtype), mat(1100, 70, 6, dtype)]],
    ['transposed A', () => [mat(200, 260, 7, dtype).T, mat(200, 90, 8, dtype)]],
    [
      'reversed rows, strided B',
      () => {
        const a = mat(250, 180, 9, dtype).get(np.slice(null, null, -1));
        const b = mat(180, 400, 10, dtype).get(':, ::2');
        return [a as NDArray, b as NDArray];
      },
    ],
    [
      'batched',
      () => [mat(3 * 120, 130, 11, dtype).reshape(3, 120, 130), mat(130, 140, 12, dtype)],
    ],
  ];
}

const wasm = backendStatus().backend === 'wasm';

describe(
  'parallel GEMM (2 threads on a shared memory)',
  { skip: !wasm && 'no WASM backend' },
  () => {
    it('without SharedArrayBuffer: returns false and changes nothing', () => {
      const g = globalThis as { SharedArrayBuffer?: unknown };
      const saved = g.SharedArrayBuffer;
      g.SharedArrayBuffer = undefined;
      try {
        assert.equal(np.enableParallelGemm(), false);
      } finally {
        g.SharedArrayBuffer = saved;
      }
      assert.equal(parallelGemmStatus().enabled, false);
      assert.equal(parallelGemmStatus().reason, 'no SharedArrayBuffer');
      assert.ok(!(wasmMemory().buffer instanceof SharedArrayBuffer), 'memory still not shared');
    });

    const want = new Map<string, Buffer>();
    const ops = [...cases('float64'), ...cases('float32')].map(
      ([name, make], i) => [`${i < 6 ? 'float64' : 'float32'} ${name}`, make] as Case,
    );

    it('bit-identical to the one-thread kernel (splits along m and n, layouts, dtypes)', () => {
      for (const [name, make] of ops) want.set(name, bytes(np.matmul(...make()) as NDArray));
      const kept = mat(64, 64, 13, 'float64');
      const before = bytes(kept);
      assert.equal(np.enableParallelGemm({ minWork: 1 << 16 }), true);
      assert.ok(wasmMemory().buffer instanceof SharedArrayBuffer, 'memory is shared');
      assert.deepEqual(parallelGemmStatus(), { enabled: true, threads: 2, reason: '' });
      assert.ok(bytes(kept).equals(before), 'arrays keep their contents when the memory moves');
      for (const [name, make] of ops) {
        const got = bytes(np.matmul(...make()) as NDArray);
        assert.ok(got.equals(want.get(name) as Buffer), `${name} differs from one thread`);
      }
      assert.equal(np.enableParallelGemm(), true, 'idempotent');
      // the status reads gemm.ts's driver slot (no second flag to drift from it)
      const driver = parallelGemm();
      setParallelGemm(null);
      assert.deepEqual(parallelGemmStatus(), { enabled: false, threads: 1, reason: '' });
      setParallelGemm(driver);
      assert.equal(parallelGemmStatus().enabled, true);
    });

    it('after the shared memory grows (the helper sees the new pages)', () => {
      const a = mat(700, 900, 14, 'float64');
      const b = mat(900, 800, 15, 'float64');
      const start = wasmMemory().buffer.byteLength;
      const big: NDArray[] = [];
      while (wasmMemory().buffer.byteLength === start && big.length < 20)
        big.push(np.zeros([2000, 2000]));
      assert.ok(wasmMemory().buffer.byteLength > start, 'the memory grew');
      const two = bytes(np.matmul(a, b) as NDArray);
      np.disableParallelGemm();
      assert.equal(parallelGemmStatus().enabled, false);
      const one = bytes(np.matmul(a, b) as NDArray);
      assert.ok(two.equals(one), '2-thread result differs after growth');
      assert.equal(big[0]!.shape[0], 2000);
      assert.equal(np.enableParallelGemm(), true, `re-enabled: ${parallelGemmStatus().reason}`);
      assert.ok(bytes(np.matmul(a, b) as NDArray).equals(one));
      np.disableParallelGemm({ terminate: true });
      assert.equal(np.enableParallelGemm(), true, 'a new helper after terminate');
      assert.ok(bytes(np.matmul(a, b) as NDArray).equals(one));
    });

    it('a process that enabled it exits on its own (helper unref’d)', () => {
      const code = [
        "const np = require('./src/runtime/index');",
        'if (!np.enableParallelGemm()) throw new Error("not enabled");',
        'const a = np.ones([512, 512]);',
        'console.log(np.matmul(a, a).get(0, 0));',
      ].join('\n');
      const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', code], {
        cwd: root,
        encoding: 'utf8',
        timeout: 120_000,
      });
      assert.equal(r.signal, null, `killed (hang at exit?) ${r.stderr}`);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout.trim(), '512');
    });
  },
);
