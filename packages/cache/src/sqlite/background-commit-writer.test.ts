import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CacheError } from '@gitlore/core'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { makeCommits } from '../__fixtures__/raw-commits.js'
import { createCache } from '../create-cache.js'

describe('storing commits from a worker thread (SQLite file)', () => {
  it('stores a few commits at once, without starting a worker', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'gitlore-background-')), 'cache.db')
    const cache = await createCache({ path, busyTimeout: 50 })
    const blocker = new Database(path)
    blocker.exec('begin immediate')
    await expect(cache.putCommits(makeCommits(3))).rejects.toThrow()
    blocker.exec('rollback')
    blocker.close()
    await cache.putCommits(makeCommits(3))
    expect((await cache.getCommits(makeCommits(3).map((commit) => commit.sha))).size).toBe(3)
    await cache.close()
  })

  it('stores what was handed over before a read, stats or close, even from another process', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'gitlore-background-')), 'cache.db')
    const cache = await createCache({ path })
    const commits = makeCommits(1200)
    await cache.putCommits(commits.slice(0, 700))
    await cache.putCommits(commits.slice(500))
    expect((await cache.getCommits(commits.map((commit) => commit.sha))).size).toBe(1200)
    await cache.close()
    const other = new Database(path, { readonly: true })
    expect(other.prepare('select count(*) as count from commits').get()).toEqual({ count: 1200 })
    other.close()
  })

  it('reports a write that failed (the file locked past the busy timeout) at the next read or close', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'gitlore-background-')), 'cache.db')
    const cache = await createCache({ path, busyTimeout: 50 })
    await cache.putCommits(makeCommits(150))
    await cache.getCommits([])
    const blocker = new Database(path)
    blocker.exec('begin immediate')
    await cache.putCommits(makeCommits(150, 1000))
    await expect(cache.getCommits(['x'])).rejects.toBeInstanceOf(CacheError)
    blocker.exec('rollback')
    blocker.close()
    await expect(cache.close()).rejects.toThrow(/cannot store commits/)
  })
})
