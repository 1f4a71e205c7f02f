import { type EmbeddingModel, embedMany } from 'ai'
import type { Embedder, EmbedOptions } from '../embedder.js'
import { EmbeddingError } from '../errors/embedding-error.js'

/** Options of the ai SDK embedder. */
export interface ModelEmbedderOptions {
  /** The ai SDK embedding model, e.g. `openai.embeddingModel('text-embedding-3-small')`. */
  readonly model: EmbeddingModel
  /** Name of the vectors in cache keys, e.g. `openrouter/openai/text-embedding-3-small`; default from the model. */
  readonly id?: string
  /** Reduced vector length asked of the model (embedMany's `dimensions`); default: the model's native length. */
  readonly dimensions?: number
  /** Texts per request; default 96. */
  readonly batchSize?: number
  /** Requests in flight at once; default 4. */
  readonly maxParallelCalls?: number
  /** Retries of a failed request (the ai SDK's, with backoff); default 2. */
  readonly maxRetries?: number
  /** Cosine distance threshold suggested to the clustering; default 0.5 (dense model embeddings). */
  readonly distanceThreshold?: number
  /** The provider's circuit breaker (`ResolvedModel.breaker` of @gitlore/llm): told which answers were usable and which were not. */
  readonly breaker?: AnswerReporter
}

/** What the embedder tells a circuit breaker (the shape of @gitlore/llm's `CircuitBreaker` it uses). */
export interface AnswerReporter {
  /** An answer was usable. */
  recordAnswer(): void
  /** An answer could not be used, and why. */
  recordMalformed(reason: string): void
}

function modelName(model: EmbeddingModel): string {
  if (typeof model === 'string') return model
  return `${model.provider.split('.')[0]}/${model.modelId}`
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/**
 * Creates an embedder over an ai SDK embedding model: texts go out in batches of `batchSize`, at most
 * `maxParallelCalls` requests at a time, each through `embedMany` (which retries). Every finished batch is
 * reported through `onBatch` before it counts, so when a later batch fails the earlier ones are already kept.
 */
export function createModelEmbedder(options: ModelEmbedderOptions): Embedder {
  const { model, dimensions, batchSize = 96, maxParallelCalls = 4, maxRetries = 2, distanceThreshold = 0.5 } = options
  const id = options.id ?? modelName(model)
  for (const [name, value] of Object.entries({ dimensions, batchSize, maxParallelCalls })) {
    if (value !== undefined && (!Number.isInteger(value) || value < 1)) {
      throw new RangeError(`model embedder: ${name} must be a positive integer, got ${value}`)
    }
  }

  return {
    id,
    dimensions,
    distanceThreshold,
    async embed(texts: readonly string[], embedOptions: EmbedOptions = {}): Promise<Float32Array[]> {
      const { signal, onBatch } = embedOptions
      const results: Float32Array[] = new Array(texts.length)
      const starts = Array.from({ length: Math.ceil(texts.length / batchSize) }, (_, index) => index * batchSize)
      let length = dimensions
      let next = 0
      let embedded = 0
      let failure: { error: unknown } | undefined

      const embedBatch = async (start: number): Promise<void> => {
        const values = texts.slice(start, start + batchSize)
        const { embeddings } = await embedMany({
          model,
          values,
          maxParallelCalls: 1,
          maxRetries,
          ...(dimensions === undefined ? {} : { dimensions }),
          ...(signal === undefined ? {} : { abortSignal: signal }),
        })
        if (embeddings.length !== values.length) {
          const problem = `the model returned ${embeddings.length} embeddings for ${values.length} texts`
          options.breaker?.recordMalformed(problem)
          throw new Error(problem)
        }
        const vectors = embeddings.map((embedding) => Float32Array.from(embedding))
        for (const vector of vectors) {
          length ??= vector.length
          if (vector.length !== length) {
            throw new Error(
              dimensions === undefined
                ? `the model returned vectors of ${vector.length} and ${length} dimensions`
                : `asked for ${dimensions} dimensions, the model returned ${vector.length}: it may not support reduced dimensions; leave \`dimensions\` unset`,
            )
          }
        }
        options.breaker?.recordAnswer()
        vectors.forEach((vector, offset) => {
          results[start + offset] = vector
        })
        await onBatch?.({ start, vectors })
        embedded += vectors.length
      }

      const worker = async (): Promise<void> => {
        while (failure === undefined && next < starts.length) {
          if (signal?.aborted === true) {
            failure = { error: signal.reason }
            return
          }
          const start = starts[next++]!
          await embedBatch(start).catch((error: unknown) => {
            failure ??= { error }
          })
        }
      }
      await Promise.all(Array.from({ length: Math.min(maxParallelCalls, starts.length) }, worker))

      if (failure !== undefined) {
        const interrupted = signal?.aborted === true
        throw new EmbeddingError({
          embedder: id,
          embedded,
          interrupted,
          cause: failure.error,
          message: interrupted
            ? `embedding with ${id} interrupted after ${embedded} of ${texts.length} texts; finished batches are kept`
            : `embedding with ${id} failed after ${embedded} of ${texts.length} texts (${messageOf(failure.error)}); finished batches are kept, run again to embed the rest`,
        })
      }
      return results
    },
  }
}
