import { mkdir, mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import Database from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { describeStoreSuite } from '../__fixtures__/store-suite/index.js'
import { createCache } from '../create-cache.js'

describeStoreSuite({
  name: 'SQLite',
  async newDatabase() {
    const path = join(await mkdtemp(join(tmpdir(), 'gitlore-store-')), '.gitlore', 'cache.db')
    await mkdir(dirname(path))
    return {
      open: (options = {}) => createCache({ path, ...options }),
      connect: () => new Kysely({ dialect: new SqliteDialect({ database: new Database(path) }) }),
    }
  },
})
