import { defaultModelPrices, type ModelPrice } from './model-prices.js'

/** Tokens of one model call, in the shape of the ai SDK's `LanguageModelUsage` (fields may be unknown). */
export interface CallUsage {
  /** Input (prompt) tokens, if the provider reported them. */
  readonly inputTokens: number | undefined
  /** Output tokens, if the provider reported them; absent for embedding calls. */
  readonly outputTokens?: number | undefined
}

/** Token usage and estimated cost of one model over a run. */
export interface ModelUsage {
  /** `provider/model`. */
  readonly model: string
  /** Calls that got an answer. */
  readonly requests: number
  /** Calls that failed after the provider's retries (no answer, no tokens known). */
  readonly failedRequests: number
  readonly inputTokens: number
  readonly outputTokens: number
  /** Answers whose provider reported no token counts: the totals undercount by that much. */
  readonly requestsWithoutUsage: number
  /** Estimated US dollars from the price table; null when the model's price is unknown. */
  readonly cost: number | null
}

/** Options of `createUsageMeter`. */
export interface UsageMeterOptions {
  /** Prices by `provider/model`, merged over `defaultModelPrices`. */
  readonly prices?: Readonly<Record<string, ModelPrice>>
}

/** Accumulates token usage and cost per model for a run; one meter is shared by every LLM stage. */
export interface UsageMeter {
  /** Counts one answered call of `model`. */
  record(model: string, usage: CallUsage): void
  /** Counts one call of `model` that failed for good. */
  recordFailure(model: string): void
  /** Usage per model, in the order models were first seen. */
  report(): readonly ModelUsage[]
  /** The run's estimated cost in US dollars: null when some used model has no known price. */
  totalCost(): number | null
}

interface Tally {
  requests: number
  failedRequests: number
  inputTokens: number
  outputTokens: number
  requestsWithoutUsage: number
}

/** Creates an empty meter. */
export function createUsageMeter(options: UsageMeterOptions = {}): UsageMeter {
  const prices = { ...defaultModelPrices, ...options.prices }
  const tallies = new Map<string, Tally>()
  const tally = (model: string): Tally => {
    let found = tallies.get(model)
    if (found === undefined) {
      found = { requests: 0, failedRequests: 0, inputTokens: 0, outputTokens: 0, requestsWithoutUsage: 0 }
      tallies.set(model, found)
    }
    return found
  }
  const report = (): ModelUsage[] =>
    [...tallies].map(([model, counts]) => {
      const price = prices[model]
      const cost =
        price === undefined
          ? null
          : (counts.inputTokens * price.inputPerMillion + counts.outputTokens * price.outputPerMillion) / 1_000_000
      return { model, ...counts, cost }
    })
  return {
    record(model, usage) {
      const counts = tally(model)
      counts.requests += 1
      if (usage.inputTokens === undefined && usage.outputTokens === undefined) counts.requestsWithoutUsage += 1
      counts.inputTokens += usage.inputTokens ?? 0
      counts.outputTokens += usage.outputTokens ?? 0
    },
    recordFailure(model) {
      tally(model).failedRequests += 1
    },
    report,
    totalCost() {
      let total = 0
      for (const usage of report()) {
        if (usage.cost === null) return null
        total += usage.cost
      }
      return total
    },
  }
}
