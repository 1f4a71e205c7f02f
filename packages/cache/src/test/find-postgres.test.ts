import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { findPostgresBinaries } from './find-postgres.js'
import { PostgresUnavailableError, postgresSkipReason } from './start-test-postgres.js'

describe('finding PostgreSQL for the tests', () => {
  it('takes the newest Debian version, or GITLORE_POSTGRES_BIN first', async () => {
    const root = await mkdtemp(join(tmpdir(), 'gitlore-find-postgres-'))
    for (const version of ['13', '16']) {
      await mkdir(join(root, version, 'bin'), { recursive: true })
      for (const program of ['initdb', 'postgres']) await writeFile(join(root, version, 'bin', program), '')
    }
    expect(findPostgresBinaries({ env: { PATH: '' }, debianRoot: root })).toBe(join(root, '16', 'bin'))
    expect(
      findPostgresBinaries({ env: { PATH: '', GITLORE_POSTGRES_BIN: join(root, '13', 'bin') }, debianRoot: root }),
    ).toBe(join(root, '13', 'bin'))
  })

  it('skips the PostgreSQL tests without a server on a developer’s machine, and fails them in CI', async () => {
    const nowhere = { PATH: '' }
    const debianRoot = join(await mkdtemp(join(tmpdir(), 'gitlore-find-postgres-')), 'none')
    expect(postgresSkipReason({ env: nowhere, debianRoot })).toContain(
      'PostgreSQL server programs (initdb, postgres) not found',
    )
    expect(() => postgresSkipReason({ env: { ...nowhere, CI: 'true' }, debianRoot })).toThrow(PostgresUnavailableError)
    expect(() => postgresSkipReason({ env: { ...nowhere, CI: 'true' }, debianRoot })).toThrow(
      /must run in CI, but PostgreSQL/,
    )
    expect(
      postgresSkipReason({
        env: { ...nowhere, CI: 'true', GITLORE_TEST_POSTGRES_URL: 'postgres://ci@db/x' },
        debianRoot,
      }),
    ).toBeNull()
  })
})
