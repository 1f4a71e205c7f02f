import { GitloreError } from '@gitlore/core'
import { type Kysely, sql } from 'kysely'
import { Migrator } from 'kysely/migration'
import {
  type CacheLocation,
  cannotOpenError,
  isUnreadableDatabaseError,
  newerSchemaError,
  notGitloreCacheError,
} from './cache-errors.js'
import type { CacheDatabase } from './cache-schema.js'
import { databaseKind } from './database-kind.js'
import { inspectDatabase } from './inspect-database.js'
import { migrationProvider, schemaVersion } from './migrations/migrations.js'
import { advisoryLockKey } from './postgres/advisory-lock-key.js'

async function inspectOrRefuse(db: Kysely<CacheDatabase>, location: CacheLocation): Promise<number | undefined> {
  let contents: Awaited<ReturnType<typeof inspectDatabase>>
  try {
    contents = await inspectDatabase(db)
  } catch (error) {
    throw isUnreadableDatabaseError(error) ? notGitloreCacheError(location, error) : error
  }
  if (contents.kind === 'foreign') {
    throw notGitloreCacheError(location)
  }
  if (contents.kind === 'gitlore' && contents.schemaVersion > schemaVersion) {
    throw newerSchemaError(location, contents.schemaVersion, schemaVersion)
  }
  return contents.kind === 'gitlore' ? contents.schemaVersion : undefined
}

async function migrate(db: Kysely<CacheDatabase>, location: CacheLocation): Promise<void> {
  if (databaseKind(db as Kysely<unknown>) === 'postgres') {
    // Another process may be creating or upgrading the schema right now: wait for it, then look again.
    await sql`select pg_advisory_xact_lock(${advisoryLockKey('schema')}::bigint)`.execute(db)
  }
  if ((await inspectOrRefuse(db, location)) === schemaVersion) {
    return
  }
  const { error } = await new Migrator({ db, provider: migrationProvider }).migrateToLatest()
  if (error !== undefined) {
    throw error
  }
  const value = String(schemaVersion)
  await db
    .insertInto('meta')
    .values({ key: 'schema_version', value })
    .onConflict((conflict) => conflict.column('key').doUpdateSet({ value }))
    .execute()
}

/**
 * Checks that the database is gitlore's cache (or empty) and brings its schema up to date. A foreign,
 * corrupt or newer database raises a `CacheError` before anything is written to it. An up-to-date cache
 * is only read; otherwise the check and the migrations run in one write transaction where the dialect
 * allows transactional DDL (SQLite's `BEGIN IMMEDIATE`, PostgreSQL's under an advisory lock), so two
 * processes opening a new cache at once cannot both create it.
 */
export async function prepareSchema(db: Kysely<CacheDatabase>, location: CacheLocation): Promise<void> {
  try {
    if ((await inspectOrRefuse(db, location)) === schemaVersion) {
      return
    }
    if (db.getExecutor().adapter.supportsTransactionalDdl) {
      await db.transaction().execute((transaction) => migrate(transaction, location))
    } else {
      await migrate(db, location)
    }
  } catch (error) {
    throw GitloreError.isInstance(error) ? error : cannotOpenError(location, error)
  }
}
