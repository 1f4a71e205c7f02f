import { finishAssembly, startAssembly } from './assemble-pull-request.js'
import { completeConnections } from './complete-connections.js'
import { GitHubRequestError } from './errors/github-request-error.js'
import { type FetchedNodes, type PageResize, PullRequestPages } from './fetch-pull-request-pages.js'
import type { FetchedPullRequestData } from './fetched-records.js'
import { filterReviewData, type ReviewFilterOptions } from './filter/filter-review-data.js'
import { AdaptiveSizes } from './graphql/adaptive-sizes.js'
import type { GqlPullRequest } from './graphql/graphql-types.js'
import { type FollowUpSizes, growFollowUpSizes, type PageSizes, shrinkFollowUpSizes } from './graphql/page-sizes.js'
import type { ReviewStore, ReviewSyncState, StoredPullRequest } from './review-store.js'
import type { GitHubPartialError, GraphQLRunner, RateLimitStatus } from './run-graphql.js'
import { type PendingSync, planSync, type SyncPlan, type Walk } from './sync-plan.js'

/** Progress of a review sync, reported after every committed page and every change of page sizes. */
export interface ReviewSyncProgress {
  /**
   * `probe`: the incremental probe answered; `pull-requests`: walking pages; `retry`: fetching pull
   * requests by number (changed ones the probe found, or ones a partial error left incomplete);
   * `shrunk`: GitHub timed out, pages got smaller; `grown`: pages grew back after answers.
   */
  readonly phase: 'probe' | 'pull-requests' | 'retry' | PageResize
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
  /** Every page size now (`shrunk`, `grown`). */
  readonly sizes?: PageSizes
  /** Why the sizes changed: GitHub's message for `shrunk`. */
  readonly reason?: string
}

/** What a sync did. */
export interface SyncOutcome {
  readonly mode: SyncPlan['mode']
  /** Errors of the pull requests still incomplete after the retries within the sync, and errors tied to none. */
  readonly partialErrors: readonly GitHubPartialError[]
  /** Pull requests still incomplete: the next sync fetches them again, by number. */
  readonly incomplete: readonly number[]
  /** Pull requests a partial error hit that a retry within the sync completed. */
  readonly recovered: number
  readonly fetchedPullRequests: number
  /** What the incremental probe found, when it replaced the page walk; null when pages were walked. */
  readonly probe: { readonly changed: number } | null
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
  /** Ask first (1 point) which pull requests changed since the last sync, instead of walking pages. */
  readonly probe: boolean
  /** Times a pull request a partial error left incomplete is asked for again within the sync. */
  readonly retriesInSync: number
  /** Used to count what this sync filters (the store keeps everything). */
  readonly filter: ReviewFilterOptions
  readonly onProgress?: ((progress: ReviewSyncProgress) => void) | undefined
}

const iso = (value: string) => new Date(value).toISOString()
const newer = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a > b ? a : b)
/** Pull requests fetched by number in one request. */
const numberBatch = 10
/** The probe's page: every pull request updated since the last sync, when that many or fewer were. */
const probeSize = 100

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
 * Brings the store up to date for the window. An incremental sync first asks which pull requests
 * changed (one point) and fetches just those by number; otherwise it walks pull requests most
 * recently updated first until one older than the plan's stop. Nested connections of new or changed
 * ones are completed, and every page is committed with the sync state in one transaction, so an
 * interrupted sync resumes where it stopped. A pull request a partial error left incomplete (or
 * could not load at all: its number is asked for) is fetched again within the sync, a bounded
 * number of times; those still incomplete are named and fetched again next time.
 */
export async function syncReviews(options: SyncReviewsOptions): Promise<SyncOutcome> {
  const { runner, store, key } = options
  const state = await store.getReviewSyncState(key)
  const plan = planSync(state, options.since, { refresh: options.refresh, overlapSeconds: options.overlapSeconds })
  const retry = new Set(plan.retry)
  // On refresh (also one resumed after an interruption) every pull request is fetched again, stored version or not.
  const refetch = plan.walk.refetch === true
  const attempts = new Map<number, number>()
  const errorsOf = new Map<number, GitHubPartialError[]>()
  const unattributed: GitHubPartialError[] = []
  const counts = { pullRequests: 0, comments: 0, bots: 0, trivial: 0 }
  const followUps = new AdaptiveSizes(options.followUpSizes, { shrink: shrinkFollowUpSizes, grow: growFollowUpSizes })
  let walk: Walk = plan.walk
  let lostNodes = 0
  let probe: SyncOutcome['probe'] = null
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
  const report = (phase: ReviewSyncProgress['phase'], extra: Partial<ReviewSyncProgress> = {}) =>
    options.onProgress?.({
      phase,
      pullRequests: counts.pullRequests,
      comments: counts.comments,
      requests: runner.requests(),
      rateLimit: runner.rateLimit(),
      pageSize: pages.sizes.pullRequests,
      ...extra,
    })
  const pages = new PullRequestPages(runner, options.repository, options.pageSizes, (sizes, change, reason) =>
    report(change, { pageSize: sizes.pullRequests, sizes, reason }),
  )
  const noteErrors = (errors: readonly GitHubPartialError[]) => {
    for (const error of errors) {
      if (error.pullRequest === undefined) unattributed.push(error)
      else errorsOf.set(error.pullRequest, [...(errorsOf.get(error.pullRequest) ?? []), error])
    }
  }

  const assemble = async (nodes: FetchedNodes['nodes']) => {
    const assemblies = nodes.map(({ node, errors }) => {
      const assembly = startAssembly(node)
      assembly.problems.push(...errors.map((error) => error.message))
      errorsOf.delete(node.number)
      noteErrors(errors)
      return assembly
    })
    const completed = await completeConnections({
      assemblies,
      runner,
      sizes: followUps,
      threadComments: pages.sizes.threadComments,
    })
    noteErrors(completed.errors)
    for (const assembly of assemblies) {
      const { number } = assembly.node
      if (assembly.problems.length === 0) {
        retry.delete(number)
        errorsOf.delete(number)
        continue
      }
      retry.add(number)
      if (!errorsOf.has(number)) {
        errorsOf.set(number, [{ message: assembly.problems.join('; '), pullRequest: number }])
      }
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

  /** Pull requests a page could not load at all, named through the numbers of the same page. */
  const nameLost = async (
    cursor: string | null,
    page: Awaited<ReturnType<PullRequestPages['page']>>,
    stopBefore: string,
  ) => {
    if (page.lost === 0) return
    let stamps: Awaited<ReturnType<PullRequestPages['stamps']>>['stamps']
    try {
      stamps = (await pages.stamps(cursor, page.first)).stamps
    } catch (error) {
      if (error instanceof GitHubRequestError) {
        lostNodes += page.lost
        unattributed.push(...page.lostErrors)
        return
      }
      throw error
    }
    const loaded = new Set(page.nodes.map(({ node }) => node.number))
    const notLoaded = stamps.filter((stamp) => !loaded.has(stamp.number))
    for (const stamp of notLoaded.filter((entry) => iso(entry.updatedAt) >= stopBefore)) {
      retry.add(stamp.number)
      attempts.set(stamp.number, (attempts.get(stamp.number) ?? 0) + 1)
    }
    // Pull requests the page lost that the numbers did not name either (the list changed in between).
    lostNodes += Math.max(0, page.lost - notLoaded.length)
    for (const error of page.lostErrors) {
      const index = error.path?.[0] === 'repository' && error.path[2] === 'nodes' ? error.path[3] : undefined
      const number = typeof index === 'number' ? stamps[index]?.number : undefined
      noteErrors([number === undefined ? error : { ...error, pullRequest: number }])
    }
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
      await nameLost(cursor, page, stopBefore)
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
      for (const { node } of changed) attempts.set(node.number, (attempts.get(node.number) ?? 0) + 1)
      const records = await assemble(changed)
      onPage(page.endCursor, newest)
      await store.putPullRequests(key, records, pending())
      report('pull-requests')
      if (inWindow.length < page.nodes.length || !page.hasNextPage || page.endCursor === null) return newest
      cursor = page.endCursor
    }
  }

  /** The probe: when every pull request updated since the last sync fits one numbers page, those that changed are all there is to fetch. */
  const probeChanges = async (): Promise<boolean> => {
    const { stamps, hasNextPage } = await pages.stamps(null, probeSize)
    const recent = stamps.filter((stamp) => iso(stamp.updatedAt) >= walk.stopBefore)
    if (recent.length === stamps.length && hasNextPage) return false
    const versions = await store.getPullRequestVersions(
      key,
      recent.map((stamp) => stamp.number),
    )
    const changed = recent.filter((stamp) => versions.get(stamp.number) !== iso(stamp.updatedAt))
    for (const stamp of changed) retry.add(stamp.number)
    const newest = stamps[0] === undefined ? null : iso(stamps[0].updatedAt)
    walk = { ...walk, newestSeen: newer(walk.newestSeen, newest) }
    probe = { changed: changed.length }
    report('probe')
    return true
  }

  const probed = plan.mode === 'incremental' && options.probe && (await probeChanges())
  if (!probed) {
    if (plan.catchUpBefore !== null) {
      const caughtUp = await walkDown(null, plan.catchUpBefore, () => {})
      walk = { ...walk, newestSeen: newer(walk.newestSeen, caughtUp) }
    }
    await walkDown(walk.cursor, walk.stopBefore, (cursor, newest) => {
      walk = { ...walk, cursor, newestSeen: newer(walk.newestSeen, newest) }
    })
  }

  // Pull requests to fetch by number: those the probe found changed, those earlier syncs left
  // incomplete, and those this one did, each asked for at most `1 + retriesInSync` times in all.
  const errorsBefore = new Set(errorsOf.keys())
  const maxAttempts = 1 + options.retriesInSync
  for (;;) {
    const due = [...retry].filter((number) => (attempts.get(number) ?? 0) < maxAttempts)
    if (due.length === 0) break
    for (let start = 0; start < due.length; start += numberBatch) {
      const numbers = due.slice(start, start + numberBatch)
      for (const number of numbers) {
        attempts.set(number, (attempts.get(number) ?? 0) + 1)
        errorsOf.delete(number)
      }
      const found = await pages.byNumber(numbers)
      for (const number of found.gone) {
        retry.delete(number)
        errorsOf.delete(number)
      }
      noteErrors(found.lostErrors)
      await store.putPullRequests(key, await assemble(found.nodes), pending())
      report('retry')
    }
  }
  const incomplete = [...retry].sort((a, b) => a - b)
  const recovered = [...errorsBefore].filter((number) => !retry.has(number)).length

  await store.putReviewSyncState({
    repository: key,
    // A pull request GitHub failed to load that could not be named: the next sync walks the window again.
    syncedSince: lostNodes > 0 ? null : walk.coversSince,
    newestUpdatedAt: newer(base.newestUpdatedAt, walk.newestSeen),
    pending: retry.size > 0 ? ({ version: 1, walk: null, retry: incomplete } satisfies PendingSync) : null,
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
  return {
    mode: plan.mode,
    partialErrors: [
      ...incomplete.flatMap((number) => errorsOf.get(number) ?? [{ message: 'incomplete', pullRequest: number }]),
      ...unattributed,
    ],
    incomplete,
    recovered,
    fetchedPullRequests: counts.pullRequests,
    probe,
  }
}
