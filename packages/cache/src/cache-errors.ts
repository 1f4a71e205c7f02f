import { CacheError } from '@gitlore/core'

/** Where a cache lives, for messages: its file path, or a description of an injected database. */
export interface CacheLocation {
  /** The SQLite file, or a label such as `the database of the injected kysely dialect`. */
  readonly label: string
  /** Whether `label` is a file the user can move away or replace with `[cache] path`. */
  readonly isFile: boolean
}

function remedy(location: CacheLocation): string {
  return location.isFile ? 'move it away or set [cache] path to another file' : 'point the cache at another database'
}

/** The database exists but is not gitlore's cache, or cannot be read as a database at all. */
export function notGitloreCacheError(location: CacheLocation, cause?: unknown): CacheError {
  return new CacheError({
    path: location.label,
    message: `${location.label} is not a gitlore cache (or is corrupt); ${remedy(location)}`,
    cause,
  })
}

/** The cache was written by a gitlore whose schema this code does not know. */
export function newerSchemaError(location: CacheLocation, found: number, known: number): CacheError {
  return new CacheError({
    path: location.label,
    message:
      `${location.label} was written by a newer gitlore (cache schema ${found}, this gitlore knows up to ${known}); ` +
      `upgrade gitlore, or ${remedy(location)}`,
  })
}

/** Opening or preparing the cache failed for a reason other than its contents (permissions, locks, network). */
export function cannotOpenError(location: CacheLocation, cause: unknown): CacheError {
  const reason = cause instanceof Error ? cause.message : String(cause)
  return new CacheError({
    path: location.label,
    message: `cannot open the gitlore cache ${location.label}: ${reason}`,
    cause,
  })
}

/**
 * Whether SQLite failed to read a database's contents (not a database, corrupt pages, or a schema it
 * cannot load, such as a virtual table of a missing module), as opposed to failing to reach the file.
 */
export function isUnreadableDatabaseError(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined
  return typeof code === 'string' && /^SQLITE_(ERROR|NOTADB|CORRUPT)/.test(code)
}
