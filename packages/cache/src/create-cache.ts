import { realpath } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { GitloreError } from '@gitlore/core'
import { type Dialect, Kysely, SqliteDialect, sql } from 'kysely'
import { type CacheLocation, cannotOpenError } from './cache-errors.js'
import type { CacheDatabase } from './cache-schema.js'
import { readCacheStats } from './cache-stats.js'
import { getClassifications } from './classifications/get-classifications.js'
import { putClassifications } from './classifications/put-classifications.js'
import { clearCache } from './clear-cache.js'
import { getCommits } from './commits/get-commits.js'
import { putCommits } from './commits/put-commits.js'
import { getEmbeddings, putEmbeddings } from './embeddings/embeddings.js'
import type { GitloreCache } from './gitlore-cache.js'
import { prepareSchema } from './prepare-schema.js'
import { getListing, getResult, getThemeLabel, putListing, putResult, putThemeLabel } from './results/results.js'
import { getPullRequests, getPullRequestVersions, putPullRequests } from './reviews/pull-requests.js'
import { getReviewSyncState, putReviewSyncState } from './reviews/review-sync-state.js'
import { getRun, latestRun, listRuns, putRun } from './runs/runs.js'
import { ImmediateTransactionDialect, isSqliteDialect } from './sqlite/immediate-transaction-dialect.js'
import { openSqliteFile } from './sqlite/open-sqlite-file.js'
import { createWriter, type Writer } from './writer.js'

/** A cache in an SQLite file, the default. */
export interface FileCacheOptions {
  /** The SQLite file, typically `<repository>/.gitlore/cache.db`; relative to the working directory; its directory is created. */
  readonly path: string
  /** Milliseconds a write waits for another process's write to finish before it fails; default 5000. */
  readonly busyTimeout?: number
  /** Not allowed together with `path`. */
  readonly dialect?: never
}

/** A cache in a database reached through a kysely dialect. */
export interface DialectCacheOptions {
  /** The kysely dialect to keep the cache in, e.g. a `PostgresDialect` a team shares; the cache closes it on `close`. */
  readonly dialect: Dialect
  /** Not allowed together with `dialect`. */
  readonly path?: never
}

/** Where `createCache` keeps the cache: an SQLite file, or a database behind a kysely dialect. */
export type CreateCacheOptions = FileCacheOptions | DialectCacheOptions

const defaultBusyTimeout = 5000

/**
 * Opens gitlore's cache, creating it and bringing its schema up to date as needed. An SQLite file runs
 * in WAL mode with a busy timeout and foreign keys on, and its write transactions take the write lock
 * up front (`BEGIN IMMEDIATE`); so does an injected SQLite dialect, apart from the file settings.
 *
 * Throws a `CacheError`, leaving the database untouched, when it is not gitlore's cache, is corrupt, or
 * was written by a newer gitlore.
 */
export async function createCache(options: CreateCacheOptions): Promise<GitloreCache> {
  if (options.dialect !== undefined) {
    if (options.path !== undefined) {
      throw new TypeError('createCache takes a `path` or a `dialect`, not both')
    }
    return openCache(options.dialect, undefined)
  }
  if (typeof options.path !== 'string') {
    throw new TypeError('createCache needs a `path` or a `dialect`')
  }
  const path = resolve(options.path)
  const database = await openSqliteFile(path, options.busyTimeout ?? defaultBusyTimeout)
  return openCache(new SqliteDialect({ database }), path)
}

async function openCache(baseDialect: Dialect, path: string | undefined): Promise<GitloreCache> {
  const location: CacheLocation =
    path === undefined
      ? { label: 'the database of the injected kysely dialect', isFile: false }
      : { label: path, isFile: true }
  const isSqlite = isSqliteDialect(baseDialect)
  const db = new Kysely<CacheDatabase>({
    dialect: isSqlite ? new ImmediateTransactionDialect(baseDialect) : baseDialect,
  })
  let writer: Writer
  try {
    // One lock per file, however the path was spelt.
    writer = createWriter(db, path === undefined ? undefined : join(await realpath(dirname(path)), basename(path)))
    if (isSqlite) {
      await sql`pragma foreign_keys = on`.execute(db)
    }
    await writer.exclusive(async () => {
      await prepareSchema(db, location)
      if (path !== undefined) {
        // Only now that the file is known to be gitlore's: switching to WAL rewrites the file header.
        await sql`pragma journal_mode = wal`.execute(db)
        await sql`pragma synchronous = normal`.execute(db)
      }
    })
  } catch (error) {
    await db.destroy()
    throw GitloreError.isInstance(error) ? error : cannotOpenError(location, error)
  }

  let closed = false
  return {
    getCommits: (shas) => getCommits(db, shas),
    putCommits: (commits) => putCommits(writer, commits),
    getClassifications: (query) => getClassifications(db, query),
    putClassifications: (entries) => putClassifications(writer, entries),
    getListing: (key) => getListing(db, key),
    putListing: (key, commits) => putListing(writer, key, commits),
    getResult: (namespace, key) => getResult(db, namespace, key),
    putResult: (namespace, key, value) => putResult(writer, namespace, key, value),
    getThemeLabel: (key) => getThemeLabel(db, key),
    putThemeLabel: (key, label) => putThemeLabel(writer, key, label),
    putRun: (run) => putRun(writer, run),
    getEmbeddings: (query) => getEmbeddings(db, query),
    putEmbeddings: (entries) => putEmbeddings(writer, entries),
    getRun: (id) => getRun(db, id),
    latestRun: () => latestRun(db),
    listRuns: (limit) => listRuns(db, limit),
    getReviewSyncState: (repository) => getReviewSyncState(db, repository),
    putReviewSyncState: (state) => putReviewSyncState(writer, state),
    putPullRequests: (repository, pullRequests, state) => putPullRequests(writer, repository, pullRequests, state),
    getPullRequestVersions: (repository, numbers) => getPullRequestVersions(db, repository, numbers),
    getPullRequests: (repository, updatedSince) => getPullRequests(db, repository, updatedSince),
    stats: () => readCacheStats(db, path),
    clear: () => clearCache({ db, writer, isSqlite }),
    async close() {
      if (!closed) {
        closed = true
        await db.destroy()
      }
    },
  }
}
