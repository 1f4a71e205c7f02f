import type { Revert } from '@gitlore/core'
import { commitMessage } from './commit-message.js'
import type { PreparedCommit } from './prepare-commits.js'

const revertedShaPattern = /This reverts commit ([0-9a-fA-F]+)/

/**
 * Commits whose subject starts with `Revert "` or whose message (subject and body) contains
 * `This reverts commit`, in input order (newest first for a git history). `revertedSha` is the
 * first hex run after `This reverts commit `, as written (abbreviated or not), or null.
 */
export function findReverts(commits: readonly PreparedCommit[]): Revert[] {
  const reverts: Revert[] = []
  for (const { commit, paths } of commits) {
    const message = commitMessage(commit)
    if (!commit.subject.startsWith('Revert "') && !message.includes('This reverts commit')) continue
    reverts.push({
      sha: commit.sha,
      subject: commit.subject,
      revertedSha: revertedShaPattern.exec(message)?.[1] ?? null,
      files: [...paths],
    })
  }
  return reverts
}
