/**
 * Turning a batch's outcome into one report: content problems (vfile
 * messages, with file, line and column) through vfile-reporter, other
 * failures as one line each naming the article.
 */
import path from 'node:path'
import { VFile } from 'vfile'
import { VFileMessage } from 'vfile-message'
import { reporter } from 'vfile-reporter'
import type { BatchResult } from '../pipeline/batch.ts'

/** Print the problems of `result` through `log`. */
export function reportBatch(result: BatchResult, log: (line: string) => void): void {
  const reports = [...result.files]
  for (const { source, error } of result.errors) {
    if (error instanceof VFileMessage) {
      const file = new VFile({ path: error.file || source })
      file.messages.push(error)
      reports.push(file)
    } else {
      log(`${path.relative(process.cwd(), source) || source}: ${(error as Error).message}`)
    }
  }
  const report = reporter(reports, { quiet: true })
  if (report) log(report)
}
