import type { GitloreCache } from '@gitlore/cache'
import type { GitloreConfig } from '@gitlore/core'
import { openCache } from './open-cache.js'
import type { RepositoryOptions } from './repository-options.js'
import { resolveRepository } from './resolve-repository.js'

/** A repository's cache, opened: the caller closes it. */
export interface OpenedRepositoryCache {
  /** The repository's top-level directory. */
  readonly root: string
  readonly config: GitloreConfig
  /** Where the cache lives: the SQLite file (`[cache] path` under the repository root), or the PostgreSQL database without its password. */
  readonly path: string
  /** The key the repository's rows are stored under (`api.github.com/owner/name` for a repository on GitHub). */
  readonly repository: string
  readonly cache: GitloreCache
  /** HEAD when the cache was opened; null when the repository has no commit. */
  readonly head: string | null
  /** One line when the repository's gitlore.toml set keys it is not trusted to set; else null. */
  readonly warning: string | null
}

/** Opens the repository's cache, for reading runs or managing the cache; the caller must close it. */
export async function openRepositoryCache(options: RepositoryOptions = {}): Promise<OpenedRepositoryCache> {
  const { root, config, warning } = await resolveRepository(options)
  const { cache, location, repository, head } = await openCache({ root, config, env: options.env ?? process.env })
  return { root, config, path: location, repository, cache, head, warning }
}
