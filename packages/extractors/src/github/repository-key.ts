import { GitloreError, stripCredentials } from '@gitlore/core'
import { resolveGitHubRepository } from './resolve-github-repository.js'
import { reviewStoreKey } from './review-extractor.js'

/** What `repositoryKey` identifies a repository by. */
export interface RepositoryKeyOptions {
  /** The repository's top-level directory: the key of a repository with no remote. */
  readonly path: string
  /** The origin remote as `RepositoryInfo.remote` gives it (`owner/repo` on GitHub, else a URL), or null. */
  readonly remote: string | null
  /** `[github] repo`, when set. */
  readonly configured?: string | undefined
  /** `[github] api_url`; default GitHub's. */
  readonly apiUrl?: string | undefined
}

/**
 * The key a shared store files a repository under, the same on every machine that clones it: for a
 * repository on GitHub, the key its review data is stored under (API host, owner and name, lower-cased,
 * e.g. `api.github.com/octo/hello`); else its origin remote without credentials; else `path:` and its
 * directory. A malformed `[github] repo` throws its `ConfigError`.
 */
export function repositoryKey(options: RepositoryKeyOptions): string {
  const apiUrl = options.apiUrl ?? 'https://api.github.com'
  try {
    const { owner, repo } = resolveGitHubRepository({
      configured: options.configured === '' ? undefined : options.configured,
      remote: options.remote ?? undefined,
      apiUrl,
    })
    return reviewStoreKey(apiUrl, owner, repo)
  } catch (error) {
    if (!GitloreError.isInstance(error) || error.code === 'config_invalid') throw error
  }
  const remote = options.remote?.trim() ?? ''
  if (remote !== '') {
    return stripCredentials(remote)
      .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
      .replace(/\.git\/*$/, '')
      .toLowerCase()
  }
  return `path:${options.path}`
}
