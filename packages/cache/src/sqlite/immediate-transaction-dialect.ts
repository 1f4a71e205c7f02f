import {
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type QueryCompiler,
  SqliteAdapter,
} from 'kysely'
import { ImmediateTransactionDriver } from './immediate-transaction-driver.js'

/** SQLite runs DDL inside transactions, so migrations can be applied all-or-nothing under one write lock. */
class TransactionalSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true
  }
}

/**
 * Wraps an SQLite dialect (kysely's `SqliteDialect`) so its transactions use `BEGIN IMMEDIATE` and
 * its migrations run in a transaction.
 */
export class ImmediateTransactionDialect implements Dialect {
  readonly #dialect: Dialect

  constructor(dialect: Dialect) {
    this.#dialect = dialect
  }

  createDriver(): Driver {
    return new ImmediateTransactionDriver(this.#dialect.createDriver())
  }

  createQueryCompiler(): QueryCompiler {
    return this.#dialect.createQueryCompiler()
  }

  createAdapter(): DialectAdapter {
    return new TransactionalSqliteAdapter()
  }

  createIntrospector(db: Parameters<Dialect['createIntrospector']>[0]): DatabaseIntrospector {
    return this.#dialect.createIntrospector(db)
  }
}

/** Whether `dialect` talks to SQLite, judged by kysely's adapter rather than by class name. */
export function isSqliteDialect(dialect: Dialect): boolean {
  return dialect.createAdapter() instanceof SqliteAdapter
}
