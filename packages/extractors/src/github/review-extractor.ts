import type { PullRequest, ReviewComment } from '@gitlore/core'
import { resolveWindow } from '@gitlore/core'
import type { CreateGitHubClientOptions, GitHubClient } from './create-github-client.js'
import { defaultApiBaseUrl, extractorClient } from './extractor-client.js'
import { type FetchedComment, type FetchedPullRequest, fetchedFormat } from './fetched-records.js'
import { type FilteredCounts, filterReviewData } from './filter/filter-review-data.js'
import { choosePageSizes, defaultFollowUpSizes, type FollowUpSizes, type PageSizes } from './graphql/page-sizes.js'
import { createMemoryReviewStore } from './memory-review-store.js'
import type { GitHubRepositoryName } from './resolve-github-repository.js'
import type { ReviewStore } from './review-store.js'
import { createGraphQLRunner, type GitHubPartialError, type RateLimitStatus } from './run-graphql.js'
import type { SyncPlan } from './sync-plan.js'
import { type ReviewSyncProgress, syncReviews } from './sync-reviews.js'

export interface CreateReviewExtractorOptions extends Partial<Omit<CreateGitHubClientOptions, 'token' | 'baseUrl'>> {
  /** An Octokit (anything with its `graphql`) set up with throttling and retry; default: `createGitHubClient({ token, ... })`. */
  readonly octokit?: GitHubClient | undefined
  /** Token for the default client; required without `octokit`. */
  readonly token?: string | undefined
  /** API base URL: `https://api.github.com` (default), GitHub Enterprise's `https://host/api/v3`, or a loopback server. */
  readonly baseUrl?: string | undefined
  readonly owner: string
  /** The repository's name, as GitHub calls it. */
  readonly repo: string
  /** Logins to treat as bots on top of the built-in list (`[github] extra_bots`). */
  readonly extraBots?: readonly string[] | undefined
  /** Shortest comment kept, in characters; default 4. */
  readonly minimumLength?: number | undefined
  /** Where pull requests are kept between runs (e.g. `@gitlore/cache`); default in memory, so each run fetches the window. */
  readonly store?: ReviewStore | undefined
  /** Page sizes; default chosen against GitHub's point cost (`choosePageSizes`). */
  readonly pageSizes?: Partial<PageSizes> | undefined
  /** Follow-up request sizes; default 10 connections of 100 items. */
  readonly followUpSizes?: Partial<FollowUpSizes> | undefined
  /** Seconds re-checked before the newest stored update on an incremental sync; default 600. */
  readonly overlapSeconds?: number | undefined
  /**
   * Start an incremental sync with a probe of 1 point (numbers and update times of the 100 most
   * recently updated pull requests) and fetch only what changed, by number; default true. Without it,
   * an incremental sync walks its first page (about 17 points) even when nothing changed.
   */
  readonly probe?: boolean | undefined
  /** Times a pull request a partial error left incomplete is asked for again within the same sync; default 2. */
  readonly retriesInSync?: number | undefined
}

export interface FetchReviewsOptions {
  /** Window start: ISO 8601, or `90d`, `12w`, `1y`, `all`. Pull requests updated since then are in the window. */
  readonly since: string
  /** Window end (ISO 8601); pull requests created after it are left out. Default now. */
  readonly until?: string | undefined
  /** Refetch the whole window instead of only what changed. */
  readonly refresh?: boolean | undefined
  /** Stops the sync; pages committed before it stay in the store. */
  readonly signal?: AbortSignal | undefined
  /** Called after every committed page. */
  readonly onProgress?: ((progress: ReviewSyncProgress) => void) | undefined
}

/** Pull requests in the window and the human review comments on them. */
export interface ReviewData {
  /** `owner/repo`. */
  readonly repository: string
  /** Most recently updated first. */
  readonly pullRequests: readonly PullRequest[]
  readonly comments: readonly ReviewComment[]
  /** Comments left out as bots' or trivial, counted by reason. */
  readonly filtered: FilteredCounts
  /**
   * Errors GitHub returned next to data that retries within the sync did not get past: those of the
   * pull requests in `incomplete` (fetched again next time), and any tied to none.
   */
  readonly partialErrors: readonly GitHubPartialError[]
  /** Pull requests still incomplete after the retries within the sync, by number. */
  readonly incomplete: readonly number[]
  /** Pull requests a partial error hit that a retry within the sync completed. */
  readonly recovered: number
  /** GraphQL requests this fetch sent. */
  readonly requests: number
  /** Rate-limit points they cost. */
  readonly points: number
  /** The budget as GitHub last reported it; null when no request was answered. */
  readonly rateLimit: RateLimitStatus | null
  /**
   * How the store was brought up to date, how many pull requests were fetched (new or changed), and
   * what the incremental probe found (null when pages were walked).
   */
  readonly sync: {
    readonly mode: SyncPlan['mode']
    readonly fetchedPullRequests: number
    readonly probe: { readonly changed: number } | null
  }
}

/** Reads a repository's pull requests and review comments, incrementally when given a store. */
export interface ReviewExtractor {
  readonly repository: GitHubRepositoryName
  fetch(options: FetchReviewsOptions): Promise<ReviewData>
}

/** The store's key for a repository: API host, owner and name, lower-cased. */
export function reviewStoreKey(baseUrl: string, owner: string, repo: string): string {
  return `${new URL(baseUrl).host}/${owner}/${repo}`.toLowerCase()
}

/**
 * A review extractor for one repository, on one Octokit instance (throttling and retry plugins, so
 * GraphQL is paced and retried). Throws `GitHubTokenMissingError` without `octokit` or `token`.
 */
export function createReviewExtractor(options: CreateReviewExtractorOptions): ReviewExtractor {
  const { baseUrl, client: github } = extractorClient(options)
  const { owner, repo } = options
  const store = options.store ?? createMemoryReviewStore()
  const key = reviewStoreKey(baseUrl, owner, repo)
  const filter = { extraBots: options.extraBots, minimumLength: options.minimumLength }
  const pageSizes = { ...choosePageSizes(), ...options.pageSizes }
  const followUpSizes = { ...defaultFollowUpSizes, ...options.followUpSizes }
  return {
    repository: { owner, repo },
    async fetch(fetchOptions) {
      const window = resolveWindow({ since: fetchOptions.since, until: fetchOptions.until })
      const runner = createGraphQLRunner({
        client: github,
        repository: `${owner}/${repo}`,
        baseUrl,
        signal: fetchOptions.signal,
      })
      const sync = () =>
        syncReviews({
          runner,
          store,
          key,
          repository: { owner, repo },
          since: window.since,
          refresh: fetchOptions.refresh ?? false,
          overlapSeconds: options.overlapSeconds ?? 600,
          pageSizes,
          followUpSizes,
          probe: options.probe ?? true,
          retriesInSync: Math.max(0, options.retriesInSync ?? 2),
          filter,
          onProgress: fetchOptions.onProgress,
        })
      const outcome = await (store.withLock === undefined ? sync() : store.withLock(`reviews:${key}`, sync))
      const data = await readStoredReviews(store, key, window, filter)
      return {
        repository: `${owner}/${repo}`,
        pullRequests: data.pullRequests,
        comments: data.comments,
        filtered: data.filtered,
        partialErrors: outcome.partialErrors,
        incomplete: outcome.incomplete,
        recovered: outcome.recovered,
        requests: runner.requests(),
        points: runner.points(),
        rateLimit: runner.rateLimit(),
        sync: { mode: outcome.mode, fetchedPullRequests: outcome.fetchedPullRequests, probe: outcome.probe },
      }
    },
  }
}

/** The stored pull requests of a window (created by its end, updated since its start), filtered. */
async function readStoredReviews(
  store: ReviewStore,
  key: string,
  window: { readonly since: string; readonly until: string },
  filter: Parameters<typeof filterReviewData>[1],
) {
  const records = (await store.getPullRequests(key, window.since))
    .map((record) => ({
      pullRequest: record.data as FetchedPullRequest,
      comments: record.comments.map((comment) => comment.data as FetchedComment),
    }))
    .filter(
      ({ pullRequest }) =>
        pullRequest?.format === fetchedFormat && Date.parse(pullRequest.createdAt) <= Date.parse(window.until),
    )
  return filterReviewData(records, filter)
}

/** Options of `readCachedReviewData`. */
export interface ReadCachedReviewDataOptions {
  /** Where earlier syncs stored review data (the cache). */
  readonly store: ReviewStore
  /** The API base URL the data was synced from (part of the store key). */
  readonly baseUrl?: string | undefined
  readonly owner: string
  readonly repo: string
  /** Window, as for `fetch`. */
  readonly since: string
  readonly until?: string | undefined
  /** Logins treated as bots besides the built-in list. */
  readonly extraBots?: readonly string[] | undefined
}

/**
 * Review data an earlier sync stored, read with no network at all (for offline runs). Returns null
 * when this repository was never synced.
 */
export async function readCachedReviewData(
  options: ReadCachedReviewDataOptions,
): Promise<Pick<ReviewData, 'repository' | 'pullRequests' | 'comments' | 'filtered'> | null> {
  const key = reviewStoreKey(options.baseUrl ?? defaultApiBaseUrl, options.owner, options.repo)
  if ((await options.store.getReviewSyncState(key)) === null) return null
  const window = resolveWindow({ since: options.since, until: options.until })
  const data = await readStoredReviews(options.store, key, window, { extraBots: options.extraBots })
  return { repository: `${options.owner}/${options.repo}`, ...data }
}

/** `createReviewExtractor(options).fetch(options)`: one fetch of a repository's review data. */
export function fetchReviewData(options: CreateReviewExtractorOptions & FetchReviewsOptions): Promise<ReviewData> {
  return createReviewExtractor(options).fetch(options)
}
