import type { EmbeddingEntry, EmbeddingQuery, EmbeddingStore } from './embedding-store.js'

/** An `EmbeddingStore` in memory, with the count of stored vectors. */
export interface MemoryEmbeddingStore extends EmbeddingStore {
  /** Vectors stored. */
  readonly size: number
}

const keyOf = (model: string, dimensions: number, textHash: string): string =>
  `${model}\u0000${dimensions}\u0000${textHash}`

/** Creates an empty in-memory store (for tests and one-off runs); blobs are copied in and out. */
export function createMemoryEmbeddingStore(): MemoryEmbeddingStore {
  const vectors = new Map<string, Uint8Array>()
  return {
    get size() {
      return vectors.size
    },
    async getEmbeddings(query: EmbeddingQuery) {
      const found = new Map<string, Uint8Array>()
      for (const hash of query.textHashes) {
        const vector = vectors.get(keyOf(query.model, query.dimensions, hash))
        if (vector !== undefined) found.set(hash, vector.slice())
      }
      return found
    },
    async putEmbeddings(entries: readonly EmbeddingEntry[]) {
      for (const entry of entries)
        vectors.set(keyOf(entry.model, entry.dimensions, entry.textHash), entry.vector.slice())
    },
  }
}
