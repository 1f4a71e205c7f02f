import { type DialectAdapter, type Kysely, PostgresAdapter, SqliteAdapter } from 'kysely'

/** The databases the cache knows how to use: their SQL differs in a few column types and in locking. */
export type DatabaseKind = 'sqlite' | 'postgres'

/** Which database a kysely adapter talks to, judged by its class rather than by name; undefined for others. */
export function databaseKindOf(adapter: DialectAdapter): DatabaseKind | undefined {
  if (adapter instanceof SqliteAdapter) return 'sqlite'
  if (adapter instanceof PostgresAdapter) return 'postgres'
  return undefined
}

/** The kind of database `db` (or a transaction on it) runs on; SQLite for anything unrecognised. */
export function databaseKind(db: Kysely<unknown>): DatabaseKind {
  return databaseKindOf(db.getExecutor().adapter) ?? 'sqlite'
}
