import { createHash, randomBytes } from 'node:crypto'
import { mkdtemp, open, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CacheError, GitloreError } from '@gitlore/core'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { makeCommits } from './__fixtures__/raw-commits.js'
import { createCache } from './create-cache.js'
import { schemaVersion } from './migrations/migrations.js'

async function temporaryPath(): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), 'gitlore-cache-')), 'cache.db')
}

async function fileHash(path: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(path))
    .digest('hex')
}

/** Opening `path` must fail with a CacheError naming it, and leave the file byte for byte as it was. */
async function expectRefused(path: string, message: string): Promise<void> {
  const before = await fileHash(path)
  const error = await createCache({ path }).catch((caught: unknown) => caught)
  expect(error).toBeInstanceOf(CacheError)
  expect(GitloreError.isInstance(error)).toBe(true)
  expect((error as CacheError).path).toBe(path)
  expect((error as CacheError).message).toContain(path)
  expect((error as CacheError).message).toContain(message)
  expect(await fileHash(path)).toBe(before)
}

async function writeGitloreCache(path: string): Promise<void> {
  const cache = await createCache({ path })
  await cache.putCommits(makeCommits(200))
  await cache.close()
}

const notGitlore = 'is not a gitlore cache (or is corrupt); move it away or set [cache] path to another file'

describe('opening a database that is not a usable gitlore cache', () => {
  it.each([
    ['random bytes', randomBytes(8192)],
    ['a short text', Buffer.from('SQLite')],
    // SQLite itself would take a one-byte file for an empty database and overwrite it.
    ['a single newline', Buffer.from('\n')],
  ])('refuses a file of %s, without creating anything beside it', async (_name, content) => {
    const path = await temporaryPath()
    await writeFile(path, content)
    await expectRefused(path, notGitlore)
    expect(await readdir(join(path, '..'))).toEqual(['cache.db'])
  })

  it.each([
    [
      'another application’s tables',
      "create table notes (id integer primary key, text text); insert into notes (text) values ('keep me')",
    ],
    [
      'a meta table naming another application',
      "create table meta (key text primary key, value text); insert into meta values ('application', 'other')",
    ],
    ['a meta table of another shape', 'create table meta (id integer primary key, payload blob)'],
    [
      'an empty meta table and a commits table',
      'create table meta (key text, value text); create table commits (sha text)',
    ],
  ])('refuses an SQLite database with %s', async (_name, script) => {
    const path = await temporaryPath()
    const database = new Database(path)
    database.exec(script)
    database.close()
    await expectRefused(path, notGitlore)
    const reopened = new Database(path, { readonly: true })
    expect(reopened.pragma('journal_mode', { simple: true })).toBe('delete')
    reopened.close()
  })

  it('refuses a foreign SQLite database in WAL mode', async () => {
    const path = await temporaryPath()
    const database = new Database(path)
    database.pragma('journal_mode = wal')
    database.exec('create table notes (id integer primary key, text text)')
    database.close()
    await expectRefused(path, notGitlore)
  })

  it('refuses a gitlore cache whose pages are corrupt', async () => {
    const path = await temporaryPath()
    await writeGitloreCache(path)
    const handle = await open(path, 'r+')
    await handle.write(Buffer.alloc(3000, 0xab), 0, 3000, 100)
    await handle.close()
    await expectRefused(path, notGitlore)
  })

  it('refuses a cache written by a newer gitlore and says so', async () => {
    const path = await temporaryPath()
    await writeGitloreCache(path)
    const database = new Database(path)
    database.prepare("update meta set value = '999' where key = 'schema_version'").run()
    database.close()
    await expectRefused(
      path,
      `was written by a newer gitlore (cache schema 999, this gitlore knows up to ${schemaVersion})`,
    )
  })
})

describe('opening a usable database', () => {
  it('accepts an empty file as a new cache', async () => {
    const path = await temporaryPath()
    await writeFile(path, '')
    const cache = await createCache({ path })
    await cache.putCommits(makeCommits(1))
    expect((await cache.stats()).rows).toMatchObject({ commits: 1, classifications: 0 })
    await cache.close()
  })

  it('opens an up-to-date cache without writing to it', async () => {
    const path = await temporaryPath()
    await writeGitloreCache(path)
    const before = await fileHash(path)
    const cache = await createCache({ path })
    expect((await cache.stats()).rows).toMatchObject({ commits: 200, classifications: 0 })
    await cache.close()
    expect(await fileHash(path)).toBe(before)
  })
})
