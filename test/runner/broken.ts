/**
 * Programs that must not sit in the tree as .ts files (the type check would read them): written
 * to a temporary directory by the tests that need them.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** A file with a syntax error on line 2, column 25 (`;` where `]` is expected). */
export const SYNTAX_ERROR = "import * as np from 'ndscope';\nconst a = np.array([1, 2;\n";

export function writeBroken(name = 'syntax.ts', text = SYNTAX_ERROR): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ndscope-broken-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}
