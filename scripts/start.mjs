#!/usr/bin/env node
/**
 * `npm start`: builds, then runs every lesson example (examples/NN-*.ts) through the runtime and
 * prints its output. (The extension issue replaces this with opening examples/ in a real VS Code.)
 *
 *   node scripts/start.mjs            all examples
 *   node scripts/start.mjs 05         only examples whose file name contains "05"
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const filters = process.argv.slice(2);

const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], {
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

const dir = join(root, 'examples');
const examples = existsSync(dir)
  ? readdirSync(dir)
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
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(dir, ex)], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) failed++;
}
console.log(`\n${examples.length - failed} of ${examples.length} examples ran`);
process.exit(failed ? 1 : 0);
