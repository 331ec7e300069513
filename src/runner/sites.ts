/**
 * Call-site ids inserted at bundle time, so the recorder reads where a call came from instead of
 * capturing a V8 stack on every traced call (the dominant cost of tracing tiny arrays).
 *
 * Every call expression of the bundle gets a site id, set into a shared cell right before the
 * call happens (after its callee and arguments are evaluated), and every `.T`/`.mT` read gets one
 * right before the property read:
 *
 *   f(a, b)   → f(a, __nds(b, 17))       f()  → f(...__ndz(17))
 *   x.f(...r) → x.f(...__nds(r, 18))     a.T  → __nds(a, 19).T
 *
 * A traced wrapper takes the id and clears the cell; with no id (a call the transform could not
 * see) it falls back to stack capture. The id's location is the position V8 reports for the call
 * (the callee's name, or the `(` of other callees), in the instrumented bundle's coordinates, so
 * it maps exactly as a captured frame would. Inserted text never contains a newline: lines are
 * unchanged and `unshiftColumn` takes an instrumented column back to the esbuild bundle's.
 */
import ts from 'typescript';
import { SITE_CELL } from './constants';

export { SITE_CELL };

export interface Instrumented {
  code: string;
  /** Site id → [line, column] (1-based) in `code`; index 0 unused. */
  sites: [number, number][];
  /** Per 0-based line: insertions [original column, inserted length], in column order. */
  shifts: Map<number, [number, number][]>;
}

interface Ins {
  pos: number;
  text: string;
  close: boolean;
  order: number;
}

const PRELUDE =
  `const __ndS = globalThis[Symbol.for(${JSON.stringify(SITE_CELL)})] ?? new Int32Array(1), __ndE = []; ` +
  'function __nds(v, s) { __ndS[0] = s; return v; } function __ndz(s) { __ndS[0] = s; return __ndE; } ';

/** Instruments a bundle (JavaScript). */
export function instrumentSites(code: string): Instrumented {
  const sf = ts.createSourceFile(
    'bundle.mjs',
    code,
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.JS,
  );
  // after a hashbang line, if any (lines stay the same: the prelude has no newline)
  const top = code.startsWith('#!') ? code.indexOf('\n') + 1 : 0;
  const ins: Ins[] = [{ pos: top, text: PRELUDE, close: false, order: -1 }];
  const sitePos: number[] = [0];
  let order = 0;
  const wrap = (node: ts.Node, site: number): void => {
    const start = node.getStart(sf);
    ins.push({ pos: start, text: '__nds(', close: false, order: order++ });
    ins.push({ pos: node.end, text: `, ${site})`, close: true, order: order++ });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      if (
        callee.kind !== ts.SyntaxKind.SuperKeyword &&
        callee.kind !== ts.SyntaxKind.ImportKeyword
      ) {
        let at: number;
        // as V8: the callee's name, but the `(` for `f?.()` and for computed callees
        if (node.questionDotToken !== undefined) at = code.indexOf('(', node.questionDotToken.end);
        else if (ts.isIdentifier(callee)) at = callee.getStart(sf);
        else if (ts.isPropertyAccessExpression(callee)) at = callee.name.getStart(sf);
        else at = code.indexOf('(', callee.end);
        const site = sitePos.length;
        sitePos.push(at);
        const args = node.arguments;
        const last = args[args.length - 1];
        if (last === undefined) {
          ins.push({ pos: args.pos, text: `...__ndz(${site})`, close: false, order: order++ });
        } else if (ts.isSpreadElement(last)) {
          wrap(last.expression, site);
        } else wrap(last, site);
      }
    } else if (
      ts.isPropertyAccessExpression(node) &&
      (node.name.text === 'T' || node.name.text === 'mT') &&
      node.expression.kind !== ts.SyntaxKind.SuperKeyword &&
      // inside `a?.b.T` the receiver may short-circuit: leave it to the stack fallback
      !(ts.isOptionalChain(node) && node.questionDotToken === undefined) &&
      !isWriteOrCallee(node)
    ) {
      const site = sitePos.length;
      sitePos.push(
        node.questionDotToken ? node.questionDotToken.getStart(sf) : node.name.getStart(sf),
      );
      wrap(node.expression, site);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  // Same position: closers first (innermost first), then openers (outermost first).
  ins.sort((a, b) =>
    a.pos !== b.pos
      ? a.pos - b.pos
      : a.close !== b.close
        ? a.close
          ? -1
          : 1
        : a.close
          ? b.order - a.order
          : a.order - b.order,
  );
  const parts: string[] = [];
  let prev = 0;
  const shifts = new Map<number, [number, number][]>();
  for (const i of ins) {
    parts.push(code.slice(prev, i.pos), i.text);
    prev = i.pos;
    const lc = sf.getLineAndCharacterOfPosition(i.pos);
    let list = shifts.get(lc.line);
    if (list === undefined) shifts.set(lc.line, (list = []));
    list.push([lc.character, i.text.length]);
  }
  parts.push(code.slice(prev));
  const sites: [number, number][] = [[0, 0]];
  for (let s = 1; s < sitePos.length; s++) {
    const lc = sf.getLineAndCharacterOfPosition(sitePos[s] as number);
    let col = lc.character;
    for (const [c, len] of shifts.get(lc.line) ?? []) if (c <= lc.character) col += len;
    sites.push([lc.line + 1, col + 1]);
  }
  return { code: parts.join(''), sites, shifts };
}

function isWriteOrCallee(node: ts.PropertyAccessExpression): boolean {
  const p = node.parent;
  if (ts.isCallExpression(p) && p.expression === node) return true;
  if (ts.isBinaryExpression(p) && p.left === node) {
    const k = p.operatorToken.kind;
    return k >= ts.SyntaxKind.FirstAssignment && k <= ts.SyntaxKind.LastAssignment;
  }
  if ((ts.isPrefixUnaryExpression(p) || ts.isPostfixUnaryExpression(p)) && p.operand === node)
    return (
      p.operator === ts.SyntaxKind.PlusPlusToken || p.operator === ts.SyntaxKind.MinusMinusToken
    );
  if (ts.isDeleteExpression(p) || ts.isForInStatement(p) || ts.isForOfStatement(p)) return true;
  if (ts.isTaggedTemplateExpression(p)) return true;
  return false;
}

/** 1-based column of the instrumented bundle → 1-based column of the original bundle. */
export function unshiftColumn(
  shifts: ReadonlyMap<number, readonly [number, number][]>,
  line: number,
  column: number,
): number {
  const list = shifts.get(line - 1);
  if (list === undefined) return column;
  const c = column - 1;
  let acc = 0;
  for (const [p, len] of list) {
    const genStart = p + acc;
    if (c >= genStart + len) acc += len;
    else if (c >= genStart)
      return p + 1; // inside inserted text
    else break;
  }
  return c - acc + 1;
}
