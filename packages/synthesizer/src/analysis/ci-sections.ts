import type { CiStats } from '@gitlore/core'
import type { AnalysisLimits } from './analysis-limits.js'
import { cut, listElement, type Omission, ratio, type XmlElement } from './xml-element.js'

/** The longest CI list, for the initial limits. */
export function ciListSize(ci: CiStats | undefined): number {
  if (ci === undefined) return 0
  return Math.max(ci.workflows.length, ci.jobStats.length, ci.tests.length, ci.redCommits.length, ci.repairers.length)
}

/**
 * `<ci>`: GitHub Actions evidence (source `ci` in findings): failure rates per workflow and job, failing
 * tests with how re-runs of the same commit ended (flaky or deterministic), the commits that turned the
 * default branch red with their files, time to green, and who repaired it.
 */
export function writeCi(
  root: XmlElement,
  ci: CiStats | undefined,
  limits: AnalysisLimits,
  omissions: Omission[],
): void {
  if (ci === undefined) {
    root.ele('ci', { available: 'false' }).txt('No GitHub Actions history in this run.')
    return
  }
  const element = root.ele('ci', {
    runs: String(ci.runs),
    attempts: String(ci.attempts),
    jobs: String(ci.jobs),
    ...(ci.defaultBranch === null ? {} : { defaultBranch: ci.defaultBranch }),
    logsStored: String(ci.logs.stored),
    logsExpired: String(ci.logs.expired),
    timeToGreenMedianHours: ci.timeToGreen.median === null ? 'none' : String(ci.timeToGreen.median),
    redPeriodsEnded: String(ci.timeToGreen.count),
  })
  // Each list says how long it was before the context capped it (`totals`), when the context knows.
  const list = <T>(name: string, items: readonly T[], total: number | undefined, section: string) => {
    const shown = items.slice(0, limits.ci)
    return { shown, element: listElement(element, name, shown.length, total ?? items.length, omissions, section) }
  }
  const workflows = list('workflows', ci.workflows, ci.totals?.workflows, 'ci workflows')
  for (const workflow of workflows.shown) {
    workflows.element.ele('workflow', {
      name: workflow.workflow,
      path: workflow.path,
      runs: String(workflow.runs),
      failures: String(workflow.failures),
      failureRate: ratio(workflow.failureRate),
      reruns: String(workflow.reruns),
    })
  }
  const jobs = list('jobs', ci.jobStats, ci.totals?.jobStats, 'ci jobs')
  for (const job of jobs.shown) {
    jobs.element.ele('job', {
      workflow: job.workflow,
      name: job.job,
      runs: String(job.runs),
      failures: String(job.failures),
      failureRate: ratio(job.failureRate),
      rerunPassed: String(job.rerunPassed),
      alternations: String(job.alternations),
    })
  }
  const tests = list('failingTests', ci.tests, ci.totals?.tests, 'ci failing tests')
  for (const test of tests.shown) {
    tests.element.ele('test', {
      id: cut(test.test, 300),
      ...(test.file === null ? {} : { file: test.file }),
      runner: test.runner,
      job: `${test.workflow} / ${test.job}`,
      failedRuns: String(test.failedRuns),
      runs: String(test.runs),
      reruns: String(test.reruns),
      rerunPassed: String(test.rerunPassed),
      alternations: String(test.alternations),
      verdict: test.flaky ? 'flaky' : 'deterministic so far',
      lastFailedSha: test.lastFailedSha,
    })
  }
  const reds = list('redCommits', ci.redCommits, ci.totals?.redCommits, 'ci red commits')
  for (const red of reds.shown) {
    reds.element
      .ele('red', {
        sha: red.sha,
        workflow: red.workflow,
        failedAt: red.failedAt,
        ...(red.author === null ? {} : { author: red.author }),
        files: red.files.slice(0, 20).join(', '),
        tests: red.tests.slice(0, 5).join(', '),
        greenAt: red.greenAt ?? 'still red',
        ...(red.greenSha === null ? {} : { greenSha: red.greenSha }),
        ...(red.repairedBy === null ? {} : { repairedBy: red.repairedBy }),
      })
      .txt(cut(red.subject ?? '', 200))
  }
  const repairers = list('repairers', ci.repairers, ci.totals?.repairers, 'ci repairers')
  for (const person of repairers.shown) {
    repairers.element.ele('person', { identity: person.identity, repairs: String(person.repairs) })
  }
}
