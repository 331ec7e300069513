/** C printf-style formatting of one number (`%.18e`, `%d`, `%10.3f`, `%g`, `%s`, …) for savetxt. */
import { ValueError } from '../errors';

const SPEC = /%([-+ 0#]*)(\d+)?(?:\.(\d+))?([diouxXeEfFgGs%])/g;

function fixed(v: number, prec: number): string {
  if (Math.abs(v) < 1e21) return v.toFixed(prec);
  const int = BigInt(Math.trunc(v)).toString();
  return prec > 0 ? `${int}.${'0'.repeat(prec)}` : int;
}

function expo(v: number, prec: number, upper: boolean): string {
  const s = v.toExponential(prec);
  const [m, e] = s.split('e') as [string, string];
  const sign = e[0] === '-' ? '-' : '+';
  const digits = e.replace(/^[+-]/, '').padStart(2, '0');
  const out = `${m}e${sign}${digits}`;
  return upper ? out.toUpperCase() : out;
}

function general(v: number, precIn: number, alt: boolean, upper: boolean): string {
  const p = precIn === 0 ? 1 : precIn;
  if (v === 0) return alt ? (0).toFixed(p - 1) : '0';
  const e = Number(v.toExponential(p - 1).split('e')[1]);
  let s: string;
  if (e < p && e >= -4) s = fixed(v, p - 1 - e);
  else s = expo(v, p - 1, upper);
  if (!alt) {
    // strip trailing zeros of the fraction
    s = s
      .replace(/\.?0+(?=$|[eE])/, (m) => (m.startsWith('.') || !s.includes('.') ? '' : ''))
      .replace(/(\.\d*?)0+(?=$|[eE])/, '$1');
    s = s.replace(/\.(?=$|[eE])/, '');
  }
  return s;
}

function one(
  v: number | bigint | boolean,
  flags: string,
  width: string | undefined,
  precS: string | undefined,
  conv: string,
): string {
  const num = typeof v === 'boolean' ? Number(v) : v;
  let body: string;
  let neg = false;
  if (conv === 's') {
    body = typeof v === 'number' ? pyStr(v) : String(v);
  } else if (typeof num === 'number' && !Number.isFinite(num)) {
    neg = num < 0 || Object.is(num, -0);
    body = Number.isNaN(num) ? 'nan' : 'inf';
    if (conv === 'E' || conv === 'F' || conv === 'G') body = body.toUpperCase();
    neg = Number.isNaN(num) ? false : num < 0;
  } else if ('diouxX'.includes(conv)) {
    let b = typeof num === 'bigint' ? num : BigInt(Math.trunc(num));
    neg = b < 0n;
    if (neg) b = -b;
    body =
      conv === 'x'
        ? b.toString(16)
        : conv === 'X'
          ? b.toString(16).toUpperCase()
          : conv === 'o'
            ? b.toString(8)
            : b.toString();
    if (precS !== undefined) body = body.padStart(Number(precS), '0');
  } else {
    const x = Number(num);
    neg = x < 0 || Object.is(x, -0);
    const a = Math.abs(x);
    const prec = precS === undefined ? 6 : Number(precS);
    if (conv === 'f' || conv === 'F') body = fixed(a, prec);
    else if (conv === 'e' || conv === 'E') body = expo(a, prec, conv === 'E');
    else body = general(a, prec, flags.includes('#'), conv === 'G');
  }
  const sign = neg ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
  const w = width === undefined ? 0 : Number(width);
  const len = sign.length + body.length;
  if (len >= w) return sign + body;
  if (flags.includes('-')) return sign + body + ' '.repeat(w - len);
  if (flags.includes('0') && conv !== 's' && !/nan|inf/i.test(body))
    return sign + '0'.repeat(w - len) + body;
  return ' '.repeat(w - len) + sign + body;
}

function pyStr(v: number): string {
  if (Number.isNaN(v)) return 'nan';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  if (Object.is(v, -0)) return '-0.0';
  if (Number.isInteger(v) && Math.abs(v) < 1e16) return v.toFixed(1);
  const r = String(v);
  return r.replace(/e\+?(-?)(\d)$/, 'e$1' + '0$2').replace(/e\+/, 'e+');
}

/** Number of conversion specs in `fmt` (excluding `%%`). */
export function countSpecs(fmt: string): number {
  let n = 0;
  for (const m of fmt.matchAll(SPEC)) if (m[4] !== '%') n++;
  return n;
}

/** `fmt % tuple(values)`. */
export function sprintf(fmt: string, values: readonly (number | bigint | boolean)[]): string {
  let k = 0;
  return fmt.replace(
    SPEC,
    (_m, flags: string, width: string | undefined, prec: string | undefined, conv: string) => {
      if (conv === '%') return '%';
      if (k >= values.length) throw ValueError(`fmt has wrong number of % formats:  ${fmt}`);
      return one(values[k++]!, flags, width, prec, conv);
    },
  );
}
