import type { Finding } from './finding.js'

/** How one stage of a run went. */
export interface StageStatus {
  /** `history`, `reviews`, `classification`, `clustering`, `synthesis`, `outputs`, `cache`, ... */
  readonly stage: string
  /**
   * `ok`: it ran as configured. `partial`: it ran as configured, but a small share of its items
   * failed (`items`; listed in the run record). `degraded`: it fell back (offline, git-only) for all
   * or part of its work, or too many of its items failed. `skipped`: not applicable here (no GitHub
   * origin, --git-only, --offline). `failed`: it could not run at all. Only `degraded` and `failed`
   * make a degraded run (exit 3).
   */
  readonly status: 'ok' | 'partial' | 'degraded' | 'skipped' | 'failed'
  /** What happened, for anything but a plain `ok`. */
  readonly detail?: string
  /** Items that failed of those the stage handled, when some did. */
  readonly items?: { readonly failed: number; readonly total: number }
  /** Each failed item and why (`<url>: <reason>`), kept in the run record; reports show the count. */
  readonly failures?: readonly string[]
  readonly durationMs?: number
}

/** Above this share of failed items, a stage that finished is degraded rather than partial. */
export const partialShareLimit = 0.1

/** Whether a stage makes the run degraded (exit 3): it fell back or failed; partial and skipped stages do not. */
export function degradesRun(stage: StageStatus): boolean {
  return stage.status === 'degraded' || stage.status === 'failed'
}

/**
 * The status of a stage that finished with `failed` of `total` items failed: `ok` with none,
 * `partial` up to `partialShareLimit`, `degraded` above it.
 */
export function itemStatus(failed: number, total: number): 'ok' | 'partial' | 'degraded' {
  if (failed === 0 || total === 0) return 'ok'
  return failed / total > partialShareLimit ? 'degraded' : 'partial'
}

/** `8 of 1,582 comments (0.5%)`: a share as a report states it. */
export function describeShare(failed: number, total: number, noun: string): string {
  const percent = (100 * failed) / total
  const shown = percent < 0.1 ? '<0.1' : percent < 10 ? percent.toFixed(1) : percent.toFixed(0)
  return `${failed.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} ${noun} (${shown}%)`
}

/** Tokens and estimated cost of one model over a run. */
export interface ModelUsageRecord {
  readonly model: string
  readonly requests: number
  /** Calls that failed for good (no answer, no tokens known); absent in runs stored before it was counted. */
  readonly failedRequests?: number
  readonly inputTokens: number
  readonly outputTokens: number
  /** US dollars; null when the model's price is unknown. */
  readonly cost: number | null
}

/** How a run ended: `degraded` finished with a stage that fell back; `interrupted` by the user; `failed` stopped by an error. */
export type RunStatus = 'finished' | 'degraded' | 'interrupted' | 'failed'

/** What the synthesis dropped: findings the agent wrote that were not kept, and citations that did not resolve. */
export interface DroppedWork {
  readonly findings: readonly { readonly title: string; readonly reason: string }[]
  readonly citations: readonly { readonly finding: string; readonly ref: string; readonly reason: string }[]
}

/**
 * Everything a run produced, stored so its outputs can be rendered again without new work. A run
 * that was interrupted or failed is stored too, with what it had (`report` null when it got no
 * report that far) and why it ended.
 */
export interface RunRecord {
  readonly id: string
  /** How the run ended; absent in runs stored before it was recorded (those finished). */
  readonly status?: RunStatus
  /** Why an interrupted or failed run ended, as the user was told. */
  readonly error?: string
  readonly startedAt: string
  readonly finishedAt: string
  readonly repositoryPath: string
  readonly head: string | null
  /** Hash of the effective configuration (no secrets). */
  readonly configHash: string
  readonly stages: readonly StageStatus[]
  readonly usage: readonly ModelUsageRecord[]
  /** The formatters' input (context, findings, clusters, review statistics, models, notes). */
  readonly report: unknown
  readonly findings: readonly Finding[]
  /** What the synthesizer answered, as it answered it; null for the offline synthesizer. */
  readonly rawOutput: string | null
  /** The agent's steps (reasoning, text, tool calls); empty for the offline synthesizer. */
  readonly transcript: readonly unknown[]
  /** What the synthesis dropped and why (all of it; reports list the first few). */
  readonly dropped?: DroppedWork
  /** Absolute paths of the outputs this run wrote (none on a dry run). */
  readonly outputPaths?: readonly string[]
}

/** One line of `gitlore runs`. */
export interface RunSummary {
  readonly id: string
  readonly startedAt: string
  readonly finishedAt: string
  readonly head: string | null
  readonly findings: number
  /** Stages that did not finish `ok` (partial, degraded or failed; not applicable ones are left out). */
  readonly degraded: readonly string[]
  /** How the run ended (`finished` for runs stored before this was recorded). */
  readonly status: RunStatus
}

/** Where runs are kept. */
export interface RunStore {
  putRun(run: RunRecord): Promise<void>
  /** A run by id (or a unique prefix of it), or null. */
  getRun(id: string): Promise<RunRecord | null>
  /** The newest run that finished (also degraded), or null when none was stored; interrupted and failed runs have no report. */
  latestRun(): Promise<RunRecord | null>
  /** Newest first. */
  listRuns(limit?: number): Promise<readonly RunSummary[]>
}
