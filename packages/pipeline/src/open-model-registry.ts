import type { GitloreConfig } from '@gitlore/core'
import { loadSecrets } from '@gitlore/core'
import type { CutOff, ModelRegistry, UsageMeter } from '@gitlore/llm'

/** The models of one run and the meter that counts their tokens and cost. */
export interface RunModels {
  readonly registry: ModelRegistry
  readonly meter: UsageMeter
}

/** The model registry for a run: keys from `env`, then `<repo>/.env`, then `~/.config/gitlore/.env`. */
export async function openModelRegistry(
  root: string,
  config: GitloreConfig,
  env: Readonly<Record<string, string | undefined>>,
  options: {
    /** Milliseconds a request may wait for its response headers before it counts against the provider; default 120000. */
    readonly responseTimeoutMs?: number
    /** Told when a provider's circuit breaker cuts it (or one of its models) off for the rest of the run. */
    readonly onCutOff?: (cutOff: CutOff) => void
  } = {},
): Promise<RunModels> {
  const [{ createModelRegistry, createUsageMeter, remoteProviders }, secrets] = await Promise.all([
    import('@gitlore/llm'),
    loadSecrets({ repositoryDir: root, env }),
  ])
  // The ai SDK prints provider warnings to the console; gitlore reports through its own events.
  ;(globalThis as { AI_SDK_LOG_WARNINGS?: boolean }).AI_SDK_LOG_WARNINGS = false
  const registry = createModelRegistry({
    env: secrets,
    compatible: {
      baseUrl: config.providers.compatible.base_url,
      apiKeyEnv: config.providers.compatible.api_key_env,
    },
    ...(options.responseTimeoutMs === undefined ? {} : { responseTimeoutMs: options.responseTimeoutMs }),
  })
  const { onCutOff } = options
  if (onCutOff !== undefined) for (const provider of remoteProviders) registry.breaker(provider).onCutOff(onCutOff)
  return { registry, meter: createUsageMeter() }
}
