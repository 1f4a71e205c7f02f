import { type CircuitBreakerOptions, createModelRegistry } from '@gitlore/llm'
import type { Classifier } from '../classifier.js'
import { createClassifier } from '../create-classifier.js'
import type { LlmClassifierOptions } from '../llm/llm-classifier.js'

/**
 * The LLM classifier on `compatible/qwen3` of a loopback model server, through the model registry (so
 * the provider's circuit breaker is in the path): 10 comments a batch, 4 requests in flight, 2 SDK
 * retries, 1 s per request unless `options` say otherwise.
 */
export function loopbackClassifier(
  url: string,
  options: Partial<Omit<LlmClassifierOptions, 'model' | 'modelName'>> & {
    /** Keys the registry reads; `LOOP_KEY` is sent as the server's key. */
    readonly env?: Record<string, string>
    readonly breakerOptions?: CircuitBreakerOptions
  } = {},
): Classifier {
  const { env = {}, breakerOptions, ...classifierOptions } = options
  const resolved = createModelRegistry({
    env,
    compatible: { baseUrl: url, ...(env.LOOP_KEY === undefined ? {} : { apiKeyEnv: 'LOOP_KEY' }) },
    ...(breakerOptions === undefined ? {} : { breaker: breakerOptions }),
  }).languageModel('compatible/qwen3')
  if (resolved.kind !== 'remote') throw new Error(`expected a remote model: ${resolved.reason}`)
  return createClassifier({
    kind: 'llm',
    model: resolved.model,
    modelName: resolved.name,
    breaker: resolved.breaker,
    batchSize: 10,
    concurrency: 4,
    maxRetries: 2,
    timeoutMs: 1_000,
    ...classifierOptions,
  })
}
