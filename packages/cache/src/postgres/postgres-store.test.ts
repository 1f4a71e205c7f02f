import { CacheError } from '@gitlore/core'
import { Kysely, PostgresDialect, sql } from 'kysely'
import pg from 'pg'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { makeCommits } from '../__fixtures__/raw-commits.js'
import { describeStoreSuite } from '../__fixtures__/store-suite/index.js'
import { createCache } from '../create-cache.js'
import type { GitloreCache } from '../gitlore-cache.js'
import { postgresSkipReason, startTestPostgres, type TestPostgres } from '../test/start-test-postgres.js'

const connect = (url: string) =>
  new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 2 }) }) })

describe.skipIf(postgresSkipReason() !== null)('PostgreSQL', () => {
  let server: TestPostgres
  beforeAll(async () => {
    server = await startTestPostgres()
  })
  afterAll(() => server?.stop())

  describeStoreSuite({
    name: 'PostgreSQL',
    async newDatabase() {
      const url = await server.createDatabase()
      return { open: (options = {}) => createCache({ url, ...options }), connect: () => connect(url) }
    },
  })

  describe('connecting', () => {
    const opened: (GitloreCache | Kysely<unknown>)[] = []
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((item) => ('close' in item ? item.close() : item.destroy())))
    })

    it('takes the password from outside the URL, and never shows one in an error', async () => {
      const url = await server.createDatabase()
      const admin = connect(url)
      opened.push(admin)
      await sql`create role reader login password 'sw0rdfish'`.execute(admin).catch(() => {})
      await sql.raw(`grant all on schema public to reader`).execute(admin)
      const readerUrl = url.replace('gitlore@', 'reader@')

      const cache = await createCache({ url: readerUrl, password: 'sw0rdfish', repository: 'example.com/r' })
      opened.push(cache)
      await cache.putCommits(makeCommits(3))
      expect((await cache.stats()).database).toMatch(/^postgres:\/\/reader@\/.+:\d+\/gitlore_test_/)

      const wrong = await createCache({ url: readerUrl, password: 'not-it' }).catch((caught: unknown) => caught)
      expect(wrong).toBeInstanceOf(CacheError)
      expect((wrong as Error).message).toContain('password authentication failed for user "reader"')
      expect((wrong as Error).message).not.toContain('not-it')

      const inUrl = readerUrl.replace('reader@', 'reader:hunter2@')
      const refused = await createCache({ url: inUrl }).catch((caught: unknown) => caught)
      expect(refused).toBeInstanceOf(CacheError)
      expect(JSON.stringify({ message: (refused as Error).message, path: (refused as CacheError).path })).not.toContain(
        'hunter2',
      )
    })

    it('says which server it could not reach, without its password, in a bounded time', async () => {
      const started = Date.now()
      const error = await createCache({
        url: 'postgres://team:s3cret@127.0.0.1:1/gitlore',
        connectTimeout: 3000,
      }).catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(CacheError)
      expect((error as Error).message).toMatch(
        /^cannot open the gitlore cache postgres:\/\/team@127\.0\.0\.1:1\/gitlore: /,
      )
      expect((error as Error).message).not.toContain('s3cret')
      expect(Date.now() - started).toBeLessThan(10_000)
    })

    it('keeps to the schema the URL names, beside another application’s tables', async () => {
      const url = await server.createDatabase()
      const admin = connect(url)
      opened.push(admin)
      await sql`create table notes (id integer primary key)`.execute(admin)
      await sql`create schema gitlore_cache`.execute(admin)
      expect(await createCache({ url }).catch((caught: unknown) => caught)).toBeInstanceOf(CacheError)

      const scoped = `${url}&options=${encodeURIComponent('-c search_path=gitlore_cache')}`
      const cache = await createCache({ url: scoped, repository: 'example.com/r' })
      opened.push(cache)
      await cache.putCommits(makeCommits(2))
      const tables = await sql<{ schema: string; name: string }>`
        select table_schema as schema, table_name as name from information_schema.tables
        where table_schema in ('public', 'gitlore_cache') and table_name in ('notes', 'commits')
        order by 1, 2`.execute(admin)
      expect(tables.rows).toEqual([
        { schema: 'gitlore_cache', name: 'commits' },
        { schema: 'public', name: 'notes' },
      ])
    })
  })
})
