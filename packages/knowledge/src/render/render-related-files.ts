import type { RelatedFiles } from '../queries/related-files.js'
import { renderIndexStatus, renderWithheld } from './render-items.js'

/** Related files as plain text. */
export function renderRelatedFiles(related: RelatedFiles): string {
  const lines = [`Files related to ${related.path}`, ...renderIndexStatus(related.index)]
  if (!related.known) lines.push('', 'The index has nothing on this path (new, or not changed in the window).')
  if (related.hubPartners !== null)
    lines.push('', `${related.path} is a hub: ${related.hubPartners} coupling partners.`)
  const coupled = related.related.filter((item) => item.relation === 'coupling')
  const themed = related.related.filter((item) => item.relation === 'theme')
  if (coupled.length > 0) {
    lines.push('', 'Changed in the same commits (shared commits, degree)')
    for (const item of coupled) lines.push(`- ${item.path}  ${item.strength}  ${item.degree}`)
  }
  if (themed.length > 0) {
    lines.push('', 'Reviewers raise the same themes on')
    for (const item of themed) lines.push(`- ${item.path}  "${item.theme}"`)
  }
  lines.push(...renderWithheld(related.withheld))
  return `${lines.join('\n')}\n`
}
