import { describe, expect, it } from 'vitest'
import { syntheticClassified, type ThemedClassified, themedClassified } from './__fixtures__/classified-fixtures.js'
import { seededRandom } from './cluster/seeded-random.js'
import { type ClusterCommentsOptions, type ClusteringResult, clusterComments } from './cluster-comments.js'
import { createEmbedder } from './create-embedder.js'
import { adjustedRandIndex } from './quality/adjusted-rand-index.js'

const embedder = createEmbedder({ kind: 'offline', dimensions: 256 })

/** Predicted labels: the cluster id, or a label of its own for each noise comment. */
function predictedLabels(entries: readonly ThemedClassified[], result: ClusteringResult): string[] {
  const clusterOf = new Map(
    result.clusters.flatMap((cluster) => cluster.members.map((id) => [id, cluster.id] as const)),
  )
  return entries.map((entry) => clusterOf.get(entry.item.comment.id) ?? `noise:${entry.item.comment.id}`)
}

const trueLabels = (entries: readonly ThemedClassified[]): string[] =>
  entries.map((entry) => entry.theme ?? `one-off:${entry.item.comment.id}`)

async function ari(entries: readonly ThemedClassified[], options: Partial<ClusterCommentsOptions> = {}) {
  const result = await clusterComments(
    entries.map((entry) => entry.item),
    { embedder, ...options },
  )
  return { result, value: adjustedRandIndex(trueLabels(entries), predictedLabels(entries, result)) }
}

/** ARI of the same cluster sizes assigned at random: predicted labels shuffled, `rounds` seeded shuffles. */
function randomBaseline(truth: readonly string[], predicted: readonly string[], rounds = 50) {
  const random = seededRandom(7)
  const values = Array.from({ length: rounds }, () => {
    const shuffled = [...predicted]
    for (let index = shuffled.length - 1; index > 0; index--) {
      const other = Math.floor(random() * (index + 1))
      ;[shuffled[index], shuffled[other]] = [shuffled[other]!, shuffled[index]!]
    }
    return adjustedRandIndex(truth, shuffled)
  })
  return { mean: values.reduce((sum, value) => sum + value, 0) / rounds, max: Math.max(...values) }
}

describe('clusterComments quality (offline embedder, 256 dimensions)', () => {
  it('recovers the ten themes of the hand-written fixture far better than chance', async () => {
    const entries = themedClassified()
    expect(entries.length).toBeGreaterThanOrEqual(200)
    expect(new Set(entries.map((entry) => entry.theme)).size).toBeGreaterThanOrEqual(8)
    const { result, value } = await ari(entries)
    const baseline = randomBaseline(trueLabels(entries), predictedLabels(entries, result))
    console.info(
      `themed fixture (${entries.length} comments, 10 themes): ARI ${value.toFixed(3)}, random baseline mean ` +
        `${baseline.mean.toFixed(3)} (max of 50: ${baseline.max.toFixed(3)}), ${result.clusters.length} clusters, ` +
        `${result.stats.clustered} clustered, threshold ${result.stats.threshold}`,
    )
    expect(value).toBeGreaterThan(0.55)
    expect(value - baseline.max).toBeGreaterThan(0.45)
    expect(Math.abs(baseline.mean)).toBeLessThan(0.02)
  })

  it('gives the scaled path an ARI within 0.05 of the exact path at N = 800', async () => {
    // A cut dendrogram is sensitive: one merge more or less near the threshold moves the ARI by ~0.05 either way,
    // so the comparison is over four generated data sets (same comments for both paths), not one.
    const rows: { seed: number; exact: number; scaled: Record<number, number> }[] = []
    for (const seed of [1, 2, 3, 4]) {
      const entries = syntheticClassified(800, seed)
      const exact = await ari(entries, { exactLimit: 800 })
      expect(exact.result.stats).toMatchObject({ path: 'exact', leaves: 800 })
      const scaled: Record<number, number> = {}
      for (const exactLimit of [400, 200]) {
        const run = await ari(entries, { exactLimit })
        expect(run.result.stats.path).toBe('scaled')
        expect(run.result.stats.leaves).toBeLessThanOrEqual(exactLimit * 0.7)
        scaled[exactLimit] = run.value
      }
      rows.push({ seed, exact: exact.value, scaled })
    }
    const mean = (values: number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length
    const exactMean = mean(rows.map((row) => row.exact))
    for (const exactLimit of [400, 200]) {
      const scaledMean = mean(rows.map((row) => row.scaled[exactLimit]!))
      console.info(
        `synthetic N = 800 (10 themes + 20% one-offs), exactLimit ${exactLimit} (${exactLimit * 0.7} micro-clusters): ` +
          rows
            .map((row) => `seed ${row.seed} exact ${row.exact.toFixed(3)} scaled ${row.scaled[exactLimit]!.toFixed(3)}`)
            .join('; ') +
          `; mean exact ${exactMean.toFixed(3)} scaled ${scaledMean.toFixed(3)}`,
      )
      expect(Math.abs(scaledMean - exactMean)).toBeLessThanOrEqual(0.05)
      for (const row of rows) expect(Math.abs(row.scaled[exactLimit]! - row.exact)).toBeLessThanOrEqual(0.1)
    }
    expect(exactMean).toBeGreaterThan(0.55)
  })

  it('maps every comment of the scaled path to exactly one cluster or to noise', async () => {
    const entries = syntheticClassified(1_000, 3)
    const { result } = await ari(entries)
    expect(result.stats.path).toBe('scaled')
    const ids = [...result.clusters.flatMap((cluster) => cluster.members), ...result.noise].sort()
    expect(ids).toEqual(entries.map((entry) => entry.item.comment.id).sort())
    expect(result.stats.clustered).toBe(result.clusters.reduce((sum, cluster) => sum + cluster.size, 0))
  })
})
