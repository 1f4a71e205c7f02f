import { averageLinkage } from './average-linkage.js'
import { foldPoints } from './fold-points.js'
import { isZero, normalized } from './vector-math.js'

/** Options of `groupPoints`. */
export interface GroupPointsOptions {
  /** Cosine distance the dendrogram is cut at. */
  readonly threshold: number
  /** Most leaves handed to ml-hclust: points, or micro-clusters and the copies that weigh them. */
  readonly exactLimit: number
  /** Share (0..1] of `exactLimit` the first pass folds points into; the rest of the leaves weigh them. */
  readonly microClusterShare: number
  /** Seed of the first pass. */
  readonly seed: number
  /** Dimensions of the first pass's random projection of dense vectors. */
  readonly projectedDimensions: number
  /** Most k-means passes of the first pass. */
  readonly iterations: number
  /** Called as the first pass and the linkage advance. */
  readonly onProgress?: (phase: 'folding' | 'linkage', done: number, total: number) => void
}

/** The groups found among the points. */
export interface PointGroups {
  /** Point indices of each group (ascending), larger groups first; points in no group are noise. */
  readonly groups: readonly (readonly number[])[]
  /** `exact` when ml-hclust clustered the points themselves, `scaled` when it clustered micro-clusters. */
  readonly path: 'exact' | 'scaled'
  /** Points or micro-clusters given to ml-hclust (micro-clusters may enter as several weighing copies). */
  readonly leaves: number
}

/**
 * Groups vectors by average-linkage cosine distance. Up to `exactLimit` non-zero points go to ml-hclust as they
 * are; above it a k-means++ first pass folds them into `exactLimit * microClusterShare` micro-clusters, ml-hclust
 * clusters those by weighted average linkage, and every point follows its micro-cluster, except a point further on
 * average from the rest of its group than `threshold` (a one-off k-means had to put somewhere), which is noise.
 * Zero vectors (texts with nothing to compare) are never grouped. Deterministic for the same input and seed.
 */
export function groupPoints(vectors: readonly Float32Array[], options: GroupPointsOptions): PointGroups {
  const points: number[] = []
  const units: Float32Array[] = []
  vectors.forEach((vector, index) => {
    if (isZero(vector)) return
    points.push(index)
    units.push(normalized(vector))
  })
  if (units.length === 0) return { groups: [], path: 'exact', leaves: 0 }

  let leafOf: Int32Array
  let sums: readonly ArrayLike<number>[]
  let weights: readonly number[]
  let path: PointGroups['path'] = 'exact'
  if (units.length <= options.exactLimit) {
    leafOf = Int32Array.from(units, (_, index) => index)
    sums = units
    weights = units.map(() => 1)
  } else {
    path = 'scaled'
    const folded = foldPoints(units, {
      limit: Math.max(1, Math.floor(options.exactLimit * options.microClusterShare)),
      seed: options.seed,
      projectedDimensions: options.projectedDimensions,
      iterations: options.iterations,
      onProgress: (done, total) => options.onProgress?.('folding', done, total),
    })
    leafOf = folded.assignment
    sums = folded.sums
    weights = folded.weights
  }

  options.onProgress?.('linkage', 0, 1)
  const leafGroups = averageLinkage(sums, weights, options.threshold, options.exactLimit)
  options.onProgress?.('linkage', 1, 1)

  const groupOfLeaf = new Int32Array(sums.length).fill(-1)
  leafGroups.forEach((leaves, group) => {
    for (const leaf of leaves) groupOfLeaf[leaf] = group
  })
  const members: number[][] = leafGroups.map(() => [])
  units.forEach((_, unit) => {
    const group = groupOfLeaf[leafOf[unit]!]!
    if (group >= 0) members[group]!.push(unit)
  })
  const groups = members.map((group) =>
    (path === 'scaled' ? withoutStrays(group, units, options.threshold) : group).map((unit) => points[unit]!),
  )
  const sorted = groups
    .filter((group) => group.length > 0)
    .sort((left, right) => right.length - left.length || left[0]! - right[0]!)
  return { groups: sorted, path, leaves: sums.length }
}

/**
 * The members of a group found through micro-clusters, without those further on average from the others than
 * `threshold`: in average linkage over the points themselves they could not have joined the group.
 */
function withoutStrays(group: readonly number[], units: readonly Float32Array[], threshold: number): number[] {
  if (group.length < 3) return [...group]
  const dimensions = units[0]!.length
  const sum = new Float64Array(dimensions)
  for (const unit of group) for (let column = 0; column < dimensions; column++) sum[column]! += units[unit]![column]!
  return group.filter((unit) => {
    const vector = units[unit]!
    let similarity = 0
    for (let column = 0; column < dimensions; column++) similarity += vector[column]! * sum[column]!
    // Average distance to the other members: 1 - (x · S - x · x) / (n - 1).
    return 1 - (similarity - 1) / (group.length - 1) <= threshold
  })
}
