export type { CliBackendOptions } from './git/cli-backend.js'
export { createCliBackend } from './git/cli-backend.js'
export type { ExtractGitHistoryOptions, HistoryPlan, HistoryProgress } from './git/extract-git-history.js'
export { extractGitHistory, planGitHistory } from './git/extract-git-history.js'
export { findRepositoryRoot } from './git/find-repository-root.js'
export type {
  CommitSummary,
  CreateGitBackendOptions,
  GitBackend,
  GitBackendCallOptions,
  GitBackendKind,
  RepositoryState,
} from './git/git-backend.js'
export { createGitBackend } from './git/git-backend.js'
export type { IsomorphicBackendOptions } from './git/isomorphic-backend.js'
export { createIsomorphicBackend } from './git/isomorphic-backend.js'
export { countLineChanges } from './git/line-changes.js'
export type { Mailmap } from './git/mailmap.js'
export { parseMailmap } from './git/mailmap.js'
export { describeRemote, gitHubRepository } from './git/remote.js'
