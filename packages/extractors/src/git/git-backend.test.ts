import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { NotAGitRepositoryError, PathNotFoundError } from '@gitlore/core'
import {
  buildDetachedFixture,
  buildEmptyFixture,
  buildHistoryFixture,
  buildPartialCloneFixture,
  buildShallowFixture,
  buildSubmoduleFixture,
  buildSyntheticRepository,
  git,
  type HistoryFixture,
  looseCopy,
  objectPath,
  type PartialCloneFixture,
  people,
  RepoBuilder,
} from '@gitlore/fixtures'
import { beforeAll, describe, expect, it } from 'vitest'
import { createCliBackend } from './cli-backend.js'
import { extractGitHistory } from './extract-git-history.js'
import type { GitBackend } from './git-backend.js'
import { createIsomorphicBackend } from './isomorphic-backend.js'
import { buildEdgeCaseRepository } from './test-support/edge-case-repository.js'
import { gitLogOracle, type OracleCommit, withoutStatus } from './test-support/git-log-oracle.js'

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
  partial: PartialCloneFixture
}

let fixtures: Fixtures

beforeAll(async () => {
  const [history, empty, shallow, detached, submodule, edge, synthetic, partial] = await Promise.all([
    buildHistoryFixture(),
    buildEmptyFixture(),
    buildShallowFixture(6),
    buildDetachedFixture(),
    buildSubmoduleFixture(),
    buildEdgeCaseRepository(),
    buildSyntheticRepository({ commits: 400, files: 80, seed: 3 }),
    buildPartialCloneFixture(),
  ])
  const bare = join(await mkdtemp(join(tmpdir(), 'gitlore-bare-')), 'history.git')
  await git(history.dir, ['clone', '--quiet', '--bare', history.dir, bare])
  fixtures = { history, empty, shallow, detached, submodule, edge, synthetic, bare, partial }
})

/** The backends under test: the CLI backend also with three git processes, so every fixture is split. */
const backends: [string, (dir: string) => GitBackend][] = [
  ['cli', (dir) => createCliBackend({ dir })],
  ['cli, 3 processes', (dir) => createCliBackend({ dir, parallelism: 3 })],
  ['isomorphic', (dir) => createIsomorphicBackend({ dir })],
]

/** The reference history with the file events `unknown` picks marked as having unknown line counts. */
async function oracleWithUnknownLines(
  dir: string,
  unknown: (sha: string, path: string) => boolean,
): Promise<OracleCommit[]> {
  return (await gitLogOracle(dir)).map((commit) => ({
    ...commit,
    files: commit.files.map((file) =>
      unknown(commit.sha, file.path)
        ? { path: file.path, added: 0, removed: 0, binary: false, linesUnknown: true as const }
        : file,
    ),
  }))
}

/** Objects `git rev-list --missing=print` reports missing among everything reachable. */
async function missingObjects(dir: string): Promise<string[]> {
  const listing = await git(dir, ['rev-list', '--objects', '--no-object-names', '--missing=print', '--all'], {
    GIT_NO_LAZY_FETCH: '1',
  })
  return listing
    .split('\n')
    .filter((line) => line.startsWith('?'))
    .sort()
}

const short = (sha: string | undefined) => (sha as string).slice(0, 12)

describe.each(backends)('%s backend', (_, backendFor) => {
  const extract = (dir: string, window: { since: string; until?: string } = everything) =>
    extractGitHistory({ dir, ...window, backend: backendFor(dir) })

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

  it('reads a clone that borrows its objects from another repository (objects/info/alternates)', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'gitlore-shared-')), 'repo')
    await git(fixtures.history.dir, ['clone', '--quiet', '--shared', fixtures.history.dir, dir])
    const history = await extract(dir)
    expect(withoutStatus(history.commits)).toEqual(await gitLogOracle(fixtures.history.dir))
  })

  it('reads a bare repository, with .mailmap from HEAD', async () => {
    const history = await extract(fixtures.bare)
    expect(history.repository.path).toBe(fixtures.bare)
    expect(withoutStatus(history.commits)).toEqual(await gitLogOracle(fixtures.bare))
  })

  it('reads a store that lacks a blob: the file events needing it have unknown line counts, everything else is exact', async () => {
    const { damaged, complete, shas } = fixtures.partial
    const history = await extract(damaged)
    const needsBlob = (sha: string, path: string) => path === 'big.txt' && (sha === shas.second || sha === shas.third)
    expect(withoutStatus(history.commits)).toEqual(await oracleWithUnknownLines(complete, needsBlob))
    expect(history.warnings).toEqual([
      `line counts unknown for 2 file event(s) whose blobs are missing from the object store (a partial clone?): ${short(shas.third)} big.txt, ${short(shas.second)} big.txt; they count 0 added and 0 removed lines, every other number is exact, and nothing was fetched (fetch the objects with git to count them)`,
    ])
  })

  it('reads a store that lacks a tree: the commits whose diffs need it have unknown files, with a warning', async () => {
    const { treeless, treelessCommits, complete } = fixtures.partial
    const history = await extract(treeless)
    const expected = (await gitLogOracle(complete)).map((commit) =>
      treelessCommits.includes(commit.sha) ? { ...commit, files: [] } : commit,
    )
    expect(withoutStatus(history.commits)).toEqual(expected)
    expect(history.warnings).toEqual([
      `files unknown for 2 commit(s) whose trees are missing from the object store (a partial clone?): ${short(treelessCommits[1])}, ${short(treelessCommits[0])}; they count as commits without files, and nothing was fetched`,
    ])
  })

  it('reads a partial clone whose promisor remote is gone, every missing blob an unknown line count', async () => {
    const { partial, complete } = fixtures.partial
    const history = await extract(partial)
    expect(withoutStatus(history.commits)).toEqual(
      await oracleWithUnknownLines(complete, (_sha, path) => path === 'big.txt'),
    )
    expect(history.warnings).toHaveLength(1)
    expect(history.warnings[0]).toMatch(/^line counts unknown for 4 file event\(s\) whose blobs are missing/)
  })

  it('never fetches a missing object, even from a reachable promisor remote', async () => {
    const { reachable, complete } = fixtures.partial
    const before = await missingObjects(reachable)
    expect(before).toHaveLength(3)
    const history = await extract(reachable)
    expect(await missingObjects(reachable)).toEqual(before)
    expect(withoutStatus(history.commits)).toEqual(
      await oracleWithUnknownLines(complete, (_sha, path) => path === 'big.txt'),
    )
  })

  it('honours replace refs as git log does, unless core.useReplaceRefs is off', async () => {
    const { complete, shas } = fixtures.partial
    const dir = join(await mkdtemp(join(tmpdir(), 'gitlore-replaced-')), 'repo')
    await git(complete, ['clone', '--quiet', '--no-local', complete, dir])
    const small = (await git(dir, ['rev-parse', `${shas.second}:big.txt`])).trim()
    await writeFile(join(dir, '.git', 'replacement'), 'only one line now\n')
    const replacementBlob = (await git(dir, ['hash-object', '-w', join(dir, '.git', 'replacement')])).trim()
    await git(dir, ['replace', small, replacementBlob])
    const tree = (await git(dir, ['rev-parse', `${shas.fourth}^{tree}`])).trim()
    const replacementCommit = (
      await git(dir, ['commit-tree', tree, '-p', shas.second as string, '-m', 'Replaced message'], {
        GIT_AUTHOR_NAME: 'Rita Replace',
        GIT_AUTHOR_EMAIL: 'rita@example.com',
        GIT_AUTHOR_DATE: '2025-03-04T12:00:00Z',
        GIT_COMMITTER_NAME: 'Rita Replace',
        GIT_COMMITTER_EMAIL: 'rita@example.com',
        GIT_COMMITTER_DATE: '2025-03-04T12:00:00Z',
      })
    ).trim()
    await git(dir, ['replace', shas.fourth as string, replacementCommit])
    const replaced = await extract(dir)
    const oracle = await gitLogOracle(dir)
    expect(oracle.find((commit) => commit.sha === shas.fourth)?.subject).toBe('Replaced message')
    expect(oracle.map((commit) => commit.sha)).not.toContain(shas.third)
    expect(withoutStatus(replaced.commits)).toEqual(oracle)
    await git(dir, ['config', 'core.useReplaceRefs', 'false'])
    expect(withoutStatus((await extract(dir)).commits)).toEqual(await gitLogOracle(complete))
  })

  it('rejects a directory outside any repository and a missing path', async () => {
    const outside = await mkdtemp(join(tmpdir(), 'gitlore-not-a-repo-'))
    await expect(extract(outside)).rejects.toBeInstanceOf(NotAGitRepositoryError)
    await expect(extract(join(outside, 'missing'))).rejects.toBeInstanceOf(PathNotFoundError)
  })
})

describe('the CLI backend', () => {
  it('counts a commit it must read from blobs as git log would, diff attributes included', async () => {
    const builder = new RepoBuilder()
    builder.commit({
      author: people.alice,
      date: '2025-04-01T10:00:00Z',
      message: 'Start\n',
      files: { '.gitattributes': '*.dat -diff\n', 'data.dat': 'one\n', 'big.txt': 'a\n', 'nul.txt': 'x\0y\n' },
    })
    const second = builder.commit({
      author: people.bob,
      date: '2025-04-02T10:00:00Z',
      message: 'Change everything\n',
      files: { 'data.dat': 'one\ntwo\n', 'big.txt': 'a\nb\n', 'nul.txt': 'x\0z\n', 'plain.txt': 'p\nq\n' },
    })
    const source = await builder.build()
    const expected = await gitLogOracle(source)
    const dir = await looseCopy(source)
    await rm(objectPath(dir, (await git(dir, ['rev-parse', `${builder.sha(second)}:big.txt`])).trim()))
    const history = await extractGitHistory({ dir, ...everything, backend: createCliBackend({ dir }) })
    const files = history.commits[0]?.files ?? []
    expect(files.find((file) => file.path === 'data.dat')).toMatchObject({ added: 0, removed: 0, binary: true })
    expect(withoutStatus(history.commits)[0]?.files).toEqual(
      expected[0]?.files.map((file) =>
        file.path === 'big.txt' ? { path: 'big.txt', added: 0, removed: 0, binary: false, linesUnknown: true } : file,
      ),
    )
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
      fixtures.partial.damaged,
      fixtures.partial.treeless,
      fixtures.partial.partial,
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
