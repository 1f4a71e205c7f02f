import { type Dialect, PostgresDialect } from 'kysely'
import { parseIntoClientConfig } from 'pg-connection-string'

/** How to reach a PostgreSQL database. */
export interface PostgresConnectionOptions {
  /** `postgres://user@host:5432/database`; libpq's `PG*` variables fill in what it leaves out. */
  readonly url: string
  /** The password, when the URL holds none and `PGPASSWORD` or `~/.pgpass` (which `pg` reads itself) should not be used. */
  readonly password?: string | undefined
  /** Connections this process may open at most. */
  readonly poolSize: number
  /** Milliseconds to wait for a connection before failing. */
  readonly connectTimeout: number
}

/**
 * A kysely `PostgresDialect` over a `pg` pool. `pg` is loaded only now, so an SQLite cache never needs it.
 * A connection that dies while idle is dropped from the pool instead of crashing the process; the next
 * query reports the failure.
 */
export async function openPostgresDialect(options: PostgresConnectionOptions): Promise<Dialect> {
  const { default: pg } = await import('pg')
  const config = parseIntoClientConfig(options.url.trim())
  const pool = new pg.Pool({
    ...config,
    ...(options.password === undefined || (typeof config.password === 'string' && config.password !== '')
      ? {}
      : { password: options.password }),
    max: options.poolSize,
    connectionTimeoutMillis: options.connectTimeout,
    application_name: config.application_name ?? 'gitlore',
  })
  pool.on('error', () => {})
  return new PostgresDialect({ pool })
}
