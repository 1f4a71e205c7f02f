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
  type DegradedStage,
  type FormattedFile,
  type Formatter,
  type FormatterName,
  type ReportInput,
  type ReviewerLoad,
  type ReviewStatistics,
  supportedFormats,
} from './formatter.js'
export { HtmlFormatter, type HtmlFormatterOptions, reportContentSecurityPolicy } from './html/html-formatter.js'
export { type FindingsDocument, findingsDocument } from './json/findings-document.js'
export { JsonFormatter } from './json/json-formatter.js'
export { MarkdownFormatter, type MarkdownFormatterOptions } from './markdown/markdown-formatter.js'
export { type WriteOutputsOptions, type WrittenOutput, writeOutputs } from './write-outputs.js'
export { findingsSchemaPath, XmlFormatter } from './xml/xml-formatter.js'
