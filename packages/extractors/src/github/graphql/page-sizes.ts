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

/**
 * Nested first pages are halved down to these before the pull-request page shrinks: a page of many
 * pull requests with small nested pages still costs few requests (the rare overflow is followed
 * up), while a page of one pull request costs one request per pull request.
 */
export const nestedFloors = { reviews: 10, comments: 10, reviewThreads: 10, threadComments: 5 } as const

const nestedKeys = ['reviews', 'comments', 'reviewThreads', 'threadComments'] as const

/**
 * A smaller page after GitHub timed out or refused one: the nested first pages halve down to
 * `nestedFloors` first, then the pull-request page halves down to one, then the nested pages halve
 * down to one. Null when nothing can shrink.
 */
export function shrinkPageSizes(sizes: PageSizes): PageSizes | null {
  const halve = (size: number, floor: number) => Math.max(floor, Math.ceil(size / 2))
  if (nestedKeys.some((key) => sizes[key] > nestedFloors[key])) {
    const smaller = { ...sizes }
    for (const key of nestedKeys)
      smaller[key] = sizes[key] > nestedFloors[key] ? halve(sizes[key], nestedFloors[key]) : sizes[key]
    return smaller
  }
  if (sizes.pullRequests > 1) return { ...sizes, pullRequests: Math.ceil(sizes.pullRequests / 2) }
  if (nestedKeys.every((key) => sizes[key] === 1)) return null
  const smaller = { ...sizes }
  for (const key of nestedKeys) smaller[key] = halve(sizes[key], 1)
  return smaller
}

/**
 * One step back toward `target` after pages at `sizes` went through: the reverse of
 * `shrinkPageSizes` (the pull-request page first, then the nested pages), never past `target`.
 * Null when `sizes` are the target already.
 */
export function growPageSizes(sizes: PageSizes, target: PageSizes): PageSizes | null {
  const double = (size: number, cap: number) => Math.min(cap, size * 2)
  if (nestedKeys.some((key) => sizes[key] < Math.min(nestedFloors[key], target[key]))) {
    const bigger = { ...sizes }
    for (const key of nestedKeys) bigger[key] = double(sizes[key], Math.min(nestedFloors[key], target[key]))
    return bigger
  }
  if (sizes.pullRequests < target.pullRequests) {
    return { ...sizes, pullRequests: double(sizes.pullRequests, target.pullRequests) }
  }
  if (nestedKeys.every((key) => sizes[key] >= target[key])) return null
  const bigger = { ...sizes }
  for (const key of nestedKeys) bigger[key] = double(sizes[key], target[key])
  return bigger
}

/** Items per continued connection halve down to this before fewer connections go in one request. */
const followUpPageFloor = 25

/**
 * Follow-ups half the size: fewer items per connection down to 25 (a server refusing large
 * connections is then served at once), then fewer connections per request, then fewer items down
 * to 10. Null when nothing can shrink.
 */
export function shrinkFollowUpSizes(sizes: FollowUpSizes): FollowUpSizes | null {
  if (sizes.pageSize > followUpPageFloor)
    return { ...sizes, pageSize: Math.max(followUpPageFloor, Math.ceil(sizes.pageSize / 2)) }
  if (sizes.batch > 1) return { ...sizes, batch: Math.ceil(sizes.batch / 2) }
  if (sizes.pageSize > 10) return { ...sizes, pageSize: Math.max(10, Math.ceil(sizes.pageSize / 2)) }
  return null
}

/** One step back toward `target`: the reverse of `shrinkFollowUpSizes`. */
export function growFollowUpSizes(sizes: FollowUpSizes, target: FollowUpSizes): FollowUpSizes | null {
  const floor = Math.min(followUpPageFloor, target.pageSize)
  if (sizes.pageSize < floor) return { ...sizes, pageSize: Math.min(floor, sizes.pageSize * 2) }
  if (sizes.batch < target.batch) return { ...sizes, batch: Math.min(target.batch, sizes.batch * 2) }
  if (sizes.pageSize < target.pageSize) return { ...sizes, pageSize: Math.min(target.pageSize, sizes.pageSize * 2) }
  return null
}
