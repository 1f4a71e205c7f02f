import type { AnalyzeHistoryOptions } from '@gitlore/analyzers'
import type { GitHistory, ResultStore } from '@gitlore/core'
import { stableHash } from '@gitlore/core'
import type { KnowledgeHistory } from './refresh-knowledge-index.js'

/** Part of the cache key: a change to what is stored makes earlier entries unused. */
const knowledgeHistoryVersion = 1

/**
 * Reads the window's uncapped history for the knowledge index, at most once: from the cache when the
 * statistics key is unchanged (so a re-run reads no commit), else from the commits, storing it.
 */
export function knowledgeHistoryReader(input: {
  readonly cache: ResultStore | undefined
  /** The key the run's statistics are stored under: the window's commits, .mailmap and options. */
  readonly statsKey: string
  readonly readHistory: () => Promise<GitHistory>
  readonly analysisOptions: AnalyzeHistoryOptions
}): () => Promise<KnowledgeHistory> {
  let reading: Promise<KnowledgeHistory> | undefined
  const key = stableHash({ statsKey: input.statsKey, version: knowledgeHistoryVersion })
  const read = async (): Promise<KnowledgeHistory> => {
    const stored = (await input.cache?.getResult('knowledge-history', key)) as KnowledgeHistory | null | undefined
    if (stored !== null && stored !== undefined) return stored
    const [{ analyzeAuthorship, analyzeHistory, conventionExamples }, history] = await Promise.all([
      import('@gitlore/analyzers'),
      input.readHistory(),
    ])
    const options = { ...input.analysisOptions, top: Number.MAX_SAFE_INTEGER }
    const stats = analyzeHistory(history.commits, options)
    const named = new Set([
      ...stats.fixAfter.flatMap((entry) => entry.examples.map((example) => example.fix)),
      ...stats.reverts.map((revert) => revert.sha),
    ])
    const value: KnowledgeHistory = {
      history: stats,
      authorship: analyzeAuthorship(history.commits, options),
      commitDates: Object.fromEntries(
        history.commits.filter((commit) => named.has(commit.sha)).map((commit) => [commit.sha, commit.authoredAt]),
      ),
      conventionExamples: conventionExamples(history.commits),
    }
    if (history.incomplete !== true) await input.cache?.putResult('knowledge-history', key, value)
    return value
  }
  return () => {
    reading ??= read()
    return reading
  }
}
