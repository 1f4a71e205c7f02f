import type { GitloreCache } from '@gitlore/cache'
import type { GitloreConfig } from '@gitlore/core'
import { loadConfig, resolveFromRepository } from '@gitlore/core'
import type { Flags } from '../main.js'
import type { Terminal } from '../terminal.js'
import { repositoryArgument } from './options.js'

/** The repository root, its configuration and its cache, for commands that only read or manage the cache. */
export async function openRepositoryCache(
  flags: Flags,
  terminal: Terminal,
): Promise<{ root: string; config: GitloreConfig; path: string; cache: GitloreCache }> {
  const dir = await repositoryArgument(flags, terminal.cwd)
  const { findRepositoryRoot } = await import('@gitlore/extractors')
  const root = await findRepositoryRoot(dir)
  const { config } = await loadConfig({
    repositoryDir: root,
    configPath: typeof flags.config === 'string' ? flags.config : undefined,
    env: terminal.env,
  })
  const path = resolveFromRepository(root, config.cache.path)
  const { createCache } = await import('@gitlore/cache')
  return { root, config, path, cache: await createCache({ path }) }
}
