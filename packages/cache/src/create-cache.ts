import { realpath } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { CacheError, GitloreError } from '@gitlore/core'
import { type Dialect, Kysely, SqliteDialect, sql } from 'kysely'
import type { CacheContext } from './cache-context.js'
import { type CacheLocation, cannotOpenError } from './cache-errors.js'
import type { CacheDatabase } from './cache-schema.js'
import { readCacheStats, type StatsLocation } from './cache-stats.js'
import { getCiRuns, getCiRunVersions, getCiSyncState, putCiRuns } from './ci/ci-runs.js'
import { claimUnclaimedRows } from './claim-unclaimed-rows.js'
import { getClassifications } from './classifications/get-classifications.js'
import { putClassifications } from './classifications/put-classifications.js'
import { clearCache } from './clear-cache.js'
import { getCommits } from './commits/get-commits.js'
import { putCommits } from './commits/put-commits.js'
import { databaseKindOf } from './database-kind.js'
import { getEmbeddings, putEmbeddings } from './embeddings/embeddings.js'
import type { GitloreCache } from './gitlore-cache.js'
import { guardDatabaseErrors } from './guard-database-errors.js'
import {
  getKnowledgeComments,
  getKnowledgeRows,
  putKnowledgeRows,
  searchKnowledgeComments,
} from './knowledge/knowledge-rows.js'
import { openPostgresDialect } from './postgres/open-postgres-dialect.js'
import { describePostgresUrl, isPostgresUrl } from './postgres/postgres-url.js'
import { prepareSchema } from './prepare-schema.js'
import { getListing, getResult, getThemeLabel, putListing, putResult, putThemeLabel } from './results/results.js'
import { getPullRequests, getPullRequestVersions, putPullRequests } from './reviews/pull-requests.js'
import { getReviewSyncState, putReviewSyncState } from './reviews/review-sync-state.js'
import { getRun, latestRun, listRuns, putRun } from './runs/runs.js'
import { createBackgroundCommitWriter } from './sqlite/background-commit-writer.js'
import { ImmediateTransactionDialect } from './sqlite/immediate-transaction-dialect.js'
import { openSqliteFile } from './sqlite/open-sqlite-file.js'
import { createWriter } from './writer.js'

/** Options every kind of cache takes. */
interface ScopeOptions {
  /**
   * The repository the cache serves: its commits, listings, results and runs are stored under this key,
   * so one database holds many repositories. Use the same key for the same repository everywhere (gitlore
   * uses the review key, `api.github.com/owner/name`, for a repository on GitHub). Default `''`: a cache
   * that serves one repository, whose `clear` empties the whole database.
   */
  readonly repository?: string
}

/** A cache in an SQLite file, the default. */
export interface FileCacheOptions extends ScopeOptions {
  /** The SQLite file, typically `<repository>/.gitlore/cache.db`; relative to the working directory; its directory is created. */
  readonly path: string
  /** Milliseconds a write waits for another process's write to finish before it fails; default 5000. */
  readonly busyTimeout?: number
  /** Not allowed together with `path`. */
  readonly url?: never
  /** Not allowed together with `path`. */
  readonly dialect?: never
}

/** A cache in a PostgreSQL database a team shares. */
export interface PostgresCacheOptions extends ScopeOptions {
  /**
   * `postgres://user@host:5432/database` (a socket directory as `?host=/run/postgresql`); libpq's `PG*`
   * variables fill in what it leaves out. The URL is never shown with its password.
   */
  readonly url: string
  /** The password, when `PGPASSWORD`, `~/.pgpass` or the URL do not give it. */
  readonly password?: string | undefined
  /** Connections this process may open at most; default 5. */
  readonly poolSize?: number
  /** Milliseconds to wait for a connection before failing; default 10000. */
  readonly connectTimeout?: number
  /** Not allowed together with `url`. */
  readonly path?: never
  /** Not allowed together with `url`. */
  readonly dialect?: never
}

/** A cache in a database reached through a kysely dialect (SQLite or PostgreSQL). */
export interface DialectCacheOptions extends ScopeOptions {
  /** The kysely dialect to keep the cache in, e.g. a `PostgresDialect` over a pool of your own; the cache closes it on `close`. */
  readonly dialect: Dialect
  /** Not allowed together with `dialect`. */
  readonly path?: never
  /** Not allowed together with `dialect`. */
  readonly url?: never
}

/** Where `createCache` keeps the cache: an SQLite file, a PostgreSQL database, or a database behind a kysely dialect. */
export type CreateCacheOptions = FileCacheOptions | PostgresCacheOptions | DialectCacheOptions

const defaultBusyTimeout = 5000
/** Batches of commits at least this large go to the background writer (a run reading history). */
const backgroundFrom = 100
const defaultPoolSize = 5
const defaultConnectTimeout = 10_000

/**
 * Opens gitlore's cache, creating it and bringing its schema up to date as needed. An SQLite file runs
 * in WAL mode with a busy timeout and foreign keys on, and its write transactions take the write lock
 * up front (`BEGIN IMMEDIATE`); so does an injected SQLite dialect, apart from the file settings. On
 * PostgreSQL, any number of processes may open and write the same database at once.
 *
 * Throws a `CacheError`, leaving the database untouched, when it is not gitlore's cache, is corrupt, was
 * written by a newer gitlore, or cannot be reached.
 */
export async function createCache(options: CreateCacheOptions): Promise<GitloreCache> {
  const given = [options.path, options.url, options.dialect].filter((value) => value !== undefined)
  if (given.length !== 1) {
    throw new TypeError('createCache takes exactly one of `path`, `url` or `dialect`')
  }
  const repository = options.repository ?? ''
  if (options.dialect !== undefined) {
    return openCache(
      options.dialect,
      { label: 'the database of the injected kysely dialect', isFile: false },
      undefined,
      repository,
    )
  }
  if (options.url !== undefined) {
    if (typeof options.url !== 'string' || !isPostgresUrl(options.url)) {
      throw new CacheError({
        path: 'url',
        message: 'the cache URL must start with postgres:// or postgresql://',
      })
    }
    const database = describePostgresUrl(options.url)
    const dialect = await openPostgresDialect({
      url: options.url,
      password: options.password,
      poolSize: options.poolSize ?? defaultPoolSize,
      connectTimeout: options.connectTimeout ?? defaultConnectTimeout,
    })
    return openCache(dialect, { label: database, isFile: false }, { database }, repository)
  }
  if (typeof options.path !== 'string') {
    throw new TypeError('createCache needs a `path`, a `url` or a `dialect`')
  }
  const path = resolve(options.path)
  const busyTimeout = options.busyTimeout ?? defaultBusyTimeout
  const database = await openSqliteFile(path, busyTimeout)
  return openCache(new SqliteDialect({ database }), { label: path, isFile: true }, { path }, repository, busyTimeout)
}

async function openCache(
  baseDialect: Dialect,
  location: CacheLocation,
  statsLocation: StatsLocation,
  repository: string,
  busyTimeout = defaultBusyTimeout,
): Promise<GitloreCache> {
  const kind = databaseKindOf(baseDialect.createAdapter())
  if (kind === undefined) {
    await baseDialect.createDriver().destroy()
    throw new CacheError({
      path: location.label,
      message: `${location.label} is neither SQLite nor PostgreSQL: gitlore's cache runs on those two`,
    })
  }
  const db = new Kysely<CacheDatabase>({
    dialect: kind === 'sqlite' ? new ImmediateTransactionDialect(baseDialect) : baseDialect,
  })
  const path = statsLocation !== undefined && 'path' in statsLocation ? statsLocation.path : undefined
  let context: CacheContext
  try {
    // One lock per file, however the path was spelt.
    const lockKey = path === undefined ? undefined : join(await realpath(dirname(path)), basename(path))
    context = { db, writer: createWriter({ db, kind, lockKey }), kind, repository }
    if (kind === 'sqlite') {
      await sql`pragma foreign_keys = on`.execute(db)
    }
    await context.writer.exclusive(async () => {
      await prepareSchema(db, location)
      if (path !== undefined) {
        // Only now that the file is known to be gitlore's: switching to WAL rewrites the file header.
        await sql`pragma journal_mode = wal`.execute(db)
        await sql`pragma synchronous = normal`.execute(db)
      }
    })
    await claimUnclaimedRows(context)
  } catch (error) {
    await db.destroy().catch(() => {})
    throw GitloreError.isInstance(error) ? error : cannotOpenError(location, error)
  }

  // An SQLite file stores commits from a worker thread: the inserts then cost the thread reading
  // history nothing, and run while it analyses. Reads of commits wait for the writes before them.
  const background = path === undefined ? undefined : createBackgroundCommitWriter({ path, busyTimeout, repository })
  let closed = false
  return guardDatabaseErrors(location, {
    repository,
    async getCommits(shas) {
      await background?.flush()
      return getCommits(context, shas)
    },
    async putCommits(commits) {
      // A few commits are stored at once: starting a worker for them would cost more.
      if (background === undefined || (commits.length < backgroundFrom && !background.started)) {
        return putCommits(context, commits)
      }
      background.put(commits)
    },
    getClassifications: (query) => getClassifications(context, query),
    putClassifications: (entries) => putClassifications(context, entries),
    getListing: (key) => getListing(context, key),
    putListing: (key, commits) => putListing(context, key, commits),
    getResult: (namespace, key) => getResult(context, namespace, key),
    putResult: (namespace, key, value) => putResult(context, namespace, key, value),
    getThemeLabel: (key) => getThemeLabel(context, key),
    putThemeLabel: (key, label) => putThemeLabel(context, key, label),
    putRun: (run) => putRun(context, run),
    getEmbeddings: (query) => getEmbeddings(context, query),
    putEmbeddings: (entries) => putEmbeddings(context, entries),
    getRun: (id) => getRun(context, id),
    latestRun: () => latestRun(context),
    listRuns: (limit) => listRuns(context, limit),
    getReviewSyncState: (key) => getReviewSyncState(context, key),
    putReviewSyncState: (state) => putReviewSyncState(context, state),
    putPullRequests: (key, pullRequests, state) => putPullRequests(context, key, pullRequests, state),
    getPullRequestVersions: (key, numbers) => getPullRequestVersions(context, key, numbers),
    getPullRequests: (key, updatedSince) => getPullRequests(context, key, updatedSince),
    getCiSyncState: (key) => getCiSyncState(context, key),
    putCiRuns: (key, runs, state) => putCiRuns(context, key, runs, state),
    getCiRunVersions: (key, ids) => getCiRunVersions(context, key, ids),
    getCiRuns: (key, since, until) => getCiRuns(context, key, since, until),
    putKnowledgeRows: (rows) => putKnowledgeRows(context, rows),
    getKnowledgeRows: (kind, keys) => getKnowledgeRows(context, kind, keys),
    getKnowledgeComments: (ids) => getKnowledgeComments(context, ids),
    searchKnowledgeComments: (search) => searchKnowledgeComments(context, search),
    withLock: (name, task) => context.writer.lock(name, task),
    async stats() {
      await background?.flush()
      return readCacheStats(context, statsLocation)
    },
    async clear(options) {
      await background?.flush()
      return clearCache(context, options)
    },
    async close() {
      if (!closed) {
        closed = true
        try {
          await background?.close()
        } finally {
          await db.destroy()
        }
      }
    },
  })
}
