/** The global symbol key under which the worker exposes the traced namespace to the bundle. */
export const NP_GLOBAL = 'ndscope.np';
/** Symbol.for key of the Int32Array(1) cell holding the current call-site id (see sites.ts). */
export const SITE_CELL = 'ndscope.site';
