export type {
  CiData,
  CiExtractor,
  CreateCiExtractorOptions,
  FetchCiRunsOptions,
  ReadCachedCiDataOptions,
} from './ci/ci-extractor.js'
export { ciStoreKey, createCiExtractor, readCachedCiData } from './ci/ci-extractor.js'
export type { CiStore, CiSyncCounts, CiSyncState, StoredCiJob, StoredCiRun } from './ci/ci-store.js'
export { defaultLogTailLimits, type LogTail, type LogTailLimits, readLogTail } from './ci/log-tail.js'
export { createMemoryCiStore } from './ci/memory-ci-store.js'
export type { RestClient } from './ci/rest-runner.js'
export type { CiSyncOutcome, CiSyncProgress } from './ci/sync-ci-runs.js'
export type { CliBackendOptions } from './git/cli-backend.js'
export { createCliBackend } from './git/cli-backend.js'
export type { ExtractGitHistoryOptions, HistoryPart, HistoryPlan, HistoryProgress } from './git/extract-git-history.js'
export { extractGitHistory, historyWarnings, planGitHistory } from './git/extract-git-history.js'
export { findRepositoryRoot } from './git/find-repository-root.js'
export type {
  CommitSummary,
  CreateGitBackendOptions,
  GitBackend,
  GitBackendCallOptions,
  GitBackendKind,
  ListCommitsOptions,
  RepositoryState,
} from './git/git-backend.js'
export { createGitBackend } from './git/git-backend.js'
export type { IsomorphicBackendOptions } from './git/isomorphic-backend.js'
export { createIsomorphicBackend } from './git/isomorphic-backend.js'
export { countLineChanges } from './git/line-changes.js'
export type { Mailmap } from './git/mailmap.js'
export { parseMailmap } from './git/mailmap.js'
export { type ReadHeadFilesOptions, readHeadFiles } from './git/read-head-files.js'
export { describeRemote, gitHubRepository } from './git/remote.js'
export type {
  CreateGitHubClientOptions,
  GitHubClient,
  GitHubLog,
  GitHubOctokit,
  GitHubWait,
} from './github/create-github-client.js'
export { createGitHubClient, documentedRequestInterval } from './github/create-github-client.js'
export { GitHubAuthError } from './github/errors/github-auth-error.js'
export { GitHubNotFoundError } from './github/errors/github-not-found-error.js'
export { GitHubRateLimitError } from './github/errors/github-rate-limit-error.js'
export { GitHubRemoteError, type GitHubRemoteProblem } from './github/errors/github-remote-error.js'
export { GitHubRequestError } from './github/errors/github-request-error.js'
export { GitHubTokenMissingError } from './github/errors/github-token-missing-error.js'
export type { BotAuthorReason } from './github/filter/bot-authors.js'
export { knownBotLogins } from './github/filter/bot-authors.js'
export { isBotContent } from './github/filter/bot-content.js'
export type {
  FilteredCounts,
  FilteredReviewData,
  FilterReason,
  ReviewFilterOptions,
} from './github/filter/filter-review-data.js'
export { filterReviewData } from './github/filter/filter-review-data.js'
export type { TrivialReason } from './github/filter/trivial-comment.js'
export { trivialReason } from './github/filter/trivial-comment.js'
export type { FollowUpSizes, PageSizes } from './github/graphql/page-sizes.js'
export { choosePageSizes, growPageSizes, nestedFloors, pageCost, shrinkPageSizes } from './github/graphql/page-sizes.js'
export { createMemoryReviewStore } from './github/memory-review-store.js'
export { type RepositoryKeyOptions, repositoryKey } from './github/repository-key.js'
export type { GitHubRepositoryName, ResolveGitHubRepositoryOptions } from './github/resolve-github-repository.js'
export { resolveGitHubRepository } from './github/resolve-github-repository.js'
export type {
  GitHubTokenSource,
  ResolvedGitHubToken,
  ResolveGitHubTokenOptions,
} from './github/resolve-github-token.js'
export { resolveGitHubToken } from './github/resolve-github-token.js'
export type {
  CreateReviewExtractorOptions,
  FetchReviewsOptions,
  ReadCachedReviewDataOptions,
  ReviewData,
  ReviewExtractor,
} from './github/review-extractor.js'
export {
  createReviewExtractor,
  fetchReviewData,
  readCachedReviewData,
  reviewStoreKey,
} from './github/review-extractor.js'
export type {
  ReviewStore,
  ReviewSyncCounts,
  ReviewSyncState,
  StoredPullRequest,
  StoredReviewComment,
} from './github/review-store.js'
export type { GitHubPartialError, RateLimitStatus } from './github/run-graphql.js'
export type { ReviewSyncProgress } from './github/sync-reviews.js'
