import type { GitloreCache } from '@gitlore/cache'
import type { GitloreConfig } from '@gitlore/core'
import type { GitBackend } from '@gitlore/extractors'
import { checkCachePath, prepareStateDirectoryFor } from './state-directory.js'

/** The cache of one repository, where it lives, and the git backend that read the repository's remote. */
export interface OpenedCache {
  readonly cache: GitloreCache
  /** The SQLite file, or the PostgreSQL database without its password. */
  readonly location: string
  /** The key the repository's rows are stored under (`api.github.com/owner/name` on GitHub). */
  readonly repository: string
  /** The backend that read the repository, with its first `readRepository` remembered, for reading history. */
  readonly backend: GitBackend
  /** HEAD as the backend read it to key the rows; null when the repository has no commit. */
  readonly head: string | null
}

/** A backend whose `readRepository` runs once, so history planning does not ask git again. */
function rememberRepository(backend: GitBackend): GitBackend {
  let state: ReturnType<GitBackend['readRepository']> | undefined
  return {
    kind: backend.kind,
    readRepository: (options) => {
      state ??= backend.readRepository(options)
      return state
    },
    listCommits: (options) => backend.listCommits(options),
    readCommits: (shas, options) => backend.readCommits(shas, options),
  }
}

/**
 * Opens the cache the configuration names (the SQLite file at `[cache] path`, or the PostgreSQL database
 * at `[cache] url` / `url_env`) for the repository at `root`, keyed by where the repository lives (its
 * GitHub review key, its remote, else its path), so one database can hold many repositories. A bad
 * `[cache]` setting is a `ConfigError`; an unusable database a `CacheError`.
 */
export async function openCache(options: {
  readonly root: string
  readonly config: GitloreConfig
  /** The process environment: where `[cache] url_env` and `password_env` are read (never `.env` files). */
  readonly env: Readonly<Record<string, string | undefined>>
}): Promise<OpenedCache> {
  const { root, config, env } = options
  const [{ cacheOptionsFromConfig, createCache, describePostgresUrl }, { createGitBackend, repositoryKey }] =
    await Promise.all([import('@gitlore/cache'), import('@gitlore/extractors')])
  const backend = rememberRepository(createGitBackend({ dir: root, kind: config.analysis.git_backend }))
  const { info } = await backend.readRepository()
  const repository = repositoryKey({
    path: info.path,
    remote: info.remote,
    configured: config.github.repo,
    apiUrl: config.github.api_url,
  })
  const cacheOptions = cacheOptionsFromConfig({ cache: config.cache, root, env, repository })
  if (cacheOptions.path !== undefined) {
    await prepareStateDirectoryFor(root, cacheOptions.path)
    // SQLite opens the file and its -wal, -shm and -journal itself: none may be a link out of the repository.
    await checkCachePath(root, cacheOptions.path)
  }
  const location = cacheOptions.url === undefined ? String(cacheOptions.path) : describePostgresUrl(cacheOptions.url)
  return { cache: await createCache(cacheOptions), location, repository, backend, head: info.head }
}
