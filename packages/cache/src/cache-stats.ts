import { stat } from 'node:fs/promises'
import { type Kysely, sql } from 'kysely'
import type { CacheContext } from './cache-context.js'
import { type CacheDatabase, dataTables } from './cache-schema.js'
import type { CacheStats } from './gitlore-cache.js'
import { schemaVersion } from './migrations/migrations.js'

async function sizeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).size
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return 0
    }
    throw error
  }
}

async function countRows(db: Kysely<CacheDatabase>, repository: string | undefined): Promise<Record<string, number>> {
  const rows: Record<string, number> = {}
  for (const table of dataTables) {
    const where = repository === undefined ? sql`` : sql` where repository = ${repository}`
    const result = await sql<{
      count: number | string | bigint
    }>`select count(*) as count from ${sql.table(table)}${where}`.execute(db)
    rows[table] = Number(result.rows[0]?.count ?? 0)
  }
  return rows
}

/** Where the cache lives, for `stats`: an SQLite file, or a description of the database (no credentials). */
export type StatsLocation = { readonly path: string } | { readonly database: string } | undefined

/**
 * Counts the rows of every data table, in the whole database and (when the cache was opened for one) of
 * its repository, and for an SQLite file its size with its write-ahead log.
 */
export async function readCacheStats(context: CacheContext, location: StatsLocation): Promise<CacheStats> {
  const rows = await countRows(context.db, undefined)
  const scoped =
    context.repository === ''
      ? {}
      : { repository: context.repository, repositoryRows: await countRows(context.db, context.repository) }
  if (location === undefined || 'database' in location) {
    return { ...location, schemaVersion, rows, ...scoped }
  }
  const bytes = (await sizeOf(location.path)) + (await sizeOf(`${location.path}-wal`))
  return { path: location.path, bytes, schemaVersion, rows, ...scoped }
}
