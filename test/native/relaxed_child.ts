/**
 * Child process of vmath_fma.test.ts: switches relaxed SIMD on (as the runner does on Node 20)
 * before the runtime loads, then prints the backend status and np.exp/np.log (float64) of the
 * JSON array in argv[2] — the whole runtime path: probe, build choice, tables, registration.
 */
import v8 from 'node:v8';
import { relaxedModule } from '../../src/runtime/wasm/probe';

async function main(): Promise<void> {
  if (!WebAssembly.validate(relaxedModule())) v8.setFlagsFromString('--experimental-wasm-relaxed-simd');
  const np = await import('../../src/runtime/index');
  const { backendStatus } = await import('../../src/runtime/wasm');
  const xs = JSON.parse(process.argv[2]!) as number[];
  const a = np.array(xs, { dtype: 'float64' });
  const out = (y: unknown): string[] =>
    (y as { tolist(): number[] }).tolist().map((v) => (Object.is(v, -0) ? '-0' : String(v)));
  process.stdout.write(
    JSON.stringify({ status: backendStatus(), exp: out(np.exp(a)), log: out(np.log(a)) }),
  );
}
void main();
