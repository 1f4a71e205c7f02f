import type { CommitStore, ListingStore, ResultStore, RunStore } from '@gitlore/core'
import type { CachedCiRun, CiSyncState } from './ci/ci-records.js'
import type {
  CachedClassification,
  ClassificationEntry,
  ClassificationQuery,
} from './classifications/cached-classification.js'
import type { ClearOptions } from './clear-cache.js'
import type { EmbeddingEntry, EmbeddingQuery } from './embeddings/embeddings.js'
import type { KnowledgeCommentIndexRow, KnowledgeCommentSearch, KnowledgeIndexRow } from './knowledge/knowledge-rows.js'
import type { CachedPullRequest, ReviewSyncState } from './reviews/review-records.js'

/** What `stats` reports, for `gitlore cache stats`. */
export interface CacheStats {
  /** The SQLite file; absent for PostgreSQL and injected dialects. */
  readonly path?: string
  /** The PostgreSQL server and database (`postgres://user@host:port/db`, never a password). */
  readonly database?: string
  /** Bytes on disk (the database file plus its write-ahead log); SQLite files only. */
  readonly bytes?: number
  /** The cache schema version: how many migrations have been applied. */
  readonly schemaVersion: number
  /** Rows per table of cached data in the whole database, e.g. `{ commits: 20000 }`. */
  readonly rows: Readonly<Record<string, number>>
  /** The repository the cache was opened for; absent when none was given. */
  readonly repository?: string
  /** Rows per table that belong to (or, for shared classifications and embeddings, were stored by) that repository. */
  readonly repositoryRows?: Readonly<Record<string, number>>
}

/**
 * gitlore's persistent cache, opened for one repository. It stores commits by sha (a `CommitStore`),
 * listings and results (`ListingStore`, `ResultStore`) and runs (`RunStore`) of that repository;
 * classifier answers (a `ClassificationStore` of @gitlore/classifier) and embeddings keyed by what was
 * asked and shared by every repository in the database; and GitHub review data by GitHub repository (a
 * `ReviewStore` of @gitlore/extractors). Each write is its own transaction, so an interrupted run keeps
 * everything written before it stopped, and any number of processes may write at once.
 */
export interface GitloreCache extends CommitStore, ListingStore, ResultStore, RunStore {
  /** The repository the cache was opened for (`createCache`'s `repository`); `''` when none was given. */
  readonly repository: string
  /** Stored classifier answers of one model and prompt, by body hash; unknown hashes are absent. */
  getClassifications(query: ClassificationQuery): Promise<ReadonlyMap<string, CachedClassification>>
  /** Stores classifier answers in one transaction, replacing any stored under the same key. */
  putClassifications(entries: readonly ClassificationEntry[]): Promise<void>
  /** A model's label of a review theme, or null (a `ThemeLabelStore` of @gitlore/clustering; never evicted). */
  getThemeLabel(key: string): Promise<string | null>
  /** Stores a model's theme label under its key (model, prompt version and prompt hash). */
  putThemeLabel(key: string, label: string): Promise<void>
  /** Stored embedding vectors (Float32 bytes) of one model and length, by text hash. */
  getEmbeddings(query: EmbeddingQuery): Promise<ReadonlyMap<string, Uint8Array>>
  /** Stores a batch of embedding vectors in one transaction. */
  putEmbeddings(entries: readonly EmbeddingEntry[]): Promise<void>
  /** How far a GitHub repository's pull requests are synced, or null before its first sync (a `ReviewStore` of @gitlore/extractors). */
  getReviewSyncState(repository: string): Promise<ReviewSyncState | null>
  /** Replaces a repository's sync state. */
  putReviewSyncState(state: ReviewSyncState): Promise<void>
  /** In one transaction: upserts pull requests, replaces their comments, and writes the sync state. */
  putPullRequests(repository: string, pullRequests: readonly CachedPullRequest[], state: ReviewSyncState): Promise<void>
  /** `updatedAt` of the stored pull requests among `numbers`. */
  getPullRequestVersions(repository: string, numbers: readonly number[]): Promise<ReadonlyMap<number, string>>
  /** Stored pull requests updated at or after `updatedSince`, most recently updated first, with their comments. */
  getPullRequests(repository: string, updatedSince: string): Promise<readonly CachedPullRequest[]>
  /** How far a GitHub repository's workflow runs are synced, or null before its first sync (a `CiStore` of @gitlore/extractors). */
  getCiSyncState(repository: string): Promise<CiSyncState | null>
  /** In one transaction: upserts workflow runs, replaces their jobs, and writes the CI sync state. */
  putCiRuns(repository: string, runs: readonly CachedCiRun[], state: CiSyncState): Promise<void>
  /** Stored versions of the runs among `ids`. */
  getCiRunVersions(repository: string, ids: readonly number[]): Promise<ReadonlyMap<number, string>>
  /** Stored runs created in [createdSince, createdUntil], newest first, with their jobs. */
  getCiRuns(repository: string, createdSince: string, createdUntil: string): Promise<readonly CachedCiRun[]>
  /**
   * Runs `task` as the only holder of the lock `name` among every process sharing the database (on
   * PostgreSQL; SQLite queues callers in this process), e.g. a GitHub sync of one repository, so two runs
   * never fetch and write the same pages at once. Waiting callers then find the work done.
   */
  withLock<T>(name: string, task: () => Promise<T>): Promise<T>
  /**
   * Replaces the repository's knowledge index (a `KnowledgeStore` of @gitlore/knowledge) in one
   * transaction, writing only rows whose hash changed and deleting rows the new index lacks.
   */
  putKnowledgeRows(rows: {
    readonly rows: readonly KnowledgeIndexRow[]
    readonly comments: readonly KnowledgeCommentIndexRow[]
  }): Promise<{ written: number; unchanged: number; deleted: number }>
  /** The JSON of the repository's knowledge rows of a kind: those keys, or all of them. */
  getKnowledgeRows(kind: KnowledgeIndexRow['kind'], keys?: readonly string[]): Promise<readonly string[]>
  /** The JSON of those indexed review comments. */
  getKnowledgeComments(ids: readonly string[]): Promise<readonly string[]>
  /** The JSON of the indexed review comments holding every term and matching every filter, newest first. */
  searchKnowledgeComments(search: KnowledgeCommentSearch): Promise<readonly string[]>
  /** Rows per table (the whole database and this repository's) and size on disk. */
  stats(): Promise<CacheStats>
  /**
   * Deletes this repository's cached items (every item with `{ all: true }`, the default for a cache opened
   * without a repository) but keeps the schema; an SQLite file is compacted afterwards.
   */
  clear(options?: ClearOptions): Promise<void>
  /** Closes the database. The cache cannot be used afterwards; closing twice is harmless. */
  close(): Promise<void>
}
