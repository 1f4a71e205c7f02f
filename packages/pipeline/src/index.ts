export {
  type AnalyzeRepositoryOptions,
  type AnalyzeResult,
  analyzeRepository,
} from './analyze-repository.js'
export { type CiData, type CollectCiOptions, type CollectedCi, collectCi } from './collect-ci.js'
export {
  type CollectContextOptions,
  type CollectedContext,
  collectContext,
} from './collect-context.js'
export {
  type CollectedReviews,
  type CollectReviewsOptions,
  collectReviews,
  type ReviewData,
} from './collect-reviews.js'
export { type OpenedKnowledgeBase, openKnowledgeBase } from './open-knowledge-base.js'
export { openModelRegistry, type RunModels } from './open-model-registry.js'
export { type OpenedRepositoryCache, openRepositoryCache } from './open-repository-cache.js'
export {
  type AnalyzeRepositoriesOptions,
  type AnalyzeRepositoriesResult,
  analyzeRepositories,
  defaultCloneDir,
  type RepositoriesEvent,
  type RepositoryOutcome,
} from './organisation/analyze-repositories.js'
export {
  type ClonedRepository,
  type CloneRepositoryOptions,
  cloneRepository,
  cloneUrlOf,
  githubWebOrigin,
} from './organisation/clone-repository.js'
export {
  parseRepositoryList,
  type RepositoryListEntry,
  readRepositoryList,
} from './organisation/repository-list.js'
export {
  eventLine,
  type PipelineEvent,
  type PipelineEventListener,
  type PipelineStage,
} from './pipeline-event.js'
export { readHead } from './read-head.js'
export {
  type KnowledgeHistory,
  type RefreshKnowledgeOptions,
  refreshKnowledgeIndex,
} from './refresh-knowledge-index.js'
export { type RenderRunOptions, renderRun } from './render-run.js'
export { renderTriageMarkdown, type TriageInfo, triageInfo, triagePrompt } from './render-triage.js'
export type { RepositoryOptions, RunControlOptions } from './repository-options.js'
export {
  findRepository,
  type ResolvedRepository,
  repositoryDirectory,
  resolveRepository,
} from './resolve-repository.js'
export { type ReviewThemes, type RunReviewStagesOptions, runReviewStages } from './run-review-stages.js'
export { type RunSynthesisOptions, runSynthesis, type SynthesisStage } from './run-synthesis.js'
export { type BriefSynthesis, synthesizeBrief } from './synthesize-brief.js'
export { parseRunAddress, type RunAddress, type TriageResult, type TriageRunOptions, triageRun } from './triage-run.js'
