/**
 * Tracing: the versioned event schema, the recorder and the wrapper layer that feeds it.
 * Runs unchanged in Node, a worker or a browser (no node:* imports).
 */
export * from './schema';
export { Recorder, collectArrays, renderArgs } from './recorder';
export type { RecorderOptions, TraceBatch, Call } from './recorder';
export {
  createTracedNamespace,
  installMethodTracing,
  installTracing,
  traceFunction,
  stackLocator,
  siteLocator,
} from './traced';
export { broadcastInfo, broadcastOperands, shapeOfOperand } from './broadcast';
export { snapshotArray, encodeValue } from './snapshot';
