export { type CacheOptionsFromConfigInput, cacheOptionsFromConfig } from './cache-options-from-config.js'
export type { CachedCiJob, CachedCiRun, CiSyncCounts, CiSyncState } from './ci/ci-records.js'
export type {
  CachedClassification,
  ClassificationEntry,
  ClassificationQuery,
} from './classifications/cached-classification.js'
export type { ClearOptions } from './clear-cache.js'
export {
  type CreateCacheOptions,
  createCache,
  type DialectCacheOptions,
  type FileCacheOptions,
  type PostgresCacheOptions,
} from './create-cache.js'
export type { EmbeddingEntry, EmbeddingQuery } from './embeddings/embeddings.js'
export type { CacheStats, GitloreCache } from './gitlore-cache.js'
export type {
  KnowledgeCommentIndexRow,
  KnowledgeCommentSearch,
  KnowledgeIndexRow,
} from './knowledge/knowledge-rows.js'
export { describePostgresUrl } from './postgres/postgres-url.js'
export type {
  CachedPullRequest,
  CachedReviewComment,
  ReviewSyncCounts,
  ReviewSyncState,
} from './reviews/review-records.js'
