import type { CiStore, CiSyncState, StoredCiRun } from './ci-store.js'

/** A `CiStore` in memory: the default when no cache is given, and a store for tests. */
export function createMemoryCiStore(): CiStore {
  const states = new Map<string, CiSyncState>()
  const runs = new Map<string, Map<number, StoredCiRun>>()
  const copy = <T>(value: T): T => structuredClone(value)
  const of = (repository: string) => {
    let stored = runs.get(repository)
    if (stored === undefined) runs.set(repository, (stored = new Map()))
    return stored
  }
  return {
    async getCiSyncState(repository) {
      const state = states.get(repository)
      return state === undefined ? null : copy(state)
    },
    async putCiRuns(repository, records, state) {
      const stored = of(repository)
      for (const record of records) stored.set(record.id, copy(record))
      states.set(state.repository, copy(state))
    },
    async getCiRunVersions(repository, ids) {
      const stored = of(repository)
      const versions = new Map<number, string>()
      for (const id of ids) {
        const record = stored.get(id)
        if (record !== undefined) versions.set(id, record.version)
      }
      return versions
    },
    async getCiRuns(repository, createdSince, createdUntil) {
      return [...of(repository).values()]
        .filter((record) => record.createdAt >= createdSince && record.createdAt <= createdUntil)
        .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : b.id - a.id))
        .map(copy)
    },
  }
}
