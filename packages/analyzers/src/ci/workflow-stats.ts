import type { CiJobStats, CiRun, CiWorkflowStats } from '@gitlore/core'
import { compareText } from '../compare-text.js'
import { share } from '../round-ratio.js'
import type { CommitIndex } from './commit-range.js'
import { chronological, jobNamed, latestAttempt, outcomeOf } from './run-outcome.js'

const key = (...parts: string[]) => parts.join('\u0000')

/** Failure rate per workflow, and per job with its re-run passes and alternations. */
export function workflowAndJobStats(
  runs: readonly CiRun[],
  commits: CommitIndex,
): { workflows: CiWorkflowStats[]; jobs: CiJobStats[] } {
  const workflows = new Map<
    string,
    { workflow: string; path: string; runs: number; failures: number; reruns: number }
  >()
  const jobs = new Map<
    string,
    { workflow: string; job: string; runs: number; failures: number; rerunPassed: number; alternations: number }
  >()
  const jobEntry = (workflow: string, job: string) => {
    const id = key(workflow, job)
    let entry = jobs.get(id)
    if (entry === undefined)
      jobs.set(id, (entry = { workflow, job, runs: 0, failures: 0, rerunPassed: 0, alternations: 0 }))
    return entry
  }
  for (const run of runs) {
    const latest = latestAttempt(run)
    const outcome = outcomeOf(latest?.conclusion ?? null)
    if (outcome === null || latest?.status !== 'completed') continue
    const id = key(run.workflow.name, run.workflow.path)
    let workflow = workflows.get(id)
    if (workflow === undefined)
      workflows.set(
        id,
        (workflow = { workflow: run.workflow.name, path: run.workflow.path, runs: 0, failures: 0, reruns: 0 }),
      )
    workflow.runs++
    if (outcome === 'fail') workflow.failures++
    if (run.attempts.length > 1) workflow.reruns++
    for (const job of latest.jobs) {
      const jobOutcome = outcomeOf(job.conclusion)
      if (jobOutcome === null) continue
      const entry = jobEntry(run.workflow.name, job.name)
      entry.runs++
      if (jobOutcome === 'fail') entry.failures++
    }
    const names = new Set(run.attempts.flatMap((attempt) => attempt.jobs.map((job) => job.name)))
    for (const name of names) if (rerunPassed(run, name)) jobEntry(run.workflow.name, name).rerunPassed++
  }
  for (const [pair, name] of alternatingPairs(runs, commits)) jobEntry(pair.workflow.name, name).alternations++
  return {
    workflows: [...workflows.values()]
      .map((entry) => ({ ...entry, failureRate: share(entry.failures, entry.runs) }))
      .sort((a, b) => b.failures - a.failures || b.runs - a.runs || compareText(a.workflow, b.workflow)),
    jobs: [...jobs.values()]
      .map(({ rerunPassed: passed, alternations, ...entry }) => ({
        ...entry,
        failureRate: share(entry.failures, entry.runs),
        rerunPassed: passed,
        alternations,
      }))
      .sort(
        (a, b) =>
          b.failures - a.failures ||
          b.runs - a.runs ||
          compareText(a.workflow, b.workflow) ||
          compareText(a.job, b.job),
      ),
  }
}

/** The job failed in one attempt of the run and passed in a later one. */
export function rerunPassed(run: CiRun, job: string): boolean {
  const failedAt = run.attempts.findIndex((attempt) => outcomeOf(jobNamed(attempt, job)?.conclusion ?? null) === 'fail')
  return (
    failedAt >= 0 &&
    run.attempts.slice(failedAt + 1).some((attempt) => outcomeOf(jobNamed(attempt, job)?.conclusion ?? null) === 'pass')
  )
}

/**
 * Pairs of consecutive completed runs of one workflow on one branch where a job failed (latest attempt)
 * and passed on the next run with no relevant change between their head commits; yields the failing run
 * (with the next run's head) and the job's name.
 */
export function* alternatingPairs(
  runs: readonly CiRun[],
  commits: CommitIndex,
): Generator<[CiRun & { readonly nextSha: string }, string]> {
  const lines = new Map<string, CiRun[]>()
  for (const run of chronological(runs)) {
    if (run.branch === null || outcomeOf(latestAttempt(run)?.conclusion ?? null) === null) continue
    const id = key(run.workflow.path, run.branch)
    lines.set(id, [...(lines.get(id) ?? []), run])
  }
  for (const line of lines.values()) {
    for (let index = 0; index + 1 < line.length; index++) {
      const failing = line[index] as CiRun
      const next = line[index + 1] as CiRun
      for (const job of latestAttempt(failing)?.jobs ?? []) {
        if (outcomeOf(job.conclusion) !== 'fail') continue
        const after = jobNamed(latestAttempt(next), job.name)
        if (outcomeOf(after?.conclusion ?? null) !== 'pass') continue
        if (commits.noRelevantChange(failing.headSha, next.headSha))
          yield [{ ...failing, nextSha: next.headSha }, job.name]
      }
    }
  }
}
