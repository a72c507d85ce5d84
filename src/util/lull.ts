/**
 * Node's idle time while Chromium prints, for work that must not delay the
 * printing. A book's PDF is a chain of renderings, each prepared by Node
 * (its HTML, the layout measured from the one before) and then waited for:
 * work done on Node's one thread while a rendering is being prepared, or
 * while Chromium waits for Node's answer during a page's load, delays every
 * rendering after it; done while Chromium prints, it overlaps the printing.
 * It still shares the machine's cores with Chromium, so it is not free
 * (docs/benchmarks.md measures how little it gains on two cores). The EPUB,
 * the print warnings and the reader page's fonts wait for such a lull
 * between their pieces.
 */

/** Resolve after the event loop's next turn: I/O callbacks (Chromium's answers among them) run first. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}

/** Whether Chromium is at work for the critical chain, and who waits for it to be. */
export class Lull {
  #busy = 0
  #over = false
  #waiting: (() => void)[] = []

  /** `work` (a rendering) is under way in Chromium until it settles: the waiting work may run meanwhile. */
  during<T>(work: Promise<T>): Promise<T> {
    this.#busy++
    this.#wake()
    const done = (): void => {
      this.#busy--
    }
    work.then(done, done)
    return work
  }

  /** The critical chain is over (or failed, or there was none): nothing waits any more. */
  end(): void {
    this.#over = true
    this.#wake()
  }

  /**
   * Resolve once Chromium is at work for the chain (or the chain is over),
   * after a turn of the event loop, so that answers already in are handled first.
   */
  async wait(): Promise<void> {
    await nextTurn()
    while (!this.#over && this.#busy === 0) await new Promise<void>((resolve) => this.#waiting.push(resolve))
  }

  #wake(): void {
    for (const resolve of this.#waiting.splice(0)) resolve()
  }
}

/** A lull that is always there: work outside a build with a PDF runs at once (after a turn). */
export const NO_LULL: Pick<Lull, 'wait'> = { wait: nextTurn }
