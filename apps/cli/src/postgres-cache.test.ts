import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { postgresSkipReason, startTestPostgres, type TestPostgres } from '@gitlore/cache/test'
import { buildHistoryFixture, git } from '@gitlore/fixtures'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { captureTerminal } from './capture-terminal.test-helper.js'
import { main } from './main.js'

async function run(args: readonly string[], env: Record<string, string>) {
  const terminal = captureTerminal(process.cwd())
  const code = await main(args, { ...terminal, env: { ...terminal.env, ...env } })
  return { code, ...terminal.output }
}

const statsOf = (stdout: string) => JSON.parse(stdout.slice(stdout.indexOf('{')))

describe.skipIf(postgresSkipReason() !== null)('a shared PostgreSQL cache', () => {
  let server: TestPostgres
  beforeAll(async () => {
    server = await startTestPostgres()
  })
  afterAll(() => server?.stop())

  it('keeps two repositories’ runs and rows apart in one database, and clears one without the other', async () => {
    const env = { GITLORE_CACHE_URL: await server.createDatabase() }
    const alpha = (await buildHistoryFixture()).dir
    const beta = (await buildHistoryFixture()).dir
    await git(alpha, ['remote', 'add', 'origin', 'https://github.com/octo/alpha.git'])
    const commits = Number((await git(alpha, ['rev-list', '--count', 'HEAD'])).trim())

    for (const dir of [alpha, beta]) {
      const analysed = await run(['analyze', '--offline', '--repo', dir, '--since', 'all', '--format', 'json'], env)
      expect(analysed.stderr).not.toContain('continuing without the cache')
      expect(analysed.code).toBe(0)
    }
    const runs = await run(['runs', '--repo', alpha], env)
    expect(runs.stdout.trim().split('\n')).toHaveLength(1)

    const stats = statsOf((await run(['cache', 'stats', '--repo', alpha], env)).stdout)
    expect(stats.database).toMatch(/^postgres:\/\/gitlore@\//)
    expect(stats.repository).toBe('api.github.com/octo/alpha')
    expect(stats.repositoryRows).toMatchObject({ commits, runs: 1 })
    expect(stats.rows).toMatchObject({ commits: 2 * commits, runs: 2 })

    const cleared = await run(['cache', 'clear', '--repo', alpha], env)
    expect(cleared.stderr).toContain('cleared api.github.com/octo/alpha in postgres://gitlore@')
    expect(statsOf((await run(['cache', 'stats', '--repo', beta], env)).stdout)).toMatchObject({
      repository: `path:${beta}`,
      repositoryRows: { commits, runs: 1 },
      rows: { commits, runs: 1 },
    })
  })

  it('refuses a password in [cache] url and takes the whole URL from the variable url_env names', async () => {
    const url = await server.createDatabase()
    const dir = (await buildHistoryFixture()).dir
    const withPassword = url.replace('gitlore@', 'gitlore:Tr0ub4dor@')
    const refused = await run(['context', '--git-only', '--repo', dir], { GITLORE_CACHE_URL: withPassword })
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('cache.url')
    expect(refused.stderr).toContain('must not hold a password')
    expect(refused.stderr + refused.stdout).not.toContain('Tr0ub4dor')

    // The user names the variable (a repository's own gitlore.toml may not: it could send the cache elsewhere).
    await writeFile(join(dir, 'gitlore.toml'), '[cache]\nurl = "postgres://catcher.example/loot"\n')
    const user = { GITLORE_CACHE_URL_ENV: 'TEAM_CACHE_URL' }
    const missing = await run(['context', '--git-only', '--repo', dir], user)
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('names TEAM_CACHE_URL, which is not set')
    const env = { ...user, TEAM_CACHE_URL: withPassword }
    const used = await run(['context', '--git-only', '--repo', dir, '--since', 'all'], env)
    expect(used.code).toBe(0)
    expect(used.stderr).toContain('[cache] url')
    expect(used.stderr + used.stdout).not.toContain('Tr0ub4dor')
    const stats = statsOf((await run(['cache', 'stats', '--repo', dir], env)).stdout)
    expect(stats.database).not.toContain('catcher')
    expect(stats.repositoryRows.commits).toBeGreaterThan(0)
    expect(JSON.stringify(stats)).not.toContain('Tr0ub4dor')
  })
})
