/** A workflow run as the cache keeps it: id, creation time and version as keys, the rest a JSON value its writer owns. */
export interface CachedCiRun {
  readonly id: number
  /** ISO 8601 (normalised, so text order is time order). */
  readonly createdAt: string
  readonly version: string
  /** JSON value. */
  readonly data: unknown
  readonly jobs: readonly CachedCiJob[]
}

/** A job of one attempt of a run. */
export interface CachedCiJob {
  readonly id: number
  readonly attempt: number
  /** JSON value. */
  readonly data: unknown
}

/** What the last complete CI sync of a repository did (the `CiSyncCounts` of @gitlore/extractors). */
export interface CiSyncCounts {
  readonly finishedAt: string
  readonly requests: number
  readonly runs: number
  readonly jobs: number
  readonly logsStored: number
  readonly logsExpired: number
}

/** How far a repository's workflow runs are synced (the `CiSyncState` of @gitlore/extractors). */
export interface CiSyncState {
  readonly repository: string
  readonly syncedSince: string | null
  readonly newestCreatedAt: string | null
  /** JSON value, or null. */
  readonly pending: unknown
  readonly lastSync: CiSyncCounts | null
}
