import { ModelNameError } from './errors/model-name-error.js'

/** Providers reached over the network. */
export const remoteProviders = ['openrouter', 'openai', 'compatible'] as const
/** A provider reached over the network: OpenRouter, OpenAI, or any OpenAI-compatible server. */
export type RemoteProvider = (typeof remoteProviders)[number]

/** A parsed model name: `provider/model`, or `offline`. */
export type ModelName =
  | {
      readonly provider: RemoteProvider
      /** The model id the provider knows, e.g. `google/gemini-3-flash-preview` for OpenRouter. */
      readonly modelId: string
      /** The full name as written, e.g. `openrouter/google/gemini-3-flash-preview`. */
      readonly name: string
    }
  | { readonly provider: 'offline'; readonly modelId: null; readonly name: 'offline' }

const isRemoteProvider = (value: string): value is RemoteProvider =>
  (remoteProviders as readonly string[]).includes(value)

/**
 * Parses `openrouter/<id>`, `openai/<id>`, `compatible/<id>` or `offline`. Everything after the first
 * slash is the provider's model id, so `openrouter/google/gemini-3-flash-preview` keeps its vendor part.
 * Throws a `ModelNameError` (a usage error) for anything else.
 */
export function parseModelName(name: string, key?: string): ModelName {
  const trimmed = name.trim()
  if (trimmed === 'offline') {
    return { provider: 'offline', modelId: null, name: 'offline' }
  }
  const slash = trimmed.indexOf('/')
  const provider = slash === -1 ? trimmed : trimmed.slice(0, slash)
  const modelId = slash === -1 ? '' : trimmed.slice(slash + 1).trim()
  if (!isRemoteProvider(provider) || modelId === '') {
    throw new ModelNameError({ name, ...(key === undefined ? {} : { key }) })
  }
  return { provider, modelId, name: `${provider}/${modelId}` }
}
