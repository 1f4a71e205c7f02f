import { mkdir, mkdtemp, readFile, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildHistoryFixture, type GitHubServer, generateGitHubWorld, git, startGitHubServer } from '@gitlore/fixtures'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { analyzeRepositories, type RepositoriesEvent } from './analyze-repositories.js'
import { readRepositoryList } from './repository-list.js'

const token = 'ghp_organisationTestTokenNotReal'
let github: GitHubServer
let work: string
let env: Record<string, string | undefined>

beforeAll(async () => {
  github = await startGitHubServer({
    repositories: [
      generateGitHubWorld({ owner: 'octo', name: 'alpha', pullRequests: 24, comments: 240, seed: 1 }),
      generateGitHubWorld({ owner: 'octo', name: 'beta', pullRequests: 24, comments: 240, seed: 2 }),
    ],
    token,
  })
  work = await mkdtemp(join(tmpdir(), 'gitlore-organisation-'))
  env = { PATH: process.env.PATH, XDG_CONFIG_HOME: join(work, 'user-config'), GITHUB_TOKEN: token }
})
afterAll(() => github?.close())

/** `owner/name` served from a bare repository on disk, as a GitHub clone URL would serve it. */
async function servedRepository(owner: string, name: string): Promise<void> {
  const { dir } = await buildHistoryFixture()
  await mkdir(join(work, 'served', owner), { recursive: true })
  await git(work, ['clone', '--quiet', '--bare', dir, join(work, 'served', owner, `${name}.git`)])
}

describe('analyzeRepositories', () => {
  it('does not call a stage that does not apply here (no GitHub origin) degraded', async () => {
    const { dir } = await buildHistoryFixture()
    const list = join(work, 'plain.txt')
    await writeFile(list, `${dir}\n`)
    const result = await analyzeRepositories({
      repositories: await readRepositoryList(list),
      outDir: join(work, 'plain'),
      cloneDir: join(work, 'clones'),
      since: 'all',
      env,
      config: { models: { classifier: 'offline', embedding: 'offline', synthesizer: 'offline' } },
    })
    expect(result.repositories.map((outcome) => [outcome.status, outcome.detail])).toEqual([['ok', undefined]])
    expect(result.rollUp.repositories.map((entry) => [entry.status, entry.detail])).toEqual([['ok', undefined]])
    expect(result.degraded).toBe(false)
  })

  it('analyses paths and clones side by side, keeps going past a failure, and rolls them up', async () => {
    const alpha = (await buildHistoryFixture()).dir
    await git(alpha, ['remote', 'add', 'origin', 'https://github.com/octo/alpha.git'])
    await servedRepository('octo', 'beta')
    const list = join(work, 'repos.txt')
    await writeFile(list, `# two that work, one that does not\n${alpha}\nocto/beta\nocto/missing\n`)
    const events: RepositoriesEvent[] = []
    const options = {
      repositories: await readRepositoryList(list),
      outDir: join(work, 'org'),
      cloneDir: join(work, 'clones'),
      since: 'all',
      env,
      concurrency: 2,
      config: {
        github: { api_url: github.url, clone_url: `file://${join(work, 'served')}/{owner}/{name}.git` },
        models: { classifier: 'offline', embedding: 'offline', synthesizer: 'offline' },
      },
    }
    const result = await analyzeRepositories({ ...options, onEvent: (event) => events.push(event) })

    expect(result.repositories.map((outcome) => [outcome.name, outcome.status])).toEqual([
      [alpha, 'ok'],
      ['octo/beta', 'ok'],
      ['octo/missing', 'failed'],
    ])
    expect(result.repositories[2]?.detail).toMatch(
      /^cannot clone octo\/missing from file:\/\/.*: .*does not appear to be a git repository/,
    )
    expect(result.degraded).toBe(true)
    expect(events.filter((event) => event.type === 'repository-finished')).toHaveLength(3)
    expect(events.some((event) => event.type === 'repository-event' && event.repository === 'octo/beta')).toBe(true)

    // The clone is where the list said, and its reviews are octo/beta's.
    const clone = join(work, 'clones', 'local', 'octo', 'beta')
    expect((await stat(join(clone, '.git'))).isDirectory()).toBe(true)
    expect(result.rollUp.repositories.map((entry) => [entry.name, entry.github])).toEqual([
      [alpha, 'octo/alpha'],
      ['octo/beta', 'octo/beta'],
      ['octo/missing', undefined],
    ])

    // Both worlds draw their review remarks from one set: the same themes and reviewers recur.
    expect(result.rollUp.recurringThemes.length).toBeGreaterThan(0)
    for (const theme of result.rollUp.recurringThemes) {
      expect(theme.repositories.map((entry) => entry.repository).sort()).toEqual([alpha, 'octo/beta'].sort())
    }
    expect(result.rollUp.reviewers[0]?.repositories).toHaveLength(2)
    expect(result.rollUp.repositories[0]?.hotspots.length).toBeGreaterThan(0)

    const markdown = await readFile(join(work, 'org', 'gitlore-org-report.md'), 'utf8')
    expect(markdown).toContain('## Review themes that recur across repositories')
    expect(markdown).toContain('[octo/beta](octo--beta/gitlore-report.md)')
    expect(markdown).toContain('| octo/missing | failed: cannot clone octo/missing')
    expect(await readFile(join(work, 'org', 'octo--beta', 'gitlore-report.md'), 'utf8')).toContain('octo/beta')

    // The roll-up alone, from the runs just stored, analyses nothing and gives the same themes.
    const rolled = await analyzeRepositories({ ...options, outDir: join(work, 'org-again'), rollUpOnly: true })
    expect(rolled.repositories.map((outcome) => [outcome.name, outcome.status])).toEqual([
      [alpha, 'ok'],
      ['octo/beta', 'ok'],
      ['octo/missing', 'missing'],
    ])
    expect(rolled.rollUp.recurringThemes).toEqual(result.rollUp.recurringThemes)
    expect(rolled.repositories[2]?.detail).toContain('no clone in')
  })
})
