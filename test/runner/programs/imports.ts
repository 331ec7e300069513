import * as path from 'node:path';
import { readFileSync } from 'node:fs';
import { double } from './lib/helper';
import * as np from 'ndscope';

const text = readFileSync(__filename_check(), 'utf8');
function __filename_check(): string {
  return path.join(process.cwd(), 'package.json');
}
const d = double(np.arange(3));
await new Promise((r) => setTimeout(r, 5));
const late = np.ones([2]);
console.log(text.length > 0, d.tolist(), late.tolist());
