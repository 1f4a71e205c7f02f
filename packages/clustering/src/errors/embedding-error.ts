import { GitloreError } from '@gitlore/core'

/** An embedding run failed or was interrupted; batches reported before it stay valid (and cached). */
export class EmbeddingError extends GitloreError {
  /** The embedder's id. */
  readonly embedder: string
  /** Texts embedded before the failure. */
  readonly embedded: number

  constructor(options: {
    embedder: string
    embedded: number
    message: string
    interrupted?: boolean
    cause?: unknown
  }) {
    super({
      code: options.interrupted === true ? 'embedding_interrupted' : 'embedding_failed',
      message: options.message,
      cause: options.cause,
    })
    this.name = 'EmbeddingError'
    this.embedder = options.embedder
    this.embedded = options.embedded
  }
}
