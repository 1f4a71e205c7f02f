import type { Embedder, EmbedOptions } from '../embedder.js'
import { EmbeddingError } from '../errors/embedding-error.js'
import { extractTerms, type Term } from './extract-terms.js'
import { reviewConcept } from './review-concepts.js'

/** Options of the offline embedder. */
export interface OfflineEmbedderOptions {
  /** Vector length (hash buckets); default 256. */
  readonly dimensions?: number
  /** Cosine distance threshold suggested to the clustering; default 0.8 (hashed term vectors are sparse). */
  readonly distanceThreshold?: number
  /** Texts per reported batch (progress granularity); default 500. */
  readonly batchSize?: number
}

/** Which bucket and sign a feature hashes to (FNV-1a, 32 bits). */
function hashFeature(feature: string): number {
  let hash = 0x811c9dc5
  for (let index = 0; index < feature.length; index++) {
    hash ^= feature.charCodeAt(index)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

// Weights of a term by kind: a whole identifier is one strong signal, its parts are words.
function termWeight(term: Term): number {
  if (term.stem === '#number') return 0.5
  return term.stem.startsWith('=') ? 0.7 : 1
}

/**
 * A term-frequency vector of one text, hashed into `dimensions` signed buckets and L2-normalised: sublinear term
 * frequency times a fixed per-kind weight (the inverse-document-frequency part is a fixed stopword list, so a
 * text's vector never depends on which other texts are embedded with it). Adjacent word pairs add half-weight
 * bigrams, and words of a review concept (`null`, `nil` and `undefined` are all `nullness`) add the concept twice.
 */
export function hashedTermVector(text: string, dimensions: number): Float32Array {
  const counts = new Map<string, number>()
  const terms = extractTerms(text)
  for (const [index, term] of terms.entries()) {
    counts.set(term.stem, (counts.get(term.stem) ?? 0) + termWeight(term))
    const next = terms[index + 1]
    if (next !== undefined && !term.stem.startsWith('=') && !next.stem.startsWith('=')) {
      const pair = `${term.stem} ${next.stem}`
      counts.set(pair, (counts.get(pair) ?? 0) + 0.5)
    }
    const concept = reviewConcept(term.stem)
    if (concept !== undefined) counts.set(`@${concept}`, (counts.get(`@${concept}`) ?? 0) + 2)
  }
  const vector = new Float32Array(dimensions)
  for (const [feature, count] of counts) {
    const hash = hashFeature(feature)
    const sign = hash & 0x80000000 ? -1 : 1
    vector[hash % dimensions]! += sign * (1 + Math.log(count))
  }
  let norm = 0
  for (const value of vector) norm += value * value
  if (norm > 0) {
    const scale = 1 / Math.sqrt(norm)
    for (let index = 0; index < dimensions; index++) vector[index]! *= scale
  }
  return vector
}

/**
 * Creates the offline embedder: hashed TF-IDF over words and code tokens, deterministic, no network. A text
 * with no useful term (empty, only stopwords) gets the zero vector, which clusters with nothing.
 */
export function createOfflineEmbedder(options: OfflineEmbedderOptions = {}): Embedder {
  const { dimensions = 256, distanceThreshold = 0.8, batchSize = 500 } = options
  if (!Number.isInteger(dimensions) || dimensions < 8) {
    throw new RangeError(`offline embedder: dimensions must be an integer of at least 8, got ${dimensions}`)
  }
  const id = 'offline/hashed-tfidf-v1'
  return {
    id,
    dimensions,
    distanceThreshold,
    async embed(texts: readonly string[], embedOptions: EmbedOptions = {}): Promise<Float32Array[]> {
      const vectors: Float32Array[] = []
      for (let start = 0; start < texts.length; start += batchSize) {
        if (embedOptions.signal?.aborted === true) {
          throw new EmbeddingError({
            embedder: id,
            embedded: vectors.length,
            interrupted: true,
            message: `embedding interrupted after ${vectors.length} of ${texts.length} texts`,
            cause: embedOptions.signal.reason,
          })
        }
        const batch = texts.slice(start, start + batchSize).map((text) => hashedTermVector(text, dimensions))
        vectors.push(...batch)
        await embedOptions.onBatch?.({ start, vectors: batch })
      }
      return vectors
    },
  }
}
