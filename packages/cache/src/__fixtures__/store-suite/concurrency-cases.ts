import { sql } from 'kysely'
import { expect, it } from 'vitest'
import type { GitloreCache } from '../../gitlore-cache.js'
import { schemaVersion } from '../../migrations/migrations.js'
import { makeCommits } from '../raw-commits.js'
import type { SuiteContext } from './index.js'
import { run } from './result-cases.js'
import { classification } from './review-cases.js'

const writers = 6

export function concurrencyCases({ database }: SuiteContext): void {
  it('lets several caches create a new database at once, running each migration once', async () => {
    const db = await database()
    const caches = await Promise.all(
      Array.from({ length: writers }, (_, index) => db.open({ repository: `example.com/r${index}` })),
    )
    expect(caches).toHaveLength(writers)
    const applied = await sql<{ count: string | number }>`select count(*) as count from kysely_migration`.execute(
      db.connect(),
    )
    expect(Number(applied.rows[0]?.count)).toBe(schemaVersion)
    expect((await caches[0]?.stats())?.schemaVersion).toBe(schemaVersion)
  })

  it('loses and duplicates nothing when repositories write at the same time', async () => {
    const db = await database()
    const caches: GitloreCache[] = []
    for (let index = 0; index < writers; index++) caches.push(await db.open({ repository: `example.com/r${index}` }))
    await Promise.all(
      caches.map(async (cache, index) => {
        // Overlapping shas and answers, written in a different order by each writer.
        const commits = makeCommits(1_200, index * 200)
        const batches = Array.from({ length: 6 }, (_, batch) => commits.slice(batch * 200, batch * 200 + 200))
        if (index % 2 === 1) batches.reverse()
        for (const batch of batches) {
          await Promise.all([
            cache.putCommits(batch),
            cache.putClassifications(
              (index % 2 === 0 ? batch : [...batch].reverse()).map((commit) => classification(commit.sha.slice(0, 8))),
            ),
            cache.putResult('stats', batch[0]?.sha ?? '', batch.length),
          ])
        }
        await cache.putRun(run(`run-${index}`, new Date(Date.UTC(2025, 0, 1, index)).toISOString()))
      }),
    )
    // Reading commits waits for any written in the background (SQLite files store them from a worker).
    await Promise.all(caches.map((cache) => cache.getCommits([])))
    const stats = await caches[0]?.stats()
    expect(stats?.rows).toMatchObject({
      commits: writers * 1_200,
      classifications: 1_200 + (writers - 1) * 200,
      results: writers * 6,
      runs: writers,
    })
    for (const [index, cache] of caches.entries()) {
      const shas = makeCommits(1_200, index * 200).map((commit) => commit.sha)
      expect((await cache.getCommits(shas)).size).toBe(1_200)
      expect((await cache.listRuns()).map((summary) => summary.id)).toEqual([`run-${index}`])
    }
  })

  it('lets one holder at a time run under a named lock, across caches on one database', async () => {
    const db = await database()
    const [a, b] = await Promise.all([
      db.open({ repository: 'example.com/a' }),
      db.open({ repository: 'example.com/b' }),
    ])
    const events: string[] = []
    let started = (): void => {}
    const aStarted = new Promise<void>((resolve) => {
      started = resolve
    })
    const hold = (cache: GitloreCache, name: string, ms: number) =>
      cache.withLock('reviews:api.github.com/octo/hello', async () => {
        events.push(`${name} start`)
        started()
        await new Promise((resolve) => setTimeout(resolve, ms))
        events.push(`${name} end`)
        return name
      })
    const first = hold(a, 'a', 300)
    await aStarted
    const results = await Promise.all([first, hold(b, 'b', 10), b.withLock('another lock', async () => 'free')])
    expect(results).toEqual(['a', 'b', 'free'])
    expect(events).toEqual(['a start', 'a end', 'b start', 'b end'])
  })
}
