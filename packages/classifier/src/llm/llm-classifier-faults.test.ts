import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCache, type GitloreCache } from '@gitlore/cache'
import {
  type ChatReply,
  type LoopbackModelServer,
  type LoopbackModelServerOptions,
  type RecordedRequest,
  refusingModelUrl,
  startLoopbackModelServer,
} from '@gitlore/llm/test'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loopbackClassifier } from '../__fixtures__/loopback-classifier.js'
import { oracleAnswer, sampleComments } from '../__fixtures__/scripted-answers.js'

// A provider that fails at run time: the classifier stops asking it (its circuit breaker is open), keeps
// every answer already paid for, and hands the rest to the offline classifier, saying why.

let cache: GitloreCache
const servers: LoopbackModelServer[] = []
beforeEach(async () => {
  cache = await createCache({ path: join(await mkdtemp(join(tmpdir(), 'gitlore-classifier-faults-')), 'cache.db') })
})
afterEach(async () => {
  await cache.close()
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

async function start(options: LoopbackModelServerOptions = {}) {
  const server = await startLoopbackModelServer(options)
  servers.push(server)
  return server
}

const promptOf = (request: RecordedRequest): string =>
  request.messages.find((message) => message.role === 'user')?.content ?? ''
const goodAnswer = (request: RecordedRequest): ChatReply => ({ kind: 'message', text: oracleAnswer(promptOf(request)) })

const classifier = (url: string, env: Record<string, string> = {}) => loopbackClassifier(url, { env, store: cache })

const comments = sampleComments(80)
/** Classifies the first 30 comments with a healthy server, so the cache holds answers already paid for. */
async function payForSome(): Promise<void> {
  const healthy = await start({ apiKey: 'sk-right' })
  healthy.onChat(goodAnswer)
  const { stats } = await classifier(healthy.url, { LOOP_KEY: 'sk-right' }).classify(comments.slice(0, 30))
  expect(stats).toMatchObject({ classified: 30, requests: 3 })
}

/** Comments of the run that reached the server in a prompt. */
const asked = (server: LoopbackModelServer) => server.requests.map(promptOf).join('\n')

async function faultRun(server: LoopbackModelServer | string, env: Record<string, string> = {}) {
  const started = Date.now()
  const result = await classifier(typeof server === 'string' ? server : server.url, env).classify(comments)
  return { ...result, seconds: (Date.now() - started) / 1000 }
}

function expectFallback(result: Awaited<ReturnType<typeof faultRun>>, reason: RegExp) {
  expect(result.stats).toMatchObject({ total: 80, cached: 30, classified: 80, failed: 0 })
  expect(result.stats.fallback).toEqual({ classifier: 'offline', comments: 50, reason: expect.stringMatching(reason) })
  expect(result.comments.slice(0, 30).every((item) => item.classifier === 'compatible/qwen3')).toBe(true)
  expect(result.comments.slice(30).every((item) => item.classifier === 'offline')).toBe(true)
}

describe('the LLM classifier when its provider fails at run time', () => {
  it('with a wrong key: only the requests in flight, the cached answers kept, the rest offline', async () => {
    await payForSome()
    const server = await start({ apiKey: 'sk-right' })
    const result = await faultRun(server, { LOOP_KEY: 'sk-wrong' })
    expectFallback(result, /refused the API key \(HTTP 401/)
    // Only the requests already in flight when the first 401 came back (concurrency 4).
    expect(server.requests.length).toBeLessThanOrEqual(4)
    expect(asked(server)).not.toContain(comments[0]!.body)
    expect(result.seconds).toBeLessThan(5)
  })

  it('with the server down: a handful of attempts, then offline within seconds', async () => {
    await payForSome()
    const result = await faultRun(refusingModelUrl)
    expectFallback(result, /5 requests in a row failed \(last: .*ECONNREFUSED/)
    // At most the five failures and the requests in flight meanwhile; nothing after the breaker opened.
    expect(result.stats.requests).toBeLessThanOrEqual(5 + 3)
    expect(result.seconds).toBeLessThan(5)
  })

  it('with the server hanging: cut off after the first timeouts', async () => {
    await payForSome()
    const server = await start()
    server.onChat(() => ({ kind: 'hang' }))
    const result = await faultRun(server)
    expectFallback(result, /5 requests in a row failed \(last: no answer in time\)/)
    // Four requests time out at 1 s, the fifth one second later: never the 5 batches × 3 attempts × 1 s.
    expect(server.requests.length).toBeLessThanOrEqual(8)
    expect(result.seconds).toBeLessThan(4)
  })

  it('in a storm of 5xx answers: cut off after five attempts, SDK retries counted', async () => {
    await payForSome()
    const server = await start()
    server.onChat(() => ({ kind: 'status', status: 500, retryAfterMs: 1, message: 'model overloaded' }))
    const result = await faultRun(server)
    expectFallback(result, /5 requests in a row failed \(last: HTTP 500: model overloaded\)/)
    expect(server.requests.length).toBeLessThanOrEqual(5 + 3)
    expect((await cache.stats()).rows.classifications).toBe(30)
  })

  it('with malformed answers: cut off after five unusable answers', async () => {
    await payForSome()
    const server = await start()
    const replies: ChatReply[] = [{ kind: 'malformed' }, { kind: 'empty' }, { kind: 'message', text: 'I cannot help.' }]
    server.onChat((request) => replies[request.index % replies.length]!)
    const result = await faultRun(server)
    expectFallback(result, /5 answers in a row could not be used/)
    expect(server.requests.length).toBeLessThanOrEqual(8)
  })

  it('marks the comments failed instead when asked for no fallback', async () => {
    const server = await start({ apiKey: 'sk-right' })
    const { stats } = await loopbackClassifier(server.url, { env: { LOOP_KEY: 'sk-wrong' }, fallback: null }).classify(
      comments,
    )
    expect(stats).toMatchObject({ total: 80, failed: 80 })
    expect(stats.fallback).toBeUndefined()
    expect(server.requests.length).toBeLessThanOrEqual(8)
  })
})
