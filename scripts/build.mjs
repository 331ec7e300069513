#!/usr/bin/env node
/**
 * The one build script for every bundle (`npm run build`).
 *
 *   node scripts/build.mjs            build everything whose entry file exists
 *   node scripts/build.mjs runtime    build only the named targets (see TARGETS / NATIVE below)
 *
 * Steps, in order:
 *   1. native: AssemblyScript kernels → .wasm with `asc` (skipped while native/index.ts is absent)
 *   2. bundles: esbuild, all in parallel (each skipped while its entry file is absent)
 *   3. types: `tsc --emitDeclarationOnly` for the runtime → dist/types (the package's `types`)
 *
 * Adding a bundle: add one line to TARGETS (or just create the entry file a line already names).
 * Type checking is not done here (`npm run typecheck`); esbuild only strips types.
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const r = (...p) => join(root, ...p);

/** Packages never bundled into Node bundles: provided by the host or loaded from node_modules. */
const NODE_EXTERNALS = ['vscode', 'esbuild', 'typescript', 'playwright-core'];

const common = {
  bundle: true,
  target: 'es2022',
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'none',
  // AssemblyScript output (dist/native/*.wasm) can be imported as bytes by any bundle.
  loader: { '.wasm': 'binary' },
};

/**
 * Every esbuild bundle. `entry` is relative to the repo root; a target whose entry does not exist
 * yet is skipped (other teams just add the file).
 */
export const TARGETS = [
  // The runtime as the npm package `ndscope` (package.json `exports`): ESM and CJS, self-contained,
  // no Node or DOM APIs, so it runs in Node, a worker and a browser.
  {
    name: 'runtime',
    entry: 'src/runtime/index.ts',
    outfile: 'dist/runtime/index.mjs',
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
  },
  {
    name: 'runtime',
    entry: 'src/runtime/index.ts',
    outfile: 'dist/runtime/index.cjs',
    format: 'cjs',
    platform: 'neutral',
    mainFields: ['module', 'main'],
  },
  // The worker that runs a user's bundled file under resource limits.
  {
    name: 'runner',
    entry: 'src/runner/worker.ts',
    outfile: 'dist/worker.cjs',
    format: 'cjs',
    platform: 'node',
    external: NODE_EXTERNALS,
  },
  // `ndscope run file.ts` (package.json `bin`).
  {
    name: 'cli',
    entry: 'src/cli/index.ts',
    outfile: 'dist/cli.cjs',
    format: 'cjs',
    platform: 'node',
    external: NODE_EXTERNALS,
    banner: { js: '#!/usr/bin/env node' },
  },
  // The D3 app, for the VS Code webview and the CLI's standalone HTML (CSS it imports goes next to it).
  {
    name: 'webview',
    entry: 'webview/src/main.ts',
    outfile: 'dist/webview/main.js',
    format: 'iife',
    platform: 'browser',
  },
  // The VS Code extension (package.json `main` once it exists).
  {
    name: 'extension',
    entry: 'src/extension/extension.ts',
    outfile: 'dist/extension.cjs',
    format: 'cjs',
    platform: 'node',
    external: NODE_EXTERNALS,
  },
];

/**
 * The module imports the runtime's memory and carries no data, stack, allocator or abort import
 * (native/index.ts): every pointer comes from src/runtime/memory.ts.
 */
const NATIVE_FLAGS = ['--importMemory', '--runtime', 'stub', '--noAssert', '--use', 'abort='];

/**
 * AssemblyScript modules, compiled before the bundles (so a bundle may embed the .wasm).
 * `flags` are asc's; the toolchain is the npm package `assemblyscript` (no apt step).
 */
export const NATIVE = [
  {
    name: 'native',
    entry: 'native/index.ts',
    outfile: 'dist/native/kernels.wasm',
    flags: ['-O3', '--enable', 'simd', ...NATIVE_FLAGS],
  },
  {
    name: 'native',
    entry: 'native/index.ts',
    outfile: 'dist/native/kernels-relaxed.wasm',
    flags: ['-O3', '--enable', 'simd,relaxed-simd', ...NATIVE_FLAGS],
  },
];

function run(cmd, args) {
  const res = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (res.status !== 0)
    throw new Error(`${cmd} ${args.join(' ')} failed (exit ${res.status ?? res.signal})`);
}

const bin = (name) => r('node_modules', '.bin', name);

function buildNative(t) {
  mkdirSync(dirname(r(t.outfile)), { recursive: true });
  run(bin('asc'), [t.entry, '-o', t.outfile, ...t.flags]);
}

/**
 * Every bundle embeds the native kernels as base64 (src/runtime/wasm/bytes.ts reads these
 * defines), so the runtime needs no file lookup in Node, workers or browsers. Empty when unbuilt.
 */
function embedNative() {
  const b64 = (f) => (existsSync(r(f)) ? readFileSync(r(f)).toString('base64') : '');
  common.define = {
    ...common.define,
    __NDSCOPE_KERNELS__: JSON.stringify(b64('dist/native/kernels.wasm')),
    __NDSCOPE_KERNELS_RELAXED__: JSON.stringify(b64('dist/native/kernels-relaxed.wasm')),
  };
}

async function buildBundle(t) {
  const { name: _name, entry, ...opts } = t;
  await esbuild.build({ ...common, ...opts, entryPoints: [r(entry)], outfile: r(t.outfile) });
  if (t.banner?.js?.startsWith('#!')) chmodSync(r(t.outfile), 0o755); // a `bin` script
}

/** Declarations for the package's `types`: dist/types/runtime/index.d.ts. */
function buildTypes() {
  rmSync(r('dist', 'types'), { recursive: true, force: true });
  // Type errors are `npm run typecheck`'s to report; tsc still emits, and that is all we need here.
  const res = spawnSync(bin('tsc'), ['-p', 'tsconfig.types.json'], { cwd: root, encoding: 'utf8' });
  const errors = (res.stdout.match(/error TS\d+/g) ?? []).length;
  if (!existsSync(r('dist', 'types', 'runtime', 'index.d.ts'))) {
    process.stdout.write(res.stdout + res.stderr);
    throw new Error('tsc emitted no declarations');
  }
  if (errors)
    console.log(`types: emitted with ${errors} type error(s) (see \`npm run typecheck\`)`);
  // Hand-written ambient declarations (e.g. wasm-types.d.ts) are not emitted by tsc: ship them and
  // reference them from index.d.ts so consumers without DOM types still resolve `WebAssembly.*`.
  const src = r('src', 'runtime');
  const out = r('dist', 'types', 'runtime');
  const ambient = readdirSync(src).filter((f) => f.endsWith('.d.ts'));
  for (const f of ambient) cpSync(join(src, f), join(out, f));
  const index = join(out, 'index.d.ts');
  if (ambient.length && existsSync(index)) {
    const refs = ambient.map((f) => `/// <reference path="./${f}" />\n`).join('');
    writeFileSync(index, refs + readFileSync(index, 'utf8'));
  }
}

async function main() {
  const wanted = new Set(process.argv.slice(2).filter((a) => !a.startsWith('-')));
  const pick = (t) => wanted.size === 0 || wanted.has(t.name);
  const t0 = performance.now();
  const skipped = new Set();
  const built = [];

  for (const t of NATIVE.filter(pick)) {
    if (!existsSync(r(t.entry))) {
      skipped.add(`${t.name} (${t.entry})`);
      continue;
    }
    buildNative(t);
    built.push(t.outfile);
  }
  embedNative();

  const bundles = TARGETS.filter(pick).filter((t) => {
    if (existsSync(r(t.entry))) return true;
    skipped.add(`${t.name} (${t.entry})`);
    return false;
  });
  await Promise.all(bundles.map(buildBundle));
  built.push(...bundles.map((t) => t.outfile));

  if (pick({ name: 'runtime' }) || wanted.has('types')) {
    buildTypes();
    built.push('dist/types/');
  }

  const ms = Math.round(performance.now() - t0);
  console.log(`build: ${built.length} outputs in ${ms} ms`);
  for (const b of built) console.log(`  ${relative(root, r(b))}`);
  if (skipped.size) console.log(`  skipped (no entry yet): ${[...skipped].join(', ')}`);
}

// Run when executed (not when another script imports TARGETS / NATIVE).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
