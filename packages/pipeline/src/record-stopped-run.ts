import type { GitloreCache } from '@gitlore/cache'
import type { GitloreConfig, ModelUsageRecord, RunRecord, RunStatus, StageStatus } from '@gitlore/core'
import { stableHash } from '@gitlore/core'
import { appendRunLog } from './append-run-log.js'
import { openCache } from './open-cache.js'

/** A run that an error or the user stopped, as far as it got. */
export interface StoppedRun {
  readonly id: string
  readonly started: number
  readonly error: unknown
  /** True when the run's signal was aborted (the user interrupted it). */
  readonly interrupted: boolean
  /** The stage it was in. */
  readonly stage: string
  readonly root: string
  readonly config: GitloreConfig
  readonly head: string | null
  /** The stages that finished before it stopped. */
  readonly stages: readonly StageStatus[]
  readonly usage: readonly ModelUsageRecord[]
  /** The run's lines so far, for the log. */
  readonly lines: readonly string[]
  /** The open cache, or `false` when the run was told to use none; undefined: open the repository's. */
  readonly cache: GitloreCache | false | undefined
  readonly env: Readonly<Record<string, string | undefined>>
}

/** `interrupted during classification`, `failed during history: <message>`. */
export function stoppedReason(run: Pick<StoppedRun, 'error' | 'interrupted' | 'stage'>): string {
  if (run.interrupted) return `interrupted during ${run.stage}`
  const message = run.error instanceof Error ? run.error.message : String(run.error)
  return `failed during ${run.stage}: ${message}`
}

/**
 * Stores a stopped run (status `interrupted` or `failed`, no report) so `gitlore runs` lists it,
 * and appends its lines and how it ended to `.gitlore/gitlore.log`. Best effort: a cache or log
 * that cannot be written does not hide the error that stopped the run.
 */
export async function recordStoppedRun(stopped: StoppedRun): Promise<RunRecord> {
  const status: RunStatus = stopped.interrupted ? 'interrupted' : 'failed'
  const reason = stoppedReason(stopped)
  const message = stopped.error instanceof Error ? stopped.error.message : String(stopped.error)
  const run: RunRecord = {
    id: stopped.id,
    status,
    error: reason,
    startedAt: new Date(stopped.started).toISOString(),
    finishedAt: new Date().toISOString(),
    repositoryPath: stopped.root,
    head: stopped.head,
    configHash: stableHash(stopped.config),
    stages: [...stopped.stages, { stage: stopped.stage, status: 'failed', detail: message }],
    usage: stopped.usage,
    report: null,
    findings: [],
    rawOutput: null,
    transcript: [],
  }
  try {
    if (stopped.cache !== false && stopped.cache !== undefined) await stopped.cache.putRun(run)
    else if (stopped.cache === undefined) {
      const opened = await openCache({ root: stopped.root, config: stopped.config, env: stopped.env })
      try {
        await opened.cache.putRun(run)
      } finally {
        await opened.cache.close()
      }
    }
  } catch {
    // The log line still says how the run ended.
  }
  const seconds = ((Date.now() - stopped.started) / 1000).toFixed(1)
  try {
    await appendRunLog(stopped.root, [...stopped.lines, `run ${stopped.id} ${reason} (after ${seconds} s)`])
  } catch {
    // Nothing more to do: the error itself reaches the caller.
  }
  return run
}
