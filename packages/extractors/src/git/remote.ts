import { stripCredentials } from '@gitlore/core'

const urlForm =
  /^(?:https?|git|ssh|git\+ssh|ssh\+git):\/\/(?:[^@/]*@)?(?:www\.)?github\.com(?::\d+)?\/+([^/]+)\/([^/]+?)(?:\.git)?\/*$/i
const scpForm = /^(?:[^@/:]+@)?github\.com:\/*([^/]+)\/([^/]+?)(?:\.git)?\/*$/i

/**
 * `owner/repo` when `url` points at a repository on github.com (https, `git@github.com:o/r.git`,
 * `ssh://`, `git://`, with or without `.git` and credentials), else null.
 */
export function gitHubRepository(url: string): string | null {
  const trimmed = url.trim()
  const match = urlForm.exec(trimmed) ?? scpForm.exec(trimmed)
  return match ? `${match[1]}/${match[2]}` : null
}

/** How `RepositoryInfo.remote` shows a remote URL: `owner/repo` on GitHub, else the URL without credentials. */
export function describeRemote(url: string): string {
  return gitHubRepository(url) ?? stripCredentials(url.trim())
}
