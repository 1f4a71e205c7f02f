import type { Evidence, Finding } from '@gitlore/core'
import { findingCategories, severities } from '@gitlore/core'
import type { DegradedStage, FormattedFile, Formatter, ReportInput } from '../formatter.js'
import { findingDirective } from '../shared/assistant-safety.js'
import { count } from '../shared/plain-text.js'
import { categoryTitles, repositoryName, splitStages } from '../shared/report-facts.js'
import { markdownAppendix } from './markdown-appendix.js'
import { markdownCi } from './markdown-ci.js'
import { commitLink, evidenceRef, githubRepository } from './markdown-refs.js'
import { reviewsMarkdown } from './markdown-reviews.js'
import { codeSpan, escapeInline, integer, oneLine, shortenShas } from './markdown-text.js'

export interface MarkdownFormatterOptions {
  /** Rows each appendix table shows before pointing at .gitlore/context.json (default 10). */
  readonly tableRows?: number
  /** File name of the report, relative to the output directory (default `gitlore-report.md`). */
  readonly fileName?: string
}

const filesShown = 20

/**
 * The human-readable report, gitlore-report.md: run header, then what reviewers keep asking for
 * (themes with quotes) and who reviews what, then findings by category, then the git statistics
 * and, when the run read GitHub Actions history, the CI statistics as supporting evidence.
 */
export class MarkdownFormatter implements Formatter {
  readonly name = 'report'
  readonly #tableRows: number
  readonly #fileName: string
  get path(): string {
    return this.#fileName
  }

  constructor(options: MarkdownFormatterOptions = {}) {
    this.#tableRows = options.tableRows ?? 10
    this.#fileName = options.fileName ?? 'gitlore-report.md'
  }

  format(input: ReportInput): FormattedFile {
    const github = githubRepository(input.context.repo)
    const reviews = reviewsMarkdown(input)
    const ci = markdownCi(input.context, this.#tableRows)
    const content = [
      header(input, github),
      ...(reviews === null ? [] : [reviews]),
      findingsMarkdown(input.findings, github),
      markdownAppendix(input.context, github, this.#tableRows),
      ...(ci === null ? [] : [ci]),
    ].join('\n\n')
    return { path: this.#fileName, content: `${content}\n` }
  }
}

function bulletList(items: readonly string[]): string {
  return items.map((item) => `- ${item}`).join('\n')
}

function reviewLine(input: ReportInput): string[] {
  const reviews = input.reviews
  if (reviews === undefined) return []
  return [
    `Reviews analysed: ${count(reviews.pullRequests, 'pull request')}, ` +
      `${count(reviews.comments, 'review comment')} by ${count(reviews.reviewers.length, 'reviewer')}` +
      (reviews.repository === undefined ? '' : ` on GitHub ${escapeInline(oneLine(reviews.repository))}`),
  ]
}

function modelsLine(input: ReportInput): string[] {
  const models = Object.entries(input.models ?? {}).map(([stage, model]) => `${stage} ${model}`)
  return models.length === 0 ? [] : [`Models: ${escapeInline(oneLine(models.join(', ')))}`]
}

function header(input: ReportInput, github: string | null): string {
  const { context } = input
  const { repo, commits, window } = context
  const head = repo.head === null ? 'none (empty repository)' : commitLink(repo.head, github)
  const branch = repo.branch === null ? 'detached HEAD' : `branch ${codeSpan(repo.branch)}`
  const lines = [
    `# gitlore report: ${escapeInline(oneLine(repositoryName(context, input.reviews?.repository)))}`,
    bulletList([
      `Repository: ${escapeInline(oneLine(repositoryName(context, input.reviews?.repository)))}`,
      `Head: ${head} on ${branch}`,
      `Window: ${window.since.slice(0, 10)} to ${window.until.slice(0, 10)}`,
      `Commits analysed: ${integer(commits.total)} non-merge ${commits.total === 1 ? 'commit' : 'commits'} by ` +
        `${integer(commits.authors)} ${commits.authors === 1 ? 'author' : 'authors'} ` +
        `(${integer(commits.merges)} ${commits.merges === 1 ? 'merge' : 'merges'} not counted)`,
      ...reviewLine(input),
      `Synthesizer: ${escapeInline(oneLine(input.synthesizer))}`,
      ...modelsLine(input),
      `Generated: ${escapeInline(oneLine(input.generatedAt))}`,
    ]),
  ]
  const stages = splitStages(input)
  const stageItem = (item: DegradedStage) =>
    `${escapeInline(oneLine(item.stage))}: ${escapeInline(oneLine(item.error))}`
  if (stages.degraded.length > 0) {
    lines.push(
      '**Degraded run:** these stages could not run as configured; this report was made without them or with their offline fallback.',
      bulletList(stages.degraded.map(stageItem)),
    )
  }
  if (stages.partial.length > 0) {
    lines.push(
      '**Incomplete:** these stages finished, but some of their items failed.',
      bulletList(stages.partial.map(stageItem)),
    )
  }
  if (context.warnings.length > 0) {
    lines.push('Warnings:', bulletList(context.warnings.map((warning) => escapeInline(oneLine(warning)))))
  }
  const notes = input.notes ?? []
  if (notes.length > 0) lines.push('Notes:', bulletList(notes.map((note) => escapeInline(oneLine(note)))))
  return lines.join('\n\n')
}

function severityRank(finding: Finding): number {
  return severities.indexOf(finding.severity)
}

function findingsMarkdown(findings: readonly Finding[], github: string | null): string {
  if (findings.length === 0) return '## Findings\n\nNo findings.'
  const counts = severities
    .map((severity) => [severity, findings.filter((finding) => finding.severity === severity).length] as const)
    .filter(([, found]) => found > 0)
    .map(([severity, found]) => `${found} ${severity}`)
  const sections = findingCategories
    .map((category) => ({
      category,
      group: findings
        .filter((finding) => finding.category === category)
        .sort((a, b) => severityRank(a) - severityRank(b)),
    }))
    .filter(({ group }) => group.length > 0)
    // Categories with the severest findings first; among equals, the order of `findingCategories`.
    .sort((a, b) => severityRank(a.group[0]!) - severityRank(b.group[0]!))
    .map(({ category, group }) =>
      [`### ${categoryTitles[category]}`, ...group.map((finding) => findingMarkdown(finding, github))].join('\n\n'),
    )
  const total = `${findings.length} ${findings.length === 1 ? 'finding' : 'findings'}`
  return [`## Findings`, `${total}: ${counts.join(', ')}.`, ...sections].join('\n\n')
}

function findingMarkdown(finding: Finding, github: string | null): string {
  const parts = [
    `#### ${escapeInline(oneLine(shortenShas(finding.title)))}`,
    `Severity: **${finding.severity}**`,
    escapeInline(shortenShas(finding.insight.trim())),
  ]
  const directive = findingDirective(finding)
  if (directive !== null) parts.push(`**Kept out of the assistant files:** its text ${directive}.`)
  if (finding.evidence.length > 0) {
    parts.push('Evidence:', bulletList(finding.evidence.map((item) => evidenceMarkdown(item, github))))
  }
  if (finding.files.length > 0) {
    const shown = finding.files.slice(0, filesShown).map(codeSpan).join(', ')
    const more = finding.files.length - filesShown
    parts.push(`Files: ${shown}${more > 0 ? ` and ${integer(more)} more` : ''}`)
  }
  return parts.join('\n\n')
}

function evidenceMarkdown(evidence: Evidence, github: string | null): string {
  const text = escapeInline(oneLine(shortenShas(evidence.text)))
  const ref = evidence.ref === undefined ? '' : `: ${evidenceRef(evidence.ref, github)}`
  return `${text} (${evidence.source}${ref})`
}
