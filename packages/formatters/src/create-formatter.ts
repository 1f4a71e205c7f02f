import type { OutputFormat } from '@gitlore/core'
import { UsageError } from '@gitlore/core'
import type { Formatter, FormatterName } from './formatter.js'
import { supportedFormats } from './formatter.js'
import type { MarkdownFormatterOptions } from './markdown/markdown-formatter.js'
import { MarkdownFormatter } from './markdown/markdown-formatter.js'

/** Options of each formatter, by format name. */
export interface FormatterOptions {
  /** Options of the markdown report. */
  readonly report?: MarkdownFormatterOptions
}

/** True when this package can render the format. */
export function isSupportedFormat(format: string): format is FormatterName {
  return (supportedFormats as readonly string[]).includes(format)
}

/**
 * Builds the formatter of an output format: `createFormatter('report')`. A format gitlore
 * knows but this package does not render yet is a usage error naming the ones it does.
 */
export function createFormatter(format: OutputFormat, options: FormatterOptions = {}): Formatter {
  if (!isSupportedFormat(format)) {
    throw new UsageError(`output format "${format}" is not available yet; available: ${supportedFormats.join(', ')}`)
  }
  switch (format) {
    case 'report':
      return new MarkdownFormatter(options.report)
  }
}
