import type { Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'

/** Derived results under content keys: history listings by HEAD, analysed statistics by input hash. */
export const resultsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('results')
      .addColumn('namespace', 'text', (column) => column.notNull())
      .addColumn('key', 'text', (column) => column.notNull())
      .addColumn('data', 'text', (column) => column.notNull())
      .addColumn('created_at', 'text', (column) => column.notNull())
      .addColumn('sequence', 'integer', (column) => column.notNull())
      .addPrimaryKeyConstraint('results_key', ['namespace', 'key'])
      .execute()
  },
}
