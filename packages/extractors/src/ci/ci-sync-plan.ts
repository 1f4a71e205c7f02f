import { earlier } from '../github/sync-plan.js'
import type { CiSyncState } from './ci-store.js'

/** A walk down the workflow runs, newest created first. */
export interface CiWalk {
  /** The walk ends after the first page holding a run created before this (ISO 8601). */
  readonly stopBefore: string
  /** Once the walk completes, the store holds every run created since this. */
  readonly coversSince: string
  /** Runs are listed with `created<=anchor` (GitHub returns at most 1,000 per filter, so the anchor moves down). */
  readonly anchor: string
  /** The page to ask for next under this anchor. */
  readonly page: number
  /** Newest creation time the walk has seen. */
  readonly newestSeen: string | null
  /** Fetch every run again, even one stored at the same version (a refresh). */
  readonly refetch?: boolean
}

/** What the extractor keeps in `CiSyncState.pending`. */
export interface PendingCiSync {
  readonly version: 1
  /** A walk that was interrupted, to resume. */
  readonly walk: CiWalk | null
  /** Runs whose details could not all be fetched (ids), to fetch again. */
  readonly retry: readonly number[]
  /** Creation time of the oldest stored run that was still running: the next sync re-checks down to it. */
  readonly incompleteSince: string | null
}

export interface CiSyncPlan {
  readonly mode: 'full' | 'incremental' | 'resume' | 'refresh'
  readonly walk: CiWalk
  readonly retry: readonly number[]
}

export function readPendingCi(value: unknown): PendingCiSync {
  const pending = value as Partial<PendingCiSync> | null
  if (pending?.version !== 1) return { version: 1, walk: null, retry: [], incompleteSince: null }
  return {
    version: 1,
    walk: pending.walk ?? null,
    retry: Array.isArray(pending.retry) ? pending.retry.filter((id) => Number.isInteger(id)) : [],
    incompleteSince: typeof pending.incompleteSince === 'string' ? pending.incompleteSince : null,
  }
}

const later = (a: string, b: string) => (a > b ? a : b)
const sooner = (a: string, b: string | null) => (b !== null && b < a ? b : a)

/**
 * Plans a sync of the runs created in [since, until]: everything when nothing is stored, the window
 * reaches further back than the store covers, or `refresh` is set; an interrupted walk resumes where it
 * stopped; otherwise only runs created since `recheckSeconds` before the newest stored run (re-runs of
 * those show as new attempts) and down to the oldest stored run that was still running.
 */
export function planCiSync(
  state: CiSyncState | null,
  window: { readonly since: string; readonly until: string },
  options: { readonly refresh: boolean; readonly recheckSeconds: number },
): CiSyncPlan {
  const pending = readPendingCi(state?.pending)
  const fresh: CiWalk = {
    stopBefore: window.since,
    coversSince: window.since,
    anchor: window.until,
    page: 1,
    newestSeen: null,
  }
  if (options.refresh) return { mode: 'refresh', walk: { ...fresh, refetch: true }, retry: [] }
  if (pending.walk !== null) {
    const walk =
      window.since < pending.walk.coversSince
        ? { ...pending.walk, stopBefore: sooner(pending.walk.stopBefore, window.since), coversSince: window.since }
        : pending.walk
    return { mode: 'resume', walk, retry: pending.retry }
  }
  if (state === null || state.syncedSince === null || window.since < state.syncedSince) {
    return { mode: 'full', walk: fresh, retry: pending.retry }
  }
  const recheck = state.newestCreatedAt === null ? window.since : earlier(state.newestCreatedAt, options.recheckSeconds)
  return {
    mode: 'incremental',
    walk: {
      ...fresh,
      stopBefore: later(window.since, sooner(recheck, pending.incompleteSince)),
      coversSince: state.syncedSince,
      newestSeen: state.newestCreatedAt,
    },
    retry: pending.retry,
  }
}
