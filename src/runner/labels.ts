/**
 * Variable names for trace events, from the user's source through the TypeScript compiler API.
 *
 * Each source file is parsed once per run. Every call expression (and `.T`/`.mT` access) gets
 * the name it is assigned to — `const c = np.add(a, b)` → `c`, `obj.w = …` → `obj.w`,
 * `const [q, r] = np.linalg.qr(a)` → `[q, r]` — keyed by the positions V8 reports for the call
 * (the callee's name), so a location mapped back through the source map finds its call.
 */
import ts from 'typescript';

export interface LabelIndex {
  /** The label for a call at 1-based (line, column), if the call is assigned to a name. */
  lookup(line: number, column: number): string | undefined;
}

interface Site {
  start: number;
  end: number;
  label: string | undefined;
}

const key = (line: number, col: number): string => `${line}:${col}`;

/** The name a (call) expression's value is bound to, or undefined. */
function bindingOf(node: ts.Node, sf: ts.SourceFile): string | undefined {
  let cur: ts.Node = node;
  let parent = cur.parent;
  while (
    parent !== undefined &&
    (ts.isParenthesizedExpression(parent) ||
      ts.isAsExpression(parent) ||
      ts.isNonNullExpression(parent) ||
      ts.isSatisfiesExpression(parent) ||
      ts.isAwaitExpression(parent) ||
      ts.isTypeAssertionExpression(parent))
  ) {
    cur = parent;
    parent = cur.parent;
  }
  if (parent === undefined) return undefined;
  if (ts.isVariableDeclaration(parent) && parent.initializer === cur)
    return parent.name.getText(sf).replace(/\s+/g, ' ');
  if (ts.isBinaryExpression(parent) && parent.right === cur) {
    const k = parent.operatorToken.kind;
    if (k >= ts.SyntaxKind.FirstAssignment && k <= ts.SyntaxKind.LastAssignment)
      return parent.left.getText(sf).replace(/\s+/g, ' ');
  }
  if (ts.isPropertyAssignment(parent) && parent.initializer === cur) return parent.name.getText(sf);
  if (ts.isPropertyDeclaration(parent) && parent.initializer === cur)
    return parent.name.getText(sf);
  if (ts.isParameter(parent) && parent.initializer === cur) return parent.name.getText(sf);
  return undefined;
}

export function buildLabelIndex(fileName: string, text: string): LabelIndex {
  const sf = ts.createSourceFile(
    fileName,
    text,
    ts.ScriptTarget.Latest,
    true,
    fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const exact = new Map<string, Site>();
  const sites: Site[] = [];
  const pos = (p: number): [number, number] => {
    const lc = sf.getLineAndCharacterOfPosition(p);
    return [lc.line + 1, lc.character + 1];
  };
  const addKey = (p: number, site: Site): void => {
    const [l, c] = pos(p);
    const k = key(l, c);
    if (!exact.has(k)) exact.set(k, site);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const site: Site = {
        start: node.getStart(sf),
        end: node.getEnd(),
        label: bindingOf(node, sf),
      };
      sites.push(site);
      const callee = node.expression;
      if (ts.isPropertyAccessExpression(callee) || ts.isPropertyAccessChain(callee))
        addKey(callee.name.getStart(sf), site);
      else if (ts.isElementAccessExpression(callee))
        addKey(callee.argumentExpression.getStart(sf), site);
      else addKey(callee.getStart(sf), site);
      addKey(node.getStart(sf), site);
    } else if (
      ts.isPropertyAccessExpression(node) &&
      (node.name.text === 'T' || node.name.text === 'mT')
    ) {
      if (!(ts.isCallExpression(node.parent) && node.parent.expression === node)) {
        const site: Site = {
          start: node.getStart(sf),
          end: node.getEnd(),
          label: bindingOf(node, sf),
        };
        sites.push(site);
        addKey(node.name.getStart(sf), site);
        addKey(node.name.getStart(sf) - 1, site);
        addKey(node.expression.getEnd() - 1, site);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return {
    lookup(line: number, column: number): string | undefined {
      const hit = exact.get(key(line, column));
      if (hit !== undefined) return hit.label;
      let p: number;
      try {
        p = sf.getPositionOfLineAndCharacter(line - 1, column - 1);
      } catch {
        return undefined;
      }
      let best: Site | undefined;
      for (const s of sites) {
        if (
          s.start <= p &&
          p < s.end &&
          (best === undefined || s.end - s.start < best.end - best.start)
        )
          best = s;
      }
      return best?.label;
    },
  };
}
