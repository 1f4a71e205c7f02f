const pairs = (count: number): number => (count * (count - 1)) / 2

/**
 * The adjusted Rand index of two labelings of the same items: 1 for identical partitions, about 0 for a random
 * one, negative for worse than random. Give each unclustered (noise) item its own label.
 */
export function adjustedRandIndex(
  truth: readonly (string | number)[],
  predicted: readonly (string | number)[],
): number {
  if (truth.length !== predicted.length) {
    throw new RangeError(`adjustedRandIndex: ${truth.length} true labels but ${predicted.length} predicted`)
  }
  const joint = new Map<string, number>()
  const truthSizes = new Map<string | number, number>()
  const predictedSizes = new Map<string | number, number>()
  truth.forEach((label, index) => {
    const other = predicted[index]!
    const key = JSON.stringify([label, other])
    joint.set(key, (joint.get(key) ?? 0) + 1)
    truthSizes.set(label, (truthSizes.get(label) ?? 0) + 1)
    predictedSizes.set(other, (predictedSizes.get(other) ?? 0) + 1)
  })
  let index = 0
  for (const size of joint.values()) index += pairs(size)
  let truthPairs = 0
  for (const size of truthSizes.values()) truthPairs += pairs(size)
  let predictedPairs = 0
  for (const size of predictedSizes.values()) predictedPairs += pairs(size)
  const expected = truth.length < 2 ? 0 : (truthPairs * predictedPairs) / pairs(truth.length)
  const maximum = (truthPairs + predictedPairs) / 2
  if (maximum === expected) return 1
  return (index - expected) / (maximum - expected)
}
