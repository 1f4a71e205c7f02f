import type { GitloreCache } from '@gitlore/cache'
import type { GitloreConfig } from '@gitlore/core'
import { resolveFromRepository } from '@gitlore/core'
import type { Flags } from '../main.js'
import type { Terminal } from '../terminal.js'
import { resolveRepository } from './resolve-repository.js'

/** The repository root, its configuration and its cache, for commands that only read or manage the cache. */
export async function openRepositoryCache(
  flags: Flags,
  terminal: Terminal,
): Promise<{ root: string; config: GitloreConfig; path: string; cache: GitloreCache }> {
  const { root, config } = await resolveRepository(flags, terminal)
  const path = resolveFromRepository(root, config.cache.path)
  const { createCache } = await import('@gitlore/cache')
  return { root, config, path, cache: await createCache({ path }) }
}
