import type { EmbeddingModelV4, LanguageModelV4 } from '@ai-sdk/provider'
import {
  type CircuitBreaker,
  type CircuitBreakerOptions,
  type CutOff,
  createCircuitBreaker,
} from './circuit-breaker.js'
import { guardFetch } from './guard-fetch.js'
import { type ModelName, parseModelName, type RemoteProvider } from './model-name.js'
import { createProviders, type Providers } from './providers.js'

/** Settings of `[providers.compatible]`: any OpenAI-compatible server (Ollama, vLLM, LM Studio, tests). */
export interface CompatibleProviderOptions {
  /** The server's base URL, e.g. `http://localhost:11434/v1` (`base_url`). */
  readonly baseUrl: string
  /** Name of the variable holding its key, if it needs one (`api_key_env`); empty or absent: no key. */
  readonly apiKeyEnv?: string
}

/** What `createModelRegistry` needs: where keys come from and how each provider is reached. */
export interface ModelRegistryOptions {
  /** Keys by variable name: the CLI passes `loadSecrets()` (environment, `<repo>/.env`, `~/.config/gitlore/.env`); default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>
  /** The OpenAI-compatible server for `compatible/<model>` names; default `http://localhost:11434/v1`, no key. */
  readonly compatible?: CompatibleProviderOptions
  /** Base URL overrides for OpenRouter and OpenAI (proxies, loopback tests). */
  readonly baseUrls?: { readonly openrouter?: string; readonly openai?: string }
  /** The fetch every provider uses; default the global one. */
  readonly fetch?: typeof fetch
  /** Thresholds of each provider's circuit breaker. */
  readonly breaker?: CircuitBreakerOptions
  /**
   * Milliseconds one request may wait for the response headers (a whole non-streamed answer from
   * most servers) before it counts as a failure of the provider; 0 for no limit. Default 120000.
   */
  readonly responseTimeoutMs?: number
}

/** A model name resolved to something runnable: an ai SDK model, or the offline fallback and why. */
export type ResolvedModel<Model> =
  | {
      readonly kind: 'remote'
      /** `provider/model`, used in cache keys, usage reports and `ClassifiedComment.classifier`. */
      readonly name: string
      readonly provider: RemoteProvider
      readonly modelId: string
      readonly model: Model
      /** The provider's circuit breaker: stages report answers they could not use to it, and ask it whether to go on. */
      readonly breaker: CircuitBreaker
    }
  | {
      readonly kind: 'offline'
      readonly name: 'offline'
      /** The name that was asked for (`offline` itself when offline was chosen). */
      readonly requested: string
      /** Why a remote model fell back to offline, for the run report; null when offline was asked for. */
      readonly reason: string | null
    }

/** A language model (chat) resolved from a `provider/model` name. */
export type ResolvedLanguageModel = ResolvedModel<LanguageModelV4>
/** An embedding model resolved from a `provider/model` name. */
export type ResolvedEmbeddingModel = ResolvedModel<EmbeddingModelV4>

/** Turns `provider/model` names into ai SDK models, shared by the classifier, clustering and synthesizer. */
export interface ModelRegistry {
  /**
   * The chat model for `name`, or `offline` with the reason (no key). A model whose provider was cut
   * off earlier in the run still resolves, so what is cached can be used; its requests fail at once
   * with `ProviderUnavailableError`. Throws `ModelNameError` for a bad name.
   */
  languageModel(name: string): ResolvedLanguageModel
  /** The embedding model for `name`, or `offline` with the reason. Throws `ModelNameError` for a bad name. */
  embeddingModel(name: string): ResolvedEmbeddingModel
  /** The circuit breaker of `provider` (one per provider, shared by every model of the run). */
  breaker(provider: RemoteProvider): CircuitBreaker
  /** Providers and models cut off so far in the run, with the reasons. */
  cutOffs(): readonly CutOff[]
}

/** The variable each hosted provider reads its key from. */
export const providerKeyNames = { openrouter: 'OPENROUTER_API_KEY', openai: 'OPENAI_API_KEY' } as const

const keyPlaces = 'the environment, <repository>/.env or ~/.config/gitlore/.env'

/**
 * Builds the registry. Keys come only from `env`; a provider without its key resolves to `offline` with
 * a reason the run reports, so a missing key degrades the stage instead of failing the run.
 */
export function createModelRegistry(options: ModelRegistryOptions = {}): ModelRegistry {
  const env = options.env ?? process.env
  const breakers = new Map<RemoteProvider, CircuitBreaker>()
  const breaker = (which: RemoteProvider): CircuitBreaker => {
    let found = breakers.get(which)
    if (found === undefined) {
      found = createCircuitBreaker(which, options.breaker)
      breakers.set(which, found)
    }
    return found
  }
  const created = createProviders(options, env, (which) =>
    guardFetch(breaker(which), () => options.fetch ?? globalThis.fetch, {
      ...(options.responseTimeoutMs === undefined ? {} : { responseTimeoutMs: options.responseTimeoutMs }),
    }),
  )
  const built = new Map<RemoteProvider, unknown>()
  function provider<P extends RemoteProvider>(which: P): Providers[P] {
    let value = built.get(which) as Providers[P] | undefined
    if (value === undefined) {
      value = created[which]()
      built.set(which, value)
    }
    return value
  }

  function resolve<Model>(
    name: string,
    build: (parsed: Extract<ModelName, { provider: RemoteProvider }>) => Model,
  ): ResolvedModel<Model> {
    const parsed = parseModelName(name)
    if (parsed.provider === 'offline') {
      return { kind: 'offline', name: 'offline', requested: 'offline', reason: null }
    }
    const missing = missingKey(parsed.provider, options, env)
    if (missing !== null) {
      return { kind: 'offline', name: 'offline', requested: parsed.name, reason: missing }
    }
    const guard = breaker(parsed.provider)
    return {
      kind: 'remote',
      name: parsed.name,
      provider: parsed.provider,
      modelId: parsed.modelId,
      model: build(parsed),
      breaker: guard,
    }
  }

  return {
    languageModel: (name) =>
      resolve(name, ({ provider: which, modelId }) => {
        switch (which) {
          case 'openrouter':
            return provider('openrouter').chat(modelId)
          case 'openai':
            return provider('openai').chat(modelId)
          case 'compatible':
            return provider('compatible').chatModel(modelId)
        }
      }),
    embeddingModel: (name) =>
      resolve(name, ({ provider: which, modelId }) => {
        switch (which) {
          case 'openrouter':
            return provider('openrouter').textEmbeddingModel(modelId)
          case 'openai':
            return provider('openai').embedding(modelId)
          case 'compatible':
            return provider('compatible').embeddingModel(modelId)
        }
      }),
    breaker,
    cutOffs: () => [...breakers.values()].flatMap((entry) => entry.cutOffs()),
  }
}

function missingKey(
  provider: RemoteProvider,
  options: ModelRegistryOptions,
  env: Readonly<Record<string, string | undefined>>,
): string | null {
  if (provider === 'compatible') {
    const variable = options.compatible?.apiKeyEnv ?? ''
    if (variable === '' || nonEmpty(env[variable])) return null
    return `${variable} (named by [providers.compatible] api_key_env) is not set in ${keyPlaces}`
  }
  const variable = providerKeyNames[provider]
  return nonEmpty(env[variable]) ? null : `no ${variable} in ${keyPlaces}`
}

const nonEmpty = (value: string | undefined): value is string => value !== undefined && value.trim() !== ''
