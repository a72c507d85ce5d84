// Stand-in for `debug` inside puppeteer-core, in the bundle only
// (scripts/bundle.mjs). puppeteer logs every DevTools message it sends and
// receives through `debug(prefix)(message)`, which makes a new logger for
// each message; making one asks whether stderr is a terminal (an ioctl) and
// copies the logger's options: 52 ms of the main thread in a profile of the
// 50-chapter book's build, for logs nobody enabled. One logger per
// namespace, made on its first use, logs the same: `DEBUG=puppeteer:*` still
// works, and a kept logger checks again what is enabled whenever
// `debug.enable()` changes it.
import createDebug from 'debug'

const loggers = new Map()

/** The logger of `namespace`, made once. */
export default function debug(namespace) {
  let logger = loggers.get(namespace)
  if (!logger) loggers.set(namespace, (logger = createDebug(namespace)))
  return logger
}
