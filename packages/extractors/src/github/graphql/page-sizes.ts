/** How many items one GraphQL request asks for, per connection. */
export interface PageSizes {
  /** Pull requests per page. */
  readonly pullRequests: number
  /** Reviews per pull request on its first page. */
  readonly reviews: number
  /** Conversation comments per pull request on its first page. */
  readonly comments: number
  /** Review threads per pull request on its first page. */
  readonly reviewThreads: number
  /** Comments per review thread on its first page. */
  readonly threadComments: number
}

/** Follow-up requests: overflowing connections fetched by node id, several per request. */
export interface FollowUpSizes {
  /** Connections continued per request (aliased `node` fields). */
  readonly batch: number
  /** Items per continued connection (GitHub's maximum is 100). */
  readonly pageSize: number
}

/** Most pull requests per page: larger pages are the ones GitHub answers with a 502 or a timeout. */
export const maxPullRequestsPerPage = 50

/**
 * Nested first pages sized for typical pull requests (almost all fit, so follow-ups are rare): 20
 * reviews, 30 conversation comments, 30 review threads of 10 comments each.
 */
export const defaultNestedSizes = { reviews: 20, comments: 30, reviewThreads: 30, threadComments: 10 } as const

export const defaultFollowUpSizes: FollowUpSizes = { batch: 10, pageSize: 100 }

/**
 * GitHub's point cost of one pull-request page: one request for the pull-request connection, and per
 * pull request one for each of its reviews, comments and review threads and one per thread for the
 * thread's comments; the total divided by 100, rounded, at least 1.
 */
export function pageCost(sizes: PageSizes): number {
  const requests = 1 + sizes.pullRequests * 3 + sizes.pullRequests * sizes.reviewThreads
  return Math.max(1, Math.round(requests / 100))
}

/**
 * The largest pull-request page (up to `maxPullRequestsPerPage`) whose point cost stays within
 * `pointsPerRequest`, with the given nested first-page sizes. The default budget of 20 points gives 50
 * pull requests per page at 17 points: 3,000 pull requests in 60 requests and about 1,000 of the 5,000
 * points an hour a token has.
 */
export function choosePageSizes(
  options: { readonly pointsPerRequest?: number; readonly nested?: Omit<PageSizes, 'pullRequests'> } = {},
): PageSizes {
  const nested = options.nested ?? defaultNestedSizes
  const budget = options.pointsPerRequest ?? 20
  let pullRequests = maxPullRequestsPerPage
  while (pullRequests > 1 && pageCost({ ...nested, pullRequests }) > budget) pullRequests--
  return { ...nested, pullRequests }
}

/** A page half the size (pull requests first, then the nested first pages); null when nothing can shrink. */
export function shrinkPageSizes(sizes: PageSizes): PageSizes | null {
  if (sizes.pullRequests > 1) return { ...sizes, pullRequests: Math.ceil(sizes.pullRequests / 2) }
  const half = (size: number) => Math.max(1, Math.floor(size / 2))
  const smaller = {
    pullRequests: 1,
    reviews: half(sizes.reviews),
    comments: half(sizes.comments),
    reviewThreads: half(sizes.reviewThreads),
    threadComments: half(sizes.threadComments),
  }
  return Object.entries(smaller).every(([key, value]) => sizes[key as keyof PageSizes] === value) ? null : smaller
}

/** Follow-ups half the size (fewer connections per request, then fewer items); null when nothing can shrink. */
export function shrinkFollowUpSizes(sizes: FollowUpSizes): FollowUpSizes | null {
  if (sizes.batch > 1) return { ...sizes, batch: Math.ceil(sizes.batch / 2) }
  if (sizes.pageSize > 10) return { ...sizes, pageSize: Math.ceil(sizes.pageSize / 2) }
  return null
}
