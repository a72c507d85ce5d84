/**
 * Config and command-line problems are `config-invalid` failures (exit code 2):
 * fatal vfile messages naming the option, placed on `chapkhana.config.json`
 * when the file is at fault (see `load.ts`), on the command line otherwise.
 */
import type { VFileMessage } from 'vfile-message'
import { failure, type FailureOptions } from '../util/failure.ts'

/** An option that cannot work; `reason` names the option and what works. */
export function configError(reason: string, options: FailureOptions = {}): VFileMessage {
  return failure('config-invalid', reason, options)
}
