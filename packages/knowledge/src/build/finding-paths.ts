import type { Finding } from '@gitlore/core'
import { evidenceProvenance } from '../queries/finding-items.js'

/** Paths a finding names: its files, and evidence that points at `path` or `path:line`. */
export function findingPaths(finding: Finding): string[] {
  const paths = new Set(finding.files)
  for (const { kind, ref } of finding.evidence.flatMap(evidenceProvenance)) {
    if (kind === 'path' && ref !== '' && !ref.startsWith('/') && !ref.includes('..')) paths.add(ref)
  }
  return [...paths]
}
