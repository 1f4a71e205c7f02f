import * as fs from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { GitCommandError, type RawCommit } from '@gitlore/core'
import { decodeLossy } from './decode.js'
import type {
  CommitSummary,
  GitBackend,
  GitBackendCallOptions,
  ListCommitsOptions,
  RepositoryState,
} from './git-backend.js'
import { loadIsomorphicGit } from './isomorphic/load-isomorphic-git.js'
import { locateRepository, type RepositoryLocation } from './isomorphic/locate-repository.js'
import { ObjectReader } from './isomorphic/object-reader.js'
import { findTreeEntry, treeMode } from './isomorphic/tree-cursor.js'
import { diffTrees } from './isomorphic/tree-diff.js'
import { MissingObjectError } from './missing-object-error.js'
import { toRawCommit } from './raw-commit.js'
import { describeRemote } from './remote.js'
import { describeReplacements, isFalse, readReplaceRefs, replaceObjectsDisabled } from './replace-refs.js'
import { readShallowCommits, readWorkTreeMailmap } from './repository-files.js'

/** Options of `createIsomorphicBackend`. */
export interface IsomorphicBackendOptions {
  /** The repository's top-level directory or any directory inside it. */
  readonly dir: string
}

interface Opened {
  readonly location: RepositoryLocation
  readonly reader: ObjectReader
  readonly shallow: ReadonlySet<string>
  readonly replacements: ReadonlyMap<string, string>
}

/** The replace refs git would apply: none when `GIT_NO_REPLACE_OBJECTS` or `core.useReplaceRefs=false` says so. */
async function activeReplaceRefs(commonDir: string): Promise<ReadonlyMap<string, string>> {
  if (replaceObjectsDisabled()) return new Map()
  const replacements = await readReplaceRefs(commonDir)
  if (replacements.size === 0) return replacements
  const setting = await (await loadIsomorphicGit()).getConfig({ fs, gitdir: commonDir, path: 'core.useReplaceRefs' })
  return isFalse(setting) ? new Map() : replacements
}

/** HEAD's target: the sha (null when the branch has no commit yet) and the branch (null when detached). */
async function readHead(opened: Opened): Promise<{ head: string | null; branch: string | null }> {
  const text = (await readFile(join(opened.location.gitDir, 'HEAD'), 'utf8')).trim()
  if (!text.startsWith('ref:')) return { head: text, branch: null }
  const ref = text.slice(4).trim()
  const { resolveRef } = await loadIsomorphicGit()
  const head = await resolveRef({ fs, gitdir: opened.location.commonDir, ref }).catch((error: unknown) => {
    if ((error as { code?: unknown }).code === 'NotFoundError') return null // a branch without commits yet
    throw new GitCommandError(`cannot resolve ${ref}: ${(error as Error).message}`, { cause: error })
  })
  return { head, branch: ref.replace(/^refs\/heads\//, '') }
}

/** `HEAD:.mailmap` for repositories without a work tree. */
function headMailmap(reader: ObjectReader, head: string | null): Uint8Array | null {
  if (head === null) return null
  const entry = findTreeEntry(reader.tree(reader.commit(head).tree), '.mailmap')
  if (entry === null || entry.mode === treeMode) return null
  try {
    return reader.blob(entry.id)
  } catch (error) {
    // A partial clone may lack the blob; git then reads no .mailmap either.
    if (MissingObjectError.isInstance(error)) return null
    throw error
  }
}

/**
 * The isomorphic-git backend: pure JavaScript, no git binary. Walks commit objects for the listing,
 * diffs trees (memoised, unchanged subtrees skipped) and counts lines with a port of git's xdiff,
 * so its output equals the CLI backend's.
 */
export function createIsomorphicBackend(options: IsomorphicBackendOptions): GitBackend {
  const dir = resolve(options.dir)
  let opened: Promise<Opened> | undefined
  const open = (): Promise<Opened> => {
    opened ??= (async () => {
      const location = await locateRepository(dir)
      const [shallow, replacements] = await Promise.all([
        readShallowCommits(location.commonDir),
        activeReplaceRefs(location.commonDir),
      ])
      return {
        location,
        reader: new ObjectReader(location.commonDir, replacements),
        shallow: new Set(shallow),
        replacements,
      }
    })()
    return opened
  }
  /** Tree of each commit seen by `listCommits`, so diffs need not read parents again. */
  const treeOf = new Map<string, string>()

  return {
    kind: 'isomorphic',
    async readRepository(): Promise<RepositoryState> {
      const repository = await open()
      const { location, reader, shallow } = repository
      const { head, branch } = await readHead(repository)
      const [remote, mailmap] = await Promise.all([
        (await loadIsomorphicGit()).getConfig({
          fs,
          gitdir: location.commonDir,
          path: 'remote.origin.url',
        }) as Promise<unknown>,
        location.workTree === null ? headMailmap(reader, head) : readWorkTreeMailmap(location.workTree),
      ])
      return {
        info: {
          path: location.path,
          head,
          branch,
          remote: typeof remote === 'string' ? describeRemote(remote) : null,
        },
        shallowCommits: [...shallow],
        mailmap: mailmap === null ? null : decodeLossy(mailmap),
        replacements: describeReplacements(repository.replacements),
      }
    },

    async listCommits({ signal, known }: ListCommitsOptions = {}): Promise<readonly CommitSummary[]> {
      const repository = await open()
      const { head } = await readHead(repository)
      if (head === null || known?.commits.has(head) === true) return []
      const commits: CommitSummary[] = []
      // Commits listed before (and so everything they reach) are not walked again.
      const seen = new Set<string>([head])
      const pending = [head]
      for (let sha = pending.pop(); sha !== undefined; sha = pending.pop()) {
        if (commits.length % 1000 === 0) signal?.throwIfAborted()
        const commit = repository.reader.commit(sha)
        const parents = repository.shallow.has(sha) ? [] : commit.parents
        treeOf.set(sha, commit.tree)
        commits.push({ sha, parents, authorTime: commit.authorTime, committerTime: commit.committerTime })
        for (const parent of parents) {
          if (seen.has(parent) || known?.commits.has(parent) === true) continue
          seen.add(parent)
          pending.push(parent)
        }
      }
      return commits
    },

    async *readCommits(shas: readonly string[], { signal }: GitBackendCallOptions = {}): AsyncIterable<RawCommit> {
      const { reader, shallow } = await open()
      for (const [index, sha] of shas.entries()) {
        if (index % 100 === 0) signal?.throwIfAborted()
        const commit = reader.commit(sha)
        const parents = shallow.has(sha) ? [] : commit.parents
        let changes = { files: [] as RawCommit['files'], submoduleEntries: 0 }
        let filesUnknown = false
        if (parents.length < 2) {
          const parent = parents[0]
          const parentTree = parent === undefined ? null : (treeOf.get(parent) ?? reader.commit(parent).tree)
          try {
            changes = diffTrees(reader, parentTree, commit.tree)
          } catch (error) {
            // A tree is missing (a treeless partial clone): the commit's files are unknown, as with git.
            if (!MissingObjectError.isInstance(error)) throw error
            filesUnknown = true
          }
        }
        const raw = toRawCommit({
          sha,
          parents,
          authorName: commit.authorName,
          authorEmail: commit.authorEmail,
          authorTime: commit.authorTime,
          committerTime: commit.committerTime,
          encoding: commit.encoding,
          message: commit.message,
          files: changes.files,
          submoduleEntries: changes.submoduleEntries,
        })
        yield filesUnknown ? { ...raw, filesUnknown } : raw
      }
    },
  }
}
