export { createFormatter, type FormatterOptions, isSupportedFormat } from './create-formatter.js'
export { OutputWriteError } from './errors/output-write-error.js'
export {
  type DegradedStage,
  type FormattedFile,
  type Formatter,
  type FormatterName,
  type ReportInput,
  supportedFormats,
} from './formatter.js'
export { MarkdownFormatter, type MarkdownFormatterOptions } from './markdown/markdown-formatter.js'
export { type WriteOutputsOptions, type WrittenOutput, writeOutputs } from './write-outputs.js'
