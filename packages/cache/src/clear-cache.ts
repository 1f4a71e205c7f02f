import { type Kysely, sql } from 'kysely'
import { type CacheDatabase, dataTables } from './cache-schema.js'
import type { Writer } from './writer.js'

/** Where `clearCache` runs: the database, its writer, and whether it is SQLite (which can be compacted). */
export interface ClearTarget {
  readonly db: Kysely<CacheDatabase>
  readonly writer: Writer
  readonly isSqlite: boolean
}

/**
 * Deletes every row of every data table in one transaction, keeping the schema and the `meta` rows.
 * SQLite keeps freed pages in the file, so it is then vacuumed and its write-ahead log truncated.
 */
export async function clearCache({ db, writer, isSqlite }: ClearTarget): Promise<void> {
  await writer.transaction(async (transaction) => {
    for (const table of dataTables) {
      await transaction.deleteFrom(table).execute()
    }
  })
  if (isSqlite) {
    await writer.exclusive(async () => {
      await sql`vacuum`.execute(db)
      await sql`pragma wal_checkpoint(truncate)`.execute(db)
    })
  }
}
