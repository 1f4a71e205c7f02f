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
  const shown = (length: number) => Math.min(limits.ci, length)
  const workflows = listElement(
    element,
    'workflows',
    shown(ci.workflows.length),
    ci.workflows.length,
    omissions,
    'ci workflows',
  )
  for (const workflow of ci.workflows.slice(0, limits.ci)) {
    workflows.ele('workflow', {
      name: workflow.workflow,
      path: workflow.path,
      runs: String(workflow.runs),
      failures: String(workflow.failures),
      failureRate: ratio(workflow.failureRate),
      reruns: String(workflow.reruns),
    })
  }
  const jobs = listElement(element, 'jobs', shown(ci.jobStats.length), ci.jobStats.length, omissions, 'ci jobs')
  for (const job of ci.jobStats.slice(0, limits.ci)) {
    jobs.ele('job', {
      workflow: job.workflow,
      name: job.job,
      runs: String(job.runs),
      failures: String(job.failures),
      failureRate: ratio(job.failureRate),
      rerunPassed: String(job.rerunPassed),
      alternations: String(job.alternations),
    })
  }
  const tests = listElement(
    element,
    'failingTests',
    shown(ci.tests.length),
    ci.tests.length,
    omissions,
    'ci failing tests',
  )
  for (const test of ci.tests.slice(0, limits.ci)) {
    tests.ele('test', {
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
  const reds = listElement(
    element,
    'redCommits',
    shown(ci.redCommits.length),
    ci.redCommits.length,
    omissions,
    'ci red commits',
  )
  for (const red of ci.redCommits.slice(0, limits.ci)) {
    reds
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
  const repairers = listElement(
    element,
    'repairers',
    shown(ci.repairers.length),
    ci.repairers.length,
    omissions,
    'ci repairers',
  )
  for (const person of ci.repairers.slice(0, limits.ci)) {
    repairers.ele('person', { identity: person.identity, repairs: String(person.repairs) })
  }
}
