import type { TextStreamPart, ToolSet } from 'ai'
import type { AgentEvent } from './agent-event.js'
import type { TranscriptStep, TranscriptToolCall } from './agent-run.js'
import { summarizeToolCall } from './summarize-tool-call.js'
import { errorPrefix } from './tools/tool-context.js'

interface PendingCall {
  readonly toolCallId: string
  readonly tool: string
  readonly input: unknown
  readonly summary: string
  resultChars: number
  truncated: boolean
  error?: string
}

const findingsOpening = /<findings\b/i
/** Long enough to hold back a `<findings` cut between two deltas. */
const holdBack = '<findings'.length

/**
 * Builds one transcript step from the stream parts of a step, emitting events as they arrive. With
 * `hideFindings` (a `<findings>` answer was streamed before), text is streamed only up to a
 * `<findings` opening; what follows is one `text-held` event at the end of the step.
 */
export class StepRecorder {
  readonly #index: number
  readonly #phase: TranscriptStep['phase']
  readonly #toolChoice: TranscriptStep['toolChoice']
  readonly #emit: (event: AgentEvent) => void
  readonly #calls = new Map<string, PendingCall>()
  #reasoning = ''
  #text = ''
  /** Characters of `#text` sent as `text-delta` events. */
  #streamed = 0
  readonly #hideFindings: boolean
  #error: string | undefined

  constructor(
    index: number,
    phase: TranscriptStep['phase'],
    toolChoice: TranscriptStep['toolChoice'],
    emit: (event: AgentEvent) => void,
    options: { readonly hideFindings?: boolean } = {},
  ) {
    this.#index = index
    this.#phase = phase
    this.#toolChoice = toolChoice
    this.#emit = emit
    this.#hideFindings = options.hideFindings === true
    emit({ type: 'step-start', step: index, phase, toolChoice })
  }

  /** Sends the text not streamed yet, up to `<findings` when that is hidden (holding back a tag's possible start). */
  #streamText(final: boolean): void {
    let end = this.#text.length
    if (this.#hideFindings) {
      const opening = this.#text.search(findingsOpening)
      end = opening !== -1 ? opening : final ? end : Math.max(this.#streamed, end - holdBack)
    }
    if (end <= this.#streamed) return
    this.#emit({ type: 'text-delta', step: this.#index, text: this.#text.slice(this.#streamed, end) })
    this.#streamed = end
  }

  /** Takes one stream part of the step. */
  record(part: TextStreamPart<ToolSet>): void {
    const step = this.#index
    switch (part.type) {
      case 'reasoning-delta':
        this.#reasoning += part.text
        this.#emit({ type: 'reasoning-delta', step, text: part.text })
        return
      case 'text-delta':
        this.#text += part.text
        this.#streamText(false)
        return
      case 'tool-call': {
        const summary = summarizeToolCall(part.toolName, part.input)
        this.#calls.set(part.toolCallId, {
          toolCallId: part.toolCallId,
          tool: part.toolName,
          input: part.input,
          summary,
          resultChars: 0,
          truncated: false,
        })
        this.#emit({ type: 'tool-call', step, toolCallId: part.toolCallId, tool: part.toolName, summary })
        return
      }
      case 'tool-result': {
        const output = typeof part.output === 'string' ? part.output : (JSON.stringify(part.output) ?? '')
        this.#settle(
          part.toolCallId,
          output,
          output.startsWith(errorPrefix) ? output.slice(errorPrefix.length) : undefined,
        )
        return
      }
      case 'tool-error': {
        const message = part.error instanceof Error ? part.error.message : String(part.error)
        this.#settle(part.toolCallId, message, message)
        return
      }
      default:
        return
    }
  }

  /** Notes an error the step ended with. */
  error(message: string): void {
    this.#error = message
  }

  #settle(toolCallId: string, output: string, error: string | undefined): void {
    const call = this.#calls.get(toolCallId)
    if (call === undefined) return
    call.resultChars = output.length
    call.truncated = output.includes('[truncated:') || output.includes('… [+')
    if (error !== undefined) call.error = error
    this.#emit({
      type: 'tool-result',
      step: this.#index,
      toolCallId,
      tool: call.tool,
      summary: call.summary,
      resultChars: call.resultChars,
      truncated: call.truncated,
      ...(error === undefined ? {} : { error }),
    })
  }

  /** The finished step, for the transcript. */
  finish(
    finishReason: string,
    usage: { inputTokens: number | undefined; outputTokens: number | undefined },
  ): TranscriptStep {
    this.#streamText(true)
    if (this.#streamed < this.#text.length) {
      this.#emit({ type: 'text-held', step: this.#index, chars: this.#text.length - this.#streamed })
    }
    this.#emit({
      type: 'step-end',
      step: this.#index,
      finishReason,
      inputTokens: usage.inputTokens,
      outputTokens: usage.outputTokens,
    })
    const toolCalls: TranscriptToolCall[] = [...this.#calls.values()].map(({ error, ...call }) =>
      error === undefined ? call : { ...call, error },
    )
    return {
      kind: 'step',
      index: this.#index,
      phase: this.#phase,
      toolChoice: this.#toolChoice,
      reasoning: this.#reasoning,
      text: this.#text,
      toolCalls,
      finishReason,
      ...(this.#error === undefined ? {} : { error: this.#error }),
      inputTokens: usage.inputTokens,
      outputTokens: usage.outputTokens,
    }
  }
}
