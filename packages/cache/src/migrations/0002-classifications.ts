import type { Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'
import { columnTypes } from './column-types.js'

/** One row per classified comment text, keyed by model + prompt hash + body hash. */
export const classificationsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('classifications')
      .addColumn('model', 'text', (column) => column.notNull())
      .addColumn('prompt_hash', 'text', (column) => column.notNull())
      .addColumn('body_hash', 'text', (column) => column.notNull())
      .addColumn('categories', 'text', (column) => column.notNull())
      .addColumn('confidence', columnTypes(db).real, (column) => column.notNull())
      .addColumn('created_at', 'text', (column) => column.notNull())
      .addPrimaryKeyConstraint('classifications_key', ['model', 'prompt_hash', 'body_hash'])
      .execute()
  },
}
