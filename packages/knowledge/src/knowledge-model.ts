import type { CommentCategory, ConventionExamples, Conventions, Finding, TimeWindow } from '@gitlore/core'

/** Version of the stored index's shape; an index of another version is rebuilt, never misread. */
export const knowledgeFormatVersion = 2

/** One author of a path, as the index keeps them. */
export interface PathAuthor {
  /** The identity statistics count the person under (lower-cased email after .mailmap). */
  readonly identity: string
  /** Commits of the window touching the path (for a directory: any file under it). */
  readonly commits: number
  /** Author date of their latest commit in the window (to any path), ISO 8601. */
  readonly lastCommit: string
  /** Whether that commit is within `inactiveDays` of the window's end. */
  readonly active: boolean
}

/** A file that changes together with another. */
export interface PathPartner {
  readonly path: string
  /** Commits touching both (over commits of at most `maxChangesetSize` files). */
  readonly shared: number
  readonly degree: number
}

/** A fix counted for a path, with the change it followed. */
export interface PathFix {
  /** The fix commit. */
  readonly fix: string
  /** The other commit to the path it came shortly after. */
  readonly before: string
  /** The fix's author date, ISO 8601; null when unknown. */
  readonly at: string | null
}

/** A revert touching a path. */
export interface PathRevert {
  readonly sha: string
  readonly subject: string
  /** The reverted commit when it is in the analysed history, else null (nothing is claimed undone). */
  readonly revertedCommit: string | null
  /** The revert's author date, ISO 8601; null when unknown. */
  readonly at: string | null
}

/** Review activity on a path (for a directory: on any file under it). */
export interface PathReviewer {
  /** GitHub login. */
  readonly login: string
  /** Review comments written on it, replies included. */
  readonly comments: number
  /** When the latest of them was written, ISO 8601. */
  readonly lastAt: string
}

/** A review theme touching a path. */
export interface PathTheme {
  readonly id: string
  readonly label: string
  /** Members of the theme written on the path (or under the directory). */
  readonly comments: number
}

/** A test (in this file) that failed in CI. */
export interface PathCiTest {
  /** The runner's id: `test/test_ops.py::test_conv2d`, `src/a.test.ts > suite > name`, ... */
  readonly test: string
  readonly workflow: string
  readonly job: string
  /** Runs of the job, and those in which the test failed. */
  readonly runs: number
  readonly failedRuns: number
  /** A re-run or the next run with no relevant change passed: not deterministic. */
  readonly flaky: boolean
  readonly lastFailedAt: string
  readonly lastFailedSha: string
}

/** A commit touching this path whose CI run turned the default branch red. */
export interface PathRedCommit {
  readonly sha: string
  readonly workflow: string
  /** The failing run's URL. */
  readonly url: string
  readonly failedAt: string
  /** Who turned it green again; null when unknown or still red. */
  readonly repairedBy: string | null
  readonly greenAt: string | null
}

/** Everything the index knows about one file or directory (`src/`). */
export interface PathKnowledge {
  /** A file path, or a directory ending in `/`. */
  readonly path: string
  readonly kind: 'file' | 'directory'
  /** Non-merge window commits touching it. */
  readonly commits: number
  /** Lines added plus removed. */
  readonly churn: number
  /** Author date of the latest commit touching it, ISO 8601; null when no commit did. */
  readonly lastChanged: string | null
  /** Whether it exists at HEAD; null when the index was built without reading HEAD's tree. */
  readonly atHead: boolean | null
  /** Why it counts as generated or vendored; null for source. */
  readonly generated: string | null
  /** Commits counted for ownership (automation left out unless included), as `ownership[]` counts them. */
  readonly authoredCommits: number
  /**
   * Its authors, most commits first (identity asc on ties): the top ten, then up to five more who are
   * still active.
   */
  readonly authors: readonly PathAuthor[]
  /** Distinct authors before the cap. */
  readonly authorCount: number
  /** Most commits (ties: identity asc), as `ownership[]` has it; null when no counted commit touched it. */
  readonly mainAuthor: string | null
  readonly mainAuthorShare: number
  /** Fewest authors, most commits first, whose commits are more than half of the path's. */
  readonly busFactor: number
  /** Files changed together with it (files only), shared desc, degree desc, path asc; every kept pair. */
  readonly partners: readonly PathPartner[]
  /** Distinct coupling partners when it is a hub (files only); null otherwise. */
  readonly hubPartners: number | null
  /** Fix commits shortly after another change to the path (files only), with the newest examples. */
  readonly fixes: { readonly count: number; readonly examples: readonly PathFix[] } | null
  /**
   * Reverts touching the path that undid something in the analysed history (`undidHistory` of
   * @gitlore/core), newest first (at most `maxReverts`).
   */
  readonly reverts: readonly PathRevert[]
  /** Those reverts before the cap. */
  readonly revertCount: number
  /** Ids of findings that name the path (or, for a directory, a file under it). */
  readonly findings: readonly string[]
  /** Review comments on the path: how many, and the ids of the newest (at most `maxComments`). */
  readonly comments: { readonly total: number; readonly newest: readonly string[] }
  /** Review themes with members on the path, most members first. */
  readonly themes: readonly PathTheme[]
  /** Who reviewed the path, most comments first. */
  readonly reviewers: readonly PathReviewer[]
  /** CI history on the path (files only): tests in it that failed, commits to it that turned the branch red. */
  readonly ci: { readonly tests: readonly PathCiTest[]; readonly redCommits: readonly PathRedCommit[] } | null
}

/** A review comment as the index keeps it: metadata and a short excerpt that is safe to hand an assistant. */
export interface CommentKnowledge {
  /** GitHub node id. */
  readonly id: string
  readonly prNumber: number
  readonly url: string
  readonly author: string
  readonly createdAt: string
  readonly path: string | null
  readonly line: number | null
  /** Categories the classifier gave it; empty when it was not classified. */
  readonly categories: readonly CommentCategory[]
  /** Whether its review thread was resolved; null for conversation comments. */
  readonly resolved: boolean | null
  readonly themeId: string | null
  /**
   * A short, markup-free excerpt of the comment, or null when the comment addresses AI assistants
   * or their instructions (such text is never passed on) or has no prose.
   */
  readonly quote: string | null
}

/** A recurring review theme. */
export interface ThemeKnowledge {
  readonly id: string
  readonly label: string
  readonly size: number
  readonly categories: Readonly<Partial<Record<CommentCategory, number>>>
  /** Files its comments were written on, most comments first. */
  readonly files: readonly string[]
  readonly prNumbers: readonly number[]
  /** Share of its review threads that were resolved (0..1). */
  readonly resolvedShare: number
  /** When its newest comment was written, ISO 8601. */
  readonly lastSeen: string | null
  /** Representative comment ids (medoid first) whose quotes may be shown. */
  readonly representatives: readonly string[]
}

/** A person's activity over the window. */
export interface PersonActivity {
  readonly identity: string
  readonly name: string
  readonly commits: number
  readonly lastCommit: string
  readonly active: boolean
}

/** What the index was built from, and repository-wide knowledge. */
export interface KnowledgeMeta {
  readonly formatVersion: typeof knowledgeFormatVersion
  readonly repository: {
    /** The repository's top-level directory when the index was built. */
    readonly path: string
    /** The origin remote (`owner/name` on GitHub, credentials stripped), or null. */
    readonly remote: string | null
    /** `owner/name` the review data came from, or null when the index holds none. */
    readonly github: string | null
  }
  /** HEAD when the index was built: answers are stale once HEAD moves. */
  readonly head: string
  readonly builtAt: string
  /** The analyze run it was built from; null when built from the context alone. */
  readonly runId: string | null
  readonly window: TimeWindow
  /** Who wrote the findings (`offline`, or the agent's model); null when there are none. */
  readonly synthesizer: string | null
  /** Days without a commit after which an author counts as inactive. */
  readonly inactiveDays: number
  /** A fix counts for a path another commit touched within this many days before it. */
  readonly fixWindowDays: number
  readonly conventions: Conventions
  /** The newest commit following each commit-message convention, to cite as an example. */
  readonly conventionExamples: ConventionExamples
  /** Every author of the window, most commits first. */
  readonly people: readonly PersonActivity[]
  /** Every reviewer of the window, most comments first. */
  readonly reviewers: readonly PathReviewer[]
  /** Top-level directories, most commits first. */
  readonly topDirectories: readonly string[]
  /** Classified comments per category. */
  readonly categories: Readonly<Partial<Record<CommentCategory, number>>>
  readonly counts: {
    readonly commits: number
    readonly files: number
    readonly comments: number
    readonly themes: number
    readonly findings: number
  }
}

/** The whole index: what `KnowledgeStore.putKnowledge` stores and the queries read. */
export interface KnowledgeIndex {
  readonly meta: KnowledgeMeta
  readonly paths: readonly PathKnowledge[]
  readonly comments: readonly CommentKnowledge[]
  readonly themes: readonly ThemeKnowledge[]
  readonly findings: readonly Finding[]
}
