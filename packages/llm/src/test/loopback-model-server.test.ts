import { generateText, jsonSchema, streamText, tool } from 'ai'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createModelRegistry } from '../model-registry.js'
import { type LoopbackModelServer, startLoopbackModelServer } from './loopback-model-server.js'

describe('startLoopbackModelServer', () => {
  let server: LoopbackModelServer
  beforeAll(async () => {
    server = await startLoopbackModelServer()
  })
  afterAll(() => server.close())
  beforeEach(() => server.reset())

  const model = () => {
    const resolved = createModelRegistry({ env: {}, compatible: { baseUrl: server.url } }).languageModel('compatible/m')
    if (resolved.kind !== 'remote') throw new Error('expected a remote model')
    return resolved.model
  }

  it('answers 429 with retry-after, which the ai SDK waits out before retrying', async () => {
    server.enqueue({ kind: 'status', status: 429, retryAfterSeconds: 0.3 }, { kind: 'message', text: 'after the wait' })
    const started = Date.now()
    const result = await generateText({ model: model(), prompt: 'x', maxRetries: 1 })
    expect(result.text).toBe('after the wait')
    expect(Date.now() - started).toBeGreaterThanOrEqual(290)
    expect(server.requests).toHaveLength(2)
  })

  it('answers 500 until the retries run out', async () => {
    server.enqueue(...Array.from({ length: 2 }, () => ({ kind: 'status' as const, status: 500, retryAfterMs: 1 })))
    await expect(generateText({ model: model(), prompt: 'x', maxRetries: 1 })).rejects.toThrow(/scripted status 500/)
    expect(server.requests).toHaveLength(2)
  })

  it('hangs until the client times out', async () => {
    server.enqueue({ kind: 'hang' })
    await expect(generateText({ model: model(), prompt: 'x', maxRetries: 0, timeout: 200 })).rejects.toThrow()
  })

  it('sends an empty completion, a length cut and prose-wrapped XML, streamed or not', async () => {
    server.enqueue(
      { kind: 'empty' },
      { kind: 'message', text: '<classifications><c id="1" categ', finishReason: 'length' },
      { kind: 'message', text: 'Sure!\n```xml\n<a/>\n```\nDone.' },
    )
    const empty = await generateText({ model: model(), prompt: 'x', maxRetries: 0 })
    expect(empty.text).toBe('')
    const cut = streamText({ model: model(), prompt: 'x', maxRetries: 0 })
    expect(await cut.text).toBe('<classifications><c id="1" categ')
    expect(await cut.finishReason).toBe('length')
    const fenced = await generateText({ model: model(), prompt: 'x', maxRetries: 0 })
    expect(fenced.text).toContain('```xml\n<a/>\n```')
  })

  it('records every request with its prompt and estimated prompt tokens', async () => {
    server.onChat((request) => ({ kind: 'message', text: `${request.messages.length} messages` }))
    const result = await generateText({ model: model(), instructions: 'be brief', prompt: 'four', maxRetries: 0 })
    expect(result.text).toBe('2 messages')
    expect(server.requests[0]).toMatchObject({
      endpoint: 'chat',
      path: '/chat/completions',
      model: 'm',
      promptText: 'be brief\nfour',
      promptTokens: 4,
    })
    expect(result.usage.inputTokens).toBe(4)
    server.onChat(() => ({ kind: 'message', text: 'ok' }))
  })

  it('sends tool calls, plain and streamed, for agent tests', async () => {
    const call = { name: 'read_file', arguments: { path: 'README.md' } }
    server.enqueue({ kind: 'message', toolCalls: [call] }, { kind: 'message', toolCalls: [call] })
    const tools = {
      read_file: tool({
        inputSchema: jsonSchema<{ path: string }>({ type: 'object' }),
        execute: async ({ path }) => `contents of ${path}`,
      }),
    }
    const plain = await generateText({ model: model(), prompt: 'x', tools, maxRetries: 0 })
    expect(plain.toolCalls.map((item) => [item.toolName, item.input])).toEqual([['read_file', { path: 'README.md' }]])
    const streamed = streamText({ model: model(), prompt: 'x', tools, maxRetries: 0 })
    expect((await streamed.toolCalls).map((item) => item.toolName)).toEqual(['read_file'])
  })
})
