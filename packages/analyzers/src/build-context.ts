import type { GitHistory, HistoryStats, RepositoryContext } from '@gitlore/core'

/** The `gitlore context` document: the history's repository, window and warnings with its statistics. */
export function buildContext(history: GitHistory, stats: HistoryStats): RepositoryContext {
  return {
    schemaVersion: 1,
    repo: { ...history.repository },
    window: { ...history.window },
    warnings: [...history.warnings],
    ...stats,
  }
}
