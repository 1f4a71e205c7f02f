import type { FormattedFile, Formatter, ReportInput } from '../formatter.js'
import { findingsDocument } from './findings-document.js'

/** findings.json: the findings as data (`FindingsDocument`, schemaVersion 1), for scripts and other tools. */
export class JsonFormatter implements Formatter {
  readonly name = 'json'
  readonly path = 'findings.json'

  format(input: ReportInput): FormattedFile {
    return { path: this.path, content: `${JSON.stringify(findingsDocument(input), null, 2)}\n` }
  }
}
