export {
  type AssistantFileFormat,
  AssistantFileFormatter,
  assistantFiles,
} from './assistant/assistant-file-formatter.js'
export { CursorRulesFormatter } from './assistant/cursor-rules-formatter.js'
export { blockBegin, blockEnd, mergeManagedBlock } from './assistant/managed-block.js'
export { createFormatter, type FormatterOptions, isSupportedFormat } from './create-formatter.js'
export { ManagedBlockError } from './errors/managed-block-error.js'
export { OutputWriteError } from './errors/output-write-error.js'
export {
  type AreaReviewer,
  type DegradedStage,
  type FormattedFile,
  type Formatter,
  type FormatterName,
  type QuotableComment,
  type QuotedComment,
  type ReportInput,
  type ReviewArea,
  type ReviewerLoad,
  type ReviewStatistics,
  supportedFormats,
} from './formatter.js'
export { HtmlFormatter, type HtmlFormatterOptions, reportContentSecurityPolicy } from './html/html-formatter.js'
export { type CiSummary, ciSummary } from './json/ci-summary.js'
export {
  type FindingsDocument,
  findingsDocument,
  type ReviewsSummary,
  type ReviewThemeEntry,
  reviewsSummary,
  type ThemeQuote,
} from './json/findings-document.js'
export { JsonFormatter } from './json/json-formatter.js'
export { MarkdownFormatter, type MarkdownFormatterOptions } from './markdown/markdown-formatter.js'
export { organisationHtml } from './organisation/organisation-html.js'
export { organisationMarkdown } from './organisation/organisation-markdown.js'
export {
  type OrganisationRepository,
  type OrganisationRepositorySummary,
  type OrganisationReviewer,
  type OrganisationRollUp,
  type RecurringTheme,
  type RollUpOptions,
  rollUpOrganisation,
} from './organisation/organisation-roll-up.js'
export {
  organisationReportFiles,
  type WrittenOrganisationReport,
  writeOrganisationReport,
} from './organisation/write-organisation-report.js'
export { quotedComments, reviewAreas } from './shared/review-themes.js'
export { checkOutputTargets, type WriteOutputsOptions, type WrittenOutput, writeOutputs } from './write-outputs.js'
export { findingsSchemaPath, XmlFormatter } from './xml/xml-formatter.js'
