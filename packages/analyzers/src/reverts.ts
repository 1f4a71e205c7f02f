import type { Revert } from '@gitlore/core'
import { commitMessage } from './commit-message.js'
import type { PreparedCommit } from './prepare-commits.js'
import type { ShaIndex } from './sha-index.js'

const revertedShaPattern = /This reverts commit ([0-9a-fA-F]+)/

/**
 * Commits whose subject starts with `Revert "` or whose message (subject and body) contains
 * `This reverts commit`, in input order (newest first for a git history). `revertedSha` is the
 * first hex run after `This reverts commit `, as written (abbreviated or not), or null;
 * `revertedCommit` is the one commit of `history` it names (null when none or several do).
 */
export function findReverts(commits: readonly PreparedCommit[], history: ShaIndex): Revert[] {
  const reverts: Revert[] = []
  for (const { commit, paths } of commits) {
    const message = commitMessage(commit)
    if (!commit.subject.startsWith('Revert "') && !message.includes('This reverts commit')) continue
    const revertedSha = revertedShaPattern.exec(message)?.[1] ?? null
    const revertedCommit = revertedSha === null ? null : history.resolve(revertedSha)
    reverts.push({
      sha: commit.sha,
      subject: commit.subject,
      revertedSha,
      revertedInHistory: revertedCommit !== null,
      revertedCommit,
      files: [...paths],
    })
  }
  return reverts
}
