/**
 * The npm package as a user gets it: `npm pack` (exactly the files package.json ships), unpacked
 * into `node_modules/ndscope` of a temp project outside the repo; then `require('ndscope')`,
 * `import('ndscope')` and the TypeScript types must work there. Builds nothing: run
 * `npm run build` first (`npm test` does).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  name: string;
  exports: Record<string, Record<string, string>>;
};
const entry = pkg.exports['.']!;

let dir = '';

function node(args: string[]): string {
  return execFileSync(process.execPath, args, { cwd: dir, encoding: 'utf8' });
}

describe('the npm package (packed, installed in a project outside the repo)', () => {
  before(() => {
    for (const f of [entry.import!, entry.require!, entry.types!]) {
      assert.ok(existsSync(join(root, f)), `${f} is missing: run \`npm run build\` first`);
    }
    dir = mkdtempSync(join(tmpdir(), 'ndscope-pkg-'));
    const out = execFileSync(
      'npm',
      ['pack', '--silent', '--ignore-scripts', '--pack-destination', dir],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    const tgz = join(dir, out.trim().split('\n').pop()!);
    const target = join(dir, 'node_modules', pkg.name);
    mkdirSync(target, { recursive: true });
    execFileSync('tar', ['-xzf', tgz, '-C', target, '--strip-components=1']);
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('ships the files named by `exports` (import, require, types)', () => {
    const target = join(dir, 'node_modules', pkg.name);
    for (const f of [entry.import!, entry.require!, entry.types!]) {
      assert.ok(existsSync(join(target, f)), `the packed package lacks ${f}`);
    }
  });

  it("require('ndscope') resolves to the CJS build and computes", () => {
    const out = node([
      '-e',
      `const np = require('ndscope');
       console.log(require.resolve('ndscope'));
       const a = np.add(np.array([1, 2, 3]), np.array([10, 20, 30]));
       console.log(a.dtype, JSON.stringify(a.tolist()));`,
    ]);
    const [resolved, result] = out.trim().split('\n');
    assert.ok(resolved!.endsWith(entry.require!.replace('./', '')), resolved);
    assert.ok(resolved!.startsWith(dir), `resolved outside the temp project: ${resolved}`);
    assert.equal(result, 'int64 [11,22,33]');
  });

  it("import('ndscope') resolves to the ESM build and computes", () => {
    const out = node([
      '--input-type=module',
      '-e',
      `import * as np from 'ndscope';
       console.log(import.meta.resolve('ndscope'));
       const a = np.add(np.array([1.5, 2.5]), 1);
       console.log(a.dtype, JSON.stringify(a.tolist()));`,
    ]);
    const [resolved, result] = out.trim().split('\n');
    assert.ok(resolved!.endsWith(entry.import!.replace('./', '')), resolved);
    assert.equal(result, 'float64 [2.5,3.5]');
  });

  it('ESM and CJS builds expose the same names', () => {
    const cjs = node(['-e', `console.log(Object.keys(require('ndscope')).sort().join(','))`]);
    const esm = node([
      '--input-type=module',
      '-e',
      `const np = await import('ndscope'); console.log(Object.keys(np).sort().join(','))`,
    ]);
    assert.equal(esm.trim(), cjs.trim().replace(/^__esModule,|,__esModule/, ''));
  });

  it('types resolve for ESM and CJS consumers (moduleResolution node16, no skipLibCheck)', () => {
    writeFileSync(
      join(dir, 'esm.mts'),
      `import * as np from 'ndscope';\nconst a: np.NDArray = np.asarray([1, 2]);\nexport const d: string = a.dtype;\n`,
    );
    writeFileSync(
      join(dir, 'cjs.cts'),
      `import np = require('ndscope');\nconst a: np.NDArray = np.array([[1], [2]]);\nexport const s: readonly number[] = a.shape;\n`,
    );
    const tsconfig = {
      compilerOptions: {
        strict: true,
        noEmit: true,
        module: 'node16',
        target: 'es2022',
        lib: ['es2022', 'esnext.disposable'],
        types: [],
        skipLibCheck: false,
      },
      files: ['esm.mts', 'cjs.cts'],
    };
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
    const args = [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'];
    try {
      node(args);
    } catch (e) {
      const err = e as { stdout?: string };
      assert.fail(`tsc failed in the consumer project:\n${err.stdout ?? String(e)}`);
    }
  });
});
