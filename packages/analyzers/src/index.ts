// Defined in core, where the knowledge index reads it without loading the analyzers.
export { historyReverts, undidHistory } from '@gitlore/core'
export {
  type AnalyzeHistoryOptions,
  analyzeHistory,
  defaultAnalyzeHistoryOptions,
  finishHistory,
} from './analyze-history.js'
export { type AnalyzeReviewsOptions, analyzeReviews } from './analyze-reviews.js'
export { botNames } from './automation.js'
export { buildContext, historyStatsVersion } from './build-context.js'
export { type AnalyzeCiOptions, analyzeCi, guessDefaultBranch } from './ci/analyze-ci.js'
export { CommitIndex } from './ci/commit-range.js'
export type { FailingTest } from './ci/test-output/failing-test.js'
export { parseFailingTests } from './ci/test-output/parse-failing-tests.js'
export { failingTestsOf } from './ci/test-stats.js'
export { buildTriageBrief } from './ci/triage/build-triage-brief.js'
export type { TriageInput } from './ci/triage/triage-input.js'
export { summarizeDurations } from './duration-summary.js'
export { analyzeAuthorship, finishAuthorship } from './finish-authorship.js'
export { classifyGeneratedPaths } from './generated-files.js'
export { githubIdentityLogins, githubLoginIdentities, noreplyLogin } from './github-login-identities.js'
export { HistoryTally, type TallyOptions } from './history-tally.js'
export { historyTallyVersion, loadTally, type StoredTally, storeTally } from './history-tally-json.js'
export { authorIdentity } from './identity.js'
export { commitDates, conventionExamples } from './knowledge-extras.js'
export { mergeReviewPeople, type ReviewedPersonStats, type ReviewedRepositoryContext } from './merge-review-people.js'
export { type ReviewActivity, reviewActivity } from './reviewer-activity.js'
export { computeSilos, type SiloOptions } from './silos.js'
