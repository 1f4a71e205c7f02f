import type { Finding } from '@gitlore/core'
import { evidenceProvenance } from '../queries/finding-items.js'

/** The directories above a path, outermost first: `a/b/c.ts` -> `a/`, `a/b/`. */
export function ancestorDirectories(path: string): string[] {
  const directories: string[] = []
  const end = path.endsWith('/') ? path.length - 1 : path.length
  for (let slash = path.indexOf('/'); slash !== -1 && slash < end; slash = path.indexOf('/', slash + 1)) {
    directories.push(path.slice(0, slash + 1))
  }
  return directories
}

/** Paths a finding names: its files, and evidence that points at `path` or `path:line`. */
export function findingPaths(finding: Finding): string[] {
  const paths = new Set(finding.files)
  for (const { kind, ref } of finding.evidence.flatMap(evidenceProvenance)) {
    if (kind === 'path' && ref !== '' && !ref.startsWith('/') && !ref.includes('..')) paths.add(ref)
  }
  return [...paths]
}
