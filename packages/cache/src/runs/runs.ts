import type { RunRecord, RunStatus, RunSummary } from '@gitlore/core'
import type { CacheContext } from '../cache-context.js'
import type { RunsTable } from '../cache-schema.js'

const runStatuses: readonly RunStatus[] = ['finished', 'degraded', 'interrupted', 'failed']

/** Stores a run of the cache's repository; storing the same id again replaces it. */
export async function putRun({ writer, repository }: CacheContext, run: RunRecord): Promise<void> {
  const row: RunsTable = {
    id: run.id,
    repository,
    started_at: run.startedAt,
    finished_at: run.finishedAt,
    head: run.head,
    findings: run.findings.length,
    degraded: JSON.stringify(
      run.stages.filter((stage) => stage.status !== 'ok' && stage.status !== 'skipped').map((stage) => stage.stage),
    ),
    status: run.status ?? 'finished',
    data: JSON.stringify(run),
  }
  const { id: _, ...update } = row
  await writer.transaction(async (transaction) => {
    await transaction
      .insertInto('runs')
      .values(row)
      .onConflict((conflict) => conflict.column('id').doUpdateSet(update))
      .execute()
  })
}

/** A run of the repository by id or by a unique prefix of its id; null when none or several match. */
export async function getRun({ db, repository }: CacheContext, id: string): Promise<RunRecord | null> {
  const rows = await db
    .selectFrom('runs')
    .select(['id', 'data'])
    .where('repository', '=', repository)
    .where('id', 'like', `${id.replace(/[%_\\]/g, '')}%`)
    .limit(2)
    .execute()
  const exact = rows.find((row) => row.id === id)
  const row = exact ?? (rows.length === 1 ? rows[0] : undefined)
  return row === undefined ? null : (JSON.parse(row.data) as RunRecord)
}

export async function latestRun({ db, repository }: CacheContext): Promise<RunRecord | null> {
  const row = await db
    .selectFrom('runs')
    .select('data')
    .where('repository', '=', repository)
    .where('status', 'in', ['finished', 'degraded'])
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst()
  return row === undefined ? null : (JSON.parse(row.data) as RunRecord)
}

export async function listRuns({ db, repository }: CacheContext, limit = 20): Promise<readonly RunSummary[]> {
  const rows = await db
    .selectFrom('runs')
    .select(['id', 'started_at', 'finished_at', 'head', 'findings', 'degraded', 'status'])
    .where('repository', '=', repository)
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
  return rows.map((row) => ({
    id: row.id,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    head: row.head,
    findings: Number(row.findings),
    degraded: JSON.parse(row.degraded) as string[],
    status: (runStatuses as readonly string[]).includes(row.status) ? (row.status as RunStatus) : 'finished',
  }))
}
