import { sql } from 'kysely'
import type { CacheContext } from './cache-context.js'
import { dataTables } from './cache-schema.js'

/** What `clear` deletes: the rows of the cache's repository (the default when it has one), or every row. */
export interface ClearOptions {
  /** Every repository's rows, not only this one's. Default: true for a cache opened without a repository. */
  readonly all?: boolean
}

/**
 * Deletes rows of every data table in one transaction, keeping the schema and the `meta` rows: those of
 * the cache's repository (shared classifications and embeddings it stored included), or all of them.
 * SQLite keeps freed pages in the file, so it is then vacuumed and its write-ahead log truncated.
 */
export async function clearCache(context: CacheContext, options: ClearOptions = {}): Promise<void> {
  const { db, writer, kind, repository } = context
  const all = options.all ?? repository === ''
  await writer.transaction(async (transaction) => {
    for (const table of dataTables) {
      await (all
        ? transaction.deleteFrom(table)
        : transaction.deleteFrom(table).where('repository', '=', repository)
      ).execute()
    }
  })
  if (kind === 'sqlite') {
    await writer.exclusive(async () => {
      await sql`vacuum`.execute(db)
      await sql`pragma wal_checkpoint(truncate)`.execute(db)
    })
  }
}
