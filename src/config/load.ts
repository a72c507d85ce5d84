/**
 * Reading the optional project file `chapkhana.config.json`. Its options are
 * checked here, so a bad one is told at its line and column in the file
 * rather than as if it came from the command line.
 */
import path from 'node:path'
import type { Point } from 'unist'
import { location } from 'vfile-location'
import { configError } from './error.ts'
import { configIssue } from './schema.ts'
import { isFailure } from '../util/failure.ts'
import { readRegularFile } from '../util/read-regular.ts'

/** The place of `key`'s name in the JSON `text` (its first occurrence as a key), else of the first character. */
function keyPlace(text: string, key: string | undefined): Point {
  const at = key === undefined ? -1 : text.search(new RegExp(`${JSON.stringify(key).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*:`))
  return location(text).toPoint(Math.max(at, 0)) ?? { line: 1, column: 1 }
}

/** The raw options in `<dir>/chapkhana.config.json`, or `{}` when absent; a bad file or option is a `config-invalid` failure on it. */
export async function loadProjectConfig(dir: string): Promise<Record<string, unknown>> {
  const file = path.join(dir, 'chapkhana.config.json')
  const shown = path.relative(process.cwd(), file) || file
  let text: string
  try {
    // Never a blocking read: a named pipe in its place would stop every command.
    text = (await readRegularFile(file)).toString('utf8')
  } catch (error) {
    if (isFailure(error, 'not-a-file')) throw configError(`chapkhana.config.json is ${error.actual}, not a file: remove it or make it a JSON file`, { file: shown })
    return {}
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    // V8 says where: "… at position N" (and, in newer versions, "(line L column C)").
    const offset = /position (\d+)/.exec((error as Error).message)?.[1]
    const place = offset === undefined ? { line: 1, column: 1 } : location(text).toPoint(Number(offset)) ?? { line: 1, column: 1 }
    throw configError(`not valid JSON (${(error as Error).message}); fix it`, { file: shown, place })
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw configError('expected an object of options, e.g. {"lang": "ckb"}', { file: shown, place: { line: 1, column: 1 } })
  const options = data as Record<string, unknown>
  const issue = configIssue(options)
  if (issue) throw configError(issue.reason, { file: shown, place: keyPlace(text, issue.key) })
  return options
}
