import type { RepositoryInfo, TimeWindow } from './history.js'

export interface CommitCounts {
  /** Non-merge commits in the window. */
  readonly total: number
  readonly merges: number
  /** Distinct author identities (lower-cased email after .mailmap) over non-merge commits. */
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

export interface Hub {
  readonly path: string
  /** Distinct files it forms a coupling pair with. */
  readonly partners: number
}

export interface Revert {
  readonly sha: string
  readonly subject: string
  /** The hex after `This reverts commit`, as written, or null. */
  readonly revertedSha: string | null
  readonly files: readonly string[]
}

export interface FixAfter {
  readonly path: string
  /** Fix commits touching the path shortly after another commit touched it. */
  readonly fixes: number
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
}

/** The `gitlore context` document (schema: packages/core/schema/context.v1.json). */
export interface RepositoryContext extends HistoryStats {
  readonly schemaVersion: 1
  readonly repo: RepositoryInfo
  readonly window: TimeWindow
  /** Things the reader should know about how complete the data is. */
  readonly warnings: readonly string[]
}
