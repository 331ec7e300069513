/**
 * Helpers the LAPACK ports (lapack-syev.ts, lapack-gesdd.ts, lapack-geev.ts) share.
 */

/** Fortran's SIGN(a, b): |a| with the sign of b (-0 counts as negative). */
export const sign = (a: number, b: number): number =>
  b >= 0 && !Object.is(b, -0) ? Math.abs(a) : -Math.abs(a);

/** dlartg (LAPACK ≥ 3.10): the plane rotation [c, s, r] with c ≥ 0, r carrying the sign of f. */
export function dlartg(f: number, g: number): [number, number, number] {
  if (g === 0) return [1, 0, f];
  if (f === 0) return [0, sign(1, g), Math.abs(g)];
  const d = Math.sqrt(f * f + g * g);
  const c = Math.abs(f) / d;
  const r = sign(d, f);
  return [c, g / r, r];
}
