#!/usr/bin/env node
/**
 * Tracing overhead: the same operations with the raw runtime and with the tracing layer on
 * (recorder + wrapped namespace and methods, events structured-cloned as postMessage would).
 *
 *   node bench/trace-overhead.mjs            table on stdout
 *   node bench/trace-overhead.mjs --json     machine-readable
 *
 * Targets (issue 5): ops on ≥ 1e5 elements ≤ 10 % slower traced; tiny ops ≤ 3 µs extra each.
 * The script bundles src/ with esbuild in memory, so it needs no build step.
 */
import * as esbuild from 'esbuild';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = `
export * as np from './src/runtime/index';
export { Recorder, createTracedNamespace, installMethodTracing, stackLocator } from './src/trace/index';
`;
const built = await esbuild.build({
  stdin: { contents: entry, resolveDir: root, loader: 'ts' },
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'silent',
});
const dir = mkdtempSync(join(tmpdir(), 'ndscope-bench-'));
const file = join(dir, 'lib.mjs');
writeFileSync(file, built.outputFiles[0].text);
const lib = await import(pathToFileURL(file).href);
rmSync(dir, { recursive: true, force: true });

const { np: raw, Recorder, createTracedNamespace, installMethodTracing, stackLocator } = lib;
const self = fileURLToPath(import.meta.url);
const selfUrl = import.meta.url;

/**
 * Median time per call (ms) of fn over `reps` rounds of `n` calls. Results are disposed at once:
 * a synchronous loop never lets the FinalizationRegistry free them.
 */
function time(op, n, reps = 7) {
  const fn = () => {
    const r = op();
    if (r !== null && typeof r === 'object' && typeof r[Symbol.dispose] === 'function')
      r[Symbol.dispose]();
  };
  for (let i = 0; i < Math.min(n, 50); i++) fn(); // warm up
  const per = [];
  for (let r = 0; r < reps; r++) {
    // CPU time of this process, not wall time: steadier when the machine is busy
    const c0 = process.cpuUsage();
    for (let i = 0; i < n; i++) fn();
    const c = process.cpuUsage(c0);
    per.push((c.user + c.system) / 1000 / n);
  }
  per.sort((a, b) => a - b);
  return per[Math.floor(per.length / 2)];
}

function cases(np) {
  const big = np.arange(100_000, { dtype: 'float64' });
  const big2 = np.ones([100_000]);
  const mil = np.arange(1_000_000, { dtype: 'float64' });
  const m = np.arange(1_000_000, { dtype: 'float64' }).reshape(1000, 1000);
  const row = np.arange(1000, { dtype: 'float64' });
  const t = np.array([1, 2, 3]);
  const t2 = np.array([4, 5, 6]);
  return [
    ['add 1e5 + 1e5', 'big', () => np.add(big, big2), 200],
    ['mul 1e5 * 2 (method)', 'big', () => big.mul(2), 200],
    ['sum 1e5', 'big', () => np.sum(big), 200],
    ['add 1e6 + 1e6', 'big', () => np.add(mil, mil), 30],
    ['(1000,1000) + (1000,) broadcast', 'big', () => m.add(row), 30],
    ['sum 1e6 axis=0', 'big', () => m.sum({ axis: 0 }), 30],
    ['tiny add (3,)', 'tiny', () => np.add(t, t2), 20000],
    ['tiny a.get(1)', 'tiny', () => t.get(1), 20000],
    ['tiny a.get("1:")', 'tiny', () => t.get('1:'), 20000],
    ['tiny reshape (view)', 'tiny', () => t.reshape(3, 1), 20000],
    ['tiny np.array([1,2,3])', 'tiny', () => np.array([1, 2, 3]), 20000],
    ['tiny a.set(0, 7)', 'tiny', () => t.set(0, 7), 20000],
  ];
}

const rawCases = cases(raw);
const rawTimes = rawCases.map(([, , fn, n]) => time(fn, n));

const { port1: port, port2: drainPort } = new MessageChannel();
drainPort.on('message', () => {});
const rec = new Recorder({
  limits: { budgetBytes: Number.POSITIVE_INFINITY },
  locate: stackLocator((f) => f === selfUrl || f === self),
  keep: false,
  // as in the runner's worker: each batch is posted (the sender pays the serialization)
  sink: (b) => port.postMessage(b),
});
const off = installMethodTracing(rec);
const tracedNp = createTracedNamespace(raw, rec);
const tracedCases = cases(tracedNp);
const tracedTimes = tracedCases.map(([, , fn, n]) => time(fn, n));
off();
rec.flush();
port.close();
drainPort.close();

const rows = rawCases.map(([name, size], i) => {
  const a = rawTimes[i];
  const b = tracedTimes[i];
  const pct = ((b - a) / a) * 100;
  const us = (b - a) * 1000;
  const ok = size === 'big' ? pct <= 10 : us <= 3;
  return { name, size, rawUs: a * 1000, tracedUs: b * 1000, overheadPct: pct, overheadUs: us, ok };
});

if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ node: process.version, rows }, null, 1));
} else {
  const load = (await import('node:os')).loadavg()[0].toFixed(1);
  console.log(
    `Tracing overhead (node ${process.version}, load average ${load}; target: big ≤ 10 %, tiny ≤ 3 µs)\n`,
  );
  console.log('| op | raw µs (CPU) | traced µs (CPU) | overhead | target |');
  console.log('|---|---:|---:|---:|:---:|');
  for (const r of rows) {
    const over =
      r.size === 'big' ? `${r.overheadPct.toFixed(1)} %` : `${r.overheadUs.toFixed(2)} µs`;
    console.log(
      `| ${r.name} | ${r.rawUs.toFixed(2)} | ${r.tracedUs.toFixed(2)} | ${over} | ${r.ok ? 'ok' : 'MISSED'} |`,
    );
  }
}
