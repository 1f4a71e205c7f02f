import { type Commit, GitloreError, isMerge } from '@gitlore/core'
import { authorIdentity } from './identity.js'

/** A non-merge commit with what every statistic needs computed once. */
export interface PreparedCommit {
  readonly commit: Commit
  /** Lower-cased author email. */
  readonly identity: string
  /** Author time, milliseconds since the epoch. */
  readonly time: number
  /** Distinct paths the commit touches, in the order of its `files`. */
  readonly paths: readonly string[]
}

export interface PreparedHistory {
  /** Non-merge commits, in input order. */
  readonly commits: readonly PreparedCommit[]
  /** Merge commits skipped. */
  readonly merges: number
}

/** Splits off merges (no statistic uses them) and precomputes identities, times and paths. */
export function prepareCommits(commits: readonly Commit[]): PreparedHistory {
  const prepared: PreparedCommit[] = []
  let merges = 0
  for (const commit of commits) {
    if (isMerge(commit)) {
      merges++
      continue
    }
    const time = Date.parse(commit.authoredAt)
    if (Number.isNaN(time)) {
      throw new GitloreError({
        code: 'invalid_commit',
        message: `commit ${commit.sha} has an author date that is not ISO 8601: ${JSON.stringify(commit.authoredAt)}`,
      })
    }
    prepared.push({
      commit,
      identity: authorIdentity(commit.author),
      time,
      paths: [...new Set(commit.files.map((file) => file.path))],
    })
  }
  return { commits: prepared, merges }
}
