import type { Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'

/**
 * GitHub Actions history: per repository its CI sync state, its workflow runs and their jobs. Ids are
 * `bigint` (GitHub's run and job ids passed 2^31 long ago); plain kysely schema calls, so the same
 * migration runs on SQLite and PostgreSQL.
 */
export const ciMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('ci_repos')
      .addColumn('repository', 'text', (column) => column.primaryKey())
      .addColumn('synced_since', 'text')
      .addColumn('newest_created_at', 'text')
      .addColumn('pending', 'text')
      .addColumn('last_sync', 'text')
      .execute()
    await db.schema
      .createTable('ci_runs')
      .addColumn('repository', 'text', (column) => column.notNull())
      .addColumn('id', 'bigint', (column) => column.notNull())
      .addColumn('created_at', 'text', (column) => column.notNull())
      .addColumn('version', 'text', (column) => column.notNull())
      .addColumn('data', 'text', (column) => column.notNull())
      .addPrimaryKeyConstraint('ci_runs_key', ['repository', 'id'])
      .execute()
    await db.schema.createIndex('ci_runs_created').on('ci_runs').columns(['repository', 'created_at']).execute()
    await db.schema
      .createTable('ci_jobs')
      .addColumn('repository', 'text', (column) => column.notNull())
      .addColumn('id', 'bigint', (column) => column.notNull())
      .addColumn('run_id', 'bigint', (column) => column.notNull())
      .addColumn('attempt', 'integer', (column) => column.notNull())
      .addColumn('data', 'text', (column) => column.notNull())
      .addPrimaryKeyConstraint('ci_jobs_key', ['repository', 'id'])
      .addForeignKeyConstraint('ci_jobs_run', ['repository', 'run_id'], 'ci_runs', ['repository', 'id'], (constraint) =>
        constraint.onDelete('cascade'),
      )
      .execute()
    await db.schema.createIndex('ci_jobs_run').on('ci_jobs').columns(['repository', 'run_id']).execute()
  },
}
