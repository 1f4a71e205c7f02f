/** Response shapes of gitlore's queries (only the fields it asks for). Nodes can be null where GitHub failed to load one. */

export interface GqlActor {
  readonly __typename: string
  readonly login: string
}

export interface GqlPageInfo {
  readonly hasNextPage: boolean
  readonly endCursor: string | null
}

export interface GqlConnection<T> {
  readonly pageInfo: GqlPageInfo
  readonly nodes: readonly (T | null)[] | null
}

interface GqlCommentBase {
  readonly id: string
  readonly url: string
  readonly body: string
  readonly createdAt: string
  readonly authorAssociation: string
  readonly author: GqlActor | null
}

export interface GqlReviewComment extends GqlCommentBase {
  readonly diffHunk: string
}

export type GqlIssueComment = GqlCommentBase

export interface GqlReview extends GqlCommentBase {
  readonly state: string
  readonly submittedAt: string | null
}

export interface GqlThread {
  readonly id: string
  readonly path: string
  readonly line: number | null
  readonly originalLine: number | null
  readonly isResolved: boolean
  readonly isOutdated: boolean
  readonly comments: GqlConnection<GqlReviewComment> | null
}

export interface GqlPullRequest {
  readonly id: string
  readonly number: number
  readonly title: string
  readonly url: string
  readonly state: string
  readonly createdAt: string
  readonly updatedAt: string
  readonly mergedAt: string | null
  readonly closedAt: string | null
  readonly additions: number
  readonly deletions: number
  readonly changedFiles: number
  readonly author: GqlActor | null
  readonly reviews: GqlConnection<GqlReview> | null
  readonly comments: GqlConnection<GqlIssueComment> | null
  readonly reviewThreads: GqlConnection<GqlThread> | null
}

export interface GqlRateLimit {
  readonly cost: number
  readonly remaining: number
  readonly limit: number
  readonly resetAt: string
  readonly used: number
}

export interface GqlPullRequestPage {
  readonly rateLimit?: GqlRateLimit | null
  readonly repository: {
    readonly pullRequests: GqlConnection<GqlPullRequest> | null
  } | null
}

export interface GqlPullRequestNumbers {
  readonly rateLimit?: GqlRateLimit | null
  readonly repository: {
    readonly pullRequests: GqlConnection<{ readonly number: number; readonly updatedAt: string }> | null
  } | null
}
