import { inspect } from 'node:util'
import { GitloreError } from '@gitlore/core'
import type { Intercept, RecordedRequest } from '@gitlore/fixtures'
import { afterEach, describe, expect, it } from 'vitest'
import type { GitHubWait } from './create-github-client.js'
import { GitHubAuthError } from './errors/github-auth-error.js'
import { GitHubNotFoundError } from './errors/github-not-found-error.js'
import { createMemoryReviewStore } from './memory-review-store.js'
import type { ReviewSyncProgress } from './sync-reviews.js'
import { closeTestGitHubs, fakeToken, startTestGitHub } from './test-support/github-test-server.js'

afterEach(closeTestGitHubs)

const since = '2024-03-01T00:00:00Z'
const isPage = (request: RecordedRequest) => request.query?.includes('query GitlorePullRequestPage') === true

/** Answers the first request matching `when` with `reply`, everything else normally. */
function once(
  when: (request: RecordedRequest) => boolean,
  reply: Parameters<Intercept>[1] extends () => Promise<infer R> ? R : never,
): Intercept {
  let done = false
  return (request, next) => {
    if (done || !when(request)) return next()
    done = true
    return reply
  }
}

async function reference() {
  const github = await startTestGitHub()
  return github.extractor().fetch({ since })
}

describe('rate limits', () => {
  it('waits out RATE_LIMITED inside a 200 and carries on', async () => {
    const reset = String(Math.ceil(Date.now() / 1000) + 1)
    const github = await startTestGitHub(undefined, {
      intercept: once(isPage, {
        status: 200,
        headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset },
        body: { errors: [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded for user ID 1.' }] },
      }),
    })
    const waits: GitHubWait[] = []
    const data = await github.extractor({ onWait: (wait) => waits.push(wait) }).fetch({ since })
    expect(waits.map((wait) => wait.reason)).toEqual(['rate-limit'])
    expect(data.comments).toEqual((await reference()).comments)
  })

  it('waits out a secondary rate limit (403 with retry-after)', async () => {
    const github = await startTestGitHub(undefined, {
      intercept: once(isPage, {
        status: 403,
        headers: { 'retry-after': '1' },
        body: {
          message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
          documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
        },
      }),
    })
    const waits: GitHubWait[] = []
    const data = await github.extractor({ onWait: (wait) => waits.push(wait) }).fetch({ since })
    expect(waits).toEqual([{ reason: 'secondary-rate-limit', seconds: 1 }])
    expect(data.comments).toEqual((await reference()).comments)
  })
})

describe('timeouts', () => {
  it.each([
    ['a 502', { status: 502, body: { message: 'Server Error' } }],
    ['a 504', { status: 504, body: { message: 'Gateway Timeout' } }],
    [
      "a 200 saying GitHub couldn't respond in time",
      {
        status: 200,
        body: {
          data: null,
          errors: [
            {
              message:
                "We couldn't respond to your request in time. Sorry about that. Please try resubmitting your request and contact us if the problem persists.",
            },
          ],
        },
      },
    ],
  ])('retries %s with smaller nested pages first and loses nothing', async (_, reply) => {
    const github = await startTestGitHub(undefined, { intercept: once(isPage, reply) })
    const progress: ReviewSyncProgress[] = []
    const data = await github.extractor().fetch({ since, onProgress: (event) => progress.push(event) })
    const pages = github.server.requests.filter(isPage)
    // The pull-request page keeps its 50; its review threads (and the other nested pages) halve.
    expect(pages.map((request) => [request.variables?.first, request.variables?.threads])).toEqual([
      [50, 30],
      [50, 15],
    ])
    expect(progress.some((event) => event.phase === 'shrunk' && event.sizes?.reviewThreads === 15)).toBe(true)
    expect(data.comments).toEqual((await reference()).comments)
  })
})

describe('partial errors', () => {
  it('asks again within the same sync for a pull request a partial error left incomplete, and loses nothing', async () => {
    const github = await startTestGitHub(undefined, {
      intercept: async (request, next) => {
        const reply = await next()
        if (!isPage(request) || request.index > 0) return reply
        const body = reply.body as {
          data: { repository: { pullRequests: { nodes: { number: number; reviewThreads: unknown }[] } } }
          errors?: unknown[]
        }
        const nodes = body.data.repository.pullRequests.nodes
        const index = nodes.findIndex((node) => node.number === 2)
        const hit = nodes[index]
        if (hit) hit.reviewThreads = null
        body.errors = [
          {
            message: 'Timeout on reviewThreads',
            path: ['repository', 'pullRequests', 'nodes', index, 'reviewThreads'],
          },
        ]
        return reply
      },
    })
    const store = createMemoryReviewStore()
    const first = await github.extractor({ store }).fetch({ since })
    expect(first).toMatchObject({ partialErrors: [], incomplete: [], recovered: 1 })
    expect(github.takeRequests().map((request) => /query (\w+)/.exec(request.query ?? '')?.[1])).toContain(
      'GitlorePullRequestsByNumber',
    )
    expect(first.comments).toEqual((await reference()).comments)
    // Nothing is left for the next sync.
    const second = await github.extractor({ store }).fetch({ since })
    expect(github.takeRequests().map((request) => /query (\w+)/.exec(request.query ?? '')?.[1])).toEqual([
      'GitlorePullRequestNumbers',
    ])
    expect(second.partialErrors).toEqual([])
  })
})

describe('refusals', () => {
  it('maps 401 to GitHubAuthError, a usage error naming what to do', async () => {
    const github = await startTestGitHub()
    const error = await github
      .extractor({ token: `${fakeToken}x` })
      .fetch({ since })
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(GitHubAuthError)
    expect(GitloreError.isInstance(error) && error.kind).toBe('usage')
    expect((error as GitHubAuthError).code).toBe('github_auth_failed')
    expect((error as Error).message).toMatch(/GITHUB_TOKEN.*--git-only/)
    expect(inspect(error, { depth: 20 })).not.toContain(fakeToken)
    expect(github.log.lines.join('\n')).not.toContain(fakeToken)
  })

  it('maps an unknown or invisible repository to GitHubNotFoundError', async () => {
    const github = await startTestGitHub()
    const error = await github
      .extractor({ repo: 'missing' })
      .fetch({ since })
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(GitHubNotFoundError)
    expect((error as GitHubNotFoundError).kind).toBe('usage')
    expect((error as Error).message).toContain('octo/missing')
  })

  it('maps a wrong API URL (404 on /graphql) to GitHubNotFoundError naming [github] api_url', async () => {
    const github = await startTestGitHub()
    const error = await github
      .extractor({ baseUrl: `${github.server.url}/nothing-here` })
      .fetch({ since })
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(GitHubNotFoundError)
    expect((error as Error).message).toContain('api_url')
  })
})

describe('an interrupted sync', () => {
  it('keeps the pages it committed and resumes after them', async () => {
    const github = await startTestGitHub()
    const store = createMemoryReviewStore()
    const controller = new AbortController()
    let pages = 0
    const interrupted = github.extractor({ store, pageSizes: { pullRequests: 1 } }).fetch({
      since,
      signal: controller.signal,
      onProgress: (event) => {
        if (event.phase === 'pull-requests' && ++pages === 2) controller.abort()
      },
    })
    await expect(interrupted).rejects.toThrow(/abort/i)
    const before = github.takeRequests()
    expect(before.filter(isPage)).toHaveLength(2)

    const resumed = await github.extractor({ store, pageSizes: { pullRequests: 1 } }).fetch({ since })
    const after = github.takeRequests()
    expect(resumed.sync.mode).toBe('resume')
    // Catching up from the top costs two small pages (#1 unchanged, then #2, older than the overlap); then
    // the walk goes on after #2 where it stopped: #5, #3, #4 and #6 (outside the window). #1's follow-ups
    // are not repeated.
    const cursorAfterTwo = before.filter(isPage)[1]?.variables?.after
    const resumedPages = after.filter(isPage).map((request) => request.variables?.after ?? null)
    expect(resumedPages).toHaveLength(6)
    expect(resumedPages[0]).toBeNull()
    expect(resumedPages[1]).toBe(cursorAfterTwo)
    // The loopback server's cursors are offsets: the walk went on after the second pull request (offset 1).
    expect(Buffer.from(String(resumedPages[2]), 'base64').toString()).toBe('cursor:v2:1')
    expect(after.filter((request) => request.query?.includes('GitloreFollowUp'))).toEqual([])
    expect(resumed.comments).toEqual((await reference()).comments)
  })
})
