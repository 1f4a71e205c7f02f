import type { TimeWindow } from '@gitlore/core'
import type { KnowledgeMeta } from '../knowledge-model.js'

/** How current an answer is. */
export interface IndexStatus {
  /** HEAD when the index was built. */
  readonly head: string
  /** HEAD now; null when it could not be read. */
  readonly currentHead: string | null
  /** True when HEAD moved since the index was built; null when unknown. */
  readonly stale: boolean | null
  readonly builtAt: string
  readonly runId: string | null
  readonly window: TimeWindow
  /** What to do about a stale index. */
  readonly hint?: string
}

export function indexStatus(meta: KnowledgeMeta, currentHead: string | null): IndexStatus {
  const stale = currentHead === null ? null : currentHead !== meta.head
  return {
    head: meta.head,
    currentHead,
    stale,
    builtAt: meta.builtAt,
    runId: meta.runId,
    window: meta.window,
    ...(stale === true
      ? {
          hint: `HEAD moved from ${meta.head.slice(0, 10)} to ${currentHead?.slice(0, 10)} since the index was built: run gitlore analyze to refresh it (answers describe the older history)`,
        }
      : {}),
  }
}
