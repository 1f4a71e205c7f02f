import type { Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'

/** One row per `gitlore analyze` run: enough to list runs and to render any of them again. */
export const runsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('runs')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('started_at', 'text', (column) => column.notNull())
      .addColumn('finished_at', 'text', (column) => column.notNull())
      .addColumn('head', 'text')
      .addColumn('findings', 'integer', (column) => column.notNull())
      .addColumn('degraded', 'text', (column) => column.notNull())
      .addColumn('data', 'text', (column) => column.notNull())
      .execute()
    await db.schema.createIndex('runs_started_at').on('runs').column('started_at').execute()
  },
}
