import type { CommentCategory } from '@gitlore/core'

/** A classifier's stored answer for one comment text. */
export interface CachedClassification {
  readonly categories: readonly CommentCategory[]
  /** 0..1 */
  readonly confidence: number
}

/** Which answers to look up: one model and prompt, many comment texts. */
export interface ClassificationQuery {
  /** `provider/model`, e.g. `compatible/qwen3`. */
  readonly model: string
  /** Hash of the prompt text the answers were given for. */
  readonly promptHash: string
  /** Hashes of the comments as the prompt renders them. */
  readonly bodyHashes: readonly string[]
}

/** One answer to store, with its key. */
export interface ClassificationEntry extends CachedClassification {
  readonly model: string
  readonly promptHash: string
  readonly bodyHash: string
}
