import { chmod, chown, lstat, mkdir, mkdtemp, readdir, readFile, rm, symlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildHistoryFixture, buildHostileRepository, snapshotDirectory } from '@gitlore/fixtures'
import { describe, expect, it } from 'vitest'
import { analyzeArgs, errorLines, makeUser, runCli } from './run-built-cli.test-helper.js'

const analyze = (dir: string, formats: string) => analyzeArgs(dir, formats)

describe('links committed to send gitlore’s writes out of the repository (built CLI)', () => {
  it.each([
    ['.gitlore -> outside', { '.gitlore': '{outside}' }, 'report', /\.gitlore is a symbolic link/],
    [
      '.gitlore/gitlore.log -> ~/.bashrc',
      { '.gitlore/gitlore.log': '{outside}/.bashrc' },
      'report',
      /gitlore\.log is a symbolic link/,
    ],
    [
      '.gitlore/context.json -> outside',
      { '.gitlore/context.json': '{outside}/context.json' },
      'report',
      /context\.json is a symbolic link/,
    ],
    [
      'CLAUDE.md -> a secret outside',
      { 'CLAUDE.md': '{outside}/secret.txt' },
      'report,claude_md',
      /CLAUDE\.md is a symbolic link/,
    ],
    ['.github -> outside', { '.github': '{outside}' }, 'report,copilot', /\.github is a symbolic link/],
    ['.cursor -> outside', { '.cursor': '{outside}' }, 'cursor_rules', /\.cursor is a symbolic link/],
    [
      'gitlore-report.md -> ~/.bashrc',
      { 'gitlore-report.md': '{outside}/.bashrc' },
      'report',
      /gitlore-report\.md is a symbolic link/,
    ],
  ])(
    '%s: refused in one line, the outside byte for byte unchanged, the secret not copied in',
    async (_, links, formats, message) => {
      const repository = await buildHostileRepository({ links })
      const before = await snapshotDirectory(repository.outside)
      const result = await runCli(await makeUser(), analyze(repository.dir, formats))
      expect(result.code).toBe(2)
      expect(errorLines(result)).toHaveLength(1)
      expect(errorLines(result)[0]).toMatch(message)
      expect(await snapshotDirectory(repository.outside)).toEqual(before)
      expect(await everythingIn(repository.dir)).not.toContain(repository.secret)
    },
  )

  it.each([
    ['.gitlore/cache.db -> outside', { '.gitlore/cache.db': '{outside}/cache.db' }],
    ['.gitlore/cache.db-wal -> ~/.bashrc', { '.gitlore/cache.db-wal': '{outside}/.bashrc' }],
  ])('%s: the run goes on without the cache (exit 3), the outside unchanged', async (_, links) => {
    const repository = await buildHostileRepository({ links })
    const before = await snapshotDirectory(repository.outside)
    const result = await runCli(await makeUser(), analyze(repository.dir, 'report'))
    expect(result.code).toBe(3)
    expect(result.stderr).toMatch(/warning: cache: .*is a symbolic link.*\(continuing without the cache\)/)
    expect(await snapshotDirectory(repository.outside)).toEqual(before)
  })

  it('CLAUDE.md -> /dev/zero: one line at once, memory bounded (the CLI runs with a 192 MB heap)', async () => {
    const repository = await buildHostileRepository({ links: { 'CLAUDE.md': '/dev/zero' } })
    const started = Date.now()
    const result = await runCli(await makeUser(), analyze(repository.dir, 'claude_md'))
    expect(result.code).toBe(2)
    expect(errorLines(result)).toEqual([expect.stringMatching(/CLAUDE\.md is a symbolic link/)])
    expect(Date.now() - started).toBeLessThan(30_000)
  })

  it('.env -> /dev/zero: one line, exit 2, no hang', async () => {
    const repository = await buildHostileRepository()
    await rm(join(repository.dir, '.env'))
    await symlink('/dev/zero', join(repository.dir, '.env'))
    const result = await runCli(await makeUser(), ['analyze', '--repo', repository.dir, '--git-only', '--since', 'all'])
    expect(result.code).toBe(2)
    expect(errorLines(result)).toEqual([
      expect.stringMatching(/\.env is a symbolic link.*\(gitlore reads keys from it\)/),
    ])
  })

  it('[output] dir and [cache] path of an untrusted repository are ignored: outputs stay inside', async () => {
    const probe = await buildHostileRepository()
    const repository = await buildHostileRepository({
      config: `[output]\ndir = "${probe.outside}"\n\n[cache]\npath = "${probe.outside}/cache.db"\n`,
    })
    const before = await snapshotDirectory(probe.outside)
    const result = await runCli(await makeUser(), analyze(repository.dir, 'report'))
    expect(result.code).toBe(0)
    expect(await snapshotDirectory(probe.outside)).toEqual(before)
    expect((await lstat(join(repository.dir, 'gitlore-report.md'))).isFile()).toBe(true)
    expect((await lstat(join(repository.dir, '.gitlore', 'cache.db'))).isFile()).toBe(true)
  })

  it('--out the user chose outside the repository is written', async () => {
    const repository = await buildHostileRepository()
    const out = join(repository.outside, 'reports')
    const result = await runCli(await makeUser(), [...analyze(repository.dir, 'report'), '--out', out])
    expect(result.code).toBe(0)
    expect(await readdir(out)).toEqual(['gitlore-report.md'])
  })

  it('a read-only .gitlore: one line naming the file, exit 1', async () => {
    const repository = await buildHostileRepository()
    await mkdir(join(repository.dir, '.gitlore'))
    // As root no permission stops a write: run the CLI as an unprivileged user then.
    const root = process.getuid?.() === 0
    if (root) {
      for (const path of [join(repository.dir, '..'), repository.dir]) await chmod(path, 0o755)
      await chown(repository.dir, 65534, 65534)
    }
    await chmod(join(repository.dir, '.gitlore'), 0o555)
    const user = await makeUser(undefined, {
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: 'safe.directory',
      GIT_CONFIG_VALUE_0: '*',
    })
    const result = await runCli(user, ['context', '--repo', repository.dir, '--since', 'all', '--git-only'], {
      ...(root ? { uid: 65534 } : {}),
    })
    expect(result.code).toBe(1)
    expect(errorLines(result)).toEqual([
      expect.stringMatching(/^gitlore: cannot write .*\.gitlore\/context\.json: permission denied; /),
    ])
  })

  it('a repository this user cannot write: one line naming what gitlore keeps in .gitlore, exit 1', async () => {
    const { dir } = await buildHistoryFixture()
    // As root no permission stops a write: the repository stays root's and the CLI runs as nobody.
    const root = process.getuid?.() === 0
    if (root) for (const path of [join(dir, '..'), dir]) await chmod(path, 0o755)
    else await chmod(dir, 0o555)
    const out = await mkdtemp(join(tmpdir(), 'gitlore-out-'))
    await chmod(out, 0o777)
    const user = await makeUser(undefined, {
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: 'safe.directory',
      GIT_CONFIG_VALUE_0: '*',
    })
    for (const args of [
      ['context', '--repo', dir, '--since', 'all', '--git-only'],
      ['analyze', '--repo', dir, '--since', 'all', '--offline', '--out', out],
      ['runs', '--repo', dir],
    ]) {
      const result = await runCli(user, args, root ? { uid: 65534 } : {})
      expect(result.code).toBe(1)
      expect(errorLines(result)).toEqual([
        expect.stringMatching(/^gitlore: cannot write .*\.gitlore\/(context\.json|cache\.db): permission denied; /),
      ])
    }
  })
})

async function everythingIn(dir: string): Promise<string> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  // Everything gitlore could have written: not git's own files, nor the untracked .env that holds the secret.
  const files = entries.filter(
    (entry) =>
      entry.isFile() &&
      entry.parentPath !== join(dir, '.git') &&
      !entry.parentPath.startsWith(`${join(dir, '.git')}/`) &&
      entry.name !== '.env',
  )
  return (await Promise.all(files.map((entry) => readFile(join(entry.parentPath, entry.name), 'latin1')))).join('\n')
}
