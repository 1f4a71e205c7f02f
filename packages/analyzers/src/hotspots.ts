import type { Hotspot } from '@gitlore/core'
import { compareText } from './compare-text.js'
import type { PreparedCommit } from './prepare-commits.js'

interface HotspotTally {
  commits: number
  added: number
  removed: number
  unknownLineCounts: number
  readonly authors: Set<string>
  lastTime: number
  lastChanged: string
}

/**
 * Every path touched by the commits, sorted by commits desc, churn desc, path asc. File events with
 * unknown line counts (missing blobs) add 0 lines and are counted in `unknownLineCounts`. `lastChanged`
 * is the `authoredAt` string of the latest commit touching the path, as given (the first one in
 * input order when two share the latest instant).
 */
export function computeHotspots(commits: readonly PreparedCommit[]): Hotspot[] {
  const tallies = new Map<string, HotspotTally>()
  for (const { commit, identity, time, paths } of commits) {
    for (const path of paths) {
      let tally = tallies.get(path)
      if (tally === undefined) {
        tally = {
          commits: 0,
          added: 0,
          removed: 0,
          unknownLineCounts: 0,
          authors: new Set(),
          lastTime: time,
          lastChanged: commit.authoredAt,
        }
        tallies.set(path, tally)
      } else if (time > tally.lastTime) {
        tally.lastTime = time
        tally.lastChanged = commit.authoredAt
      }
      tally.commits++
      tally.authors.add(identity)
    }
    // Binary files already carry 0 added and 0 removed lines.
    for (const file of commit.files) {
      const tally = tallies.get(file.path) as HotspotTally
      tally.added += file.added
      tally.removed += file.removed
      if (file.linesUnknown === true) tally.unknownLineCounts++
    }
  }
  const hotspots = [...tallies].map(
    ([path, tally]): Hotspot => ({
      path,
      commits: tally.commits,
      added: tally.added,
      removed: tally.removed,
      churn: tally.added + tally.removed,
      authors: tally.authors.size,
      lastChanged: tally.lastChanged,
      ...(tally.unknownLineCounts > 0 ? { unknownLineCounts: tally.unknownLineCounts } : {}),
    }),
  )
  return hotspots.sort((x, y) => y.commits - x.commits || y.churn - x.churn || compareText(x.path, y.path))
}
