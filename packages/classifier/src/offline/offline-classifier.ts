import type { ClassifiedComment } from '@gitlore/core'
import type { Classifier } from '../classifier.js'
import { ClassificationInterruptedError } from '../errors/classification-interrupted-error.js'
import { type OfflineRule, offlineRules } from './offline-rules.js'
import { scoreComment } from './score-comment.js'

/** Options of the offline heuristic classifier. */
export interface OfflineClassifierOptions {
  /** The rules to score comments with; default `offlineRules`. */
  readonly rules?: readonly OfflineRule[]
  /** Most categories given to one comment; default 3. */
  readonly maxCategories?: number
}

/**
 * A classifier that needs no network: transparent rules over the comment text (vocabulary per category,
 * code references, question marks, suggestion blocks, praise phrases) and its file path, with a
 * confidence that grows with the agreeing signals. Deterministic; never fails a comment.
 */
export function createOfflineClassifier(options: OfflineClassifierOptions = {}): Classifier {
  const rules = options.rules ?? offlineRules
  const maxCategories = options.maxCategories ?? 3
  return {
    id: 'offline',
    async classify(comments, classifyOptions = {}) {
      const { signal, onProgress } = classifyOptions
      if (signal?.aborted === true) {
        throw new ClassificationInterruptedError({ finished: [], total: comments.length, cause: signal.reason })
      }
      const results = comments.map((comment): ClassifiedComment => {
        const { categories, confidence } = scoreComment(comment, rules, maxCategories)
        return { status: 'classified', comment, categories, confidence, classifier: 'offline' }
      })
      onProgress?.({ total: comments.length, done: comments.length, cached: 0, failed: 0, requests: 0 })
      return {
        comments: results,
        stats: { total: comments.length, classified: comments.length, cached: 0, failed: 0, requests: 0 },
      }
    },
  }
}
