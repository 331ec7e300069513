// ESLint flat config: typescript-eslint (type-checked for src/) and DESIGN.md's import boundaries.
//
// Severity policy: the import boundaries, @ts-ignore and `.only`/`.skip` in tests are errors
// (they break the architecture or hide tests); every other rule of the recommended sets is a
// warning, so style and strictness findings never block `npm test` while code is being written.
// Formatting is Prettier's job (`npm run format`), not ESLint's.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Rules that stay errors wherever they appear. */
const ALWAYS_ERROR = new Set([
  '@typescript-eslint/no-restricted-imports',
  '@typescript-eslint/ban-ts-comment',
  'no-restricted-properties',
]);

/** Turns every 'error' of the given configs into 'warn' (except ALWAYS_ERROR). */
function warnOnly(configs) {
  return configs.map((c) => {
    if (!c.rules) return c;
    const rules = {};
    for (const [name, v] of Object.entries(c.rules)) {
      const sev = Array.isArray(v) ? v[0] : v;
      const isError = sev === 'error' || sev === 2;
      if (!isError || ALWAYS_ERROR.has(name)) rules[name] = v;
      else rules[name] = Array.isArray(v) ? ['warn', ...v.slice(1)] : 'warn';
    }
    return { ...c, rules };
  });
}

// ── Import boundaries (DESIGN.md "Layout") ──────────────────────────────────────────────────────
// runtime ← trace ← runner ← extension; protocol is imported by extension and webview; webview
// imports protocol and trace types only; nothing outside src/extension imports 'vscode'.
// Checked with no-restricted-imports on the import string: a file N folders deep in src/<zone>
// reaches src/ through N+1 `../`, so each zone gets one regex per depth.

const NODE_BUILTINS = [...new Set(builtinModules.filter((m) => !m.startsWith('_')))];
const noNode = (zone, why = 'runs in Node, workers and browsers alike') => ({
  paths: NODE_BUILTINS.map((name) => ({
    name,
    message: `${zone} ${why}: no Node built-ins (DESIGN.md).`,
  })),
  patterns: [{ regex: '^node:', message: `${zone} may not import node:* (DESIGN.md).` }],
});
const noVscode = {
  name: 'vscode',
  message: "Only src/extension imports 'vscode' (DESIGN.md import boundaries).",
};

/**
 * zone: folder under src/; allow: other src/ folders it may import; types: src/ folders it may
 * import types from only; node: may import Node built-ins; vscode: may import 'vscode';
 * outside: paths outside src/ (relative to the repo root) it may import.
 */
const ZONES = [
  { zone: 'runtime', allow: [], types: [], node: false, outside: ['native/', 'dist/native/'] },
  { zone: 'trace', allow: ['runtime'], types: [], node: false },
  { zone: 'protocol', allow: [], types: ['trace'], node: false },
  { zone: 'runner', allow: ['runtime', 'trace'], types: ['protocol'], node: true },
  {
    zone: 'cli',
    allow: ['runtime', 'trace', 'runner', 'protocol'],
    types: [],
    node: true,
    outside: ['dist/'],
  },
  {
    zone: 'extension',
    allow: ['runtime', 'trace', 'runner', 'protocol'],
    types: [],
    node: true,
    vscode: true,
    outside: ['dist/', 'package.json'],
  },
];
const MAX_DEPTH = 6;
const esc = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const alt = (xs) => xs.map(esc).join('|');

function zoneConfigs({ zone, allow, types, node, vscode = false, outside = [] }) {
  const configs = [];
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const up = `(\\.\\./){${depth + 1}}`; // reaches src/
    const ok = [zone, ...allow].map((z) => `${esc(z)}(/|$)`);
    ok.push(...outside.map((p) => `\\.\\./${esc(p)}`));
    const typeOnly = types.length ? `|(${alt(types)})(/|$)` : '';
    const patterns = [
      {
        regex: `^${up}(?!${ok.join('|')}${typeOnly})`,
        message: `src/${zone} may import only ${[zone, ...allow].map((z) => `src/${z}`).join(', ')}${
          types.length ? ` (and types from ${types.map((t) => `src/${t}`).join(', ')})` : ''
        } (DESIGN.md import boundaries).`,
      },
    ];
    if (types.length) {
      patterns.push({
        regex: `^${up}(${alt(types)})(/|$)`,
        allowTypeImports: true,
        message: `src/${zone} may import only types from ${types.map((t) => `src/${t}`).join(', ')}: use \`import type\`.`,
      });
    }
    const paths = [];
    if (!vscode) paths.push(noVscode);
    const nodeRules = node ? { paths: [], patterns: [] } : noNode(`src/${zone}`);
    configs.push({
      files: [`src/${zone}/${'*/'.repeat(depth)}*.{ts,mts,cts,tsx}`],
      rules: {
        '@typescript-eslint/no-restricted-imports': [
          'error',
          { paths: [...paths, ...nodeRules.paths], patterns: [...patterns, ...nodeRules.patterns] },
        ],
      },
    });
  }
  return configs;
}

function webviewConfigs() {
  const configs = [];
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const up = `(\\.\\./){${depth + 1}}`; // reaches the repo root
    const nodeRules = noNode('webview', 'runs in a browser');
    configs.push({
      files: [`webview/${'*/'.repeat(depth)}*.{ts,mts,cts,tsx}`],
      rules: {
        '@typescript-eslint/no-restricted-imports': [
          'error',
          {
            paths: [noVscode, ...nodeRules.paths],
            patterns: [
              {
                regex: `^${up}(?!src/protocol(/|$)|src/trace(/|$)|media/)`,
                message:
                  'webview may import only src/protocol and types from src/trace (DESIGN.md import boundaries).',
              },
              {
                // src/trace/broadcast-info is pure (type imports only): the broadcast playground
                // uses the trace's own explanation instead of re-implementing broadcasting.
                regex: `^${up}src/trace(?!/broadcast-info$)(/|$)`,
                allowTypeImports: true,
                message: 'webview may import only types from src/trace: use `import type`.',
              },
              ...nodeRules.patterns,
            ],
          },
        ],
      },
    });
  }
  return configs;
}

const boundaries = [...ZONES.flatMap(zoneConfigs), ...webviewConfigs()];

// ── Tests: every test runs ──────────────────────────────────────────────────────────────────────
const noOnlySkip = ['describe', 'it', 'test', 'suite'].flatMap((object) =>
  ['only', 'skip'].map((property) => ({
    object,
    property,
    message: 'Every test must run: no .only/.skip.',
  })),
);

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'scratch/**',
      'native/**', // AssemblyScript (i32, v128, …): checked by asc, not by TypeScript
      '.cache/**',
      'test/webview/out/**',
      'test/**/fixtures/**',
      'bench/results/**',
      '**/*.d.ts',
    ],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'warn' },
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: {
        console: 'readonly',
        process: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        TextEncoder: 'readonly',
        TextDecoder: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        performance: 'readonly',
        structuredClone: 'readonly',
        __dirname: 'readonly',
        __filename: 'readonly',
        globalThis: 'readonly',
      },
    },
  },
  ...warnOnly([js.configs.recommended, ...tseslint.configs.recommended]),
  // src/: type-aware rules (floating promises, unsafe any, …) through the TypeScript project.
  ...warnOnly(
    tseslint.configs.recommendedTypeChecked.map((c) => ({
      ...c,
      files: ['src/**/*.{ts,mts,cts,tsx}'],
    })),
  ),
  {
    files: ['src/**/*.{ts,mts,cts,tsx}'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    rules: {
      '@typescript-eslint/ban-ts-comment': [
        'error',
        { 'ts-ignore': true, 'ts-nocheck': true, 'ts-expect-error': 'allow-with-description' },
      ],
      '@typescript-eslint/no-unused-vars': [
        'warn',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // TypeScript resolves names; `no-undef` only misfires on types and globals.
      'no-undef': 'off',
    },
  },
  { files: ['test/**'], rules: { 'no-restricted-properties': ['error', ...noOnlySkip] } },
  ...boundaries,
);
