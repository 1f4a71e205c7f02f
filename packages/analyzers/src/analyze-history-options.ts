import type { HeadFiles } from '@gitlore/core'

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
