import { findProviderUnavailable, redactKeys, type UsageMeter } from '@gitlore/llm'
import { APICallError, generateText, type LanguageModel, RetryError } from 'ai'

// A function, not a property check, so TypeScript does not keep the value it narrowed before an await.
const isAborted = (signal: AbortSignal | undefined): boolean => signal?.aborted === true

/** What one request to the model came to. */
export type CallOutcome =
  | { readonly kind: 'answer'; readonly text: string; readonly finishReason: string }
  /** `fatal`: no later request can succeed (refused key, unknown model), so the run stops asking. */
  | { readonly kind: 'failure'; readonly reason: string; readonly fatal: boolean }
  | { readonly kind: 'interrupted' }

/** One request: the model, its prompt, and the request settings. */
export interface ModelCall {
  readonly model: Exclude<LanguageModel, string>
  readonly modelName: string
  readonly system: string
  readonly prompt: string
  readonly maxRetries: number
  readonly timeoutMs: number
  readonly temperature: number | undefined
  readonly maxOutputTokens: number | undefined
  readonly signal: AbortSignal | undefined
  readonly meter: UsageMeter | undefined
}

/** A provider's words, short, with any echoed part of a key taken out. */
const shorten = (text: string): string => redactKeys(text.length > 200 ? `${text.slice(0, 200)}…` : text)

function describeFailure(error: unknown, timeoutMs: number): { reason: string; fatal: boolean } {
  const cutOff = findProviderUnavailable(error)
  if (cutOff !== undefined) return { reason: cutOff.message, fatal: true }
  const last = RetryError.isInstance(error) ? error.lastError : error
  const attempts = RetryError.isInstance(error) ? ` (after ${error.errors.length} attempts)` : ''
  if (APICallError.isInstance(last)) {
    const status = last.statusCode
    if (status === 401 || status === 403) {
      return { reason: `the provider refused the API key (HTTP ${status}): ${shorten(last.message)}`, fatal: true }
    }
    if (status === 404) {
      return { reason: `the provider does not know this model (HTTP 404): ${shorten(last.message)}`, fatal: true }
    }
    const code = status === undefined ? '' : `HTTP ${status}: `
    return { reason: `request failed${attempts}: ${code}${shorten(last.message)}`, fatal: false }
  }
  if (last instanceof Error && (last.name === 'TimeoutError' || last.name === 'AbortError')) {
    return { reason: `no answer within ${timeoutMs} ms`, fatal: false }
  }
  return {
    reason: `request failed${attempts}: ${shorten(last instanceof Error ? last.message : String(last))}`,
    fatal: false,
  }
}

/** Sends one request (with the provider's retries), meters its tokens, and never throws. */
export async function callModel(call: ModelCall): Promise<CallOutcome> {
  if (isAborted(call.signal)) return { kind: 'interrupted' }
  try {
    const result = await generateText({
      model: call.model,
      instructions: call.system,
      prompt: call.prompt,
      maxRetries: call.maxRetries,
      timeout: call.timeoutMs,
      ...(call.temperature === undefined ? {} : { temperature: call.temperature }),
      ...(call.maxOutputTokens === undefined ? {} : { maxOutputTokens: call.maxOutputTokens }),
      ...(call.signal === undefined ? {} : { abortSignal: call.signal }),
    })
    call.meter?.record(call.modelName, result.usage)
    return { kind: 'answer', text: result.text, finishReason: result.finishReason }
  } catch (error) {
    if (isAborted(call.signal)) return { kind: 'interrupted' }
    call.meter?.recordFailure(call.modelName)
    return { kind: 'failure', ...describeFailure(error, call.timeoutMs) }
  }
}
