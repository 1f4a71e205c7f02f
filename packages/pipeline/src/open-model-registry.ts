import type { GitloreConfig } from '@gitlore/core'
import { loadSecrets } from '@gitlore/core'
import type { ModelRegistry, UsageMeter } from '@gitlore/llm'

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
): Promise<RunModels> {
  const [{ createModelRegistry, createUsageMeter }, secrets] = await Promise.all([
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
  })
  return { registry, meter: createUsageMeter() }
}
