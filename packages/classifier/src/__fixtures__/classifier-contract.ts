import { commentCategories, GitloreError, type ReviewComment } from '@gitlore/core'
import { describe, expect, it } from 'vitest'
import type { ClassificationProgress, Classifier } from '../classifier.js'
import { ClassificationInterruptedError } from '../errors/classification-interrupted-error.js'
import { sampleComments } from './scripted-answers.js'

/**
 * The behaviour every `Classifier` owes its callers, run against each implementation (the way unstorage
 * runs one driver suite over every driver). `make` builds a fresh classifier per test.
 */
export function describeClassifierContract(name: string, make: () => Classifier | Promise<Classifier>): void {
  describe(`${name} honours the Classifier contract`, () => {
    const comments = sampleComments(40)

    it('returns every comment exactly once, in input order, classified or failed with a reason', async () => {
      const classifier = await make()
      const { comments: results, stats } = await classifier.classify(comments)
      expect(results.map((result) => result.comment)).toEqual(comments)
      for (const result of results) {
        expect(result.classifier).toBe(classifier.id)
        if (result.status === 'failed') expect(result.error).not.toBe('')
      }
      expect(stats.total).toBe(comments.length)
      expect(stats.classified + stats.failed).toBe(stats.total)
      expect(stats.failed).toBe(results.filter((result) => result.status === 'failed').length)
    })

    it('gives known categories, no duplicates, and a confidence between 0 and 1', async () => {
      const { comments: results } = await (await make()).classify(comments)
      for (const result of results) {
        if (result.status !== 'classified') continue
        expect(result.categories.length).toBeGreaterThan(0)
        expect(new Set(result.categories).size).toBe(result.categories.length)
        for (const category of result.categories) expect(commentCategories).toContain(category)
        expect(result.confidence).toBeGreaterThanOrEqual(0)
        expect(result.confidence).toBeLessThanOrEqual(1)
      }
    })

    it('classifies nothing when given nothing', async () => {
      const { comments: results, stats } = await (await make()).classify([])
      expect(results).toEqual([])
      expect(stats).toMatchObject({ total: 0, classified: 0, failed: 0 })
    })

    it('gives comments with the same text the same categories', async () => {
      const first = comments[0]!
      const twin: ReviewComment = { ...first, id: `${first.id}-twin`, url: `${first.url}-twin` }
      const { comments: results } = await (await make()).classify([first, comments[1]!, twin])
      const [a, , b] = results
      expect(a?.status === 'classified' && b?.status === 'classified').toBe(true)
      if (a?.status === 'classified' && b?.status === 'classified') expect(b.categories).toEqual(a.categories)
    })

    it('reports progress up to every comment', async () => {
      const seen: ClassificationProgress[] = []
      await (await make()).classify(comments.slice(0, 10), { onProgress: (progress) => seen.push(progress) })
      expect(seen.at(-1)).toMatchObject({ total: 10, done: 10 })
    })

    it('stops with ClassificationInterruptedError when its signal is aborted', async () => {
      const controller = new AbortController()
      controller.abort()
      const error = await (await make())
        .classify(comments, { signal: controller.signal })
        .catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(ClassificationInterruptedError)
      expect(GitloreError.isInstance(error) && error.code).toBe('interrupted')
    })
  })
}
