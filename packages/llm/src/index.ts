export {
  type CircuitBreaker,
  type CircuitBreakerOptions,
  type CircuitBreakerStats,
  type CutOff,
  createCircuitBreaker,
} from './circuit-breaker.js'
export { ModelNameError } from './errors/model-name-error.js'
export { ModelOutputError } from './errors/model-output-error.js'
export { findProviderUnavailable, ProviderUnavailableError } from './errors/provider-unavailable-error.js'
export { type GuardFetchOptions, guardFetch, redactKeys } from './guard-fetch.js'
export { type ModelName, parseModelName, type RemoteProvider, remoteProviders } from './model-name.js'
export { defaultModelPrices, type ModelPrice } from './model-prices.js'
export {
  type CompatibleProviderOptions,
  createModelRegistry,
  type ModelRegistry,
  type ModelRegistryOptions,
  providerKeyNames,
  type ResolvedEmbeddingModel,
  type ResolvedLanguageModel,
  type ResolvedModel,
} from './model-registry.js'
export { defaultCompatibleBaseUrl } from './providers.js'
export {
  type CallUsage,
  createUsageMeter,
  type ModelUsage,
  type UsageMeter,
  type UsageMeterOptions,
} from './usage-meter.js'
