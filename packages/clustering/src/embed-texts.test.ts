import { sha256 } from '@gitlore/core'
import { describe, expect, it } from 'vitest'
import { createEmbedder } from './create-embedder.js'
import { type EmbeddingProgress, embedTexts } from './embed-texts.js'
import type { Embedder } from './embedder.js'
import { createMemoryEmbeddingStore } from './memory-embedding-store.js'

/** The offline embedder, counting the texts it is asked to embed. */
function countingEmbedder(): Embedder & { texts: string[] } {
  const offline = createEmbedder({ kind: 'offline', dimensions: 32, batchSize: 2 })
  const texts: string[] = []
  return {
    ...offline,
    texts,
    embed: (input, options) => {
      texts.push(...input)
      return offline.embed(input, options)
    },
  }
}

describe('embedTexts', () => {
  it('embeds each distinct text once and gives every text its vector', async () => {
    const embedder = countingEmbedder()
    const result = await embedTexts(['null check', 'rename it', 'null check'], { embedder })
    expect(embedder.texts).toEqual(['null check', 'rename it'])
    expect(result.vectors).toHaveLength(3)
    expect(result.vectors[2]).toBe(result.vectors[0])
    expect(result).toMatchObject({ embedded: 2, cached: 0 })
  })

  it('re-embeds a stored vector of the wrong length instead of using it', async () => {
    const embedder = countingEmbedder()
    const store = createMemoryEmbeddingStore()
    await store.putEmbeddings([
      { model: embedder.id, dimensions: 32, textHash: sha256('add a test'), vector: new Uint8Array(12) },
    ])
    const result = await embedTexts(['add a test'], { embedder, store })
    expect(result).toMatchObject({ embedded: 1, cached: 0 })
    expect(result.vectors[0]).toHaveLength(32)
  })

  it('reports progress after the cache lookup and after each batch', async () => {
    const embedder = countingEmbedder()
    const store = createMemoryEmbeddingStore()
    await embedTexts(['one fix', 'two fixes'], { embedder, store })
    const progress: EmbeddingProgress[] = []
    await embedTexts(['one fix', 'two fixes', 'three bugs', 'four tests', 'five docs'], {
      embedder,
      store,
      onProgress: (update) => progress.push(update),
    })
    expect(progress).toEqual([
      { total: 5, done: 2, cached: 2 },
      { total: 5, done: 4, cached: 2 },
      { total: 5, done: 5, cached: 2 },
    ])
  })
})
