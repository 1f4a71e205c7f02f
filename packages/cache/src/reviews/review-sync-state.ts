import type { Transaction } from 'kysely'
import type { CacheContext } from '../cache-context.js'
import type { CacheDatabase, ReviewReposTable } from '../cache-schema.js'
import type { ReviewSyncState } from './review-records.js'

function toRow(state: ReviewSyncState): ReviewReposTable {
  const last = state.lastSync
  return {
    repository: state.repository,
    synced_since: state.syncedSince,
    newest_updated_at: state.newestUpdatedAt,
    pending: state.pending === null || state.pending === undefined ? null : JSON.stringify(state.pending),
    last_synced_at: last?.finishedAt ?? null,
    last_requests: last?.requests ?? null,
    last_points: last?.points ?? null,
    last_pull_requests: last?.pullRequests ?? null,
    last_comments: last?.comments ?? null,
    last_filtered_bots: last?.filteredBots ?? null,
    last_filtered_trivial: last?.filteredTrivial ?? null,
  }
}

function parse(text: string | null): unknown {
  if (text === null) return null
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

/** The stored sync state of `repository`, or null. */
export async function getReviewSyncState({ db }: CacheContext, repository: string): Promise<ReviewSyncState | null> {
  const row = await db.selectFrom('review_repos').selectAll().where('repository', '=', repository).executeTakeFirst()
  if (row === undefined) return null
  return {
    repository: row.repository,
    syncedSince: row.synced_since,
    newestUpdatedAt: row.newest_updated_at,
    pending: parse(row.pending),
    lastSync:
      row.last_synced_at === null
        ? null
        : {
            finishedAt: row.last_synced_at,
            requests: Number(row.last_requests ?? 0),
            points: Number(row.last_points ?? 0),
            pullRequests: Number(row.last_pull_requests ?? 0),
            comments: Number(row.last_comments ?? 0),
            filteredBots: Number(row.last_filtered_bots ?? 0),
            filteredTrivial: Number(row.last_filtered_trivial ?? 0),
          },
  }
}

/** Writes the sync state inside `transaction`, replacing the stored one. */
export async function writeReviewSyncState(
  transaction: Transaction<CacheDatabase>,
  state: ReviewSyncState,
): Promise<void> {
  const row = toRow(state)
  const { repository: _, ...update } = row
  await transaction
    .insertInto('review_repos')
    .values(row)
    .onConflict((conflict) => conflict.column('repository').doUpdateSet(update))
    .execute()
}

/** Replaces the sync state of `state.repository` in its own transaction. */
export function putReviewSyncState({ writer }: CacheContext, state: ReviewSyncState): Promise<void> {
  return writer.transaction((transaction) => writeReviewSyncState(transaction, state))
}
