/** Running `chapkhana lint` in-process with its stderr captured. */
import { lintCommand, type LintCommandOptions } from '../../src/cli/lint.ts'

/** Run the command with `argv`, capturing what it writes to stderr. */
export async function lint(argv: string[], options?: LintCommandOptions): Promise<{ code: number; err: string }> {
  let err = ''
  const write = process.stderr.write.bind(process.stderr)
  process.stderr.write = ((chunk: string | Uint8Array): boolean => {
    err += String(chunk)
    return true
  }) as typeof process.stderr.write
  try {
    return { code: await lintCommand(argv, options), err }
  } finally {
    process.stderr.write = write
  }
}
