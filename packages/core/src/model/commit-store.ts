import type { Commit } from './commit.js'

/**
 * A commit as read from the object database, before `.mailmap` is applied. This is what a
 * `CommitStore` keeps: a commit never changes, so it is stored once by sha.
 */
export interface RawCommit extends Commit {
  /** Submodule (gitlink) entries that changed in this commit and were left out of `files`. */
  readonly submoduleEntries: number
}

/** Where git backends keep commits they have read, so a re-run reads only new ones. */
export interface CommitStore {
  /** The stored commits among `shas`; shas not stored are absent from the map. */
  getCommits(shas: readonly string[]): Promise<ReadonlyMap<string, RawCommit>>
  /** Stores commits; storing a sha twice is harmless. */
  putCommits(commits: readonly RawCommit[]): Promise<void>
}
