import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError } from '../errors/config-error.js'
import { GitloreError } from '../errors/gitlore-error.js'
import { loadConfig } from './load-config.js'

async function repoWithConfig(toml: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'gitlore-config-'))
  await writeFile(join(dir, 'gitlore.toml'), toml)
  return dir
}

describe('loadConfig', () => {
  it('applies defaults when there is no file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gitlore-config-'))
    const { config, file } = await loadConfig({ repositoryDir: dir, env: {} })
    expect(file).toBeNull()
    expect(config.analysis).toMatchObject({ since: '90d', max_changeset_size: 30, min_shared_commits: 3, top: 100 })
    expect(config.output.formats).toEqual(['report', 'html'])
    expect(config.providers.compatible.base_url).toBe('http://localhost:11434/v1')
  })

  it('layers file, then environment, then flags', async () => {
    const dir = await repoWithConfig('[analysis]\nsince = "30d"\ntop = 5\nfix_window_days = 3\n')
    const { config } = await loadConfig({
      repositoryDir: dir,
      env: { GITLORE_ANALYSIS_TOP: '7', GITLORE_PROVIDERS_COMPATIBLE_BASE_URL: 'http://127.0.0.1:9/v1' },
      overrides: { analysis: { fix_window_days: 1 } },
    })
    expect(config.analysis.since).toBe('30d')
    expect(config.analysis.top).toBe(7)
    expect(config.analysis.fix_window_days).toBe(1)
    expect(config.providers.compatible.base_url).toBe('http://127.0.0.1:9/v1')
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
})
