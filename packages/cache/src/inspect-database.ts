import { type Kysely, sql } from 'kysely'
import { applicationName, type CacheDatabase } from './cache-schema.js'
import { databaseKind } from './database-kind.js'

/** PostgreSQL's schema that unqualified names resolve to; the cache looks only there. */
async function currentSchema(db: Kysely<CacheDatabase>): Promise<string | undefined> {
  if (databaseKind(db as Kysely<unknown>) !== 'postgres') return undefined
  const result = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db)
  return result.rows[0]?.schema ?? undefined
}

/** What a database holds, as far as the cache is concerned. */
export type DatabaseContents =
  | { readonly kind: 'empty' }
  | { readonly kind: 'gitlore'; readonly schemaVersion: number }
  | { readonly kind: 'foreign' }

/**
 * Looks at a database without changing it: no tables at all is a new cache, a `meta` table saying
 * `application = gitlore` is a cache at the schema version it records, anything else is foreign. On
 * PostgreSQL only the current schema counts (the first of `search_path`), so a database can hold other
 * schemas beside the cache's.
 */
export async function inspectDatabase(db: Kysely<CacheDatabase>): Promise<DatabaseContents> {
  const schema = await currentSchema(db)
  const tables = (await db.introspection.getTables({ withInternalKyselyTables: true })).filter(
    (table) => schema === undefined || table.schema === schema,
  )
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
