export type {
  ClassificationStore,
  StoredClassification,
  StoredClassificationEntry,
  StoredClassificationQuery,
} from './classification-store.js'
export type {
  ClassificationFallback,
  ClassificationProgress,
  ClassificationResult,
  ClassificationStats,
  Classifier,
  ClassifyOptions,
} from './classifier.js'
export { type CreateClassifierOptions, classifyComments, createClassifier } from './create-classifier.js'
export { ClassificationInterruptedError } from './errors/classification-interrupted-error.js'
export {
  type CategoryScore,
  type Evaluation,
  evaluateBaseline,
  evaluateClassifications,
  formatEvaluation,
} from './evaluation/evaluate-classifications.js'
export {
  type ClassifierPrompts,
  classifierPrompts,
  defaultClassifierPrompts,
  type LoadClassifierPromptsOptions,
  loadClassifierPrompts,
} from './llm/classifier-prompts.js'
export { createLlmClassifier, type LlmClassifierOptions } from './llm/llm-classifier.js'
export { type ParsedAnswer, type ParsedClassification, parseClassifications } from './llm/parse-classifications.js'
export { createOfflineClassifier, type OfflineClassifierOptions } from './offline/offline-classifier.js'
export { type OfflineRule, offlineRules } from './offline/offline-rules.js'
export { type OfflineScore, scoreComment } from './offline/score-comment.js'
