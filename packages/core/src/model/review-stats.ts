/** Median and 90th percentile of a duration, in hours; null when there is nothing to measure. */
export interface DurationSummary {
  readonly median: number | null
  readonly p90: number | null
  /** How many values the summary is over. */
  readonly count: number
}

export interface ReviewerLoad {
  readonly login: string
  /** Submitted reviews (any verdict). */
  readonly reviews: number
  /** Review comments given, replies included. */
  readonly comments: number
  readonly approvals: number
  readonly changesRequested: number
}

export interface ReviewPair {
  readonly reviewer: string
  readonly author: string
  /** Pull requests by `author` that `reviewer` reviewed or commented on. */
  readonly pullRequests: number
}

export interface DiscussedPath {
  /** A file, or a directory ending in `/`. */
  readonly path: string
  /** Review comments on it, replies included. */
  readonly comments: number
  readonly threads: number
}

/** Review statistics over the pull requests of the window. */
export interface ReviewStats {
  readonly pullRequests: number
  /** Human review comments kept after filtering (replies included). */
  readonly comments: number
  readonly reviews: number
  /** Comments dropped before analysis, counted so nothing disappears silently. */
  readonly filtered: { readonly bots: number; readonly trivial: number }
  readonly reviewers: readonly ReviewerLoad[]
  readonly pairs: readonly ReviewPair[]
  readonly authors: readonly { readonly login: string; readonly pullRequests: number }[]
  readonly timeToFirstReview: DurationSummary
  readonly timeToMerge: DurationSummary
  /** Shares of submitted reviews (0..1). */
  readonly approvalShare: number
  readonly changesRequestedShare: number
  readonly discussedFiles: readonly DiscussedPath[]
  readonly discussedDirectories: readonly DiscussedPath[]
  /** Share of review threads left unresolved (0..1). */
  readonly unresolvedThreadShare: number
}
