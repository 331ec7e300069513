/**
 * `ndscope run`: exit codes, messages, and the files it writes. Runs the real command
 * (bin/ndscope) in a child process; the HTML writer is also tested directly.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { renderHtml } from '../../src/cli/html';
import type { Trace } from '../../src/trace/schema';
import { writeBroken } from '../runner/broken';

const root = path.resolve(__dirname, '..', '..');
const bin = path.join(root, 'bin', 'ndscope');
const prog = (name: string): string => path.join(root, 'test', 'runner', 'programs', name);

function ndscope(...args: string[]): { code: number | null; out: string; err: string } {
  // From source: the test checks this checkout's code, not a possibly stale dist/.
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NDSCOPE_FROM_SOURCE: '1' },
    timeout: 120_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

let tmp = '';
before(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ndscope-cli-test-'));
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('cli: exit codes', () => {
  it('0 when the program runs to the end; its console output is echoed', () => {
    const r = ndscope('run', prog('ok.ts'));
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, 'shape [ 2, 2 ]\n');
    assert.equal(r.err, 'careful\n');
  });

  it('1 with the message and file:line:col when the program throws', () => {
    const r = ndscope('run', prog('numpy-error.ts'));
    assert.equal(r.code, 1);
    const first = r.err.split('\n')[0];
    assert.equal(
      first,
      'test/runner/programs/numpy-error.ts:5:12: ValueError: cannot reshape array of size 4 into shape (3,5)',
    );
  });

  it('1 on a syntax error, at its position', () => {
    const file = writeBroken();
    const r = ndscope('run', file);
    assert.equal(r.code, 1);
    assert.ok(
      r.err.startsWith(
        `${path.relative(root, file)}:2:25: SyntaxError: Expected "]" but found ";"`,
      ),
      r.err,
    );
  });

  it('1 on a timeout (--timeout in seconds)', () => {
    const t0 = Date.now();
    const r = ndscope('run', prog('loop.ts'), '--timeout', '1');
    assert.equal(r.code, 1);
    assert.match(r.err, /Timed out after 1 s/);
    assert.ok(Date.now() - t0 < 30_000);
  });

  it('1 on process.exit(3), 0 on process.exit()', () => {
    assert.equal(ndscope('run', prog('exit.ts')).code, 1);
    assert.equal(ndscope('run', prog('exit0.ts')).code, 0);
  });

  it('2 on usage errors', () => {
    for (const args of [
      [],
      ['frobnicate'],
      ['run'],
      ['run', prog('ok.ts'), '--timeout'],
      ['run', prog('ok.ts'), '--timeout', 'soon'],
      ['run', prog('ok.ts'), '--bogus'],
      ['run', path.join(tmp, 'nope.ts')],
    ]) {
      const r = ndscope(...args);
      assert.equal(r.code, 2, `ndscope ${args.join(' ')}: ${r.err}`);
      assert.match(r.err, /^ndscope: /);
    }
  });

  it('--help prints usage with exit code 0', () => {
    const r = ndscope('--help');
    assert.equal(r.code, 0);
    assert.match(r.out, /^Usage: ndscope run <file\.ts>/);
  });
});

describe('cli: outputs', () => {
  it('--json writes the trace', () => {
    const out = path.join(tmp, 'ok.ndtrace.json');
    const r = ndscope('run', prog('ok.ts'), '--json', out, '--quiet');
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, '');
    const t = JSON.parse(fs.readFileSync(out, 'utf8')) as Trace;
    assert.equal(t.schema, 'ndscope-trace');
    assert.deepEqual(
      t.events.map((e) => e.label),
      ['a', 'b'],
    );
    assert.equal(t.end?.status, 'ok');
    assert.equal(r.err, `ndscope: wrote ${out} (2 steps)\n`);
    const one = path.join(tmp, 'one.ts');
    fs.writeFileSync(one, "import * as np from 'ndscope';\nnp.zeros([2]);\n");
    const r1 = ndscope('run', one, '--json', path.join(tmp, 'one.json'));
    assert.equal(r1.err, `ndscope: wrote ${path.join(tmp, 'one.json')} (1 step)\n`);
  });

  it('--html writes one self-contained page with the trace embedded, also on failure', () => {
    const out = path.join(tmp, 'err.html');
    const r = ndscope('run', prog('numpy-error.ts'), '--html', out, '--plain');
    assert.equal(r.code, 1);
    const html = fs.readFileSync(out, 'utf8');
    assert.match(html, /^<!doctype html>/);
    assert.doesNotMatch(html, /<script[^>]+src=|<link[^>]+href=|https?:\/\//);
    const m = /<script type="application\/json" id="ndscope-trace">(.*?)<\/script>/s.exec(html);
    assert.ok(m);
    const t = JSON.parse(m[1] as string) as Trace;
    assert.equal(t.end?.status, 'error');
    assert.match(html, /cannot reshape array of size 4 into shape \(3,5\)/);
  });
});

describe('cli: renderHtml', () => {
  const trace: Trace = {
    schema: 'ndscope-trace',
    version: 1,
    file: '/x/a.ts',
    limits: { maxValues: 4096, previewItems: 64, budgetBytes: 1 },
    events: [
      {
        step: 1,
        op: 'array',
        kind: 'create',
        args: '("</script><b>")',
        inputs: [],
        buffers: [],
        ms: 0,
      },
    ],
    console: [{ level: 'log', text: '<i>hi</i>', afterStep: 1 }],
  };

  it('escapes the trace so it cannot close its script element', () => {
    const html = renderHtml(trace);
    assert.equal(html.match(/<\/script>/g)?.length, 1);
    assert.doesNotMatch(html, /<i>hi<\/i>/);
    const m = /id="ndscope-trace">(.*?)<\/script>/s.exec(html);
    assert.deepEqual(JSON.parse(m?.[1] ?? ''), trace);
  });

  it('inlines a given webview bundle instead of the step list', () => {
    const html = renderHtml(trace, {
      webview: { script: 'window.ok = "</script>";', style: 'body{color:red}' },
    });
    assert.match(html, /<style>body\{color:red\}<\/style>/);
    assert.match(html, /window\.ok = "<\\\/script>";/);
    assert.doesNotMatch(html, /id="ndscope-steps"/);
  });
});
