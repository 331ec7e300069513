// Types of scripts/package.mjs for the TypeScript tests that import it.
export const root: string;
export function vsixPath(): string;
export function pack(o?: {
  noBuild?: boolean;
  out?: string;
  stdio?: 'inherit' | 'ignore' | 'pipe';
}): { file: string; bytes: number };
