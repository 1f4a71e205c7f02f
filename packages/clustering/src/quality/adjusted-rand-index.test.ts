import { describe, expect, it } from 'vitest'
import { adjustedRandIndex } from './adjusted-rand-index.js'

describe('adjustedRandIndex', () => {
  it('agrees with the published values (scikit-learn adjusted_rand_score)', () => {
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 0, 1, 1])).toBe(1)
    expect(adjustedRandIndex([0, 0, 1, 1], [1, 1, 0, 0])).toBe(1)
    expect(adjustedRandIndex([0, 0, 1, 2], [0, 0, 1, 1])).toBeCloseTo(0.5714285714, 9)
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 1, 0, 1])).toBeCloseTo(-0.5, 9)
    expect(adjustedRandIndex(['a', 'a', 'a', 'a'], ['x', 'y', 'z', 'w'])).toBe(0)
  })

  it('refuses labelings of different lengths', () => {
    expect(() => adjustedRandIndex([0, 1], [0])).toThrow(RangeError)
  })
})
