/**
 * Reading the optional project file `chapkhana.config.json`.
 */
import path from 'node:path'
import { ConfigError } from './schema.ts'
import { NotRegularFileError, readRegularFile } from '../util/read-regular.ts'

/** The raw options in `<dir>/chapkhana.config.json`, or `{}` when absent. */
export async function loadProjectConfig(dir: string): Promise<Record<string, unknown>> {
  const file = path.join(dir, 'chapkhana.config.json')
  let text: string
  try {
    // Never a blocking read: a named pipe in its place would stop every command.
    text = (await readRegularFile(file)).toString('utf8')
  } catch (error) {
    if (error instanceof NotRegularFileError) throw new ConfigError(`${file} is ${error.kind}, not a file: remove it or make it a JSON file`)
    return {}
  }
  try {
    const data: unknown = JSON.parse(text)
    if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new Error('expected an object')
    return data as Record<string, unknown>
  } catch (error) {
    throw new ConfigError(`${file}: ${(error as Error).message}`)
  }
}
