import type { RepositoryInfo } from '@gitlore/core'
import { codeSpan } from './markdown-text.js'

const fullSha = /^[0-9a-f]{40}$/i
const abbreviatedSha = /^[0-9a-f]{7,39}$/i
const githubName = /^[A-Za-z0-9][A-Za-z0-9-]*\/[A-Za-z0-9._-]+$/

/** `owner/repo` when the repository's remote is on GitHub (the context stores it in that form), else null. */
export function githubRepository(repository: RepositoryInfo): string | null {
  return repository.remote !== null && githubName.test(repository.remote) ? repository.remote : null
}

/**
 * A commit as the reader sees it: seven characters linked to the full sha on GitHub when the
 * repository is there; elsewhere the sha as given in a code span, so it stays exact.
 */
export function commitLink(sha: string, github: string | null): string {
  if (!fullSha.test(sha)) return codeSpan(sha)
  if (github === null) return codeSpan(sha)
  return `[${codeSpan(sha.slice(0, 7))}](https://github.com/${github}/commit/${sha.toLowerCase()})`
}

/** An evidence ref: a commit, a URL (pull request, comment) or a `path[:line]`. */
export function evidenceRef(ref: string, github: string | null): string {
  if (fullSha.test(ref) || abbreviatedSha.test(ref)) return commitLink(ref, github)
  if (/^https?:\/\/[^\s<>]+$/.test(ref)) return `<${ref}>`
  return codeSpan(ref)
}
