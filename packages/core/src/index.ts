export { apiKeyVariableProblem, type VariableRole, variableNameProblem } from './config/api-key-variable.js'
export type { ConfigInput, GitloreConfig, OutputFormat } from './config/config-schema.js'
export { configSchema, outputFormats } from './config/config-schema.js'
export { configTemplate } from './config/config-template.js'
export { type LoadSecretsOptions, loadSecrets, readDotenv } from './config/dotenv.js'
export {
  configFileName,
  configFromEnv,
  type LoadConfigOptions,
  type LoadedConfig,
  loadConfig,
  parseConfig,
  resolveFromRepository,
} from './config/load-config.js'
export { type RepositoryConfigFile, readRepositoryConfigFile } from './config/repository-config-file.js'
export { type ResolveWindowOptions, resolveWindow } from './config/time-window.js'
export {
  isTrusted,
  readTrustEntries,
  revokeRepositoryTrust,
  type TrustEntry,
  trustRepositoryConfig,
  trustStorePath,
} from './config/trust-store.js'
export { userConfigDirectory } from './config/user-config.js'
export { tomlKeyName, userOnlyKeys, withoutUserOnlyKeys } from './config/user-only-keys.js'
export { contextSchemaPath, validateContext } from './context/validate-context.js'
export { CacheError } from './errors/cache-error.js'
export { ConfigError } from './errors/config-error.js'
export { FileWriteError } from './errors/file-write-error.js'
export { GitCommandError } from './errors/git-command-error.js'
export { type ErrorKind, GitloreError, type GitloreErrorOptions } from './errors/gitlore-error.js'
export { NotAGitRepositoryError } from './errors/not-a-git-repository-error.js'
export { PathNotFoundError } from './errors/path-not-found-error.js'
export { SchemaValidationError } from './errors/schema-validation-error.js'
export { UnsafePathError } from './errors/unsafe-path-error.js'
export { UsageError } from './errors/usage-error.js'
export { checkWritablePath } from './fs/confined-path.js'
export { type ReadBoundedFileOptions, readBoundedFile } from './fs/read-bounded-file.js'
export { appendConfinedFile, type ConfinedWriteOptions, writeConfinedFile } from './fs/write-confined-file.js'
export { locateWriteRoot, type WriteRoot } from './fs/write-root.js'
export type { AuthorCommits, PathAuthorship } from './model/authorship.js'
export type {
  CiAnnotation,
  CiAttempt,
  CiConclusion,
  CiJob,
  CiLog,
  CiLogStatus,
  CiRun,
  CiStep,
} from './model/ci.js'
export type {
  CiJobStats,
  CiListTotals,
  CiRedCommit,
  CiStats,
  CiTestStats,
  CiWorkflowStats,
  TestRunner,
} from './model/ci-stats.js'
export type { Commit, FileChange, FileStatus, Person } from './model/commit.js'
export { isMerge } from './model/commit.js'
export type { CommitStore, CommitSummary, ListingStore, RawCommit, ResultStore } from './model/commit-store.js'
export type {
  AnalysisSettings,
  Automation,
  AutomationIdentity,
  CommitCounts,
  ContextSources,
  Conventions,
  CouplingPair,
  DataSource,
  FixAfter,
  FixExample,
  GeneratedReason,
  GeneratedSummary,
  HistoryStats,
  Hotspot,
  Hub,
  HubPartner,
  IdentityAlias,
  IdentityMerge,
  KnowledgeLoss,
  KnowledgeLossAuthor,
  KnowledgeLossPath,
  ListTotals,
  Ownership,
  PathFacts,
  PersonStats,
  RepositoryContext,
  Revert,
} from './model/context.js'
export type { ConventionExamples } from './model/convention-examples.js'
export type { Evidence, EvidenceSource, Finding, FindingCategory, Severity } from './model/finding.js'
export { findingCategories, severities } from './model/finding.js'
export type { FileSample, HeadFiles } from './model/head-files.js'
export type { GitHistory, RepositoryInfo, TimeWindow } from './model/history.js'
export { knownBotLogins } from './model/known-bots.js'
export type {
  ClassifiedComment,
  CommentCategory,
  PullRequest,
  PullRequestReview,
  ReviewCluster,
  ReviewComment,
  ReviewCommentKind,
  ReviewReply,
  ReviewState,
} from './model/review.js'
export { commentCategories } from './model/review.js'
export type {
  DiscussedPath,
  DurationSummary,
  ReviewerLoad,
  ReviewLoad,
  ReviewPair,
  ReviewStats,
  Silo,
} from './model/review-stats.js'
export type {
  DroppedWork,
  ModelUsageRecord,
  RunRecord,
  RunStatus,
  RunStore,
  RunSummary,
  StageStatus,
} from './model/run-record.js'
export { degradesRun, describeShare, itemStatus, partialShareLimit } from './model/run-record.js'
export type {
  TriageBrief,
  TriageCommit,
  TriageContact,
  TriageEvidence,
  TriageFix,
  TriageJob,
  TriageVerdict,
} from './model/triage.js'
export { historyReverts, undidHistory } from './model/undid-history.js'
export { assistantDirective } from './text/assistant-directive.js'
export { count } from './text/count-noun.js'
export { assistantQuote, quoteExcerpt } from './text/quote-text.js'
export { type VisibleTextOptions, visibleText } from './text/visible-text.js'
export { ancestorDirectories } from './util/ancestor-directories.js'
export { sha256, stableHash, stableStringify } from './util/hash.js'
export { stripCredentials } from './util/redact.js'
export { writeFileAtomic } from './util/write-file-atomic.js'
