import type { Finding } from '@gitlore/core'

/** Makes ids unique in order: a repeated id gets `-2`, `-3`, ... (ids are unique by construction; this keeps them so). */
export function uniqueIds(findings: readonly Finding[]): Finding[] {
  const seen = new Map<string, number>()
  return findings.map((finding) => {
    const uses = (seen.get(finding.id) ?? 0) + 1
    seen.set(finding.id, uses)
    return uses === 1 ? finding : { ...finding, id: `${finding.id}-${uses}` }
  })
}
