#!/usr/bin/env node
/**
 * Tracing overhead: the same operations with the raw runtime and with the tracing layer on
 * (recorder + wrapped namespace and methods, events structured-cloned as the worker's postMessage
 * does), in one process, interleaved: each round runs every case raw, then traced, then raw …
 * The workload is written like a user's file and, for the traced runs, instrumented with call-site
 * ids exactly as the runner's bundler does (src/runner/sites.ts); calls it cannot see would fall
 * back to stack capture (the `stack` column measures that path too).
 *
 *   node bench/trace-overhead.mjs            table on stdout
 *   node bench/trace-overhead.mjs --json     machine-readable
 *   node bench/trace-overhead.mjs --quick    fewer rounds
 *
 * Targets (issue 5): ops on ≥ 1e5 elements ≤ 10 % slower traced; tiny ops ≤ 3 µs extra each.
 * Times are this process's CPU time (process.cpuUsage; steadier than wall time on a busy machine),
 * the median over rounds. The script bundles src/ with esbuild in memory (no build step).
 */
import * as esbuild from 'esbuild';
import { mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const quick = process.argv.includes('--quick');
const ROUNDS = quick ? 6 : 18;

const entry = `
export * as np from './src/runtime/index';
export { Recorder, createTracedNamespace, installMethodTracing, stackLocator, siteLocator } from './src/trace/index';
export { instrumentSites, SITE_CELL } from './src/runner/sites';
`;
const built = await esbuild.build({
  stdin: { contents: entry, resolveDir: root, loader: 'ts' },
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['typescript'],
  logLevel: 'silent',
});
// under node_modules so the bundle resolves `typescript` from the repo
const dir = join(root, 'node_modules', '.cache', `ndscope-bench-${process.pid}`);
mkdirSync(dir, { recursive: true });
const write = (name, code) => {
  const f = join(dir, name);
  writeFileSync(f, code);
  return { file: f, url: pathToFileURL(f).href };
};

// The workload, as a user would write it.
const WORKLOAD = `
export function cases(np) {
  const big = np.arange(100_000, { dtype: 'float64' });
  const big2 = np.ones([100_000]);
  const mil = np.arange(1_000_000, { dtype: 'float64' });
  const m = np.arange(1_000_000, { dtype: 'float64' }).reshape(1000, 1000);
  const row = np.arange(1000, { dtype: 'float64' });
  const t = np.array([1, 2, 3]);
  const t2 = np.array([4, 5, 6]);
  const tm = np.arange(6).reshape(2, 3);
  return [
    ['add 1e5 + 1e5', 'big', () => np.add(big, big2), 150],
    ['mul 1e5 * 2 (method)', 'big', () => big.mul(2), 150],
    ['sum 1e5', 'big', () => np.sum(big), 300],
    ['add 1e6 + 1e6', 'big', () => np.add(mil, mil), 15],
    ['(1000,1000) + (1000,) broadcast', 'big', () => m.add(row), 15],
    ['sum 1e6 axis=0', 'big', () => m.sum({ axis: 0 }), 8],
    ['tiny add (3,)', 'tiny', () => np.add(t, t2), 5000],
    ['tiny a.get(1)', 'tiny', () => t.get(1), 5000],
    ['tiny a.get("1:")', 'tiny', () => t.get('1:'), 5000],
    ['tiny reshape (view)', 'tiny', () => t.reshape(3, 1), 5000],
    ['tiny (2,3).T', 'tiny', () => tm.T, 5000],
    ['tiny np.array([1,2,3])', 'tiny', () => np.array([1, 2, 3]), 5000],
    ['tiny a.set(0, 7)', 'tiny', () => t.set(0, 7), 5000],
  ];
}
`;
const lib = await import(write('lib.mjs', built.outputFiles[0].text).url);
const {
  np: raw,
  Recorder,
  createTracedNamespace,
  installMethodTracing,
  stackLocator,
  siteLocator,
  instrumentSites,
  SITE_CELL,
} = lib;
const cell = new Int32Array(1);
globalThis[Symbol.for(SITE_CELL)] = cell;
const plainMod = write('workload-plain.mjs', WORKLOAD);
const inst = instrumentSites(WORKLOAD);
const instMod = write('workload-sites.mjs', inst.code);
const plainW = await import(plainMod.url);
const instW = await import(instMod.url);
rmSync(dir, { recursive: true, force: true });

const isUser = (f) => f === instMod.url || f === plainMod.url;
const fallback = stackLocator(isUser);
const siteLocs = inst.sites.map(([line, column]) => ({ file: instMod.url, line, column }));

const { port1: port, port2: drainPort } = new MessageChannel();
drainPort.on('message', () => {});
let locateMode = 'sites';
const rec = new Recorder({
  limits: { budgetBytes: Number.POSITIVE_INFINITY },
  locate: (below) =>
    locateMode === 'sites'
      ? sitesLocate(below)
      : locateMode === 'stack'
        ? fallback(below)
        : undefined,
  // as in the runner's worker: each batch is posted in the wire format, its streams transferred
  // (the sender pays the serialization; decoding happens in the receiving thread)
  wireSink: (batch) =>
    port.postMessage({ type: 'batch', batch }, [batch.nums.buffer, batch.bytes.buffer]),
});
const sitesLocate = siteLocator(siteLocs, cell, fallback);
const tracedNp = createTracedNamespace(raw, rec);

const rawCases = plainW.cases(raw);
const sitesCases = instW.cases(tracedNp);
const stackCases = plainW.cases(tracedNp);

/** CPU µs per call of n calls (results disposed at once, as a long-running program's GC would). */
function run(op, n) {
  const c0 = process.cpuUsage();
  for (let i = 0; i < n; i++) {
    const r = op();
    if (r !== null && typeof r === 'object' && typeof r[Symbol.dispose] === 'function')
      r[Symbol.dispose]();
  }
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / n;
}
const tick = () => new Promise((r) => setImmediate(r)); // let posted batches drain between runs

// NDArray.prototype with and without the traced methods. The same wrapper functions are put back
// each time (V8 keeps their optimized code); raw runs call the original methods.
const proto = raw.ndarray?.prototype ?? Object.getPrototypeOf(raw.array([0]));
const snapshotProto = () =>
  Object.getOwnPropertyNames(proto).map((k) => [k, Object.getOwnPropertyDescriptor(proto, k)]);
const plainDescs = snapshotProto();
installMethodTracing(rec);
const tracedDescs = snapshotProto();
const setProto = (descs) => {
  for (const [k, d] of descs) Object.defineProperty(proto, k, d);
};
setProto(plainDescs);

const times = rawCases.map(() => ({ raw: [], sites: [], stack: [] }));
const load0 = loadavg()[0];
const runAll = async (cs, key, round) => {
  for (let i = 0; i < cs.length; i++) {
    const n = cs[i][3];
    run(cs[i][2], Math.max(1, n >> 2)); // unmeasured: re-warm after the prototype swap
    rec.flush();
    const us = run(cs[i][2], round < 0 ? Math.min(n, 200) : n);
    rec.flush();
    await tick();
    if (round >= 0) times[i][key].push(us);
  }
};
// Each round runs every case raw, traced (site ids) and traced (stack fallback), the order of the
// three rotating from round to round (no path always runs first); round -1 warms up.
const passes = [
  async (round) => {
    setProto(plainDescs);
    await runAll(rawCases, 'raw', round);
  },
  async (round) => {
    setProto(tracedDescs);
    locateMode = 'sites';
    await runAll(sitesCases, 'sites', round);
  },
  async (round) => {
    setProto(tracedDescs);
    locateMode = 'stack';
    await runAll(stackCases, 'stack', round);
  },
];
const ORDERS = [
  [0, 1, 2],
  [1, 2, 0],
  [2, 0, 1],
  [0, 2, 1],
  [2, 1, 0],
  [1, 0, 2],
];
for (let round = -1; round < ROUNDS; round++) {
  for (const p of ORDERS[(round + 6) % 6]) await passes[p](round);
}
setProto(plainDescs);
const load1 = loadavg()[0];
port.close();
drainPort.close();

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const rows = rawCases.map(([name, size], i) => {
  const a = median(times[i].raw);
  const b = median(times[i].sites);
  const c = median(times[i].stack);
  const pct = ((b - a) / a) * 100;
  const us = b - a;
  const ok = size === 'big' ? pct <= 10 : us <= 3;
  return {
    name,
    size,
    rawUs: a,
    tracedUs: b,
    overheadPct: pct,
    overheadUs: us,
    stackUs: c,
    stackOverheadPct: ((c - a) / a) * 100,
    stackOverheadUs: c - a,
    ok,
  };
});

if (process.argv.includes('--json')) {
  console.log(
    JSON.stringify({ node: process.version, rounds: ROUNDS, load: [load0, load1], rows }, null, 1),
  );
} else {
  console.log(
    `Tracing overhead (node ${process.version}, ${ROUNDS} interleaved rounds, medians of CPU time; load average ${load0.toFixed(1)} → ${load1.toFixed(1)} on ${(await import('node:os')).cpus().length} cores; target: big ≤ 10 %, tiny ≤ 3 µs)\n`,
  );
  console.log(
    '| op | raw µs | traced µs | overhead | target | traced, stack locations (fallback) |',
  );
  console.log('|---|---:|---:|---:|:---:|---:|');
  const fmt = (r, pct, us) => (r.size === 'big' ? `${pct.toFixed(1)} %` : `${us.toFixed(2)} µs`);
  for (const r of rows) {
    console.log(
      `| ${r.name} | ${r.rawUs.toFixed(2)} | ${r.tracedUs.toFixed(2)} | ${fmt(r, r.overheadPct, r.overheadUs)} | ${r.ok ? 'ok' : 'MISSED'} | ${fmt(r, r.stackOverheadPct, r.stackOverheadUs)} |`,
    );
  }
}
