export { type AnalyzeHistoryOptions, analyzeHistory, defaultAnalyzeHistoryOptions } from './analyze-history.js'
export { buildContext, historyStatsVersion } from './build-context.js'
export { authorIdentity } from './identity.js'
