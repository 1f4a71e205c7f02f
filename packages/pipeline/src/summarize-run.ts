import type { ModelUsageRecord, StageStatus } from '@gitlore/core'
import { stageLines } from './stage-lines.js'

/** What the closing lines of a run are made from. */
export interface RunSummaryInput {
  readonly stages: readonly StageStatus[]
  readonly usage: readonly ModelUsageRecord[]
  /** The agent's steps and tool calls, when the agent wrote the findings. */
  readonly agent?: { readonly steps: number; readonly toolCalls: number }
  readonly findings: number
  readonly outputPaths: readonly string[]
  readonly dryRun: boolean
  readonly durationMs: number
  /** The stored run's id; null when the run was not stored (no cache). */
  readonly runId: string | null
}

/** The closing lines of a run: what degraded, what the models cost, what was written. */
export function summarizeRun(input: RunSummaryInput): { warnings: string[]; notes: string[] } {
  const { warnings, notes: stageNotes } = stageLines(input.stages)
  const notes = input.usage.map((usage) => {
    const cost = usage.cost === null ? 'cost unknown' : `about $${usage.cost.toFixed(4)}`
    const failed = (usage.failedRequests ?? 0) > 0 ? ` (and ${usage.failedRequests} that failed)` : ''
    return `${usage.model}: ${usage.requests} requests${failed}, ${usage.inputTokens.toLocaleString('en-US')} input and ${usage.outputTokens.toLocaleString('en-US')} output tokens, ${cost}`
  })
  if (input.agent !== undefined) notes.push(`agent: ${input.agent.steps} steps, ${input.agent.toolCalls} tool calls`)
  notes.push(...stageNotes)
  const verb = input.dryRun ? 'would write' : 'wrote'
  notes.push(
    `${input.findings} findings; ${verb} ${input.outputPaths.join(', ')} in ${(input.durationMs / 1000).toFixed(1)} s${input.runId === null ? '' : ` (run ${input.runId})`}`,
  )
  return { warnings, notes }
}
