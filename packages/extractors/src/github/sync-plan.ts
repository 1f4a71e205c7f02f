import type { ReviewSyncState } from './review-store.js'

/** A walk down the pull requests, most recently updated first. */
export interface Walk {
  /** The walk ends at the first pull request updated before this (ISO 8601). */
  readonly stopBefore: string
  /** Once the walk completes, the store holds every pull request updated since this. */
  readonly coversSince: string
  /** Continue after this cursor; null: from the top. */
  readonly cursor: string | null
  /** Newest `updatedAt` the walk has seen. */
  readonly newestSeen: string | null
  /** Fetch every pull request again, even one stored with the same `updatedAt` (a refresh). */
  readonly refetch?: boolean
}

/** What the extractor keeps in `ReviewSyncState.pending`. */
export interface PendingSync {
  readonly version: 1
  /** A walk that was interrupted, to resume. */
  readonly walk: Walk | null
  /** Pull requests a partial error left incomplete, to fetch again. */
  readonly retry: readonly number[]
}

/** How this sync goes: an optional catch-up from the top, then `walk`. */
export interface SyncPlan {
  readonly mode: 'full' | 'incremental' | 'resume' | 'refresh'
  /** Before resuming: fetch from the top down to this (what changed while the sync was interrupted). */
  readonly catchUpBefore: string | null
  readonly walk: Walk
  readonly retry: readonly number[]
}

/** Reads `pending` as this version wrote it; anything else is treated as nothing pending. */
export function readPending(value: unknown): PendingSync {
  const pending = value as Partial<PendingSync> | null
  if (pending?.version !== 1) return { version: 1, walk: null, retry: [] }
  const retry = Array.isArray(pending.retry) ? pending.retry.filter((number) => Number.isInteger(number)) : []
  return { version: 1, walk: pending.walk ?? null, retry }
}

/** `iso` moved back by `seconds`, as ISO 8601. */
export function earlier(iso: string, seconds: number): string {
  return new Date(Date.parse(iso) - seconds * 1000).toISOString()
}

const later = (a: string, b: string) => (a > b ? a : b)

/**
 * Plans a sync of the window starting at `since` (ISO 8601) from the stored state: everything when
 * nothing is stored, the window reaches further back than the store covers, or `refresh` is set;
 * otherwise only what changed since the newest stored update (minus `overlapSeconds`); an
 * interrupted sync resumes at its cursor after catching up with what changed meanwhile.
 */
export function planSync(
  state: ReviewSyncState | null,
  since: string,
  options: { readonly refresh: boolean; readonly overlapSeconds: number },
): SyncPlan {
  const pending = readPending(state?.pending)
  const fresh = (mode: SyncPlan['mode']): SyncPlan => ({
    mode,
    catchUpBefore: null,
    walk: { stopBefore: since, coversSince: since, cursor: null, newestSeen: null },
    retry: pending.retry,
  })
  if (options.refresh) {
    const refresh = fresh('refresh')
    return { ...refresh, walk: { ...refresh.walk, refetch: true }, retry: [] }
  }
  if (pending.walk !== null) {
    const widened = since < pending.walk.coversSince
    const walk = widened
      ? {
          ...pending.walk,
          stopBefore: since < pending.walk.stopBefore ? since : pending.walk.stopBefore,
          coversSince: since,
        }
      : pending.walk
    const catchUpBefore =
      walk.cursor !== null && walk.newestSeen !== null ? earlier(walk.newestSeen, options.overlapSeconds) : null
    return { mode: 'resume', catchUpBefore, walk, retry: pending.retry }
  }
  if (state === null || state.syncedSince === null || since < state.syncedSince) return fresh('full')
  const stopBefore =
    state.newestUpdatedAt === null ? since : later(since, earlier(state.newestUpdatedAt, options.overlapSeconds))
  return {
    mode: 'incremental',
    catchUpBefore: null,
    walk: { stopBefore, coversSince: state.syncedSince, cursor: null, newestSeen: state.newestUpdatedAt },
    retry: pending.retry,
  }
}
