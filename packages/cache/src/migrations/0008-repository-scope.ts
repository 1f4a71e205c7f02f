import { type Kysely, sql } from 'kysely'
import type { Migration } from 'kysely/migration'

/** The `meta` key that marks rows written before this migration as waiting for a repository to claim them. */
export const unclaimedRowsKey = 'unclaimed_rows'

/**
 * Every table gets a `repository` column, so one database (a team's PostgreSQL, or one SQLite file set by
 * `[cache] path`) holds many repositories. Commits and results are keyed by it; runs are listed by it;
 * classifications and embeddings, keyed by what was asked, stay shared by every repository and record
 * which one wrote them. Review tables were keyed by repository from the start.
 *
 * Rows already stored belonged to the one repository the file served: they get the empty repository and
 * a `meta` mark, and the first repository that opens the cache claims them.
 */
export const repositoryScopeMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    const existing = await sql<{ count: number | string | bigint }>`
      select (select count(*) from commits) + (select count(*) from results) + (select count(*) from runs) as count
    `.execute(db)

    await db.schema
      .createTable('commits_by_repository')
      .addColumn('repository', 'text', (column) => column.notNull())
      .addColumn('sha', 'text', (column) => column.notNull())
      .addColumn('data', 'text', (column) => column.notNull())
      .addPrimaryKeyConstraint('commits_by_repository_key', ['repository', 'sha'])
      .execute()
    await sql`insert into commits_by_repository (repository, sha, data) select '', sha, data from commits`.execute(db)
    await db.schema.dropTable('commits').execute()
    await db.schema.alterTable('commits_by_repository').renameTo('commits').execute()

    await db.schema
      .createTable('results_by_repository')
      .addColumn('repository', 'text', (column) => column.notNull())
      .addColumn('namespace', 'text', (column) => column.notNull())
      .addColumn('key', 'text', (column) => column.notNull())
      .addColumn('data', 'text', (column) => column.notNull())
      .addColumn('created_at', 'text', (column) => column.notNull())
      .addColumn('sequence', 'integer', (column) => column.notNull())
      .addPrimaryKeyConstraint('results_by_repository_key', ['repository', 'namespace', 'key'])
      .execute()
    await sql`
      insert into results_by_repository (repository, namespace, key, data, created_at, sequence)
      select '', namespace, key, data, created_at, sequence from results
    `.execute(db)
    await db.schema.dropTable('results').execute()
    await db.schema.alterTable('results_by_repository').renameTo('results').execute()
    await db.schema
      .createIndex('results_sequence')
      .on('results')
      .columns(['repository', 'namespace', 'sequence'])
      .execute()

    await db.schema
      .alterTable('runs')
      .addColumn('repository', 'text', (column) => column.notNull().defaultTo(''))
      .execute()
    await db.schema.createIndex('runs_repository').on('runs').columns(['repository', 'started_at']).execute()

    for (const table of ['classifications', 'embeddings']) {
      await db.schema
        .alterTable(table)
        .addColumn('repository', 'text', (column) => column.notNull().defaultTo(''))
        .execute()
      await db.schema.createIndex(`${table}_repository`).on(table).column('repository').execute()
    }

    if (Number(existing.rows[0]?.count ?? 0) > 0) {
      await sql`insert into meta (key, value) values (${unclaimedRowsKey}, '1')`.execute(db)
    }
  },
}
