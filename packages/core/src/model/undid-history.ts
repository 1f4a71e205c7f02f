import type { Revert } from './context.js'

/**
 * Whether a revert undid something in the analysed history: its subject starts with `Revert "` (how
 * `git revert` and GitHub's revert button name a revert of a landed change), or the commit its
 * message names is in the history (`revertedInHistory`). A squash-merged pull request whose body
 * keeps an inner `This reverts commit X` for a commit of its own branch (X never reached the
 * history) is a revert record but undid nothing anyone can `git show`: every "was reverted N times"
 * and every per-path revert count uses only the reverts this accepts. `reverts[]` itself keeps them
 * all, as the evidence list.
 */
export function undidHistory(revert: Pick<Revert, 'subject' | 'revertedInHistory'>): boolean {
  return revert.subject.startsWith('Revert "') || revert.revertedInHistory
}

/** The reverts that undid something in the analysed history (`undidHistory`), in their order. */
export function historyReverts<T extends Pick<Revert, 'subject' | 'revertedInHistory'>>(reverts: readonly T[]): T[] {
  return reverts.filter(undidHistory)
}
