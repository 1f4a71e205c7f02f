import { ConfigError, stripCredentials } from '@gitlore/core'
import { gitHubRepository } from '../git/remote.js'
import { GitHubRemoteError } from './errors/github-remote-error.js'

/** A repository on GitHub (or GitHub Enterprise). */
export interface GitHubRepositoryName {
  readonly owner: string
  /** The repository's name, as GitHub calls it. */
  readonly repo: string
}

export interface ResolveGitHubRepositoryOptions {
  /** `[github] repo` from the configuration (`owner/name`); empty or absent: use the remote. */
  readonly configured?: string | undefined
  /** The origin remote: a URL, or `owner/repo` as `RepositoryInfo.remote` gives it; null when there is none. */
  readonly remote?: string | null | undefined
  /** API base URL; when it is not api.github.com, remotes on its host (GitHub Enterprise) are accepted too. */
  readonly apiUrl?: string | undefined
}

const bareName = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?$/
const urlForm =
  /^(?:https?|git|ssh|git\+ssh|ssh\+git):\/\/(?:[^@/]*@)?([^/:]+)(?::\d+)?\/+([^/]+)\/([^/]+?)(?:\.git)?\/*$/i
const scpForm = /^(?:[^@/:]+@)?([^/:]+):\/*([^/]+)\/([^/]+?)(?:\.git)?\/*$/i

function enterpriseHost(apiUrl: string | undefined): string | undefined {
  if (apiUrl === undefined) return undefined
  try {
    const host = new URL(apiUrl).hostname.toLowerCase()
    return host === 'api.github.com' || host === 'github.com' ? undefined : host
  } catch {
    return undefined
  }
}

function fromRemote(remote: string, apiUrl: string | undefined): GitHubRepositoryName | null {
  const trimmed = remote.trim()
  const onGitHub = gitHubRepository(trimmed) ?? (bareName.test(trimmed) ? trimmed : null)
  const match = onGitHub === null ? null : bareName.exec(onGitHub)
  if (match) return { owner: match[1] as string, repo: match[2] as string }
  const host = enterpriseHost(apiUrl)
  const parts = urlForm.exec(trimmed) ?? scpForm.exec(trimmed)
  if (host !== undefined && parts && parts[1]?.toLowerCase() === host) {
    return { owner: parts[2] as string, repo: parts[3] as string }
  }
  return null
}

/**
 * Which GitHub repository to read reviews of: `[github] repo` when set, else the origin remote (https
 * or ssh, with or without `.git`, credentials ignored; on GitHub Enterprise, a remote on the API's host).
 * Throws `ConfigError` for a malformed `[github] repo`, `GitHubRemoteError` when there is no remote or
 * it is not on GitHub.
 */
export function resolveGitHubRepository(options: ResolveGitHubRepositoryOptions): GitHubRepositoryName {
  const configured = options.configured?.trim() ?? ''
  if (configured !== '') {
    const resolved = fromRemote(configured, options.apiUrl)
    if (resolved === null) {
      throw new ConfigError({
        keyPath: 'github.repo',
        message: `[github] repo must be "owner/name" or a GitHub URL, got "${stripCredentials(configured)}"`,
      })
    }
    return resolved
  }
  const remote = options.remote?.trim() ?? ''
  if (remote === '') throw new GitHubRemoteError({ problem: 'no_remote' })
  const resolved = fromRemote(remote, options.apiUrl)
  if (resolved === null) throw new GitHubRemoteError({ problem: 'not_github', remote: stripCredentials(remote) })
  return resolved
}
