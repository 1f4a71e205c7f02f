import type { ClassifiedComment } from '@gitlore/core'
import { GitloreError } from '@gitlore/core'

/**
 * A classification stopped by its abort signal (SIGINT). Finished batches are already in the cache, so
 * the next run resumes without repeating them; `finished` holds the comments that got a result.
 */
export class ClassificationInterruptedError extends GitloreError {
  /** Comments with a final result before the run stopped, in input order. */
  readonly finished: readonly ClassifiedComment[]

  constructor({ finished, total, cause }: { finished: readonly ClassifiedComment[]; total: number; cause?: unknown }) {
    super({
      code: 'interrupted',
      message: `classification interrupted after ${finished.length} of ${total} comments; finished batches are cached and a re-run resumes from there`,
      cause,
    })
    this.name = 'ClassificationInterruptedError'
    this.finished = finished
  }
}
