import { expect, it } from 'vitest'
import { makeCommit, makeCommits, testSha } from '../raw-commits.js'
import type { SuiteContext } from './index.js'
import { run } from './result-cases.js'
import { classification, pullRequest, syncState, vector } from './review-cases.js'

const alpha = 'api.github.com/octo/alpha'
const beta = 'api.github.com/octo/beta'

export function scopeCases({ database }: SuiteContext): void {
  it('keeps each repository’s commits, listings, results and runs apart', async () => {
    const db = await database()
    const [a, b] = await Promise.all([db.open({ repository: alpha }), db.open({ repository: beta })])
    expect([a.repository, b.repository]).toEqual([alpha, beta])
    await a.putCommits(makeCommits(3))
    await b.putCommits([makeCommit(1, { subject: 'the same sha, as beta read it' })])
    expect([...(await a.getCommits([testSha(0), testSha(1), testSha(2)])).keys()]).toHaveLength(3)
    expect([...(await b.getCommits([testSha(0), testSha(1), testSha(2)])).keys()]).toEqual([testSha(1)])
    expect((await a.getCommits([testSha(1)])).get(testSha(1))?.subject).toBe(makeCommit(1).subject)

    await a.putListing('head', [{ sha: testSha(0), parents: [], authorTime: 1, committerTime: 1 }])
    await a.putResult('stats', 'key', { from: 'alpha' })
    await b.putResult('stats', 'key', { from: 'beta' })
    expect(await b.getListing('head')).toBeNull()
    expect(await a.getResult('stats', 'key')).toEqual({ from: 'alpha' })
    expect(await b.getResult('stats', 'key')).toEqual({ from: 'beta' })

    await a.putRun(run('run-a', '2025-01-01T00:00:00.000Z'))
    await b.putRun(run('run-b', '2025-01-02T00:00:00.000Z'))
    expect((await a.listRuns()).map((summary) => summary.id)).toEqual(['run-a'])
    expect((await a.latestRun())?.id).toBe('run-a')
    expect(await a.getRun('run-b')).toBeNull()
    expect(await b.getRun('run')).toMatchObject({ id: 'run-b' })
  })

  it('keeps each repository’s newest results however many other repositories write', async () => {
    const db = await database()
    const [a, b] = await Promise.all([db.open({ repository: alpha }), db.open({ repository: beta })])
    await a.putResult('history-stats', 'alpha-1', 1)
    for (let index = 0; index < 20; index++) await b.putResult('history-stats', `beta-${index}`, index)
    expect(await a.getResult('history-stats', 'alpha-1')).toBe(1)
    expect((await b.stats()).repositoryRows?.results).toBe(8)
  })

  it('shares classifier answers and embeddings between repositories, so none is paid for twice', async () => {
    const db = await database()
    const [a, b] = await Promise.all([db.open({ repository: alpha }), db.open({ repository: beta })])
    await a.putClassifications([classification('body')])
    await a.putEmbeddings([{ model: 'm', dimensions: 2, textHash: 't', vector: vector(1, 2) }])
    expect(
      (await b.getClassifications({ model: 'compatible/qwen3', promptHash: 'p1', bodyHashes: ['body'] })).size,
    ).toBe(1)
    expect((await b.getEmbeddings({ model: 'm', dimensions: 2, textHashes: ['t'] })).size).toBe(1)
    expect((await a.stats()).repositoryRows).toMatchObject({ classifications: 1, embeddings: 1 })
    expect((await b.stats()).repositoryRows).toMatchObject({ classifications: 0, embeddings: 0 })
  })

  it('counts and clears one repository’s rows, leaving the others', async () => {
    const db = await database()
    const [a, b] = await Promise.all([db.open({ repository: alpha }), db.open({ repository: beta })])
    for (const [cache, key] of [
      [a, alpha],
      [b, beta],
    ] as const) {
      await cache.putCommits(makeCommits(4))
      await cache.putRun(run(`run-${key}`, '2025-01-01T00:00:00.000Z'))
      await cache.putResult('stats', 'k', 1)
      await cache.putClassifications([classification(key)])
      await cache.putPullRequests(key, [pullRequest(1, '2024-03-10T00:00:00.000Z')], syncState({ repository: key }))
    }
    // Reading commits waits for any written in the background (SQLite files store them from a worker).
    await Promise.all([a.getCommits([]), b.getCommits([])])
    // What each repository wrote above; the database holds both.
    const one = {
      commits: 4,
      runs: 1,
      results: 1,
      classifications: 1,
      pull_requests: 1,
      review_comments: 2,
      review_repos: 1,
    }
    const none = Object.fromEntries(Object.keys(one).map((table) => [table, 0]))
    const both = Object.fromEntries(Object.entries(one).map(([table, count]) => [table, 2 * count]))
    const before = await a.stats()
    expect(before.repository).toBe(alpha)
    expect(before.repositoryRows).toMatchObject(one)
    expect(before.rows).toMatchObject(both)

    await a.clear()
    expect((await a.stats()).repositoryRows).toMatchObject(none)
    expect((await b.stats()).repositoryRows).toMatchObject(one)
    expect((await b.getCommits([testSha(3)])).size).toBe(1)

    await a.clear({ all: true })
    expect(Object.values((await b.stats()).rows).every((count) => count === 0)).toBe(true)
  })
}
