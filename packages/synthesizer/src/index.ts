export type { AgentEvent, AgentEventListener } from './agent/agent-event.js'
export type {
  AgentRun,
  AgentUsage,
  DroppedCitations,
  DroppedFindings,
  TranscriptEntry,
  TranscriptHarnessMessage,
  TranscriptStep,
  TranscriptToolCall,
} from './agent/agent-run.js'
export { AgentSynthesizer, type AgentSynthesizerOptions } from './agent/agent-synthesizer.js'
export { type FindingCandidate, type ParsedAnswer, parseFindings } from './agent/parse-findings.js'
export {
  defaultSynthesisPrompts,
  type LoadSynthesisPromptsOptions,
  loadSynthesisPrompts,
  type SynthesisPrompts,
  synthesisPrompts,
} from './agent/synthesis-prompts.js'
export {
  createRepositoryTools,
  type RepositoryToolName,
  type RepositoryTools,
  type RepositoryToolsOptions,
} from './agent/tools/create-repository-tools.js'
export { RepositorySandbox, type ResolvedPath } from './agent/tools/repository-sandbox.js'
export { defaultToolLimits, type ToolLimits } from './agent/tools/tool-context.js'
export {
  type AnalysisXml,
  type AnalysisXmlOptions,
  buildAnalysisXml,
  defaultAnalysisBudgetChars,
} from './analysis/build-analysis-xml.js'
export {
  type AgentSynthesizerSettings,
  createSynthesizer,
  type OfflineSynthesizerSettings,
  type SynthesizerOptions,
} from './create-synthesizer.js'
export { SynthesisError } from './errors/synthesis-error.js'
export { OfflineSynthesizer, type OfflineSynthesizerOptions } from './offline/offline-synthesizer.js'
export { defaultOfflineThresholds, type OfflineThresholds } from './offline/offline-thresholds.js'
export { compareFindings, sortFindings } from './sort-findings.js'
export type { SynthesisInput, SynthesisResult, Synthesizer, SynthesizerKind } from './synthesizer.js'
