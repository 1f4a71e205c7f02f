import type { ClassifiedComment } from '@gitlore/core'
import { describe, expect, it } from 'vitest'
import { classifiedComment, syntheticClassified, themedClassified } from './__fixtures__/classified-fixtures.js'
import { type ClusteringProgress, type ClusterLabelRequest, clusterComments } from './cluster-comments.js'
import { commentText } from './comment-text.js'
import { createEmbedder } from './create-embedder.js'
import type { Embedder } from './embedder.js'
import { createMemoryEmbeddingStore } from './memory-embedding-store.js'

const embedder = createEmbedder({ kind: 'offline' })
const themed = themedClassified()
const items = themed.map((entry) => entry.item)
const themeOf = new Map(themed.map((entry) => [entry.item.comment.id, entry.theme]))

describe('clusterComments', () => {
  it('describes each theme as ReviewCluster fields a report can show', async () => {
    const { clusters } = await clusterComments(items, { embedder })
    const byId = new Map(items.map((item) => [item.comment.id, item]))
    const secrets = clusters.find((cluster) => themeOf.get(cluster.representatives[0]!) === 'hardcoded-secrets')!
    // Offline, a theme is named as the concern it raises, from its main category and key terms.
    expect(secrets.label).toBe('Security of secret and token')
    expect(secrets.topTerms).toHaveLength(5)
    expect(secrets.size).toBe(secrets.members.length)
    expect(secrets.representatives).toHaveLength(3)
    expect(secrets.members).toEqual(expect.arrayContaining([...secrets.representatives]))
    const members = secrets.members.map((id) => byId.get(id)!)
    expect(secrets.categories.security).toBe(
      members.filter((item) => item.status === 'classified' && item.categories.includes('security')).length,
    )
    expect(secrets.prNumbers).toEqual([...new Set(members.map((item) => item.comment.prNumber))].sort((a, b) => a - b))
    expect(new Set(secrets.files)).toEqual(
      new Set(members.flatMap((item) => (item.comment.path === undefined ? [] : [item.comment.path]))),
    )
    expect(new Set(secrets.authors)).toEqual(new Set(members.map((item) => item.comment.author)))
    const threads = members.filter((item) => item.comment.isResolved !== undefined)
    expect(secrets.resolvedShare).toBeCloseTo(threads.filter((item) => item.comment.isResolved).length / threads.length)
    expect(clusters.map((cluster) => cluster.size)).toEqual(
      [...clusters.map((cluster) => cluster.size)].sort((a, b) => b - a),
    )
  })

  it('puts the medoid first: the member closest on average to the others', async () => {
    const tight = [
      'Add a null check for `user`.',
      'Missing null check on `user` here.',
      'Please null check `user` first.',
    ]
    const outlier = 'A null check on `user` would avoid the crash when the session expired and the cache is cold.'
    const input = [...tight, outlier].map((body, index) =>
      classifiedComment(`m${index}`, body, { prNumber: index + 1 }),
    )
    const { clusters } = await clusterComments(input, { embedder, threshold: 0.9 })
    expect(clusters).toHaveLength(1)
    expect(clusters[0]!.representatives[0]).not.toBe('m3')
    expect(clusters[0]!.representatives).toHaveLength(3)
  })

  it('is deterministic, on the exact and on the scaled path', async () => {
    const many = syntheticClassified(1_200).map((entry) => entry.item)
    for (const input of [items, many]) {
      const first = await clusterComments(input, { embedder })
      const second = await clusterComments(input, { embedder })
      expect(second).toEqual(first)
    }
  })

  it('leaves groups under minClusterSize as noise and picks the notable comments from it', async () => {
    const bug = classifiedComment(
      'one-off-bug',
      'Leap years break the anniversary reminder: February 29 signups never get one.',
      { confidence: 0.95 },
    )
    const praise = classifiedComment(
      'one-off-praise',
      'Lovely refactor of the invoice exporter, much easier to follow.',
      {
        categories: ['praise', 'architecture'],
        confidence: 0.99,
      },
    )
    const unsure = classifiedComment(
      'one-off-unsure',
      'Daylight saving transitions shift the reminder emails by an hour.',
      { confidence: 0.5 },
    )
    const question = classifiedComment('one-off-question', 'Why does the webhook retry schedule double each time?', {
      categories: ['question'],
      confidence: 0.9,
    })
    const failed: ClassifiedComment = {
      status: 'failed',
      comment: classifiedComment('one-off-failed', 'Timezone offsets look inverted in the cron parser.').comment,
      classifier: 'fixture',
      error: 'timeout',
    }
    const result = await clusterComments([...items, bug, praise, unsure, question, failed], {
      embedder,
      minClusterSize: 5,
    })
    expect(result.noise).toEqual(
      expect.arrayContaining(['one-off-bug', 'one-off-praise', 'one-off-unsure', 'one-off-question', 'one-off-failed']),
    )
    expect(result.clusters.every((cluster) => cluster.size >= 5)).toBe(true)
    const notable = result.notable.map((item) => item.comment.id)
    expect(notable).toContain('one-off-bug')
    expect(notable).not.toContain('one-off-praise')
    expect(notable).not.toContain('one-off-unsure')
    expect(notable).not.toContain('one-off-question')
    expect(notable).not.toContain('one-off-failed')
    const confidences = result.notable.map((item) => item.confidence)
    expect(confidences).toEqual([...confidences].sort((a, b) => b - a))
  })

  it('asks the labeler for each cluster, keeps the default label when it fails, and counts the failures', async () => {
    const requests: ClusterLabelRequest[] = []
    const result = await clusterComments(items, {
      embedder,
      labeler: async (request) => {
        requests.push(request)
        if (request.topTerms.includes('secret')) throw new Error('model unavailable')
        return request.topTerms.includes('test')
          ? '  "Missing tests for edge cases."\nThe comments ask for…'
          : undefined
      },
    })
    expect(requests).toHaveLength(result.clusters.length)
    const request = requests.find((entry) => entry.topTerms.includes('test'))!
    expect(request.representatives.map((comment) => comment.id)).toEqual(
      result.clusters.find((cluster) => cluster.id === request.id)!.representatives,
    )
    const labels = result.clusters.map((cluster) => cluster.label)
    expect(labels).toContain('Missing tests for edge cases')
    expect(labels).toContain('Security of secret and token')
    expect(result.stats.labelFailures).toBe(1)
  })

  it('checks every label a model proposes and falls back to the statistical one', async () => {
    const answers = [
      '<theme>Null checks</theme>',
      "I'm sorry, I cannot name this theme without more context.",
      'Error: rate limit exceeded',
      'Quarterly revenue projections for marketing',
    ]
    let call = 0
    const offline = await clusterComments(items, { embedder })
    const result = await clusterComments(items, {
      embedder,
      labelConcurrency: 1,
      labeler: async (request) => (request.topTerms.includes('null') ? 'Missing null checks' : answers[call++]),
    })
    const statistical = new Map(offline.clusters.map((cluster) => [cluster.id, cluster.label]))
    const accepted = result.clusters.filter((cluster) => cluster.label !== statistical.get(cluster.id))
    expect(accepted.map((cluster) => cluster.label)).toEqual(['Missing null checks'])
    // The markup, the apology, the error and the unrelated answer are rejected; the repeated label is kept
    // by the first (largest) theme only.
    expect(result.stats.labelRejections).toMatchObject({ markup: 1, error: 2, unrelated: 1 })
    expect(new Set(result.clusters.map((cluster) => cluster.label)).size).toBe(result.clusters.length)
  })

  it('keeps praise, thanks and approvals out of the themes, and counts them', async () => {
    const praise = ['LGTM', 'Looks good to me!', 'Thanks!', 'Nice work 👍', 'lgtm, thanks', 'Great catch, thank you!']
    const acknowledgements = praise.flatMap((body, index) => [
      classifiedComment(`ack-${index}`, body, { categories: ['praise'], prNumber: 900 + index }),
      classifiedComment(`ack-b-${index}`, `${body} This is a really clean change overall.`, {
        categories: ['praise'],
        prNumber: 950 + index,
      }),
    ])
    const result = await clusterComments([...items, ...acknowledgements], { embedder })
    const clustered = new Set(result.clusters.flatMap((cluster) => cluster.members))
    for (const item of acknowledgements) {
      expect(clustered.has(item.comment.id)).toBe(false)
      expect(result.noise).toContain(item.comment.id)
    }
    expect(result.stats.acknowledgements).toBe(acknowledgements.length)
    expect(result.stats.comments).toBe(items.length + acknowledgements.length)
  })

  it('groups by what comments say, not by the file they are on', async () => {
    const path = 'src/checkout/cart.ts'
    const different = [
      'The discount is applied twice when the coupon is reused.',
      'Rename `tmp` to something that says what it holds.',
      'This query runs once per item; batch it.',
      'Add a test for the empty cart.',
      'The API key must not be committed here.',
      'Typo in the docstring: recieve.',
    ].map((body, index) => classifiedComment(`same-file-${index}`, body, { path, prNumber: 800 + index }))
    const alike = ['src/a.ts', 'lib/b.py', 'docs/c.md'].map((file, index) =>
      classifiedComment(`alike-${index}`, 'Missing null check: `user` can be undefined after logout.', {
        path: file,
        prNumber: 700 + index,
      }),
    )
    const result = await clusterComments([...different, ...alike], { embedder })
    expect(result.clusters.map((cluster) => [...cluster.members].sort())).toEqual([['alike-0', 'alike-1', 'alike-2']])
    expect(result.clusters[0]!.files).toEqual(['docs/c.md', 'lib/b.py', 'src/a.ts'])
    expect(commentText(different[0]!.comment)).toBe('The discount is applied twice when the coupon is reused.')
  })

  it('reports embedding and clustering progress, folding included above exactLimit', async () => {
    const progress: ClusteringProgress[] = []
    await clusterComments(items, {
      embedder,
      exactLimit: 100,
      labeler: async () => undefined,
      onProgress: (update) => progress.push(update),
    })
    const stages = progress.map((update) => (update.stage === 'embedding' ? 'embedding' : update.phase))
    expect([...new Set(stages)]).toEqual(['embedding', 'folding', 'linkage', 'labels'])
    expect(progress.at(-1)).toMatchObject({ stage: 'clustering', phase: 'labels' })
    const folding = progress.filter((update) => update.stage === 'clustering' && update.phase === 'folding')
    expect(folding.at(-1)).toMatchObject({ done: folding.at(-1)!.total })
    expect(progress.find((update) => update.stage === 'embedding' && update.done === update.total)).toBeDefined()
  })

  it('embeds nothing on a re-run with the same store', async () => {
    let calls = 0
    const counting: Embedder = {
      ...embedder,
      embed: (texts, options) => {
        calls += texts.length
        return embedder.embed(texts, options)
      },
    }
    const store = createMemoryEmbeddingStore()
    const first = await clusterComments(items, { embedder: counting, store })
    expect(first.stats).toMatchObject({ embedded: items.length, cached: 0 })
    const again = await clusterComments(items, { embedder: counting, store })
    expect(again.stats).toMatchObject({ embedded: 0, cached: items.length })
    expect(calls).toBe(items.length)
    expect(again.clusters).toEqual(first.clusters)
  })

  it('handles no comments, and comments with nothing to compare', async () => {
    expect(await clusterComments([], { embedder })).toMatchObject({ clusters: [], notable: [], noise: [] })
    const empty = ['LGTM', 'Thanks!', 'ok'].map((body, index) => classifiedComment(`e${index}`, body))
    expect((await clusterComments(empty, { embedder })).noise).toEqual(['e0', 'e1', 'e2'])
  })

  it('refuses options that cannot work', async () => {
    await expect(clusterComments(items, { embedder, threshold: 0 })).rejects.toThrow(/threshold/)
    await expect(clusterComments(items, { embedder, exactLimit: 1.5 })).rejects.toThrow(/exactLimit/)
  })
})
