/** ufunc: filled in by its owner (see ARCHITECTURE.md). */
export {};
