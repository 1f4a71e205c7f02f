import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCache } from '@gitlore/cache'
import { type ActionsServer, generateActionsWorld, startActionsServer } from '@gitlore/fixtures'
import { afterEach, describe, expect, it } from 'vitest'
import { createCiExtractor, readCachedCiData } from './ci-extractor.js'
import type { CiStore } from './ci-store.js'

const token = 'ghp_FAKEciCacheToken0123456789GITLORE'
const servers: ActionsServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

const window = { since: '2026-01-01T00:00:00Z', until: '2026-07-01T00:00:00Z' }

describe('syncing CI history into @gitlore/cache', () => {
  it('resumes an interrupted sync from the SQLite file, then costs one request, and reads back offline', async () => {
    const world = generateActionsWorld({ runs: 250, days: 20 })
    const server = await startActionsServer({ world, token })
    servers.push(server)
    const path = join(await mkdtemp(join(tmpdir(), 'gitlore-ci-cache-')), 'cache.db')
    const extractor = (store: CiStore) =>
      createCiExtractor({ token, baseUrl: server.url, owner: 'octo', repo: 'bench', store })
    let cache = await createCache({ path })
    const controller = new AbortController()
    await expect(
      extractor(cache).fetch({ ...window, signal: controller.signal, onProgress: () => controller.abort() }),
    ).rejects.toThrow(/abort/i)
    await cache.close()

    cache = await createCache({ path })
    const before = server.requests.length
    const resumed = await extractor(cache).fetch(window)
    expect(resumed.sync.complete).toBe(true)
    expect(resumed.sync.mode).toBe('resume')
    expect(resumed.runs).toHaveLength(250)
    // The first page (100 runs) was committed before the interruption: it is not fetched again.
    expect(resumed.sync.fetchedRuns).toBe(150)
    expect(server.requests.length - before).toBeLessThan(250 * 2)
    await cache.close()

    cache = await createCache({ path })
    const listing = server.requests.length
    const again = await extractor(cache).fetch(window)
    expect(server.requests.length - listing).toBe(1)
    expect(again.runs).toEqual(resumed.runs)
    const offline = await readCachedCiData({
      store: cache,
      baseUrl: server.url,
      owner: 'octo',
      repo: 'bench',
      ...window,
    })
    expect(offline?.runs).toEqual(resumed.runs)
    expect(
      await readCachedCiData({ store: cache, baseUrl: server.url, owner: 'octo', repo: 'other', ...window }),
    ).toBeNull()
    await cache.close()
    // The token is nowhere in the cache file.
    expect((await readFile(path)).includes(Buffer.from(token))).toBe(false)
  })
})
