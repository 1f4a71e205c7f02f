import type { Commit, GeneratedReason, HeadFiles, HistoryStats } from '@gitlore/core'
import { summarizeAutomation } from './automation-summary.js'
import { canonicalIdentity } from './canonical-identity.js'
import { capList } from './cap-list.js'
import { computeConventions } from './conventions.js'
import { computeCoupling } from './coupling.js'
import { computeFixAfter } from './fix-after.js'
import { classifyGeneratedPaths } from './generated-files.js'
import { HistoryTally } from './history-tally.js'
import { computeHotspots } from './hotspots.js'
import { computeHubs } from './hubs.js'
import { identityFacts } from './identity-facts.js'
import { computeKnowledgeLoss } from './knowledge-loss.js'
import { mergeIdentities } from './merge-identities.js'
import { computeOwnership } from './ownership.js'
import { pathFacts, pathsAtHead } from './path-facts.js'
import { computePeople } from './people.js'
import { findReverts } from './reverts.js'
import { ShaIndex } from './sha-index.js'

export interface AnalyzeHistoryOptions {
  /** Commits touching more distinct files than this are left out of coupling; default 30. */
  readonly maxChangesetSize?: number | undefined
  /** Coupling pairs need at least this many shared commits; default 3. */
  readonly minSharedCommits?: number | undefined
  /** A fix counts for a path another commit touched within this many days before it; default 7. */
  readonly fixWindowDays?: number | undefined
  /** Lists are capped to this many entries, but never to fewer than 20; default 100. */
  readonly top?: number | undefined
  /** Count generated and vendored files in ownership, bus factor, hubs and knowledge loss; default false. */
  readonly includeGenerated?: boolean | undefined
  /** Count bot and release commits in ownership, bus factor and knowledge loss; default false. */
  readonly includeAutomation?: boolean | undefined
  /** Merge one person's identities (same name, GitHub noreply address, GitHub login); default true. */
  readonly mergeIdentities?: boolean | undefined
  /** Days without a commit after which an author counts as inactive (knowledge loss); default 180. */
  readonly inactiveDays?: number | undefined
  /** Names, logins or emails of bots beyond gitlore's list (`[github] extra_bots`). */
  readonly extraBots?: readonly string[] | undefined
  /**
   * Every commit reachable from HEAD (the analysed history), so a revert's reverted commit can be
   * looked up; default: the given commits only.
   */
  readonly historyShas?: readonly string[] | undefined
  /** The tree at HEAD: which paths still exist, `.gitattributes`, and file samples for generated headers. */
  readonly headFiles?: HeadFiles | undefined
  /** Git identity -> GitHub login, from review data (`githubIdentityLogins`), for merging identities. */
  readonly identityLogins?: ReadonlyMap<string, string> | undefined
  /** The window's end (ISO 8601), from which inactivity is measured; default the latest commit's author date. */
  readonly until?: string | undefined
}

/** The options `analyzeHistory` uses when a field is not given (ARCHITECTURE.md's defaults). */
export const defaultAnalyzeHistoryOptions = {
  maxChangesetSize: 30,
  minSharedCommits: 3,
  fixWindowDays: 7,
  top: 100,
  includeGenerated: false,
  includeAutomation: false,
  mergeIdentities: true,
  inactiveDays: 180,
} as const

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
  const top = settings.top

  const merged = settings.mergeIdentities
    ? mergeIdentities(identityFacts(tally), options.identityLogins)
    : { canonical: new Map<string, string>(), merges: [] }
  const canonical = canonicalIdentity(merged.canonical)

  const hotspots = computeHotspots(tally, canonical)
  const generated = classifyGeneratedPaths(
    hotspots.map((hotspot) => hotspot.path),
    options.headFiles,
  )
  const leftOut = settings.includeGenerated ? () => false : (path: string) => generated.has(path)
  const atHead = pathsAtHead(tally, options.headFiles)

  const coupling = computeCoupling(tally, settings)
  const hubs = computeHubs(coupling, leftOut)
  const fixAfter = computeFixAfter(tally, settings.fixWindowDays)
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
