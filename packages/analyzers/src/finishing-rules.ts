import type { GeneratedReason } from '@gitlore/core'
import { type AnalyzeHistoryOptions, defaultAnalyzeHistoryOptions } from './analyze-history-options.js'
import { canonicalIdentity } from './canonical-identity.js'
import { classifyGeneratedPaths } from './generated-files.js'
import type { HistoryTally } from './history-tally.js'
import { computeHotspots } from './hotspots.js'
import { identityFacts } from './identity-facts.js'
import { mergeIdentities } from './merge-identities.js'
import { pathsAtHead } from './path-facts.js'

/**
 * The choices a tally leaves open, made once for everything finished from it (the statistics, the
 * authorship): the options with their defaults, one person per merged identity, the hotspots, which
 * files are generated and left out, and which paths exist at HEAD.
 */
export function finishingRules(tally: HistoryTally, options: AnalyzeHistoryOptions) {
  const settings = {
    maxChangesetSize: tally.maxChangesetSize,
    minSharedCommits: options.minSharedCommits ?? defaultAnalyzeHistoryOptions.minSharedCommits,
    fixWindowDays: options.fixWindowDays ?? defaultAnalyzeHistoryOptions.fixWindowDays,
    top: options.top ?? defaultAnalyzeHistoryOptions.top,
    includeGenerated: options.includeGenerated ?? defaultAnalyzeHistoryOptions.includeGenerated,
    includeAutomation: options.includeAutomation ?? defaultAnalyzeHistoryOptions.includeAutomation,
    mergeIdentities: options.mergeIdentities ?? defaultAnalyzeHistoryOptions.mergeIdentities,
    inactiveDays: options.inactiveDays ?? defaultAnalyzeHistoryOptions.inactiveDays,
    headFilesRead: options.headFiles !== undefined,
  }
  const merged = settings.mergeIdentities
    ? mergeIdentities(identityFacts(tally), options.identityLogins)
    : { canonical: new Map<string, string>(), merges: [] }
  const canonical = canonicalIdentity(merged.canonical)
  const hotspots = computeHotspots(tally, canonical)
  const generated: ReadonlyMap<string, GeneratedReason> = classifyGeneratedPaths(
    hotspots.map((hotspot) => hotspot.path),
    options.headFiles,
  )
  const leftOut = settings.includeGenerated ? () => false : (path: string) => generated.has(path)
  const atHead = pathsAtHead(tally, options.headFiles)
  return { settings, merged, canonical, hotspots, generated, leftOut, atHead }
}
