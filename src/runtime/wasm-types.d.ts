/**
 * The slice of the WebAssembly JS API the runtime uses. The runtime compiles without DOM types
 * (it runs unchanged in Node, a worker or a browser), and TypeScript only ships these in lib.dom.
 */
declare namespace WebAssembly {
  interface MemoryDescriptor {
    initial: number;
    maximum?: number;
    shared?: boolean;
  }
  class Memory {
    constructor(descriptor: MemoryDescriptor);
    readonly buffer: ArrayBuffer;
    grow(delta: number): number;
  }
  class Module {
    constructor(bytes: BufferSource);
  }
  class Instance {
    constructor(module: Module, importObject?: Record<string, Record<string, unknown>>);
    readonly exports: Record<string, unknown>;
  }
  type BufferSource = ArrayBufferView | ArrayBuffer;
  function validate(bytes: BufferSource): boolean;
  function instantiate(bytes: BufferSource, importObject?: Record<string, Record<string, unknown>>): Promise<{ module: Module; instance: Instance }>;
}
