import { spawn } from 'node:child_process'
import { mkdtemp } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { makeCommit, makeCommits, testSha } from './__fixtures__/raw-commits.js'
import { createCache } from './create-cache.js'

async function temporaryPath(): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), 'gitlore-cache-')), '.gitlore', 'cache.db')
}

/** Another process that takes the write lock, inserts a commit, holds the lock for `holdMs`, then commits. */
const otherWriter = `
const [modulePath, path, sha, data, holdMs] = process.argv.slice(1)
const Database = require(modulePath)
const db = new Database(path)
db.exec('begin immediate')
db.prepare("insert into commits (repository, sha, data) values ('', ?, ?)").run(sha, data)
process.stdout.write('locked\\n')
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(holdMs))
db.exec('commit')
db.close()
`

describe('concurrent access', () => {
  it('lets two caches on one file in one process open, write and read at the same time', async () => {
    const path = await temporaryPath()
    // A short busy timeout: if the two connections blocked each other, this would fail fast.
    const [first, second] = await Promise.all([
      createCache({ path, busyTimeout: 1000 }),
      createCache({ path, busyTimeout: 1000 }),
    ])
    const batches = Array.from({ length: 20 }, (_, index) => makeCommits(100, index * 100))
    await Promise.all(
      batches.flatMap((batch, index) => {
        const [writer, reader] = index % 2 === 0 ? [first, second] : [second, first]
        return [writer.putCommits(batch), reader.getCommits(batch.map((commit) => commit.sha))]
      }),
    )
    const shas = batches.flat().map((commit) => commit.sha)
    expect((await first.getCommits(shas)).size).toBe(2000)
    expect((await second.getCommits(shas)).size).toBe(2000)
    await Promise.all([first.close(), second.close()])
  })

  it('reads while another process writes, and waits for that process instead of failing', async () => {
    const path = await temporaryPath()
    const setup = await createCache({ path })
    await setup.putCommits([makeCommit(1)])
    await setup.close()

    const theirs = makeCommit(9000)
    const child = spawn(
      process.execPath,
      [
        '-e',
        otherWriter,
        createRequire(import.meta.url).resolve('better-sqlite3'),
        path,
        theirs.sha,
        JSON.stringify(theirs),
        '500',
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    )
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve))
    const lines = createInterface({ input: child.stdout })
    await new Promise<void>((resolve) => lines.once('line', () => resolve()))

    // The other process now holds the write lock with an uncommitted commit.
    const cache = await createCache({ path })
    const during = await cache.getCommits([testSha(1), theirs.sha])
    expect([...during.keys()]).toEqual([testSha(1)])
    await cache.putCommits([makeCommit(2)])
    const after = await cache.getCommits([testSha(1), testSha(2), theirs.sha])
    expect(after.get(theirs.sha)).toEqual(theirs)
    expect(after.size).toBe(3)
    expect(await exited).toBe(0)
    await cache.close()

    const database = new Database(path, { readonly: true })
    expect(database.pragma('journal_mode', { simple: true })).toBe('wal')
    database.close()
  })
})
