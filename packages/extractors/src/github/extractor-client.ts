import { type CreateGitHubClientOptions, createGitHubClient, type GitHubOctokit } from './create-github-client.js'
import { GitHubTokenMissingError } from './errors/github-token-missing-error.js'

/** GitHub's public API. */
export const defaultApiBaseUrl = 'https://api.github.com'

/** How an extractor gets its client: the caller's Octokit, or a token and the client's settings. */
export interface ExtractorClientOptions<Client> extends Partial<Omit<CreateGitHubClientOptions, 'token' | 'baseUrl'>> {
  readonly octokit?: Client | undefined
  readonly token?: string | undefined
  readonly baseUrl?: string | undefined
}

/**
 * An extractor's API base URL (without a trailing slash) and client: the caller's `octokit`, or one
 * `createGitHubClient` makes from the token and settings. Throws `GitHubTokenMissingError` without either.
 */
export function extractorClient<Client>(options: ExtractorClientOptions<Client>): {
  readonly baseUrl: string
  readonly client: Client | GitHubOctokit
} {
  const baseUrl = (options.baseUrl ?? defaultApiBaseUrl).replace(/\/+$/, '')
  if (options.octokit !== undefined) return { baseUrl, client: options.octokit }
  if (options.token === undefined || options.token === '') throw new GitHubTokenMissingError()
  const client = createGitHubClient({
    token: options.token,
    baseUrl,
    requestInterval: options.requestInterval,
    retryAfterScale: options.retryAfterScale,
    maxRateLimitWait: options.maxRateLimitWait,
    retries: options.retries,
    log: options.log,
    onWait: options.onWait,
    userAgent: options.userAgent,
  })
  return { baseUrl, client }
}
