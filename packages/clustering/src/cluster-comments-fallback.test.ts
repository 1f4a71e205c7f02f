import { createOpenAICompatible } from '@ai-sdk/openai-compatible'
import { afterEach, describe, expect, it } from 'vitest'
import { themedClassified } from './__fixtures__/classified-fixtures.js'
import { type EmbeddingsServer, startEmbeddingsServer } from './__fixtures__/embeddings-server.js'
import { clusterComments } from './cluster-comments.js'
import { commentText } from './comment-text.js'
import { createEmbedder } from './create-embedder.js'
import { createMemoryEmbeddingStore } from './memory-embedding-store.js'

const items = themedClassified().map((entry) => entry.item)
const servers: EmbeddingsServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

async function modelEmbedder(fail: (index: number) => number | undefined) {
  const server = await startEmbeddingsServer({ fail })
  servers.push(server)
  const model = createOpenAICompatible({ name: 'loopback', baseURL: server.baseURL }).embeddingModel('test-embed')
  const reports: string[] = []
  const embedder = createEmbedder({
    kind: 'model',
    model,
    id: 'compatible/test-embed',
    batchSize: 20,
    maxParallelCalls: 1,
    maxRetries: 0,
    breaker: { recordAnswer: () => reports.push('answer'), recordMalformed: (reason) => reports.push(reason) },
  })
  return { server, embedder, reports }
}

describe('clusterComments when the embedding model fails part-way', () => {
  it('clusters with the offline embedder, says why, and keeps the vectors already paid for', async () => {
    let down = true
    const { server, embedder, reports } = await modelEmbedder((index) => (down && index >= 2 ? 503 : undefined))
    const store = createMemoryEmbeddingStore()
    const offline = await clusterComments(items, { embedder: createEmbedder({ kind: 'offline' }) })

    const result = await clusterComments(items, { embedder, store })
    expect(result.stats.fallback).toEqual({
      embedder: 'offline/hashed-tfidf-v1',
      reason: expect.stringMatching(/embedding with compatible\/test-embed failed after 40 of \d+ texts/),
    })
    expect(reports).toEqual(['answer', 'answer'])
    // The same themes as an offline run, at the offline embedder's threshold.
    expect(result.clusters).toEqual(offline.clusters)
    expect(result.stats.threshold).toBe(offline.stats.threshold)

    // The two batches the model did answer are not asked for again once it is back.
    down = false
    const before = server.requests.length
    const rerun = await clusterComments(items, { embedder, store })
    expect(rerun.stats.fallback).toBeUndefined()
    expect(rerun.stats.cached).toBe(40)
    const asked = server.requests.slice(before).flatMap((request) => request.input)
    const paid = new Set(server.requests.slice(0, 2).flatMap((request) => request.input))
    expect(asked.some((text) => paid.has(text))).toBe(false)
    expect(new Set([...asked, ...paid])).toEqual(new Set(items.map((item) => commentText(item.comment))))
  })

  it('lets the error through when asked for no fallback', async () => {
    const { embedder } = await modelEmbedder(() => 500)
    await expect(clusterComments(items, { embedder, fallbackEmbedder: null })).rejects.toMatchObject({
      code: 'embedding_failed',
    })
  })
})
