import { CacheError } from '@gitlore/core'
import { type Kysely, sql } from 'kysely'
import { Migrator } from 'kysely/migration'
import { expect, it } from 'vitest'
import { dataTables } from '../../cache-schema.js'
import { migrations, schemaVersion } from '../../migrations/migrations.js'
import { makeCommit, testSha } from '../raw-commits.js'
import type { SuiteContext } from './index.js'
import { run } from './result-cases.js'
import { classification } from './review-cases.js'

const bookkeeping = new Set(['meta', 'kysely_migration', 'kysely_migration_lock'])

async function tableColumns(db: Kysely<unknown>): Promise<Map<string, string[]>> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true })
  return new Map(tables.map((table) => [table.name, table.columns.map((column) => column.name)]))
}

async function rowCount(db: Kysely<unknown>, table: string): Promise<number> {
  const result = await sql<{ count: string | number }>`select count(*) as count from ${sql.table(table)}`.execute(db)
  return Number(result.rows[0]?.count)
}

export function schemaCases({ database }: SuiteContext): void {
  it('creates exactly the data tables it counts, each with a repository column', async () => {
    const db = await database()
    await db.open()
    const columns = await tableColumns(db.connect())
    expect([...columns.keys()].filter((table) => !bookkeeping.has(table)).sort()).toEqual([...dataTables].sort())
    for (const table of dataTables) expect(columns.get(table), table).toContain('repository')
  })

  it('refuses a database holding another application’s tables, and leaves them as they were', async () => {
    const db = await database()
    const raw = db.connect()
    await sql`create table notes (id integer primary key, body text)`.execute(raw)
    await sql`insert into notes (id, body) values (1, 'keep me')`.execute(raw)
    const error = await db.open().catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(CacheError)
    expect((error as Error).message).toContain('is not a gitlore cache')
    expect([...(await tableColumns(raw)).keys()]).toEqual(['notes'])
    expect(await rowCount(raw, 'notes')).toBe(1)
  })

  it('refuses a cache written by a newer gitlore and says so', async () => {
    const db = await database()
    await (await db.open()).close()
    await sql`update meta set value = '999' where key = 'schema_version'`.execute(db.connect())
    const error = await db.open().catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(CacheError)
    expect((error as Error).message).toContain(
      `was written by a newer gitlore (cache schema 999, this gitlore knows up to ${schemaVersion})`,
    )
  })

  it('upgrades a cache that served one repository and gives its rows to the first repository that opens it', async () => {
    const db = await database()
    const raw = db.connect()
    // The schema before caches were scoped by repository.
    const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '0008-repository-scope'))
    const migrated = await new Migrator({
      db: raw,
      provider: { getMigrations: async () => before },
    }).migrateToLatest()
    expect(migrated.error).toBeUndefined()
    await sql`insert into meta (key, value) values ('schema_version', ${String(Object.keys(before).length)})`.execute(
      raw,
    )
    await sql`insert into commits (sha, data) values (${testSha(1)}, ${JSON.stringify(makeCommit(1))})`.execute(raw)
    const stored = run('run-1', '2025-01-01T00:00:00.000Z')
    await sql`insert into runs (id, started_at, finished_at, head, findings, degraded, data)
      values ('run-1', ${stored.startedAt}, ${stored.finishedAt}, null, 0, '[]', ${JSON.stringify(stored)})`.execute(
      raw,
    )
    await sql`insert into results (namespace, key, data, created_at, sequence)
      values ('stats', 'k', '{"kept":true}', '2025-01-01T00:00:00.000Z', 1)`.execute(raw)

    const first = await db.open({ repository: 'api.github.com/octo/first' })
    expect(await first.getCommits([testSha(1)])).toEqual(new Map([[testSha(1), makeCommit(1)]]))
    expect((await first.listRuns()).map((summary) => summary.id)).toEqual(['run-1'])
    expect(await first.getResult('stats', 'k')).toEqual({ kept: true })
    await first.putClassifications([classification('a')])
    expect((await first.stats()).schemaVersion).toBe(schemaVersion)

    const second = await db.open({ repository: 'api.github.com/octo/second' })
    expect((await second.getCommits([testSha(1)])).size).toBe(0)
    expect(await second.listRuns()).toEqual([])
  })
}
