import type { Hotspot, Ownership } from '@gitlore/core'
import { compareText } from './compare-text.js'
import type { PreparedCommit } from './prepare-commits.js'
import { share } from './round-ratio.js'

/** How many of the top hotspots get an ownership entry. */
export const ownedHotspots = 20

/** Which commits and files ownership counts. */
export interface OwnershipFilter {
  /** Commits ownership counts (default: all); automation is left out by default. */
  readonly counts: (commit: PreparedCommit) => boolean
  /** Files ownership leaves out (default: none); generated and vendored files by default. */
  readonly leftOut: (path: string) => boolean
}

/**
 * Ownership of the first 20 hotspots (in hotspot order) that are not left out and have a counted
 * commit, then of every top-level directory (the first path segment plus `/`; files at the root
 * belong to none) with a counted commit touching a file under it that is not left out, directories
 * sorted by commits desc, path asc. A directory's commits are the distinct counted commits touching
 * any such file under it. `hotspots` must be the full sorted hotspot list of the same commits.
 */
export function computeOwnership(
  commits: readonly PreparedCommit[],
  hotspots: readonly Hotspot[],
  filter: OwnershipFilter = { counts: () => true, leftOut: () => false },
): Ownership[] {
  const counted = commits.filter(filter.counts)
  const touched = new Set(counted.flatMap((commit) => commit.paths))
  const fileCounts = new Map<string, Map<string, number>>(
    hotspots
      .filter((hotspot) => touched.has(hotspot.path) && !filter.leftOut(hotspot.path))
      .slice(0, ownedHotspots)
      .map((hotspot) => [hotspot.path, new Map()]),
  )
  const directoryCounts = new Map<string, Map<string, number>>()
  for (const { identity, paths } of counted) {
    const directories = new Set<string>()
    for (const path of paths) {
      const counts = fileCounts.get(path)
      if (counts !== undefined) increment(counts, identity)
      const slash = path.indexOf('/')
      if (slash !== -1 && !filter.leftOut(path)) directories.add(path.slice(0, slash + 1))
    }
    for (const directory of directories) {
      let counts = directoryCounts.get(directory)
      if (counts === undefined) directoryCounts.set(directory, (counts = new Map()))
      increment(counts, identity)
    }
  }
  const files = [...fileCounts].map(([path, counts]) => ownershipOf(path, counts))
  const directories = [...directoryCounts]
    .map(([path, counts]) => ownershipOf(path, counts))
    .sort((x, y) => y.commits - x.commits || compareText(x.path, y.path))
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

function increment(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1)
}

function sum(counts: ReadonlyMap<string, number>): number {
  let total = 0
  for (const count of counts.values()) total += count
  return total
}
