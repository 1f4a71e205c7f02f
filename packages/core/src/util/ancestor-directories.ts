/** The directories above a repository path, outermost first, each ending in `/`: `a/b/c.ts` -> `a/`, `a/b/`. */
export function ancestorDirectories(path: string): string[] {
  const directories: string[] = []
  const end = path.endsWith('/') ? path.length - 1 : path.length
  for (let slash = path.indexOf('/'); slash !== -1 && slash < end; slash = path.indexOf('/', slash + 1)) {
    directories.push(path.slice(0, slash + 1))
  }
  return directories
}
