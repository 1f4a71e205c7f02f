import { ConfigError, parseConfig } from '@gitlore/core'
import { describe, expect, it } from 'vitest'
import { cacheOptionsFromConfig } from './cache-options-from-config.js'

const cacheConfig = (cache: Record<string, string>) => parseConfig({ cache }).cache

describe('cacheOptionsFromConfig', () => {
  it('uses the SQLite file under the repository unless a PostgreSQL URL is configured', () => {
    expect(cacheOptionsFromConfig({ cache: cacheConfig({}), root: '/work/repo', env: {}, repository: 'r' })).toEqual({
      path: '/work/repo/.gitlore/cache.db',
      repository: 'r',
    })
    expect(
      cacheOptionsFromConfig({ cache: cacheConfig({ url: 'postgres://team@db/gitlore' }), root: '/w', env: {} }),
    ).toEqual({ url: 'postgres://team@db/gitlore' })
  })

  it('reads the whole URL, or the password, from the variables the configuration names', () => {
    const env = { TEAM_CACHE_URL: 'postgres://team:pw@db/gitlore', TEAM_CACHE_PASSWORD: 'p4ss' }
    expect(cacheOptionsFromConfig({ cache: cacheConfig({ url_env: 'TEAM_CACHE_URL' }), root: '/w', env })).toEqual({
      url: 'postgres://team:pw@db/gitlore',
    })
    expect(
      cacheOptionsFromConfig({
        cache: cacheConfig({ url: 'postgres://team@db/gitlore', password_env: 'TEAM_CACHE_PASSWORD' }),
        root: '/w',
        env,
      }),
    ).toEqual({ url: 'postgres://team@db/gitlore', password: 'p4ss' })
  })

  it('says which variable is missing or wrong, without its value', () => {
    const attempt = (cache: Record<string, string>, env: Record<string, string>) => {
      try {
        cacheOptionsFromConfig({ cache: cacheConfig(cache), root: '/w', env })
      } catch (error) {
        return error as ConfigError
      }
      throw new Error('expected a ConfigError')
    }
    const missing = attempt({ url_env: 'TEAM_CACHE_URL' }, {})
    expect(missing).toBeInstanceOf(ConfigError)
    expect(missing.keyPath).toBe('cache.url_env')
    expect(missing.message).toContain('names TEAM_CACHE_URL, which is not set')
    const wrong = attempt({ url_env: 'TEAM_CACHE_URL' }, { TEAM_CACHE_URL: 'mysql://u:secret@db/x' })
    expect(wrong.message).toBe('TEAM_CACHE_URL (named by [cache] url_env) must hold a postgres:// URL')
    expect(attempt({ url: 'postgres://db/x', password_env: 'TEAM_CACHE_PASSWORD' }, {}).keyPath).toBe(
      'cache.password_env',
    )
  })
})
