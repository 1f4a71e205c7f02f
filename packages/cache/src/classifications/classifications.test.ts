import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { Migrator } from 'kysely/migration'
import { afterEach, describe, expect, it } from 'vitest'
import { makeCommit, testSha } from '../__fixtures__/raw-commits.js'
import { classification as entry } from '../__fixtures__/store-suite/review-cases.js'
import { createCache } from '../create-cache.js'
import type { GitloreCache } from '../gitlore-cache.js'
import { initialMigration } from '../migrations/0001-initial.js'

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

describe('classifications in an SQLite file', () => {
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
