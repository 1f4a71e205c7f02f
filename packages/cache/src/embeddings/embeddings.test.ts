import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createCache } from '../create-cache.js'

const blob = (...values: number[]) => new Uint8Array(Float32Array.from(values).buffer)

describe('embeddings', () => {
  it('keys vectors by model, dimensions and text hash, and keeps them across reopening', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'gitlore-embeddings-')), 'cache.db')
    const cache = await createCache({ path })
    await cache.putEmbeddings([
      { model: 'offline', dimensions: 3, textHash: 'h1', vector: blob(1, 2, 3) },
      { model: 'offline', dimensions: 3, textHash: 'h2', vector: blob(4, 5, 6) },
      { model: 'offline', dimensions: 2, textHash: 'h1', vector: blob(7, 8) },
    ])
    await cache.close()
    const reopened = await createCache({ path })
    const found = await reopened.getEmbeddings({ model: 'offline', dimensions: 3, textHashes: ['h1', 'h2', 'h3'] })
    expect([...found.keys()].sort()).toEqual(['h1', 'h2'])
    const vector = found.get('h1') as Uint8Array
    expect([
      ...new Float32Array(vector.buffer.slice(vector.byteOffset, vector.byteOffset + vector.byteLength)),
    ]).toEqual([1, 2, 3])
    expect((await reopened.getEmbeddings({ model: 'offline', dimensions: 2, textHashes: ['h1'] })).size).toBe(1)
    expect((await reopened.getEmbeddings({ model: 'other', dimensions: 3, textHashes: ['h1'] })).size).toBe(0)
    expect((await reopened.stats()).rows.embeddings).toBe(3)
    await reopened.close()
  })
})
