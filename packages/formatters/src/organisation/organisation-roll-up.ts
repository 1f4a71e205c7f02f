import type { CommentCategory, Hotspot } from '@gitlore/core'
import type { ReportInput } from '../formatter.js'
import { recurringThemes } from './recurring-themes.js'

/** One repository of an organisation run: its stored report, or why there is none. */
export interface OrganisationRepository {
  /** How the repository was named in the list: `owner/name`, or a path. */
  readonly name: string
  /** `ok`, `degraded` (finished with a fallback), `failed` (no report), or `missing` (no stored run to roll up). */
  readonly status: 'ok' | 'degraded' | 'failed' | 'missing'
  /** Why it failed, is missing, or which stages were degraded. */
  readonly detail?: string
  /** The run's report input; absent when it failed or is missing. */
  readonly report?: ReportInput
  /** Where its own report is, relative to the organisation report (e.g. `octo-api/gitlore-report.md`). */
  readonly reportLink?: string
  /** The stored run's id, for `gitlore render --run`. */
  readonly runId?: string
}

/** A review theme that recurs in several repositories. */
export interface RecurringTheme {
  /** The label of its largest member theme. */
  readonly label: string
  /** Top terms shared by its members, most shared first. */
  readonly terms: readonly string[]
  /** The category most of its comments carry. */
  readonly category: CommentCategory | null
  /** Comments across its members. */
  readonly comments: number
  /** The theme in each repository, largest first. */
  readonly repositories: readonly {
    readonly repository: string
    readonly label: string
    readonly comments: number
    readonly pullRequests: number
  }[]
}

/** A reviewer seen in the review data of one or more repositories. */
export interface OrganisationReviewer {
  readonly login: string
  readonly reviews: number
  readonly comments: number
  /** Per repository, busiest first. */
  readonly repositories: readonly { readonly repository: string; readonly reviews: number; readonly comments: number }[]
}

/** A repository's line in the roll-up, with its hotspots. */
export interface OrganisationRepositorySummary {
  readonly name: string
  readonly status: OrganisationRepository['status']
  readonly detail?: string
  readonly reportLink?: string
  readonly runId?: string
  /** The GitHub repository the reviews came from, when known. */
  readonly github?: string
  readonly head?: string | null
  readonly commits?: number
  readonly authors?: number
  readonly findings?: number
  readonly highFindings?: number
  readonly pullRequests?: number
  readonly reviewComments?: number
  readonly themes?: number
  /** Its busiest files (most commits), at most `hotspotsPerRepository`. */
  readonly hotspots: readonly Hotspot[]
}

/** What an organisation report shows. */
export interface OrganisationRollUp {
  readonly generatedAt: string
  readonly repositories: readonly OrganisationRepositorySummary[]
  /** Themes found in two or more repositories, most repositories first. */
  readonly recurringThemes: readonly RecurringTheme[]
  /** Reviewers, those active in the most repositories first, then by comments. */
  readonly reviewers: readonly OrganisationReviewer[]
}

/** Options of `rollUpOrganisation`. */
export interface RollUpOptions {
  /** When the roll-up was made, ISO 8601 (passed in so output is reproducible); default now. */
  readonly generatedAt?: string
  /** Hotspots listed per repository; default 5. */
  readonly hotspotsPerRepository?: number
}

function summarize(repository: OrganisationRepository, hotspots: number): OrganisationRepositorySummary {
  const base = {
    name: repository.name,
    status: repository.status,
    ...(repository.detail === undefined ? {} : { detail: repository.detail }),
    ...(repository.reportLink === undefined ? {} : { reportLink: repository.reportLink }),
    ...(repository.runId === undefined ? {} : { runId: repository.runId }),
  }
  const report = repository.report
  if (report === undefined) return { ...base, hotspots: [] }
  return {
    ...base,
    ...(report.reviews?.repository === undefined ? {} : { github: report.reviews.repository }),
    head: report.context.repo.head,
    commits: report.context.commits.total,
    authors: report.context.commits.authors,
    findings: report.findings.length,
    highFindings: report.findings.filter((finding) => finding.severity === 'high').length,
    ...(report.reviews === undefined
      ? {}
      : { pullRequests: report.reviews.pullRequests, reviewComments: report.reviews.comments }),
    themes: report.clusters?.length ?? 0,
    hotspots: report.context.hotspots.slice(0, hotspots),
  }
}

function reviewersAcross(repositories: readonly OrganisationRepository[]): OrganisationReviewer[] {
  const byLogin = new Map<string, { login: string; repositories: Map<string, { reviews: number; comments: number }> }>()
  for (const repository of repositories) {
    for (const reviewer of repository.report?.reviews?.reviewers ?? []) {
      const key = reviewer.login.toLowerCase()
      const entry = byLogin.get(key) ?? { login: reviewer.login, repositories: new Map() }
      const counts = entry.repositories.get(repository.name) ?? { reviews: 0, comments: 0 }
      entry.repositories.set(repository.name, {
        reviews: counts.reviews + reviewer.reviews,
        comments: counts.comments + reviewer.comments,
      })
      byLogin.set(key, entry)
    }
  }
  return [...byLogin.values()]
    .map((entry) => {
      const list = [...entry.repositories.entries()]
        .map(([repository, counts]) => ({ repository, ...counts }))
        .sort((a, b) => b.comments - a.comments || b.reviews - a.reviews || a.repository.localeCompare(b.repository))
      return {
        login: entry.login,
        reviews: list.reduce((sum, item) => sum + item.reviews, 0),
        comments: list.reduce((sum, item) => sum + item.comments, 0),
        repositories: list,
      }
    })
    .sort(
      (a, b) =>
        b.repositories.length - a.repositories.length ||
        b.comments - a.comments ||
        b.reviews - a.reviews ||
        a.login.localeCompare(b.login),
    )
}

/**
 * What an organisation's repositories have in common: each repository's line (status, size, findings,
 * reviews, hotspots), the review themes that recur across repositories, and the reviewers who review in
 * several. Repositories that failed or have no stored run are listed with why.
 */
export function rollUpOrganisation(
  repositories: readonly OrganisationRepository[],
  options: RollUpOptions = {},
): OrganisationRollUp {
  return {
    generatedAt: options.generatedAt ?? new Date().toISOString(),
    repositories: repositories.map((repository) => summarize(repository, options.hotspotsPerRepository ?? 5)),
    recurringThemes: recurringThemes(repositories),
    reviewers: reviewersAcross(repositories),
  }
}
