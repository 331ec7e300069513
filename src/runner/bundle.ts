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

const ndscopePlugin: esbuild.Plugin = {
  name: 'ndscope',
  setup(build) {
    build.onResolve({ filter: /^ndscope(\/.*)?$/ }, (args) => ({
      path: args.path,
      namespace: 'ndscope-runtime',
    }));
    build.onLoad({ filter: /.*/, namespace: 'ndscope-runtime' }, () => ({
      contents: `module.exports = globalThis[Symbol.for(${JSON.stringify(NP_GLOBAL)})];`,
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
    const failure: BundleFailure = {
      name: 'SyntaxError',
      message: first.text,
      details: errors.map((m) =>
        m.location
          ? `${m.location.file}:${m.location.line}:${m.location.column + 1}: ${m.text}`
          : m.text,
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
