/** Run a CommonJS file with V8's code cache (bin/code-cache.js). */
export declare function loadCached(file: string): { exports: Record<string, unknown>; cached: boolean; save: () => void }
