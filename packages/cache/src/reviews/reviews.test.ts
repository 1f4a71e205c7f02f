import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createCache } from '../create-cache.js'
import type { GitloreCache } from '../gitlore-cache.js'
import type { CachedPullRequest, ReviewSyncState } from './review-records.js'

const opened: GitloreCache[] = []
afterEach(async () => {
  await Promise.all(opened.splice(0).map((cache) => cache.close()))
})

async function open(): Promise<GitloreCache> {
  const cache = await createCache({ path: join(await mkdtemp(join(tmpdir(), 'gitlore-reviews-')), 'cache.db') })
  opened.push(cache)
  return cache
}

const repository = 'api.github.com/octo/hello'
const state = (overrides: Partial<ReviewSyncState> = {}): ReviewSyncState => ({
  repository,
  syncedSince: null,
  newestUpdatedAt: null,
  pending: { version: 1, walk: { cursor: 'Y3Vyc29yOjE=' }, retry: [] },
  lastSync: null,
  ...overrides,
})
const pullRequest = (number: number, updatedAt: string, comments = 2): CachedPullRequest => ({
  number,
  updatedAt,
  data: { title: `PR ${number}`, updatedAt },
  comments: Array.from({ length: comments }, (_, index) => ({
    id: `C_${number}_${index}`,
    kind: index % 2 === 0 ? 'review_thread' : 'issue_comment',
    createdAt: `2024-03-0${1 + index}T00:00:00.000Z`,
    data: { body: `comment ${index} on ${number}`, replies: [{ body: 'reply' }] },
  })),
})

describe('review data in the cache', () => {
  it('stores pull requests with their comments and the sync state in one go, and reads them back newest first', async () => {
    const cache = await open()
    await cache.putPullRequests(
      repository,
      [pullRequest(1, '2024-03-10T00:00:00.000Z'), pullRequest(2, '2024-03-12T00:00:00.000Z', 3)],
      state(),
    )
    expect(await cache.getReviewSyncState(repository)).toEqual(state())
    const stored = await cache.getPullRequests(repository, '2024-03-01T00:00:00.000Z')
    expect(stored).toEqual([pullRequest(2, '2024-03-12T00:00:00.000Z', 3), pullRequest(1, '2024-03-10T00:00:00.000Z')])
    expect(await cache.getPullRequests(repository, '2024-03-11T00:00:00.000Z')).toHaveLength(1)
    expect(await cache.getPullRequests('api.github.com/other/repo', '2024-01-01T00:00:00.000Z')).toEqual([])
  })

  it('replaces a pull request and all of its comments when it is stored again', async () => {
    const cache = await open()
    await cache.putPullRequests(repository, [pullRequest(1, '2024-03-10T00:00:00.000Z', 4)], state())
    await cache.putPullRequests(repository, [pullRequest(1, '2024-03-20T00:00:00.000Z', 1)], state())
    const [stored] = await cache.getPullRequests(repository, '2024-01-01T00:00:00.000Z')
    expect(stored).toEqual(pullRequest(1, '2024-03-20T00:00:00.000Z', 1))
    expect(await cache.getPullRequestVersions(repository, [1, 2])).toEqual(new Map([[1, '2024-03-20T00:00:00.000Z']]))
  })

  it('keeps the last sync counts and clears the pending sync', async () => {
    const cache = await open()
    const finished = state({
      syncedSince: '2024-03-01T00:00:00.000Z',
      newestUpdatedAt: '2024-03-20T10:00:00.000Z',
      pending: null,
      lastSync: {
        finishedAt: '2024-03-21T00:00:00.000Z',
        requests: 61,
        points: 1020,
        pullRequests: 3000,
        comments: 30000,
        filteredBots: 1450,
        filteredTrivial: 1400,
      },
    })
    await cache.putReviewSyncState(state())
    await cache.putReviewSyncState(finished)
    expect(await cache.getReviewSyncState(repository)).toEqual(finished)
    expect(await cache.getReviewSyncState('api.github.com/other/repo')).toBeNull()
  })

  it('handles thousands of pull requests and comments in batches, and is emptied by clear', async () => {
    const cache = await open()
    const many = Array.from({ length: 1_500 }, (_, index) =>
      pullRequest(index + 1, new Date(Date.UTC(2024, 2, 1) + index * 60_000).toISOString(), 5),
    )
    await cache.putPullRequests(repository, many, state())
    const versions = await cache.getPullRequestVersions(
      repository,
      many.map((entry) => entry.number),
    )
    expect(versions.size).toBe(1_500)
    const stored = await cache.getPullRequests(repository, '2024-01-01T00:00:00.000Z')
    expect(stored.reduce((sum, entry) => sum + entry.comments.length, 0)).toBe(7_500)
    expect((await cache.stats()).rows).toMatchObject({ pull_requests: 1_500, review_comments: 7_500, review_repos: 1 })
    await cache.clear()
    expect((await cache.stats()).rows).toMatchObject({ pull_requests: 0, review_comments: 0, review_repos: 0 })
  })
})
