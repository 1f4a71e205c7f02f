import type { Hotspot, Ownership } from '@gitlore/core'
import type { CanonicalIdentity } from './canonical-identity.js'
import { compareText } from './compare-text.js'
import type { HistoryTally } from './history-tally.js'
import { share } from './round-ratio.js'

/** How many of the top hotspots get an ownership entry. */
export const ownedHotspots = 20

/** Which commits and files ownership counts. */
export interface OwnershipFilter {
  /** Count automation (bot and release commits) too; by default it is left out. */
  readonly includeAutomation: boolean
  /** Files ownership leaves out (default: none); generated and vendored files by default. */
  readonly leftOut: (path: string) => boolean
}

/** A path author's commits as ownership counts them: all, or those that are not automation. */
export function countedCommits(entry: readonly [number, number], includeAutomation: boolean): number {
  return includeAutomation ? entry[0] : entry[1]
}

/** Commits per person (identities merged) on a path, over the commits counted; people without any are absent. */
export function pathCounts(
  authors: ReadonlyMap<string, readonly [number, number]>,
  canonical: CanonicalIdentity,
  includeAutomation: boolean,
): Map<string, number> {
  const counts = new Map<string, number>()
  for (const [raw, entry] of authors) {
    const count = countedCommits(entry, includeAutomation)
    if (count === 0) continue
    const identity = canonical(raw)
    counts.set(identity, (counts.get(identity) ?? 0) + count)
  }
  return counts
}

/**
 * Ownership of the first 20 hotspots (in hotspot order) that are not left out and have a counted
 * commit, then of every top-level directory (the first path segment plus `/`; files at the root
 * belong to none) with a counted commit touching a file under it that is not left out, directories
 * sorted by commits desc, path asc. A directory's commits are the distinct counted commits touching
 * any such file under it. `hotspots` must be the full sorted hotspot list of the same tally.
 */
export function computeOwnership(
  tally: HistoryTally,
  hotspots: readonly Hotspot[],
  canonical: CanonicalIdentity,
  filter: OwnershipFilter = { includeAutomation: false, leftOut: () => false },
): Ownership[] {
  const { includeAutomation, leftOut } = filter
  const files: Ownership[] = []
  for (const { path } of hotspots) {
    if (files.length === ownedHotspots) break
    if (leftOut(path)) continue
    const counts = pathCounts(tally.paths.get(path)?.authors ?? new Map(), canonical, includeAutomation)
    if (counts.size > 0) files.push(ownershipOf(path, counts))
  }
  const directories: Ownership[] = []
  for (const [directory, events] of tally.directories) {
    const counts = new Map<string, number>()
    for (const event of events) {
      if (!includeAutomation && !event.counted) continue
      if (!event.paths.some((path) => !leftOut(path))) continue
      const identity = canonical(event.identity)
      counts.set(identity, (counts.get(identity) ?? 0) + 1)
    }
    if (counts.size > 0) directories.push(ownershipOf(directory, counts))
  }
  directories.sort((x, y) => y.commits - x.commits || compareText(x.path, y.path))
  return [...files, ...directories]
}

/**
 * The main author has the most commits on the path (ties: identity asc); the bus factor is the
 * fewest authors, taken in that same order, whose commits are more than half of the path's.
 */
export function ownershipOf(path: string, counts: ReadonlyMap<string, number>): Ownership {
  const ranked = [...counts].sort(([xIdentity, x], [yIdentity, y]) => y - x || compareText(xIdentity, yIdentity))
  const total = sum(counts)
  let covered = 0
  let busFactor = 0
  for (const [, count] of ranked) {
    covered += count
    busFactor++
    if (covered * 2 > total) break
  }
  const [mainAuthor, mainCommits] = ranked[0] ?? ['', 0]
  return {
    path,
    commits: total,
    mainAuthor,
    mainAuthorShare: share(mainCommits, total),
    authors: ranked.length,
    busFactor,
  }
}

function sum(counts: ReadonlyMap<string, number>): number {
  let total = 0
  for (const count of counts.values()) total += count
  return total
}
