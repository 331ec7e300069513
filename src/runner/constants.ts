/** The global symbol key under which the worker exposes the traced namespace to the bundle. */
export const NP_GLOBAL = 'ndscope.np';
