import { mkdtemp, open, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CacheError } from '@gitlore/core'
import { describe, expect, it } from 'vitest'
import { makeCommits, testSha } from './__fixtures__/raw-commits.js'
import { createCache } from './create-cache.js'

describe('a cache whose data pages are corrupt', () => {
  it('fails a query in one line that names the file and what to do, not with the driver error', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'gitlore-corrupt-')), 'cache.db')
    const cache = await createCache({ path })
    await cache.putCommits(makeCommits(2000))
    await cache.close()
    // Scribble over the second half of the file: the schema pages at the start stay readable, so
    // the cache opens, and the corruption surfaces only when a query reaches the data.
    const { size } = await stat(path)
    const handle = await open(path, 'r+')
    await handle.write(Buffer.alloc(size / 2, 0xa5), 0, size / 2, size / 2)
    await handle.close()

    const reopened = await createCache({ path })
    try {
      const error = await reopened
        .getCommits(
          makeCommits(2000)
            .map((commit) => commit.sha)
            .concat(testSha(99_999)),
        )
        .catch((caught: unknown) => caught)
      expect(CacheError.isInstance(error)).toBe(true)
      expect((error as Error).message).toMatch(/^the gitlore cache .*cache\.db cannot be read \(.+\); delete it/)
      expect((error as Error).message.split('\n')).toHaveLength(1)
    } finally {
      await reopened.close()
    }
  })
})
