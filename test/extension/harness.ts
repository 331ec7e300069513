/**
 * Runs a mocha suite (test/extension/suite) inside a real VS Code extension host: code-server
 * driven through @vscode/test-electron's runTests with a `vscodeExecutablePath` shim
 * (vscode-shim.mjs). Builds the suite with esbuild, copies the fixtures into a fresh workspace.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { runTests } from '@vscode/test-electron';

export const root = join(__dirname, '..', '..');
const out = join(root, 'scratch', 'ext-test');

let built: Promise<void> | null = null;

/** Bundles the suite files (vscode and mocha stay external: the host provides one, node_modules the other). */
export function buildSuites(): Promise<void> {
  built ??= (async () => {
    mkdirSync(out, { recursive: true });
    const dir = join(__dirname, 'suite');
    await esbuild.build({
      entryPoints: readdirSync(dir)
        .filter((f) => f.endsWith('.ts'))
        .map((f) => join(dir, f)),
      outdir: out,
      outExtension: { '.js': '.cjs' },
      bundle: true,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      external: ['vscode', 'mocha'],
      logLevel: 'warning',
    });
  })();
  return built;
}

/** A fresh workspace folder holding the fixtures (edits made by the tests never touch the repo). */
export function makeWorkspace(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'ndscope-ws-'));
  const fx = join(__dirname, 'fixtures');
  for (const f of readdirSync(fx)) {
    if (f.endsWith('.txt')) continue;
    cpSync(join(fx, f), join(dir, f));
  }
  const runtime = join(root, 'dist', 'runtime', 'index.cjs');
  const dbg = readFileSync(join(fx, 'debug-target.cjs.txt'), 'utf8').replace(
    'require(RUNTIME)',
    `require(${JSON.stringify(runtime)})`,
  );
  writeFileSync(join(dir, 'debug-target.cjs'), dbg);
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs one suite; resolves with the exit code (0 = all passed). */
export async function runSuite(
  suite: 'main' | 'untrusted',
  env: Record<string, string> = {},
): Promise<number> {
  if (!existsSync(join(root, 'dist', 'extension.cjs')))
    throw new Error('dist/extension.cjs missing: npm run build');
  await buildSuites();
  const ws = makeWorkspace();
  try {
    return await runTests({
      vscodeExecutablePath: join(__dirname, 'vscode-shim.mjs'),
      extensionDevelopmentPath: root,
      extensionTestsPath: join(out, 'index.cjs'),
      launchArgs: [ws.dir],
      reuseMachineInstall: true,
      extensionTestsEnv: {
        NDSCOPE_SUITE: suite,
        ...(suite === 'untrusted' ? { NDSCOPE_UNTRUSTED: '1' } : {}),
        ...env,
      },
    });
  } catch (e) {
    const code = (e as { code?: number }).code;
    return typeof code === 'number' ? code : 1;
  } finally {
    ws.cleanup();
  }
}
