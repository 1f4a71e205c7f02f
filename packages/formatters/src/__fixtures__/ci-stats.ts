import type { CiStats, CiTestStats } from '@gitlore/core'
import { sha } from '@gitlore/fixtures'
import type { ReportInput } from '../formatter.js'
import { hostileText, realisticReportInput } from './report-input.js'

export const flakyTestName = 'test/test_ops.py::test_conv2d'
export const brokenTestName = 'test/test_parser.py::test_parse_empty'

const flakyTest: CiTestStats = {
  test: flakyTestName,
  file: 'test/test_ops.py',
  runner: 'pytest',
  workflow: 'CI',
  job: 'unit',
  runs: 40,
  failedRuns: 7,
  reruns: 7,
  rerunPassed: 6,
  alternations: 0,
  flaky: true,
  lastFailedAt: '2024-03-28T09:00:00.000Z',
  lastFailedSha: sha('8'),
}

/** CI statistics of a repository with a flaky test, a deterministic failure and two red periods of main (one still red). */
export function ciStats(): CiStats {
  return {
    defaultBranch: 'main',
    runs: 52,
    attempts: 61,
    jobs: 190,
    logs: { stored: 9, expired: 2, unavailable: 0 },
    workflows: [
      { workflow: 'CI', path: '.github/workflows/ci.yml', runs: 40, failures: 7, failureRate: 0.175, reruns: 9 },
      { workflow: 'Docs', path: '.github/workflows/docs.yml', runs: 12, failures: 0, failureRate: 0, reruns: 0 },
    ],
    jobStats: [
      { workflow: 'CI', job: 'unit', runs: 40, failures: 5, failureRate: 0.125, rerunPassed: 6, alternations: 1 },
      { workflow: 'CI', job: 'lint', runs: 40, failures: 2, failureRate: 0.05, rerunPassed: 0, alternations: 0 },
      { workflow: 'CI', job: 'build', runs: 40, failures: 0, failureRate: 0, rerunPassed: 0, alternations: 0 },
      { workflow: 'Docs', job: 'deploy', runs: 12, failures: 0, failureRate: 0, rerunPassed: 0, alternations: 0 },
    ],
    tests: [
      flakyTest,
      {
        ...flakyTest,
        test: brokenTestName,
        file: 'test/test_parser.py',
        failedRuns: 2,
        reruns: 1,
        rerunPassed: 0,
        flaky: false,
        lastFailedAt: '2024-03-20T10:00:00.000Z',
        lastFailedSha: sha('3'),
      },
    ],
    timeToGreen: { median: 17.2, p90: 17.2, count: 1 },
    redCommits: [
      {
        sha: sha('8'),
        workflow: 'CI',
        runId: 1002,
        url: 'https://github.com/acme/widgets/actions/runs/1002',
        failedAt: '2024-03-28T09:00:00.000Z',
        author: 'ana@acme.dev',
        subject: 'Bump numpy',
        files: ['requirements.txt'],
        tests: [flakyTestName],
        greenAt: null,
        greenSha: null,
        repairedBy: null,
      },
      {
        sha: sha('3'),
        workflow: 'CI',
        runId: 1001,
        url: 'https://github.com/acme/widgets/actions/runs/1001',
        failedAt: '2024-03-20T10:00:00.000Z',
        author: 'bo@acme.dev',
        subject: 'Speed up tokenizer',
        files: ['src/parser.py', 'src/util.py', 'src/lexer.py'],
        tests: [brokenTestName],
        greenAt: '2024-03-21T03:12:00.000Z',
        greenSha: sha('5'),
        repairedBy: 'cy@acme.dev',
      },
    ],
    repairers: [{ identity: 'cy@acme.dev', repairs: 1 }],
    totals: {
      workflows: 2,
      jobStats: 4,
      tests: 2,
      redCommits: 2,
      repairers: 1,
      flakyJobs: 1,
      flakyTests: 1,
      stillRed: 1,
    },
  }
}

/** The realistic report input with CI history. */
export function ciReportInput(ci: CiStats = ciStats()): ReportInput {
  const input = realisticReportInput()
  return { ...input, context: { ...input.context, ci } }
}

/** CI statistics whose every name from GitHub or git is hostile. */
export function hostileCiStats(): CiStats {
  const stats = ciStats()
  const hostile = `${hostileText.script} ${hostileText.image} | [x](javascript:alert(1)) ${hostileText.breakers}`
  return {
    ...stats,
    defaultBranch: `main${hostileText.script}`,
    workflows: stats.workflows.map((workflow) => ({
      ...workflow,
      workflow: `CI ${hostile}`,
      path: `ci${hostile}.yml`,
    })),
    jobStats: stats.jobStats.map((job) => ({ ...job, workflow: `CI ${hostile}`, job: `unit ${hostile}` })),
    tests: stats.tests.map((test) => ({ ...test, test: `${test.test}\`${hostile}`, job: `unit ${hostile}` })),
    redCommits: stats.redCommits.map((red) => ({
      ...red,
      workflow: `CI ${hostile}`,
      url: hostileText.link,
      subject: `Subject ${hostile}`,
      files: [`src/${hostile}.py`],
      tests: [`t ${hostile}`],
      repairedBy: red.repairedBy === null ? null : `${hostileText.image}@x`,
    })),
    repairers: [{ identity: `${hostileText.image}@x`, repairs: 1 }],
  }
}
