import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { Migrator } from 'kysely/migration'
import { afterEach, describe, expect, it } from 'vitest'
import { makeCommit, testSha } from '../__fixtures__/raw-commits.js'
import { createCache } from '../create-cache.js'
import type { GitloreCache } from '../gitlore-cache.js'
import { initialMigration } from '../migrations/0001-initial.js'
import type { ClassificationEntry } from './cached-classification.js'

const opened: GitloreCache[] = []
afterEach(async () => {
  await Promise.all(opened.splice(0).map((cache) => cache.close()))
})

async function temporaryPath(): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), 'gitlore-classifications-')), 'cache.db')
}

async function open(path: string): Promise<GitloreCache> {
  const cache = await createCache({ path })
  opened.push(cache)
  return cache
}

const entry = (bodyHash: string, overrides: Partial<ClassificationEntry> = {}): ClassificationEntry => ({
  model: 'compatible/qwen3',
  promptHash: 'p1',
  bodyHash,
  categories: ['bug', 'error_handling'],
  confidence: 0.8,
  ...overrides,
})

describe('classifications', () => {
  it('gives back stored answers by body hash, for the same model and prompt only', async () => {
    const cache = await open(await temporaryPath())
    await cache.putClassifications([
      entry('a'),
      entry('b', { categories: ['praise'], confidence: 1 }),
      entry('a', { model: 'openai/gpt-5-mini', categories: ['style'] }),
      entry('a', { promptHash: 'p2', categories: ['naming'] }),
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
    const cache = await open(await temporaryPath())
    const hashes = Array.from({ length: 2_000 }, (_, index) => `h${index}`)
    await cache.putClassifications(hashes.map((hash) => entry(hash)))
    await cache.putClassifications([entry('h7', { categories: ['performance'], confidence: 0.5 })])
    const found = await cache.getClassifications({ model: 'compatible/qwen3', promptHash: 'p1', bodyHashes: hashes })
    expect(found.size).toBe(2_000)
    expect(found.get('h7')).toEqual({ categories: ['performance'], confidence: 0.5 })
  })

  it('is emptied by clear', async () => {
    const cache = await open(await temporaryPath())
    await cache.putClassifications([entry('a')])
    await cache.clear()
    expect((await cache.stats()).rows.classifications).toBe(0)
  })

  it('upgrades a cache written before the table existed, keeping its commits', async () => {
    const path = await temporaryPath()
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new Database(path) }) })
    const migrator = new Migrator({
      db,
      provider: { getMigrations: async () => ({ '0001-initial': initialMigration }) },
    })
    expect((await migrator.migrateToLatest()).error).toBeUndefined()
    const raw = new Database(path)
    raw.prepare("insert into meta (key, value) values ('schema_version', '1')").run()
    raw.prepare('insert into commits (sha, data) values (?, ?)').run(testSha(1), JSON.stringify(makeCommit(1)))
    raw.close()
    await db.destroy()

    const cache = await open(path)
    expect(await cache.getCommits([testSha(1)])).toEqual(new Map([[testSha(1), makeCommit(1)]]))
    await cache.putClassifications([entry('a')])
    expect((await cache.stats()).rows).toMatchObject({ commits: 1, classifications: 1 })
  })
})
