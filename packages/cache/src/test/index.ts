export { type FindPostgresOptions, findPostgresBinaries } from './find-postgres.js'
export {
  isContinuousIntegration,
  PostgresUnavailableError,
  postgresSkipReason,
  postgresUnavailableReason,
  type StartTestPostgresOptions,
  startTestPostgres,
  type TestPostgres,
} from './start-test-postgres.js'
