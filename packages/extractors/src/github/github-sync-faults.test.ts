import {
  badGatewayStorm,
  connectionSizeLimit,
  failingFollowUp,
  forbiddenPullRequest,
  generateGitHubWorld,
  type Intercept,
  operationOf,
} from '@gitlore/fixtures'
import { afterEach, describe, expect, it } from 'vitest'
import { createMemoryReviewStore } from './memory-review-store.js'
import type { ReviewSyncProgress } from './sync-reviews.js'
import { closeTestGitHubs, startTestGitHub } from './test-support/github-test-server.js'

// Faults GitHub shows under load, on a generated repository of 300 pull requests: each scenario asserts
// the data comes out whole (or the pull requests it could not get are named), how many requests it
// took, and the wall time.

afterEach(closeTestGitHubs)

const since = '2023-12-01T00:00:00Z'
const world = () => generateGitHubWorld({ pullRequests: 300, comments: 3000 })
let referenceData: Awaited<ReturnType<typeof sync>>['data'] | undefined

async function sync(intercept?: Intercept) {
  const github = await startTestGitHub(world(), intercept === undefined ? {} : { intercept })
  const store = createMemoryReviewStore()
  const progress: ReviewSyncProgress[] = []
  const started = Date.now()
  const data = await github.extractor({ store }).fetch({ since, onProgress: (event) => progress.push(event) })
  return { github, store, data, progress, seconds: (Date.now() - started) / 1000 }
}

async function reference() {
  referenceData ??= (await sync()).data
  return referenceData
}

describe('GitHub sync under faults', () => {
  it('a server that refuses connections of more than 20 items: a few smaller pages, not one pull request a page', async () => {
    const { github, data, progress, seconds } = await sync(connectionSizeLimit(20))
    expect(data.comments).toEqual((await reference()).comments)
    expect(data.pullRequests).toEqual((await reference()).pullRequests)
    const pages = github.server.requests.filter((request) => operationOf(request) === 'GitlorePullRequestPage')
    // The pull-request page settles at 13 (nested pages at their floors), never 1.
    expect(Math.min(...pages.map((request) => Number(request.variables?.first)))).toBe(13)
    // Healthy: 7 requests (6 pages, 1 follow-up). Halving the pull-request page first took about 300.
    expect(github.server.requests.length).toBeLessThan(60)
    expect(progress.filter((event) => event.phase === 'shrunk').length).toBeGreaterThan(0)
    expect(seconds).toBeLessThan(20)
  })

  it('a storm of 502s: pages shrink, then grow back to full size once GitHub answers again', async () => {
    const { github, data, progress } = await sync(badGatewayStorm(4))
    expect(data.comments).toEqual((await reference()).comments)
    const pages = github.server.requests.filter((request) => operationOf(request) === 'GitlorePullRequestPage')
    const sizes = pages.map((request) => `${request.variables?.first}/${request.variables?.threads}`)
    expect(sizes.slice(0, 5)).toEqual(['50/30', '50/15', '50/10', '25/10', '13/10'])
    // Back to 50 pull requests a page, nested pages growing back above their floors.
    expect(sizes.at(-1)).toMatch(/^50\/(20|30)$/)
    expect(progress.filter((event) => event.phase === 'grown').length).toBeGreaterThan(0)
  })

  it('a pull request GitHub fails to load once: named through the page’s numbers and fetched again in the same sync', async () => {
    const { github, data } = await sync(forbiddenPullRequest(290, { times: 1 }))
    expect(data).toMatchObject({ incomplete: [], partialErrors: [], recovered: 1 })
    expect(data.pullRequests).toEqual((await reference()).pullRequests)
    expect(data.comments).toEqual((await reference()).comments)
    const operations = github.server.requests.map(operationOf)
    expect(operations).toContain('GitlorePullRequestNumbers')
    expect(operations).toContain('GitlorePullRequestsByNumber')
  })

  it('a pull request GitHub keeps refusing: named, the rest complete, and only it is asked for next time', async () => {
    const { github, store, data } = await sync(forbiddenPullRequest(290))
    expect(data.incomplete).toEqual([290])
    expect(data.partialErrors).toEqual([
      expect.objectContaining({
        type: 'FORBIDDEN',
        pullRequest: 290,
        message: 'Resource not accessible by integration',
      }),
    ])
    const expected = (await reference()).pullRequests.filter((pullRequest) => pullRequest.number !== 290)
    expect(data.pullRequests).toEqual(expected)
    // Asked for by number twice more within the sync (the bound), then left for the next one.
    const byNumber = github.server.requests.filter((request) => operationOf(request) === 'GitlorePullRequestsByNumber')
    expect(byNumber).toHaveLength(2)

    github.takeRequests()
    const next = await github.extractor({ store }).fetch({ since })
    expect(next.incomplete).toEqual([290])
    expect(github.takeRequests().map(operationOf)).toEqual([
      'GitlorePullRequestNumbers',
      'GitlorePullRequestsByNumber',
      'GitlorePullRequestsByNumber',
      'GitlorePullRequestsByNumber',
    ])
  })

  it('a follow-up that comes back with a partial error is asked again in the same sync', async () => {
    const { data } = await sync(failingFollowUp(1))
    expect(data).toMatchObject({ incomplete: [], partialErrors: [], recovered: 1 })
    expect(data.comments).toEqual((await reference()).comments)
  })
})
