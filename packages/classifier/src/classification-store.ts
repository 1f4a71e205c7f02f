import type { CommentCategory } from '@gitlore/core'

/** A stored classifier answer for one comment text. */
export interface StoredClassification {
  readonly categories: readonly CommentCategory[]
  /** 0..1 */
  readonly confidence: number
}

/** A lookup of stored answers: one model and prompt, many comment texts. */
export interface StoredClassificationQuery {
  /** `provider/model`. */
  readonly model: string
  /** Hash of the prompt text (and the way comments are rendered into it). */
  readonly promptHash: string
  /** Hashes of the comments as the prompt renders them. */
  readonly bodyHashes: readonly string[]
}

/** One answer to store, with its key: model + prompt hash + body hash. */
export interface StoredClassificationEntry extends StoredClassification {
  readonly model: string
  readonly promptHash: string
  readonly bodyHash: string
}

/**
 * Where the LLM classifier keeps valid answers so a re-run makes no request for them. `GitloreCache` of
 * @gitlore/cache implements it; failures and invalid answers are never stored.
 */
export interface ClassificationStore {
  /** Stored answers by body hash; hashes without one are absent. */
  getClassifications(query: StoredClassificationQuery): Promise<ReadonlyMap<string, StoredClassification>>
  /** Stores answers (called once per finished batch). */
  putClassifications(entries: readonly StoredClassificationEntry[]): Promise<void>
}
