/**
 * Bundles the user's file with esbuild in memory: TypeScript stripped, relative imports and npm
 * packages inlined, node built-ins left as imports, and `ndscope` resolved to the traced runtime
 * the worker provides (so the user installs nothing). Produces ESM (top-level await works) and a
 * source map kept by the runner to map locations back to the user's `.ts`.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import type { Loc } from '../trace/schema';

import { NP_GLOBAL } from './constants';
import { RUNTIME_EXPORTS } from './exports';
import { instrumentSites } from './sites';

export interface Bundle {
  code: string;
  /** Source map (v3) of `code`, sources made absolute. */
  map: { version: number; sources: string[]; mappings: string; names: string[] };
  /** Absolute paths of the user's own source files in the bundle (not node_modules). */
  userSources: string[];
  /** Call-site ids (sites.ts): id → [line, column] in `code`, 1-based. */
  sites?: [number, number][];
  /** Columns inserted by the site instrumentation, per 0-based line (see unshiftColumn). */
  shifts?: Map<number, [number, number][]>;
}

export interface BundleFailure {
  name: 'SyntaxError';
  message: string;
  loc?: Loc;
  /** All esbuild diagnostics, formatted. */
  details: string[];
}

/**
 * The `ndscope` module the user's file imports: an ES module over the traced namespace the worker
 * puts on globalThis, declaring each of the runtime's exports by name (so `import { np } from
 * 'ndscope'`, a name it does not have, fails at bundle time at the import's line; a CommonJS
 * re-export let it through as `undefined`). `import np from 'ndscope'` gets the namespace too.
 */
const SHIM = (() => {
  const locals = RUNTIME_EXPORTS.map((n, i) => `${JSON.stringify(n)}: _${i}`).join(', ');
  const names = RUNTIME_EXPORTS.map((n, i) => `_${i} as ${n}`).join(', ');
  return [
    `const ns = globalThis[Symbol.for(${JSON.stringify(NP_GLOBAL)})];`,
    'export default ns;',
    `const { ${locals} } = ns;`,
    `export { ${names} };`,
  ].join('\n');
})();

const ndscopePlugin: esbuild.Plugin = {
  name: 'ndscope',
  setup(build) {
    build.onResolve({ filter: /^ndscope(\/.*)?$/ }, (args) => ({
      path: args.path,
      namespace: 'ndscope-runtime',
    }));
    build.onLoad({ filter: /.*/, namespace: 'ndscope-runtime' }, () => ({
      contents: SHIM,
      loader: 'js',
    }));
  },
};

export async function bundleUserFile(
  file: string,
): Promise<{ ok: true; bundle: Bundle } | { ok: false; failure: BundleFailure }> {
  const abs = path.resolve(file);
  const outfile = path.join(path.dirname(abs), '__ndscope_bundle__.mjs');
  try {
    const r = await esbuild.build({
      entryPoints: [abs],
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      sourcemap: 'external',
      sourcesContent: false,
      outfile,
      logLevel: 'silent',
      plugins: [ndscopePlugin],
      // The bundle runs from a temporary file: `require`, `import.meta.url`, `__dirname` and
      // `__filename` answer as if it ran from the user's entry file (imports resolve from there).
      banner: {
        js: `import { createRequire as __ndscopeCreateRequire } from 'node:module'; const require = __ndscopeCreateRequire(${JSON.stringify(abs)});`,
      },
      define: {
        'import.meta.url': JSON.stringify(pathToFileURL(abs).href),
        'import.meta.filename': JSON.stringify(abs),
        'import.meta.dirname': JSON.stringify(path.dirname(abs)),
        __filename: JSON.stringify(abs),
        __dirname: JSON.stringify(path.dirname(abs)),
      },
    });
    const js = r.outputFiles.find((f) => f.path.endsWith('.mjs'));
    const mapFile = r.outputFiles.find((f) => f.path.endsWith('.map'));
    if (js === undefined || mapFile === undefined) throw new Error('esbuild produced no output');
    const map = JSON.parse(mapFile.text) as Bundle['map'];
    map.sources = map.sources.map((s) =>
      s.startsWith('ndscope-runtime:') ? s : path.resolve(path.dirname(outfile), s),
    );
    const code = js.text.replace(/\n\/\/# sourceMappingURL=.*\s*$/, '\n');
    const userSources = map.sources.filter(
      (s) => !s.startsWith('ndscope-runtime:') && !s.includes(`${path.sep}node_modules${path.sep}`),
    );
    const inst = instrumentSites(code);
    return {
      ok: true,
      bundle: { code: inst.code, map, userSources, sites: inst.sites, shifts: inst.shifts },
    };
  } catch (e) {
    const errors = (e as { errors?: esbuild.Message[] }).errors;
    if (!Array.isArray(errors) || errors.length === 0) {
      return {
        ok: false,
        failure: { name: 'SyntaxError', message: (e as Error).message, details: [] },
      };
    }
    const first = errors[0] as esbuild.Message;
    const text = (m: esbuild.Message): string => missingExport(m.text) ?? m.text;
    const failure: BundleFailure = {
      name: 'SyntaxError',
      message: text(first),
      details: errors.map((m) =>
        m.location
          ? `${m.location.file}:${m.location.line}:${m.location.column + 1}: ${text(m)}`
          : text(m),
      ),
    };
    if (first.location) {
      failure.loc = {
        file: path.resolve(first.location.file),
        line: first.location.line,
        column: first.location.column + 1,
      };
    }
    return { ok: false, failure };
  }
}

/**
 * esbuild's "No matching export in "ndscope-runtime:ndscope" for import "x"" in Node's words for a
 * missing export, with the likely fix: the namespace import for `np`, else the closest name.
 */
function missingExport(esbuildText: string): string | undefined {
  const m = /^No matching export in "ndscope-runtime:([^"]*)" for import "([^"]*)"$/.exec(
    esbuildText,
  );
  if (m === null) return undefined;
  const [, mod, name] = m as unknown as [string, string, string];
  let hint = '';
  if (name === 'np' || name === 'numpy' || name === 'ndscope')
    hint = ` (import the namespace: import * as ${name} from '${mod}')`;
  else {
    const near = closest(name, RUNTIME_EXPORTS);
    if (near !== undefined) hint = ` (did you mean '${near}'?)`;
  }
  return `The module '${mod}' does not provide an export named '${name}'${hint}`;
}

/** The name at edit distance ≤ 2 (≤ 1 for short names) closest to `s`, if any. */
function closest(s: string, names: readonly string[]): string | undefined {
  const limit = s.length <= 4 ? 1 : 2;
  let best: string | undefined;
  let bestD = limit + 1;
  for (const n of names) {
    if (Math.abs(n.length - s.length) > limit) continue;
    const d = editDistance(s.toLowerCase(), n.toLowerCase());
    if (d < bestD) [best, bestD] = [n, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(
        (prev[j] as number) + 1,
        (cur[j - 1] as number) + 1,
        (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    prev = cur;
  }
  return prev[b.length] as number;
}
