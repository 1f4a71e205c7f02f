import type { CommentCategory, Evidence, Finding, RepositoryInfo, TimeWindow } from '@gitlore/core'
import { quoteExcerpt } from '@gitlore/core'
import type { DegradedStage, ReportInput, ReviewArea, ReviewerLoad } from '../formatter.js'
import { reviewersByLoad, reviewView } from '../shared/review-themes.js'
import { type CiSummary, ciSummary } from './ci-summary.js'

const quoteLength = 300

/** A theme's representative comment, as the data formats quote it. */
export interface ThemeQuote {
  readonly url: string
  readonly author: string
  readonly prNumber: number
  readonly path?: string
  /** A plain one-line excerpt of the comment (code blocks shown as "[code]"). */
  readonly text: string
}

/** A recurring review theme, as the data formats carry it. */
export interface ReviewThemeEntry {
  readonly id: string
  /** The checked label (a model's, or the statistical one). */
  readonly label: string
  /** Comments in the theme. */
  readonly size: number
  /** Pull requests the theme's comments are on. */
  readonly pullRequests: number
  /** Share of the theme's review threads resolved (0..1); null when it has none. */
  readonly resolvedShare: number | null
  /** The theme's review threads, when known. */
  readonly threads?: number
  readonly categories: Readonly<Partial<Record<CommentCategory, number>>>
  /** Files the comments are on, most commented first. */
  readonly files: readonly string[]
  readonly quotes: readonly ThemeQuote[]
}

/** What reviewers keep asking for and who reviews: the part every format leads with. */
export interface ReviewsSummary {
  /** The GitHub repository (`owner/name`) the reviews came from, when known. */
  readonly repository?: string
  readonly pullRequests: number
  readonly comments: number
  /** Largest first; themes that are mostly praise, thanks or approval are left out. */
  readonly themes: readonly ReviewThemeEntry[]
  /** Themes left out because they are mostly praise, thanks or approval. */
  readonly praiseThemes: number
  /** Busiest first. */
  readonly reviewers: readonly ReviewerLoad[]
  /** Who reviews which area, most discussed first. */
  readonly areas: readonly ReviewArea[]
}

/** findings.json, version 1: the run's findings with what they were made from. */
export interface FindingsDocument {
  readonly schemaVersion: 1
  /** When the findings were rendered, ISO 8601. */
  readonly generatedAt: string
  readonly repo: RepositoryInfo
  readonly window: TimeWindow
  /** Which synthesizer wrote the findings, e.g. `offline` or a model name. */
  readonly synthesizer: string
  /** Present when the run had review data: it comes before the findings, as in every format. */
  readonly reviews?: ReviewsSummary
  readonly findings: readonly Finding[]
  /** Present when the run read GitHub Actions history: CI statistics, as evidence after the findings. */
  readonly ci?: CiSummary
  /** Stages that failed; empty when the run was complete. */
  readonly degradedStages: readonly DegradedStage[]
  readonly notes: readonly string[]
}

function evidence(item: Evidence): Evidence {
  return item.ref === undefined
    ? { source: item.source, text: item.text }
    : { source: item.source, text: item.text, ref: item.ref }
}

/** A finding with its keys in one fixed order, so the same finding always serialises the same way. */
function finding(item: Finding): Finding {
  return {
    id: item.id,
    title: item.title,
    category: item.category,
    severity: item.severity,
    insight: item.insight,
    evidence: item.evidence.map(evidence),
    files: [...item.files],
  }
}

/** The review part of the data formats, or undefined when the run had no review data. */
export function reviewsSummary(input: ReportInput): ReviewsSummary | undefined {
  if (input.reviews === undefined && (input.clusters ?? []).length === 0) return undefined
  const { themes, praiseThemes } = reviewView(input)
  return {
    ...(input.reviews?.repository === undefined ? {} : { repository: input.reviews.repository }),
    pullRequests: input.reviews?.pullRequests ?? 0,
    comments: input.reviews?.comments ?? 0,
    themes: themes.map((theme) => ({
      id: theme.id,
      label: theme.label,
      size: theme.size,
      pullRequests: theme.pullRequests,
      resolvedShare: theme.resolvedShare === null ? null : Math.round(theme.resolvedShare * 10_000) / 10_000,
      ...(theme.threads === null ? {} : { threads: theme.threads }),
      categories: Object.fromEntries(theme.categories),
      files: [...theme.files],
      quotes: theme.quotes.map((quote) => ({
        url: quote.url,
        author: quote.author,
        prNumber: quote.prNumber,
        ...(quote.path === undefined ? {} : { path: quote.path }),
        text: quoteExcerpt(quote.body, quoteLength),
      })),
    })),
    praiseThemes,
    reviewers: reviewersByLoad(input).map((reviewer) => ({
      login: reviewer.login,
      reviews: reviewer.reviews,
      comments: reviewer.comments,
    })),
    areas: (input.reviews?.areas ?? []).map((area) => ({
      path: area.path,
      comments: area.comments,
      reviewers: area.reviewers.map((reviewer) => ({ login: reviewer.login, comments: reviewer.comments })),
    })),
  }
}

/** The document findings.json and findings.xml carry, built from a report input. */
export function findingsDocument(input: ReportInput): FindingsDocument {
  const { repo, window } = input.context
  const reviews = reviewsSummary(input)
  const ci = ciSummary(input.context)
  return {
    schemaVersion: 1,
    generatedAt: input.generatedAt,
    repo: { path: repo.path, head: repo.head, branch: repo.branch, remote: repo.remote },
    window: { since: window.since, until: window.until },
    synthesizer: input.synthesizer,
    ...(reviews === undefined ? {} : { reviews }),
    findings: input.findings.map(finding),
    ...(ci === undefined ? {} : { ci }),
    degradedStages: (input.degradedStages ?? []).map((item) => ({
      stage: item.stage,
      error: item.error,
      kind: item.kind ?? 'degraded',
    })),
    notes: [...(input.notes ?? [])],
  }
}
