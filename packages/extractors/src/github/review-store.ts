/**
 * Where the review sync keeps pull requests between runs, declared by the few calls it makes (the way
 * kysely describes a driver): `@gitlore/cache`'s `GitloreCache` implements it in SQLite, and
 * `createMemoryReviewStore` in memory. Record payloads are JSON values the extractor owns.
 */
export interface ReviewStore {
  /** The sync state of a repository, or null before its first sync. */
  getReviewSyncState(repository: string): Promise<ReviewSyncState | null>
  /** Replaces the sync state of `state.repository`. */
  putReviewSyncState(state: ReviewSyncState): Promise<void>
  /**
   * In one transaction: stores pull requests with their comments (replacing what was stored for each,
   * so deleted comments go) and the sync state, so an interruption keeps every page it committed.
   */
  putPullRequests(repository: string, pullRequests: readonly StoredPullRequest[], state: ReviewSyncState): Promise<void>
  /** `updatedAt` of the stored pull requests among `numbers`; unknown numbers are absent. */
  getPullRequestVersions(repository: string, numbers: readonly number[]): Promise<ReadonlyMap<number, string>>
  /** Stored pull requests updated at or after `updatedSince` (ISO 8601), most recently updated first, with their comments. */
  getPullRequests(repository: string, updatedSince: string): Promise<readonly StoredPullRequest[]>
  /**
   * Optional: runs `task` as the only holder of the lock `name` among every process sharing the store. A
   * sync runs under `reviews:<repository>`, so two runs on one repository (teammates, a CI matrix) never
   * fetch the same pages at once: the second waits, then finds the store up to date.
   */
  withLock?<T>(name: string, task: () => Promise<T>): Promise<T>
}

/** A pull request as stored: its number and `updatedAt` as keys, the rest as JSON. */
export interface StoredPullRequest {
  readonly number: number
  /** ISO 8601, GitHub's `updatedAt`. */
  readonly updatedAt: string
  /** JSON value. */
  readonly data: unknown
  readonly comments: readonly StoredReviewComment[]
}

/** A comment (or review thread) as stored. */
export interface StoredReviewComment {
  /** GitHub node id. */
  readonly id: string
  /** `review_thread` or `issue_comment`. */
  readonly kind: string
  /** ISO 8601. */
  readonly createdAt: string
  /** JSON value. */
  readonly data: unknown
}

/** What the last complete sync of a repository fetched, dropped and cost. */
export interface ReviewSyncCounts {
  /** ISO 8601 time it finished. */
  readonly finishedAt: string
  /** GraphQL requests sent. */
  readonly requests: number
  /** Rate-limit points used. */
  readonly points: number
  /** Pull requests fetched (new or changed). */
  readonly pullRequests: number
  /** Comments fetched, replies and review bodies included, before filtering. */
  readonly comments: number
  /** Of those, left out as bots'. */
  readonly filteredBots: number
  /** Of those, left out as trivial. */
  readonly filteredTrivial: number
}

/** How far a repository's pull requests are synced. */
export interface ReviewSyncState {
  /** The store's key for the repository: API host, owner and name, lower-cased. */
  readonly repository: string
  /** Every pull request updated at or after this (ISO 8601) is stored; null before a sync completed. */
  readonly syncedSince: string | null
  /** Newest `updatedAt` a complete sync saw; the next sync asks only for newer (minus an overlap). */
  readonly newestUpdatedAt: string | null
  /** An interrupted sync to resume and pull requests to refetch (JSON the extractor owns); null when none. */
  readonly pending: unknown
  readonly lastSync: ReviewSyncCounts | null
}
