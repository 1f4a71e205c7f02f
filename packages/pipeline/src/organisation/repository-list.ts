import { readFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { dirname, resolve } from 'node:path'
import { UsageError } from '@gitlore/core'

/** A repository named in a `--repos` list: a directory on this machine, or a GitHub repository to clone. */
export type RepositoryListEntry =
  | {
      readonly kind: 'path'
      /** As written in the list. */
      readonly name: string
      /** Absolute. */
      readonly path: string
    }
  | {
      readonly kind: 'github'
      /** `owner/name`. */
      readonly name: string
      readonly owner: string
      readonly repo: string
    }

const githubName = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9_.-]{1,100}?)(?:\.git)?$/
const githubUrl = /^(?:https:\/\/)?(?:www\.)?github\.com\/([^/\s]+)\/([^/\s]+?)(?:\.git)?\/?$/i

function entryOf(line: string, baseDir: string, home: string): RepositoryListEntry | null {
  if (/^(\/|\.\.?\/|~\/)/.test(line) || line === '.' || line === '..') {
    const path = line.startsWith('~/') ? resolve(home, line.slice(2)) : resolve(baseDir, line)
    return { kind: 'path', name: line, path }
  }
  const match = githubName.exec(line) ?? githubUrl.exec(line)
  if (match === null) return null
  const owner = match[1] as string
  const repo = match[2] as string
  if (repo === '.' || repo === '..') return null
  return { kind: 'github', name: `${owner}/${repo}`, owner, repo }
}

/**
 * Parses a `--repos` list: one repository per line, `owner/name` (or `https://github.com/owner/name`) to
 * clone, or a directory starting with `/`, `./`, `../` or `~/` (relative paths are relative to the list's
 * directory). Blank lines and `#` comments are skipped; a repository named twice is analysed once. Throws a
 * `UsageError` naming the line of anything else.
 */
export function parseRepositoryList(
  text: string,
  options: { readonly file: string; readonly home?: string },
): RepositoryListEntry[] {
  const baseDir = dirname(resolve(options.file))
  const entries: RepositoryListEntry[] = []
  const seen = new Set<string>()
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/(^|\s)#.*$/, '').trim()
    if (line === '') return
    const entry = entryOf(line, baseDir, options.home ?? homedir())
    if (entry === null) {
      throw new UsageError(
        `${options.file}:${index + 1}: "${line.slice(0, 80)}" is neither owner/name nor a directory: write owner/name, or a path starting with /, ./, ../ or ~/`,
      )
    }
    const key = entry.kind === 'path' ? `path:${entry.path}` : `github:${entry.name.toLowerCase()}`
    if (seen.has(key)) return
    seen.add(key)
    entries.push(entry)
  })
  if (entries.length === 0)
    throw new UsageError(`${options.file} names no repository: write one owner/name or path per line`)
  return entries
}

/** Reads and parses a `--repos` file; a missing file is a usage error. */
export async function readRepositoryList(file: string): Promise<RepositoryListEntry[]> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    throw new UsageError(`cannot read the repository list ${file}: ${(error as Error).message}`)
  }
  return parseRepositoryList(text, { file })
}
