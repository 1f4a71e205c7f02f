import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { Kysely, SqliteDialect, sql } from 'kysely'
import { expect, it } from 'vitest'
import { ImmediateTransactionDialect } from './immediate-transaction-dialect.js'

it('takes the write lock as a transaction begins, so no other writer can slip in before its first write', async () => {
  const path = join(await mkdtemp(join(tmpdir(), 'gitlore-cache-')), 'cache.db')
  const db = new Kysely<{ items: { value: number } }>({
    dialect: new ImmediateTransactionDialect(new SqliteDialect({ database: new Database(path) })),
  })
  await sql`create table items (value integer)`.execute(db)
  const other = new Database(path, { timeout: 0 })

  await db.transaction().execute(async (transaction) => {
    expect(() => other.exec('begin immediate')).toThrow('database is locked')
    await transaction.insertInto('items').values({ value: 1 }).execute()
  })

  other.exec('begin immediate')
  other.exec('commit')
  expect(other.prepare('select count(*) from items').pluck().get()).toBe(1)
  other.close()
  await db.destroy()
})
