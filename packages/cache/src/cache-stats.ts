import { stat } from 'node:fs/promises'
import { type Kysely, sql } from 'kysely'
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

/** Counts the rows of every data table and, for an SQLite file, its size with its write-ahead log. */
export async function readCacheStats(db: Kysely<CacheDatabase>, path: string | undefined): Promise<CacheStats> {
  const rows: Record<string, number> = {}
  for (const table of dataTables) {
    const result = await sql<{
      count: number | string | bigint
    }>`select count(*) as count from ${sql.table(table)}`.execute(db)
    rows[table] = Number(result.rows[0]?.count ?? 0)
  }
  if (path === undefined) {
    return { schemaVersion, rows }
  }
  const bytes = (await sizeOf(path)) + (await sizeOf(`${path}-wal`))
  return { path, bytes, schemaVersion, rows }
}
