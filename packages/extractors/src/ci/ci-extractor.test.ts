import {
  type ActionsIntercept,
  type ActionsServer,
  type ActionsWorld,
  ActionsWorldBuilder,
  brokenTest,
  generateActionsWorld,
  runnerOutput,
  startActionsServer,
} from '@gitlore/fixtures'
import { afterEach, describe, expect, it } from 'vitest'
import { GitHubAuthError } from '../github/errors/github-auth-error.js'
import { GitHubNotFoundError } from '../github/errors/github-not-found-error.js'
import { recordingLog } from '../github/test-support/github-test-server.js'
import { type CreateCiExtractorOptions, createCiExtractor } from './ci-extractor.js'
import { createMemoryCiStore } from './memory-ci-store.js'

const token = 'ghp_FAKEciToken0123456789abcdefGITLORE'
const servers: ActionsServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

async function serve(world: ActionsWorld, options: { intercept?: ActionsIntercept; rateLimit?: number } = {}) {
  const server = await startActionsServer({ world, token, ...options })
  servers.push(server)
  const log = recordingLog()
  const extractor = (overrides: Partial<CreateCiExtractorOptions> = {}) =>
    createCiExtractor({
      token,
      baseUrl: server.url,
      owner: world.owner,
      repo: world.repo,
      retryAfterScale: 5,
      log,
      ...overrides,
    })
  let taken = 0
  const take = () => {
    const requests = server.requests.slice(taken)
    taken = server.requests.length
    return requests
  }
  return { server, extractor, take, log }
}

/** Three runs on main: green, red with a re-run that failed again, green after a re-run. */
function smallWorld(): ActionsWorld {
  const builder = new ActionsWorldBuilder({
    owner: 'octo',
    repo: 'hello',
    workflows: [{ id: 7, name: 'CI', path: '.github/workflows/ci.yml' }],
  })
  const passing = [{ name: 'unit', conclusion: 'success' as const }]
  const failing = {
    name: 'unit',
    conclusion: 'failure' as const,
    output: runnerOutput.pytest([brokenTest]),
    annotations: [
      { path: 'src/parser.py', startLine: 12, level: 'failure' as const, title: null, message: 'IndexError' },
    ],
  }
  builder.add({
    workflowId: 7,
    headSha: 'a'.repeat(40),
    title: 'one',
    actor: 'alice',
    createdAt: '2026-09-01T10:00:00Z',
    attempts: [passing],
  })
  builder.add({
    workflowId: 7,
    headSha: 'b'.repeat(40),
    title: 'two',
    actor: 'bob',
    createdAt: '2026-09-02T10:00:00Z',
    attempts: [[failing], [{ ...failing, expired: 410 }]],
  })
  builder.add({
    workflowId: 7,
    headSha: 'c'.repeat(40),
    title: 'three',
    actor: 'carol',
    createdAt: '2026-09-03T10:00:00Z',
    attempts: [[{ ...failing, expired: 404 }], passing],
  })
  return builder.world
}

const window = { since: '2026-08-01T00:00:00Z', until: '2026-09-30T00:00:00Z' }

describe('the CI extractor', () => {
  it("reads every attempt of every run with jobs, steps, annotations and the failing step's log tail", async () => {
    const { extractor, server } = await serve(smallWorld())
    const data = await extractor().fetch(window)
    expect(data.runs.map((run) => run.title)).toEqual(['three', 'two', 'one'])
    const two = data.runs[1]
    expect(two?.attempts.map((attempt) => [attempt.attempt, attempt.conclusion])).toEqual([
      [1, 'failure'],
      [2, 'failure'],
    ])
    const failedJob = two?.attempts[0]?.jobs[0]
    expect(failedJob).toMatchObject({ name: 'unit', conclusion: 'failure', attempt: 1 })
    expect(failedJob?.steps.find((step) => step.conclusion === 'failure')?.name).toBe('Test')
    expect(failedJob?.annotations.map((annotation) => annotation.path)).toContain('src/parser.py')
    expect(failedJob?.log.status).toBe('stored')
    expect(failedJob?.log.step).toBe('Test')
    // The failing step's output, not the set-up or clean-up steps around it, without timestamps.
    expect(failedJob?.log.tail).toContain(`FAILED ${brokenTest}`)
    expect(failedJob?.log.tail).not.toMatch(/Syncing repository|Cleaning up orphan/)
    expect(failedJob?.log.tail).not.toMatch(/^\d{4}-\d\d-\d\dT/m)
    // An expired log (410 or 404) is recorded as such, not as an error.
    expect(two?.attempts[1]?.jobs[0]?.log).toEqual({ status: 'expired' })
    expect(data.runs[0]?.attempts[0]?.jobs[0]?.log).toEqual({ status: 'expired' })
    expect(data.runs[0]?.attempts[1]?.jobs[0]).toMatchObject({ conclusion: 'success', log: { status: 'not_fetched' } })
    expect(data.sync).toMatchObject({ mode: 'full', fetchedRuns: 3, logsStored: 1, logsExpired: 2, incompleteRuns: 0 })
    // The log host gets no token: the redirect is to another origin, as GitHub's log URLs are.
    const logRequests = server.requests.filter((request) => request.host === 'logs')
    expect(logRequests).toHaveLength(1)
    expect(logRequests.every((request) => request.authorization === 'absent')).toBe(true)
  })

  it('costs one request on a re-run with nothing new, and picks up a re-run attempt and a new run', async () => {
    const world = smallWorld()
    const { extractor, take } = await serve(world)
    const store = createMemoryCiStore()
    await extractor({ store }).fetch(window)
    take()
    const again = await extractor({ store }).fetch(window)
    expect(take()).toHaveLength(1)
    expect(again.sync).toMatchObject({ mode: 'incremental', fetchedRuns: 0 })
    expect(again.runs).toHaveLength(3)

    const builder = new ActionsWorldBuilder({ world })
    builder.add({
      workflowId: 7,
      headSha: 'd'.repeat(40),
      title: 'four',
      actor: 'dave',
      createdAt: '2026-09-04T10:00:00Z',
      attempts: [[{ name: 'unit', conclusion: 'success' }]],
    })
    const two = world.runs.find((run) => run.title === 'two')
    if (two === undefined) throw new Error('no run two')
    builder.rerun(two, [{ name: 'unit', conclusion: 'success' }])
    const updated = await extractor({ store }).fetch(window)
    expect(updated.sync.fetchedRuns).toBe(2)
    expect(updated.runs.map((run) => run.title)).toEqual(['four', 'three', 'two', 'one'])
    expect(updated.runs[2]?.attempts.map((attempt) => attempt.conclusion)).toEqual(['failure', 'failure', 'success'])
  })

  it("walks past GitHub's 1,000-run cap on filtered listings, paginating by Link headers", async () => {
    const world = generateActionsWorld({ runs: 1_050, jobsPerRun: 1, failureShare: 0, days: 30 })
    const { extractor, take } = await serve(world)
    const data = await extractor({ logs: false, maxRunsPerSync: 2_000 }).fetch({
      since: '2026-01-01T00:00:00Z',
      until: '2026-07-01T00:00:00Z',
    })
    expect(data.runs).toHaveLength(1_050)
    expect(new Set(data.runs.map((run) => run.id)).size).toBe(1_050)
    const listings = take().filter((request) => request.path.endsWith('/actions/runs'))
    // 10 pages under the first anchor, then 1 or 2 more: at most 12 listings, not 1 per run.
    expect(listings.length).toBeLessThanOrEqual(12)
    expect(listings.every((request) => request.query.per_page === '100')).toBe(true)
  })

  it('waits out a rate limit and goes on; refuses a bad token and an unknown repository with one clear line', async () => {
    const world = smallWorld()
    let limited = 0
    const { extractor } = await serve(world, {
      intercept: (request, next) =>
        request.path.endsWith('/jobs') && limited++ === 0
          ? {
              status: 403,
              headers: {
                'x-ratelimit-limit': '5000',
                'x-ratelimit-remaining': '0',
                'x-ratelimit-used': '5000',
                'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 1),
              },
              body: { message: 'API rate limit exceeded for user ID 1.' },
            }
          : next(),
    })
    const waits: number[] = []
    const data = await extractor({ onWait: (wait) => waits.push(wait.seconds) }).fetch(window)
    expect(data.runs).toHaveLength(3)
    expect(waits.length).toBeGreaterThan(0)

    await expect(extractor({ token: 'ghp_wrong' }).fetch(window)).rejects.toSatisfy(
      (error: unknown) => GitHubAuthError.isInstance(error) && !String((error as Error).message).includes('ghp_'),
    )
    await expect(extractor({ repo: 'missing' }).fetch(window)).rejects.toSatisfy((error: unknown) =>
      GitHubNotFoundError.isInstance(error),
    )
  })

  it('keeps a run whose log host failed, marks it unavailable, and fetches it again next sync', async () => {
    const world = smallWorld()
    const { extractor } = await serve(world)
    const store = createMemoryCiStore()
    let fail = true
    const download = async (url: string) => (fail ? new Response('boom', { status: 500 }) : fetch(url))
    const first = await extractor({ store, download }).fetch(window)
    expect(first.runs[1]?.attempts[0]?.jobs[0]?.log.status).toBe('unavailable')
    expect(first.sync.incompleteRuns).toBe(1)
    fail = false
    const second = await extractor({ store, download }).fetch(window)
    expect(second.sync.fetchedRuns).toBe(1)
    expect(second.runs[1]?.attempts[0]?.jobs[0]?.log.status).toBe('stored')
  })

  it('stops a large first sync at maxRunsPerSync and resumes it on the next', async () => {
    const world = generateActionsWorld({ runs: 250, jobsPerRun: 1, failureShare: 0, days: 10 })
    const { extractor } = await serve(world)
    const store = createMemoryCiStore()
    const range = { since: '2026-01-01T00:00:00Z', until: '2026-07-01T00:00:00Z' }
    const first = await extractor({ store, maxRunsPerSync: 100 }).fetch(range)
    expect(first.sync).toMatchObject({ complete: false, fetchedRuns: 100 })
    expect(first.runs).toHaveLength(100)
    const second = await extractor({ store, maxRunsPerSync: 100 }).fetch(range)
    expect(second.sync).toMatchObject({ mode: 'resume', complete: false, fetchedRuns: 100 })
    const third = await extractor({ store, maxRunsPerSync: 100 }).fetch(range)
    expect(third.sync).toMatchObject({ mode: 'resume', complete: true, fetchedRuns: 50 })
    expect(third.runs).toHaveLength(250)
  })

  it('fetches one run by id for triage, outside any window', async () => {
    const world = smallWorld()
    const { extractor } = await serve(world)
    const two = world.runs.find((run) => run.title === 'two')
    const run = await extractor().fetchRun(two?.id ?? 0)
    expect(run.attempts).toHaveLength(2)
    expect(run.headSha).toBe('b'.repeat(40))
  })
})
