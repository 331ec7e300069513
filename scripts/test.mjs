#!/usr/bin/env node
/**
 * `npm test`: build → typecheck → lint → every test group, then one summary.
 *
 *   node scripts/test.mjs                 everything (what CI runs)
 *   node scripts/test.mjs unit parity     build, then only these groups
 *   node scripts/test.mjs typecheck       only the type check (likewise `lint`, `build`)
 *   --no-build                            skip the build (dist/ must be current)
 *
 * Groups are discovered: every folder under test/ holding `*.test.ts` (or .mjs/.js) files, at any
 * depth, is one group run by `node --import tsx --test` with the spec reporter. Known groups run
 * in ORDER; new folders (added by other teams) run after them, no change here needed. Groups that
 * need python3 + numpy ≥ 2 (NUMPY_GROUPS) are skipped with a notice when it is missing.
 *
 * The output ends with node's standard summary (ℹ tests … ℹ fail …) added up over all groups,
 * then one plain line `total: N passed, N failed, N skipped`. Exit code 1 when any step failed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const testDir = join(root, 'test');

/** Run order of the groups we know; others follow alphabetically. */
const ORDER = [
  'unit',
  'parity',
  'print',
  'examples',
  'fuzz',
  'trace',
  'runner',
  'cli',
  'webview',
  'e2e',
];
/** Groups whose tests call python3 + numpy. */
const NUMPY_GROUPS = new Set(['fuzz', 'examples']);
/** Groups whose files must not run in parallel (they start servers or browsers). */
const SERIAL_GROUPS = new Set(['webview', 'e2e']);
/** Per test (node --test-timeout) and per group wall clock: nothing may hang CI. */
const TEST_TIMEOUT_MS = 5 * 60_000;
const GROUP_TIMEOUT_MS = Number(process.env.NDSCOPE_GROUP_TIMEOUT_MS ?? 15 * 60_000);
const STEPS = ['build', 'typecheck', 'lint'];
const TEST_FILE = /\.test\.(ts|mts|cts|mjs|cjs|js)$/;

const argv = process.argv.slice(2);
const names = argv.filter((a) => !a.startsWith('-'));
const noBuild = argv.includes('--no-build');

function fmtTime(ms) {
  return ms < 60_000
    ? `${(ms / 1000).toFixed(1)} s`
    : `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** Children started in their own process group (so a timeout can kill all of them). */
const groupsRunning = new Set();
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    for (const pid of groupsRunning) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    process.exit(130);
  });
}

/** Runs a command; resolves with its exit code (and its output when `capture`). */
function exec(cmd, args, { capture = false, timeoutMs = 0 } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, {
      cwd: root,
      stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      detached: timeoutMs > 0,
    });
    if (timeoutMs > 0) groupsRunning.add(child.pid);
    let out = '';
    child.stdout?.on('data', (d) => (out += d));
    child.stderr?.on('data', (d) => (out += d));
    let timedOut = false;
    const timer =
      timeoutMs > 0
        ? setTimeout(() => {
            timedOut = true;
            console.error(`\n!! ${cmd} ${args.slice(-1)} exceeded ${fmtTime(timeoutMs)}: killed`);
            try {
              process.kill(-child.pid, 'SIGKILL');
            } catch {
              child.kill('SIGKILL');
            }
          }, timeoutMs)
        : null;
    child.on('close', (code, signal) => {
      groupsRunning.delete(child.pid);
      if (timer) clearTimeout(timer);
      resolve({ code: timedOut ? 124 : (code ?? (signal ? 1 : 0)), out });
    });
  });
}

const bin = (name) => join(root, 'node_modules', '.bin', name);

function discoverGroups() {
  if (!existsSync(testDir)) return [];
  const groups = new Map();
  const walk = (dir, group) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p, group ?? e.name);
      else if (group && TEST_FILE.test(e.name)) {
        if (!groups.has(group)) groups.set(group, []);
        groups.get(group).push(relative(root, p));
      }
    }
  };
  walk(testDir, null);
  const rank = (g) => (ORDER.includes(g) ? ORDER.indexOf(g) : ORDER.length);
  return [...groups.entries()]
    .map(([name, files]) => ({ name, files: files.sort() }))
    .sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));
}

function hasNumpy() {
  const check = 'import numpy, sys; sys.exit(int(numpy.__version__.split(".")[0]) < 2)';
  const r = spawnSync('python3', ['-c', check], { stdio: 'ignore' });
  return r.status === 0;
}

async function typecheck() {
  const configs = readdirSync(root)
    .filter(
      (f) =>
        /^tsconfig(\..+)?\.json$/.test(f) &&
        !['tsconfig.base.json', 'tsconfig.types.json'].includes(f),
    )
    .sort();
  const results = await Promise.all(
    configs.map(async (c) => ({
      c,
      ...(await exec(bin('tsc'), ['-p', c, '--noEmit'], { capture: true })),
    })),
  );
  let ok = true;
  for (const { c, code, out } of results) {
    if (code !== 0 && out.includes('TS18003')) {
      console.log(`  ${c}: no files yet`);
      continue;
    }
    console.log(`  ${c}: ${code === 0 ? 'ok' : 'FAILED'}`);
    if (code !== 0) {
      ok = false;
      process.stdout.write(out);
    }
  }
  return ok ? 0 : 1;
}

async function runGroup(group, tmp) {
  const summaryFile = join(tmp, `${group.name}.json`);
  const args = [
    '--import',
    'tsx',
    '--test',
    `--test-concurrency=${SERIAL_GROUPS.has(group.name) ? 1 : 2}`,
    `--test-timeout=${TEST_TIMEOUT_MS}`,
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    `--test-reporter=${join(root, 'scripts', 'test-summary-reporter.mjs')}`,
    `--test-reporter-destination=${summaryFile}`,
    ...group.files,
  ];
  const { code } = await exec(process.execPath, args, { timeoutMs: GROUP_TIMEOUT_MS });
  let counts = {};
  try {
    counts = JSON.parse(readFileSync(summaryFile, 'utf8'));
  } catch {
    // killed or crashed before the summary: counted as one failure below
  }
  if (code !== 0 && !counts.fail && !counts.cancelled) counts.fail = (counts.fail ?? 0) + 1;
  return { code, counts };
}

async function main() {
  const t0 = performance.now();
  const all = discoverGroups();
  const known = new Set([...STEPS, ...ORDER, ...all.map((g) => g.name)]);
  const unknown = names.filter((n) => !known.has(n));
  if (unknown.length) {
    console.error(`unknown step or group: ${unknown.join(', ')} (have: ${[...known].join(', ')})`);
    process.exit(2);
  }
  const onlySteps = names.length > 0 && names.every((n) => STEPS.includes(n));
  const wantStep = (s) =>
    names.length === 0
      ? !(s === 'build' && noBuild)
      : names.includes(s) || (s === 'build' && !onlySteps && !noBuild);
  const groups = onlySteps ? [] : names.length ? all.filter((g) => names.includes(g.name)) : all;
  for (const n of names.filter((x) => !STEPS.includes(x) && !all.some((g) => g.name === x))) {
    console.log(`no test files in test/${n} yet`);
  }

  const rows = [];
  let failed = false;
  const step = async (name, fn) => {
    console.log(`\n▶ ${name}`);
    const s = performance.now();
    const code = await fn();
    const ms = performance.now() - s;
    rows.push({ name, status: code === 0 ? 'ok' : 'FAILED', ms });
    if (code !== 0) failed = true;
    return code;
  };

  if (wantStep('build')) {
    const code = await step(
      'build',
      async () => (await exec(process.execPath, ['scripts/build.mjs'])).code,
    );
    if (code !== 0) {
      console.error('build failed: not running tests');
      process.exit(1);
    }
  }
  if (wantStep('typecheck')) await step('typecheck', typecheck);
  if (wantStep('lint')) {
    // Errors only here (boundaries, @ts-ignore, .only/.skip, …); `npm run lint` shows the warnings too.
    await step('lint', async () => (await exec(bin('eslint'), ['.', '--quiet'])).code);
  }

  const total = { tests: 0, suites: 0, pass: 0, fail: 0, cancelled: 0, skipped: 0, todo: 0 };
  const numpy = groups.some((g) => NUMPY_GROUPS.has(g.name)) ? hasNumpy() : true;
  const tmp = mkdtempSync(join(tmpdir(), 'ndscope-test-'));
  try {
    for (const g of groups) {
      if (NUMPY_GROUPS.has(g.name) && !numpy) {
        console.log(`\n▶ ${g.name}: skipped (python3 with numpy ≥ 2 not found)`);
        rows.push({ name: g.name, status: 'skipped: no numpy', ms: 0 });
        continue;
      }
      console.log(`\n▶ ${g.name} (${g.files.length} file${g.files.length === 1 ? '' : 's'})`);
      const s = performance.now();
      const { code, counts } = await runGroup(g, tmp);
      for (const k of Object.keys(total)) total[k] += counts[k] ?? 0;
      const status = `${counts.pass ?? 0} passed, ${(counts.fail ?? 0) + (counts.cancelled ?? 0)} failed`;
      rows.push({
        name: g.name,
        status: code === 0 ? status : `${status} (exit ${code})`,
        ms: performance.now() - s,
      });
      if (code !== 0) failed = true;
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }

  const ms = performance.now() - t0;
  console.log('\n── summary ─────────────────────────────────────');
  for (const r of rows)
    console.log(`  ${r.name.padEnd(12)} ${r.status.padEnd(34)} ${fmtTime(r.ms)}`);
  console.log(`  ${'all'.padEnd(12)} ${''.padEnd(34)} ${fmtTime(ms)}`);
  if (failed)
    console.log(
      `FAILED: ${rows
        .filter((r) => r.status !== 'ok' && /FAILED|exit/.test(r.status))
        .map((r) => r.name)
        .join(', ')}`,
    );
  if (groups.length) {
    for (const [k, v] of Object.entries(total)) console.log(`ℹ ${k} ${v}`);
    console.log(`ℹ duration_ms ${ms.toFixed(3)}`);
    console.log(
      `total: ${total.pass} passed, ${total.fail + total.cancelled} failed, ${total.skipped} skipped`,
    );
  }
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
