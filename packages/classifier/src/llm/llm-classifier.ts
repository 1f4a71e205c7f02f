import type { CircuitBreaker, UsageMeter } from '@gitlore/llm'
import type { LanguageModel } from 'ai'
import type { ClassificationStore } from '../classification-store.js'
import type { Classifier } from '../classifier.js'
import { createOfflineClassifier } from '../offline/offline-classifier.js'
import { type ClassifierPrompts, loadClassifierPrompts } from './classifier-prompts.js'
import { runLlmClassification } from './run-llm-classification.js'

/** Options of the LLM classifier. */
export interface LlmClassifierOptions {
  /** The ai SDK chat model, e.g. `createModelRegistry(...).languageModel(name).model`. */
  readonly model: Exclude<LanguageModel, string>
  /** The model's `provider/model` name: the classifier id, part of the cache key and the usage report. */
  readonly modelName: string
  /** Prompt texts; default: the prompts this package ships (`defaultClassifierPrompts()`). */
  readonly prompts?: ClassifierPrompts
  /** Where valid answers are kept (the cache); without it every run asks the model again. */
  readonly store?: ClassificationStore
  /** Accumulates token usage and cost; shared with the other LLM stages of the run. */
  readonly meter?: UsageMeter
  /** The provider's circuit breaker (`ResolvedModel.breaker`): told of unusable answers, asked before each request. */
  readonly breaker?: CircuitBreaker
  /**
   * Classifies what the model has not once its provider is cut off (refused key, unknown model, down,
   * kept failing); default the offline classifier. `null`: those comments are marked failed instead.
   */
  readonly fallback?: Classifier | null
  /** Comments per request; default 25. 1 sends one request per comment. */
  readonly batchSize?: number
  /** Requests in flight at once (`[models] concurrency`); default 8. */
  readonly concurrency?: number
  /**
   * Extra requests for a comment without a valid answer; default 2. A batch answered in part asks
   * about each comment it missed on its own; a batch not answered at all (its request failed) is
   * asked again as a batch, after `retryPauseMs`.
   */
  readonly singleRetries?: number
  /** Milliseconds before a batch whose request failed is asked again; default 1000. */
  readonly retryPauseMs?: number
  /** The provider's retries of one request on 429, 5xx and network errors, honouring retry-after; default 2. */
  readonly maxRetries?: number
  /** Milliseconds one request may take, its retries included; default 120000. */
  readonly timeoutMs?: number
  /** Longer comment bodies are cut to this many characters in the prompt; default 2000. */
  readonly maxCommentChars?: number
  /** Sampling temperature; default: the provider's (some reasoning models accept no other). */
  readonly temperature?: number
  /** Output token limit per request; default: the provider's. */
  readonly maxOutputTokens?: number
}

/** The resolved settings a run uses. */
export interface LlmClassifierSettings {
  readonly batchSize: number
  readonly concurrency: number
  readonly singleRetries: number
  readonly retryPauseMs: number
  readonly maxRetries: number
  readonly timeoutMs: number
  readonly maxCommentChars: number
}

const positive = (value: number | undefined, fallback: number, name: string): number => {
  const result = value ?? fallback
  if (!Number.isInteger(result) || result < 1) throw new RangeError(`${name} must be a positive integer, got ${result}`)
  return result
}

/**
 * A classifier that asks a language model about batches of comments (short ids in, ids out, XML answer),
 * parses the answer tolerantly, retries unanswered comments singly, and marks a comment failed with its
 * reason when no request gave a valid answer. Valid answers are stored as each batch completes. Once the
 * provider is cut off, no request goes out and the comments not yet classified go to the fallback.
 */
export function createLlmClassifier(options: LlmClassifierOptions): Classifier {
  const settings: LlmClassifierSettings = {
    batchSize: positive(options.batchSize, 25, 'batchSize'),
    concurrency: positive(options.concurrency, 8, 'concurrency'),
    singleRetries: Math.max(0, options.singleRetries ?? 2),
    retryPauseMs: Math.max(0, options.retryPauseMs ?? 1000),
    maxRetries: Math.max(0, options.maxRetries ?? 2),
    timeoutMs: positive(options.timeoutMs, 120_000, 'timeoutMs'),
    maxCommentChars: positive(options.maxCommentChars, 2000, 'maxCommentChars'),
  }
  let prompts: Promise<ClassifierPrompts> | undefined
  const fallback = options.fallback === undefined ? createOfflineClassifier() : options.fallback
  return {
    id: options.modelName,
    async classify(comments, classifyOptions = {}) {
      prompts ??= options.prompts === undefined ? loadClassifierPrompts() : Promise.resolve(options.prompts)
      return runLlmClassification(comments, {
        ...options,
        ...classifyOptions,
        settings,
        fallback,
        prompts: await prompts,
      })
    },
  }
}
