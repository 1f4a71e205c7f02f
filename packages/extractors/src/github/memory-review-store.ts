import type { ReviewStore, ReviewSyncState, StoredPullRequest } from './review-store.js'

/** A `ReviewStore` in memory: the default when no cache is given, and a store for tests. */
export function createMemoryReviewStore(): ReviewStore {
  const states = new Map<string, ReviewSyncState>()
  const pullRequests = new Map<string, Map<number, StoredPullRequest>>()
  const copy = <T>(value: T): T => structuredClone(value)
  const of = (repository: string) => {
    let stored = pullRequests.get(repository)
    if (stored === undefined) pullRequests.set(repository, (stored = new Map()))
    return stored
  }
  return {
    async getReviewSyncState(repository) {
      const state = states.get(repository)
      return state === undefined ? null : copy(state)
    },
    async putReviewSyncState(state) {
      states.set(state.repository, copy(state))
    },
    async putPullRequests(repository, records, state) {
      const stored = of(repository)
      for (const record of records) stored.set(record.number, copy(record))
      states.set(state.repository, copy(state))
    },
    async getPullRequestVersions(repository, numbers) {
      const stored = of(repository)
      const versions = new Map<number, string>()
      for (const number of numbers) {
        const record = stored.get(number)
        if (record !== undefined) versions.set(number, record.updatedAt)
      }
      return versions
    },
    async getPullRequests(repository, updatedSince) {
      return [...of(repository).values()]
        .filter((record) => record.updatedAt >= updatedSince)
        .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : b.number - a.number))
        .map(copy)
    },
  }
}
