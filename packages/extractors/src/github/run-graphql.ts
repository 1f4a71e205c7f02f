import type { GitHubClient } from './create-github-client.js'
import { GitHubAuthError } from './errors/github-auth-error.js'
import { GitHubNotFoundError } from './errors/github-not-found-error.js'
import { GitHubRateLimitError } from './errors/github-rate-limit-error.js'
import { GitHubRequestError } from './errors/github-request-error.js'
import type { GqlRateLimit } from './graphql/graphql-types.js'

/** The rate-limit budget as GitHub last reported it. */
export interface RateLimitStatus {
  readonly remaining: number
  readonly limit: number
  readonly used: number
  /** ISO 8601 */
  readonly resetAt: string
}

/** A GraphQL error GitHub returned next to data: reported to the caller, never dropped. */
export interface GitHubPartialError {
  readonly message: string
  /** GitHub's error type, e.g. `NOT_FOUND`, `FORBIDDEN`. */
  readonly type?: string
  /** Where in the answer the error happened, as GitHub gives it. */
  readonly path?: readonly (string | number)[]
  /** The pull request it left incomplete, when known. */
  readonly pullRequest?: number
}

/** GitHub took too long on a query (502, 504, "couldn't respond in time"): ask again for less. */
export class QueryTimeout extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
  ) {
    super(message)
    this.name = 'QueryTimeout'
  }
}

interface RawGraphQLError {
  readonly message?: string
  readonly type?: string
  readonly path?: readonly (string | number)[]
}

interface ErrorShape {
  readonly name?: string
  readonly status?: number
  readonly message?: string
  readonly errors?: readonly RawGraphQLError[]
  readonly data?: unknown
  readonly headers?: Readonly<Record<string, string | number | undefined>>
  readonly response?: {
    readonly headers?: Readonly<Record<string, string | number | undefined>>
    readonly data?: unknown
  }
}

const timeoutMessage =
  /couldn't respond to your request in time|something went wrong while executing your query|timeout/i

export interface GraphQLRunner {
  /** Sends one query; data with any partial errors, or a thrown `GitloreError` / `QueryTimeout` / abort reason. */
  run<T>(query: string, variables: Record<string, unknown>): Promise<{ data: T; errors: GitHubPartialError[] }>
  /** GraphQL requests sent so far. */
  readonly requests: () => number
  /** Rate-limit points the answered queries cost. */
  readonly points: () => number
  readonly rateLimit: () => RateLimitStatus | null
}

function resetFrom(error: ErrorShape): string | undefined {
  const header = error.headers?.['x-ratelimit-reset'] ?? error.response?.headers?.['x-ratelimit-reset']
  return header === undefined ? undefined : new Date(Number(header) * 1000).toISOString()
}

/** Runs gitlore's GraphQL queries on one client, mapping GitHub's failures to gitlore's errors. */
export function createGraphQLRunner(options: {
  readonly client: GitHubClient
  /** `owner/repo`, for messages. */
  readonly repository: string
  /** API base URL, for messages. */
  readonly baseUrl: string
  readonly signal?: AbortSignal | undefined
}): GraphQLRunner {
  const { client, repository, baseUrl, signal } = options
  let requests = 0
  let points = 0
  let rateLimit: RateLimitStatus | null = null

  const note = (data: unknown): void => {
    const limit = (data as { rateLimit?: GqlRateLimit | null } | null)?.rateLimit
    if (limit) {
      points += limit.cost
      rateLimit = { remaining: limit.remaining, limit: limit.limit, used: limit.used, resetAt: limit.resetAt }
    }
  }

  const classify = (thrown: unknown): { data: unknown; errors: GitHubPartialError[] } => {
    if (signal?.aborted) throw signal.reason
    const error = (thrown ?? {}) as ErrorShape
    const errors = error.errors ?? (error.response?.data as { errors?: RawGraphQLError[] } | undefined)?.errors ?? []
    const messages = errors.map((entry) => entry.message ?? 'unknown error').join('; ')
    if (errors.some((entry) => entry.type === 'RATE_LIMITED'))
      throw new GitHubRateLimitError({ resetAt: resetFrom(error), cause: thrown })
    if (error.name === 'GraphqlResponseError') {
      const onRepository = errors.find((entry) => entry.path?.length === 1 && entry.path[0] === 'repository')
      if (onRepository?.type === 'NOT_FOUND') throw new GitHubNotFoundError({ repository, cause: thrown })
      if (onRepository?.type === 'FORBIDDEN' || /SAML/i.test(onRepository?.message ?? '')) {
        throw new GitHubAuthError({
          message: `GitHub refused access to ${repository}: ${onRepository?.message ?? 'forbidden'} (grant the token access, or run with --git-only)`,
          cause: thrown,
        })
      }
      if ((error.data === null || error.data === undefined) && timeoutMessage.test(messages))
        throw new QueryTimeout(messages, 200)
      if (error.data !== null && error.data !== undefined) {
        note(error.data)
        return {
          data: error.data,
          errors: errors.map((entry) => ({
            message: entry.message ?? 'unknown error',
            ...(entry.type === undefined ? {} : { type: entry.type }),
            ...(entry.path === undefined ? {} : { path: entry.path }),
          })),
        }
      }
      throw new GitHubRequestError({ message: `GitHub rejected the query: ${messages}`, cause: thrown })
    }
    const status = error.status
    const message = error.message ?? String(thrown)
    if (status === 401) throw new GitHubAuthError({ status, cause: thrown })
    if (status === 403 || status === 429) {
      const remaining = error.response?.headers?.['x-ratelimit-remaining']
      if (String(remaining) === '0' || /rate limit/i.test(message)) {
        throw new GitHubRateLimitError({
          resetAt: resetFrom(error),
          secondary: /secondary/i.test(message),
          cause: thrown,
        })
      }
      throw new GitHubAuthError({
        status,
        message: `GitHub refused access to ${repository} (${status}: ${message}): check the token's scopes, or run with --git-only`,
        cause: thrown,
      })
    }
    if (status === 404) {
      throw new GitHubNotFoundError({
        repository,
        message: `no GitHub GraphQL API at ${baseUrl} (404): check [github] api_url, or run with --git-only`,
        cause: thrown,
      })
    }
    if (status === 502 || status === 504 || (status !== undefined && status >= 500 && timeoutMessage.test(message))) {
      throw new QueryTimeout(message, status)
    }
    if (status !== undefined && status >= 400 && status !== 500) {
      throw new GitHubRequestError({ status, message: `GitHub request failed (${status}): ${message}`, cause: thrown })
    }
    if (/rate limit/i.test(message)) throw new GitHubRateLimitError({ resetAt: resetFrom(error), cause: thrown })
    throw new GitHubRequestError({
      ...(status === undefined ? {} : { status }),
      message: `cannot get an answer from GitHub at ${baseUrl}: ${message}`,
      cause: thrown,
    })
  }

  return {
    async run<T>(query: string, variables: Record<string, unknown>) {
      signal?.throwIfAborted()
      requests++
      try {
        const data = await client.graphql<T>(
          query,
          signal === undefined ? variables : { ...variables, request: { signal } },
        )
        note(data)
        return { data, errors: [] }
      } catch (error) {
        const answer = classify(error)
        return { data: answer.data as T, errors: answer.errors }
      }
    },
    requests: () => requests,
    points: () => points,
    rateLimit: () => rateLimit,
  }
}
