/**
 * Text files: `np.loadtxt`, `np.genfromtxt` and `np.savetxt` for the common CSV/whitespace cases.
 *
 * Input (`fname`): a path (Node; a string without a newline), the text itself (a string holding
 * a newline), an array of lines (as NumPy accepts), or bytes (UTF-8). `savetxt(null, X, …)`
 * returns the text instead of writing a file.
 */
import { asarray } from '../convert';
import { DTYPE_INFO, normalizeDtype, type DType } from '../dtype';
import { ValueError } from '../errors';
import { NDArray, type ArrayLike } from '../ndarray';
import { asBytes, readBytes, writeBytes } from './fs';
import { countSpecs, sprintf } from './printf';

export type TextSource = string | readonly string[] | Uint8Array | ArrayBuffer;

function lines(src: TextSource): string[] {
  if (Array.isArray(src)) return (src as readonly string[]).flatMap((l) => l.split(/\r?\n/));
  const b = asBytes(src);
  let text: string;
  if (b) text = new TextDecoder().decode(b);
  else if (typeof src === 'string')
    text = /[\n\r]/.test(src) ? src : new TextDecoder().decode(readBytes(src));
  else throw ValueError('fname must be a path, the text, a list of lines or bytes');
  const out = text.split(/\r\n|\n|\r/);
  if (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
}

function stripComment(line: string, comments: readonly string[]): string {
  let cut = line.length;
  for (const c of comments) {
    if (!c) continue;
    const i = line.indexOf(c);
    if (i >= 0 && i < cut) cut = i;
  }
  return line.slice(0, cut);
}

function split(line: string, delimiter: string | null): string[] {
  if (delimiter === null || delimiter === undefined) return line.trim().split(/\s+/);
  return line.split(delimiter);
}

/** What numpy's text parser accepts as a float (no Python `_` digit separators). */
const FLOAT_RE = /^[+-]?(?:\d*\.?\d*(?:[eE][+-]?\d+)?|inf(?:inity)?|nan)$/i;

function parseFloatPy(s: string): number | null {
  const t = s.trim();
  if (!t || !FLOAT_RE.test(t) || !/\d|inf|nan/i.test(t)) return null;
  const low = t.toLowerCase();
  if (low.includes('nan')) return NaN;
  if (low.includes('inf')) return low.startsWith('-') ? -Infinity : Infinity;
  const v = Number(low);
  return Number.isNaN(v) ? null : v;
}

function parseIntPy(s: string): bigint | null {
  const t = s.trim();
  if (!/^[+-]?\d+$/.test(t)) return null;
  return BigInt(t);
}

function build(rows: (number | bigint)[][], ncols: number, dtype: DType): NDArray {
  const a = NDArray.empty([rows.length, ncols], dtype, false);
  const d = a._data();
  const s = a._start;
  const big = DTYPE_INFO[dtype].big;
  let k = 0;
  for (const r of rows) {
    for (const v of r) {
      if (big) (d as BigInt64Array)[s + k++] = typeof v === 'bigint' ? v : BigInt(v);
      else (d as Float64Array)[s + k++] = Number(v);
    }
  }
  return a;
}

function ndminResult(a: NDArray, ndmin: number): NDArray {
  let r = a;
  if (r.ndim > ndmin) {
    const shape = r._shape.filter((x) => x !== 1);
    r = r.reshape(shape);
  }
  if (r.ndim < ndmin) {
    if (ndmin === 1) r = r.reshape([r.size]);
    else if (ndmin === 2) r = r.ndim === 0 ? r.reshape([1, 1]) : r.reshape([1, r.size]).T;
  }
  return r;
}

export interface LoadtxtOptions {
  /** A dtype name ('float64' default, 'int64', 'float32', …). */
  dtype?: string;
  comments?: string | readonly string[] | null;
  delimiter?: string | null;
  skiprows?: number;
  usecols?: number | readonly number[] | null;
  unpack?: boolean;
  ndmin?: 0 | 1 | 2;
  max_rows?: number | null;
}

/** `np.loadtxt(fname, {dtype, comments, delimiter, skiprows, usecols, unpack, ndmin, max_rows})`. */
export function loadtxt(fname: TextSource, opts: LoadtxtOptions = {}): NDArray | NDArray[] {
  const dtype = normalizeDtype(opts.dtype ?? 'float64');
  const comments =
    opts.comments === null
      ? []
      : typeof opts.comments === 'string'
        ? [opts.comments]
        : (opts.comments ?? ['#']);
  const delimiter = opts.delimiter ?? null;
  const usecols =
    opts.usecols === null || opts.usecols === undefined
      ? null
      : typeof opts.usecols === 'number'
        ? [opts.usecols]
        : [...opts.usecols];
  const all = lines(fname);
  const rows: (number | bigint)[][] = [];
  let ncols = -1;
  const maxRows = opts.max_rows ?? Infinity;
  const isInt = DTYPE_INFO[dtype].kind === 'i' || DTYPE_INFO[dtype].kind === 'u';
  for (let li = opts.skiprows ?? 0; li < all.length && rows.length < maxRows; li++) {
    const line = stripComment(all[li]!, comments);
    if (!line.trim()) continue;
    let fields = split(line, delimiter);
    if (usecols) {
      const n = fields.length;
      fields = usecols.map((c) => {
        const j = c < 0 ? c + n : c;
        if (j < 0 || j >= n)
          throw ValueError(`invalid column index ${c} at row ${li + 1} with ${n} columns`);
        return fields[j]!;
      });
    }
    if (ncols === -1) ncols = fields.length;
    else if (fields.length !== ncols) {
      throw ValueError(
        `the number of columns changed from ${ncols} to ${fields.length} at row ${li + 1}; use \`usecols\` to select a subset and avoid this error`,
      );
    }
    rows.push(
      fields.map((f, c) => {
        const v = isInt ? parseIntPy(f) : parseFloatPy(f);
        if (v === null) {
          if (dtype === 'bool') {
            const t = f.trim();
            if (t === 'True' || t === 'False') return t === 'True' ? 1 : 0;
          }
          throw ValueError(
            `could not convert string ${pyQuote(f)} to ${dtype} at row ${li}, column ${c + 1}.`,
          );
        }
        return v;
      }),
    );
  }
  let arr = build(rows, Math.max(ncols, 0), dtype);
  if (ncols === -1) arr = NDArray.empty([0], dtype);
  const res = ndminResult(arr, opts.ndmin ?? 0);
  if (opts.unpack) {
    const t = res.T;
    return t.ndim <= 1 ? [t] : Array.from({ length: t._shape[0]! }, (_, i) => t.get(i) as NDArray);
  }
  return res;
}

function pyQuote(s: string): string {
  return s.includes("'") && !s.includes('"') ? `"${s}"` : `'${s.replace(/'/g, "\\'")}'`;
}

export interface GenfromtxtOptions {
  /** A dtype name ('float64' default, 'int64', 'float32', …). */
  dtype?: string;
  comments?: string | null;
  delimiter?: string | null;
  skip_header?: number;
  skip_footer?: number;
  usecols?: number | readonly number[] | null;
  missing_values?: string | readonly string[] | null;
  filling_values?: number | null;
  max_rows?: number | null;
  ndmin?: 0 | 1 | 2;
}

/**
 * `np.genfromtxt(fname, {…})`: like loadtxt, but empty, missing (`missing_values`) and
 * unparsable fields become `filling_values` (nan for floats, -1 for ints, as NumPy).
 */
export function genfromtxt(fname: TextSource, opts: GenfromtxtOptions = {}): NDArray {
  const dtype = normalizeDtype(opts.dtype ?? 'float64');
  const comments = opts.comments === null ? [] : [opts.comments ?? '#'];
  const delimiter = opts.delimiter ?? null;
  const missing = new Set(
    opts.missing_values === null || opts.missing_values === undefined
      ? []
      : typeof opts.missing_values === 'string'
        ? opts.missing_values.split(',')
        : opts.missing_values,
  );
  const isInt = DTYPE_INFO[dtype].kind !== 'f';
  const fill = opts.filling_values ?? (isInt ? -1 : NaN);
  let all = lines(fname).slice(opts.skip_header ?? 0);
  const data: { li: number; fields: string[] }[] = [];
  all.forEach((l, i) => {
    const s = stripComment(l, comments);
    if (!s.trim()) return;
    const fields = delimiter === null ? s.trim().split(/\s+/) : s.split(delimiter);
    data.push({ li: i + 1 + (opts.skip_header ?? 0), fields });
  });
  all = [];
  let rowsIn = data;
  if (opts.skip_footer) rowsIn = rowsIn.slice(0, Math.max(0, rowsIn.length - opts.skip_footer));
  if (opts.max_rows !== null && opts.max_rows !== undefined)
    rowsIn = rowsIn.slice(0, opts.max_rows);
  const usecols =
    opts.usecols === null || opts.usecols === undefined
      ? null
      : typeof opts.usecols === 'number'
        ? [opts.usecols]
        : [...opts.usecols];
  const ncols = rowsIn.length ? (usecols ? usecols.length : rowsIn[0]!.fields.length) : 0;
  const errors: string[] = [];
  const rows: (number | bigint)[][] = [];
  for (const { li, fields: f0 } of rowsIn) {
    let fields = f0;
    if (usecols) fields = usecols.map((c) => f0[c < 0 ? c + f0.length : c] ?? '');
    else if (fields.length !== ncols) {
      errors.push(`    Line #${li} (got ${fields.length} columns instead of ${ncols})`);
      continue;
    }
    rows.push(
      fields.map((f) => {
        const t = f.trim();
        if (t === '' || missing.has(t)) return fill;
        const v = isInt ? parseIntPy(t) : parseFloatPy(t);
        return v === null ? fill : v;
      }),
    );
  }
  if (errors.length) throw ValueError(`Some errors were detected !\n${errors.join('\n')}`);
  const arr = build(rows, ncols, dtype);
  return ndminResult(arr, opts.ndmin ?? 0);
}

export interface SavetxtOptions {
  fmt?: string | readonly string[];
  delimiter?: string;
  newline?: string;
  header?: string;
  footer?: string;
  comments?: string;
}

/** `np.savetxt(fname, X, {fmt='%.18e', delimiter=' ', newline, header, footer, comments='# '})`. */
export function savetxt(
  fname: string | null,
  X: ArrayLike,
  opts: SavetxtOptions = {},
): string | undefined {
  const a = asarray(X);
  if (a.ndim === 0 || a.ndim > 2)
    throw ValueError(`Expected 1D or 2D array, got ${a.ndim}D array instead`);
  const m = a.ndim === 1 ? a.reshape([a.size, 1]) : a;
  const ncol = m._shape[1]!;
  const delimiter = opts.delimiter ?? ' ';
  const newline = opts.newline ?? '\n';
  const comments = opts.comments ?? '# ';
  const fmtIn = opts.fmt ?? '%.18e';
  let rowFmt: string;
  if (typeof fmtIn !== 'string') {
    if (fmtIn.length !== ncol) throw ValueError(`fmt has wrong shape.  ${JSON.stringify(fmtIn)}`);
    rowFmt = fmtIn.join(delimiter);
  } else {
    const n = countSpecs(fmtIn);
    if (n === 1) rowFmt = new Array<string>(ncol).fill(fmtIn).join(delimiter);
    else if (n !== ncol) throw ValueError(`fmt has wrong number of % formats:  ${fmtIn}`);
    else rowFmt = fmtIn;
  }
  let out = '';
  if (opts.header) out += comments + opts.header.replace(/\n/g, newline + comments) + newline;
  const vals = m._values();
  const kind = DTYPE_INFO[m.dtype].kind;
  for (let r = 0; r < m._shape[0]!; r++) {
    const row = vals.slice(r * ncol, (r + 1) * ncol).map((v) => (kind === 'b' ? Boolean(v) : v));
    out += sprintf(rowFmt, row) + newline;
  }
  if (opts.footer) out += comments + opts.footer.replace(/\n/g, newline + comments) + newline;
  if (fname === null || fname === undefined) return out;
  writeBytes(fname, new TextEncoder().encode(out));
  return undefined;
}
