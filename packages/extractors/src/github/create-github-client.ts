import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import { Octokit } from '@octokit/rest'
import Bottleneck from 'bottleneck'

/**
 * What the review extractor needs of an Octokit instance: its `graphql` (built on its `request`, so
 * throttling and retry plugins apply to GraphQL too). An `Octokit` from `createGitHubClient` fits;
 * so does any Octokit the caller set up with @octokit/plugin-throttling and @octokit/plugin-retry.
 */
export interface GitHubClient {
  graphql<T>(query: string, parameters?: Record<string, unknown>): Promise<T>
}

/** Where Octokit's own log lines go (never carrying the token: Octokit redacts it). */
export interface GitHubLog {
  debug(message: string, ...rest: unknown[]): void
  info(message: string, ...rest: unknown[]): void
  warn(message: string, ...rest: unknown[]): void
  error(message: string, ...rest: unknown[]): void
}

/** A wait GitHub asked for before the request is sent again. */
export interface GitHubWait {
  readonly reason: 'rate-limit' | 'secondary-rate-limit'
  /** Seconds to wait, as GitHub said (reset time or Retry-After). */
  readonly seconds: number
}

export interface CreateGitHubClientOptions {
  /** The token (from `resolveGitHubToken`); sent as an authorization header, never logged. */
  readonly token: string
  /** API base URL: `https://api.github.com` (default), `https://ghe.example.com/api/v3`, or a loopback test server. */
  readonly baseUrl?: string | undefined
  /**
   * Milliseconds between the starts of two GraphQL requests (they are sent one at a time); default
   * `documentedRequestInterval` (30): the pace GitHub's documented secondary limits allow, not
   * plugin-throttling's 1000 ms for writes.
   */
  readonly requestInterval?: number | undefined
  /** Milliseconds per second of a Retry-After or rate-limit reset wait; default 1000 (tests shrink it). */
  readonly retryAfterScale?: number | undefined
  /** Longest rate-limit wait, in seconds, before giving up with `GitHubRateLimitError`; default 900. */
  readonly maxRateLimitWait?: number | undefined
  /** Retries of one request after a rate limit or a server error; default 3. */
  readonly retries?: number | undefined
  /** Octokit's log; default silent. */
  readonly log?: GitHubLog | undefined
  /** Told before each rate-limit wait, e.g. to show it in progress. */
  readonly onWait?: ((wait: GitHubWait) => void) | undefined
  /** User-Agent header; default `gitlore`. */
  readonly userAgent?: string | undefined
}

/**
 * GitHub's documented secondary limits for GraphQL (docs.github.com, "Rate limits for the REST API" and
 * "Rate limits and query limits for the GraphQL API"): at most 2,000 points a minute on the GraphQL
 * endpoint, where a query without mutations costs 1 point; at most 100 concurrent requests; at most 60
 * s of GraphQL CPU time per 60 s of real time, which requests sent one at a time cannot exceed. The
 * one-second pause between requests is advice for mutations (POST/PATCH/PUT/DELETE that create
 * content), which gitlore never sends. So: one request at a time, and no more than 2,000 a minute.
 */
export const documentedRequestInterval = Math.ceil(60_000 / 2_000)

// The plugins add no methods gitlore calls, so the class keeps @octokit/rest's type.
const GitloreOctokit: typeof Octokit = Octokit.plugin(throttling, retry)

/** What `createGitHubClient` returns: an @octokit/rest `Octokit` with the throttling and retry plugins. */
export type GitHubOctokit = Octokit

const silent: GitHubLog = { debug() {}, info() {}, warn() {}, error() {} }

/**
 * One Octokit instance (@octokit/rest) with @octokit/plugin-throttling and @octokit/plugin-retry, so
 * REST and GraphQL requests share pacing, rate-limit waits and retries. A 502/504 is not retried here:
 * the review extractor retries it with a smaller page instead.
 */
export function createGitHubClient(options: CreateGitHubClientOptions): GitHubOctokit {
  const retries = options.retries ?? 3
  const scale = options.retryAfterScale ?? 1000
  const maxWait = options.maxRateLimitWait ?? 900
  const log = options.log ?? silent
  const shouldWait =
    (reason: GitHubWait['reason']) => (seconds: number, _options: unknown, _octokit: unknown, retryCount: number) => {
      if (retryCount >= retries || seconds > maxWait) return false
      log.warn(`GitHub ${reason}: waiting ${seconds}s before retrying`)
      options.onWait?.({ reason, seconds })
      return true
    }
  return new GitloreOctokit({
    auth: options.token,
    baseUrl: (options.baseUrl ?? 'https://api.github.com').replace(/\/+$/, ''),
    userAgent: options.userAgent ?? 'gitlore',
    log,
    throttle: {
      onRateLimit: shouldWait('rate-limit'),
      onSecondaryRateLimit: shouldWait('secondary-rate-limit'),
      retryAfterBaseValue: scale,
      // plugin-throttling paces every GraphQL request through its write group (1 s apart by default,
      // shared by every Octokit in the process); this client gets its own, at the documented pace.
      write: new Bottleneck.Group({
        maxConcurrent: 1,
        minTime: options.requestInterval ?? documentedRequestInterval,
      }),
    },
    retry: {
      retries,
      retryAfterBaseValue: scale,
      doNotRetry: [400, 401, 403, 404, 410, 422, 451, 502, 504],
    },
  })
}
