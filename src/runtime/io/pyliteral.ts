/**
 * A strict parser for the Python literal subset found in .npy headers (dicts, tuples, lists,
 * strings, ints, True/False/None). It never evaluates anything: any other token is an error.
 */
export type PyValue = string | number | bigint | boolean | null | PyTuple | PyValue[] | PyDict;
export class PyTuple {
  constructor(readonly items: PyValue[]) {}
}
export class PyDict {
  constructor(readonly entries: [PyValue, PyValue][]) {}
  get(key: string): PyValue | undefined {
    return this.entries.find(([k]) => k === key)?.[1];
  }
}

class ParseError extends Error {}

export function parsePyLiteral(src: string): PyValue {
  let i = 0;
  const ws = (): void => {
    while (i < src.length && /\s/.test(src[i]!)) i++;
  };
  const value = (depth: number): PyValue => {
    if (depth > 64) throw new ParseError('nesting too deep');
    ws();
    const c = src[i];
    if (c === undefined) throw new ParseError('unexpected end');
    if (c === '{') {
      i++;
      const entries: [PyValue, PyValue][] = [];
      ws();
      while (src[i] !== '}') {
        const k = value(depth + 1);
        ws();
        if (src[i] !== ':') throw new ParseError('expected :');
        i++;
        const v = value(depth + 1);
        entries.push([k, v]);
        ws();
        if (src[i] === ',') {
          i++;
          ws();
        } else if (src[i] !== '}') throw new ParseError('expected , or }');
      }
      i++;
      return new PyDict(entries);
    }
    if (c === '(' || c === '[') {
      const close = c === '(' ? ')' : ']';
      i++;
      const items: PyValue[] = [];
      let sawComma = false;
      ws();
      while (src[i] !== close) {
        items.push(value(depth + 1));
        ws();
        if (src[i] === ',') {
          sawComma = true;
          i++;
          ws();
        } else if (src[i] !== close) throw new ParseError(`expected , or ${close}`);
      }
      i++;
      if (c === '[') return items;
      // (x) is x, (x,) is a tuple
      if (items.length === 1 && !sawComma) return items[0]!;
      return new PyTuple(items);
    }
    if (c === "'" || c === '"') {
      i++;
      let s = '';
      while (i < src.length && src[i] !== c) {
        if (src[i] === '\\') {
          const n = src[i + 1];
          const map: Record<string, string> = {
            n: '\n',
            t: '\t',
            r: '\r',
            '\\': '\\',
            "'": "'",
            '"': '"',
            '0': '\0',
          };
          if (n === undefined || !(n in map)) throw new ParseError('bad escape');
          s += map[n];
          i += 2;
        } else s += src[i++];
      }
      if (src[i] !== c) throw new ParseError('unterminated string');
      i++;
      return s;
    }
    const m = /^(-?\d+)L?/.exec(src.slice(i));
    if (m) {
      i += m[0].length;
      const b = BigInt(m[1]!);
      return b >= BigInt(Number.MIN_SAFE_INTEGER) && b <= BigInt(Number.MAX_SAFE_INTEGER)
        ? Number(b)
        : b;
    }
    for (const [word, v] of [
      ['True', true],
      ['False', false],
      ['None', null],
    ] as const) {
      if (src.startsWith(word, i) && !/[\w]/.test(src[i + word.length] ?? '')) {
        i += word.length;
        return v;
      }
    }
    throw new ParseError(`unexpected ${JSON.stringify(c)}`);
  };
  const v = value(0);
  ws();
  if (i !== src.length) throw new ParseError('trailing characters');
  return v;
}

export const isParseError = (e: unknown): boolean => e instanceof ParseError;

/** Python's repr of a str. */
export function pyReprStr(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = q;
  for (const ch of s) {
    if (ch === '\\') out += '\\\\';
    else if (ch === q) out += '\\' + q;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch < ' ' || ch === '\x7f')
      out += '\\x' + ch.charCodeAt(0).toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + q;
}

/** Python's repr of a parsed value. */
export function pyRepr(v: PyValue): string {
  if (v === null) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'string') return pyReprStr(v);
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (v instanceof PyTuple)
    return v.items.length === 1
      ? `(${pyRepr(v.items[0]!)},)`
      : `(${v.items.map(pyRepr).join(', ')})`;
  if (v instanceof PyDict)
    return `{${v.entries.map(([k, x]) => `${pyRepr(k)}: ${pyRepr(x)}`).join(', ')}}`;
  return `[${v.map(pyRepr).join(', ')}]`;
}
