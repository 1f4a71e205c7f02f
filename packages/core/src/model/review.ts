/** A submitted review's verdict, as GitHub names it. */
export type ReviewState = 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING'

export interface PullRequestReview {
  /** Login; `ghost` when the account was deleted. */
  readonly author: string
  readonly state: ReviewState
  readonly submittedAt: string | null
  readonly body: string
}

export interface PullRequest {
  readonly number: number
  readonly title: string
  readonly url: string
  /** Login; `ghost` when the account was deleted. */
  readonly author: string
  readonly state: 'OPEN' | 'CLOSED' | 'MERGED'
  readonly createdAt: string
  readonly mergedAt: string | null
  readonly closedAt: string | null
  readonly updatedAt: string
  readonly additions: number
  readonly deletions: number
  readonly changedFiles: number
  readonly reviews: readonly PullRequestReview[]
}

/** Where a review comment was written. */
export type ReviewCommentKind = 'review_thread' | 'issue_comment' | 'review_body'

export interface ReviewReply {
  readonly author: string
  readonly body: string
  readonly createdAt: string
}

/**
 * One human review comment. A review thread is one ReviewComment (its first comment) whose later
 * comments are its replies.
 */
export interface ReviewComment {
  /** GitHub node id of the (first) comment. */
  readonly id: string
  readonly kind: ReviewCommentKind
  readonly prNumber: number
  readonly url: string
  readonly author: string
  /** OWNER, MEMBER, COLLABORATOR, CONTRIBUTOR, FIRST_TIME_CONTRIBUTOR, NONE, ... */
  readonly authorAssociation: string
  readonly body: string
  readonly createdAt: string
  readonly path?: string
  readonly line?: number
  readonly diffHunk?: string
  readonly isResolved?: boolean
  readonly isOutdated?: boolean
  readonly replies: readonly ReviewReply[]
}

export const commentCategories = [
  'bug',
  'performance',
  'architecture',
  'style',
  'testing',
  'security',
  'documentation',
  'naming',
  'error_handling',
  'process',
  'nitpick',
  'question',
  'praise',
] as const
export type CommentCategory = (typeof commentCategories)[number]

/** A comment with what a classifier made of it; a failed classification says why, never a silent default. */
export type ClassifiedComment =
  | {
      readonly status: 'classified'
      readonly comment: ReviewComment
      readonly categories: readonly CommentCategory[]
      /** 0..1 */
      readonly confidence: number
      /** Which classifier produced it, e.g. `offline` or `compatible/qwen3`. */
      readonly classifier: string
    }
  | {
      readonly status: 'failed'
      readonly comment: ReviewComment
      readonly classifier: string
      readonly error: string
    }

/** A recurring review theme: comments that say similar things across PRs. */
export interface ReviewCluster {
  readonly id: string
  readonly label: string
  readonly topTerms: readonly string[]
  readonly size: number
  readonly categories: Readonly<Partial<Record<CommentCategory, number>>>
  /** Comment ids of every member. */
  readonly members: readonly string[]
  /** Representative comment ids, medoid first. */
  readonly representatives: readonly string[]
  readonly files: readonly string[]
  readonly prNumbers: readonly number[]
  readonly authors: readonly string[]
  /** Share of member review threads that were resolved (0..1). */
  readonly resolvedShare: number
  /** Member review threads (comments with a resolved state); the share is over these. */
  readonly threads?: number
}
