import { mkdtemp, readdir, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inspect } from 'node:util'
import { createCache } from '@gitlore/cache'
import { touchPullRequest } from '@gitlore/fixtures'
import { afterEach, describe, expect, it } from 'vitest'
import { readCachedReviewData } from './review-extractor.js'
import type { ReviewStore } from './review-store.js'
import { closeTestGitHubs, fakeToken, startTestGitHub } from './test-support/github-test-server.js'

afterEach(closeTestGitHubs)

const since = '2024-03-01T00:00:00Z'

async function cacheFile(): Promise<{ dir: string; path: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'gitlore-review-cache-'))
  return { dir, path: join(dir, 'cache.db') }
}

describe('syncing into @gitlore/cache', () => {
  it('survives a process restart: an interrupted sync resumes from the SQLite file, the next costs one request', async () => {
    const github = await startTestGitHub()
    const { path } = await cacheFile()
    const controller = new AbortController()
    let cache = await createCache({ path })
    const store: ReviewStore = cache
    let pages = 0
    await expect(
      github
        .extractor({ store, pageSizes: { pullRequests: 2 } })
        .fetch({ since, signal: controller.signal, onProgress: () => ++pages === 1 && controller.abort() }),
    ).rejects.toThrow(/abort/i)
    await cache.close()

    cache = await createCache({ path })
    const resumed = await github.extractor({ store: cache, pageSizes: { pullRequests: 2 } }).fetch({ since })
    expect(resumed.sync.mode).toBe('resume')
    const reference = await (await startTestGitHub()).extractor().fetch({ since })
    expect(resumed.comments).toEqual(reference.comments)
    expect(resumed.pullRequests).toEqual(reference.pullRequests)
    await cache.close()

    cache = await createCache({ path })
    github.takeRequests()
    const again = await github.extractor({ store: cache }).fetch({ since })
    expect(github.takeRequests()).toHaveLength(1)
    expect(again.comments).toEqual(reference.comments)
    expect(
      (await cache.getReviewSyncState(`127.0.0.1:${new URL(github.server.url).port}/octo/hello`))?.lastSync,
    ).toMatchObject({
      requests: 1,
      pullRequests: 0,
    })
    await cache.close()
  })

  it('reads a synced repository back with no network, and nothing for one never synced', async () => {
    const github = await startTestGitHub()
    const { path } = await cacheFile()
    const cache = await createCache({ path })
    const fetched = await github.extractor({ store: cache }).fetch({ since })
    github.takeRequests()
    const baseUrl = github.server.url
    const offline = await readCachedReviewData({ store: cache, baseUrl, owner: 'octo', repo: 'hello', since })
    expect(github.takeRequests()).toHaveLength(0)
    expect(offline?.pullRequests).toEqual(fetched.pullRequests)
    expect(offline?.comments).toEqual(fetched.comments)
    expect(offline?.filtered).toEqual(fetched.filtered)
    expect(await readCachedReviewData({ store: cache, baseUrl, owner: 'octo', repo: 'other', since })).toBeNull()
    await cache.close()
  })

  it('never writes the token to logs, errors, cache rows or outputs', async () => {
    const github = await startTestGitHub()
    const { dir, path } = await cacheFile()
    const cache = await createCache({ path })
    const outputs: string[] = []
    try {
      const data = await github
        .extractor({ store: cache })
        .fetch({ since, onProgress: (event) => outputs.push(JSON.stringify(event)) })
      outputs.push(JSON.stringify(data))
      const changed = github.world.pullRequests[1]
      if (changed)
        touchPullRequest(changed, '2024-03-29T00:00:00Z', `a comment quoting a token-like string ghp_notTheToken`)
      outputs.push(JSON.stringify(await github.extractor({ store: cache }).fetch({ since })))
      const errors = await Promise.all([
        github
          .extractor({ token: `${fakeToken}-revoked`, store: cache })
          .fetch({ since })
          .catch((error: unknown) => error),
        github
          .extractor({ repo: 'private-one', store: cache })
          .fetch({ since })
          .catch((error: unknown) => error),
        github
          .extractor({ baseUrl: 'http://127.0.0.1:9', store: cache, retries: 0 })
          .fetch({ since })
          .catch((error: unknown) => error),
      ])
      for (const error of errors) {
        expect(error).toBeInstanceOf(Error)
        outputs.push(inspect(error, { depth: 30, showHidden: true }), String(error), JSON.stringify(error))
      }
    } finally {
      await cache.close()
    }
    const files = await readdir(dir)
    const stored = await Promise.all(files.map((file) => readFile(join(dir, file))))
    expect(stored.length).toBeGreaterThan(0)
    for (const bytes of stored) expect(bytes.includes(Buffer.from(fakeToken))).toBe(false)
    for (const text of [...outputs, ...github.log.lines]) expect(text).not.toContain(fakeToken)
    expect(github.log.lines.length).toBeGreaterThan(0)
  })

  it('lets one of two runs syncing one repository at once fetch, and the other wait and find it done', async () => {
    const github = await startTestGitHub()
    const { path } = await cacheFile()
    const [first, second] = await Promise.all([createCache({ path }), createCache({ path })])
    try {
      const alone = await (await startTestGitHub()).extractor({ pageSizes: { pullRequests: 2 } }).fetch({ since })
      github.takeRequests()
      const [a, b] = await Promise.all([
        github.extractor({ store: first, pageSizes: { pullRequests: 2 } }).fetch({ since }),
        github.extractor({ store: second, pageSizes: { pullRequests: 2 } }).fetch({ since }),
      ])
      expect(a.comments).toEqual(alone.comments)
      expect(b.comments).toEqual(alone.comments)
      // One full sync, then one request to learn nothing changed: not two full syncs.
      expect(a.requests + b.requests).toBe(alone.requests + 1)
      expect(github.takeRequests()).toHaveLength(alone.requests + 1)
    } finally {
      await Promise.all([first.close(), second.close()])
    }
  })
})
