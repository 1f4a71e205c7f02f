import type { Finding } from '@gitlore/core'

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
  for (const evidence of finding.evidence) {
    const ref = evidence.ref
    if (ref === undefined || /^https?:\/\//.test(ref) || /^[0-9a-f]{7,40}$/i.test(ref)) continue
    const path = ref.replace(/:\d+(-\d+)?$/, '')
    if (path !== '' && !path.startsWith('/') && !path.includes('..')) paths.add(path)
  }
  return [...paths]
}
