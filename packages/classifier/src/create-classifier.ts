import type { ReviewComment } from '@gitlore/core'
import type { ClassificationResult, Classifier, ClassifyOptions } from './classifier.js'
import { createLlmClassifier, type LlmClassifierOptions } from './llm/llm-classifier.js'
import { createOfflineClassifier, type OfflineClassifierOptions } from './offline/offline-classifier.js'

/** Which classifier to build: a language model (`kind: 'llm'`) or the offline heuristics. */
export type CreateClassifierOptions =
  | ({ readonly kind: 'llm' } & LlmClassifierOptions)
  | ({ readonly kind: 'offline' } & OfflineClassifierOptions)

/** Builds a classifier; both kinds honour the same `Classifier` contract. */
export function createClassifier(options: CreateClassifierOptions): Classifier {
  if (options.kind === 'llm') {
    const { kind: _kind, ...llm } = options
    return createLlmClassifier(llm)
  }
  const { kind: _kind, ...offline } = options
  return createOfflineClassifier(offline)
}

/** Builds a classifier and classifies `comments` with it in one call. */
export function classifyComments(
  comments: readonly ReviewComment[],
  options: CreateClassifierOptions & ClassifyOptions,
): Promise<ClassificationResult> {
  const { signal, onProgress, ...classifierOptions } = options
  return createClassifier(classifierOptions as CreateClassifierOptions).classify(comments, {
    ...(signal === undefined ? {} : { signal }),
    ...(onProgress === undefined ? {} : { onProgress }),
  })
}
