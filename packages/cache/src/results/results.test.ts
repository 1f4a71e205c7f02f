import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createCache } from '../create-cache.js'

async function freshCache() {
  return createCache({ path: join(await mkdtemp(join(tmpdir(), 'gitlore-results-')), 'cache.db') })
}

describe('listings and results', () => {
  it('round-trips a listing and survives reopening', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'gitlore-results-')), 'cache.db')
    const listing = [
      {
        sha: 'a'.repeat(40),
        parents: ['b'.repeat(40), 'c'.repeat(40)],
        authorTime: 1700000000,
        committerTime: 1700000100,
      },
      { sha: 'b'.repeat(40), parents: [], authorTime: 1600000000, committerTime: 1600000000 },
    ]
    const cache = await createCache({ path })
    expect(await cache.getListing('head-1')).toBeNull()
    await cache.putListing('head-1', listing)
    await cache.close()
    const reopened = await createCache({ path })
    expect(await reopened.getListing('head-1')).toEqual(listing)
    await reopened.close()
  })

  it('replaces a result under the same key and keeps only the newest few per namespace', async () => {
    const cache = await freshCache()
    await cache.putResult('stats', 'k', { value: 1 })
    await cache.putResult('stats', 'k', { value: 2 })
    expect(await cache.getResult('stats', 'k')).toEqual({ value: 2 })
    expect(await cache.getResult('other', 'k')).toBeNull()
    for (let index = 0; index < 20; index++) await cache.putResult('stats', `key-${index}`, index)
    expect(await cache.getResult('stats', 'key-19')).toBe(19)
    expect(await cache.getResult('stats', 'key-0')).toBeNull()
    expect((await cache.stats()).rows.results).toBeLessThanOrEqual(8)
    await cache.clear()
    expect(await cache.getResult('stats', 'key-19')).toBeNull()
    await cache.close()
  })

  it('keeps every theme label, however many themes there are, across reopening', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'gitlore-results-')), 'cache.db')
    const cache = await createCache({ path })
    for (let index = 0; index < 100; index++) await cache.putThemeLabel(`theme-${index}`, `Label ${index}`)
    for (let index = 0; index < 20; index++) await cache.putResult('stats', `key-${index}`, index)
    await cache.close()
    const reopened = await createCache({ path })
    for (let index = 0; index < 100; index++)
      expect(await reopened.getThemeLabel(`theme-${index}`)).toBe(`Label ${index}`)
    expect(await reopened.getThemeLabel('unknown')).toBeNull()
    await reopened.close()
  })
})
