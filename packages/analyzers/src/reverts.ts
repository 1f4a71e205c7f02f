import type { Revert } from '@gitlore/core'
import type { HistoryTally } from './history-tally.js'
import type { ShaIndex } from './sha-index.js'

/**
 * Commits whose subject starts with `Revert "` or whose message (subject and body) contains
 * `This reverts commit`, in log order (newest first). `revertedSha` is the first hex run after
 * `This reverts commit `, as written (abbreviated or not), or null; `revertedCommit` is the one
 * commit of `history` it names (null when none or several do).
 */
export function findReverts(tally: HistoryTally, history: ShaIndex): Revert[] {
  return [...tally.reverts]
    .sort((x, y) => y.seq - x.seq)
    .map(({ seq, subject, revertedSha, paths }) => {
      const revertedCommit = revertedSha === null ? null : history.resolve(revertedSha)
      return {
        sha: tally.shas[seq] as string,
        subject,
        revertedSha,
        revertedInHistory: revertedCommit !== null,
        revertedCommit,
        files: [...paths],
      }
    })
}
