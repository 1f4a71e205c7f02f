import { gunzipSync, gzipSync } from 'node:zlib'
import type { CiAnnotation, CiAttempt, CiJob, CiLog, CiRun, CiStep } from '@gitlore/core'
import type { StoredCiJob, StoredCiRun } from './ci-store.js'

/** Bumped when the stored JSON changes shape; records of another format are fetched again. */
export const ciFormat = 1

/** The fields gitlore reads of GitHub's `workflow-run` (REST). */
export interface RestRun {
  readonly id: number
  readonly name?: string | null
  readonly workflow_id: number
  readonly path: string
  readonly run_number: number
  readonly run_attempt?: number
  readonly event: string
  readonly status: string | null
  readonly conclusion: string | null
  readonly head_branch: string | null
  readonly head_sha: string
  readonly display_title?: string
  readonly html_url: string
  readonly created_at: string
  readonly updated_at: string
  readonly run_started_at?: string
  readonly actor?: { readonly login: string } | null
  readonly pull_requests?: readonly { readonly number: number }[] | null
}

/** The fields gitlore reads of GitHub's `job`. */
export interface RestJob {
  readonly id: number
  readonly run_id: number
  readonly run_attempt?: number
  readonly name: string
  readonly status: string
  readonly conclusion: string | null
  readonly started_at: string
  readonly completed_at: string | null
  readonly html_url: string | null
  readonly check_run_url: string
  readonly steps?: readonly {
    readonly name: string
    readonly number: number
    readonly conclusion: string | null
    readonly started_at?: string | null
    readonly completed_at?: string | null
  }[]
}

/** The fields gitlore reads of GitHub's `check-annotation`. */
export interface RestAnnotation {
  readonly path: string
  readonly start_line: number | null
  readonly annotation_level: string | null
  readonly title: string | null
  readonly message: string | null
}

/** A log as stored: the tail gzip-compressed and base64-encoded. */
export interface StoredLog {
  readonly status: CiLog['status']
  readonly tail?: string
  readonly step?: string
  readonly truncated?: boolean
}

interface StoredRunData extends Omit<CiRun, 'attempts'> {
  readonly format: typeof ciFormat
  readonly attempts: readonly Omit<CiAttempt, 'jobs'>[]
}

interface StoredJobData extends Omit<CiJob, 'log'> {
  readonly format: typeof ciFormat
  readonly log: StoredLog
}

const iso = (value: string) => new Date(value).toISOString()
const isoOrNull = (value: string | null | undefined) => (value === null || value === undefined ? null : iso(value))

/** `.github/workflows/ci.yml` from GitHub's `path` (which may carry `owner/repo/` before it and `@ref` after). */
export function workflowPath(path: string): string {
  const bare = path.replace(/@[^@]*$/, '')
  const at = bare.indexOf('.github/')
  return at > 0 ? bare.slice(at) : bare
}

/** A run's version: what changes when GitHub's copy changes. */
export function runVersion(run: RestRun): string {
  return `${ciFormat}:${run.run_attempt ?? 1}:${run.status ?? ''}:${iso(run.updated_at)}`
}

/** The run-level fields of one attempt. */
export function attemptOf(run: RestRun): Omit<CiAttempt, 'jobs'> {
  return {
    attempt: run.run_attempt ?? 1,
    status: run.status,
    conclusion: run.conclusion,
    startedAt: isoOrNull(run.run_started_at),
    updatedAt: iso(run.updated_at),
  }
}

export function compressTail(text: string): string {
  return gzipSync(Buffer.from(text, 'utf8')).toString('base64')
}

function decompressTail(data: string): string {
  return gunzipSync(Buffer.from(data, 'base64')).toString('utf8')
}

/** A run and its jobs as stored. `attempts` holds every attempt's run-level fields, oldest first. */
export function storedRun(
  run: RestRun,
  attempts: readonly Omit<CiAttempt, 'jobs'>[],
  jobs: readonly { readonly job: RestJob; readonly annotations: readonly CiAnnotation[]; readonly log: StoredLog }[],
  complete: boolean,
): StoredCiRun {
  const data: StoredRunData = {
    format: ciFormat,
    id: run.id,
    runNumber: run.run_number,
    workflow: { id: run.workflow_id, name: run.name ?? workflowPath(run.path), path: workflowPath(run.path) },
    event: run.event,
    branch: run.head_branch,
    headSha: run.head_sha,
    title: run.display_title ?? '',
    actor: run.actor?.login ?? null,
    pullRequests: (run.pull_requests ?? []).map((pullRequest) => pullRequest.number),
    createdAt: iso(run.created_at),
    url: run.html_url,
    attempts,
  }
  return {
    id: run.id,
    createdAt: iso(run.created_at),
    // An incomplete copy (a job's details failed) never matches, so the next sync fetches it again.
    version: complete ? runVersion(run) : `${runVersion(run)}:incomplete`,
    data,
    // A job listed twice (GitHub can repeat one across attempts' pages) is kept once, as last listed.
    jobs: [...new Map(jobs.map((entry) => [entry.job.id, entry])).values()].map(
      ({ job, annotations, log }): StoredCiJob => {
        const jobData: StoredJobData = {
          format: ciFormat,
          id: job.id,
          name: job.name,
          attempt: job.run_attempt ?? 1,
          status: job.status,
          conclusion: job.conclusion,
          startedAt: isoOrNull(job.started_at),
          completedAt: isoOrNull(job.completed_at),
          url: job.html_url,
          steps: (job.steps ?? []).map(
            (step): CiStep => ({
              number: step.number,
              name: step.name,
              conclusion: step.conclusion,
              startedAt: isoOrNull(step.started_at),
              completedAt: isoOrNull(step.completed_at),
            }),
          ),
          annotations,
          log,
        }
        return { id: job.id, attempt: job.run_attempt ?? 1, data: jobData }
      },
    ),
  }
}

/** A stored run as a `CiRun`, or null when it was stored in another format. */
export function ciRunOf(record: StoredCiRun): CiRun | null {
  const data = record.data as StoredRunData | null
  if (data?.format !== ciFormat) return null
  const jobs = record.jobs
    .map((job) => job.data as StoredJobData | null)
    .filter((job): job is StoredJobData => job?.format === ciFormat)
  const { format: _, attempts, ...run } = data
  return {
    ...run,
    attempts: attempts.map((attempt) => ({
      ...attempt,
      jobs: jobs
        .filter((job) => job.attempt === attempt.attempt)
        .map(({ format: __, log, ...job }): CiJob => {
          const { tail, ...rest } = log
          let decoded: string | undefined
          try {
            decoded = tail === undefined ? undefined : decompressTail(tail)
          } catch {
            decoded = undefined
          }
          return { ...job, log: decoded === undefined ? rest : { ...rest, tail: decoded } }
        }),
    })),
  }
}

/** Annotations as gitlore keeps them. */
export function annotationOf(annotation: RestAnnotation): CiAnnotation {
  return {
    level: annotation.annotation_level ?? 'failure',
    path: annotation.path,
    startLine: annotation.start_line,
    title: annotation.title,
    message: annotation.message ?? '',
  }
}
