import {
  type GitHubServer,
  type Intercept,
  reviewWorld,
  startGitHubServer,
  type WorldRepository,
} from '@gitlore/fixtures'
import type { GitHubLog } from '../create-github-client.js'
import { type CreateReviewExtractorOptions, createReviewExtractor, type ReviewExtractor } from '../review-extractor.js'

/** A fake token the tests grep for: it must never appear in logs, errors, cache rows or outputs. */
export const fakeToken = 'ghp_FAKEtoken0123456789abcdefGITLORE'

/** Log lines the client wrote, to check for the token. */
export function recordingLog(): GitHubLog & { readonly lines: string[] } {
  const lines: string[] = []
  const write = (message: string, ...rest: unknown[]) => {
    lines.push(
      [
        message,
        ...rest.map((value) => (value instanceof Error ? `${value.message} ${value.stack}` : JSON.stringify(value))),
      ].join(' '),
    )
  }
  return { lines, debug: write, info: write, warn: write, error: write }
}

export interface TestGitHub {
  readonly server: GitHubServer
  readonly world: WorldRepository
  readonly log: ReturnType<typeof recordingLog>
  /** An extractor on the server, unpaced, with waits scaled down to milliseconds. */
  extractor(options?: Partial<CreateReviewExtractorOptions>): ReviewExtractor
  /** Requests the server received since the last call. */
  takeRequests(): GitHubServer['requests']
}

const open: GitHubServer[] = []

/** Starts a loopback GitHub with `world` (default: the hand-built review world). */
export async function startTestGitHub(
  world: WorldRepository = reviewWorld(),
  options: { readonly intercept?: Intercept; readonly rateLimit?: number } = {},
): Promise<TestGitHub> {
  const server = await startGitHubServer({
    repositories: [world],
    token: fakeToken,
    ...(options.intercept === undefined ? {} : { intercept: options.intercept }),
    ...(options.rateLimit === undefined ? {} : { rateLimit: options.rateLimit }),
  })
  open.push(server)
  const log = recordingLog()
  let taken = 0
  return {
    server,
    world,
    log,
    extractor: (overrides = {}) =>
      createReviewExtractor({
        token: fakeToken,
        baseUrl: server.url,
        owner: world.owner,
        repo: world.name,
        requestInterval: 0,
        retryAfterScale: 5,
        log,
        ...overrides,
      }),
    takeRequests() {
      const taken_ = server.requests.slice(taken)
      taken = server.requests.length
      return taken_
    },
  }
}

/** Closes every server `startTestGitHub` started (call in afterEach). */
export async function closeTestGitHubs(): Promise<void> {
  await Promise.all(open.splice(0).map((server) => server.close()))
}
