// ndscope's native kernels (AssemblyScript → one .wasm, built by scripts/build.mjs).
//
// The module IMPORTS the runtime's WebAssembly.Memory (asc --importMemory) and has no data
// segments, no stack and no allocator: every pointer it touches is handed in by the runtime
// (array bytes from src/runtime/memory.ts, GEMM scratch allocated once at load time).
// Pointers and strides are in BYTES. The TS kernels are the reference (test/native/).
export * from './elementwise';
export * from './reduce';
export * from './gemm';
export * from './math';
export * from './copy';
export * from './lu';
export * from './gather';
export * from './mathx';
export * from './math32';
export * from './random';
