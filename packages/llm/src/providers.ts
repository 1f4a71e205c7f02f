import { createOpenAI, type OpenAIProvider } from '@ai-sdk/openai'
import { createOpenAICompatible, type OpenAICompatibleProvider } from '@ai-sdk/openai-compatible'
import { createOpenRouter, type OpenRouterProvider } from '@openrouter/ai-sdk-provider'
import type { ModelRegistryOptions } from './model-registry.js'

/** The ai SDK provider behind each `provider/` prefix. */
export interface Providers {
  readonly openrouter: OpenRouterProvider
  readonly openai: OpenAIProvider
  readonly compatible: OpenAICompatibleProvider
}

/** The default `[providers.compatible] base_url`: a local Ollama. */
export const defaultCompatibleBaseUrl = 'http://localhost:11434/v1'

/** Factories for each provider, so one is only built when a name needs it; each sends through `fetchOf(provider)`. */
export function createProviders(
  options: ModelRegistryOptions,
  env: Readonly<Record<string, string | undefined>>,
  fetchOf: (provider: keyof Providers) => typeof fetch,
): { readonly [P in keyof Providers]: () => Providers[P] } {
  return {
    openrouter: () =>
      createOpenRouter({
        apiKey: env.OPENROUTER_API_KEY ?? '',
        appName: 'gitlore',
        compatibility: 'strict',
        ...(options.baseUrls?.openrouter === undefined ? {} : { baseURL: options.baseUrls.openrouter }),
        fetch: fetchOf('openrouter'),
      }),
    openai: () =>
      createOpenAI({
        apiKey: env.OPENAI_API_KEY ?? '',
        ...(options.baseUrls?.openai === undefined ? {} : { baseURL: options.baseUrls.openai }),
        fetch: fetchOf('openai'),
      }),
    compatible: () => {
      const variable = options.compatible?.apiKeyEnv ?? ''
      const apiKey = variable === '' ? undefined : env[variable]
      return createOpenAICompatible({
        name: 'compatible',
        baseURL: options.compatible?.baseUrl ?? defaultCompatibleBaseUrl,
        includeUsage: true,
        ...(apiKey === undefined ? {} : { apiKey }),
        fetch: fetchOf('compatible'),
      })
    },
  }
}
