import { ProviderUnavailableError } from './errors/provider-unavailable-error.js'

/** Thresholds of a circuit breaker; each counts consecutive events of one kind. */
export interface CircuitBreakerOptions {
  /** Network errors, timeouts and 5xx answers in a row (every attempt, the ai SDK's retries included) before the provider is cut off; default 5. */
  readonly transportFailures?: number
  /** Answers in a row that could not be used (bodies that are not JSON, answers a stage reported as malformed); default 5. */
  readonly malformedAnswers?: number
  /** 429 answers in a row; default 20 (a provider asking to slow down is usually fine a little later). */
  readonly rateLimited?: number
}

/** What a breaker saw, for the run report and the fault benchmarks. */
export interface CircuitBreakerStats {
  /** Requests that went out (each attempt counts). */
  readonly attempts: number
  /** Failed requests (network error, timeout, refusal, 5xx, 429, body not JSON) and answers a stage could not use. */
  readonly failures: number
  /** Requests refused without asking because the provider or model was already cut off. */
  readonly blocked: number
}

/** Why the breaker cut off its provider or a model, once it has. */
export interface CutOff {
  readonly provider: string
  /** Set when only this model was cut off. */
  readonly modelId?: string
  readonly reason: string
}

/**
 * Stops calling one provider for the rest of a run once it is clearly not going to answer: after a
 * fatal answer (the key refused, no credit) at once; after a few consecutive transport failures,
 * malformed answers or rate limits. A model the provider does not know is cut off alone. Requests
 * report to it through `guardFetch`, stages report answers they could not use through
 * `recordMalformed` and usable ones through `recordAnswer`.
 */
export interface CircuitBreaker {
  readonly provider: string
  /** Throws `ProviderUnavailableError` when the provider, or `modelId`, was cut off. */
  assertAvailable(modelId?: string | null): void
  /** The cut-off of the provider, or of `modelId`, or null while it may be called. */
  cutOff(modelId?: string | null): CutOff | null
  /** Every cut-off so far: the provider's and each model's. */
  cutOffs(): readonly CutOff[]
  /** A request is about to go out. */
  recordAttempt(): void
  /** A 2xx answer arrived. */
  recordSuccess(): void
  /** A network error, timeout or 5xx. */
  recordTransportFailure(reason: string): void
  /** A 429. */
  recordRateLimited(reason: string): void
  /** An answer nobody can use: a body that is not JSON, or a stage's verdict (empty, no parsable content). */
  recordMalformed(reason: string): void
  /** A stage got an answer it could use: the malformed-answer count starts again. */
  recordAnswer(): void
  /** Cuts the provider off at once (the key refused, no credit). */
  open(reason: string): void
  /** Cuts one model off (the provider does not know it). */
  openModel(modelId: string, reason: string): void
  stats(): CircuitBreakerStats
  /** Called once per cut-off, as it happens (to tell the user at once). */
  onCutOff(listener: (cutOff: CutOff) => void): void
}

/** Creates a closed breaker for `provider`. */
export function createCircuitBreaker(provider: string, options: CircuitBreakerOptions = {}): CircuitBreaker {
  const limits = {
    transport: options.transportFailures ?? 5,
    malformed: options.malformedAnswers ?? 5,
    rateLimited: options.rateLimited ?? 20,
  }
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isInteger(value) || value < 1)
      throw new RangeError(`circuit breaker: ${name} must be a positive integer`)
  }
  const streak = { transport: 0, malformed: 0, rateLimited: 0 }
  const counts = { attempts: 0, failures: 0, blocked: 0 }
  let providerCutOff: CutOff | null = null
  const modelCutOffs = new Map<string, CutOff>()
  const listeners: ((cutOff: CutOff) => void)[] = []

  const announce = (cutOff: CutOff): void => {
    for (const listener of listeners) {
      try {
        listener(cutOff)
      } catch {
        // A broken listener must not break the run.
      }
    }
  }
  const open = (reason: string): void => {
    counts.failures += 1
    if (providerCutOff !== null) return
    providerCutOff = { provider, reason }
    announce(providerCutOff)
  }
  const count = (kind: keyof typeof streak, reason: string, describe: (times: number) => string): void => {
    streak[kind] += 1
    if (streak[kind] >= limits[kind]) open(`${describe(streak[kind])} (last: ${reason})`)
    else counts.failures += 1
  }
  const cutOff = (modelId?: string | null): CutOff | null =>
    providerCutOff ?? (modelId == null ? null : (modelCutOffs.get(modelId) ?? null))

  return {
    provider,
    assertAvailable(modelId) {
      const found = cutOff(modelId)
      if (found !== null) {
        counts.blocked += 1
        throw new ProviderUnavailableError(found)
      }
    },
    cutOff,
    cutOffs: () => [...(providerCutOff === null ? [] : [providerCutOff]), ...modelCutOffs.values()],
    recordAttempt() {
      counts.attempts += 1
    },
    recordSuccess() {
      streak.transport = 0
      streak.rateLimited = 0
    },
    recordTransportFailure(reason) {
      count('transport', reason, (times) => `${times} requests in a row failed`)
    },
    recordRateLimited(reason) {
      count('rateLimited', reason, (times) => `${times} requests in a row were rate-limited`)
    },
    recordMalformed(reason) {
      count('malformed', reason, (times) => `${times} answers in a row could not be used`)
    },
    recordAnswer() {
      streak.malformed = 0
    },
    open,
    openModel(modelId, reason) {
      counts.failures += 1
      if (modelCutOffs.has(modelId)) return
      const found: CutOff = { provider, modelId, reason }
      modelCutOffs.set(modelId, found)
      announce(found)
    },
    stats: () => ({ ...counts }),
    onCutOff(listener) {
      listeners.push(listener)
    },
  }
}
