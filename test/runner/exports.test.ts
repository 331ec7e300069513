/**
 * src/runner/exports.ts lists the names the runtime exports (the runner's `ndscope` shim declares
 * them, so a wrong named import fails at bundle time): it must equal the runtime's own exports.
 * `UPDATE_GOLDEN=1` rewrites the list.
 */
import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';

import * as np from '../../src/runtime/index';
import { RUNTIME_EXPORTS } from '../../src/runner/exports';

const file = path.join(__dirname, '..', '..', 'src', 'runner', 'exports.ts');

/** exports.ts with `names` as its list (words wrapped at 100 columns). */
function render(names: readonly string[]): string {
  const src = readFileSync(file, 'utf8');
  const lines: string[] = [];
  let line = '';
  for (const n of names) {
    if (line !== '' && line.length + 1 + n.length > 100) {
      lines.push(line);
      line = '';
    }
    line = line === '' ? n : `${line} ${n}`;
  }
  if (line !== '') lines.push(line);
  return src.replace(/= `\n[^`]*`/, `= \`\n${lines.join('\n')}\n\``);
}

describe('runner/exports', () => {
  it("lists exactly the runtime's exports, in order", () => {
    const names = Object.keys(np);
    if (process.env['UPDATE_GOLDEN'] === '1') {
      writeFileSync(file, render(names));
      return; // (the list imported above is the old one)
    }
    assert.deepEqual(
      [...RUNTIME_EXPORTS],
      names,
      'src/runner/exports.ts differs from src/runtime/index.ts (UPDATE_GOLDEN=1 rewrites it)',
    );
  });
});
