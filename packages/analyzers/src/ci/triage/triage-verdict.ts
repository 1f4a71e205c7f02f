import type { CiRun, CiStats, TriageEvidence, TriageJob, TriageVerdict } from '@gitlore/core'
import { jobNamed, latestAttempt, outcomeOf } from '../run-outcome.js'
import { failingTestsOf } from '../test-stats.js'

const shortSha = (sha: string) => sha.slice(0, 7)

/** Re-runs of the same commit: later or earlier attempts of the run, and other runs of the workflow at that sha. */
function sameShaEvidence(
  run: CiRun,
  attempt: number,
  jobs: readonly TriageJob[],
  runs: readonly CiRun[],
): TriageEvidence[] {
  const evidence: TriageEvidence[] = []
  const others = [
    ...run.attempts
      .filter((entry) => entry.attempt !== attempt)
      .map((entry) => ({ label: `attempt ${entry.attempt} of this run`, attempt: entry, url: run.url })),
    ...runs
      .filter(
        (other) => other.id !== run.id && other.headSha === run.headSha && other.workflow.path === run.workflow.path,
      )
      .map((other) => ({
        label: `run ${other.runNumber} (${other.event})`,
        attempt: latestAttempt(other),
        url: other.url,
      })),
  ]
  for (const job of jobs) {
    for (const other of others) {
      const again = jobNamed(other.attempt, job.name)
      const outcome = outcomeOf(again?.conclusion ?? null)
      if (outcome === 'pass') {
        evidence.push({
          points: 'flaky',
          kind: 'same-sha',
          text: `${job.name} passed on ${other.label}, at the same commit ${shortSha(run.headSha)}.`,
          ref: other.url,
        })
      } else if (outcome === 'fail' && again !== undefined) {
        const tests = failingTestsOf(again).map((test) => test.test)
        const same = job.tests.filter((test) => tests.includes(test.test)).map((test) => test.test)
        evidence.push({
          points: 'deterministic',
          kind: 'same-sha',
          text: `${job.name} failed again on ${other.label}, at the same commit ${shortSha(run.headSha)}${same.length > 0 ? `, on ${same.slice(0, 3).join(', ')}` : ''}.`,
          ref: other.url,
        })
      }
    }
  }
  return evidence
}

/** The failing streak on the branch, re-runs inside it, and the tests' and jobs' records in the window. */
function historyEvidence(
  jobs: readonly TriageJob[],
  streak: readonly CiRun[],
  stats: CiStats | null,
  workflow: string | null,
): { evidence: TriageEvidence[]; streakDeterministic: boolean } {
  const evidence: TriageEvidence[] = []
  let streakDeterministic = false
  const distinctShas = new Set(streak.map((run) => run.headSha))
  if (streak.length >= 2 && distinctShas.size >= 2) {
    streakDeterministic = true
    const first = streak[0] as CiRun
    const tests = jobs.flatMap((job) => job.tests.map((test) => test.test))
    const failingEverywhere = tests.filter((test) =>
      streak.every(
        (run) =>
          latestAttempt(run)?.jobs.some(
            (job) => job.log.status !== 'stored' || failingTestsOf(job).some((entry) => entry.test === test),
          ) ?? false,
      ),
    )
    evidence.push({
      points: 'deterministic',
      kind: 'history',
      text: `${jobs.map((job) => job.name).join(', ')} failed on all ${streak.length} runs since ${shortSha(first.headSha)}${failingEverywhere.length > 0 ? ` (${failingEverywhere.slice(0, 3).join(', ')} each time its log was read)` : ''}.`,
      ref: first.url,
    })
    for (const run of streak.filter((entry) => entry.attempts.length > 1)) {
      if (run.attempts.every((attempt) => outcomeOf(attempt.conclusion) === 'fail')) {
        evidence.push({
          points: 'deterministic',
          kind: 'same-sha',
          text: `Run ${run.runNumber} at ${shortSha(run.headSha)} failed on all ${run.attempts.length} attempts: re-running the same commit did not help.`,
          ref: run.url,
        })
      }
    }
  }
  for (const job of jobs) {
    for (const test of job.tests) {
      const record = stats?.tests.find(
        (entry) =>
          entry.test === test.test &&
          (workflow === null || entry.workflow === workflow) &&
          (job.name === '' || entry.job === job.name || workflow === null),
      )
      if (record === undefined || !record.flaky) continue
      const parts = [`${test.test} failed in ${record.failedRuns} of ${record.runs} runs`]
      if (record.reruns > 0) parts.push(`re-running passed ${record.rerunPassed} of ${record.reruns}`)
      if (record.alternations > 0)
        parts.push(`${record.alternations} times the next run passed with no relevant change`)
      evidence.push({ points: 'flaky', kind: 'history', text: `${parts.join('; ')}.`, ref: record.lastFailedSha })
    }
    if (job.tests.length === 0) {
      const record = stats?.jobStats.find(
        (entry) => entry.job === job.name && (workflow === null || entry.workflow === workflow),
      )
      if (record !== undefined && record.rerunPassed + record.alternations > 0) {
        evidence.push({
          points: 'flaky',
          kind: 'history',
          text: `${job.name} failed in ${record.failures} of ${record.runs} runs and passed on a re-run of the same commit in ${record.rerunPassed}.`,
        })
      }
    }
  }
  return { evidence, streakDeterministic }
}

/**
 * The verdict, from the strongest evidence down: a re-run of the same commit (passed: flaky; failed
 * again: deterministic), then a failing streak on the branch across two or more commits (deterministic),
 * then the tests' or jobs' record of passing on re-runs (flaky); otherwise unknown.
 */
export function triageVerdict(options: {
  readonly run: CiRun | null
  readonly attempt: number
  readonly jobs: readonly TriageJob[]
  readonly runs: readonly CiRun[]
  readonly streak: readonly CiRun[]
  readonly stats: CiStats | null
  readonly workflow: string | null
}): { verdict: TriageVerdict; evidence: TriageEvidence[] } {
  const sameSha = options.run === null ? [] : sameShaEvidence(options.run, options.attempt, options.jobs, options.runs)
  const history = historyEvidence(options.jobs, options.streak, options.stats, options.workflow)
  const evidence = [...sameSha, ...history.evidence]
  if (sameSha.some((entry) => entry.points === 'flaky')) return { verdict: 'flaky', evidence }
  if (sameSha.some((entry) => entry.points === 'deterministic')) return { verdict: 'deterministic', evidence }
  if (history.streakDeterministic) return { verdict: 'deterministic', evidence }
  if (history.evidence.some((entry) => entry.points === 'flaky')) return { verdict: 'flaky', evidence }
  return { verdict: 'unknown', evidence }
}
