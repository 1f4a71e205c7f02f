import type { CouplingPair } from '@gitlore/core'
import { compareText } from './compare-text.js'
import type { HistoryTally } from './history-tally.js'
import { roundRatio } from './round-ratio.js'

export interface CouplingOptions {
  /** Pairs sharing fewer commits than this are dropped. */
  readonly minSharedCommits: number
}

/**
 * Pairs of files changed together, over commits touching at most the tally's `maxChangesetSize`
 * files: a < b, shared = commits touching both, degree = shared / ((revs(a) + revs(b)) / 2) with
 * revs counted over the same commits, rounded to 4 decimals. Sorted by shared desc, degree desc
 * (the rounded value, so the order can be checked from the output), a, b.
 *
 * Pairs are counted within each commit as it is tallied, so the cost follows the sum of squared
 * changeset sizes (bounded by the limit), never the square of the number of files in the repository.
 */
export function computeCoupling(tally: HistoryTally, options: CouplingOptions): CouplingPair[] {
  const pairs: CouplingPair[] = []
  for (const [a, partners] of tally.pairs) {
    for (const [b, shared] of partners) {
      if (shared < options.minSharedCommits) continue
      const meanRevisions = ((tally.revisions.get(a) ?? 0) + (tally.revisions.get(b) ?? 0)) / 2
      pairs.push({ a, b, shared, degree: roundRatio(shared / meanRevisions) })
    }
  }
  return pairs.sort(
    (x, y) => y.shared - x.shared || y.degree - x.degree || compareText(x.a, y.a) || compareText(x.b, y.b),
  )
}
