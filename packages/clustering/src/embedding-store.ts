/** Which vectors to look up: one embedder and vector length, many texts. */
export interface EmbeddingQuery {
  /** The embedder's id, e.g. `openrouter/openai/text-embedding-3-small` or `offline/hashed-tfidf-v1`. */
  readonly model: string
  /** The vector length asked for; 0 when the model answers with its native length. */
  readonly dimensions: number
  /** sha256 hex of each embedded text. */
  readonly textHashes: readonly string[]
}

/** One vector to store, with its key: model + dimensions + text hash. */
export interface EmbeddingEntry {
  readonly model: string
  readonly dimensions: number
  readonly textHash: string
  /** The vector as a Float32 blob: the bytes of a `Float32Array`, little-endian. */
  readonly vector: Uint8Array
}

/**
 * Where embeddings are kept so a re-run embeds nothing it embedded before. A different model or vector length is
 * a different key, so changing either never reads stale vectors. `GitloreCache` of @gitlore/cache is meant to
 * implement it; `createMemoryEmbeddingStore` keeps vectors for the life of the process.
 */
export interface EmbeddingStore {
  /** Stored vectors by text hash; hashes without one are absent. */
  getEmbeddings(query: EmbeddingQuery): Promise<ReadonlyMap<string, Uint8Array>>
  /** Stores vectors (called once per finished batch), replacing any under the same key. */
  putEmbeddings(entries: readonly EmbeddingEntry[]): Promise<void>
}
