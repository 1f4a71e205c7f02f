import { describe, expect, it } from 'vitest'
import { groupPoints } from './group-points.js'
import { seededRandom } from './seeded-random.js'
import { normalized } from './vector-math.js'

/** `count` points around `blobs` random directions in `dimensions`, each nudged by `spread`. */
function blobs(count: number, blobCount: number, dimensions: number, spread: number) {
  const random = seededRandom(11)
  const centres = Array.from({ length: blobCount }, () =>
    normalized(Array.from({ length: dimensions }, () => random() - 0.5)),
  )
  const labels = Array.from({ length: count }, (_, index) => index % blobCount)
  const points = labels.map((label) => normalized(centres[label]!.map((value) => value + (random() - 0.5) * spread)))
  return { points, labels }
}

const options = { threshold: 0.5, seed: 1, projectedDimensions: 16, iterations: 6, microClusterShare: 0.5 }
const partition = (groups: readonly (readonly number[])[]): string[] => groups.map((group) => group.join(',')).sort()

describe('groupPoints', () => {
  it('finds the same groups on the exact and on the scaled path when they are well apart', () => {
    const { points, labels } = blobs(600, 7, 48, 0.1)
    const exact = groupPoints(points, { ...options, exactLimit: 600 })
    const scaled = groupPoints(points, { ...options, exactLimit: 60 })
    expect(exact.path).toBe('exact')
    expect(scaled).toMatchObject({ path: 'scaled', leaves: 30 })
    expect(partition(scaled.groups)).toEqual(partition(exact.groups))
    expect(exact.groups).toHaveLength(7)
    for (const group of exact.groups) expect(new Set(group.map((point) => labels[point]))).toHaveProperty('size', 1)
  })

  it('projects dense vectors for the first pass and still separates the groups', () => {
    const { points } = blobs(400, 5, 256, 0.1)
    const scaled = groupPoints(points, { ...options, exactLimit: 100 })
    expect(partition(scaled.groups)).toEqual(partition(groupPoints(points, { ...options, exactLimit: 400 }).groups))
    expect(scaled.groups).toHaveLength(5)
  })

  it('never groups zero vectors', () => {
    const { points } = blobs(30, 2, 8, 0.05)
    const zero = new Float32Array(8)
    const result = groupPoints([zero, ...points, zero], { ...options, exactLimit: 800 })
    expect(result.groups.flat()).not.toContain(0)
    expect(result.groups.flat()).not.toContain(31)
    expect(result.groups.flat()).toHaveLength(30)
  })
})
