import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const again = readFileSync(path.join(__dirname, 'paths.ts'), 'utf8');
const req = typeof require('node:os').tmpdir;
console.log(path.basename(here), path.basename(__filename), again.length > 0, req);
