import type { CommentCategory, ReviewComment } from '@gitlore/core'
import { labeledReviewComments } from '@gitlore/fixtures'
import { describe, expect, it } from 'vitest'
import { describeClassifierContract } from '../__fixtures__/classifier-contract.js'
import { evaluateBaseline, evaluateClassifications, formatEvaluation } from '../evaluation/evaluate-classifications.js'
import { createOfflineClassifier } from './offline-classifier.js'

describeClassifierContract('the offline classifier', () => createOfflineClassifier())

const comment = (body: string, path?: string): ReviewComment => ({
  id: body,
  kind: 'review_thread',
  prNumber: 1,
  url: 'https://github.com/o/r/pull/1',
  author: 'reviewer',
  authorAssociation: 'MEMBER',
  body,
  createdAt: '2025-01-01T00:00:00Z',
  ...(path === undefined ? {} : { path }),
  replies: [],
})

async function categoriesOf(body: string, path?: string): Promise<readonly CommentCategory[]> {
  const [result] = (await createOfflineClassifier().classify([comment(body, path)])).comments
  return result?.status === 'classified' ? result.categories : []
}

describe('the offline rules', () => {
  it('reads the signals the rules are made of', async () => {
    expect(await categoriesOf('nit: trailing comma')).toContain('nitpick')
    expect(await categoriesOf('Why do we need a second cache here?')).toContain('question')
    expect(await categoriesOf('Thanks, this is great!')).toEqual(['praise'])
    expect(await categoriesOf('`usr` → `user`')).toEqual(['naming'])
    expect(await categoriesOf('```suggestion\nreturn value ?? fallback\n```')).toEqual(['style'])
    expect(await categoriesOf('The password ends up in the logs.')).toContain('security')
    expect(await categoriesOf('Please add a case for the empty list.', 'src/parser.test.ts')).toContain('testing')
  })

  it('reads the signals real review comments carry', async () => {
    // Phrased the way reviewers on public projects write (in-house sentences, not copies of theirs).
    expect(await categoriesOf('Should this be `count - 1`?')).toEqual(expect.arrayContaining(['bug', 'question']))
    expect(await categoriesOf("Wouldn't this race with the flush running on the other worker?")).toContain('bug')
    expect(await categoriesOf("I'd suggest renaming this helper to `parseHeader`.")).toContain('naming')
    expect(await categoriesOf('This import is unused now.')).toContain('style')
    expect(
      await categoriesOf('Can we pull this out into its own function? The same logic is in the exporter.'),
    ).toContain('architecture')
    expect(await categoriesOf('Unrelated to this PR, please send it separately.')).toContain('process')
    expect(await categoriesOf('Good catch, thanks!')).toEqual(['praise'])
    expect(await categoriesOf('Just a nit, but a blank line here would help.')).toEqual(
      expect.arrayContaining(['nitpick', 'style']),
    )
  })

  it('guesses a defect for a remark nothing recognises, since that is what such remarks most often are', async () => {
    const [result] = (await createOfflineClassifier().classify([comment('The flag stays on after the reload.')]))
      .comments
    expect(result).toMatchObject({ status: 'classified', categories: ['bug'], confidence: 0.15 })
  })

  it('ignores words inside code', async () => {
    expect(await categoriesOf('Use `token.trim()` here.')).not.toContain('security')
  })

  it('says when it guessed: a comment no rule matches gets a low confidence', async () => {
    const [result] = (await createOfflineClassifier().classify([comment('Hmm, okay.')])).comments
    expect(result).toMatchObject({ status: 'classified', confidence: 0.15 })
  })
})

describe('the offline classifier on the labeled comments', () => {
  const labeled = labeledReviewComments()
  const labels = new Map(labeled.map((entry) => [entry.comment.id, entry.labels as readonly CommentCategory[]]))

  it('has at least 150 labeled comments covering every category', async () => {
    expect(labeled.length).toBeGreaterThanOrEqual(150)
    const { commentCategories } = await import('@gitlore/core')
    for (const category of commentCategories) {
      expect(labeled.filter((entry) => entry.labels.includes(category)).length).toBeGreaterThanOrEqual(10)
    }
  })

  it('scores well above trivial baselines, on the held-out comments too', async () => {
    const { comments } = await createOfflineClassifier().classify(
      labeled.map((entry) => entry.comment as ReviewComment),
    )
    const holdout = new Set(labeled.filter((entry) => entry.split === 'holdout').map((entry) => entry.comment.id))
    const all = evaluateClassifications(comments, labels)
    const held = evaluateClassifications(
      comments.filter((result) => holdout.has(result.comment.id)),
      labels,
    )
    // Baselines: every comment gets every category; every comment gets the most frequent one.
    const baselineOf = (categories: readonly CommentCategory[]) => evaluateBaseline(comments, labels, categories)
    const everything = baselineOf([...labelsOfAll(labels)])
    const mostFrequent = baselineOf(['bug'])
    console.log(
      [
        formatEvaluation(all, `offline, all ${labeled.length} comments`),
        '',
        formatEvaluation(held, `offline, ${holdout.size} held-out comments`),
        '',
        `exact matches: ${all.exactMatch}/${labeled.length}; baselines: every category ${everything.macroF1.toFixed(2)}, ` +
          `most frequent category ${mostFrequent.macroF1.toFixed(2)}`,
      ].join('\n'),
    )
    const baseline = Math.max(everything.macroF1, mostFrequent.macroF1)
    expect(all.macroF1).toBeGreaterThanOrEqual(0.7)
    expect(held.macroF1).toBeGreaterThanOrEqual(0.6)
    expect(held.macroF1).toBeGreaterThan(3 * baseline)
  })
})

function labelsOfAll(labels: ReadonlyMap<string, readonly CommentCategory[]>): Set<CommentCategory> {
  return new Set([...labels.values()].flat())
}
