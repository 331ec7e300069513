/**
 * Where the native kernels' bytes come from.
 *
 * - Bundles (dist/runtime/index.{mjs,cjs}, the runner, the CLI, the extension): scripts/build.mjs
 *   compiles native/ first and embeds both .wasm files as base64 through esbuild `define`
 *   (`__NDSCOPE_KERNELS__`, `__NDSCOPE_KERNELS_RELAXED__`), so there is no file lookup at all and
 *   the same code runs in Node, workers and browsers.
 * - Source runs (tsx, tests importing src/runtime/index.ts): Node reads dist/native/*.wasm found
 *   from the working directory upwards (or the file named by NDSCOPE_WASM); none → TS kernels.
 */

declare const __NDSCOPE_KERNELS__: string | undefined;
declare const __NDSCOPE_KERNELS_RELAXED__: string | undefined;

export interface KernelBytes {
  simd: Uint8Array;
  relaxed: Uint8Array | null;
  /** 'embedded' or the file path read. */
  source: string;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function fromBase64(s: string): Uint8Array {
  const lut = new Uint8Array(128);
  for (let i = 0; i < 64; i++) lut[B64.charCodeAt(i)] = i;
  let len = s.length;
  while (len > 0 && s[len - 1] === '=') len--;
  const out = new Uint8Array(Math.floor((len * 3) / 4));
  let o = 0;
  for (let i = 0; i < len; i += 4) {
    const a = lut[s.charCodeAt(i)] as number;
    const b = lut[s.charCodeAt(i + 1)] as number;
    const c = i + 2 < len ? (lut[s.charCodeAt(i + 2)] as number) : 0;
    const d = i + 3 < len ? (lut[s.charCodeAt(i + 3)] as number) : 0;
    const v = (a << 18) | (b << 12) | (c << 6) | d;
    if (o < out.length) out[o++] = v >> 16;
    if (o < out.length) out[o++] = (v >> 8) & 255;
    if (o < out.length) out[o++] = v & 255;
  }
  return out;
}

interface NodeFs {
  existsSync(p: string): boolean;
  readFileSync(p: string): Uint8Array;
}
interface NodeProcess {
  env: Record<string, string | undefined>;
  cwd(): string;
  getBuiltinModule?(name: string): unknown;
}

/** Node's `process`, when running in Node (undefined in browsers). */
export function nodeProcess(): NodeProcess | undefined {
  return (globalThis as { process?: NodeProcess }).process;
}

function readFromDisk(): KernelBytes | null {
  const proc = nodeProcess();
  const fs = proc?.getBuiltinModule?.('fs') as NodeFs | undefined;
  if (proc === undefined || fs === undefined) return null;
  const explicit = proc.env.NDSCOPE_WASM;
  const candidates: string[] = [];
  if (explicit) candidates.push(explicit);
  let dir = proc.cwd();
  for (let i = 0; i < 6; i++) {
    candidates.push(`${dir}/dist/native/kernels.wasm`);
    const up = dir.replace(/[/\\][^/\\]*$/, '');
    if (up === dir || up === '') break;
    dir = up;
  }
  for (const p of candidates) {
    try {
      if (!fs.existsSync(p)) continue;
      const simd = fs.readFileSync(p);
      const rp = p.replace(/kernels\.wasm$/, 'kernels-relaxed.wasm');
      const relaxed = rp !== p && fs.existsSync(rp) ? fs.readFileSync(rp) : null;
      return { simd, relaxed, source: p };
    } catch {
      // unreadable: try the next one
    }
  }
  return null;
}

export function kernelBytes(): KernelBytes | null {
  if (typeof __NDSCOPE_KERNELS__ === 'string' && __NDSCOPE_KERNELS__.length > 0) {
    const relaxed =
      typeof __NDSCOPE_KERNELS_RELAXED__ === 'string' && __NDSCOPE_KERNELS_RELAXED__.length > 0
        ? fromBase64(__NDSCOPE_KERNELS_RELAXED__)
        : null;
    return { simd: fromBase64(__NDSCOPE_KERNELS__), relaxed, source: 'embedded' };
  }
  return readFromDisk();
}
