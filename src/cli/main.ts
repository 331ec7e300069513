/**
 * `ndscope run file.ts [--json out.ndtrace.json] [--html out.html] [--timeout 10]`
 *
 * Runs the file with the traced runtime (src/runner), prints its console output as it comes,
 * writes the trace as JSON and/or a self-contained HTML page. Exit codes: 0 the program ran to
 * the end, 1 the user's code failed (message and file:line:col on stderr), 2 usage error.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runFile, type RunOptions } from '../runner/run';
import { renderHtml, type WebviewBundle } from './html';
import type { Trace } from '../trace/schema';

export interface CliIO {
  out: (s: string) => void;
  err: (s: string) => void;
}

const USAGE = `Usage: ndscope run <file.ts> [options]

Runs a TypeScript file with ndscope's traced NumPy runtime (import * as np from 'ndscope').

Options:
  --json <out.ndtrace.json>   write the trace as JSON
  --html <out.html>           write a self-contained HTML page showing the trace
  --timeout <seconds>         stop the program after this long (default 10)
  --heap <MiB>                JavaScript heap limit of the program (default 1024)
  --budget <MB>               stop recording after this much trace (default 50)
  --plain                     HTML: the plain step list even if the webview bundle is built
  --quiet                     do not echo the program's console output
  -h, --help                  show this help
  -v, --version               show the version

Exit codes: 0 ok, 1 the program failed, 2 usage error.`;

interface Parsed {
  file: string;
  json?: string;
  html?: string;
  timeout: number;
  heap?: number;
  budget?: number;
  plain: boolean;
  quiet: boolean;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Parsed | 'help' | 'version' {
  if (argv.length === 0) throw new UsageError('missing command');
  if (argv.includes('-h') || argv.includes('--help') || argv[0] === 'help') return 'help';
  if (argv[0] === '-v' || argv[0] === '--version') return 'version';
  const [cmd, ...rest] = argv;
  if (cmd !== 'run') throw new UsageError(`unknown command '${cmd}'`);
  const p: Partial<Parsed> & { plain: boolean; quiet: boolean; timeout: number } = {
    plain: false,
    quiet: false,
    timeout: 10,
  };
  const num = (name: string, v: string | undefined): number => {
    const n = Number(v);
    if (v === undefined || v.trim() === '' || !Number.isFinite(n) || n <= 0)
      throw new UsageError(`${name} needs a positive number`);
    return n;
  };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] as string;
    const [flag, inline] =
      a.startsWith('--') && a.includes('=')
        ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
        : [a, undefined];
    const value = (): string => {
      const v = inline ?? rest[++i];
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--json':
        p.json = value();
        break;
      case '--html':
        p.html = value();
        break;
      case '--timeout':
        p.timeout = num('--timeout', value());
        break;
      case '--heap':
        p.heap = num('--heap', value());
        break;
      case '--budget':
        p.budget = num('--budget', value());
        break;
      case '--plain':
        p.plain = true;
        break;
      case '--quiet':
        p.quiet = true;
        break;
      default:
        if (flag.startsWith('-')) throw new UsageError(`unknown option '${flag}'`);
        if (p.file !== undefined) throw new UsageError(`unexpected argument '${flag}'`);
        p.file = flag;
    }
  }
  if (p.file === undefined) throw new UsageError('missing <file.ts>');
  return p as Parsed;
}

function version(): string {
  for (const dir of [path.join(__dirname, '..'), path.join(__dirname, '..', '..')]) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === 'ndscope') return pkg.version ?? '0.0.0';
    } catch {
      /* next */
    }
  }
  return '0.0.0';
}

/** The built webview bundle (dist/webview/main.js + main.css), if present. */
export function findWebviewBundle(): WebviewBundle | undefined {
  for (const dir of [
    path.join(__dirname, 'webview'),
    path.join(__dirname, '..', 'dist', 'webview'),
    path.join(__dirname, '..', '..', 'dist', 'webview'),
  ]) {
    const js = path.join(dir, 'main.js');
    if (!fs.existsSync(js)) continue;
    const css = path.join(dir, 'main.css');
    const script = fs.readFileSync(js, 'utf8').replace(/\n\/\/# sourceMappingURL=.*$/, '');
    return fs.existsSync(css)
      ? {
          script,
          style: fs.readFileSync(css, 'utf8').replace(/\n\/\*# sourceMappingURL=.*\*\/\s*$/, ''),
        }
      : { script };
  }
  return undefined;
}

function writeOut(file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(file, text);
}

function relTrace(trace: Trace): string {
  return path.relative(process.cwd(), trace.file) || trace.file;
}

export async function main(
  argv: string[],
  io: CliIO = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) },
): Promise<number> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`ndscope: ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
  if (parsed === 'help') {
    io.out(`${USAGE}\n`);
    return 0;
  }
  if (parsed === 'version') {
    io.out(`${version()}\n`);
    return 0;
  }
  if (!fs.existsSync(parsed.file)) {
    io.err(`ndscope: no such file: ${parsed.file}\n`);
    return 2;
  }
  const opts: RunOptions = { timeoutMs: parsed.timeout * 1000 };
  if (parsed.heap !== undefined) opts.heapMb = parsed.heap;
  if (parsed.budget !== undefined) opts.limits = { budgetBytes: parsed.budget * 1024 * 1024 };
  if (!parsed.quiet) {
    opts.onConsole = (c) => {
      const line = c.level === 'stdout' || c.level === 'stderr' ? `${c.text}\n` : `${c.text}\n`;
      if (c.level === 'warn' || c.level === 'error' || c.level === 'stderr') io.err(line);
      else io.out(line);
    };
  }
  const ac = new AbortController();
  const onSig = (): void => ac.abort();
  process.once('SIGINT', onSig);
  opts.signal = ac.signal;
  let r;
  try {
    r = await runFile(parsed.file, opts);
  } finally {
    process.removeListener('SIGINT', onSig);
  }
  const trace = r.trace;
  const steps = `${trace.events.length} step${trace.events.length === 1 ? '' : 's'}`;
  if (parsed.json !== undefined) {
    writeOut(parsed.json, JSON.stringify(trace));
    io.err(`ndscope: wrote ${parsed.json} (${steps})\n`);
  }
  if (parsed.html !== undefined) {
    const webview = parsed.plain ? undefined : findWebviewBundle();
    writeOut(parsed.html, renderHtml(trace, webview ? { webview } : {}));
    io.err(`ndscope: wrote ${parsed.html} (${steps}${webview ? '' : ', plain step list'})\n`);
  }
  if (trace.truncated)
    io.err(
      `ndscope: trace truncated at step ${trace.truncated.atStep}: ${trace.truncated.reason}\n`,
    );
  const end = r.end;
  if (end.status === 'ok' || (end.status === 'exit' && end.exitCode === 0)) {
    if (end.status === 'exit') io.err(`ndscope: ${end.message ?? 'process.exit(0)'}\n`);
    return 0;
  }
  const e = end.error;
  const where = e?.loc
    ? `${path.relative(process.cwd(), e.loc.file) || e.loc.file}:${e.loc.line}:${e.loc.column}`
    : relTrace(trace);
  const headline =
    end.status === 'error' && e ? `${e.name}: ${e.message}` : (end.message ?? end.status);
  io.err(`${where}: ${headline}\n`);
  if (e?.stack && end.status === 'error') {
    const frames = e.stack.split('\n').filter((l) => /^\s+at /.test(l));
    if (frames.length > 0) io.err(`${frames.join('\n')}\n`);
  }
  return 1;
}
