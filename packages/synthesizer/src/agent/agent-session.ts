import type { UsageMeter } from '@gitlore/llm'
import { isStepCount, type LanguageModel, type ModelMessage, streamText } from 'ai'
import { SynthesisError } from '../errors/synthesis-error.js'
import type { AgentEvent } from './agent-event.js'
import type { AgentUsage, TranscriptEntry, TranscriptStep } from './agent-run.js'
import { budgetMessage } from './harness-messages.js'
import { StepRecorder } from './step-recorder.js'
import type { RepositoryTools } from './tools/create-repository-tools.js'

/** Everything one agent conversation needs. */
export interface AgentSessionSettings {
  readonly model: Exclude<LanguageModel, string>
  readonly modelName: string
  readonly instructions: string
  readonly firstMessage: string
  readonly tools: RepositoryTools
  readonly stepLimit: number
  readonly minToolSteps: number
  /** Most "not yet" nudges before an early answer is accepted as it is. */
  readonly maxNudges: number
  readonly maxRetries: number
  readonly stepTimeoutMs: number
  readonly temperature: number | undefined
  readonly maxOutputTokens: number | undefined
  readonly signal: AbortSignal | undefined
  readonly meter: UsageMeter | undefined
  /** The provider's circuit breaker: told when a step came back empty (no text, no tool call) and when it did not. */
  readonly breaker: AnswerReporter | undefined
  readonly emit: (event: AgentEvent) => void
}

/** What the session tells a circuit breaker (the part of @gitlore/llm's `CircuitBreaker` it uses). */
export interface AnswerReporter {
  recordAnswer(): void
  recordMalformed(reason: string): void
}

type ToolChoice = TranscriptStep['toolChoice']

/** How the investigation ended. */
export interface Investigation {
  /** The text of the answer the harness accepted; '' when there was none. */
  readonly answer: string
  readonly stepLimitHit: boolean
  readonly budgetMissed: boolean
}

function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  return text.length > 300 ? `${text.slice(0, 300)}…` : text
}

/**
 * One agent conversation over `streamText`: the investigation (tool loop with a step limit, tool
 * calls required until the minimum investigation is met, none allowed on the last step, and a
 * nudge when the model answers early anyway), then at most one repair turn. Every step is
 * recorded in the transcript and reported as events while it happens.
 */
export class AgentSession {
  readonly transcript: TranscriptEntry[] = []
  readonly #settings: AgentSessionSettings
  readonly #messages: ModelMessage[]
  #stepsUsed = 0
  #toolSteps = 0
  #nudges = 0
  #nextIndex = 0
  /** Whether a `<findings>` answer was already streamed as text events (later ones are not streamed again). */
  #findingsShown = false
  readonly #usage = { requests: 0, inputTokens: 0, outputTokens: 0 }

  constructor(settings: AgentSessionSettings) {
    this.#settings = settings
    this.#messages = [{ role: 'user', content: settings.firstMessage }]
  }

  get stepsUsed(): number {
    return this.#stepsUsed
  }

  get toolSteps(): number {
    return this.#toolSteps
  }

  /** "Not yet" nudges sent for answers before the minimum investigation. */
  get nudges(): number {
    return this.#nudges
  }

  get usage(): AgentUsage {
    return { ...this.#usage }
  }

  /** Runs the tool loop until the model gives an answer the harness accepts or the steps run out. */
  async investigate(): Promise<Investigation> {
    const { stepLimit, minToolSteps } = this.#settings
    while (this.#stepsUsed < stepLimit) {
      const last = await this.#round('investigation', stepLimit - this.#stepsUsed)
      if (last === undefined) break
      if (last.toolCalls.length > 0) continue
      if (this.#toolSteps < minToolSteps && this.#stepsUsed < stepLimit) {
        if (this.#nudges < this.#settings.maxNudges) {
          this.#nudges += 1
          this.#addHarnessMessage('budget', budgetMessage(this.#toolSteps, minToolSteps))
          continue
        }
        // A model (or server) that ignores tool_choice keeps answering; more nudges only cost tokens.
        this.#settings.emit({
          type: 'harness',
          reason: 'nudge-limit',
          message: `the model answered ${this.#nudges + 1} times before the minimum of ${minToolSteps} tool steps; taking its answer as it is`,
        })
      }
      // The last step allows no tools; if the model still gives no text there, it ran out of steps.
      if (last.text.trim() === '' && this.#stepsUsed >= stepLimit) break
      return { answer: last.text, stepLimitHit: false, budgetMissed: this.#toolSteps < minToolSteps }
    }
    this.#settings.emit({
      type: 'harness',
      reason: 'step-limit',
      message: `the investigation used all ${stepLimit} steps without an answer`,
    })
    return { answer: '', stepLimitHit: true, budgetMissed: this.#toolSteps < minToolSteps }
  }

  /** The one repair turn: `message` to the model, its answer back, no tools allowed. */
  async repair(message: string): Promise<string> {
    this.#addHarnessMessage('repair', message)
    const last = await this.#round('repair', 1)
    return last?.text ?? ''
  }

  #addHarnessMessage(reason: 'budget' | 'repair', text: string): void {
    this.#messages.push({ role: 'user', content: text })
    this.transcript.push({ kind: 'harness', reason, text })
    this.#settings.emit({ type: 'harness', reason, message: text })
  }

  /** The tool choice for investigation step `index` (0-based) given the tool steps made before it. */
  #toolChoice(phase: 'investigation' | 'repair', index: number, toolSteps: number): ToolChoice {
    if (phase === 'repair' || index >= this.#settings.stepLimit - 1) return 'none'
    return toolSteps < this.#settings.minToolSteps ? 'required' : 'auto'
  }

  /** One `streamText` call of up to `maxSteps` steps; returns its last step. */
  async #round(phase: 'investigation' | 'repair', maxSteps: number): Promise<TranscriptStep | undefined> {
    const settings = this.#settings
    const stepsBefore = this.#stepsUsed
    const toolStepsBefore = this.#toolSteps
    const choices: ToolChoice[] = []
    const result = streamText({
      model: settings.model,
      instructions: settings.instructions,
      messages: this.#messages,
      tools: settings.tools,
      stopWhen: isStepCount(maxSteps),
      prepareStep: ({ stepNumber, steps }) => {
        const toolSteps = toolStepsBefore + steps.filter((step) => step.toolCalls.length > 0).length
        const choice = this.#toolChoice(phase, stepsBefore + stepNumber, toolSteps)
        choices[stepNumber] = choice
        return { toolChoice: choice }
      },
      maxRetries: settings.maxRetries,
      timeout: { stepMs: settings.stepTimeoutMs },
      onError: () => {
        // Errors arrive as stream parts and are handled below; the default would log to the console.
      },
      ...(settings.temperature === undefined ? {} : { temperature: settings.temperature }),
      ...(settings.maxOutputTokens === undefined ? {} : { maxOutputTokens: settings.maxOutputTokens }),
      ...(settings.signal === undefined ? {} : { abortSignal: settings.signal }),
    })
    let recorder: StepRecorder | undefined
    let stepInRound = 0
    let last: TranscriptStep | undefined
    // An error inside a step that still finishes (a tool call where none was allowed) is the step's;
    // an error outside a step, or one that leaves its step unfinished, ends the run.
    let stepError: unknown
    let fatal: unknown
    for await (const part of result.stream) {
      switch (part.type) {
        case 'start-step':
          recorder = new StepRecorder(this.#nextIndex++, phase, choices[stepInRound] ?? 'auto', settings.emit, {
            hideFindings: this.#findingsShown,
          })
          stepInRound += 1
          break
        case 'finish-step': {
          if (recorder === undefined) break
          last = recorder.finish(part.finishReason, part.usage)
          if (/<findings\b/i.test(last.text)) this.#findingsShown = true
          if (last.text.trim() === '' && last.toolCalls.length === 0 && last.reasoning.trim() === '') {
            settings.breaker?.recordMalformed('the model answered with nothing: no text, no tool call')
          } else settings.breaker?.recordAnswer()
          this.transcript.push(last)
          this.#count(phase, last)
          recorder = undefined
          stepError = undefined
          break
        }
        case 'error':
          if (recorder === undefined) fatal ??= part.error
          else {
            stepError = part.error
            recorder.error(describeError(part.error))
          }
          break
        default:
          recorder?.record(part)
      }
    }
    if (recorder !== undefined) fatal ??= stepError ?? new Error('the answer stream ended in the middle of a step')
    try {
      if (fatal !== undefined) throw fatal
      await result.steps
      this.#messages.push(...(await result.responseMessages))
    } catch (error) {
      if (settings.signal?.aborted === true) throw settings.signal.reason
      settings.meter?.recordFailure(settings.modelName)
      throw new SynthesisError({
        message: `the synthesizer model ${settings.modelName} failed: ${describeError(error)}. Check the model and provider settings, or run with --offline.`,
        cause: error,
        transcript: this.transcript,
      })
    }
    return last
  }

  #count(phase: 'investigation' | 'repair', step: TranscriptStep): void {
    if (phase === 'investigation') {
      this.#stepsUsed += 1
      if (step.toolCalls.length > 0) this.#toolSteps += 1
    }
    this.#usage.requests += 1
    this.#usage.inputTokens += step.inputTokens ?? 0
    this.#usage.outputTokens += step.outputTokens ?? 0
    this.#settings.meter?.record(this.#settings.modelName, {
      inputTokens: step.inputTokens,
      outputTokens: step.outputTokens,
    })
  }
}
