import { appendFile, readdir, readFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:net'
import { join } from 'node:path'
import {
  buildHostileRepository,
  type GitHubServer,
  reviewWorld,
  snapshotDirectory,
  startGitHubServer,
} from '@gitlore/fixtures'
import { type LoopbackModelServer, startLoopbackModelServer } from '@gitlore/llm/test'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  analyzeArgs,
  errorLines,
  makeUser,
  runCli,
  type SecretCatcher,
  startSecretCatcher,
} from './run-built-cli.test-helper.js'

const token = 'ghp_USERsSecretTokenNeverToLeave0123456'
const secrets = { GITHUB_TOKEN: token, CATCHER_API_KEY: 'catcher-key-SECRET', AWS_SECRET_ACCESS_KEY: 'aws-SECRET-key' }
let github: GitHubServer
let models: LoopbackModelServer
let catcher: SecretCatcher

beforeAll(async () => {
  github = await startGitHubServer({ repositories: [reviewWorld()], token })
  models = await startLoopbackModelServer()
  catcher = await startSecretCatcher()
})
afterAll(async () => {
  await Promise.all([github.close(), models.close(), catcher.close()])
})

/** A committed gitlore.toml that tries to send every secret to the catcher and write outside the repository. */
function hostileConfig(outside: string, apiKeyEnv = 'CATCHER_API_KEY'): string {
  return `[github]
api_url = "${catcher.url}/api"
repo = "octo/hello"

[models]
classifier = "offline"
embedding = "offline"
synthesizer = "compatible/scripted"

[providers.compatible]
base_url = "${catcher.url}/v1"
api_key_env = "${apiKeyEnv}"

[output]
dir = "${outside}"

[cache]
path = "${outside}/cache.db"
`
}

/** Every byte gitlore left in a directory, as text, to look for secrets in. */
async function everything(dir: string): Promise<string> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile())
  const contents = await Promise.all(files.map((entry) => readFile(join(entry.parentPath, entry.name), 'latin1')))
  return contents.join('\n')
}

describe('a repository configuration that routes secrets (built CLI)', () => {
  it('sends no token or key to the hosts it names, writes nothing where it points, and says so once', async () => {
    const probe = await buildHostileRepository()
    const repository = await buildHostileRepository({ config: hostileConfig(probe.outside) })
    const user = await makeUser(
      `[github]\napi_url = "${github.url}"\nrepo = "octo/hello"\n\n[providers.compatible]\nbase_url = "${models.url}"\n`,
      secrets,
    )
    const before = await snapshotDirectory(probe.outside)
    const result = await runCli(
      user,
      analyzeArgs(repository.dir, 'report,claude_md', { since: '2024-01-01', offline: false }),
    )

    expect(catcher.requests).toEqual([])
    expect(github.requests.length).toBeGreaterThan(0)
    expect(models.requests.length).toBeGreaterThan(0)
    for (const request of models.requests) expect(JSON.stringify(request)).not.toMatch(/SECRET/)
    const warnings = result.stderr.split('\n').filter((line) => line.includes('only your own configuration may set'))
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain(
      '[github] api_url, [github] repo, [providers.compatible] base_url, [providers.compatible] api_key_env, [output] dir, [cache] path',
    )
    expect(warnings[0]).toContain(`gitlore trust --repo ${repository.dir}`)
    expect(await snapshotDirectory(probe.outside)).toEqual(before)
    expect(await readFile(join(repository.dir, 'gitlore-report.md'), 'utf8')).toContain('# gitlore report')
    const left = `${result.stdout}\n${result.stderr}\n${await everything(repository.dir)}`
    for (const secret of Object.values(secrets)) expect(left).not.toContain(secret)
  })

  it('honours the file once the user trusts it, and only until it changes', async () => {
    const repository = await buildHostileRepository()
    await appendFile(
      join(repository.dir, 'gitlore.toml'),
      `[github]\napi_url = "${catcher.url}/api"\nrepo = "octo/hello"\n`,
    )
    const user = await makeUser(undefined, { GITHUB_TOKEN: token })
    const trusted = await runCli(user, ['trust', '--repo', repository.dir])
    expect(trusted.code).toBe(0)
    expect(trusted.stderr).toContain(`[github] api_url = "${catcher.url}/api"`)
    catcher.requests.length = 0
    await runCli(user, ['context', '--repo', repository.dir, '--since', 'all'])
    // The user chose it: the token goes where the trusted file says.
    expect(catcher.requests.length).toBeGreaterThan(0)
    expect(catcher.requests[0]?.headers).toContain(token)

    catcher.requests.length = 0
    await appendFile(join(repository.dir, 'gitlore.toml'), '# changed after it was trusted\n')
    const changed = await runCli(user, ['context', '--repo', repository.dir, '--since', 'all', '--git-only'])
    expect(catcher.requests).toEqual([])
    expect(changed.stderr).toContain('only your own configuration may set')
    const listed = await runCli(user, ['trust', 'list'])
    expect(listed.stdout).toMatch(/^changed /)
    expect((await runCli(user, ['trust', 'revoke', '--repo', repository.dir])).stderr).toContain('revoked trust')
  })

  it('never sends a cloud credential as an API key, even from a trusted file', async () => {
    const repository = await buildHostileRepository()
    await appendFile(
      join(repository.dir, 'gitlore.toml'),
      `[models]\nsynthesizer = "compatible/x"\n\n[providers.compatible]\nbase_url = "${catcher.url}/v1"\napi_key_env = "AWS_SECRET_ACCESS_KEY"\n`,
    )
    const user = await makeUser(undefined, secrets)
    expect((await runCli(user, ['trust', '--repo', repository.dir])).code).toBe(2)
    catcher.requests.length = 0
    const result = await runCli(user, ['analyze', '--repo', repository.dir, '--git-only', '--since', 'all'])
    // Untrusted, the keys are ignored; the synthesizer then asks the default local server, not the catcher.
    expect(catcher.requests).toEqual([])
    const mine = await makeUser(`[providers.compatible]\napi_key_env = "AWS_SECRET_ACCESS_KEY"\n`, secrets)
    const refused = await runCli(mine, ['context', '--repo', repository.dir, '--git-only'])
    expect(refused.code).toBe(2)
    expect(errorLines(refused)).toHaveLength(1)
    expect(errorLines(refused)[0]).toMatch(/api_key_env.*AWS_SECRET_ACCESS_KEY.*never sends/)
    expect(`${result.stderr}${refused.stderr}`).not.toContain('aws-SECRET-key')
  })

  it('never sends a cloud credential as the cache password, from a trusted file or the user’s own', async () => {
    // A raw TCP listener where the attacker's PostgreSQL would be: any connection is a leak attempt.
    const received: Buffer[] = []
    let connections = 0
    const database: Server = createServer((socket) => {
      connections += 1
      socket.on('data', (chunk: Buffer) => received.push(chunk))
      socket.on('error', () => {})
    })
    await new Promise<void>((resolve) => database.listen(0, '127.0.0.1', resolve))
    const { port } = database.address() as { port: number }
    try {
      const cache = `[cache]\nurl = "postgres://mallory@127.0.0.1:${port}/loot"\npassword_env = "AWS_SECRET_ACCESS_KEY"\n`
      const repository = await buildHostileRepository()
      await appendFile(join(repository.dir, 'gitlore.toml'), cache)
      const user = await makeUser(undefined, secrets)
      const trust = await runCli(user, ['trust', '--repo', repository.dir])
      expect(trust.code).toBe(2)
      expect(errorLines(trust)[0]).toMatch(/password_env.*AWS_SECRET_ACCESS_KEY.*never sends/)
      const untrusted = await runCli(user, ['context', '--repo', repository.dir, '--git-only', '--since', 'all'])
      expect(untrusted.code).toBe(0)
      expect(untrusted.stderr).toContain('[cache] url, [cache] password_env')

      const mine = await makeUser(cache, secrets)
      const refused = await runCli(mine, ['context', '--repo', repository.dir, '--git-only'])
      expect(refused.code).toBe(2)
      expect(errorLines(refused)).toHaveLength(1)
      expect(errorLines(refused)[0]).toMatch(/password_env.*AWS_SECRET_ACCESS_KEY.*never sends/)
      expect(connections).toBe(0)
      const left = `${trust.stderr}${untrusted.stdout}${untrusted.stderr}${refused.stderr}${Buffer.concat(received)}`
      expect(left).not.toContain('aws-SECRET-key')
    } finally {
      await new Promise<void>((resolve) => database.close(() => resolve()))
    }
  })
})
