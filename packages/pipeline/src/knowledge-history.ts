import type { AnalyzeHistoryOptions } from '@gitlore/analyzers'
import type { ResultStore } from '@gitlore/core'
import { stableHash } from '@gitlore/core'
import type { KnowledgeHistory } from './refresh-knowledge-index.js'
import type { TalliedWindow } from './tally-window.js'

/** Part of the cache key: a change to what is stored makes earlier entries unused. */
const knowledgeHistoryVersion = 2

/**
 * The window's history as the knowledge index needs it, made at most once per run: from the cache
 * when the statistics key is unchanged, else finished from the window's tally (which the cache keeps
 * and updates with new commits, so no commit is read again) with nothing capped, and stored.
 */
export function knowledgeHistoryReader(input: {
  readonly cache: ResultStore | undefined
  /** The key the run's statistics are stored under: the window's commits, .mailmap, options, HEAD, logins. */
  readonly statsKey: string
  readonly tallied: () => Promise<TalliedWindow>
  /** The options the statistics are finished with (HEAD's files, reachable history, review logins). */
  readonly finishOptions: () => Promise<AnalyzeHistoryOptions>
}): () => Promise<KnowledgeHistory> {
  let reading: Promise<KnowledgeHistory> | undefined
  const key = stableHash({ statsKey: input.statsKey, version: knowledgeHistoryVersion })
  const read = async (): Promise<KnowledgeHistory> => {
    const stored = (await input.cache?.getResult('knowledge-history', key)) as KnowledgeHistory | null | undefined
    if (stored !== null && stored !== undefined) return stored
    const [{ commitDates, conventionExamples, finishAuthorship, finishHistory }, window, finish] = await Promise.all([
      import('@gitlore/analyzers'),
      input.tallied(),
      input.finishOptions(),
    ])
    const options = { ...finish, top: Number.MAX_SAFE_INTEGER }
    const history = finishHistory(window.tally, options)
    const named = [
      ...history.fixAfter.flatMap((entry) => entry.examples.map((example) => example.fix)),
      ...history.reverts.map((revert) => revert.sha),
    ]
    const value: KnowledgeHistory = {
      history,
      authorship: finishAuthorship(window.tally, options),
      commitDates: Object.fromEntries(commitDates(window.tally, named)),
      conventionExamples: conventionExamples(window.tally),
    }
    if (window.complete) await input.cache?.putResult('knowledge-history', key, value)
    return value
  }
  return () => {
    reading ??= read()
    return reading
  }
}
