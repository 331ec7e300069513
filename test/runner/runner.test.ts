/**
 * The runner: every way a user's program can end gives a clear message at the user's line and
 * keeps the partial trace, and the calling thread is never blocked.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vm from 'node:vm';
import * as fs from 'node:fs';
import * as os from 'node:os';
import { relaxedModule } from '../../src/runtime/wasm/probe';
import { runFile, startRun } from '../../src/runner/run';
import type { TraceEvent } from '../../src/trace/schema';
import { writeBroken } from './broken';

const prog = (name: string): string => path.join(__dirname, 'programs', name);

describe('runner: a program that runs to the end', () => {
  it('records steps with user locations, variable names and console lines', async () => {
    const r = await runFile(prog('ok.ts'));
    assert.equal(r.status, 'ok');
    assert.equal(r.trace.schema, 'ndscope-trace');
    assert.equal(r.trace.version, 1);
    const [mk, tr] = r.trace.events as [TraceEvent, TraceEvent];
    assert.equal(mk.op, 'array');
    assert.equal(mk.label, 'a');
    assert.deepEqual(mk.loc, { file: prog('ok.ts'), line: 3, column: 14 });
    assert.equal(tr.op, 'T');
    assert.equal(tr.label, 'b');
    assert.equal(tr.kind, 'view');
    assert.equal(tr.inputs[0]?.label, 'a');
    assert.deepEqual(
      r.trace.console.map((c) => [c.level, c.text, c.loc?.line, c.afterStep]),
      [
        ['log', 'shape [ 2, 2 ]', 5, 2],
        ['warn', 'careful', 6, 2],
      ],
    );
  });

  it('bundles relative imports, node built-ins and top-level await; names come from each file', async () => {
    const r = await runFile(prog('imports.ts'));
    assert.equal(r.status, 'ok', r.end.message);
    assert.deepEqual(
      r.trace.console.map((c) => c.text),
      ['true [ 0, 2, 4 ] [ 1, 1 ]'],
    );
    const mul = r.trace.events.find((e) => e.op === 'multiply');
    assert.equal(mul?.label, 'twice');
    assert.equal(mul?.loc?.file, prog(path.join('lib', 'helper.ts')));
    assert.equal(mul?.loc?.line, 4);
    const late = r.trace.events.find((e) => e.op === 'ones');
    assert.equal(late?.label, 'late');
  });

  it('import.meta.url, __dirname, __filename and require answer as from the user file', async () => {
    const r = await runFile(prog('paths.ts'));
    assert.equal(r.status, 'ok', r.end.message);
    assert.deepEqual(
      r.trace.console.map((c) => c.text),
      ['programs paths.ts true function'],
    );
  });

  it('streams events in batches while the program runs', async () => {
    const batches: number[] = [];
    const r = await runFile(prog('huge-trace.ts'), {
      batchSize: 16,
      onEvents: (evs) => batches.push(evs.length),
    });
    assert.equal(r.status, 'ok');
    assert.ok(batches.length > 10);
    assert.equal(
      batches.reduce((x, y) => x + y, 0),
      r.trace.events.length,
    );
  });
});

describe('runner: programs that fail', () => {
  it('a syntax error points at the user line, with no run', async () => {
    const file = writeBroken();
    const r = await runFile(file);
    assert.equal(r.status, 'error');
    assert.equal(r.end.error?.name, 'SyntaxError');
    assert.equal(r.end.error?.message, 'Expected "]" but found ";"');
    assert.deepEqual(r.end.error?.loc, { file, line: 2, column: 25 });
    assert.equal(r.trace.events.length, 0);
  });

  it("an import of a name ndscope does not export fails at bundle time, at the import's line", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ndscope-import-'));
    try {
      const file = path.join(dir, 'named.ts');
      fs.writeFileSync(
        file,
        "// the namespace, imported by name\nimport { np } from 'ndscope';\nnp.arange(3);\n",
      );
      const r = await runFile(file);
      assert.equal(r.status, 'error');
      assert.equal(r.end.error?.name, 'SyntaxError');
      assert.equal(
        r.end.error?.message,
        "The module 'ndscope' does not provide an export named 'np' (import the namespace: import * as np from 'ndscope')",
      );
      assert.deepEqual(r.end.error?.loc, { file, line: 2, column: 10 });
      assert.equal(r.trace.events.length, 0);

      const typo = path.join(dir, 'typo.ts');
      fs.writeFileSync(typo, "import { zeros, arnge } from 'ndscope';\nzeros([2]);\narnge(3);\n");
      const t = await runFile(typo);
      assert.equal(
        t.end.error?.message,
        "The module 'ndscope' does not provide an export named 'arnge' (did you mean 'arange'?)",
      );
      assert.deepEqual(t.end.error?.loc, { file: typo, line: 1, column: 17 });

      // every other form works: namespace, default, named, a reserved word renamed, a subpath
      const ok = path.join(dir, 'ok.ts');
      fs.writeFileSync(
        ok,
        [
          "import * as np from 'ndscope';",
          "import nd, { arange, delete as del, linalg } from 'ndscope';",
          "import { ones } from 'ndscope/anything';",
          'const a = del(arange(4), 0);',
          'console.log(a.shape, nd.zeros([2]).shape, np.ones([3]).shape, ones([1]).shape, linalg.det(np.eye(2)));',
        ].join('\n'),
      );
      const o = await runFile(ok);
      assert.equal(o.status, 'ok', o.end.message);
      assert.deepEqual(
        o.trace.console.map((c) => c.text),
        ['[ 3 ] [ 2 ] [ 3 ] [ 1 ] 1'],
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a NumPy error keeps its class and message, at the user's line inside a function", async () => {
    const r = await runFile(prog('numpy-error.ts'));
    assert.equal(r.status, 'error');
    assert.equal(r.end.error?.name, 'ValueError');
    assert.equal(r.end.error?.message, 'cannot reshape array of size 4 into shape (3,5)');
    assert.deepEqual(r.end.error?.loc, { file: prog('numpy-error.ts'), line: 5, column: 12 });
    assert.match(r.end.message ?? '', /numpy-error\.ts:5:12$/);
    // mapped stack: user frames only, never the runtime
    assert.match(r.end.error?.stack ?? '', /at grow \(.*numpy-error\.ts:5:12\)/);
    assert.doesNotMatch(r.end.error?.stack ?? '', /src[\\/]runtime|user\.mjs/);
    const kinds = r.trace.events.map((e) => `${e.op}:${e.kind}`);
    assert.deepEqual(kinds, ['array:create', 'reshape:error']);
  });

  it('a plain JS error is mapped too', async () => {
    const r = await runFile(prog('js-error.ts'));
    assert.equal(r.status, 'error');
    assert.equal(r.end.error?.name, 'TypeError');
    assert.equal(r.end.error?.loc?.line, 5);
    assert.equal(r.trace.events.length, 1);
  });

  it('an error thrown later from a timer is reported at its line', async () => {
    const r = await runFile(prog('async-error.ts'));
    assert.equal(r.status, 'error');
    assert.equal(r.end.error?.name, 'ValueError');
    assert.equal(r.end.error?.loc?.line, 5);
  });

  it('a thrown non-Error value is reported', async () => {
    const r = await runFile(prog('throw-value.ts'));
    assert.equal(r.status, 'error');
    assert.match(r.end.error?.message ?? '', /42/);
    assert.equal(r.trace.events.length, 1);
  });

  it('an infinite loop times out at the loop, keeps unsent events, and never blocks the caller', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 20);
    const t0 = Date.now();
    const r = await runFile(prog('loop.ts'), { timeoutMs: 1500, batchSize: 1000 });
    clearInterval(timer);
    assert.equal(r.status, 'timeout');
    assert.ok(Date.now() - t0 < 8000);
    assert.ok(ticks >= 30, `event loop ticked only ${ticks} times`);
    assert.match(
      r.end.message ?? '',
      /^Timed out after 1\.5 s \(still running at .*loop\.ts:[678]:\d+\)/,
    );
    assert.ok([6, 7, 8].includes(r.end.error?.loc?.line ?? 0));
    // both events were still in the worker's unsent batch: the inspector probe took them
    assert.deepEqual(
      r.trace.events.map((e) => e.label),
      ['a', 'b'],
    );
  });

  it('endless console output is capped and still times out', async () => {
    const r = await runFile(prog('chatty.ts'), { timeoutMs: 2000 });
    assert.equal(r.status, 'timeout');
    assert.ok(r.trace.console.length <= 10_001);
    const lastLine = r.trace.console[r.trace.console.length - 1];
    if (r.trace.console.length === 10_001)
      assert.match(lastLine?.text ?? '', /^\[ndscope\] console output over 10000 lines/);
    assert.equal(r.trace.console[0]?.text, 'line 0');
    assert.equal(r.trace.console[0]?.loc?.line, 2);
  });

  it('cancel() stops a running program at once', async () => {
    const h = startRun(prog('loop.ts'), { timeoutMs: 60_000 });
    setTimeout(() => h.cancel(), 800);
    const t0 = Date.now();
    const r = await h.done;
    assert.equal(r.status, 'cancelled');
    assert.ok(Date.now() - t0 < 6000);
  });

  it('an AbortSignal cancels too', async () => {
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 800);
    const r = await runFile(prog('loop.ts'), { timeoutMs: 60_000, signal: ac.signal });
    assert.equal(r.status, 'cancelled');
  });

  it('a 10 GB allocation is a MemoryError at its line', async () => {
    const r = await runFile(prog('big-alloc.ts'));
    assert.equal(r.status, 'error');
    assert.equal(r.end.error?.name, 'MemoryError');
    assert.match(r.end.error?.message ?? '', /^Unable to allocate 9\.3 GiB/);
    assert.deepEqual(r.end.error?.loc, { file: prog('big-alloc.ts'), line: 4, column: 17 });
    assert.deepEqual(
      r.trace.events.map((e) => e.kind),
      ['create', 'error'],
    );
  });

  it('the WASM memory cap is configurable', async () => {
    const capped = await runFile(prog('alloc-100mb.ts'), { memoryMaxBytes: 64 * 1024 * 1024 });
    assert.equal(capped.status, 'error');
    assert.equal(capped.end.error?.name, 'MemoryError');
    assert.match(capped.end.error?.message ?? '', /the WebAssembly memory limit is 64\.0 MiB$/);
    assert.equal(capped.end.error?.loc?.line, 3);
    const free = await runFile(prog('alloc-100mb.ts'));
    assert.equal(free.status, 'ok', free.end.message);
  });

  it('a synchronous loop dropping arrays stays at its first high-water mark (reclaim hook)', async () => {
    // 10,000 × three 80 KB arrays (3.75 GiB in all) dropped without yielding to the event loop:
    // the worker runs a GC + FinalizationRegistry#cleanupSome before the memory would grow
    const r = await runFile(prog('drop-loop.ts'), { timeoutMs: 120_000 });
    assert.equal(r.status, 'ok', r.end.message);
    const out = JSON.parse(r.trace.console[0]?.text ?? '{}') as {
      marks: number[];
      reclaims: number;
    };
    const [first, at1000, end] = out.marks as [number, number, number];
    assert.ok(first <= at1000);
    assert.equal(end, at1000, 'no growth after the first reclaim');
    // (memory grows freely below the 32 MiB reclaim floor, so it settles below twice that)
    assert.ok(end <= 64 * 1024 * 1024, `memory ${end} bytes`);
    assert.ok(out.reclaims > 0);
    // the V8 flags were on only while the worker started: this (host) process gets no `gc`
    assert.equal(vm.runInNewContext('typeof gc'), 'undefined');
    assert.equal(
      vm.runInNewContext('typeof new FinalizationRegistry(() => {}).cleanupSome'),
      'undefined',
    );
  });

  it('runs with relaxed SIMD (the FMA GEMM build), as in VS Code’s extension host', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ndscope-relaxed-'));
    const file = path.join(dir, 'relaxed.ts');
    const bytes = Array.from(relaxedModule()).join(', ');
    fs.writeFileSync(
      file,
      `console.log(String(WebAssembly.validate(new Uint8Array([${bytes}]))));\n`,
    );
    const r = await runFile(file);
    fs.rmSync(dir, { recursive: true, force: true });
    assert.equal(r.status, 'ok', r.end.message);
    assert.equal(r.trace.console[0]?.text, 'true');
  });

  it('process.exit(3) ends the run with its code at its line, trace kept', async () => {
    const r = await runFile(prog('exit.ts'));
    assert.equal(r.status, 'exit');
    assert.equal(r.end.exitCode, 3);
    assert.match(r.end.message ?? '', /^process\.exit\(3\) called at .*exit\.ts:5:11$/);
    assert.equal(r.trace.events.length, 1);
    assert.equal(r.trace.console.length, 0);
  });

  it('process.exit() with no code is exit code 0', async () => {
    const r = await runFile(prog('exit0.ts'));
    assert.equal(r.status, 'exit');
    assert.equal(r.end.exitCode, 0);
    assert.equal(r.end.error, undefined);
  });

  it('a huge trace is truncated at a step while the program keeps running', async () => {
    const r = await runFile(prog('huge-trace.ts'), { limits: { budgetBytes: 300_000 } });
    assert.equal(r.status, 'ok');
    assert.ok(r.trace.truncated);
    assert.equal(r.trace.events.length, r.trace.truncated.atStep);
    assert.ok(r.trace.truncated.atStep > 10 && r.trace.truncated.atStep < 5000);
    assert.deepEqual(
      r.trace.console.map((c) => c.text),
      ['done 320000'],
    );
  });

  it('running out of JS heap ends the run with a clear message, the worker only', async () => {
    const r = await runFile(prog('heap.ts'), { heapMb: 48, timeoutMs: 60_000 });
    assert.equal(r.status, 'oom');
    assert.match(r.end.message ?? '', /^JavaScript heap out of memory \(limit 48 MiB\)/);
    assert.equal(r.trace.events.length, 1);
  });

  it('a missing file is an error, not a crash', async () => {
    const r = await runFile(prog('does-not-exist.ts'));
    assert.equal(r.status, 'error');
    assert.match(r.end.message ?? '', /no such file/);
  });
});
