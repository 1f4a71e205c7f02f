import type { CiStats, CiTestStats, Evidence, Finding, RepositoryContext } from '@gitlore/core'
import { count, list, oneLine, percent, personLabel, quote, shortSha, times } from './describe.js'
import { findingId } from './finding-id.js'
import type { RuleResult } from './rule-result.js'
import { takeTop } from './rule-result.js'

/** The limits the CI rules apply before stating something. */
export const ciThresholds = {
  /** Runs a job needs before its failure rate is stated. */
  minJobRuns: 10,
  /** Failure rate from which a job that is not flaky is reported. */
  jobFailureRate: 0.2,
  /** Failed runs from which a flaky test is high severity. */
  manyFlakyFailures: 5,
  /** Red periods a file must have started before it is called the place the branch breaks. */
  minRedPeriodsPerFile: 2,
  /** Findings per CI rule. */
  maxFindings: 8,
}

const hours = (value: number | null) =>
  value === null ? 'unknown' : value < 1 ? `${Math.round(value * 60)} min` : `${value.toFixed(1)} h`

/** A test's name without its file, for prose. */
function shortTest(test: CiTestStats): string {
  if (test.file !== null && test.test.startsWith(test.file))
    return test.test.slice(test.file.length).replace(/^(::|\s*>\s*)/, '')
  return test.test
}

/** Flaky tests, grouped by file: "test_ops.py fails intermittently: 7 of 40 runs; re-running passed 6 of 7". */
function flakyFindings(ci: CiStats): Finding[] {
  const groups = new Map<string, CiTestStats[]>()
  for (const test of ci.tests.filter((entry) => entry.flaky)) {
    const key = `${test.workflow}\u0000${test.job}\u0000${test.file ?? test.test}`
    groups.set(key, [...(groups.get(key) ?? []), test])
  }
  return [...groups.values()]
    .map((tests) => {
      const first = tests[0] as CiTestStats
      const failed = Math.max(...tests.map((test) => test.failedRuns))
      const reruns = Math.max(...tests.map((test) => test.reruns))
      const passed = Math.max(...tests.map((test) => test.rerunPassed))
      const alternations = Math.max(...tests.map((test) => test.alternations))
      const subject = first.file ?? first.test
      const name = subject.split('/').at(-1) ?? subject
      const rerunText = reruns > 0 ? `; re-running passed ${passed} of ${reruns}` : ''
      const alternationText =
        alternations > 0 ? `; ${times(alternations)} the next run passed with no relevant change` : ''
      const evidence: Evidence[] = [
        {
          source: 'ci',
          text: `${first.workflow} / ${first.job}: ${list(tests.slice(0, 3).map((test) => test.test))} failed in ${failed} of ${count(first.runs, 'run')}${rerunText}${alternationText}.`,
          ref: first.lastFailedSha,
        },
      ]
      return {
        id: findingId('tooling', 'flaky-test', [subject]),
        title: `${name} fails intermittently: ${failed} of ${count(first.runs, 'run')}${rerunText}`,
        category: 'tooling' as const,
        severity: failed >= ciThresholds.manyFlakyFailures ? ('high' as const) : ('medium' as const),
        insight:
          `${list(tests.slice(0, 3).map(shortTest))} in ${subject} (${first.runner}, job ${first.job}) fails without a code change to blame: ` +
          'the same commit passed when the job ran again. A red run on it is most likely not your change: re-run it before ' +
          'investigating, and make the test deterministic (timing, ordering, shared state, tolerances) or quarantine it.',
        evidence,
        files: first.file === null ? [] : [first.file],
      }
    })
    .sort((a, b) => (a.severity === b.severity ? a.title.localeCompare(b.title) : a.severity === 'high' ? -1 : 1))
}

/** Jobs that fail often without re-runs passing: real breakage, not flakiness. */
function failingJobFindings(ci: CiStats): Finding[] {
  return ci.jobStats
    .filter(
      (job) =>
        job.runs >= ciThresholds.minJobRuns &&
        job.failureRate >= ciThresholds.jobFailureRate &&
        job.rerunPassed + job.alternations < job.failures / 2,
    )
    .map((job) => ({
      id: findingId('tooling', 'failing-job', [`${job.workflow}/${job.job}`]),
      title: `${job.workflow} / ${job.job} fails ${percent(job.failureRate)} of its runs`,
      category: 'tooling' as const,
      severity: 'medium' as const,
      insight:
        `The ${job.job} job of ${job.workflow} failed ${job.failures} of ${count(job.runs, 'run')} in the window, and re-runs ` +
        'rarely passed: changes break it for real. Run it locally before pushing.',
      evidence: [
        {
          source: 'ci' as const,
          text: `${job.failures} of ${count(job.runs, 'run')} failed; ${job.rerunPassed} passed on a re-run.`,
        },
      ],
      files: [],
    }))
}

/** Files whose changes turned the default branch red more than once. */
function redFileFindings(ci: CiStats): Finding[] {
  const byFile = new Map<string, CiStats['redCommits'][number][]>()
  for (const red of ci.redCommits) for (const file of red.files) byFile.set(file, [...(byFile.get(file) ?? []), red])
  return [...byFile]
    .filter(([, reds]) => reds.length >= ciThresholds.minRedPeriodsPerFile)
    .sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1))
    .map(([file, reds]) => ({
      id: findingId('fragile_area', 'turns-branch-red', [file]),
      title: `Changes to ${file} turned ${ci.defaultBranch ?? 'the default branch'} red ${times(reds.length)}`,
      category: 'fragile_area' as const,
      severity: reds.length >= 3 ? ('high' as const) : ('medium' as const),
      insight:
        `${count(reds.length, 'red period')} of ${ci.defaultBranch ?? 'the default branch'} started with a commit touching ${file}. ` +
        'Run the full test suite before merging a change here.',
      evidence: reds.slice(0, 5).map((red) => ({
        source: 'ci' as const,
        text: `${shortSha(red.sha)}${red.subject === null ? '' : ` ${quote(red.subject)}`} turned ${red.workflow} red${red.tests.length > 0 ? ` (${list(red.tests.slice(0, 2))})` : ''}.`,
        ref: red.sha,
      })),
      files: [file],
    }))
}

/** Who repairs a red default branch, and how long it stays red. */
function repairFindings(context: RepositoryContext, ci: CiStats): Finding[] {
  const ended = ci.redCommits.filter((red) => red.greenAt !== null)
  const top = ci.repairers[0]
  if (ended.length === 0 || top === undefined) return []
  const branch = ci.defaultBranch ?? 'the default branch'
  const who = personLabel(top.identity, context.people)
  const others = ci.repairers.slice(1, 3).map((entry) => personLabel(entry.identity, context.people))
  // Counts over all red periods, not the capped list: `timeToGreen` is over every period that ended.
  const turnedRed = ci.totals?.redCommits ?? ci.redCommits.length
  const repaired = Math.max(ci.timeToGreen.count, ended.length)
  return [
    {
      id: findingId('team', 'repairs-red-branch', [top.identity]),
      title: `${who} repairs a red ${branch}`,
      category: 'team',
      severity: top.repairs >= 3 && top.repairs * 2 > repaired ? 'medium' : 'low',
      insight:
        `${branch} turned red ${times(turnedRed)} in the window and stayed red ${hours(ci.timeToGreen.median)} (median) ` +
        `until it passed again; ${who} made the commit that turned it green ${times(top.repairs)} of ${repaired}` +
        `${others.length > 0 ? `, then ${list(others)}` : ''}. They know what breaks: ask them when it is red.`,
      evidence: ended.slice(0, 5).map((red) => ({
        source: 'ci' as const,
        text: `${shortSha(red.sha)}${red.subject === null ? '' : ` ${quote(red.subject)}`} turned ${red.workflow} red; ${shortSha(red.greenSha ?? '')} ${red.repairedBy === null ? 'passed again' : `by ${oneLine(red.repairedBy)} turned it green`}.`,
        ref: red.greenSha ?? red.sha,
      })),
      files: [],
    },
  ]
}

/**
 * Findings from the GitHub Actions statistics of the context: flaky tests (re-runs of the same commit
 * passed), jobs that fail often for real, files whose changes turned the default branch red more than
 * once, and who repairs it. Nothing without `context.ci`.
 */
export function ciFindings(context: RepositoryContext): RuleResult {
  const ci = context.ci
  if (ci === undefined || ci.runs === 0) return { findings: [], notes: [] }
  const notes: string[] = []
  if (ci.logs.expired > 0) {
    notes.push(
      `${count(ci.logs.expired, 'failed job')} had logs past GitHub's retention, so their failing tests are unknown.`,
    )
  }
  const parts = [
    takeTop(flakyFindings(ci), ciThresholds.maxFindings, 'flaky-test findings'),
    takeTop(failingJobFindings(ci), ciThresholds.maxFindings, 'failing-job findings'),
    takeTop(redFileFindings(ci), ciThresholds.maxFindings, 'red-branch findings'),
    { findings: repairFindings(context, ci), notes: [] },
  ]
  return { findings: parts.flatMap((part) => part.findings), notes: [...notes, ...parts.flatMap((part) => part.notes)] }
}
