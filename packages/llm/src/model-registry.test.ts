import { embedMany, generateText, streamText } from 'ai'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createModelRegistry } from './model-registry.js'
import { type LoopbackModelServer, startLoopbackModelServer } from './test/index.js'

describe('createModelRegistry', () => {
  it('falls back to offline with a reason when the provider has no key', () => {
    const registry = createModelRegistry({ env: {} })
    expect(registry.languageModel('openrouter/google/gemini-3-flash-preview')).toEqual({
      kind: 'offline',
      name: 'offline',
      requested: 'openrouter/google/gemini-3-flash-preview',
      reason: expect.stringContaining('no OPENROUTER_API_KEY'),
    })
    expect(registry.embeddingModel('openai/text-embedding-3-small')).toMatchObject({
      kind: 'offline',
      reason: expect.stringContaining('OPENAI_API_KEY'),
    })
    expect(registry.languageModel('offline')).toEqual({
      kind: 'offline',
      name: 'offline',
      requested: 'offline',
      reason: null,
    })
  })

  it('needs a key for a compatible server only when api_key_env names one', () => {
    expect(createModelRegistry({ env: {} }).languageModel('compatible/qwen3').kind).toBe('remote')
    const keyed = { baseUrl: 'http://127.0.0.1:1/v1', apiKeyEnv: 'VLLM_KEY' }
    const missing = createModelRegistry({ env: {}, compatible: keyed }).languageModel('compatible/qwen3')
    expect(missing).toMatchObject({ kind: 'offline', reason: expect.stringContaining('VLLM_KEY') })
    const present = createModelRegistry({ env: { VLLM_KEY: 'k' }, compatible: keyed }).languageModel('compatible/qwen3')
    expect(present).toMatchObject({
      kind: 'remote',
      provider: 'compatible',
      modelId: 'qwen3',
      name: 'compatible/qwen3',
    })
  })

  it('throws a usage error for a malformed name', () => {
    expect(() => createModelRegistry({ env: {} }).languageModel('claude')).toThrow(/unknown model name "claude"/)
  })
})

describe('every provider over HTTP', () => {
  let server: LoopbackModelServer
  beforeAll(async () => {
    server = await startLoopbackModelServer({ chat: (request) => ({ kind: 'message', text: `echo ${request.model}` }) })
  })
  afterAll(() => server.close())

  const registry = () =>
    createModelRegistry({
      env: { OPENROUTER_API_KEY: 'router-key', OPENAI_API_KEY: 'openai-key', LOCAL_KEY: 'local-key' },
      compatible: { baseUrl: server.url, apiKeyEnv: 'LOCAL_KEY' },
      baseUrls: { openrouter: server.url, openai: server.url },
    })

  it.each([
    ['openrouter/google/gemini-3-flash-preview', 'google/gemini-3-flash-preview', 'router-key'],
    ['openai/gpt-5-mini', 'gpt-5-mini', 'openai-key'],
    ['compatible/qwen3:8b', 'qwen3:8b', 'local-key'],
  ])('%s answers through /chat/completions, plain and streamed', async (name, modelId, key) => {
    server.reset()
    const resolved = registry().languageModel(name)
    if (resolved.kind !== 'remote') throw new Error('expected a remote model')
    const generated = await generateText({ model: resolved.model, prompt: 'hello', maxRetries: 0 })
    expect(generated.text).toBe(`echo ${modelId}`)
    expect(generated.usage.inputTokens).toBe(server.requests[0]?.promptTokens)
    const streamed = streamText({ model: resolved.model, prompt: 'hello again', maxRetries: 0 })
    expect(await streamed.text).toBe(`echo ${modelId}`)
    expect(server.requests.map((request) => [request.path, request.stream])).toEqual([
      ['/chat/completions', false],
      ['/chat/completions', true],
    ])
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${key}`)
  })

  it.each(['openrouter/openai/text-embedding-3-small', 'openai/text-embedding-3-small', 'compatible/nomic-embed-text'])(
    '%s embeds through /embeddings',
    async (name) => {
      const resolved = registry().embeddingModel(name)
      if (resolved.kind !== 'remote') throw new Error('expected a remote model')
      const { embeddings } = await embedMany({
        model: resolved.model,
        values: ['a pool leak', 'a pool leak', 'naming'],
        maxRetries: 0,
      })
      expect(embeddings).toHaveLength(3)
      expect(embeddings[0]).toEqual(embeddings[1])
      expect(embeddings[0]).not.toEqual(embeddings[2])
    },
  )
})
