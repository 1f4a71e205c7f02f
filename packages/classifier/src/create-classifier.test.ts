import { describe, expect, it } from 'vitest'
import { sampleComments, scriptedModel } from './__fixtures__/scripted-answers.js'
import { classifyComments, createClassifier } from './create-classifier.js'
import { classifierPrompts } from './llm/classifier-prompts.js'

describe('createClassifier', () => {
  it('builds either kind behind the same interface', async () => {
    const model = scriptedModel(() => '<c id="1" categories="praise" confidence="1"/>')
    const llm = createClassifier({
      kind: 'llm',
      model,
      modelName: 'compatible/m',
      prompts: classifierPrompts('s', '{{comments}}'),
    })
    const offline = createClassifier({ kind: 'offline' })
    expect([llm.id, offline.id]).toEqual(['compatible/m', 'offline'])
    const [comment] = sampleComments(1)
    expect((await llm.classify([comment!])).comments[0]).toMatchObject({ status: 'classified', categories: ['praise'] })
  })

  it('classifies in one call with classifyComments', async () => {
    const comments = sampleComments(5)
    const { stats } = await classifyComments(comments, { kind: 'offline', onProgress: () => {} })
    expect(stats).toEqual({ total: 5, classified: 5, cached: 0, failed: 0, requests: 0 })
  })
})
