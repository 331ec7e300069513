/**
 * Maps locations in the user bundle back to the user's `.ts` files through esbuild's source map
 * (Node's own SourceMap decoder), with a cache per position.
 */
import { SourceMap } from 'node:module';
import type { Loc } from '../trace/schema';
import type { Bundle } from './bundle';
import { unshiftColumn } from './sites';

export class BundleMapper {
  private readonly sm: SourceMap;
  private readonly cache = new Map<string, Loc | null>();
  /** Bundle lines of esbuild's module glue (`export default require_x();`), never user frames. */
  private readonly glueLines = new Set<number>();
  private readonly shifts: Bundle['shifts'];

  constructor(
    bundle: Bundle,
    /** file:// URL (or path) the bundle runs under. */
    readonly bundleUrl: string,
  ) {
    this.shifts = bundle.shifts;
    this.sm = new SourceMap(bundle.map as unknown as ConstructorParameters<typeof SourceMap>[0]);
    bundle.code.split('\n').forEach((l, i) => {
      if (
        /^export default require_\w+\((\.\.\.__ndz\(\d+\))?\);?$/.test(l) ||
        /^(var|const) \w+ = require_\w+\((\.\.\.__ndz\(\d+\))?\);?$/.test(l)
      )
        this.glueLines.add(i + 1);
    });
  }

  /** The user's location for a 1-based bundle position, or null when it maps nowhere useful. */
  map(line: number, column: number): Loc | null {
    const k = `${line}:${column}`;
    const hit = this.cache.get(k);
    if (hit !== undefined) return hit;
    if (this.shifts !== undefined) column = unshiftColumn(this.shifts, line, column);
    const e = this.sm.findEntry(line - 1, column - 1) as Partial<{
      originalSource: string;
      originalLine: number;
      originalColumn: number;
    }>;
    let loc: Loc | null = null;
    if (
      e &&
      typeof e.originalSource === 'string' &&
      typeof e.originalLine === 'number' &&
      !e.originalSource.startsWith('ndscope-runtime:')
    ) {
      loc = {
        file: e.originalSource.replace(/^file:\/\//, ''),
        line: e.originalLine + 1,
        column: (e.originalColumn ?? 0) + 1,
      };
    }
    this.cache.set(k, loc);
    return loc;
  }

  mapLoc(loc: Loc | undefined): Loc | undefined {
    if (loc === undefined) return undefined;
    return this.map(loc.line, loc.column) ?? undefined;
  }

  /** A stack trace with bundle frames rewritten to the user's files and runtime frames dropped. */
  mapStack(stack: string): string {
    const lines = stack.split('\n');
    const out: string[] = [];
    for (const l of lines) {
      if (!/^\s+at /.test(l)) {
        out.push(l);
        continue;
      }
      const i = l.indexOf(this.bundleUrl);
      if (i < 0) continue; // runtime / worker / node internals
      const m = /:(\d+):(\d+)/.exec(l.slice(i + this.bundleUrl.length));
      if (!m || this.glueLines.has(Number(m[1]))) continue;
      const loc = this.map(Number(m[1]), Number(m[2]));
      if (loc === null) continue;
      const fn = /^\s+at (.*?) \(/.exec(l);
      const where = `${loc.file}:${loc.line}:${loc.column}`;
      out.push(
        fn && !/[\\/]|\.[cm]?[jt]sx?$/.test(fn[1] as string)
          ? `    at ${fn[1]} (${where})`
          : `    at ${where}`,
      );
    }
    return out.join('\n');
  }
}
