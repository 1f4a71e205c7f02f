import type { GitloreCache } from '@gitlore/cache'
import type { GitloreConfig } from '@gitlore/core'
import { resolveFromRepository } from '@gitlore/core'
import type { RepositoryOptions } from './repository-options.js'
import { resolveRepository } from './resolve-repository.js'
import { prepareStateDirectoryFor } from './state-directory.js'

/** A repository's cache, opened: the caller closes it. */
export interface OpenedRepositoryCache {
  /** The repository's top-level directory. */
  readonly root: string
  readonly config: GitloreConfig
  /** Where the cache lives (`[cache] path` under the repository root). */
  readonly path: string
  readonly cache: GitloreCache
  /** One line when the repository's gitlore.toml set keys it is not trusted to set; else null. */
  readonly warning: string | null
}

/** Opens the repository's cache, for reading runs or managing the cache; the caller must close it. */
export async function openRepositoryCache(options: RepositoryOptions = {}): Promise<OpenedRepositoryCache> {
  const { root, config, warning } = await resolveRepository(options)
  const path = resolveFromRepository(root, config.cache.path)
  const { createCache } = await import('@gitlore/cache')
  await prepareStateDirectoryFor(root, path)
  return { root, config, path, cache: await createCache({ path }), warning }
}
