import type { Commit } from './commit.js'

/**
 * A commit as read from the object database, before `.mailmap` is applied. This is what a
 * `CommitStore` keeps: a commit never changes, so it is stored once by sha.
 */
export interface RawCommit extends Commit {
  /** Submodule (gitlink) entries that changed in this commit and were left out of `files`. */
  readonly submoduleEntries: number
  /**
   * Set when a tree the commit's diff needs is missing from the object store (a partial clone):
   * its files are unknown and `files` is empty. Absent otherwise.
   */
  readonly filesUnknown?: true
}

/** Where git backends keep commits they have read, so a re-run reads only new ones. */
export interface CommitStore {
  /** The stored commits among `shas`; shas not stored are absent from the map. */
  getCommits(shas: readonly string[]): Promise<ReadonlyMap<string, RawCommit>>
  /** Stores commits; storing a sha twice is harmless. */
  putCommits(commits: readonly RawCommit[]): Promise<void>
}

/** A commit as listed without its diff: enough to pick a window and to ask a store what it holds. */
export interface CommitSummary {
  readonly sha: string
  /** Parent shas; empty for a root commit and for a shallow clone's boundary commits. */
  readonly parents: readonly string[]
  /** Author date, Unix seconds. */
  readonly authorTime: number
  /** Committer date, Unix seconds. */
  readonly committerTime: number
}

/**
 * Remembers whole listings (every commit reachable from one HEAD, without diffs). The commits
 * reachable from a commit never change, so a re-run on the same HEAD needs no walk of the history.
 */
export interface ListingStore {
  /** The listing stored under `key`, or null. */
  getListing(key: string): Promise<readonly CommitSummary[] | null>
  /** Stores a listing; a later put under the same key replaces it. */
  putListing(key: string, commits: readonly CommitSummary[]): Promise<void>
}

/** Remembers derived results (JSON values) under content keys, so unchanged inputs are not analysed twice. */
export interface ResultStore {
  /** The value stored under `key` in `namespace`, or null. */
  getResult(namespace: string, key: string): Promise<unknown>
  /** Stores a JSON value; a later put under the same key replaces it. */
  putResult(namespace: string, key: string, value: unknown): Promise<void>
}
