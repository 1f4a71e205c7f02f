import { expect, it } from 'vitest'
import type { ClassificationEntry } from '../../classifications/cached-classification.js'
import type { CachedPullRequest, ReviewSyncState } from '../../reviews/review-records.js'
import type { SuiteContext } from './index.js'

export const reviewRepository = 'api.github.com/octo/hello'

export const syncState = (overrides: Partial<ReviewSyncState> = {}): ReviewSyncState => ({
  repository: reviewRepository,
  syncedSince: null,
  newestUpdatedAt: null,
  pending: { version: 1, walk: { cursor: 'Y3Vyc29yOjE=' }, retry: [] },
  lastSync: null,
  ...overrides,
})

export const pullRequest = (number: number, updatedAt: string, comments = 2): CachedPullRequest => ({
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

export const classification = (
  bodyHash: string,
  overrides: Partial<ClassificationEntry> = {},
): ClassificationEntry => ({
  model: 'compatible/qwen3',
  promptHash: 'p1',
  bodyHash,
  categories: ['bug', 'error_handling'],
  confidence: 0.8,
  ...overrides,
})

export const vector = (...values: number[]) => new Uint8Array(Float32Array.from(values).buffer)

const floats = (bytes: Uint8Array | undefined) =>
  bytes === undefined
    ? []
    : [...new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength))]

export function reviewCases({ database }: SuiteContext): void {
  it('stores pull requests with their comments and the sync state in one go, and reads them back newest first', async () => {
    const cache = await (await database()).open()
    await cache.putPullRequests(
      reviewRepository,
      [pullRequest(1, '2024-03-10T00:00:00.000Z'), pullRequest(2, '2024-03-12T00:00:00.000Z', 3)],
      syncState(),
    )
    expect(await cache.getReviewSyncState(reviewRepository)).toEqual(syncState())
    const stored = await cache.getPullRequests(reviewRepository, '2024-03-01T00:00:00.000Z')
    expect(stored).toEqual([pullRequest(2, '2024-03-12T00:00:00.000Z', 3), pullRequest(1, '2024-03-10T00:00:00.000Z')])
    expect(await cache.getPullRequests(reviewRepository, '2024-03-11T00:00:00.000Z')).toHaveLength(1)
    expect(await cache.getPullRequests('api.github.com/other/repo', '2024-01-01T00:00:00.000Z')).toEqual([])
  })

  it('replaces a pull request and all of its comments when it is stored again', async () => {
    const cache = await (await database()).open()
    await cache.putPullRequests(reviewRepository, [pullRequest(1, '2024-03-10T00:00:00.000Z', 4)], syncState())
    await cache.putPullRequests(
      reviewRepository,
      [pullRequest(1, '2024-03-15T00:00:00.000Z', 3), pullRequest(1, '2024-03-20T00:00:00.000Z', 1)],
      syncState(),
    )
    const [stored] = await cache.getPullRequests(reviewRepository, '2024-01-01T00:00:00.000Z')
    expect(stored).toEqual(pullRequest(1, '2024-03-20T00:00:00.000Z', 1))
    expect(await cache.getPullRequestVersions(reviewRepository, [1, 2])).toEqual(
      new Map([[1, '2024-03-20T00:00:00.000Z']]),
    )
  })

  it('keeps the last sync counts and clears the pending sync', async () => {
    const cache = await (await database()).open()
    const finished = syncState({
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
    await cache.putReviewSyncState(syncState())
    await cache.putReviewSyncState(finished)
    expect(await cache.getReviewSyncState(reviewRepository)).toEqual(finished)
    expect(await cache.getReviewSyncState('api.github.com/other/repo')).toBeNull()
  })

  it('handles thousands of pull requests and comments in batches, and is emptied by clear', async () => {
    const cache = await (await database()).open()
    const many = Array.from({ length: 1_500 }, (_, index) =>
      pullRequest(index + 1, new Date(Date.UTC(2024, 2, 1) + index * 60_000).toISOString(), 5),
    )
    await cache.putPullRequests(reviewRepository, many, syncState())
    const versions = await cache.getPullRequestVersions(
      reviewRepository,
      many.map((entry) => entry.number),
    )
    expect(versions.size).toBe(1_500)
    const stored = await cache.getPullRequests(reviewRepository, '2024-01-01T00:00:00.000Z')
    expect(stored.reduce((sum, entry) => sum + entry.comments.length, 0)).toBe(7_500)
    expect((await cache.stats()).rows).toMatchObject({ pull_requests: 1_500, review_comments: 7_500, review_repos: 1 })
    await cache.clear()
    expect((await cache.stats()).rows).toMatchObject({ pull_requests: 0, review_comments: 0, review_repos: 0 })
  })

  it('gives back classifier answers by body hash, for the same model and prompt only', async () => {
    const cache = await (await database()).open()
    await cache.putClassifications([
      classification('a'),
      classification('b', { categories: ['praise'], confidence: 1 }),
      classification('a', { model: 'openai/gpt-5-mini', categories: ['style'] }),
      classification('a', { promptHash: 'p2', categories: ['naming'] }),
    ])
    const found = await cache.getClassifications({
      model: 'compatible/qwen3',
      promptHash: 'p1',
      bodyHashes: ['a', 'b', 'c'],
    })
    expect(new Map(found)).toEqual(
      new Map([
        ['a', { categories: ['bug', 'error_handling'], confidence: 0.8 }],
        ['b', { categories: ['praise'], confidence: 1 }],
      ]),
    )
    expect((await cache.stats()).rows.classifications).toBe(4)
  })

  it('replaces an answer stored again under the same key, and reads many keys at once', async () => {
    const cache = await (await database()).open()
    const hashes = Array.from({ length: 2_000 }, (_, index) => `h${index}`)
    await cache.putClassifications(hashes.map((hash) => classification(hash)))
    await cache.putClassifications([
      classification('h7', { categories: ['style'], confidence: 0.1 }),
      classification('h7', { categories: ['performance'], confidence: 0.5 }),
    ])
    const found = await cache.getClassifications({ model: 'compatible/qwen3', promptHash: 'p1', bodyHashes: hashes })
    expect(found.size).toBe(2_000)
    expect(found.get('h7')).toEqual({ categories: ['performance'], confidence: 0.5 })
    await cache.clear()
    expect((await cache.stats()).rows.classifications).toBe(0)
  })

  it('keys embedding vectors by model, dimensions and text hash, and keeps them across reopening', async () => {
    const db = await database()
    const cache = await db.open()
    await cache.putEmbeddings([
      { model: 'offline', dimensions: 3, textHash: 'h1', vector: vector(1, 2, 3) },
      { model: 'offline', dimensions: 3, textHash: 'h2', vector: vector(4, 5, 6) },
      { model: 'offline', dimensions: 2, textHash: 'h1', vector: vector(7, 8) },
      { model: 'offline', dimensions: 2, textHash: 'h1', vector: vector(7, 9) },
    ])
    await cache.close()
    const reopened = await db.open()
    const found = await reopened.getEmbeddings({ model: 'offline', dimensions: 3, textHashes: ['h1', 'h2', 'h3'] })
    expect([...found.keys()].sort()).toEqual(['h1', 'h2'])
    expect(floats(found.get('h1'))).toEqual([1, 2, 3])
    expect(
      floats((await reopened.getEmbeddings({ model: 'offline', dimensions: 2, textHashes: ['h1'] })).get('h1')),
    ).toEqual([7, 9])
    expect((await reopened.getEmbeddings({ model: 'other', dimensions: 3, textHashes: ['h1'] })).size).toBe(0)
    expect((await reopened.stats()).rows.embeddings).toBe(3)
  })
}
