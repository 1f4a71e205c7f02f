import type { ClassifiedComment, ReviewComment } from '@gitlore/core'

/** How far a classification has got, for progress lines. */
export interface ClassificationProgress {
  /** Comments to classify. */
  readonly total: number
  /** Comments with a final result so far (classified, from the cache, or failed). */
  readonly done: number
  /** Of `done`, answered from the cache. */
  readonly cached: number
  /** Of `done`, failed. */
  readonly failed: number
  /** Model requests sent so far. */
  readonly requests: number
}

/** Options of one `classify` call. */
export interface ClassifyOptions {
  /** Stops the run: no new requests start, requests in flight are cancelled, finished batches stay cached. */
  readonly signal?: AbortSignal
  /** Called whenever comments get their final result. */
  readonly onProgress?: (progress: ClassificationProgress) => void
}

/** What a run did: every count a report needs, failures included. */
export interface ClassificationStats {
  /** Comments given. */
  readonly total: number
  /** Comments with categories (including those from the cache). */
  readonly classified: number
  /** Comments answered from the cache, without a request. */
  readonly cached: number
  /** Comments that could not be classified; each carries its reason. */
  readonly failed: number
  /** Model requests sent (each may include the provider's own retries). */
  readonly requests: number
  /**
   * Set when the model's provider was cut off during the run (refused key, unknown model, down, kept
   * failing): the comments it had not classified went to the fallback classifier instead.
   */
  readonly fallback?: ClassificationFallback
}

/** The comments a fallback classifier took over, and why. */
export interface ClassificationFallback {
  /** The fallback's id, e.g. `offline`. */
  readonly classifier: string
  /** Comments it classified. */
  readonly comments: number
  /** Why the model stopped being asked. */
  readonly reason: string
}

/** The result of classifying: one `ClassifiedComment` per input comment, in input order, and the counts. */
export interface ClassificationResult {
  readonly comments: readonly ClassifiedComment[]
  readonly stats: ClassificationStats
}

/**
 * Gives review comments their categories. Implementations (LLM, offline heuristics) pass one contract
 * suite: every comment comes back exactly once, in order, either classified or failed with a reason.
 */
export interface Classifier {
  /** `offline`, or the model's `provider/model` name; stored in `ClassifiedComment.classifier`. */
  readonly id: string
  /** Classifies `comments`; rejects with `ClassificationInterruptedError` when `signal` aborts. */
  classify(comments: readonly ReviewComment[], options?: ClassifyOptions): Promise<ClassificationResult>
}
