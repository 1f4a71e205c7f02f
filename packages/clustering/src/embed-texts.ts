import { sha256 } from '@gitlore/core'
import type { Embedder } from './embedder.js'
import type { EmbeddingStore } from './embedding-store.js'
import { EmbeddingError } from './errors/embedding-error.js'
import { blobToVector, vectorToBlob } from './vector-blob.js'

/** How far embedding has got. */
export interface EmbeddingProgress {
  /** Texts to embed (each distinct text counts once). */
  readonly total: number
  /** Texts with a vector so far, cached ones included. */
  readonly done: number
  /** Of `done`, read from the store. */
  readonly cached: number
}

/** Options of `embedTexts`. */
export interface EmbedTextsOptions {
  /** Makes the vectors. */
  readonly embedder: Embedder
  /** Where vectors are cached; each finished batch is stored before the next result counts. */
  readonly store?: EmbeddingStore
  /** Stops the run; batches finished before it stay stored. */
  readonly signal?: AbortSignal
  /** Called after the cache lookup and after each batch. */
  readonly onProgress?: (progress: EmbeddingProgress) => void
}

/** Vectors of every text, in order, and how many came from the store. */
export interface EmbeddedTexts {
  readonly vectors: readonly Float32Array[]
  /** Distinct texts embedded by this call. */
  readonly embedded: number
  /** Distinct texts read from the store. */
  readonly cached: number
}

/**
 * Embeds texts through a store: each distinct text once, vectors keyed by embedder id + dimensions + sha256 of
 * the text, stored as Float32 blobs batch by batch, so a re-run embeds nothing and a failure keeps the finished
 * batches. Rejects with `EmbeddingError` when the embedder fails or vectors disagree in length.
 */
export async function embedTexts(texts: readonly string[], options: EmbedTextsOptions): Promise<EmbeddedTexts> {
  const { embedder, store } = options
  const hashes = texts.map((text) => sha256(text))
  const distinct = [...new Set(hashes)]
  const textOf = new Map(hashes.map((hash, index) => [hash, texts[index]!]))
  const dimensions = embedder.dimensions ?? 0
  const vectorOf = new Map<string, Float32Array>()

  const stored =
    store === undefined
      ? new Map<string, Uint8Array>()
      : await store.getEmbeddings({ model: embedder.id, dimensions, textHashes: distinct })
  for (const [hash, blob] of stored) {
    const vector = blobToVector(blob, embedder.dimensions)
    if (vector !== undefined) vectorOf.set(hash, vector)
  }
  const cached = vectorOf.size
  const missing = distinct.filter((hash) => !vectorOf.has(hash))
  options.onProgress?.({ total: distinct.length, done: cached, cached })

  if (missing.length > 0) {
    const returned = await embedder.embed(
      missing.map((hash) => textOf.get(hash)!),
      {
        ...(options.signal === undefined ? {} : { signal: options.signal }),
        onBatch: async ({ start, vectors }) => {
          const entries = vectors.map((vector, offset) => {
            const textHash = missing[start + offset]!
            vectorOf.set(textHash, vector)
            return { model: embedder.id, dimensions, textHash, vector: vectorToBlob(vector) }
          })
          await store?.putEmbeddings(entries)
          options.onProgress?.({ total: distinct.length, done: vectorOf.size, cached })
        },
      },
    )
    // An embedder that did not report a batch still returned it: keep and store those vectors too.
    const unreported = missing.flatMap((textHash, index) => {
      const vector = returned[index]
      if (vectorOf.has(textHash) || vector === undefined) return []
      vectorOf.set(textHash, vector)
      return [{ model: embedder.id, dimensions, textHash, vector: vectorToBlob(vector) }]
    })
    if (unreported.length > 0) await store?.putEmbeddings(unreported)
  }

  const vectors = hashes.map((hash) => vectorOf.get(hash)!)
  const length = vectors[0]?.length
  if (vectors.some((vector) => vector === undefined || vector.length !== length)) {
    throw new EmbeddingError({
      embedder: embedder.id,
      embedded: missing.length,
      message: `embeddings from ${embedder.id} differ in length (cached vectors of another size?): clear the embedding cache and run again`,
    })
  }
  return { vectors, embedded: missing.length, cached }
}
