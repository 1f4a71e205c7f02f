import { type AuthorCommits, ancestorDirectories, type Commit, type PathAuthorship } from '@gitlore/core'
import type { AnalyzeHistoryOptions } from './analyze-history-options.js'
import { compareText } from './compare-text.js'
import { finishingRules } from './finishing-rules.js'
import { HistoryTally } from './history-tally.js'
import { ownershipOf, pathCounts } from './ownership.js'

/**
 * Who wrote every file and every directory (at every depth, ending in `/`) of a tallied window,
 * under exactly the rules `ownership[]` uses: merged identities, automation commits and generated
 * files left out unless the options include them, a directory counting each commit once however many
 * of its files the commit touches. So every path `ownership[]` lists has the same numbers here.
 * Sorted by path; authors by commits desc, identity asc.
 */
export function finishAuthorship(tally: HistoryTally, options: AnalyzeHistoryOptions = {}): PathAuthorship[] {
  const { settings, canonical, leftOut } = finishingRules(tally, options)
  const counts = new Map<string, Map<string, number>>()
  for (const [path, entry] of tally.paths) {
    if (leftOut(path)) continue
    const authors = pathCounts(entry.authors, canonical, settings.includeAutomation)
    if (authors.size > 0) counts.set(path, authors)
  }
  // Each top-level directory event lists the files under it that one commit touched: enough to count
  // the commit once for every directory, at any depth, above a file that is not left out.
  for (const events of tally.directories.values()) {
    for (const event of events) {
      if (!settings.includeAutomation && !event.counted) continue
      const directories = new Set<string>()
      for (const path of event.paths) {
        if (leftOut(path)) continue
        for (const directory of ancestorDirectories(path)) directories.add(directory)
      }
      const identity = canonical(event.identity)
      for (const directory of directories) {
        let authors = counts.get(directory)
        if (authors === undefined) counts.set(directory, (authors = new Map()))
        authors.set(identity, (authors.get(identity) ?? 0) + 1)
      }
    }
  }
  return [...counts]
    .sort(([x], [y]) => compareText(x, y))
    .map(([path, authors]): PathAuthorship => {
      const { commits, mainAuthor, mainAuthorShare, busFactor } = ownershipOf(path, authors)
      return {
        path,
        commits,
        mainAuthor,
        mainAuthorShare,
        busFactor,
        authors: [...authors]
          .map(([identity, count]): AuthorCommits => ({ identity, commits: count }))
          .sort((x, y) => y.commits - x.commits || compareText(x.identity, y.identity)),
      }
    })
}

/** `finishAuthorship` of the commits' tally. */
export function analyzeAuthorship(commits: readonly Commit[], options: AnalyzeHistoryOptions = {}): PathAuthorship[] {
  return finishAuthorship(HistoryTally.of(commits, options), options)
}
