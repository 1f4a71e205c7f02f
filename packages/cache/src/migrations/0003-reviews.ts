import type { Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'

/**
 * GitHub review data: per repository its sync state (how far pull requests are synced, an interrupted
 * sync to resume, what the last sync fetched and filtered), pull requests, and their comments.
 */
export const reviewsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('review_repos')
      .addColumn('repository', 'text', (column) => column.primaryKey())
      .addColumn('synced_since', 'text')
      .addColumn('newest_updated_at', 'text')
      .addColumn('pending', 'text')
      .addColumn('last_synced_at', 'text')
      .addColumn('last_requests', 'integer')
      .addColumn('last_points', 'integer')
      .addColumn('last_pull_requests', 'integer')
      .addColumn('last_comments', 'integer')
      .addColumn('last_filtered_bots', 'integer')
      .addColumn('last_filtered_trivial', 'integer')
      .execute()
    await db.schema
      .createTable('pull_requests')
      .addColumn('repository', 'text', (column) => column.notNull())
      .addColumn('number', 'integer', (column) => column.notNull())
      .addColumn('updated_at', 'text', (column) => column.notNull())
      .addColumn('data', 'text', (column) => column.notNull())
      .addPrimaryKeyConstraint('pull_requests_key', ['repository', 'number'])
      .execute()
    await db.schema
      .createIndex('pull_requests_updated')
      .on('pull_requests')
      .columns(['repository', 'updated_at'])
      .execute()
    await db.schema
      .createTable('review_comments')
      .addColumn('repository', 'text', (column) => column.notNull())
      .addColumn('id', 'text', (column) => column.notNull())
      .addColumn('pr_number', 'integer', (column) => column.notNull())
      .addColumn('position', 'integer', (column) => column.notNull())
      .addColumn('kind', 'text', (column) => column.notNull())
      .addColumn('created_at', 'text', (column) => column.notNull())
      .addColumn('data', 'text', (column) => column.notNull())
      .addPrimaryKeyConstraint('review_comments_key', ['repository', 'id'])
      .addForeignKeyConstraint(
        'review_comments_pull_request',
        ['repository', 'pr_number'],
        'pull_requests',
        ['repository', 'number'],
        (constraint) => constraint.onDelete('cascade'),
      )
      .execute()
    await db.schema
      .createIndex('review_comments_pull_request')
      .on('review_comments')
      .columns(['repository', 'pr_number', 'position'])
      .execute()
  },
}
