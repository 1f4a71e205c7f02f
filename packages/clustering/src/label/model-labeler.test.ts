import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createOpenAICompatible } from '@ai-sdk/openai-compatible'
import { createCache } from '@gitlore/cache'
import { type LoopbackModelServer, startLoopbackModelServer } from '@gitlore/llm/test'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { syntheticClassified } from '../__fixtures__/classified-fixtures.js'
import { clusterComments } from '../cluster-comments.js'
import { createEmbedder } from '../create-embedder.js'
import { createModelLabeler } from './model-labeler.js'

let server: LoopbackModelServer
beforeEach(async () => {
  server = await startLoopbackModelServer()
})
afterEach(() => server.close())

const chats = () => server.requests.filter((request) => request.path.endsWith('/chat/completions'))
const items = syntheticClassified(400, 5).map((entry) => entry.item)
const embedder = createEmbedder({ kind: 'offline' })

describe('createModelLabeler over HTTP', () => {
  it('labels each theme once; a re-run on the same reviews asks the model nothing, however many themes', async () => {
    // The model names a theme after the first top term it was shown.
    server.onChat((request) => {
      const prompt = request.messages.at(-1)?.content ?? ''
      const term = /top terms: ([^,)]+)/.exec(prompt)?.[1] ?? 'theme'
      return { kind: 'message', text: `Reviewers keep asking about ${term}` }
    })
    const cache = await createCache({ path: join(await mkdtemp(join(tmpdir(), 'gitlore-labels-')), 'cache.db') })
    const model = createOpenAICompatible({ name: 'loopback', baseURL: server.url }).chatModel('labeler')
    const labeler = () => createModelLabeler({ model, modelName: 'compatible/labeler', store: cache })
    const first = await clusterComments(items, { embedder, labeler: labeler() })
    expect(first.clusters.length).toBeGreaterThan(8)
    expect(chats()).toHaveLength(first.clusters.length)
    expect(first.clusters.every((cluster) => cluster.label.startsWith('Reviewers keep asking about '))).toBe(true)
    expect(first.stats.labelRejections).toEqual({})

    const before = chats().length
    const second = await clusterComments(items, { embedder, labeler: labeler() })
    expect(chats()).toHaveLength(before)
    expect(second.clusters.map((cluster) => cluster.label)).toEqual(first.clusters.map((cluster) => cluster.label))
    await cache.close()
  })

  it('falls back to the statistical label when the model answers with an error sentence or markup', async () => {
    const answers = ['An error occurred while processing your request.', '<b>Theme</b>']
    let call = 0
    server.onChat(() => ({ kind: 'message', text: answers[call++ % answers.length]! }))
    const model = createOpenAICompatible({ name: 'loopback', baseURL: server.url }).chatModel('labeler')
    const offline = await clusterComments(items, { embedder })
    const result = await clusterComments(items, {
      embedder,
      labeler: createModelLabeler({ model, modelName: 'compatible/labeler' }),
    })
    expect(result.clusters.map((cluster) => cluster.label)).toEqual(offline.clusters.map((cluster) => cluster.label))
    const rejections = result.stats.labelRejections
    expect((rejections.error ?? 0) + (rejections.markup ?? 0)).toBe(result.clusters.length)
    // The prompt marks the comments as data.
    expect(chats()[0]!.messages.at(-1)!.content).toContain('<comments>')
  })
})
