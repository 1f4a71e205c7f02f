import { visibleText } from '@gitlore/core'
import { codeSpan, escapeInline, integer, oneLine, table } from '../markdown/markdown-text.js'
import { count } from '../shared/plain-text.js'
import type { OrganisationRepositorySummary, OrganisationRollUp } from './organisation-roll-up.js'

/** Text from repositories, GitHub or a model, as markdown: one line, visible characters, nothing that formats. */
const text = (value: string) => escapeInline(oneLine(visibleText(value, { multiline: false })))

const statusWord: Readonly<Record<OrganisationRepositorySummary['status'], string>> = {
  ok: 'ok',
  degraded: 'degraded',
  failed: 'failed',
  missing: 'no stored run',
}

function repositoryCell(repository: OrganisationRepositorySummary): string {
  return repository.reportLink === undefined
    ? text(repository.name)
    : `[${text(repository.name)}](${encodeURI(repository.reportLink)})`
}

const optional = (value: number | undefined) => (value === undefined ? '–' : integer(value))

/** The organisation report as markdown (`gitlore-org-report.md`). */
export function organisationMarkdown(rollUp: OrganisationRollUp): string {
  const analysed = rollUp.repositories.filter(
    (repository) => repository.status === 'ok' || repository.status === 'degraded',
  )
  const lines: string[] = [
    '# gitlore organisation report',
    '',
    `${count(rollUp.repositories.length, 'repository', 'repositories')}, ${integer(analysed.length)} analysed; generated ${rollUp.generatedAt}.`,
    '',
    '## Review themes that recur across repositories',
    '',
  ]
  if (rollUp.recurringThemes.length === 0) {
    lines.push('No review theme recurs in more than one repository.', '')
  } else {
    for (const theme of rollUp.recurringThemes) {
      const terms = theme.terms.length === 0 ? '' : ` (${theme.terms.slice(0, 6).map(codeSpan).join(', ')})`
      lines.push(
        `- **${text(theme.label)}**${terms}: ${count(theme.repositories.length, 'repository', 'repositories')}, ${count(theme.comments, 'comment')}${theme.category === null ? '' : `, mostly ${theme.category.replace('_', ' ')}`}`,
      )
      for (const entry of theme.repositories) {
        lines.push(
          `  - ${text(entry.repository)}: “${text(entry.label)}”, ${count(entry.comments, 'comment')} on ${count(entry.pullRequests, 'pull request')}`,
        )
      }
    }
    lines.push('')
  }

  lines.push('## Reviewers across repositories', '')
  const reviewers = rollUp.reviewers.slice(0, 30)
  if (reviewers.length === 0) {
    lines.push('No review data in these runs.', '')
  } else {
    lines.push(
      table(
        ['reviewer', 'repositories', 'reviews', 'comments', 'where'],
        reviewers.map((reviewer) => [
          text(reviewer.login),
          integer(reviewer.repositories.length),
          integer(reviewer.reviews),
          integer(reviewer.comments),
          reviewer.repositories
            .slice(0, 5)
            .map((entry) => `${text(entry.repository)} (${integer(entry.comments)})`)
            .join(', '),
        ]),
        [1, 2, 3],
      ),
      '',
    )
    if (rollUp.reviewers.length > reviewers.length)
      lines.push(`${integer(rollUp.reviewers.length - reviewers.length)} more reviewers left out.`, '')
  }

  lines.push(
    '## Repositories',
    '',
    table(
      ['repository', 'status', 'commits', 'findings (high)', 'pull requests', 'review comments', 'themes'],
      rollUp.repositories.map((repository) => [
        repositoryCell(repository),
        repository.detail === undefined
          ? statusWord[repository.status]
          : `${statusWord[repository.status]}: ${text(repository.detail)}`,
        optional(repository.commits),
        repository.findings === undefined
          ? '–'
          : `${integer(repository.findings)} (${integer(repository.highFindings ?? 0)})`,
        optional(repository.pullRequests),
        optional(repository.reviewComments),
        optional(repository.themes),
      ]),
      [2, 4, 5, 6],
    ),
    '',
    '## Hotspots per repository',
    '',
  )
  for (const repository of rollUp.repositories) {
    if (repository.hotspots.length === 0) continue
    lines.push(
      `### ${text(repository.name)}`,
      '',
      table(
        ['file', 'commits', 'churn', 'authors'],
        repository.hotspots.map((hotspot) => [
          codeSpan(visibleText(hotspot.path, { multiline: false })),
          integer(hotspot.commits),
          integer(hotspot.churn),
          integer(hotspot.authors),
        ]),
        [1, 2, 3],
      ),
      '',
    )
  }
  return `${lines.join('\n').trimEnd()}\n`
}
