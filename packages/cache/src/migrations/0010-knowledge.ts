import type { Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'

/**
 * The knowledge index (`@gitlore/knowledge`): per repository, JSON rows by kind and key (its meta,
 * every file and directory, themes, findings), and review comments with the columns searches filter on.
 * Every row has a hash, so a refresh rewrites only what changed.
 */
export const knowledgeMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('knowledge')
      .addColumn('repository', 'text', (column) => column.notNull())
      .addColumn('kind', 'text', (column) => column.notNull())
      .addColumn('key', 'text', (column) => column.notNull())
      .addColumn('hash', 'text', (column) => column.notNull())
      .addColumn('data', 'text', (column) => column.notNull())
      .addPrimaryKeyConstraint('knowledge_key', ['repository', 'kind', 'key'])
      .execute()
    await db.schema
      .createTable('knowledge_comments')
      .addColumn('repository', 'text', (column) => column.notNull())
      .addColumn('id', 'text', (column) => column.notNull())
      .addColumn('path', 'text', (column) => column.notNull())
      .addColumn('author', 'text', (column) => column.notNull())
      .addColumn('created_at', 'text', (column) => column.notNull())
      .addColumn('categories', 'text', (column) => column.notNull())
      .addColumn('text', 'text', (column) => column.notNull())
      .addColumn('hash', 'text', (column) => column.notNull())
      .addColumn('data', 'text', (column) => column.notNull())
      .addPrimaryKeyConstraint('knowledge_comments_key', ['repository', 'id'])
      .execute()
    await db.schema
      .createIndex('knowledge_comments_newest')
      .on('knowledge_comments')
      .columns(['repository', 'created_at'])
      .execute()
  },
}
