export { type AnalyzeHistoryOptions, analyzeHistory, defaultAnalyzeHistoryOptions } from './analyze-history.js'
export { buildContext } from './build-context.js'
export { authorIdentity } from './identity.js'
