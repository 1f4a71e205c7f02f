import { create } from 'xmlbuilder2'
import type { FormattedFile, Formatter, ReportInput } from '../formatter.js'
import { findingsDocument } from '../json/findings-document.js'
import { ciElement } from './xml-ci.js'

/** The schema findings.xml follows, shipped in this package as `@gitlore/formatters/schema/findings.v1.xsd`. */
export const findingsSchemaPath = new URL('../../schema/findings.v1.xsd', import.meta.url)

/**
 * findings.xml: the findings as XML, valid against schema/findings.v1.xsd. Characters XML 1.0
 * cannot hold (control characters, lone surrogates) become U+FFFD; everything else is kept exactly.
 */
export class XmlFormatter implements Formatter {
  readonly name = 'xml'
  readonly path = 'findings.xml'

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
      const element = root.ele('degradedStage', { kind: stage.kind ?? 'degraded' })
      element.ele('stage').txt(stage.stage)
      element.ele('error').txt(stage.error)
    }
    for (const note of document.notes) root.ele('note').txt(note)
    const reviews = document.reviews
    if (reviews !== undefined) {
      const element = root.ele('reviews', {
        ...(reviews.repository === undefined ? {} : { repository: reviews.repository }),
        pullRequests: String(reviews.pullRequests),
        comments: String(reviews.comments),
        praiseThemes: String(reviews.praiseThemes),
      })
      for (const theme of reviews.themes) {
        const item = element.ele('theme', {
          id: theme.id,
          size: String(theme.size),
          pullRequests: String(theme.pullRequests),
          ...(theme.resolvedShare === null ? {} : { resolvedShare: String(theme.resolvedShare) }),
          ...(theme.threads === undefined ? {} : { threads: String(theme.threads) }),
        })
        item.ele('label').txt(theme.label)
        for (const [category, members] of Object.entries(theme.categories)) {
          item.ele('category', { name: category, comments: String(members) })
        }
        for (const file of theme.files) item.ele('file').txt(file)
        for (const quote of theme.quotes) {
          const quoted = item.ele('quote', {
            url: quote.url,
            author: quote.author,
            prNumber: String(quote.prNumber),
            ...(quote.path === undefined ? {} : { path: quote.path }),
          })
          quoted.txt(quote.text)
        }
      }
      for (const reviewer of reviews.reviewers) {
        element.ele('reviewer', {
          login: reviewer.login,
          reviews: String(reviewer.reviews),
          comments: String(reviewer.comments),
        })
      }
      for (const area of reviews.areas) {
        const item = element.ele('area', { path: area.path, comments: String(area.comments) })
        for (const reviewer of area.reviewers) {
          item.ele('reviewer', { login: reviewer.login, comments: String(reviewer.comments) })
        }
      }
    }
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
    if (document.ci !== undefined) ciElement(root, document.ci)
    return { path: this.path, content: `${root.end({ prettyPrint: true })}\n` }
  }
}
