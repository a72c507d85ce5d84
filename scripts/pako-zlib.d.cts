/** The streaming interface JSZip uses of pako's Deflate and Inflate (see pako-zlib.cjs). */
interface FlateStream {
  onData: (chunk: Uint8Array) => void
  push(data: Uint8Array | readonly number[], last: boolean): boolean
}
export declare const Deflate: new (options?: { readonly raw?: boolean; readonly level?: number }) => FlateStream
export declare const Inflate: new (options?: { readonly raw?: boolean }) => FlateStream
