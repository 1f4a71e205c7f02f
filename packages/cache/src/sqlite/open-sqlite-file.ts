import { mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { SqliteDatabase } from 'kysely'
import { type CacheLocation, cannotOpenError } from '../cache-errors.js'
import { assertSqliteFile } from './assert-sqlite-file.js'

/**
 * Opens (or creates) the SQLite file at an absolute `path` with better-sqlite3, after checking it is an
 * SQLite file. Nothing is written here: journal mode and schema changes wait until the database has been
 * recognised as gitlore's. better-sqlite3 is loaded only now, so a cache on another dialect never needs it.
 */
export async function openSqliteFile(path: string, busyTimeout: number): Promise<SqliteDatabase> {
  const location: CacheLocation = { label: path, isFile: true }
  try {
    await mkdir(dirname(path), { recursive: true })
  } catch (error) {
    throw cannotOpenError(location, error)
  }
  await assertSqliteFile(path)
  try {
    const { default: Database } = await import('better-sqlite3')
    return new Database(path, { timeout: busyTimeout })
  } catch (error) {
    throw cannotOpenError(location, error)
  }
}
