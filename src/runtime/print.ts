/**
 * Printing, as numpy/_core/arrayprint.py: `String(a)` is Python's `str(a)`, `np.array_repr(a)` /
 * `a.repr()` is `repr(a)`; `array2string`, `array_str`, the print options (`set_printoptions`,
 * `get_printoptions`, `printoptions`), and NumPy's float formatting (format_float.ts, a port of
 * Dragon4). Also how an ndarray shows itself to Node (`console.log(a)` prints `str(a)`), to
 * `JSON.stringify` (its `tolist()`) and to VS Code's JavaScript debugger.
 *
 * Printing never allocates an ndarray: the (summarized) elements are read from linear memory once,
 * up front, into a JS array, and formatted from there.
 */
import { NDArray, type ArrayLike, type Scalar } from './ndarray';
import { DTYPE_INFO, type DType } from './dtype';
import { ValueError, TypeError_, NotImplementedError } from './errors';
import { isPlainObject } from './args';
import {
  dragon4Positional,
  dragon4Scientific,
  floatScalarStr,
  type FloatDType,
  type TrimMode,
} from './format_float';
import { asarray, toJS, tolist, type NestedList } from './convert';

export { format_float_positional, format_float_scientific } from './format_float';
export type { FormatFloatPositionalOptions, FormatFloatScientificOptions } from './format_float';

export type FloatMode = 'fixed' | 'unique' | 'maxprec' | 'maxprec_equal';
export type SignOption = '-' | '+' | ' ';
type FormatFn = (x: Scalar) => string;
/** `formatter` keys supported for ndscope's dtypes (NumPy's other keys are accepted and unused). */
export interface Formatter {
  all?: FormatFn;
  bool?: FormatFn;
  int?: FormatFn;
  int_kind?: FormatFn;
  float?: FormatFn;
  float_kind?: FormatFn;
  [key: string]: FormatFn | undefined;
}

export interface PrintOptions {
  edgeitems: number;
  threshold: number;
  floatmode: FloatMode;
  precision: number;
  suppress: boolean;
  linewidth: number;
  nanstr: string;
  infstr: string;
  sign: SignOption;
  formatter: Formatter | null;
  legacy: false;
  override_repr: ((a: NDArray) => string) | null;
}

export type PrintOptionsInput = Partial<{
  precision: number | null;
  threshold: number | null;
  edgeitems: number | null;
  linewidth: number | null;
  suppress: boolean | null;
  nanstr: string | null;
  infstr: string | null;
  formatter: Formatter | null;
  sign: SignOption | null;
  floatmode: FloatMode | null;
  legacy: false | string | null;
  override_repr: ((a: NDArray) => string) | null;
}>;

const DEFAULTS: Readonly<PrintOptions> = Object.freeze<PrintOptions>({
  edgeitems: 3,
  threshold: 1000,
  floatmode: 'maxprec',
  precision: 8,
  suppress: false,
  linewidth: 75,
  nanstr: 'nan',
  infstr: 'inf',
  sign: '-',
  formatter: null,
  legacy: false,
  override_repr: null,
});

let current: PrintOptions = { ...DEFAULTS };

const SET_ORDER = [
  'precision',
  'threshold',
  'edgeitems',
  'linewidth',
  'suppress',
  'nanstr',
  'infstr',
  'formatter',
  'sign',
  'floatmode',
] as const;

/** Python-style positional arguments followed by an optional trailing options object. */
function namedArgs(
  args: readonly unknown[],
  names: readonly string[],
  fname: string,
  keywords: readonly string[] = [],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let rest = args;
  if (args.length > 0 && isPlainObject(args[args.length - 1])) {
    const kw = args[args.length - 1] as Record<string, unknown>;
    for (const k of Object.keys(kw)) {
      if (!names.includes(k) && !keywords.includes(k))
        throw TypeError_(`${fname}() got an unexpected keyword argument '${k}'`);
    }
    Object.assign(out, kw);
    rest = args.slice(0, -1);
  }
  if (rest.length > names.length) {
    throw TypeError_(
      `${fname}() takes from 0 to ${names.length} positional arguments but ${rest.length} were given`,
    );
  }
  rest.forEach((v, i) => {
    if (v !== undefined) out[names[i] as string] = v;
  });
  return out;
}

/** `_make_options_dict`: the non-null options, validated with NumPy's messages. */
function makeOptions(o: Record<string, unknown>): Partial<PrintOptions> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== null && v !== undefined) out[k] = v;
  if (out.suppress !== undefined) out.suppress = Boolean(out.suppress);
  const modes = ['fixed', 'unique', 'maxprec', 'maxprec_equal'];
  if (out.floatmode !== undefined && !modes.includes(out.floatmode as string)) {
    throw ValueError('floatmode option must be one of ' + modes.map((m) => `"${m}"`).join(', '));
  }
  if (out.sign !== undefined && !['-', '+', ' '].includes(out.sign as string)) {
    throw ValueError("sign option must be one of ' ', '+', or '-'");
  }
  if (out.legacy !== undefined && out.legacy !== false) {
    throw NotImplementedError(
      'ndscope does not implement legacy printing modes (legacy must be false)',
    );
  }
  if (out.threshold !== undefined) {
    if (typeof out.threshold !== 'number') throw TypeError_('threshold must be numeric');
    if (Number.isNaN(out.threshold))
      throw ValueError('threshold must be non-NAN, try sys.maxsize for untruncated representation');
  }
  if (
    out.precision !== undefined &&
    !(typeof out.precision === 'number' && Number.isInteger(out.precision))
  ) {
    throw TypeError_('precision must be an integer');
  }
  return out;
}

/**
 * `np.set_printoptions(precision, threshold, edgeitems, linewidth, suppress, nanstr, infstr,
 * formatter, sign, floatmode, {legacy, override_repr})`. As in NumPy, `formatter` and
 * `override_repr` are reset when not given.
 */
export function set_printoptions(options?: PrintOptionsInput): void;
export function set_printoptions(
  precision?: number | null,
  threshold?: number | null,
  edgeitems?: number | null,
  linewidth?: number | null,
  suppress?: boolean | null,
  nanstr?: string | null,
  infstr?: string | null,
  formatter?: Formatter | null,
  sign?: SignOption | null,
  floatmode?: FloatMode | null,
  options?: Pick<PrintOptionsInput, 'legacy' | 'override_repr'>,
): void;
export function set_printoptions(...args: unknown[]): void {
  const o = namedArgs(args, SET_ORDER, 'set_printoptions', ['legacy', 'override_repr']);
  const opts = makeOptions(o);
  current = {
    ...current,
    ...opts,
    formatter: (o.formatter as Formatter | undefined) ?? null,
    override_repr: (o.override_repr as PrintOptions['override_repr'] | undefined) ?? null,
  };
}

/** `np.get_printoptions()`: a copy of the current options (NumPy's keys, in NumPy's order). */
export function get_printoptions(): PrintOptions {
  return { ...current };
}

/**
 * `with np.printoptions(...)`: sets options, runs `fn(get_printoptions())` and restores the previous
 * options even when it throws; returns what `fn` returns. Without `fn` it returns a disposable that
 * restores them (`using _ = np.printoptions({precision: 3})`).
 */
export function printoptions<T>(opts: PrintOptionsInput, fn: (opts: PrintOptions) => T): T;
export function printoptions(opts: PrintOptionsInput): Disposable & { restore(): void };
export function printoptions<T>(
  opts: PrintOptionsInput,
  fn?: (opts: PrintOptions) => T,
): T | (Disposable & { restore(): void }) {
  const saved = current;
  set_printoptions(opts);
  const restore = (): void => {
    current = saved;
  };
  if (fn === undefined) return { restore, [Symbol.dispose]: restore };
  try {
    return fn(get_printoptions());
  } finally {
    restore();
  }
}

// ---------------------------------------------------------------------------------------------
// Element formatters (FloatingFormat, IntegerFormat, BoolFormat)

type Raw = number | bigint;
type ElementFormat = (x: Raw) => string;

function noneOrPositive(x: number | null, name: string): number {
  if (x === null) return -1;
  if (x < 0) throw ValueError(`${name} must be >= 0`);
  return x;
}

const signbit = (x: number): boolean => x < 0 || Object.is(x, -0);

class FloatingFormat {
  private precision: number;
  private readonly floatmode: FloatMode;
  private readonly suppress: boolean;
  private readonly sign: SignOption;
  private expFormat = false;
  private padLeft = 0;
  private padRight = 0;
  private trim: TrimMode = '.';
  private expSize = -1;
  private unique = true;
  private minDigits = -1;

  constructor(
    data: readonly number[],
    private readonly dtype: FloatDType,
    precision: number,
    floatmode: FloatMode,
    suppress: boolean,
    sign: SignOption,
    private readonly nanstr: string,
    private readonly infstr: string,
  ) {
    this.floatmode = floatmode;
    this.precision = noneOrPositive(floatmode === 'unique' ? null : precision, 'precision');
    this.suppress = suppress;
    this.sign = sign;
    this.fillFormat(data);
  }

  private fillFormat(data: readonly number[]): void {
    const finite = data.filter((x) => Number.isFinite(x));
    const f32 = this.dtype === 'float32';
    let maxVal = -Infinity;
    let minVal = Infinity;
    for (const x of finite) {
      if (x === 0) continue;
      const v = Math.abs(x);
      if (v > maxVal) maxVal = v;
      if (v < minVal) minVal = v;
    }
    if (minVal !== Infinity) {
      // 10**min(8, finfo(dtype).precision); the comparisons happen in the array's dtype (NEP 50).
      const cutoffMax = f32 ? 1e6 : 1e8;
      const ratio = f32 ? Math.fround(maxVal / minVal) : maxVal / minVal;
      const small = f32 ? Math.fround(0.0001) : 0.0001;
      if (maxVal >= cutoffMax || (!this.suppress && (minVal < small || ratio > 1000)))
        this.expFormat = true;
    }
    const plus = this.sign === '+';
    if (finite.length === 0) {
      this.padLeft = 0;
      this.padRight = 0;
      this.trim = '.';
      this.expSize = -1;
      this.unique = true;
      this.minDigits = -1;
    } else if (this.expFormat) {
      let trim: TrimMode = '.';
      let unique = true;
      if (this.floatmode === 'fixed') {
        trim = 'k';
        unique = false;
      }
      let expSize = 0;
      let intLen = 0;
      let fracLen = 0;
      for (const x of finite) {
        const s = dragon4Scientific(x, this.dtype, {
          precision: this.precision,
          unique,
          trim,
          sign: plus,
        });
        const e = s.indexOf('e');
        const mant = s.slice(0, e);
        const dot = mant.indexOf('.');
        expSize = Math.max(expSize, s.length - e - 1);
        intLen = Math.max(intLen, dot);
        fracLen = Math.max(fracLen, mant.length - dot - 1);
      }
      this.expSize = expSize - 1;
      this.trim = 'k';
      this.precision = fracLen;
      this.minDigits = fracLen;
      this.unique = unique;
      this.padLeft = intLen;
      this.padRight = this.expSize + 2 + this.precision;
    } else {
      let trim: TrimMode = '.';
      let unique = true;
      if (this.floatmode === 'fixed') {
        trim = 'k';
        unique = false;
      }
      let intLen = 0;
      let fracLen = 0;
      for (const x of finite) {
        const s = dragon4Positional(x, this.dtype, {
          precision: this.precision,
          fractional: true,
          unique,
          trim,
          sign: plus,
        });
        const dot = s.indexOf('.');
        intLen = Math.max(intLen, dot);
        fracLen = Math.max(fracLen, s.length - dot - 1);
      }
      this.padLeft = intLen;
      this.padRight = fracLen;
      this.expSize = -1;
      this.unique = unique;
      if (this.floatmode === 'fixed' || this.floatmode === 'maxprec_equal') {
        this.precision = this.minDigits = this.padRight;
        this.trim = 'k';
      } else {
        this.trim = '.';
        this.minDigits = 0;
      }
    }
    if (this.sign === ' ' && !finite.some(signbit)) this.padLeft += 1;
    if (data.length !== finite.length) {
      const neginf = this.sign !== '-' || data.some((x) => x === -Infinity) ? 1 : 0;
      const offset = this.padRight + 1;
      this.padLeft = Math.max(
        this.padLeft,
        this.nanstr.length - offset,
        this.infstr.length + neginf - offset,
      );
    }
  }

  format(x: number): string {
    const plus = this.sign === '+';
    if (!Number.isFinite(x)) {
      const ret = Number.isNaN(x)
        ? (plus ? '+' : '') + this.nanstr
        : (x < 0 ? '-' : plus ? '+' : '') + this.infstr;
      return ' '.repeat(Math.max(0, this.padLeft + this.padRight + 1 - ret.length)) + ret;
    }
    if (this.expFormat) {
      return dragon4Scientific(x, this.dtype, {
        precision: this.precision,
        minDigits: this.minDigits,
        unique: this.unique,
        trim: this.trim,
        sign: plus,
        padLeft: this.padLeft,
        expDigits: this.expSize,
      });
    }
    return dragon4Positional(x, this.dtype, {
      precision: this.precision,
      minDigits: this.minDigits,
      unique: this.unique,
      fractional: true,
      trim: this.trim,
      sign: plus,
      padLeft: this.padLeft,
      padRight: this.padRight,
    });
  }
}

function integerFormat(data: readonly Raw[], signOpt: SignOption): ElementFormat {
  let sign = signOpt;
  let width = 0;
  if (data.length > 0) {
    let max = BigInt(data[0] as Raw);
    let min = max;
    for (const x of data) {
      const b = BigInt(x);
      if (b > max) max = b;
      if (b < min) min = b;
    }
    let maxLen = max.toString().length;
    if (sign === ' ' && min < 0n) sign = '-';
    if (max >= 0n && (sign === '+' || sign === ' ')) maxLen += 1;
    width = Math.max(maxLen, min.toString().length);
  }
  // Python's '{:{sign}{width}d}'
  return (x) => {
    const b = BigInt(x);
    const s = b < 0n ? b.toString() : (sign === '-' ? '' : sign) + b.toString();
    return s.padStart(width);
  };
}

function boolFormat(is0d: boolean): ElementFormat {
  const t = is0d ? 'True' : ' True';
  return (x) => (x ? t : 'False');
}

type Opts = PrintOptions;

function getFormatFunction(
  data: readonly Raw[],
  dtype: DType,
  is0d: boolean,
  o: Opts,
): ElementFormat {
  const kind = DTYPE_INFO[dtype].kind;
  const key = kind === 'b' ? 'bool' : kind === 'f' ? 'float' : 'int';
  const f = o.formatter;
  if (f) {
    let custom: FormatFn | undefined;
    if (f.all) custom = f.all;
    if (key === 'int' && f.int_kind) custom = f.int_kind;
    if (key === 'float' && f.float_kind) custom = f.float_kind;
    if (f[key]) custom = f[key];
    if (custom) {
      const fn = custom;
      return (x) => fn(toJS(x, dtype));
    }
  }
  if (key === 'bool') return boolFormat(is0d);
  if (key === 'int') return integerFormat(data, o.sign);
  const ff = new FloatingFormat(
    data as number[],
    dtype as FloatDType,
    o.precision,
    o.floatmode,
    o.suppress,
    o.sign,
    o.nanstr,
    o.infstr,
  );
  return (x) => ff.format(x as number);
}

// ---------------------------------------------------------------------------------------------
// Gathering the elements to print (NumPy's _leading_trailing)

interface Gathered {
  /** Shape of the gathered (possibly summarized) block. */
  shape: number[];
  values: Raw[];
}

/** The elements NumPy prints, in C order: every axis longer than 2·edgeitems keeps its edges. */
function gather(a: NDArray, summarize: boolean, edge: number): Gathered {
  const kept = a._shape.map((n) => {
    if (summarize && n > 2 * edge) {
      const out: number[] = [];
      for (let i = 0; i < edge; i++) out.push(i);
      // a[-edge:] — with edgeitems=0 that is a[-0:], the whole axis, as in NumPy.
      for (let i = edge === 0 ? 0 : n - edge; i < n; i++) out.push(i);
      return out;
    }
    return Array.from({ length: n }, (_, i) => i);
  });
  const shape = kept.map((k) => k.length);
  const total = shape.reduce((p, n) => p * n, 1);
  const values = new Array<Raw>(total);
  const data = a._data(); // read once; nothing below allocates
  const strides = a._strides;
  const nd = shape.length;
  const idx = new Array<number>(nd).fill(0);
  const start = a._start;
  for (let k = 0; k < total; k++) {
    let p = start;
    for (let d = 0; d < nd; d++)
      p += ((kept[d] as number[])[idx[d] as number] as number) * (strides[d] as number);
    values[k] = data[p] as Raw;
    for (let d = nd - 1; d >= 0; d--) {
      idx[d] = (idx[d] as number) + 1;
      if ((idx[d] as number) < (shape[d] as number)) break;
      idx[d] = 0;
    }
  }
  return { shape, values };
}

// ---------------------------------------------------------------------------------------------
// Layout (_formatArray, _extendLine, _extendLine_pretty)

function extendLine(
  s: string,
  line: string,
  word: string,
  lineWidth: number,
  nextLinePrefix: string,
): [string, string] {
  let needsWrap = line.length + word.length > lineWidth;
  if (line.length <= nextLinePrefix.length) needsWrap = false;
  if (needsWrap) {
    s += line.trimEnd() + '\n';
    line = nextLinePrefix;
  }
  return [s, line + word];
}

function extendLinePretty(
  s: string,
  line: string,
  word: string,
  lineWidth: number,
  nextLinePrefix: string,
): [string, string] {
  const words = word.split(/\r\n|\r|\n/);
  if (words.length === 1) return extendLine(s, line, word, lineWidth, nextLinePrefix);
  const maxWordLength = Math.max(...words.map((w) => w.length));
  let indent: string;
  if (line.length + maxWordLength > lineWidth && line.length > nextLinePrefix.length) {
    s += line.trimEnd() + '\n';
    line = nextLinePrefix + words[0];
    indent = nextLinePrefix;
  } else {
    indent = ' '.repeat(line.length);
    line += words[0];
  }
  for (const w of words.slice(1)) {
    s += line.trimEnd() + '\n';
    line = indent + w;
  }
  line += ' '.repeat(maxWordLength - (words[words.length - 1] as string).length);
  return [s, line];
}

function formatArray(
  g: Gathered,
  fullShape: readonly number[],
  fmt: ElementFormat,
  lineWidth: number,
  nextLinePrefix: string,
  separator: string,
  edgeItems: number,
  summaryInsert: string,
): string {
  const nd = fullShape.length;
  const gStrides = new Array<number>(nd);
  let acc = 1;
  for (let d = nd - 1; d >= 0; d--) {
    gStrides[d] = acc;
    acc *= g.shape[d] as number;
  }
  const sepTrim = separator.trimEnd();
  // `pos` is the flat offset into g.values of the current sub-block.
  const recurser = (
    axis: number,
    pos: number,
    hangingIndent: string,
    currWidth: number,
  ): string => {
    const axesLeft = nd - axis;
    if (axesLeft === 0) return fmt(g.values[pos] as Raw);
    const nextHangingIndent = hangingIndent + ' ';
    const nextWidth = currWidth - 1;
    const aLen = fullShape[axis] as number;
    const kLen = g.shape[axis] as number;
    const st = gStrides[axis] as number;
    const showSummary = summaryInsert !== '' && 2 * edgeItems < aLen;
    const leading = showSummary ? edgeItems : 0;
    const trailing = showSummary ? edgeItems : aLen;
    const at = (i: number): number => pos + (i >= 0 ? i : kLen + i) * st;
    let s = '';
    if (axesLeft === 1) {
      const elemWidth = currWidth - Math.max(sepTrim.length, 1);
      let line = hangingIndent;
      for (let i = 0; i < leading; i++) {
        const word = recurser(axis + 1, at(i), nextHangingIndent, nextWidth);
        [s, line] = extendLinePretty(s, line, word, elemWidth, hangingIndent);
        line += separator;
      }
      if (showSummary) {
        [s, line] = extendLine(s, line, summaryInsert, elemWidth, hangingIndent);
        line += separator;
      }
      for (let i = trailing; i > 1; i--) {
        const word = recurser(axis + 1, at(-i), nextHangingIndent, nextWidth);
        [s, line] = extendLinePretty(s, line, word, elemWidth, hangingIndent);
        line += separator;
      }
      const word = recurser(axis + 1, at(-1), nextHangingIndent, nextWidth);
      [s, line] = extendLinePretty(s, line, word, elemWidth, hangingIndent);
      s += line;
    } else {
      const lineSep = sepTrim + '\n'.repeat(axesLeft - 1);
      for (let i = 0; i < leading; i++) {
        s += hangingIndent + recurser(axis + 1, at(i), nextHangingIndent, nextWidth) + lineSep;
      }
      if (showSummary) s += hangingIndent + summaryInsert + lineSep;
      for (let i = trailing; i > 1; i--) {
        s += hangingIndent + recurser(axis + 1, at(-i), nextHangingIndent, nextWidth) + lineSep;
      }
      s += hangingIndent + recurser(axis + 1, at(-1), nextHangingIndent, nextWidth);
    }
    return '[' + s.slice(hangingIndent.length) + ']';
  };
  return recurser(0, 0, nextLinePrefix, lineWidth);
}

// ---------------------------------------------------------------------------------------------
// Public entry points

function asNDArray(a: unknown): NDArray {
  return a instanceof NDArray ? a : asarray(a as ArrayLike);
}

function array2stringImpl(a: NDArray, o: Opts, separator: string, prefix: string): string {
  const summarize = a.size > o.threshold;
  const g = gather(a, summarize, o.edgeitems);
  const fmt = getFormatFunction(g.values, a.dtype, a.ndim === 0, o);
  const nextLinePrefix = ' ' + ' '.repeat(prefix.length);
  return formatArray(
    g,
    a._shape,
    fmt,
    o.linewidth,
    nextLinePrefix,
    separator,
    o.edgeitems,
    summarize ? '...' : '',
  );
}

export interface Array2StringOptions {
  max_line_width?: number | null;
  precision?: number | null;
  suppress_small?: boolean | null;
  separator?: string;
  prefix?: string;
  formatter?: Formatter | null;
  threshold?: number | null;
  edgeitems?: number | null;
  sign?: SignOption | null;
  floatmode?: FloatMode | null;
  suffix?: string;
  legacy?: false | string | null;
}

const A2S_ORDER = ['max_line_width', 'precision', 'suppress_small', 'separator', 'prefix'] as const;
const A2S_KEYWORDS = [
  'formatter',
  'threshold',
  'edgeitems',
  'sign',
  'floatmode',
  'suffix',
  'legacy',
] as const;

/**
 * `np.array2string(a, max_line_width, precision, suppress_small, separator=' ', prefix='',
 * {formatter, threshold, edgeitems, sign, floatmode, suffix, legacy})`.
 */
export function array2string(a: ArrayLike, options?: Array2StringOptions): string;
export function array2string(
  a: ArrayLike,
  max_line_width?: number | null,
  precision?: number | null,
  suppress_small?: boolean | null,
  separator?: string,
  prefix?: string,
  options?: Array2StringOptions,
): string;
export function array2string(a: ArrayLike, ...args: unknown[]): string {
  const o = namedArgs(args, A2S_ORDER, 'array2string', A2S_KEYWORDS) as Array2StringOptions;
  const arr = asNDArray(a);
  const overrides = makeOptions({
    precision: o.precision,
    threshold: o.threshold,
    edgeitems: o.edgeitems,
    linewidth: o.max_line_width,
    suppress: o.suppress_small,
    sign: o.sign,
    formatter: o.formatter,
    floatmode: o.floatmode,
    legacy: o.legacy,
  });
  const opts: Opts = { ...current, ...overrides };
  opts.linewidth -= (o.suffix ?? '').length;
  if (arr.size === 0) return '[]';
  return array2stringImpl(arr, opts, o.separator ?? ' ', o.prefix ?? '');
}

function shapeRepr(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

const IMPLIED: ReadonlySet<DType> = new Set<DType>(['int64', 'float64', 'bool']);

const REPR_ORDER = ['max_line_width', 'precision', 'suppress_small'] as const;

export interface ReprOptions {
  max_line_width?: number | null;
  precision?: number | null;
  suppress_small?: boolean | null;
}

/** `np.array_repr(arr, max_line_width, precision, suppress_small)`: Python's `repr(arr)`. */
export function array_repr(arr: ArrayLike, options?: ReprOptions): string;
export function array_repr(
  arr: ArrayLike,
  max_line_width?: number | null,
  precision?: number | null,
  suppress_small?: boolean | null,
): string;
export function array_repr(arr: ArrayLike, ...args: unknown[]): string {
  const o = namedArgs(args, REPR_ORDER, 'array_repr') as {
    max_line_width?: number | null;
    precision?: number | null;
    suppress_small?: boolean | null;
  };
  const a = asNDArray(arr);
  if (current.override_repr !== null) return current.override_repr(a);
  const maxLineWidth = o.max_line_width ?? current.linewidth;
  const prefix = 'array(';
  const lst = array2string(a, {
    max_line_width: maxLineWidth,
    precision: o.precision,
    suppress_small: o.suppress_small,
    separator: ', ',
    prefix,
    suffix: ')',
  });
  const extras: string[] = [];
  if ((a.size === 0 && !(a.ndim === 1 && a._shape[0] === 0)) || a.size > current.threshold)
    extras.push(`shape=${shapeRepr(a._shape)}`);
  if (!IMPLIED.has(a.dtype) || a.size === 0) extras.push(`dtype=${a.dtype}`);
  if (extras.length === 0) return prefix + lst + ')';
  const arrStr = prefix + lst + ',';
  const extraStr = extras.join(', ') + ')';
  const lastLineLen = arrStr.length - (arrStr.lastIndexOf('\n') + 1);
  const spacer =
    lastLineLen + extraStr.length + 1 > maxLineWidth ? '\n' + ' '.repeat(prefix.length) : ' ';
  return arrStr + spacer + extraStr;
}

/** `str()` of a NumPy scalar of `dtype` holding the stored value `v`. */
function scalarStr(v: Raw, dtype: DType): string {
  const kind = DTYPE_INFO[dtype].kind;
  if (kind === 'b') return v ? 'True' : 'False';
  if (kind === 'f') return floatScalarStr(v as number, dtype as FloatDType);
  return v.toString();
}

/** `np.array_str(a, max_line_width, precision, suppress_small)`: Python's `str(a)`. */
export function array_str(a: ArrayLike, options?: ReprOptions): string;
export function array_str(
  a: ArrayLike,
  max_line_width?: number | null,
  precision?: number | null,
  suppress_small?: boolean | null,
): string;
export function array_str(a: ArrayLike, ...args: unknown[]): string {
  const o = namedArgs(args, REPR_ORDER, 'array_str') as {
    max_line_width?: number | null;
    precision?: number | null;
    suppress_small?: boolean | null;
  };
  const arr = asNDArray(a);
  if (arr.ndim === 0) {
    const data = arr._data();
    return scalarStr(data[arr._start] as Raw, arr.dtype);
  }
  return array2string(arr, {
    max_line_width: o.max_line_width,
    precision: o.precision,
    suppress_small: o.suppress_small,
    separator: ' ',
    prefix: '',
  });
}

/**
 * The dtype a JS scalar prints as: `dtype` when given (a name or `{dtype}`), else a boolean is
 * bool, a bigint or an integer-valued number int64, any other number float64 (`np.asarray`).
 */
function scalarPrintDtype(x: Scalar, dtype?: string | { dtype?: string }): DType {
  const d = (typeof dtype === 'object' ? dtype.dtype : dtype) as DType | undefined;
  const inferred =
    typeof x === 'boolean'
      ? 'bool'
      : typeof x === 'bigint' || Number.isInteger(x)
        ? 'int64'
        : 'float64';
  return d ?? inferred;
}

/**
 * Python's `str()` of a NumPy scalar, for the JS scalars ndscope returns (`a.sum()` → 15 prints
 * `15.0` as float64): `format_scalar(15, 'float64')`. Without a dtype, a boolean is bool, a bigint
 * or an integer-valued number int64, any other number float64 (as `np.asarray` would infer).
 */
export function format_scalar(x: Scalar, dtype?: string | { dtype?: string }): string {
  const dt = scalarPrintDtype(x, dtype);
  const kind = DTYPE_INFO[dt]?.kind;
  if (kind === undefined) throw TypeError_(`data type '${String(dt)}' not understood`);
  if (kind === 'b') return x ? 'True' : 'False';
  if (kind === 'f') return floatScalarStr(Number(x), dt as FloatDType);
  if (typeof x === 'number' && !Number.isInteger(x)) return String(Math.trunc(x));
  return BigInt(x).toString();
}

/** NumPy 2's `repr()` of a scalar: `np.float64(1.5)`, `np.int32(3)`, `np.True_`. */
export function scalar_repr(x: Scalar, dtype?: string | { dtype?: string }): string {
  const dt = scalarPrintDtype(x, dtype);
  const s = format_scalar(x, dt);
  if (dt === 'bool') return s === 'True' ? 'np.True_' : 'np.False_';
  if (dt === 'float64' || dt === 'float32') {
    if (s === 'nan' || s === 'inf' || s === '-inf')
      return `np.${dt}(${s === 'nan' ? 'nan' : s === 'inf' ? 'inf' : '-inf'})`;
  }
  return `np.${dt}(${s})`;
}

// ---------------------------------------------------------------------------------------------
// Debugger / Node / JSON integration

/** Nested JS lists of the printed elements; summarized axes get a `'...'` in the middle. */
function summarizedList(a: NDArray, o: Opts): Scalar | NestedList | string {
  if (a.ndim === 0 || a.size <= o.threshold) return tolist(a);
  const g = gather(a, true, o.edgeitems);
  const nd = a.ndim;
  let k = 0;
  const build = (d: number): NestedList => {
    const n = g.shape[d] as number;
    const out: (Scalar | NestedList | string)[] = [];
    const summarized = (a._shape[d] as number) > 2 * o.edgeitems;
    for (let i = 0; i < n; i++) {
      if (summarized && i === o.edgeitems) out.push('...');
      out.push(d === nd - 1 ? toJS(g.values[k++] as Raw, a.dtype) : build(d + 1));
    }
    return out as NestedList;
  };
  return build(0);
}

/** What VS Code's debugger shows for `a` (`Symbol.for('debug.description')`). */
export function debugDescription(a: NDArray): string {
  // Kept free of side effects (no caches, no memory reads): js-debug may evaluate it with V8's
  // side-effect checks on. "view" marks arrays that do not own their memory (base !== null);
  // owners print no suffix.
  return `ndarray ${a.dtype} ${shapeRepr(a._shape)}${a._base !== null ? ' view' : ''}`;
}

export interface DebugProperties {
  shape: number[];
  dtype: DType;
  strides: number[];
  flags: { c_contiguous: boolean; f_contiguous: boolean; owndata: boolean; writeable: boolean };
  base: NDArray | null;
  values: Scalar | NestedList | string;
  str: string;
}

/** The object VS Code's debugger expands for `a` (`Symbol.for('debug.properties')`). */
export function debugProperties(a: NDArray): DebugProperties {
  const f = a.flags;
  return {
    shape: [...a._shape],
    dtype: a.dtype,
    strides: a.strides,
    flags: {
      c_contiguous: f.c_contiguous,
      f_contiguous: f.f_contiguous,
      owndata: f.owndata,
      writeable: f.writeable,
    },
    base: a._base,
    values: summarizedList(a, current),
    str: array_str(a),
  };
}

declare module './ndarray' {
  interface NDArray {
    /** Python's `str(a)`. */
    toString(): string;
    /** Python's `repr(a)` (`np.array_repr(a)`). */
    repr(): string;
    /** `JSON.stringify(a)` serializes `a.tolist()`. */
    toJSON(): Scalar | NestedList;
  }
}

NDArray.prototype.toString = function (this: NDArray): string {
  return array_str(this);
};
NDArray.prototype.repr = function (this: NDArray): string {
  return array_repr(this);
};
NDArray.prototype.toJSON = function (this: NDArray): Scalar | NestedList {
  return tolist(this);
};

// js-debug's contract (microsoft/vscode-js-debug, src/adapter/templates/getStringyProps.ts): both
// symbols name METHODS. `debug.description` is called with a depth and must return a string (it
// wins over `nodejs.util.inspect.custom`); `debug.properties` is called with no argument and must
// return an object whose properties replace the object's own in the Variables view.
const proto = NDArray.prototype as unknown as Record<symbol, unknown>;
Object.defineProperty(proto, Symbol.for('nodejs.util.inspect.custom'), {
  value: function (this: NDArray): string {
    return array_str(this);
  },
  writable: true,
  configurable: true,
});
Object.defineProperty(proto, Symbol.for('debug.description'), {
  value: function (this: NDArray): string {
    return debugDescription(this);
  },
  writable: true,
  configurable: true,
});
Object.defineProperty(proto, Symbol.for('debug.properties'), {
  value: function (this: NDArray): DebugProperties {
    return debugProperties(this);
  },
  writable: true,
  configurable: true,
});

/** Resets the print options to NumPy's defaults (tests use it). */
export function _resetPrintoptions(): void {
  current = { ...DEFAULTS };
}
