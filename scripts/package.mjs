#!/usr/bin/env node
/**
 * `npm run package`: build, then pack the extension into ndscope-<version>.vsix with @vscode/vsce,
 * offline. What ships is decided by .vscodeignore (bundles, .wasm, media, examples, and esbuild —
 * the runner bundles the user's file at run time — with its linux-x64 binary). Prints the size.
 *
 *   node scripts/package.mjs [--no-build] [--out file.vsix]
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export function vsixPath() {
  const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return join(root, `${name}-${version}.vsix`);
}

/** Builds (unless noBuild) and packs; returns { file, bytes }. */
export function pack({ noBuild = false, out = vsixPath(), stdio = 'inherit' } = {}) {
  if (!noBuild) {
    const b = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], {
      cwd: root,
      stdio,
    });
    if (b.status !== 0) throw new Error('build failed');
  }
  const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  // package.json's `files` (the npm package of the runtime) and .vscodeignore cannot be combined
  // (vsce refuses): pack from a staging copy whose manifest has no `files`.
  const stage = join(root, 'scratch', 'vsix-stage');
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  delete manifest.files;
  // Run-time node_modules of the extension: esbuild (+ its platform binary), which the runner loads
  // to bundle the user's file, and typescript (the runner's variable labels). Everything else is
  // bundled into dist/. .vscodeignore trims both packages to what is loaded.
  const version = (p) =>
    JSON.parse(readFileSync(join(root, 'node_modules', p, 'package.json'), 'utf8')).version;
  manifest.dependencies = { esbuild: version('esbuild'), typescript: version('typescript') };
  delete manifest.devDependencies;
  writeFileSync(join(stage, 'package.json'), JSON.stringify(manifest, null, 2));
  for (const p of [
    '.vscodeignore',
    'README.md',
    'CHANGELOG.md',
    'LICENSE',
    'dist',
    'media',
    'examples',
    'node_modules/esbuild',
    'node_modules/@esbuild/linux-x64',
    'node_modules/typescript',
  ]) {
    if (existsSync(join(root, p)))
      cpSync(join(root, p), join(stage, p), { recursive: true, dereference: true });
  }
  // The base URLs resolve README's relative links (the repository
  // URL is a placeholder), so vsce never stops to ask.
  const { repository } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const base = String(repository?.url ?? 'https://example.invalid/ndscope').replace(/\.git$/, '');
  const r = spawnSync(
    process.execPath,
    [
      vsce,
      'package',
      '--baseContentUrl',
      `${base}/blob/main`,
      '--baseImagesUrl',
      `${base}/raw/main`,
      '-o',
      out,
    ],
    { cwd: stage, stdio, env: { ...process.env, VSCE_TELEMETRY: 'false' } },
  );
  if (r.status !== 0) throw new Error(`vsce package failed (exit ${r.status})`);
  return { file: out, bytes: statSync(out).size };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const argv = process.argv.slice(2);
  const o = argv.indexOf('--out');
  try {
    const { file, bytes } = pack({
      noBuild: argv.includes('--no-build'),
      ...(o >= 0 ? { out: argv[o + 1] } : {}),
    });
    console.log(`\n${relative(root, file)}: ${(bytes / 1024 / 1024).toFixed(2)} MB`);
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
