import type { Evidence, Finding } from '@gitlore/core'
import { findingCategories, severities } from '@gitlore/core'
import { findingDirective } from '../shared/assistant-safety.js'
import { count, shortenShas } from '../shared/plain-text.js'
import { categoryTitles, commitAddress, refKind, sortFindings } from '../shared/report-facts.js'
import type { SafeHtml } from './html-template.js'
import { html, inlineText, link } from './html-template.js'

const filesShown = 20

/** The id of the checkbox that shows findings of a severity or a category. */
export function filterId(kind: 'severity' | 'category', value: string): string {
  return `show-${kind}-${value.replace(/[^a-z0-9_-]/gi, '-')}`
}

/**
 * CSS rules that hide the findings whose filter checkbox is cleared: the checkboxes come before
 * the list as its siblings, so `:checked` selectors alone do the filtering and the page needs
 * no script.
 */
export function filterStyles(): string {
  const rules = [
    ...severities.map((value) => ({ id: filterId('severity', value), selector: `[data-severity="${value}"]` })),
    ...findingCategories.map((value) => ({ id: filterId('category', value), selector: `[data-category="${value}"]` })),
  ]
  return rules
    .map(
      ({ id, selector }) =>
        `#${id}:not(:checked) ~ .finding-list .finding${selector} { display: none; }\n` +
        `#${id}:checked ~ .filters label[for="${id}"] { background: var(--chip-on); color: var(--chip-on-text); border-color: var(--chip-on); text-decoration: none; }\n` +
        `#${id}:focus-visible ~ .filters label[for="${id}"] { outline: 2px solid var(--accent); outline-offset: 2px; }`,
    )
    .join('\n')
}

function evidenceRef(ref: string, github: string | null): SafeHtml {
  switch (refKind(ref)) {
    case 'commit': {
      const address = commitAddress(ref, github)
      return address === null ? html`<code>${ref}</code>` : link(address, html`<code>${ref.slice(0, 7)}</code>`)
    }
    case 'web':
      return link(ref, ref)
    case 'path':
      return html`<code>${ref}</code>`
  }
}

function evidenceItem(evidence: Evidence, github: string | null): SafeHtml {
  const ref = evidence.ref === undefined ? '' : html` <span class="ref">${evidenceRef(evidence.ref, github)}</span>`
  return html`<li><span class="source">${evidence.source}</span> ${inlineText(shortenShas(evidence.text))}${ref}</li>`
}

function paragraphs(text: string): SafeHtml[] {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((paragraph) => html`<p>${inlineText(shortenShas(paragraph.trim()))}</p>`)
}

function findingCard(finding: Finding, github: string | null): SafeHtml {
  const category = (categoryTitles as Readonly<Record<string, string>>)[finding.category] ?? finding.category
  const directive = findingDirective(finding)
  const shownFiles = finding.files.slice(0, filesShown)
  const moreFiles = finding.files.length - shownFiles.length
  const files =
    finding.files.length === 0
      ? ''
      : html`<p class="files">Files: ${shownFiles.map((file, index) => html`${index > 0 ? ', ' : ''}<code>${file}</code>`)}${moreFiles > 0 ? ` and ${moreFiles} more` : ''}</p>`
  const evidence =
    finding.evidence.length === 0
      ? ''
      : html`<details open><summary>Evidence (${finding.evidence.length})</summary><ul class="evidence">${finding.evidence.map((item) => evidenceItem(item, github))}</ul></details>`
  return html`<article class="finding" data-severity="${finding.severity}" data-category="${finding.category}">
<header><span class="badge severity ${finding.severity}">${finding.severity}</span> <span class="badge category">${category}</span>
<h3>${inlineText(shortenShas(finding.title))}</h3></header>
${paragraphs(finding.insight)}
${directive === null ? '' : html`<p class="kept-out"><strong>Kept out of the assistant files:</strong> its text ${directive}.</p>`}
${evidence}
${files}
</article>`
}

function filterChips(kind: 'severity' | 'category', values: readonly string[], findings: readonly Finding[]): SafeHtml {
  const label = (value: string) =>
    kind === 'severity' ? value : ((categoryTitles as Readonly<Record<string, string>>)[value] ?? value)
  const chips = values.map((value) => {
    const found = findings.filter((finding) => (kind === 'severity' ? finding.severity : finding.category) === value)
    return html`<label class="chip" for="${filterId(kind, value)}">${label(value)} <span class="chip-count">${found.length}</span></label>`
  })
  return html`<div class="filter-group" role="group" aria-label="${kind === 'severity' ? 'Severity' : 'Category'}"><span class="filter-name">${kind === 'severity' ? 'Severity' : 'Category'}</span>${chips}</div>`
}

/** The findings, severest first, each a card, under checkbox filters by severity and category. */
export function findingsSection(findings: readonly Finding[], github: string | null): SafeHtml {
  if (findings.length === 0) {
    return html`<section id="findings"><h2>Findings</h2><p class="empty">No findings in this window.</p></section>`
  }
  const presentSeverities = severities.filter((value) => findings.some((finding) => finding.severity === value))
  const presentCategories = findingCategories.filter((value) => findings.some((finding) => finding.category === value))
  const checkboxes = [
    ...presentSeverities.map((value) => filterId('severity', value)),
    ...presentCategories.map((value) => filterId('category', value)),
  ].map((id) => html`<input class="filter-toggle" type="checkbox" id="${id}" checked>`)
  const summary = severities
    .map((severity) => [severity, findings.filter((finding) => finding.severity === severity).length] as const)
    .filter(([, found]) => found > 0)
    .map(([severity, found]) => `${found} ${severity}`)
    .join(', ')
  return html`<section id="findings">
<h2>Findings</h2>
<p class="lead">${count(findings.length, 'finding')}: ${summary}. Clear a filter to hide those findings.</p>
${checkboxes}
<div class="filters">${filterChips('severity', presentSeverities, findings)}${filterChips('category', presentCategories, findings)}</div>
<div class="finding-list">
${sortFindings(findings).map((finding) => findingCard(finding, github))}
</div>
<p class="shown-count">of ${count(findings.length, 'finding')}.</p>
</section>`
}
