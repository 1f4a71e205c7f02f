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

/** Factories for each provider, so one is only built when a name needs it. */
export function createProviders(
  options: ModelRegistryOptions,
  env: Readonly<Record<string, string | undefined>>,
): { readonly [P in keyof Providers]: () => Providers[P] } {
  const fetchOption = options.fetch === undefined ? {} : { fetch: options.fetch }
  return {
    openrouter: () =>
      createOpenRouter({
        apiKey: env.OPENROUTER_API_KEY ?? '',
        appName: 'gitlore',
        compatibility: 'strict',
        ...(options.baseUrls?.openrouter === undefined ? {} : { baseURL: options.baseUrls.openrouter }),
        ...fetchOption,
      }),
    openai: () =>
      createOpenAI({
        apiKey: env.OPENAI_API_KEY ?? '',
        ...(options.baseUrls?.openai === undefined ? {} : { baseURL: options.baseUrls.openai }),
        ...fetchOption,
      }),
    compatible: () => {
      const variable = options.compatible?.apiKeyEnv ?? ''
      const apiKey = variable === '' ? undefined : env[variable]
      return createOpenAICompatible({
        name: 'compatible',
        baseURL: options.compatible?.baseUrl ?? defaultCompatibleBaseUrl,
        includeUsage: true,
        ...(apiKey === undefined ? {} : { apiKey }),
        ...fetchOption,
      })
    },
  }
}
