import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { NotAGitRepositoryError, PathNotFoundError } from '@gitlore/core'
import {
  buildDetachedFixture,
  buildEmptyFixture,
  buildHistoryFixture,
  buildShallowFixture,
  buildSubmoduleFixture,
  buildSyntheticRepository,
  git,
  type HistoryFixture,
} from '@gitlore/fixtures'
import { beforeAll, describe, expect, it } from 'vitest'
import { extractGitHistory } from './extract-git-history.js'
import type { GitBackendKind } from './git-backend.js'
import { buildEdgeCaseRepository } from './test-support/edge-case-repository.js'
import { gitLogOracle, withoutStatus } from './test-support/git-log-oracle.js'

// One suite, run against both backends (like unstorage's driver suite): every fixture is read by
// the backend and compared with plain `git log --numstat --no-renames` run by the real git binary.

const everything = { since: 'all', until: '2100-01-01T00:00:00Z' }

interface Fixtures {
  history: HistoryFixture
  empty: string
  shallow: { dir: string; origin: string }
  detached: { dir: string; head: string }
  submodule: { dir: string; submoduleEntries: number }
  edge: { dir: string; submodulePath: string }
  synthetic: string
  bare: string
}

let fixtures: Fixtures

beforeAll(async () => {
  const [history, empty, shallow, detached, submodule, edge, synthetic] = await Promise.all([
    buildHistoryFixture(),
    buildEmptyFixture(),
    buildShallowFixture(6),
    buildDetachedFixture(),
    buildSubmoduleFixture(),
    buildEdgeCaseRepository(),
    buildSyntheticRepository({ commits: 400, files: 80, seed: 3 }),
  ])
  const bare = join(await mkdtemp(join(tmpdir(), 'gitlore-bare-')), 'history.git')
  await git(history.dir, ['clone', '--quiet', '--bare', history.dir, bare])
  fixtures = { history, empty, shallow, detached, submodule, edge, synthetic, bare }
})

describe.each<GitBackendKind>(['cli', 'isomorphic'])('%s backend', (kind) => {
  const extract = (dir: string, window: { since: string; until?: string } = everything) =>
    extractGitHistory({ dir, ...window, backend: kind })

  it('reads the history fixture exactly as git log does, newest first', async () => {
    const history = await extract(fixtures.history.dir)
    expect(withoutStatus(history.commits)).toEqual(await gitLogOracle(fixtures.history.dir))
    expect(history.repository).toEqual({
      path: fixtures.history.dir,
      head: fixtures.history.shas.end,
      branch: 'main',
      remote: null,
    })
    expect(history.warnings).toEqual([])
    expect(history.shallow).toBe(false)
  })

  it('applies .mailmap: an old identity folds into a new one, a mixed-case email is normalised', async () => {
    const { commits } = await extract(fixtures.history.dir)
    const bySha = new Map(commits.map((commit) => [commit.sha, commit]))
    expect(bySha.get(fixtures.history.shas.pair1 as string)?.author).toEqual({
      name: 'Carol Cruz',
      email: 'carol@example.com',
    })
    expect(bySha.get(fixtures.history.shas.pair0 as string)?.author).toEqual({
      name: 'Bob Baker',
      email: 'bob.baker@example.com',
    })
  })

  it('reports merges without files, renames as delete + add, binaries, mode-only changes and empty files', async () => {
    const { commits } = await extract(fixtures.history.dir)
    const files = (name: string) => commits.find((commit) => commit.sha === fixtures.history.shas[name])?.files
    expect(commits.find((commit) => commit.sha === fixtures.history.shas.merge)?.parents).toHaveLength(2)
    expect(files('merge')).toEqual([])
    expect(files('rename')).toEqual([
      { path: 'src/lib/util.ts', added: 10, removed: 0, status: 'added', binary: false },
      { path: 'src/util.ts', added: 0, removed: 10, status: 'deleted', binary: false },
    ])
    expect(files('logo')).toEqual([
      { path: 'CHANGELOG.md', added: 0, removed: 0, status: 'added', binary: false },
      { path: 'assets/logo.png', added: 0, removed: 0, status: 'added', binary: true },
    ])
    expect(files('logo2')).toEqual([
      { path: 'assets/logo.png', added: 0, removed: 0, status: 'modified', binary: true },
    ])
    expect(files('modeOnly')).toEqual([
      { path: 'src/lib/util.ts', added: 0, removed: 0, status: 'modified', binary: false },
    ])
    expect(files('noNewline')).toEqual([
      { path: 'docs/guide.md', added: 1, removed: 1, status: 'modified', binary: false },
    ])
    expect(files('bulk')).toHaveLength(35)
    expect(files('ancient')?.map((file) => file.status)).toEqual(Array(6).fill('added'))
  })

  it('decodes a Latin-1 message and path lossily instead of failing', async () => {
    const { commits } = await extract(fixtures.history.dir)
    const commit = commits.find((candidate) => candidate.sha === fixtures.history.shas.latin1)
    expect(commit?.subject).toBe('Fix caf\uFFFD encoding in na\uFFFDve path')
    expect(commit?.body).toBe('Latin-1 body \uFFFD la carte')
    expect(commit?.files.map((file) => file.path)).toEqual(['docs/na\uFFFDve.txt', 'src/search.ts'])
  })

  it('windows on author dates, both bounds inclusive, whatever the committer date', async () => {
    const { commits: all } = await extract(fixtures.history.dir)
    const at = (name: string) => all.find((commit) => commit.sha === fixtures.history.shas[name])?.authoredAt as string
    const window = { since: at('fixDb'), until: at('late1') }
    const inside = await extract(fixtures.history.dir, window)
    expect(withoutStatus(inside.commits)).toEqual(await gitLogOracle(fixtures.history.dir, window))
    expect(inside.commits.map((commit) => commit.sha)).toContain(fixtures.history.shas.fixDb)
    expect(inside.commits.map((commit) => commit.sha)).toContain(fixtures.history.shas.late1)
    expect(inside.window).toEqual(window)
    const after = new Date(Date.parse(at('fixDb')) + 1).toISOString()
    const before = new Date(Date.parse(at('late1')) - 1).toISOString()
    const narrowed = await extract(fixtures.history.dir, { since: after, until: before })
    expect(narrowed.commits.map((commit) => commit.sha)).not.toContain(fixtures.history.shas.fixDb)
    expect(narrowed.commits.map((commit) => commit.sha)).not.toContain(fixtures.history.shas.late1)
    // late1 was authored on Feb 17 at 23:00 -05:00 (Feb 18, UTC) and committed on Mar 7: the author date decides.
    const late = await extract(fixtures.history.dir, { since: '2025-02-18', until: '2025-02-18' })
    expect(late.commits.map((commit) => commit.sha)).toEqual([fixtures.history.shas.late1])
  })

  it('returns an empty history for a repository without commits', async () => {
    const history = await extract(fixtures.empty)
    expect(history.commits).toEqual([])
    expect(history.repository).toEqual({ path: fixtures.empty, head: null, branch: 'main', remote: null })
    expect(history.warnings).toEqual([])
  })

  it('stops a shallow clone at its boundary, leaving boundary commits out with a warning', async () => {
    const { dir } = fixtures.shallow
    const history = await extract(dir)
    const boundary = (await git(dir, ['rev-parse', '--shallow-repository'])).trim() === '' ? [] : await shallowShas(dir)
    expect(boundary.length).toBeGreaterThan(0)
    expect(history.shallow).toBe(true)
    expect(history.warnings).toEqual([
      `shallow clone: history stops at ${boundary.length} boundary commit(s); run \`git fetch --unshallow\` for the full history`,
    ])
    expect(history.commits.map((commit) => commit.sha)).not.toContain(boundary[0])
    expect(withoutStatus(history.commits)).toEqual(await gitLogOracle(dir, { exclude: boundary }))
    expect(history.repository.remote).toBe(`file://${fixtures.shallow.origin}`)
  })

  it('reads from a detached HEAD: no branch, head is the sha', async () => {
    const { dir, head } = fixtures.detached
    const history = await extract(dir)
    expect(history.repository.branch).toBeNull()
    expect(history.repository.head).toBe(head)
    expect(history.commits[0]?.sha).toBe(head)
    expect(withoutStatus(history.commits)).toEqual(await gitLogOracle(dir))
  })

  it('skips and counts submodule entries', async () => {
    const { dir, submoduleEntries } = fixtures.submodule
    const history = await extract(dir)
    expect(history.skippedSubmoduleEntries).toBe(submoduleEntries)
    expect(history.warnings).toEqual([
      `skipped ${submoduleEntries} submodule (gitlink) entries: their contents are not analysed`,
    ])
    expect(withoutStatus(history.commits)).toEqual(await gitLogOracle(dir, { ignorePaths: ['vendor/lib'] }))
  })

  it('matches git on typechanges, CRLF, late NUL bytes, multi-line subjects and encoding headers', async () => {
    const { dir, submodulePath } = fixtures.edge
    const history = await extract(dir)
    expect(withoutStatus(history.commits)).toEqual(await gitLogOracle(dir, { ignorePaths: [submodulePath] }))
    expect(history.commits[0]?.subject).toBe('Encod\u00e9 en Latin-1')
    expect(history.commits[0]?.files).toEqual([])
    expect(history.skippedSubmoduleEntries).toBe(2)
    const typechange = history.commits.find((commit) => commit.subject === 'A subject that goes on over two lines')
    expect(typechange?.body).toBe('Body line one\r\nBody line two')
    expect(typechange?.files.find((file) => file.path === 'link')).toEqual({
      path: 'link',
      added: 1,
      removed: 2,
      status: 'modified',
      binary: false,
    })
  })

  it('reads a generated history of a few hundred commits as git does', async () => {
    const history = await extract(fixtures.synthetic)
    expect(withoutStatus(history.commits)).toEqual(await gitLogOracle(fixtures.synthetic))
  })

  it('accepts a subdirectory and resolves the top level', async () => {
    const history = await extract(join(fixtures.history.dir, 'src', 'lib'))
    expect(history.repository.path).toBe(fixtures.history.dir)
    expect(history.commits).toHaveLength(26)
  })

  it('reads a bare repository, with .mailmap from HEAD', async () => {
    const history = await extract(fixtures.bare)
    expect(history.repository.path).toBe(fixtures.bare)
    expect(withoutStatus(history.commits)).toEqual(await gitLogOracle(fixtures.bare))
  })

  it('rejects a directory outside any repository and a missing path', async () => {
    const outside = await mkdtemp(join(tmpdir(), 'gitlore-not-a-repo-'))
    await expect(extract(outside)).rejects.toBeInstanceOf(NotAGitRepositoryError)
    await expect(extract(join(outside, 'missing'))).rejects.toBeInstanceOf(PathNotFoundError)
  })
})

describe('both backends', () => {
  it('produce deep-equal histories on every fixture', async () => {
    const dirs = [
      fixtures.history.dir,
      fixtures.empty,
      fixtures.shallow.dir,
      fixtures.detached.dir,
      fixtures.submodule.dir,
      fixtures.edge.dir,
      fixtures.synthetic,
      fixtures.bare,
    ]
    for (const dir of dirs) {
      const [cli, isomorphic] = await Promise.all([
        extractGitHistory({ dir, ...everything, backend: 'cli' }),
        extractGitHistory({ dir, ...everything, backend: 'isomorphic' }),
      ])
      expect(isomorphic, dir).toEqual(cli)
    }
  })
})

async function shallowShas(dir: string): Promise<string[]> {
  const gitDir = (await git(dir, ['rev-parse', '--absolute-git-dir'])).trim()
  const { readFile } = await import('node:fs/promises')
  return (await readFile(join(gitDir, 'shallow'), 'utf8')).split('\n').filter((line) => line !== '')
}
