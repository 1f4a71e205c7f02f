import type { CacheContext } from '../cache-context.js'
import { chunks } from '../chunks.js'
import { uniqueBy } from '../unique-by.js'
import type { CachedPullRequest, CachedReviewComment, ReviewSyncState } from './review-records.js'
import { writeReviewSyncState } from './review-sync-state.js'

/** Rows per statement, within the 999 bound values older SQLite builds allow (4 and 7 values per row). */
const pullRequestsPerInsert = 200
const commentsPerInsert = 120
const numbersPerQuery = 900

/**
 * In one transaction: upserts pull requests, replaces each one's comments (so comments deleted on
 * GitHub go), and writes the sync state, so a sync interrupted later keeps this page. Pull requests are
 * written in number order, so two writers of one repository queue instead of deadlocking.
 */
export async function putPullRequests(
  { writer }: CacheContext,
  repository: string,
  pullRequests: readonly CachedPullRequest[],
  state: ReviewSyncState,
): Promise<void> {
  const ordered = uniqueBy(pullRequests, (pullRequest) => String(pullRequest.number).padStart(12, '0'))
  await writer.transaction(async (transaction) => {
    for (const batch of chunks(ordered, pullRequestsPerInsert)) {
      await transaction
        .insertInto('pull_requests')
        .values(
          batch.map((pullRequest) => ({
            repository,
            number: pullRequest.number,
            updated_at: pullRequest.updatedAt,
            data: JSON.stringify(pullRequest.data),
          })),
        )
        .onConflict((conflict) =>
          conflict.columns(['repository', 'number']).doUpdateSet((update) => ({
            updated_at: update.ref('excluded.updated_at'),
            data: update.ref('excluded.data'),
          })),
        )
        .execute()
      await transaction
        .deleteFrom('review_comments')
        .where('repository', '=', repository)
        .where(
          'pr_number',
          'in',
          batch.map((pullRequest) => pullRequest.number),
        )
        .execute()
      const rows = batch.flatMap((pullRequest) =>
        pullRequest.comments.map((comment, position) => ({
          repository,
          id: comment.id,
          pr_number: pullRequest.number,
          position,
          kind: comment.kind,
          created_at: comment.createdAt,
          data: JSON.stringify(comment.data),
        })),
      )
      for (const comments of chunks(rows, commentsPerInsert)) {
        await transaction.insertInto('review_comments').values(comments).execute()
      }
    }
    await writeReviewSyncState(transaction, state)
  })
}

/** `updatedAt` of the stored pull requests among `numbers`. */
export async function getPullRequestVersions(
  { db }: CacheContext,
  repository: string,
  numbers: readonly number[],
): Promise<ReadonlyMap<number, string>> {
  const versions = new Map<number, string>()
  for (const batch of chunks([...new Set(numbers)], numbersPerQuery)) {
    const rows = await db
      .selectFrom('pull_requests')
      .select(['number', 'updated_at'])
      .where('repository', '=', repository)
      .where('number', 'in', batch)
      .execute()
    for (const row of rows) versions.set(Number(row.number), row.updated_at)
  }
  return versions
}

/** Stored pull requests updated at or after `updatedSince`, most recently updated first, with their comments. */
export async function getPullRequests(
  { db }: CacheContext,
  repository: string,
  updatedSince: string,
): Promise<CachedPullRequest[]> {
  const rows = await db
    .selectFrom('pull_requests')
    .select(['number', 'updated_at', 'data'])
    .where('repository', '=', repository)
    .where('updated_at', '>=', updatedSince)
    .orderBy('updated_at', 'desc')
    .orderBy('number', 'desc')
    .execute()
  const comments = new Map<number, CachedReviewComment[]>()
  for (const batch of chunks(
    rows.map((row) => Number(row.number)),
    numbersPerQuery,
  )) {
    const found = await db
      .selectFrom('review_comments')
      .select(['pr_number', 'id', 'kind', 'created_at', 'data'])
      .where('repository', '=', repository)
      .where('pr_number', 'in', batch)
      .orderBy('pr_number')
      .orderBy('position')
      .execute()
    for (const row of found) {
      const number = Number(row.pr_number)
      let list = comments.get(number)
      if (list === undefined) comments.set(number, (list = []))
      list.push({ id: row.id, kind: row.kind, createdAt: row.created_at, data: JSON.parse(row.data) })
    }
  }
  return rows.map((row) => ({
    number: Number(row.number),
    updatedAt: row.updated_at,
    data: JSON.parse(row.data),
    comments: comments.get(Number(row.number)) ?? [],
  }))
}
