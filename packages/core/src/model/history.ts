import type { Commit } from './commit.js'

/** Where the history came from. */
export interface RepositoryInfo {
  /** Absolute path of the repository's top-level directory. */
  readonly path: string
  /** Sha HEAD points at; null for an empty repository. */
  readonly head: string | null
  /** Branch HEAD points at; null when HEAD is detached. */
  readonly branch: string | null
  /** `owner/repo` when the origin remote is on GitHub, else the remote URL without credentials; null without a remote. */
  readonly remote: string | null
  /** `owner/name` of the GitHub repository the review data came from, when it did. */
  readonly github?: string
}

export interface TimeWindow {
  /** Inclusive lower bound, ISO 8601. */
  readonly since: string
  /** Inclusive upper bound, ISO 8601. */
  readonly until: string
}

/** What a git backend read: the commits in the window, newest first, with what it had to skip. */
export interface GitHistory {
  readonly repository: RepositoryInfo
  readonly window: TimeWindow
  /** Commits reachable from HEAD whose author date is in the window (merges included), newest first. */
  readonly commits: readonly Commit[]
  /** Human-readable notes about things skipped or cut short (shallow boundary, submodules). */
  readonly warnings: readonly string[]
  /** True when the repository is a shallow clone and history stops at its boundary. */
  readonly shallow: boolean
  /** How many submodule (gitlink) entries were skipped across the window's commits. */
  readonly skippedSubmoduleEntries: number
  /**
   * True when objects were missing (a partial clone): some line counts or files are unknown, as the
   * warnings say. Results derived from such a history should not be stored as final.
   */
  readonly incomplete?: boolean
}
