import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryCompiler,
  type TransactionSettings,
} from 'kysely'

type Options = Parameters<Driver['init']>[0]

/**
 * Wraps an SQLite driver so transactions start with `BEGIN IMMEDIATE`: the write lock is taken up front,
 * so a transaction waits (busy timeout) for another writer instead of failing with SQLITE_BUSY when a
 * deferred transaction tries to upgrade its read lock halfway through.
 */
export class ImmediateTransactionDriver implements Driver {
  readonly #driver: Driver

  constructor(driver: Driver) {
    this.#driver = driver
  }

  init(options?: Options): Promise<void> {
    return this.#driver.init(options)
  }

  acquireConnection(options?: Options): Promise<DatabaseConnection> {
    return this.#driver.acquireConnection(options)
  }

  async beginTransaction(connection: DatabaseConnection, _settings: TransactionSettings): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'))
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.#driver.commitTransaction(connection)
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.#driver.rollbackTransaction(connection)
  }

  savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    return this.#require('savepoint')(connection, name, compile)
  }

  rollbackToSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler['compileQuery'],
  ): Promise<void> {
    return this.#require('rollbackToSavepoint')(connection, name, compile)
  }

  releaseSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler['compileQuery'],
  ): Promise<void> {
    return this.#require('releaseSavepoint')(connection, name, compile)
  }

  releaseConnection(connection: DatabaseConnection, options?: Options): Promise<void> {
    return this.#driver.releaseConnection(connection, options)
  }

  destroy(options?: Options): Promise<void> {
    return this.#driver.destroy(options)
  }

  #require<Name extends 'savepoint' | 'rollbackToSavepoint' | 'releaseSavepoint'>(
    name: Name,
  ): NonNullable<Driver[Name]> {
    const method = this.#driver[name]
    if (method === undefined) {
      throw new Error(`the wrapped driver does not support ${name}`)
    }
    return method.bind(this.#driver) as NonNullable<Driver[Name]>
  }
}
