import type { CouplingPair } from '@gitlore/core'
import { compareText } from './compare-text.js'
import type { PreparedCommit } from './prepare-commits.js'
import { roundRatio } from './round-ratio.js'

export interface CouplingOptions {
  /** Commits touching more distinct files than this are left out entirely. */
  readonly maxChangesetSize: number
  /** Pairs sharing fewer commits than this are dropped. */
  readonly minSharedCommits: number
}

/**
 * Pairs of files changed together, over commits touching at most `maxChangesetSize` files:
 * a < b, shared = commits touching both, degree = shared / ((revs(a) + revs(b)) / 2) with revs
 * counted over the same commits, rounded to 4 decimals. Sorted by shared desc, degree desc (the
 * rounded value, so the order can be checked from the output), a, b.
 *
 * Pairs are counted within each commit, so the cost follows the sum of squared changeset sizes
 * (bounded by the limit), never the square of the number of files in the repository.
 */
export function computeCoupling(commits: readonly PreparedCommit[], options: CouplingOptions): CouplingPair[] {
  const revisions = new Map<string, number>()
  const sharedCounts = new Map<string, Map<string, number>>()
  for (const { paths } of commits) {
    if (paths.length > options.maxChangesetSize) continue
    const sorted = [...paths].sort(compareText)
    for (let first = 0; first < sorted.length; first++) {
      const a = sorted[first] as string
      revisions.set(a, (revisions.get(a) ?? 0) + 1)
      if (first === sorted.length - 1) break
      let partners = sharedCounts.get(a)
      if (partners === undefined) sharedCounts.set(a, (partners = new Map()))
      for (let second = first + 1; second < sorted.length; second++) {
        const b = sorted[second] as string
        partners.set(b, (partners.get(b) ?? 0) + 1)
      }
    }
  }
  const pairs: CouplingPair[] = []
  for (const [a, partners] of sharedCounts) {
    for (const [b, shared] of partners) {
      if (shared < options.minSharedCommits) continue
      const meanRevisions = ((revisions.get(a) ?? 0) + (revisions.get(b) ?? 0)) / 2
      pairs.push({ a, b, shared, degree: roundRatio(shared / meanRevisions) })
    }
  }
  return pairs.sort(
    (x, y) => y.shared - x.shared || y.degree - x.degree || compareText(x.a, y.a) || compareText(x.b, y.b),
  )
}
