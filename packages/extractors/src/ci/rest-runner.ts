import { GitHubAuthError } from '../github/errors/github-auth-error.js'
import { GitHubNotFoundError } from '../github/errors/github-not-found-error.js'
import { GitHubRateLimitError } from '../github/errors/github-rate-limit-error.js'
import { GitHubRequestError } from '../github/errors/github-request-error.js'
import type { RateLimitStatus } from '../github/run-graphql.js'

/**
 * What the CI extractor needs of an Octokit instance: its `request` (so the throttling and retry
 * plugins apply). An `Octokit` from `createGitHubClient` fits.
 */
export interface RestClient {
  request(
    route: string,
    parameters?: Record<string, unknown>,
  ): Promise<{ readonly status: number; readonly headers: object; readonly data: unknown }>
}

/** An answer of the REST API. */
export interface RestAnswer<T> {
  readonly status: number
  readonly data: T
  readonly headers: Readonly<Record<string, string | number | undefined>>
}

/** A request GitHub answered with an error status (after the retry plugin gave up). */
export class RestFailure extends Error {
  constructor(
    readonly status: number | undefined,
    message: string,
    readonly headers: Readonly<Record<string, string | number | undefined>>,
    readonly original: unknown,
  ) {
    super(message)
    this.name = 'RestFailure'
  }
}

export interface RestRunner {
  /** Sends one GET; throws `RestFailure` on an error status, or the abort reason. */
  get<T>(route: string, parameters: Record<string, unknown>): Promise<RestAnswer<T>>
  /** API requests sent so far. */
  readonly requests: () => number
  /** Rate-limit points used while this runner worked, from GitHub's `x-ratelimit-used` headers. */
  readonly points: () => number
  readonly rateLimit: () => RateLimitStatus | null
}

interface ErrorShape {
  readonly status?: number
  readonly message?: string
  readonly response?: { readonly headers?: Record<string, string | number | undefined> }
}

/** Sends the CI extractor's REST requests on one client, counting requests and rate-limit use. */
export function createRestRunner(options: { readonly client: RestClient; readonly signal?: AbortSignal | undefined }) {
  const { client, signal } = options
  let requests = 0
  let points = 0
  let rateLimit: RateLimitStatus | null = null
  let lastUsed: number | null = null
  let lastReset: string | null = null

  const note = (headers: Readonly<Record<string, string | number | undefined>>) => {
    const limit = headers['x-ratelimit-limit']
    const remaining = headers['x-ratelimit-remaining']
    const used = headers['x-ratelimit-used']
    const reset = headers['x-ratelimit-reset']
    if (limit === undefined || remaining === undefined || used === undefined || reset === undefined) return
    const resetAt = new Date(Number(reset) * 1000).toISOString()
    const usedNow = Number(used)
    points += lastUsed === null || lastReset !== resetAt ? 1 : Math.max(0, usedNow - lastUsed)
    lastUsed = usedNow
    lastReset = resetAt
    rateLimit = { limit: Number(limit), remaining: Number(remaining), used: usedNow, resetAt }
  }

  const runner: RestRunner = {
    async get<T>(route: string, parameters: Record<string, unknown>) {
      signal?.throwIfAborted()
      requests++
      try {
        const answer = await client.request(route, {
          ...parameters,
          ...(signal === undefined ? {} : { request: { signal, ...(parameters.request as object | undefined) } }),
        })
        const headers = answer.headers as Record<string, string | number | undefined>
        note(headers)
        return { status: answer.status, data: answer.data as T, headers }
      } catch (thrown) {
        if (signal?.aborted) throw signal.reason
        const error = (thrown ?? {}) as ErrorShape
        const headers = error.response?.headers ?? {}
        note(headers)
        throw new RestFailure(error.status, error.message ?? String(thrown), headers, thrown)
      }
    },
    requests: () => requests,
    points: () => points,
    rateLimit: () => rateLimit,
  }
  return runner
}

/** The gitlore error for a request that failed for good, e.g. listing a repository's runs. */
export function restError(failure: unknown, repository: string, baseUrl: string): unknown {
  if (!(failure instanceof RestFailure)) return failure
  const { status, message, headers } = failure
  if (status === 401) return new GitHubAuthError({ status, cause: failure.original })
  if (status === 403 || status === 429) {
    if (String(headers['x-ratelimit-remaining']) === '0' || /rate limit/i.test(message)) {
      const reset = headers['x-ratelimit-reset']
      return new GitHubRateLimitError({
        resetAt: reset === undefined ? undefined : new Date(Number(reset) * 1000).toISOString(),
        secondary: /secondary/i.test(message),
        cause: failure.original,
      })
    }
    return new GitHubAuthError({
      status,
      message: `GitHub refused access to the Actions history of ${repository} (${status}: ${message}): give the token read access to Actions, or run with --git-only`,
      cause: failure.original,
    })
  }
  if (status === 404) return new GitHubNotFoundError({ repository, cause: failure.original })
  return new GitHubRequestError({
    ...(status === undefined ? {} : { status }),
    message:
      status === undefined || status >= 500
        ? `cannot get an answer from GitHub at ${baseUrl}: ${message}`
        : `GitHub request failed (${status}): ${message}`,
    cause: failure.original,
  })
}
