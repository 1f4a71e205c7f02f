import { mkdtemp, readdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { SqliteDialect } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { makeCommit, makeCommits, testSha } from './__fixtures__/raw-commits.js'
import { dataTables } from './cache-schema.js'
import { createCache } from './create-cache.js'
import type { GitloreCache } from './gitlore-cache.js'
import { schemaVersion } from './migrations/migrations.js'

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

describe('createCache as a CommitStore', () => {
  it('creates the file and its directory, and gives back the commits it stored', async () => {
    const { cache, path } = await openTemporaryCache()
    const commits = [
      makeCommit(1, {
        author: { name: 'Zoë Ångström 李雷', email: 'zoe@例え.jp' },
        subject: 'fix: handle émoji 🎉 and \u0000 nul',
        body: 'Ünïcödé body\r\nwith CRLF and a tab\t',
        files: [{ path: 'docs/café/naïve 文件.md', added: 3, removed: 1, status: 'modified', binary: false }],
      }),
      makeCommit(2, { files: [], parents: [testSha(0), testSha(1)] }),
      makeCommit(3, {
        files: [{ path: 'logo.png', added: 0, removed: 0, status: 'added', binary: true }],
        submoduleEntries: 2,
      }),
    ]
    await cache.putCommits(commits)
    const found = await cache.getCommits(commits.map((commit) => commit.sha))
    expect(new Map(found)).toEqual(new Map(commits.map((commit) => [commit.sha, commit])))
    expect(await readdir(join(path, '..'))).toContain('cache.db')
  })

  it('stores only the RawCommit fields of what it is given', async () => {
    const { cache } = await openTemporaryCache()
    const commit = makeCommit(1)
    await cache.putCommits([{ ...commit, token: 'secret' } as typeof commit])
    expect((await cache.getCommits([commit.sha])).get(commit.sha)).toStrictEqual(commit)
  })

  it('keeps the first copy when a sha is stored twice', async () => {
    const { cache } = await openTemporaryCache()
    const first = makeCommit(1)
    await cache.putCommits([first, first])
    await cache.putCommits([{ ...first, subject: 'a different subject' }, makeCommit(2)])
    const found = await cache.getCommits([first.sha, testSha(2)])
    expect(found.get(first.sha)).toEqual(first)
    expect(found.size).toBe(2)
    expect((await cache.stats()).rows.commits).toBe(2)
  })

  it('leaves unknown shas out of the answer', async () => {
    const { cache } = await openTemporaryCache()
    await cache.putCommits(makeCommits(3))
    const found = await cache.getCommits([testSha(1), 'f'.repeat(40), testSha(99), testSha(1)])
    expect([...found.keys()]).toEqual([testSha(1)])
    expect((await cache.getCommits([])).size).toBe(0)
  })

  it('stores and reads back 20,000 commits, more than fit in one statement', async () => {
    const { cache } = await openTemporaryCache()
    const commits = makeCommits(20_000)
    await cache.putCommits(commits)
    const unknown = Array.from({ length: 1_000 }, (_, index) => testSha(100_000 + index))
    const found = await cache.getCommits([...commits.map((commit) => commit.sha), ...unknown])
    expect(found.size).toBe(20_000)
    expect(new Map(found)).toEqual(new Map(commits.map((commit) => [commit.sha, commit])))
  })

  it('keeps its data after being closed and opened again', async () => {
    const { cache, path } = await openTemporaryCache()
    await cache.putCommits(makeCommits(50))
    await cache.close()
    const reopened = await createCache({ path })
    opened.push(reopened)
    const found = await reopened.getCommits([testSha(0), testSha(49)])
    expect(found.get(testSha(49))).toEqual(makeCommit(49))
    expect(found.size).toBe(2)
  })

  it('works on an injected kysely dialect', async () => {
    const cache = await createCache({ dialect: new SqliteDialect({ database: new Database(':memory:') }) })
    opened.push(cache)
    await cache.putCommits(makeCommits(10))
    expect((await cache.getCommits([testSha(9)])).get(testSha(9))).toEqual(makeCommit(9))
    const stats = await cache.stats()
    expect(stats).toMatchObject({ schemaVersion, rows: { commits: 10, classifications: 0, results: 0 } })
  })
})

describe('stats and clear', () => {
  it('counts rows and reports the size on disk', async () => {
    const { cache, path } = await openTemporaryCache()
    await cache.putCommits(makeCommits(500))
    const stats = await cache.stats()
    expect(stats.path).toBe(path)
    expect(stats.rows).toMatchObject({ commits: 500, classifications: 0 })
    expect(stats.bytes).toBeGreaterThan(100_000)
  })

  it('counts every data table the migrations create', async () => {
    const { cache, path } = await openTemporaryCache()
    await cache.close()
    const database = new Database(path, { readonly: true })
    const tables = database
      .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
      .pluck()
      .all()
    database.close()
    const bookkeeping = ['meta', 'kysely_migration', 'kysely_migration_lock']
    expect(tables.filter((table) => !bookkeeping.includes(table as string)).sort()).toEqual([...dataTables].sort())
  })

  it('clear empties the cache and shrinks the file, and the cache stays usable', async () => {
    const { cache, path } = await openTemporaryCache()
    await cache.putCommits(makeCommits(2_000))
    const before = await cache.stats()
    await cache.clear()
    const after = await cache.stats()
    expect(after.rows).toMatchObject({ commits: 0, classifications: 0 })
    expect(after.bytes).toBeLessThan((before.bytes ?? 0) / 10)
    expect((await cache.getCommits([testSha(1)])).size).toBe(0)

    await cache.putCommits([makeCommit(1)])
    await cache.close()
    const reopened = await createCache({ path })
    opened.push(reopened)
    expect((await reopened.getCommits([testSha(1)])).get(testSha(1))).toEqual(makeCommit(1))
  })
})
