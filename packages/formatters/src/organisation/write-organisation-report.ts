import { resolve } from 'node:path'
import { writeFileAtomic } from '@gitlore/core'
import { OutputWriteError } from '../errors/output-write-error.js'
import { organisationHtml } from './organisation-html.js'
import { organisationMarkdown } from './organisation-markdown.js'
import type { OrganisationRollUp } from './organisation-roll-up.js'

/** The organisation report's files: markdown and HTML, beside each other. */
export const organisationReportFiles = { markdown: 'gitlore-org-report.md', html: 'gitlore-org-report.html' } as const

/** One written organisation report file. */
export interface WrittenOrganisationReport {
  readonly format: 'markdown' | 'html'
  /** Absolute path of the file. */
  readonly path: string
  readonly content: string
}

/**
 * Writes `gitlore-org-report.md` and `gitlore-org-report.html` into `dir`, each atomically (temporary file
 * and rename), both rendered before either is written.
 */
export async function writeOrganisationReport(
  rollUp: OrganisationRollUp,
  options: { readonly dir: string },
): Promise<WrittenOrganisationReport[]> {
  const files: WrittenOrganisationReport[] = [
    {
      format: 'markdown',
      path: resolve(options.dir, organisationReportFiles.markdown),
      content: organisationMarkdown(rollUp),
    },
    { format: 'html', path: resolve(options.dir, organisationReportFiles.html), content: organisationHtml(rollUp) },
  ]
  for (const file of files) {
    try {
      await writeFileAtomic(file.path, file.content)
    } catch (error) {
      throw new OutputWriteError(file.path, { cause: error })
    }
  }
  return files
}
