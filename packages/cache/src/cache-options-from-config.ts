import { ConfigError, type GitloreConfig, resolveFromRepository } from '@gitlore/core'
import type { CreateCacheOptions } from './create-cache.js'

/** What `cacheOptionsFromConfig` reads. */
export interface CacheOptionsFromConfigInput {
  /** The `[cache]` section, as the configuration layer resolved it (trust rules applied). */
  readonly cache: GitloreConfig['cache']
  /** The repository root: `[cache] path` is relative to it. */
  readonly root: string
  /**
   * The process environment, where `[cache] url_env` and `[cache] password_env` are looked up. Not `.env`
   * files: a repository's own files must not be able to point the cache (and a password) elsewhere.
   */
  readonly env: Readonly<Record<string, string | undefined>>
  /** The repository the cache serves (`createCache`'s `repository`). */
  readonly repository?: string
}

/**
 * Turns the `[cache]` configuration into `createCache` options: PostgreSQL when `url` (or the variable
 * `url_env` names) is set, with the password from the variable `password_env` names or libpq's own
 * `PGPASSWORD` / `~/.pgpass`; else the SQLite file at `path`. Throws `ConfigError` when a named variable is
 * not set or holds something that is not a PostgreSQL URL; never repeats a URL's password.
 */
export function cacheOptionsFromConfig(input: CacheOptionsFromConfigInput): CreateCacheOptions {
  const { cache, env } = input
  const scope = input.repository === undefined ? {} : { repository: input.repository }
  let url = cache.url.trim()
  if (cache.url_env !== '') {
    url = env[cache.url_env]?.trim() ?? ''
    if (url === '') {
      throw new ConfigError({
        keyPath: 'cache.url_env',
        message: `[cache] url_env names ${cache.url_env}, which is not set: set it to the cache's postgres:// URL, or clear url_env`,
      })
    }
    if (!/^postgres(ql)?:\/\//i.test(url)) {
      throw new ConfigError({
        keyPath: 'cache.url_env',
        message: `${cache.url_env} (named by [cache] url_env) must hold a postgres:// URL`,
      })
    }
  }
  if (url === '') return { path: resolveFromRepository(input.root, cache.path), ...scope }
  let password: string | undefined
  if (cache.password_env !== '') {
    password = env[cache.password_env]
    if (password === undefined || password === '') {
      throw new ConfigError({
        keyPath: 'cache.password_env',
        message: `[cache] password_env names ${cache.password_env}, which is not set: set it to the cache database's password`,
      })
    }
  }
  return { url, ...(password === undefined ? {} : { password }), ...scope }
}
