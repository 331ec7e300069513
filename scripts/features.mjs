#!/usr/bin/env node
/**
 * Writes FEATURES.md: every NumPy function and ndarray method ndscope exports, with the number of
 * numpy-generated test cases that exercise it (parity fixtures test/parity/fixtures/*.json and
 * printing fixtures test/print/fixtures.json) and how many of those are bad-input (error) cases.
 *
 *   node scripts/features.mjs           regenerate FEATURES.md (`npm run features`)
 *   node scripts/features.mjs --check   exit 1 when FEATURES.md is out of date
 *
 * The list of names comes from the built runtime (dist/runtime/index.mjs; built when missing).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'FEATURES.md');

/** Printing fixtures' kinds → the function they test. */
const PRINT_KINDS = {
  array: ['array_str', 'array_repr'],
  scalar: ['(scalar str/repr)'],
  a2s: ['array2string'],
  ffp: ['format_float_positional'],
  ffs: ['format_float_scientific'],
};

/** Fixture `method` names that are NumPy syntax rather than methods. */
const SYNTAX = { get: 'a[...] (get)', set: 'a[...] = v (set)' };

function readJson(p) {
  return JSON.parse(readFileSync(p, 'utf8'));
}

/** name → { cases, errors, areas:Set } */
function countFixtures() {
  const counts = new Map();
  const bump = (name, isError, area) => {
    if (!counts.has(name)) counts.set(name, { cases: 0, errors: 0, areas: new Set() });
    const c = counts.get(name);
    c.cases++;
    if (isError) c.errors++;
    c.areas.add(area);
  };
  let total = 0;
  let errors = 0;
  const dir = join(root, 'test', 'parity', 'fixtures');
  const files = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort()
    : [];
  for (const f of files) {
    const fx = readJson(join(dir, f));
    for (const c of fx.cases) {
      const isError = c.expect && 'error' in c.expect;
      const name = c.method ? (SYNTAX[c.method] ?? `ndarray.${c.method}`) : c.fn;
      bump(name, isError, fx.area);
      total++;
      if (isError) errors++;
    }
  }
  const printFile = join(root, 'test', 'print', 'fixtures.json');
  if (existsSync(printFile)) {
    for (const c of readJson(printFile).cases) {
      const isError = c.kind === 'error' || 'error' in c;
      const names = c.kind === 'error' ? [c.fn] : (PRINT_KINDS[c.kind] ?? [c.kind]);
      for (const n of names) bump(n, isError, 'print');
      total++;
      if (isError) errors++;
    }
  }
  return { counts, total, errors, files: files.length };
}

async function exportedNames() {
  const entry = join(root, 'dist', 'runtime', 'index.mjs');
  if (!existsSync(entry)) {
    const r = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs'), 'runtime'], {
      stdio: 'inherit',
    });
    if (r.status !== 0) process.exit(1);
  }
  const np = await import(pathToFileURL(entry).href);
  const names = new Set();
  const SKIP = new Set(['NDArray', 'ndarray', 'NumPyError']);
  const walk = (obj, prefix, depth) => {
    for (const [k, v] of Object.entries(obj)) {
      if (SKIP.has(k) || k.startsWith('_')) continue;
      if (typeof v === 'function' && !/^[A-Z]/.test(k)) names.add(prefix + k);
      else if (v && typeof v === 'object' && !Array.isArray(v) && depth < 2 && !('dtype' in v)) {
        // namespaces such as np.linalg, np.random, np.lib.stride_tricks
        const inner = Object.values(v);
        if (inner.some((x) => typeof x === 'function' || (x && typeof x === 'object'))) {
          walk(v, `${prefix}${k}.`, depth + 1);
        }
      }
    }
  };
  walk(np, '', 0);
  const methods = new Set();
  const proto = np.ndarray.prototype;
  for (const k of Object.getOwnPropertyNames(proto)) {
    if (k === 'constructor' || k.startsWith('_')) continue;
    const d = Object.getOwnPropertyDescriptor(proto, k);
    if (d && typeof d.value === 'function') methods.add(`ndarray.${k}`);
  }
  return { functions: [...names].sort(), methods: [...methods].sort() };
}

/** Which names NumPy has (asks python3 + numpy); null when numpy is not available. */
function numpyHas(functions, methods) {
  const code = `
import json, sys, numpy as np
def has(obj, path):
    for part in path.split('.'):
        if not hasattr(obj, part):
            return False
        obj = getattr(obj, part)
    return True
names = json.load(sys.stdin)
print(json.dumps([n for n in names if has(np.ndarray if n.startswith('ndarray.') else np, n.removeprefix('ndarray.'))]))
`;
  const r = spawnSync('python3', ['-c', code], {
    input: JSON.stringify([...functions, ...methods]),
    encoding: 'utf8',
  });
  return r.status === 0 ? new Set(JSON.parse(r.stdout)) : null;
}

const code = (xs) => (xs.length ? xs.map((n) => `\`${n}\``).join(', ') : 'none');

function table(rows) {
  const lines = [
    '| name | numpy cases | of which bad input | fixture areas |',
    '|---|---:|---:|---|',
  ];
  for (const r of rows) lines.push(`| \`${r.name}\` | ${r.cases} | ${r.errors} | ${r.areas} |`);
  return lines.join('\n');
}

async function main() {
  const { counts, total, errors, files } = countFixtures();
  const { functions, methods } = await exportedNames();
  const row = (name) => {
    const c = counts.get(name);
    return {
      name:
        name.startsWith('ndarray.') || name.startsWith('a[') || name.startsWith('(')
          ? name
          : `np.${name}`,
      cases: c?.cases ?? 0,
      errors: c?.errors ?? 0,
      areas: c ? [...c.areas].sort().join(', ') : '',
    };
  };
  const inNumpy = numpyHas(functions, methods);
  const isNumpy = (n) => inNumpy === null || inNumpy.has(n);
  const extras = [...functions, ...methods].filter((n) => !isNumpy(n));
  const listed = new Set([...functions, ...methods]);
  const extra = [...counts.keys()].filter((n) => !listed.has(n)).sort();
  const fnRows = functions.filter(isNumpy).map(row);
  const methodRows = methods.filter(isNumpy).map(row);
  const untested = [...fnRows, ...methodRows].filter((r) => r.cases === 0).length;

  const md = `# Features

Generated by \`node scripts/features.mjs\` (\`npm run features\`) from the exports of the built
runtime and the numpy-generated fixtures; do not edit by hand.

- **${fnRows.length}** NumPy functions and **${methodRows.length}** ndarray methods implemented.
- **${total}** numpy fixture cases (${files} parity fixture files + printing fixtures), of which
  **${errors}** check NumPy's error class and message for bad input.
- ${untested} of them have no fixture case yet (they may still have unit tests in
  \`test/unit/\`, which this table does not count).

Counts are cases in \`test/parity/fixtures/*.json\` (\`npm run fixtures\`) and
\`test/print/fixtures.json\` that call the name; a case can also exercise other functions.

## Functions (\`np.*\`)

${table(fnRows)}

## ndarray methods

${table(methodRows)}
${
  extra.length
    ? `
## Other fixture targets

Fixture cases whose target is not an exported name above (indexing syntax, aliases, printing).

${table(extra.map(row))}
`
    : ''
}${
    extras.length
      ? `
## Exports that are not NumPy names

- ndarray methods for Python operators and syntax (see README): ${code(extras.filter((n) => n.startsWith('ndarray.')))}.
- \`np.*\` exports NumPy does not have: ndscope additions, each allow-listed with its reason in
  test/unit/namespace.test.ts (machinery lives in src/runtime/internal.ts, not in \`np\`): ${code(extras.filter((n) => !n.startsWith('ndarray.')))}.
`
      : ''
  }`;

  if (process.argv.includes('--check')) {
    const cur = existsSync(out) ? readFileSync(out, 'utf8') : '';
    if (cur !== md) {
      console.error('FEATURES.md is out of date: run `npm run features`');
      process.exit(1);
    }
    console.log('FEATURES.md is up to date');
    return;
  }
  writeFileSync(out, md);
  console.log(
    `FEATURES.md: ${fnRows.length} functions, ${methodRows.length} methods, ${total} fixture cases (${errors} errors)`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
