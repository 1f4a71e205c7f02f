import type { Commit, GeneratedReason, HistoryStats } from '@gitlore/core'
import type { AnalyzeHistoryOptions } from './analyze-history-options.js'
import { summarizeAutomation } from './automation-summary.js'
import { capList } from './cap-list.js'
import { computeConventions } from './conventions.js'
import { computeCoupling } from './coupling.js'
import { finishingRules } from './finishing-rules.js'
import { computeFixAfter } from './fix-after.js'
import { HistoryTally } from './history-tally.js'
import { computeHubs } from './hubs.js'
import { computeKnowledgeLoss } from './knowledge-loss.js'
import { computeOwnership } from './ownership.js'
import { pathFacts } from './path-facts.js'
import { computePeople } from './people.js'
import { findReverts } from './reverts.js'
import { ShaIndex } from './sha-index.js'

export { type AnalyzeHistoryOptions, defaultAnalyzeHistoryOptions } from './analyze-history-options.js'

/**
 * The repository-context statistics of a window's commits (merges included; they are counted and
 * otherwise skipped), exactly as docs/context.md defines them. Pure: the same commits and options
 * give the same result, and the input is not modified. The same as `finishHistory` over
 * `HistoryTally.of(commits)`.
 */
export function analyzeHistory(commits: readonly Commit[], options: AnalyzeHistoryOptions = {}): HistoryStats {
  return finishHistory(HistoryTally.of(commits, options), options)
}

/**
 * The statistics of a tallied window (see `HistoryTally`): the choices left open while tallying
 * (identity merging, generated files, automation, caps, the window's end, HEAD's files) are made
 * here, so a tally updated with new commits gives the same statistics as analysing every commit.
 * `maxChangesetSize` and `extraBots` are the tally's own.
 */
export function finishHistory(tally: HistoryTally, options: AnalyzeHistoryOptions = {}): HistoryStats {
  const { settings, merged, canonical, hotspots, generated, leftOut, atHead } = finishingRules(tally, options)
  const top = settings.top

  const coupling = computeCoupling(tally, settings)
  const hubs = computeHubs(coupling, leftOut)
  const fixAfter = computeFixAfter(tally, {
    windowDays: settings.fixWindowDays,
    includeAutomation: settings.includeAutomation,
  })
  const people = computePeople(tally, canonical)
  const asOf = options.until ?? latestAuthorDate(tally)
  const knowledgeLoss = computeKnowledgeLoss(tally, canonical, {
    inactiveDays: settings.inactiveDays,
    asOf: Date.parse(asOf),
    counts: (path) => atHead(path) && !leftOut(path),
    includeAutomation: settings.includeAutomation,
  })
  const lists = {
    hotspots: capList(hotspots, top),
    coupling: capList(coupling, top),
    hubs: capList(hubs, top),
    reverts: findReverts(tally, new ShaIndex(options.historyShas ?? tally.windowShas)),
    fixAfter: capList(fixAfter, top),
    ownership: computeOwnership(tally, hotspots, canonical, {
      includeAutomation: settings.includeAutomation,
      leftOut,
    }),
    knowledgeLoss: {
      inactiveDays: knowledgeLoss.inactiveDays,
      asOf,
      inactiveAuthors: knowledgeLoss.inactiveAuthors,
      authors: capList(knowledgeLoss.authors, top),
      paths: capList(knowledgeLoss.paths, top),
    },
  }
  const byReason: Partial<Record<GeneratedReason, number>> = {}
  for (const reason of generated.values()) byReason[reason] = (byReason[reason] ?? 0) + 1
  return {
    commits: {
      total: tally.commits,
      merges: tally.merges,
      authors: people.length,
      ...(tally.unknownLineCounts > 0 ? { unknownLineCounts: tally.unknownLineCounts } : {}),
    },
    hotspots: lists.hotspots,
    coupling: lists.coupling,
    hubs: lists.hubs,
    reverts: lists.reverts,
    fixAfter: lists.fixAfter,
    conventions: computeConventions(tally),
    ownership: lists.ownership,
    people: capList(people, top),
    files: pathFacts(lists, atHead, generated),
    generated: { files: generated.size, byReason },
    automation: summarizeAutomation(tally, people),
    identities: merged.merges,
    knowledgeLoss: lists.knowledgeLoss,
    totals: {
      hotspots: hotspots.length,
      coupling: coupling.length,
      hubs: hubs.length,
      fixAfter: fixAfter.length,
      people: people.length,
      knowledgeLoss: knowledgeLoss.paths.length,
    },
    settings,
  }
}

/** The latest author date among the commits (ISO 8601); the epoch for none. */
function latestAuthorDate(tally: HistoryTally): string {
  return new Date(tally.commits === 0 ? 0 : tally.latestTime).toISOString()
}
