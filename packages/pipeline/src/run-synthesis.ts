import type { GitloreConfig, RepositoryContext, StageStatus } from '@gitlore/core'
import { GitloreError } from '@gitlore/core'
import type { AgentEvent, AgentRun, SynthesisInput, SynthesisResult, TranscriptEntry } from '@gitlore/synthesizer'
import type { RunModels } from './open-model-registry.js'
import type { PipelineEventListener } from './pipeline-event.js'

/** What `runSynthesis` works from. */
export interface RunSynthesisOptions {
  /** The repository context (git statistics, review statistics). */
  readonly context: RepositoryContext
  /** The review data of the run, when it has any. */
  readonly input?: Omit<SynthesisInput, 'context' | 'signal'>
  /** `[models] synthesizer` names the model. */
  readonly config: GitloreConfig
  /** The run's models and usage meter; undefined: offline (the statistical synthesizer). */
  readonly models: RunModels | undefined
  /** Where notes, warnings and the agent's steps go. */
  readonly emit: PipelineEventListener
  /** Stops the agent; the synthesis then rejects. */
  readonly signal: AbortSignal
}

/** The findings of a run and how they were made. */
export interface SynthesisStage {
  readonly result: SynthesisResult
  readonly status: StageStatus
  /** The model that wrote the findings, or `offline`. */
  readonly model: string
  /**
   * The agent's work when it did not give the findings (it failed, or every finding it wrote was
   * dropped): kept for the run record, so what was paid for and why it was dropped stay visible.
   */
  readonly failedAgent?: FailedAgent
}

/** What an agent that gave no usable findings left behind. */
export interface FailedAgent {
  /** Its run record, when it finished (every finding dropped, or no answer). */
  readonly run?: AgentRun
  /** Its steps so far. */
  readonly transcript: readonly TranscriptEntry[]
  /** Its notes: what it dropped and why. */
  readonly notes: readonly string[]
}

/**
 * Findings: the investigating agent when a synthesizer model is configured and reachable, else the
 * offline synthesizer. An agent that fails, or whose findings are all dropped, leaves the findings to
 * the offline synthesizer too: that is a degraded synthesis (said why, with the agent's work kept in
 * `failedAgent`); offline by choice is not.
 */
export async function runSynthesis(options: RunSynthesisOptions): Promise<SynthesisStage> {
  const { context, config, models, emit, signal } = options
  const { createSynthesizer, SynthesisError } = await import('@gitlore/synthesizer')
  const started = Date.now()
  const input: SynthesisInput = { ...options.input, context, signal }
  const offline = async (detail: string | null, failedAgent?: FailedAgent): Promise<SynthesisStage> => {
    const result = await createSynthesizer({ kind: 'offline' }).synthesize(input)
    if (detail === null) {
      return {
        result,
        status: { stage: 'synthesis', status: 'ok', durationMs: Date.now() - started },
        model: 'offline',
      }
    }
    return {
      // The agent's notes (what it dropped and why) stay in the report, ahead of the offline ones.
      result: { ...result, notes: [...(failedAgent?.notes ?? []), ...result.notes] },
      status: { stage: 'synthesis', status: 'degraded', detail, durationMs: Date.now() - started },
      model: 'offline',
      ...(failedAgent === undefined ? {} : { failedAgent }),
    }
  }
  if (models === undefined) return offline(null)
  const resolved = models.registry.languageModel(config.models.synthesizer)
  if (resolved.kind === 'offline') {
    if (resolved.reason === null) return offline(null)
    emit({
      type: 'note',
      stage: 'synthesis',
      message: `synthesizer ${config.models.synthesizer}: ${resolved.reason}; writing statistical findings offline`,
    })
    return offline(`${config.models.synthesizer} unavailable (${resolved.reason}); used the offline synthesizer`)
  }
  emit({ type: 'note', stage: 'synthesis', message: `investigating with ${resolved.name}` })
  let result: SynthesisResult
  try {
    const agent = createSynthesizer({
      kind: 'agent',
      model: resolved.model,
      modelName: resolved.name,
      repositoryDir: context.repo.path,
      meter: models.meter,
      breaker: resolved.breaker,
      stepTimeoutMs: Math.max(300_000, config.models.response_timeout * 1000),
      onEvent: (event) => {
        const message = describeAgentEvent(event)
        emit(message === undefined ? { type: 'agent', event } : { type: 'agent', event, message })
      },
    })
    result = await agent.synthesize(input)
  } catch (error) {
    if (signal.aborted) throw error
    const { findProviderUnavailable } = await import('@gitlore/llm')
    // A provider cut off for the run says it best itself; anything else as the agent reported it.
    const cutOff = findProviderUnavailable(error)
    const message =
      cutOff !== undefined
        ? cutOff.message
        : GitloreError.isInstance(error) || error instanceof Error
          ? error.message
          : String(error)
    emit({
      type: 'warning',
      stage: 'synthesis',
      message: `the agent failed (${message}); writing statistical findings offline`,
    })
    const transcript = SynthesisError.isInstance(error) ? error.transcript : []
    return offline(`agent ${resolved.name} failed: ${message}; used the offline synthesizer`, {
      transcript,
      notes: [],
    })
  }
  const outcome = result.agent?.outcome
  if (result.agent !== undefined && (outcome === 'rejected' || outcome === 'no-answer')) {
    const { droppedFindings } = result.agent
    const why =
      outcome === 'rejected'
        ? `every one of the ${droppedFindings.details.length} findings it wrote was dropped (${droppedFindings.unsupported} without a resolvable citation, ${droppedFindings.invalid} invalid)`
        : 'it gave no <findings> answer, even after the repair turn'
    emit({
      type: 'warning',
      stage: 'synthesis',
      message: `the agent's synthesis failed: ${why}; writing statistical findings offline`,
    })
    return offline(`agent ${resolved.name}: ${why}; used the offline synthesizer`, {
      run: result.agent,
      transcript: result.agent.transcript,
      notes: result.notes,
    })
  }
  return {
    result,
    status: { stage: 'synthesis', status: 'ok', durationMs: Date.now() - started },
    model: resolved.name,
  }
}

/** One line for the agent events a person follows: tool results, harness turns, verification. */
function describeAgentEvent(event: AgentEvent): string | undefined {
  switch (event.type) {
    case 'tool-result': {
      const size = event.error === undefined ? `${event.resultChars.toLocaleString('en-US')} chars` : event.error
      return `  ${event.tool} ${event.summary} -> ${size}${event.truncated ? ' (truncated)' : ''}`
    }
    case 'harness':
      return `  harness (${event.reason}): ${event.message}`
    case 'text-held':
      return `  (another <findings> answer, ${event.chars.toLocaleString('en-US')} chars: not streamed again, kept in the run record)`
    case 'verified':
      return `  ${event.findings} findings verified; ${event.droppedCitations} citations and ${event.droppedFindings} findings dropped`
    default:
      return undefined
  }
}
