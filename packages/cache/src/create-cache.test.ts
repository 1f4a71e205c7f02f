import { mkdtemp, readdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { SqliteDialect } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { makeCommit, makeCommits, testSha } from './__fixtures__/raw-commits.js'
import { createCache } from './create-cache.js'
import type { GitloreCache } from './gitlore-cache.js'
import { schemaVersion } from './migrations/migrations.js'

// What every dialect does is in the shared store suite (src/__fixtures__/store-suite); these are the SQLite file's own.

const opened: GitloreCache[] = []

async function openTemporaryCache(): Promise<{ cache: GitloreCache; path: string }> {
  const directory = await mkdtemp(join(tmpdir(), 'gitlore-cache-'))
  const path = join(directory, '.gitlore', 'cache.db')
  const cache = await createCache({ path })
  opened.push(cache)
  return { cache, path }
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((cache) => cache.close()))
})

describe('createCache on an SQLite file', () => {
  it('creates the file and its directory', async () => {
    const { cache, path } = await openTemporaryCache()
    await cache.putCommits([makeCommit(1)])
    expect(await readdir(join(path, '..'))).toContain('cache.db')
  })

  it('works on an injected kysely dialect', async () => {
    const cache = await createCache({ dialect: new SqliteDialect({ database: new Database(':memory:') }) })
    opened.push(cache)
    await cache.putCommits(makeCommits(10))
    expect((await cache.getCommits([testSha(9)])).get(testSha(9))).toEqual(makeCommit(9))
    const stats = await cache.stats()
    expect(stats).toMatchObject({ schemaVersion, rows: { commits: 10, classifications: 0, results: 0 } })
    expect(stats.path).toBeUndefined()
  })

  it('takes exactly one of a path, a URL or a dialect', async () => {
    await expect(createCache({} as never)).rejects.toThrow('exactly one of `path`, `url` or `dialect`')
    await expect(createCache({ path: 'a.db', url: 'postgres://h/d' } as never)).rejects.toThrow('exactly one')
  })
})

describe('stats and clear', () => {
  it('counts rows and reports the size on disk', async () => {
    const { cache, path } = await openTemporaryCache()
    await cache.putCommits(makeCommits(500))
    const stats = await cache.stats()
    expect(stats.path).toBe(path)
    expect(stats.rows).toMatchObject({ commits: 500, classifications: 0 })
    expect(stats.repository).toBeUndefined()
    expect(stats.bytes).toBeGreaterThan(100_000)
  })

  it('clear empties the cache and shrinks the file, and the cache stays usable', async () => {
    const { cache, path } = await openTemporaryCache()
    await cache.putCommits(makeCommits(2_000))
    const before = await cache.stats()
    await cache.clear()
    const after = await cache.stats()
    expect(after.rows).toMatchObject({ commits: 0, classifications: 0 })
    // Back to about the size of a new, empty cache (the schema's pages), far below the 2,000 commits'.
    const empty = await (await openTemporaryCache()).cache.stats()
    expect(after.bytes).toBeLessThanOrEqual((empty.bytes ?? 0) * 1.5)
    expect(after.bytes).toBeLessThan((before.bytes ?? 0) / 5)
    expect((await cache.getCommits([testSha(1)])).size).toBe(0)

    await cache.putCommits([makeCommit(1)])
    await cache.close()
    const reopened = await createCache({ path })
    opened.push(reopened)
    expect((await reopened.getCommits([testSha(1)])).get(testSha(1))).toEqual(makeCommit(1))
  })
})
