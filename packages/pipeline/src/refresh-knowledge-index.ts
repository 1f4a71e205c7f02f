import type {
  ClassifiedComment,
  ConventionExamples,
  Finding,
  HistoryStats,
  PathAuthorship,
  RepositoryContext,
  ReviewCluster,
  StageStatus,
} from '@gitlore/core'
import { count, GitloreError } from '@gitlore/core'
import { buildKnowledgeIndex, type KnowledgeStore, storeKnowledgeIndex } from '@gitlore/knowledge'
import type { ReviewData } from './collect-reviews.js'
import type { PipelineEventListener } from './pipeline-event.js'
import { throwIfInterrupted } from './throw-if-interrupted.js'

/** The window's history as the knowledge index needs it: nothing capped, every path's authors. */
export interface KnowledgeHistory {
  /** `analyzeHistory` of the window with no list capped. */
  readonly history: HistoryStats
  /** `analyzeAuthorship` of the window. */
  readonly authorship: readonly PathAuthorship[]
  /** Author dates of the fix and revert commits the history names. */
  readonly commitDates: Readonly<Record<string, string>>
  readonly conventionExamples: ConventionExamples
}

export interface RefreshKnowledgeOptions {
  readonly store: KnowledgeStore
  readonly context: RepositoryContext
  /** Reads (or takes from the cache) the uncapped history of the run's window. */
  readonly knowledgeHistory: () => Promise<KnowledgeHistory>
  readonly reviews: ReviewData | null
  readonly classified?: readonly ClassifiedComment[]
  readonly clusters?: readonly ReviewCluster[]
  readonly findings: readonly Finding[]
  readonly synthesizer: string
  readonly runId: string
  readonly emit: PipelineEventListener
  readonly signal: AbortSignal
}

/**
 * Rebuilds the repository's knowledge index from a run and stores it, rewriting only the rows that
 * changed. A failure degrades the `knowledge` stage and leaves the earlier index as it was.
 */
export async function refreshKnowledgeIndex(options: RefreshKnowledgeOptions): Promise<StageStatus> {
  const started = Date.now()
  try {
    const { history, authorship, commitDates, conventionExamples } = await options.knowledgeHistory()
    options.signal.throwIfAborted()
    const index = buildKnowledgeIndex({
      context: options.context,
      history,
      authorship,
      commitDates: new Map(Object.entries(commitDates)),
      conventionExamples,
      findings: options.findings,
      synthesizer: options.synthesizer,
      runId: options.runId,
      ...(options.reviews === null
        ? {}
        : {
            reviews: {
              repository: options.reviews.repository,
              comments: options.reviews.comments,
              pullRequests: options.reviews.pullRequests,
              ...(options.classified === undefined ? {} : { classified: options.classified }),
              ...(options.clusters === undefined ? {} : { clusters: options.clusters }),
            },
          }),
    })
    // Building takes seconds on a large history: an interrupt that came meanwhile keeps the old index.
    await throwIfInterrupted(options.signal)
    const written = await storeKnowledgeIndex(options.store, index)
    const durationMs = Date.now() - started
    options.emit({
      type: 'stage-done',
      stage: 'knowledge',
      message: `knowledge index: ${count(index.meta.counts.files, 'file')}, ${count(index.meta.counts.comments, 'review comment')}, ${count(index.findings.length, 'finding')} (${count(written.written, 'row')} written, ${written.unchanged.toLocaleString('en-US')} unchanged) in ${durationMs} ms`,
    })
    return { stage: 'knowledge', status: 'ok', durationMs }
  } catch (error) {
    if (options.signal.aborted) throw error
    const message = GitloreError.isInstance(error) || error instanceof Error ? error.message : String(error)
    options.emit({ type: 'warning', stage: 'knowledge', message: `the knowledge index was not refreshed: ${message}` })
    return { stage: 'knowledge', status: 'degraded', detail: message, durationMs: Date.now() - started }
  }
}
