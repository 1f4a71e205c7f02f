import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  type CommitSummary,
  GitCommandError,
  type ListingStore,
  NotAGitRepositoryError,
  PathNotFoundError,
  type RawCommit,
} from '@gitlore/core'
import {
  buildHistoryFixture,
  buildPartialCloneFixture,
  buildSyntheticRepository,
  git,
  type HistoryFixture,
  type PartialCloneFixture,
} from '@gitlore/fixtures'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { extractGitHistory, type HistoryProgress } from './extract-git-history.js'
import { findRepositoryRoot } from './find-repository-root.js'
import { createGitBackend, type GitBackend, type GitBackendKind } from './git-backend.js'
import { RecordingStore } from './test-support/recording-store.js'

const everything = { since: 'all', until: '2100-01-01T00:00:00Z' }

/** Wraps a backend and records the shas whose diffs it was asked to read, and how often (and how many commits) it listed. */
function spyOn(backend: GitBackend): { backend: GitBackend; read: string[]; listings: number; listed: number[] } {
  const read: string[] = []
  const spy = {
    read,
    listings: 0,
    listed: [] as number[],
    backend: {
      kind: backend.kind,
      readRepository: (options) => backend.readRepository(options),
      listCommits: async (options) => {
        spy.listings++
        const listed = await backend.listCommits(options)
        spy.listed.push(listed.length)
        return listed
      },
      readCommits: (shas, options) => {
        read.push(...shas)
        return backend.readCommits(shas, options)
      },
    } satisfies GitBackend,
  }
  return spy
}

/** An in-memory `ListingStore`. */
function listingStore(): ListingStore & { keys: string[] } {
  const listings = new Map<string, readonly CommitSummary[]>()
  return {
    keys: [],
    async getListing(key) {
      return listings.get(key) ?? null
    },
    async putListing(key, commits) {
      this.keys.push(key)
      listings.set(key, commits)
    },
  }
}

let history: HistoryFixture
let synthetic: string
let partial: PartialCloneFixture

beforeAll(async () => {
  ;[history, synthetic, partial] = await Promise.all([
    buildHistoryFixture(),
    buildSyntheticRepository({ commits: 650, files: 40, seed: 11 }),
    buildPartialCloneFixture(),
  ])
})

afterEach(() => {
  vi.unstubAllEnvs()
})

describe.each<GitBackendKind>(['cli', 'isomorphic'])('extractGitHistory with the %s backend', (kind) => {
  it('reads every diff once, then a warm re-run with the commit store reads none', async () => {
    const store = new RecordingStore()
    const cold = spyOn(createGitBackend({ dir: history.dir, kind }))
    const first = await extractGitHistory({
      dir: history.dir,
      ...everything,
      backend: cold.backend,
      commitStore: store,
    })
    const shas = first.commits.map((commit) => commit.sha)
    expect(cold.read).toEqual(shas)
    expect(store.stored).toEqual(shas)

    const warm = spyOn(createGitBackend({ dir: history.dir, kind }))
    const second = await extractGitHistory({
      dir: history.dir,
      ...everything,
      backend: warm.backend,
      commitStore: store,
    })
    expect(warm.read).toEqual([])
    expect(store.puts).toHaveLength(1)
    expect(second).toEqual(first)
  })

  it('walks the history once per HEAD with a listing store, and again when HEAD moves', async () => {
    const listings = listingStore()
    const dir = await buildSyntheticRepository({ commits: 40, files: 10, seed: 3 })
    const first = spyOn(createGitBackend({ dir, kind }))
    const cold = await extractGitHistory({ dir, ...everything, backend: first.backend, listingStore: listings })
    const second = spyOn(createGitBackend({ dir, kind }))
    const warm = await extractGitHistory({ dir, ...everything, backend: second.backend, listingStore: listings })
    expect([first.listings, second.listings]).toEqual([1, 0])
    expect(warm).toEqual(cold)

    await git(dir, ['commit', '--allow-empty', '--quiet', '-m', 'Move HEAD'], {
      GIT_AUTHOR_NAME: 'A',
      GIT_AUTHOR_EMAIL: 'a@example.com',
      GIT_COMMITTER_NAME: 'A',
      GIT_COMMITTER_EMAIL: 'a@example.com',
    })
    const third = spyOn(createGitBackend({ dir, kind }))
    const moved = await extractGitHistory({ dir, ...everything, backend: third.backend, listingStore: listings })
    // Only the new commit is walked: the rest comes from the listing made before.
    expect(third.listed).toEqual([1])
    expect(moved.commits).toHaveLength(cold.commits.length + 1)
    expect(moved).toEqual(await extractGitHistory({ dir, ...everything, backend: kind }))
    expect(new Set(listings.keys).size).toBe(3)
  })

  it('lists anew when HEAD moves to a history that does not contain the one listed before', async () => {
    const listings = listingStore()
    const dir = await buildSyntheticRepository({ commits: 30, files: 8, seed: 6 })
    await extractGitHistory({ dir, ...everything, backend: kind, listingStore: listings })
    // Rewrite history: HEAD goes back three commits and gets a new one, so the old tip is unreachable.
    await git(dir, ['reset', '--quiet', '--hard', 'HEAD~3'])
    await git(dir, ['commit', '--allow-empty', '--quiet', '-m', 'Rewritten'], {
      GIT_AUTHOR_NAME: 'A',
      GIT_AUTHOR_EMAIL: 'a@example.com',
      GIT_COMMITTER_NAME: 'A',
      GIT_COMMITTER_EMAIL: 'a@example.com',
    })
    const rewritten = await extractGitHistory({ dir, ...everything, backend: kind, listingStore: listings })
    const fresh = await extractGitHistory({ dir, ...everything, backend: kind })
    expect(rewritten).toEqual(fresh)
    expect(rewritten.commits).toHaveLength(28)
  })

  it('reads only the commits the store does not hold', async () => {
    const store = new RecordingStore()
    const first = await extractGitHistory({ dir: history.dir, ...everything, backend: kind, commitStore: store })
    const forgotten = [history.shas.merge, history.shas.latin1, history.shas.end] as string[]
    for (const sha of forgotten) store.commits.delete(sha)
    const spy = spyOn(createGitBackend({ dir: history.dir, kind }))
    const second = await extractGitHistory({
      dir: history.dir,
      ...everything,
      backend: spy.backend,
      commitStore: store,
    })
    expect([...spy.read].sort()).toEqual([...forgotten].sort())
    expect(store.puts.at(-1)?.sort()).toEqual([...forgotten].sort())
    expect(second).toEqual(first)
  })

  it('leaves commits read without some of their objects out of the store, so they are read again', async () => {
    const store = new RecordingStore()
    const first = await extractGitHistory({ dir: partial.damaged, ...everything, backend: kind, commitStore: store })
    const incomplete = [partial.shas.third, partial.shas.second] as string[]
    expect(store.stored.sort()).toEqual(
      first.commits
        .map((commit) => commit.sha)
        .filter((sha) => !incomplete.includes(sha))
        .sort(),
    )
    const spy = spyOn(createGitBackend({ dir: partial.damaged, kind }))
    const second = await extractGitHistory({
      dir: partial.damaged,
      ...everything,
      backend: spy.backend,
      commitStore: store,
    })
    expect(spy.read).toEqual(incomplete)
    expect(second).toEqual(first)
  })

  it('keeps commits read under replace refs apart in the store from the same commits read without them', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'gitlore-replace-store-')), 'repo')
    await git(partial.complete, ['clone', '--quiet', '--no-local', partial.complete, dir])
    const store = new RecordingStore()
    const plain = await extractGitHistory({ dir, ...everything, backend: kind, commitStore: store })
    const blob = (await git(dir, ['rev-parse', `${partial.shas.third}:other.txt`])).trim()
    const { writeFile } = await import('node:fs/promises')
    await writeFile(join(dir, '.git', 'replacement'), 'one\ntwo\nthree\n')
    await git(dir, ['replace', blob, (await git(dir, ['hash-object', '-w', join(dir, '.git', 'replacement')])).trim()])
    const replaced = await extractGitHistory({ dir, ...everything, backend: kind, commitStore: store })
    const other = (result: typeof plain) =>
      result.commits
        .find((commit) => commit.sha === partial.shas.third)
        ?.files.find((file) => file.path === 'other.txt')
    expect(other(plain)?.added).toBe(1)
    expect(other(replaced)?.added).toBe(3)
    await git(dir, ['replace', '-d', blob])
    expect(await extractGitHistory({ dir, ...everything, backend: kind, commitStore: store })).toEqual(plain)
  })

  it('stores identities as committed and applies .mailmap when building the history', async () => {
    const store = new RecordingStore()
    const result = await extractGitHistory({ dir: history.dir, ...everything, backend: kind, commitStore: store })
    const sha = history.shas.pair1 as string
    expect((store.commits.get(sha) as RawCommit).author).toEqual({ name: 'carol', email: 'ccruz@old-laptop.local' })
    expect(result.commits.find((commit) => commit.sha === sha)?.author).toEqual({
      name: 'Carol Cruz',
      email: 'carol@example.com',
    })
  })

  it('asks and fills the store in batches of at most 500 commits', async () => {
    const store = new RecordingStore()
    const result = await extractGitHistory({ dir: synthetic, ...everything, backend: kind, commitStore: store })
    expect(result.commits.length).toBeGreaterThan(500)
    expect(store.gets.length).toBeGreaterThan(1)
    expect(Math.max(...store.gets.map((batch) => batch.length))).toBeLessThanOrEqual(500)
    expect(Math.max(...store.puts.map((batch) => batch.length))).toBeLessThanOrEqual(500)
    expect(store.stored).toHaveLength(result.commits.length)
  })

  it('reads only the commits in the window', async () => {
    const window = { since: '2025-01-20', until: '2025-01-25' }
    const spy = spyOn(createGitBackend({ dir: history.dir, kind }))
    const result = await extractGitHistory({ dir: history.dir, ...window, backend: spy.backend })
    expect(result.commits.map((commit) => commit.subject)).toEqual([
      'bug: search returned deleted rows',
      'Revert "feat: add a query cache"',
      'Add search endpoint',
      'feat: add a query cache',
      'Update logo',
      'Add logo and the empty changelog (#15)',
    ])
    expect(spy.read).toEqual(result.commits.map((commit) => commit.sha))
    expect(result.window).toEqual({ since: '2025-01-20T00:00:00.000Z', until: '2025-01-25T23:59:59.999Z' })
  })

  it('reports progress while listing and reading', async () => {
    const events: HistoryProgress[] = []
    const result = await extractGitHistory({
      dir: history.dir,
      ...everything,
      backend: kind,
      onProgress: (progress) => events.push(progress),
    })
    const total = result.commits.length
    expect(events).toEqual([
      { phase: 'listing', done: 0 },
      { phase: 'listing', done: 26, total: 26 },
      { phase: 'reading', done: 0, total },
      { phase: 'reading', done: total, total },
    ])
  })

  it('stops when aborted', async () => {
    const controller = new AbortController()
    controller.abort()
    await expect(
      extractGitHistory({ dir: history.dir, ...everything, backend: kind, signal: controller.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' })
  })

  it('turns a failing read into GitCommandError', async () => {
    const backend = createGitBackend({ dir: history.dir, kind })
    const read = async () => {
      for await (const _ of backend.readCommits(['0123456789012345678901234567890123456789'])) {
        // drain
      }
    }
    await expect(read()).rejects.toBeInstanceOf(GitCommandError)
  })
})

describe('findRepositoryRoot', () => {
  it('resolves a subdirectory to the top level and rejects paths outside repositories', async () => {
    expect(await findRepositoryRoot(join(history.dir, 'src'))).toBe(history.dir)
    await expect(findRepositoryRoot(join(history.dir, 'missing'))).rejects.toBeInstanceOf(PathNotFoundError)
    const outside = await mkdtemp(join(tmpdir(), 'gitlore-outside-'))
    await expect(findRepositoryRoot(outside)).rejects.toBeInstanceOf(NotAGitRepositoryError)
  })
})

describe('createGitBackend', () => {
  it('picks the git CLI when git is on PATH and isomorphic-git otherwise', () => {
    expect(createGitBackend({ dir: '.' }).kind).toBe('cli')
    vi.stubEnv('PATH', '')
    expect(createGitBackend({ dir: '.' }).kind).toBe('isomorphic')
    expect(createGitBackend({ dir: '.', kind: 'cli' }).kind).toBe('cli')
  })
})
