import { mkdtemp, readdir, readFile, rename, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { git, gitWithInput, people, RepoBuilder } from '@gitlore/fixtures'

/** Repositories that lack objects, with the complete repository they come from. */
export interface PartialCloneFixture {
  /** The complete repository: `git log --numstat` on it is the reference. */
  readonly complete: string
  /** A copy of `complete` whose object store lacks one blob (`removedBlob`), loose objects, no promisor remote. */
  readonly damaged: string
  /** The blob removed from `damaged`: `big.txt` as the second commit left it. */
  readonly removedBlob: string
  /** A copy of `complete` that also lacks the tree of `docs/` as the fourth commit left it. */
  readonly treeless: string
  /** The commits whose diffs need that tree: the fourth (which made it) and the fifth (which replaced it). */
  readonly treelessCommits: readonly string[]
  /** A bare `--filter=blob:limit=300` clone of `complete` (every `big.txt` blob left behind) whose promisor remote is gone. */
  readonly partial: string
  /** The same clone with its promisor remote reachable (it has every object): reading must not fetch. */
  readonly reachable: string
  /** Commit shas by name. */
  readonly shas: Readonly<Record<string, string>>
}

const lines = (count: number, tag: string) => Array.from({ length: count }, (_, line) => `${tag} ${line}\n`).join('')

/**
 * A five-commit history where `big.txt` (more than 300 bytes) changes in most commits beside small
 * files, turned into repositories that lack objects the way partial clones and damaged stores do.
 */
export async function buildPartialCloneFixture(): Promise<PartialCloneFixture> {
  const { alice, bob } = people
  const builder = new RepoBuilder()
  const marks = [
    builder.commit({
      author: alice,
      date: '2025-03-01T10:00:00Z',
      message: 'Add the big file\n',
      files: { 'big.txt': lines(60, 'one'), 'small.txt': 'a\nb\n', 'docs/a.md': '# A\n' },
    }),
    builder.commit({
      author: bob,
      date: '2025-03-02T10:00:00Z',
      message: 'Grow the big file\n',
      files: { 'big.txt': `${lines(60, 'one')}${lines(10, 'two')}`, 'small.txt': 'a\nc\n' },
    }),
    builder.commit({
      author: alice,
      date: '2025-03-03T10:00:00Z',
      message: 'Rewrite the big file\n',
      files: { 'big.txt': lines(50, 'three'), 'other.txt': 'other\n' },
    }),
    builder.commit({
      author: bob,
      date: '2025-03-04T10:00:00Z',
      message: 'Document\n',
      files: { 'small.txt': 'a\nc\nd\n', 'docs/b.md': '# B\n' },
    }),
    builder.commit({
      author: alice,
      date: '2025-03-05T10:00:00Z',
      message: 'Drop the big file\n',
      files: { 'big.txt': null, 'docs/a.md': '# A, again\n' },
    }),
  ]
  const complete = await builder.build()
  const shas = Object.fromEntries(
    ['first', 'second', 'third', 'fourth', 'fifth'].map((name, index) => [name, builder.sha(marks[index] as string)]),
  )
  await git(complete, ['config', 'uploadpack.allowFilter', 'true'])
  const removedBlob = (await git(complete, ['rev-parse', `${shas.second}:big.txt`])).trim()
  const docsTree = (await git(complete, ['rev-parse', `${shas.fourth}:docs`])).trim()

  const damaged = await looseCopy(complete)
  await rm(objectPath(damaged, removedBlob))
  const treeless = await looseCopy(complete)
  await rm(objectPath(treeless, docsTree))

  const partial = await partialClone(complete)
  await git(partial, ['config', 'remote.origin.url', `file://${join(tmpdir(), 'gitlore-no-such-remote')}`])
  const reachable = await partialClone(complete)
  return {
    complete,
    damaged,
    removedBlob,
    treeless,
    treelessCommits: [shas.fourth as string, shas.fifth as string],
    partial,
    reachable,
    shas,
  }
}

/** Where a loose object lives in a work tree's object store. */
export function objectPath(dir: string, oid: string): string {
  return join(dir, '.git', 'objects', oid.slice(0, 2), oid.slice(2))
}

/** A clone of `dir` with every object loose, so single objects can be removed. */
export async function looseCopy(dir: string): Promise<string> {
  const copy = join(await mkdtemp(join(tmpdir(), 'gitlore-damaged-')), 'repo')
  await git(dir, ['clone', '--quiet', '--no-local', dir, copy])
  const packDir = join(copy, '.git', 'objects', 'pack')
  for (const name of await readdir(packDir)) {
    if (!name.endsWith('.pack')) continue
    const moved = join(copy, '.git', name)
    await rename(join(packDir, name), moved)
    await rm(join(packDir, name.replace(/\.pack$/, '.idx')))
    await rm(join(packDir, name.replace(/\.pack$/, '.rev')), { force: true })
    await gitWithInput(copy, ['unpack-objects', '-q'], await readFile(moved))
    await rm(moved)
  }
  return copy
}

async function partialClone(dir: string): Promise<string> {
  const clone = join(await mkdtemp(join(tmpdir(), 'gitlore-partial-')), 'repo.git')
  await git(dir, ['clone', '--quiet', '--bare', '--filter=blob:limit=300', `file://${dir}`, clone])
  return clone
}
