/**
 * Where the CI sync keeps workflow runs between runs of gitlore, declared by the few calls it makes:
 * `@gitlore/cache`'s `GitloreCache` implements it, and `createMemoryCiStore` in memory. Payloads are
 * JSON values the extractor owns (log tails inside them are gzip-compressed, base64).
 */
export interface CiStore {
  /** The CI sync state of a repository, or null before its first sync. */
  getCiSyncState(repository: string): Promise<CiSyncState | null>
  /**
   * In one transaction: stores workflow runs with their jobs (replacing what was stored for each run,
   * so every attempt's jobs stay together) and the sync state, so an interruption keeps every page.
   */
  putCiRuns(repository: string, runs: readonly StoredCiRun[], state: CiSyncState): Promise<void>
  /** The stored `version` of the runs among `ids`; unknown ids are absent. */
  getCiRunVersions(repository: string, ids: readonly number[]): Promise<ReadonlyMap<number, string>>
  /** Stored runs created in [createdSince, createdUntil] (ISO 8601), newest first, with their jobs. */
  getCiRuns(repository: string, createdSince: string, createdUntil: string): Promise<readonly StoredCiRun[]>
}

/** A workflow run as stored: id, creation time and version as keys, the rest JSON. */
export interface StoredCiRun {
  readonly id: number
  /** ISO 8601, normalised (text order is time order). */
  readonly createdAt: string
  /** Changes whenever GitHub's copy changes (attempt, status, update time); compared to skip unchanged runs. */
  readonly version: string
  /** JSON value. */
  readonly data: unknown
  readonly jobs: readonly StoredCiJob[]
}

/** A job of one attempt of a run. */
export interface StoredCiJob {
  readonly id: number
  readonly attempt: number
  /** JSON value. */
  readonly data: unknown
}

/** What the last complete CI sync of a repository did and cost. */
export interface CiSyncCounts {
  /** ISO 8601 time it finished. */
  readonly finishedAt: string
  /** REST requests sent to the API (log downloads from the log host not included). */
  readonly requests: number
  /** Runs fetched (new or changed). */
  readonly runs: number
  /** Jobs fetched, every attempt's. */
  readonly jobs: number
  /** Failed jobs whose log tail was stored, and whose log had expired. */
  readonly logsStored: number
  readonly logsExpired: number
}

/** How far a repository's workflow runs are synced. */
export interface CiSyncState {
  /** The store's key: API host, owner and name, lower-cased. */
  readonly repository: string
  /** Every run created at or after this (ISO 8601) is stored; null before a sync completed. */
  readonly syncedSince: string | null
  /** Newest creation time a complete sync saw; the next sync re-checks from a little before it. */
  readonly newestCreatedAt: string | null
  /** An interrupted sync to resume and runs to fetch again (JSON the extractor owns); null when none. */
  readonly pending: unknown
  readonly lastSync: CiSyncCounts | null
}
