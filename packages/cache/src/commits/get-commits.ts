import type { RawCommit } from '@gitlore/core'
import type { CacheContext } from '../cache-context.js'
import { chunks } from '../chunks.js'
import { decodeCommit } from './commit-json.js'

/** Shas per query; SQLite builds older than 3.32 allow at most 999 bound values per statement. */
const shasPerQuery = 900

/** The repository's stored commits among `shas`, by sha; unknown shas are absent. */
export async function getCommits(
  { db, repository }: CacheContext,
  shas: readonly string[],
): Promise<ReadonlyMap<string, RawCommit>> {
  const found = new Map<string, RawCommit>()
  for (const batch of chunks([...new Set(shas)], shasPerQuery)) {
    const rows = await db
      .selectFrom('commits')
      .select(['sha', 'data'])
      .where('repository', '=', repository)
      .where('sha', 'in', batch)
      .execute()
    for (const row of rows) {
      found.set(row.sha, decodeCommit(row.data))
    }
  }
  return found
}
