import type { ReviewIndex } from '../../review/review-index.js'
import type { RepositorySandbox } from './repository-sandbox.js'
import { ToolInputError } from './tool-input-error.js'

/** The size limits of the read-only tools. */
export interface ToolLimits {
  /** Characters of one tool result the model sees; longer results are cut with a visible marker. */
  readonly maxResultChars: number
  /** Lines `read_file` returns when no range is asked for. */
  readonly defaultReadLines: number
  /** Characters of one line in `read_file`, `grep` and `blame` results. */
  readonly maxLineChars: number
  /** Lines `blame` covers in one call. */
  readonly maxBlameLines: number
  /** Milliseconds one git command may run. */
  readonly gitTimeoutMs: number
}

/** Defaults: a result of about 4,000 tokens, enough to read a module or a commit without flooding the context. */
export const defaultToolLimits: ToolLimits = {
  maxResultChars: 16_000,
  defaultReadLines: 250,
  maxLineChars: 400,
  maxBlameLines: 200,
  gitTimeoutMs: 20_000,
}

/** What every tool works on. */
export interface ToolContext {
  readonly sandbox: RepositorySandbox
  readonly reviews: ReviewIndex
  readonly limits: ToolLimits
  readonly signal: AbortSignal | undefined
}

/** Bytes of git output worth reading for a result of `maxResultChars`. */
export function gitByteLimit(limits: ToolLimits): number {
  return limits.maxResultChars * 4
}

/** Marks tool results that are refusals or failures (the transcript counts them). */
export const errorPrefix = 'error: '

/**
 * Runs a tool body: a refusal or failure becomes a one-line answer the model can act on, not a
 * thrown error that would end the step; an abort still propagates.
 */
export async function answer(context: ToolContext, body: () => Promise<string>): Promise<string> {
  try {
    return await body()
  } catch (error) {
    if (context.signal?.aborted === true) throw error
    if (error instanceof ToolInputError) return `${errorPrefix}${error.message}`
    return `${errorPrefix}${error instanceof Error ? error.message : String(error)}`
  }
}
