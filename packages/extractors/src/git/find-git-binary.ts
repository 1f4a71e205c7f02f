import { accessSync, constants, statSync } from 'node:fs'
import { delimiter, join } from 'node:path'

let found: { path: string | null; searched: string } | undefined

/** The first `git` executable on PATH, or null; remembered for the same PATH. */
export function findGitBinary(path = process.env.PATH ?? ''): string | null {
  if (found?.searched === path) return found.path
  const names = process.platform === 'win32' ? ['git.exe', 'git.cmd'] : ['git']
  let result: string | null = null
  search: for (const directory of path.split(delimiter)) {
    if (directory === '') continue
    for (const name of names) {
      const candidate = join(directory, name)
      try {
        accessSync(candidate, constants.X_OK)
        if (statSync(candidate).isFile()) {
          result = candidate
          break search
        }
      } catch {
        // not here
      }
    }
  }
  found = { path: result, searched: path }
  return result
}
