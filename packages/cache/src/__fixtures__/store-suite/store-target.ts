import type { Kysely } from 'kysely'
import type { GitloreCache } from '../../gitlore-cache.js'

/** One empty database of the dialect under test. */
export interface TestDatabase {
  /** Opens the cache on this database (for `repository`, default none). */
  open(options?: { readonly repository?: string }): Promise<GitloreCache>
  /** Raw access to the database, for setting up what the cache must cope with; the caller destroys it. */
  connect(): Kysely<unknown>
}

/** A dialect the shared store suite runs over. */
export interface StoreTarget {
  readonly name: string
  /** A new, empty database. */
  newDatabase(): Promise<TestDatabase>
}

/** Caches and raw connections opened by a test, closed after it. */
export function createTracker() {
  const caches: GitloreCache[] = []
  const connections: Kysely<unknown>[] = []
  return {
    cache(cache: GitloreCache): GitloreCache {
      caches.push(cache)
      return cache
    },
    connection(db: Kysely<unknown>): Kysely<unknown> {
      connections.push(db)
      return db
    },
    async closeAll(): Promise<void> {
      await Promise.all(caches.splice(0).map((cache) => cache.close()))
      await Promise.all(connections.splice(0).map((db) => db.destroy()))
    },
  }
}
