import { open } from 'node:fs/promises'
import { type CacheLocation, cannotOpenError, notGitloreCacheError } from '../cache-errors.js'

const sqliteHeader = Buffer.from('SQLite format 3\0', 'latin1')

/**
 * Refuses a file that is not an SQLite database before SQLite opens it. SQLite reads lazily, and it
 * takes a one-byte file for an empty database and overwrites it. A missing or empty file is a new database.
 */
export async function assertSqliteFile(path: string): Promise<void> {
  const location: CacheLocation = { label: path, isFile: true }
  let handle: Awaited<ReturnType<typeof open>>
  try {
    handle = await open(path, 'r')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return
    }
    throw cannotOpenError(location, error)
  }
  try {
    const status = await handle.stat()
    if (!status.isFile()) {
      throw notGitloreCacheError(location)
    }
    if (status.size === 0) {
      return
    }
    const start = Buffer.alloc(sqliteHeader.length)
    const { bytesRead } = await handle.read(start, 0, start.length, 0)
    if (bytesRead < start.length || !start.equals(sqliteHeader)) {
      throw notGitloreCacheError(location)
    }
  } finally {
    await handle.close()
  }
}
