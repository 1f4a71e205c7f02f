import type { GitloreConfig, RepositoryContext, StageStatus } from '@gitlore/core'
import { GitloreError } from '@gitlore/core'
import type { AgentEvent, SynthesisInput, SynthesisResult } from '@gitlore/synthesizer'
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
}

/**
 * Findings: the investigating agent when a synthesizer model is configured and reachable, else (or
 * when the agent fails) the offline synthesizer, recorded as degraded unless offline was asked for.
 */
export async function runSynthesis(options: RunSynthesisOptions): Promise<SynthesisStage> {
  const { context, config, models, emit, signal } = options
  const { createSynthesizer } = await import('@gitlore/synthesizer')
  const started = Date.now()
  const input: SynthesisInput = { ...options.input, context, signal }
  const offline = async (detail: string | null): Promise<SynthesisStage> => {
    const result = await createSynthesizer({ kind: 'offline' }).synthesize(input)
    const status: StageStatus =
      detail === null
        ? { stage: 'synthesis', status: 'ok', durationMs: Date.now() - started }
        : { stage: 'synthesis', status: 'degraded', detail, durationMs: Date.now() - started }
    return { result, status, model: 'offline' }
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
  try {
    const agent = createSynthesizer({
      kind: 'agent',
      model: resolved.model,
      modelName: resolved.name,
      repositoryDir: context.repo.path,
      meter: models.meter,
      onEvent: (event) => {
        const message = describeAgentEvent(event)
        emit(message === undefined ? { type: 'agent', event } : { type: 'agent', event, message })
      },
    })
    const result = await agent.synthesize(input)
    return {
      result,
      status: { stage: 'synthesis', status: 'ok', durationMs: Date.now() - started },
      model: resolved.name,
    }
  } catch (error) {
    if (signal.aborted) throw error
    const message = GitloreError.isInstance(error) || error instanceof Error ? error.message : String(error)
    emit({
      type: 'warning',
      stage: 'synthesis',
      message: `the agent failed (${message}); writing statistical findings offline`,
    })
    return offline(`agent ${resolved.name} failed: ${message}; used the offline synthesizer`)
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
    case 'verified':
      return `  ${event.findings} findings verified; ${event.droppedCitations} citations and ${event.droppedFindings} findings dropped`
    default:
      return undefined
  }
}
