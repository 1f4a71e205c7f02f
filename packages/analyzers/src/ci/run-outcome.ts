import type { CiAttempt, CiJob, CiRun } from '@gitlore/core'

/** `fail` for failure, timed_out and startup_failure; `pass` for success; null for everything else (cancelled, skipped, running). */
export type Outcome = 'pass' | 'fail' | null

export function outcomeOf(conclusion: string | null): Outcome {
  if (conclusion === 'success') return 'pass'
  if (conclusion === 'failure' || conclusion === 'timed_out' || conclusion === 'startup_failure') return 'fail'
  return null
}

export function latestAttempt(run: CiRun): CiAttempt | undefined {
  return run.attempts.at(-1)
}

/** The job of `attempt` with that name (the last listed when a matrix repeats a name). */
export function jobNamed(attempt: CiAttempt | undefined, name: string): CiJob | undefined {
  return attempt?.jobs.findLast((job) => job.name === name)
}

/** Runs oldest created first (ties by id), the order red and green periods are read in. */
export function chronological(runs: readonly CiRun[]): CiRun[] {
  return [...runs].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id - b.id))
}

/** When a run's latest attempt finished (its last update). */
export function finishedAt(run: CiRun): string {
  return latestAttempt(run)?.updatedAt ?? run.createdAt
}
