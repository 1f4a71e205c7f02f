import { type Commit, GitloreError, isMerge } from '@gitlore/core'
import { isBotAuthor, isReleaseSubject } from './automation.js'
import { authorIdentity } from './identity.js'

/** A non-merge commit with what every statistic needs computed once. */
export interface PreparedCommit {
  readonly commit: Commit
  /** Lower-cased author email, or the identity it was merged into. */
  readonly identity: string
  /** The author is a bot account. */
  readonly bot: boolean
  /** A release commit (version bump) by a person. */
  readonly release: boolean
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

/**
 * Splits off merges (no statistic uses them) and precomputes identities, times, paths and whether
 * a commit is automation (`bots`: see `isBotAuthor`).
 */
export function prepareCommits(commits: readonly Commit[], bots: ReadonlySet<string>): PreparedHistory {
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
    const bot = isBotAuthor(commit.author, bots)
    prepared.push({
      commit,
      identity: authorIdentity(commit.author),
      bot,
      release: !bot && isReleaseSubject(commit.subject),
      time,
      paths: [...new Set(commit.files.map((file) => file.path))],
    })
  }
  return { commits: prepared, merges }
}

/** The same history with each identity replaced by the one its person is counted under. */
export function withIdentities(history: PreparedHistory, canonical: ReadonlyMap<string, string>): PreparedHistory {
  if (canonical.size === 0) return history
  return {
    merges: history.merges,
    commits: history.commits.map((prepared) => {
      const identity = canonical.get(prepared.identity)
      return identity === undefined ? prepared : { ...prepared, identity }
    }),
  }
}
