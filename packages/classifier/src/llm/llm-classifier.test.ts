import { createUsageMeter } from '@gitlore/llm'
import { APICallError } from 'ai'
import { describe, expect, it } from 'vitest'
import { describeClassifierContract } from '../__fixtures__/classifier-contract.js'
import { MemoryStore } from '../__fixtures__/memory-store.js'
import {
  answerXml,
  commentsInPrompt,
  oracleAnswer,
  oracleCategories,
  sampleComments,
  scriptedModel,
  userPrompt,
} from '../__fixtures__/scripted-answers.js'
import { ClassificationInterruptedError } from '../errors/classification-interrupted-error.js'
import { classifierPrompts } from './classifier-prompts.js'
import { createLlmClassifier, type LlmClassifierOptions } from './llm-classifier.js'

const prompts = classifierPrompts('classify', 'Classify {{count}}:\n{{comments}}')
const classifier = (options: Partial<LlmClassifierOptions> & Pick<LlmClassifierOptions, 'model'>) =>
  createLlmClassifier({ modelName: 'compatible/scripted', prompts, ...options })

describeClassifierContract('the LLM classifier (mock model)', () =>
  classifier({ model: scriptedModel((prompt) => oracleAnswer(prompt)), batchSize: 7 }),
)
describeClassifierContract('the LLM classifier with the prompts of prompts/', () =>
  createLlmClassifier({ model: scriptedModel((prompt) => oracleAnswer(prompt)), modelName: 'compatible/scripted' }),
)

describe('the LLM classifier', () => {
  const comments = sampleComments(60)

  it('sends batches with short ids and maps the answers back to the comments', async () => {
    const model = scriptedModel((prompt) => oracleAnswer(prompt))
    const { comments: results, stats } = await classifier({ model, batchSize: 25 }).classify(comments)
    expect(model.doGenerateCalls).toHaveLength(3)
    expect(stats).toEqual({ total: 60, classified: 60, cached: 0, failed: 0, requests: 3 })
    results.forEach((result, index) => {
      expect(result).toMatchObject({ status: 'classified', categories: oracleCategories(comments[index]!.body) })
    })
    const firstPrompt = JSON.stringify(model.doGenerateCalls[0]?.prompt)
    expect(firstPrompt).toContain('Classify 25:')
    expect(firstPrompt).toContain('<comment id=\\"25\\"')
    expect(firstPrompt).not.toContain(comments[0]!.id)
  })

  it('retries comments missing from a batch answer one at a time', async () => {
    const model = scriptedModel((prompt) => {
      const asked = commentsInPrompt(prompt)
      // Batch answers skip their second comment; single requests are answered.
      return oracleAnswer(prompt, (comment) => asked.length === 1 || comment.id !== '2')
    })
    const { stats } = await classifier({ model, batchSize: 10 }).classify(comments.slice(0, 30))
    expect(stats).toMatchObject({ classified: 30, failed: 0, requests: 3 + 3 })
  })

  it('fails a comment with its reason after bounded retries, and never stores the failure', async () => {
    const stubborn = comments[3]!.body
    const model = scriptedModel((prompt) =>
      answerXml(
        commentsInPrompt(prompt).map((comment) => ({
          id: comment.id,
          categories: comment.body === stubborn ? ['vibes'] : oracleCategories(comment.body),
        })),
      ),
    )
    const store = new MemoryStore()
    const { comments: results, stats } = await classifier({ model, store, batchSize: 10, singleRetries: 2 }).classify(
      comments.slice(0, 10),
    )
    expect(results[3]).toMatchObject({
      status: 'failed',
      error: 'no valid answer after 3 requests: unknown categories: vibes',
    })
    expect(stats).toMatchObject({ classified: 9, failed: 1, requests: 3 })
    expect(store.rows.size).toBe(9)
  })

  it('stores each batch as it completes, so a second run makes no request', async () => {
    const store = new MemoryStore()
    const first = scriptedModel((prompt) => oracleAnswer(prompt))
    const run = await classifier({ model: first, store, batchSize: 20 }).classify(comments)
    expect(store.writes.map((entries) => entries.length)).toEqual([20, 20, 20])
    const second = scriptedModel(() => {
      throw new Error('the cache should have answered')
    })
    const rerun = await classifier({ model: second, store, batchSize: 20 }).classify(comments)
    expect(rerun.stats).toEqual({ total: 60, classified: 60, cached: 60, failed: 0, requests: 0 })
    expect(rerun.comments).toEqual(run.comments)
    const otherPrompt = createLlmClassifier({
      model: scriptedModel((prompt) => oracleAnswer(prompt)),
      modelName: 'compatible/scripted',
      prompts: classifierPrompts('classify differently', prompts.user),
      store,
    })
    expect((await otherPrompt.classify(comments)).stats.cached).toBe(0)
  })

  it('asks once about comments with the same text', async () => {
    const model = scriptedModel((prompt) => oracleAnswer(prompt))
    const twins = [comments[0]!, { ...comments[0]!, id: 'twin' }, comments[1]!]
    const { comments: results } = await classifier({ model }).classify(twins)
    expect(commentsInPrompt(userPrompt(model.doGenerateCalls[0]!))).toHaveLength(2)
    expect(results.map((result) => result.status)).toEqual(['classified', 'classified', 'classified'])
  })

  it('keeps at most `concurrency` requests in flight', async () => {
    let inFlight = 0
    let most = 0
    const model = scriptedModel((prompt) => oracleAnswer(prompt))
    const generate = model.doGenerate.bind(model)
    model.doGenerate = async (options) => {
      inFlight += 1
      most = Math.max(most, inFlight)
      await new Promise((resolve) => setTimeout(resolve, 5))
      inFlight -= 1
      return generate(options)
    }
    await classifier({ model, batchSize: 2, concurrency: 3 }).classify(comments)
    expect(most).toBe(3)
  })

  it('stops when interrupted, keeping finished batches for the next run', async () => {
    const store = new MemoryStore()
    const controller = new AbortController()
    const model = scriptedModel((prompt) => oracleAnswer(prompt))
    const error = await classifier({ model, store, batchSize: 10, concurrency: 1 })
      .classify(comments, {
        signal: controller.signal,
        onProgress: (progress) => (progress.done >= 20 ? controller.abort() : undefined),
      })
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ClassificationInterruptedError)
    expect((error as ClassificationInterruptedError).finished).toHaveLength(20)
    expect(store.rows.size).toBe(20)
    const resumed = scriptedModel((prompt) => oracleAnswer(prompt))
    const { stats } = await classifier({ model: resumed, store, batchSize: 10 }).classify(comments)
    expect(stats).toMatchObject({ cached: 20, classified: 60, requests: 4 })
  })

  it('stops asking once the provider refuses the key and classifies the rest offline, saying why', async () => {
    const model = scriptedModel(() => {
      throw new APICallError({
        message: 'invalid api key',
        url: 'http://127.0.0.1/v1/chat/completions',
        requestBodyValues: {},
        statusCode: 401,
        isRetryable: false,
      })
    })
    const { comments: results, stats } = await classifier({ model, batchSize: 10, concurrency: 1 }).classify(comments)
    expect(stats).toMatchObject({ classified: 60, failed: 0, requests: 1 })
    expect(stats.fallback).toEqual({
      classifier: 'offline',
      comments: 60,
      reason: expect.stringContaining('the provider refused the API key (HTTP 401)'),
    })
    expect(results.every((result) => result.classifier === 'offline')).toBe(true)

    const failing = await classifier({ model, batchSize: 10, concurrency: 1, fallback: null }).classify(comments)
    expect(failing.stats).toMatchObject({ failed: 60, requests: 1 })
    expect(failing.comments[59]).toMatchObject({
      status: 'failed',
      error: expect.stringContaining('the provider refused the API key (HTTP 401)'),
    })
  })

  it('meters the tokens of every request', async () => {
    const meter = createUsageMeter()
    await classifier({ model: scriptedModel((prompt) => oracleAnswer(prompt)), meter, batchSize: 30 }).classify(
      comments,
    )
    expect(meter.report()).toEqual([
      expect.objectContaining({ model: 'compatible/scripted', requests: 2, inputTokens: 200, outputTokens: 40 }),
    ])
  })
})
