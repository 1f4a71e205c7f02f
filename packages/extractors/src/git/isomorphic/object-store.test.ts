import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildSyntheticRepository, git } from '@gitlore/fixtures'
import { describe, expect, it } from 'vitest'
import { MissingObjectError } from '../missing-object-error.js'
import { ObjectStore } from './object-store.js'

describe('ObjectStore', () => {
  it('reads packed objects (deltas included) exactly as git cat-file does', async () => {
    const dir = await buildSyntheticRepository({ commits: 120, files: 12, seed: 5 })
    await git(dir, ['gc', '--quiet', '--aggressive'])
    const store = new ObjectStore(join(dir, '.git', 'objects'), { deltaBaseBudget: 4096 })
    const listing = (await git(dir, ['rev-list', '--objects', '--all'])).trim().split('\n')
    const oids = listing.map((line) => line.slice(0, 40))
    expect(oids.length).toBeGreaterThan(300)
    for (const oid of oids.filter((_, index) => index % 7 === 0)) {
      const type = (await git(dir, ['cat-file', '-t', oid])).trim()
      const content = await git(dir, ['cat-file', type, oid])
      const object = store.read(oid)
      expect(object.type).toBe(type)
      if (type !== 'tree') expect(object.content.toString('utf8')).toBe(content)
    }
    store.close()
  })

  it('finds objects written after it opened (a new pack, a loose object), and reports a missing one', async () => {
    const dir = await buildSyntheticRepository({ commits: 5, files: 3, seed: 2 })
    const store = new ObjectStore(join(dir, '.git', 'objects'))
    const file = join(await mkdtemp(join(tmpdir(), 'gitlore-store-')), 'new.txt')
    await writeFile(file, 'written later\n')
    const loose = (await git(dir, ['hash-object', '-w', file])).trim()
    expect(store.read(loose).content.toString()).toBe('written later\n')
    expect(() => store.read('0123456789012345678901234567890123456789')).toThrow(MissingObjectError)
    store.close()
  })
})
