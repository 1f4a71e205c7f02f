import { create } from 'xmlbuilder2'
import type { FormattedFile, Formatter, ReportInput } from '../formatter.js'
import { findingsDocument } from '../json/findings-document.js'

/** The schema findings.xml follows, shipped in this package as `@gitlore/formatters/schema/findings.v1.xsd`. */
export const findingsSchemaPath = new URL('../../schema/findings.v1.xsd', import.meta.url)

/**
 * findings.xml: the findings as XML, valid against schema/findings.v1.xsd. Characters XML 1.0
 * cannot hold (control characters, lone surrogates) become U+FFFD; everything else is kept exactly.
 */
export class XmlFormatter implements Formatter {
  readonly name = 'xml'

  format(input: ReportInput): FormattedFile {
    const document = findingsDocument(input)
    const root = create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '\uFFFD' }).ele('findings', {
      schemaVersion: String(document.schemaVersion),
    })
    root.ele('generatedAt').txt(document.generatedAt)
    const repository = root.ele('repository')
    repository.ele('path').txt(document.repo.path)
    for (const key of ['head', 'branch', 'remote'] as const) {
      const value = document.repo[key]
      if (value !== null) repository.ele(key).txt(value)
    }
    const window = root.ele('window')
    window.ele('since').txt(document.window.since)
    window.ele('until').txt(document.window.until)
    root.ele('synthesizer').txt(document.synthesizer)
    for (const stage of document.degradedStages) {
      const element = root.ele('degradedStage')
      element.ele('stage').txt(stage.stage)
      element.ele('error').txt(stage.error)
    }
    for (const note of document.notes) root.ele('note').txt(note)
    for (const finding of document.findings) {
      const element = root.ele('finding', { id: finding.id, category: finding.category, severity: finding.severity })
      element.ele('title').txt(finding.title)
      element.ele('insight').txt(finding.insight)
      for (const evidence of finding.evidence) {
        const item = element.ele('evidence', { source: evidence.source })
        item.ele('text').txt(evidence.text)
        if (evidence.ref !== undefined) item.ele('ref').txt(evidence.ref)
      }
      for (const file of finding.files) element.ele('file').txt(file)
    }
    return { path: 'findings.xml', content: `${root.end({ prettyPrint: true })}\n` }
  }
}
