#!/usr/bin/env node
/**
 * A stand-in for the VS Code executable that @vscode/test-electron's `runTests` launches
 * (`vscodeExecutablePath`): desktop VS Code cannot be had on these machines, so this script takes
 * test-electron's arguments and runs the tests in code-server's extension host instead:
 *
 *   1. starts code-server (loopback, random port, own process group, per-run HOME/TMPDIR/XDG) with
 *      `--vscode-option enable-smoke-test-driver`, which makes the web workbench read
 *      extensionDevelopmentPath / extensionTestsPath from the page URL parameter `payload`;
 *   2. opens the workbench in headless Chromium (playwright-core) after exposing
 *      `codeAutomationLog` (mocha's output) and `codeAutomationExit` (the result);
 *   3. exits with the code the workbench reports, killing code-server's whole process group.
 *
 * Env: NDSCOPE_UNTRUSTED=1 leaves Workspace Trust on (the folder is then untrusted);
 * NDSCOPE_SHIM_TIMEOUT_MS (default 240000); NDSCOPE_SHIM_SCREENSHOT=<png> saves the page at exit.
 */
import { chromium } from 'playwright-core';
import { resolve } from 'node:path';
import { format } from 'node:util';
import { QUIET_SETTINGS, runDirs, start } from '../../scripts/code-server.mjs';

const CHROMIUM = process.env.NDSCOPE_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

function parseArgs(argv) {
  const o = { positional: [] };
  for (const a of argv) {
    const m = /^--([^=]+)=(.*)$/.exec(a);
    if (m) o[m[1]] = m[2];
    else if (!a.startsWith('--')) o.positional.push(a);
  }
  return o;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const devPath = args.extensionDevelopmentPath && resolve(args.extensionDevelopmentPath);
  const testsPath = args.extensionTestsPath && resolve(args.extensionTestsPath);
  const folder = args.positional[0] && resolve(args.positional[0]);
  if (!devPath || !testsPath) {
    console.error(
      'vscode-shim: --extensionDevelopmentPath= and --extensionTestsPath= are required',
    );
    return 2;
  }
  const untrusted = process.env.NDSCOPE_UNTRUSTED === '1';
  const run = runDirs('ndscope-exthost-');
  let server;
  let browser;
  const timeoutMs = Number(process.env.NDSCOPE_SHIM_TIMEOUT_MS ?? 240_000);
  try {
    server = await start({
      folder,
      auth: 'none',
      trust: !untrusted,
      smokeTestDriver: true,
      run,
      settings: QUIET_SETTINGS,
    });
    const host = `127.0.0.1:${server.port}`;
    const payload = [
      ['extensionDevelopmentPath', `vscode-remote://${host}${devPath}`],
      ['extensionTestsPath', `vscode-remote://${host}${testsPath}`],
    ];
    const url = `${server.url}?${folder ? `folder=${encodeURIComponent(folder)}&` : ''}payload=${encodeURIComponent(JSON.stringify(payload))}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
      env: { ...process.env, ...run.env },
    });
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    let finish;
    const done = new Promise((r) => (finish = r));
    await context.exposeFunction('codeAutomationLog', (type, logArgs) => {
      const line = format(...(Array.isArray(logArgs) ? logArgs : [logArgs]));
      // The workbench's own chatter (auth, gallery, agent host) is noise without a network.
      if (
        process.env.NDSCOPE_SHIM_VERBOSE !== '1' &&
        /^\[(AgentHost|ChatModelSelection|AccountPolicyGate|Service Worker|reconnection-grace-time)|^(Resolv|Creating a socket|Updating additional|Timed out waiting for authentication|getaddrinfo)/.test(
          line,
        )
      )
        return;
      (type === 'error' ? process.stderr : process.stdout).write(`${line}\n`);
    });
    await context.exposeFunction('codeAutomationExit', (code) => finish(Number(code)));
    const page = await context.newPage();
    await page.goto(url);
    const timer = setTimeout(() => {
      console.error(`vscode-shim: no result within ${timeoutMs} ms`);
      finish(124);
    }, timeoutMs);
    const code = await done;
    clearTimeout(timer);
    if (process.env.NDSCOPE_SHIM_SCREENSHOT) {
      await page.screenshot({ path: process.env.NDSCOPE_SHIM_SCREENSHOT }).catch(() => undefined);
    }
    return code;
  } catch (e) {
    console.error(`vscode-shim: ${e instanceof Error ? e.stack : e}`);
    if (server) console.error(server.log().slice(-3000));
    return 1;
  } finally {
    await browser?.close().catch(() => undefined);
    server?.stop();
    run.cleanup();
  }
}

main().then((code) => process.exit(code));
