import type { RepositoryContext } from '@gitlore/core'
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
import { count } from '../shared/plain-text.js'
import { isWebAddress, linkedGithub, personLabel } from '../shared/report-facts.js'
import { fileList, type Section, sectionMarkdown } from './markdown-appendix.js'
import { commitLink } from './markdown-refs.js'
import { codeSpan, escapeInline, integer, oneLine, percent } from './markdown-text.js'

const testsNamed = 2

const text = (value: string) => escapeInline(oneLine(value))

/** A workflow name linked to its run on GitHub (angle brackets keep any `)` in the address inside the link). */
function runLink(workflow: string, url: string): string {
  return isWebAddress(url) ? `[${text(workflow)}](<${url}>)` : text(workflow)
}

function testList(tests: readonly string[]): string {
  if (tests.length === 0) return 'none named'
  const shown = tests.slice(0, testsNamed).map(codeSpan).join(', ')
  return tests.length > testsNamed ? `${shown} and ${integer(tests.length - testsNamed)} more` : shown
}

function overview(view: CiView): string {
  const { stats } = view
  const branch = stats.defaultBranch === null ? '' : `; the default branch is ${codeSpan(stats.defaultBranch)}`
  const logs = stats.logs
  return (
    `What GitHub Actions ran: ${count(stats.runs, 'workflow run')} created in the window ` +
    `(${count(stats.attempts, 'attempt')}, ${count(stats.jobs, 'job')})${branch}. ` +
    `Failing jobs' logs: ${integer(logs.stored)} read, ${integer(logs.expired)} expired` +
    `${logs.unavailable > 0 ? `, ${integer(logs.unavailable)} not readable yet` : ''}. ` +
    'A run counts by its latest attempt; the lists are in `.gitlore/context.json` (`ci`).'
  )
}

function sections(view: CiView, context: RepositoryContext, github: string | null): Section[] {
  const branch = view.stats.defaultBranch === null ? 'the default branch' : codeSpan(view.stats.defaultBranch)
  const flakyJobs = view.totals === null ? '' : `; ${count(view.totals.flakyJobs, 'job')} flaky`
  const flakyTests = view.totals === null ? '' : `, ${integer(view.totals.flakyTests)} flaky`
  return [
    {
      title: 'Workflows',
      lead: `${shownText(view.workflows, 'workflow')}, most failures first.`,
      headers: ['Workflow', 'File', 'Runs', 'Failed', 'Failure rate', 'Re-run'],
      numeric: [2, 3, 4, 5],
      rows: view.workflows.stored.map((workflow) => [
        text(workflow.workflow),
        codeSpan(workflow.path),
        integer(workflow.runs),
        integer(workflow.failures),
        percent(workflow.failureRate),
        integer(workflow.reruns),
      ]),
    },
    {
      title: 'Failing and flaky jobs',
      lead:
        `${shownText(view.jobs, 'job')} that failed or passed only when run again${flakyJobs}. ` +
        'Flaky: it failed, then passed on a re-run of the same commit or on the next run with no relevant change.',
      headers: ['Job', 'Runs', 'Failure rate', 'Flaky', 'Evidence'],
      numeric: [1, 2],
      rows: view.jobs.stored.map((job) => [
        `${text(job.workflow)} / ${text(job.job)}`,
        integer(job.runs),
        percent(job.failureRate),
        isFlakyJob(job) ? 'yes' : 'no',
        jobEvidence(job),
      ]),
    },
    {
      title: 'Failing tests (flaky first)',
      lead: `${shownText(view.tests, 'failing test')}${flakyTests}, named in the failing jobs' logs.`,
      headers: ['Test', 'Job', 'Verdict', 'Evidence'],
      numeric: [],
      rows: view.tests.stored.map((test) => [
        codeSpan(test.test),
        `${text(test.workflow)} / ${text(test.job)}`,
        testVerdict(test),
        testEvidence(test),
      ]),
    },
    {
      title: `Commits that turned ${branch} red`,
      lead: `${shownText(view.redCommits, 'commit')}, newest first. Time to green: ${timeToGreenText(view)}.`,
      headers: ['Commit', 'Subject', 'Files', 'Workflow run', 'Failing tests', 'Then'],
      numeric: [],
      rows: view.redCommits.stored.map((red) => [
        github === null ? codeSpan(red.sha.slice(0, 7)) : commitLink(red.sha, github),
        red.subject === null ? 'not in the analysed history' : text(red.subject),
        red.files.length === 0 ? 'none known' : fileList(red.files),
        runLink(red.workflow, red.url),
        testList(red.tests),
        red.greenAt === null
          ? greenText(red)
          : `${greenText(red)}${red.repairedBy === null ? '' : ` (${text(personLabel(red.repairedBy, context.people))})`}`,
      ]),
    },
    {
      title: `Who repairs a red ${branch}`,
      lead: `${shownText(view.repairers, 'person', 'people')} whose commit turned it green again.`,
      headers: ['Person', 'Red periods repaired'],
      numeric: [1],
      rows: view.repairers.stored.map((repairer) => [
        text(personLabel(repairer.identity, context.people)),
        integer(repairer.repairs),
      ]),
    },
  ]
}

/** The CI statistics as supporting evidence, after the git statistics; null when the run read no CI history. */
export function markdownCi(context: RepositoryContext, maxRows: number): string | null {
  const view = ciView(context, maxRows)
  const github = linkedGithub(context.repo)
  if (view === null) return null
  const heading = '## CI statistics (supporting evidence)'
  if (view.stats.runs === 0) return `${heading}\n\nNo GitHub Actions workflow run was created in this window.`
  return [
    heading,
    overview(view),
    ...sections(view, context, github).map((section) => sectionMarkdown(section, maxRows)),
  ].join('\n\n')
}
