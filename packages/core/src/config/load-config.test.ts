import { mkdir, mkdtemp, realpath, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError } from '../errors/config-error.js'
import { GitloreError } from '../errors/gitlore-error.js'
import { loadConfig, parseConfig } from './load-config.js'
import { revokeRepositoryTrust, trustRepositoryConfig } from './trust-store.js'
import { userOnlyKeys } from './user-only-keys.js'

async function repoWithConfig(toml: string): Promise<string> {
  const dir = await realpath(await mkdtemp(join(tmpdir(), 'gitlore-config-')))
  await writeFile(join(dir, 'gitlore.toml'), toml)
  return dir
}

/** An environment whose user configuration directory is a fresh temporary one. */
async function userEnvironment(toml?: string): Promise<Record<string, string>> {
  const home = await mkdtemp(join(tmpdir(), 'gitlore-home-'))
  if (toml !== undefined) {
    await mkdir(join(home, 'gitlore'), { recursive: true })
    await writeFile(join(home, 'gitlore', 'gitlore.toml'), toml)
  }
  return { XDG_CONFIG_HOME: home }
}

const hostile = `[analysis]
since = "30d"

[github]
api_url = "https://catcher.example/api"
repo = "victim/private"

[providers.compatible]
base_url = "https://catcher.example/v1"
api_key_env = "CATCHER_API_KEY"

[output]
dir = "/tmp/anywhere"

[cache]
path = "/tmp/anywhere/cache.db"
`

describe('loadConfig', () => {
  it('applies defaults when there is no file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gitlore-config-'))
    const { config, file, warning } = await loadConfig({ repositoryDir: dir, env: await userEnvironment() })
    expect(file).toBeNull()
    expect(warning).toBeNull()
    expect(config.analysis).toMatchObject({ since: '90d', max_changeset_size: 30, min_shared_commits: 3, top: 100 })
    expect(config.output.formats).toEqual(['report', 'html'])
    expect(config.providers.compatible.base_url).toBe('http://localhost:11434/v1')
  })

  it('layers file, then environment, then flags', async () => {
    const dir = await repoWithConfig('[analysis]\nsince = "30d"\ntop = 5\nfix_window_days = 3\n')
    const { config } = await loadConfig({
      repositoryDir: dir,
      env: {
        ...(await userEnvironment()),
        GITLORE_ANALYSIS_TOP: '7',
        GITLORE_PROVIDERS_COMPATIBLE_BASE_URL: 'http://127.0.0.1:9/v1',
      },
      overrides: { analysis: { fix_window_days: 1 } },
    })
    expect(config.analysis.since).toBe('30d')
    expect(config.analysis.top).toBe(7)
    expect(config.analysis.fix_window_days).toBe(1)
    expect(config.providers.compatible.base_url).toBe('http://127.0.0.1:9/v1')
  })

  it('reads true and false from the environment, and names the variable whose value is wrong', async () => {
    const dir = await repoWithConfig('')
    const user = await userEnvironment()
    const { config } = await loadConfig({
      repositoryDir: dir,
      env: { ...user, GITLORE_ANALYSIS_INCLUDE_GENERATED: 'true', GITLORE_ANALYSIS_MERGE_IDENTITIES: 'False' },
    })
    expect(config.analysis.include_generated).toBe(true)
    expect(config.analysis.merge_identities).toBe(false)
    for (const [name, value] of [
      ['GITLORE_ANALYSIS_TOP', 'many'],
      ['GITLORE_OUTPUT_FORMATS', 'report,pdf'],
      ['GITLORE_ANALYSIS_TOPP', '5'],
    ] as const) {
      const error = await loadConfig({ repositoryDir: dir, env: { ...user, [name]: value } }).catch((caught) => caught)
      expect(error).toBeInstanceOf(ConfigError)
      expect((error as Error).message.startsWith(`${name}: `)).toBe(true)
    }
  })

  it('names the flag whose value is wrong', async () => {
    const dir = await repoWithConfig('')
    const env = await userEnvironment()
    const error = await loadConfig({
      repositoryDir: dir,
      env,
      // What a user can type, though the type forbids it.
      overrides: { output: { formats: ['report', 'pdf'] } } as never,
    }).catch((caught) => caught)
    expect(error).toBeInstanceOf(ConfigError)
    expect((error as Error).message).toMatch(/^--format: invalid value for "output\.formats\.1": .*"report"\|"html"/)
  })

  it('names the path of an unknown key', async () => {
    const dir = await repoWithConfig('[analysis]\nsinse = "30d"\n')
    const error = await loadConfig({ repositoryDir: dir, env: {} }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ConfigError)
    expect(GitloreError.isInstance(error)).toBe(true)
    expect((error as ConfigError).keyPath).toBe('analysis.sinse')
    expect((error as ConfigError).message).toContain('unknown key "analysis.sinse"')
  })

  it('names the path of a bad value and of an unknown section', async () => {
    const bad = await repoWithConfig('[analysis]\ngit_backend = "svn"\n')
    await expect(loadConfig({ repositoryDir: bad, env: {} })).rejects.toMatchObject({ keyPath: 'analysis.git_backend' })
    const section = await repoWithConfig('[analyss]\nsince = "30d"\n')
    await expect(loadConfig({ repositoryDir: section, env: {} })).rejects.toMatchObject({ keyPath: 'analyss' })
  })

  it.each([
    ['a section that is not a table', 'analysis = 5\n', 'analysis'],
    ['an empty list of formats', '[output]\nformats = []\n', 'output.formats'],
    ['an API URL that is not a URL', '[github]\napi_url = "not a url"\n', 'github.api_url'],
    [
      'a base URL of another scheme',
      '[providers.compatible]\nbase_url = "file:///etc/passwd"\n',
      'providers.compatible.base_url',
    ],
  ])('refuses %s, naming the file and the key, even when flags set that section', async (_, toml, keyPath) => {
    // User-only keys are validated where they are honoured: the user's own file.
    const userOnly = keyPath.includes('url')
    const dir = userOnly ? await mkdtemp(join(tmpdir(), 'gitlore-config-')) : await repoWithConfig(toml)
    const env = await userEnvironment(userOnly ? toml : undefined)
    const error = await loadConfig({
      repositoryDir: dir,
      env,
      overrides: { analysis: {}, output: { formats: ['report'] } },
    }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ConfigError)
    expect((error as ConfigError).keyPath).toBe(keyPath)
    const file = userOnly ? join(env.XDG_CONFIG_HOME as string, 'gitlore', 'gitlore.toml') : join(dir, 'gitlore.toml')
    expect((error as ConfigError).message).toContain(file)
  })

  it('reports TOML syntax errors with the file name', async () => {
    const dir = await repoWithConfig('[analysis\n')
    await expect(loadConfig({ repositoryDir: dir, env: {} })).rejects.toThrow(/gitlore\.toml is not valid TOML/)
  })

  it('requires an explicit --config file to exist', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gitlore-config-'))
    await expect(loadConfig({ repositoryDir: dir, configPath: join(dir, 'nope.toml'), env: {} })).rejects.toThrow(
      /cannot read config file/,
    )
  })

  it('refuses a repository gitlore.toml that is a link, in one line', async () => {
    const dir = await realpath(await mkdtemp(join(tmpdir(), 'gitlore-config-')))
    await symlink('/dev/zero', join(dir, 'gitlore.toml'))
    const error = await loadConfig({ repositoryDir: dir, env: {} }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ConfigError)
    expect((error as Error).message).toMatch(/gitlore\.toml is a symbolic link/)
  })
  it('takes a PostgreSQL cache URL but refuses one holding a password, without repeating it', async () => {
    const dir = await repoWithConfig('')
    const user = await userEnvironment('[cache]\nurl = "postgres://team@db.internal:5432/gitlore"\n')
    expect((await loadConfig({ repositoryDir: dir, env: user })).config.cache).toMatchObject({
      url: 'postgres://team@db.internal:5432/gitlore',
      url_env: '',
      password_env: '',
    })
    for (const url of [
      'postgres://team:hunter2@db/gitlore',
      'postgresql://db/gitlore?sslmode=require&password=hunter2',
    ]) {
      const error = await loadConfig({ repositoryDir: dir, env: { ...user, GITLORE_CACHE_URL: url } }).catch(
        (caught) => caught,
      )
      expect(error).toBeInstanceOf(ConfigError)
      expect((error as ConfigError).keyPath).toBe('cache.url')
      expect((error as Error).message).toContain('must not hold a password: put it in PGPASSWORD')
      expect((error as Error).message).not.toContain('hunter2')
    }
    const notPostgres = await loadConfig({
      repositoryDir: dir,
      env: { ...user, GITLORE_CACHE_URL: 'mysql://db/x' },
    }).catch((caught) => caught)
    expect((notPostgres as Error).message).toContain('must be a postgres:// URL')
  })
})

describe('the trust model', () => {
  it('ignores user-only keys of an untrusted repository configuration, with one warning naming them', async () => {
    const dir = await repoWithConfig(hostile)
    const loaded = await loadConfig({ repositoryDir: dir, env: await userEnvironment() })
    expect(loaded.config.analysis.since).toBe('30d')
    expect(loaded.config.github).toMatchObject({ api_url: 'https://api.github.com', repo: '' })
    expect(loaded.config.providers.compatible).toEqual({ base_url: 'http://localhost:11434/v1', api_key_env: '' })
    expect(loaded.config.output.dir).toBe('.')
    expect(loaded.config.cache.path).toBe('.gitlore/cache.db')
    expect(loaded.ignored).toEqual([
      'github.api_url',
      'github.repo',
      'providers.compatible.base_url',
      'providers.compatible.api_key_env',
      'output.dir',
      'cache.path',
    ])
    expect(loaded.warning?.split('\n')).toHaveLength(1)
    expect(loaded.warning).toContain('[github] api_url, [github] repo, [providers.compatible] base_url')
    expect(loaded.warning).toContain(`gitlore trust --repo ${dir}`)
  })

  it('honours a trusted file until its bytes change, and stops when trust is revoked', async () => {
    const dir = await repoWithConfig(hostile)
    const env = await userEnvironment()
    const { entry, settings } = await trustRepositoryConfig({ repositoryDir: dir, env })
    expect(settings).toContainEqual({ key: 'github.api_url', value: 'https://catcher.example/api' })
    const trusted = await loadConfig({ repositoryDir: dir, env })
    expect(trusted.warning).toBeNull()
    expect(trusted.config.github.api_url).toBe('https://catcher.example/api')
    expect(trusted.config.cache.path).toBe('/tmp/anywhere/cache.db')

    await writeFile(join(dir, 'gitlore.toml'), `${hostile}\n# one more line\n`)
    const changed = await loadConfig({ repositoryDir: dir, env })
    expect(changed.config.github.api_url).toBe('https://api.github.com')
    expect(changed.ignored).toHaveLength(6)

    await writeFile(join(dir, 'gitlore.toml'), hostile)
    expect((await loadConfig({ repositoryDir: dir, env })).config.github.api_url).toBe('https://catcher.example/api')
    expect(await revokeRepositoryTrust({ file: entry.file, env })).toBe(1)
    expect((await loadConfig({ repositoryDir: dir, env })).config.github.api_url).toBe('https://api.github.com')
  })

  it('takes user-only keys from the user configuration, the environment, --config and flags', async () => {
    const dir = await repoWithConfig('[github]\napi_url = "https://catcher.example/api"\n')
    const env = await userEnvironment('[github]\napi_url = "https://github.example/api/v3"\n')
    const fromUser = await loadConfig({ repositoryDir: dir, env })
    expect(fromUser.config.github.api_url).toBe('https://github.example/api/v3')
    expect(fromUser.ignored).toEqual(['github.api_url'])
    expect(
      (await loadConfig({ repositoryDir: dir, env: { ...env, GITLORE_GITHUB_API_URL: 'http://127.0.0.1:1/' } })).config
        .github.api_url,
    ).toBe('http://127.0.0.1:1/')
    const explicit = join(await mkdtemp(join(tmpdir(), 'gitlore-explicit-')), 'mine.toml')
    await writeFile(explicit, '[output]\ndir = "reports"\n')
    const chosen = await loadConfig({ repositoryDir: dir, env, configPath: explicit })
    expect(chosen.config.output.dir).toBe('reports')
    expect(chosen.warning).toBeNull()
    const flagged = await loadConfig({ repositoryDir: dir, env, overrides: { cache: { path: 'x.db' } } })
    expect(flagged.config.cache.path).toBe('x.db')
  })

  it('limits api_key_env to API key names, even in the user configuration', async () => {
    for (const name of ['AWS_SECRET_ACCESS_KEY', 'GITHUB_TOKEN', 'PATH', 'aws_secret_access_key', 'GH_TOKEN']) {
      const env = await userEnvironment(`[providers.compatible]\napi_key_env = "${name}"\n`)
      const dir = await mkdtemp(join(tmpdir(), 'gitlore-config-'))
      await expect(loadConfig({ repositoryDir: dir, env })).rejects.toMatchObject({
        keyPath: 'providers.compatible.api_key_env',
      })
    }
    const env = await userEnvironment('[providers.compatible]\napi_key_env = "VLLM_API_KEY"\n')
    const dir = await mkdtemp(join(tmpdir(), 'gitlore-config-'))
    expect((await loadConfig({ repositoryDir: dir, env })).config.providers.compatible.api_key_env).toBe('VLLM_API_KEY')
  })

  it('limits every *_env key to names shaped for its use, even in the user configuration', async () => {
    const envKeys: string[] = []
    const walk = (value: unknown, prefix: string) => {
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
        for (const [key, inner] of Object.entries(value)) walk(inner, prefix === '' ? key : `${prefix}.${key}`)
      } else if (prefix.endsWith('_env')) envKeys.push(prefix)
    }
    walk(parseConfig({}), '')
    expect(envKeys).toEqual(['providers.compatible.api_key_env', 'cache.url_env', 'cache.password_env'])
    const toml = (key: string, name: string) => {
      const parts = key.split('.')
      return `[${parts.slice(0, -1).join('.')}]\n${parts.at(-1)} = "${name}"\n`
    }
    const refused = [
      'AWS_SECRET_ACCESS_KEY',
      'GITHUB_TOKEN',
      'GH_TOKEN',
      'NPM_TOKEN',
      'DOCKER_PASSWORD',
      'PATH',
      'HOME',
    ]
    for (const key of envKeys) {
      for (const name of [...refused, 'aws_secret_access_key']) {
        const env = await userEnvironment(toml(key, name))
        const dir = await mkdtemp(join(tmpdir(), 'gitlore-config-'))
        await expect(loadConfig({ repositoryDir: dir, env }), `${key} = ${name}`).rejects.toMatchObject({
          keyPath: key,
        })
      }
    }
    const accepted: Record<string, string[]> = {
      'cache.url_env': ['GITLORE_DATABASE_URL', 'TEAM_CACHE_URL', 'DATABASE_URL', 'PG_DSN'],
      'cache.password_env': ['PGPASSWORD', 'TEAM_CACHE_PASSWORD', 'GITLORE_PG_PASS'],
      'providers.compatible.api_key_env': ['VLLM_API_KEY'],
    }
    for (const [key, names] of Object.entries(accepted)) {
      for (const name of names) {
        const dir = await mkdtemp(join(tmpdir(), 'gitlore-config-'))
        const { config } = await loadConfig({ repositoryDir: dir, env: await userEnvironment(toml(key, name)) })
        expect(key.split('.').reduce<unknown>((table, part) => (table as Record<string, unknown>)[part], config)).toBe(
          name,
        )
      }
    }
  })

  it('refuses a trusted repository file that names a cloud credential as the cache password', async () => {
    const dir = await repoWithConfig(
      '[cache]\nurl = "postgres://mallory@catcher.example/loot"\npassword_env = "AWS_SECRET_ACCESS_KEY"\n',
    )
    const env = await userEnvironment()
    await expect(trustRepositoryConfig({ repositoryDir: dir, env })).rejects.toMatchObject({
      keyPath: 'cache.password_env',
    })
    const untrusted = await loadConfig({ repositoryDir: dir, env })
    expect(untrusted.ignored).toEqual(['cache.url', 'cache.password_env'])
    expect(untrusted.config.cache.password_env).toBe('')
  })

  it('lists every key that holds a URL, a path, a directory or a secret name as user-only', () => {
    const patterns = userOnlyKeys.map((key) => new RegExp(`^${key.replace(/\./g, '\\.').replace('*', '[^.]+')}$`))
    const paths: string[] = []
    const walk = (value: unknown, prefix: string) => {
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
        for (const [key, inner] of Object.entries(value)) walk(inner, prefix === '' ? key : `${prefix}.${key}`)
      } else paths.push(prefix)
    }
    walk(parseConfig({}), '')
    const sensitive = paths.filter((path) => /(url|path|dir|_env|repo)$/.test(path))
    expect(sensitive.length).toBeGreaterThanOrEqual(6)
    for (const path of sensitive)
      expect(
        patterns.some((pattern) => pattern.test(path)),
        path,
      ).toBe(true)
  })
})

describe('a repository configuration written by gitlore init', () => {
  it('loads without a warning: user-only keys at their defaults change nothing', async () => {
    const { configTemplate } = await import('./config-template.js')
    const dir = await repoWithConfig(configTemplate)
    const env = await userEnvironment('[github]\napi_url = "https://github.example/api/v3"\n')
    const loaded = await loadConfig({ repositoryDir: dir, env })
    expect(loaded.warning).toBeNull()
    expect(loaded.config.github.api_url).toBe('https://github.example/api/v3')
  })

  it("keeps the user's own models, formats and window", async () => {
    const { configTemplate } = await import('./config-template.js')
    const dir = await repoWithConfig(configTemplate)
    const env = await userEnvironment(
      '[analysis]\nsince = "30d"\n[models]\nclassifier = "compatible/qwen3:8b"\n[output]\nformats = ["json"]\n',
    )
    const { config } = await loadConfig({ repositoryDir: dir, env })
    expect(config.analysis.since).toBe('30d')
    expect(config.models.classifier).toBe('compatible/qwen3:8b')
    expect(config.output.formats).toEqual(['json'])
  })
})
