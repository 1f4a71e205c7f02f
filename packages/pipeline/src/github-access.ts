import type { GitloreConfig } from '@gitlore/core'
import { ConfigError, GitloreError, loadSecrets } from '@gitlore/core'

/** The GitHub repository a run talks to, or why there is none. */
export type GitHubRepositoryAccess =
  | { readonly kind: 'repository'; readonly owner: string; readonly repo: string }
  | { readonly kind: 'none'; readonly problem: string }

/**
 * The GitHub repository of the run: `[github] repo`, else the origin remote. A malformed `[github] repo`
 * throws (a configuration error); a missing or non-GitHub remote is `none` with the one-line reason.
 */
export async function resolveGitHubAccess(
  config: GitloreConfig,
  remote: string | null,
): Promise<GitHubRepositoryAccess> {
  const extractors = await import('@gitlore/extractors')
  try {
    const { owner, repo } = extractors.resolveGitHubRepository({
      configured: config.github.repo === '' ? undefined : config.github.repo,
      remote: remote ?? undefined,
      apiUrl: config.github.api_url,
    })
    return { kind: 'repository', owner, repo }
  } catch (error) {
    if (ConfigError.isInstance(error) || !GitloreError.isInstance(error)) throw error
    return { kind: 'none', problem: error.message }
  }
}

/** The GitHub token from the environment, the repository's `.env`, the user's `.env` or `gh auth token`; throws `GitHubTokenMissingError`. */
export async function requireGitHubToken(
  config: GitloreConfig,
  root: string,
  env: Readonly<Record<string, string | undefined>>,
): Promise<string> {
  const extractors = await import('@gitlore/extractors')
  const secrets = await loadSecrets({ repositoryDir: root, env })
  const host = new URL(config.github.api_url).hostname
  const found = await extractors.resolveGitHubToken(secrets, {
    ...(host === 'api.github.com' ? {} : { hostname: host }),
  })
  if (found === null) throw new extractors.GitHubTokenMissingError()
  return found.token
}
