import { execFile, execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { buildEmptyFixture, buildHistoryFixture, git, type HistoryFixture } from '@gitlore/fixtures'
import { beforeAll, describe, expect, it } from 'vitest'
import { captureTerminal } from './capture-terminal.test-helper.js'
import { main } from './main.js'

const execFileAsync = promisify(execFile)

interface Captured {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

async function run(args: readonly string[], cwd = process.cwd()): Promise<Captured> {
  const terminal = captureTerminal(cwd)
  const code = await main(args, terminal)
  return { code, ...terminal.output }
}

let fixture: HistoryFixture

beforeAll(async () => {
  fixture = await buildHistoryFixture()
})

describe('gitlore context', () => {
  it('prints the context JSON and nothing else on stdout, and writes the same to .gitlore/context.json', async () => {
    const result = await run(['context', '--git-only', '--repo', fixture.dir, '--since', 'all', '--json'])
    expect(result.stderr).not.toContain('error')
    expect(result.code).toBe(0)
    const printed = JSON.parse(result.stdout)
    const written = JSON.parse(await readFile(join(fixture.dir, '.gitlore', 'context.json'), 'utf8'))
    expect(written).toEqual(printed)
    expect(printed.schemaVersion).toBe(1)
    expect(printed.repo.head).toBe((await git(fixture.dir, ['rev-parse', 'HEAD'])).trim())
    expect(printed.repo.branch).toBe('main')
    const nonMerges = Number((await git(fixture.dir, ['rev-list', '--count', '--no-merges', 'HEAD'])).trim())
    const merges = Number((await git(fixture.dir, ['rev-list', '--count', '--merges', 'HEAD'])).trim())
    expect(printed.commits.total).toBe(nonMerges)
    expect(printed.commits.merges).toBe(merges)
  })

  it('gives the same context from both git backends, cached or not', async () => {
    const args = ['context', '--git-only', '--repo', fixture.dir, '--since', 'all', '--until', '2026-01-01', '--json']
    const cli = await run([...args, '--git-backend', 'cli', '--no-cache'])
    const isomorphic = await run([...args, '--git-backend', 'isomorphic', '--no-cache'])
    const cached = await run([...args, '--git-backend', 'cli'])
    const warm = await run([...args, '--git-backend', 'isomorphic'])
    expect(JSON.parse(isomorphic.stdout)).toEqual(JSON.parse(cli.stdout))
    expect(JSON.parse(cached.stdout)).toEqual(JSON.parse(cli.stdout))
    expect(JSON.parse(warm.stdout)).toEqual(JSON.parse(cli.stdout))
  })

  it('reuses stored statistics only while commits, .mailmap and options are unchanged', async () => {
    const { dir } = await buildHistoryFixture()
    const args = ['context', '--git-only', '--repo', dir, '--since', 'all', '--until', '2026-01-01', '--json']
    const first = JSON.parse((await run(args)).stdout)
    expect(JSON.parse((await run(args)).stdout)).toEqual(first)
    const capped = JSON.parse((await run([...args, '--min-shared-commits', '2'])).stdout)
    expect(capped.coupling.length).toBeGreaterThan(first.coupling.length)

    // Folding Dave into Alice in .mailmap must change the people, although no commit changed.
    await writeFile(
      join(dir, '.mailmap'),
      `${await readFile(join(dir, '.mailmap'), 'utf8')}Alice Archer <alice@example.com> <dave@example.com>\n`,
    )
    const remapped = JSON.parse((await run(args)).stdout)
    expect(remapped.commits.authors).toBe(first.commits.authors - 1)
    expect(remapped.people.map((person: { identity: string }) => person.identity)).not.toContain('dave@example.com')

    // A new commit moves HEAD: the listing and the statistics are made again.
    await git(dir, ['commit', '--allow-empty', '--quiet', '-m', 'fix: nothing'], {
      GIT_AUTHOR_NAME: 'Erin Ede',
      GIT_AUTHOR_EMAIL: 'erin@example.com',
      GIT_AUTHOR_DATE: '2025-12-01T00:00:00Z',
      GIT_COMMITTER_NAME: 'Erin Ede',
      GIT_COMMITTER_EMAIL: 'erin@example.com',
      GIT_COMMITTER_DATE: '2025-12-01T00:00:00Z',
    })
    const moved = JSON.parse((await run(args)).stdout)
    expect(moved.commits.total).toBe(remapped.commits.total + 1)
  })

  it('honours the window and the statistics flags', async () => {
    const all = JSON.parse(
      (await run(['context', '--git-only', '--repo', fixture.dir, '--since', 'all', '--json'])).stdout,
    )
    const narrow = JSON.parse(
      (
        await run([
          'context',
          '--git-only',
          '--repo',
          fixture.dir,
          '--since',
          '2025-01-01',
          '--until',
          '2025-01-31',
          '--json',
          '--min-shared-commits',
          '2',
        ])
      ).stdout,
    )
    const expected = Number(
      (await git(fixture.dir, ['log', '--no-merges', '--format=%ad', '--date=unix', 'HEAD']))
        .trim()
        .split('\n')
        .filter((line) => {
          const ms = Number(line) * 1000
          return ms >= Date.parse('2025-01-01T00:00:00Z') && ms <= Date.parse('2025-01-31T23:59:59.999Z')
        }).length,
    )
    expect(narrow.commits.total).toBe(expected)
    expect(narrow.commits.total).toBeLessThan(all.commits.total)
    expect(narrow.window).toEqual({ since: '2025-01-01T00:00:00.000Z', until: '2025-01-31T23:59:59.999Z' })
    expect(narrow.coupling.every((pair: { shared: number }) => pair.shared >= 2)).toBe(true)
  })

  it('prints a readable summary without --json', async () => {
    const result = await run(['context', '--git-only', '--repo', fixture.dir, '--since', 'all'])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/commits \(\+1 merges\) by \d+ authors/)
    expect(result.stdout).toContain('src/db.ts')
  })

  it('without --git-only and with no GitHub remote: review data is not applicable, said once, exit 0', async () => {
    const result = await run(['context', '--repo', fixture.dir, '--since', 'all', '--json'])
    expect(result.code).toBe(0)
    const context = JSON.parse(result.stdout)
    expect(context.commits.total).toBeGreaterThan(0)
    expect(context.sources.reviews).toEqual({
      status: 'not-applicable',
      reason: expect.stringContaining('[github] repo'),
    })
    expect(result.stderr).not.toContain('warning:')
    const notes = result.stderr.split('\n').filter((line) => line.startsWith('reviews not applicable'))
    expect(notes).toHaveLength(1)
  })

  it('finds the repository from a subdirectory', async () => {
    const result = await run(['context', '--git-only', '--since', 'all', '--json'], join(fixture.dir, 'src'))
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout).repo.path).toBe(fixture.dir)
  })
})

describe('bad input', () => {
  it('a missing path: one line, exit 2', async () => {
    const result = await run(['context', '--git-only', '--repo', '/definitely/not/here'])
    expect(result.code).toBe(2)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
    expect(result.stderr).toContain('/definitely/not/here does not exist')
  })

  it('a directory that is not a repository: one line, exit 2', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gitlore-plain-'))
    const result = await run(['context', '--git-only', '--repo', dir])
    expect(result.code).toBe(2)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
    expect(result.stderr).toContain('is not a git repository')
  })

  it('an empty repository: one line, exit 2', async () => {
    const dir = await buildEmptyFixture()
    const result = await run(['context', '--git-only', '--repo', dir])
    expect(result.code).toBe(2)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
    expect(result.stderr).toContain('has no commits yet')
  })

  it('an unknown configuration key: named, exit 2, nothing written', async () => {
    const { dir } = await buildHistoryFixture()
    await writeFile(join(dir, 'gitlore.toml'), '[analysis]\nmax_changset_size = 10\n')
    const result = await run(['context', '--git-only', '--repo', dir, '--json'])
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
    expect(result.stderr).toContain('analysis.max_changset_size')
    await expect(stat(join(dir, '.gitlore', 'context.json'))).rejects.toThrow()
  })

  it('unknown flags, bad numbers and unknown commands: exit 2', async () => {
    expect((await run(['context', '--git-only', '--frobnicate'])).code).toBe(2)
    expect((await run(['context', '--git-only', '--repo', fixture.dir, '--top', 'many'])).stderr).toContain(
      '--top must be a positive whole number',
    )
    expect((await run(['context', '--git-only', '--repo', fixture.dir, '--since', 'yesterday'])).code).toBe(2)
    expect((await run(['context', '--git-only', '--repo', fixture.dir, '--git-backend', 'svn'])).stderr).toContain(
      'analysis.git_backend',
    )
    expect((await run(['frobnicate'])).code).toBe(2)
  })

  it('a flag whose value starts with a dash: one line, exit 2', async () => {
    const result = await run(['context', '--git-only', '--repo', fixture.dir, '--top', '-5'])
    expect(result.code).toBe(2)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
    expect(result.stderr).toContain("'--top=-XYZ'")
  })
})

describe('gitlore analyze --offline', () => {
  it('writes gitlore-report.md with findings that cite real commits', async () => {
    const { dir } = await buildHistoryFixture()
    const result = await run(['analyze', '--repo', dir, '--offline', '--since', 'all', '--format', 'report'])
    expect(result.code).toBe(0)
    const report = await readFile(join(dir, 'gitlore-report.md'), 'utf8')
    expect(report).toContain('src/db.ts')
    const cited = [...report.matchAll(/\b[0-9a-f]{40}\b/g)].map((match) => match[0])
    const known = new Set((await git(dir, ['rev-list', '--all'])).trim().split('\n'))
    for (const sha of cited) expect(known.has(sha)).toBe(true)
  })

  it('--dry-run prints the report and writes nothing', async () => {
    const { dir } = await buildHistoryFixture()
    const result = await run([
      'analyze',
      '--repo',
      dir,
      '--offline',
      '--since',
      'all',
      '--format',
      'report',
      '--dry-run',
    ])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('src/db.ts')
    await expect(stat(join(dir, 'gitlore-report.md'))).rejects.toThrow()
    await expect(stat(join(dir, '.gitlore', 'context.json'))).rejects.toThrow()
  })

  it('writes the default formats, the markdown and the standalone HTML report, into --out', async () => {
    const { dir } = await buildHistoryFixture()
    const out = await mkdtemp(join(tmpdir(), 'gitlore-out-'))
    const result = await run(['analyze', '--repo', dir, '--offline', '--since', 'all', '--out', out])
    expect(result.code).toBe(0)
    expect(await readFile(join(out, 'gitlore-report.md'), 'utf8')).toContain('# gitlore report')
    expect(await readFile(join(out, 'gitlore-report.html'), 'utf8')).toMatch(/^<!doctype html>/i)
    await expect(stat(join(dir, 'gitlore-report.md'))).rejects.toThrow()
  })
})

describe('gitlore runs and gitlore render', () => {
  it('stores every analyze run and renders any of them again, byte for byte, without new work', async () => {
    const { dir } = await buildHistoryFixture()
    const first = await run(['analyze', '--repo', dir, '--offline', '--since', 'all'])
    expect(first.code).toBe(0)
    const firstReport = await readFile(join(dir, 'gitlore-report.md'), 'utf8')
    const firstHtml = await readFile(join(dir, 'gitlore-report.html'), 'utf8')
    const second = await run(['analyze', '--repo', dir, '--offline', '--since', '2025-02-01'])
    expect(second.code).toBe(0)
    expect(await readFile(join(dir, 'gitlore-report.md'), 'utf8')).not.toBe(firstReport)

    const listed = await run(['runs', '--repo', dir])
    const ids = listed.stdout
      .trim()
      .split('\n')
      .map((line) => line.split(/\s+/)[0] as string)
    expect(ids).toHaveLength(2)
    // Each run with how it ended; review data is not applicable here, so nothing is listed as not ok.
    expect(listed.stdout.split('\n')[0]).toMatch(/^\S+ {2}\S+ {2}finished +[0-9a-f]{7} +\d+ findings$/)
    const out = await mkdtemp(join(tmpdir(), 'gitlore-render-'))
    const older = ids[1] as string
    expect((await run(['render', 'report', '--repo', dir, '--run', older, '--out', out])).code).toBe(0)
    expect(await readFile(join(out, 'gitlore-report.md'), 'utf8')).toBe(firstReport)
    expect((await run(['render', 'html', '--repo', dir, '--run', older.slice(0, -1), '--out', out])).code).toBe(0)
    expect(await readFile(join(out, 'gitlore-report.html'), 'utf8')).toBe(firstHtml)
    expect((await run(['render', 'json', '--repo', dir, '--out', out])).code).toBe(0)
    expect(JSON.parse(await readFile(join(out, 'findings.json'), 'utf8')).window.since).toBe('2025-02-01T00:00:00.000Z')

    // A run stopped before its report is listed, and rendering it says why it cannot be.
    const { openRepositoryCache } = await import('@gitlore/pipeline')
    const { cache } = await openRepositoryCache({ dir, env: { PATH: process.env.PATH } })
    try {
      const newest = await cache.getRun(ids[0] as string)
      await cache.putRun({
        ...(newest as NonNullable<typeof newest>),
        id: '20990101T000000-stoppd',
        startedAt: '2099-01-01T00:00:00.000Z',
        status: 'interrupted',
        error: 'interrupted during classification',
        report: null,
      })
    } finally {
      await cache.close()
    }
    const stopped = await run(['runs', '--repo', dir])
    expect(stopped.stdout.split('\n')[0]).toMatch(/^20990101T000000-stoppd {2}\S+ {2}interrupted /)
    const unrenderable = await run(['render', 'report', '--repo', dir, '--run', '20990101T000000-stoppd'])
    expect(unrenderable.code).toBe(2)
    expect(unrenderable.stderr).toContain('interrupted before it had a report (interrupted during classification)')
    // Without --run, the newest run that has a report.
    expect((await run(['render', 'json', '--repo', dir, '--out', out])).code).toBe(0)

    const unknown = await run(['render', 'report', '--repo', dir, '--run', 'nope'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('gitlore runs')
    const pdf = await run(['render', 'pdf', '--repo', dir])
    expect(pdf.code).toBe(2)
    expect(pdf.stderr).toMatch(/^gitlore: unknown format "pdf": gitlore render takes one of report, html, .*copilot\n$/)
    expect((await run(['render', '--repo', dir])).stderr).toContain('gitlore: render needs a format: one of report')
  })
})

describe('gitlore init and gitlore cache', () => {
  it('init writes a gitlore.toml that loads as the defaults, and refuses to overwrite it without --force', async () => {
    const { dir } = await buildHistoryFixture()
    expect((await run(['init', '--repo', dir])).code).toBe(0)
    const written = await readFile(join(dir, 'gitlore.toml'), 'utf8')
    expect(written).toContain('[analysis]')
    const again = await run(['init', '--repo', dir])
    expect(again.code).toBe(2)
    expect(again.stderr).toContain('--force')
    expect((await run(['init', '--repo', dir, '--force'])).code).toBe(0)
    expect((await run(['context', '--git-only', '--repo', dir, '--json'])).code).toBe(0)
  })

  it('cache stats counts what a run stored and cache clear empties it', async () => {
    const { dir } = await buildHistoryFixture()
    await run(['context', '--git-only', '--repo', dir, '--since', 'all'])
    const stats = await run(['cache', 'stats', '--repo', dir])
    expect(stats.code).toBe(0)
    const total = Number((await git(dir, ['rev-list', '--count', 'HEAD'])).trim())
    // stdout is JSON and nothing else; the cache's path is on stderr.
    expect(JSON.parse(stats.stdout).rows.commits).toBe(total)
    expect(stats.stderr).toBe(`${join(dir, '.gitlore', 'cache.db')}\n`)
    expect((await run(['cache', 'clear', '--repo', dir])).code).toBe(0)
    const cleared = await run(['cache', 'stats', '--repo', dir])
    expect(JSON.parse(cleared.stdout).rows.commits).toBe(0)
    expect((await run(['cache', 'vacuum', '--repo', dir])).code).toBe(2)
  })

  it('a foreign file where the cache goes is left untouched and the run continues without it (exit 3)', async () => {
    const { dir } = await buildHistoryFixture()
    await mkdir(join(dir, '.gitlore'), { recursive: true })
    await writeFile(join(dir, '.gitlore', 'cache.db'), 'my notes, not a database\n')
    const result = await run(['context', '--git-only', '--repo', dir, '--json'])
    expect(result.code).toBe(3)
    expect(JSON.parse(result.stdout).schemaVersion).toBe(1)
    expect(result.stderr).toContain('cache')
    expect(await readFile(join(dir, '.gitlore', 'cache.db'), 'utf8')).toBe('my notes, not a database\n')
  })
})

describe('the gitlore binary', () => {
  const bin = join(import.meta.dirname, '..', 'bundle', 'bin.js')

  it('answers --help and --version and exits 0', async () => {
    const help = await execFileAsync('node', [bin, '--help'])
    expect(help.stdout).toContain('Usage: gitlore <command>')
    expect(help.stdout).toContain('context')
    const version = await execFileAsync('node', [bin, '--version'])
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/)
  })

  it('gives the same context from both git backends as a bundled binary', async () => {
    const args = [
      'context',
      '--repo',
      fixture.dir,
      '--git-only',
      '--no-cache',
      '--since',
      'all',
      '--until',
      '2026-01-01',
      '--json',
    ]
    const cli = await execFileAsync('node', [bin, ...args, '--git-backend', 'cli'])
    const isomorphic = await execFileAsync('node', [bin, ...args, '--git-backend', 'isomorphic'])
    expect(JSON.parse(isomorphic.stdout)).toEqual(JSON.parse(cli.stdout))
    expect(JSON.parse(cli.stdout).commits.total).toBeGreaterThan(20)
  })

  it('on a Node.js older than 22 says so in one line and exits 1', async () => {
    const pretend =
      'data:text/javascript,Object.defineProperty(process,"versions",{value:{...process.versions,node:"20.1.0"}})'
    const failure = await execFileAsync('node', ['--import', pretend, bin, '--help']).catch((error) => error)
    expect(failure.code).toBe(1)
    expect(failure.stdout).toBe('')
    expect(failure.stderr).toBe('gitlore needs Node.js 22 or newer; found v20.1.0\n')
  })

  // The entry must also parse on a real old Node; Debian's /usr/bin/node is one where present.
  const oldNode = existsSync('/usr/bin/node')
    ? execFileSync('/usr/bin/node', ['--version'], { encoding: 'utf8' }).trim()
    : ''
  it.skipIf(!/^v(1\d|2[01])\./.test(oldNode))(
    `runs on ${oldNode || 'an old Node'} far enough to say it is too old`,
    async () => {
      const failure = await execFileAsync('/usr/bin/node', [bin, 'analyze']).catch((error) => error)
      expect(failure.code).toBe(1)
      expect(failure.stderr).toBe(`gitlore needs Node.js 22 or newer; found ${oldNode}\n`)
    },
  )

  it('exits 2 with a one-line error for a repository path that does not exist', async () => {
    const failure = await execFileAsync('node', [bin, 'context', '--repo', '/no/such/dir']).catch((error) => error)
    expect(failure.code).toBe(2)
    expect(failure.stdout).toBe('')
    expect(failure.stderr.trim().split('\n')).toHaveLength(1)
  })
})
