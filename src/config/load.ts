/**
 * Reading the optional project file `chapkhana.config.json`.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { ConfigError } from './schema.ts'

/** The raw options in `<dir>/chapkhana.config.json`, or `{}` when absent. */
export async function loadProjectConfig(dir: string): Promise<Record<string, unknown>> {
  const file = path.join(dir, 'chapkhana.config.json')
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch {
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
