import type { Hotspot } from '@gitlore/core'
import type { CanonicalIdentity } from './canonical-identity.js'
import { compareText } from './compare-text.js'
import type { HistoryTally } from './history-tally.js'

/**
 * Every path touched by the commits, sorted by commits desc, churn desc, path asc. File events with
 * unknown line counts (missing blobs) add 0 lines and are counted in `unknownLineCounts`. `authors`
 * counts people (identities after merging). `lastChanged` is the `authoredAt` string of the latest
 * commit touching the path, as given (the first one in log order when two share the latest instant).
 */
export function computeHotspots(tally: HistoryTally, canonical: CanonicalIdentity): Hotspot[] {
  const hotspots = [...tally.paths].map(([path, counts]): Hotspot => {
    const authors = new Set<string>()
    for (const identity of counts.authors.keys()) authors.add(canonical(identity))
    return {
      path,
      commits: counts.commits,
      added: counts.added,
      removed: counts.removed,
      churn: counts.added + counts.removed,
      authors: authors.size,
      lastChanged: counts.last.authoredAt,
      ...(counts.unknownLineCounts > 0 ? { unknownLineCounts: counts.unknownLineCounts } : {}),
    }
  })
  return hotspots.sort((x, y) => y.commits - x.commits || y.churn - x.churn || compareText(x.path, y.path))
}
