import { embedMany, generateText } from 'ai'
import { afterEach, describe, expect, it } from 'vitest'
import { findProviderUnavailable, ProviderUnavailableError } from './errors/provider-unavailable-error.js'
import { createModelRegistry, type ModelRegistryOptions } from './model-registry.js'
import { type LoopbackModelServer, type LoopbackModelServerOptions, startLoopbackModelServer } from './test/index.js'

const servers: LoopbackModelServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

async function start(options: LoopbackModelServerOptions = {}) {
  const server = await startLoopbackModelServer(options)
  servers.push(server)
  return server
}

function registryOn(url: string, options: Partial<ModelRegistryOptions> = {}) {
  const registry = createModelRegistry({ env: { LOOP_KEY: 'sk-wrong' }, compatible: { baseUrl: url }, ...options })
  const chat = (name = 'compatible/m') => {
    const resolved = registry.languageModel(name)
    if (resolved.kind !== 'remote') throw new Error(`expected a remote model, got offline: ${resolved.reason}`)
    return resolved.model
  }
  return { registry, chat }
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  )

describe('the circuit breaker of a provider', () => {
  it('cuts the provider off after one refused key: no further request, and later resolutions say offline why', async () => {
    const server = await start({ apiKey: 'sk-right' })
    const { registry, chat } = registryOn(server.url, {
      compatible: { baseUrl: server.url, apiKeyEnv: 'LOOP_KEY' },
    })
    const model = chat()
    await expect(generateText({ model, prompt: 'x', maxRetries: 2 })).rejects.toThrow(/Incorrect API key/)
    expect(server.requests).toHaveLength(1)
    const second = await failure(generateText({ model, prompt: 'x', maxRetries: 2 }))
    expect(findProviderUnavailable(second)).toBeInstanceOf(ProviderUnavailableError)
    expect(server.requests).toHaveLength(1)
    expect(registry.cutOffs()).toEqual([
      { provider: 'compatible', reason: expect.stringMatching(/refused the API key \(HTTP 401/) },
    ])
    // Another model of the provider still resolves (its cached work stays usable) but asks nothing.
    const later = await failure(generateText({ model: chat('compatible/other'), prompt: 'x', maxRetries: 2 }))
    expect(findProviderUnavailable(later)?.reason).toMatch(/refused the API key/)
    expect(server.requests).toHaveLength(1)
    // The provider echoed part of the key; the reason does not.
    expect(JSON.stringify(registry.cutOffs())).not.toMatch(/sk-lo|\*\*\*/)
    expect(registry.breaker('compatible').stats()).toEqual({ attempts: 1, failures: 1, blocked: 2 })
  })

  it('counts the SDK’s own retries against a server that is down, and stops at the threshold', async () => {
    const server = await start()
    const url = server.url
    await server.close()
    servers.splice(servers.indexOf(server), 1)
    const { registry, chat } = registryOn(url, { breaker: { transportFailures: 4 } })
    const model = chat()
    const started = Date.now()
    // Two attempts per call (one SDK retry): the second call's second attempt is the fourth failure.
    await expect(generateText({ model, prompt: 'x', maxRetries: 1 })).rejects.toThrow(/Cannot connect/)
    const second = await failure(generateText({ model, prompt: 'x', maxRetries: 1 }))
    expect(registry.cutOffs()).toEqual([
      { provider: 'compatible', reason: expect.stringMatching(/^4 requests in a row failed \(last: .*ECONNREFUSED/) },
    ])
    const third = await failure(generateText({ model, prompt: 'x', maxRetries: 5 }))
    expect(findProviderUnavailable(third)?.reason).toMatch(/4 requests in a row failed/)
    expect(second).toBeDefined()
    expect(registry.breaker('compatible').stats()).toMatchObject({ attempts: 4, failures: 4 })
    // Two SDK backoffs of about 2 s, nothing more: the third call never waited.
    expect(Date.now() - started).toBeLessThan(10_000)
  })

  it('opens on a storm of 5xx answers, while one answer in between starts the count again', async () => {
    const server = await start()
    const storm = (count: number) =>
      Array.from({ length: count }, () => ({ kind: 'status' as const, status: 503, retryAfterMs: 1 }))
    server.enqueue(...storm(2), { kind: 'message', text: 'fine' }, ...storm(3))
    const { registry, chat } = registryOn(server.url, { breaker: { transportFailures: 3 } })
    expect((await generateText({ model: chat(), prompt: 'x', maxRetries: 2 })).text).toBe('fine')
    expect(registry.cutOffs()).toEqual([])
    await expect(generateText({ model: chat(), prompt: 'x', maxRetries: 2 })).rejects.toThrow()
    expect(registry.cutOffs()[0]?.reason).toMatch(/3 requests in a row failed \(last: HTTP 503/)
    expect(server.requests).toHaveLength(6)
  })

  it('opens on answers that are not JSON, and on answers stages report as unusable', async () => {
    const server = await start()
    server.onChat(() => ({ kind: 'malformed' }))
    const { registry, chat } = registryOn(server.url, { breaker: { malformedAnswers: 2 } })
    await failure(generateText({ model: chat(), prompt: 'x', maxRetries: 0 }))
    await failure(generateText({ model: chat(), prompt: 'x', maxRetries: 0 }))
    expect(registry.cutOffs()[0]?.reason).toMatch(/2 answers in a row could not be used \(last: HTTP 200 with a body/)

    const other = registryOn(server.url, { breaker: { malformedAnswers: 2 } }).registry
    const breaker = other.breaker('compatible')
    breaker.recordMalformed('empty answer')
    breaker.recordAnswer()
    breaker.recordMalformed('empty answer')
    expect(breaker.cutOff()).toBeNull()
    breaker.recordMalformed('no classifications in the answer')
    expect(breaker.cutOff()?.reason).toBe(
      '2 answers in a row could not be used (last: no classifications in the answer)',
    )
  })

  it('cuts off only the model a provider does not know', async () => {
    const server = await start({ models: ['known'] })
    const { registry, chat } = registryOn(server.url)
    await expect(generateText({ model: chat('compatible/missing'), prompt: 'x', maxRetries: 2 })).rejects.toThrow()
    expect(server.requests).toHaveLength(1)
    expect(registry.cutOffs()).toEqual([
      { provider: 'compatible', modelId: 'missing', reason: expect.stringContaining('does not know this model') },
    ])
    expect((await generateText({ model: chat('compatible/known'), prompt: 'x' })).text).toBe('ok')
    const embedding = registry.embeddingModel('compatible/known')
    expect(embedding.kind).toBe('remote')
    if (embedding.kind === 'remote') {
      expect((await embedMany({ model: embedding.model, values: ['a'] })).embeddings).toHaveLength(1)
    }
  })

  it('does not cut off a provider for a refusal of one request (moderation) or for the user’s own abort', async () => {
    const server = await start()
    server.enqueue(
      { kind: 'status', status: 403, message: 'Your input was flagged by moderation' },
      { kind: 'hang' },
      { kind: 'hang' },
    )
    const { registry, chat } = registryOn(server.url, { breaker: { transportFailures: 1 } })
    await failure(generateText({ model: chat(), prompt: 'x', maxRetries: 0 }))
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 50)
    await failure(generateText({ model: chat(), prompt: 'x', maxRetries: 0, abortSignal: controller.signal }))
    expect(registry.cutOffs()).toEqual([])
    await failure(generateText({ model: chat(), prompt: 'x', maxRetries: 0, timeout: 50 }))
    expect(registry.cutOffs()[0]?.reason).toMatch(/no answer in time/)
  })

  it('counts a server that accepts the request and never answers, after the response timeout', async () => {
    const server = await start()
    server.onChat(() => ({ kind: 'hang' }))
    const { registry, chat } = registryOn(server.url, { responseTimeoutMs: 100, breaker: { transportFailures: 2 } })
    const model = chat()
    const started = Date.now()
    await expect(generateText({ model, prompt: 'x', maxRetries: 3 })).rejects.toThrow(/no response within 100 ms/)
    await failure(generateText({ model, prompt: 'x', maxRetries: 3 }))
    expect(registry.cutOffs()[0]?.reason).toBe('2 requests in a row failed (last: no answer in time)')
    expect(server.requests).toHaveLength(2)
    expect(Date.now() - started).toBeLessThan(2_000)
  })
})
