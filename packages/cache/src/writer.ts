import type { Kysely, Transaction } from 'kysely'
import type { CacheDatabase } from './cache-schema.js'
import { withWriteLock } from './write-lock.js'

/**
 * Writes to the cache database. With a lock key (the database file), writers in this process queue for
 * each other before asking SQLite for its write lock; writers in other processes wait the busy timeout.
 */
export interface Writer {
  /** Runs `work` in one write transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (transaction: Transaction<CacheDatabase>) => Promise<T>): Promise<T>
  /** Runs `task`, which writes outside a transaction (VACUUM, checkpoints), while no other writer here runs. */
  exclusive<T>(task: () => Promise<T>): Promise<T>
}

/** A `Writer` for `db`; `lockKey` is the database file's path, or undefined when it has none. */
export function createWriter(db: Kysely<CacheDatabase>, lockKey: string | undefined): Writer {
  const exclusive = <T>(task: () => Promise<T>): Promise<T> =>
    lockKey === undefined ? task() : withWriteLock(lockKey, task)
  return {
    transaction: (work) => exclusive(() => db.transaction().execute(work)),
    exclusive,
  }
}
