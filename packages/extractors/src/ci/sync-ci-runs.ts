import type { RateLimitStatus } from '../github/run-graphql.js'
import { type RestRun, runVersion, storedRun } from './ci-records.js'
import type { CiStore, CiSyncState, StoredCiRun } from './ci-store.js'
import { type CiSyncPlan, type CiWalk, type PendingCiSync, planCiSync, readPendingCi } from './ci-sync-plan.js'
import { fetchRunDetails, type RunDetailsContext } from './fetch-run-details.js'
import { RestFailure } from './rest-runner.js'

/** Progress of a CI sync, reported after every committed page of runs. */
export interface CiSyncProgress {
  /** Runs fetched (new or changed) so far. */
  readonly runs: number
  /** Runs GitHub counts under the current listing (its `total_count`), when known. */
  readonly listed: number | null
  readonly jobs: number
  /** API requests sent so far. */
  readonly requests: number
  readonly rateLimit: RateLimitStatus | null
}

export interface CiSyncOutcome {
  readonly mode: CiSyncPlan['mode']
  readonly fetchedRuns: number
  readonly fetchedJobs: number
  readonly logsStored: number
  readonly logsExpired: number
  /** Runs whose details could not all be fetched (fetched again next sync). */
  readonly incompleteRuns: number
  /** False when the sync stopped at `maxRuns` before reaching its stop: the next sync resumes the walk. */
  readonly complete: boolean
}

export interface SyncCiRunsOptions {
  readonly details: RunDetailsContext
  readonly store: CiStore
  /** The store's key for the repository. */
  readonly key: string
  readonly window: { readonly since: string; readonly until: string }
  readonly refresh: boolean
  readonly recheckSeconds: number
  /** Runs whose details are fetched at once; default 8. */
  readonly concurrency: number
  /** Most runs fetched in one sync; the walk stops after the page that reaches it and resumes next sync. */
  readonly maxRuns: number
  readonly onProgress?: ((progress: CiSyncProgress) => void) | undefined
}

const perPage = 100
/** GitHub returns at most this many runs for a filtered listing. */
const filteredCap = 1000
const iso = (value: string) => new Date(value).toISOString()
const newer = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a > b ? a : b)
const older = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a < b ? a : b)

async function pool<T, R>(items: readonly T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const index = next++
      results[index] = await work(items[index] as T)
    }
  }
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker))
  return results
}

/**
 * Brings the store up to date for the window: lists runs newest created first (`created<=anchor`,
 * re-anchored every 1,000 runs because GitHub caps filtered listings there) down to the plan's stop,
 * fetches the attempts, jobs, annotations and failing-log tails of new or changed runs, and commits
 * each page with the sync state, so an interrupted sync resumes where it stopped.
 */
export async function syncCiRuns(options: SyncCiRunsOptions): Promise<CiSyncOutcome> {
  const { store, key, window } = options
  const { runner, owner, repo } = options.details
  const state = await store.getCiSyncState(key)
  const plan = planCiSync(state, window, { refresh: options.refresh, recheckSeconds: options.recheckSeconds })
  const previous = readPendingCi(state?.pending)
  const retry = new Set(plan.retry)
  const fetched = new Set<number>()
  const counts = { runs: 0, jobs: 0, logsStored: 0, logsExpired: 0, incomplete: 0 }
  let walk: CiWalk = plan.walk
  let incompleteSince: string | null = null
  let listed: number | null = null
  const base = {
    repository: key,
    syncedSince: state?.syncedSince ?? null,
    newestCreatedAt: state?.newestCreatedAt ?? null,
    lastSync: state?.lastSync ?? null,
  }
  const pendingState = (): CiSyncState => ({
    ...base,
    pending: {
      version: 1,
      walk,
      retry: [...retry],
      incompleteSince: older(previous.incompleteSince, incompleteSince),
    } satisfies PendingCiSync,
  })
  const report = () =>
    options.onProgress?.({
      runs: counts.runs,
      listed,
      jobs: counts.jobs,
      requests: runner.requests(),
      rateLimit: runner.rateLimit(),
    })

  const fetchRuns = (runs: readonly RestRun[]) =>
    pool(runs, options.concurrency, async (run): Promise<StoredCiRun> => {
      const details = await fetchRunDetails(options.details, run)
      fetched.add(run.id)
      counts.runs++
      counts.jobs += details.jobs.length
      for (const { log } of details.jobs) {
        if (log.status === 'stored') counts.logsStored++
        if (log.status === 'expired') counts.logsExpired++
      }
      if (details.complete) retry.delete(run.id)
      else {
        retry.add(run.id)
        counts.incomplete++
      }
      return storedRun(run, details.attempts, details.jobs, details.complete)
    })

  for (;;) {
    const answer = await runner.get<{ total_count: number; workflow_runs: RestRun[] }>(
      'GET /repos/{owner}/{repo}/actions/runs',
      { owner, repo, created: `<=${walk.anchor}`, per_page: perPage, page: walk.page },
    )
    const runs = answer.data.workflow_runs ?? []
    listed ??= answer.data.total_count
    const newest = runs[0]?.created_at
    const newestSeen = newest === undefined ? walk.newestSeen : newer(walk.newestSeen, iso(newest))
    const inWindow = runs.filter((run) => iso(run.created_at) >= window.since)
    const versions = await store.getCiRunVersions(
      key,
      inWindow.map((run) => run.id),
    )
    // A re-anchored listing repeats the runs of the anchor's second: each is fetched once per sync.
    const changed = inWindow.filter(
      (run) =>
        !fetched.has(run.id) &&
        (walk.refetch === true || versions.get(run.id) !== runVersion(run) || retry.has(run.id)),
    )
    for (const run of inWindow) {
      if (run.status !== 'completed') incompleteSince = older(incompleteSince, iso(run.created_at))
    }
    const records = await fetchRuns(changed)
    const reachedStop = runs.some((run) => iso(run.created_at) < walk.stopBefore)
    const hasNext = /rel="next"/.test(String(answer.headers.link ?? '')) && runs.length === perPage
    const capped = walk.page * perPage >= filteredCap && answer.data.total_count > walk.page * perPage
    const done = reachedStop || (!hasNext && !capped) || runs.length === 0
    if (!done) {
      if (capped) {
        const oldest = iso((runs.at(-1) as RestRun).created_at)
        // More than 1,000 runs created in one second would pin the anchor: step past that second.
        const anchor = oldest === walk.anchor ? new Date(Date.parse(oldest) - 1000).toISOString() : oldest
        walk = { ...walk, anchor, page: 1, newestSeen }
      } else {
        walk = { ...walk, page: walk.page + 1, newestSeen }
      }
    } else {
      walk = { ...walk, newestSeen }
    }
    await store.putCiRuns(key, records, pendingState())
    report()
    if (done) break
    if (counts.runs >= options.maxRuns) {
      return { mode: plan.mode, ...outcomeCounts(counts), complete: false }
    }
  }

  // Runs left incomplete by an earlier sync that this walk did not reach.
  for (const id of [...retry].filter((entry) => !fetched.has(entry))) {
    try {
      const answer = await runner.get<RestRun>('GET /repos/{owner}/{repo}/actions/runs/{run_id}', {
        owner,
        repo,
        run_id: id,
      })
      await store.putCiRuns(key, await fetchRuns([answer.data]), pendingState())
    } catch (error) {
      if (!(error instanceof RestFailure) || error.status !== 404) throw error
      retry.delete(id)
    }
    report()
  }

  await store.putCiRuns(key, [], {
    repository: key,
    syncedSince: walk.coversSince,
    newestCreatedAt: newer(base.newestCreatedAt, walk.newestSeen),
    pending:
      retry.size > 0 || incompleteSince !== null
        ? ({ version: 1, walk: null, retry: [...retry], incompleteSince } satisfies PendingCiSync)
        : null,
    lastSync: {
      finishedAt: new Date().toISOString(),
      requests: runner.requests(),
      runs: counts.runs,
      jobs: counts.jobs,
      logsStored: counts.logsStored,
      logsExpired: counts.logsExpired,
    },
  })
  return { mode: plan.mode, ...outcomeCounts(counts), complete: true }
}

function outcomeCounts(counts: {
  runs: number
  jobs: number
  logsStored: number
  logsExpired: number
  incomplete: number
}) {
  return {
    fetchedRuns: counts.runs,
    fetchedJobs: counts.jobs,
    logsStored: counts.logsStored,
    logsExpired: counts.logsExpired,
    incompleteRuns: counts.incomplete,
  }
}
