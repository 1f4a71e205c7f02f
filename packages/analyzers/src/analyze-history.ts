import type { Commit, HistoryStats } from '@gitlore/core'
import { capList } from './cap-list.js'
import { computeConventions } from './conventions.js'
import { computeCoupling } from './coupling.js'
import { computeFixAfter } from './fix-after.js'
import { computeHotspots } from './hotspots.js'
import { computeHubs } from './hubs.js'
import { computeOwnership } from './ownership.js'
import { computePeople } from './people.js'
import { type PreparedCommit, prepareCommits } from './prepare-commits.js'
import { findReverts } from './reverts.js'

export interface AnalyzeHistoryOptions {
  /** Commits touching more distinct files than this are left out of coupling; default 30. */
  readonly maxChangesetSize?: number | undefined
  /** Coupling pairs need at least this many shared commits; default 3. */
  readonly minSharedCommits?: number | undefined
  /** A fix counts for a path another commit touched within this many days before it; default 7. */
  readonly fixWindowDays?: number | undefined
  /** Lists are capped to this many entries, but never to fewer than 20; default 100. */
  readonly top?: number | undefined
}

/** The options `analyzeHistory` uses when a field is not given (ARCHITECTURE.md's defaults). */
export const defaultAnalyzeHistoryOptions = {
  maxChangesetSize: 30,
  minSharedCommits: 3,
  fixWindowDays: 7,
  top: 100,
} as const satisfies Required<AnalyzeHistoryOptions>

/**
 * The repository-context statistics of a window's commits (merges included; they are counted and
 * otherwise skipped), exactly as ARCHITECTURE.md defines them. Pure: the same commits and options
 * give the same result, and the input is not modified.
 */
export function analyzeHistory(commits: readonly Commit[], options: AnalyzeHistoryOptions = {}): HistoryStats {
  const maxChangesetSize = options.maxChangesetSize ?? defaultAnalyzeHistoryOptions.maxChangesetSize
  const minSharedCommits = options.minSharedCommits ?? defaultAnalyzeHistoryOptions.minSharedCommits
  const fixWindowDays = options.fixWindowDays ?? defaultAnalyzeHistoryOptions.fixWindowDays
  const top = options.top ?? defaultAnalyzeHistoryOptions.top

  const history = prepareCommits(commits)
  const hotspots = computeHotspots(history.commits)
  const coupling = computeCoupling(history.commits, { maxChangesetSize, minSharedCommits })
  return {
    commits: {
      total: history.commits.length,
      merges: history.merges,
      authors: new Set(history.commits.map((commit) => commit.identity)).size,
      ...unknownLineCounts(history.commits),
    },
    hotspots: capList(hotspots, top),
    coupling: capList(coupling, top),
    hubs: capList(computeHubs(coupling), top),
    reverts: capList(findReverts(history.commits), top),
    fixAfter: capList(computeFixAfter(history.commits, fixWindowDays), top),
    conventions: computeConventions(history.commits),
    ownership: computeOwnership(history.commits, hotspots),
    people: capList(computePeople(history.commits), top),
  }
}

/** `{ unknownLineCounts }` when some file events have unknown line counts (missing blobs), else nothing. */
function unknownLineCounts(commits: readonly PreparedCommit[]): { unknownLineCounts?: number } {
  let unknown = 0
  for (const { commit } of commits) for (const file of commit.files) if (file.linesUnknown === true) unknown++
  return unknown > 0 ? { unknownLineCounts: unknown } : {}
}
