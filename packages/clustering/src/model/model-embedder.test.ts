import { createOpenAICompatible } from '@ai-sdk/openai-compatible'
import { MockEmbeddingModelV4 } from 'ai/test'
import { afterEach, describe, expect, it } from 'vitest'
import {
  type EmbeddingsServer,
  type EmbeddingsServerOptions,
  startEmbeddingsServer,
} from '../__fixtures__/embeddings-server.js'
import { createEmbedder } from '../create-embedder.js'
import { embedTexts } from '../embed-texts.js'
import { describeEmbedderContract } from '../embedder-contract.test-helper.js'
import { EmbeddingError } from '../errors/embedding-error.js'
import { createMemoryEmbeddingStore } from '../memory-embedding-store.js'
import { hashedTermVector } from '../offline/offline-embedder.js'

const mockModel = (dimensions = 32) =>
  new MockEmbeddingModelV4({
    provider: 'mock.embedding',
    modelId: 'mock-embed',
    maxEmbeddingsPerCall: 8,
    doEmbed: async ({ values }) => ({
      embeddings: values.map((text) => [...hashedTermVector(text, dimensions)]),
      warnings: [],
    }),
  })

const loopbackModel = (server: EmbeddingsServer) =>
  createOpenAICompatible({ name: 'loopback', baseURL: server.baseURL }).embeddingModel('test-embed')

describeEmbedderContract('ai SDK mock model', async () => ({
  embedder: createEmbedder({ kind: 'model', model: mockModel(), batchSize: 8, maxParallelCalls: 2 }),
}))

describeEmbedderContract('ai SDK over HTTP (OpenAI-compatible loopback)', async () => {
  const server = await startEmbeddingsServer()
  const embedder = createEmbedder({
    kind: 'model',
    model: loopbackModel(server),
    dimensions: 48,
    batchSize: 6,
    maxParallelCalls: 3,
  })
  return { embedder, close: () => server.close() }
})

const servers: EmbeddingsServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})
async function serve(options: EmbeddingsServerOptions = {}): Promise<EmbeddingsServer> {
  const server = await startEmbeddingsServer(options)
  servers.push(server)
  return server
}

const comments = Array.from(
  { length: 50 },
  (_, index) => `Review comment number ${index}: check \`value${index}\` before use.`,
)

describe('ai SDK embedder', () => {
  it('sends batches of batchSize with the requested dimensions, at most maxParallelCalls at a time', async () => {
    const server = await serve({ delay: 20 })
    const embedder = createEmbedder({
      kind: 'model',
      model: loopbackModel(server),
      dimensions: 16,
      batchSize: 7,
      maxParallelCalls: 3,
    })
    const vectors = await embedder.embed(comments)
    expect(vectors.map((vector) => vector.length)).toEqual(comments.map(() => 16))
    expect(server.requests.map((request) => request.input.length).sort((a, b) => b - a)).toEqual([
      7, 7, 7, 7, 7, 7, 7, 1,
    ])
    expect(server.requests.every((request) => request.dimensions === 16 && request.model === 'test-embed')).toBe(true)
    expect(server.peakConcurrency).toBeGreaterThan(1)
    expect(server.peakConcurrency).toBeLessThanOrEqual(3)
    expect(embedder.id).toBe('loopback/test-embed')
  })

  it('keeps the finished batches when a batch fails, so the re-run embeds only the rest', async () => {
    let failing = true
    const server = await serve({ fail: (index) => (failing && index === 3 ? 500 : undefined) })
    const store = createMemoryEmbeddingStore()
    const embedder = createEmbedder({
      kind: 'model',
      model: loopbackModel(server),
      id: 'compatible/test-embed',
      batchSize: 10,
      maxParallelCalls: 1,
      maxRetries: 0,
    })
    const error = await embedTexts(comments, { embedder, store }).catch((caught: unknown) => caught)
    expect(EmbeddingError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({ code: 'embedding_failed', embedded: 30 })
    expect((error as Error).message).toMatch(/failed after 30 of 50 texts .*finished batches are kept/)
    expect(store.size).toBe(30)

    failing = false
    const requestsBefore = server.requests.length
    const rerun = await embedTexts(comments, { embedder, store })
    expect(rerun).toMatchObject({ embedded: 20, cached: 30 })
    expect(server.requests.slice(requestsBefore).flatMap((request) => request.input)).toEqual(comments.slice(30))
    expect(await embedTexts(comments, { embedder, store })).toMatchObject({ embedded: 0, cached: 50 })
  })

  it('keeps batches that finish in parallel with the one that fails', async () => {
    const server = await serve({ delay: 40, fail: (index) => (index === 0 ? 503 : undefined) })
    const store = createMemoryEmbeddingStore()
    const embedder = createEmbedder({
      kind: 'model',
      model: loopbackModel(server),
      batchSize: 10,
      maxParallelCalls: 3,
      maxRetries: 0,
    })
    await expect(embedTexts(comments, { embedder, store })).rejects.toThrow(EmbeddingError)
    // The failure answers first and stops new batches; the two already in flight finish and are stored.
    expect(store.size).toBe(20)
  })

  it('treats a change of dimensions as a different cache key', async () => {
    const server = await serve()
    const store = createMemoryEmbeddingStore()
    const model = loopbackModel(server)
    const small = createEmbedder({ kind: 'model', model, dimensions: 16 })
    const large = createEmbedder({ kind: 'model', model, dimensions: 32 })
    await embedTexts(comments, { embedder: small, store })
    const other = await embedTexts(comments, { embedder: large, store })
    expect(other).toMatchObject({ embedded: 50, cached: 0 })
    expect(other.vectors[0]).toHaveLength(32)
    expect(await embedTexts(comments, { embedder: small, store })).toMatchObject({ embedded: 0, cached: 50 })
  })

  it('says so when the model ignores the requested dimensions', async () => {
    const server = await serve({ forceDimensions: 24 })
    const embedder = createEmbedder({ kind: 'model', model: loopbackModel(server), dimensions: 16, maxRetries: 0 })
    await expect(embedder.embed(comments.slice(0, 3))).rejects.toThrow(/asked for 16 dimensions, the model returned 24/)
  })

  it('uses the model native length when no dimensions are asked for', async () => {
    const server = await serve({ nativeDimensions: 40 })
    const embedder = createEmbedder({ kind: 'model', model: loopbackModel(server) })
    expect(embedder.dimensions).toBeUndefined()
    const [vector] = await embedder.embed(comments.slice(0, 1))
    expect(vector).toHaveLength(40)
    expect(server.requests[0]!.dimensions).toBeUndefined()
  })

  it('splits a batch further when the model takes fewer texts per call', async () => {
    const model = mockModel()
    const embedder = createEmbedder({ kind: 'model', model, batchSize: 20, maxParallelCalls: 1 })
    await embedder.embed(comments.slice(0, 20))
    expect(model.doEmbedCalls.map((call) => call.values.length)).toEqual([8, 8, 4])
  })

  it('refuses a batch size that is not a positive integer', () => {
    expect(() => createEmbedder({ kind: 'model', model: mockModel(), batchSize: 0 })).toThrow(
      /batchSize must be a positive integer/,
    )
  })
})
