import type { KnowledgeLoss, KnowledgeLossAuthor, KnowledgeLossPath } from '@gitlore/core'
import type { CanonicalIdentity } from './canonical-identity.js'
import { compareText } from './compare-text.js'
import type { HistoryTally, Stamp } from './history-tally.js'
import { ownershipOf, pathCounts } from './ownership.js'
import { share } from './round-ratio.js'

const dayMilliseconds = 86_400_000

export interface KnowledgeLossOptions {
  readonly inactiveDays: number
  /** Inactivity is measured back from this instant (ms since the epoch): the window's end. */
  readonly asOf: number
  /** Files that count: those at HEAD, not generated (unless included). */
  readonly counts: (path: string) => boolean
  /** Count automation (bot and release commits) too; by default it is left out. */
  readonly includeAutomation: boolean
}

/**
 * Knowledge loss over the commits ownership counts: an author is inactive when their latest commit
 * is more than `inactiveDays` days before `asOf`; a file's main author (most commits; ties identity
 * asc) being inactive puts the file on the list, with the share of its commits by inactive authors.
 * Sorted by commits desc, path asc. The returned `asOf` is left for the caller to fill in.
 */
export function computeKnowledgeLoss(
  tally: HistoryTally,
  canonical: CanonicalIdentity,
  options: KnowledgeLossOptions,
): Omit<KnowledgeLoss, 'asOf'> {
  // Each person's latest counted commit (ties: the first in log order, the largest seq).
  const latest = new Map<string, Stamp>()
  for (const [raw, counts] of tally.identities) {
    const last = options.includeAutomation ? counts.latest : counts.countedLatest
    if (last === null) continue
    const identity = canonical(raw)
    const known = latest.get(identity)
    if (known === undefined || last.time > known.time || (last.time === known.time && last.seq > known.seq)) {
      latest.set(identity, last)
    }
  }
  const byPath = new Map<string, Map<string, number>>()
  for (const [path, counts] of tally.paths) {
    if (!options.counts(path)) continue
    const authors = pathCounts(counts.authors, canonical, options.includeAutomation)
    if (authors.size > 0) byPath.set(path, authors)
  }
  const cutoff = options.asOf - options.inactiveDays * dayMilliseconds
  const inactive = new Set([...latest].filter(([, last]) => last.time < cutoff).map(([identity]) => identity))
  const paths: KnowledgeLossPath[] = []
  for (const [path, counts] of byPath) {
    const owner = ownershipOf(path, counts)
    if (!inactive.has(owner.mainAuthor)) continue
    let inactiveCommits = 0
    for (const [identity, count] of counts) if (inactive.has(identity)) inactiveCommits += count
    paths.push({
      path,
      commits: owner.commits,
      mainAuthor: owner.mainAuthor,
      mainAuthorShare: owner.mainAuthorShare,
      mainAuthorLastCommit: (latest.get(owner.mainAuthor) as { authoredAt: string }).authoredAt,
      inactiveShare: share(inactiveCommits, owner.commits),
    })
  }
  paths.sort((x, y) => y.commits - x.commits || compareText(x.path, y.path))
  const authors = new Map<string, KnowledgeLossAuthor>()
  for (const { mainAuthor, mainAuthorLastCommit, commits: count } of paths) {
    const known = authors.get(mainAuthor)
    authors.set(mainAuthor, {
      identity: mainAuthor,
      lastCommit: mainAuthorLastCommit,
      files: (known?.files ?? 0) + 1,
      commits: (known?.commits ?? 0) + count,
    })
  }
  return {
    inactiveDays: options.inactiveDays,
    inactiveAuthors: inactive.size,
    authors: [...authors.values()].sort(
      (x, y) => y.files - x.files || y.commits - x.commits || compareText(x.identity, y.identity),
    ),
    paths,
  }
}
