import type { CiAnnotation, CiAttempt } from '@gitlore/core'
import {
  annotationOf,
  attemptOf,
  compressTail,
  type RestAnnotation,
  type RestJob,
  type RestRun,
  type StoredLog,
} from './ci-records.js'
import { type LogTailLimits, readLogTail } from './log-tail.js'
import { RestFailure, type RestRunner } from './rest-runner.js'

/** Where a run lives, and what to fetch of it. */
export interface RunDetailsContext {
  readonly runner: RestRunner
  readonly owner: string
  readonly repo: string
  /** Fetch annotations and log tails of failed jobs; default true. */
  readonly logs: boolean
  readonly limits: LogTailLimits
  /** Downloads a log from the short-lived URL GitHub redirected to (no token is sent there). */
  readonly download: (url: string, signal: AbortSignal | undefined) => Promise<Response>
  readonly signal?: AbortSignal | undefined
}

/** A run's attempts and jobs as fetched, with whether everything could be fetched. */
export interface RunDetails {
  readonly attempts: readonly Omit<CiAttempt, 'jobs'>[]
  readonly jobs: readonly {
    readonly job: RestJob
    readonly annotations: readonly CiAnnotation[]
    readonly log: StoredLog
  }[]
  /** False when a job's details failed for a reason other than expiry: the run is fetched again next sync. */
  readonly complete: boolean
}

const failed = (conclusion: string | null) => conclusion === 'failure' || conclusion === 'timed_out'

/** Follows Link-header pages of a list endpoint until it has `total` items or a page comes back short. */
async function allPages<T>(
  runner: RestRunner,
  route: string,
  parameters: Record<string, unknown>,
  pick: (data: unknown) => { items: readonly T[]; total?: number },
): Promise<T[]> {
  const items: T[] = []
  for (let page = 1; ; page++) {
    const answer = await runner.get<unknown>(route, { ...parameters, per_page: 100, page })
    const { items: found, total } = pick(answer.data)
    items.push(...found)
    const hasNext = /rel="next"/.test(String(answer.headers.link ?? ''))
    if (found.length === 0 || !hasNext || (total !== undefined && items.length >= total)) return items
  }
}

function failingStepSpan(job: RestJob): { name: string | undefined; span: { start: number; end: number } | null } {
  const step = (job.steps ?? []).find((entry) => failed(entry.conclusion) || entry.conclusion === 'cancelled')
  if (step?.started_at == null || step.completed_at == null) return { name: step?.name, span: null }
  return { name: step.name, span: { start: Date.parse(step.started_at), end: Date.parse(step.completed_at) + 1000 } }
}

async function fetchLog(context: RunDetailsContext, job: RestJob): Promise<StoredLog> {
  const { runner, owner, repo } = context
  let location: string | undefined
  try {
    const answer = await runner.get<unknown>('GET /repos/{owner}/{repo}/actions/jobs/{job_id}/logs', {
      owner,
      repo,
      job_id: job.id,
      request: { redirect: 'manual' },
    })
    location = String(answer.headers.location ?? '')
    if (answer.status < 300 || answer.status >= 400 || location === '') {
      // Some servers answer with the text itself.
      if (typeof answer.data === 'string') return tailOf(answer.data, job, context)
      return { status: 'unavailable' }
    }
  } catch (error) {
    if (error instanceof RestFailure && (error.status === 410 || error.status === 404)) return { status: 'expired' }
    if (error instanceof RestFailure) return { status: 'unavailable' }
    throw error
  }
  try {
    const response = await context.download(location, context.signal)
    if (response.status === 404 || response.status === 410) return { status: 'expired' }
    if (!response.ok || response.body === null) return { status: 'unavailable' }
    return await tailOf(response.body as AsyncIterable<Uint8Array>, job, context)
  } catch {
    if (context.signal?.aborted) throw context.signal.reason
    return { status: 'unavailable' }
  }
}

async function tailOf(
  body: AsyncIterable<Uint8Array> | string,
  job: RestJob,
  context: RunDetailsContext,
): Promise<StoredLog> {
  const { name, span } = failingStepSpan(job)
  const tail = await readLogTail(body, span, context.limits)
  return {
    status: 'stored',
    tail: compressTail(tail.tail),
    ...(name !== undefined && tail.matchedStep ? { step: name } : {}),
    truncated: tail.truncated,
  }
}

/**
 * Every attempt of a run and its jobs (`filter=all`), and for each failed job its check-run
 * annotations and the tail of its failing step's log. An expired log is recorded as `expired`; a run
 * whose details failed otherwise comes back incomplete, to be fetched again.
 */
export async function fetchRunDetails(context: RunDetailsContext, run: RestRun): Promise<RunDetails> {
  const { runner, owner, repo } = context
  const jobs = await allPages<RestJob>(
    runner,
    'GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs',
    { owner, repo, run_id: run.id, filter: 'all' },
    (data) => {
      const page = data as { jobs?: RestJob[]; total_count?: number }
      return { items: page.jobs ?? [], ...(page.total_count === undefined ? {} : { total: page.total_count }) }
    },
  )
  let complete = true
  const latest = run.run_attempt ?? 1
  const attempts: Omit<CiAttempt, 'jobs'>[] = []
  for (let attempt = 1; attempt < latest; attempt++) {
    try {
      const answer = await runner.get<RestRun>(
        'GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}',
        {
          owner,
          repo,
          run_id: run.id,
          attempt_number: attempt,
          exclude_pull_requests: true,
        },
      )
      attempts.push(attemptOf({ ...answer.data, run_attempt: attempt }))
    } catch (error) {
      if (!(error instanceof RestFailure)) throw error
      // GitHub lost the attempt: tell its outcome from its jobs.
      const own = jobs.filter((job) => (job.run_attempt ?? 1) === attempt)
      if (error.status !== 404) complete = false
      attempts.push({
        attempt,
        status: 'completed',
        conclusion: own.some((job) => failed(job.conclusion)) ? 'failure' : own.length > 0 ? 'success' : null,
        startedAt: own[0]?.started_at ?? null,
        updatedAt: own.at(-1)?.completed_at ?? run.updated_at,
      })
    }
  }
  attempts.push(attemptOf(run))

  const details: RunDetails['jobs'][number][] = []
  for (const job of jobs) {
    if (!context.logs || !failed(job.conclusion)) {
      details.push({ job, annotations: [], log: { status: 'not_fetched' } })
      continue
    }
    let annotations: CiAnnotation[] = []
    try {
      const checkRun = /\/check-runs\/(\d+)$/.exec(job.check_run_url)?.[1] ?? String(job.id)
      annotations = (
        await allPages<RestAnnotation>(
          runner,
          'GET /repos/{owner}/{repo}/check-runs/{check_run_id}/annotations',
          { owner, repo, check_run_id: Number(checkRun) },
          (data) => ({ items: Array.isArray(data) ? (data as RestAnnotation[]) : [] }),
        )
      ).map(annotationOf)
    } catch (error) {
      if (!(error instanceof RestFailure)) throw error
      if (error.status !== 404) complete = false
    }
    const log = await fetchLog(context, job)
    if (log.status === 'unavailable') complete = false
    details.push({ job, annotations, log })
  }
  return { attempts, jobs: details, complete }
}
