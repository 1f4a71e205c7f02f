/** A pull request as the cache keeps it: number and `updatedAt` as keys, the rest a JSON value its writer owns. */
export interface CachedPullRequest {
  readonly number: number
  /** ISO 8601 (normalised, so text order is time order). */
  readonly updatedAt: string
  /** JSON value. */
  readonly data: unknown
  /** Its comments, in the order they were given. */
  readonly comments: readonly CachedReviewComment[]
}

/** A review comment (or thread) as the cache keeps it. */
export interface CachedReviewComment {
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
  readonly finishedAt: string
  readonly requests: number
  readonly points: number
  readonly pullRequests: number
  readonly comments: number
  readonly filteredBots: number
  readonly filteredTrivial: number
}

/** How far a repository's pull requests are synced (the `ReviewSyncState` of @gitlore/extractors). */
export interface ReviewSyncState {
  /** API host, owner and name, lower-cased. */
  readonly repository: string
  readonly syncedSince: string | null
  readonly newestUpdatedAt: string | null
  /** JSON value (an interrupted sync to resume), or null. */
  readonly pending: unknown
  readonly lastSync: ReviewSyncCounts | null
}
