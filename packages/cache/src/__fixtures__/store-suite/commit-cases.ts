import { expect, it } from 'vitest'
import { makeCommit, makeCommits, testSha } from '../raw-commits.js'
import type { SuiteContext } from './index.js'

export function commitCases({ database }: SuiteContext): void {
  it('gives back the commits it stored, text of any kind included', async () => {
    const cache = await (await database()).open()
    const commits = [
      makeCommit(1, {
        author: { name: 'Zoë Ångström 李雷', email: 'zoe@例え.jp' },
        subject: 'fix: handle émoji 🎉 and \u0000 nul',
        body: 'Ünïcödé body\r\nwith CRLF and a tab\t and a lone \ud800 surrogate',
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
  })

  it('stores only the RawCommit fields of what it is given', async () => {
    const cache = await (await database()).open()
    const commit = makeCommit(1)
    await cache.putCommits([{ ...commit, token: 'secret' } as typeof commit])
    expect((await cache.getCommits([commit.sha])).get(commit.sha)).toStrictEqual(commit)
  })

  it('keeps the first copy when a sha is stored twice, even twice in one call', async () => {
    const cache = await (await database()).open()
    const first = makeCommit(1)
    await cache.putCommits([first, first])
    await cache.putCommits([{ ...first, subject: 'a different subject' }, makeCommit(2), makeCommit(2)])
    const found = await cache.getCommits([first.sha, testSha(2)])
    expect(found.get(first.sha)).toEqual(first)
    expect(found.size).toBe(2)
    expect((await cache.stats()).rows.commits).toBe(2)
  })

  it('leaves unknown shas out of the answer', async () => {
    const cache = await (await database()).open()
    await cache.putCommits(makeCommits(3))
    const found = await cache.getCommits([testSha(1), 'f'.repeat(40), testSha(99), testSha(1)])
    expect([...found.keys()]).toEqual([testSha(1)])
    expect((await cache.getCommits([])).size).toBe(0)
  })

  it('stores and reads back 20,000 commits, more than fit in one statement', async () => {
    const cache = await (await database()).open()
    const commits = makeCommits(20_000)
    await cache.putCommits(commits)
    const unknown = Array.from({ length: 1_000 }, (_, index) => testSha(100_000 + index))
    const found = await cache.getCommits([...commits.map((commit) => commit.sha), ...unknown])
    expect(found.size).toBe(20_000)
    expect(new Map(found)).toEqual(new Map(commits.map((commit) => [commit.sha, commit])))
  })

  it('keeps its data after being closed and opened again', async () => {
    const db = await database()
    const cache = await db.open({ repository: 'example.com/a' })
    await cache.putCommits(makeCommits(50))
    await cache.close()
    const reopened = await db.open({ repository: 'example.com/a' })
    const found = await reopened.getCommits([testSha(0), testSha(49)])
    expect(found.get(testSha(49))).toEqual(makeCommit(49))
    expect(found.size).toBe(2)
  })
}
