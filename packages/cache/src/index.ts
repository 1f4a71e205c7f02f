export type {
  CachedClassification,
  ClassificationEntry,
  ClassificationQuery,
} from './classifications/cached-classification.js'
export {
  type CreateCacheOptions,
  createCache,
  type DialectCacheOptions,
  type FileCacheOptions,
} from './create-cache.js'
export type { EmbeddingEntry, EmbeddingQuery } from './embeddings/embeddings.js'
export type { CacheStats, GitloreCache } from './gitlore-cache.js'
export type {
  CachedPullRequest,
  CachedReviewComment,
  ReviewSyncCounts,
  ReviewSyncState,
} from './reviews/review-records.js'
