import type { PullRequest, ReviewCommentKind, ReviewState } from '@gitlore/core'

/**
 * Records as fetched from GitHub, before filtering: what the review store keeps, so a change of
 * filter settings (extra bots, minimum length) needs no refetch. `format` versions the stored shape.
 */
export const fetchedFormat = 1

/** An author: login (`ghost` for a deleted account) and GraphQL `__typename` (`Bot`, `User`, ...; `Ghost` when deleted). */
export interface FetchedAuthor {
  readonly login: string
  readonly type: string
}

export interface FetchedReview {
  readonly id: string
  readonly url: string
  readonly author: FetchedAuthor
  readonly authorAssociation: string
  readonly state: ReviewState
  readonly submittedAt: string | null
  readonly body: string
}

/** A pull request with its reviews; comments travel separately. */
export interface FetchedPullRequest extends Omit<PullRequest, 'author' | 'reviews'> {
  readonly format: typeof fetchedFormat
  /** GitHub node id. */
  readonly id: string
  readonly author: FetchedAuthor
  readonly reviews: readonly FetchedReview[]
}

export interface FetchedReply {
  readonly id: string
  readonly url: string
  readonly author: FetchedAuthor
  readonly authorAssociation: string
  readonly body: string
  readonly createdAt: string
}

/** A conversation comment, or a review thread (its first comment, with the later ones as replies). */
export interface FetchedComment {
  readonly format: typeof fetchedFormat
  readonly id: string
  readonly kind: Exclude<ReviewCommentKind, 'review_body'>
  readonly prNumber: number
  readonly url: string
  readonly author: FetchedAuthor
  readonly authorAssociation: string
  readonly body: string
  readonly createdAt: string
  readonly path?: string
  readonly line?: number
  readonly diffHunk?: string
  readonly isResolved?: boolean
  readonly isOutdated?: boolean
  readonly replies: readonly FetchedReply[]
}

/** A pull request and every comment on it, complete unless `problems` says otherwise. */
export interface FetchedPullRequestData {
  readonly pullRequest: FetchedPullRequest
  readonly comments: readonly FetchedComment[]
}
