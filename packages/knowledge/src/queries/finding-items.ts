import type { Evidence, Finding } from '@gitlore/core'
import type { PathKnowledge } from '../knowledge-model.js'
import type { KnowledgeReader } from '../knowledge-reader.js'
import { type BriefItem, type Provenance, relayedText } from './brief-item.js'

const severityWeight = { high: 3, medium: 2, low: 1 } as const

/** The findings that name the entries' paths (files first, then their directories), as brief items. */
export async function findingItems(
  store: KnowledgeReader,
  entries: readonly PathKnowledge[],
  asked: ReadonlySet<string>,
  boost: (text: string) => number,
): Promise<BriefItem[]> {
  const direct = new Set(entries.filter((entry) => asked.has(entry.path)).flatMap((entry) => entry.findings))
  const near = new Set(entries.flatMap((entry) => entry.findings))
  if (near.size === 0) return []
  const findings = (await store.findings()).filter((finding) => near.has(finding.id))
  return findings.flatMap((finding) => {
    const item = findingItem(
      finding,
      [...asked].filter((file) => finding.files.includes(file)),
    )
    if (item === null) return []
    return [{ ...item, score: severityWeight[finding.severity] * (direct.has(finding.id) ? 2 : 1) * boost(item.text) }]
  })
}

/**
 * A finding as gitlore relays it: its category, severity, title and insight as one plain line, with
 * its evidence as provenance; null when its text addresses AI assistants (it is never relayed).
 */
export function findingItem(finding: Finding, files: readonly string[]): BriefItem | null {
  const title = relayedText(finding.title, 120)
  const insight = relayedText(finding.insight, 280)
  if (title === null || insight === null) return null
  return {
    text: `[${finding.severity} ${finding.category}] ${title}: ${insight}`,
    provenance: uniqueProvenance([
      { kind: 'finding', ref: finding.id },
      ...finding.evidence.flatMap(evidenceProvenance),
      ...finding.files.map((path): Provenance => ({ kind: 'path', ref: path })),
    ]).slice(0, 6),
    lastSeen: null,
    files,
    score: severityWeight[finding.severity],
  }
}

/** What a piece of evidence points at: a pull request (or other web page), a commit, or a path without its line. */
export function evidenceProvenance(evidence: Evidence): Provenance[] {
  const ref = evidence.ref
  if (ref === undefined || ref === '') return []
  if (/^https?:\/\//.test(ref)) return [{ kind: 'pr', ref }]
  if (/^[0-9a-f]{7,40}$/i.test(ref)) return [{ kind: 'commit', ref }]
  return [{ kind: 'path', ref: ref.replace(/:\d+(-\d+)?$/, '') }]
}

function uniqueProvenance(items: readonly Provenance[]): Provenance[] {
  const seen = new Set<string>()
  return items.filter((item) => {
    const key = `${item.kind}\n${item.ref}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
