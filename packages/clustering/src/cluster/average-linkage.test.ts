import { agnes } from 'ml-hclust'
import { describe, expect, it } from 'vitest'
import { averageLinkage, leafCopies } from './average-linkage.js'
import { seededRandom } from './seeded-random.js'
import { dot, normalized } from './vector-math.js'

function randomUnitVectors(count: number, dimensions: number, seed: number): Float32Array[] {
  const random = seededRandom(seed)
  return Array.from({ length: count }, () => normalized(Array.from({ length: dimensions }, () => random() - 0.5)))
}

const sorted = (groups: number[][]): string[] => groups.map((group) => group.join(',')).sort()

describe('averageLinkage', () => {
  it('is ml-hclust agnes average linkage on cosine distance for single points', () => {
    const points = randomUnitVectors(80, 6, 1)
    const distances = points.map((left) => points.map((right) => Math.max(0, 1 - dot(left, right))))
    for (const threshold of [0.3, 0.6, 0.9]) {
      const expected = agnes(distances, { method: 'average', isDistanceMatrix: true })
        .cut(threshold)
        .map((cluster) => cluster.indices().sort((a, b) => a - b))
      expect(
        sorted(
          averageLinkage(
            points,
            points.map(() => 1),
            threshold,
            800,
          ),
        ),
      ).toEqual(sorted(expected))
    }
  })

  it('clusters weighted groups exactly as it clusters their points', () => {
    const random = seededRandom(3)
    const centres = randomUnitVectors(40, 5, 2)
    const weights = centres.map(() => 1 + Math.floor(random() * 12))
    const sums = centres.map((centre, index) => centre.map((value) => value * weights[index]!))
    const points = centres.flatMap((centre, index) => new Array<Float32Array>(weights[index]!).fill(centre))
    const groupOfPoint = weights.flatMap((weight, index) => new Array<number>(weight).fill(index))
    const total = points.length
    for (const threshold of [0.4, 0.7, 1]) {
      const byPoints = averageLinkage(
        points,
        points.map(() => 1),
        threshold,
        total,
      ).map((group) => [...new Set(group.map((point) => groupOfPoint[point]!))])
      expect(sorted(averageLinkage(sums, weights, threshold, total))).toEqual(sorted(byPoints))
    }
  })

  it('leaves out a group whose own points are further apart than the threshold', () => {
    const loose = new Float32Array([1, 1]) // the sum of two orthogonal points: their distance is 1
    expect(averageLinkage([loose], [2], 0.5, 10)).toEqual([])
    expect(averageLinkage([loose], [2], 1, 10)).toEqual([[0]])
  })
})

describe('leafCopies', () => {
  it('gives each group copies in proportion to its size, within the budget', () => {
    expect(leafCopies([1, 1, 1], 800)).toEqual([1, 1, 1])
    expect(leafCopies([10, 2, 5], 17)).toEqual([10, 2, 5])
    const copies = leafCopies([500, 1, 30, 2_000, 7], 100)
    expect(copies.reduce((sum, count) => sum + count, 0)).toBeLessThanOrEqual(100)
    expect(Math.min(...copies)).toBe(1)
    expect(copies[3]! / copies[0]!).toBeCloseTo(4, 0)
  })
})
