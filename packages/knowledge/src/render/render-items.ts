import type { BriefItem, Provenance } from '../queries/brief-item.js'
import type { IndexStatus } from '../queries/index-status.js'

/** A reference as a person would follow it: a URL, a short sha, a path, a finding id. */
export function provenanceText(provenance: Provenance): string {
  switch (provenance.kind) {
    case 'commit':
      return provenance.ref.slice(0, 10)
    case 'finding':
      return `finding ${provenance.ref}`
    default:
      return provenance.ref
  }
}

/** A section of items as plain-text bullets, each with its quote, references and date. */
export function renderItems(title: string, items: readonly BriefItem[]): string[] {
  if (items.length === 0) return []
  const lines = ['', title]
  for (const item of items) {
    lines.push(`- ${item.text}`)
    if (item.quote !== undefined) lines.push(`  > ${item.quote}`)
    const refs = item.provenance.map(provenanceText).join(', ')
    lines.push(`  ${refs}${item.lastSeen === null ? '' : ` (${item.lastSeen.slice(0, 10)})`}`)
  }
  return lines
}

/** One line on what the answer was built from, and a warning when HEAD moved since. */
export function renderIndexStatus(status: IndexStatus): string[] {
  const from = `index of ${status.window.since.slice(0, 10)}..${status.window.until.slice(0, 10)} at ${status.head.slice(0, 10)}, built ${status.builtAt.slice(0, 16).replace('T', ' ')}`
  return status.hint === undefined ? [from] : [from, `warning: ${status.hint}`]
}

/** What an answer left out because it addresses AI assistants; nothing when it left nothing out. */
export function renderWithheld(withheld: number): string[] {
  if (withheld === 0) return []
  const what = withheld === 1 ? '1 item' : `${withheld} items`
  return [
    '',
    `Left out ${what} whose text (a path, a name, a commit subject or a quote from the repository) addresses AI assistants.`,
  ]
}
