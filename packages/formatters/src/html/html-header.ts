import type { DegradedStage, ReportInput } from '../formatter.js'
import { count, integer, oneLine } from '../shared/plain-text.js'
import { commitAddress, githubRepository, repositoryName, splitStages } from '../shared/report-facts.js'
import { reviewView } from '../shared/review-themes.js'
import type { HtmlValue, SafeHtml } from './html-template.js'
import { html, link } from './html-template.js'

function fact(term: string, value: HtmlValue): SafeHtml {
  return html`<dt>${term}</dt><dd>${value}</dd>`
}

function headLink(input: ReportInput): SafeHtml {
  const { repo } = input.context
  if (repo.head === null) return html`none (empty repository)`
  const address = commitAddress(repo.head, githubRepository(repo))
  const sha =
    address === null ? html`<code>${repo.head}</code>` : link(address, html`<code>${repo.head.slice(0, 7)}</code>`)
  return html`${sha} on ${repo.branch === null ? 'detached HEAD' : html`branch <code>${repo.branch}</code>`}`
}

function notice(kind: string, title: string, items: readonly string[]): HtmlValue {
  if (items.length === 0) return null
  return html`<div class="notice ${kind}"><strong>${title}</strong><ul>${items.map((item) => html`<li>${item}</li>`)}</ul></div>`
}

/** The report's title and run facts: repository, head, window, what was analysed, by what. */
export function reportHeader(input: ReportInput): SafeHtml {
  const { context } = input
  const { commits, window } = context
  const models = Object.entries(input.models ?? {})
    .map(([stage, model]) => `${stage} ${model}`)
    .join(', ')
  const reviews = input.reviews
  const themes = reviewView(input).themes.length
  const stages = splitStages(input)
  const stageItem = (item: DegradedStage) => `${oneLine(item.stage)}: ${oneLine(item.error)}`
  return html`<header>
<h1>gitlore report: ${repositoryName(context, input.reviews?.repository)}</h1>
<dl class="facts">
${fact('Repository', repositoryName(context, input.reviews?.repository))}
${fact('Head', headLink(input))}
${fact('Window', `${window.since.slice(0, 10)} to ${window.until.slice(0, 10)}`)}
${fact(
  'Commits analysed',
  `${count(commits.total, 'non-merge commit')} by ${count(commits.authors, 'author')} (${count(commits.merges, 'merge')} not counted)`,
)}
${reviews === undefined ? '' : fact('Reviews analysed', html`${count(reviews.pullRequests, 'pull request')}, ${count(reviews.comments, 'review comment')} by ${count(reviews.reviewers.length, 'reviewer')}${reviews.repository === undefined ? '' : html` on GitHub <code>${reviews.repository}</code>`}`)}
${fact('Synthesizer', input.synthesizer)}
${models === '' ? '' : fact('Models', models)}
${fact('Generated', input.generatedAt)}
</dl>
${notice('degraded', 'Degraded run: these stages could not run as configured; this report was made without them or with their offline fallback.', stages.degraded.map(stageItem))}
${notice('degraded', 'Incomplete: these stages finished, but some of their items failed.', stages.partial.map(stageItem))}
${notice('warnings', 'Warnings', context.warnings.map(oneLine))}
${notice('notes', 'Notes', (input.notes ?? []).map(oneLine))}
<ul class="summary">
${themes === 0 ? '' : html`<li><strong>${integer(themes)}</strong><span>review themes</span></li>`}
<li><strong>${integer(input.findings.length)}</strong><span>findings</span></li>
<li><strong>${integer(input.findings.filter((finding) => finding.severity === 'high').length)}</strong><span>high severity</span></li>
<li><strong>${integer(commits.total)}</strong><span>commits</span></li>
<li><strong>${integer(commits.authors)}</strong><span>authors</span></li>
${reviews === undefined ? '' : html`<li><strong>${integer(reviews.pullRequests)}</strong><span>pull requests</span></li>`}
<li><strong>${integer(context.reverts.length)}</strong><span>reverts</span></li>
</ul>
</header>`
}
