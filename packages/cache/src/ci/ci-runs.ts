import type { Transaction } from 'kysely'
import type { CacheContext } from '../cache-context.js'
import type { CacheDatabase } from '../cache-schema.js'
import { chunks } from '../chunks.js'
import { parseJson as parse } from '../parse-json.js'
import { uniqueBy } from '../unique-by.js'
import type { CachedCiJob, CachedCiRun, CiSyncState } from './ci-records.js'

/** Rows per statement, within the 999 bound values older SQLite builds allow (5 values per row). */
const rowsPerInsert = 150
const idsPerQuery = 900

async function writeState(transaction: Transaction<CacheDatabase>, state: CiSyncState): Promise<void> {
  const row = {
    repository: state.repository,
    synced_since: state.syncedSince,
    newest_created_at: state.newestCreatedAt,
    pending: state.pending === null || state.pending === undefined ? null : JSON.stringify(state.pending),
    last_sync: state.lastSync === null ? null : JSON.stringify(state.lastSync),
  }
  const { repository: _, ...update } = row
  await transaction
    .insertInto('ci_repos')
    .values(row)
    .onConflict((conflict) => conflict.column('repository').doUpdateSet(update))
    .execute()
}

/** The stored CI sync state of `repository`, or null. */
export async function getCiSyncState({ db }: CacheContext, repository: string): Promise<CiSyncState | null> {
  const row = await db.selectFrom('ci_repos').selectAll().where('repository', '=', repository).executeTakeFirst()
  if (row === undefined) return null
  return {
    repository: row.repository,
    syncedSince: row.synced_since,
    newestCreatedAt: row.newest_created_at,
    pending: parse(row.pending),
    lastSync: parse(row.last_sync) as CiSyncState['lastSync'],
  }
}

/** In one transaction: upserts runs, replaces each one's jobs, and writes the sync state. */
export async function putCiRuns(
  { writer }: CacheContext,
  repository: string,
  runs: readonly CachedCiRun[],
  state: CiSyncState,
): Promise<void> {
  // In id order, so two writers of one repository queue instead of deadlocking.
  const ordered = uniqueBy(runs, (run) => String(run.id).padStart(20, '0'))
  await writer.transaction(async (transaction) => {
    for (const batch of chunks(ordered, rowsPerInsert)) {
      await transaction
        .insertInto('ci_runs')
        .values(
          batch.map((run) => ({
            repository,
            id: run.id,
            created_at: run.createdAt,
            version: run.version,
            data: JSON.stringify(run.data),
          })),
        )
        .onConflict((conflict) =>
          conflict.columns(['repository', 'id']).doUpdateSet((update) => ({
            created_at: update.ref('excluded.created_at'),
            version: update.ref('excluded.version'),
            data: update.ref('excluded.data'),
          })),
        )
        .execute()
      await transaction
        .deleteFrom('ci_jobs')
        .where('repository', '=', repository)
        .where(
          'run_id',
          'in',
          batch.map((run) => run.id),
        )
        .execute()
      // One statement may not touch a job twice on PostgreSQL: a job listed under two runs is kept once.
      const rows = uniqueBy(
        batch.flatMap((run) =>
          run.jobs.map((job) => ({
            repository,
            id: job.id,
            run_id: run.id,
            attempt: job.attempt,
            data: JSON.stringify(job.data),
          })),
        ),
        (row) => String(row.id).padStart(20, '0'),
      )
      for (const jobs of chunks(rows, rowsPerInsert)) {
        await transaction
          .insertInto('ci_jobs')
          .values(jobs)
          // A job id GitHub moved to another run (never seen, but ids are GitHub's to give) follows it there.
          .onConflict((conflict) =>
            conflict.columns(['repository', 'id']).doUpdateSet((update) => ({
              run_id: update.ref('excluded.run_id'),
              attempt: update.ref('excluded.attempt'),
              data: update.ref('excluded.data'),
            })),
          )
          .execute()
      }
    }
    await writeState(transaction, state)
  })
}

/** Versions of the stored runs among `ids`. */
export async function getCiRunVersions(
  { db }: CacheContext,
  repository: string,
  ids: readonly number[],
): Promise<ReadonlyMap<number, string>> {
  const versions = new Map<number, string>()
  for (const batch of chunks([...new Set(ids)], idsPerQuery)) {
    const rows = await db
      .selectFrom('ci_runs')
      .select(['id', 'version'])
      .where('repository', '=', repository)
      .where('id', 'in', batch)
      .execute()
    for (const row of rows) versions.set(Number(row.id), row.version)
  }
  return versions
}

/** Stored runs created in [createdSince, createdUntil], newest first, with their jobs. */
export async function getCiRuns(
  { db }: CacheContext,
  repository: string,
  createdSince: string,
  createdUntil: string,
): Promise<CachedCiRun[]> {
  const rows = await db
    .selectFrom('ci_runs')
    .select(['id', 'created_at', 'version', 'data'])
    .where('repository', '=', repository)
    .where('created_at', '>=', createdSince)
    .where('created_at', '<=', createdUntil)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute()
  const jobs = new Map<number, CachedCiJob[]>()
  for (const batch of chunks(
    rows.map((row) => Number(row.id)),
    idsPerQuery,
  )) {
    const found = await db
      .selectFrom('ci_jobs')
      .select(['run_id', 'id', 'attempt', 'data'])
      .where('repository', '=', repository)
      .where('run_id', 'in', batch)
      .orderBy('run_id')
      .orderBy('attempt')
      .orderBy('id')
      .execute()
    for (const row of found) {
      const runId = Number(row.run_id)
      let list = jobs.get(runId)
      if (list === undefined) jobs.set(runId, (list = []))
      list.push({ id: Number(row.id), attempt: Number(row.attempt), data: JSON.parse(row.data) })
    }
  }
  return rows.map((row) => ({
    id: Number(row.id),
    createdAt: row.created_at,
    version: row.version,
    data: JSON.parse(row.data),
    jobs: jobs.get(Number(row.id)) ?? [],
  }))
}
