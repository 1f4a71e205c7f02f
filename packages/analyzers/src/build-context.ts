import type { GitHistory, HistoryStats, RepositoryContext } from '@gitlore/core'

/**
 * Version of the statistics' definitions and code. Stored results are keyed by it, so bump it with
 * any change that alters a number for the same commits and options.
 */
export const historyStatsVersion = 3

/** The `gitlore context` document: the history's repository, window and warnings with its statistics. */
export function buildContext(
  history: Pick<GitHistory, 'repository' | 'window' | 'warnings'>,
  stats: HistoryStats,
): RepositoryContext {
  return {
    schemaVersion: 1,
    repo: { ...history.repository },
    window: { ...history.window },
    warnings: [...history.warnings],
    ...stats,
  }
}
