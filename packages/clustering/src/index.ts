export { isAcknowledgement } from './acknowledgement.js'
export {
  type ClusterCommentsOptions,
  type ClusteringProgress,
  type ClusteringResult,
  type ClusteringStats,
  type ClusterLabeler,
  type ClusterLabelRequest,
  clusterComments,
} from './cluster-comments.js'
export { commentText } from './comment-text.js'
export { createEmbedder, type EmbedderOptions } from './create-embedder.js'
export { concernLabel } from './describe/concern-label.js'
export type { EmbeddedTexts, EmbeddingProgress, EmbedTextsOptions } from './embed-texts.js'
export { embedTexts } from './embed-texts.js'
export type { EmbeddedBatch, Embedder, EmbedOptions } from './embedder.js'
export type { EmbeddingEntry, EmbeddingQuery, EmbeddingStore } from './embedding-store.js'
export { EmbeddingError } from './errors/embedding-error.js'
export { checkLabel, type LabelCheck, type LabelRejection } from './label/check-label.js'
export { createModelLabeler, type ModelLabelerOptions } from './label/model-labeler.js'
export {
  createMemoryThemeLabelStore,
  type MemoryThemeLabelStore,
  type ThemeLabelStore,
} from './label/theme-label-store.js'
export { createMemoryEmbeddingStore, type MemoryEmbeddingStore } from './memory-embedding-store.js'
export type { AnswerReporter, ModelEmbedderOptions } from './model/model-embedder.js'
export type { ClassifiedOnly } from './notable-comments.js'
export type { OfflineEmbedderOptions } from './offline/offline-embedder.js'
export { adjustedRandIndex } from './quality/adjusted-rand-index.js'
