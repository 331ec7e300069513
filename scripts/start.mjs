#!/usr/bin/env node
/**
 * `npm start`: build, then open examples/ with the extension in a real VS Code.
 *
 *   - desktop VS Code: when `code` is on PATH, `code --extensionDevelopmentPath=<repo> examples/`;
 *   - otherwise code-server (the VS Code workbench in a browser): installed once into
 *     ~/.cache/ndscope (or $NDSCOPE_CACHE), the extension packaged (.vsix) and installed into it,
 *     then served on 127.0.0.1 behind a GENERATED password (printed with the URL). It gives a
 *     terminal to whoever reaches it, so it is never started with `--auth none`.
 *
 *   node scripts/start.mjs                 as above
 *   node scripts/start.mjs --code-server   use code-server even when `code` is on PATH
 *   node scripts/start.mjs --port 8080     fixed port for code-server (default: a free one)
 *   node scripts/start.mjs --examples [NN] no editor: run the lesson examples in Node, print output
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheDir, install, installVsix, start } from './code-server.mjs';
import { pack } from './package.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const examplesDir = join(root, 'examples');

function build() {
  const b = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}

function runExamples(filters) {
  const examples = existsSync(examplesDir)
    ? readdirSync(examplesDir)
        .filter((f) => /^\d\d-.*\.ts$/.test(f))
        .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
        .sort()
    : [];
  if (examples.length === 0) {
    console.log('no examples found in examples/');
    process.exit(filters.length ? 1 : 0);
  }
  let failed = 0;
  for (const ex of examples) {
    console.log(`\n━━ examples/${ex} ${'━'.repeat(Math.max(0, 70 - ex.length))}`);
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(examplesDir, ex)], {
      cwd: root,
      stdio: 'inherit',
    });
    if (r.status !== 0) failed++;
  }
  console.log(`\n${examples.length - failed} of ${examples.length} examples ran`);
  process.exit(failed ? 1 : 0);
}

function hasDesktopCode() {
  const r = spawnSync('code', ['--version'], { stdio: 'ignore' });
  return r.status === 0;
}

async function main() {
  build();
  if (argv.includes('--examples')) {
    runExamples(argv.filter((a) => !a.startsWith('-')));
    return;
  }
  if (!argv.includes('--code-server') && hasDesktopCode()) {
    console.log('opening examples/ in VS Code with the extension (--extensionDevelopmentPath)');
    const c = spawn('code', ['--new-window', `--extensionDevelopmentPath=${root}`, examplesDir], {
      stdio: 'inherit',
    });
    c.on('close', (code) => process.exit(code ?? 0));
    return;
  }
  console.log('`code` is not on PATH: using code-server (the VS Code workbench in your browser)');
  install();
  const base = join(cacheDir(), 'start');
  const run = {
    dir: base,
    env: {},
    userData: join(base, 'data'),
    extensions: join(base, 'extensions'),
    cleanup: () => undefined,
  };
  for (const d of [run.userData, run.extensions]) mkdirSync(d, { recursive: true });
  const vsix = join(base, 'ndscope.vsix');
  const { bytes } = pack({ noBuild: true, out: vsix, stdio: 'ignore' });
  installVsix(vsix, run.extensions);
  console.log(`installed the extension (${(bytes / 1024 / 1024).toFixed(1)} MB .vsix)`);
  const p = argv.indexOf('--port');
  const server = await start({
    folder: examplesDir,
    auth: 'password',
    run,
    quiet: true,
    ...(p >= 0 ? { port: Number(argv[p + 1]) } : {}),
  });
  console.log(`
  ndscope is running in VS Code (code-server), bound to 127.0.0.1 only:

    URL:      ${server.url}?folder=${encodeURIComponent(examplesDir)}
    password: ${server.password}

  Open an example (05-broadcasting.ts is a good start) and run "ndscope: Run and Visualize
  Current File" from the command palette (F1). Ctrl+C stops the server.
`);
  const stop = () => {
    server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.proc.on('exit', (code) => {
    console.error(`code-server exited (${code})`);
    process.exit(code ?? 1);
  });
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
