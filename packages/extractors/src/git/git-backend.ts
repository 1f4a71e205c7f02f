import type { CommitSummary, RawCommit, RepositoryInfo } from '@gitlore/core'

export type { CommitSummary } from '@gitlore/core'

import { createCliBackend } from './cli-backend.js'
import { findGitBinary } from './find-git-binary.js'
import { createIsomorphicBackend } from './isomorphic-backend.js'

/** The two ways of reading a repository: the git binary, or isomorphic-git in pure JavaScript. */
export type GitBackendKind = 'cli' | 'isomorphic'

/** What a backend learns about the repository before reading any history. */
export interface RepositoryState {
  readonly info: RepositoryInfo
  /** Boundary commits of a shallow clone (the `shallow` file); empty when the clone is complete. */
  readonly shallowCommits: readonly string[]
  /** The `.mailmap` text that applies (work tree root, or `HEAD:.mailmap` in a bare repository); null without one. */
  readonly mailmap: string | null
  /**
   * The replace refs in effect (`git replace`), as sorted `<object> <replacement>` lines; empty when
   * there are none or replacing is off (`GIT_NO_REPLACE_OBJECTS`, `core.useReplaceRefs=false`).
   * Both backends read replaced objects as git does, so these decide what the history says.
   */
  readonly replacements: readonly string[]
}

/** Options of one backend call. */
export interface GitBackendCallOptions {
  /** Stops the work (and any git process) when aborted. */
  readonly signal?: AbortSignal | undefined
}

/** Options of `listCommits`. */
export interface ListCommitsOptions extends GitBackendCallOptions {
  /**
   * Commits listed before: every commit reachable from `head` (they are `commits`) is left out of
   * the listing, so only the commits since are walked. The caller adds the earlier listing.
   */
  readonly known?: { readonly head: string; readonly commits: ReadonlySet<string> } | undefined
}

/**
 * Reads commits from a repository. Both implementations return identical data for the same
 * repository; `extractGitHistory` builds a `GitHistory` on top of these three calls.
 */
export interface GitBackend {
  readonly kind: GitBackendKind
  /** Resolves the repository that contains `dir` and reads HEAD, branch, remote, shallow boundary and `.mailmap`. */
  readRepository(options?: GitBackendCallOptions): Promise<RepositoryState>
  /**
   * Every commit reachable from HEAD (and not from `known.head`), without diffs, HEAD first, in no
   * particular order otherwise; empty for an empty repository.
   */
  listCommits(options?: ListCommitsOptions): Promise<readonly CommitSummary[]>
  /**
   * Full commits (raw identities, before `.mailmap`; files as `git log --numstat --no-renames`
   * reports them; merges without files) for `shas`, yielded as they are read, in the given order.
   */
  readCommits(shas: readonly string[], options?: GitBackendCallOptions): AsyncIterable<RawCommit>
}

/** Options of `createGitBackend`. */
export interface CreateGitBackendOptions {
  /** The repository's top-level directory or any directory inside it. */
  readonly dir: string
  /** `cli` runs the git binary, `isomorphic` reads objects with isomorphic-git; `auto` (default) is `cli` when git is on PATH. */
  readonly kind?: GitBackendKind | 'auto'
}

/** Creates the backend that reads `dir`: the git CLI when asked or available, else isomorphic-git. */
export function createGitBackend({ dir, kind = 'auto' }: CreateGitBackendOptions): GitBackend {
  const resolved = kind === 'auto' ? (findGitBinary() === null ? 'isomorphic' : 'cli') : kind
  return resolved === 'cli' ? createCliBackend({ dir }) : createIsomorphicBackend({ dir })
}
