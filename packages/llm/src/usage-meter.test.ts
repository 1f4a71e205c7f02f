import { describe, expect, it } from 'vitest'
import { createUsageMeter } from './usage-meter.js'

describe('createUsageMeter', () => {
  it('sums tokens per model and prices the known ones', () => {
    const meter = createUsageMeter()
    meter.record('openrouter/google/gemini-3-flash-preview', { inputTokens: 1_000_000, outputTokens: 100_000 })
    meter.record('openrouter/google/gemini-3-flash-preview', { inputTokens: 1_000_000, outputTokens: 100_000 })
    meter.recordFailure('openrouter/google/gemini-3-flash-preview')
    expect(meter.report()).toEqual([
      {
        model: 'openrouter/google/gemini-3-flash-preview',
        requests: 2,
        failedRequests: 1,
        inputTokens: 2_000_000,
        outputTokens: 200_000,
        requestsWithoutUsage: 0,
        cost: 1.6,
      },
    ])
    expect(meter.totalCost()).toBeCloseTo(1.6)
  })

  it('counts tokens of a model with no known price and leaves its cost unknown', () => {
    const meter = createUsageMeter({ prices: { 'compatible/cheap': { inputPerMillion: 1, outputPerMillion: 1 } } })
    meter.record('compatible/qwen3', { inputTokens: 10, outputTokens: 5 })
    meter.record('compatible/qwen3', { inputTokens: undefined, outputTokens: undefined })
    meter.record('compatible/cheap', { inputTokens: 500_000, outputTokens: 500_000 })
    const [qwen, cheap] = meter.report()
    expect(qwen).toMatchObject({ requests: 2, inputTokens: 10, outputTokens: 5, requestsWithoutUsage: 1, cost: null })
    expect(cheap?.cost).toBe(1)
    expect(meter.totalCost()).toBeNull()
  })
})
