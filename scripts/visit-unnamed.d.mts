/** `source` (lib/index.js of unist-util-visit-parents) without the naming of its visitors; throws when it is not found. */
export declare function unnamedVisits(source: string): string
/** The esbuild plugin that loads unist-util-visit-parents without the naming. */
export declare const visitUnnamed: { readonly name: string; setup(build: unknown): void }
