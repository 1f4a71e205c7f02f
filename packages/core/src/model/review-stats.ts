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
  /** How review work is spread, over all reviewers (not the capped list). */
  readonly load?: ReviewLoad
}

/** A directory one person both writes and reviews: nobody else knows it or checks it. */
export interface Silo {
  /** The directory, ending in `/` (`./` for the root). */
  readonly path: string
  /** The git identity who wrote most of its commits. */
  readonly identity: string
  /** Their GitHub login, who gave most of its review comments. */
  readonly login: string
  /** Commits touching files directly in the directory (automation left out). */
  readonly commits: number
  readonly writeShare: number
  /** Review comments on its files on others' pull requests, replies included. */
  readonly comments: number
  readonly reviewShare: number
}

/** How review work is spread. */
export interface ReviewLoad {
  /** People who submitted a review on someone else's pull request. */
  readonly reviewers: number
  /** Share of all reviews by the busiest reviewer. */
  readonly topShare: number
  /** Fewest reviewers (busiest first) who together gave more than half of the reviews. */
  readonly halfBy: number
}
