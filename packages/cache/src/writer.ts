import { type Kysely, sql, type Transaction } from 'kysely'
import type { CacheDatabase } from './cache-schema.js'
import type { DatabaseKind } from './database-kind.js'
import { advisoryLockKey } from './postgres/advisory-lock-key.js'
import { withWriteLock } from './write-lock.js'

/** How often writers had to wait, for benchmarks and `stats`. */
export interface WriterCounters {
  /** Named locks (`lock`) that another holder made this process wait for. */
  lockWaits: number
  /** Transactions run again after PostgreSQL aborted them for a deadlock or a serialization conflict. */
  retries: number
}

/**
 * Writes to the cache database. On SQLite, writers in this process queue for each other (by the database
 * file) before asking SQLite for its write lock, and writers in other processes wait the busy timeout. On
 * PostgreSQL every writer has its own connection; a transaction the server aborts to break a deadlock is
 * run again.
 */
export interface Writer {
  /** Runs `work` in one write transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (transaction: Transaction<CacheDatabase>) => Promise<T>): Promise<T>
  /** Runs `task`, which writes outside a transaction (VACUUM, checkpoints), while no other writer here runs. */
  exclusive<T>(task: () => Promise<T>): Promise<T>
  /**
   * Runs `task` while holding the lock called `name`, for work that must have one writer at a time however
   * many processes share the database (a sync of one repository). PostgreSQL holds a session advisory lock,
   * so the lock is shared by every process on the database and goes when its connection does; SQLite
   * queues the callers in this process.
   */
  lock<T>(name: string, task: () => Promise<T>): Promise<T>
  readonly counters: WriterCounters
}

/** Where a `Writer` writes. */
export interface WriterTarget {
  readonly db: Kysely<CacheDatabase>
  readonly kind: DatabaseKind
  /** The SQLite file's real path, so writers to one file in this process queue; undefined without a file. */
  readonly lockKey: string | undefined
}

/** PostgreSQL's codes for a transaction aborted to break a deadlock or a serialization conflict: safe to run again. */
const retryableCodes = new Set(['40P01', '40001'])
const maxAttempts = 8

function isRetryable(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined
  return typeof code === 'string' && retryableCodes.has(code)
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** A `Writer` for `target`. */
export function createWriter({ db, kind, lockKey }: WriterTarget): Writer {
  const counters: WriterCounters = { lockWaits: 0, retries: 0 }
  const localKey = lockKey ?? `memory:${Math.random().toString(36).slice(2)}`

  if (kind === 'postgres') {
    return {
      async transaction(work) {
        for (let attempt = 1; ; attempt++) {
          try {
            return await db.transaction().execute(work)
          } catch (error) {
            if (!isRetryable(error) || attempt >= maxAttempts) throw error
            counters.retries++
            await pause(Math.random() * 20 * attempt)
          }
        }
      },
      exclusive: (task) => task(),
      lock: (name, task) =>
        db.connection().execute(async (connection) => {
          const key = advisoryLockKey(name)
          const tried = await sql<{ locked: boolean }>`select pg_try_advisory_lock(${key}::bigint) as locked`.execute(
            connection,
          )
          if (tried.rows[0]?.locked !== true) {
            counters.lockWaits++
            await sql`select pg_advisory_lock(${key}::bigint)`.execute(connection)
          }
          try {
            return await task()
          } finally {
            await sql`select pg_advisory_unlock(${key}::bigint)`.execute(connection)
          }
        }),
      counters,
    }
  }

  const exclusive = <T>(task: () => Promise<T>): Promise<T> =>
    lockKey === undefined ? task() : withWriteLock(lockKey, task)
  return {
    transaction: (work) => exclusive(() => db.transaction().execute(work)),
    exclusive,
    lock: (name, task) => withWriteLock(`${localKey}#${name}`, task, () => counters.lockWaits++),
    counters,
  }
}
