import type { PageSizes } from './page-sizes.js'

const pageInfo = 'pageInfo { hasNextPage endCursor }'
const rateLimit = 'rateLimit { cost remaining limit resetAt used }'

/** Named fragments and the fragments each one spreads. */
const fragments = {
  GitloreActor: { deps: [], text: 'fragment GitloreActor on Actor { __typename login }' },
  GitloreReviewComment: {
    deps: ['GitloreActor'],
    text: 'fragment GitloreReviewComment on PullRequestReviewComment { id url body createdAt authorAssociation diffHunk author { ...GitloreActor } }',
  },
  GitloreIssueComment: {
    deps: ['GitloreActor'],
    text: 'fragment GitloreIssueComment on IssueComment { id url body createdAt authorAssociation author { ...GitloreActor } }',
  },
  GitloreReview: {
    deps: ['GitloreActor'],
    text: 'fragment GitloreReview on PullRequestReview { id url body state submittedAt authorAssociation author { ...GitloreActor } }',
  },
  GitloreThread: {
    deps: ['GitloreReviewComment'],
    text: `fragment GitloreThread on PullRequestReviewThread { id path line originalLine isResolved isOutdated comments(first: $threadComments) { ${pageInfo} nodes { ...GitloreReviewComment } } }`,
  },
  GitlorePullRequest: {
    deps: ['GitloreActor', 'GitloreReview', 'GitloreIssueComment', 'GitloreThread'],
    text: [
      'fragment GitlorePullRequest on PullRequest {',
      'id number title url state createdAt updatedAt mergedAt closedAt additions deletions changedFiles',
      'author { ...GitloreActor }',
      `reviews(first: $reviews) { ${pageInfo} nodes { ...GitloreReview } }`,
      `comments(first: $comments) { ${pageInfo} nodes { ...GitloreIssueComment } }`,
      `reviewThreads(first: $threads) { ${pageInfo} nodes { ...GitloreThread } }`,
      '}',
    ].join(' '),
  },
} satisfies Record<string, { deps: string[]; text: string }>

type FragmentName = keyof typeof fragments

function withFragments(operation: string, used: readonly FragmentName[]): string {
  const included = new Set<FragmentName>()
  const include = (name: FragmentName): void => {
    if (included.has(name)) return
    included.add(name)
    for (const dependency of fragments[name].deps) include(dependency as FragmentName)
  }
  used.forEach(include)
  return [operation, ...[...included].map((name) => fragments[name].text)].join('\n')
}

const nestedVariables = '$reviews: Int!, $comments: Int!, $threads: Int!, $threadComments: Int!'

/** Variables for the nested first pages of `GitlorePullRequest`. */
export function nestedPageVariables(sizes: PageSizes): Record<string, number> {
  return {
    reviews: sizes.reviews,
    comments: sizes.comments,
    threads: sizes.reviewThreads,
    threadComments: sizes.threadComments,
  }
}

/** One page of pull requests, most recently updated first, each with the first page of everything nested. */
export const pullRequestPageQuery = withFragments(
  [
    `query GitlorePullRequestPage($owner: String!, $name: String!, $first: Int!, $after: String, ${nestedVariables}) {`,
    rateLimit,
    'repository(owner: $owner, name: $name) {',
    `pullRequests(first: $first, after: $after, orderBy: { field: UPDATED_AT, direction: DESC }) { ${pageInfo} nodes { ...GitlorePullRequest } }`,
    '} }',
  ].join(' '),
  ['GitlorePullRequest'],
)

/**
 * Numbers and update times of a page of pull requests, most recently updated first, and nothing
 * else: 1 point for up to 100. The probe of an incremental sync (what changed since the last one),
 * and the way to name pull requests a page could not load at all.
 */
export const pullRequestNumbersQuery = [
  'query GitlorePullRequestNumbers($owner: String!, $name: String!, $first: Int!, $after: String) {',
  rateLimit,
  'repository(owner: $owner, name: $name) {',
  `pullRequests(first: $first, after: $after, orderBy: { field: UPDATED_AT, direction: DESC }) { ${pageInfo} nodes { number updatedAt } }`,
  '} }',
].join(' ')

/** Pull requests by number (aliases `p0`, `p1`, ...), for refetching ones a partial error left incomplete. */
export function pullRequestsByNumberQuery(numbers: readonly number[]): string {
  const fields = numbers.map(
    (number, index) => `p${index}: pullRequest(number: ${Math.trunc(number)}) { ...GitlorePullRequest }`,
  )
  return withFragments(
    [
      `query GitlorePullRequestsByNumber($owner: String!, $name: String!, ${nestedVariables}) {`,
      rateLimit,
      `repository(owner: $owner, name: $name) { ${fields.join(' ')} }`,
      '}',
    ].join(' '),
    ['GitlorePullRequest'],
  )
}

/** A nested connection that did not fit on its first page. */
export type ConnectionKind = 'reviewThreads' | 'threadComments' | 'comments' | 'reviews'

/** Where to continue a connection: the node that holds it and the cursor after its last item. */
export interface Continuation {
  readonly kind: ConnectionKind
  /** Node id of the pull request, or of the review thread for `threadComments`. */
  readonly id: string
  readonly after: string
}

const followUpSelections: Record<ConnectionKind, { type: string; field: string; fragment: FragmentName }> = {
  reviewThreads: { type: 'PullRequest', field: 'reviewThreads', fragment: 'GitloreThread' },
  threadComments: { type: 'PullRequestReviewThread', field: 'comments', fragment: 'GitloreReviewComment' },
  comments: { type: 'PullRequest', field: 'comments', fragment: 'GitloreIssueComment' },
  reviews: { type: 'PullRequest', field: 'reviews', fragment: 'GitloreReview' },
}

/**
 * Continues several connections in one request: alias `f<i>` is `node(id: $id<i>)` with the next
 * `pageSize` items after `$after<i>`. Variables: `id<i>`, `after<i>`, and `threadComments` (the first
 * page of each thread's comments) when review threads are continued.
 */
export function followUpQuery(
  continuations: readonly Continuation[],
  pageSize: number,
  threadComments: number,
): { readonly query: string; readonly variables: Record<string, unknown> } {
  const declarations: string[] = []
  const fields: string[] = []
  const used = new Set<FragmentName>()
  const variables: Record<string, unknown> = {}
  continuations.forEach((continuation, index) => {
    const selection = followUpSelections[continuation.kind]
    used.add(selection.fragment)
    declarations.push(`$id${index}: ID!`, `$after${index}: String`)
    variables[`id${index}`] = continuation.id
    variables[`after${index}`] = continuation.after
    fields.push(
      `f${index}: node(id: $id${index}) { __typename ... on ${selection.type} { ${selection.field}(first: ${Math.trunc(pageSize)}, after: $after${index}) { ${pageInfo} nodes { ...${selection.fragment} } } } }`,
    )
  })
  if (used.has('GitloreThread')) {
    declarations.unshift('$threadComments: Int!')
    variables.threadComments = threadComments
  }
  const query = withFragments(
    [`query GitloreFollowUp(${declarations.join(', ')}) {`, rateLimit, ...fields, '}'].join(' '),
    [...used],
  )
  return { query, variables }
}
