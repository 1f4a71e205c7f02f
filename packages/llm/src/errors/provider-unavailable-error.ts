import { GitloreError } from '@gitlore/core'

/**
 * A provider (or one of its models) was cut off for the rest of the run by its circuit breaker: it
 * refused the key, does not know the model, or kept failing. Thrown instead of sending a request, so
 * a stage that meets it falls back to its offline counterpart at once. It carries no cause on
 * purpose: the ai SDK would read a network error in the cause chain as retryable.
 */
export class ProviderUnavailableError extends GitloreError {
  /** The provider: `openrouter`, `openai` or `compatible`. */
  readonly provider: string
  /** The model id when only that model was cut off (the provider does not know it). */
  readonly modelId: string | undefined
  /** Why it was cut off, as the run report shows it. */
  readonly reason: string

  constructor({ provider, modelId, reason }: { provider: string; modelId?: string | undefined; reason: string }) {
    const what = modelId === undefined ? `provider ${provider}` : `model ${provider}/${modelId}`
    super({ code: 'provider_unavailable', message: `${what} cut off for this run: ${reason}` })
    this.name = 'ProviderUnavailableError'
    this.provider = provider
    this.modelId = modelId
    this.reason = reason
  }
}

/** The `ProviderUnavailableError` behind `error` (directly, as the ai SDK's last retry error, or as a cause), if any. */
export function findProviderUnavailable(error: unknown): ProviderUnavailableError | undefined {
  const seen = new Set<unknown>()
  let current: unknown = error
  while (typeof current === 'object' && current !== null && !seen.has(current)) {
    if (ProviderUnavailableError.isInstance(current)) return current
    seen.add(current)
    const record = current as { lastError?: unknown; cause?: unknown; errors?: unknown }
    if (Array.isArray(record.errors)) {
      const found = record.errors.map(findProviderUnavailable).find((value) => value !== undefined)
      if (found !== undefined) return found
    }
    current = record.lastError ?? record.cause
  }
  return undefined
}
