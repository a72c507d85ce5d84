import type { Debugger } from 'debug'
/** The `debug` logger of `namespace`, made on its first use and the same one after (see debug-once.mjs). */
export default function debug(namespace: string): Debugger
