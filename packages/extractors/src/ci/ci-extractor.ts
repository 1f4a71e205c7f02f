import type { CiRun } from '@gitlore/core'
import { resolveWindow } from '@gitlore/core'
import type { CreateGitHubClientOptions } from '../github/create-github-client.js'
import { defaultApiBaseUrl, extractorClient } from '../github/extractor-client.js'
import type { GitHubRepositoryName } from '../github/resolve-github-repository.js'
import { reviewStoreKey } from '../github/review-extractor.js'
import type { RateLimitStatus } from '../github/run-graphql.js'
import { ciRunOf, type RestRun, storedRun } from './ci-records.js'
import type { CiStore } from './ci-store.js'
import { fetchRunDetails, type RunDetailsContext } from './fetch-run-details.js'
import { defaultLogTailLimits, type LogTailLimits } from './log-tail.js'
import { createMemoryCiStore } from './memory-ci-store.js'
import { createRestRunner, type RestClient, restError } from './rest-runner.js'
import { type CiSyncOutcome, type CiSyncProgress, syncCiRuns } from './sync-ci-runs.js'

export interface CreateCiExtractorOptions extends Partial<Omit<CreateGitHubClientOptions, 'token' | 'baseUrl'>> {
  /** An Octokit (anything with its `request`) set up with throttling and retry; default `createGitHubClient({ token, ... })`. */
  readonly octokit?: RestClient | undefined
  /** Token for the default client; required without `octokit`. */
  readonly token?: string | undefined
  /** API base URL: `https://api.github.com` (default), GitHub Enterprise's `https://host/api/v3`, or a loopback server. */
  readonly baseUrl?: string | undefined
  readonly owner: string
  /** The repository's name, as GitHub calls it. */
  readonly repo: string
  /** Where runs are kept between syncs (e.g. `@gitlore/cache`); default in memory, so each sync fetches the window. */
  readonly store?: CiStore | undefined
  /** Fetch annotations and failing-step log tails of failed jobs; default true. */
  readonly logs?: boolean | undefined
  /** How much of a failing step's log is kept. */
  readonly logTail?: Partial<LogTailLimits> | undefined
  /** Seconds before the newest stored run an incremental sync re-checks (for re-runs); default 86,400. */
  readonly recheckSeconds?: number | undefined
  /** Runs whose details are fetched at once; default 8. */
  readonly concurrency?: number | undefined
  /**
   * Most runs fetched (new or changed) in one sync, so a first sync of a busy repository stays within the
   * hourly rate limit; the next sync resumes where this one stopped. Default 1,000 (about 1,300 requests).
   */
  readonly maxRunsPerSync?: number | undefined
  /** How logs are downloaded from the URL GitHub redirects to; default `fetch` (no token is sent). */
  readonly download?: ((url: string, signal: AbortSignal | undefined) => Promise<Response>) | undefined
}

export interface FetchCiRunsOptions {
  /** Window start: ISO 8601, or `90d`, `12w`, `1y`, `all`. Runs created since then are in the window. */
  readonly since: string
  /** Window end (ISO 8601); default now. */
  readonly until?: string | undefined
  /** Fetch the whole window again instead of only what changed. */
  readonly refresh?: boolean | undefined
  /** Stops the sync; pages committed before it stay in the store. */
  readonly signal?: AbortSignal | undefined
  readonly onProgress?: ((progress: CiSyncProgress) => void) | undefined
}

/** The workflow runs of a window. */
export interface CiData {
  /** `owner/repo`. */
  readonly repository: string
  /** Newest created first, every attempt with its jobs. */
  readonly runs: readonly CiRun[]
  /** API requests this fetch sent (log downloads from the log host not included). */
  readonly requests: number
  /** Rate-limit points they used. */
  readonly points: number
  readonly rateLimit: RateLimitStatus | null
  readonly sync: CiSyncOutcome
}

/** Reads a repository's GitHub Actions history, incrementally when given a store. */
export interface CiExtractor {
  readonly repository: GitHubRepositoryName
  /** Syncs the window into the store and returns its runs. */
  fetch(options: FetchCiRunsOptions): Promise<CiData>
  /** One run by id (in the window or not) with every attempt, fetched now and stored. */
  fetchRun(id: number, options?: { readonly signal?: AbortSignal | undefined }): Promise<CiRun>
}

/** The store key of a repository's CI history (the same key as its review data). */
export const ciStoreKey = reviewStoreKey

/**
 * A CI extractor for one repository, on one Octokit instance (throttling and retry plugins). Throws
 * `GitHubTokenMissingError` without `octokit` or `token`.
 */
export function createCiExtractor(options: CreateCiExtractorOptions): CiExtractor {
  const { baseUrl, client: github } = extractorClient(options)
  const { owner, repo } = options
  const store = options.store ?? createMemoryCiStore()
  const key = ciStoreKey(baseUrl, owner, repo)
  const limits = { ...defaultLogTailLimits, ...options.logTail }
  const download =
    options.download ??
    ((url: string, signal: AbortSignal | undefined) => fetch(url, signal === undefined ? {} : { signal }))
  const context = (signal: AbortSignal | undefined): RunDetailsContext => ({
    runner: createRestRunner({ client: github, signal }),
    owner,
    repo,
    logs: options.logs ?? true,
    limits,
    download,
    signal,
  })
  return {
    repository: { owner, repo },
    async fetch(fetchOptions) {
      const window = resolveWindow({ since: fetchOptions.since, until: fetchOptions.until })
      const details = context(fetchOptions.signal)
      let sync: CiSyncOutcome
      try {
        sync = await syncCiRuns({
          details,
          store,
          key,
          window,
          refresh: fetchOptions.refresh ?? false,
          recheckSeconds: options.recheckSeconds ?? 86_400,
          concurrency: options.concurrency ?? 8,
          maxRuns: options.maxRunsPerSync ?? 1000,
          onProgress: fetchOptions.onProgress,
        })
      } catch (error) {
        throw restError(error, `${owner}/${repo}`, baseUrl)
      }
      return {
        repository: `${owner}/${repo}`,
        runs: await readStoredRuns(store, key, window),
        requests: details.runner.requests(),
        points: details.runner.points(),
        rateLimit: details.runner.rateLimit(),
        sync,
      }
    },
    async fetchRun(id, fetchOptions = {}) {
      const details = context(fetchOptions.signal)
      try {
        const answer = await details.runner.get<RestRun>('GET /repos/{owner}/{repo}/actions/runs/{run_id}', {
          owner,
          repo,
          run_id: id,
        })
        const fetched = await fetchRunDetails(details, answer.data)
        const record = storedRun(answer.data, fetched.attempts, fetched.jobs, fetched.complete)
        const state = await store.getCiSyncState(key)
        await store.putCiRuns(key, [record], state ?? emptyState(key))
        const run = ciRunOf(record)
        if (run === null) throw new Error('unreadable run record')
        return run
      } catch (error) {
        throw restError(error, `${owner}/${repo}`, baseUrl)
      }
    },
  }
}

function emptyState(repository: string) {
  return { repository, syncedSince: null, newestCreatedAt: null, pending: null, lastSync: null }
}

async function readStoredRuns(store: CiStore, key: string, window: { since: string; until: string }) {
  return (await store.getCiRuns(key, window.since, window.until))
    .map(ciRunOf)
    .filter((run): run is CiRun => run !== null)
}

/** Options of `readCachedCiData`. */
export interface ReadCachedCiDataOptions {
  readonly store: CiStore
  readonly baseUrl?: string | undefined
  readonly owner: string
  readonly repo: string
  readonly since: string
  readonly until?: string | undefined
}

/** Runs an earlier sync stored, read with no network (offline runs); null when this repository was never synced. */
export async function readCachedCiData(
  options: ReadCachedCiDataOptions,
): Promise<{ readonly repository: string; readonly runs: readonly CiRun[] } | null> {
  const key = ciStoreKey(options.baseUrl ?? defaultApiBaseUrl, options.owner, options.repo)
  if ((await options.store.getCiSyncState(key)) === null) return null
  const window = resolveWindow({ since: options.since, until: options.until })
  return { repository: `${options.owner}/${options.repo}`, runs: await readStoredRuns(options.store, key, window) }
}
