/**
 * NumPy's float formatting: a port of numpy/_core/src/multiarray/dragon4.c (Dragon4 with
 * Burger & Dybvig's unique-digit mode and IEEE unbiased rounding) on JS bigints, plus the Python
 * entry points `format_float_positional` / `format_float_scientific` and the `str()` of NumPy's
 * float scalars.
 *
 * A JS number cannot say whether it is a float32 or a float64, so the functions take
 * `{dtype: 'float32'}` to format a value as a float32 (shortest digits that identify it among
 * float32 values, as `np.float32(x)` would print).
 */
import { ValueError, TypeError_ } from './errors';
import { isPlainObject } from './args';

export type FloatDType = 'float32' | 'float64';
/** Dragon4's trim modes: 'k' keep, '.' trim zeros keep point, '0' leave one zero, '-' drop point. */
export type TrimMode = 'k' | '.' | '0' | '-';

/** Largest output (the C code's buffer size); only bounds exact mode without a cutoff. */
const BUFFER_SIZE = 16384;
const LOG10_2 = 0.3010299956639812; // log10(2) as the C double constant

interface Decomposed {
  mantissa: bigint;
  exponent: number;
  mantissaBit: number;
  unequalMargins: boolean;
  negative: boolean;
}

const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);
const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

function bitLength(m: bigint): number {
  return m === 0n ? 0 : m.toString(2).length;
}

/** IEEE fields of a finite value, as Dragon4_PrintFloat_IEEE_binary{32,64} computes them. */
function decompose(x: number, dtype: FloatDType): Decomposed {
  if (dtype === 'float32') {
    f32[0] = x;
    const bits = u32[0] as number;
    const negative = bits >>> 31 === 1;
    const e = (bits >>> 23) & 0xff;
    const m = bits & 0x7fffff;
    if (e !== 0) {
      return {
        mantissa: BigInt(m | 0x800000),
        exponent: e - 127 - 23,
        mantissaBit: 23,
        unequalMargins: e !== 1 && m === 0,
        negative,
      };
    }
    return {
      mantissa: BigInt(m),
      exponent: 1 - 127 - 23,
      mantissaBit: bitLength(BigInt(m)) - 1,
      unequalMargins: false,
      negative,
    };
  }
  f64[0] = x;
  const bits = u64[0] as bigint;
  const negative = bits >> 63n === 1n;
  const e = Number((bits >> 52n) & 0x7ffn);
  const m = bits & 0xfffffffffffffn;
  if (e !== 0) {
    return {
      mantissa: m | (1n << 52n),
      exponent: e - 1023 - 52,
      mantissaBit: 52,
      unequalMargins: e !== 1 && m === 0n,
      negative,
    };
  }
  return {
    mantissa: m,
    exponent: 1 - 1023 - 52,
    mantissaBit: bitLength(m) - 1,
    unequalMargins: false,
    negative,
  };
}

type CutoffMode = 'total' | 'fraction';

/**
 * Dragon4: the decimal digits of mantissa·2^exponent and the base-10 exponent of the first digit.
 * `cutoffMax`/`cutoffMin` are -1 for none; in 'fraction' mode they count digits after the point.
 */
function dragon4(
  d: Decomposed,
  unique: boolean,
  cutoffMode: CutoffMode,
  cutoffMax: number,
  cutoffMin: number,
  bufferSize: number,
): { digits: string; exp10: number } {
  const { mantissa, exponent, mantissaBit, unequalMargins } = d;
  if (mantissa === 0n) return { digits: '0', exp10: 0 };
  const isEven = (mantissa & 1n) === 0n;
  let scale: bigint;
  let value: bigint;
  let marginLow: bigint;
  let marginHigh: bigint | null; // null: equal to marginLow
  if (unequalMargins) {
    if (exponent > 0) {
      value = mantissa << BigInt(exponent + 2);
      scale = 4n;
      marginLow = 1n << BigInt(exponent);
    } else {
      value = mantissa << 2n;
      scale = 1n << BigInt(-exponent + 2);
      marginLow = 1n;
    }
    marginHigh = marginLow * 2n;
  } else {
    if (exponent > 0) {
      value = mantissa << BigInt(exponent + 1);
      scale = 2n;
      marginLow = 1n << BigInt(exponent);
    } else {
      value = mantissa << 1n;
      scale = 1n << BigInt(-exponent + 1);
      marginLow = 1n;
    }
    marginHigh = null;
  }
  let digitExponent = Math.ceil((mantissaBit + exponent) * LOG10_2 - 0.69);
  if (cutoffMax >= 0 && cutoffMode === 'fraction' && digitExponent <= -cutoffMax) {
    digitExponent = -cutoffMax + 1;
  }
  if (digitExponent > 0) {
    scale *= 10n ** BigInt(digitExponent);
  } else if (digitExponent < 0) {
    const p = 10n ** BigInt(-digitExponent);
    value *= p;
    marginLow *= p;
    if (marginHigh !== null) marginHigh = marginLow * 2n;
  }
  if (value >= scale) {
    digitExponent += 1;
  } else {
    value *= 10n;
    marginLow *= 10n;
    if (marginHigh !== null) marginHigh = marginLow * 2n;
  }
  let cutoffMaxExp = digitExponent - bufferSize;
  if (cutoffMax >= 0) {
    const want = cutoffMode === 'total' ? digitExponent - cutoffMax : -cutoffMax;
    if (want > cutoffMaxExp) cutoffMaxExp = want;
  }
  let cutoffMinExp = digitExponent;
  if (cutoffMin >= 0) {
    const want = cutoffMode === 'total' ? digitExponent - cutoffMin : -cutoffMin;
    if (want < cutoffMinExp) cutoffMinExp = want;
  }
  let exp10 = digitExponent - 1;
  const out: number[] = [];
  let low = false;
  let high = false;
  let digit = 0;
  if (unique) {
    for (;;) {
      digitExponent -= 1;
      digit = Number(value / scale);
      value %= scale;
      const mh = marginHigh ?? marginLow;
      const valueHigh = value + mh;
      low = isEven ? value <= marginLow : value < marginLow;
      high = isEven ? valueHigh >= scale : valueHigh > scale;
      if (((low || high) && digitExponent <= cutoffMinExp) || digitExponent === cutoffMaxExp) break;
      out.push(digit);
      value *= 10n;
      marginLow *= 10n;
      if (marginHigh !== null) marginHigh = marginLow * 2n;
    }
  } else {
    for (;;) {
      digitExponent -= 1;
      digit = Number(value / scale);
      value %= scale;
      if (value === 0n || digitExponent === cutoffMaxExp) break;
      out.push(digit);
      value *= 10n;
    }
  }
  let roundDown = low;
  if (low === high) {
    const twice = value * 2n;
    roundDown = twice < scale;
    if (twice === scale) roundDown = (digit & 1) === 0;
  }
  if (roundDown) {
    out.push(digit);
  } else if (digit === 9) {
    for (;;) {
      if (out.length === 0) {
        out.push(1);
        exp10 += 1;
        break;
      }
      const last = out.pop() as number;
      if (last !== 9) {
        out.push(last + 1);
        break;
      }
    }
  } else {
    out.push(digit + 1);
  }
  return { digits: out.join(''), exp10 };
}

interface PositionalOptions {
  unique: boolean;
  cutoffMode: CutoffMode;
  precision: number;
  minDigits: number;
  trim: TrimMode;
  sign: boolean;
  padLeft: number;
  padRight: number;
}

function formatPositional(d: Decomposed, o: PositionalOptions): string {
  const signStr = d.negative ? '-' : o.sign ? '+' : '';
  const hasSign = signStr.length;
  const maxPrintLen = BUFFER_SIZE - 1;
  const { digits, exp10 } = dragon4(
    d,
    o.unique,
    o.cutoffMode,
    o.precision,
    o.minDigits,
    maxPrintLen - hasSign,
  );
  let whole: string;
  let frac: string;
  let numWholeDigits: number;
  if (exp10 >= 0) {
    numWholeDigits = exp10 + 1;
    if (digits.length <= numWholeDigits) {
      whole = digits + '0'.repeat(numWholeDigits - digits.length);
      frac = '';
    } else {
      whole = digits.slice(0, numWholeDigits);
      frac = digits.slice(numWholeDigits);
    }
  } else {
    numWholeDigits = 1;
    whole = '0';
    frac = '0'.repeat(-(exp10 + 1)) + digits;
  }
  let hasPoint = frac.length > 0 || o.trim !== '-';
  const addDigits = o.unique ? o.minDigits : o.precision;
  let desired = addDigits < 0 ? 0 : addDigits;
  if (o.cutoffMode === 'total') desired = addDigits - numWholeDigits;
  if (o.trim === '0') {
    if (frac.length === 0) frac = '0';
  } else if (o.trim === 'k' && desired > frac.length) {
    frac += '0'.repeat(desired - frac.length);
  }
  if (o.trim !== 'k' && frac.length > 0) {
    frac = frac.replace(/0+$/, '');
    if (frac.length === 0) {
      if (o.trim === '0') frac = '0';
      else if (o.trim === '-') hasPoint = false;
    }
  }
  let s = signStr + whole + (hasPoint ? '.' : '') + frac;
  if (o.padRight >= frac.length) {
    if (o.trim === '-' && frac.length === 0) s += ' ';
    s += ' '.repeat(o.padRight - frac.length);
  }
  if (o.padLeft > numWholeDigits + hasSign)
    s = ' '.repeat(o.padLeft - (numWholeDigits + hasSign)) + s;
  return s;
}

interface ScientificOptions {
  unique: boolean;
  precision: number;
  minDigits: number;
  trim: TrimMode;
  sign: boolean;
  padLeft: number;
  expDigits: number;
}

function formatScientific(d: Decomposed, o: ScientificOptions): string {
  const signStr = d.negative ? '-' : o.sign ? '+' : '';
  const leftChars = 1 + signStr.length;
  let s = o.padLeft > leftChars ? ' '.repeat(o.padLeft - leftChars) : '';
  s += signStr;
  const { digits, exp10 } = dragon4(
    d,
    o.unique,
    'total',
    o.precision < 0 ? -1 : o.precision + 1,
    o.minDigits < 0 ? -1 : o.minDigits + 1,
    BUFFER_SIZE - s.length,
  );
  let frac = digits.slice(1);
  const hasPoint = frac.length > 0 || o.trim !== '-';
  const addDigits = Math.max(o.unique ? o.minDigits : o.precision, 0);
  if (o.trim === '0') {
    if (frac.length === 0) frac = '0';
  } else if (o.trim === 'k' && addDigits > frac.length) {
    frac += '0'.repeat(addDigits - frac.length);
  }
  if (o.trim !== 'k' && frac.length > 0) {
    frac = frac.replace(/0+$/, '');
    if (frac.length === 0 && o.trim === '0') frac = '0';
    // DptZeros keeps a point it printed before trimming (as the C code does).
  }
  s += digits[0] + (hasPoint ? '.' : '') + frac;
  let expDigits = o.expDigits;
  if (expDigits > 5) expDigits = 5;
  if (expDigits < 0) expDigits = 2;
  const e = Math.abs(exp10).toString();
  s += 'e' + (exp10 >= 0 ? '+' : '-') + e.padStart(expDigits, '0');
  return s;
}

function nonFinite(x: number, sign: boolean): string {
  if (Number.isNaN(x)) return 'nan';
  return x < 0 ? '-inf' : sign ? '+inf' : 'inf';
}

/** Internal: the `dragon4_positional` of arrayprint (arguments already validated, -1 = none). */
export function dragon4Positional(
  x: number,
  dtype: FloatDType,
  o: {
    precision?: number;
    unique?: boolean;
    fractional?: boolean;
    trim?: TrimMode;
    sign?: boolean;
    padLeft?: number;
    padRight?: number;
    minDigits?: number;
  },
): string {
  if (!Number.isFinite(x)) return nonFinite(x, o.sign ?? false);
  const unique = o.unique ?? true;
  const precision = o.precision ?? -1;
  if (!unique && precision < 0) throw TypeError_('in non-unique mode `precision` must be supplied');
  return formatPositional(decompose(x, dtype), {
    unique,
    cutoffMode: o.fractional === false ? 'total' : 'fraction',
    precision,
    minDigits: o.minDigits ?? -1,
    trim: o.trim ?? 'k',
    sign: o.sign ?? false,
    padLeft: o.padLeft ?? -1,
    padRight: o.padRight ?? -1,
  });
}

/** Internal: the `dragon4_scientific` of arrayprint (arguments already validated, -1 = none). */
export function dragon4Scientific(
  x: number,
  dtype: FloatDType,
  o: {
    precision?: number;
    unique?: boolean;
    trim?: TrimMode;
    sign?: boolean;
    padLeft?: number;
    expDigits?: number;
    minDigits?: number;
  },
): string {
  if (!Number.isFinite(x)) return nonFinite(x, o.sign ?? false);
  const unique = o.unique ?? true;
  const precision = o.precision ?? -1;
  if (!unique && precision < 0) throw TypeError_('in non-unique mode `precision` must be supplied');
  return formatScientific(decompose(x, dtype), {
    unique,
    precision,
    minDigits: o.minDigits ?? -1,
    trim: o.trim ?? 'k',
    sign: o.sign ?? false,
    padLeft: o.padLeft ?? -1,
    expDigits: o.expDigits ?? -1,
  });
}

function noneOrPositive(x: number | null | undefined, name: string): number {
  if (x === null || x === undefined) return -1;
  if (x < 0) throw ValueError(`${name} must be >= 0`);
  return x;
}

function checkTrim(trim: string): TrimMode {
  if (trim === 'k' || trim === '.' || trim === '0' || trim === '-') return trim;
  throw ValueError("if supplied, trim must be 'k', '.', '0' or '-'");
}

function floatDtype(dtype: string | undefined): FloatDType {
  if (dtype === undefined || dtype === 'float64' || dtype === 'f8' || dtype === 'double')
    return 'float64';
  if (dtype === 'float32' || dtype === 'f4' || dtype === 'single') return 'float32';
  throw TypeError_(`format_float: unsupported dtype ${dtype} (float32 or float64)`);
}

export interface FormatFloatPositionalOptions {
  precision?: number | null;
  unique?: boolean;
  fractional?: boolean;
  trim?: TrimMode;
  sign?: boolean;
  pad_left?: number | null;
  pad_right?: number | null;
  min_digits?: number | null;
  /** ndscope extension: format the value as this float type (default float64). */
  dtype?: string;
}

/** `np.format_float_positional(x, precision, unique, fractional, trim, sign, pad_left, pad_right, min_digits)`. */
export function format_float_positional(x: number, options?: FormatFloatPositionalOptions): string;
export function format_float_positional(
  x: number,
  precision?: number | null,
  unique?: boolean,
  fractional?: boolean,
  trim?: TrimMode,
  sign?: boolean,
  pad_left?: number | null,
  pad_right?: number | null,
  min_digits?: number | null,
  options?: FormatFloatPositionalOptions,
): string;
export function format_float_positional(x: number, ...args: unknown[]): string {
  const o = positionalArgs(
    args,
    ['precision', 'unique', 'fractional', 'trim', 'sign', 'pad_left', 'pad_right', 'min_digits'],
    'format_float_positional',
  ) as FormatFloatPositionalOptions;
  const precision = noneOrPositive(o.precision, 'precision');
  const padLeft = noneOrPositive(o.pad_left, 'pad_left');
  const padRight = noneOrPositive(o.pad_right, 'pad_right');
  const minDigits = noneOrPositive(o.min_digits, 'min_digits');
  const fractional = o.fractional ?? true;
  if (!fractional && precision === 0)
    throw ValueError('precision must be greater than 0 if fractional=False');
  if (minDigits > 0 && precision > 0 && minDigits > precision)
    throw ValueError('min_digits must be less than or equal to precision');
  return dragon4Positional(Number(x), floatDtype(o.dtype), {
    precision,
    unique: o.unique ?? true,
    fractional,
    trim: checkTrim(o.trim ?? 'k'),
    sign: o.sign ?? false,
    padLeft,
    padRight,
    minDigits,
  });
}

export interface FormatFloatScientificOptions {
  precision?: number | null;
  unique?: boolean;
  trim?: TrimMode;
  sign?: boolean;
  pad_left?: number | null;
  exp_digits?: number | null;
  min_digits?: number | null;
  /** ndscope extension: format the value as this float type (default float64). */
  dtype?: string;
}

/** `np.format_float_scientific(x, precision, unique, trim, sign, pad_left, exp_digits, min_digits)`. */
export function format_float_scientific(x: number, options?: FormatFloatScientificOptions): string;
export function format_float_scientific(
  x: number,
  precision?: number | null,
  unique?: boolean,
  trim?: TrimMode,
  sign?: boolean,
  pad_left?: number | null,
  exp_digits?: number | null,
  min_digits?: number | null,
  options?: FormatFloatScientificOptions,
): string;
export function format_float_scientific(x: number, ...args: unknown[]): string {
  const o = positionalArgs(
    args,
    ['precision', 'unique', 'trim', 'sign', 'pad_left', 'exp_digits', 'min_digits'],
    'format_float_scientific',
  ) as FormatFloatScientificOptions;
  const precision = noneOrPositive(o.precision, 'precision');
  const padLeft = noneOrPositive(o.pad_left, 'pad_left');
  const expDigits = noneOrPositive(o.exp_digits, 'exp_digits');
  const minDigits = noneOrPositive(o.min_digits, 'min_digits');
  if (minDigits > 0 && precision > 0 && minDigits > precision)
    throw ValueError('min_digits must be less than or equal to precision');
  return dragon4Scientific(Number(x), floatDtype(o.dtype), {
    precision,
    unique: o.unique ?? true,
    trim: checkTrim(o.trim ?? 'k'),
    sign: o.sign ?? false,
    padLeft,
    expDigits,
    minDigits,
  });
}

/** Python-style positional arguments followed by an optional trailing options object. */
function positionalArgs(args: unknown[], names: string[], fname: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let rest = args;
  const last = args[args.length - 1];
  if (isPlainObject(last)) {
    for (const k of Object.keys(last)) {
      if (k !== 'dtype' && !names.includes(k))
        throw TypeError_(`${fname}() got an unexpected keyword argument '${k}'`);
    }
    Object.assign(out, last);
    rest = args.slice(0, -1);
  }
  rest.forEach((v, i) => {
    const name = names[i];
    if (name === undefined)
      throw TypeError_(
        `${fname}() takes from 1 to ${names.length + 1} positional arguments but ${args.length + 1} were given`,
      );
    if (v !== undefined) out[name] = v;
  });
  return out;
}

/**
 * `str(np.float64(x))` / `str(np.float32(x))` (also Python's `repr(float)` for float64):
 * shortest digits, positional between 1e-4 and 1e16 (1e6 for float32), else scientific.
 */
export function floatScalarStr(x: number, dtype: FloatDType = 'float64'): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x < 0 ? '-inf' : 'inf';
  const a = Math.abs(x);
  const high = dtype === 'float32' ? 1e6 : 1e16;
  if (a === 0 || (a >= 1e-4 && a < high)) return dragon4Positional(x, dtype, { trim: '0' });
  return dragon4Scientific(x, dtype, { trim: '-' });
}
