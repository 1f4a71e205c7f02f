import type { CiJob, CiRun, CiTestStats } from '@gitlore/core'
import { compareText } from '../compare-text.js'
import type { CommitIndex } from './commit-range.js'
import { jobNamed, latestAttempt, outcomeOf } from './run-outcome.js'
import type { FailingTest } from './test-output/failing-test.js'
import { parseFailingTests } from './test-output/parse-failing-tests.js'
import { alternatingPairs } from './workflow-stats.js'

const key = (...parts: string[]) => parts.join('\u0000')

/** The failed tests a job's stored log tail names (none without a stored log). */
export function failingTestsOf(job: CiJob): FailingTest[] {
  return job.log.status === 'stored' && job.log.tail !== undefined ? parseFailingTests(job.log.tail) : []
}

/** Failing tests of the window, counted per workflow, job and test (see docs/context.md). */
export function testStats(
  runs: readonly CiRun[],
  commits: CommitIndex,
  jobRuns: ReadonlyMap<string, number>,
): CiTestStats[] {
  const parsed = new Map<number, FailingTest[]>()
  const failuresOf = (job: CiJob | undefined) => {
    if (job === undefined) return []
    let found = parsed.get(job.id)
    if (found === undefined) parsed.set(job.id, (found = failingTestsOf(job)))
    return found
  }
  type Entry = Omit<CiTestStats, 'flaky' | 'runs'> & { workflow: string; job: string }
  const entries = new Map<string, Entry>()
  for (const run of runs) {
    const seen = new Set<string>()
    run.attempts.forEach((attempt, index) => {
      for (const job of attempt.jobs) {
        for (const test of failuresOf(job)) {
          const id = key(run.workflow.name, job.name, test.test)
          if (seen.has(id)) continue
          seen.add(id)
          const later = run.attempts
            .slice(index + 1)
            .map((next) => jobNamed(next, job.name))
            .filter((entry) => entry !== undefined)
          const entry = entries.get(id) ?? {
            test: test.test,
            file: test.file,
            runner: test.runner,
            workflow: run.workflow.name,
            job: job.name,
            failedRuns: 0,
            reruns: 0,
            rerunPassed: 0,
            alternations: 0,
            lastFailedAt: run.createdAt,
            lastFailedSha: run.headSha,
          }
          entries.set(id, {
            ...entry,
            failedRuns: entry.failedRuns + 1,
            reruns: entry.reruns + (later.length > 0 ? 1 : 0),
            rerunPassed: entry.rerunPassed + (later.some((next) => outcomeOf(next.conclusion) === 'pass') ? 1 : 0),
            ...(run.createdAt >= entry.lastFailedAt ? { lastFailedAt: run.createdAt, lastFailedSha: run.headSha } : {}),
          })
        }
      }
    })
  }
  for (const [failing, name] of alternatingPairs(runs, commits)) {
    for (const test of failuresOf(jobNamed(latestAttempt(failing), name))) {
      const entry = entries.get(key(failing.workflow.name, name, test.test))
      if (entry !== undefined)
        entries.set(key(failing.workflow.name, name, test.test), { ...entry, alternations: entry.alternations + 1 })
    }
  }
  return [...entries.values()]
    .map((entry) => ({
      ...entry,
      runs: Math.max(jobRuns.get(key(entry.workflow, entry.job)) ?? 0, entry.failedRuns),
      flaky: entry.rerunPassed + entry.alternations > 0,
    }))
    .sort(
      (a, b) =>
        Number(b.flaky) - Number(a.flaky) ||
        b.failedRuns - a.failedRuns ||
        compareText(a.test, b.test) ||
        compareText(a.job, b.job),
    )
}

export { key as testStatsKey }
