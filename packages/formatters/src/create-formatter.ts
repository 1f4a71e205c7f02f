import type { OutputFormat } from '@gitlore/core'
import { UsageError } from '@gitlore/core'
import { AssistantFileFormatter } from './assistant/assistant-file-formatter.js'
import { CursorRulesFormatter } from './assistant/cursor-rules-formatter.js'
import type { Formatter, FormatterName } from './formatter.js'
import { supportedFormats } from './formatter.js'
import type { HtmlFormatterOptions } from './html/html-formatter.js'
import { HtmlFormatter } from './html/html-formatter.js'
import { JsonFormatter } from './json/json-formatter.js'
import type { MarkdownFormatterOptions } from './markdown/markdown-formatter.js'
import { MarkdownFormatter } from './markdown/markdown-formatter.js'
import { XmlFormatter } from './xml/xml-formatter.js'

/** Options of each formatter, by format name. */
export interface FormatterOptions {
  /** Options of the markdown report. */
  readonly report?: MarkdownFormatterOptions
  /** Options of the HTML report. */
  readonly html?: HtmlFormatterOptions
}

/** True when this package can render the format. */
export function isSupportedFormat(format: string): format is FormatterName {
  return (supportedFormats as readonly string[]).includes(format)
}

/**
 * Builds the formatter of an output format: `createFormatter('html')`. A name that is not an
 * output format is a usage error naming the ones there are.
 */
export function createFormatter(format: OutputFormat, options: FormatterOptions = {}): Formatter {
  if (!isSupportedFormat(format)) {
    throw new UsageError(`unknown output format "${format}"; available: ${supportedFormats.join(', ')}`)
  }
  switch (format) {
    case 'report':
      return new MarkdownFormatter(options.report)
    case 'html':
      return new HtmlFormatter(options.html)
    case 'xml':
      return new XmlFormatter()
    case 'json':
      return new JsonFormatter()
    case 'claude_md':
    case 'agents_md':
    case 'copilot':
      return new AssistantFileFormatter(format)
    case 'cursor_rules':
      return new CursorRulesFormatter()
  }
}
