/**
 * GitHub Actions history: workflow runs with every attempt, their jobs and steps, and for failed jobs
 * the check-run annotations and a bounded tail of the failing step's log.
 */

/**
 * A conclusion as GitHub reports it: `success`, `failure`, `cancelled`, `skipped`, `timed_out`,
 * `action_required`, `neutral`, `stale`, `startup_failure`; null while the run or job is not completed.
 */
export type CiConclusion = string | null

/** One step of a job. */
export interface CiStep {
  readonly number: number
  readonly name: string
  readonly conclusion: CiConclusion
  /** ISO 8601, or null when the step never started. */
  readonly startedAt: string | null
  readonly completedAt: string | null
}

/** A check-run annotation on a failed job (file and line as GitHub reports them). */
export interface CiAnnotation {
  /** `failure`, `warning` or `notice`. */
  readonly level: string
  readonly path: string
  readonly startLine: number | null
  readonly title: string | null
  readonly message: string
}

/**
 * What became of a failed job's log: `stored` (its failing step's tail is in `tail`), `expired`
 * (GitHub answered 410 or 404: the log is past its retention), `unavailable` (another failure,
 * fetched again next sync), `not_fetched` (the job did not fail, or logs were not asked for).
 */
export type CiLogStatus = 'stored' | 'expired' | 'unavailable' | 'not_fetched'

/** The bounded tail of a failed job's log. */
export interface CiLog {
  readonly status: CiLogStatus
  /** The last lines of the failing step (timestamps stripped); present when `status` is `stored`. */
  readonly tail?: string
  /** The step the tail was cut from, when it could be told. */
  readonly step?: string
  /** True when the tail is shorter than the step's output. */
  readonly truncated?: boolean
}

/** One job of one attempt of a workflow run. */
export interface CiJob {
  readonly id: number
  readonly name: string
  /** The attempt of the run this job belongs to (1 for the first). */
  readonly attempt: number
  readonly status: string | null
  readonly conclusion: CiConclusion
  readonly startedAt: string | null
  readonly completedAt: string | null
  readonly url: string | null
  readonly steps: readonly CiStep[]
  /** Annotations of a failed job; empty otherwise. */
  readonly annotations: readonly CiAnnotation[]
  readonly log: CiLog
}

/** One attempt of a workflow run (a re-run is a new attempt of the same run). */
export interface CiAttempt {
  readonly attempt: number
  readonly status: string | null
  readonly conclusion: CiConclusion
  /** ISO 8601: when this attempt started. */
  readonly startedAt: string | null
  /** ISO 8601: when this attempt last changed (its completion, once completed). */
  readonly updatedAt: string
  readonly jobs: readonly CiJob[]
}

/** A workflow run with all its attempts, oldest attempt first. */
export interface CiRun {
  readonly id: number
  readonly runNumber: number
  readonly workflow: { readonly id: number; readonly name: string; readonly path: string }
  /** `push`, `pull_request`, `schedule`, `workflow_dispatch`, ... */
  readonly event: string
  /** The head branch; null for runs without one (e.g. some tag pushes). */
  readonly branch: string | null
  readonly headSha: string
  /** The run's title (the head commit's subject or the pull request's title). */
  readonly title: string
  /** Login of the actor who triggered it, when known. */
  readonly actor: string | null
  /** Pull request numbers GitHub links to the run. */
  readonly pullRequests: readonly number[]
  readonly createdAt: string
  /** The web page of the run. */
  readonly url: string
  readonly attempts: readonly CiAttempt[]
}
