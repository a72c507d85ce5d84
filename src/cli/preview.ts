/**
 * `chapkhana preview [files…] [--port N]`: `watch`, plus the output folder
 * served on 127.0.0.1 with live reload: after every build round the
 * collection page is rewritten and every open page reloads.
 */
import type { Config } from '../config/schema.ts'
import { writeSiteIndex } from '../writers/site/index-hook.ts'
import { startPreviewServer } from '../preview/server.ts'
import { watchCommand } from './watch.ts'

/** Port used when none is given. */
export const DEFAULT_PORT = 4780

/** Run until `signal` aborts; returns the exit code. */
export async function previewCommand(files: readonly string[], config: Config, signal: AbortSignal, options: { port?: number } = {}): Promise<number> {
  const log = (line: string): void => void process.stderr.write(`${line}\n`)
  const server = await startPreviewServer(config.outDir, options.port ?? DEFAULT_PORT)
  // stdout carries only the address, so a script can read it.
  process.stdout.write(`${server.url}\n`)
  log(`preview: ${server.url} (serving ${config.outDir}/ on this machine only; Ctrl-C to stop)`)
  try {
    return await watchCommand(files, config, signal, {
      log,
      onBuilt: async () => {
        await writeSiteIndex(config, log)
        server.notify()
      }
    })
  } finally {
    await server.close()
  }
}
