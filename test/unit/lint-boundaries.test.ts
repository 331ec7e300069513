/**
 * The import boundaries of ARCHITECTURE.md, as enforced by eslint.config.mjs: each zone may import
 * what the design allows and nothing else (checked on virtual files with ESLint's Linter).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';

const root = join(__dirname, '..', '..');
const RULE = '@typescript-eslint/no-restricted-imports';

type FlatConfig = Linter.Config;

async function boundaryConfigs(): Promise<FlatConfig[]> {
  const url = pathToFileURL(join(root, 'eslint.config.mjs')).href;
  const mod = (await import(url)) as { default: FlatConfig[] };
  // Only the configs that set the boundary rule (the type-aware ones need a real project).
  const boundaries = mod.default.filter((c) => c.rules && RULE in c.rules);
  return [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tseslint.parser as Linter.Parser, sourceType: 'module' },
      plugins: {
        '@typescript-eslint': tseslint.plugin as unknown as NonNullable<
          FlatConfig['plugins']
        >[string],
      },
    },
    ...boundaries,
  ];
}

const linter = new Linter({ cwd: root });
let configs: FlatConfig[] | null = null;

/** The import specifiers ESLint rejects in `file`. */
async function rejected(file: string, imports: string[]): Promise<string[]> {
  configs ??= await boundaryConfigs();
  const code = imports.map((s, i) => `${s.replace('$', `x${i}`)}\n`).join('');
  const msgs = linter.verify(code, configs, { filename: join(root, file) });
  const fatal = msgs.find((m) => m.fatal);
  assert.equal(fatal, undefined, fatal?.message);
  return msgs.filter((m) => m.ruleId === RULE).map((m) => imports[m.line - 1]!);
}

const imp = (spec: string): string => `import { $ } from '${spec}';`;
const typeImp = (spec: string): string => `import type { $ } from '${spec}';`;

describe('import boundaries (eslint.config.mjs)', () => {
  it('src/runtime imports only itself: no other zone, no node:*, no Node built-ins, no vscode', async () => {
    const ok = [imp('./ndarray'), imp('../../native/kernels.wasm'), imp('fflate')];
    const bad = [
      imp('../trace/recorder'),
      imp('node:fs'),
      imp('path'),
      imp('vscode'),
      imp('../../webview/x'),
    ];
    assert.deepEqual(await rejected('src/runtime/zz.ts', [...ok, ...bad]), bad);
  });

  it('holds at any folder depth (src/runtime/sub/file.ts)', async () => {
    const ok = [imp('../ndarray'), imp('./kernels')];
    const bad = [imp('../../trace/recorder'), imp('../../../package.json')];
    assert.deepEqual(await rejected('src/runtime/sub/zz.ts', [...ok, ...bad]), bad);
  });

  it('src/trace imports the runtime only', async () => {
    const ok = [imp('../runtime/ndarray'), imp('./schema')];
    const bad = [imp('../runner/run'), imp('node:worker_threads'), imp('vscode')];
    assert.deepEqual(await rejected('src/trace/zz.ts', [...ok, ...bad]), bad);
  });

  it('src/protocol imports nothing but trace types', async () => {
    const ok = [typeImp('../trace/schema'), imp('./messages')];
    const bad = [imp('../trace/schema'), imp('../runtime/index'), imp('fs')];
    assert.deepEqual(await rejected('src/protocol/zz.ts', [...ok, ...bad]), bad);
  });

  it('src/runner imports runtime, trace and Node, not the extension or vscode', async () => {
    const ok = [
      imp('../runtime/index'),
      imp('../trace/recorder'),
      imp('node:worker_threads'),
      imp('esbuild'),
    ];
    const bad = [imp('../extension/host'), imp('vscode'), imp('../../webview/main')];
    assert.deepEqual(await rejected('src/runner/zz.ts', [...ok, ...bad]), bad);
  });

  it("only src/extension imports 'vscode'", async () => {
    const ok = [imp('vscode'), imp('../runner/run'), imp('../protocol/messages'), imp('node:path')];
    const bad = [imp('../../webview/main')];
    assert.deepEqual(await rejected('src/extension/zz.ts', [...ok, ...bad]), bad);
  });

  it('webview imports the protocol and trace types only', async () => {
    const ok = [
      imp('../src/protocol/messages'),
      typeImp('../src/trace/schema'),
      imp('d3'),
      imp('./layout'),
    ];
    const bad = [
      imp('../src/trace/schema'),
      imp('../src/runtime/index'),
      imp('vscode'),
      imp('node:fs'),
    ];
    assert.deepEqual(await rejected('webview/zz.ts', [...ok, ...bad]), bad);
    assert.deepEqual(await rejected('webview/render/zz.ts', [imp('../../src/runtime/index')]), [
      imp('../../src/runtime/index'),
    ]);
  });
});
