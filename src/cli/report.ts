/**
 * Turning a batch's outcome into one report, through one vfile-reporter call:
 * content problems are vfile messages already (file, line and column); every
 * other failure (a render that timed out, a browser that is missing, an
 * output folder that cannot be written) becomes a fatal message on the
 * source it concerns, named by its kind (`RenderError`, `OutputError`, …), so
 * an editor reads every problem of a build in one place and one format.
 */
import path from 'node:path'
import { VFile } from 'vfile'
import { VFileMessage } from 'vfile-message'
import { reporter } from 'vfile-reporter'
import type { BatchResult } from '../pipeline/batch.ts'

/** Print every problem of `result` through `log`, in one report. */
export function reportBatch(result: BatchResult, log: (line: string) => void): void {
  const reports = [...result.files]
  for (const { source, error } of result.errors) {
    if (error instanceof VFileMessage) {
      const file = new VFile({ path: error.file || source })
      file.messages.push(error)
      reports.push(file)
    } else {
      const file = new VFile({ path: path.relative(process.cwd(), source) || source })
      const failure = error instanceof Error ? error : new Error(String(error))
      const message = new VFileMessage(failure.message, { ruleId: failure.name === 'Error' ? 'build-failed' : failure.name, source: 'chapkhana', cause: failure })
      message.fatal = true
      file.messages.push(message)
      reports.push(file)
    }
  }
  const report = reporter(reports, { quiet: true })
  if (report) log(report)
}
