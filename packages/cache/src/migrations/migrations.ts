import type { Migration, MigrationProvider } from 'kysely/migration'
import { initialMigration } from './0001-initial.js'
import { classificationsMigration } from './0002-classifications.js'
import { reviewsMigration } from './0003-reviews.js'
import { resultsMigration } from './0004-results.js'
import { runsMigration } from './0005-runs.js'
import { embeddingsMigration } from './0006-embeddings.js'
import { runStatusMigration } from './0007-run-status.js'
import { repositoryScopeMigration } from './0008-repository-scope.js'
import { ciMigration } from './0009-ci.js'
import { knowledgeMigration } from './0010-knowledge.js'

/**
 * Every schema change, in order. kysely runs them by name, so a new migration gets the next number;
 * a released migration is never edited. Append here, then list any new table in `dataTables`.
 */
export const migrations: Readonly<Record<string, Migration>> = {
  '0001-initial': initialMigration,
  '0002-classifications': classificationsMigration,
  '0003-reviews': reviewsMigration,
  '0004-results': resultsMigration,
  '0005-runs': runsMigration,
  '0006-embeddings': embeddingsMigration,
  '0007-run-status': runStatusMigration,
  '0008-repository-scope': repositoryScopeMigration,
  '0009-ci': ciMigration,
  '0010-knowledge': knowledgeMigration,
}

/** The schema version this code writes: the number of migrations it knows. */
export const schemaVersion = Object.keys(migrations).length

/** Hands kysely's `Migrator` the migrations above, which live in code rather than in files read at run time. */
export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return { ...migrations }
  },
}
