import type { CiStats } from './ci-stats.js'
import type { RepositoryInfo, TimeWindow } from './history.js'
import type { Silo } from './review-stats.js'

export interface CommitCounts {
  /** Non-merge commits in the window. */
  readonly total: number
  readonly merges: number
  /** Distinct people (identities after .mailmap and identity merging) over non-merge commits. */
  readonly authors: number
  /**
   * File events (a file in a non-merge commit) whose line counts are unknown because a blob is
   * missing from the object store (a partial clone); they count 0 lines. Absent when there are none.
   */
  readonly unknownLineCounts?: number
}

export interface Hotspot {
  readonly path: string
  readonly commits: number
  readonly added: number
  readonly removed: number
  /** added + removed */
  readonly churn: number
  readonly authors: number
  /** Latest author date of a commit touching the path, ISO 8601. */
  readonly lastChanged: string
  /**
   * File events on the path whose line counts are unknown (a missing blob): `added`, `removed` and
   * `churn` leave them out. Absent when there are none.
   */
  readonly unknownLineCounts?: number
}

export interface CouplingPair {
  readonly a: string
  readonly b: string
  /** Commits (within the changeset-size limit) touching both files. */
  readonly shared: number
  /** shared / ((revs(a) + revs(b)) / 2), rounded to 4 decimals. */
  readonly degree: number
}

/** One coupling partner of a hub. */
export interface HubPartner {
  readonly path: string
  readonly shared: number
  readonly degree: number
}

export interface Hub {
  readonly path: string
  /** Distinct files it forms a coupling pair with (counted over the full coupling list). */
  readonly partners: number
  /** Its strongest partners (up to 5; shared desc, degree desc, path asc), taken from the full coupling list. */
  readonly strongest: readonly HubPartner[]
}

export interface Revert {
  readonly sha: string
  readonly subject: string
  /** The hex after `This reverts commit`, as written (possibly abbreviated), or null. */
  readonly revertedSha: string | null
  /** Whether `revertedSha` names a commit of the analysed history (reachable from HEAD). */
  readonly revertedInHistory: boolean
  /**
   * The full sha of the reverted commit when it is in the analysed history, else null. Only such a
   * commit is ever described as undone: squash-merged pull requests often name commits of their
   * branch that never reached the history.
   */
  readonly revertedCommit: string | null
  readonly files: readonly string[]
}

/** One fix counted by `fixAfter`: the fix commit and the change to the same path it followed. */
export interface FixExample {
  /** The fix commit. */
  readonly fix: string
  /** The latest other commit touching the path in the window before the fix. */
  readonly before: string
}

export interface FixAfter {
  readonly path: string
  /** Fix commits touching the path shortly after another commit touched it. */
  readonly fixes: number
  /** The newest of those fixes (up to 3), each with the change it followed. */
  readonly examples: readonly FixExample[]
}

export interface Conventions {
  readonly conventionalShare: number
  /** Lower-cased conventional type -> number of subjects using it. */
  readonly prefixes: Readonly<Record<string, number>>
  readonly prNumberSuffixShare: number
  readonly medianSubjectLength: number
  readonly coAuthoredShare: number
}

export interface Ownership {
  /** A file path, or a top-level directory ending in `/`. */
  readonly path: string
  /** Commits counted for the path (automation and generated files left out unless included). */
  readonly commits: number
  readonly mainAuthor: string
  readonly mainAuthorShare: number
  readonly authors: number
  readonly busFactor: number
}

export interface PersonStats {
  /** Lower-cased email after .mailmap. */
  readonly identity: string
  /** Name on the person's latest commit. */
  readonly name: string
  readonly commits: number
  /** Distinct files touched. */
  readonly files: number
  /** Author date of the person's latest commit in the window, ISO 8601. */
  readonly lastCommit: string
  /** Why the identity counts as automation (a bot account); absent for people. */
  readonly automation?: 'bot'
}

/** Why a file counts as generated or vendored. */
export type GeneratedReason =
  | 'linguist-generated'
  | 'linguist-vendored'
  | 'lockfile'
  | 'generated-path'
  | 'vendored-path'
  | 'generated-header'
  | 'build-artefact'

/** What is known about a path the context names. */
export interface PathFacts {
  readonly path: string
  /** Whether the path exists at HEAD (a deleted path's history stays in the context). */
  readonly atHead: boolean
  /** Why the file counts as generated or vendored; absent for source files. */
  readonly generated?: GeneratedReason
}

/** Generated and vendored files, kept in the statistics and left out of judgements by default. */
export interface GeneratedSummary {
  /** Distinct generated or vendored paths touched in the window. */
  readonly files: number
  /** Those paths by reason. */
  readonly byReason: Readonly<Partial<Record<GeneratedReason, number>>>
}

/** A bot identity and its commits in the window. */
export interface AutomationIdentity {
  readonly identity: string
  readonly name: string
  readonly commits: number
}

/** Commits made by automation: bot accounts and release commits. */
export interface Automation {
  /** Bot identities, by commits desc, identity asc. */
  readonly bots: readonly AutomationIdentity[]
  /** Release commits by people (version bumps such as changesets' "Version Packages"). */
  readonly releaseCommits: number
  /** Non-merge commits by bots or releasing: left out of ownership, bus factor and knowledge loss by default. */
  readonly commits: number
}

/** How one identity came to be merged into a person. */
export interface IdentityAlias {
  readonly identity: string
  /** `mailmap` is not listed here: git applies it before any statistic. */
  readonly reason: 'same-name' | 'github-noreply' | 'github-login'
}

/** A person counted under one identity although they committed under several. */
export interface IdentityMerge {
  /** The identity the person is counted under: the one with most commits (ties: identity asc). */
  readonly identity: string
  readonly name: string
  readonly aliases: readonly IdentityAlias[]
}

/** A path whose main author has been inactive for the configured period. */
export interface KnowledgeLossPath {
  /** A file that exists at HEAD. */
  readonly path: string
  readonly commits: number
  readonly mainAuthor: string
  readonly mainAuthorShare: number
  /** The main author's latest commit in the window, ISO 8601. */
  readonly mainAuthorLastCommit: string
  /** Share of the path's commits by authors who are all inactive. */
  readonly inactiveShare: number
}

/** An inactive author and the files whose main author they are. */
export interface KnowledgeLossAuthor {
  readonly identity: string
  /** Their latest commit in the window, ISO 8601. */
  readonly lastCommit: string
  /** Files (at HEAD, not generated) whose main author they are, over the full list. */
  readonly files: number
  /** Commits to those files, by anyone. */
  readonly commits: number
}

/** Knowledge loss: code whose main authors are no longer active. */
export interface KnowledgeLoss {
  /** Days without a commit after which an author counts as inactive. */
  readonly inactiveDays: number
  /** The instant inactivity is measured from: the window's end. */
  readonly asOf: string
  /** Authors with commits in the window whose latest commit is older than `inactiveDays` before `asOf`. */
  readonly inactiveAuthors: number
  /** Inactive authors who are the main author of a file, by files desc, commits desc, identity asc. */
  readonly authors: readonly KnowledgeLossAuthor[]
  /** Paths whose main author is inactive, by commits desc, path asc. */
  readonly paths: readonly KnowledgeLossPath[]
}

/** Lengths of the capped lists before the cap, so a reader knows what was cut. */
export interface ListTotals {
  readonly hotspots: number
  readonly coupling: number
  readonly hubs: number
  readonly fixAfter: number
  readonly people: number
  readonly knowledgeLoss: number
}

/** The options the statistics were computed with. */
export interface AnalysisSettings {
  readonly maxChangesetSize: number
  readonly minSharedCommits: number
  readonly fixWindowDays: number
  readonly top: number
  /** Generated and vendored files counted in ownership, bus factor, hubs and knowledge loss. */
  readonly includeGenerated: boolean
  /** Bot and release commits counted in ownership, bus factor and knowledge loss. */
  readonly includeAutomation: boolean
  /** One person's identities merged (same name, GitHub noreply address, GitHub login). */
  readonly mergeIdentities: boolean
  readonly inactiveDays: number
  /** Whether the files at HEAD were read (HEAD paths, `.gitattributes`, first lines of files). */
  readonly headFilesRead: boolean
}

/** Statistics over a window of git history, exactly as ARCHITECTURE.md defines them. */
export interface HistoryStats {
  readonly commits: CommitCounts
  readonly hotspots: readonly Hotspot[]
  readonly coupling: readonly CouplingPair[]
  readonly hubs: readonly Hub[]
  readonly reverts: readonly Revert[]
  readonly fixAfter: readonly FixAfter[]
  readonly conventions: Conventions
  readonly ownership: readonly Ownership[]
  readonly people: readonly PersonStats[]
  /** Facts about every path the lists above name: whether it exists at HEAD, whether it is generated. */
  readonly files: readonly PathFacts[]
  readonly generated: GeneratedSummary
  readonly automation: Automation
  /** Identities merged into one person, with why. */
  readonly identities: readonly IdentityMerge[]
  readonly knowledgeLoss: KnowledgeLoss
  readonly totals: ListTotals
  readonly settings: AnalysisSettings
}

/** The `gitlore context` document (schema: packages/core/schema/context.v1.json). */
/** Where one kind of optional data came from, or why it is missing. */
export interface DataSource {
  /**
   * `ok`: read in full (offline: from what an earlier sync stored); `partial`: read, but some of it is
   * missing (`reason` names what); `unavailable`: asked for and not obtained (no token, refused,
   * unreachable); `not-applicable`: there was nothing to ask (no GitHub origin, --git-only, --offline
   * with nothing stored).
   */
  readonly status: 'ok' | 'partial' | 'unavailable' | 'not-applicable'
  /** Why, for anything but a plain `ok`; null otherwise. */
  readonly reason: string | null
}

/** The optional data sources of a context and how each one went. */
export interface ContextSources {
  /** GitHub pull requests and review comments. */
  readonly reviews?: DataSource
  /** GitHub Actions workflow runs, jobs and failing logs. */
  readonly ci?: DataSource
}

export interface RepositoryContext extends HistoryStats {
  readonly schemaVersion: 1
  readonly repo: RepositoryInfo
  readonly window: TimeWindow
  /** Things the reader should know about how complete the data is. */
  readonly warnings: readonly string[]
  /** How each optional source went (review data, CI history): status and reason, whether or not the data is there. */
  readonly sources?: ContextSources
  /** Directories one person both writes and reviews; present when review data exists. */
  readonly silos?: readonly Silo[]
  /** GitHub Actions statistics, when CI history was read. */
  readonly ci?: CiStats
}
