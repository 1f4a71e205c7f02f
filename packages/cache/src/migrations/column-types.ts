import type { Kysely } from 'kysely'
import { databaseKind } from '../database-kind.js'

/**
 * Column types that SQLite and PostgreSQL spell differently. Migrations use these so one list of
 * migrations builds the same schema on both; on SQLite they are the names the first migrations used.
 */
export function columnTypes(db: Kysely<unknown>): {
  readonly binary: 'blob' | 'bytea'
  readonly real: 'real' | 'double precision'
} {
  return databaseKind(db) === 'postgres'
    ? { binary: 'bytea', real: 'double precision' }
    : { binary: 'blob', real: 'real' }
}
