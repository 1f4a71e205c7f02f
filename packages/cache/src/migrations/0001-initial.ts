import { type Kysely, sql } from 'kysely'
import type { Migration } from 'kysely/migration'

/** The `meta` table that marks the database as gitlore's, and commits by sha. */
export const initialMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('meta')
      .addColumn('key', 'text', (column) => column.primaryKey())
      .addColumn('value', 'text', (column) => column.notNull())
      .execute()
    await sql`insert into meta (key, value) values ('application', 'gitlore')`.execute(db)
    await db.schema
      .createTable('commits')
      .addColumn('sha', 'text', (column) => column.primaryKey())
      .addColumn('data', 'text', (column) => column.notNull())
      .execute()
  },
}
