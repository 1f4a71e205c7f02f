import type { Finding, OutputFormat, RepositoryContext, ReviewCluster, ReviewComment } from '@gitlore/core'
import { outputFormats } from '@gitlore/core'

/** A pipeline stage that did not run as configured; the run went on without it, or with part of it. */
export interface DegradedStage {
  /** The stage's name, e.g. `github` or `classifier`. */
  readonly stage: string
  /** What went wrong, as shown to the user. */
  readonly error: string
  /**
   * `degraded` (the default): it failed or fell back (offline, git-only), so the report lacks what it
   * would have given; `partial`: it finished, but some of its items failed (the share is in `error`).
   */
  readonly kind?: 'degraded' | 'partial'
}

/** One person's share of the review work in the window. */
export interface ReviewerLoad {
  /** GitHub login. */
  readonly login: string
  /** Reviews submitted (approvals, change requests, comments). */
  readonly reviews: number
  /** Review comments written, replies included. */
  readonly comments: number
}

/** One reviewer's share of the comments on an area. */
export interface AreaReviewer {
  /** GitHub login. */
  readonly login: string
  /** Review comments they wrote on files of the area, replies included. */
  readonly comments: number
}

/** Who reviews one area (a top-level directory ending in `/`, or a file at the root). */
export interface ReviewArea {
  readonly path: string
  /** Review comments on files of the area, replies included. */
  readonly comments: number
  /** Every reviewer who commented there, most comments first. */
  readonly reviewers: readonly AreaReviewer[]
}

/**
 * The review statistics a report shows: the minimal shape formatters read, so any stage that
 * counts pull requests and comments can supply it.
 */
export interface ReviewStatistics {
  /** The GitHub repository the reviews came from (`owner/name`), when known. */
  readonly repository?: string
  /** Pull requests analysed in the window. */
  readonly pullRequests: number
  /** Human review comments analysed, replies included (bots and trivial comments dropped). */
  readonly comments: number
  /** Per reviewer, in any order; reports sort them busiest first. */
  readonly reviewers: readonly ReviewerLoad[]
  /** Who reviews which area, from the comments on files (`reviewAreas` computes it). */
  readonly areas?: readonly ReviewArea[]
}

/**
 * A review comment a report quotes (a theme's representative), kept short: what the quote, its
 * link and its attribution need, nothing more (`quotedComments` picks them from the comments).
 */
export interface QuotedComment {
  /** The comment's id, as a theme's `representatives` name it. */
  readonly id: string
  /** Where the comment is on GitHub. */
  readonly url: string
  /** Its author's login. */
  readonly author: string
  readonly prNumber: number
  /** The file it is on, for comments in a review thread. */
  readonly path?: string
  /** Its text, at most a few hundred characters (reports shorten it further). */
  readonly body: string
}

/** The comment fields `quotedComments` and `reviewAreas` read. */
export type QuotableComment = Pick<ReviewComment, 'id' | 'url' | 'author' | 'prNumber' | 'path' | 'body' | 'replies'>

/** Everything a report is made from. */
export interface ReportInput {
  /** The repository context (git statistics) of the run. */
  readonly context: RepositoryContext
  /** The findings, in the synthesizer's order (severest first). */
  readonly findings: readonly Finding[]
  /** Which synthesizer wrote the findings, e.g. `offline` or a model name. */
  readonly synthesizer: string
  /** When the report was generated, ISO 8601 (passed in so output is reproducible). */
  readonly generatedAt: string
  /** Stages that failed, so the reader knows what the report lacks. */
  readonly degradedStages?: readonly DegradedStage[]
  /** Notes from the synthesizer or the run (thin data, findings left out). */
  readonly notes?: readonly string[]
  /** Models used by the other stages, by stage, e.g. `{ classifier: 'offline' }`. */
  readonly models?: Readonly<Record<string, string>>
  /** Recurring review themes; review sections are shown only when present. */
  readonly clusters?: readonly ReviewCluster[]
  /** The themes' representative comments, quoted under each theme (`quotedComments` picks them). */
  readonly quotes?: readonly QuotedComment[]
  /** Pull requests, comments and reviewers analysed; shown only when present. */
  readonly reviews?: ReviewStatistics
}

/** Every format this package renders: all of gitlore's output formats. */
export const supportedFormats = outputFormats

/** A format this package renders. */
export type FormatterName = OutputFormat

/** A rendered output file. */
export interface FormattedFile {
  /** File path relative to the output directory, `/`-separated (e.g. `gitlore-report.md`). */
  readonly path: string
  /** The whole file content, as written when no file exists at the path yet. */
  readonly content: string
}

/** Renders a report input into one output file. */
export interface Formatter {
  /** The format's name, as `--format` and `[output] formats` spell it. */
  readonly name: FormatterName
  /** Where the file goes, relative to the output directory, `/`-separated (what `format` returns as `path`). */
  readonly path: string
  /** Renders the file; the same input always gives the same bytes. */
  format(input: ReportInput): FormattedFile
  /**
   * For a file people edit too (CLAUDE.md and the other assistant files): the content to write
   * given the file's current content (null when there is none), keeping everything gitlore does
   * not own. Throws a `GitloreError` when the current content cannot be merged safely.
   */
  merge?(existing: string | null, rendered: FormattedFile): string
}
