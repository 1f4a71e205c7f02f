/** List price of a model in US dollars per million tokens. */
export interface ModelPrice {
  /** Dollars per million input (prompt) tokens. */
  readonly inputPerMillion: number
  /** Dollars per million output (completion, including reasoning) tokens; 0 for embedding models. */
  readonly outputPerMillion: number
}

/**
 * Published list prices of the default models and their close relatives, by `provider/model` name, so a
 * run can estimate its cost. A model missing here still has its tokens counted; its cost is unknown.
 * Prices change: pass `prices` to `createUsageMeter` to correct or extend them.
 */
export const defaultModelPrices: Readonly<Record<string, ModelPrice>> = {
  'openrouter/google/gemini-3-flash-preview': { inputPerMillion: 0.5, outputPerMillion: 3 },
  'openrouter/anthropic/claude-sonnet-4.5': { inputPerMillion: 3, outputPerMillion: 15 },
  'openrouter/openai/text-embedding-3-small': { inputPerMillion: 0.02, outputPerMillion: 0 },
  'openrouter/openai/gpt-5-mini': { inputPerMillion: 0.25, outputPerMillion: 2 },
  'openai/gpt-5-mini': { inputPerMillion: 0.25, outputPerMillion: 2 },
  'openai/text-embedding-3-small': { inputPerMillion: 0.02, outputPerMillion: 0 },
}
