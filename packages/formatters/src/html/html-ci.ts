import type { ReportInput } from '../formatter.js'
import {
  type CiView,
  ciView,
  greenText,
  isFlakyJob,
  jobEvidence,
  shownText,
  testEvidence,
  testVerdict,
  timeToGreenText,
} from '../shared/ci-view.js'
import { count, integer, percent } from '../shared/plain-text.js'
import { commitAddress, linkedGithub, personLabel } from '../shared/report-facts.js'
import { barChart } from './html-charts.js'
import { section } from './html-statistics.js'
import type { HtmlValue, SafeHtml } from './html-template.js'
import { html, link } from './html-template.js'

const namesShown = 2

/** A table of CI rows: a caption that says how many of how many, headers (numbers aligned right) and cells. */
function ciTable(options: {
  readonly id: string
  readonly caption: string
  readonly headers: readonly (readonly [string, 'number' | 'text'])[]
  readonly rows: readonly (readonly HtmlValue[])[]
}): HtmlValue {
  if (options.rows.length === 0) return null
  const kinds = options.headers.map(([, kind]) => kind)
  const cell = (value: HtmlValue, index: number) =>
    kinds[index] === 'number' ? html`<td class="number">${value}</td>` : html`<td>${value}</td>`
  return html`<table class="ci-table" id="${options.id}"><caption>${options.caption}</caption>
<thead><tr>${options.headers.map(([title, kind]) => (kind === 'number' ? html`<th scope="col" class="number">${title}</th>` : html`<th scope="col">${title}</th>`))}</tr></thead>
<tbody>${options.rows.map((cells) => html`<tr>${cells.map(cell)}</tr>`)}</tbody></table>`
}

function names(values: readonly string[], none: string): HtmlValue {
  if (values.length === 0) return none
  const more = values.length - namesShown
  return html`${values.slice(0, namesShown).map((value, index) => html`${index > 0 ? ', ' : ''}<code>${value}</code>`)}${more > 0 ? ` and ${integer(more)} more` : ''}`
}

function workflowsChart(view: CiView): HtmlValue {
  const workflows = view.workflows.shown
  if (workflows.length === 0) return null
  return barChart({
    id: 'chart-ci-workflows',
    caption: `Failure rate per workflow (${shownText(view.workflows, 'workflow')}): share of runs whose latest attempt failed`,
    maximum: 1,
    bars: workflows.map((workflow) => ({
      label: workflow.workflow,
      value: workflow.failureRate,
      detail: `${integer(workflow.failures)} of ${count(workflow.runs, 'run')} failed · ${percent(workflow.failureRate)}`,
    })),
  })
}

function jobsTable(view: CiView): HtmlValue {
  const flaky = view.totals === null ? '' : `; ${count(view.totals.flakyJobs, 'job')} flaky`
  return ciTable({
    id: 'ci-jobs',
    caption: `${shownText(view.jobs, 'job')} that failed or passed only when run again${flaky}`,
    headers: [
      ['Job', 'text'],
      ['Failure rate', 'number'],
      ['Flaky', 'text'],
      ['Evidence', 'text'],
    ],
    rows: view.jobs.shown.map((job) => [
      `${job.workflow} / ${job.job}`,
      percent(job.failureRate),
      isFlakyJob(job) ? 'yes' : 'no',
      jobEvidence(job),
    ]),
  })
}

function testsTable(view: CiView): HtmlValue {
  const flaky = view.totals === null ? '' : `, ${integer(view.totals.flakyTests)} flaky`
  return ciTable({
    id: 'ci-tests',
    caption: `${shownText(view.tests, 'failing test')}${flaky}, flaky first`,
    headers: [
      ['Test', 'text'],
      ['Job', 'text'],
      ['Verdict', 'text'],
      ['Evidence', 'text'],
    ],
    rows: view.tests.shown.map((test) => [
      html`<code>${test.test}</code>`,
      `${test.workflow} / ${test.job}`,
      testVerdict(test),
      testEvidence(test),
    ]),
  })
}

function redTable(view: CiView, input: ReportInput): HtmlValue {
  const github = linkedGithub(input.context.repo)
  return ciTable({
    id: 'ci-red-commits',
    caption: `${shownText(view.redCommits, 'commit')} that turned the branch red, newest first`,
    headers: [
      ['Commit', 'text'],
      ['Subject', 'text'],
      ['Files', 'text'],
      ['Workflow run', 'text'],
      ['Failing tests', 'text'],
      ['Then', 'text'],
    ],
    rows: view.redCommits.shown.map((red) => {
      const address = commitAddress(red.sha, github)
      const short = html`<code>${red.sha.slice(0, 7)}</code>`
      const repaired = red.repairedBy === null ? '' : ` (${personLabel(red.repairedBy, input.context.people)})`
      return [
        address === null ? short : link(address, short),
        red.subject ?? 'not in the analysed history',
        names(red.files, 'none known'),
        link(red.url, red.workflow),
        names(red.tests, 'none named'),
        `${greenText(red)}${red.greenAt === null ? '' : repaired}`,
      ]
    }),
  })
}

function repairersChart(view: CiView, input: ReportInput): HtmlValue {
  const repairers = view.repairers.shown
  if (repairers.length === 0) return null
  return barChart({
    id: 'chart-ci-repairers',
    caption: `Who repairs a red branch (${shownText(view.repairers, 'person', 'people')}): red periods their commit ended`,
    bars: repairers.map((repairer) => ({
      label: personLabel(repairer.identity, input.context.people),
      value: repairer.repairs,
      detail: count(repairer.repairs, 'red period'),
    })),
  })
}

/** The CI statistics, after the git statistics, as supporting evidence; null when the run read no CI history. */
export function ciSections(input: ReportInput): SafeHtml | null {
  const view = ciView(input.context)
  if (view === null) return null
  const { stats } = view
  const heading = html`<h2 class="part" id="ci">CI statistics (supporting evidence)</h2>`
  if (stats.runs === 0)
    return html`${heading}<p class="empty">No GitHub Actions workflow run was created in this window.</p>`
  const branch = stats.defaultBranch ?? 'the default branch'
  const overview =
    `${count(stats.runs, 'workflow run')} created in the window (${count(stats.attempts, 'attempt')}, ${count(stats.jobs, 'job')}); ` +
    `failing jobs' logs: ${integer(stats.logs.stored)} read, ${integer(stats.logs.expired)} expired. A run counts by its latest attempt.`
  return html`${heading}
<p class="note">${overview}</p>
${section('ci-failures', 'How often CI fails', 'Per workflow and per job. Flaky: it failed, then passed on a re-run of the same commit or on the next run with no relevant change.', [workflowsChart(view), jobsTable(view)])}
${section('ci-flaky-tests', 'Failing and flaky tests', "Tests named as failed in the failing jobs' logs, with their history.", [testsTable(view)])}
${section('ci-red', `What turns ${branch} red`, `Time to green: ${timeToGreenText(view)}.`, [redTable(view, input), repairersChart(view, input)])}`
}
