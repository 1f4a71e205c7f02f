import type { Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'

/** How each run ended (finished, degraded, interrupted, failed), so `gitlore runs` lists every run with its end. */
export const runStatusMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .alterTable('runs')
      .addColumn('status', 'text', (column) => column.notNull().defaultTo('finished'))
      .execute()
  },
}
