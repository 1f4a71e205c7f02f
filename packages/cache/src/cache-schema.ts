/** Rows of the `meta` table: `application` = `gitlore`, `schema_version` = migrations applied. */
export interface MetaTable {
  key: string
  value: string
}

/** A commit never changes, so it is stored once by sha, as the JSON of its `RawCommit`. */
export interface CommitsTable {
  sha: string
  data: string
}

/** The cache's tables as kysely sees them. */
export interface CacheDatabase {
  meta: MetaTable
  commits: CommitsTable
}

/**
 * Tables holding cached data: what `stats` counts and `clear` empties, in this order (tables that
 * reference others first). A migration that adds a table adds it here too.
 */
export const dataTables = ['commits'] as const satisfies readonly (keyof CacheDatabase)[]

/** The value of the `application` meta row that marks a database as gitlore's cache. */
export const applicationName = 'gitlore'
