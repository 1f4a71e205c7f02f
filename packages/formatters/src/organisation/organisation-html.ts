import { visibleText } from '@gitlore/core'
import { standalonePage } from '../html/html-page.js'
import { html, type SafeHtml } from '../html/html-template.js'
import { count, integer } from '../shared/plain-text.js'
import type { OrganisationRepositorySummary, OrganisationRollUp } from './organisation-roll-up.js'

const text = (value: string) => visibleText(value, { multiline: false })
const optional = (value: number | undefined) => (value === undefined ? '–' : integer(value))

/** A link to a repository's own report: only a relative path without a scheme. */
function repositoryName(repository: OrganisationRepositorySummary): SafeHtml {
  const link = repository.reportLink
  if (link === undefined || /^[a-z][a-z0-9+.-]*:/i.test(link) || link.startsWith('/') || link.startsWith('//'))
    return html`${text(repository.name)}`
  return html`<a href="${encodeURI(link)}">${text(repository.name)}</a>`
}

function themesSection(rollUp: OrganisationRollUp): SafeHtml {
  if (rollUp.recurringThemes.length === 0)
    return html`<section><h2>Review themes that recur across repositories</h2><p>No review theme recurs in more than one repository.</p></section>`
  return html`<section><h2>Review themes that recur across repositories</h2>
${rollUp.recurringThemes.map(
  (theme) => html`<article class="finding"><h3>${text(theme.label)}</h3>
<p>${count(theme.repositories.length, 'repository', 'repositories')}, ${count(theme.comments, 'comment')}${theme.category === null ? '' : `, mostly ${theme.category.replace('_', ' ')}`}${theme.terms.length === 0 ? '' : html`; terms: ${theme.terms.slice(0, 6).map((term, index) => html`${index === 0 ? '' : ', '}<code>${text(term)}</code>`)}`}</p>
<ul>${theme.repositories.map((entry) => html`<li>${text(entry.repository)}: “${text(entry.label)}”, ${count(entry.comments, 'comment')} on ${count(entry.pullRequests, 'pull request')}</li>`)}</ul>
</article>`,
)}
</section>`
}

function reviewersSection(rollUp: OrganisationRollUp): SafeHtml {
  const reviewers = rollUp.reviewers.slice(0, 30)
  if (reviewers.length === 0)
    return html`<section><h2>Reviewers across repositories</h2><p>No review data in these runs.</p></section>`
  return html`<section><h2>Reviewers across repositories</h2>
<table class="areas"><thead><tr><th>reviewer</th><th class="number">repositories</th><th class="number">reviews</th><th class="number">comments</th><th>where</th></tr></thead>
<tbody>${reviewers.map(
    (reviewer) =>
      html`<tr><td>${text(reviewer.login)}</td><td class="number">${integer(reviewer.repositories.length)}</td><td class="number">${integer(reviewer.reviews)}</td><td class="number">${integer(reviewer.comments)}</td><td>${reviewer.repositories
        .slice(0, 5)
        .map((entry) => `${text(entry.repository)} (${integer(entry.comments)})`)
        .join(', ')}</td></tr>`,
  )}</tbody></table>
${rollUp.reviewers.length > reviewers.length ? html`<p>${integer(rollUp.reviewers.length - reviewers.length)} more reviewers left out.</p>` : ''}
</section>`
}

function repositoriesSection(rollUp: OrganisationRollUp): SafeHtml {
  return html`<section><h2>Repositories</h2>
<table class="areas"><thead><tr><th>repository</th><th>status</th><th class="number">commits</th><th class="number">findings (high)</th><th class="number">pull requests</th><th class="number">review comments</th><th class="number">themes</th></tr></thead>
<tbody>${rollUp.repositories.map(
    (repository) =>
      html`<tr><td>${repositoryName(repository)}</td><td>${repository.status === 'missing' ? 'no stored run' : repository.status}${repository.detail === undefined ? '' : `: ${text(repository.detail)}`}</td><td class="number">${optional(repository.commits)}</td><td class="number">${repository.findings === undefined ? '–' : `${integer(repository.findings)} (${integer(repository.highFindings ?? 0)})`}</td><td class="number">${optional(repository.pullRequests)}</td><td class="number">${optional(repository.reviewComments)}</td><td class="number">${optional(repository.themes)}</td></tr>`,
  )}</tbody></table>
</section>`
}

function hotspotsSection(rollUp: OrganisationRollUp): SafeHtml {
  return html`<section><h2>Hotspots per repository</h2>
${rollUp.repositories
  .filter((repository) => repository.hotspots.length > 0)
  .map(
    (repository) => html`<h3>${text(repository.name)}</h3>
<table class="areas"><thead><tr><th>file</th><th class="number">commits</th><th class="number">churn</th><th class="number">authors</th></tr></thead>
<tbody>${repository.hotspots.map((hotspot) => html`<tr><td><code>${text(hotspot.path)}</code></td><td class="number">${integer(hotspot.commits)}</td><td class="number">${integer(hotspot.churn)}</td><td class="number">${integer(hotspot.authors)}</td></tr>`)}</tbody></table>`,
  )}
</section>`
}

/** The organisation report as one standalone HTML page (`gitlore-org-report.html`): no script, no network. */
export function organisationHtml(rollUp: OrganisationRollUp): string {
  const analysed = rollUp.repositories.filter(
    (repository) => repository.status === 'ok' || repository.status === 'degraded',
  )
  return standalonePage({
    title: 'gitlore organisation report',
    extraStyles: '.areas th, .areas td:first-child { overflow-wrap: normal; white-space: nowrap; }\n',
    body: html`<header><h1>gitlore organisation report</h1>
<p>${count(rollUp.repositories.length, 'repository', 'repositories')}, ${integer(analysed.length)} analysed; generated ${rollUp.generatedAt}.</p></header>
${themesSection(rollUp)}
${reviewersSection(rollUp)}
${repositoriesSection(rollUp)}
${hotspotsSection(rollUp)}
<footer>Generated by gitlore at ${rollUp.generatedAt}. This page is one file: it loads nothing from the network and runs no script.</footer>`,
  })
}
