import type { ReportInput } from '../formatter.js'
import { count, integer, percent } from '../shared/plain-text.js'
import { personLabel } from '../shared/report-facts.js'
import { barChart, couplingMatrix } from './html-charts.js'
import type { HtmlValue, SafeHtml } from './html-template.js'
import { html } from './html-template.js'

const rowsShown = 10

/** A statistics section: heading, a note on what it counts, then its charts and tables (or "None in this window."). */
export function section(id: string, title: string, note: string, charts: readonly HtmlValue[]): SafeHtml {
  const shown = charts.filter((chart) => chart !== null && chart !== '')
  const body =
    shown.length === 0 ? html`<p class="empty">None in this window.</p>` : html`<div class="charts">${shown}</div>`
  return html`<section id="${id}"><h2>${title}</h2><p class="note">${note}</p>${body}</section>`
}

function hotspotsChart(input: ReportInput): HtmlValue {
  const hotspots = input.context.hotspots.slice(0, rowsShown)
  if (hotspots.length === 0) return null
  return barChart({
    id: 'chart-hotspots',
    caption: `The ${count(hotspots.length, 'file')} changed in the most commits`,
    legend: ['commits', 'lines changed'],
    bars: hotspots.map((hotspot) => ({
      label: hotspot.path,
      value: hotspot.commits,
      secondary: hotspot.churn,
      detail: `${count(hotspot.commits, 'commit')} · ${count(hotspot.churn, 'line')}`,
    })),
  })
}

function couplingChart(input: ReportInput): HtmlValue {
  if (input.context.coupling.length === 0) return null
  return couplingMatrix(
    'chart-coupling',
    'Files that change together: a number is the commits two files share, a darker cell a stronger coupling',
    input.context.coupling,
  )
}

function ownershipChart(input: ReportInput): HtmlValue {
  const { ownership, people } = input.context
  const directories = ownership.filter((entry) => entry.path.endsWith('/'))
  const shown = (directories.length > 0 ? directories : ownership).slice(0, rowsShown)
  if (shown.length === 0) return null
  return barChart({
    id: 'chart-ownership',
    caption: "Who owns what: the main author's share of each directory's commits (bus factor 1 in orange)",
    maximum: 1,
    bars: shown.map((entry) => ({
      label: entry.path,
      value: entry.mainAuthorShare,
      detail: `${personLabel(entry.mainAuthor, people)} ${percent(entry.mainAuthorShare)} · bus factor ${integer(entry.busFactor)}`,
      warn: entry.busFactor <= 1,
    })),
  })
}

function peopleChart(input: ReportInput): HtmlValue {
  const people = [...input.context.people]
    .sort((a, b) => b.commits - a.commits || (a.identity < b.identity ? -1 : a.identity > b.identity ? 1 : 0))
    .slice(0, rowsShown)
  if (people.length === 0) return null
  return barChart({
    id: 'chart-people',
    caption: 'Who commits: commits and files touched per person',
    legend: ['commits', 'files touched'],
    bars: people.map((person) => ({
      label: personLabel(person.identity, input.context.people),
      value: person.commits,
      secondary: person.files,
      detail: `${count(person.commits, 'commit')} · ${count(person.files, 'file')}`,
    })),
  })
}

/** The git statistics, as supporting evidence: where the change is, then who holds what. */
export function statisticsSections(input: ReportInput): SafeHtml {
  return html`<h2 class="part">Git statistics (supporting evidence)</h2>
${section('change', 'Where the change is', 'The most changed files, and the files that change together (counted over commits that touch few files).', [hotspotsChart(input), couplingChart(input)])}
${section('people', 'People and ownership', 'Who writes the commits, and how much of each area rests on one person.', [ownershipChart(input), peopleChart(input)])}`
}
