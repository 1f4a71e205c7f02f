import { type ClassifiedComment, type CommentCategory, type ReviewCluster, stableHash } from '@gitlore/core'

/** Counts by value, most frequent first (ties in ascending order). */
function byFrequency<T extends string | number>(values: readonly T[]): T[] {
  const counts = new Map<T, number>()
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
  return [...counts]
    .sort(([left, leftCount], [right, rightCount]) => rightCount - leftCount || (left < right ? -1 : 1))
    .map(([value]) => value)
}

/**
 * Everything of a `ReviewCluster` but its label, from its members and their unit vectors. The medoid is the member
 * with the smallest summed cosine distance to the others; the other representatives are the next most central
 * members, taken from pull requests not represented yet while there are any.
 */
export function describeCluster(
  members: readonly ClassifiedComment[],
  vectors: readonly Float32Array[],
  topTerms: readonly string[],
  representativeCount: number,
): Omit<ReviewCluster, 'label'> {
  const dimensions = vectors[0]!.length
  const sum = new Float64Array(dimensions)
  for (const vector of vectors) for (let column = 0; column < dimensions; column++) sum[column]! += vector[column]!
  const centrality = vectors.map((vector) => {
    let similarity = 0
    for (let column = 0; column < dimensions; column++) similarity += vector[column]! * sum[column]!
    return similarity
  })
  const central = members
    .map((_, index) => index)
    .sort((left, right) => centrality[right]! - centrality[left]! || left - right)
  const chosen: number[] = []
  const pullRequests = new Set<number>()
  for (const pass of [true, false]) {
    for (const index of central) {
      if (chosen.length >= representativeCount) break
      const prNumber = members[index]!.comment.prNumber
      if (chosen.includes(index) || (pass && pullRequests.has(prNumber))) continue
      chosen.push(index)
      pullRequests.add(prNumber)
    }
  }

  const categories: Partial<Record<CommentCategory, number>> = {}
  for (const member of members) {
    if (member.status !== 'classified') continue
    for (const category of member.categories) categories[category] = (categories[category] ?? 0) + 1
  }
  const threads = members.filter((member) => member.comment.isResolved !== undefined)
  const resolved = threads.filter((member) => member.comment.isResolved === true).length
  const ids = members.map((member) => member.comment.id)
  return {
    id: `cluster-${stableHash([...ids].sort())}`,
    topTerms,
    size: members.length,
    categories,
    members: ids,
    representatives: chosen.map((index) => ids[index]!),
    files: byFrequency(members.flatMap((member) => (member.comment.path === undefined ? [] : [member.comment.path]))),
    prNumbers: [...new Set(members.map((member) => member.comment.prNumber))].sort((left, right) => left - right),
    authors: byFrequency(members.map((member) => member.comment.author)),
    resolvedShare: threads.length === 0 ? 0 : resolved / threads.length,
    threads: threads.length,
  }
}
