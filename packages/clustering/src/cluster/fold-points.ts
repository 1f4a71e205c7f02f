import { seededRandom } from './seeded-random.js'

/** Points folded into weighted micro-clusters. */
export interface MicroClusters {
  /** Micro-cluster index of each point. */
  readonly assignment: Int32Array
  /** Sum of the (unit) member vectors of each micro-cluster, in the input's full dimensions. */
  readonly sums: readonly Float64Array[]
  /** Members of each micro-cluster. */
  readonly weights: readonly number[]
}

/** Options of `foldPoints`. */
export interface FoldPointsOptions {
  /** At most this many micro-clusters. */
  readonly limit: number
  /** Seed of k-means++ seeding and of the random projection. */
  readonly seed: number
  /** Dense vectors longer than this are randomly projected to this many dimensions for the k-means pass. */
  readonly projectedDimensions: number
  /** Most k-means assignment passes. */
  readonly iterations: number
  /** Called after seeding, after each pass and when done (`done === total`). */
  readonly onProgress?: (done: number, total: number) => void
}

/** Points as compressed sparse rows: point `i` has `values[offsets[i] .. offsets[i + 1])` at `indices[...]`. */
interface SparsePoints {
  readonly width: number
  readonly offsets: Int32Array
  readonly indices: Int32Array
  readonly values: Float32Array
}

function toSparse(vectors: readonly Float32Array[], width: number, map: (vector: Float32Array) => Float32Array) {
  const rows = vectors.map(map)
  const offsets = new Int32Array(rows.length + 1)
  rows.forEach((row, index) => {
    let nonZero = 0
    for (const value of row) if (value !== 0) nonZero++
    offsets[index + 1] = offsets[index]! + nonZero
  })
  const indices = new Int32Array(offsets[rows.length]!)
  const values = new Float32Array(offsets[rows.length]!)
  rows.forEach((row, index) => {
    let at = offsets[index]!
    let norm = 0
    for (const value of row) norm += value * value
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0
    for (let column = 0; column < row.length; column++) {
      if (row[column] === 0) continue
      indices[at] = column
      values[at++] = row[column]! * scale
    }
  })
  return { width, offsets, indices, values }
}

/**
 * The working space of the k-means pass: the vectors themselves when they are sparse enough (hashed term vectors),
 * else a seeded random ±1 projection to `projectedDimensions` (dense model embeddings), renormalised.
 */
function workingPoints(vectors: readonly Float32Array[], projectedDimensions: number, seed: number): SparsePoints {
  const dimensions = vectors[0]!.length
  let nonZero = 0
  for (const vector of vectors) for (const value of vector) if (value !== 0) nonZero++
  if (dimensions <= projectedDimensions || nonZero / vectors.length <= projectedDimensions) {
    return toSparse(vectors, dimensions, (vector) => vector)
  }
  const random = seededRandom(seed ^ 0x5bd1e995)
  const projection = Float32Array.from({ length: dimensions * projectedDimensions }, () => (random() < 0.5 ? -1 : 1))
  return toSparse(vectors, projectedDimensions, (vector) => {
    const row = new Float32Array(projectedDimensions)
    for (let column = 0; column < dimensions; column++) {
      const value = vector[column]!
      if (value === 0) continue
      const base = column * projectedDimensions
      for (let target = 0; target < projectedDimensions; target++) row[target]! += value * projection[base + target]!
    }
    return row
  })
}

/**
 * Folds unit vectors into at most `limit` weighted micro-clusters: spherical k-means (k-means++ seeding with a
 * seeded random source, then at most `iterations` passes) in a sparse or randomly projected working space.
 * Deterministic for the same input and seed. Micro-clusters that end up empty are dropped.
 */
export function foldPoints(vectors: readonly Float32Array[], options: FoldPointsOptions): MicroClusters {
  const count = vectors.length
  const points = workingPoints(vectors, options.projectedDimensions, options.seed)
  const { width, offsets, indices, values } = points
  const random = seededRandom(options.seed)
  const limit = Math.min(options.limit, count)
  const centers = new Float32Array(width * limit) // transposed: centers[column * limit + center]
  const chosen = new Float32Array(width)
  const nearest = new Float64Array(count).fill(Number.POSITIVE_INFINITY)

  let k = 0
  let next = Math.floor(random() * count)
  while (k < limit) {
    chosen.fill(0)
    for (let at = offsets[next]!; at < offsets[next + 1]!; at++) chosen[indices[at]!] = values[at]!
    for (let column = 0; column < width; column++) centers[column * limit + k] = chosen[column]!
    k++
    let total = 0
    for (let point = 0; point < count; point++) {
      let similarity = 0
      for (let at = offsets[point]!; at < offsets[point + 1]!; at++) similarity += values[at]! * chosen[indices[at]!]!
      const distance = Math.max(0, 1 - similarity)
      if (distance < nearest[point]!) nearest[point] = distance
      total += nearest[point]!
    }
    if (total <= 1e-9) break
    let target = random() * total
    next = count - 1
    for (let point = 0; point < count; point++) {
      target -= nearest[point]!
      if (target < 0) {
        next = point
        break
      }
    }
  }
  options.onProgress?.(1, options.iterations + 1)

  const assignment = new Int32Array(count)
  const scores = new Float32Array(limit)
  const centerSums = new Float64Array(width * k)
  for (let pass = 0; pass < options.iterations; pass++) {
    let changed = 0
    for (let point = 0; point < count; point++) {
      scores.fill(0, 0, k)
      for (let at = offsets[point]!; at < offsets[point + 1]!; at++) {
        const value = values[at]!
        const base = indices[at]! * limit
        for (let center = 0; center < k; center++) scores[center]! += value * centers[base + center]!
      }
      let best = 0
      for (let center = 1; center < k; center++) if (scores[center]! > scores[best]!) best = center
      if (pass === 0 || assignment[point] !== best) changed++
      assignment[point] = best
    }
    if (pass < options.iterations - 1) options.onProgress?.(pass + 2, options.iterations + 1)
    if (changed <= count * 0.002 || pass === options.iterations - 1) break
    centerSums.fill(0)
    for (let point = 0; point < count; point++) {
      const base = assignment[point]! * width
      for (let at = offsets[point]!; at < offsets[point + 1]!; at++) centerSums[base + indices[at]!]! += values[at]!
    }
    for (let center = 0; center < k; center++) {
      let norm = 0
      for (let column = 0; column < width; column++) norm += centerSums[center * width + column]! ** 2
      if (norm === 0) continue
      const scale = 1 / Math.sqrt(norm)
      for (let column = 0; column < width; column++) {
        centers[column * limit + center] = centerSums[center * width + column]! * scale
      }
    }
  }
  options.onProgress?.(options.iterations + 1, options.iterations + 1)
  return summarise(vectors, assignment, k)
}

/** Renumbers the used micro-clusters in order of first appearance and sums their members in full dimensions. */
function summarise(vectors: readonly Float32Array[], assignment: Int32Array, k: number): MicroClusters {
  const dimensions = vectors[0]!.length
  const renumber = new Int32Array(k).fill(-1)
  const sums: Float64Array[] = []
  const weights: number[] = []
  vectors.forEach((vector, point) => {
    let cluster = renumber[assignment[point]!]!
    if (cluster < 0) {
      cluster = sums.length
      renumber[assignment[point]!] = cluster
      sums.push(new Float64Array(dimensions))
      weights.push(0)
    }
    assignment[point] = cluster
    const sum = sums[cluster]!
    for (let column = 0; column < dimensions; column++) sum[column]! += vector[column]!
    weights[cluster]! += 1
  })
  return { assignment, sums, weights }
}
