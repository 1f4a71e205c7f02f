export {
  buildKnowledgeIndex,
  type KnowledgeReviewSources,
  type KnowledgeSources,
} from './build/build-knowledge-index.js'
export { createKnowledgeBase, type KnowledgeBase, type KnowledgeBaseOptions } from './create-knowledge-base.js'
export { KnowledgeIndexMissingError, KnowledgeInputError } from './knowledge-errors.js'
export type {
  CommentKnowledge,
  KnowledgeIndex,
  KnowledgeMeta,
  PathAuthor,
  PathFix,
  PathKnowledge,
  PathPartner,
  PathRevert,
  PathReviewer,
  PathTheme,
  PersonActivity,
  ThemeKnowledge,
} from './knowledge-model.js'
export { knowledgeFormatVersion } from './knowledge-model.js'
export { type KnowledgeReader, knowledgeReader, storeKnowledgeIndex } from './knowledge-reader.js'
export { knowledgeRows } from './knowledge-rows.js'
export type {
  CommentQuery,
  KnowledgeCommentRow,
  KnowledgeRow,
  KnowledgeRowKind,
  KnowledgeRows,
  KnowledgeStore,
  KnowledgeWriteSummary,
} from './knowledge-store.js'
export type { BriefItem, Provenance } from './queries/brief-item.js'
export type { IndexStatus } from './queries/index-status.js'
export type { FindingList } from './queries/list-findings.js'
export { maxBriefFiles, type PlanningBrief, type PlanningBriefInput } from './queries/planning-brief.js'
export type { RelatedFile, RelatedFiles } from './queries/related-files.js'
export type { GuidanceTheme, RepoGuidance } from './queries/repo-guidance.js'
export type { ReviewCommentResults, ReviewCommentSearch } from './queries/search-review-comments.js'
export { renderGuidance } from './render/render-guidance.js'
export { renderPlanningBrief } from './render/render-planning-brief.js'
export { renderRelatedFiles } from './render/render-related-files.js'
