import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCache, type GitloreCache } from '@gitlore/cache'
import type { ReviewComment } from '@gitlore/core'
import { createUsageMeter } from '@gitlore/llm'
import {
  type ChatReply,
  type LoopbackModelServer,
  type RecordedRequest,
  startLoopbackModelServer,
} from '@gitlore/llm/test'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loopbackClassifier } from '../__fixtures__/loopback-classifier.js'
import {
  answerXml,
  commentsInPrompt,
  oracleCategories,
  type PromptComment,
  sampleComments,
} from '../__fixtures__/scripted-answers.js'
import { loadClassifierPrompts } from './classifier-prompts.js'
import { renderComment } from './render-comments.js'

let server: LoopbackModelServer
let cache: GitloreCache
beforeEach(async () => {
  server = await startLoopbackModelServer()
  cache = await createCache({ path: join(await mkdtemp(join(tmpdir(), 'gitlore-classifier-')), 'cache.db') })
})
afterEach(async () => {
  await cache.close()
  await server.close()
})

const promptOf = (request: RecordedRequest): string =>
  request.messages.find((message) => message.role === 'user')?.content ?? ''

/** The answer a well-behaved model gives, except that `stubborn` always gets an unknown category. */
const answerFor = (
  request: RecordedRequest,
  stubborn: string,
  keep?: (comment: PromptComment, index: number) => boolean,
) =>
  answerXml(
    commentsInPrompt(promptOf(request))
      .filter((comment, index) => keep?.(comment, index) ?? true)
      .map((comment) => ({
        id: comment.id,
        categories: comment.body === stubborn ? ['vibes'] : oracleCategories(comment.body),
      })),
  )

function classifier(options: {
  batchSize?: number
  singleRetries?: number
  meter?: ReturnType<typeof createUsageMeter>
  /** Never cut the provider off and never fall back: every failure stays visible per comment. */
  keepAsking?: boolean
}) {
  return loopbackClassifier(server.url, {
    store: cache,
    batchSize: options.batchSize ?? 10,
    singleRetries: options.singleRetries ?? 2,
    ...(options.meter === undefined ? {} : { meter: options.meter }),
    ...(options.keepAsking === true ? { fallback: null, breakerOptions: { transportFailures: 1_000 } } : {}),
  })
}

describe('the LLM classifier over HTTP', () => {
  it('loses no comment through 429, 500, a hang, an empty answer, a cut, fences, missing ids and unknown categories', async () => {
    const comments: ReviewComment[] = sampleComments(100)
    const stubborn = comments[42]!.body
    const faults = ['429', '500', 'hang', 'empty', 'length', 'fenced', 'missing']
    let next = 0
    server.onChat((request): ChatReply => {
      const fault = faults[next++]
      const full = answerFor(request, stubborn)
      switch (fault) {
        case '429':
          return { kind: 'status', status: 429, retryAfterSeconds: 0.2 }
        case '500':
          return { kind: 'status', status: 500, retryAfterMs: 10 }
        case 'hang':
          return { kind: 'hang' }
        case 'empty':
          return { kind: 'empty' }
        case 'length':
          return { kind: 'message', text: full.slice(0, Math.floor(full.length / 2)), finishReason: 'length' }
        case 'fenced':
          return { kind: 'message', text: `Here you go:\n\`\`\`xml\n${full}\n\`\`\`\nHope this helps!` }
        case 'missing':
          return { kind: 'message', text: answerFor(request, stubborn, (_, index) => index % 3 !== 0) }
        default:
          return { kind: 'message', text: full }
      }
    })
    const meter = createUsageMeter()
    const { comments: results, stats } = await classifier({ meter }).classify(comments)

    expect(results.map((result) => result.comment)).toEqual(comments)
    const failures = results.filter((result) => result.status === 'failed')
    expect(failures).toEqual([
      expect.objectContaining({
        comment: comments[42],
        error: 'no valid answer after 3 requests: unknown categories: vibes',
      }),
    ])
    expect(stats).toMatchObject({ total: 100, classified: 99, failed: 1, cached: 0 })
    // 10 batches, then single retries: the hung, empty and cut batches, the missing ids, the stubborn comment.
    expect(stats.requests).toBeLessThanOrEqual(50)
    // Every valid answer is cached, nothing else.
    expect((await cache.stats()).rows.classifications).toBe(99)
    const stubbornHash = renderComment(comments[42]!, 2000).bodyHash
    const cached = await cache.getClassifications({
      model: 'compatible/qwen3',
      promptHash: (await loadClassifierPrompts()).hash,
      bodyHashes: [stubbornHash],
    })
    expect(cached.size).toBe(0)
    // Usage: the server's prompt tokens of every answered request reach the meter.
    const [usage] = meter.report()
    expect(usage?.requests).toBeGreaterThan(0)
    expect(usage?.inputTokens).toBeGreaterThan(0)

    const requestsBefore = server.requests.length
    const rerun = await classifier({}).classify(comments)
    expect(rerun.stats).toMatchObject({ cached: 99, classified: 99, failed: 1 })
    // Only the comment that failed is asked about again (singly: nothing else is pending).
    expect(server.requests.length - requestsBefore).toBe(3)
    expect(rerun.comments.filter((result) => result.status === 'classified')).toEqual(
      results.filter((result) => result.status === 'classified'),
    )
  })

  it('makes zero requests on a second run when everything was classified', async () => {
    const comments = sampleComments(50)
    server.onChat((request) => ({ kind: 'message', text: answerFor(request, '') }))
    const first = await classifier({ batchSize: 25 }).classify(comments)
    expect(first.stats).toMatchObject({ classified: 50, requests: 2 })
    expect(server.requests).toHaveLength(2)
    const second = await classifier({ batchSize: 25 }).classify(comments)
    expect(second.stats).toMatchObject({ classified: 50, cached: 50, requests: 0 })
    expect(server.requests).toHaveLength(2)
  })

  it('reports exactly which comments failed and why when the server keeps failing, caching none', async () => {
    const comments = sampleComments(12)
    server.onChat(() => ({ kind: 'status', status: 500, retryAfterMs: 1, message: 'model overloaded' }))
    const { comments: results, stats } = await classifier({
      batchSize: 6,
      singleRetries: 1,
      keepAsking: true,
    }).classify(comments)
    // Two batches, each asked once more as a batch (not comment by comment): no answer came back at all.
    expect(stats).toMatchObject({ total: 12, classified: 0, failed: 12, requests: 2 + 2 })
    for (const result of results) {
      expect(result).toMatchObject({
        status: 'failed',
        error: 'no valid answer after 2 requests: request failed (after 3 attempts): HTTP 500: model overloaded',
      })
    }
    expect(server.requests).toHaveLength(4 * 3)
    expect((await cache.stats()).rows.classifications).toBe(0)
  })
})
