/** The stand-in's one function (see node-fetch-none.cjs): every address is refused. */
declare function fetch(url: string): Promise<never>
declare namespace fetch {
  const _default: typeof fetch
  export { _default as default }
}
export = fetch
