import { agnes, type Cluster } from 'ml-hclust'

/**
 * How many ml-hclust leaves each weighted group gets: about `weight / quantum` (at least one), at most `budget` in
 * all. agnes counts leaves when it averages distances after a merge, so copies make it weigh a group by its size.
 */
export function leafCopies(weights: readonly number[], budget: number): number[] {
  const total = weights.reduce((sum, weight) => sum + weight, 0)
  let quantum = Math.max(1, total / budget)
  for (;;) {
    const copies = weights.map((weight) => Math.max(1, Math.round(weight / quantum)))
    if (copies.reduce((sum, count) => sum + count, 0) <= Math.max(budget, weights.length)) return copies
    quantum *= 1.05
  }
}

/**
 * Average-linkage agglomerative clustering with ml-hclust `agnes` (cosine distance) of weighted groups, cut at
 * `threshold`. Group `i` stands for `weights[i]` unit vectors whose sum is `sums[i]` (one point: weight 1, sum =
 * the point). Returns the groups of group indices that form clusters, each ascending; groups in none are noise.
 *
 * Between two sets of unit vectors the average pairwise cosine distance is exactly `1 - mean(A) · mean(B)`, so
 * agnes gets exact set-to-set distances. agnes has no leaf weights but counts leaves when it averages distances
 * after a merge (UPGMA), so each group enters as `leafCopies` copies at distance 0 from each other: the copies merge
 * first, and from then on agnes weighs the group by its (rounded) size, which is weighted average linkage. Heights
 * are then set to the exact average distance between the points of the two merged subtrees, a group's own height
 * is the average distance among its points (a group looser than `threshold` is noise), and ml-hclust cuts the
 * tree. With single points this is plain agnes average linkage.
 */
export function averageLinkage(
  sums: readonly ArrayLike<number>[],
  weights: readonly number[],
  threshold: number,
  leafBudget: number,
): number[][] {
  if (sums.length === 0) return []
  const dimensions = sums[0]!.length
  const copies = leafCopies(weights, leafBudget)
  const groupOfLeaf = copies.flatMap((count, group) => new Array<number>(count).fill(group))
  const means = sums.map((sum, group) => Float64Array.from(sum, (value) => value / weights[group]!))
  const between: Float64Array[] = means.map(() => new Float64Array(sums.length))
  for (let left = 0; left < sums.length; left++) {
    for (let right = left + 1; right < sums.length; right++) {
      let similarity = 0
      for (let column = 0; column < dimensions; column++) similarity += means[left]![column]! * means[right]![column]!
      // Strictly positive, so copies of one group (at 0) always merge before anything else.
      between[left]![right] = between[right]![left] = Math.max(1e-9, 1 - similarity)
    }
  }
  const distances = groupOfLeaf.map((group) =>
    groupOfLeaf.map((other) => (group === other ? 0 : between[group]![other]!)),
  )
  const tree = agnes(distances, { method: 'average', isDistanceMatrix: true })
  exactHeights(tree, sums, weights, copies, groupOfLeaf)
  return tree
    .cut(threshold)
    .map((cluster) =>
      [...new Set(cluster.indices().map((leaf) => groupOfLeaf[leaf]!))].sort((left, right) => left - right),
    )
    .filter((groups) => groups.length > 0)
}

interface Subtree {
  readonly sum: ArrayLike<number>
  readonly weight: number
  /** The group when every leaf below is a copy of one group, else -1. */
  readonly group: number
}

/** Sets each node's height to the exact average cosine distance between the points of its two subtrees. */
function exactHeights(
  tree: Cluster,
  sums: readonly ArrayLike<number>[],
  weights: readonly number[],
  copies: readonly number[],
  groupOfLeaf: readonly number[],
): void {
  const dimensions = sums[0]!.length
  const ownHeight = sums.map((sum, group) => {
    const weight = weights[group]!
    let squared = 0
    for (let column = 0; column < dimensions; column++) squared += sum[column]! ** 2
    // Average distance over pairs of distinct members: (w² - |S|²) / (w (w - 1)).
    return weight > 1 ? Math.max(0, (weight * weight - squared) / (weight * (weight - 1))) : 0
  })
  const visit = (node: Cluster): Subtree => {
    if (node.isLeaf) {
      const group = groupOfLeaf[node.index]!
      const share = copies[group]!
      node.height = ownHeight[group]!
      return { sum: Float64Array.from(sums[group]!, (value) => value / share), weight: weights[group]! / share, group }
    }
    const parts = node.children.map(visit)
    const sum = new Float64Array(dimensions)
    let weight = 0
    for (const part of parts) {
      for (let column = 0; column < dimensions; column++) sum[column]! += part.sum[column]!
      weight += part.weight
    }
    const group = parts.every((part) => part.group === parts[0]!.group) ? parts[0]!.group : -1
    const [left, right] = parts
    if (group >= 0) node.height = ownHeight[group]!
    else if (left !== undefined && right !== undefined) {
      let similarity = 0
      for (let column = 0; column < dimensions; column++) similarity += left.sum[column]! * right.sum[column]!
      node.height = Math.max(0, 1 - similarity / (left.weight * right.weight))
    }
    return { sum, weight, group }
  }
  visit(tree)
}
