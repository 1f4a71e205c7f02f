import { CacheError } from '@gitlore/core'
import { type CacheLocation, isUnreadableDatabaseError } from './cache-errors.js'
import type { GitloreCache } from './gitlore-cache.js'

/**
 * The cache with every method made to fail in one clear line when the database turns out to be
 * unreadable after it opened (a corrupt data page is found only when a query reaches it): a
 * `CacheError` naming the file and what to do, instead of the driver's raw error.
 */
export function guardDatabaseErrors(location: CacheLocation, cache: GitloreCache): GitloreCache {
  const guarded: Record<string, unknown> = {}
  for (const [name, member] of Object.entries(cache)) {
    if (typeof member !== 'function') {
      guarded[name] = member
      continue
    }
    const method = member as (...args: unknown[]) => Promise<unknown>
    guarded[name] = async (...args: unknown[]) => {
      try {
        return await method(...args)
      } catch (error) {
        if (!isUnreadableDatabaseError(error)) throw error
        const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
        throw new CacheError({
          path: location.label,
          message: location.isFile
            ? `the gitlore cache ${location.label} cannot be read (${reason}); delete it (gitlore makes a new one) or set [cache] path to another file`
            : `the gitlore cache in ${location.label} cannot be read (${reason}); repair or replace that database`,
          cause: error,
        })
      }
    }
  }
  return guarded as unknown as GitloreCache
}
