import { finishAssembly, startAssembly } from './assemble-pull-request.js'
import { completeConnections } from './complete-connections.js'
import { GitHubRequestError } from './errors/github-request-error.js'
import { PullRequestPages } from './fetch-pull-request-pages.js'
import type { FetchedPullRequestData } from './fetched-records.js'
import { filterReviewData, type ReviewFilterOptions } from './filter/filter-review-data.js'
import type { GqlPullRequest } from './graphql/graphql-types.js'
import type { FollowUpSizes, PageSizes } from './graphql/page-sizes.js'
import type { ReviewStore, ReviewSyncState, StoredPullRequest } from './review-store.js'
import type { GitHubPartialError, GraphQLRunner, RateLimitStatus } from './run-graphql.js'
import { type PendingSync, planSync, type SyncPlan, type Walk } from './sync-plan.js'

/** Progress of a review sync, reported after every committed page. */
export interface ReviewSyncProgress {
  /** `pull-requests`: walking pages; `retry`: refetching incomplete pull requests; `shrunk`: GitHub timed out, pages got smaller. */
  readonly phase: 'pull-requests' | 'retry' | 'shrunk'
  /** Pull requests fetched (new or changed) so far in this sync. */
  readonly pullRequests: number
  /** Comments fetched so far in this sync (replies and review bodies included, before filtering). */
  readonly comments: number
  /** GraphQL requests sent so far. */
  readonly requests: number
  /** The rate-limit budget as GitHub last reported it. */
  readonly rateLimit: RateLimitStatus | null
  /** Pull requests per page now. */
  readonly pageSize: number
}

/** What a sync did. */
export interface SyncOutcome {
  readonly mode: SyncPlan['mode']
  readonly partialErrors: readonly GitHubPartialError[]
  readonly fetchedPullRequests: number
}

export interface SyncReviewsOptions {
  readonly runner: GraphQLRunner
  readonly store: ReviewStore
  /** The store's key for the repository. */
  readonly key: string
  readonly repository: { readonly owner: string; readonly repo: string }
  /** Window start, ISO 8601 (normalised). */
  readonly since: string
  readonly refresh: boolean
  readonly overlapSeconds: number
  readonly pageSizes: PageSizes
  readonly followUpSizes: FollowUpSizes
  /** Used to count what this sync filters (the store keeps everything). */
  readonly filter: ReviewFilterOptions
  readonly onProgress?: ((progress: ReviewSyncProgress) => void) | undefined
}

const iso = (value: string) => new Date(value).toISOString()
const newer = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a > b ? a : b)
const retryBatch = 5

function stored(record: FetchedPullRequestData): StoredPullRequest {
  return {
    number: record.pullRequest.number,
    updatedAt: iso(record.pullRequest.updatedAt),
    data: record.pullRequest,
    comments: record.comments.map((comment) => ({
      id: comment.id,
      kind: comment.kind,
      createdAt: iso(comment.createdAt),
      data: comment,
    })),
  }
}

/**
 * Brings the store up to date for the window: walks pull requests most recently updated first until one
 * older than the plan's stop, completes the nested connections of new or changed ones, and commits
 * every page with the sync state in one transaction, so an interrupted sync resumes where it stopped.
 */
export async function syncReviews(options: SyncReviewsOptions): Promise<SyncOutcome> {
  const { runner, store, key } = options
  const state = await store.getReviewSyncState(key)
  const plan = planSync(state, options.since, { refresh: options.refresh, overlapSeconds: options.overlapSeconds })
  const retry = new Set(plan.retry)
  // On refresh (also one resumed after an interruption) every pull request is fetched again, stored version or not.
  const refetch = plan.walk.refetch === true
  const retried = new Set<number>()
  const partialErrors: GitHubPartialError[] = []
  const counts = { pullRequests: 0, comments: 0, bots: 0, trivial: 0 }
  let followUpSizes = options.followUpSizes
  let walk: Walk = plan.walk
  let lostNodes = 0
  const base = {
    repository: key,
    syncedSince: state?.syncedSince ?? null,
    newestUpdatedAt: state?.newestUpdatedAt ?? null,
    lastSync: state?.lastSync ?? null,
  }
  const pending = (): ReviewSyncState => ({
    ...base,
    pending: { version: 1, walk, retry: [...retry] } satisfies PendingSync,
  })
  const report = (phase: ReviewSyncProgress['phase']) =>
    options.onProgress?.({
      phase,
      pullRequests: counts.pullRequests,
      comments: counts.comments,
      requests: runner.requests(),
      rateLimit: runner.rateLimit(),
      pageSize: pages.sizes.pullRequests,
    })
  const pages = new PullRequestPages(runner, options.repository, options.pageSizes, () => report('shrunk'))

  const assemble = async (nodes: readonly { node: GqlPullRequest; errors: readonly GitHubPartialError[] }[]) => {
    const assemblies = nodes.map(({ node, errors }) => {
      const assembly = startAssembly(node)
      assembly.problems.push(...errors.map((error) => error.message))
      partialErrors.push(...errors)
      return assembly
    })
    const completed = await completeConnections({
      assemblies,
      runner,
      sizes: followUpSizes,
      threadComments: pages.sizes.threadComments,
    })
    followUpSizes = completed.sizes
    partialErrors.push(...completed.errors)
    for (const assembly of assemblies) {
      retried.add(assembly.node.number)
      if (assembly.problems.length > 0) retry.add(assembly.node.number)
      else retry.delete(assembly.node.number)
    }
    const records = assemblies.map(finishAssembly)
    const { filtered } = filterReviewData(records, options.filter)
    counts.pullRequests += records.length
    counts.comments += records.reduce(
      (sum, record) =>
        sum +
        record.pullRequest.reviews.filter((review) => review.body.trim() !== '').length +
        record.comments.reduce((total, comment) => total + 1 + comment.replies.length, 0),
      0,
    )
    counts.bots += filtered.bots
    counts.trivial += filtered.trivial
    return records.map(stored)
  }

  /** Walks down from `after` to the first pull request updated before `stopBefore`; returns the newest update seen. */
  const walkDown = async (
    after: string | null,
    stopBefore: string,
    onPage: (cursor: string | null, newest: string | null) => void,
  ) => {
    let cursor = after
    let newest: string | null = null
    for (;;) {
      let page: Awaited<ReturnType<PullRequestPages['page']>>
      try {
        page = await pages.page(cursor)
      } catch (error) {
        // A cursor GitHub no longer accepts: start over from the top (stored pull requests are skipped).
        if (cursor === null || !(error instanceof GitHubRequestError) || !/cursor/i.test(error.message)) throw error
        cursor = null
        continue
      }
      lostNodes += page.lost
      partialErrors.push(...page.lostErrors)
      const first = page.nodes[0]?.node.updatedAt
      if (first !== undefined) newest = newer(newest, iso(first))
      const inWindow = page.nodes.filter(({ node }) => iso(node.updatedAt) >= stopBefore)
      const versions = await store.getPullRequestVersions(
        key,
        inWindow.map(({ node }) => node.number),
      )
      const changed = inWindow.filter(
        ({ node }) => refetch || versions.get(node.number) !== iso(node.updatedAt) || retry.has(node.number),
      )
      const records = await assemble(changed)
      onPage(page.endCursor, newest)
      await store.putPullRequests(key, records, pending())
      report('pull-requests')
      if (inWindow.length < page.nodes.length || !page.hasNextPage || page.endCursor === null) return newest
      cursor = page.endCursor
    }
  }

  if (plan.catchUpBefore !== null) {
    const caughtUp = await walkDown(null, plan.catchUpBefore, () => {})
    walk = { ...walk, newestSeen: newer(walk.newestSeen, caughtUp) }
  }
  await walkDown(walk.cursor, walk.stopBefore, (cursor, newest) => {
    walk = { ...walk, cursor, newestSeen: newer(walk.newestSeen, newest) }
  })

  const toRetry = [...retry].filter((number) => !retried.has(number))
  for (let start = 0; start < toRetry.length; start += retryBatch) {
    const numbers = toRetry.slice(start, start + retryBatch)
    const found = await pages.byNumber(numbers)
    for (const number of found.gone) retry.delete(number)
    partialErrors.push(...found.lostErrors)
    await store.putPullRequests(key, await assemble(found.nodes), pending())
    report('retry')
  }

  await store.putReviewSyncState({
    repository: key,
    // A pull request GitHub failed to load entirely is unknown by number: the next sync walks the window again.
    syncedSince: lostNodes > 0 ? null : walk.coversSince,
    newestUpdatedAt: newer(base.newestUpdatedAt, walk.newestSeen),
    pending: retry.size > 0 ? ({ version: 1, walk: null, retry: [...retry] } satisfies PendingSync) : null,
    lastSync: {
      finishedAt: new Date().toISOString(),
      requests: runner.requests(),
      points: runner.points(),
      pullRequests: counts.pullRequests,
      comments: counts.comments,
      filteredBots: counts.bots,
      filteredTrivial: counts.trivial,
    },
  })
  return { mode: plan.mode, partialErrors, fetchedPullRequests: counts.pullRequests }
}
