/** What every writer is given: the edition and where its file goes. */
import type { Edition } from './edition.ts'

/** Arguments of every output function (writers extend them with what they alone need). */
export interface OutputArgs {
  readonly edition: Edition
  /** Path to write. */
  readonly target: string
  readonly generator: string
  readonly signal?: AbortSignal
}
