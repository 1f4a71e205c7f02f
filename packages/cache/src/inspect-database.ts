import type { Kysely } from 'kysely'
import { applicationName, type CacheDatabase } from './cache-schema.js'

/** What a database holds, as far as the cache is concerned. */
export type DatabaseContents =
  | { readonly kind: 'empty' }
  | { readonly kind: 'gitlore'; readonly schemaVersion: number }
  | { readonly kind: 'foreign' }

/**
 * Looks at a database without changing it: no tables at all is a new cache, a `meta` table saying
 * `application = gitlore` is a cache at the schema version it records, anything else is foreign.
 */
export async function inspectDatabase(db: Kysely<CacheDatabase>): Promise<DatabaseContents> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true })
  if (tables.length === 0) {
    return { kind: 'empty' }
  }
  const meta = tables.find((table) => table.name === 'meta' && !table.isView)
  const columns = new Set(meta?.columns.map((column) => column.name))
  if (!columns.has('key') || !columns.has('value')) {
    return { kind: 'foreign' }
  }
  const rows = await db
    .selectFrom('meta')
    .select(['key', 'value'])
    .where('key', 'in', ['application', 'schema_version'])
    .execute()
  const values = new Map(rows.map((row) => [row.key, row.value]))
  if (values.get('application') !== applicationName) {
    return { kind: 'foreign' }
  }
  const schemaVersion = Number(values.get('schema_version') ?? '0')
  return Number.isInteger(schemaVersion) && schemaVersion >= 0
    ? { kind: 'gitlore', schemaVersion }
    : { kind: 'foreign' }
}
