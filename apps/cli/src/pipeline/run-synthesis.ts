import type { GitloreConfig, RepositoryContext, StageStatus } from '@gitlore/core'
import { GitloreError } from '@gitlore/core'
import type { SynthesisInput, SynthesisResult } from '@gitlore/synthesizer'
import type { Progress } from '../progress.js'
import type { Terminal } from '../terminal.js'
import type { openModelRegistry } from './model-registry.js'

type Models = Awaited<ReturnType<typeof openModelRegistry>>

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
export async function runSynthesis(options: {
  readonly context: RepositoryContext
  readonly input?: Omit<SynthesisInput, 'context' | 'signal'>
  readonly config: GitloreConfig
  readonly models: Models | undefined
  readonly progress: Progress
  readonly terminal: Terminal
  readonly verbose: boolean
  readonly signal: AbortSignal
}): Promise<SynthesisStage> {
  const { context, config, models, progress, signal } = options
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
    progress.note(`synthesizer ${config.models.synthesizer}: ${resolved.reason}; writing statistical findings offline`)
    return offline(`${config.models.synthesizer} unavailable (${resolved.reason}); used the offline synthesizer`)
  }
  progress.note(`investigating with ${resolved.name}`)
  try {
    const agent = createSynthesizer({
      kind: 'agent',
      model: resolved.model,
      modelName: resolved.name,
      repositoryDir: context.repo.path,
      meter: models.meter,
      onEvent: (event) => {
        if (event.type === 'tool-result') {
          const size = event.error === undefined ? `${event.resultChars.toLocaleString('en-US')} chars` : event.error
          progress.note(`  ${event.tool} ${event.summary} -> ${size}${event.truncated ? ' (truncated)' : ''}`)
        } else if (event.type === 'harness') {
          progress.note(`  harness (${event.reason}): ${event.message}`)
        } else if (event.type === 'verified') {
          progress.note(
            `  ${event.findings} findings verified; ${event.droppedCitations} citations and ${event.droppedFindings} findings dropped`,
          )
        } else if (options.verbose && (event.type === 'reasoning-delta' || event.type === 'text-delta')) {
          options.terminal.stderr(event.text)
        }
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
    progress.note(`warning: the agent failed (${message}); writing statistical findings offline`)
    return offline(`agent ${resolved.name} failed: ${message}; used the offline synthesizer`)
  }
}
