import type { RunRecord, RunStatus, RunSummary } from '@gitlore/core'
import type { Kysely } from 'kysely'
import type { CacheDatabase, RunsTable } from '../cache-schema.js'
import type { Writer } from '../writer.js'

const runStatuses: readonly RunStatus[] = ['finished', 'degraded', 'interrupted', 'failed']

/** Stores a run; storing the same id again replaces it. */
export async function putRun(writer: Writer, run: RunRecord): Promise<void> {
  const row: RunsTable = {
    id: run.id,
    started_at: run.startedAt,
    finished_at: run.finishedAt,
    head: run.head,
    findings: run.findings.length,
    degraded: JSON.stringify(run.stages.filter((stage) => stage.status !== 'ok').map((stage) => stage.stage)),
    status: run.status ?? 'finished',
    data: JSON.stringify(run),
  }
  await writer.transaction(async (transaction) => {
    await transaction
      .insertInto('runs')
      .values(row)
      .onConflict((conflict) => conflict.column('id').doUpdateSet(row))
      .execute()
  })
}

/** A run by id or by a unique prefix of its id; null when none or several match. */
export async function getRun(db: Kysely<CacheDatabase>, id: string): Promise<RunRecord | null> {
  const rows = await db
    .selectFrom('runs')
    .select(['id', 'data'])
    .where('id', 'like', `${id.replace(/[%_\\]/g, '')}%`)
    .limit(2)
    .execute()
  const exact = rows.find((row) => row.id === id)
  const row = exact ?? (rows.length === 1 ? rows[0] : undefined)
  return row === undefined ? null : (JSON.parse(row.data) as RunRecord)
}

export async function latestRun(db: Kysely<CacheDatabase>): Promise<RunRecord | null> {
  const row = await db
    .selectFrom('runs')
    .select('data')
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst()
  return row === undefined ? null : (JSON.parse(row.data) as RunRecord)
}

export async function listRuns(db: Kysely<CacheDatabase>, limit = 20): Promise<readonly RunSummary[]> {
  const rows = await db
    .selectFrom('runs')
    .select(['id', 'started_at', 'finished_at', 'head', 'findings', 'degraded', 'status'])
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
  return rows.map((row) => ({
    id: row.id,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    head: row.head,
    findings: row.findings,
    degraded: JSON.parse(row.degraded) as string[],
    status: (runStatuses as readonly string[]).includes(row.status) ? (row.status as RunStatus) : 'finished',
  }))
}
