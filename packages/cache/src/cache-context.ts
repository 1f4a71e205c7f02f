import type { Kysely } from 'kysely'
import type { CacheDatabase } from './cache-schema.js'
import type { DatabaseKind } from './database-kind.js'
import type { Writer } from './writer.js'

/** What every cache operation works with: the database, its writer, and the repository rows are scoped to. */
export interface CacheContext {
  readonly db: Kysely<CacheDatabase>
  readonly writer: Writer
  readonly kind: DatabaseKind
  /** The repository the cache was opened for; `''` when none was given. */
  readonly repository: string
}
