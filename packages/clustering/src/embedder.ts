/** A finished batch of one `embed` call: the vectors of `texts[start]` to `texts[start + vectors.length - 1]`. */
export interface EmbeddedBatch {
  /** Index in the `texts` given to `embed` of the batch's first text. */
  readonly start: number
  /** One vector per text of the batch, in order. */
  readonly vectors: readonly Float32Array[]
}

/** Options of one `embed` call. */
export interface EmbedOptions {
  /** Stops the run: no new batch starts and requests in flight are cancelled; finished batches were reported. */
  readonly signal?: AbortSignal
  /** Called as each batch finishes and awaited, so a caller can persist it before the run goes on or fails. */
  readonly onBatch?: (batch: EmbeddedBatch) => void | Promise<void>
}

/**
 * Turns texts into vectors whose cosine distance says how alike the texts are. Implementations (an ai SDK
 * embedding model, the offline hashed TF-IDF embedder) pass one contract suite: one vector per text, in order,
 * every vector of the same length, the same text always gives the same vector.
 */
export interface Embedder {
  /** Names the vectors in cache keys: `offline/hashed-tfidf-v1`, or the model's `provider/model`. */
  readonly id: string
  /** The vector length asked for; `undefined` when the model answers with its native length. */
  readonly dimensions: number | undefined
  /** The cosine distance under which two texts usually say the same thing, for this embedder. */
  readonly distanceThreshold: number
  /** Embeds `texts` in batches; rejects with `EmbeddingError` when a batch fails (earlier batches were reported). */
  embed(texts: readonly string[], options?: EmbedOptions): Promise<Float32Array[]>
}
